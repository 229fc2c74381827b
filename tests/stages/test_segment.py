"""Tests for quoteattr.stages.segment (paragraph bounds)."""

from __future__ import annotations

import pytest

from quoteattr.stages.segment import paragraph_bounds, paragraph_index


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
