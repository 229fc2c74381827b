"""Command line: ``quoteattr [extract] PATH... [-o FILE] [--format ...]`` and subcommands.

The CLI only parses arguments and checks options; the work is done by plain
streaming functions (``quoteattr.batch``, ``quoteattr.summarize``, ...). A
subcommand is added with an ``add_X_parser(sub)`` call in ``_parser`` and a
dispatch line in ``main``; the first argument that is not a subcommand name
runs ``extract``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from .. import __version__
from ..errors import QuoteattrError
from ..io.batch import add_processing_arguments, extract_documents, load_extractor
from ..io.inputs import add_input_arguments, input_options, iter_documents
from ..io.outputs import FORMATS, check_output, format_for_path
from ..render.page import add_render_parser, run_render
from ..summarize import add_summarize_parser, run_summarize
from .evaluate import add_evaluate_parser, run_evaluate

__all__ = ["add_extract_parser", "main", "run_extract"]

_EPILOG = """examples:
  quoteattr examples/*.txt --format table
  quoteattr extract corpus/ -o quotes.csv              # a folder (recursive *.txt) to CSV
  quoteattr extract corpus/ -o quotes.jsonl --resume   # skip documents already done
  cat article.txt | quoteattr - --format jsonl
  quoteattr extract docs.jsonl --format json           # JSON Lines input: {"id", "text"}
  quoteattr summarize corpus/ --top 20
  quoteattr evaluate gold.jsonl --errors

exit codes: 0 ok, 1 some document failed, 2 bad options, 130 interrupted (Ctrl-C)
"""


def add_extract_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the "extract" subcommand, handled by :func:`run_extract`."""
    p = subparsers.add_parser(
        "extract",
        help="extract quotes from files, folders or stdin (the default command)",
        description="Extract quotes, one row per quote with its document id. Failures to "
        "read a file are reported on stderr and the other files are processed.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=_EPILOG,
    )
    add_input_arguments(p)
    p.add_argument(
        "--format",
        choices=FORMATS,
        help="output format (default: from the -o suffix .jsonl/.json/.csv/.parquet, else jsonl)",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write here (atomically: a temporary file renamed when done) instead of stdout",
    )
    p.add_argument(
        "--resume",
        action="store_true",
        help="with -o FILE (jsonl or csv): skip documents already in FILE and append",
    )
    add_processing_arguments(p)


def run_extract(args: argparse.Namespace) -> int:
    """Run the "extract" subcommand on parsed ``args``; return the exit code."""
    fmt = args.format or format_for_path(args.output)
    try:
        check_output(fmt, args.output, resume=args.resume)
        options = input_options(args)
        extractor = load_extractor(args.model)
    except (ValueError, OSError, QuoteattrError) as exc:
        print(f"quoteattr: error: {exc}", file=sys.stderr)
        return 2
    return extract_documents(
        extractor,
        iter_documents(args.paths, stdin=sys.stdin, options=options),
        fmt=fmt,
        stdout=sys.stdout,
        stderr=sys.stderr,
        output=args.output,
        resume=args.resume,
        quiet=args.quiet,
        batch_size=args.batch_size,
        n_process=args.n_process,
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quoteattr",
        description="Find the quotations in news text and who said them. "
        "Without a subcommand, runs extract.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=_EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"quoteattr {__version__}")
    sub = parser.add_subparsers(dest="command")
    add_extract_parser(sub)
    add_summarize_parser(sub)
    add_evaluate_parser(sub)
    add_render_parser(sub)
    return parser


def _commands(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    Example:
        >>> main(["examples/harbour_bridge.txt", "--format", "table"])  # doctest: +SKIP
        0
    """
    args_in = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    if not args_in or (
        args_in[0] not in _commands(parser) and args_in[0] not in ("-h", "--help", "--version")
    ):
        args_in.insert(0, "extract")
    args = parser.parse_args(args_in)
    try:
        if args.command == "extract":
            return run_extract(args)
        if args.command == "summarize":
            return run_summarize(args, sys.stdout, sys.stderr)
        if args.command == "evaluate":
            return run_evaluate(args, sys.stdout)
        if args.command == "render":
            return run_render(args, sys.stdout)
    except KeyboardInterrupt:
        print("quoteattr: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away, e.g. `quoteattr ... | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes stdout
        return 128 + 13  # SIGPIPE, as the shell reports it
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
