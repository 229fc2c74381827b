"""``quoteattr evaluate``: the reference scorer's figures (``score.py``) on gold JSON Lines."""

from __future__ import annotations

import contextlib
import json
import sys
from typing import Annotated

import typer

from ..errors import QuoteattrError
from ..evaluation import evaluate, format_errors, load_gold, load_predictions, write_gold
from ..io.batch import load_extractor
from ..settings import Settings
from ._app import CliError, ModelOpt, app, guarded, settings_options

__all__ = ["evaluate_command"]

EPILOG = """Examples:

  quoteattr evaluate gold.jsonl --skip 420 --errors --errors-limit 20

  quoteattr evaluate gold.jsonl --settings '{"scope": "attributions"}'

  quoteattr evaluate gold.jsonl --predictions pred.jsonl --json

  quoteattr evaluate PolNeAR/data/train --save-gold polnear_train.jsonl

The figures equal those of the format's reference scorer (score.py) on the same file.
Predictions may be a file of --dump or the JSON Lines of 'quoteattr extract'.
"""


@app.command(
    "evaluate",
    help="Score quoteattr (or a prediction file) against gold JSON Lines, or a folder of "
    "brat attribution annotations: span, exact, speaker and end-to-end figures for quoted "
    "and all attributions.",
    epilog=EPILOG,
)
@guarded
@settings_options
def evaluate_command(
    gold: Annotated[
        str,
        typer.Argument(
            metavar="GOLD",
            help="Gold JSON Lines file, or a folder of brat .ann files (or one holding an "
            "'attributions' folder of them) with their .txt texts.",
        ),
    ],
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, metavar="N", help="Score at most N documents.")
    ] = None,
    skip: Annotated[
        int, typer.Option("--skip", min=0, metavar="N", help="Skip the first N documents.")
    ] = 0,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the figures as one JSON object.")
    ] = False,
    errors: Annotated[
        bool, typer.Option("--errors", help="List the errors and their summary.")
    ] = False,
    errors_limit: Annotated[
        int, typer.Option("--errors-limit", min=0, metavar="N", help="Errors to list.")
    ] = 50,
    dump: Annotated[
        str | None,
        typer.Option("--dump", metavar="PRED.jsonl", help="Write the predictions here."),
    ] = None,
    predictions: Annotated[
        str | None,
        typer.Option("--predictions", metavar="PRED.jsonl", help="Score these, not the extractor."),
    ] = None,
    save_gold: Annotated[
        str | None,
        typer.Option(
            "--save-gold",
            metavar="GOLD.jsonl",
            help="Also write the gold read (all of it) as JSON Lines, e.g. from brat files.",
        ),
    ] = None,
    model: ModelOpt = None,
    *,
    settings: Settings,
) -> int:
    """Load the gold (and predictions or the extractor), score, print the report."""
    try:
        docs = load_gold(gold)
        if save_gold:
            write_gold(docs, save_gold)
        docs = docs[skip:]
        docs = docs[:limit] if limit else docs
        preds = load_predictions(predictions) if predictions else None
        system = load_extractor(model, settings).extract if preds is None else None
    except (OSError, ValueError, QuoteattrError) as exc:
        raise CliError(_message(exc)) from exc
    out = sys.stdout
    with contextlib.ExitStack() as stack:
        sink = stack.enter_context(open(dump, "w", encoding="utf-8")) if dump else None
        report = evaluate(docs, system, predictions=preds, collect_errors=errors, dump=sink)
    if as_json:
        print(json.dumps(report.to_dict(extended=errors), ensure_ascii=False), file=out)
    else:
        print(report.format(), file=out)
        if errors:
            print(format_errors(report.errors, limit=errors_limit), file=out)
    return 0


def _message(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.filename is not None and exc.strerror:
        return f"cannot read {exc.filename}: {exc.strerror}"
    return str(exc)
