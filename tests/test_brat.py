"""Gold from brat standoff attribution files (``evaluation.brat``), on invented texts in
``tests/fixtures/brat/train`` laid out as PolNeAR releases its data (``attributions/``
beside ``text/``, one ``.ann`` per article and annotator)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from quoteattr.cli import main
from quoteattr.evaluation import load_gold, read_brat

BRAT = Path(__file__).resolve().parent / "fixtures" / "brat" / "train"


def _rows(path: Path) -> list[tuple[str, list[tuple[object, ...]]]]:
    return [
        (
            d.id,
            [(q["text"], q["type"], q["speaker"], q["cue"]) for q in d.quotes],
        )
        for d in read_brat(path)
    ]


def test_brat_records_of_each_article() -> None:
    assert _rows(BRAT) == [
        (
            "train/pier_story#a1",
            [
                ("We will reopen the pier by May,", "direct", "Mara Quist", "said"),
                # one content with a letter between its fragments: a record per stretch,
                # typed together (one fragment is quoted in part)
                ("The repairs", "mixed", "Quist", "added"),
                ('would cost "far less than feared" this year', "mixed", "Quist", "added"),
            ],
        ),
        (
            "train/sales_note#a1",
            [
                ("Sales fell", "indirect", "the company", "said"),
                ("a hard quarter", "direct", None, "called"),  # no source annotated
            ],
        ),
    ]


def test_brat_offsets_give_the_texts() -> None:
    for doc in read_brat(BRAT):
        for q in doc.quotes:
            assert doc.text[q["start"] : q["end"]] == q["text"]
            if q["speaker"] is not None:
                assert doc.text[q["speaker_start"] : q["speaker_end"]] == q["speaker"]
            assert doc.text[q["cue_start"] : q["cue_end"]] == q["cue"]


def test_brat_reads_the_attributions_folder_itself_and_load_gold_reads_folders() -> None:
    assert _rows(BRAT / "attributions") == _rows(BRAT)
    assert load_gold(BRAT) == read_brat(BRAT)


def test_brat_fragments_with_only_punctuation_between_are_one_record(tmp_path: Path) -> None:
    text = 'She said: "Rates will rise. Soon." Then left.'
    a, b = text.index('"Rates'), text.index("Soon.")  # '"Rates will rise.' and 'Soon."'
    (tmp_path / "note.txt").write_text(text, encoding="utf-8")
    (tmp_path / "note.ann").write_text(
        f"T1\tContent {a} {a + 17};{b} {b + 6}\t{text[a : a + 17]} {text[b : b + 6]}\n"
        "E1\tAttribution:T2 Content:T1\n",
        encoding="utf-8",
    )
    (doc,) = read_brat(tmp_path)
    assert doc.id == f"{tmp_path.name}/note"
    assert [(q["text"], q["type"]) for q in doc.quotes] == [("Rates will rise. Soon.", "direct")]


@pytest.mark.parametrize(
    ("ann", "message"),
    [
        ("T1\tContent 0 5\tWrong\nE1\tAttribution:T2 Content:T1\n", "line 1: offsets '0 5'"),
        ("T1\tContent 0 x\tHello\n", "line 1: bad offsets '0 x'"),
        ("T1\tContent 0 99\tHello\n", "line 1: offsets '0 99'"),
    ],
)
def test_brat_bad_annotation_is_named(tmp_path: Path, ann: str, message: str) -> None:
    (tmp_path / "a.txt").write_text("Hello there.", encoding="utf-8")
    (tmp_path / "a.ann").write_text(ann, encoding="utf-8")
    with pytest.raises(ValueError, match=r"a\.ann") as info:
        read_brat(tmp_path)
    assert message in str(info.value)


def test_brat_missing_text_or_files_are_named(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"no brat \.ann files"):
        read_brat(tmp_path)
    (tmp_path / "lonely_x1.ann").write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match=r"no text file lonely_x1\.txt or lonely\.txt"):
        read_brat(tmp_path)


def test_brat_line_ends_are_kept_as_brat_counts_them(tmp_path: Path) -> None:
    text = 'Intro.\r\n"Go now," he said.'
    start = text.index("Go")
    (tmp_path / "crlf.txt").write_bytes(text.encode("utf-8"))
    (tmp_path / "crlf.ann").write_text(
        f"T1\tContent {start - 1} {start + 8}\t{text[start - 1 : start + 8]}\n"
        "E1\tAttribution:T2 Content:T1\n",
        encoding="utf-8",
    )
    (doc,) = read_brat(tmp_path)
    assert doc.text == text
    assert [q["text"] for q in doc.quotes] == ["Go now,"]


def test_brat_evaluate_reads_a_folder_and_saves_the_gold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = tmp_path / "gold.jsonl"
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as fh:  # predictions: the gold itself
        for doc in read_brat(BRAT):
            fh.write(json.dumps({"id": doc.id, "quotes": list(doc.quotes)}) + "\n")
    code = main(
        ["evaluate", str(BRAT), "--predictions", str(pred), "--save-gold", str(gold), "--json"]
    )
    assert code == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["all"]["e2e"]["F1"] == 1.0
    assert load_gold(gold) == read_brat(BRAT)


def test_brat_copy_of_the_layout_reads_the_same(tmp_path: Path) -> None:
    copy = tmp_path / "dev"
    shutil.copytree(BRAT, copy)
    assert [(i.replace("dev/", "train/"), r) for i, r in _rows(copy)] == _rows(BRAT)
