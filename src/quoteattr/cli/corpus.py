"""``quoteattr corpus``: speakers and quotations across documents, tables and a report."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from ..errors import QuoteattrError
from ..io.batch import BatchReport, load_extractor, stream_documents
from ..io.inputs import Document, InputOptions, count_documents, iter_documents
from ..io.progress import Progress
from ..models import Quote
from ..settings import Settings
from ._app import (
    Batch,
    CliError,
    ModelOpt,
    NProcess,
    PathsArg,
    QuietOpt,
    app,
    check_not_empty,
    guarded,
    input_options,
    input_paths,
    nothing_read_message,
    settings_options,
)

if TYPE_CHECKING:
    from ..corpus.records import QuoteRecord

__all__ = ["corpus_command"]

EPILOG = """Examples:

  quoteattr corpus articles.jsonl --outlet-field site --date-field published -o out/

  quoteattr extract articles.jsonl -o quotes.jsonl
  quoteattr corpus --from-jsonl quotes.jsonl --outlet-field site -o out/

  quoteattr corpus --from-jsonl quotes.jsonl --aliases aliases.csv -o out/

out/ then holds one NAME.parquet and NAME.csv per table (quotes, speakers, roles,
clusters, cluster_members, by_outlet, by_month, by_kind, by_role, by_gender,
by_gender_estimate, top_speakers) and report.html.
"""


def _extract_rows(
    paths: list[str],
    report: BatchReport,
    *,
    outlet_field: str | None,
    date_field: str | None,
) -> Iterator[QuoteRecord]:
    from ..corpus.records import read_quote_records

    for path in paths:
        try:
            handle = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            report.failed += 1
            sys.stderr.write(f"quoteattr: cannot read {path}: {exc.strerror}\n")
            continue
        try:
            yield from read_quote_records(
                [handle], outlet_field=outlet_field, date_field=date_field
            )
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise CliError(f"{path} is not the JSON Lines of 'quoteattr extract' ({exc})") from exc
        finally:
            if path != "-":
                handle.close()


@app.command(
    "corpus",
    help="Follow speakers and quotations across documents: corpus speakers with their "
    "aliases and roles, the same quotation across outlets (verbatim, altered, partial), "
    "breakdowns per outlet and month, as tables (Parquet, CSV) and an HTML report in DIR. "
    "Reads documents (as extract does) or, with --from-jsonl, the JSON Lines of extract.",
    epilog=EPILOG,
)
@guarded
@settings_options
@input_options
def corpus_command(
    paths: PathsArg = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="DIR", help="Folder to write into.")
    ] = Path("corpus"),
    from_jsonl: Annotated[
        bool,
        typer.Option("--from-jsonl", help="PATHs are JSON Lines written by 'quoteattr extract'."),
    ] = False,
    outlet_field: Annotated[
        str | None,
        typer.Option("--outlet-field", metavar="NAME", help="JSON Lines field with the outlet."),
    ] = None,
    date_field: Annotated[
        str | None,
        typer.Option(
            "--date-field",
            metavar="NAME",
            help="JSON Lines field with the date (ISO, e.g. 2016-10-09); "
            "without it, first seen means first in input order.",
        ),
    ] = None,
    aliases: Annotated[
        Path | None,
        typer.Option(
            "--aliases",
            metavar="CSV",
            help="CSV of key,alias rows: each alias is that corpus speaker (takes precedence).",
        ),
    ] = None,
    min_words: Annotated[
        int,
        typer.Option("--min-words", min=2, metavar="N", help="Shortest quotation followed."),
    ] = 6,
    tables: Annotated[
        Literal["both", "parquet", "csv"], typer.Option("--tables", help="Table file formats.")
    ] = "both",
    title: Annotated[str, typer.Option("--title", help="The report's title.")] = "Corpus report",
    model: ModelOpt = None,
    batch_size: Batch = 16,
    n_process: NProcess = 1,
    quiet: QuietOpt = False,
    *,
    settings: Settings,
    options: InputOptions,
) -> int:
    """Check the options, build the corpus tables, write them and the report to DIR."""
    try:
        from ..corpus import document_records, read_alias_table, run_corpus, write_corpus
    except ImportError as exc:
        raise CliError(
            f"the corpus stage needs {exc.name}: pip install 'quoteattr[corpus]'"
        ) from exc
    sources = input_paths(paths)
    alias_table: dict[str, str] = {}
    if aliases is not None:
        try:
            with aliases.open(encoding="utf-8") as handle:
                alias_table = read_alias_table(handle)
        except OSError as exc:
            raise CliError(f"cannot read --aliases {aliases}: {exc.strerror}") from exc
    report = BatchReport()
    progress = Progress(sys.stderr, quiet=quiet)
    records: Iterable[QuoteRecord]
    if from_jsonl:
        records = _extract_rows(sources, report, outlet_field=outlet_field, date_field=date_field)
    else:
        try:
            check_not_empty(sources, options)
            extractor = load_extractor(model, settings)
        except (ValueError, OSError, QuoteattrError) as exc:
            raise CliError(str(exc)) from exc
        if progress.enabled:
            progress.total = count_documents(sources, options)
        stream = stream_documents(
            extractor,
            iter_documents(sources, stdin=sys.stdin, options=options),
            report,
            errors=sys.stderr,
            progress=progress,
            batch_size=batch_size,
            n_process=n_process,
        )
        records = document_records(
            _counted(stream, report, progress), outlet_field=outlet_field, date_field=date_field
        )
    frames = run_corpus(records, aliases=alias_table, min_words=min_words)
    progress.close()
    if not from_jsonl and report.done + report.failed == 0:
        raise CliError(nothing_read_message(sources, options))
    formats = ("parquet", "csv") if tables == "both" else (tables,)
    written = write_corpus(frames, output, formats=formats, title=title)
    if not quiet:
        speakers, clusters = len(frames["speakers"]), len(frames["clusters"])
        sys.stderr.write(
            f"quoteattr: {len(frames['quotes'])} quote(s), {speakers} corpus speaker(s), "
            f"{clusters} quotation(s) in 2+ documents; wrote {len(written)} file(s) to "
            f"{output}\n"
        )
    return 1 if report.failed else 0


def _counted(
    stream: Iterable[tuple[Document, list[Quote]]], report: BatchReport, progress: Progress
) -> Iterator[tuple[Document, list[Quote]]]:
    for doc, quotes in stream:
        report.done += 1
        report.quotes += len(quotes)
        progress.update(quotes=len(quotes))
        yield doc, quotes
