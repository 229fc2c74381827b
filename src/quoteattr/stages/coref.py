"""Resolve pronoun speakers to a named antecedent (rule-based).

Input: a parsed Doc, the candidates (sorted) and the pronoun table.
Output: the candidates with ``name``, ``label`` and ``antecedent`` set.

A named or described mention names itself. A personal pronoun ("he", "she")
takes the most recent person who was a speaker or the subject of a clause
before it, within the last few paragraphs; "it" and "they" take the most
recent organisation or group. Genders seen with a person ("Mrs.", a "she"
already resolved to them) block the other gender. Notes: this is the
subject-salience and recency heuristic of Hobbs-style resolution, without
the full tree search.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from ..types import Candidate, Mention
from .mentions import PRONOUN_KINDS, char_text, entity_text

__all__ = ["resolve_speakers"]

_PERSON = frozenset({"PERSON"})
_GROUPS = frozenset({"ORG", "NORP", "GPE"})
_WINDOW_CHARS = 2500
_FEMALE_TITLES = frozenset({"mrs", "mrs.", "ms", "ms.", "miss"})
_MALE_TITLES = frozenset({"mr", "mr.", "sir"})


@dataclass(frozen=True, slots=True)
class _Antecedent:
    offset: int
    head: int
    label: str
    text: str
    subject: bool


def resolve_speakers(
    doc: Doc,
    cands: list[Candidate],
    pronouns: Mapping[str, str],
    resolve: bool = True,
    roles: Sequence[tuple[int, int, str]] = (),
) -> None:
    """Set ``name``, ``label`` and ``antecedent`` on every candidate with a mention.

    Args:
        doc: The parsed Doc.
        cands: Candidates sorted by position; changed in place.
        pronouns: Pronoun -> kind ("male", "female", "plural", "neuter", ...).
        resolve: When False, pronouns keep themselves as names.
        roles: ``(offset, head token, role)`` of people whose role the text
            states; "the mayor" then resolves to the last person whose role
            contains "mayor".
    """
    pool = _antecedents(doc)
    gender: dict[str, str] = _title_genders(doc)
    for cand in sorted(cands, key=lambda c: c.mention.start if c.mention else c.start):
        mention = cand.mention
        if mention is None:
            continue
        described = _by_role(doc, mention, roles) if resolve and mention.kind == "noun" else None
        if described is not None:
            head = doc[described]
            cand.name, cand.label, cand.antecedent = entity_text(head), "PERSON", head.i
            continue
        if mention.kind not in PRONOUN_KINDS:
            cand.name = _surface(doc, mention)
            cand.label = mention.label or _guess_label(doc, mention)
            cand.antecedent = mention.head
            continue
        text = char_text(doc, mention.start, mention.end).lower()
        kind = pronouns.get(text, "")
        found = _pick(pool, mention, kind, gender) if resolve else None
        if found is None:
            cand.name, cand.label = char_text(doc, mention.start, mention.end), ""
            continue
        cand.name, cand.label, cand.antecedent = found.text, found.label, found.head
        if kind in ("male", "female"):
            gender.setdefault(found.text.split()[-1].lower(), kind)


def _by_role(doc: Doc, mention: Mention, roles: Sequence[tuple[int, int, str]]) -> int | None:
    """'the mayor' -> the last person before it whose stated role contains 'mayor'."""
    head = doc[mention.head]
    text = char_text(doc, mention.start, mention.end).lower()
    if not text.startswith("the ") or len(text) > 40:
        return None
    word = head.lower_
    found = [h for off, h, role in roles if off < mention.start and word in role.lower().split()]
    return found[-1] if found else None


def _surface(doc: Doc, mention: Mention) -> str:
    return char_text(doc, mention.start, mention.end)


def _guess_label(doc: Doc, mention: Mention) -> str:
    head = doc[mention.head]
    if head.pos_ == "PROPN":
        return "PERSON" if head.i > 0 and doc[head.i - 1].pos_ == "PROPN" else ""
    return ""


def _antecedents(doc: Doc) -> list[_Antecedent]:
    pool = []
    for ent in doc.ents:
        if ent.label_ not in _PERSON and ent.label_ not in _GROUPS:
            continue
        root = ent.root
        subject = root.dep_ in ("nsubj", "nsubjpass") or (
            root.dep_ == "pobj"
            and root.head.lower_ == "to"
            and root.head.head.lower_ == "according"
        )
        text = ent.text
        if text.endswith(("'s", "’s")):
            text = text[:-2]
        pool.append(_Antecedent(ent.start_char, root.i, ent.label_, text, subject))
    return pool


def _title_genders(doc: Doc) -> dict[str, str]:
    genders: dict[str, str] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.start == 0:
            continue
        title = doc[ent.start - 1].lower_
        key = ent.text.split()[-1].lower()
        if title in _FEMALE_TITLES:
            genders.setdefault(key, "female")
        elif title in _MALE_TITLES:
            genders.setdefault(key, "male")
    return genders


def _pick(
    pool: list[_Antecedent], mention: Mention, kind: str, gender: dict[str, str]
) -> _Antecedent | None:
    if kind in ("male", "female"):
        labels = _PERSON
    elif kind in ("neuter", "plural"):
        labels = _GROUPS
    else:
        return None
    window = [
        a
        for a in pool
        if a.label in labels and mention.start - _WINDOW_CHARS <= a.offset < mention.start
    ]
    if kind in ("male", "female"):
        window = [a for a in window if gender.get(a.text.split()[-1].lower(), kind) == kind]
    subjects = [a for a in window if a.subject]
    chosen = subjects or window
    return chosen[-1] if chosen else None
