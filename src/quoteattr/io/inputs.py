"""Reading documents for the command line: files, directories, stdin, JSON Lines.

Every input becomes a ``Document`` (an id and a text). A file that cannot be
read or decoded becomes a ``Document`` with an ``error`` instead of raising, so
one bad file never stops the others. Documents are read one at a time, when
the caller asks for the next one: a corpus is never held in memory.

Decoding: each file is decoded with ``encoding`` (UTF-8 by default). With
``encoding_errors="strict"`` (the default) a file with bytes that are not
valid in that encoding is reported as failed; with ``"replace"`` each bad
byte becomes U+FFFD and the file is processed (offsets index the decoded text).
"""

from __future__ import annotations

import argparse
import codecs
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal, TextIO

__all__ = [
    "Document",
    "InputOptions",
    "add_input_arguments",
    "input_options",
    "iter_documents",
]

InputFormat = Literal["auto", "text", "jsonl"]
EncodingErrors = Literal["strict", "replace"]


@dataclass(frozen=True, slots=True)
class Document:
    """One input document: an id and its text.

    The id is the file path, "-" for stdin, or the "id" of a JSON Lines record
    ("FILE:LINE" when the record has none). ``error`` says why the document
    could not be read; its text is then "".
    """

    id: str
    text: str
    error: str | None = None


@dataclass(frozen=True, slots=True)
class InputOptions:
    """How to find and decode documents (see ``iter_documents``)."""

    glob: str = "*.txt"
    input_format: InputFormat = "auto"
    encoding: str = "utf-8"
    encoding_errors: EncodingErrors = "strict"


def iter_documents(
    paths: Iterable[str],
    *,
    stdin: TextIO | None = None,
    options: InputOptions | None = None,
) -> Iterator[Document]:
    """Yield the documents named by ``paths``, in order, reading each lazily.

    Args:
        paths: Files, directories (searched recursively for ``options.glob``,
            in sorted order) and "-" for ``stdin``.
        stdin: The stream "-" reads (its bytes are decoded with the
            encoding when it has a ``buffer``).
        options: Glob, input format ("auto": ``.jsonl`` files are JSON Lines
            ``{"id", "text"}``, everything else is plain text), encoding and
            what to do with undecodable bytes.

    Yields:
        One ``Document`` per text file or JSON Lines record; failures carry
        ``error`` (missing file, unreadable file, bad bytes, bad JSON line).

    Example:
        >>> docs = list(iter_documents(["no/such.txt"]))
        >>> (docs[0].id, docs[0].error)
        ('no/such.txt', 'No such file or directory')
    """
    opts = options if options is not None else InputOptions()
    for raw in paths:
        if raw == "-":
            if stdin is not None:
                yield from _read_stdin(stdin, opts)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob(opts.glob) if not p.is_dir())
        else:
            files = [path]
        for file in files:
            yield from _read_file(file, opts)


def _is_jsonl(name: str, opts: InputOptions) -> bool:
    if opts.input_format == "auto":
        return name.lower().endswith(".jsonl")
    return opts.input_format == "jsonl"


def _read_file(file: Path, opts: InputOptions) -> Iterator[Document]:
    name = str(file)
    if _is_jsonl(name, opts):
        try:
            handle = file.open("rb")
        except OSError as exc:
            yield Document(name, "", error=_os_reason(exc))
            return
        with handle:
            yield from _jsonl_records(name, handle, opts)
        return
    try:
        data = file.read_bytes()
    except OSError as exc:
        yield Document(name, "", error=_os_reason(exc))
        return
    yield _decoded(name, data, opts)


def _read_stdin(stdin: TextIO, opts: InputOptions) -> Iterator[Document]:
    buffer: BinaryIO | None = getattr(stdin, "buffer", None)
    jsonl = opts.input_format == "jsonl"
    if buffer is None:  # a text stream without bytes (tests, wrappers)
        if jsonl:
            for lineno, line in enumerate(stdin, 1):
                yield from _jsonl_line("-", lineno, line)
        else:
            yield Document("-", stdin.read())
        return
    if jsonl:
        yield from _jsonl_records("-", buffer, opts)
    else:
        yield _decoded("-", buffer.read(), opts)


def _decoded(name: str, data: bytes, opts: InputOptions) -> Document:
    try:
        return Document(name, data.decode(opts.encoding, errors=opts.encoding_errors))
    except UnicodeDecodeError as exc:
        return Document(name, "", error=_decode_reason(exc))


def _jsonl_records(name: str, handle: BinaryIO, opts: InputOptions) -> Iterator[Document]:
    for lineno, raw in enumerate(handle, 1):
        try:
            line = raw.decode(opts.encoding, errors=opts.encoding_errors)
        except UnicodeDecodeError as exc:
            yield Document(f"{name}:{lineno}", "", error=_decode_reason(exc))
            continue
        yield from _jsonl_line(name, lineno, line)


def _jsonl_line(name: str, lineno: int, line: str) -> Iterator[Document]:
    if not line.strip():
        return
    fallback_id = f"{name}:{lineno}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        yield Document(fallback_id, "", error=f"invalid JSON ({exc.msg}, column {exc.colno})")
        return
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        yield Document(fallback_id, "", error='expected an object with a string "text"')
        return
    doc_id = record.get("id")
    yield Document(fallback_id if doc_id is None else str(doc_id), record["text"])


def _os_reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _decode_reason(exc: UnicodeDecodeError) -> str:
    name = codecs.lookup(exc.encoding).name
    return (
        f"not valid {name}: byte 0x{exc.object[exc.start]:02x} at offset {exc.start} "
        "(use --encoding, or --encoding-errors replace)"
    )


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options that say which documents to read (shared by extract and summarize)."""
    parser.add_argument(
        "paths",
        nargs="*",
        default=["-"],
        metavar="PATH",
        help="text files, directories (recursive) or '-' for stdin (default: stdin)",
    )
    parser.add_argument(
        "--glob",
        default="*.txt",
        metavar="PATTERN",
        help="file pattern inside directories (default: *.txt)",
    )
    parser.add_argument(
        "--input-format",
        choices=("auto", "text", "jsonl"),
        default="auto",
        help='text: one document a file; jsonl: one {"id", "text"} a line; '
        "auto (default): jsonl for *.jsonl files, text otherwise",
    )
    parser.add_argument(
        "--encoding", default="utf-8", help="encoding of the input files (default: utf-8)"
    )
    parser.add_argument(
        "--encoding-errors",
        choices=("strict", "replace"),
        default="strict",
        help="strict (default): a file with undecodable bytes is reported and skipped; "
        "replace: bad bytes become U+FFFD and the file is processed",
    )


def input_options(args: argparse.Namespace) -> InputOptions:
    """The ``InputOptions`` of parsed arguments (see ``add_input_arguments``).

    Raises:
        ValueError: if the encoding is unknown.
    """
    try:
        codecs.lookup(args.encoding)
    except LookupError as exc:
        raise ValueError(f"unknown encoding {args.encoding!r}") from exc
    return InputOptions(
        glob=args.glob,
        input_format=args.input_format,
        encoding=args.encoding,
        encoding_errors=args.encoding_errors,
    )
