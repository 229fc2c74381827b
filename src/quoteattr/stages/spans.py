"""Span helpers on half-open ``(start, end)`` offsets, one definition for every stage.

Example:
    >>> overlaps((0, 5), (4, 9)), overlaps((0, 5), (5, 9)), overlap((0, 5), (3, 9))
    (True, False, 2)
    >>> contains((0, 9), (2, 5)), contains((2, 5), (0, 9))
    (True, False)
    >>> covers((0, 5), 4), covers((0, 5), 5)
    (True, False)
"""

from __future__ import annotations

from typing import Protocol

__all__ = ["Spanned", "bounds", "contains", "covers", "overlap", "overlaps"]


class Spanned(Protocol):
    """Anything with ``start`` and ``end`` offsets (``Candidate``, ``QuoteSpan``)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def bounds(item: Spanned) -> tuple[int, int]:
    """``(item.start, item.end)``."""
    return item.start, item.end


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when the spans share at least one position."""
    return a[0] < b[1] and b[0] < a[1]


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Number of positions the spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def contains(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    """True when ``inner`` lies wholly inside ``outer``."""
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def covers(span: tuple[int, int], offset: int) -> bool:
    """True when position ``offset`` lies inside ``span``."""
    return span[0] <= offset < span[1]
