"""What counts as an attribution, and one consistent set of them per document.

Input: ``Settings`` (``scope``, ``nested``, ``cue_classes``) and, for
``consistent``, the attribution candidates and depth-0 quotation spans of one
Doc.
Output: the ``Conventions`` that the attribution rules consult, and the
candidates made consistent: no content ends inside a quotation it does not
open, no quotation is reported twice, and no two contents partly overlap (in
the default scope no two overlap at all).

Two conventions are built in:

* ``"speech"`` (the default): what a reader calls a quote. Direct and mixed
  quotations and indirect reports of speech or writing whose content is a
  clause ("said [that] X", "according to S, X"). A noun-phrase or infinitive
  object of a cue ("called the police", "plans to meet") is no content unless
  it holds a quotation, beliefs, perceptions and findings are not reported (but a
  document's findings: "the audit found that X"), and
  neither are attributions with no source ("is expected to win").
* ``"attributions"``: the PARC/PolNeAR convention (Pareti 2016; Newell,
  Margolin & Ruths 2018), where all of these are attributions, and an
  attribution may lie inside another's content.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from spacy.tokens import Doc, Token

from ..lexicon import Lexicon
from ..settings import SPEECH_CUE_CLASSES, Settings
from ..types import Candidate, QuoteSpan
from .spans import bounds, contains, covers, overlap, overlaps

__all__ = [
    "ACT_CLASSES",
    "NESTED",
    "Conventions",
    "clausal",
    "consistent",
    "is_complementiser",
]

#: Rules whose content is a quotation (or starts with one), most reliable first.
_QUOTE_RULES = (
    "quote_cue",
    "quote_continues",
    "adjacent_verb",
    "colon_name",
    "colon_verb",
    "dash_name",
    "paragraph_carry",
)
#: Rule name of an attribution inside a quotation (``Conventions.in_quotes``).
NESTED = "nested"
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
#: Cue classes of speech acts whose content may be a person and a verb phrase.
ACT_CLASSES = frozenset({"accusation", "directive", "criticism", "praise", "warning"})
_VERB_COMPLEMENTS = frozenset({"pcomp", "xcomp", "acl", "advcl", "ccomp"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Non-speech cue classes that report what a document says ("the audit found that ...").
_DOCUMENT_CLASSES = frozenset({"finding"})


@dataclass(frozen=True)
class Conventions:
    """Switches of the attribution rules (``Settings.scope`` sets them).

    Attributes:
        object_contents: A noun-phrase or infinitive object of a cue is a content
            ("denied [the report]", "plans [to meet]"); else only a clause or a
            quotation is.
        sourceless: Raising verbs and agentless passives are attributions with no
            source ("[Trump] is expected [to win]").
        bare_relative: A relative pronoun alone is a content ("allegations,
            [which] he denied").
        nested: An attribution may lie wholly inside another's content.
        complementiser: The complementiser "that" starts an indirect content ("said
            [that X]", PARC/PolNeAR); else the content starts after it ("said that
            [X]", what was said, as a reader and most other corpora give it).
        quote_comma: A content that ends where a quotation does keeps the comma
            before the closing mark ('"[We will pay,]" she said', PARC/PolNeAR);
            else the comma is the report sentence's, set inside the mark by
            American punctuation, and is left out ('"[We will pay]," she said').
        in_quotes: Report the attributions inside a quotation ('"I think [X]," she
            said'), a first-person source being the quotation's speaker.
        classes: Cue classes reported.
        reclass: Verb lemma -> the cue class it has under these conventions when it
            differs from the lexicon's ("conclude" reports speech in the "speech"
            scope, a finding in PolNeAR).
        document_classes: Cue classes left out of ``classes`` that a verb still has
            when its subject is a document ("the audit [found] that ...").
        verb_classes: Cue class of every verb of the lexicon, so that the rules
            that take a verb outside the cue table ('"...," he beamed') know the
            class of a verb the table has but ``classes`` leaves out.
    """

    object_contents: bool = True
    sourceless: bool = True
    bare_relative: bool = True
    nested: bool = True
    in_quotes: bool = False
    complementiser: bool = True
    quote_comma: bool = True
    classes: frozenset[str] | None = None
    reclass: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    document_classes: frozenset[str] = frozenset()
    verb_classes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        verb_classes: Mapping[str, str] | None = None,
        speech_readings: Mapping[str, str] | None = None,
    ) -> Conventions:
        """The conventions of ``settings.scope``, narrowed by ``settings.cue_classes``.

        Args:
            settings: What to report.
            verb_classes: The lexicon's verb lemma -> cue class (``Lexicon.verbs``).
            speech_readings: Verb lemma -> the class it has in the "speech" scope
                (``Lexicon.speech_readings``).

        Example:
            >>> Conventions.from_settings(Settings()).object_contents
            False
        """
        verbs = MappingProxyType(dict(verb_classes or {}))
        if settings.scope == "attributions":
            return cls(classes=settings.cue_classes, verb_classes=verbs, in_quotes=settings.nested)
        return cls(
            object_contents=False,
            sourceless=False,
            bare_relative=False,
            complementiser=False,
            quote_comma=False,
            nested=settings.nested,
            in_quotes=settings.nested,
            reclass=MappingProxyType(dict(speech_readings or {})),
            classes=settings.cue_classes & SPEECH_CUE_CLASSES,
            document_classes=settings.cue_classes & _DOCUMENT_CLASSES,
            verb_classes=verbs,
        )

    def cue_classes(self, classes: frozenset[str]) -> frozenset[str]:
        """``classes`` narrowed to the ones these conventions report."""
        return classes if self.classes is None else classes & self.classes

    def verb_cue_class(self, lemma: str) -> str | None:
        """The class of a verb taken as a cue outside the cue table: its class in the
        lexicon, else "statement"; None when that class is not reported."""
        cls = self.reclass.get(lemma) or self.verb_classes.get(lemma, "statement")
        return cls if self.classes is None or cls in self.classes else None


def is_complementiser(token: Token, *, lexicon: Lexicon) -> bool:
    """True when ``token`` is the complementiser ("that", ``Lexicon.complementisers``) of a
    content clause: parsed as its marker, or misparsed as the object of the clause's verb
    although that verb's subject follows it ('said that [his side] "deserved more"').
    False for a "that" that is the clause's subject or object ("He said that was wrong")."""
    if token.lower_ not in lexicon.complementisers:
        return False
    if token.dep_ == "mark":
        return True
    return token.dep_ in ("dobj", "obj") and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i > token.i for c in token.head.children
    )


def clausal(doc: Doc, start: int, end: int, cue_class: str = "", *, lexicon: Lexicon) -> bool:
    """True when the tokens ``start:end`` are a clause: they open with a complementiser
    or a question word ("that ...", "whether ..."), or their root is a finite verb
    with a subject ("the talks will resume"); for a speech act that takes a person and
    a verb phrase (``ACT_CLASSES``), also an object followed by its verb ("accused [the
    office of hiding costs]", "urged [Congress to act]"). False for a noun phrase or
    a bare infinitive ("the police", "to meet on Friday"). The complementisers and
    question words are ``lexicon.clause_openers``."""
    span = doc[start:end]
    if not len(span):
        return False
    if span[0].lower_ in lexicon.clause_openers:
        return True
    if (
        cue_class in ACT_CLASSES
        and span[0].pos_ not in ("VERB", "AUX", "PART")
        and any(t.pos_ == "VERB" and t.dep_ in _VERB_COMPLEMENTS for t in span[1:])
    ):
        return True
    root = span.root
    if root.pos_ not in ("VERB", "AUX") or not any(
        c.dep_ in _SUBJECTS and covers((start, end), c.i) for c in root.children
    ):
        return False
    # finite: a tensed verb or a tensed auxiliary, not "[a plan] to train"
    return root.tag_ in _FINITE or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in root.children
    )


def consistent(cands: list[Candidate], quotes: list[QuoteSpan], *, nested: bool) -> list[Candidate]:
    """Make the attributions of one document consistent.

    A content that takes in a quotation's closing mark without its opening mark
    (or the other way round) stops at the mark; where two contents partly overlap,
    or report the same quotation, the more reliable one is kept; without
    ``nested``, a content inside another's is dropped too.

    Args:
        cands: Candidates sorted by start.
        quotes: Depth-0 quotation spans.
        nested: Keep a content that lies wholly inside another's (and reports no
            quotation that the other reports).

    Returns:
        Candidates sorted by start, no two partly overlapping.
    """
    index = _QuoteIndex(quotes)
    clipped = [_clip(c, index.near(c.start, c.end)) for c in cands]
    ranked = sorted(
        (c for c in clipped if c.end > c.start),
        key=lambda c: _rank(c, index.near(c.start, c.end)),
        reverse=True,
    )
    kept: list[Candidate] = []  # sorted by (start, end), as ``keys``
    keys: list[tuple[int, int]] = []
    for cand in ranked:
        key = bounds(cand)
        at = bisect_left(keys, key)
        if nested:
            others = kept[: bisect_left(keys, (cand.end, cand.end))]
        else:  # kept contents are disjoint: only the neighbours can overlap
            others = kept[max(0, at - 1) : at + 1]
        near = index.near(cand.start, cand.end)
        if all(_compatible(cand, k, near, nested) for k in others):
            kept.insert(at, cand)
            keys.insert(at, key)
    return kept


class _QuoteIndex:
    """Depth-0 quotation spans (disjoint, sorted), searchable by offset."""

    def __init__(self, quotes: list[QuoteSpan]) -> None:
        self.quotes = quotes
        self.starts = [q.outer_start for q in quotes]
        self.ends = [q.outer_end for q in quotes]

    def near(self, start: int, end: int) -> list[QuoteSpan]:
        """The quotations whose marks or words touch ``start:end`` (ends included)."""
        return self.quotes[bisect_left(self.ends, start) : bisect_right(self.starts, end)]


def _clip(cand: Candidate, quotes: list[QuoteSpan]) -> Candidate:
    """Stop at its closing mark a content that starts inside a quotation and ends with
    the mark or starts after its first word (a content that starts with the first word
    and goes on past the mark is a mixed quote: '[A" because "B]'), and start a content
    that opens with an unclosed quotation's mark after the mark."""
    start, end = cand.start, cand.end
    for q in quotes:
        opened_before = q.open_mark is None or q.open_mark < start
        crosses = q.close_mark is not None and start < q.close_mark < end
        if opened_before and crosses and (end == q.outer_end or start > q.start):
            end = q.end  # 'A closely"' -> 'A closely'; 'ly", and B' -> 'ly'
        closed_after = q.close_mark is None or q.close_mark >= end
        if q.open_mark == start and closed_after and q.start < end:
            start = q.start  # '"Now we are' -> 'Now we are'
    if (start, end) == (cand.start, cand.end):
        return cand
    return replace(cand, start=start, end=end)


def _rank(cand: Candidate, quotes: list[QuoteSpan]) -> tuple[int, int, int, int, int]:
    """Contents that cut no quotation in two first, then those with a quotation, then
    with a speaker, then longer (a mixed quote over the quotation inside it), then by
    rule."""
    span = (cand.start, cand.end)
    touched = [(q.start, q.end) for q in quotes if overlaps((q.start, q.end), span)]
    whole = all(contains(span, q) or contains(q, span) for q in touched)
    rule = len(_QUOTE_RULES) - _QUOTE_RULES.index(cand.rule) if cand.rule in _QUOTE_RULES else 0
    return (int(whole), int(bool(touched)), int(cand.mention is not None), span[1] - span[0], rule)


def _compatible(a: Candidate, b: Candidate, quotes: list[QuoteSpan], nested: bool) -> bool:
    """True when ``a`` may be reported next to ``b``."""
    shared = overlap(bounds(a), bounds(b))
    if not shared:
        return True
    if not nested:
        return False
    if bounds(a) == bounds(b):
        return False
    if contains(bounds(b), bounds(a)):
        inner = a
    elif contains(bounds(a), bounds(b)):
        inner = b
    else:
        return False
    if inner.rule != NESTED and any(contains(bounds(q), bounds(inner)) for q in quotes):
        return False  # a piece of a quotation is no attribution of its own
    # one quotation reported twice: both contents hold all of it
    return not any(
        contains(bounds(a), bounds(q)) and contains(bounds(b), bounds(q)) for q in quotes
    )
