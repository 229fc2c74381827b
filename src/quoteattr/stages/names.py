"""Names of speakers as the document writes them.

Input: a parsed Doc, a token of a name and the ``Lexicon`` (titles, honorifics,
role nouns, organisation name words, name particles).
Output: the name's entity with the tagger's boundaries and label corrected, the
name cleaned of titles, articles and possessives, and the person and
organisation names of the whole document (for ``merge.canonical_name``).

Corrections: an entity is extended over name particles ("Ursula von der Leyen")
and over "of" + a place after an organisation ("the ACLU of Tennessee"); a name
typed as an organisation or place is a person's when it has no organisation word
and a title precedes it, a role stands in apposition to it, or a person of the
document has its surname ("Nadia Akhtar" beside "Ms Akhtar").
"""

from __future__ import annotations

from collections.abc import Iterable

import regex
from spacy.tokens import Doc, Span, Token

from ..lexicon import Lexicon
from .doc_memo import cached, ents_of
from .edges import opens_sentence
from .mentions import entity_span
from .roles import (
    given_name_start,
    hyphen_joined,
    is_title,
    name_start,
    title_before,
    titled_name,
    without_clauses,
)

#: Tags of words that open a noun phrase without describing it ("the", "their", "two").
_LEADING_TAGS = frozenset({"DT", "PDT", "PRP$", "WP$", "CD"})
#: Tags of quantifiers among spaCy's stop words ("some", "many", "most", "several").
_QUANTIFIER_TAGS = frozenset({"JJ", "JJS", "JJR", "RB", "RBR", "IN"})  # "more than"
#: A comma and a capitalised word of four or more letters with no point after it: the
#: place or description after a name ("Ruiz, Duluth"), not a suffix ("Jr.", "LLC").
_PLACE_AFTER_COMMA = regex.compile(r",\s+[A-Z][a-z]{3,}\b(?!\.)")
#: Characters before an acronym's bracket that can hold the name it abbreviates.
_ACRONYM_WINDOW = 200

#: An acronym in brackets after the name it abbreviates: "(WHO)".
_SPELLED_OUT = regex.compile(r"\(([A-Z][A-Za-z&]{1,9})\)")

__all__ = [
    "acronyms",
    "clean_person",
    "corrected_entity",
    "corrected_is_person",
    "description_name",
    "first_person_speakers",
    "name_label",
    "name_run",
    "noun_name",
    "org_names",
    "org_start",
    "person_names",
    "strip_name",
    "surnames_of",
    "unnamed_role",
]


def corrected_entity(
    doc: Doc, head: Token, lexicon: Lexicon, surnames: frozenset[str] | None = None
) -> Span | None:
    """The entity covering ``head``, extended over name particles ("Ursula von der
    Leyen") and over "of" + a place after an organisation ("the ACLU of Tennessee")
    (kept per head token while its Doc is ``doc_memo.active``)."""
    return cached(
        doc,
        f"corrected_entity:{head.i}",
        lambda: _corrected_entity(doc, head, lexicon, surnames),
    )


def _corrected_entity(
    doc: Doc, head: Token, lexicon: Lexicon, surnames: frozenset[str] | None
) -> Span | None:
    ent = entity_span(head) or hyphen_joined(head)
    if ent is None:
        return None
    start, end, label = ent.start, ent.end, head.ent_type_ or ent.label_
    i = start - 1
    particles = 0
    while i >= ent.sent.start and doc[i].lower_ in lexicon.name_particles:
        particles += 1
        i -= 1
    if particles and i >= ent.sent.start and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
        while (
            i - 1 >= ent.sent.start
            and doc[i - 1].pos_ == "PROPN"
            and doc[i - 1].ent_iob_ == "O"
            and not is_title(doc[i - 1], lexicon)  # "Premier [Hendrik] van der Spuy"
        ):
            i -= 1
        start, label = i, "PERSON"
    if (
        label == "ORG"
        and end + 1 < len(doc)
        and doc[end].lower_ in lexicon.branch_prepositions
        and doc[end + 1].ent_type_ == "GPE"
        and doc[end + 1].ent_iob_ == "B"
    ):
        place = entity_span(doc[end + 1])
        end = place.end if place is not None else end
    if end - start == 1 and head.lower_ in lexicon.org_name_words:
        first = _proper_lefts(head)
        if first < start:  # "the Hilltown Tenants' Network": the tagger kept the last word
            start, label = first, "ORG"
    if label != "PERSON" and _person_like(doc, head, start, end, lexicon, surnames):
        label = "PERSON"
    if _after_org_noun(doc, start, end, lexicon):
        label = "ORG"  # "retailer Quillmart", "Digital bank Corvane": a kind of organisation
    elif label == "PERSON" and not particles:
        start = given_name_start(doc, start, lexicon)  # "Chief Executive [Martin] Osei"
    return Span(doc, start, end, label=label)


def _proper_lefts(head: Token) -> int:
    """Start of the capitalised proper nouns (and their possessive marks) written right
    before ``head`` and attached to it, outside any entity ("Hilltown Tenants'")."""
    doc = head.doc
    start = head.i
    while start > head.left_edge.i:
        token = doc[start - 1]
        possessive = token.tag_ == "POS" and start - 1 > head.left_edge.i
        proper = token.pos_ == "PROPN" and token.text[:1].isupper() and token.ent_iob_ == "O"
        if not (possessive or proper):
            break
        start -= 1
    while start < head.i and doc[start].tag_ == "POS":
        start += 1
    return start


def _after_org_noun(doc: Doc, start: int, end: int, lexicon: Lexicon) -> bool:
    """A name written after a noun that says what kind of organisation it names, inside
    its entity (``org_start``) or right before it in lower case ("online retailer
    Quillmart")."""
    if org_start(doc, doc[start:end], lexicon) > start:
        return True
    before = doc[start - 1] if start > 0 else None
    return (
        before is not None
        and before.text.islower()
        and before.lower_ in lexicon.org_nouns
        and before.dep_ == "compound"
        and start <= before.head.i < end
    )


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
    role in apposition ("her deputy, Marcus Bell"; "Marcus Bell, a deputy"), a usual
    given name first ("Carol Benning") or the surname of a person of the document
    ("Nadia Akhtar" beside "Ms Akhtar")."""
    words = [t for t in doc[start:end] if not t.is_punct and t.lower_ not in ("'s", "’s")]
    if not words or any(t.lower_.rstrip(".") in lexicon.org_name_words for t in words):
        return False
    if not all(t.text[:1].isupper() for t in words) or len(words) > 4:
        return False
    if len(words) > 1 and words[0].lower_ in lexicon.titles | lexicon.role_nouns:
        return True
    if titled_name(doc, doc[start:end], lexicon):
        return True  # "Managing Director Simon Ashworth": a title, then a given name
    before = doc[start - 1] if start > 0 else None
    if before is not None and (
        before.lower_ in lexicon.titles or before.lower_ in lexicon.role_nouns
    ):
        return True  # "Cardiff head coach Owain Pryce": a title right before the name
    if head.dep_ == "appos" and head.head.lemma_.lower() in lexicon.role_nouns:
        return True
    if any(_describes_person(c, lexicon) for c in head.children if c.dep_ == "appos"):
        return True
    if len(words) in (2, 3) and words[0].lower_ in lexicon.first_name_genders:
        return True  # "Carol Benning": a usual given name and a surname
    if words[-1].lower_ in first_person_speakers(doc, lexicon):
        return True  # '"I was stuck," Meraz said': organisations say "we"
    if surnames is None:
        surnames = surnames_of(doc)
    if words[-1].lower_ not in surnames:
        return False
    # one word: a surname used alone ("Okafor" for "Ada Okafor"), unless it is an
    # acronym ("NHS") or the document also names an organisation that holds the word
    # ("Dell" beside "Dell Technologies")
    if len(words) == 1 and words[0].text.isupper():
        return False
    return len(words) > 1 or not any(
        e.label_ == "ORG"
        and head.lower_ in (low := {t.lower_ for t in e if t.is_alpha})
        and len(low) > 1
        for e in ents_of(doc)
    )


def first_person_speakers(doc: Doc, lexicon: Lexicon) -> frozenset[str]:
    """Lower-case last words of the names that are the subject of a sentence whose
    quotation speaks in the first person singular ('"My outlook went sour," Meraz
    said'): people, whatever type the tagger gave the name."""
    return cached(doc, "first_person_speakers", lambda: _first_person_speakers(doc, lexicon))


def _first_person_speakers(doc: Doc, lexicon: Lexicon) -> frozenset[str]:
    found: set[str] = set()
    for sent in doc.sents:
        quoted = False
        first_person = False
        for token in sent:
            if token.is_quote:
                quoted = not quoted
            elif quoted and lexicon.pronouns.get(token.lower_) == "first_singular":
                first_person = True
        if not first_person:
            continue
        for token in sent:
            if token.dep_ == "nsubj" and token.pos_ == "PROPN" and token.ent_type_ != "PERSON":
                found.add(token.lower_)
    return frozenset(found)


def _describes_person(appos: Token, lexicon: Lexicon) -> bool:
    """An apposition that says what a person is: a role noun, or a singular common noun
    with an article or a phrase of its own that is no organisation, group or document
    noun ("Tomasz Wrona, head of research at Vistula Capital,")."""
    lemma = appos.lemma_.lower()
    if lemma in lexicon.role_nouns:
        return True
    if (
        lemma in lexicon.org_nouns
        or lemma in lexicon.group_nouns
        or lemma in lexicon.document_nouns
    ):
        return False
    return (
        appos.tag_ == "NN"
        and not appos.ent_type_
        and any(c.dep_ in ("det", "prep", "poss") for c in appos.children)
    )


def surnames_of(doc: Doc) -> frozenset[str]:
    """Last words of the person entities of ``doc``."""
    return cached(
        doc,
        "surnames",
        lambda: frozenset(e[-1].lower_ for e in ents_of(doc) if e.label_ == "PERSON"),
    )


def clean_person(
    doc: Doc, head: Token, lexicon: Lexicon, surnames: frozenset[str] | None = None
) -> str:
    ent = corrected_entity(doc, head, lexicon, surnames)
    if ent is None:
        return strip_name(head.text)
    return strip_name(doc[name_start(doc, ent, lexicon) : ent.end].text)


def strip_name(name: str) -> str:
    """Without a leading article and a final possessive or punctuation, nor a label
    before a colon ("Title: Harbour Group" -> "Harbour Group")."""
    name = name.strip()
    if ":" in name.rstrip(":"):
        name = name[name.rstrip(":").rfind(":") + 1 :].strip()
    for article in ("the ", "The ", "THE "):
        if name.startswith(article):
            name = name[len(article) :]
    for suffix in ("'s", "’s", "'", "’"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    name = name.strip(" ,;:")
    comma = _PLACE_AFTER_COMMA.search(name)
    if comma:  # "Ruiz, Duluth": a name and the place after it; "King, Jr." stays
        name = name[: comma.start()]
    if name.count("(") > name.count(")"):  # "World Health Organization (WHO"
        name = name[: name.rfind("(")].strip(" ,;:")
    return name


def person_names(doc: Doc, lexicon: Lexicon, extra: Iterable[str] = ()) -> list[str]:
    """Every person name of the document, cleaned, in order of first appearance: person
    entities, entities the tagger mistyped (see ``corrected_entity``) and ``extra``."""
    surnames = surnames_of(doc)
    names = [
        clean_person(doc, e.root, lexicon, surnames)
        for e in ents_of(doc)
        if e.label_ in ("PERSON", "ORG", "GPE") and corrected_is_person(doc, e, lexicon, surnames)
    ]
    names += list(extra)
    return [
        n
        for n in dict.fromkeys(names)
        if n and not any(w.lower() in lexicon.org_name_words for w in n.split()[1:])
    ]


def acronyms(doc: Doc, text: str) -> dict[str, str]:
    """Acronym -> the full name it stands for in ``doc``: one the text spells out
    ("the World Health Organization (WHO)"), else an organisation entity whose
    capitalised words it abbreviates ("WMO" for "World Meteorological Organization").

    Example: "the Royal College of Surgeons (RCS)" gives {"RCS": "Royal College of
    Surgeons"}; a later "the RCS said" is then the college's. ``text`` is
    ``doc.text`` (which costs a pass over the Doc to build).
    """
    return cached(doc, "acronyms", lambda: _acronyms(doc, text))


def _acronyms(doc: Doc, text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    ends = {e.end_char: e for e in ents_of(doc) if e.label_ == "ORG"}
    for match in _SPELLED_OUT.finditer(text):
        window = text[max(0, match.start() - _ACRONYM_WINDOW) : match.start()]
        words = window.split()[-12:]
        full = _expansion(words, match.group(1))
        before = ends.get(match.start() - (len(window) - len(window.rstrip())))
        if full is None and before is not None and match.group(1).isupper():
            full = strip_name(before.text)  # an acronym in another language: "(SERNAGEO)"
        if full:
            found.setdefault(match.group(1), full)
    for ent in ents_of(doc):
        name = strip_name(ent.text)
        words = name.split()
        if ent.label_ != "ORG" or len(words) < 2:
            continue
        initials = "".join(w[0] for w in words if w[:1].isupper())
        if len(initials) >= 2:
            found.setdefault(initials, name)
    return found


def _expansion(words: list[str], acronym: str) -> str | None:
    """The shortest run of ``words`` ending before the bracket whose capitalised
    words' initials spell ``acronym``."""
    for first in range(len(words) - 1, -1, -1):
        run = [w.strip(",;:") for w in words[first:]]
        if not run[0][:1].isupper():
            continue
        initials = "".join(w[0] for w in run if w[:1].isupper())
        if initials.upper() == acronym.upper():
            return strip_name(" ".join(run))
        if len(initials) > len(acronym):
            return None
    return None


def org_start(doc: Doc, ent: Span, lexicon: Lexicon) -> int:
    """Index of the first token of an organisation's name proper in ``ent``, after a
    common noun that says what kind of organisation it is, as news writes one before
    the name ("Digital bank Corvane", "Brokerage Tull & Mayne" at a sentence start):
    an organisation noun written in lower case, or one that opens the sentence and
    never opens a name (not "Bank", "Union"), followed by a capitalised word."""
    for i in range(ent.start, ent.end - 1):
        token = doc[i]
        if token.lower_ not in lexicon.org_nouns or not doc[i + 1].text[:1].isupper():
            continue
        if token.text.islower() or (
            i == ent.start and token.lower_ not in lexicon.org_name_words and opens_sentence(token)
        ):
            return i + 1
    return ent.start


def org_names(doc: Doc, lexicon: Lexicon) -> list[str]:
    """Organisation names of the document, each once: ORG entities and names with an
    organisation word ("Nordwind Shipping" tagged as a person)."""
    names = []
    for ent in ents_of(doc):
        words = [t.lower_.rstrip(".") for t in ent]
        if ent.label_ == "ORG" or any(w in lexicon.org_name_words for w in words[1:]):
            names.append(strip_name(doc[org_start(doc, ent, lexicon) : ent.end].text))
    return [n for n in dict.fromkeys(names) if n]


def corrected_is_person(doc: Doc, ent: Span, lexicon: Lexicon, surnames: frozenset[str]) -> bool:
    corrected = corrected_entity(doc, ent.root, lexicon, surnames)
    return corrected is not None and corrected.label_ == "PERSON"


def name_label(doc: Doc, head: Token) -> str:
    """The entity label of a capitalised noun written as a name elsewhere in the
    document ("Sanders" at a sentence start, tagged as a plural noun), else ""."""
    if not head.text[:1].isupper() or head.ent_type_ or len(head.text) < 2:
        return ""
    for ent in ents_of(doc):
        if ent.label_ in ("PERSON", "ORG") and any(t.text == head.text for t in ent):
            return str(ent.label_)
    return ""


def noun_name(head: Token) -> str:
    """The noun phrase up to its head, without an article ("Clinton campaign")."""
    tokens = [t for t in head.subtree if t.i <= head.i and not t.is_punct]
    while tokens and tokens[0].pos_ == "DET":
        tokens.pop(0)
    return strip_name(str(head.doc[tokens[0].i : head.i + 1].text)) if tokens else head.text


def description_name(head: Token, lexicon: Lexicon) -> str | None:
    """The name a source the text describes goes by: the words of its noun phrase up
    to the head noun, without determiners, possessive pronouns, numbers and
    quantifiers, and with a phrase after it that names an organisation or a place.

    Args:
        head: The head noun of the description ("advocates", "data").
        lexicon: The extractor's lexicon: ``naming_prepositions`` tie a group to the
            body it belongs to ("teachers [from] X").

    Returns:
        "tenant advocates" for "some tenant advocates", "city's housing officials",
        "teachers from Hillview Academy", "researchers and advocates"; None when no
        word is left.

    Notes:
        A group of unnamed people or a document has no proper name; readers and
        sourcing annotations name it by its description ("community members").
    """
    doc = head.doc
    counted = {
        t.i for c in head.lefts if c.dep_ in ("nummod", "quantmod", "predet") for t in c.subtree
    }  # "more than a dozen employees"
    left = [t for t in head.subtree if t.i <= head.i and t.i not in counted]
    while left and (
        left[0].is_punct
        or left[0].tag_ in _LEADING_TAGS
        or left[0].like_num
        or (
            left[0].is_stop
            and left[0].tag_ in _QUANTIFIER_TAGS
            and not any(c.dep_ == "conj" for c in left[0].children)  # "former and current"
        )
    ):
        left.pop(0)
    if not left:
        return None
    end = head.i + 1
    for child in head.rights:
        if (
            child.dep_ != "prep"
            or child.i != end
            or child.lower_ not in lexicon.naming_prepositions
        ):
            continue
        if any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "GPE") for t in child.subtree):
            end = child.right_edge.i + 1
        break
    end = max(end, _last_conjunct(head) + 1)  # "researchers and advocates"
    # "residents of X, who packed the gallery,": a relative clause describes the group
    # the phrase names, also one the parser hung on the place
    words = without_clauses(list(doc[left[0].i : end]), head)
    if not words:
        return None
    name = strip_name(doc[left[0].i : words[-1].i + 1].text)
    if name[:1].isupper() and _common_capital(left[0], lexicon):
        name = name[:1].lower() + name[1:]  # "Residents of X said": the capital is the sentence's
    return name or None


def _common_capital(first: Token, lexicon: Lexicon) -> bool:
    """A common noun capitalised only because it opens the sentence, also after a
    dateline ("Nurses at X", "DURBAN — Nurses at X"): a word the tagger calls common, or
    one it calls proper that is outside any entity and a noun of people or bodies of the
    lexicon ("Union members")."""
    if not opens_sentence(first) or (first.is_upper and len(first) > 1):
        return False  # "DALY", "NHS": capitals are the word's own
    if first.pos_ != "PROPN":
        return True
    low = first.lower_
    return not first.ent_type_ and (
        low in lexicon.org_nouns or low in lexicon.group_nouns or low in lexicon.role_nouns
    )


def _last_conjunct(head: Token) -> int:
    """Index of the last plural noun joined to ``head`` ("parents, students and
    school staff"), or ``head``'s own."""
    last = head.i
    for child in head.rights:
        if child.dep_ == "conj" and child.tag_ in ("NNS", "NN") and child.ent_type_ == "":
            between = head.doc[last + 1 : child.i]
            if any(t.pos_ in ("VERB", "AUX") for t in between):
                break
            last = _last_conjunct(child)
    return last


def name_run(doc: Doc, word: str, lexicon: Lexicon) -> tuple[str, str | None] | None:
    """The full name a surname used alone stands for when the tagger left that name out
    of any entity ("University President Ilse Vandekamp ... Vandekamp said"): the longest
    run of capitalised proper nouns ending in ``word``, without the titles and role
    nouns before the name; None when no run of two or more words is found, or two
    different ones are.

    Args:
        doc: The parsed Doc.
        word: The surname as written.
        lexicon: Titles and role nouns.

    Returns:
        The full name and the title written before it ("University President"), or
        None.
    """
    found: set[tuple[str, str | None]] = set()
    index = _token_index(doc)
    indexes = list(index.get(word, ()))
    if word.isupper() and len(word) > 1:  # "HOLM:" in a transcript for "Ruth Holm"
        indexes += index.get("\0" + word.lower(), [])
    for i in indexes:
        token = doc[i]
        if token.ent_iob_ != "O" or not token.text[:1].isupper():
            continue
        start = token.i
        while (
            start > 0
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].text[:1].isupper()
            and doc[start - 1].ent_iob_ == "O"
            and not doc[start - 1].is_sent_end
        ):
            start -= 1
        titled = [
            k
            for k in range(start, token.i)
            if doc[k].lower_ in lexicon.titles or doc[k].lower_ in lexicon.role_nouns
        ]
        if titled:  # "University President Ilse Vandekamp": the name after the title
            start = titled[-1] + 1
        else:  # "Minister of State for Fisheries Ruth Holm": from the given name
            first = name_start(doc, doc[start : token.i + 1], lexicon)
            if (
                first == start > 0
                and token.i - start >= 2
                and doc[start - 1].lower_ in lexicon.role_prepositions
            ):
                first += 1  # the department a title joined by "for" names comes first
            start = first
        if token.i - start >= 1:
            title = title_before(doc, start, lexicon)
            found.add((doc[start : token.i + 1].text, title))
    return found.pop() if len({name for name, _ in found}) == 1 else None


def _token_index(doc: Doc) -> dict[str, list[int]]:
    """Token texts -> their indexes, once per Doc while it is ``doc_memo.active``."""

    def build() -> dict[str, list[int]]:
        index: dict[str, list[int]] = {}
        for token in doc:
            index.setdefault(token.text, []).append(token.i)
            if token.is_title:  # "\0daly": the capitalised words, by their lower case
                index.setdefault("\0" + token.lower_, []).append(token.i)
        return index

    return cached(doc, "token_index", build)


def unnamed_role(head: Token, lexicon: Lexicon) -> str | None:
    """The role of a single source the text does not name: its description without
    the article, with the phrase that ties it to a body ("a senior finance ministry
    official" -> "senior finance ministry official"; "a spokesperson for the Food
    and Drug Administration" -> "spokesperson for the Food and Drug Administration").

    Args:
        head: The head noun of the description, a role noun.
        lexicon: The extractor's lexicon: ``role_prepositions`` tie a role to a body
            or to people ("spokesperson [for] X").

    Returns:
        The role as written, or None when nothing is left.
    """
    doc = head.doc
    left = [t for t in head.subtree if t.i <= head.i]
    while left and (left[0].is_punct or left[0].tag_ in _LEADING_TAGS):
        left.pop(0)
    if not left:
        return None
    end = head.i + 1
    for child in head.rights:  # "spokesman for X"
        if child.i != end:
            break
        if child.dep_ == "prep" and child.lower_ in lexicon.role_prepositions:
            end = child.right_edge.i + 1
    tokens = without_clauses(list(doc[left[0].i : end]), head)
    return str(doc[tokens[0].i : tokens[-1].i + 1].text) if tokens else None
