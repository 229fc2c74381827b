"""Quotation marks as lexicon data: ``QuoteMarks``, its checks, its JSON form, and a
custom set reaching the pairer, the chunk planner and fast mode's selector."""

from __future__ import annotations

import dataclasses
import json

import pytest
import spacy

from quoteattr.lang.en import EN_LEXICON
from quoteattr.lexicon import Lexicon
from quoteattr.marks import QuoteMarks
from quoteattr.stages.chunking import Chunk, plan_chunks
from quoteattr.stages.quote_spans import find_quote_spans
from quoteattr.stages.selection import SentenceSelector

EN = EN_LEXICON.quote_marks
#: Guillemets only: straight and curly marks quote nothing.
GUILLEMETS = QuoteMarks(openers={"«"}, closers={"»"}, double={"«", "»"}, pairs={"«": {"»"}})


def _quoted(text: str, marks: QuoteMarks) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text, marks)]


def test_marks_custom_set_reaches_the_pairer() -> None:
    text = 'He said "one" and «two».'
    assert _quoted(text, EN) == ["one", "two"]
    assert _quoted(text, GUILLEMETS) == ["two"]
    assert _quoted(text, QuoteMarks()) == []


def test_marks_leading_elisions_are_data() -> None:
    text = "She told them 'get 'em all back' before noon."
    assert _quoted(text, EN) == ["get 'em all back"]
    no_elisions = dataclasses.replace(EN, leading_elisions=frozenset())
    assert _quoted(text, no_elisions) == ["em all back"]


def test_marks_doubled_apostrophe_can_be_turned_off() -> None:
    text = "He said ''we won'' today."
    assert _quoted(text, EN) == ["we won"]  # one double quotation
    plain = dataclasses.replace(
        EN,
        doubled_apostrophe="",
        pairs={k: v - {"''"} for k, v in EN.pairs.items() if k != "''"},
        continuation_openers=EN.continuation_openers - {"''"},
    )
    assert _quoted(text, plain) == ["'we won'", "we won"]  # two single ones, nested


def test_marks_chunk_borders_follow_the_lexicon_marks() -> None:
    # a quotation over four paragraphs, each opened again (news style)
    quote = "\n\n".join(["«Word word word word word."] * 4) + "»"
    other = "\n\n".join(["Other words here, more words."] * 3)
    text = f"{other}\n\n{quote}\n\n{other}"
    inside = range(text.index("«") + 1, text.index("»"))
    en_cuts = [c.start for c in plan_chunks(text, 60, EN, context_chars=0)[1:]]
    plain = [c.start for c in plan_chunks(text, 60, QuoteMarks(), context_chars=0)[1:]]
    assert all(cut not in inside for cut in en_cuts)  # never inside the quotation
    assert any(cut in inside for cut in plain)  # no marks: paragraph borders inside it


def test_marks_fast_mode_selector_reads_the_lexicon_marks() -> None:
    text = "Rain fell. A sign on the shop «Closed today» hung there. Boats sank."
    chunk = Chunk(0, 0, len(text))
    lexicon = dataclasses.replace(EN_LEXICON, quote_marks=GUILLEMETS)
    selected = SentenceSelector(lexicon, context=0).select(text, chunk).text
    assert selected == "A sign on the shop «Closed today» hung there."
    bare = dataclasses.replace(EN_LEXICON, quote_marks=QuoteMarks())
    assert SentenceSelector(bare, context=0).select(text, chunk).text == ""


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"openers": {"<<"}, "double": {"<<"}}, "openers: '<<' is not one character"),
        ({"openers": {"“"}}, "openers: '“' is neither double nor single"),
        ({"double": {"'"}, "single": {"'"}}, 'double and single: "\'" is both'),
        ({"single": {"‘"}, "apostrophes": {"’"}}, "apostrophes: '’' is not single"),
        ({"doubled_apostrophe": "'`"}, 'doubled_apostrophe: "\'`" is not one character twice'),
        ({"double": {"“"}, "pairs": {"“": {"”"}}}, "pairs: '“' cannot open"),
        (
            {"openers": {"“"}, "double": {"“"}, "pairs": {"“": {"”"}}},
            "pairs: '“' -> '”' cannot close",
        ),
        ({"leading_elisions": {"Em"}}, "leading_elisions: 'Em' is not a lower-case word"),
    ],
)
def test_marks_bad_entries_are_named(kwargs: dict[str, object], problem: str) -> None:
    with pytest.raises(ValueError, match=r"\[QA049\]") as info:
        QuoteMarks(**kwargs)  # type: ignore[arg-type]
    assert problem in str(info.value)


def test_marks_english_set_is_valid_and_round_trips() -> None:
    assert len(EN.marks) == 19
    assert QuoteMarks.from_data(json.loads(json.dumps(EN.to_data()))) == EN
    assert hash(QuoteMarks.from_data(EN.to_data())) == hash(EN)
    with pytest.raises(ValueError, match="unknown fields"):
        QuoteMarks.from_data({"openers": ["“"], "closing": ["”"]})


def test_marks_lexicon_json_carries_them() -> None:
    lexicon = dataclasses.replace(EN_LEXICON, quote_marks=GUILLEMETS)
    back = Lexicon.from_json(lexicon.to_json())
    assert back.quote_marks == GUILLEMETS
    assert back == lexicon
    assert back != EN_LEXICON
    as_dict = Lexicon(verbs={"say": "statement"}, quote_marks=GUILLEMETS.to_data())  # type: ignore[arg-type]
    assert as_dict.quote_marks == GUILLEMETS


def test_marks_lexicon_file_of_an_earlier_version_takes_missing_tables_from_defaults() -> None:
    data = json.loads(EN_LEXICON.to_json())
    del data["quote_marks"], data["authoring_verbs"]  # tables an earlier version lacked
    old = json.dumps(data)
    assert Lexicon.from_json(old).quote_marks == QuoteMarks()
    assert Lexicon.from_json(old).authoring_verbs == frozenset()
    restored = Lexicon.from_json(old, defaults=EN_LEXICON)
    assert restored == EN_LEXICON


def test_marks_component_restores_an_earlier_lexicon_file_with_its_own_tables() -> None:
    data = json.loads(EN_LEXICON.to_json())
    del data["quote_marks"]
    data["verbs"] = {**data["verbs"], "chirp": "statement"}
    pipe = spacy.blank("en").add_pipe("quoteattr")
    pipe.from_bytes(spacy.util.to_bytes({"lexicon": lambda: json.dumps(data)}, []))
    assert pipe.lexicon.verbs["chirp"] == "statement"
    assert pipe.lexicon.quote_marks == EN
