"""Command line: ``quoteattr [extract] FILE... [--format jsonl|json|table]``.

The CLI only parses arguments and checks paths; the work is done by the
streaming functions in ``quoteattr.batch``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__
from .batch import iter_documents, write_results
from .evaluate import add_evaluate_parser, run_evaluate
from .render import add_render_parser, run_render

__all__ = ["main"]

_COMMANDS = ("extract", "evaluate", "render")
_EXTRACT_EPILOG = """examples:
  quoteattr examples/*.txt --format table
  cat article.txt | quoteattr - --format jsonl
  quoteattr evaluate gold.jsonl --errors
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quoteattr",
        description="Find the quotations in news text and who said them.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=_EXTRACT_EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"quoteattr {__version__}")
    sub = parser.add_subparsers(dest="command")
    ext = sub.add_parser(
        "extract",
        help="extract quotes from files or stdin (the default command)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=_EXTRACT_EPILOG,
    )
    ext.add_argument("paths", nargs="*", default=["-"], help="text files; '-' reads stdin")
    ext.add_argument("--format", choices=("jsonl", "json", "table"), default="jsonl")
    ext.add_argument("--model", help="spaCy pipeline name or path (default: best installed)")
    ext.add_argument("--batch-size", type=int, default=16)
    ext.add_argument("--n-process", type=int, default=1)
    add_evaluate_parser(sub)
    add_render_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    Example:
        >>> main(["examples/harbour_bridge.txt", "--format", "table"])  # doctest: +SKIP
        0
    """
    args_in = list(sys.argv[1:] if argv is None else argv)
    if not args_in or (
        args_in[0] not in _COMMANDS and args_in[0] not in ("-h", "--help", "--version")
    ):
        args_in.insert(0, "extract")
    args = _parser().parse_args(args_in)
    if args.command == "extract":
        from .api import get_extractor

        nlp = None
        if args.model:
            import spacy

            nlp = spacy.load(args.model)
        extractor = get_extractor(nlp)
        docs = iter_documents(args.paths, stdin=sys.stdin)
        return write_results(
            extractor,
            docs,
            sys.stdout,
            fmt=args.format,
            batch_size=args.batch_size,
            n_process=args.n_process,
            errors=sys.stderr,
        )
    if args.command == "evaluate":
        return run_evaluate(args, sys.stdout)
    if args.command == "render":
        return run_render(args, sys.stdout)
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
