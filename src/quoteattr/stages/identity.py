"""Speaker identity: who each attribution's source is, once for the whole document.

Input: the parsed Doc, candidates resolved by ``coref`` and the ``Lexicon``.
Output: one ``Identity`` per candidate (None without a speaker): a merge key
(the same for every mention of one speaker), the canonical name, role, title,
affiliation, source kind and gender; ``rekey`` does the same merge for quotes of
a long text processed in chunks.

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
  one X published). A source the text does not name has no name.
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

from spacy.tokens import Doc, Span, Token

from ..lexicon import Lexicon
from ..models import EntityType, Gender, Quote
from ..types import Candidate
from .coref import GROUP_LABEL
from .mentions import PRONOUN_KINDS, entity_span
from .merge import canonical_name, name_words
from .roles import name_start, role_of, split_role

__all__ = ["Identity", "identify", "rekey"]

_LABEL_TYPES = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORGANIZATION,
    "GPE": EntityType.PLACE,
    "LOC": EntityType.PLACE,
    "FAC": EntityType.PLACE,
    "NORP": EntityType.GROUP,
    GROUP_LABEL: EntityType.GROUP,
}
_PRONOUN_TYPES = {
    "male": EntityType.PERSON,
    "female": EntityType.PERSON,
    "plural": EntityType.GROUP,
    "neuter": EntityType.ORGANIZATION,
}
_GENDERS = {"male": Gender.MALE, "female": Gender.FEMALE}
_AUTHOR_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART"})
_AUTHOR_PREPS = frozenset({"by", "from", "in", "of"})
_ORG_WINDOW_CHARS = 3000
#: How far back "the company" looks for an organisation whose name lacks the noun.
_NEAR_ORG_CHARS = 600
_PERSON_NOUNS = frozenset({"person", "source", "man", "woman"})


@dataclass(frozen=True, slots=True)
class Identity:
    """Who a speaker is, as far as the document says.

    Attributes:
        key: Shared by every mention of the same speaker (lower-case name, or
            "@" and the mention for an unnamed source).
        name: Canonical name, or None for a source the text does not name.
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


@dataclass(slots=True)
class _Facts:
    """What one mention says about its speaker, before the document-wide merge."""

    name: str | None
    label: str
    entity_type: EntityType
    role: str | None = None
    gender: Gender | None = None
    head: int | None = None


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
    facts = [_facts(doc, c, lexicon, text) if c.mention is not None else None for c in cands]
    persons = _person_names(doc, facts, lexicon)
    orgs_named = _org_names(doc, lexicon)
    titles = _bare_titles(lexicon)
    keys: list[str | None] = []
    roles: dict[str, str] = {}
    genders: dict[str, Gender] = {}
    types: dict[str, EntityType] = {}
    for cand, fact in zip(cands, facts, strict=True):
        if fact is None:
            keys.append(None)
            continue
        if fact.name is not None:
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
                _as_organisation(fact, orgs_named, titles)
        key = fact.name.lower() if fact.name is not None else "@" + _mention_text(cand, text)
        if fact.entity_type is EntityType.DOCUMENT:
            key = "document:" + key  # "a report by X" is not X's own statement
        keys.append(key)
        types.setdefault(key, fact.entity_type)
        if fact.entity_type is EntityType.PERSON and not fact.role:
            fact.role = _antecedent_role(doc, cand, lexicon)
        if fact.entity_type is EntityType.PERSON and not fact.role and fact.head is not None:
            fact.role = role_of(doc, doc[fact.head], lexicon)
        if fact.role:
            roles.setdefault(key, fact.role)
        if fact.gender is not None:
            genders.setdefault(key, fact.gender)
    for key, gender in _stated_genders(doc, lexicon, persons, titles).items():
        genders.setdefault(key, gender)
    surnames = _surnames(doc)
    for ent in doc.ents:
        if ent.label_ != "PERSON" and not (
            ent.label_ in ("ORG", "GPE") and _corrected_is_person(doc, ent, lexicon, surnames)
        ):
            continue
        role_text = role_of(doc, ent.root, lexicon)
        if role_text:
            person_name = _clean_person(doc, ent.root, lexicon, surnames)
            key = canonical_name(person_name, "PERSON", persons, titles).lower()
            roles.setdefault(key, role_text)
    orgs = frozenset(e.text for e in doc.ents if e.label_ in ("ORG", "GPE", "NORP"))
    out: list[Identity | None] = []
    for own_key, fact in zip(keys, facts, strict=True):
        if own_key is None or fact is None:
            out.append(None)
            continue
        entity_type = types[own_key]
        is_person = entity_type is EntityType.PERSON
        role = roles.get(own_key) if is_person else None
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
        key = name.lower() if name is not None else "@" + sp.mention.text.lower()
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
        out.append(q.model_copy(update={"speaker": q.speaker.model_copy(update=update)}))
    return out


def _mention_text(cand: Candidate, text: str) -> str:
    assert cand.mention is not None
    return text[cand.mention.start : cand.mention.end].lower()


def _bare_titles(lexicon: Lexicon) -> frozenset[str]:
    """Titles and honorifics as ``merge.name_words`` compares them (no point)."""
    return frozenset(t.rstrip(".") for t in lexicon.titles | lexicon.honorifics)


def _facts(doc: Doc, cand: Candidate, lexicon: Lexicon, text: str) -> _Facts:
    mention = cand.mention
    assert mention is not None
    head = doc[mention.head]
    written = text[mention.start : mention.end]
    if mention.kind in PRONOUN_KINDS:
        kind = lexicon.pronouns.get(written.lower(), "")
        gender = _GENDERS.get(kind)
        if cand.antecedent is not None and cand.label and cand.name:
            fact = _named(doc, doc[cand.antecedent], cand.name, cand.label, lexicon)
            fact.gender = gender if fact.entity_type is EntityType.PERSON else None
            return fact
        return _Facts(None, "", _PRONOUN_TYPES.get(kind, EntityType.UNKNOWN), gender=gender)
    if mention.kind == "noun":
        return _described(doc, cand, head, lexicon)
    return _named(doc, head, cand.name or written, cand.label or mention.label, lexicon)


def _named(doc: Doc, head: Token, name: str, label: str, lexicon: Lexicon) -> _Facts:
    """A speaker the text names: its cleaned name, kind and the title inside the entity."""
    if label == GROUP_LABEL:
        return _Facts(None, label, EntityType.GROUP)
    if label == "ORG" and head.ent_type_ != "ORG" and head.pos_ == "NOUN":
        return _Facts(name, label, EntityType.ORGANIZATION)  # "county health department"
    ent = _corrected_entity(doc, head, lexicon)
    role = None
    if ent is not None:
        label = ent.label_ if ent.label_ else label
        first = name_start(doc, ent, lexicon) if label in ("PERSON", "") else ent.start
        name = _strip(doc[first : ent.end].text)
        if first > ent.start:
            lead = ent.start
            while lead > ent.sent.start and _title_word(doc[lead - 1], lexicon):
                lead -= 1  # "Chief" before "Constable Mark Rowley"
            titled = [t for t in doc[lead:first] if t.lower_ not in lexicon.honorifics]
            role = " ".join(t.text for t in titled) or None
    else:
        name = _strip(name)
    words = [w.lower().rstrip(".,") for w in name.split()]
    if label in ("PERSON", "") and any(w in lexicon.org_name_words for w in words[1:]):
        label = "ORG"
    if not label and len(words) > 1 and head.pos_ == "PROPN":
        label = "PERSON"
    entity_type = _LABEL_TYPES.get(label, EntityType.UNKNOWN)
    return _Facts(name or None, label, entity_type, role=role, head=head.i)


def _title_word(token: Token, lexicon: Lexicon) -> bool:
    """A capitalised title or role noun ("Chief", "Deputy")."""
    low = token.lower_
    return token.text[:1].isupper() and (low in lexicon.titles or low in lexicon.role_nouns)


def _described(doc: Doc, cand: Candidate, head: Token, lexicon: Lexicon) -> _Facts:
    """A speaker described by a noun phrase: "the company", "a report by X", "officials"."""
    if cand.label == "PERSON" and cand.antecedent is not None and cand.antecedent != head.i:
        return _named(doc, doc[cand.antecedent], cand.name or "", "PERSON", lexicon)
    label = _name_label(doc, head)
    if label:  # "Sanders often questions ...": a name the tagger took for a noun
        return _named(doc, head, head.text, label, lexicon)
    appos = _appos_entity(head)
    if appos is not None:
        fact = _named(doc, appos.root, appos.text, appos.root.ent_type_, lexicon)
        if fact.entity_type is EntityType.PERSON:
            fact.role = _description(head, appos) or fact.role
        return fact
    lemma = head.lemma_.lower()
    words = {t.lower_ for t in head.subtree}
    if lemma in lexicon.document_nouns:
        author = _author(doc, head, lexicon)
        return _Facts(author, "ORG", EntityType.DOCUMENT)
    definite = any(c.lower_ in ("the", "this", "that") for c in head.lefts)
    body = lemma in lexicon.org_nouns or lemma in lexicon.group_nouns
    if body and head.tag_ not in ("NNS", "NNPS"):
        proper = [c for c in head.lefts if c.pos_ == "PROPN" or c.ent_type_ in ("PERSON", "ORG")]
        if proper:  # "the Clinton campaign", "Bernie Sanders' campaign"
            return _Facts(_noun_name(head), "ORG", EntityType.ORGANIZATION)
    if lemma in lexicon.org_nouns and head.tag_ not in ("NNS", "NNPS") and definite:
        return _Facts(_previous_org(doc, head), "ORG", EntityType.ORGANIZATION)
    if words & lexicon.anonymity_words:
        return _Facts(None, "", EntityType.ANONYMOUS)
    if head.tag_ in ("NNS", "NNPS") or lemma in lexicon.group_nouns:
        people = lemma in lexicon.role_nouns or lemma in lexicon.group_nouns or lemma == "person"
        return _Facts(None, "", EntityType.GROUP if people else EntityType.DESCRIPTION)
    if lemma in lexicon.role_nouns or lemma in _PERSON_NOUNS:
        return _Facts(None, "", EntityType.ANONYMOUS)
    return _Facts(None, "", EntityType.DESCRIPTION)


def _name_label(doc: Doc, head: Token) -> str:
    """The entity label of a capitalised noun written as a name elsewhere in the
    document ("Sanders" at a sentence start, tagged as a plural noun), else ""."""
    if not head.text[:1].isupper() or head.ent_type_ or len(head.text) < 2:
        return ""
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG") and any(t.text == head.text for t in ent):
            return str(ent.label_)
    return ""


def _appos_entity(head: Token) -> Span | None:
    """The person or organisation named in apposition to a description."""
    for child in head.children:
        if child.dep_ == "appos" and child.ent_type_ in ("PERSON", "ORG"):
            return entity_span(child)
    if head.dep_ == "appos" and head.head.ent_type_ in ("PERSON", "ORG"):
        return entity_span(head.head)
    for token in head.subtree:  # "A spokeswoman for Norvale Foods, Dana Price,"
        if (
            token.dep_ == "appos"
            and token.ent_type_ == "PERSON"
            and token.i > head.i
            and token.doc[token.left_edge.i - 1].text == ","
            and not any(t.pos_ in ("VERB", "AUX") for t in token.doc[head.i : token.i])
        ):
            return entity_span(token)
    return None


def _description(head: Token, appos: Span) -> str | None:
    """The description's words without the name, its article and punctuation."""
    tokens = [t for t in head.subtree if not appos.start <= t.i < appos.end and t.i < appos.start]
    if head.i > appos.start:
        return None
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    while tokens and tokens[0].pos_ == "DET":
        tokens.pop(0)
    if not tokens:
        return None
    return str(head.doc[tokens[0].i : tokens[-1].i + 1].text)


def _author(doc: Doc, head: Token, lexicon: Lexicon) -> str | None:
    """Who wrote or published a document: a name in its phrase ("a Gallup poll", "a
    report by Amnesty International", "published in the journal Nature"), else the
    subject of the clause that introduced the same document ("X published a survey")."""
    for token in head.subtree:
        if token.ent_type_ in _AUTHOR_LABELS and token.i != head.i:
            ent = entity_span(token)
            if ent is not None and (token.i < head.i or _after_prep(token, head)):
                return _strip(ent.text)
    if not any(c.lower_ in ("the", "this", "that") for c in head.lefts):
        return None
    earlier = [t for t in doc[: head.i] if t.lemma_.lower() == head.lemma_.lower()]
    for token in reversed(earlier):
        verb = token.head
        if token.dep_ in ("dobj", "obj") and verb.pos_ == "VERB":
            for child in verb.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.ent_type_ in _AUTHOR_LABELS:
                    ent = entity_span(child)
                    return _strip(ent.text) if ent is not None else None
        if token.i != head.i:
            found = (
                _author(doc, token, lexicon)
                if token.i < head.i and token.sent != head.sent
                else None
            )
            if found:
                return found
    return None


def _after_prep(token: Token, head: Token) -> bool:
    """True when ``token`` hangs from ``head`` through "by", "from", "in" or "of"."""
    current = token
    while current.i != head.i and current.head.i != current.i:
        if current.dep_ == "prep" and current.lower_ in _AUTHOR_PREPS:
            return True
        current = current.head
    return False


def _noun_name(head: Token) -> str:
    """The noun phrase up to its head, without an article ("Clinton campaign")."""
    tokens = [t for t in head.subtree if t.i <= head.i and not t.is_punct]
    while tokens and tokens[0].pos_ == "DET":
        tokens.pop(0)
    return _strip(str(head.doc[tokens[0].i : head.i + 1].text)) if tokens else head.text


def _previous_org(doc: Doc, head: Token) -> str | None:
    """The organisation a definite description refers back to: the last one named
    before it whose name holds the noun ("the bank" -> "Meridian Bank"), else the
    last one named before it."""
    window = [
        e
        for e in doc.ents
        if e.label_ == "ORG" and e.end <= head.i and head.idx - e.start_char < _ORG_WINDOW_CHARS
    ]
    if not window:
        return None
    same = [e for e in window if head.lower_ in {t.lower_ for t in e}]
    if same:
        return _strip(same[-1].text)
    near = [e for e in window if head.idx - e.start_char < _NEAR_ORG_CHARS]
    return _strip(near[-1].text) if near else None


def _corrected_entity(
    doc: Doc, head: Token, lexicon: Lexicon, surnames: frozenset[str] | None = None
) -> Span | None:
    """The entity covering ``head``, extended over name particles ("Ursula von der
    Leyen") and over "of" + a place after an organisation ("the ACLU of Tennessee")."""
    ent = entity_span(head)
    if ent is None:
        return None
    start, end, label = ent.start, ent.end, head.ent_type_
    i = start - 1
    particles = 0
    while i >= ent.sent.start and doc[i].lower_ in lexicon.name_particles:
        particles += 1
        i -= 1
    if particles and i >= ent.sent.start and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
        while i - 1 >= ent.sent.start and doc[i - 1].pos_ == "PROPN" and doc[i - 1].ent_iob_ == "O":
            i -= 1
        start, label = i, "PERSON"
    if (
        label == "ORG"
        and end + 1 < len(doc)
        and doc[end].lower_ == "of"
        and doc[end + 1].ent_type_ == "GPE"
        and doc[end + 1].ent_iob_ == "B"
    ):
        place = entity_span(doc[end + 1])
        end = place.end if place is not None else end
    if label != "PERSON" and _person_like(doc, head, start, end, lexicon, surnames):
        label = "PERSON"
    return Span(doc, start, end, label=label)


def _person_like(
    doc: Doc,
    head: Token,
    start: int,
    end: int,
    lexicon: Lexicon,
    surnames: frozenset[str] | None,
) -> bool:
    """A name the tagger typed as an organisation or place that is a person's: no
    organisation word in it, and a title before it ("Superintendent Karen Holt"), a
    role in apposition ("her deputy, Marcus Bell"; "Marcus Bell, a deputy") or the
    surname of a person of the document ("Nadia Akhtar" beside "Ms Akhtar")."""
    words = [t for t in doc[start:end] if not t.is_punct]
    if not words or any(t.lower_.rstrip(".") in lexicon.org_name_words for t in words):
        return False
    if not all(t.text[:1].isupper() for t in words) or len(words) > 4:
        return False
    if len(words) > 1 and words[0].lower_ in lexicon.titles | lexicon.role_nouns:
        return True
    if head.dep_ == "appos" and head.head.lemma_.lower() in lexicon.role_nouns:
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in lexicon.role_nouns for c in head.children):
        return True
    if len(words) < 2:
        return False
    if surnames is None:
        surnames = _surnames(doc)
    return words[-1].lower_ in surnames


def _surnames(doc: Doc) -> frozenset[str]:
    """Last words of the person entities of ``doc``."""
    return frozenset(e[-1].lower_ for e in doc.ents if e.label_ == "PERSON")


def _clean_person(
    doc: Doc, head: Token, lexicon: Lexicon, surnames: frozenset[str] | None = None
) -> str:
    ent = _corrected_entity(doc, head, lexicon, surnames)
    if ent is None:
        return _strip(head.text)
    return _strip(doc[name_start(doc, ent, lexicon) : ent.end].text)


def _strip(name: str) -> str:
    """Without a leading article and a final possessive or punctuation."""
    name = name.strip()
    for article in ("the ", "The ", "THE "):
        if name.startswith(article):
            name = name[len(article) :]
    for suffix in ("'s", "’s", "'", "’"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return name.strip(" ,;:")


def _person_names(doc: Doc, facts: Sequence[_Facts | None], lexicon: Lexicon) -> list[str]:
    """Every person name of the document, cleaned, longest spelling first-seen order."""
    surnames = _surnames(doc)
    names = [
        _clean_person(doc, e.root, lexicon, surnames)
        for e in doc.ents
        if e.label_ == "PERSON"
        or (e.label_ in ("ORG", "GPE") and _corrected_is_person(doc, e, lexicon, surnames))
    ]
    names += [
        f.name for f in facts if f is not None and f.name and f.entity_type is EntityType.PERSON
    ]
    return [
        n
        for n in dict.fromkeys(names)
        if n and not any(w.lower() in lexicon.org_name_words for w in n.split()[1:])
    ]


def _org_names(doc: Doc, lexicon: Lexicon) -> list[str]:
    """Organisation names of the document, each once: ORG entities and names with an
    organisation word ("Nordwind Shipping" tagged as a person)."""
    names = []
    for ent in doc.ents:
        words = [t.lower_.rstrip(".") for t in ent]
        if ent.label_ == "ORG" or any(w in lexicon.org_name_words for w in words[1:]):
            names.append(_strip(ent.text))
    return [n for n in dict.fromkeys(names) if n]


def _corrected_is_person(doc: Doc, ent: Span, lexicon: Lexicon, surnames: frozenset[str]) -> bool:
    corrected = _corrected_entity(doc, ent.root, lexicon, surnames)
    return corrected is not None and corrected.label_ == "PERSON"


def _is_person(written: str, fact: _Facts, persons: Sequence[str], titles: frozenset[str]) -> bool:
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


def _as_organisation(fact: _Facts, orgs: Sequence[str], titles: frozenset[str]) -> None:
    """Give a short organisation name its full form in the document ("the Commission"
    -> "European Commission"; "Nordwind" -> "Nordwind Shipping")."""
    assert fact.name is not None
    words = name_words(fact.name, titles)
    if not words:
        return
    longer = [
        o
        for o in orgs
        if len(other := name_words(o, titles)) > len(words)
        and set(words) <= set(other)
        and (other[-1] == words[-1] or (len(words) == 1 and other[0] == words[0]))
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
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        for i in (ent.start - 1, ent.start):
            kind = lexicon.honorific_genders.get(doc[i].lower_) if i >= 0 else None
            if kind is not None:
                name = canonical_name(
                    _clean_person(doc, ent.root, lexicon), "PERSON", persons, titles
                )
                out.setdefault(name.lower(), _GENDERS[kind])
                break
    return out


def _antecedent_role(doc: Doc, cand: Candidate, lexicon: Lexicon) -> str | None:
    """The role stated next to the named antecedent of a candidate, if any."""
    if cand.antecedent is None or cand.label not in ("PERSON", ""):
        return None
    return role_of(doc, doc[cand.antecedent], lexicon)
