"""``quoteattr extract``: quotes of files, folders, JSON Lines or stdin, in any output format."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ..errors import QuoteattrError
from ..io.batch import extract_documents, load_extractor
from ..io.inputs import InputOptions, count_documents, iter_documents
from ..io.outputs import OutputFormat, check_output
from ..io.progress import in_notebook
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

__all__ = ["extract"]

EPILOG = """Examples:

  quoteattr extract examples/*.txt --format table

  quoteattr extract corpus/ -o quotes.csv

  quoteattr extract corpus/ -o quotes.jsonl --resume

  cat article.txt | quoteattr extract -

  quoteattr extract docs.jsonl --text-field body --id-field url -o q.parquet

  quoteattr extract corpus/ --scope attributions --min-confidence 0.7

Exit codes: 0 done, 1 a document failed, 2 bad options or no document,
130 Ctrl-C, 143 SIGTERM, 141 stdout closed.
"""


@app.command(
    help="Extract the quotes of documents: one record per quote, with its document id "
    "(doc_id). A file that cannot be read is reported and the others go on.",
    epilog=EPILOG,
)
@guarded
@settings_options
@input_options
def extract(
    paths: PathsArg = None,
    output: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE",
            help="Write here, atomically, instead of stdout; the suffix gives the format. "
            "With jsonl and csv, the ids of documents with no quote go next to it, to "
            "FILE.no-quotes (one a line), which --resume reads.",
        ),
    ] = None,
    fmt: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            help="Output format (default: from the -o suffix, else jsonl).",
            show_default=False,
        ),
    ] = None,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="With -o (jsonl, csv): skip documents already in it or in FILE.no-quotes.",
        ),
    ] = False,
    model: ModelOpt = None,
    batch_size: Batch = 16,
    n_process: NProcess = 1,
    quiet: QuietOpt = False,
    *,
    settings: Settings,
    options: InputOptions,
) -> int:
    """Check the options, load the model, then stream the documents to the writer."""
    sources = input_paths(paths)
    try:
        chosen = check_output(fmt, output, resume=resume)
        check_not_empty(sources, options)
        extractor = load_extractor(model, settings)
    except (ValueError, OSError, QuoteattrError) as exc:
        raise CliError(str(exc)) from exc
    shown = not quiet and (sys.stderr.isatty() or in_notebook())
    total = count_documents(sources, options) if shown else None
    return extract_documents(
        extractor,
        iter_documents(sources, stdin=sys.stdin, options=options),
        fmt=chosen,
        stdout=sys.stdout,
        stderr=sys.stderr,
        output=output,
        resume=resume,
        quiet=quiet,
        batch_size=batch_size,
        n_process=n_process,
        total=total,
        nothing_read=nothing_read_message(sources, options),
    )
