"""Link cues, contents and quotations into attribution candidates.

Input: a parsed Doc, its depth-0 ``QuoteSpan`` list, its ``CueMatch`` list and
paragraph bounds.
Output: ``Candidate`` records (content span, cue, speaker mention, rule),
sorted by content start, without resolved names.

1. Each cue outside quotation marks yields its content (see ``content``) and
   its speaker (see ``speakers``).
2. Each quotation is linked to the nearest cue outside quotation marks in a
   sentence it touches (``"...," she said``; ``She said: "..."``) within its
   paragraph. A cue's content that lies inside the quotation is replaced by
   the quotation; a quotation inside the content makes it a mixed quote.
3. A paragraph that holds nothing but a quotation, with no cue, takes the
   speaker of the last attribution in the previous paragraph (news style).
4. Contents in parts (see ``content``) give one candidate per part; a content
   whose cue names no source is kept with no speaker (rule ``SOURCELESS``).
5. The quotations still uncovered go through ``LAYOUT_RULES``: a name or a
   verb before a colon, a dash signature, headline forms, transcripts and
   interviews (see ``uncovered`` and ``layouts``).
6. ``Conventions`` (set by ``Settings.scope``) switch the PolNeAR conventions
   (object and infinitive contents, sourceless attributions, a bare relative
   pronoun, nesting) and the cue classes of verbs taken outside the lexicon;
   ``scope.consistent`` makes the result free of partial overlaps.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..settings import NON_SPEECH_CUE_CLASSES
from ..types import Candidate, CueMatch, Mention, QuoteSpan
from .content import (
    as_clause_parts,
    content_span,
    interjected_parts,
    relative_parts,
    sourceless_parts,
)
from .context import Context, speech_like
from .mentions import entity_span, mention_for
from .scope import NESTED, Conventions, clausal, consistent
from .spans import bounds, contains, covers, overlaps
from .speakers import SOURCE_HEADS, speaker_head
from .uncovered import COLON_LABELS, LAYOUT_RULES

__all__ = [
    "CUE_RULES",
    "LINK_RULES",
    "PASSES",
    "SOURCELESS",
    "UNATTRIBUTED",
    "Found",
    "Link",
    "attribute",
    "unattributed_quotes",
]

#: Rule name of a quotation reported without a speaker (``Settings.unattributed``).
UNATTRIBUTED = "unattributed"
#: Rule name of a content whose cue names no source ("Trump is expected to win").
SOURCELESS = "sourceless"

_MAX_LINK_CHARS = 400
#: Characters that end a sentence (after its words or its closing mark).
_LINE_END = frozenset(".!?\"'”’»›…")
#: What may stand between a cue and the quotation it introduces ('said: "..."').
_INTRODUCING = frozenset({"", ":", ",", ":,"})
#: A non-speech cue takes its own clause as content, and a quotation only this close
#: ('"...," Lee concluded'; not '"...," he said, believing ...').
_MAX_NOT_SPEECH_LINK = 25
_MAX_ADJACENT_TOKENS = 5
#: Children that give a verb a content of its own.
_OWN_CONTENT = frozenset({"ccomp", "dobj", "obj", "xcomp"})
#: Contents in parts that have a speaker, by rule name, tried in this order.
_SPOKEN_SPLITS: tuple[tuple[str, Callable[[Doc, CueMatch], list[tuple[int, int]] | None]], ...] = (
    ("interjected", interjected_parts),
    ("relative", relative_parts),
    ("as_clause", as_clause_parts),
)
#: Rules of an attributed quotation that a next cue-less quotation in its paragraph continues.
_CONTINUED_RULES = frozenset(
    {"quote_cue", "quote_continues", "verb_content", "adjacent_verb", "according_to", "interjected"}
)
_FIRST_PERSON = frozenset({"i", "we"})


@dataclass(frozen=True, slots=True)
class Found:
    """What the attribution passes have found so far in one Doc (never changed in place:
    each pass returns a new ``Found``).

    Attributes:
        cues: All the cues of the Doc, sorted.
        outside: The cues outside quotation marks that can report (see ``_is_cue``).
        cue_heads: Head tokens of all the cues.
        speech_heads: Head tokens of the cues of speech (not of belief or finding).
        contents: The candidate of each cue with a whole content, in cue order; a
            quotation linked to a cue without one gives it one (rule ``quote_cue``).
        parted: Contents in parts with a speaker (one candidate per part).
        sourceless: Contents whose cue names no source (rule ``SOURCELESS``).
        linked: Quotations linked to a cue that has a content elsewhere.
        unlinked: Quotations with no cue.
        cands: The attributions kept, once the cue contents are settled.
    """

    cues: tuple[CueMatch, ...]
    outside: tuple[CueMatch, ...]
    cue_heads: frozenset[int]
    speech_heads: frozenset[int]
    contents: tuple[Candidate, ...] = ()
    parted: tuple[Candidate, ...] = ()
    sourceless: tuple[Candidate, ...] = ()
    linked: tuple[Candidate, ...] = ()
    unlinked: tuple[QuoteSpan, ...] = ()
    cands: tuple[Candidate, ...] = ()


#: A pass of ``attribute``: takes the Doc's context and what was found, returns what is found then.
Pass = Callable[[Context, Found], Found]


def attribute(
    doc: Doc,
    quotes: list[QuoteSpan],
    cues: list[CueMatch],
    paragraphs: list[tuple[int, int]],
    text: str | None = None,
    *,
    conventions: Conventions | None = None,
) -> list[Candidate]:
    """Build attribution candidates for one Doc.

    The passes of ``PASSES`` run in order, each on what the earlier ones found.

    Args:
        doc: The parsed Doc (text identical to the caller's text).
        quotes: Quotation spans of depth 0, sorted.
        cues: Cues found in ``doc``, sorted.
        paragraphs: Paragraph character bounds, sorted.
        text: ``doc.text`` when the caller has it (spaCy rebuilds it on each access).
        conventions: What counts as an attribution (``Conventions.from_settings``);
            the PolNeAR conventions when None.

    Returns:
        Candidates sorted by content start, made consistent (see ``scope.consistent``).
    """
    conv = conventions if conventions is not None else Conventions()
    ctx = Context(doc, quotes, paragraphs, text=doc.text if text is None else text, conv=conv)
    found = Found(
        cues=tuple(cues),
        outside=tuple(
            c
            for c in cues
            if not ctx.in_quote(doc[c.head].idx)
            and _is_cue(doc, c)
            and not _doubtful_headline(doc, c)
        ),
        cue_heads=frozenset(c.head for c in cues),
        speech_heads=frozenset(c.head for c in cues if c.cue_class not in NON_SPEECH_CUE_CLASSES),
    )
    for step in PASSES:
        found = step(ctx, found)
    cands = sorted(found.cands, key=lambda c: c.start)
    return consistent(_dedupe(cands), quotes, nested=conv.nested)


# ---------------------------------------------------------------- the cues' contents

#: What a cue rule decides for one cue: candidates by kind ("sourceless", "parted" or
#: "contents"), and whether the later cue rules are skipped.
CueOutcome = tuple[str, list[Candidate], bool]
#: A cue rule: the context, a cue outside quotation marks and what was found so far.
CueRule = Callable[[Context, CueMatch, Found], CueOutcome | None]


def _sourceless_rule(ctx: Context, cue: CueMatch, found: Found) -> CueOutcome | None:
    """A cue that names no source ("Trump is expected to win"): its parts, when
    ``Conventions.sourceless``, else nothing; the cue is done either way."""
    parts = sourceless_parts(ctx.doc, cue)
    if parts is None:
        return None
    cands = _parts(ctx.doc, cue, parts, None, SOURCELESS) if ctx.conv.sourceless else []
    return "sourceless", cands, True


def _spoken_parts_rule(ctx: Context, cue: CueMatch, found: Found) -> CueOutcome | None:
    """A content in parts with a speaker, by the first split of ``_SPOKEN_SPLITS`` that
    applies: its parts but for those with a quotation, which are left to the quotation
    ('X, he said, "Y."'); final when no part was left out. Not final, with no part,
    when the cue has no speaker."""
    doc = ctx.doc
    for rule, split in _SPOKEN_SPLITS:
        parts = split(doc, cue)
        if parts is None:
            continue
        head = _speaker(doc, cue, found)
        if head is None:
            return "parted", [], False
        if not ctx.conv.bare_relative:
            parts = [p for p in parts if p[1] - p[0] > 1 or doc[p[0]].tag_ not in ("WDT", "WP")]
            if not parts:
                return "parted", [], True
        cands = _parts(doc, cue, parts, mention_for(doc, head), rule)
        free = [c for c in cands if not ctx.overlaps_quote(c.start, c.end)]
        return "parted", free, len(free) == len(cands)
    return None


def _content_rule(ctx: Context, cue: CueMatch, found: Found) -> CueOutcome | None:
    """A cue with a whole content (rule ``verb_content`` or ``according_to``)."""
    cand = _from_cue(ctx, cue, found)
    return ("contents", [cand], True) if cand is not None else None


#: The rules for one cue, tried in this order until one is final.
CUE_RULES: tuple[CueRule, ...] = (_sourceless_rule, _spoken_parts_rule, _content_rule)


def _cue_contents(ctx: Context, found: Found) -> Found:
    """Run ``CUE_RULES`` on each cue outside quotation marks."""
    kinds: dict[str, list[Candidate]] = {"sourceless": [], "parted": [], "contents": []}
    for cue in found.outside:
        for rule in CUE_RULES:
            outcome = rule(ctx, cue, found)
            if outcome is None:
                continue
            kind, cands, final = outcome
            kinds[kind] += cands
            if final:
                break
    return replace(
        found,
        contents=tuple(kinds["contents"]),
        parted=tuple(kinds["parted"]),
        sourceless=tuple(kinds["sourceless"]),
    )


# ---------------------------------------------------------------- quotations and cues


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
    name = _name_after(ctx, quote, cue)
    if name is None or not contains(bounds(base), (quote.start, quote.outer_end)):
        return None
    mention = mention_for(ctx.doc, name)
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
    start, end = _with_complementiser(ctx, quote, cue)
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


def _link(ctx: Context, quote: QuoteSpan, cue: CueMatch, base: Candidate) -> Link:
    """The answer of the first rule of ``LINK_RULES`` that applies, else of
    ``_quote_of_its_own``."""
    for rule in LINK_RULES:
        link = rule(ctx, quote, cue, base)
        if link is not None:
            return link
    return _quote_of_its_own(ctx, quote, cue, base)


def _link_quotes(ctx: Context, found: Found) -> Found:
    """Link each quotation to the cue content that runs into it, or to its nearest cue
    (through ``LINK_RULES`` when the cue has a candidate already)."""
    doc = ctx.doc
    contents = {c.cue: c for c in found.contents if c.cue is not None}
    linked: list[Candidate] = []
    unlinked: list[QuoteSpan] = []
    for quote in ctx.quotes:
        owner = _content_owner(ctx, quote, contents)
        if owner is not None:
            # 'called on NATO to "stop ..."': the quotation is part of a cue's content
            # (which starts before it), closing mark included
            contents[owner] = replace(
                contents[owner], end=max(contents[owner].end, quote.outer_end)
            )
            continue
        cue = _nearest_cue(ctx, quote, found.outside, contents)
        if cue is None or not speech_like(ctx.text, quote):
            unlinked.append(quote)
            continue
        base = contents.get(cue)
        if base is None:
            head = _speaker(doc, cue, found) or _name_after(ctx, quote, cue)
            mention = mention_for(doc, head) if head is not None else None
            start, end = _with_complementiser(ctx, quote, cue)
            contents[cue] = Candidate(start, end, cue, mention, "quote_cue")
            continue
        link = _link(ctx, quote, cue, base)
        contents[cue] = link.base
        if link.linked is not None:
            linked.append(link.linked)
    return replace(
        found, contents=tuple(contents.values()), linked=tuple(linked), unlinked=tuple(unlinked)
    )


# ---------------------------------------------------------------- the passes after


def _settle(ctx: Context, found: Found) -> Found:
    """The attributions with a speaker: the cue contents not nested with their speaker in
    another's, subjectless participles given the speaker before them, and the linked
    quotations."""
    outer = _carry_participles(ctx, _outer([*found.contents, *found.parted]))
    cands = [c for c in outer if c.mention is not None] + list(found.linked)
    return replace(found, cands=tuple(cands))


def _adjacent_verbs(ctx: Context, found: Found) -> Found:
    """Unlinked quotations with a verb outside the lexicon right after them (see
    ``_adjacent_verb``)."""
    cands = list(found.cands)
    unlinked = []
    for quote in found.unlinked:
        adjacent = _adjacent_verb(ctx, quote)
        if adjacent is not None:
            cands.append(adjacent)
        else:
            unlinked.append(quote)
    cands.sort(key=lambda c: c.start)
    return replace(found, cands=tuple(cands), unlinked=tuple(unlinked))


def _continued(ctx: Context, found: Found) -> Found:
    """Unlinked quotations that continue an attributed one (see ``_continue_quotes``)."""
    cands = list(found.cands)
    cands += _continue_quotes(ctx, list(found.unlinked), cands)
    cands.sort(key=lambda c: c.start)
    return replace(found, cands=tuple(cands))


def _paragraph_carry(ctx: Context, found: Found) -> Found:
    """Quote-only paragraphs (see ``_carry_paragraph_quotes``)."""
    return replace(found, cands=tuple(_carry_paragraph_quotes(ctx, ctx.quotes, list(found.cands))))


def _layouts(ctx: Context, found: Found) -> Found:
    """The quotations still uncovered, through ``LAYOUT_RULES`` in order."""
    cands = list(found.cands)
    for rule in LAYOUT_RULES:
        cands += rule(ctx, ctx.quotes, cands)
    return replace(found, cands=tuple(cands))


def _sourceless_kept(ctx: Context, found: Found) -> Found:
    """The sourceless contents that no attribution overlaps."""
    kept = [
        part
        for part in found.sourceless
        if not any(overlaps(bounds(c), bounds(part)) for c in found.cands)
    ]
    return replace(found, cands=found.cands + tuple(kept))


def _quoted(ctx: Context, found: Found) -> Found:
    """With ``Conventions.in_quotes``, the attributions inside quotations."""
    if not ctx.conv.in_quotes:
        return found
    extra = _quoted_attributions(ctx, found)
    return replace(found, cands=found.cands + tuple(extra))


#: The passes of ``attribute``, in order.
PASSES: tuple[Pass, ...] = (
    _cue_contents,
    _link_quotes,
    _settle,
    _adjacent_verbs,
    _continued,
    _paragraph_carry,
    _layouts,
    _sourceless_kept,
    _quoted,
)


def _speaker(doc: Doc, cue: CueMatch, found: Found) -> Token | None:
    """The head of the speaker of ``cue`` (the one call of ``speakers.speaker_head``)."""
    return speaker_head(doc, cue, found.cue_heads)


def _quoted_attributions(ctx: Context, found: Found) -> list[Candidate]:
    """Attributions inside a quotation ('"I think [the plan will fail]," she said'); a
    first-person source is the speaker of the quotation that holds it."""
    doc = ctx.doc
    out = []
    for cue in found.cues:
        offset = doc[cue.head].idx
        if not ctx.in_quote(offset) or not _is_cue(doc, cue):
            continue
        cand = _from_cue(ctx, cue, found)
        if cand is None or cand.mention is None:
            continue
        if doc[cand.mention.head].lower_ in _FIRST_PERSON:
            outer = next(
                (c for c in found.cands if covers(bounds(c), offset) and c.mention is not None),
                None,
            )
            if outer is None:
                continue
            cand = replace(cand, mention=outer.mention)
        out.append(replace(cand, rule=NESTED))
    return out


def _doubtful_headline(doc: Doc, cue: CueMatch) -> bool:
    """A cue in a line with no end mark whose parse has no verb at its root: a
    headline the parser misread ("Harbour strike talks collapse as union rejects
    offer", with "offer" as a verb)."""
    sent = doc[cue.head].sent
    last = sent.text.rstrip()[-1:]
    return bool(last) and last not in _LINE_END and sent.root.pos_ not in ("VERB", "AUX")


def _parts(
    doc: Doc, cue: CueMatch, parts: list[tuple[int, int]], mention: Mention | None, rule: str
) -> list[Candidate]:
    """One candidate per part of a content (token spans)."""
    out = []
    for start, end in parts:
        last = doc[end - 1]
        out.append(Candidate(doc[start].idx, last.idx + len(last), cue, mention, rule))
    return out


def _with_complementiser(ctx: Context, quote: QuoteSpan, cue: CueMatch) -> tuple[int, int]:
    """The content of a linked quotation: from a "that" right before its opening mark
    to its closing mark when its cue comes first ('telling them that "I need you."', a
    mixed quote), else the words inside the marks."""
    before = ctx.text[max(0, quote.outer_start - 6) : quote.outer_start]
    stripped = before.rstrip()
    if (
        ctx.conv.complementiser
        and ctx.doc[cue.head].idx < quote.outer_start
        and stripped.lower().endswith("that")
        and (len(stripped) == 4 or not stripped[-5].isalnum())
    ):
        return quote.outer_start - len(before) + len(stripped) - 4, quote.outer_end
    return quote.start, quote.end


def _content_owner(
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


def unattributed_quotes(
    text: str, quotes: list[QuoteSpan], cands: list[Candidate]
) -> list[Candidate]:
    """Candidates without cue or speaker for the quotations (not short scare quotes or
    titles) that no attribution covers.

    Args:
        text: The document text.
        quotes: Quotation spans of depth 0.
        cands: The attribution candidates of the document.

    Returns:
        One candidate per uncovered quotation, rule ``UNATTRIBUTED``.
    """
    out = []
    for quote in quotes:
        if not speech_like(text, quote) or any(overlaps(bounds(c), bounds(quote)) for c in cands):
            continue
        out.append(Candidate(quote.start, quote.end, None, None, UNATTRIBUTED))
    return out


def _is_cue(doc: Doc, cue: CueMatch) -> bool:
    """Fixed phrases other than "according to" only extend a verb cue."""
    return cue.kind != "fixed" or doc[cue.head].lower_ in SOURCE_HEADS


def _from_cue(ctx: Context, cue: CueMatch, found: Found) -> Candidate | None:
    """The content and speaker of a cue; without ``Conventions.object_contents``, only a
    clause or a content that reaches into a quotation ("called the plan "a disaster"").
    A content ends before the clause of another cue of speech (``Found.speech_heads``)."""
    doc = ctx.doc
    span = content_span(doc, cue, found.speech_heads)
    if span is None:
        return None
    if (
        not ctx.conv.object_contents
        and cue.kind != "fixed"
        and not clausal(doc, *span, cue.cue_class)
        and not ctx.overlaps_quote(doc[span[0]].idx, doc[span[1] - 1].idx + 1)
    ):
        return None
    first = doc[span[0]]
    if not ctx.conv.complementiser and first.lower_ == "that" and first.dep_ == "mark":
        span = (span[0] + 1, span[1])
    head = _speaker(doc, cue, found)
    mention: Mention | None = mention_for(doc, head) if head is not None else None
    if mention is not None and overlaps((doc[span[0]].idx, doc[span[1] - 1].idx), bounds(mention)):
        mention = None  # the speaker cannot lie inside what it said
    start = doc[span[0]].idx
    last = doc[span[1] - 1]
    rule = "according_to" if cue.kind == "fixed" else "verb_content"
    return Candidate(start, last.idx + len(last), cue, mention, rule)


def _name_after(ctx: Context, quote: QuoteSpan, cue: CueMatch) -> Token | None:
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


def _nearest_cue(
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


def _adjacent_verb(ctx: Context, quote: QuoteSpan) -> Candidate | None:
    """'"What a day!" grinned Tomas Reyes' and '"...," the mayor went on': a verb
    outside the lexicon right after a quotation that ends in ",", "!" or "?", with its
    subject next to it and nothing else to report, is the quotation's cue."""
    doc, text = ctx.doc, ctx.text
    if quote.close_mark is None or not speech_like(text, quote):
        return None
    inside = text[quote.start : quote.end].rstrip()[-1:]
    after = text[quote.outer_end : quote.outer_end + 1]
    if inside not in (",", "!", "?") and after != ",":
        return None
    span = doc.char_span(quote.outer_end, len(text), alignment_mode="expand")
    if span is None:
        return None
    first = span.start
    while first < len(doc) and doc[first].is_punct:
        first += 1
    for verb in doc[first : min(len(doc), first + _MAX_ADJACENT_TOKENS)]:
        if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ"):
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects and verb.i == first:
            # '"...?" laughed the singer': the inverted subject parsed as an object
            subjects = [c for c in verb.rights if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1]
        others = [c for c in verb.rights if c.dep_ in _OWN_CONTENT and c not in subjects]
        if len(subjects) != 1 or others:
            return None
        subject = subjects[0]
        cls = ctx.conv.verb_cue_class(verb.lemma_.lower())
        if subject.left_edge.i < first or cls is None:
            return None
        cue = CueMatch(verb.i, verb.i + 1, verb.i, verb.lemma_.lower(), cls, "verb")
        return Candidate(quote.start, quote.end, cue, mention_for(doc, subject), "adjacent_verb")
    return None


def _outer(cands: list[Candidate]) -> list[Candidate]:
    """Drop attributions nested in another's indirect content together with their
    speaker ('Okafor said [the authority ... rejected the idea]')."""
    out = []
    for cand in cands:
        mention = cand.mention
        nested = mention is not None and any(
            o is not cand
            and contains(bounds(o), bounds(mention))
            and contains(bounds(o), bounds(cand))
            for o in cands
        )
        if not nested:
            out.append(cand)
    return out


def _carry_participles(ctx: Context, cands: list[Candidate]) -> list[Candidate]:
    """Give a subjectless participle cue ("..., accusing NATO of ...") the speaker of the
    attribution just before it in its paragraph (rule ``participle``).

    Args:
        ctx: The Doc's context.
        cands: Candidates in any order.

    Returns:
        The candidates in the same order, those of such cues replaced.
    """
    out = list(cands)
    order = sorted(range(len(cands)), key=lambda i: cands[i].start)
    for pos, i in enumerate(order):
        cand = out[i]
        if cand.mention is not None or cand.cue is None:
            continue
        verb = ctx.doc[cand.cue.head]
        if verb.tag_ != "VBG" or verb.i == 0 or ctx.doc[verb.i - 1].text not in (",", ";"):
            continue
        para = ctx.paragraph_of(cand.start)
        for j in reversed(order[:pos]):
            prev = out[j]
            if ctx.paragraph_of(prev.start) != para:
                break
            if prev.mention is not None:
                out[i] = replace(cand, mention=prev.mention, rule="participle")
                break
    return out


def _continue_quotes(
    ctx: Context, unlinked: list[QuoteSpan], cands: list[Candidate]
) -> list[Candidate]:
    """A quotation with no cue of its own, after an attributed quotation in the same
    paragraph, continues it: '"A," she said. "B."' (B is hers, with the same cue)."""
    out: list[Candidate] = []
    for quote in unlinked:
        if not speech_like(ctx.text, quote):
            continue
        para = ctx.paragraph_of(quote.outer_start)
        before = [
            c
            for c in cands + out
            if c.end <= quote.outer_start
            and c.mention is not None
            and ctx.paragraph_of(c.start) == para
            and c.rule in _CONTINUED_RULES
        ]
        if not before:
            continue
        prev = max(before, key=lambda c: c.end)
        out.append(Candidate(quote.start, quote.end, prev.cue, prev.mention, "quote_continues"))
    return out


def _carry_paragraph_quotes(
    ctx: Context, quotes: list[QuoteSpan], cands: list[Candidate]
) -> list[Candidate]:
    """Attribute quote-only paragraphs to the previous paragraph's last speaker."""
    covered = [bounds(c) for c in cands]
    out = list(cands)
    for quote in quotes:
        if any(overlaps(span, bounds(quote)) for span in covered):
            continue
        para = ctx.paragraph_of(quote.outer_start)
        p_start, p_end = ctx.paragraphs[para] if ctx.paragraphs else (0, len(ctx.text))
        text = ctx.text
        outside = text[p_start : quote.outer_start] + text[quote.outer_end : p_end]
        if any(ch.isalnum() for ch in outside) or para == 0:
            continue
        prev_start, prev_end = ctx.paragraphs[para - 1]
        previous = [
            c for c in out if covers((prev_start, prev_end), c.start) and c.mention is not None
        ]
        if not previous:
            continue
        source = max(previous, key=lambda c: c.start)
        out.append(Candidate(quote.start, quote.end, None, source.mention, "paragraph_carry"))
    out.sort(key=lambda c: c.start)
    return out


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """Drop candidates whose content equals or lies inside an earlier one's of the same cue."""
    out: list[Candidate] = []
    for cand in cands:
        if any(contains(bounds(o), bounds(cand)) and o.cue == cand.cue for o in out):
            continue
        if any(o.start == cand.start and o.end == cand.end for o in out):
            continue
        out.append(cand)
    return out
