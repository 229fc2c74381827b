"""What one mention says about its speaker: name, label, kind, role, gender.

Input: the parsed Doc, a candidate resolved by ``coref`` and the ``Lexicon``.
Output: ``Facts`` for that mention alone, before the document-wide merge of
``identity``.

- A pronoun takes its antecedent's facts and states a gender ("she"); an
  unresolved one only its kind ("they": a group, "it": an organisation).
- A name gives its cleaned name, the kind from its (corrected) entity label or an
  organisation word, and the titles inside its entity ("Striker Lena Park").
- A description resolves when the text gives a name: an apposition ("the prime
  minister, Keir Starmer,"), an organisation named before "the company", the
  author or publisher of "a report by X", "a Gallup poll", "the survey" (that X
  published; a document otherwise by a description holding a proper name, "Census
  data"); else its kind says who it is: group (plural people, named by their
  description, "tenant advocates"), anonymous (one unnamed person, whose description
  is the role, or a withheld source: "people familiar with the matter"), document,
  description.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..lexicon import Lexicon
from ..models import EntityType, Gender
from ..types import Candidate
from .coref import GROUP_LABEL
from .doc_memo import ents_of
from .mentions import PRONOUN_KINDS, entity_span
from .names import (
    corrected_entity,
    description_name,
    name_label,
    noun_name,
    org_start,
    strip_name,
    unnamed_role,
)
from .roles import is_title, name_start, phrase_before_name, role_of, titled_run
from .spans import bounds, covers

__all__ = ["GENDERS", "Facts", "mention_facts"]

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
GENDERS = {"male": Gender.MALE, "female": Gender.FEMALE}
_AUTHOR_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART"})
_ORG_WINDOW_CHARS = 3000
#: How far back "the company" looks for an organisation whose name lacks the noun.
_NEAR_ORG_CHARS = 600
#: How far back "the complaint" looks for a document introduced under another name.
_OTHER_NAME_CHARS = 600


@dataclass(slots=True)
class Facts:
    """What one mention says about its speaker, before the document-wide merge."""

    name: str | None
    label: str
    entity_type: EntityType
    role: str | None = None
    gender: Gender | None = None
    head: int | None = None


def mention_facts(doc: Doc, cand: Candidate, lexicon: Lexicon, text: str) -> Facts:
    """What the mention of ``cand`` says about its speaker.

    Args:
        doc: The parsed Doc.
        cand: A candidate with a mention, after ``coref.resolve_speakers``.
        lexicon: Pronoun kinds, titles, honorifics and the speaker tables.
        text: ``doc.text``.

    Returns:
        The mention's facts (name not yet made canonical).
    """
    mention = cand.mention
    assert mention is not None
    head = doc[mention.head]
    written = text[mention.start : mention.end]
    if mention.kind in PRONOUN_KINDS:
        kind = lexicon.pronouns.get(written.lower(), "")
        gender = GENDERS.get(kind)
        if cand.antecedent is not None and cand.label and cand.name:
            fact = _named(doc, doc[cand.antecedent], cand.name, cand.label, lexicon)
            fact.gender = gender if fact.entity_type is EntityType.PERSON else None
            return fact
        return Facts(None, "", _PRONOUN_TYPES.get(kind, EntityType.UNKNOWN), gender=gender)
    if mention.kind == "noun":
        return _described(doc, cand, head, lexicon)
    return _named(doc, head, cand.name or written, cand.label or mention.label, lexicon)


def _named(doc: Doc, head: Token, name: str, label: str, lexicon: Lexicon) -> Facts:
    """A speaker the text names: its cleaned name, kind and the title inside the entity."""
    if label == GROUP_LABEL:
        plural = head.tag_ in ("NNS", "NNPS")
        return Facts(description_name(head, lexicon) if plural else None, label, EntityType.GROUP)
    if label == "ORG" and head.ent_type_ != "ORG" and head.pos_ == "NOUN":
        return Facts(name, label, EntityType.ORGANIZATION)  # "county health department"
    if head.ent_type_ != "PERSON":
        person = _appos_entity(head) or _appos_name(head, lexicon)
        if person is not None and (
            person.root.ent_type_ in ("PERSON", "")
            or doc[person.start - 1].lower_ in lexicon.honorifics  # "Mrs Ann Roe" as ORG
        ):
            # "The Housing Secretary, Angela Rowntree,": the person, the title her role
            fact = _named(doc, person.root, person.text, "PERSON", lexicon)
            fact.role = _description(head, person, lexicon) or fact.role
            return fact
    ent = corrected_entity(doc, head, lexicon)
    if ent is None and (run := titled_run(doc, head, lexicon)) is not None:
        ent = Span(doc, run.start, run.end, label="PERSON")  # "Chief Executive Leo Brisk said"
    role = None
    if ent is not None:
        label = ent.label_ if ent.label_ else label
        first = (
            name_start(doc, ent, lexicon)
            if label in ("PERSON", "")
            else org_start(doc, ent, lexicon)
        )
        name = strip_name(doc[first : ent.end].text)
        if doc[first].text == "The" and not doc[first].is_sent_start and label == "ORG":
            name = f"The {name}"  # "reports The Fresno Ledger": the article is the name's
        if first > ent.start:
            lead = ent.start
            while lead > ent.sent.start and is_title(doc[lead - 1], lexicon):
                lead -= 1  # "Chief" before "Constable Mark Rowley"
            titled = [t for t in doc[lead:first] if _title_not_honorific(t, lexicon)]
            role = " ".join(t.text for t in titled) or None
            if titled and all(t.lower_ in lexicon.address_titles for t in titled):
                # "Cllr Ann Lee, cabinet member for housing,": the office stated, if any
                role = role_of(doc, ent.root, lexicon) or role
    else:
        name = strip_name(name)
    words = [w.lower().rstrip(".,") for w in name.split()]
    if label in ("PERSON", "") and any(w in lexicon.org_name_words for w in words[1:]):
        label = "ORG"
    if not label and len(words) > 1 and head.pos_ == "PROPN":
        label = "PERSON"
    entity_type = _LABEL_TYPES.get(label, EntityType.UNKNOWN)
    return Facts(name or None, label, entity_type, role=role, head=head.i)


def _title_not_honorific(token: Token, lexicon: Lexicon) -> bool:
    """A word before a name that states a role: a title or role noun of the lexicon, or
    a longer word outside it ("Assemblymember"); a short one outside it is taken for a
    form of address ("Mme", "Herr"), like the lexicon's honorifics."""
    low = token.lower_
    if low in lexicon.honorifics:
        return False
    known = low in lexicon.titles or low in lexicon.role_nouns
    return known or (token.is_alpha and len(token) >= 5)


def _described(doc: Doc, cand: Candidate, head: Token, lexicon: Lexicon) -> Facts:
    """A speaker described by a noun phrase: "the company", "a report by X", "officials"."""
    if cand.label == "PERSON" and cand.antecedent is not None and cand.antecedent != head.i:
        return _named(doc, doc[cand.antecedent], cand.name or "", "PERSON", lexicon)
    label = name_label(doc, head)
    if label:  # "Sanders often questions ...": a name the tagger took for a noun
        return _named(doc, head, head.text, label, lexicon)
    appos = _appos_entity(head)
    if appos is not None:
        fact = _named(doc, appos.root, appos.text, appos.root.ent_type_, lexicon)
        if fact.entity_type is EntityType.PERSON:
            fact.role = _description(head, appos, lexicon) or fact.role
        return fact
    lemma = head.lemma_.lower()
    words = {t.lower_ for t in head.subtree}
    if lemma in lexicon.document_nouns:
        author = _author(doc, head, lexicon)
        return Facts(author or _document_name(head, lexicon), "ORG", EntityType.DOCUMENT)
    definite = any(c.lower_ in lexicon.definite_determiners for c in head.lefts)
    body = lemma in lexicon.org_nouns or lemma in lexicon.group_nouns
    if body and head.tag_ not in ("NNS", "NNPS"):
        proper = [c for c in head.lefts if c.pos_ == "PROPN" or c.ent_type_ in ("PERSON", "ORG")]
        if proper:  # "the Clinton campaign", "Bernie Sanders' campaign"
            return Facts(noun_name(head), "ORG", EntityType.ORGANIZATION)
    if lemma in lexicon.org_nouns and head.tag_ not in ("NNS", "NNPS") and definite:
        return Facts(_previous_org(doc, head), "ORG", EntityType.ORGANIZATION)
    if words & lexicon.anonymity_words:  # "a diplomat briefed on", "people familiar with"
        single = head.tag_ == "NN" and lemma in lexicon.role_nouns  # a diplomat, not people
        return Facts(
            None, "", EntityType.ANONYMOUS, role=unnamed_role(head, lexicon) if single else None
        )
    if head.like_num and any(
        c.dep_ == "prep" and c.lower_ in lexicon.partitive_prepositions for c in head.rights
    ):
        return Facts(None, "", EntityType.ANONYMOUS)  # "one of the people", "one of them"
    if head.tag_ in ("NNS", "NNPS") or lemma in lexicon.group_nouns:
        people = (
            lemma in lexicon.role_nouns
            or lemma in lexicon.group_nouns
            or lemma in lexicon.group_person_nouns
        )
        # "the people", "these people": the withheld sources of a story, not a group
        # with a description of its own
        generic = lemma in lexicon.person_nouns or lemma in lexicon.generic_people_nouns
        name = (
            description_name(head, lexicon)
            if head.tag_ in ("NNS", "NNPS") and not generic
            else None
        )
        kind = EntityType.GROUP if people else EntityType.DESCRIPTION
        return Facts(name, GROUP_LABEL if people else "", kind)
    if lemma in lexicon.role_nouns or lemma in lexicon.person_nouns:
        role = unnamed_role(head, lexicon) if lemma in lexicon.role_nouns else None
        return Facts(None, "", EntityType.ANONYMOUS, role=role)
    return Facts(None, "", EntityType.DESCRIPTION)


def _document_name(head: Token, lexicon: Lexicon) -> str | None:
    """A document with no author named, by its description when a proper name is in
    it ("Census data", "the Harbour Crime Database"); None for a bare "the report"."""
    name = description_name(head, lexicon)
    described = [t for t in head.subtree if t.i < head.i and t.pos_ == "PROPN"]
    return name if described else None


def _appos_name(head: Token, lexicon: Lexicon) -> Span | None:
    """A name the tagger missed, in apposition to a title ("The Minister of State,
    Ibrahim Yusuf-Bello,"): capitalised proper nouns with no article and no
    organisation word, after a role noun."""
    if head.lemma_.lower() not in lexicon.role_nouns and head.lower_ not in lexicon.titles:
        return None
    for child in [*head.rights, *_appos_after_prep(head)]:
        if child.dep_ != "appos" or child.pos_ != "PROPN":
            continue
        ent = entity_span(child)
        if ent is not None and ent[0].lower_ not in lexicon.honorifics:
            continue  # "Mrs Ann Roe" the tagger took for an organisation is still a name
        tokens = [t for t in child.subtree if not t.is_punct and t.lower_ not in lexicon.honorifics]
        names = [t for t in tokens if t.pos_ == "PROPN" and t.text[:1].isupper()]
        if 2 <= len(names) == len(tokens) <= 4 and not any(
            t.lower_ in lexicon.org_name_words for t in names
        ):
            return head.doc[tokens[0].i : child.right_edge.i + 1]  # without "Mrs"
    return None


def _appos_after_prep(head: Token) -> list[Token]:
    """Appositions to the object that ends a title ("Commissioner for Transportation,
    Mrs Ann Roe"): the name after the comma is the title-holder's, not the object's."""
    return [
        appos
        for prep in head.rights
        if prep.dep_ == "prep"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for appos in pobj.rights
        if appos.dep_ == "appos" and appos.doc[appos.left_edge.i - 1].text == ","
    ]


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


def _description(head: Token, appos: Span, lexicon: Lexicon) -> str | None:
    """The description's words without the name, its article and punctuation."""
    doc = head.doc
    before = appos.start
    while before > 0 and _address(doc[before - 1], lexicon):
        before -= 1  # "the bank's economist, Dr Ann Roe,": a form of address, no role
    if before < appos.start and before > 0 and doc[before - 1].lower_ in lexicon.definite_articles:
        before -= 1  # "the church's pastor, the Rev. Ann Roe"
    tokens = [t for t in head.subtree if not covers(bounds(appos), t.i) and t.i < before]
    if head.i > appos.start:
        return None
    tokens = phrase_before_name(tokens, before, lead_punct=False)
    if not tokens:
        return None
    end = tokens[-1].i + 1
    if doc[tokens[0].i : end].text.count("(") > doc[tokens[0].i : end].text.count(")"):
        end += end < len(doc) and doc[end].text == ")"  # "... Nigeria (IPMAN)"
    return str(doc[tokens[0].i : end].text)


def _address(token: Token, lexicon: Lexicon) -> bool:
    """A form of address before a name: an honorific ("Dr"), or a title abbreviated
    with a point ("Rev.", "Sen."), which the description before it states in full."""
    low = token.lower_
    return low in lexicon.honorifics or (low.endswith(".") and low in lexicon.titles)


def _author(doc: Doc, head: Token, lexicon: Lexicon) -> str | None:
    """Who wrote or published a document: a name in its phrase ("a Gallup poll", "a
    report by Amnesty International", "published in the journal Nature"), else the
    subject of the first clause that introduced the same document with a verb of writing
    or publishing ("X published a survey"; not "the paper obtained the survey", nor a
    later "the paper published the survey in full")."""
    for token in head.subtree:
        if token.ent_type_ in _AUTHOR_LABELS and token.i != head.i:
            ent = entity_span(token)
            if ent is not None and (token.i < head.i or _after_prep(token, head, lexicon)):
                return strip_name(ent.text)
    if not any(c.lower_ in lexicon.definite_determiners for c in head.lefts):
        return None
    earlier = [t for t in doc[: head.i] if t.lemma_.lower() == head.lemma_.lower()]
    for token in earlier:  # a document is introduced with its author: the first that says
        found = _authoring_subject(token, lexicon)
        if found is None and token.i < head.i and token.sent != head.sent:
            found = _author(doc, token, lexicon)
        if found:
            return found
    # "The union filed a lawsuit ... The complaint says": the document just introduced
    # under another name
    start = max(0, head.sent.start - 1)
    while start > 0 and doc[start].idx > head.idx - _OTHER_NAME_CHARS:
        start -= 1
    for token in reversed(doc[start : head.sent.start]):
        if token.lemma_.lower() in lexicon.document_nouns:
            found = _authoring_subject(token, lexicon)
            if found:
                return found
    return None


def _authoring_subject(token: Token, lexicon: Lexicon) -> str | None:
    """The named subject of a verb of writing or filing whose object is ``token``."""
    verb = token.head
    if (
        token.dep_ not in ("dobj", "obj")
        or verb.pos_ != "VERB"
        or verb.lemma_.lower() not in lexicon.authoring_verbs
    ):
        return None
    for child in verb.children:
        if child.dep_ == "nsubj" and (
            child.ent_type_ in _AUTHOR_LABELS or child.pos_ == "PROPN"
        ):  # a name, whatever type the tagger gave it
            ent = entity_span(child)
            return strip_name(ent.text) if ent is not None else noun_name(child)
    return None


def _after_prep(token: Token, head: Token, lexicon: Lexicon) -> bool:
    """True when ``token`` hangs from ``head`` through a preposition of
    ``lexicon.author_prepositions`` ("by", "from", "in", "of")."""
    current = token
    while current.i != head.i and current.head.i != current.i:
        if current.dep_ in ("prep", "agent") and current.lower_ in lexicon.author_prepositions:
            return True  # "a report by X", "a report published by X"
        current = current.head
    return False


def _previous_org(doc: Doc, head: Token) -> str | None:
    """The organisation a definite description refers back to: the last one named
    before it whose name holds the noun ("the bank" -> "Meridian Bank"), else the
    last one named before it."""
    window = [
        e
        for e in ents_of(doc)
        if e.label_ == "ORG" and e.end <= head.i and head.idx - e.start_char < _ORG_WINDOW_CHARS
    ]
    if not window:
        return None
    same = [e for e in window if head.lower_ in {t.lower_ for t in e}]
    if same:
        return strip_name(same[-1].text)
    near = [e for e in window if head.idx - e.start_char < _NEAR_ORG_CHARS]
    return strip_name(near[-1].text) if near else None
