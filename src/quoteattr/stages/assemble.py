"""Turn candidates into ``Quote`` models (the only stage that builds pydantic objects).

Input: the parsed Doc, resolved candidates, depth-0 quotation spans,
paragraph bounds and the lexicon's role nouns.
Output: ``Quote`` models sorted by start, with speaker ids shared within the
document, roles carried from any mention of the same speaker, quote types
derived from quotation marks, and confidences.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from ..models import Cue, CueClass, EntityType, Quote, QuoteType, Speaker, TextSpan
from ..settings import NON_SPEECH_CUE_CLASSES
from ..types import Candidate, QuoteSpan
from .attribute import SOURCELESS, UNATTRIBUTED
from .mentions import entity_text
from .merge import canonical_name
from .roles import role_of
from .source_phrase import source_span

__all__ = ["assemble"]

_ENTITY_TYPES = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORGANIZATION,
    "GPE": EntityType.PLACE,
    "LOC": EntityType.PLACE,
    "FAC": EntityType.PLACE,
    "NORP": EntityType.GROUP,
}
#: Base confidence per rule for a plain reporting cue ("said", "according to"); see
#: ``_confidence`` for what lowers it. Set from the precision of each kind of
#: attribution on PolNeAR's first 300 training documents (see README, Accuracy).
_RULE_CONFIDENCE = {
    "quote_cue": 0.93,
    "verb_content": 0.93,
    "according_to": 0.88,
    "quote_continues": 0.96,
    "participle": 0.75,
    "colon_name": 0.7,
    "colon_verb": 0.75,
    "paragraph_carry": 0.6,
    "adjacent_verb": 0.85,
    "interjected": 0.9,
    "relative": 0.7,
    "as_clause": 0.85,
    "unattributed": 0.3,
    "sourceless": 0.8,
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
    role_nouns: frozenset[str],
    roles: list[tuple[int, int, str]],
    text: str | None = None,
) -> list[Quote]:
    """Build the output models.

    Args:
        doc: The parsed Doc; ``doc.text`` is the caller's text.
        cands: Candidates with names resolved.
        quotes: Depth-0 quotation spans, used to type each quote.
        paragraphs: Paragraph bounds (character offsets).
        role_nouns: Role nouns of the lexicon.
        roles: Roles stated anywhere in the Doc (``roles_in_doc``).
        text: ``doc.text`` when the caller has it (spaCy rebuilds it on each access).

    Returns:
        Quotes sorted by start offset.
    """
    text = doc.text if text is None else text
    persons = [e.text for e in doc.ents if e.label_ == "PERSON"] + [
        c.name
        for c in cands
        if c.name and c.mention is not None and c.mention.kind == "name" and " " in c.name
    ]
    # each name once: canonical_name scans them all, for every candidate
    persons = list(dict.fromkeys(persons))
    person_set = {canonical_name(p, "PERSON", ()) for p in persons}
    doc_roles: dict[str, str] = {}
    for _, head, role in roles:
        name = canonical_name(entity_text(doc[head]), "PERSON", persons)
        doc_roles.setdefault(name.lower(), role)
    ids: dict[str, int] = {}
    speaker_roles: dict[str, str] = {}
    keyed: list[tuple[Candidate, str | None]] = []
    for cand in cands:
        if cand.rule in (UNATTRIBUTED, SOURCELESS):
            keyed.append((cand, None))
            continue
        if cand.name is None or cand.mention is None:
            continue
        canon = canonical_name(cand.name, cand.label, persons)
        if canon in person_set:
            cand.label = "PERSON"
        key = canon.lower()
        ids.setdefault(key, len(ids))
        if (
            cand.label in ("PERSON", "")
            and cand.antecedent is not None
            and key not in speaker_roles
        ):
            found = role_of(doc, doc[cand.antecedent], role_nouns)
            if found:
                speaker_roles[key] = found
        keyed.append((cand, canon))
    sent_starts = [s.start_char for s in doc.sents]
    para_starts = [p[0] for p in paragraphs]
    out = []
    for cand, canon_or_none in keyed:
        speaker = None
        if canon_or_none is not None and cand.mention is not None:
            canon = canon_or_none
            key = canon.lower()
            mention = cand.mention
            speaker = Speaker(
                id=ids[key],
                name=canon,
                mention=TextSpan(
                    text=text[mention.start : mention.end], start=mention.start, end=mention.end
                ),
                role=speaker_roles.get(key) or doc_roles.get(key),
                entity_type=_entity_type(cand),
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
        source = _source(doc, cand, text) if speaker is not None else None
        out.append(
            Quote(
                text=text[cand.start : cand.end],
                start=cand.start,
                end=cand.end,
                type=qtype,
                cue=cue,
                speaker=speaker,
                source=source,
                confidence=_confidence(cand, qtype),
                sentence=max(0, bisect_right(sent_starts, cand.start) - 1),
                paragraph=max(0, bisect_right(para_starts, cand.start) - 1),
                rule=cand.rule,
            )
        )
    out.sort(key=lambda q: (q.start, q.end))
    return out


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


def _source(doc: Doc, cand: Candidate, text: str) -> TextSpan | None:
    """The whole source phrase of ``cand`` (always covering its mention)."""
    mention = cand.mention
    if mention is None:
        return None
    cue = (cand.cue.start, cand.cue.end) if cand.cue is not None else None
    start, end = source_span(doc, doc[mention.head], cue, (cand.start, cand.end))
    if not (start <= mention.start and mention.end <= end):
        start, end = mention.start, mention.end
    return TextSpan(text=text[start:end], start=start, end=end)


def _alnum(text: str, start: int, end: int) -> int:
    return sum(ch.isalnum() for ch in text[start:end])


def _entity_type(cand: Candidate) -> EntityType:
    if cand.label in _ENTITY_TYPES:
        return _ENTITY_TYPES[cand.label]
    if cand.mention is not None and cand.mention.kind == "noun":
        return EntityType.DESCRIPTION
    return EntityType.UNKNOWN


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
