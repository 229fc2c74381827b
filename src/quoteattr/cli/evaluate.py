"""The ``evaluate`` subcommand."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable
from typing import TextIO

from ..evaluation import evaluate, format_errors, load_gold, load_predictions
from ..models import Quote


def add_evaluate_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the "evaluate" subcommand, handled by :func:`run_evaluate`.

    Example:
        >>> parser = argparse.ArgumentParser()
        >>> add_evaluate_parser(parser.add_subparsers(dest="command"))
        >>> parser.parse_args(["evaluate", "gold.jsonl", "--limit", "5"]).limit
        5
    """
    p = subparsers.add_parser(
        "evaluate",
        help="score quoteattr against gold JSON Lines",
        description="Score quoteattr against gold JSON Lines (the figures of score.py).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  quoteattr evaluate gold.jsonl --skip 420 --errors --errors-limit 20\n"
        "  quoteattr evaluate gold.jsonl --predictions pred.jsonl --json\n",
    )
    p.add_argument("gold", help="gold JSON Lines file")
    p.add_argument("--limit", type=int, metavar="N", help="score at most N documents")
    p.add_argument("--skip", type=int, default=0, metavar="N", help="skip the first N documents")
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    p.add_argument("--errors", action="store_true", help="list the errors and their summary")
    p.add_argument("--errors-limit", type=int, default=50, metavar="N", help="errors to list")
    p.add_argument("--dump", metavar="PRED.jsonl", help="write the predictions here")
    p.add_argument("--predictions", metavar="PRED.jsonl", help="score these, not the extractor")
    p.add_argument("--cue-classes", metavar="A,B", help="cue classes to report (comma-separated)")
    p.add_argument("--model", metavar="NAME", help="spaCy pipeline (default: best installed)")


def _system(args: argparse.Namespace) -> Callable[[str], list[Quote]]:
    from ..api import get_extractor
    from ..settings import Settings

    classes = frozenset(c.strip() for c in (args.cue_classes or "").split(",") if c.strip())
    settings = Settings(cue_classes=classes) if classes else Settings()
    nlp = None
    if args.model:
        import spacy

        nlp = spacy.load(args.model)
    return get_extractor(nlp, settings).extract


def run_evaluate(args: argparse.Namespace, out: TextIO) -> int:
    """Run the "evaluate" subcommand on parsed ``args``; return 0, or 2 on bad input.

    Example:
        >>> run_evaluate(parser.parse_args(["evaluate", "gold.jsonl"]), out)  # doctest: +SKIP
        0
    """
    from ..errors import QuoteattrError

    try:
        docs = load_gold(args.gold)[max(args.skip, 0) :]
        docs = docs[: args.limit] if args.limit else docs
        preds = load_predictions(args.predictions) if args.predictions else None
        system = _system(args) if preds is None else None
    except (OSError, ValueError, QuoteattrError) as exc:
        print(f"quoteattr evaluate: error: {exc}", file=sys.stderr)
        return 2
    with contextlib.ExitStack() as stack:
        dump = stack.enter_context(open(args.dump, "w", encoding="utf-8")) if args.dump else None
        report = evaluate(docs, system, predictions=preds, collect_errors=args.errors, dump=dump)
    if args.json:
        print(json.dumps(report.to_dict(extended=args.errors), ensure_ascii=False), file=out)
    else:
        print(report.format(), file=out)
        if args.errors:
            print(format_errors(report.errors, limit=args.errors_limit), file=out)
    return 0
