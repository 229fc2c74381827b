"""Link cues, contents and quotations into attribution candidates.

Input: a parsed Doc, its depth-0 ``QuoteSpan`` list, its ``CueMatch`` list and
paragraph bounds.
Output: ``Candidate`` records (content span, cue, speaker mention, rule),
sorted by content start, without resolved names.

``attribute`` runs the ordered table ``PASSES``; each pass takes a frozen
``Found`` record and returns a new one, and no candidate is changed in place.
Per cue, ``cue_rules.CUE_RULES`` are tried in order; per quotation, the rules of
``links.LINK_RULES``; the carries are in ``carry``.

1. Each cue outside quotation marks yields its content (see ``content``) and
   its speaker (see ``speakers``).
2. Each quotation is linked to the nearest cue outside quotation marks in a
   sentence it touches (``"...," she said``; ``She said: "..."``) within its
   paragraph. A cue's content that lies inside the quotation is replaced by
   the quotation; a quotation inside the content makes it a mixed quote.
3. A paragraph that holds nothing but a quotation, with no cue, takes the
   speaker of the last attribution in the previous paragraph (news style).
4. Contents in parts (see ``parts``) give one candidate per part; a content
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

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc

from ..lexicon import Lexicon
from ..settings import NON_SPEECH_CUE_CLASSES
from ..types import Candidate, CueMatch, QuoteSpan
from .carry import (
    adjacent_verb,
    carry_paragraph_quotes,
    carry_participles,
    continue_quotes,
    outermost,
)
from .context import Context, speech_like
from .cue_rules import (
    CUE_RULES,
    SOURCELESS,
    Found,
    from_cue,
    is_cue,
    speaker_of,
)
from .edges import without_quote_commas
from .links import (
    content_owner,
    link,
    name_after,
    nearest_cue,
    with_complementiser,
)
from .mentions import mention_for
from .scope import (
    NESTED,
    Conventions,
    consistent,
)
from .spans import bounds, contains, covers, overlaps
from .uncovered import LAYOUT_RULES

__all__ = [
    "CUE_RULES",
    "PASSES",
    "SOURCELESS",
    "UNATTRIBUTED",
    "Found",
    "attribute",
    "unattributed_quotes",
]

#: Rule name of a quotation reported without a speaker (``Settings.unattributed``).
UNATTRIBUTED = "unattributed"

#: Characters that end a sentence (after its words or its closing mark).
_LINE_END = frozenset(".!?\"'”’»›…")


#: A pass of ``attribute``: takes the Doc's context and what was found, returns what is found then.
Pass = Callable[[Context, Found], Found]


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

    The passes of ``PASSES`` run in order, each on what the earlier ones found.

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
    found = Found(
        cues=tuple(cues),
        outside=tuple(
            c
            for c in cues
            if not ctx.in_quote(doc[c.head].idx)
            and is_cue(doc, c, ctx.lexicon)
            and not _doubtful_headline(doc, c)
        ),
        cue_heads=frozenset(c.head for c in cues),
        speech_heads=frozenset(c.head for c in cues if c.cue_class not in NON_SPEECH_CUE_CLASSES),
    )
    for step in PASSES:
        found = step(ctx, found)
    cands = consistent(
        _dedupe(sorted(found.cands, key=lambda c: c.start)), quotes, nested=conv.nested
    )
    return cands if conv.quote_comma else without_quote_commas(cands, quotes, text)


# ---------------------------------------------------------------- the cues' contents


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


def _link_quotes(ctx: Context, found: Found) -> Found:
    """Link each quotation to the cue content that runs into it, or to its nearest cue
    (through ``links.LINK_RULES`` when the cue has a candidate already)."""
    doc = ctx.doc
    contents = {c.cue: c for c in found.contents if c.cue is not None}
    linked: list[Candidate] = []
    unlinked: list[QuoteSpan] = []
    for quote in ctx.quotes:
        owner = content_owner(ctx, quote, contents)
        if owner is not None:
            # 'called on NATO to "stop ..."': the quotation is part of a cue's content
            # (which starts before it), closing mark included
            contents[owner] = replace(
                contents[owner], end=max(contents[owner].end, quote.outer_end)
            )
            continue
        cue = nearest_cue(ctx, quote, found.outside, contents)
        if cue is None or not speech_like(ctx.text, quote, ctx.lexicon):
            unlinked.append(quote)
            continue
        base = contents.get(cue)
        if base is None:
            head = speaker_of(ctx, cue, found) or name_after(ctx, quote, cue)
            mention = mention_for(doc, head, ctx.lexicon) if head is not None else None
            start, end = with_complementiser(ctx, quote, cue)
            contents[cue] = Candidate(start, end, cue, mention, "quote_cue")
            continue
        outcome = link(ctx, quote, cue, base)
        contents[cue] = outcome.base
        if outcome.linked is not None:
            linked.append(outcome.linked)
    return replace(
        found, contents=tuple(contents.values()), linked=tuple(linked), unlinked=tuple(unlinked)
    )


# ---------------------------------------------------------------- the passes after


def _settle(ctx: Context, found: Found) -> Found:
    """The attributions with a speaker: the cue contents not nested with their speaker in
    another's, subjectless participles given the speaker before them, and the linked
    quotations."""
    outer = carry_participles(ctx, outermost([*found.contents, *found.parted]))
    cands = [c for c in outer if c.mention is not None] + list(found.linked)
    return replace(found, cands=tuple(cands))


def _adjacent_verbs(ctx: Context, found: Found) -> Found:
    """Unlinked quotations with a verb outside the lexicon right after them (see
    ``carry.adjacent_verb``)."""
    cands = list(found.cands)
    unlinked = []
    for quote in found.unlinked:
        adjacent = adjacent_verb(ctx, quote)
        if adjacent is not None:
            cands.append(adjacent)
        else:
            unlinked.append(quote)
    cands.sort(key=lambda c: c.start)
    return replace(found, cands=tuple(cands), unlinked=tuple(unlinked))


def _continued(ctx: Context, found: Found) -> Found:
    """Unlinked quotations that continue an attributed one (see ``carry.continue_quotes``)."""
    cands = list(found.cands)
    cands += continue_quotes(ctx, list(found.unlinked), cands)
    cands.sort(key=lambda c: c.start)
    return replace(found, cands=tuple(cands))


def _paragraph_carry(ctx: Context, found: Found) -> Found:
    """Quote-only paragraphs (see ``carry.carry_paragraph_quotes``)."""
    return replace(found, cands=tuple(carry_paragraph_quotes(ctx, ctx.quotes, list(found.cands))))


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


def _quoted_attributions(ctx: Context, found: Found) -> list[Candidate]:
    """Attributions inside a quotation ('"I think [the plan will fail]," she said'); a
    first-person source is the speaker of the quotation that holds it."""
    doc = ctx.doc
    out = []
    for cue in found.cues:
        offset = doc[cue.head].idx
        if not ctx.in_quote(offset) or not is_cue(doc, cue, ctx.lexicon):
            continue
        cand = from_cue(ctx, cue, found)
        if cand is None or cand.mention is None:
            continue
        if doc[cand.mention.head].lower_ in ctx.lexicon.first_person_subjects:
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


def unattributed_quotes(
    text: str, quotes: list[QuoteSpan], cands: list[Candidate], lexicon: Lexicon
) -> list[Candidate]:
    """Candidates without cue or speaker for the quotations (not short scare quotes or
    titles) that no attribution covers.

    Args:
        text: The document text.
        quotes: Quotation spans of depth 0.
        cands: The attribution candidates of the document.
        lexicon: The extractor's lexicon (the words that introduce a title).

    Returns:
        One candidate per uncovered quotation, rule ``UNATTRIBUTED``.
    """
    out = []
    for quote in quotes:
        if not speech_like(text, quote, lexicon) or any(
            overlaps(bounds(c), bounds(quote)) for c in cands
        ):
            continue
        out.append(Candidate(quote.start, quote.end, None, None, UNATTRIBUTED))
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
