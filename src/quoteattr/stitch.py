"""Pieces back into one text: the quotes found in the parsed pieces of a text (its
chunks, or fast mode's selected sentences), with offsets, sentence and paragraph
numbers and speaker ids of the whole text.

The runner (``quoteattr.runner``) plans the pieces and parses them; this module only
maps what each piece gave back to the caller's text, rebuilding every model validated.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from .lexicon import Lexicon
from .models import Quote, replaced
from .stages.chunking import Piece
from .stages.identity import rekey
from .stages.segment import paragraph_bounds
from .stages.selection import sentence_starts
from .stages.spans import covers

__all__ = ["PieceResult", "combine"]


class PieceResult:
    """What is kept of one parsed piece: quotes, sentence starts, person names.

    Attributes:
        quotes: The piece's quotes, offsets into the piece's text.
        sent_starts: The parser's sentence starts in the piece (empty when unneeded).
        persons: The names the tagger found as persons (for speaker ids across pieces).
    """

    __slots__ = ("persons", "quotes", "sent_starts")

    def __init__(self, quotes: list[Quote], sent_starts: list[int], persons: list[str]) -> None:
        self.quotes = quotes
        self.sent_starts = sent_starts
        self.persons = persons


def combine(
    text: str,
    pieces: list[Piece],
    results: list[PieceResult],
    lexicon: Lexicon,
    *,
    selected: bool,
) -> list[Quote]:
    """The quotes of ``text`` from those of its pieces.

    Args:
        text: The caller's text.
        pieces: Its pieces, in order, each owning ``own_start`` to ``own_end``.
        results: What each piece gave, in the same order.
        lexicon: The extractor's lexicon (abbreviations, speaker identity).
        selected: True when the pieces are fast mode's selected sentences: sentence
            numbers then come from splitting ``text`` itself.

    Returns:
        The quotes each piece owns, offsets into ``text``, sorted, with one sentence
        and paragraph numbering and one speaker numbering for the whole text.
    """
    if len(pieces) == 1 and pieces[0].whole and not selected:
        return results[0].quotes
    para_starts = [start for start, _ in paragraph_bounds(text)]
    sents = sentence_starts(text, lexicon.abbreviations) if selected else None
    out: list[Quote] = []
    persons: list[str] = []
    base = 0
    for piece, result in zip(pieces, results, strict=True):
        before = bisect_left(result.sent_starts, piece.to_local(piece.own_start))
        after = bisect_left(result.sent_starts, piece.to_local(piece.own_end))
        for q in result.quotes:
            start = piece.to_original(q.start)
            if not covers((piece.own_start, piece.own_end), start):
                continue
            if sents is not None:
                sentence = max(0, bisect_right(sents, start) - 1)
            else:
                sentence = base + q.sentence - before
            out.append(_moved(text, q, piece, sentence, para_starts))
        base += after - before
        persons += result.persons
    out.sort(key=lambda q: (q.start, q.end))
    return rekey(out, persons, lexicon) if len(pieces) > 1 else out


def _moved(text: str, q: Quote, piece: Piece, sentence: int, para_starts: list[int]) -> Quote:
    """``q`` with its offsets (quote, cue, source, speaker mention) mapped to the original
    text; every model rebuilt validated."""

    def span_changes(start: int, end: int) -> dict[str, object]:
        start, end = piece.to_original(start), piece.to_original(end, end=True)
        return {"start": start, "end": end, "text": text[start:end]}

    start = piece.to_original(q.start)
    changes = span_changes(q.start, q.end)
    changes["sentence"] = sentence
    changes["paragraph"] = max(0, bisect_right(para_starts, start) - 1)
    if q.cue is not None:
        changes["cue"] = replaced(q.cue, **span_changes(q.cue.start, q.cue.end))
    if q.source is not None:
        changes["source"] = replaced(q.source, **span_changes(q.source.start, q.source.end))
    if q.speaker is not None:
        m = q.speaker.mention
        changes["speaker"] = replaced(
            q.speaker, mention=replaced(m, **span_changes(m.start, m.end))
        )
    return replaced(q, **changes)
