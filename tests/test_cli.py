"""The command line, run in-process through ``quoteattr.cli.main`` (and as a subprocess)."""

from __future__ import annotations

import csv
import io
import json
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import quoteattr
from quoteattr import extract_quotes
from quoteattr.cli import main
from quoteattr.io.batch import extract_documents, write_quotes
from quoteattr.io.inputs import Document
from quoteattr.io.interrupts import Terminated
from quoteattr.io.outputs import JsonlWriter
from quoteattr.io.rows import COLUMNS, quote_record

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


@pytest.mark.parametrize(
    "command", ["extract", "summarize", "corpus", "evaluate", "render", "info"]
)
def test_cli_help_shows_an_example(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([command, "--help"], capsys)
    assert code == 0
    assert "Examples:" in out
    assert f"quoteattr {command} " in out


def test_cli_root_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--help"], capsys)
    assert code == 0
    for command in ("extract", "summarize", "corpus", "render", "evaluate", "info"):
        assert command in out


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
        assert {"doc_id", "start", "end", "text"} <= record.keys()
        assert record["doc_id"] == str(short_file)
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
    assert [d["doc_id"] for d in data] == paths
    for doc in data:
        assert set(doc) == {"doc_id", "quotes"}
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
    assert {r["doc_id"] for r in records} == {"-"}
    assert [r["start"] for r in records] == [q.start for q in extract_quotes(SHORT)]


@pytest.mark.model
def test_cli_reads_stdin_without_arguments(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "stdin", io.StringIO(SHORT))
    code, out, _ = run([], capsys)
    assert code == 0
    assert {json.loads(line)["doc_id"] for line in out.splitlines()} == {"-"}


@pytest.mark.model
def test_cli_reads_a_directory(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text('"No," Ann Lee said.', encoding="utf-8")
    (tmp_path / "notes.md").write_text('"Ignored," Ann Lee said.', encoding="utf-8")
    code, out, _ = run([str(tmp_path), "--format", "json"], capsys)
    assert code == 0
    ids = [d["doc_id"] for d in json.loads(out)]
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
        assert record.pop("doc_id") == str(path)
        got.append(record)
    text = path.read_text(encoding="utf-8")
    assert got == [q.model_dump(mode="json") for q in extract_quotes(text)]


# --- output files: each format parsed back and compared with the API -------------------------


def api_results(extractor, paths: list[Path]) -> list[tuple[str, list[quoteattr.Quote]]]:  # type: ignore[no-untyped-def]
    return [(str(p), extractor.extract(p.read_text(encoding="utf-8"))) for p in paths]


def read_output(path: Path, fmt: str) -> object:
    """Parse an output file into the plain data its format holds."""
    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if fmt == "json":
        return json.loads(path.read_text(encoding="utf-8"))
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            names = [name for name, _ in COLUMNS]
            assert reader.fieldnames is not None and reader.fieldnames[: len(names)] == names
            return list(reader)
    return pq.read_table(path).to_pylist()


def expected_output(results: list[tuple[str, list[quoteattr.Quote]]], fmt: str) -> object:
    """What an output of ``fmt`` must hold for ``results`` (from the API)."""
    if fmt == "jsonl":
        return [{"doc_id": d, **q.model_dump(mode="json")} for d, qs in results for q in qs]
    if fmt == "json":
        return [
            {"doc_id": d, "quotes": [q.model_dump(mode="json") for q in qs]} for d, qs in results
        ]
    records = [quote_record(d, i, q) for d, qs in results for i, q in enumerate(qs)]
    if fmt == "csv":
        return [{k: "" if v is None else str(v) for k, v in r.items()} for r in records]
    return records


def temp_files(directory: Path) -> list[Path]:
    return sorted(directory.glob(".*.tmp"))


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "parquet"])
def test_cli_output_file_equals_api(fmt: str, extractor, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / f"quotes.{fmt}"
    code, stdout, err = run(["extract", str(EXAMPLES_DIR), "-o", str(out)], capsys)
    assert (code, stdout) == (0, "")
    assert err == "quoteattr: 3 document(s) done, 0 failed\n"
    assert read_output(out, fmt) == expected_output(api_results(extractor, EXAMPLE_FILES), fmt)
    assert temp_files(tmp_path) == []


@pytest.mark.model
def test_cli_csv_to_stdout_equals_api(extractor, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run([str(EXAMPLE_FILES[0]), "--format", "csv"], capsys)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows == expected_output(api_results(extractor, EXAMPLE_FILES[:1]), "csv")


def test_cli_parquet_needs_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["extract", "x.txt", "--format", "parquet"], capsys)
    assert (code, out) == (2, "")
    assert err == "quoteattr: error: [QA009] Parquet output needs a file: add -o FILE.parquet.\n"


@pytest.mark.model
def test_cli_jsonl_input(extractor, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    docs = tmp_path / "docs.jsonl"
    texts = [p.read_text(encoding="utf-8") for p in EXAMPLE_FILES[:2]]
    docs.write_text(
        json.dumps({"id": "first", "text": texts[0]})
        + "\n"
        + json.dumps({"text": texts[1]})
        + "\n",
        encoding="utf-8",
    )
    code, out, _ = run(["extract", str(docs), "--format", "json"], capsys)
    assert code == 0
    results = [("first", extractor.extract(texts[0])), (f"{docs}:2", extractor.extract(texts[1]))]
    assert json.loads(out) == expected_output(results, "json")


# --- failures: the others are processed, each failure reported, exit 1 ------------------------


@pytest.fixture
def mixed_dir(tmp_path: Path) -> Path:
    """Copies of the examples, a broken link and a Latin-1 file in ``corpus/``."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in EXAMPLE_FILES:
        (corpus / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (corpus / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (corpus / "latin.txt").write_bytes('"Très bien," Zoé Martin said.\n'.encode("latin-1"))
    return corpus


@pytest.mark.model
def test_cli_failures_reported_others_processed(mixed_dir: Path, extractor, capsys) -> None:  # type: ignore[no-untyped-def]
    missing = mixed_dir / "missing.txt"
    out = mixed_dir.parent / "q.jsonl"
    code, _, err = run([str(mixed_dir), str(missing), "-o", str(out)], capsys)
    assert code == 1
    assert err.splitlines() == [
        f"quoteattr: cannot read {mixed_dir / 'broken.txt'}: No such file or directory",
        f"quoteattr: cannot read {mixed_dir / 'latin.txt'}: not valid utf-8: byte 0xe8 at "
        "offset 3 (use --encoding, or --encoding-errors replace)",
        f"quoteattr: cannot read {missing}: No such file or directory",
        "quoteattr: 3 document(s) done, 3 failed",
    ]
    good = sorted(mixed_dir / p.name for p in EXAMPLE_FILES)
    assert read_output(out, "jsonl") == expected_output(api_results(extractor, good), "jsonl")


@pytest.mark.model
@pytest.mark.parametrize(
    ("options", "text"),
    [
        (["--encoding-errors", "replace"], '"Tr\ufffds bien," Zo\ufffd Martin said.\n'),
        (["--encoding", "latin-1"], '"Très bien," Zoé Martin said.\n'),
    ],
)
def test_cli_encoding_fallback(  # type: ignore[no-untyped-def]
    options: list[str], text: str, mixed_dir: Path, extractor, capsys
) -> None:
    code, out, err = run([str(mixed_dir / "latin.txt"), *options], capsys)
    assert (code, err) == (0, "")
    results = [(str(mixed_dir / "latin.txt"), extractor.extract(text))]
    assert [json.loads(line) for line in out.splitlines()] == expected_output(results, "jsonl")


def test_cli_unknown_encoding_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["extract", "x.txt", "--encoding", "klingon"], capsys)
    assert (code, err) == (2, "quoteattr: error: unknown encoding 'klingon'\n")


# --- interruption and atomic output ------------------------------------------------------------


def docs_then(exc: BaseException, paths: list[Path]) -> Iterator[Document]:
    """The documents of ``paths``, then ``exc`` raised when the next one is asked for."""
    for path in paths:
        yield Document(str(path), path.read_text(encoding="utf-8"))
    raise exc


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "parquet"])
@pytest.mark.parametrize(("exc", "code"), [(KeyboardInterrupt(), 130), (Terminated(), 143)])
def test_cli_interrupt_publishes_finished_documents(  # type: ignore[no-untyped-def]
    fmt: str, exc: KeyboardInterrupt, code: int, extractor, tmp_path: Path
) -> None:
    out = tmp_path / f"q.{fmt}"
    out.write_text("an older output\n", encoding="utf-8")
    stderr = io.StringIO()
    got = extract_documents(
        extractor,
        docs_then(exc, EXAMPLE_FILES[:2]),
        fmt=fmt,
        stdout=io.StringIO(),
        stderr=stderr,
        output=str(out),
        batch_size=1,
    )
    assert got == code
    assert stderr.getvalue() == (
        "quoteattr: interrupted after 2 document(s)\nquoteattr: 2 document(s) done, 0 failed\n"
    )
    expected = expected_output(api_results(extractor, EXAMPLE_FILES[:2]), fmt)
    assert read_output(out, fmt) == expected
    assert temp_files(tmp_path) == []


@pytest.mark.model
def test_cli_extraction_error_publishes_then_raises(extractor, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "q.json"
    stderr = io.StringIO()
    with pytest.raises(RuntimeError, match="boom"):
        extract_documents(
            extractor,
            docs_then(RuntimeError("boom"), EXAMPLE_FILES[:1]),
            fmt="json",
            stdout=io.StringIO(),
            stderr=stderr,
            output=str(out),
            batch_size=1,
        )
    assert stderr.getvalue() == (
        "quoteattr: extraction failed after 1 document(s)\n"
        "quoteattr: 1 document(s) done, 0 failed\n"
    )
    assert read_output(out, "json") == expected_output(
        api_results(extractor, EXAMPLE_FILES[:1]), "json"
    )


@pytest.mark.model
def test_cli_writer_failure_leaves_old_file(  # type: ignore[no-untyped-def]
    extractor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "q.jsonl"
    out.write_text("old\n", encoding="utf-8")
    real_write = JsonlWriter.write
    calls: list[str] = []

    def failing_write(
        self: JsonlWriter, doc_id: str, quotes: list[quoteattr.Quote], fields: object = None
    ) -> None:
        calls.append(doc_id)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_write(self, doc_id, quotes)

    monkeypatch.setattr(JsonlWriter, "write", failing_write)
    with pytest.raises(OSError, match="No space left"):
        extract_documents(
            extractor,
            iter(Document(str(p), p.read_text(encoding="utf-8")) for p in EXAMPLE_FILES),
            fmt="jsonl",
            stdout=io.StringIO(),
            stderr=io.StringIO(),
            output=str(out),
        )
    assert out.read_text(encoding="utf-8") == "old\n"
    assert temp_files(tmp_path) == []


# --- resume ------------------------------------------------------------------------------------


class CountingExtractor:
    """Wraps an extractor; records every text it is asked to process."""

    def __init__(self, extractor) -> None:  # type: ignore[no-untyped-def]
        self.extractor = extractor
        self.texts: list[str] = []

    def pipe(
        self,
        texts: Iterable[str],
        *,
        batch_size: int = 16,
        n_process: int = 1,
        on_progress: Callable[[int], None] | None = None,
    ) -> Iterator[list[quoteattr.Quote]]:
        def seen() -> Iterator[str]:
            for text in texts:
                self.texts.append(text)
                yield text

        return self.extractor.pipe(  # type: ignore[no-any-return]
            seen(), batch_size=batch_size, n_process=n_process, on_progress=on_progress
        )


NO_QUOTE = "The river rose overnight.\n"


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_cli_resume_skips_done_documents(  # type: ignore[no-untyped-def]
    fmt: str, extractor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in EXAMPLE_FILES:
        (corpus / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (corpus / "a_empty.txt").write_text(NO_QUOTE, encoding="utf-8")
    first = [corpus / "a_empty.txt", corpus / EXAMPLE_FILES[0].name]
    out = tmp_path / f"q.{fmt}"
    counting = CountingExtractor(extractor)
    monkeypatch.setattr(
        "quoteattr.cli.extract.load_extractor", lambda model=None, settings=None: counting
    )

    code, _, err = run(["extract", *map(str, first), "-o", str(out)], capsys)
    assert (code, err) == (0, "quoteattr: 2 document(s) done, 0 failed\n")
    assert Path(f"{out}.no-quotes").read_text(encoding="utf-8") == json.dumps(str(first[0])) + "\n"

    counting.texts.clear()
    code, _, err = run(["extract", str(corpus), "-o", str(out), "--resume"], capsys)
    assert code == 0
    assert err == "quoteattr: 2 document(s) done, 0 failed, 2 skipped (already done)\n"
    rest = [corpus / p.name for p in EXAMPLE_FILES[1:]]
    assert counting.texts == [p.read_text(encoding="utf-8") for p in rest]
    all_docs = api_results(extractor, [*first, *rest])
    assert read_output(out, fmt) == expected_output(all_docs, fmt)

    counting.texts.clear()
    code, _, err = run(["extract", str(corpus), "-o", str(out), "--resume"], capsys)
    assert (code, counting.texts) == (0, [])
    assert err == "quoteattr: 0 document(s) done, 0 failed, 4 skipped (already done)\n"
    assert read_output(out, fmt) == expected_output(all_docs, fmt)


@pytest.mark.model
def test_cli_fresh_run_removes_stale_no_quotes_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "q.jsonl"
    stale = Path(f"{out}.no-quotes")
    stale.write_text('"old.txt"\n', encoding="utf-8")
    assert run([str(EXAMPLE_FILES[0]), "-o", str(out)], capsys)[0] == 0
    assert not stale.exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--resume"], "--resume needs -o FILE with --format jsonl or csv"),
        (["--resume", "-o", "q.json"], "--resume needs -o FILE with --format jsonl or csv"),
    ],
)
def test_cli_resume_usage_errors(argv: list[str], message: str, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(["extract", "x.txt", *argv], capsys)
    assert (code, err) == (2, f"quoteattr: error: {message}\n")


@pytest.mark.model
def test_cli_resume_refuses_a_foreign_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "q.jsonl"
    out.write_text("not a record\n", encoding="utf-8")
    code, _, err = run([str(EXAMPLE_FILES[0]), "-o", str(out), "--resume"], capsys)
    assert code == 2
    assert err.startswith(f"quoteattr: error: [QA010] Cannot resume from {out}: line 1 ")
    assert out.read_text(encoding="utf-8") == "not a record\n"
    assert temp_files(tmp_path) == []


# --- progress line -----------------------------------------------------------------------------


class TtyStream(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.model
@pytest.mark.parametrize(
    ("tty", "quiet", "shown", "summary"),
    [(True, False, True, True), (True, True, False, False), (False, False, False, True)],
)
def test_cli_progress_modes(  # type: ignore[no-untyped-def]
    tty: bool, quiet: bool, shown: bool, summary: bool, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    stderr = TtyStream() if tty else io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    argv = [str(EXAMPLES_DIR), "--format", "csv", "--batch-size", "1"]
    assert main([*argv, "--quiet"] if quiet else argv) == 0
    text = stderr.getvalue()
    assert ("doc/s" in text) == shown
    assert text.endswith("quoteattr: 3 document(s) done, 0 failed\n") == summary
    if not shown and not summary:
        assert text == ""
    if shown:  # a bar with the total, erased before the summary
        assert "/3 [" in text
        assert re.search(r"\r +\rquoteattr: 3 document\(s\) done, 0 failed\n$", text)


# --- as a real process -------------------------------------------------------------------------


@pytest.mark.model
def test_cli_subprocess_folder_to_csv(extractor, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "q.csv"
    result = subprocess.run(
        [sys.executable, "-m", "quoteattr", "extract", str(EXAMPLES_DIR), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert read_output(out, "csv") == expected_output(api_results(extractor, EXAMPLE_FILES), "csv")


@pytest.mark.model
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_cli_subprocess_signal_keeps_finished_documents(sig: int, tmp_path: Path) -> None:
    out = tmp_path / "q.jsonl"
    argv = ["extract", "-", "--input-format", "jsonl", "-o", str(out), "--batch-size", "1"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "quoteattr", *argv],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None
    for i in range(2):
        proc.stdin.write(json.dumps({"id": f"d{i}", "text": f'"Yes {i}," Ann Lee said.'}) + "\n")
        proc.stdin.flush()
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:  # wait until both documents are written
        temps = temp_files(tmp_path)
        if temps and temps[0].read_text(encoding="utf-8").count("\n") == 2:
            break
        time.sleep(0.1)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 128 + sig, err
    assert err.splitlines()[-2:] == [
        "quoteattr: interrupted after 2 document(s)",
        "quoteattr: 2 document(s) done, 0 failed",
    ]
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["doc_id"], r["text"]) for r in records] == [("d0", "Yes 0"), ("d1", "Yes 1")]
    assert temp_files(tmp_path) == []


@pytest.mark.model
def test_cli_streams_documents_one_batch_at_a_time(extractor) -> None:  # type: ignore[no-untyped-def]
    pulled: list[str] = []
    pulled_at_write: list[int] = []

    def docs() -> Iterator[Document]:
        for i in range(6):
            path = EXAMPLE_FILES[i % len(EXAMPLE_FILES)]
            pulled.append(str(i))
            yield Document(str(i), path.read_text(encoding="utf-8"))

    class Recorder(JsonlWriter):
        def write(self, doc_id: str, quotes: list[quoteattr.Quote], fields: object = None) -> None:
            pulled_at_write.append(len(pulled))
            super().write(doc_id, quotes)

    report = write_quotes(extractor, docs(), Recorder(io.StringIO()), batch_size=2)
    assert (report.done, report.failed) == (6, 0)
    assert pulled_at_write == [2, 2, 4, 4, 6, 6]


# --- what a user of spaCy-style tools expects -------------------------------------------------


@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if a command loads the model: it must stop before."""

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("the model was loaded")

    for module in ("extract", "summarize", "render", "evaluate"):
        monkeypatch.setattr(f"quoteattr.cli.{module}.load_extractor", fail)


class FakeExtractor:
    """No model: every text gets no quote; records the texts and settings it was given."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.loaded: list[tuple[str | None, object]] = []

    def pipe(
        self,
        texts: Iterable[str],
        *,
        batch_size: int = 16,
        n_process: int = 1,
        on_progress: Callable[[int], None] | None = None,
    ) -> Iterator[list[quoteattr.Quote]]:
        for text in texts:
            self.texts.append(text)
            if on_progress is not None:
                on_progress(len(text))
            yield []

    def extract(self, text: str) -> list[quoteattr.Quote]:
        return []


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeExtractor:
    extractor = FakeExtractor()

    def load(model: str | None = None, settings: object = None) -> FakeExtractor:
        extractor.loaded.append((model, settings))
        return extractor

    for module in ("extract", "summarize", "render", "evaluate"):
        monkeypatch.setattr(f"quoteattr.cli.{module}.load_extractor", load)
    return extractor


@pytest.mark.issue(14)
@pytest.mark.usefixtures("no_model")
def test_cli_mistyped_command_extracts_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["sumarize", str(EXAMPLES_DIR)], capsys)
    assert (code, out) == (2, "")
    assert err == (
        "quoteattr: error: 'sumarize' is not a command, nor an existing file or folder. "
        "Did you mean 'summarize'? Commands: corpus, evaluate, extract, info, render, summarize.\n"
    )


@pytest.mark.issue(14)
@pytest.mark.usefixtures("no_model")
@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--n-process", "0"], "Invalid value for '--n-process'"),
        (["--batch-size", "-1"], "Invalid value for '--batch-size'"),
        (["--min-confidence", "2"], "Invalid value for '--min-confidence'"),
        (["--scope", "everything"], "Invalid value for '--scope'"),
        (["--format", "xml"], "Invalid value for '--format'"),
        (["--no-such-option"], "No such option: --no-such-option"),
        (["--cue-classes", "gossip"], "[QA005] Unknown cue classes ['gossip']"),
        (["--set", "chunk_chars=5"], "setting 'chunk_chars': Input should be greater than"),
        (["--set", "colour=red"], "[QA012] Unknown setting(s) colour"),
        (["--set", "nested"], "--set expects KEY=VALUE, got 'nested'"),
    ],
)
def test_cli_bad_value_exits_2_with_a_message(
    argv: list[str], message: str, short_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["extract", str(short_file), *argv], capsys)
    assert (code, out) == (2, "")
    assert err.startswith("quoteattr: error: " + message), err
    assert "Traceback" not in err


@pytest.mark.issue(14)
@pytest.mark.parametrize(
    "argv",
    [["sumarize", "corpus/"], ["extract", "x.txt", "--n-process", "0"]],
    ids=["typo", "range"],
)
def test_cli_usage_errors_in_a_real_process(argv: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "quoteattr", *argv],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("quoteattr: error: ")
    assert "Traceback" not in result.stderr


@pytest.mark.issue(14)
@pytest.mark.usefixtures("no_model")
def test_cli_output_folder_missing_names_the_users_path(
    short_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "no" / "x.jsonl"
    code, _, err = run(["extract", str(short_file), "-o", str(out)], capsys)
    assert code == 2
    assert err == (
        f"quoteattr: error: [QA041] Cannot write {out}: the folder {out.parent} does not "
        "exist. Create it first, or choose another -o file.\n"
    )


@pytest.mark.issue(14)
def test_cli_unknown_output_suffix_needs_format(
    short_file: Path, tmp_path: Path, fake: FakeExtractor, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.xyz"
    code, _, err = run(["extract", str(short_file), "-o", str(out)], capsys)
    assert code == 2
    assert err.startswith(f"quoteattr: error: [QA040] Cannot tell the output format of {out} ")
    assert not out.exists() and fake.loaded == []
    code, _, _ = run(["extract", str(short_file), "-o", str(out), "--format", "json"], capsys)
    assert code == 0
    assert json.loads(out.read_text(encoding="utf-8")) == [
        {"doc_id": str(short_file), "quotes": []}
    ]


@pytest.mark.issue(14)
@pytest.mark.usefixtures("no_model")
@pytest.mark.parametrize("command", ["extract", "summarize"])
def test_cli_folder_without_documents_is_an_error(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    for argv in ([str(tmp_path)], [str(tmp_path), "--glob", "*.text"]):
        code, out, err = run([command, *argv], capsys)
        glob = argv[-1] if len(argv) > 1 else "*.txt"
        assert (code, out) == (2, "")
        assert err == (
            f"quoteattr: error: [QA043] No document to read in {tmp_path}. Folders are searched "
            f"for files matching --glob '{glob}'; JSON Lines input needs one record a line with "
            "a string field 'text' (--text-field).\n"
        )


@pytest.mark.issue(14)
def test_cli_input_without_records_is_an_error_and_keeps_the_output(
    tmp_path: Path, fake: FakeExtractor, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text("\n\n", encoding="utf-8")
    out = tmp_path / "q.jsonl"
    out.write_text("old\n", encoding="utf-8")
    code, _, err = run(["extract", str(docs), "-o", str(out)], capsys)
    assert code == 2
    assert err.startswith(f"quoteattr: error: [QA043] No document to read in {docs}.")
    assert out.read_text(encoding="utf-8") == "old\n"
    assert temp_files(tmp_path) == []


@pytest.mark.issue(14)
def test_cli_stdin_json_lines_are_records(
    monkeypatch: pytest.MonkeyPatch, fake: FakeExtractor, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [{"id": "a", "text": "First.", "url": "u1"}, {"id": "b", "text": "Second."}]
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(json.dumps(r) + "\n" for r in lines)))
    code, out, _ = run(["-", "--format", "json"], capsys)
    assert code == 0
    assert json.loads(out) == [
        {"doc_id": "a", "url": "u1", "quotes": []},
        {"doc_id": "b", "quotes": []},
    ]
    assert fake.texts == ["First.", "Second."]


class TtyIn(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.issue(14)
@pytest.mark.usefixtures("no_model")
@pytest.mark.parametrize("argv", [[], ["extract"], ["summarize"]])
def test_cli_alone_on_a_terminal_gives_a_hint(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", TtyIn(""))
    code, out, err = run(argv, capsys)
    assert (code, out) == (2, "")
    assert "nothing to read: give files or folders, or pipe text in" in err
    assert "cat article.txt | quoteattr extract -" in err


@pytest.mark.issue(14)
def test_cli_extraction_settings_reach_the_extractor(
    short_file: Path, fake: FakeExtractor, capsys: pytest.CaptureFixture[str]
) -> None:
    from quoteattr import Settings

    argv = ["extract", str(short_file), "--scope", "attributions", "--cue-classes",
            "statement,denial", "--min-confidence", "0.7", "--unattributed", "--no-indirect",
            "--fast", "--set", "chunk_chars=5000", "--set", "nested=true",
            "--model", "my_model"]  # fmt: skip
    assert run(argv, capsys)[0] == 0
    assert fake.loaded == [
        (
            "my_model",
            Settings(scope="attributions", cue_classes={"statement", "denial"},
                     min_confidence=0.7, unattributed=True, indirect=False, fast=True,
                     chunk_chars=5000, nested=True),
        )
    ]  # fmt: skip
    fake.loaded.clear()
    assert run(["extract", str(short_file), "--cue-classes", "speech"], capsys)[0] == 0
    from quoteattr.settings import SPEECH_CUE_CLASSES

    assert fake.loaded == [(None, Settings(cue_classes=SPEECH_CUE_CLASSES))]


@pytest.mark.issue(14)
def test_cli_every_setting_is_reachable() -> None:
    """Each Settings field, also one added later, can be set from the command line."""
    from typing import get_args

    from quoteattr import Settings
    from quoteattr.cli._app import Scope, build_settings
    from quoteattr.io.outputs import FORMATS, OutputFormat

    assert get_args(Scope) == get_args(Settings.model_fields["scope"].annotation)
    assert get_args(OutputFormat) == FORMATS
    defaults = Settings()
    for field in Settings.model_fields:
        value = getattr(defaults, field)
        if isinstance(value, bool):
            raw, want = json.dumps(not value), not value
        elif isinstance(value, frozenset):
            raw, want = "statement", frozenset({"statement"})
        elif field == "scope":
            raw, want = "attributions", "attributions"
        else:
            raw, want = "0.5" if isinstance(value, float) else "1234", value
            want = type(value)(raw)
        assert getattr(build_settings(sets=[f"{field}={raw}"]), field) == want, field


@pytest.mark.issue(14)
@pytest.mark.model
@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "parquet"])
def test_cli_text_and_id_fields_and_pass_through(
    fmt: str, extractor, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    docs = tmp_path / "docs.jsonl"
    records = [{"url": "https://n/1", "body": SHORT, "title": "Budget", "source": "Wire"}]
    docs.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / f"q.{fmt}"
    argv = ["extract", str(docs), "--text-field", "body", "--id-field", "url", "-o", str(out)]
    assert run(argv, capsys)[0] == 0
    quotes = extractor.extract(SHORT)
    data = read_output(out, fmt)
    if fmt == "json":
        assert data == [{"doc_id": "https://n/1", "title": "Budget", "doc_source": "Wire",
                         "quotes": [q.model_dump(mode="json") for q in quotes]}]  # fmt: skip
        return
    assert isinstance(data, list) and len(data) == len(quotes) >= 2
    for row, q in zip(data, quotes, strict=True):
        assert (row["doc_id"], row["title"], row["doc_source"]) == ("https://n/1", "Budget", "Wire")
        assert (int(row["start"]), row["text"]) == (q.start, q.text)
        assert "doc" not in row and "id" not in row


@pytest.mark.issue(14)
def test_cli_info_prints_version_model_and_extras(capsys: pytest.CaptureFixture[str]) -> None:
    from quoteattr.cli.info import collect_info

    code, out, _ = run(["info"], capsys)
    assert code == 0
    labels = [line.split("  ")[0] for line in out.splitlines()]
    assert labels[:6] == [
        "quoteattr version",
        "Location",
        "Python version",
        "Platform",
        "spaCy version",
        "Model in use",
    ]
    assert f"quoteattr version         {quoteattr.__version__}" in out
    data = collect_info()
    if data["default_model"] is not None:
        assert f"Model in use              {data['default_model']['name']}" in out
        assert data["default_model"]["location"] in out
    assert "Extra [parquet]: pyarrow" in out
    code, out, _ = run(["info", "--json"], capsys)
    assert code == 0 and json.loads(out) == collect_info()


@pytest.mark.parametrize("command", ["extract", "evaluate", "summarize", "render"])
def test_cli_help_shows_flags_without_a_value_type(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run([command, "--help"], capsys)
    assert code == 0
    assert "<bool>" not in out
    assert re.search(r"--help +-h +Show this message", out)


def test_cli_flag_given_a_value_is_a_usage_error(
    short_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["extract", str(short_file), "--quiet", "true"], capsys)
    assert (code, out) == (2, "")
    assert err == (
        "quoteattr: error: --quiet is a flag and takes no value: write '--quiet', "
        "not '--quiet true'.\n"
    )


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--scope", "speach"], "'speach' is not one of 'speech', 'attributions'. "
         "Did you mean 'speech'?"),
        (["--format=jsnl"], "'jsnl' is not one of 'jsonl', 'json', 'csv', 'parquet', 'table'. "
         "Did you mean 'jsonl'?"),
        (["--format", "xml"], "'xml' is not one of 'jsonl', 'json', 'csv', 'parquet', 'table'.\n"),
    ],
)  # fmt: skip
def test_cli_bad_choice_suggests_the_closest_value(
    short_file: Path, argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["extract", str(short_file), *argv], capsys)
    assert code == 2
    assert expected in err
    assert "Value error" not in err and "Traceback" not in err
