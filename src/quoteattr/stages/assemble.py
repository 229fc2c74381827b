"""Turn candidates into ``Quote`` models (the only stage that builds pydantic objects).

Input: the parsed Doc, resolved candidates, depth-0 quotation spans,
paragraph bounds and the ``Lexicon``.
Output: ``Quote`` models sorted by start, with their speakers (identity from
``identity``: ids shared within the document, names, roles, kinds), their whole
source phrases (``source_phrase``), quote types derived from quotation marks,
and confidences.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from ..lexicon import Lexicon
from ..models import Cue, CueClass, Quote, QuoteType, Speaker, TextSpan
from ..settings import NON_SPEECH_CUE_CLASSES
from ..types import Candidate, QuoteSpan
from .attribute import SOURCELESS, UNATTRIBUTED
from .identity import identify
from .source_phrase import source_span
from .spans import bounds, contains

__all__ = ["assemble"]

#: Base confidence per rule for a plain reporting cue ("said", "according to"); see
#: ``_confidence`` for what lowers it. Fitted with ``benchmarks/fit_confidence.py`` on
#: PolNeAR train documents 0-699 (the development part), ``scope="attributions"``: the
#: base that makes a rule's mean confidence equal its end-to-end precision (capped at
#: 0.97); rules with fewer than 30 predictions there keep a hand-set base.
_RULE_CONFIDENCE = {
    "quote_cue": 0.97,
    "verb_content": 0.94,
    "according_to": 0.97,
    "quote_continues": 0.97,
    "participle": 0.75,
    "colon_name": 0.64,
    "colon_verb": 0.75,
    "paragraph_carry": 0.53,
    "adjacent_verb": 0.85,
    "interjected": 0.97,
    "relative": 0.96,
    "as_clause": 0.78,
    "unattributed": 0.3,
    "sourceless": 0.89,
}
_NOT_NEUTRAL = 0.25  # a cue that judges or interprets ("slammed", "hopes", "backed")
_NOT_SPEECH = 0.05  # beliefs, findings, perceptions
_UNRESOLVED_PRONOUN = 0.25
_RESOLVED_PRONOUN = 0.03
_DESCRIPTION = 0.08  # "a campaign spokeswoman"
_MIXED = 0.03


def assemble(
    doc: Doc,
    cands: list[Candidate],
    quotes: list[QuoteSpan],
    paragraphs: list[tuple[int, int]],
    lexicon: Lexicon,
    text: str | None = None,
) -> list[Quote]:
    """Build the output models.

    Args:
        doc: The parsed Doc; ``doc.text`` is the caller's text.
        cands: Candidates with names resolved.
        quotes: Depth-0 quotation spans, used to type each quote.
        paragraphs: Paragraph bounds (character offsets).
        lexicon: The lexicon the speaker identities are read with.
        text: ``doc.text`` when the caller has it (spaCy rebuilds it on each access).

    Returns:
        Quotes sorted by start offset.
    """
    text = doc.text if text is None else text
    kept = [c for c in cands if c.rule in (UNATTRIBUTED, SOURCELESS) or c.mention is not None]
    spoken = [c if c.rule not in (UNATTRIBUTED, SOURCELESS) else _no_speaker(c) for c in kept]
    identities = identify(doc, spoken, lexicon, text)
    ids: dict[str, int] = {}
    sent_starts = [s.start_char for s in doc.sents]
    para_starts = [p[0] for p in paragraphs]
    out = []
    for original, cand, identity in zip(kept, spoken, identities, strict=True):
        speaker = None
        if identity is not None and cand.mention is not None:
            mention = cand.mention
            speaker = Speaker(
                id=ids.setdefault(identity.key, len(ids)),
                name=identity.name,
                mention=TextSpan(
                    text=text[mention.start : mention.end], start=mention.start, end=mention.end
                ),
                role=identity.role,
                role_title=identity.role_title,
                affiliation=identity.affiliation,
                entity_type=identity.entity_type,
                gender=identity.gender,
            )
        cue = None
        if cand.cue is not None:
            first, last = doc[cand.cue.start], doc[cand.cue.end - 1]
            c_start, c_end = first.idx, last.idx + len(last)
            cue = Cue(
                text=text[c_start:c_end],
                start=c_start,
                end=c_end,
                cue_class=CueClass(cand.cue.cue_class),
                lemma=cand.cue.lemma,
            )
        qtype = quote_type(text, cand.start, cand.end, quotes)
        source = _source(doc, cand, text, lexicon) if speaker is not None else None
        out.append(
            Quote(
                text=text[cand.start : cand.end],
                start=cand.start,
                end=cand.end,
                type=qtype,
                cue=cue,
                speaker=speaker,
                source=source,
                confidence=_confidence(original, qtype),
                sentence=max(0, bisect_right(sent_starts, cand.start) - 1),
                paragraph=max(0, bisect_right(para_starts, cand.start) - 1),
                rule=cand.rule,
            )
        )
    out.sort(key=lambda q: (q.start, q.end))
    return out


def _no_speaker(cand: Candidate) -> Candidate:
    """``cand`` without a mention (rules that report no speaker)."""
    if cand.mention is None:
        return cand
    return Candidate(cand.start, cand.end, cand.cue, None, cand.rule, label=cand.label)


def quote_type(text: str, start: int, end: int, quotes: list[QuoteSpan]) -> QuoteType:
    """Direct when every letter or digit of the content lies inside quotation marks,
    mixed when some do, indirect when none do."""
    total = _alnum(text, start, end)
    inside = 0
    covered = start  # count each character once where spans overlap
    for q_start, q_end in sorted((q.start, q.end) for q in quotes if q.end > start):
        lo, hi = max(q_start, covered), min(q_end, end)
        if lo < hi:
            inside += _alnum(text, lo, hi)
            covered = hi
    if total and inside == total:
        return QuoteType.DIRECT
    return QuoteType.MIXED if inside else QuoteType.INDIRECT


def _source(doc: Doc, cand: Candidate, text: str, lexicon: Lexicon) -> TextSpan | None:
    """The whole source phrase of ``cand`` (always covering its mention)."""
    mention = cand.mention
    if mention is None:
        return None
    cue = (cand.cue.start, cand.cue.end) if cand.cue is not None else None
    start, end = source_span(doc, doc[mention.head], cue, (cand.start, cand.end), lexicon)
    if not contains((start, end), bounds(mention)):
        start, end = mention.start, mention.end
    return TextSpan(text=text[start:end], start=start, end=end)


def _alnum(text: str, start: int, end: int) -> int:
    return sum(ch.isalnum() for ch in text[start:end])


def _confidence(cand: Candidate, qtype: QuoteType) -> float:
    """Estimated probability that the attribution is right: the rule's base, lowered
    for a judging cue, a non-speech cue, a pronoun or a description as speaker."""
    score = _RULE_CONFIDENCE.get(cand.rule, 0.6)
    cue = cand.cue
    if cue is not None and not cue.neutral:
        score -= _NOT_NEUTRAL
    if cue is not None and cue.cue_class in NON_SPEECH_CUE_CLASSES:
        score -= _NOT_SPEECH
    mention = cand.mention
    if mention is not None and mention.kind in ("pronoun", "relative"):
        score -= _RESOLVED_PRONOUN if cand.label else _UNRESOLVED_PRONOUN
    if mention is not None and mention.kind == "noun":
        score -= _DESCRIPTION
    if qtype is QuoteType.MIXED:
        score += _MIXED
    return round(min(1.0, max(0.0, score)), 3)
