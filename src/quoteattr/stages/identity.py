"""Speaker identity: who each attribution's source is, once for the whole document.

Input: the parsed Doc, candidates resolved by ``coref`` and the ``Lexicon``.
Output: one ``Identity`` per candidate (None without a speaker): a merge key
(the same for every mention of one speaker), the canonical name, role, title,
affiliation, source kind and gender; ``rekey`` does the same merge for quotes of
a long text processed in chunks.

What each mention says comes from ``source_kinds`` (names cleaned and entity
boundaries corrected by ``names``); this module merges the mentions of one
speaker and is the only place that assigns keys, canonical names and roles.

Rules:
- Names are the full name the document gives ("Blinken" -> "Anthony Blinken",
  also when the full name comes later), without honorifics or titles ("Sen.
  Dick Durbin" -> "Dick Durbin", "Striker Lena Park" -> "Lena Park"), with the
  tagger's entity extended over name particles ("Ursula von der Leyen") and over
  "of" + a place after an organisation ("the ACLU of Tennessee").
- A description resolves to a name when the text gives one: an apposition ("the
  prime minister, Keir Starmer,"), an organisation named before it for "the
  company", "the agency", "the ministry" (one whose name holds the noun first),
  the author or publisher of "a report by X", "a Gallup poll", "the survey" (the
  one X published), an acronym to the name it abbreviates ("the WHO"), a surname the
  tagger left out of any entity to the full name written elsewhere. A group of unnamed
  people is named by its description ("tenant advocates"); a single source the text
  does not name has no name, and its description is its role ("senior official").
- Kinds: person, organization (a name with an organisation word, "Norvale
  Foods", is never a person), group (unnamed people, "officials"), document,
  anonymous (a single unnamed person, "a senior official", or people described
  as a withheld source, "people familiar with the matter").
- A role stated at any mention belongs to every quote of the speaker; gender
  only where the text states it (he/she resolved to the speaker, Mr/Mrs/Ms).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from ..lexicon import Lexicon
from ..models import EntityType, Gender, Quote, replaced
from ..types import Candidate
from .coref import quoted_contents
from .doc_memo import ents_of
from .merge import canonical_name, name_words
from .names import (
    acronyms,
    clean_person,
    corrected_is_person,
    name_run,
    org_names,
    person_names,
    surnames_of,
)
from .roles import predicate_role, role_of, split_role, surname_roles
from .source_kinds import GENDERS, Facts, mention_facts

__all__ = ["Identity", "identify", "rekey"]

#: Kinds of source named by their description ("tenant advocates"), not by a name
#: to complete from the document's person and organisation names.
_DESCRIBED = frozenset({EntityType.GROUP, EntityType.DESCRIPTION})
#: Quotation marks and punctuation that never open or close a role.
_ROLE_EDGES = " \"'“”‘’«»,;:"


@dataclass(frozen=True, slots=True)
class Identity:
    """Who a speaker is, as far as the document says.

    Attributes:
        key: Shared by every mention of the same speaker (lower-case name, or
            the mention, for a source the text does not name: ``Speaker.label``).
        name: Canonical name; a group's description; None for a single source the
            text does not name.
        role: Role as written at any mention of the speaker.
        role_title: The title part of the role.
        affiliation: The organisation part of the role.
        entity_type: Kind of source.
        gender: Gender the text states, else None.
    """

    key: str
    name: str | None
    role: str | None
    role_title: str | None
    affiliation: str | None
    entity_type: EntityType
    gender: Gender | None


def identify(
    doc: Doc, cands: Sequence[Candidate], lexicon: Lexicon, text: str
) -> list[Identity | None]:
    """Return the identity of each candidate's speaker (None without a mention).

    Args:
        doc: The parsed Doc.
        cands: Candidates after ``coref.resolve_speakers``.
        lexicon: Titles, honorifics, role, group, organisation and document nouns.
        text: ``doc.text``.

    Returns:
        One entry per candidate, in order.
    """
    facts = [mention_facts(doc, c, lexicon, text) if c.mention is not None else None for c in cands]
    persons = person_names(
        doc,
        lexicon,
        [f.name for f in facts if f and f.name and f.entity_type is EntityType.PERSON],
    )
    orgs_named = org_names(doc, lexicon)
    titles = _bare_titles(lexicon)
    short_forms = acronyms(doc, text)
    keys: list[str | None] = []
    roles: dict[str, str] = {}
    genders: dict[str, Gender] = {}
    types: dict[str, EntityType] = {}
    for cand, fact in zip(cands, facts, strict=True):
        if fact is None:
            keys.append(None)
            continue
        if fact.name in short_forms and fact.entity_type is not EntityType.PERSON:
            fact.name = short_forms[fact.name]  # "the WHO" -> "World Health Organization"
            fact.label, fact.entity_type = "ORG", EntityType.ORGANIZATION
        if fact.entity_type is EntityType.UNKNOWN and fact.name and " " not in fact.name:
            run = name_run(doc, fact.name, lexicon)  # "President Ilse Vandekamp ... Vandekamp"
            if run is not None:
                fact.name, fact.role = run[0], fact.role or run[1]
                fact.label, fact.entity_type = "PERSON", EntityType.PERSON
        if fact.name is not None and fact.entity_type not in _DESCRIBED:
            written = fact.name
            fact.name = canonical_name(written, fact.label, persons, titles)
            if fact.entity_type is not EntityType.PERSON and _is_person(
                written, fact, persons, titles
            ):
                fact.entity_type = EntityType.PERSON
            elif fact.entity_type in (EntityType.ORGANIZATION, EntityType.UNKNOWN) or (
                fact.entity_type is EntityType.PERSON
                and fact.name == written
                and len(written.split()) == 1
            ):
                _as_organisation(fact, orgs_named, titles, lexicon.org_name_words)
        key = fact.name.lower() if fact.name is not None else _mention_text(cand, text)
        keys.append(key)
        if fact.entity_type is not EntityType.DOCUMENT:
            types.setdefault(key, fact.entity_type)
        if fact.entity_type is EntityType.PERSON and not fact.role:
            fact.role = _antecedent_role(doc, cand, lexicon)
        if fact.entity_type is EntityType.PERSON and not fact.role and fact.head is not None:
            fact.role = role_of(doc, doc[fact.head], lexicon)
        if fact.role:
            _note_role(roles, key, fact.role)
        if fact.gender is not None:
            genders.setdefault(key, fact.gender)
    for key, gender in _stated_genders(doc, lexicon, persons, titles).items():
        genders.setdefault(key, gender)
    surnames = surnames_of(doc)
    quoted = quoted_contents(doc, cands, text)
    for ent in ents_of(doc):
        if any(start <= ent.start_char < end for start, end in quoted):
            continue  # "Aunt Rosa didn't yell once": a form of address inside a quotation
        if ent.label_ != "PERSON" and not (
            ent.label_ in ("ORG", "GPE") and corrected_is_person(doc, ent, lexicon, surnames)
        ):
            continue
        role_text = role_of(doc, ent.root, lexicon)
        if role_text:
            person_name = clean_person(doc, ent.root, lexicon, surnames)
            key = canonical_name(person_name, "PERSON", persons, titles).lower()
            _note_role(roles, key, role_text)
    for subject in surname_roles(doc, lexicon, surnames):  # "Voss is the board chairman"
        role_text = predicate_role(subject, lexicon)
        if role_text and not any(start <= subject.idx < end for start, end in quoted):
            key = canonical_name(subject.text, "PERSON", persons, titles).lower()
            _note_role(roles, key, role_text)
    orgs = frozenset(e.text for e in ents_of(doc) if e.label_ in ("ORG", "GPE", "NORP"))
    out: list[Identity | None] = []
    for own_key, fact in zip(keys, facts, strict=True):
        if own_key is None or fact is None:
            out.append(None)
            continue
        entity_type = types.get(own_key, fact.entity_type)
        if fact.entity_type is EntityType.DOCUMENT:
            entity_type = EntityType.DOCUMENT  # "a report by X": X's, but a document
        is_person = entity_type is EntityType.PERSON
        described = is_person or entity_type is EntityType.ANONYMOUS  # "a senior official"
        role = roles.get(own_key) if described else None
        title, affiliation = split_role(role, lexicon, orgs) if role else (None, None)
        stated = genders.get(own_key) if is_person else None
        out.append(Identity(own_key, fact.name, role, title, affiliation, entity_type, stated))
    return out


def rekey(quotes: list[Quote], persons: Iterable[str], lexicon: Lexicon) -> list[Quote]:
    """Merge the speakers of quotes from several chunks of one text.

    Canonical names are recomputed against every person name of the text (a
    surname in one chunk, the full name in another), ids numbered by first
    quote, and roles and genders shared by every quote of a speaker.

    Args:
        quotes: The quotes of all chunks, sorted, offsets into the whole text.
        persons: Person names found anywhere in the text.
        lexicon: For titles.

    Returns:
        The quotes with their speakers merged.
    """
    titles = _bare_titles(lexicon)
    by_surname: dict[str, dict[str, None]] = {}  # canonical_name needs same-surname names only
    for person in list(persons) + [
        q.speaker.name
        for q in quotes
        if q.speaker is not None and q.speaker.name and q.speaker.entity_type is EntityType.PERSON
    ]:
        words = name_words(person, titles)
        if words:
            by_surname.setdefault(words[-1], {})[person] = None
    known = {
        canonical_name(p, "PERSON", (), titles) for names in by_surname.values() for p in names
    }
    ids: dict[str, int] = {}
    merged: dict[str, dict[str, object]] = {}
    keyed: list[tuple[Quote, str | None, str | None]] = []
    for q in quotes:
        sp = q.speaker
        if sp is None:
            keyed.append((q, None, None))
            continue
        name: str | None = sp.name
        if sp.name is not None:
            label = "PERSON" if sp.entity_type is EntityType.PERSON else "ORG"
            words = name_words(sp.name, titles)
            same = list(by_surname.get(words[-1], ())) if words else []
            name = canonical_name(sp.name, label, same, titles)
        key = name.lower() if name is not None else sp.mention.text.lower()
        ids.setdefault(key, len(ids))
        shared = merged.setdefault(key, {})
        for field in ("role", "role_title", "affiliation", "gender"):
            if getattr(sp, field) is not None:
                shared.setdefault(field, getattr(sp, field))
        keyed.append((q, name, key))
    out: list[Quote] = []
    for q, canonical, qkey in keyed:
        if q.speaker is None or qkey is None:
            out.append(q)
            continue
        update: dict[str, object] = {"id": ids[qkey], "name": canonical}
        if canonical in known and q.speaker.entity_type is not EntityType.PERSON:
            update["entity_type"] = EntityType.PERSON  # as ``identify`` does for one Doc
        if q.speaker.role is None:
            update.update({f: merged[qkey].get(f) for f in ("role", "role_title", "affiliation")})
        if q.speaker.gender is None:
            update["gender"] = merged[qkey].get("gender")
        out.append(replaced(q, speaker=replaced(q.speaker, **update)))
    return out


def _note_role(roles: dict[str, str], key: str, role: str) -> None:
    """Keep the first role stated for ``key``, unless a later one says the same and more
    ("Sen." then "Sen. (D-San Jose)")."""
    role = role.strip(_ROLE_EDGES)  # '" her defense attorney' after a quotation
    if not role:
        return
    known = roles.get(key)
    if known is None or (role != known and known in role):
        roles[key] = role


def _mention_text(cand: Candidate, text: str) -> str:
    assert cand.mention is not None
    return text[cand.mention.start : cand.mention.end].lower()


def _bare_titles(lexicon: Lexicon) -> frozenset[str]:
    """Titles and honorifics as ``merge.name_words`` compares them (no point)."""
    return frozenset(t.rstrip(".") for t in lexicon.titles | lexicon.honorifics)


def _is_person(written: str, fact: Facts, persons: Sequence[str], titles: frozenset[str]) -> bool:
    """A one-word name that the tagger took for a place or organisation but that is the
    surname of a person of the document ("Bell" for "Marcus Bell")."""
    if fact.name is None or fact.entity_type not in (
        EntityType.ORGANIZATION,
        EntityType.PLACE,
        EntityType.UNKNOWN,
    ):
        return False
    words = name_words(written, titles)
    if len(words) != 1 and fact.entity_type is not EntityType.UNKNOWN:
        return False
    return fact.name in persons


def _as_organisation(
    fact: Facts, orgs: Sequence[str], titles: frozenset[str], suffixes: frozenset[str]
) -> None:
    """Give a short organisation name its full form in the document ("the Commission"
    -> "European Commission"; "Nordwind" -> "Nordwind Shipping"; "Parcelo Logistics" ->
    "Parcelo Logistics LLC", ``suffixes`` being the organisation name words)."""
    assert fact.name is not None
    words = name_words(fact.name, titles)
    if not words:
        return
    longer = [
        o
        for o in orgs
        if len(other := name_words(o, titles)) > len(words)
        and set(words) <= set(other)
        and (
            other[-1] == words[-1]
            or (len(words) == 1 and other[0] == words[0])
            or (other[-2] == words[-1] and other[-1] in suffixes)  # "X Logistics LLC"
        )
    ]
    if len(set(longer)) == 1:
        fact.name = longer[0]
        fact.label = "ORG"
        fact.entity_type = EntityType.ORGANIZATION


def _stated_genders(
    doc: Doc, lexicon: Lexicon, persons: Sequence[str], titles: frozenset[str]
) -> dict[str, Gender]:
    """Genders the honorifics state ("Mrs. Anita Patel", "Mr Hale"), by name key."""
    out: dict[str, Gender] = {}
    for ent in ents_of(doc):
        if ent.label_ != "PERSON":
            continue
        for i in (ent.start - 1, ent.start):
            kind = lexicon.honorific_genders.get(doc[i].lower_) if i >= 0 else None
            if kind is not None:
                name = canonical_name(
                    clean_person(doc, ent.root, lexicon), "PERSON", persons, titles
                )
                out.setdefault(name.lower(), GENDERS[kind])
                break
    return out


def _antecedent_role(doc: Doc, cand: Candidate, lexicon: Lexicon) -> str | None:
    """The role stated next to the named antecedent of a candidate, if any."""
    if cand.antecedent is None or cand.label not in ("PERSON", ""):
        return None
    return role_of(doc, doc[cand.antecedent], lexicon)
