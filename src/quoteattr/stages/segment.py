"""Split text into paragraphs (pure text, no spaCy).

Contract:
    Input: the original text, any ``str``.
    Output: sorted, non-overlapping ``(start, end)`` character offsets into that
    text, one pair per non-empty paragraph, with surrounding whitespace left out.

News text scraped from the web often puts a single newline between paragraphs,
so a line break counts as a paragraph break, and blank lines simply give
empty paragraphs that are skipped. The exception is a *soft* break: text
copied from a PDF or a hard-wrapped wire or e-mail copy breaks lines inside a
sentence ("had about 500 servers that were more than five\nyears old"). A
single line break between a lower-case letter or a comma and a line that
opens with a lower-case letter cannot end a paragraph in edited prose (a
paragraph ends a sentence, and a new one opens with a capital, a digit, a
quotation mark or a dash), so it joins the two lines (see :func:`soft_break`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

import regex

__all__ = ["LINE_BREAK", "LINE_BREAK_CHARS", "paragraph_bounds", "paragraph_index", "soft_break"]

#: The characters that ``str.splitlines`` treats as a line boundary (LF, CR, VT, FF,
#: the file, group and record separators, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR):
#: the one class of line breaks of the paragraphs and of the sentence starts.
LINE_BREAK_CHARS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
#: A line break: CRLF as one break, or any one of ``LINE_BREAK_CHARS``.
LINE_BREAK = regex.compile(f"\r\n|[{LINE_BREAK_CHARS}]")
#: A soft line break: a lower-case letter or a comma, spaces, one line break
#: (CRLF or LF), spaces, a lower-case letter; group 1 is the break.
_SOFT = regex.compile(r"(?<=[\p{Ll},][ \t]*)(\r\n|\n)(?=[ \t]*\p{Ll})")


def soft_break(text: str, start: int, end: int) -> bool:
    """Say whether the line break ``text[start:end]`` only wraps a sentence.

    Args:
        text: The whole text.
        start: Offset of the line break.
        end: Offset just after it.

    Returns:
        True for one LF or CRLF between a lower-case letter or a comma and a
        line that opens with a lower-case letter.

    Example:
        >>> soft_break("more than five\\nyears old", 14, 15)
        True
        >>> soft_break("He left.\\nShe stayed.", 8, 9)
        False
    """
    match = _SOFT.match(text, start)
    return match is not None and match.end() == end


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
        if soft_break(text, match.start(), match.end()):
            continue
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
