"""``quoteattr summarize``: speakers ranked by number of quotes, over a corpus and per document."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Annotated, Literal

import typer

from ..errors import QuoteattrError
from ..io.batch import BatchReport, load_extractor, stream_documents
from ..io.inputs import InputOptions, count_documents, iter_documents
from ..io.interrupts import exit_code
from ..io.progress import Progress
from ..models import Quote
from ..settings import Settings
from ..summarize import count_results, format_summary, read_extract_jsonl, summarize
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

__all__ = ["summarize_command"]

EPILOG = """Examples:

  quoteattr summarize corpus/ --top 20

  quoteattr summarize corpus/ --per-document --format csv > speakers.csv

  quoteattr summarize --from-jsonl quotes.jsonl
"""


@app.command(
    "summarize",
    help="Rank speakers by number of quotes, over the corpus and per document. Reads "
    "documents (as extract does) or, with --from-jsonl, the JSON Lines of extract.",
    epilog=EPILOG,
)
@guarded
@settings_options
@input_options
def summarize_command(
    paths: PathsArg = None,
    from_jsonl: Annotated[
        bool,
        typer.Option("--from-jsonl", help="PATHs are JSON Lines written by 'quoteattr extract'."),
    ] = False,
    fmt: Annotated[Literal["table", "json", "csv"], typer.Option("--format")] = "table",
    top: Annotated[
        int, typer.Option("--top", min=0, metavar="N", help="Speakers to list (0: all).")
    ] = 10,
    per_document: Annotated[
        bool, typer.Option("--per-document", help="Also rank each document's speakers.")
    ] = False,
    model: ModelOpt = None,
    batch_size: Batch = 16,
    n_process: NProcess = 1,
    quiet: QuietOpt = False,
    *,
    settings: Settings,
    options: InputOptions,
) -> int:
    """Check the options, then summarize the documents (or extract's output) to stdout."""
    sources = input_paths(paths)
    stdout, stderr = sys.stdout, sys.stderr
    report = BatchReport()
    results: Iterable[tuple[str, list[Quote]]]
    progress = Progress(stderr, quiet=quiet)
    if from_jsonl:
        results = read_extract_jsonl(sources, report, stderr)
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
            errors=stderr,
            progress=progress,
            batch_size=batch_size,
            n_process=n_process,
        )
        results = ((doc.id, quotes) for doc, quotes in stream)
    summary = summarize(count_results(results, report, progress), per_document=per_document)
    progress.close()
    if report.done + report.failed == 0 and report.interruption is None and not from_jsonl:
        raise CliError(nothing_read_message(sources, options))
    stdout.write(format_summary(summary, fmt, top=top))
    if report.interruption is not None:
        stderr.write(f"quoteattr: interrupted after {report.done} document(s)\n")
    if report.should_summarize(quiet=quiet):
        stderr.write(report.summary() + "\n")
    if report.interruption is not None:
        return exit_code(report.interruption)
    return 1 if report.failed else 0
