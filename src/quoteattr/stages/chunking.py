"""Plan paragraph-aligned chunks for long documents (pure text, no spaCy).

Contract:
    Input: the original text, a soft chunk size, a hard size and the length of
    the context to repeat before each chunk.
    Output: ``Chunk`` records that tile the text in order: each owns
    ``text[start:end]`` and is processed as ``text[context_start:end]``, where
    the context ``text[context_start:start]`` repeats the end of the previous
    chunk so that pronouns and quote-only paragraphs near a chunk's start still
    find their antecedent or speaker. Quotes that start in the context belong
    to the previous chunk.

Borders are paragraph starts that lie outside every outermost quotation span
of the full text (``find_quote_spans``), so no quotation, not even one that runs
over several paragraphs, is cut. Only when no such border exists within the
hard size (one paragraph longer than that) is a chunk cut just after a
quotation, at another paragraph start, at whitespace or anywhere, in that order.
The work is linear in the text length.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import regex

from ..errors import Errors
from ..marks import QuoteMarks
from ..types import QuoteSpan
from .quote_spans import find_quote_spans
from .segment import LINE_BREAK, paragraph_bounds

__all__ = ["CONTEXT_CHARS", "LOOKAHEAD_CHARS", "Chunk", "Piece", "plan_chunks", "safe_borders"]

#: Most context repeated before each chunk: the pronoun resolver's window.
CONTEXT_CHARS = 2500
#: Most text after a chunk parsed with it (the start of the next paragraph).
LOOKAHEAD_CHARS = 300

_SPACE = regex.compile(r"\s")


@dataclass(frozen=True, slots=True)
class Chunk:
    """One piece of a long text.

    Attributes:
        context_start: Where the processed text begins (``<= start``).
        start: First character the chunk owns.
        end: Just past the last character it owns (and processes).
    """

    context_start: int
    start: int
    end: int


def safe_borders(text: str, quotes: list[QuoteSpan]) -> list[int]:
    """Paragraph starts where a chunk may begin.

    Args:
        text: The full text.
        quotes: Its quotation spans (``find_quote_spans``).

    Returns:
        Sorted offsets of every paragraph start (the first one excluded) that
        is not inside an outermost quotation span, marks included.

    Example:
        >>> from quoteattr.lang.en import EN_LEXICON
        >>> text = 'A.\\n"B.\\n\\n"C."\\nD.'
        >>> safe_borders(text, find_quote_spans(text, EN_LEXICON.quote_marks))
        [3, 13]
    """
    outer = sorted((q.outer_start, q.outer_end) for q in quotes if q.depth == 0)
    borders: list[int] = []
    k = 0
    for start, _ in paragraph_bounds(text)[1:]:
        while k < len(outer) and outer[k][1] <= start:
            k += 1
        if k < len(outer) and outer[k][0] < start:
            continue  # inside a quotation
        borders.append(start)
    return borders


def plan_chunks(
    text: str,
    chunk_chars: int,
    marks: QuoteMarks,
    *,
    max_chars: int | None = None,
    context_chars: int = CONTEXT_CHARS,
) -> list[Chunk]:
    """Split a text into chunks of about ``chunk_chars`` characters.

    Args:
        text: The full text.
        chunk_chars: Soft size: a chunk ends at the last safe border within
            this many characters of its start, or at the first one after it.
        max_chars: Hard size of the processed text (context included);
            defaults to ``2 * chunk_chars``. A chunk longer than this is cut at
            a paragraph start, whitespace or any character, in that order.
        context_chars: How much text before a chunk to process with it (from
            a safe border, at most twice this, never more than the hard size
            allows).
        marks: The quotation marks of the text's language (``Lexicon.quote_marks``);
            no chunk border falls inside a quotation.

    Returns:
        One chunk covering the whole text when it is at most ``chunk_chars``
        long, else chunks in order with ``chunks[i].end == chunks[i + 1].start``.

    Raises:
        ValueError: if ``chunk_chars`` is not positive.

    Example:
        >>> from quoteattr.lang.en import EN_LEXICON
        >>> plan_chunks("One.\\nTwo.\\nThree.", 10, EN_LEXICON.quote_marks, context_chars=0)
        [Chunk(context_start=0, start=0, end=10), Chunk(context_start=10, start=10, end=16)]
    """
    if chunk_chars < 1:
        raise ValueError(Errors.E019.format(chunk_chars=chunk_chars))
    n = len(text)
    if n <= chunk_chars:
        return [Chunk(0, 0, n)]
    hard = max(chunk_chars, max_chars if max_chars is not None else 2 * chunk_chars)
    quotes = find_quote_spans(text, marks)
    borders = safe_borders(text, quotes)
    quote_ends = sorted(q.outer_end for q in quotes if q.depth == 0)
    paragraphs = [start for start, _ in paragraph_bounds(text)[1:]]
    ends: list[int] = []
    start = 0
    while n - start > chunk_chars:
        end = _border(borders, start, start + chunk_chars, start + hard)
        if end is None:
            end = _forced_border(text, quote_ends, paragraphs, start, start + hard)
        ends.append(end)
        start = end
    ends.append(n)
    chunks: list[Chunk] = []
    start = 0
    for end in ends:
        room = max(0, min(2 * context_chars, hard - (end - start)))
        context = _context_start(borders, start, context_chars, room)
        chunks.append(Chunk(context, start, end))
        start = end
    return chunks


def _border(borders: list[int], start: int, soft: int, hard: int) -> int | None:
    """The last safe border in ``(start, soft]``, else the first in ``(soft, hard]``."""
    k = bisect_right(borders, soft) - 1
    if k >= 0 and borders[k] > start:
        return borders[k]
    k = bisect_right(borders, soft)
    if k < len(borders) and borders[k] <= hard:
        return borders[k]
    return None


def _forced_border(
    text: str, quote_ends: list[int], paragraphs: list[int], start: int, hard: int
) -> int:
    """A cut in ``(start, hard]`` when no safe border exists.

    In order: just after a quotation (the next chunk pairs its marks as the
    whole text does), a paragraph start, a space, any character.
    """
    for cuts in (quote_ends, paragraphs):
        k = bisect_right(cuts, hard) - 1
        if k >= 0 and cuts[k] > start:
            return cuts[k]
    lo = start + (hard - start) // 2
    for pos in range(hard, lo, -1):
        if _SPACE.match(text, pos - 1):
            return pos
    return hard


def _context_start(borders: list[int], start: int, wanted: int, room: int) -> int:
    """The safe border nearest to ``start - wanted`` within ``[start - room, start]``."""
    if start == 0 or wanted == 0:
        return start
    lo = bisect_left(borders, start - room)
    hi = bisect_right(borders, start - wanted)
    if hi > lo:
        return borders[hi - 1]  # at least ``wanted`` characters of context
    if lo < len(borders) and borders[lo] < start:
        return borders[lo]  # as much as room allows
    return start


@dataclass(frozen=True, slots=True)
class Piece:
    """A text to parse on its own, and where its characters come from.

    Attributes:
        text: The text to parse.
        starts: Offsets in ``text`` where each copied segment begins (the first is 0).
        origins: Offset in the original text of each segment's first character.
        own_start: Quotes starting before this original offset are dropped
            (they belong to the previous piece).
        own_end: Just past the last original character the piece owns.
    """

    text: str
    starts: tuple[int, ...]
    origins: tuple[int, ...]
    own_start: int
    own_end: int

    @classmethod
    def of_chunk(cls, text: str, chunk: Chunk, lookahead: int = LOOKAHEAD_CHARS) -> Piece:
        """The piece that processes ``chunk`` of ``text``.

        It holds the context before the chunk and, after it, the start of the
        next paragraph (at most ``lookahead`` characters, cut at a space), so
        that the parse at the chunk's end (whether the line break closes the
        last sentence or stands alone) is the one the whole text would get.
        """
        end = chunk.end
        if end < len(text) and lookahead > 0:
            brk = LINE_BREAK.search(text, end, end + lookahead)
            stop = brk.start() if brk else end + lookahead
            space = text.rfind(" ", end, stop) if brk is None and stop < len(text) else -1
            end = min(len(text), space if space > end else stop)
        return cls(
            text[chunk.context_start : end], (0,), (chunk.context_start,), chunk.start, chunk.end
        )

    @property
    def whole(self) -> bool:
        """True when the piece is the original text itself (nothing to map)."""
        return self.origins == (0,) and self.own_start == 0 and self.own_end == len(self.text)

    def to_original(self, pos: int, *, end: bool = False) -> int:
        """Map an offset of ``self.text`` to the original text.

        Args:
            pos: Offset into ``self.text``.
            end: True for an end-exclusive offset (mapped through its last character).

        Returns:
            The original offset.
        """
        if end and pos > 0:
            return self.to_original(pos - 1) + 1
        k = bisect_right(self.starts, pos) - 1
        return self.origins[k] + pos - self.starts[k]

    def to_local(self, pos: int) -> int:
        """Map an original offset to ``self.text`` (the nearest segment start at or before it)."""
        k = max(0, bisect_right(self.origins, pos) - 1)
        return self.starts[k] + max(0, pos - self.origins[k])
