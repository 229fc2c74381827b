"""Reading documents for the command line: files, directories, stdin, JSON Lines.

Every input becomes a ``Document`` (an id, a text and, for a JSON Lines record, its
other fields). A file that cannot be read or decoded becomes a ``Document`` with an
``error`` instead of raising, so one bad file never stops the others. Documents are
read one at a time, when the caller asks for the next one: a corpus is never held in
memory. JSON Lines records name their text and id by ``InputOptions.text_field`` and
``id_field`` ("text" and "id" by default); stdin is read as JSON Lines when its first
line is such a record.

Decoding: each file is decoded with ``encoding`` (UTF-8 by default). With
``encoding_errors="strict"`` (the default) a file with bytes that are not
valid in that encoding is reported as failed; with ``"replace"`` each bad
byte becomes U+FFFD and the file is processed (offsets index the decoded text).
"""

from __future__ import annotations

import codecs
import itertools
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Literal, TextIO

__all__ = [
    "JSONL_SUFFIXES",
    "Document",
    "InputOptions",
    "check_encoding",
    "count_documents",
    "iter_documents",
]

#: File suffixes read as JSON Lines by ``input_format="auto"``.
JSONL_SUFFIXES = (".jsonl", ".ndjson")

InputFormat = Literal["auto", "text", "jsonl"]
EncodingErrors = Literal["strict", "replace"]


@dataclass(frozen=True, slots=True)
class Document:
    """One input document: an id and its text.

    The id is the file path, "-" for stdin, or the id field of a JSON Lines
    record ("FILE:LINE" when the record has none). ``fields`` holds the record's
    other fields, passed through to the output. ``error`` says why the document
    could not be read; its text is then "".

    Example:
        >>> Document("a.txt", "Hello.").fields
        {}
    """

    id: str
    text: str
    error: str | None = None
    fields: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class InputOptions:
    """How to find and decode documents (see ``iter_documents``)."""

    glob: str = "*.txt"
    input_format: InputFormat = "auto"
    encoding: str = "utf-8"
    encoding_errors: EncodingErrors = "strict"
    text_field: str = "text"
    id_field: str = "id"


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
            records, everything else is plain text; stdin is sniffed), the
            fields of a record, encoding and what to do with undecodable bytes.

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
        return name.lower().endswith(JSONL_SUFFIXES)
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
    if buffer is None:  # a text stream without bytes (tests, wrappers)
        first_text = stdin.readline()
        if _stdin_is_jsonl(first_text, opts):
            lines = itertools.chain([first_text], stdin)
            for lineno, line in enumerate(lines, 1):
                yield from _jsonl_line("-", lineno, line, opts)
        else:
            yield Document("-", first_text + stdin.read())
        return
    first = buffer.readline()
    head = first.decode(opts.encoding, errors="replace")
    if _stdin_is_jsonl(head, opts):
        yield from _jsonl_records("-", itertools.chain([first], buffer), opts)
    else:
        yield _decoded("-", first + buffer.read(), opts)


def _stdin_is_jsonl(first_line: str, opts: InputOptions) -> bool:
    """Whether stdin holds JSON Lines: forced, or (auto) a first line that is a record."""
    if opts.input_format != "auto":
        return opts.input_format == "jsonl"
    if not first_line.lstrip().startswith("{"):
        return False
    try:
        record = json.loads(first_line)
    except json.JSONDecodeError:
        return False
    return isinstance(record, dict) and isinstance(record.get(opts.text_field), str)


def _decoded(name: str, data: bytes, opts: InputOptions) -> Document:
    try:
        return Document(name, data.decode(opts.encoding, errors=opts.encoding_errors))
    except UnicodeDecodeError as exc:
        return Document(name, "", error=_decode_reason(exc))


def _jsonl_records(name: str, handle: Iterable[bytes], opts: InputOptions) -> Iterator[Document]:
    for lineno, raw in enumerate(handle, 1):
        try:
            line = raw.decode(opts.encoding, errors=opts.encoding_errors)
        except UnicodeDecodeError as exc:
            yield Document(f"{name}:{lineno}", "", error=_decode_reason(exc))
            continue
        yield from _jsonl_line(name, lineno, line, opts)


def _jsonl_line(name: str, lineno: int, line: str, opts: InputOptions) -> Iterator[Document]:
    if not line.strip():
        return
    fallback_id = f"{name}:{lineno}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        yield Document(fallback_id, "", error=f"invalid JSON ({exc.msg}, column {exc.colno})")
        return
    text_key, id_key = opts.text_field, opts.id_field
    if not isinstance(record, dict) or not isinstance(record.get(text_key), str):
        keys = f" (its fields: {', '.join(record)})" if isinstance(record, dict) else ""
        yield Document(
            fallback_id,
            "",
            error=f"expected an object with a string {text_key!r}{keys}; "
            "name the text field with --text-field",
        )
        return
    doc_id = record.get(id_key)
    fields = {k: v for k, v in record.items() if k not in (text_key, id_key)}
    yield Document(fallback_id if doc_id is None else str(doc_id), record[text_key], None, fields)


def _os_reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _decode_reason(exc: UnicodeDecodeError) -> str:
    name = codecs.lookup(exc.encoding).name
    return (
        f"not valid {name}: byte 0x{exc.object[exc.start]:02x} at offset {exc.start} "
        "(use --encoding, or --encoding-errors replace)"
    )


def check_encoding(encoding: str) -> str:
    """Return ``encoding`` if Python knows it.

    Raises:
        ValueError: if the encoding is unknown.

    Example:
        >>> check_encoding("latin-1")
        'latin-1'
    """
    try:
        codecs.lookup(encoding)
    except LookupError as exc:
        raise ValueError(f"unknown encoding {encoding!r}") from exc
    return encoding


def count_documents(paths: Iterable[str], options: InputOptions | None = None) -> int | None:
    """How many documents ``iter_documents`` will yield, or None when stdin is read.

    Counts the files of each directory and the non-blank lines of JSON Lines files
    (a quick pass over the bytes), so that a progress bar can show a total.

    Example:
        >>> count_documents(["-"]) is None
        True
    """
    opts = options if options is not None else InputOptions()
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        files = (
            sorted(p for p in path.rglob(opts.glob) if not p.is_dir()) if path.is_dir() else [path]
        )
        for file in files:
            if not _is_jsonl(str(file), opts):
                total += 1
                continue
            try:
                with file.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                total += 1
    return total
