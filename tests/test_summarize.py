"""summarize(): speakers ranked by quotes; its formats; ``quoteattr summarize``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from quoteattr import CorpusSummary, summarize
from quoteattr.cli import main
from quoteattr.io.batch import BatchReport
from quoteattr.models import EntityType, Quote, Speaker, TextSpan
from quoteattr.summarize import (
    DocumentSummary,
    SpeakerSummary,
    format_summary,
    read_extract_jsonl,
)

EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "examples"
EXAMPLE_FILES = sorted(EXAMPLES_DIR.glob("*.txt"))


def quote(name: str | None, role: str | None = None, etype: str = "person") -> Quote:
    speaker = None
    if name is not None:
        mention = TextSpan(text=name, start=0, end=len(name))
        speaker = Speaker(id=0, name=name, mention=mention, role=role, entity_type=etype)
    return Quote(
        text="x",
        start=0,
        end=1,
        type="direct",
        speaker=speaker,
        confidence=0.9,
        sentence=0,
        paragraph=0,
        rule="quote_cue",
    )


RESULTS = [
    ("a", [quote("Ann Lee", "mayor"), quote("Bo Ng"), quote("Ann Lee"), quote(None)]),
    ("b", [quote("Bo Ng", "MP"), quote("Ann Lee", "the mayor"), quote("Ann Lee", "mayor")]),
    ("c", []),
    ("d", [quote("City Hall", etype="organization"), quote("City Hall", etype="place")]),
]


def sp(name: str, quotes: int, docs: int, etype: str, roles: list[str]) -> SpeakerSummary:
    return SpeakerSummary(
        name=name, quotes=quotes, documents=docs, entity_type=EntityType(etype), roles=roles
    )


def test_summarize_ranks_corpus_speakers() -> None:
    summary = summarize(RESULTS)
    assert summary == CorpusSummary(
        documents=4,
        quotes=9,
        unattributed=1,
        speakers=[
            sp("Ann Lee", 4, 2, "person", ["mayor", "the mayor"]),
            sp("Bo Ng", 2, 2, "person", ["MP"]),
            sp("City Hall", 2, 1, "organization", []),
        ],
    )


def test_summarize_per_document() -> None:
    docs = summarize(RESULTS, per_document=True).per_document
    assert docs == [
        DocumentSummary(
            doc_id="a",
            quotes=4,
            unattributed=1,
            speakers=[sp("Ann Lee", 2, 1, "person", ["mayor"]), sp("Bo Ng", 1, 1, "person", [])],
        ),
        DocumentSummary(
            doc_id="b",
            quotes=3,
            unattributed=0,
            speakers=[
                sp("Ann Lee", 2, 1, "person", ["mayor", "the mayor"]),
                sp("Bo Ng", 1, 1, "person", ["MP"]),
            ],
        ),
        DocumentSummary(doc_id="c", quotes=0, unattributed=0, speakers=[]),
        DocumentSummary(
            doc_id="d",
            quotes=2,
            unattributed=0,
            speakers=[sp("City Hall", 2, 1, "organization", [])],
        ),
    ]


def test_summarize_empty() -> None:
    assert summarize([]) == CorpusSummary(documents=0, quotes=0, unattributed=0, speakers=[])


def test_summarize_table_format() -> None:
    text = format_summary(summarize(RESULTS[:2], per_document=True), "table", top=1)
    assert text == (
        "== corpus: 2 document(s), 7 quote(s), 1 unattributed\n"
        "  #  quotes  docs  speaker  type          roles\n"
        "  1       4     2  Ann Lee  person        mayor; the mayor\n"
        "\n"
        "== a: 4 quote(s), 1 unattributed\n"
        "  #  quotes  docs  speaker  type          roles\n"
        "  1       2     1  Ann Lee  person        mayor\n"
        "\n"
        "== b: 3 quote(s), 0 unattributed\n"
        "  #  quotes  docs  speaker  type          roles\n"
        "  1       2     1  Ann Lee  person        mayor; the mayor\n"
    )


def test_summarize_csv_format() -> None:
    text = format_summary(summarize(RESULTS, per_document=True), "csv", top=0)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == [
        "level",
        "doc_id",
        "rank",
        "speaker",
        "quotes",
        "documents",
        "entity_type",
        "roles",
    ]
    assert rows[1:4] == [
        ["corpus", "", "1", "Ann Lee", "4", "2", "person", "mayor; the mayor"],
        ["corpus", "", "2", "Bo Ng", "2", "2", "person", "MP"],
        ["corpus", "", "3", "City Hall", "2", "1", "organization", ""],
    ]
    assert [r[:4] for r in rows[4:]] == [
        ["document", "a", "1", "Ann Lee"],
        ["document", "a", "2", "Bo Ng"],
        ["document", "b", "1", "Ann Lee"],
        ["document", "b", "2", "Bo Ng"],
        ["document", "d", "1", "City Hall"],
    ]


def test_summarize_json_format_respects_top() -> None:
    summary = summarize(RESULTS, per_document=True)
    data = json.loads(format_summary(summary, "json", top=1))
    assert data["speakers"] == [summary.speakers[0].model_dump(mode="json")]
    assert [len(d["speakers"]) for d in data["per_document"]] == [1, 1, 0, 1]
    full = CorpusSummary.model_validate_json(format_summary(summary, "json", top=0))
    assert full == summary


def test_summarize_reads_extract_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    lines = [
        json.dumps({"doc_id": doc_id, **q.model_dump(mode="json"), "url": "passed through"})
        for doc_id, qs in RESULTS
        for q in qs
    ]
    lines.insert(2, "not json")
    lines.insert(3, json.dumps({"doc_id": "a", "text": "no offsets"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = BatchReport()
    errors = io.StringIO()
    got = list(read_extract_jsonl([str(path), str(tmp_path / "none.jsonl")], report, errors))
    assert got == [(i, qs) for i, qs in RESULTS if qs]
    assert report.failed == 3
    assert errors.getvalue().splitlines() == [
        f"quoteattr: cannot read {path}:3: not an extract record "
        "(JSONDecodeError: Expecting value: line 1 column 1 (char 0))",
        f"quoteattr: cannot read {path}:4: not a quote (7 validation error(s))",
        f"quoteattr: cannot read {tmp_path / 'none.jsonl'}: No such file or directory",
    ]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.model
def test_summarize_cli_equals_api(extractor, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(
        ["summarize", str(EXAMPLES_DIR), "--format", "json", "--top", "0", "--per-document"],
        capsys,
    )
    assert code == 0
    assert err == "quoteattr: 3 document(s) done, 0 failed\n"
    expected = summarize(
        [(str(p), extractor.extract(p.read_text(encoding="utf-8"))) for p in EXAMPLE_FILES],
        per_document=True,
    )
    assert CorpusSummary.model_validate_json(out) == expected


@pytest.mark.model
def test_summarize_cli_from_extract_output(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out_path = tmp_path / "q.jsonl"
    assert run(["extract", str(EXAMPLES_DIR), "-o", str(out_path), "-q"], capsys)[0] == 0
    opts = ["--format", "csv", "--top", "3", "-q"]
    _, direct, _ = run(["summarize", str(EXAMPLES_DIR), *opts], capsys)
    code, from_file, err = run(["summarize", "--from-jsonl", str(out_path), *opts], capsys)
    assert (code, err) == (0, "")
    assert from_file == direct
    assert len(from_file.splitlines()) == 4  # header + the top 3 speakers


@pytest.mark.model
def test_summarize_cli_reports_failures(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "missing.txt"
    code, out, err = run(["summarize", str(EXAMPLE_FILES[0]), str(missing)], capsys)
    assert code == 1
    assert out.startswith("== corpus: 1 document(s), ")
    assert err.splitlines() == [
        f"quoteattr: cannot read {missing}: No such file or directory",
        "quoteattr: 1 document(s) done, 1 failed",
    ]


@pytest.mark.issue(14)
def test_summarize_cli_empty_folder_is_an_error(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(["summarize", str(tmp_path)], capsys)
    assert (code, out) == (2, "")
    assert err.startswith(f"quoteattr: error: [QA043] No document to read in {tmp_path}.")


def test_summarize_groups_unnamed_sources_by_mention() -> None:
    mention = TextSpan(text="a senior official", start=0, end=17)
    anon = Speaker(id=0, name=None, mention=mention, entity_type=EntityType.ANONYMOUS)
    quote = Quote(text="x", start=20, end=21, type="indirect", speaker=anon, confidence=0.5,
                  sentence=0, paragraph=0, rule="r")  # fmt: skip
    summary = summarize([("d", [quote, quote])])
    assert [(s.name, s.quotes, s.entity_type) for s in summary.speakers] == [
        ("a senior official", 2, EntityType.ANONYMOUS)
    ]


@pytest.mark.issue(14)
def test_summarize_json_names_documents_doc_id() -> None:
    data = json.loads(format_summary(summarize(RESULTS, per_document=True), "json"))
    assert list(data["per_document"][0]) == ["doc_id", "quotes", "unattributed", "speakers"]
    assert [d["doc_id"] for d in data["per_document"]] == [i for i, _ in RESULTS]
