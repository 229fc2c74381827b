"""Rules for the quotations and lines that no cue's grammar attributes, in order.

Input: a ``Context``, the depth-0 ``QuoteSpan`` list and the candidates found so
far. Output: new ``Candidate`` records. Each rule of ``LAYOUT_RULES`` sees what the
earlier ones added: a name before a colon ('Marco Rubio: "..."'), a name opening
a clause with no verb before a colon ('Ann Lee, leaving the court: "..."'), a
name right before a colon and a quotation ('... pollster Daron Shaw: "..."'), a verb before a
colon ('Trump leaned in and boomed: "..."'), then the layouts of ``layouts``
(dash signatures, headlines, transcripts, interviews).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Token

from ..lexicon import Lexicon
from ..types import Candidate, CueMatch, QuoteSpan
from .context import Context, speech_like
from .layouts import (
    WEB_ADDRESS,
    dash_names,
    headline_names,
    interview_answers,
    is_line_label,
    quote_headlines,
    transcript_lines,
)
from .mentions import entity_span, mention_for
from .spans import bounds, covers, overlaps

__all__ = ["COLON_LABELS", "LAYOUT_RULES", "Rule"]

_MAX_COLON_PREFIX = 60


COLON_LABELS = frozenset({"PERSON", "ORG"})


_END_PUNCT = frozenset(".,;:!? \t")


#: Dependencies through which a verb before a colon reaches its clause's subject
#: ('leaned in and boomed:', 'emailed supporters saying:', 'is shown lecturing:').
_CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl", "dep", "acl", "dobj"})


#: Longest lead-in, in tokens, from a name to the colon that introduces its quotation.
_MAX_LEAD_TOKENS = 16
#: Tags of finite verbs: a lead-in holding one outside a relative clause is a clause.
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _colon_names(ctx: Context, quotes: list[QuoteSpan], cands: list[Candidate]) -> list[Candidate]:
    """'Marco Rubio: "..."' and headline 'Name: what they said': a paragraph that starts
    with a person's or organisation's name and a colon."""
    doc, text = ctx.doc, ctx.text
    out: list[Candidate] = []
    for p_start, p_end in ctx.paragraphs:
        colon = text.find(":", p_start, min(p_end, p_start + _MAX_COLON_PREFIX))
        if colon < 0 or any(covers((p_start, p_end), c.start) for c in cands):
            continue
        span = doc.char_span(p_start, colon, alignment_mode="contract")
        if span is None or not len(span):
            continue
        ents = [e for e in span.ents if e.label_ in COLON_LABELS]
        if len(ents) != 1 or ents[0].start != span.start or ents[0].end != span.end:
            continue
        if is_line_label(span.text, ctx.lexicon):
            continue  # "READ MORE:", "ALSO SEE:": page furniture, not a name
        start = colon + 1
        while start < p_end and text[start].isspace():
            start += 1
        if WEB_ADDRESS.match(text, start):
            continue  # "URL: https://...": a page's metadata line
        quote = next((q for q in quotes if q.outer_start == start), None)
        if quote is not None:
            c_start, c_end = quote.start, quote.end
        else:
            c_start, c_end = start, p_end
            while c_end > c_start and text[c_end - 1] in _END_PUNCT:
                c_end -= 1
        if c_end <= c_start:
            continue
        mention = mention_for(doc, ents[0].root, ctx.lexicon)
        out.append(Candidate(c_start, c_end, None, mention, "colon_name"))
    return out


def _after_colon(
    ctx: Context, quotes: list[QuoteSpan], cands: list[Candidate], spaces: str | None
) -> Iterator[tuple[QuoteSpan, int]]:
    """The speech-like quotations no candidate covers that a colon introduces, with the
    colon's offset; only ``spaces`` may stand between them (None: any whitespace,
    line breaks included)."""
    text = ctx.text
    for quote in quotes:
        if any(overlaps(bounds(c), bounds(quote)) for c in cands):
            continue
        colon = quote.outer_start - 1
        while colon >= 0 and (text[colon].isspace() if spaces is None else text[colon] in spaces):
            colon -= 1
        if colon >= 1 and text[colon] == ":" and speech_like(text, quote, ctx.lexicon):
            yield quote, colon


def _colon_leads(ctx: Context, quotes: list[QuoteSpan], cands: list[Candidate]) -> list[Candidate]:
    """'Ann Lee, leaving the court: "..."', 'Lee again, this time on radio: "..."': a
    quotation that a colon introduces, after a sentence opening with a person's or
    organisation's name and holding no finite verb (but in a relative clause), takes
    that name as speaker: news sets a quotation after its speaker and the setting in
    which it was said, with the verb of saying left out."""
    doc = ctx.doc
    out: list[Candidate] = []
    for quote, colon in _after_colon(ctx, quotes, cands, " \t\xa0"):
        span = doc.char_span(colon, colon + 1, alignment_mode="expand")
        if span is None:
            continue
        sent = span[0].sent
        lead = doc[sent.start : span.start]
        if not 2 <= len(lead) <= _MAX_LEAD_TOKENS:
            continue
        ent = entity_span(lead[0])
        if ent is None or ent.start != lead.start or ent.root.ent_type_ not in COLON_LABELS:
            continue
        if ent.end >= lead.end or any(_finite_outside_relative(t) for t in lead):
            continue
        mention = mention_for(doc, ent.root, ctx.lexicon)
        out.append(Candidate(quote.start, quote.end, None, mention, "colon_name"))
    return out


def _finite_outside_relative(token: Token) -> bool:
    """True for a finite verb that is not in a relative clause ("who chairs ...")."""
    if token.tag_ not in _FINITE_TAGS:
        return False
    return not any(t.dep_ == "relcl" for t in (token, *token.ancestors))


def _colon_quotes(ctx: Context, quotes: list[QuoteSpan], cands: list[Candidate]) -> list[Candidate]:
    """'... doesn't surprise pollster Daron Shaw: "..."': a quotation introduced by a
    colon right after a person's or organisation's name takes that name as speaker."""
    doc = ctx.doc
    out: list[Candidate] = []
    for quote, colon in _after_colon(ctx, quotes, cands, " \t\xa0"):
        name = doc.char_span(0, colon, alignment_mode="contract")
        if name is None or not len(name):
            continue
        ent = entity_span(doc[name.end - 1])
        if ent is None or ent.root.ent_type_ not in COLON_LABELS or ent.end != name.end:
            continue
        mention = mention_for(doc, ent.root, ctx.lexicon)
        out.append(Candidate(quote.start, quote.end, None, mention, "colon_name"))
    return out


def _colon_verbs(ctx: Context, quotes: list[QuoteSpan], cands: list[Candidate]) -> list[Candidate]:
    """'Trump leaned in and boomed: "..."': a quotation that a colon introduces, with no
    attribution yet, takes the verb right before the colon as cue (in the lexicon or
    not) and that verb's subject (or the subject of the verb it is coordinated with or
    depends on) as speaker. The colon may end the previous paragraph."""
    doc = ctx.doc
    out: list[Candidate] = []
    for quote, colon in _after_colon(ctx, quotes, cands, None):
        if ctx.paragraph_of(colon) < ctx.paragraph_of(quote.outer_start) - 1:
            continue
        span = doc.char_span(colon, colon + 1, alignment_mode="expand")
        if span is None or span.start == 0:
            continue
        verb = doc[span.start - 1]
        if verb.pos_ != "VERB" or verb.dep_ in ("amod", "compound", "relcl"):
            continue
        subject = _clause_subject(verb, ctx.lexicon)
        cls = ctx.conv.verb_cue_class(verb.lemma_.lower())
        if subject is None or cls is None:
            continue
        cue = CueMatch(verb.i, verb.i + 1, verb.i, verb.lemma_.lower(), cls, "verb")
        out.append(
            Candidate(
                quote.start, quote.end, cue, mention_for(doc, subject, ctx.lexicon), "colon_verb"
            )
        )
    return out


def _clause_subject(verb: Token, lexicon: Lexicon) -> Token | None:
    """The subject of ``verb``, or of the verbs it is coordinated with or depends on
    ('leaned in and boomed', 'emailed supporters saying'), within five steps; None for a
    subject of ``Lexicon.non_referring_subjects`` ("it", "there")."""
    token = verb
    for _ in range(5):
        subject = next(
            (c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i),
            None,
        )
        if subject is not None:
            return None if subject.lower_ in lexicon.non_referring_subjects else subject
        if token.dep_ not in _CLIMB_DEPS or token.head.i >= token.i:
            return None
        token = token.head
    return None


#: A rule that adds candidates for what the candidates so far leave uncovered.
Rule = Callable[[Context, list[QuoteSpan], list[Candidate]], list[Candidate]]


def _dash_names(ctx: Context, quotes: list[QuoteSpan], cands: list[Candidate]) -> list[Candidate]:
    return dash_names(ctx.doc, ctx.text, _free(ctx, quotes, cands), ctx.lexicon)


def _headline_names(
    ctx: Context, quotes: list[QuoteSpan], cands: list[Candidate]
) -> list[Candidate]:
    free = _free(ctx, quotes, cands)
    return headline_names(ctx.doc, ctx.text, free, ctx.paragraphs, ctx.lexicon)


def _quote_headlines(
    ctx: Context, quotes: list[QuoteSpan], cands: list[Candidate]
) -> list[Candidate]:
    free = _free(ctx, quotes, cands)
    return quote_headlines(ctx.doc, ctx.text, free, ctx.paragraphs, ctx.lexicon)


def _transcript(ctx: Context, quotes: list[QuoteSpan], cands: list[Candidate]) -> list[Candidate]:
    return transcript_lines(ctx.doc, ctx.text, ctx.paragraphs, cands, ctx.lexicon)


def _interview(ctx: Context, quotes: list[QuoteSpan], cands: list[Candidate]) -> list[Candidate]:
    return interview_answers(ctx.doc, ctx.text, ctx.paragraphs, cands, ctx.lexicon)


def _free(ctx: Context, quotes: list[QuoteSpan], cands: list[Candidate]) -> list[QuoteSpan]:
    """The speech-like quotations that no candidate covers."""
    return [
        q
        for q in quotes
        if speech_like(ctx.text, q, ctx.lexicon)
        and not any(overlaps(bounds(c), bounds(q)) for c in cands)
    ]


#: Rules for quotations and lines that the grammar of a cue does not attribute, tried in
#: this order, each on what the earlier ones leave (see also ``layouts``).
LAYOUT_RULES: tuple[Rule, ...] = (
    _colon_names,
    _colon_leads,
    _colon_quotes,
    _colon_verbs,
    _dash_names,
    _headline_names,
    _quote_headlines,
    _transcript,
    _interview,
)
