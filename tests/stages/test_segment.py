"""Tests for quoteattr.stages.segment (paragraph bounds)."""

from __future__ import annotations

import pytest

from quoteattr.stages.segment import paragraph_bounds, paragraph_index, soft_break


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("   \n\n \t ", []),
        ("One paragraph.", ["One paragraph."]),
        ("One.\n\nTwo.", ["One.", "Two."]),
        ("One.\nTwo.", ["One.", "Two."]),
        ("One.\r\nTwo.\rThree.", ["One.", "Two.", "Three."]),
        ("One.\u2028Two.\u2029Three.", ["One.", "Two.", "Three."]),
        ("  One.  \n\n\n   Two.\t\n", ["One.", "Two."]),
        ("Title\n\n\n\nBody \u00a0\n", ["Title", "Body"]),
    ],
)
def test_segment_paragraph_bounds(text: str, expected: list[str]) -> None:
    bounds = paragraph_bounds(text)
    assert [text[start:end] for start, end in bounds] == expected
    assert bounds == sorted(bounds)


def test_segment_paragraph_bounds_offsets() -> None:
    assert paragraph_bounds("One.\n\n  Two.\r\nThree.") == [(0, 4), (8, 12), (14, 20)]


@pytest.mark.parametrize(
    ("offset", "expected"),
    [(0, 0), (3, 0), (5, 0), (6, 1), (9, 1), (100, 1)],
)
def test_segment_paragraph_index(offset: int, expected: int) -> None:
    assert paragraph_index([(0, 4), (6, 10)], offset) == expected


def test_segment_paragraph_index_before_first_and_empty() -> None:
    assert paragraph_index([(3, 5)], 0) == 0
    assert paragraph_index([], 7) == -1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hard-wrapped sentence (PDF or wire copy) is one paragraph
        (
            "The depot had trucks that were more than ten\nyears old, two drivers said.",
            ["The depot had trucks that were more than ten\nyears old, two drivers said."],
        ),
        (
            "The clerk, who kept the keys,\r\nlocked the hall.",
            ["The clerk, who kept the keys,\r\nlocked the hall."],
        ),
        # a sentence end, a capital, a blank line or a quotation mark still break
        ("The hall closed.\nthe end", ["The hall closed.", "the end"]),
        ("The hall closed at\nNoon Street.", ["The hall closed at", "Noon Street."]),
        ("The hall closed at\n\nnoon.", ["The hall closed at", "noon."]),
        ("The hall closed at\n\u201cnoon.\u201d", ["The hall closed at", "\u201cnoon.\u201d"]),
    ],
)
def test_segment_soft_line_breaks(text: str, expected: list[str]) -> None:
    assert [text[start:end] for start, end in paragraph_bounds(text)] == expected


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [("five\nyears", 4, 5, True), ("five.\nYears", 5, 6, False), ("a,\r\nb", 2, 4, True)],
)
def test_segment_soft_break(text: str, start: int, end: int, expected: bool) -> None:
    assert soft_break(text, start, end) is expected
