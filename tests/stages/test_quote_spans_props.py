"""Property tests for quoteattr.stages.quote_spans on random text full of quote marks."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr.lang.en import EN_LEXICON
from quoteattr.lang.en.quote_marks import MARKS
from quoteattr.stages.quote_spans import MAX_DEPTH, find_quote_spans
from quoteattr.stages.segment import paragraph_bounds, paragraph_index
from quoteattr.types import QuoteSpan

MARKS_EN = EN_LEXICON.quote_marks

_PIECES = [*sorted(MARKS), "''", " ", "  ", "\n", "\n\n", "\r\n", "a", "s", "b", "5", ",", "."]
_MARK_TEXT = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)
_ANY_TEXT = st.text(max_size=80)


def _check(text: str, spans: list[QuoteSpan]) -> None:
    bounds = paragraph_bounds(text)
    keys = [(s.start, s.depth) for s in spans]
    assert keys == sorted(keys)
    for s in spans:
        assert 0 <= s.outer_start <= s.start < s.end <= s.outer_end <= len(text)
        assert 0 <= s.depth <= MAX_DEPTH
        assert s.open_mark is None or text[s.open_mark] in MARKS
        assert s.close_mark is None or text[s.close_mark] in MARKS
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()
        assert s.paragraph == paragraph_index(bounds, s.outer_start)
        if s.open_mark is None:  # an orphan closer quotes within its own paragraph
            assert paragraph_index(bounds, s.close_mark or s.end) == s.paragraph
    top = [s for s in spans if s.depth == 0]
    for left, right in itertools.pairwise(top):
        assert left.outer_end <= right.outer_start
    for inner in spans:
        if inner.depth:
            assert any(
                outer.depth == inner.depth - 1
                and outer.start <= inner.outer_start
                and inner.outer_end <= outer.end
                for outer in spans
            )


@settings(max_examples=500, deadline=None)
@given(_MARK_TEXT)
def test_quote_spans_props_marks(text: str) -> None:
    _check(text, find_quote_spans(text, MARKS_EN))


@settings(max_examples=500, deadline=None)
@given(_ANY_TEXT)
def test_quote_spans_props_any_text(text: str) -> None:
    _check(text, find_quote_spans(text, MARKS_EN))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["“", "”", '"', "'", "‘", "’", "«", "»", "x"]), max_size=200))
def test_quote_spans_props_deep_nesting(pieces: list[str]) -> None:
    text = "".join(pieces)
    _check(text, find_quote_spans(text, MARKS_EN))


def test_quote_spans_props_known_cases() -> None:
    # the last: a control character that str.isspace calls a space (regression)
    for text in ("'«x»'", "“a ‘b’ “c” d\n“e", "x”\n\n“a ‘bb’ c", "''a'''\n'''b''", "«\x1f0"):
        _check(text, find_quote_spans(text, MARKS_EN))


def test_quote_spans_props_large_inputs() -> None:
    for text in (
        "“" * 20_000,
        "”" * 20_000,
        '"' * 20_000,
        "'\n" * 10_000,
        "x \u0000 😀 \u202e שלום " * 2_000,
        ("He said “a ‘b’ c” and 'd' " * 2_000) + "“",
    ):
        _check(text, find_quote_spans(text, MARKS_EN))
