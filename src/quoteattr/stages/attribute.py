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

from collections.abc import Callable, Collection

from spacy.tokens import Doc, Token

from ..lexicon import Lexicon
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
from .scope import NESTED, Conventions, clausal, consistent, is_complementiser
from .spans import bounds, contains, overlaps
from .speakers import SOURCE_HEADS, speaker_head
from .uncovered import COLON_LABELS, LAYOUT_RULES

__all__ = ["SOURCELESS", "UNATTRIBUTED", "attribute", "unattributed_quotes"]

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


def attribute(
    doc: Doc,
    quotes: list[QuoteSpan],
    cues: list[CueMatch],
    paragraphs: list[tuple[int, int]],
    text: str | None = None,
    *,
    lexicon: Lexicon,
    conventions: Conventions | None = None,
) -> list[Candidate]:
    """Build attribution candidates for one Doc.

    Args:
        doc: The parsed Doc (text identical to the caller's text).
        quotes: Quotation spans of depth 0, sorted.
        cues: Cues found in ``doc``, sorted.
        paragraphs: Paragraph character bounds, sorted.
        text: ``doc.text`` when the caller has it (spaCy rebuilds it on each access).
        lexicon: The extractor's lexicon, read by the speaker rules (role, group nouns).
        conventions: What counts as an attribution (``Conventions.from_settings``);
            the PolNeAR conventions when None.

    Returns:
        Candidates sorted by content start, made consistent (see ``scope.consistent``).
    """
    conv = conventions if conventions is not None else Conventions()
    text = doc.text if text is None else text
    ctx = Context(doc, quotes, paragraphs, lexicon, text=text, conv=conv)
    cue_heads = {c.head for c in cues}
    speech_heads = {c.head for c in cues if c.cue_class not in NON_SPEECH_CUE_CLASSES}
    outside = [
        c
        for c in cues
        if not ctx.in_quote(doc[c.head].idx) and _is_cue(doc, c) and not _doubtful_headline(doc, c)
    ]
    by_cue: dict[CueMatch, Candidate] = {}
    sourceless: list[Candidate] = []
    parted: list[Candidate] = []
    for cue in outside:
        parts = sourceless_parts(doc, cue)
        if parts is not None:
            if conv.sourceless:
                sourceless += _parts(doc, cue, parts, None, SOURCELESS)
            continue
        found, whole = _spoken_parts(ctx, cue, cue_heads)
        parted += found
        if whole:
            continue
        cand = _from_cue(ctx, cue, cue_heads, speech_heads)
        if cand is not None:
            by_cue[cue] = cand
    linked: list[Candidate] = []
    unlinked: list[QuoteSpan] = []
    for quote in quotes:
        owner = _content_owner(ctx, quote, by_cue)
        if owner is not None:
            # 'called on NATO to "stop ..."': the quotation is part of a cue's content
            # (which starts before it), closing mark included
            owner.end = max(owner.end, quote.outer_end)
            continue
        near = _nearest_cue(ctx, quote, outside, by_cue)
        if near is None or not speech_like(ctx.text, quote):
            unlinked.append(quote)
            continue
        cue = near
        base = by_cue.get(cue)
        if base is None:
            head = speaker_head(doc, cue, cue_heads, ctx.lexicon) or _name_after(ctx, quote, cue)
            mention = mention_for(doc, head) if head is not None else None
            start, end = _with_complementiser(ctx, quote, cue)
            base = Candidate(start, end, cue, mention, "quote_cue")
            by_cue[cue] = base
            continue
        name = _name_after(ctx, quote, cue) if base.mention is None else None
        if name is not None and contains(bounds(base), (quote.start, quote.outer_end)):
            # the parse put the speaker inside the content: '"...," Ohio volunteer Rosa
            # Delgado, holding a clipboard, said'
            base.start, base.end, base.rule = quote.start, quote.end, "quote_cue"
            base.mention = mention_for(doc, name)
        elif base.start >= quote.outer_start and base.end <= quote.outer_end:
            base.start, base.end, base.rule = quote.start, quote.end, "quote_cue"
        elif quote.start >= base.start and quote.end <= base.end:
            continue
        elif overlaps(bounds(base), bounds(quote)):
            end = quote.outer_end if base.start < quote.start else quote.end
            base.start, base.end = min(base.start, quote.start), max(base.end, end)
        elif base.rule != "quote_cue" and _same_sentence_after(ctx, base, quote):
            base.end = quote.end  # 'said that A "B," and C "D."': one mixed quote
        else:
            start, end = _with_complementiser(ctx, quote, cue)
            linked.append(Candidate(start, end, cue, base.mention, "quote_cue"))
    outer = _outer(list(by_cue.values()) + parted)
    _carry_participles(ctx, outer)
    cands = [c for c in outer if c.mention is not None] + linked
    still_unlinked = []
    for quote in unlinked:
        adjacent = _adjacent_verb(ctx, quote)
        if adjacent is not None:
            cands.append(adjacent)
        else:
            still_unlinked.append(quote)
    unlinked = still_unlinked
    cands.sort(key=lambda c: c.start)
    cands += _continue_quotes(ctx, unlinked, cands)
    cands.sort(key=lambda c: c.start)
    cands = _carry_paragraph_quotes(ctx, quotes, cands)
    for rule in LAYOUT_RULES:
        cands += rule(ctx, quotes, cands)
    cands += [
        part for part in sourceless if not any(overlaps(bounds(c), bounds(part)) for c in cands)
    ]
    if conv.in_quotes:
        cands += _quoted_attributions(ctx, cues, cands, speech_heads)
    cands.sort(key=lambda c: c.start)
    return consistent(_dedupe(cands), quotes, nested=conv.nested)


def _quoted_attributions(
    ctx: Context, cues: list[CueMatch], cands: list[Candidate], speech_heads: set[int]
) -> list[Candidate]:
    """Attributions inside a quotation ('"I think [the plan will fail]," she said'); a
    first-person source is the speaker of the quotation that holds it."""
    doc = ctx.doc
    out = []
    for cue in cues:
        offset = doc[cue.head].idx
        if not ctx.in_quote(offset) or not _is_cue(doc, cue):
            continue
        cand = _from_cue(ctx, cue, {c.head for c in cues}, speech_heads)
        if cand is None or cand.mention is None:
            continue
        if doc[cand.mention.head].lower_ in _FIRST_PERSON:
            outer = next(
                (c for c in cands if c.start <= offset < c.end and c.mention is not None), None
            )
            if outer is None:
                continue
            cand.mention = outer.mention
        cand.rule = NESTED
        out.append(cand)
    return out


def _doubtful_headline(doc: Doc, cue: CueMatch) -> bool:
    """A cue in a line with no end mark whose parse has no verb at its root: a
    headline the parser misread ("Harbour strike talks collapse as union rejects
    offer", with "offer" as a verb)."""
    sent = doc[cue.head].sent
    last = sent.text.rstrip()[-1:]
    return bool(last) and last not in _LINE_END and sent.root.pos_ not in ("VERB", "AUX")


def _spoken_parts(ctx: Context, cue: CueMatch, cue_heads: set[int]) -> tuple[list[Candidate], bool]:
    """Candidates for a content in parts with a speaker (interjected attribution,
    relative pronoun subject, "as" clause), and whether they cover the whole content.
    A part with a quotation is left to the quotation ('X, he said, "Y."')."""
    doc = ctx.doc
    for rule, split in _SPOKEN_SPLITS:
        parts = split(doc, cue)
        if parts is None:
            continue
        head = speaker_head(doc, cue, cue_heads, ctx.lexicon)
        if head is None:
            return [], False
        if not ctx.conv.bare_relative:
            parts = [p for p in parts if p[1] - p[0] > 1 or doc[p[0]].tag_ not in ("WDT", "WP")]
            if not parts:
                return [], True
        found = _parts(doc, cue, parts, mention_for(doc, head), rule)
        free = [c for c in found if not ctx.overlaps_quote(c.start, c.end)]
        return free, len(free) == len(found)
    return [], False


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
    ctx: Context, quote: QuoteSpan, by_cue: dict[CueMatch, Candidate]
) -> Candidate | None:
    """The verb-content candidate whose content starts before ``quote`` and reaches into it
    (a mixed quote), if its cue is in the quotation's sentence."""
    for cand in by_cue.values():
        if (
            cand.rule == "verb_content"
            and cand.cue is not None
            and cand.start < quote.outer_start
            and quote.start < cand.end
            and ctx.sentence_of(ctx.doc[cand.cue.head].idx) == ctx.sentence_of(quote.outer_start)
        ):
            return cand
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


def _from_cue(
    ctx: Context, cue: CueMatch, cue_heads: set[int], speech_heads: set[int]
) -> Candidate | None:
    """The content and speaker of a cue; without ``Conventions.object_contents``, only a
    clause or a content that reaches into a quotation ("called the plan "a disaster"")."""
    doc = ctx.doc
    span = content_span(doc, cue, speech_heads)
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
    if not ctx.conv.complementiser and is_complementiser(first):
        span = (span[0] + 1, span[1])
    head = speaker_head(doc, cue, cue_heads, ctx.lexicon)
    mention: Mention | None = mention_for(doc, head) if head is not None else None
    if (
        mention is not None
        and mention.start < doc[span[1] - 1].idx
        and mention.end > doc[span[0]].idx
    ):
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
    ctx: Context, quote: QuoteSpan, cues: list[CueMatch], with_content: Collection[CueMatch]
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
        if not lo <= offset < hi or ctx.paragraph_of(offset) not in paras:
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
            and o.start <= mention.start
            and mention.end <= o.end
            and o.start <= cand.start
            and cand.end <= o.end
            for o in cands
        )
        if not nested:
            out.append(cand)
    return out


def _carry_participles(ctx: Context, cands: list[Candidate]) -> None:
    """Give a subjectless participle cue ("..., accusing NATO of ...") the speaker of the
    attribution just before it in its paragraph."""
    ordered = sorted(cands, key=lambda c: c.start)
    for i, cand in enumerate(ordered):
        if cand.mention is not None or cand.cue is None:
            continue
        verb = ctx.doc[cand.cue.head]
        if verb.tag_ != "VBG" or verb.i == 0 or ctx.doc[verb.i - 1].text not in (",", ";"):
            continue
        para = ctx.paragraph_of(cand.start)
        for prev in reversed(ordered[:i]):
            if ctx.paragraph_of(prev.start) != para:
                break
            if prev.mention is not None:
                cand.mention, cand.rule = prev.mention, "participle"
                break


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
    covered = [(c.start, c.end) for c in cands]
    out = list(cands)
    for quote in quotes:
        if any(s < quote.end and quote.start < e for s, e in covered):
            continue
        para = ctx.paragraph_of(quote.outer_start)
        p_start, p_end = ctx.paragraphs[para] if ctx.paragraphs else (0, len(ctx.text))
        text = ctx.text
        outside = text[p_start : quote.outer_start] + text[quote.outer_end : p_end]
        if any(ch.isalnum() for ch in outside) or para == 0:
            continue
        prev_start, prev_end = ctx.paragraphs[para - 1]
        previous = [c for c in out if prev_start <= c.start < prev_end and c.mention is not None]
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
