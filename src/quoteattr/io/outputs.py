"""Writers for the command line's output formats, atomic output files and resume ids.

Formats: ``jsonl`` (one quote a line: ``{"doc_id": id, **quote, **fields}``),
``json`` (a list of ``{"doc_id", **fields, "quotes"}``), ``csv`` and ``parquet``
(one row per quote, the columns of ``quoteattr.io.rows.COLUMNS`` then the
document's pass-through fields) and ``table`` (for people). The document id is
``doc_id`` in every format. CSV and Parquet take their pass-through columns from
the first document written (or, when appending, from the file's header); fields
of later documents that are not among them are left out of those two formats.

A writer receives whole documents (``write(doc_id, quotes)``) and writes each
document's rows in one piece, so an output holds every document entirely or
not at all. ``close()`` ends the file properly (the JSON list is closed, the
Parquet footer written) whenever it is called, also after an interruption.

An output file (``-o``) is written to a temporary file in the same directory
and renamed over the final name only when complete (``AtomicFile``).
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any, Literal, Protocol

from ..errors import Errors, QuoteattrError
from ..models import Quote
from .rows import COLUMNS, DOC_ID, document_fields, quote_record

__all__ = [
    "FORMATS",
    "RESUMABLE_FORMATS",
    "AtomicFile",
    "OutputFormat",
    "Writer",
    "check_output",
    "empty_ids_path",
    "format_for_path",
    "format_table",
    "make_writer",
    "read_done_ids",
    "read_empty_ids",
    "read_extra_columns",
    "write_empty_ids",
]

#: An output format (``FORMATS`` lists them; a test checks that both agree).
OutputFormat = Literal["jsonl", "json", "csv", "parquet", "table"]
FORMATS: tuple[str, ...] = ("jsonl", "json", "csv", "parquet", "table")
#: Formats that can be appended to (``--resume``).
RESUMABLE_FORMATS = ("jsonl", "csv")
_SUFFIXES = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".parquet": "parquet",
    ".txt": "table",
}
_COLUMN_NAMES = [name for name, _ in COLUMNS]
Fields = Mapping[str, Any] | None
_PARQUET_ROWS_PER_GROUP = 10_000


class Writer(Protocol):
    """Writes the quotes of whole documents, then ends the file with ``close``."""

    def write(self, doc_id: str, quotes: list[Quote], fields: Fields = None) -> None: ...

    def close(self) -> None: ...


def format_for_path(path: str | None, default: str = "jsonl") -> str | None:
    """The output format implied by a file name's suffix; ``default`` without a file.

    Returns None for a file whose suffix names no format (the caller refuses it
    unless the format is given).

    Example:
        >>> format_for_path("out/quotes.csv"), format_for_path(None), format_for_path("x.xyz")
        ('csv', 'jsonl', None)
    """
    if path is None:
        return default
    return _SUFFIXES.get(Path(path).suffix.lower())


def format_table(doc_id: str, quotes: list[Quote], width: int = 70) -> str:
    """A human-readable table of one document's quotes."""
    lines = [f"== {doc_id}: {len(quotes)} quote(s)"]
    for q in quotes:
        sp = q.speaker
        who = sp.label if sp is not None else "?"
        if sp is not None and sp.mention.text != sp.label:
            who += f" ({sp.mention.text})"
        role = f" [{sp.role}]" if sp is not None and sp.role else ""
        cue = q.cue.text if q.cue is not None else "-"
        body = q.text if len(q.text) <= width else q.text[: width - 3] + "..."
        lines.append(f"- {who}{role} | {cue} | {q.type.value} | {body}")
    return "\n".join(lines)


class JsonlWriter:
    """One JSON object a line per quote: ``{"doc_id": id, **quote, **fields}``."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def write(self, doc_id: str, quotes: list[Quote], fields: Fields = None) -> None:
        extra = document_fields(fields)
        lines = [
            json.dumps({DOC_ID: doc_id, **q.model_dump(mode="json"), **extra}, ensure_ascii=False)
            + "\n"
            for q in quotes
        ]
        self.out.write("".join(lines))
        self.out.flush()  # readers of a stream (tail -f, a pipe) see whole documents

    def close(self) -> None:
        self.out.flush()


class JsonWriter:
    """A JSON list of ``{"doc_id", **fields, "quotes"}``, streamed; ``close`` ends the list."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.count = 0

    def write(self, doc_id: str, quotes: list[Quote], fields: Fields = None) -> None:
        record = {
            DOC_ID: doc_id,
            **document_fields(fields),
            "quotes": [q.model_dump(mode="json") for q in quotes],
        }
        sep = "[\n" if self.count == 0 else ",\n"
        self.out.write(sep + json.dumps(record, ensure_ascii=False, indent=2))
        self.count += 1

    def close(self) -> None:
        self.out.write("[]\n" if self.count == 0 else "\n]\n")
        self.out.flush()


def _cell(value: Any) -> Any:
    """A pass-through value as a CSV or Parquet string cell (JSON for non-strings)."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


class _ExtraColumns:
    """The pass-through columns of a tabular output, fixed by the first document."""

    def __init__(self, columns: list[str] | None) -> None:
        self.columns = columns

    def fix(self, fields: Fields) -> list[str]:
        if self.columns is None:
            self.columns = list(document_fields(fields))
        return self.columns

    def row(self, doc_id: str, index: int, quote: Quote, fields: Fields) -> dict[str, Any]:
        extra = document_fields(fields)
        record: dict[str, Any] = dict(quote_record(doc_id, index, quote))
        record.update((name, _cell(extra.get(name))) for name in self.columns or ())
        return record


class CsvWriter:
    """CSV with a header (unless appending) and one row per quote.

    The header is ``COLUMNS`` and the pass-through fields of the first document;
    it is written with the first document (or at ``close`` when there is none).
    When appending, ``extra_columns`` are those of the file's header.
    """

    def __init__(
        self, out: IO[str], *, header: bool = True, extra_columns: list[str] | None = None
    ) -> None:
        self.out = out
        self._header = header
        self._extra = _ExtraColumns(extra_columns)

    def _write_header(self, fields: Fields) -> None:
        columns = self._extra.fix(fields)
        if self._header:
            self.out.write(_csv_text([_COLUMN_NAMES + columns]))
            self._header = False

    def write(self, doc_id: str, quotes: list[Quote], fields: Fields = None) -> None:
        self._write_header(fields)
        rows = [list(self._extra.row(doc_id, i, q, fields).values()) for i, q in enumerate(quotes)]
        if rows:
            self.out.write(_csv_text(rows))
        self.out.flush()

    def close(self) -> None:
        self._write_header(None)
        self.out.flush()


def _csv_text(rows: Iterable[list[Any]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


class TableWriter:
    """The human-readable table of ``format_table``, one block per document."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def write(self, doc_id: str, quotes: list[Quote], fields: Fields = None) -> None:
        self.out.write(format_table(doc_id, quotes) + "\n\n")

    def close(self) -> None:
        self.out.flush()


class ParquetWriter:
    """Parquet with the columns of ``COLUMNS`` and the pass-through fields of the first
    document (as strings), written in row groups; needs pyarrow."""

    def __init__(self, path: str) -> None:
        self._pa, self._pq = _pyarrow()
        self.path = path
        self.schema: Any = None
        self._writer: Any = None
        self._extra = _ExtraColumns(None)
        self._rows: list[dict[str, Any]] = []

    def _open(self, fields: Fields) -> None:
        if self._writer is not None:
            return
        pa = self._pa
        types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
        columns = [(n, types[t]) for n, t in COLUMNS]
        columns += [(n, pa.string()) for n in self._extra.fix(fields)]
        self.schema = pa.schema([pa.field(n, t, nullable=True) for n, t in columns])
        self._writer = self._pq.ParquetWriter(self.path, self.schema)

    def write(self, doc_id: str, quotes: list[Quote], fields: Fields = None) -> None:
        self._open(fields)
        self._rows.extend(self._extra.row(doc_id, i, q, fields) for i, q in enumerate(quotes))
        if len(self._rows) >= _PARQUET_ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            table = self._pa.Table.from_pylist(self._rows, schema=self.schema)
            self._writer.write_table(table)
            self._rows = []

    def close(self) -> None:
        self._open(None)
        self._flush()
        self._writer.close()


def _pyarrow() -> tuple[Any, Any]:
    try:
        pa = importlib.import_module("pyarrow")
        pq = importlib.import_module("pyarrow.parquet")
    except ImportError as exc:
        raise QuoteattrError(Errors.E008) from exc
    return pa, pq


def check_output(fmt: str | None, output: str | None, *, resume: bool = False) -> str:
    """Check output options before any work is done; return the format.

    Args:
        fmt: The format asked for, or None to take it from ``output``'s suffix.
        output: The output file, or None for stdout.
        resume: Whether ``--resume`` was given.

    Raises:
        QuoteattrError: for an output file whose suffix names no format and no
            ``fmt``, a file in a folder that does not exist, Parquet without
            ``output`` or without pyarrow.
        ValueError: for an unknown format, or ``resume`` without an output file
            of a resumable format.
    """
    if fmt is None:
        fmt = format_for_path(output)
        if fmt is None:
            suffixes = ", ".join(sorted(_SUFFIXES))
            raise QuoteattrError(Errors.E040.format(path=output, suffixes=suffixes))
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if output is not None:
        folder = Path(output).parent
        if not folder.is_dir():
            raise QuoteattrError(Errors.E041.format(path=output, folder=folder))
        if Path(output).is_dir():
            raise QuoteattrError(Errors.E042.format(path=output))
    if fmt == "parquet":
        if output is None:
            raise QuoteattrError(Errors.E009)
        _pyarrow()
    if resume and (output is None or fmt not in RESUMABLE_FORMATS):
        raise ValueError("--resume needs -o FILE with --format jsonl or csv")
    return fmt


def make_writer(
    fmt: str,
    out: IO[str] | None,
    path: str | None,
    *,
    header: bool = True,
    extra_columns: list[str] | None = None,
) -> Writer:
    """A writer for ``fmt`` on the text stream ``out`` (Parquet: on the file ``path``).

    ``header`` is False when appending CSV to a file that has one, whose
    pass-through columns are then ``extra_columns``.

    Raises:
        QuoteattrError: for Parquet without pyarrow or without a path.
        ValueError: for an unknown format.
    """
    if fmt == "parquet":
        if path is None:
            raise QuoteattrError(Errors.E009)
        return ParquetWriter(path)
    if out is None:
        raise ValueError(f"format {fmt!r} needs a text stream")
    if fmt == "jsonl":
        return JsonlWriter(out)
    if fmt == "json":
        return JsonWriter(out)
    if fmt == "csv":
        return CsvWriter(out, header=header, extra_columns=extra_columns)
    if fmt == "table":
        return TableWriter(out)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


class AtomicFile:
    """A temporary file next to ``path`` that replaces ``path`` on ``commit``.

    Args:
        path: The final file name.
        binary: Open the temporary file in binary mode (else UTF-8 text).
        copy_existing: Start from a copy of ``path`` (for appending), if it exists.
        open_stream: Open the temporary file (False when a library writes to
            ``temp_path`` itself, e.g. pyarrow).

    ``commit`` flushes, fsyncs and renames; ``discard`` deletes the temporary
    file. Until ``commit`` the final name is untouched, so an interrupted run
    never leaves a truncated file that looks whole.

    Example:
        >>> f = AtomicFile("out.jsonl")  # doctest: +SKIP
        >>> f.stream.write("{}\\n"); f.commit()  # doctest: +SKIP
    """

    def __init__(
        self,
        path: str,
        *,
        binary: bool = False,
        copy_existing: bool = False,
        open_stream: bool = True,
    ) -> None:
        self.path = os.path.abspath(path)
        directory, name = os.path.split(self.path)
        try:
            fd, self.temp_path = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=directory)
        except OSError as exc:  # name the user's file, not the temporary one
            reason = exc.strerror or type(exc).__name__
            raise OSError(exc.errno, f"cannot write {path}: {reason}") from exc
        os.close(fd)
        self._set_mode()
        if copy_existing and os.path.exists(self.path):
            shutil.copyfile(self.path, self.temp_path)
        self.stream: IO[Any] | None = None
        if open_stream:
            mode = "ab" if binary else "a"
            encoding = None if binary else "utf-8"
            newline = None if binary else ""
            self.stream = open(self.temp_path, mode, encoding=encoding, newline=newline)  # noqa: SIM115

    def _set_mode(self) -> None:
        try:
            mode = os.stat(self.path).st_mode & 0o777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(self.temp_path, mode)

    def commit(self) -> None:
        """Flush and fsync the temporary file and rename it to the final name."""
        if self.stream is not None:
            self.stream.flush()
            os.fsync(self.stream.fileno())
            self.stream.close()
        else:
            with open(self.temp_path, "rb") as handle:
                os.fsync(handle.fileno())
        os.replace(self.temp_path, self.path)

    def discard(self) -> None:
        """Close and delete the temporary file; the final name is left as it was."""
        if self.stream is not None:
            self.stream.close()
        if os.path.exists(self.temp_path):
            os.unlink(self.temp_path)


def empty_ids_path(path: str) -> str:
    """The side file that lists the ids of documents with no quotes, for ``--resume``."""
    return path + ".no-quotes"


def read_done_ids(path: str, fmt: str) -> set[str]:
    """The document ids already in an output file of format ``fmt`` (jsonl or csv).

    Returns an empty set when the file does not exist.

    Raises:
        QuoteattrError: if the file is not an output of that format.
    """
    if not os.path.exists(path):
        return set()
    done: set[str] = set()
    with open(path, encoding="utf-8", newline="") as handle:
        if fmt == "csv":
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is not None and header[: len(_COLUMN_NAMES)] != _COLUMN_NAMES:
                raise QuoteattrError(Errors.E010.format(path=path, line=1, fmt=fmt))
            done.update(row[0] for row in reader if row)
            return done
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                done.add(str(json.loads(line)[DOC_ID]))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise QuoteattrError(Errors.E010.format(path=path, line=lineno, fmt=fmt)) from exc
    return done


def read_extra_columns(path: str) -> list[str]:
    """The pass-through columns in the header of a CSV output (after ``COLUMNS``).

    Example:
        >>> read_extra_columns("no/such/file.csv")
        []
    """
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle), None)
    return list(header[len(_COLUMN_NAMES) :]) if header else []


def read_empty_ids(path: str) -> set[str]:
    """The ids listed in ``empty_ids_path(path)`` (one JSON string a line), if it exists."""
    side = empty_ids_path(path)
    if not os.path.exists(side):
        return set()
    with open(side, encoding="utf-8") as handle:
        return {str(json.loads(line)) for line in handle if line.strip()}


def write_empty_ids(path: str, ids: Iterable[str]) -> None:
    """Atomically write the ids of documents with no quotes next to ``path``.

    Deletes the side file when ``ids`` is empty.
    """
    side = empty_ids_path(path)
    ordered = sorted(set(ids))
    if not ordered:
        if os.path.exists(side):
            os.unlink(side)
        return
    target = AtomicFile(side)
    assert target.stream is not None
    target.stream.write("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in ordered))
    target.commit()
