"""Split text into paragraphs (pure text, no spaCy).

Contract:
    Input: the original text, any ``str``.
    Output: sorted, non-overlapping ``(start, end)`` character offsets into that
    text, one pair per non-empty paragraph, with surrounding whitespace left out.

News text scraped from the web often puts a single newline between paragraphs,
so every line break counts as a paragraph break, and blank lines simply give
empty paragraphs that are skipped.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

import regex

__all__ = ["LINE_BREAK", "paragraph_bounds", "paragraph_index"]

#: A line break: CRLF as one break, or any single character that
#: ``str.splitlines`` treats as a line boundary (LF, CR, VT, FF, the file,
#: group and record separators, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR).
LINE_BREAK = regex.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Find the paragraphs of a text.

    Args:
        text: Any string.

    Returns:
        ``(start, end)`` offsets of each paragraph, in order, such that
        ``text[start:end]`` is the paragraph without leading or trailing
        whitespace. Whitespace-only lines produce no paragraph.

    Example:
        >>> paragraph_bounds("One.\\n\\n  Two.\\r\\nThree.")
        [(0, 4), (8, 12), (14, 20)]
    """
    bounds: list[tuple[int, int]] = []
    pos = 0
    for match in LINE_BREAK.finditer(text):
        _add_stripped(text, pos, match.start(), bounds)
        pos = match.end()
    _add_stripped(text, pos, len(text), bounds)
    return bounds


def _add_stripped(text: str, start: int, end: int, bounds: list[tuple[int, int]]) -> None:
    """Append ``(start, end)`` narrowed to exclude whitespace, unless empty."""
    line = text[start:end]
    stripped = line.lstrip()
    if not stripped:
        return
    lead = len(line) - len(stripped)
    bounds.append((start + lead, start + lead + len(stripped.rstrip())))


def paragraph_index(bounds: Sequence[tuple[int, int]], offset: int) -> int:
    """Say which paragraph an offset belongs to.

    Args:
        bounds: Paragraph bounds as returned by :func:`paragraph_bounds`.
        offset: A character offset into the same text.

    Returns:
        The index of the last paragraph starting at or before ``offset`` (so
        whitespace between two paragraphs belongs to the earlier one), 0 for
        an offset before the first paragraph, and -1 when ``bounds`` is empty.

    Example:
        >>> paragraph_index([(0, 4), (6, 10)], 7)
        1
    """
    if not bounds:
        return -1
    return max(0, bisect_right(bounds, offset, key=_start) - 1)


def _start(bound: tuple[int, int]) -> int:
    return bound[0]
