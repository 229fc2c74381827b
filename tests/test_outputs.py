"""Output writers, atomic files and resume ids, on hand-built quotes (no model)."""

from __future__ import annotations

import csv
import importlib
import io
import json
import os
import re
import stat
from pathlib import Path
from types import ModuleType

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from quoteattr.errors import QuoteattrError
from quoteattr.io.outputs import (
    AtomicFile,
    check_output,
    empty_ids_path,
    format_for_path,
    make_writer,
    read_done_ids,
    read_empty_ids,
    read_extra_columns,
    write_empty_ids,
)
from quoteattr.io.rows import COLUMNS, quote_record
from quoteattr.models import Cue, Quote, Speaker, TextSpan

TEXT = '"We will rebuild," Mara Vell said. Ann Lee said that taxes will rise.'


def make_quotes() -> list[Quote]:
    mara = Speaker(
        id=0,
        name="Mara Vell",
        mention=TextSpan(text="Mara Vell", start=19, end=28),
        role='spokesperson, "ports"',
        entity_type="person",
    )
    return [
        Quote(
            text="We will rebuild,",
            start=1,
            end=17,
            type="direct",
            cue=Cue(text="said", start=29, end=33, cue_class="statement", lemma="say"),
            speaker=mara,
            confidence=0.95,
            sentence=0,
            paragraph=0,
            rule="quote_cue",
        ),
        Quote(
            text="that taxes will rise",
            start=48,
            end=68,
            type="indirect",
            confidence=0.1 + 0.2,  # a float that needs all its digits
            sentence=1,
            paragraph=0,
            rule="verb_content",
        ),
    ]


DOCS: list[tuple[str, list[Quote]]] = [("a.txt", make_quotes()), ("b\n,é.txt", [])]


def write_all(fmt: str, **kw: bool) -> str:
    out = io.StringIO()
    writer = make_writer(fmt, out, None, **kw)
    for doc_id, quotes in DOCS:
        writer.write(doc_id, quotes)
    writer.close()
    return out.getvalue()


def test_outputs_quotes_fit_the_text() -> None:
    for q in make_quotes():
        assert TEXT[q.start : q.end] == q.text


def test_outputs_jsonl_one_record_per_quote() -> None:
    lines = write_all("jsonl").splitlines()
    assert [json.loads(line) for line in lines] == [
        {"doc_id": "a.txt", **q.model_dump(mode="json")} for q in make_quotes()
    ]


def test_outputs_json_list_of_documents() -> None:
    data = json.loads(write_all("json"))
    assert data == [
        {"doc_id": "a.txt", "quotes": [q.model_dump(mode="json") for q in make_quotes()]},
        {"doc_id": "b\n,é.txt", "quotes": []},
    ]


def test_outputs_json_without_documents_is_an_empty_list() -> None:
    out = io.StringIO()
    writer = make_writer("json", out, None)
    writer.close()
    assert json.loads(out.getvalue()) == []


def expected_csv_rows() -> list[dict[str, str]]:
    return [
        {k: "" if v is None else str(v) for k, v in quote_record("a.txt", i, q).items()}
        for i, q in enumerate(make_quotes())
    ]


def test_outputs_csv_header_and_rows() -> None:
    text = write_all("csv")
    reader = csv.DictReader(io.StringIO(text))
    assert reader.fieldnames == [name for name, _ in COLUMNS]
    assert list(reader) == expected_csv_rows()


def test_outputs_csv_append_has_no_header() -> None:
    text = write_all("csv", header=False)
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 2
    assert rows[0][0] == "a.txt"


def test_outputs_table_names_documents_and_speakers() -> None:
    assert write_all("table") == (
        "== a.txt: 2 quote(s)\n"
        '- Mara Vell [spokesperson, "ports"] | said | direct | We will rebuild,\n'
        "- ? | - | indirect | that taxes will rise\n\n"
        "== b\n,é.txt: 0 quote(s)\n\n"
    )


def test_outputs_parquet_schema_and_rows(tmp_path: Path) -> None:
    path = tmp_path / "q.parquet"
    writer = make_writer("parquet", None, str(path))
    for doc_id, quotes in DOCS:
        writer.write(doc_id, quotes)
    writer.close()
    table = pq.read_table(path)
    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
    assert table.schema == pa.schema([pa.field(n, types[t]) for n, t in COLUMNS])
    assert table.to_pylist() == [quote_record("a.txt", i, q) for i, q in enumerate(make_quotes())]


def test_outputs_parquet_without_pyarrow_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.import_module

    def fake(name: str, package: str | None = None) -> ModuleType:
        if name.startswith("pyarrow"):
            raise ImportError("No module named 'pyarrow'")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", fake)
    with pytest.raises(QuoteattrError, match=r"pip install 'quoteattr\[parquet\]'"):
        check_output("parquet", "q.parquet")


@pytest.mark.parametrize(
    ("fmt", "output", "resume", "message"),
    [
        ("parquet", None, False, r"\[QA009\] Parquet output needs a file"),
        ("json", "q.json", True, "--resume needs -o FILE with --format jsonl or csv"),
        ("jsonl", None, True, "--resume needs -o FILE with --format jsonl or csv"),
    ],
)
def test_outputs_check_output_rejects(
    fmt: str, output: str | None, resume: bool, message: str
) -> None:
    with pytest.raises((QuoteattrError, ValueError), match=message):
        check_output(fmt, output, resume=resume)


@pytest.mark.parametrize(
    ("path", "fmt"),
    [("q.CSV", "csv"), ("a/q.parquet", "parquet"), ("q.json", "json"), ("q.ndjson", "jsonl")],
)
def test_outputs_format_for_path(path: str, fmt: str) -> None:
    assert format_for_path(path) == fmt


@pytest.mark.issue(14)
def test_outputs_unknown_suffix_is_refused_unless_format_given(tmp_path: Path) -> None:
    out = str(tmp_path / "out.xyz")
    assert format_for_path(out) is None
    with pytest.raises(
        QuoteattrError, match=r"\[QA040\] Cannot tell the output format of .*out\.xyz"
    ):
        check_output(None, out)
    assert check_output("jsonl", out) == "jsonl"
    assert check_output(None, None) == "jsonl"


@pytest.mark.issue(14)
def test_outputs_missing_folder_names_the_users_path(tmp_path: Path) -> None:
    out = str(tmp_path / "no" / "dir" / "x.jsonl")
    with pytest.raises(QuoteattrError) as exc:
        check_output(None, out)
    assert str(exc.value) == (
        f"[QA041] Cannot write {out}: the folder {tmp_path / 'no' / 'dir'} does not exist. "
        "Create it first, or choose another -o file."
    )
    with pytest.raises(OSError, match=rf"cannot write {re.escape(out)}: No such file"):
        AtomicFile(out)


FIELDS = {"url": "https://x/a", "source": "Wire", "tags": ["a", "b"]}


@pytest.mark.issue(14)
def test_outputs_pass_through_fields_in_every_format(tmp_path: Path) -> None:
    quotes = make_quotes()
    out = io.StringIO()
    writer = make_writer("jsonl", out, None)
    writer.write("a.txt", quotes[:1], FIELDS)
    first = json.loads(out.getvalue())
    assert (first["doc_id"], first["url"], first["doc_source"], first["tags"]) == (
        "a.txt", "https://x/a", "Wire", ["a", "b"]
    )  # fmt: skip
    assert first["text"] == quotes[0].text  # the quote's own fields are untouched
    out = io.StringIO()
    writer = make_writer("json", out, None)
    writer.write("a.txt", [], FIELDS)
    writer.close()
    assert json.loads(out.getvalue()) == [
        {"doc_id": "a.txt", "url": "https://x/a", "doc_source": "Wire", "tags": ["a", "b"],
         "quotes": []}
    ]  # fmt: skip
    out = io.StringIO()
    writer = make_writer("csv", out, None)
    writer.write("a.txt", quotes, FIELDS)
    writer.write("b.txt", quotes[:1], {"url": "u2", "other": "dropped"})
    writer.close()
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0])[-3:] == ["url", "doc_source", "tags"]
    assert [(r["doc_id"], r["url"], r["doc_source"], r["tags"]) for r in rows] == [
        ("a.txt", "https://x/a", "Wire", '["a", "b"]'),
        ("a.txt", "https://x/a", "Wire", '["a", "b"]'),
        ("b.txt", "u2", "", ""),
    ]
    path = tmp_path / "q.parquet"
    writer = make_writer("parquet", None, str(path))
    writer.write("a.txt", quotes[:1], FIELDS)
    writer.close()
    table = pq.read_table(path)
    assert table.column_names[-3:] == ["url", "doc_source", "tags"]
    assert table.to_pylist()[0]["tags"] == '["a", "b"]'


def test_outputs_csv_appends_with_the_files_columns(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    out = io.StringIO()
    writer = make_writer("csv", out, None)
    writer.write("a.txt", make_quotes()[:1], {"url": "u1"})
    path.write_text(out.getvalue(), encoding="utf-8")
    assert read_extra_columns(str(path)) == ["url"]
    assert read_done_ids(str(path), "csv") == {"a.txt"}


def temp_files(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_outputs_atomic_file_replaces_only_on_commit(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text("old\n", encoding="utf-8")
    target = AtomicFile(str(path))
    assert target.stream is not None
    target.stream.write("new\n")
    assert path.read_text(encoding="utf-8") == "old\n"
    assert len(temp_files(tmp_path)) == 1
    target.commit()
    assert path.read_text(encoding="utf-8") == "new\n"
    assert temp_files(tmp_path) == []


def test_outputs_atomic_file_discard_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text("old\n", encoding="utf-8")
    target = AtomicFile(str(path), copy_existing=True)
    assert target.stream is not None
    target.stream.write("appended\n")
    target.discard()
    assert path.read_text(encoding="utf-8") == "old\n"
    assert temp_files(tmp_path) == []


def test_outputs_atomic_file_copy_existing_appends(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text("old\n", encoding="utf-8")
    os.chmod(path, 0o640)
    target = AtomicFile(str(path), copy_existing=True)
    assert target.stream is not None
    target.stream.write("new\n")
    target.commit()
    assert path.read_text(encoding="utf-8") == "old\nnew\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_outputs_atomic_file_new_file_follows_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = AtomicFile(str(tmp_path / "new.csv"))
        target.commit()
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == 0o644


def test_outputs_read_done_ids(tmp_path: Path) -> None:
    jsonl = tmp_path / "q.jsonl"
    jsonl.write_text(write_all("jsonl"), encoding="utf-8")
    table = tmp_path / "q.csv"
    table.write_text(write_all("csv"), encoding="utf-8")
    assert read_done_ids(str(jsonl), "jsonl") == {"a.txt"}
    assert read_done_ids(str(table), "csv") == {"a.txt"}
    assert read_done_ids(str(tmp_path / "none.jsonl"), "jsonl") == set()


@pytest.mark.parametrize(
    ("name", "content", "fmt", "line"),
    [("q.jsonl", '{"doc_id": "a"}\nnot json\n', "jsonl", 2), ("q.csv", "x,y\n1,2\n", "csv", 1)],
)
def test_outputs_read_done_ids_rejects_foreign_files(
    tmp_path: Path, name: str, content: str, fmt: str, line: int
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(QuoteattrError, match=rf"\[QA010\] Cannot resume from .*: line {line} "):
        read_done_ids(str(path), fmt)


def test_outputs_empty_ids_round_trip(tmp_path: Path) -> None:
    path = str(tmp_path / "q.jsonl")
    write_empty_ids(path, ["b\n,é.txt", "a", "a"])
    assert Path(empty_ids_path(path)).read_text(encoding="utf-8") == '"a"\n"b\\n,é.txt"\n'
    assert read_empty_ids(path) == {"a", "b\n,é.txt"}
    write_empty_ids(path, [])
    assert not Path(empty_ids_path(path)).exists()
    assert read_empty_ids(path) == set()


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_outputs_speaker_label_is_written_and_read_back(fmt: str) -> None:
    text = write_all(fmt)
    if fmt == "jsonl":
        records = [json.loads(line) for line in text.splitlines()]
    else:
        records = [q for doc in json.loads(text) for q in doc["quotes"]]
    assert records[0]["speaker"]["label"] == "Mara Vell"
    fields = {k: v for k, v in records[0].items() if k in Quote.model_fields}
    assert Quote.model_validate(fields) == make_quotes()[0]
