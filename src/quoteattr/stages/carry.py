"""Attributions carried over to quotations and cues that have no speaker of their own.

Input: a ``Context``, candidates found so far and the quotations with no cue.
Output: new or replaced ``Candidate`` records (never changed in place): a verb
outside the lexicon right after a quotation (``adjacent_verb``), a quotation that
continues the one before it (``continue_quotes``), a quote-only paragraph
(``carry_paragraph_quotes``), a subjectless participle (``carry_participles``),
and the attributions not nested with their speaker in another's (``outermost``).
"""

from __future__ import annotations

from dataclasses import replace

from ..types import Candidate, CueMatch, QuoteSpan
from .context import Context, speech_like
from .mentions import mention_for
from .spans import bounds, contains, covers, overlaps

__all__ = [
    "adjacent_verb",
    "carry_paragraph_quotes",
    "carry_participles",
    "continue_quotes",
    "outermost",
]

#: Tokens after a quotation within which a verb outside the lexicon may be its cue.
_MAX_ADJACENT_TOKENS = 5
#: Children that give a verb a content of its own.
_OWN_CONTENT = frozenset({"ccomp", "dobj", "obj", "xcomp"})
#: Rules of an attributed quotation that a next cue-less quotation in its paragraph continues.
_CONTINUED_RULES = frozenset(
    {"quote_cue", "quote_continues", "verb_content", "adjacent_verb", "according_to", "interjected"}
)


def outermost(cands: list[Candidate]) -> list[Candidate]:
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


def carry_participles(ctx: Context, cands: list[Candidate]) -> list[Candidate]:
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


def continue_quotes(
    ctx: Context, unlinked: list[QuoteSpan], cands: list[Candidate]
) -> list[Candidate]:
    """A quotation with no cue of its own, after an attributed quotation in the same
    paragraph, continues it: '"A," she said. "B."' (B is hers, with the same cue)."""
    out: list[Candidate] = []
    for quote in unlinked:
        if not speech_like(ctx.text, quote, ctx.lexicon):
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


def carry_paragraph_quotes(
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


def adjacent_verb(ctx: Context, quote: QuoteSpan) -> Candidate | None:
    """'"What a day!" grinned Tomas Reyes' and '"...," the mayor went on': a verb
    outside the lexicon right after a quotation that ends in ",", "!" or "?", with its
    subject next to it and nothing else to report, is the quotation's cue."""
    doc, text = ctx.doc, ctx.text
    if quote.close_mark is None or not speech_like(text, quote, ctx.lexicon):
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
        return Candidate(
            quote.start, quote.end, cue, mention_for(doc, subject, ctx.lexicon), "adjacent_verb"
        )
    return None
