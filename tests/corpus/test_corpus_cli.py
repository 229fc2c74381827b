"""``quoteattr corpus`` on the JSON Lines of extract: the tables, their columns, the report."""

from __future__ import annotations

import csv
import json
import warnings
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

from quoteattr.cli import main  # noqa: E402
from quoteattr.corpus import TABLES  # noqa: E402

from .corpus_docs import BRIDGE, RuleExtractor, corpus  # noqa: E402


def extract_jsonl(path: Path) -> Path:
    """The invented corpus as ``quoteattr extract`` writes it, with site and day fields."""
    lines = []
    for r in corpus():
        mention = {"text": r.name or "an official", "start": 0, "end": len(r.name or "x")}
        speaker = {"id": r.speaker_id, "name": r.name, "mention": mention,
                   "entity_type": r.entity_type, "role": r.role, "role_title": r.role_title,
                   "gender": r.gender}  # fmt: skip
        row = {"doc_id": r.doc_id, "text": r.text, "start": 0, "end": len(r.text),
               "type": r.type, "speaker": speaker, "site": r.outlet, "day": r.date,
               "url": f"https://example.org/{r.doc_id}"}  # fmt: skip
        lines.append(json.dumps(row))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_corpus_cli_writes_every_table_and_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = extract_jsonl(tmp_path / "quotes.jsonl")
    out = tmp_path / "out"
    argv = ["corpus", "--from-jsonl", str(source), "--outlet-field", "site",
            "--date-field", "day", "-o", str(out)]  # fmt: skip
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 0
    assert err == (
        f"quoteattr: 7 quote(s), 4 corpus speaker(s), 2 quotation(s) in 2+ documents; "
        f"wrote 25 file(s) to {out}\n"
    )
    for name, columns in TABLES.items():
        with (out / f"{name}.csv").open(encoding="utf-8") as handle:
            header = next(csv.reader(handle))
        extra = ["url"] if name == "quotes" else []
        assert header == [*columns, *extra], name
        assert list(pd.read_parquet(out / f"{name}.parquet").columns) == header
    page = (out / "report.html").read_text(encoding="utf-8")
    assert page.count("<svg") == 6 and "<script" not in page
    by_outlet = pd.read_csv(out / "by_outlet.csv")
    assert by_outlet.values.tolist() == [
        ["Coast Daily", 1, 1, 1],
        ["Harbour Post", 1, 2, 2],
        ["Ridge News", 1, 2, 2],
        ["Valley Times", 2, 2, 2],
    ]


def test_corpus_cli_alias_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = extract_jsonl(tmp_path / "quotes.jsonl")
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("key,alias\nperson:quill,Tomas Quill\nperson:quill,Ines Quill\n")
    out = tmp_path / "out"
    code = main(["corpus", "--from-jsonl", str(source), "--aliases", str(aliases),
                 "--tables", "csv", "-o", str(out), "-q"])  # fmt: skip
    assert code == 0 and capsys.readouterr().err == ""
    speakers = pd.read_csv(out / "speakers.csv")
    assert speakers["key"].tolist() == ["person:mara-vell", "person:quill", "surname:quill@d5"]
    assert not (out / "speakers.parquet").exists()


def test_corpus_cli_not_extract_output_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "docs.jsonl"
    source.write_text('{"id": "a", "body": "x"}\n', encoding="utf-8")
    code = main(["corpus", "--from-jsonl", str(source), "-o", str(tmp_path / "out")])
    assert code == 2
    assert "is not the JSON Lines of 'quoteattr extract'" in capsys.readouterr().err


def test_corpus_cli_runs_documents_on_the_fly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("quoteattr.cli.corpus.load_extractor", lambda *a: RuleExtractor())
    docs = tmp_path / "docs.jsonl"
    rows = [
        {"url": "a", "body": f'"{BRIDGE}" Mara Vell said.', "site": "Post", "when": "2024-05-02"},
        {"url": "b", "body": f'"{BRIDGE}" Mara Vell said.', "site": "Times", "when": "2024-05-01"},
        {"url": "c", "body": "Nothing quoted.", "site": "Times", "when": "2024-05-03"},
    ]
    docs.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out"
    fields = ["--text-field", "body", "--id-field", "url", "--outlet-field", "site"]
    code = main(["corpus", str(docs), *fields, "--date-field", "when", "-o", str(out), "-q"])
    assert code == 0, capsys.readouterr().err
    clusters = pd.read_csv(out / "clusters.csv")
    assert clusters[["first_doc", "first_outlet", "outlets"]].values.tolist() == [["b", "Times", 2]]


def test_corpus_cli_empty_input_still_writes_a_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "quotes.jsonl"
    source.write_text("", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no plotting warning on empty tables
        code = main(["corpus", "--from-jsonl", str(source), "-o", str(tmp_path / "out")])
    assert code == 0
    assert capsys.readouterr().err.startswith("quoteattr: 0 quote(s), 0 corpus speaker(s)")
    assert "no data" in (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
