"""Resolve pronoun speakers to a named antecedent (rule-based).

Input: a parsed Doc, the candidates (sorted) and the ``Lexicon`` (pronouns,
honorific genders, organisation and group nouns).
Output: the candidates with ``name``, ``label`` and ``antecedent`` set.

A named or described mention names itself. A personal pronoun ("he", "she")
takes the most recent person who was a speaker or the subject of a clause
(or in apposition to one: "Britain's transport secretary, Helen Ashby, said")
before it, within the last few paragraphs; "it" takes the most recent
organisation ("The county health department ... It said"); "they" the most
recent organisation or group ("Union leaders ... They said"). Genders seen
with a person ("Mrs.", a "she" already resolved to them) block the other
gender; when the text says nothing, the usual sex of a first name
(``Lexicon.first_name_genders``, names shared by both sexes left out) does
("Hillary Clinton met Bernie Sanders. He said" -> Sanders; a "she" never goes
to Ted Cruz); a pronoun with no agreeing person stays unresolved. A definite
description headed by a role noun ("the minister"; not "the bank") takes the
last person whose stated role holds its head noun and every modifier ("the
French shipping minister" is not "Foreign Minister Wang Yi"). Notes: this is
the subject-salience and recency heuristic of Hobbs-style resolution, without
the full tree search.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex
from spacy.tokens import Doc, Token

from ..lexicon import Lexicon
from ..types import Candidate, Mention
from .doc_memo import cached, ents_of
from .mentions import PRONOUN_KINDS, entity_text
from .names import corrected_is_person, surnames_of

__all__ = ["GROUP_LABEL", "quoted_contents", "resolve_speakers"]

#: Label of an antecedent that is an unnamed group of people ("Union leaders").
GROUP_LABEL = "GROUP"
_PERSON = frozenset({"PERSON"})
_NEUTER = frozenset({"ORG", "GPE"})
_PLURAL = frozenset({"ORG", "NORP", "GPE", GROUP_LABEL})
_WINDOW_CHARS = 2500
#: Quotation marks around a direct quotation's content.
_MARKS = frozenset("\"'“”‘’«»")
#: What separates the words of a name, hyphens included ("Jackson-Pruitt").
_LAST_WORD = regex.compile(r"[\s\-‐–]+")
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


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
    lexicon: Lexicon,
    resolve: bool = True,
    roles: Sequence[tuple[int, int, str]] = (),
) -> list[Candidate]:
    """Return ``cands`` with ``name``, ``label`` and ``antecedent`` set on every candidate
    with a mention (the others as they are, in the same order).

    Args:
        doc: The parsed Doc.
        cands: Candidates sorted by position (not changed: candidates are frozen).
        lexicon: Pronoun kinds ("he" -> "male"), honorific genders, organisation
            and group nouns.
        resolve: When False, pronouns keep themselves as names.
        roles: ``(offset, head token, role)`` of people whose role the text
            states; "the mayor" then resolves to the last person whose role
            contains "mayor".

    Returns:
        The candidates, each with its speaker resolved, in the order of ``cands``.
    """
    pronouns = lexicon.pronouns
    full = doc.text  # once: each doc.text call costs O(doc)
    quoted = quoted_contents(doc, cands, full)
    pool = [
        a
        for a in _antecedents(doc, lexicon, roles)
        if not any(start <= a.offset < end for start, end in quoted)
    ]
    pool.sort(key=lambda a: a.offset)
    gender: dict[str, str] = _title_genders(doc, lexicon)
    usual = _first_name_genders(doc, lexicon)
    shared = _shared_surnames(doc)
    resolved: dict[int, Candidate] = {}  # id of a candidate -> its resolved copy
    for cand in sorted(cands, key=lambda c: c.mention.start if c.mention else c.start):
        mention = cand.mention
        if mention is None:
            continue
        described = (
            _by_role(doc, mention, roles, full, lexicon)
            if resolve and mention.kind == "noun"
            else None
        )
        if described is not None:
            head = doc[described]
            resolved[id(cand)] = replace(
                cand, name=entity_text(head), label="PERSON", antecedent=head.i
            )
            continue
        if mention.kind not in PRONOUN_KINDS:
            resolved[id(cand)] = replace(
                cand,
                name=full[mention.start : mention.end],
                label=mention.label or _guess_label(doc, mention),
                antecedent=mention.head,
            )
            continue
        text = full[mention.start : mention.end].lower()
        kind = pronouns.get(text, "")
        found = _pick(pool, mention, kind, gender, usual, shared) if resolve else None
        if found is None:
            resolved[id(cand)] = replace(cand, name=full[mention.start : mention.end], label="")
            continue
        resolved[id(cand)] = replace(
            cand, name=found.text, label=found.label, antecedent=found.head
        )
        if kind in ("male", "female"):
            _note(gender, found.text, kind)
    return [resolved.get(id(c), c) for c in cands]


def quoted_contents(doc: Doc, cands: Sequence[Candidate], text: str) -> list[tuple[int, int]]:
    """Spans of the contents that stand between quotation marks: the people named in a
    quotation are what the speaker talks about, not who speaks next ('"Joan wanted
    hymns," she recalled' is no antecedent for the next "she"). Kept for the Doc while
    it is ``doc_memo.active``: coreference and identity read the same contents."""
    return cached(
        doc,
        "quoted_contents",
        lambda: [
            (c.start, c.end)
            for c in cands
            if c.start > 0
            and c.end < len(text)
            and text[c.start - 1] in _MARKS
            and text[c.end] in _MARKS
        ],
    )


def _described_person(
    doc: Doc, token: Token, roles: Sequence[tuple[int, int, str]], lexicon: Lexicon
) -> _Antecedent | None:
    """A subject that describes a person by the role the text gave them ("Her coach was
    less sure.", after "Coach Tamara Price"): an antecedent standing for that person."""
    if (
        token.tag_ != "NN"
        or token.lemma_.lower() not in lexicon.role_nouns
        or not any(c.dep_ in ("det", "poss") for c in token.lefts)
    ):
        return None
    found = [
        h
        for off, h, role in roles
        if off < token.idx and token.lower_ in role.lower().replace("’", "'").split()
    ]
    if not found:
        return None
    start = min(t.idx for t in token.subtree if t.i <= token.i)
    person = doc[found[-1]]
    return _Antecedent(start, person.i, "PERSON", entity_text(person), True)


def _by_role(
    doc: Doc,
    mention: Mention,
    roles: Sequence[tuple[int, int, str]],
    full: str,
    lexicon: Lexicon,
) -> int | None:
    """'the mayor' -> the last person before it whose stated role contains 'mayor'.
    Only a description headed by a role noun describes a person: 'the bank' never
    resolves to the bank's chief executive."""
    head = doc[mention.head]
    text = full[mention.start : mention.end].lower()
    if (
        not text.startswith("the ")
        or (head.lower_ not in lexicon.role_nouns and head.lemma_.lower() not in lexicon.role_nouns)
        or len(text) > 40
        or any(c.dep_ == "appos" for c in head.children)
    ):
        return None
    words = set(text.replace("’", "'").split()[1:])
    found = [
        h
        for off, h, role in roles
        if off < mention.start and words <= set(role.lower().replace("’", "'").split())
    ]
    return found[-1] if found else None


def _guess_label(doc: Doc, mention: Mention) -> str:
    head = doc[mention.head]
    if head.pos_ == "PROPN":
        return "PERSON" if head.i > 0 and doc[head.i - 1].pos_ == "PROPN" else ""
    return ""


def _antecedents(
    doc: Doc, lexicon: Lexicon, roles: Sequence[tuple[int, int, str]] = ()
) -> list[_Antecedent]:
    pool = []
    surnames = surnames_of(doc)
    for ent in ents_of(doc):
        label = ent.label_
        if label in ("ORG", "GPE") and corrected_is_person(doc, ent, lexicon, surnames):
            label = "PERSON"  # "the coach, Paul Dent," tagged as an organisation
        if label not in _PERSON and label not in _PLURAL:
            continue
        root = ent.root
        text = ent.text
        if text.endswith(("'s", "’s")):
            text = text[:-2]
        pool.append(_Antecedent(ent.start_char, root.i, label, text, _is_subject(root, lexicon)))
    known = {
        _LAST_WORD.split(a.text.strip())[-1].lower()
        for a in pool
        if a.label in _PERSON and a.text.strip()
    }
    for token in doc:
        if (
            token.lower_ in known
            and token.ent_iob_ == "O"
            and token.pos_ in ("PROPN", "NOUN")
            and token.text[:1].isupper()
            and (token.i + 1 == len(doc) or doc[token.i + 1].pos_ != "PROPN")
        ):  # "Benning is not convinced": a surname the tagger left out of any entity
            subject = _is_subject(token, lexicon)
            pool.append(_Antecedent(token.idx, token.i, "PERSON", token.text, subject))
            continue
        if token.dep_ not in _SUBJECT_DEPS or token.ent_iob_ != "O" or token.pos_ != "NOUN":
            continue
        label = _noun_label(token, lexicon)
        if label:
            start = min(t.idx for t in token.subtree if t.i <= token.i)
            pool.append(_Antecedent(start, token.i, label, _noun_phrase(token), True))
        elif roles and (described := _described_person(doc, token, roles, lexicon)):
            pool.append(described)
    pool.sort(key=lambda a: a.offset)
    return pool


def _is_subject(root: Token, lexicon: Lexicon) -> bool:
    """A clause subject, in apposition to one, or the source of "according to"
    (``Lexicon.source_prepositions`` and ``source_complement_prepositions``)."""
    if root.dep_ in _SUBJECT_DEPS:
        return True
    if root.dep_ == "appos" and root.head.dep_ in _SUBJECT_DEPS:
        return True
    return (
        root.dep_ == "pobj"
        and root.head.lower_ in lexicon.source_complement_prepositions
        and root.head.head.lower_ in lexicon.source_prepositions
    )


def _noun_label(token: Token, lexicon: Lexicon) -> str:
    """ "ORG" for a definite organisation noun subject ("the county health department"),
    GROUP_LABEL for a plural noun of people or groups ("Union leaders"), else ""."""
    lemma = token.lemma_.lower()
    if token.tag_ in ("NNS", "NNPS"):
        if (
            lemma in lexicon.role_nouns
            or lemma in lexicon.group_nouns
            or lemma in lexicon.group_person_nouns
        ):
            return GROUP_LABEL
        return ""
    if lemma in lexicon.org_nouns and any(
        c.lower_ in lexicon.definite_articles for c in token.lefts
    ):
        return "ORG"
    return ""


def _noun_phrase(token: Token) -> str:
    """The noun's words up to itself, without a leading article ("county health department")."""
    tokens = [t for t in token.subtree if t.i <= token.i and not t.is_punct]
    while tokens and tokens[0].pos_ == "DET":
        tokens.pop(0)
    return " ".join(t.text for t in tokens)


def _title_genders(doc: Doc, lexicon: Lexicon) -> dict[str, str]:
    genders: dict[str, str] = {}
    for ent in ents_of(doc):
        if ent.label_ != "PERSON":
            continue
        for i in (ent.start - 1, ent.start):  # "Mrs. Patel", or "Mrs" taken into the entity
            if i >= 0 and doc[i].lower_ in lexicon.honorific_genders:
                _note(genders, ent.text, lexicon.honorific_genders[doc[i].lower_])
                break
    return genders


def _note(table: dict[str, str], name: str, gender: str) -> None:
    """Record ``gender`` under a name and under its last word (first record wins)."""
    low = name.lower()
    table.setdefault(low, gender)
    table.setdefault(low.split()[-1], gender)


def _gender_of(
    name: str, gender: dict[str, str], usual: dict[str, str], shared: frozenset[str]
) -> str | None:
    """The gender the text states for ``name``, else the usual sex of its given name;
    a surname that two people of the document share ("Bill Clinton", "Hillary
    Clinton") is only looked up with its full name."""
    low = name.lower()
    last = low.split()[-1]
    for table in (gender, usual):
        if low in table:
            return table[low]
        if last not in shared and last in table:
            return table[last]
    return None


def _shared_surnames(doc: Doc) -> frozenset[str]:
    """Last words of person names whose full names differ ("Bill/Hillary Clinton")."""
    firsts: dict[str, set[str]] = {}
    for ent in ents_of(doc):
        words = ent.text.lower().split()
        if ent.label_ == "PERSON" and len(words) >= 2:
            firsts.setdefault(words[-1], set()).add(" ".join(words[:-1]))
    return frozenset(last for last, first in firsts.items() if len(first) > 1)


def _first_name_genders(doc: Doc, lexicon: Lexicon) -> dict[str, str]:
    """Full name, surname and given name -> the usual sex of the given name of each
    full personal name ("Bernie Sanders", "sanders", "bernie" -> "male"); a weaker hint
    than what the text states.

    A name whose first word the article uses alone and whose last word it never uses
    alone is written family name first ("Lin Haoran ... Lin said"): its first word is
    not a given name and gives no hint."""
    usual: dict[str, str] = {}
    alone = _names_used_alone(doc)
    for ent in ents_of(doc):
        tokens = [t for t in ent if t.lower_ not in lexicon.honorifics]
        words = [t.lower_ for t in tokens]
        if ent.label_ != "PERSON" or len(words) < 2 or words[0] not in lexicon.first_name_genders:
            continue
        if not tokens[0].whitespace_:
            continue  # "Jackson-Pruitt": a hyphenated surname, no given name
        if words[0] in alone and words[-1] not in alone:
            continue
        usual.setdefault(words[0], lexicon.first_name_genders[words[0]])  # "Hillary" alone
        _note(usual, ent.text, lexicon.first_name_genders[words[0]])
    return usual


def _names_used_alone(doc: Doc) -> frozenset[str]:
    """Lower-case proper nouns that stand alone (no proper noun on either side)."""
    return frozenset(
        t.lower_
        for t in doc
        if t.pos_ == "PROPN"
        and (t.i == 0 or doc[t.i - 1].pos_ != "PROPN")
        and (t.i + 1 == len(doc) or doc[t.i + 1].pos_ != "PROPN")
    )


def _pick(
    pool: list[_Antecedent],
    mention: Mention,
    kind: str,
    gender: dict[str, str],
    usual: dict[str, str],
    shared: frozenset[str] = frozenset(),
) -> _Antecedent | None:
    if kind in ("male", "female"):
        labels = _PERSON
    elif kind == "neuter":
        labels = _NEUTER
    elif kind == "plural":
        labels = _PLURAL
    else:
        return None
    window = [
        a
        for a in pool
        if a.label in labels and mention.start - _WINDOW_CHARS <= a.offset < mention.start
    ]
    if kind in ("male", "female"):
        # what the text states (an honorific, an earlier pronoun) first; else the usual
        # sex of the first name (names shared by both sexes are not in the table)
        window = [a for a in window if _gender_of(a.text, gender, usual, shared) in (None, kind)]
    subjects = [a for a in window if a.subject]
    chosen = subjects or window
    return chosen[-1] if chosen else None
