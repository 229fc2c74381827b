"""Link a quotation to its cue: the nearest cue, and the rules for a cue that has a content.

Input: a ``Context``, a depth-0 ``QuoteSpan`` and the cues outside quotation marks.
Output: the cue of a quotation (``nearest_cue``, ``content_owner``), the content of
a quotation linked to a cue (``with_complementiser``), a speaker named after it
(``name_after``), what a quotation makes of its cue's candidate (``link``: the
first rule of ``LINK_RULES`` that applies), and the quotation that is the whole
complement of a cue's object (``quoted_complement``). Candidates are never changed in place.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Token

from ..settings import NON_SPEECH_CUE_CLASSES
from ..types import Candidate, CueMatch, QuoteSpan
from .context import Context
from .mentions import entity_span, mention_for
from .spans import bounds, contains, covers, overlaps
from .uncovered import COLON_LABELS

__all__ = [
    "LINK_RULES",
    "Link",
    "LinkRule",
    "content_owner",
    "link",
    "name_after",
    "nearest_cue",
    "quoted_complement",
    "with_complementiser",
]

#: Farthest a cue may be from the quotation it introduces or follows (characters).
_MAX_LINK_CHARS = 400
#: What may stand between a cue and the quotation it introduces ('said: "..."').
_INTRODUCING = frozenset({"", ":", ",", ":,"})
#: A non-speech cue takes its own clause as content, and a quotation only this close
#: ('"...," Lee concluded'; not '"...," he said, believing ...').
_MAX_NOT_SPEECH_LINK = 25


@dataclass(frozen=True, slots=True)
class Link:
    """What a link rule makes of a quotation and the candidate of its cue.

    Attributes:
        base: The cue's candidate, changed or not.
        linked: A candidate of its own for the quotation, or None.
    """

    base: Candidate
    linked: Candidate | None = None


#: A link rule: the context, a quotation, its cue and the cue's candidate.
LinkRule = Callable[[Context, QuoteSpan, CueMatch, Candidate], Link | None]


def _speaker_after_quote(
    ctx: Context, quote: QuoteSpan, cue: CueMatch, base: Candidate
) -> Link | None:
    """'"...," Ohio volunteer Rosa Delgado, holding a clipboard, said': the parse put the
    speaker inside the content, which takes in the quotation; the quotation is the
    content and the name after it the speaker."""
    if base.mention is not None:
        return None
    name = name_after(ctx, quote, cue)
    if name is None or not contains(bounds(base), (quote.start, quote.outer_end)):
        return None
    mention = mention_for(ctx.doc, name, ctx.lexicon)
    return Link(replace(base, start=quote.start, end=quote.end, rule="quote_cue", mention=mention))


def _content_in_quote(
    ctx: Context, quote: QuoteSpan, cue: CueMatch, base: Candidate
) -> Link | None:
    """A content inside the quotation is replaced by the quotation."""
    if not contains((quote.outer_start, quote.outer_end), bounds(base)):
        return None
    return Link(replace(base, start=quote.start, end=quote.end, rule="quote_cue"))


def _quote_in_content(
    ctx: Context, quote: QuoteSpan, cue: CueMatch, base: Candidate
) -> Link | None:
    """A quotation inside the content changes nothing (a mixed quote)."""
    return Link(base) if contains(bounds(base), bounds(quote)) else None


def _quote_across_content(
    ctx: Context, quote: QuoteSpan, cue: CueMatch, base: Candidate
) -> Link | None:
    """A quotation that overlaps the content extends it (with the closing mark when the
    content starts first)."""
    if not overlaps(bounds(base), bounds(quote)):
        return None
    end = quote.outer_end if base.start < quote.start else quote.end
    return Link(replace(base, start=min(base.start, quote.start), end=max(base.end, end)))


def _quote_after_content(
    ctx: Context, quote: QuoteSpan, cue: CueMatch, base: Candidate
) -> Link | None:
    """'said that A "B," and C "D."': a quotation closely after an indirect content in
    its sentence extends it into one mixed quote."""
    if base.rule == "quote_cue" or not _same_sentence_after(ctx, base, quote):
        return None
    return Link(replace(base, end=quote.end))


def _quote_of_its_own(ctx: Context, quote: QuoteSpan, cue: CueMatch, base: Candidate) -> Link:
    """When no link rule applies, the quotation is one more content of the cue, with the
    same speaker."""
    start, end = with_complementiser(ctx, quote, cue)
    return Link(base, Candidate(start, end, cue, base.mention, "quote_cue"))


#: The rules for a quotation whose cue has a candidate, tried in this order (when none
#: applies, ``_quote_of_its_own``).
LINK_RULES: tuple[LinkRule, ...] = (
    _speaker_after_quote,
    _content_in_quote,
    _quote_in_content,
    _quote_across_content,
    _quote_after_content,
)


def link(ctx: Context, quote: QuoteSpan, cue: CueMatch, base: Candidate) -> Link:
    """The answer of the first rule of ``LINK_RULES`` that applies, else of
    ``_quote_of_its_own``."""
    for rule in LINK_RULES:
        link = rule(ctx, quote, cue, base)
        if link is not None:
            return link
    return _quote_of_its_own(ctx, quote, cue, base)


def with_complementiser(ctx: Context, quote: QuoteSpan, cue: CueMatch) -> tuple[int, int]:
    """The content of a linked quotation: from a complementiser ("that",
    ``Lexicon.complementisers``) right before its opening mark to its closing mark when
    its cue comes first ('telling them that "I need you."', a mixed quote), else the
    words inside the marks."""
    if ctx.conv.complementiser and ctx.doc[cue.head].idx < quote.outer_start:
        for word in sorted(ctx.lexicon.complementisers):
            start = _word_before(ctx.text, quote.outer_start, word)
            if start is not None:
                return start, quote.outer_end
    return quote.start, quote.end


def _word_before(text: str, end: int, word: str) -> int | None:
    """Offset of ``word`` (in any case) written right before ``end``, with at most two
    characters of white space after it and no letter or digit before it; else None."""
    before = text[max(0, end - len(word) - 2) : end]
    stripped = before.rstrip()
    n = len(word)
    if stripped.lower().endswith(word) and (len(stripped) == n or not stripped[-n - 1].isalnum()):
        return end - len(before) + len(stripped) - n
    return None


def content_owner(
    ctx: Context, quote: QuoteSpan, contents: Mapping[CueMatch, Candidate]
) -> CueMatch | None:
    """The cue of the first verb content that starts before ``quote`` and reaches into it
    (a mixed quote), if the cue is in the quotation's sentence."""
    for cue, cand in contents.items():
        if (
            cand.rule == "verb_content"
            and cand.cue is not None
            and cand.start < quote.outer_start
            and quote.start < cand.end
            and ctx.sentence_of(ctx.doc[cand.cue.head].idx) == ctx.sentence_of(quote.outer_start)
        ):
            return cue
    return None


def name_after(ctx: Context, quote: QuoteSpan, cue: CueMatch) -> Token | None:
    """'"...," Ohio volunteer Rosa Delgado, holding a clipboard, said': when the parse gives
    the cue after a quotation no subject, the person or organisation named right
    after the closing mark (within three tokens) and before the cue."""
    doc = ctx.doc
    if doc[cue.head].idx < quote.outer_end:
        return None
    span = doc.char_span(quote.outer_end, doc[cue.start].idx, alignment_mode="expand")
    if span is None:
        return None
    for token in span[:4]:
        if token.ent_type_ in COLON_LABELS:
            ent = entity_span(token)
            return ent.root if ent is not None else token
    return None


def _same_sentence_after(ctx: Context, base: Candidate, quote: QuoteSpan) -> bool:
    """True when ``quote`` follows the content of ``base`` closely in the same sentence."""
    if quote.start < base.end:
        return False
    gap = ctx.text[base.end : quote.outer_start]
    return ctx.sentence_of(base.end - 1) == ctx.sentence_of(quote.start) and len(gap) < 80


def nearest_cue(
    ctx: Context, quote: QuoteSpan, cues: Sequence[CueMatch], with_content: Collection[CueMatch]
) -> CueMatch | None:
    """The cue that introduces or follows ``quote`` in the sentences it touches
    (``with_content``: the cues that report a content of their own)."""
    first = ctx.sentence_of(quote.outer_start)
    last = ctx.sentence_of(max(quote.outer_start, quote.outer_end - 1))
    lo = ctx.sent_bounds[max(0, first)][0]
    hi = ctx.sent_bounds[min(len(ctx.sent_bounds) - 1, last)][1]
    after_stop = -1  # cues from here on need to be free of content of their own
    if quote.close_mark is not None:
        # "...," she said. -- the attribution may follow in the next sentence; after a
        # full stop inside the marks only a cue with nothing else to report ('"....."
        # Trump said.', not '"....." He added that ...')
        nxt = last + 1
        if nxt < len(ctx.sent_bounds) and ctx.sent_bounds[nxt][0] - quote.outer_end < 3:
            hi = max(hi, ctx.sent_bounds[nxt][1])
            if ctx.text[quote.start : quote.end].rstrip()[-1:] == ".":
                after_stop = ctx.sent_bounds[nxt][0]
    para = ctx.paragraph_of(quote.outer_start)
    paras = {para}
    if para > 0 and ctx.paragraphs[para][0] == quote.outer_start:
        prev_start, prev_end = ctx.paragraphs[para - 1]
        if ctx.text[prev_start:prev_end].endswith(":"):
            # 'As the website notes:' then a paragraph that is the quotation
            paras.add(para - 1)
            lo = ctx.sent_bounds[ctx.sentence_of(prev_end - 1)][0]
    best: tuple[int, CueMatch] | None = None
    for cue in cues:
        offset = ctx.doc[cue.head].idx
        if not covers((lo, hi), offset) or ctx.paragraph_of(offset) not in paras:
            continue
        if 0 <= after_stop <= offset and cue in with_content:
            continue
        if offset < quote.outer_start:
            distance = quote.outer_start - offset
            cue_end = ctx.doc[cue.end - 1]
            if ctx.text[cue_end.idx + len(cue_end) : quote.outer_start].strip() in _INTRODUCING:
                distance = 0  # 'said: "..."' before '"...", adding'
        elif offset >= quote.outer_end:
            distance = offset - quote.outer_end
        else:
            distance = 0
        limit = _MAX_NOT_SPEECH_LINK if cue.cue_class in NON_SPEECH_CUE_CLASSES else _MAX_LINK_CHARS
        if distance <= limit and (best is None or distance < best[0]):
            best = (distance, cue)
    return best[1] if best is not None else None


def quoted_complement(ctx: Context, cue: CueMatch, span: tuple[int, int]) -> QuoteSpan | None:
    """'accused the mayor of "ignoring the numbers"', 'praised her for "keeping faith"':
    the quotation that is the whole complement of "of" or "for" after the cue's object
    (``Lexicon.content_prepositions``); the person and the preposition before it are the
    reporter's lead-in."""
    doc = ctx.doc
    if cue.kind == "fixed":
        return None
    for prep in doc[span[0] : span[1]]:
        if (
            prep.lower_ not in ctx.lexicon.content_prepositions
            or prep.dep_ != "prep"
            or prep.i + 1 >= span[1]
        ):
            continue
        owner = prep.head
        if owner.i != cue.head and not (owner.dep_ in ("dobj", "obj") and owner.head.i == cue.head):
            continue
        obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if obj is None:
            continue
        opener = doc[prep.i + 1].idx
        last = doc[obj.right_edge.i]
        close = last.idx + len(last)
        quote = next((q for q in ctx.quotes if q.outer_start == opener), None)
        if quote is None:
            continue
        if close < quote.outer_end:
            continue  # the quotation goes on past the complement: more than the charge
        if close == quote.outer_end:
            return quote
        after = doc.char_span(quote.outer_end, close, alignment_mode="expand")
        # what follows the quotation in the complement is at most a setting ("in May")
        if after is None or not len(after) or after[0].dep_ == "prep":
            return quote
    return None
