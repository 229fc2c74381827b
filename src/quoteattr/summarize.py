"""Who is quoted, and how often: speakers ranked by number of quotes.

``summarize`` counts the quotes of each speaker per document and over the
corpus. Speakers are grouped by canonical name (``Speaker.name``), which is
per document, so "Ann Lee" in two articles counts as one corpus speaker; an
unnamed source ("a senior official") is grouped by its mention as written
(``Speaker.label``).
``quoteattr summarize`` runs it on extracted documents or on the JSON Lines
output of ``quoteattr extract`` (``--from-jsonl``).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import IO

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .io.batch import BatchReport
from .io.interrupts import handle_termination
from .io.progress import Progress
from .io.rows import DOC_ID
from .models import EntityType, Quote, replaced

__all__ = [
    "CorpusSummary",
    "DocumentSummary",
    "SpeakerSummary",
    "count_results",
    "format_summary",
    "read_extract_jsonl",
    "summarize",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SpeakerSummary(_Frozen):
    """One speaker's count in a document or a corpus."""

    name: str = Field(description="Canonical speaker name.")
    quotes: int = Field(ge=1, description="Number of quotes attributed to the speaker.")
    documents: int = Field(ge=1, description="Number of documents that quote the speaker.")
    entity_type: EntityType = Field(description="The speaker's most frequent entity type.")
    roles: list[str] = Field(description="Distinct roles given, most frequent first.")


class DocumentSummary(_Frozen):
    """The speakers of one document, most quoted first."""

    doc_id: str = Field(description="Document id (named doc_id in every output).")
    quotes: int = Field(ge=0, description="Number of quotes in the document.")
    unattributed: int = Field(ge=0, description="Quotes without a speaker.")
    speakers: list[SpeakerSummary] = Field(description="Speakers ranked by quotes, then name.")


class CorpusSummary(_Frozen):
    """The speakers of a corpus, most quoted first, with optional per-document lists."""

    documents: int = Field(ge=0, description="Number of documents summarised.")
    quotes: int = Field(ge=0, description="Number of quotes in all documents.")
    unattributed: int = Field(ge=0, description="Quotes without a speaker.")
    speakers: list[SpeakerSummary] = Field(description="Speakers ranked by quotes, then name.")
    per_document: list[DocumentSummary] = Field(
        default_factory=list, description="One summary per document (when asked for)."
    )


class _Tally:
    """Counts of quotes, documents, entity types and roles per speaker name."""

    def __init__(self) -> None:
        self.quotes: Counter[str] = Counter()
        self.documents: Counter[str] = Counter()
        self.types: dict[str, Counter[EntityType]] = {}
        self.roles: dict[str, Counter[str]] = {}
        self.unattributed = 0
        self.total = 0

    def add_quote(self, quote: Quote) -> None:
        self.total += 1
        sp = quote.speaker
        if sp is None:
            self.unattributed += 1
            return
        self.quotes[sp.label] += 1
        self.types.setdefault(sp.label, Counter())[sp.entity_type] += 1
        roles = self.roles.setdefault(sp.label, Counter())
        if sp.role:
            roles[sp.role] += 1

    def merge(self, other: _Tally) -> None:
        """Add a document's tally (each of its speakers counts one document)."""
        self.total += other.total
        self.unattributed += other.unattributed
        self.quotes.update(other.quotes)
        self.documents.update(other.quotes.keys())
        for name, types in other.types.items():
            self.types.setdefault(name, Counter()).update(types)
        for name, roles in other.roles.items():
            self.roles.setdefault(name, Counter()).update(roles)

    def ranked(self, documents: int | None = None) -> list[SpeakerSummary]:
        names = sorted(self.quotes, key=lambda n: (-self.quotes[n], n))
        return [
            SpeakerSummary(
                name=n,
                quotes=self.quotes[n],
                documents=documents if documents is not None else self.documents[n],
                entity_type=_most_common(self.types[n]),
                roles=[r for r, _ in sorted(self.roles[n].items(), key=lambda x: (-x[1], x[0]))],
            )
            for n in names
        ]


def _most_common(counts: Counter[EntityType]) -> EntityType:
    return sorted(counts.items(), key=lambda x: (-x[1], x[0].value))[0][0]


def summarize(
    results: Iterable[tuple[str, list[Quote]]], *, per_document: bool = False
) -> CorpusSummary:
    """Rank the speakers of documents by number of quotes.

    Args:
        results: ``(document id, quotes)`` pairs, e.g. from ``QuoteExtractor.pipe``.
        per_document: Also keep each document's ranking (``per_document``).

    Returns:
        The corpus summary: speakers ranked by quotes (ties by name), each with
        quotes, documents, most frequent entity type and roles.

    Example:
        >>> from quoteattr import QuoteExtractor, summarize
        >>> ex = QuoteExtractor()  # doctest: +SKIP
        >>> texts = {"a": '"Yes," Ann Lee said.', "b": '"No," Ann Lee said.'}
        >>> s = summarize((i, ex.extract(t)) for i, t in texts.items())  # doctest: +SKIP
        >>> [(sp.name, sp.quotes, sp.documents) for sp in s.speakers]  # doctest: +SKIP
        [('Ann Lee', 2, 2)]
    """
    corpus = _Tally()
    docs: list[DocumentSummary] = []
    count = 0
    for doc_id, quotes in results:
        count += 1
        tally = _Tally()
        for quote in quotes:
            tally.add_quote(quote)
        corpus.merge(tally)
        if per_document:
            docs.append(
                DocumentSummary(
                    doc_id=doc_id,
                    quotes=tally.total,
                    unattributed=tally.unattributed,
                    speakers=tally.ranked(documents=1),
                )
            )
    return CorpusSummary(
        documents=count,
        quotes=corpus.total,
        unattributed=corpus.unattributed,
        speakers=corpus.ranked(),
        per_document=docs,
    )


def read_extract_jsonl(
    paths: Iterable[str], report: BatchReport, errors: IO[str] | None = None
) -> Iterator[tuple[str, list[Quote]]]:
    """Read ``quoteattr extract --format jsonl`` output back as ``(doc id, quotes)``.

    Consecutive lines with the same "doc_id" form one document (documents with
    no quote have no line, so they are not counted). An unreadable file or a
    bad line is reported on ``errors``, counted in ``report.failed`` and
    skipped; "-" reads stdin.
    """
    for path in paths:
        try:
            handle = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            _report(report, errors, path, exc.strerror or type(exc).__name__)
            continue
        current: str | None = None
        quotes: list[Quote] = []
        with handle if path != "-" else contextlib.nullcontext(handle):
            for lineno, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                    doc_id = str(record.pop(DOC_ID))
                    fields = {k: v for k, v in record.items() if k in Quote.model_fields}
                    quote = Quote.model_validate(fields)
                except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
                    reason = f"not an extract record ({type(exc).__name__}: {exc})"
                    _report(report, errors, f"{path}:{lineno}", reason)
                    continue
                except ValidationError as exc:
                    reason = f"not a quote ({exc.error_count()} validation error(s))"
                    _report(report, errors, f"{path}:{lineno}", reason)
                    continue
                if doc_id != current and current is not None:
                    yield current, quotes
                    quotes = []
                current = doc_id
                quotes.append(quote)
        if current is not None:
            yield current, quotes


def _report(report: BatchReport, errors: IO[str] | None, name: str, reason: str) -> None:
    report.failed += 1
    if errors is not None:
        errors.write(f"quoteattr: cannot read {name}: {reason}\n")


def _ranked(speakers: list[SpeakerSummary], top: int) -> list[SpeakerSummary]:
    return speakers[:top] if top > 0 else speakers


def format_summary(summary: CorpusSummary, fmt: str = "table", *, top: int = 10) -> str:
    """Render a summary as "table" (for people), "json" or "csv"; ``top`` 0 keeps all.

    The CSV has one row per ranked speaker: level ("corpus" or "document"),
    doc_id (empty for the corpus), rank, speaker, quotes, documents,
    entity_type and roles (joined with "; ").
    """
    if fmt == "json":
        trimmed = replaced(
            summary,
            speakers=_ranked(summary.speakers, top),
            per_document=[
                replaced(d, speakers=_ranked(d.speakers, top)) for d in summary.per_document
            ],
        )
        return trimmed.model_dump_json(indent=2) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        out = csv.writer(buffer, lineterminator="\n")
        out.writerow(_CSV_HEADER)
        blocks = [("corpus", "", summary.speakers)]
        blocks += [("document", d.doc_id, d.speakers) for d in summary.per_document]
        for level, doc_id, speakers in blocks:
            for rank, sp in enumerate(_ranked(speakers, top), 1):
                row = [level, doc_id, rank, sp.name, sp.quotes, sp.documents]
                out.writerow([*row, sp.entity_type.value, "; ".join(sp.roles)])
        return buffer.getvalue()
    parts = [
        _table(
            f"corpus: {summary.documents} document(s), {summary.quotes} quote(s), "
            f"{summary.unattributed} unattributed",
            _ranked(summary.speakers, top),
        )
    ]
    for d in summary.per_document:
        title = f"{d.doc_id}: {d.quotes} quote(s), {d.unattributed} unattributed"
        parts.append(_table(title, _ranked(d.speakers, top)))
    return "\n".join(parts)


_CSV_HEADER = ("level", "doc_id", "rank", "speaker", "quotes", "documents", "entity_type", "roles")


def _table(title: str, speakers: list[SpeakerSummary]) -> str:
    width = min(max([len(sp.name) for sp in speakers] + [7]), 40)
    lines = [
        f"== {title}",
        f"{'#':>3}  {'quotes':>6}  {'docs':>4}  {'speaker':<{width}}  {'type':<12}  roles",
    ]
    for rank, sp in enumerate(speakers, 1):
        name = sp.name if len(sp.name) <= width else sp.name[: width - 3] + "..."
        lines.append(
            f"{rank:>3}  {sp.quotes:>6}  {sp.documents:>4}  {name:<{width}}  "
            f"{sp.entity_type.value:<12}  {'; '.join(sp.roles) or '-'}"
        )
    return "\n".join(lines) + "\n"


def count_results(
    results: Iterable[tuple[str, list[Quote]]], report: BatchReport, progress: Progress
) -> Iterator[tuple[str, list[Quote]]]:
    """Count documents done; end quietly on Ctrl-C or SIGTERM (noted in ``report``).

    Example:
        >>> report = BatchReport()
        >>> list(count_results([("a", [])], report, Progress(io.StringIO())))
        [('a', [])]
        >>> report.done
        1
    """
    items = iter(results)
    with handle_termination():
        while True:
            try:
                doc_id, quotes = next(items)
            except StopIteration:
                return
            except KeyboardInterrupt as exc:
                report.interruption = exc
                return
            report.done += 1
            report.quotes += len(quotes)
            progress.update(quotes=len(quotes))
            yield doc_id, quotes
