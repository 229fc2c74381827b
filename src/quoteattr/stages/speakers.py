"""Find the speaker of a cue through the dependency parse.

Input: a parsed Doc, one ``CueMatch``, the token indexes of every cue head and the
``Lexicon`` (role and group nouns).
Output: the head token of the speaker's noun phrase, or None.

Rules, in order: the object of "according to"; the agent of a passive cue
("was told by X"); the subject of the cue verb; for a relative clause ("X,
who said") the noun it modifies; for a participle or a coordinated or
embedded verb with no subject of its own ("..., accusing NATO of", "went on
to say", "smiled and said") the subject of the nearest governing cue, else of
the nearest governing verb; for a finite verb misparsed as modifying the noun
before it ("a man yelled") that noun. A dateline the parser took for the subject
("LISBON (Reuters) — The ministry said") is never the speaker.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Token

from ..lexicon import Lexicon
from ..types import CueMatch
from .mentions import entity_span

__all__ = ["speaker_head"]

_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
_CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl", "ccomp", "pcomp", "prep"})
_MAX_CLIMB = 4
_CLOSING_MARKS = frozenset({"”", '"', "»", "’", "'"})
_HOLDER_LABELS = frozenset({"PERSON", "ORG", "NORP"})
#: Dashes that end a dateline ("LISBON —", "DENVER, Colo. --").
_DATELINE_DASHES = frozenset({"—", "–", "--", "-"})


def speaker_head(
    doc: Doc, cue: CueMatch, cue_heads: Collection[int], lexicon: Lexicon
) -> Token | None:
    """Return the head token of the speaker of ``cue``, or None.

    Args:
        doc: The parsed Doc.
        cue: The cue whose speaker is wanted.
        cue_heads: Token indexes of the heads of every cue in the Doc, used to
            prefer a governing speech verb's subject for participles.
        lexicon: Its role and group nouns tell a noun that can hold a view ("a group
            backing Bush", "pastors supporting Mr. Cruz").

    Returns:
        The speaker's head token, or None when the parse shows none.
    """
    head = doc[cue.head]
    if cue.kind == "fixed" and head.lower_ in lexicon.source_prepositions:
        return _source_object(doc, cue)
    return _verb_speaker(head, cue_heads, lexicon)


def _source_object(doc: Doc, cue: CueMatch) -> Token | None:
    """The object of "according to X"."""
    last = doc[cue.end - 1]
    for child in last.children:
        if child.dep_ in ("pobj", "dobj", "obj", "npadvmod", "appos"):
            return child
    if cue.end < len(doc) and doc[cue.end].pos_ in ("PROPN", "NOUN", "PRON"):
        token = doc[cue.end]
        while (
            token.head.i > token.i
            and token.head.i < token.sent.end
            and token.dep_ in ("compound", "amod", "det", "poss", "nmod")
        ):
            token = token.head
        return token
    return None


def _subject_of(verb: Token, lexicon: Lexicon) -> Token | None:
    """The subject nearest the verb ("Details: Wang Wenbin, ..., said" -> "Wenbin")."""
    agent = None
    passive = None
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    if subjects:
        return _past_dateline(min(subjects, key=lambda c: abs(c.i - verb.i)))
    for child in verb.children:
        if child.dep_ == "agent":
            agent = next((g for g in child.children if g.dep_ == "pobj"), None)
        elif child.dep_ == "nsubjpass":
            passive = child
    if agent is not None:
        return agent
    if passive is not None and verb.lemma_.lower() in lexicon.passive_speaker_verbs:
        return passive
    return None


def _past_dateline(subject: Token) -> Token | None:
    """The subject itself, unless it is a dateline the parser took for one ("LISBON
    (Reuters) — The ministry said": "LISBON"); then the noun after the dash that the
    parser hung on it, else None: a dateline says where, never who."""
    dash = _dateline_dash(subject)
    if dash is None:
        return subject
    after = [c for c in subject.children if c.i > dash and c.dep_ == "appos"]
    return after[0] if after else None


def _dateline_dash(token: Token) -> int | None:
    """The index of the dash that ends the dateline ``token`` opens: a place in
    capitals at the start of a line followed, within a few words, by a dash
    ("DENVER, Colo. --", "LISBON (Reuters) —"); None when it opens none."""
    doc = token.doc
    start = min(token.left_edge.i, token.i)
    first = doc[start]
    if not (first.text.isupper() and first.is_alpha and len(first) > 2):
        return None
    if start > 0 and "\n" not in doc[start - 1].text_with_ws and not doc[start - 1].is_space:
        return None
    window = doc[max(start, token.i) : min(len(doc), start + 14)]
    return next((t.i for t in window if _dash(t)), None)


def _dash(token: Token) -> bool:
    """A dash between words: "—", "--", or a hyphen with spaces on both sides."""
    if token.text == "-":
        return bool(token.whitespace_) and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)
    return token.text in _DATELINE_DASHES


def _verb_speaker(verb: Token, cue_heads: Collection[int], lexicon: Lexicon) -> Token | None:
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and _holder(verb.head, lexicon):
        return verb.head  # 'a group backing Bush', 'pastors supporting Mr. Cruz'
    if verb.tag_ == "VBG" and verb.dep_ == "advcl":
        # "..., accusing NATO of ...": the speaker of the governing speech verb
        for ancestor in verb.ancestors:
            if ancestor.i in cue_heads:
                subject = _subject_of(ancestor, lexicon)
                if subject is not None:
                    return _through_relative(subject, lexicon)
        root = verb.sent.root
        subject = _subject_of(root, lexicon)
        return _through_relative(subject, lexicon) if subject is not None else None
    current = verb
    for _ in range(_MAX_CLIMB):
        subject = _subject_of(current, lexicon)
        if subject is not None:
            return _through_relative(subject, lexicon)
        if current.dep_ == "relcl" or _misparsed_clause(current):
            return current.head
        if current.dep_ not in _CLIMB_DEPS or current.head is current:
            break
        current = current.head
    return _noun_before(verb, lexicon)


def _holder(noun: Token, lexicon: Lexicon) -> bool:
    """True for a noun that can hold or voice a view: a person, organisation or group
    named, a role ("pastors") or a group of people ("a group", "those")."""
    if noun.ent_type_ in _HOLDER_LABELS:
        return True
    lemma = noun.lemma_.lower()
    groups = lexicon.group_nouns
    return lemma in lexicon.role_nouns or lemma in groups or noun.lower_ in groups


def _misparsed_clause(verb: Token) -> bool:
    """A finite past verb parsed as a clause modifying the noun just before it: "a man
    yelled", "the 43-year-old asked" (a reduced relative would be a participle); as a
    participle with no agent, only when the noun phrase opens right after a closing
    quotation mark ('"...?" the 43-year-old asked')."""
    if verb.dep_ != "acl" or verb.head.i != verb.i - 1:
        return False
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ != "VBN" or any(c.dep_ == "agent" for c in verb.children):
        return False
    first = verb.head.left_edge.i
    return first > 0 and verb.doc[first - 1].text in _CLOSING_MARKS


def _noun_before(verb: Token, lexicon: Lexicon) -> Token | None:
    """When the parse gives no subject, a person or organisation named just before
    the verb ("..., Jake Sullivan, said:"), or a role or group noun that the parser
    attached to a phrase before it ("With hosts X and Y, the candidate stated")."""
    doc = verb.doc
    if verb.tag_ == "VBG":
        return None
    i = verb.i - 1
    while i >= verb.sent.start and doc[i].text in (",", "—", "–"):
        i -= 1
    if i < verb.sent.start:
        return None
    if doc[i].ent_type_ in ("PERSON", "ORG"):
        root = _ent_root(doc[i])
    elif doc[i].pos_ == "NOUN" and doc[i].dep_ == "appos" and _holder(doc[i], lexicon):
        root = doc[i]  # 'In an interview with X, the candidate stated': read as X's apposition
    else:
        return None
    return None if root.dep_ in ("pobj", "dobj", "obj") else root


def _ent_root(token: Token) -> Token:
    ent = entity_span(token)
    return ent.root if ent is not None else token


def _through_relative(subject: Token, lexicon: Lexicon) -> Token:
    """Map a relative pronoun subject ("who") to the noun it stands for."""
    if subject.lower_ in lexicon.relative_words and subject.head.dep_ == "relcl":
        return subject.head.head
    return subject
