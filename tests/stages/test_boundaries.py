"""Unit tests of ``stages.boundaries`` helpers that need no model."""

from __future__ import annotations

import pytest
import spacy

from quoteattr import QuoteExtractor
from quoteattr.stages.boundaries import mark_paragraph_starts, plain_spaces, split_glued_quotes
from quoteattr.stages.segment import LINE_BREAK_CHARS, paragraph_bounds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the\xa0party", "the party"),
        ("a\u2009b\u202fc\u3000d", "a b c d"),
        ("line\nbreak\tand tab", "line\nbreak\tand tab"),
        ("plain ascii", "plain ascii"),
        ("“quoted” text", "“quoted” text"),
    ],
)
def test_plain_spaces_replaces_other_spaces_one_for_one(text: str, expected: str) -> None:
    assert plain_spaces(text) == expected
    assert len(plain_spaces(text)) == len(text)


@pytest.mark.model
def test_no_break_spaces_reach_the_parser_as_spaces_and_quotes_keep_them(
    extractor: QuoteExtractor,
) -> None:
    text = "“We will\xa0win,” said Ann\xa0Lee."
    doc = extractor.make_doc(text)
    assert [t.text for t in doc] == ["“", "We", "will", "win", ",", "”", "said", "Ann", "Lee", "."]
    [quote] = extractor.extract(text)
    assert (quote.text, quote.speaker and quote.speaker.mention.text) == (
        "We will\xa0win",
        "Ann\xa0Lee",
    )
    assert quote.speaker is not None and quote.speaker.name == "Ann Lee"


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        (
            "record—“the best”—and more",
            ["record", "—", "“", "the", "best", "”", "—", "and", "more"],
        ),
        ("—Ann Lee", ["—", "Ann", "Lee"]),
        ("pages 10–12", ["pages", "10–12"]),
        ("said,“Look", ["said", ",", "“", "Look"]),
    ],
)
def test_split_glued_quotes_splits_marks_and_edge_dashes(text: str, tokens: list[str]) -> None:
    nlp = spacy.blank("en")
    doc = split_glued_quotes(nlp.make_doc(text))
    assert [t.text for t in doc] == tokens
    assert doc.text == text


def test_mark_paragraph_starts_skips_soft_line_breaks() -> None:
    nlp = spacy.blank("en")
    text = "The depot had trucks that were more than ten\nyears old.\nThe rest left."
    doc = mark_paragraph_starts(nlp.make_doc(text))
    starts = [t.text for t in doc if t.is_sent_start and t.i > 0]
    assert starts == ["The"]


@pytest.mark.parametrize("brk", list(LINE_BREAK_CHARS))
def test_mark_paragraph_starts_after_every_paragraph_break(brk: str) -> None:
    """Sentence starts follow the line breaks that make paragraphs (``segment``), the
    file, group and record separators included."""
    nlp = spacy.blank("en")
    text = f"Ann left early{brk}Bob stayed."
    doc = mark_paragraph_starts(nlp.make_doc(text))
    assert [t.text for t in doc if t.is_sent_start and t.i > 0] == ["Bob"]
    assert len(paragraph_bounds(text)) == 2


@pytest.mark.model
def test_hard_wrapped_report_keeps_its_source(extractor: QuoteExtractor) -> None:
    text = (
        "At the time, the depot had about 400 trucks that were more than ten\n"
        "years old, far fewer than its rivals, two drivers said."
    )
    [quote] = extractor.extract(text)
    assert quote.text == (
        "At the time, the depot had about 400 trucks that were more than ten\n"
        "years old, far fewer than its rivals"
    )
    assert quote.speaker is not None and quote.speaker.mention.text == "two drivers"
