"""The content of an attribution, read from the dependency parse of its cue.

Input: a parsed Doc, one ``CueMatch`` and the ``Lexicon`` (how its verbs take content).
Output: the token span ``(start, end)`` of what was reported, or None
(``content_span``).

``content_span`` tries the strategies of ``STRATEGIES`` in order, each a small
function of a ``CueFrame``: for "according to S, X" the clause that the phrase
modifies; for a cue verb its clausal complement ("said [that] X"), else a
clausal complement to its left ("X, he said"), else the clause it is a
conjunct of ("X, he told reporters"), else its objects and complements to the
right ("accused [X of Y]", "called on [X to Y]", "denied [X]"). Following the
PARC/PolNeAR convention, the complementiser "that" belongs to the content and
end punctuation does not; the default "speech" scope drops the "that"
(``Conventions.complementiser``, applied in ``attribute``).

Some contents come in parts: see ``parts``. The edges of a content (``trim``,
``without_opener``, datelines, focusing adverbs) are in ``edges``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from enum import Enum
from typing import Final

from spacy.tokens import Doc, Span, Token

from ..lexicon import Lexicon
from ..types import CueMatch
from .edges import (
    before_loose_modifier,
    before_other_cue,
    before_trailing_apposition,
    past_focus,
    trim,
    without_opener,
)

__all__ = [
    "NO_CONTENT",
    "STRATEGIES",
    "CueFrame",
    "Verdict",
    "according_to_clause",
    "bare_complement",
    "clause_after",
    "clause_before",
    "clause_conjoined",
    "clause_only",
    "content_span",
    "objects_after",
    "trim",
    "without_opener",
]

_RIGHT_DEPS = frozenset({"ccomp", "dobj", "obj", "xcomp", "attr", "oprd", "pcomp", "prep"})
_OBJECT_DEPS = _RIGHT_DEPS | {"pobj"}
_CLAUSE_DEPS = frozenset({"ccomp"})
_SECOND_COMPLEMENTS = frozenset({"oprd", "xcomp", "ccomp", "attr"})
_PLACE_TIME = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "EVENT", "ORDINAL", "CARDINAL"})


class _NoContent(Enum):
    """A strategy's verdict that the cue reports nothing (no later strategy is tried)."""

    NO_CONTENT = 0


#: Returned by a strategy when the cue has no content at all.
NO_CONTENT: Final = _NoContent.NO_CONTENT

#: A strategy's answer: a token span, ``NO_CONTENT``, or None (the next strategy decides).
Verdict = tuple[int, int] | _NoContent | None


@dataclass(frozen=True, slots=True)
class CueFrame:
    """What the content strategies read about one cue.

    Attributes:
        doc: The parsed Doc.
        cue: The cue.
        verb: The cue's head token.
        lemma: The head's lemma, lowercased.
        rights: The right children of the cue's tokens that follow the cue, in order
            (the verb's complements, and those of a phrase's particle: "talked about [X]").
        cue_heads: Head tokens of all the cues of the Doc.
        lexicon: The extractor's lexicon (how cue verbs take their content).
    """

    doc: Doc
    cue: CueMatch
    verb: Token
    lemma: str
    rights: tuple[Token, ...]
    cue_heads: Collection[int]
    lexicon: Lexicon

    @classmethod
    def of(cls, doc: Doc, cue: CueMatch, cue_heads: Collection[int], lexicon: Lexicon) -> CueFrame:
        """Read the frame of ``cue`` in ``doc`` (``cue_heads``: heads of all the cues)."""
        verb = doc[cue.head]
        governors = {*range(cue.start, cue.end), verb.i}
        rights = sorted(
            (c for g in governors for c in doc[g].rights if c.i >= cue.end), key=lambda c: c.i
        )
        return cls(doc, cue, verb, verb.lemma_.lower(), tuple(rights), cue_heads, lexicon)

    @property
    def is_verb(self) -> bool:
        """True for a single-verb cue (not a verb phrase or a fixed phrase)."""
        return self.cue.kind == "verb"


Strategy = Callable[[CueFrame], Verdict]


def content_span(
    doc: Doc, cue: CueMatch, lexicon: Lexicon, cue_heads: Collection[int] = ()
) -> tuple[int, int] | None:
    """Return the token span of the content reported by ``cue``, or None.

    The strategies of ``STRATEGIES`` are tried in order; the first that decides
    (a span, or ``NO_CONTENT``) gives the answer.

    Args:
        doc: The parsed Doc.
        cue: A cue found by ``CueFinder``.
        lexicon: The extractor's lexicon: its verb frames (``clause_only_verbs``,
            ``addressee_verbs`` ...) and ``source_prepositions``.
        cue_heads: Head tokens of all the cues of the Doc: a clausal content ends
            before a comma that opens another cue's clause ('said X, echoing Y').

    Returns:
        ``(start, end)`` token indexes (end exclusive), trimmed of end
        punctuation; None when no content is found.
    """
    frame = CueFrame.of(doc, cue, cue_heads, lexicon)
    for strategy in STRATEGIES:
        verdict = strategy(frame)
        if verdict is NO_CONTENT:
            return None
        if verdict is not None:
            return verdict
    return None


def _decided(span: tuple[int, int] | None) -> Verdict:
    """A strategy's verdict for a span it found (``NO_CONTENT`` when trimmed away)."""
    return NO_CONTENT if span is None else span


def according_to_clause(frame: CueFrame) -> Verdict:
    """For a source phrase ('according to S, [X]'), the clause that it modifies."""
    cue = frame.cue
    if cue.kind != "fixed" or frame.verb.lower_ not in frame.lexicon.source_prepositions:
        return None
    return _decided(trim(frame.doc, *_source_clause(frame.doc, cue, frame.lexicon)))


def clause_after(frame: CueFrame) -> Verdict:
    """The clausal complements to the right of the cue ('said [that X]'), an "if" clause
    of a question verb, or a that-clause the parser hung on the channel of the report."""
    doc = frame.doc
    clauses = [
        c
        for c in frame.rights
        if c.dep_ in _CLAUSE_DEPS
        or _is_question(c, frame.lemma, frame.lexicon)
        or _is_that_clause(c, frame.lexicon)
    ]
    if not clauses:
        clauses = _media_clause(list(frame.rights), frame.lexicon)
    if not clauses:
        return None
    lexicon = frame.lexicon
    start = past_focus(doc, clauses[0].left_edge.i, lexicon.focus_adverbs, lexicon.complementisers)
    end = _with_elided_conjuncts(frame, max(c.right_edge.i for c in clauses) + 1)
    end = before_other_cue(doc, start, end, frame.cue_heads)
    return _decided(trim(doc, start, before_trailing_apposition(doc, start, end)))


def _is_that_clause(token: Token, lexicon: Lexicon) -> bool:
    """'would say only [that the firm was reviewing it]': a that-clause with a subject
    parsed as an adverbial clause of the cue."""
    if token.dep_ != "advcl" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return False
    doc, first = token.doc, token.left_edge.i
    first = first + 1 if doc[first].lower_ in lexicon.focus_adverbs else first
    opener = doc[first]
    return opener.lower_ in lexicon.complementisers and opener.dep_ == "mark"  # not "so that"


def _with_elided_conjuncts(frame: CueFrame, end: int) -> int:
    """Take in the conjuncts without a verb that the parser hung on the cue right after
    the content ('said he was open to "any offer," [but not to a sale]'): a cue verb is
    not coordinated with a preposition or a noun, so they continue what was said."""
    doc = frame.doc
    for conj in frame.verb.rights:
        if conj.dep_ != "conj" or conj.i < end or conj.pos_ in ("VERB", "AUX"):
            continue
        gap = doc[end : conj.left_edge.i]
        if conj.left_edge.i < end or not all(t.is_punct or t.dep_ == "cc" for t in gap):
            break
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            break
        end = conj.right_edge.i + 1
    return end


def clause_before(frame: CueFrame) -> Verdict:
    """A clausal complement to the left of the cue ('[X], he said')."""
    lefts = [c for c in frame.verb.lefts if c.dep_ == "ccomp" and c.i < frame.cue.start]
    if not lefts:
        return None
    return _decided(trim(frame.doc, lefts[0].left_edge.i, lefts[-1].right_edge.i + 1))


def clause_conjoined(frame: CueFrame) -> Verdict:
    """The clause that a cue parsed as its last conjunct reports ('[X should do Y], he
    told reporters'; see ``_trailing_attribution``)."""
    trailing = _trailing_attribution(frame.doc, frame.verb, frame.cue, frame.lexicon)
    return None if trailing is None else _decided(trim(frame.doc, *trailing))


def clause_only(frame: CueFrame) -> Verdict:
    """A verb that reports only clauses (already tried) has no content of its own."""
    return NO_CONTENT if frame.is_verb and frame.lemma in frame.lexicon.clause_only_verbs else None


def bare_complement(frame: CueFrame) -> Verdict:
    """No content for a verb that reports only with a second complement ("called him [a
    liar]", 'called it "X"') when it has none ("called the police")."""
    rights = frame.rights
    if (
        frame.is_verb
        and frame.lemma in frame.lexicon.complement_verbs
        and not any(c.dep_ in _SECOND_COMPLEMENTS for c in rights)
        and not any(t.is_quote for c in rights for t in c.subtree)
    ):
        return NO_CONTENT
    return None


def objects_after(frame: CueFrame) -> Verdict:
    """The objects and complements ("accused [X of Y]", "called on [X to Y]", "denied
    [X]") to the right of the cue, without settings ("in Moscow") and, for a
    verb of address, without the addressee."""
    doc, cue = frame.doc, frame.cue
    addressee = frame.is_verb and frame.lemma in frame.lexicon.addressee_verbs
    kept = [c for c in frame.rights if c.dep_ in _OBJECT_DEPS and not _is_setting(c, frame.lexicon)]
    if addressee:
        kept = [c for c in kept if c.dep_ not in ("dobj", "obj", "dative")]
    if not kept:
        return NO_CONTENT
    first = kept[0]
    start = first.left_edge.i if addressee else min(cue.end, first.left_edge.i)
    if first.dep_ == "prep" and first.i == start:
        # "sounded off [against] the idea": the preposition goes with the cue
        obj = next((c for c in first.children if c.dep_ in ("pobj", "pcomp")), None)
        start = obj.left_edge.i if obj is not None else start
    end = before_loose_modifier(doc, start, max(c.right_edge.i for c in kept) + 1)
    return _decided(trim(doc, start, before_trailing_apposition(doc, start, end)))


#: The content strategies, tried in this order by ``content_span``.
STRATEGIES: tuple[Strategy, ...] = (
    according_to_clause,
    clause_after,
    clause_before,
    clause_conjoined,
    clause_only,
    bare_complement,
    objects_after,
)


def _media_clause(rights: list[Token], lexicon: Lexicon) -> list[Token]:
    """'said in a statement [that X]', 'wrote in a post on X [that Y]': the that-clause
    the parser attached to the channel of the report instead of to the cue."""
    for prep in rights:
        if prep.dep_ != "prep" or not any(
            o.dep_ == "pobj" and o.lower_ in lexicon.report_media for o in prep.children
        ):
            continue
        for token in prep.subtree:
            if token.dep_ not in ("acl", "relcl", "ccomp") or token.left_edge.i <= prep.i:
                continue
            opener = token.left_edge
            if (
                opener.lower_ in lexicon.complementisers
                and opener.dep_ == "mark"
                and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children)
            ):
                return [token]
    return []


def _is_question(token: Token, lemma: str, lexicon: Lexicon) -> bool:
    """'asked the nurses [whether they had slept]': an "if"/"whether" clause parsed as
    an adverbial clause of a question verb."""
    return (
        lemma in lexicon.question_verbs
        and token.dep_ == "advcl"
        and any(
            c.dep_ == "mark" and c.lower_ in lexicon.question_complementisers
            for c in token.children
        )
    )


def _trailing_attribution(
    doc: Doc, verb: Token, cue: CueMatch, lexicon: Lexicon
) -> tuple[int, int] | None:
    """'X should do Y, he told reporters.': a cue parsed as the last conjunct of the
    clause it reports, set off by a comma before its subject and reporting nothing to
    its right, has that clause as content (from its start to the comma)."""
    if verb.dep_ != "conj" or verb.head.i >= cue.start:
        return None
    subject = next((c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    comma = subject.left_edge.i - 1
    if comma <= verb.head.left_edge.i or doc[comma].text != ",":
        return None
    if any(doc[i].dep_ == "cc" and doc[i].head.i == verb.head.i for i in range(comma, cue.start)):
        return None
    addressee = cue.kind == "verb" and verb.lemma_.lower() in lexicon.addressee_verbs
    for right in verb.rights:
        if right.i < cue.end or right.is_punct or right.is_space or _is_setting(right, lexicon):
            continue
        if right.dep_ in ("npadvmod", "advmod") or (addressee and right.dep_ in ("dobj", "dative")):
            continue
        return None
    return verb.head.left_edge.i, comma


def _is_setting(token: Token, lexicon: Lexicon) -> bool:
    """True for a prepositional phrase of time, place or channel ("on Sunday", "in
    Moscow", "at a rally", "during the debate", "in a statement")."""
    if token.dep_ != "prep":
        return False
    if token.lower_ in lexicon.setting_prepositions:
        return True
    objects = [c for c in token.children if c.dep_ == "pobj"]
    return bool(objects) and all(
        o.ent_type_ in _PLACE_TIME or o.lower_ in lexicon.report_media for o in objects
    )


def _source_clause(doc: Doc, cue: CueMatch, lexicon: Lexicon) -> tuple[int, int]:
    """The clause around "according to S", without the phrase itself."""
    phrase = doc[cue.head]
    sent: Span = phrase.sent
    left, right = phrase.left_edge.i, phrase.right_edge.i + 1
    before = (sent.start, left)
    after = (right, sent.end)
    start, end = after if after[1] - after[0] >= before[1] - before[0] else before
    return without_opener(doc, start, end, lexicon.connectives), end
