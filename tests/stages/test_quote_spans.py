"""Tests for quoteattr.stages.quote_spans: each case lists (content, depth, balanced)."""

from __future__ import annotations

import pytest

from quoteattr.lang.en import EN_LEXICON
from quoteattr.lang.en.quote_marks import AMBIGUOUS, CLOSERS, MARKS, OPENERS, PAIRS
from quoteattr.stages.quote_spans import find_quote_spans

MARKS_EN = EN_LEXICON.quote_marks

Expected = list[tuple[str, int, bool]]


def spans_of(text: str) -> Expected:
    return [(text[s.start : s.end], s.depth, s.balanced) for s in find_quote_spans(text, MARKS_EN)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "no" today.', [("no", 0, True)]),
        ('"Yes." "No."', [("Yes.", 0, True), ("No.", 0, True)]),
        ('She called it ("a mess") twice.', [("a mess", 0, True)]),
        ('Headline—"We won"', [("We won", 0, True)]),
        ('" hello "', [("hello", 0, True)]),
        ('It was,"he said,"fine."', [("he said,", 0, True)]),
    ],
)
def test_quote_spans_straight(text: str, expected: Expected) -> None:
    assert spans_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “no” today.", [("no", 0, True)]),
        ("“We will win,” she said.", [("We will win,", 0, True)]),
        ("the “expedited review“ of it", [("expedited review", 0, True)]),
        ("let campaign staff ”get close” to her", [("get close", 0, True)]),
    ],
)
def test_quote_spans_curly(text: str, expected: Expected) -> None:
    assert spans_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He wrote «bonjour» twice.", [("bonjour", 0, True)]),
        ("« “inner” outer »", [("“inner” outer", 0, True), ("inner", 1, True)]),
        ("a ‹single› one", [("single", 0, True)]),
        ("»reversed« is not English", []),
    ],
)
def test_quote_spans_guillemets(text: str, expected: Expected) -> None:
    assert spans_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er sagte „Hallo“, dann ging er.", [("Hallo", 0, True)]),
        ("„Hallo” sagte er", [("Hallo", 0, True)]),
        ("„Er sagte ‚nein‘ dazu“", [("Er sagte ‚nein‘ dazu", 0, True), ("nein", 1, True)]),
    ],
)
def test_quote_spans_low9(text: str, expected: Expected) -> None:
    assert spans_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“He told me ‘go away’ and left,” she said.",
            [("He told me ‘go away’ and left,", 0, True), ("go away", 1, True)],
        ),
        (
            "\"They called it 'the Clintons' scheme,' he said\"",
            [
                ("They called it 'the Clintons' scheme,' he said", 0, True),
                ("the Clintons' scheme,", 1, True),
            ],
        ),
        (
            "“I said, ‘Do it.’”",
            [("I said, ‘Do it.’", 0, True), ("Do it.", 1, True)],
        ),
        (
            "‘Fake news’ he says",
            [("Fake news", 0, True)],
        ),
    ],
)
def test_quote_spans_nested_single_in_double(text: str, expected: Expected) -> None:
    assert spans_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I don't know and she doesn’t either.",
        "Back in the '90s and the ’80s, rock 'n' roll ruled.",
        "Mr. Jones' dog met the NRA’s lawyer and the players' union.",
        "Let ’em in, 'til dawn, ’cause it’s late.",
        "The ‘90s were odd. Trump‘s remarks.",
        "'Twas the night. Y'all know. The 1990s' end.",
    ],
)
def test_quote_spans_apostrophes(text: str) -> None:
    assert spans_of(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“First part.\n\n“Second part,” he said.",
            [("First part.\n\n“Second part,", 0, True)],
        ),
        (
            '"One.\n"Two.\n"Three." Done.',
            [('One.\n"Two.\n"Three.', 0, True)],
        ),
        (
            "“One.\n\n“Two, never closed.\n\nPlain text.",
            [("One.\n\n“Two, never closed.", 0, False)],
        ),
    ],
)
def test_quote_spans_continuation(text: str, expected: Expected) -> None:
    assert spans_of(text) == expected


def test_quote_spans_continuation_offsets() -> None:
    text = "“First part.\n\n“Second part,” he said."
    (span,) = find_quote_spans(text, MARKS_EN)
    assert (span.open_mark, span.close_mark, span.paragraph) == (0, text.index("”"), 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He said “this never closes.\n\nThen she said “hello” to all.",
            [("this never closes.", 0, False), ("hello", 0, True)],
        ),
        (
            'A "broken one\nB "fine" here',
            [("broken one", 0, False), ("fine", 0, True)],
        ),
        (
            "“A, he said. “B,” she added.",
            [("A, he said.", 0, False), ("B,", 0, True)],
        ),
    ],
)
def test_quote_spans_unclosed_opener(text: str, expected: Expected) -> None:
    assert spans_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It went on and on.” He left. “Bye”",
            [("It went on and on.", 0, False), ("Bye", 0, True)],
        ),
        ('  Continued here," he said.', [("Continued here,", 0, False)]),
        ("“A” and then B.” more", [("A", 0, True)]),
    ],
)
def test_quote_spans_orphan_closer(text: str, expected: Expected) -> None:
    assert spans_of(text) == expected


def test_quote_spans_orphan_closer_offsets() -> None:
    text = "Intro.\n  It went on.” He left."
    (span,) = find_quote_spans(text, MARKS_EN)
    assert (span.start, span.open_mark, span.close_mark, span.paragraph) == (9, None, 20, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Use a 6" pipe.', []),
        ("He is 5'10\" tall and 5’2” wide.", []),
        ('"I was born in 1999" he said.', [("I was born in 1999", 0, True)]),
        ('A 6" pipe, he said "no" twice.', [("no", 0, True)]),
    ],
)
def test_quote_spans_inch_marks(text: str, expected: Expected) -> None:
    assert spans_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"A," he said, "B."', [("A,", 0, True), ("B.", 0, True)]),
        ("“A,” he said, “B.”", [("A,", 0, True), ("B.", 0, True)]),
        ("''A,'' he said. ''B.''", [("A,", 0, True), ("B.", 0, True)]),
    ],
)
def test_quote_spans_split_quote(text: str, expected: Expected) -> None:
    assert spans_of(text) == expected


def test_quote_spans_split_quote_offsets() -> None:
    spans = find_quote_spans('"A," he said, "B."', MARKS_EN)
    assert [(s.start, s.end, s.open_mark, s.close_mark) for s in spans] == [
        (1, 3, 0, 3),
        (15, 17, 14, 17),
    ]


@pytest.mark.parametrize(
    "text",
    ['He said "" and “ ” and “...”', "A ‘ ’ or '!' or “—”.", '"\n"', "“", "”"],
)
def test_quote_spans_empty_dropped(text: str) -> None:
    assert spans_of(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "''Good news,'' he said. ''He said, 'Wait.' Then left.''",
            [("Good news,", 0, True), ("He said, 'Wait.' Then left.", 0, True), ("Wait.", 1, True)],
        ),
        ("it,''' he recalled", [("it,'", 0, False)]),
        ("'''Hi,' he said,'' she said", [("'Hi,' he said,", 0, True), ("Hi,", 1, True)]),
    ],
)
def test_quote_spans_doubled_apostrophes(text: str, expected: Expected) -> None:
    assert spans_of(text) == expected


def test_quote_spans_doubled_apostrophe_offsets() -> None:
    (span,) = find_quote_spans("''Hi there''", MARKS_EN)
    assert (span.outer_start, span.start, span.end, span.outer_end) == (0, 2, 10, 12)


def test_quote_spans_sorted_by_start_then_depth() -> None:
    text = "“‘Inner’ outer” and “x ‘y z’”"
    spans = find_quote_spans(text, MARKS_EN)
    assert [(s.start, s.depth) for s in spans] == sorted((s.start, s.depth) for s in spans)
    assert [text[s.start : s.end] for s in spans] == ["‘Inner’ outer", "Inner", "x ‘y z’", "y z"]


def test_quote_spans_mark_data_consistent() -> None:
    assert OPENERS | CLOSERS | AMBIGUOUS == MARKS
    for opener, closers in PAIRS.items():
        assert set(opener) <= MARKS
        assert all(set(closer) <= MARKS for closer in closers)
    for mark in OPENERS | AMBIGUOUS:
        assert mark in PAIRS
