"""``quoteattr evaluate``: the team scorer's figures (``shared/eval/score.py``) on gold data."""

from __future__ import annotations

import contextlib
import json
import sys
from typing import Annotated

import typer

from ..errors import QuoteattrError
from ..evaluation import evaluate, format_errors, load_gold, load_predictions
from ..io.batch import load_extractor
from ._app import (
    CliError,
    CueClassesOpt,
    FastOpt,
    MinConfidenceOpt,
    ModelOpt,
    NoIndirectOpt,
    ScopeOpt,
    SetOpt,
    UnattributedOpt,
    app,
    build_settings,
    guarded,
)

__all__ = ["evaluate_command"]

EPILOG = """Examples:

  quoteattr evaluate gold.jsonl --skip 420 --errors --errors-limit 20

  quoteattr evaluate gold.jsonl --settings '{"scope": "attributions"}' --json

  quoteattr evaluate gold.jsonl --predictions pred.jsonl --json

The figures equal those of shared/eval/score.py on the same file and settings.
"""


@app.command(
    "evaluate",
    help="Score quoteattr (or a prediction file) against gold JSON Lines: span, exact, "
    "speaker and end-to-end figures for quoted and all attributions.",
    epilog=EPILOG,
)
@guarded
def evaluate_command(
    gold: Annotated[str, typer.Argument(metavar="GOLD.jsonl", help="Gold JSON Lines file.")],
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
    settings_json: Annotated[
        str | None,
        typer.Option(
            "--settings",
            metavar="JSON",
            help="Settings as a JSON object, as score.py takes them: "
            '\'{"scope": "attributions"}\'.',
        ),
    ] = None,
    scope: ScopeOpt = None,
    cue_classes: CueClassesOpt = None,
    min_confidence: MinConfidenceOpt = None,
    unattributed: UnattributedOpt = False,
    no_indirect: NoIndirectOpt = False,
    fast: FastOpt = False,
    sets: SetOpt = None,
    model: ModelOpt = None,
) -> int:
    """Load the gold (and predictions or the extractor), score, print the report."""
    settings = build_settings(
        scope=scope,
        cue_classes=cue_classes,
        min_confidence=min_confidence,
        unattributed=unattributed,
        no_indirect=no_indirect,
        fast=fast,
        sets=sets,
        settings_json=settings_json,
    )
    try:
        docs = load_gold(gold)[skip:]
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
