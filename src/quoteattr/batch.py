"""Streaming extraction over many documents, and the output formats of the CLI."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .core import QuoteExtractor
from .models import Quote

__all__ = ["Document", "format_table", "iter_documents", "write_results"]


@dataclass(frozen=True, slots=True)
class Document:
    """One input document: an id (the path, or "-" for stdin) and its text.

    ``error`` says why the document could not be read (its text is then "").
    """

    id: str
    text: str
    error: str | None = None


def iter_documents(paths: Iterable[str], *, stdin: TextIO | None = None) -> Iterator[Document]:
    """Yield the documents named by ``paths`` ("-" reads ``stdin``), in order.

    Directories are read recursively (``*.txt``).
    """
    for raw in paths:
        if raw == "-":
            if stdin is not None:
                yield Document("-", stdin.read())
            continue
        path = Path(raw)
        files = sorted(path.rglob("*.txt")) if path.is_dir() else [path]
        for file in files:
            try:
                yield Document(str(file), file.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError) as exc:
                yield Document(str(file), "", error=f"{type(exc).__name__}: {exc}")


def quote_row(doc_id: str, quote: Quote) -> dict[str, object]:
    """A JSON-ready record of one quote with its document id."""
    return {"doc": doc_id, **quote.model_dump(mode="json")}


def format_table(doc_id: str, quotes: list[Quote], width: int = 70) -> str:
    """A human-readable table of one document's quotes."""
    lines = [f"== {doc_id}: {len(quotes)} quote(s)"]
    for q in quotes:
        sp = q.speaker
        who = sp.name if sp is not None else "?"
        if sp is not None and sp.mention.text != sp.name:
            who += f" ({sp.mention.text})"
        role = f" [{sp.role}]" if sp is not None and sp.role else ""
        cue = q.cue.text if q.cue is not None else "-"
        body = q.text if len(q.text) <= width else q.text[: width - 3] + "..."
        lines.append(f"- {who}{role} | {cue} | {q.type.value} | {body}")
    return "\n".join(lines)


def write_results(
    extractor: QuoteExtractor,
    docs: Iterable[Document],
    out: TextIO,
    *,
    fmt: str = "jsonl",
    batch_size: int = 16,
    n_process: int = 1,
    errors: TextIO | None = None,
) -> int:
    """Extract quotes from ``docs`` and write them to ``out``; return an exit code
    (1 when a document could not be read: each failure is reported on ``errors``).

    Formats: "jsonl" (one quote a line, with "doc"), "json" (a list of
    ``{"id", "quotes"}``) and "table" (for people).
    """
    docs = list(docs)
    failed = [d for d in docs if d.error is not None]
    for doc in failed:
        if errors is not None:
            errors.write(f"quoteattr: cannot read {doc.id}: {doc.error}\n")
    docs = [d for d in docs if d.error is None]
    results = extractor.pipe((d.text for d in docs), batch_size=batch_size, n_process=n_process)
    collected = []
    for doc, quotes in zip(docs, results, strict=True):
        if fmt == "jsonl":
            for q in quotes:
                out.write(json.dumps(quote_row(doc.id, q), ensure_ascii=False) + "\n")
        elif fmt == "table":
            out.write(format_table(doc.id, quotes) + "\n\n")
        else:
            collected.append({"id": doc.id, "quotes": [q.model_dump(mode="json") for q in quotes]})
    if fmt == "json":
        json.dump(collected, out, ensure_ascii=False, indent=2)
        out.write("\n")
    if failed and errors is not None:
        errors.write(f"quoteattr: {len(docs)} document(s) done, {len(failed)} failed\n")
    return 1 if failed else 0
