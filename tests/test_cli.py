"""The command line, run in-process through ``quoteattr.cli.main`` (and once as a subprocess)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import quoteattr
from quoteattr import extract_quotes
from quoteattr.cli import main

EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "examples"
EXAMPLE_FILES = sorted(EXAMPLES_DIR.glob("*.txt"))
SHORT = '"We will rebuild," Mara Vell said.\n\nAnn Lee said that taxes will rise next year.\n'


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the CLI in-process; return (exit code, stdout, stderr)."""
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse exits for --version, --help and usage errors
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def short_file(tmp_path: Path) -> Path:
    path = tmp_path / "short.txt"
    path.write_text(SHORT, encoding="utf-8")
    return path


def test_cli_version_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--version"], capsys)
    assert code == 0
    assert out.strip() == f"quoteattr {quoteattr.__version__}"


def test_cli_version_subprocess() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "quoteattr", "--version"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"quoteattr {quoteattr.__version__}"


@pytest.mark.parametrize("argv", [["--help"], ["extract", "--help"]])
def test_cli_help_exits_zero(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(argv, capsys)
    assert code == 0
    assert "--format" in out or "extract" in out


def test_cli_rejects_unknown_format(short_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run([str(short_file), "--format", "xml"], capsys)
    assert code == 2
    assert "xml" in err


def test_cli_missing_file_is_reported_not_raised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no_such_article.txt"
    code, _, err = run([str(missing)], capsys)
    assert code != 0
    assert "no_such_article.txt" in err


@pytest.mark.model
def test_cli_jsonl_lines_are_json_records(short_file: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run([str(short_file), "--format", "jsonl"], capsys)
    assert code == 0
    lines = out.splitlines()
    assert len(lines) >= 2
    for line in lines:
        record = json.loads(line)
        assert {"doc", "start", "end", "text"} <= record.keys()
        assert record["doc"] == str(short_file)
        assert SHORT[record["start"] : record["end"]] == record["text"]


@pytest.mark.model
def test_cli_jsonl_is_the_default_format(short_file: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _, default, _ = run([str(short_file)], capsys)
    _, explicit, _ = run(["extract", str(short_file), "--format", "jsonl"], capsys)
    assert default == explicit
    assert default


@pytest.mark.model
def test_cli_json_is_a_list_of_documents(capsys) -> None:  # type: ignore[no-untyped-def]
    paths = [str(p) for p in EXAMPLE_FILES[:2]]
    code, out, _ = run([*paths, "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert isinstance(data, list)
    assert [d["id"] for d in data] == paths
    for doc in data:
        assert set(doc) == {"id", "quotes"}
        assert doc["quotes"]
        for q in doc["quotes"]:
            quoteattr.Quote.model_validate(q)


@pytest.mark.model
def test_cli_table_names_the_speakers(short_file: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run([str(short_file), "--format", "table"], capsys)
    assert code == 0
    assert str(short_file) in out
    assert "Mara Vell" in out
    assert "Ann Lee" in out


@pytest.mark.model
def test_cli_reads_stdin(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "stdin", io.StringIO(SHORT))
    code, out, _ = run(["-", "--format", "jsonl"], capsys)
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert records
    assert {r["doc"] for r in records} == {"-"}
    assert [r["start"] for r in records] == [q.start for q in extract_quotes(SHORT)]


@pytest.mark.model
def test_cli_reads_stdin_without_arguments(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "stdin", io.StringIO(SHORT))
    code, out, _ = run([], capsys)
    assert code == 0
    assert {json.loads(line)["doc"] for line in out.splitlines()} == {"-"}


@pytest.mark.model
def test_cli_reads_a_directory(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text('"No," Ann Lee said.', encoding="utf-8")
    (tmp_path / "notes.md").write_text('"Ignored," Ann Lee said.', encoding="utf-8")
    code, out, _ = run([str(tmp_path), "--format", "json"], capsys)
    assert code == 0
    ids = [d["id"] for d in json.loads(out)]
    assert ids == [str(tmp_path / "b.txt"), str(tmp_path / "sub" / "a.txt")]


@pytest.mark.model
def test_cli_examples_directory_in_table(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run([str(EXAMPLES_DIR), "--format", "table"], capsys)
    assert code == 0
    for path in EXAMPLE_FILES:
        assert str(path) in out


@pytest.mark.model
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_cli_results_equal_api(path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run([str(path), "--format", "jsonl"], capsys)
    assert code == 0
    got = []
    for line in out.splitlines():
        record = json.loads(line)
        assert record.pop("doc") == str(path)
        got.append(record)
    text = path.read_text(encoding="utf-8")
    assert got == [q.model_dump(mode="json") for q in extract_quotes(text)]
