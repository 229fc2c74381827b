"""The typer application, its entry point and what the commands share.

Each command module (``extract``, ``summarize``, ``corpus``, ``render``, ``evaluate``, ``info``)
adds itself to ``app`` with ``@app.command``, checks its options and calls plain
functions from ``quoteattr.io``, ``quoteattr.evaluation`` or ``quoteattr.render``.
``main`` runs the app without click's "standalone" exits, so that every usage
error is printed the same way (``quoteattr: error: ...``) and gives exit code 2.

``quoteattr FILE ...`` is a shortcut for ``quoteattr extract FILE ...``, taken only
when the first argument is an existing file or folder, "-" or an option: a
mistyped command ("sumarize") is an error that suggests the command, never a
file name to extract.
"""

from __future__ import annotations

import difflib
import functools
import inspect
import json
import os
import sys
import typing
from collections.abc import Callable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import typer
from pydantic import ValidationError

from ..io.inputs import InputOptions, check_encoding
from ..settings import SPEECH_CUE_CLASSES, Settings

__all__ = [
    "EXIT_USAGE",
    "Batch",
    "CliError",
    "CueClassesOpt",
    "FastOpt",
    "MinConfidenceOpt",
    "ModelOpt",
    "NProcess",
    "NoIndirectOpt",
    "QuietOpt",
    "Scope",
    "ScopeOpt",
    "SetOpt",
    "UnattributedOpt",
    "app",
    "build_settings",
    "check_not_empty",
    "input_options",
    "main",
    "no_input_hint",
    "settings_options",
]

EXIT_USAGE = 2
_PROG = "quoteattr"


class CliError(Exception):
    """A bad option value or input found by a command: printed as an error, exit code 2."""

    exit_code = EXIT_USAGE


# typer (0.29) vendors click: its exception classes are reached through a public one
_CLICK_ERROR: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
)
_USAGE_ERROR: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError"
)


app = typer.Typer(
    name=_PROG,
    help="Find the quotations in news text and say who said them, in what role, with which words.",
    epilog="Run 'quoteattr COMMAND --help' for a command's options and examples. "
    "'quoteattr FILE...' is short for 'quoteattr extract FILE...'.",
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"{_PROG} {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Find the quotations in news text and say who said them."""


# ------------------------------------------------------------------ shared options

ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model",
        metavar="NAME_OR_PATH",
        help="spaCy pipeline name or path (default: the best installed English one; "
        "see 'quoteattr info').",
    ),
]
#: the values of ``Settings.scope`` (a test checks that they are the same)
Scope = Literal["speech", "attributions"]
ScopeOpt = Annotated[
    Scope | None,
    typer.Option(
        "--scope",
        help="speech (default): what a reader calls quotes; attributions: also beliefs, "
        "findings, perceptions (PARC/PolNeAR).",
        show_default=False,
    ),
]
CueClassesOpt = Annotated[
    str | None,
    typer.Option(
        "--cue-classes",
        metavar="A,B,...",
        help="Cue classes to report, comma-separated ('speech' for all speech classes).",
    ),
]
MinConfidenceOpt = Annotated[
    float | None,
    typer.Option(
        "--min-confidence", min=0.0, max=1.0, metavar="P", help="Drop quotes below P (0 to 1)."
    ),
]
UnattributedOpt = Annotated[
    bool,
    typer.Option("--unattributed", help="Also report quotations with no speaker found."),
]
NoIndirectOpt = Annotated[
    bool, typer.Option("--no-indirect", help="Report quotations only, no indirect speech.")
]
FastOpt = Annotated[
    bool,
    typer.Option("--fast", help="Parse only the sentences near quotation marks and cues."),
]
SetOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--set",
        metavar="KEY=VALUE",
        help="Any extraction setting, repeatable; VALUE is JSON or a word: "
        + ", ".join(Settings.model_fields)
        + ".",
    ),
]
Batch = Annotated[int, typer.Option("--batch-size", min=1, metavar="N", help="Texts per batch.")]
NProcess = Annotated[int, typer.Option("--n-process", min=1, metavar="N", help="Worker processes.")]
QuietOpt = Annotated[
    bool,
    typer.Option(
        "-q", "--quiet", help="No progress bar and no summary line (failures still shown)."
    ),
]


def _setting_value(key: str, raw: str) -> Any:
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        value = raw
    if key == "cue_classes" and isinstance(value, str):
        return _cue_classes(value)
    return value


def _cue_classes(raw: str) -> frozenset[str]:
    names = {c.strip() for c in raw.split(",") if c.strip()}
    if "speech" in names:
        names = (names - {"speech"}) | SPEECH_CUE_CLASSES
    return frozenset(names)


def build_settings(
    *,
    scope: str | None = None,
    cue_classes: str | None = None,
    min_confidence: float | None = None,
    unattributed: bool = False,
    no_indirect: bool = False,
    fast: bool = False,
    sets: Sequence[str] | None = None,
    settings_json: str | None = None,
) -> Settings:
    """The ``Settings`` of the command-line options; fields not given keep their default.

    Raises:
        CliError: naming the setting and what is allowed, for a bad value.

    Example:
        >>> build_settings(scope="attributions", sets=["chunk_chars=5000"]).chunk_chars
        5000
    """
    values: dict[str, Any] = {}
    if settings_json:
        try:
            loaded = json.loads(settings_json)
        except json.JSONDecodeError as exc:
            raise CliError(f"--settings is not JSON: {exc.msg}") from exc
        if not isinstance(loaded, dict):
            raise CliError("--settings must be a JSON object of setting names")
        values.update(loaded)
    for item in sets or ():
        key, sep, raw = item.partition("=")
        if not sep or not key.strip():
            raise CliError(f"--set expects KEY=VALUE, got {item!r}")
        values[key.strip()] = _setting_value(key.strip(), raw)
    explicit: dict[str, Any] = {
        "scope": scope,
        "cue_classes": _cue_classes(cue_classes) if cue_classes is not None else None,
        "min_confidence": min_confidence,
        "unattributed": True if unattributed else None,
        "indirect": False if no_indirect else None,
        "fast": True if fast else None,
    }
    values.update({k: v for k, v in explicit.items() if v is not None})
    try:
        return Settings(**values)
    except ValidationError as exc:
        raise CliError(_validation_message(exc)) from exc


def _validation_message(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors():
        msg = str(error["msg"]).removeprefix("Value error, ")
        loc = ".".join(str(x) for x in error["loc"])
        parts.append(msg if msg.startswith("[QA") or not loc else f"setting {loc!r}: {msg}")
    return "; ".join(parts)


# ------------------------------------------------------------------ entry point
_ROOT_OPTIONS = frozenset({"-h", "--help", "--version"})


def no_input_hint() -> str:
    """What ``quoteattr`` alone on a terminal prints instead of waiting for stdin."""
    return (
        "quoteattr: nothing to read: give files or folders, or pipe text in. For example:\n"
        "  quoteattr extract corpus/ -o quotes.csv\n"
        "  cat article.txt | quoteattr extract -\n"
        "  quoteattr info        # version, model and extras\n"
        "Commands: extract, summarize, corpus, render, evaluate, info ('quoteattr --help').\n"
    )


def _commands() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(getattr(group, "commands", {}))


def _route(args: list[str]) -> list[str] | str:
    """The arguments for the typer app, or a usage error message."""
    commands = _commands()
    if not args:
        return args if _stdin_is_terminal() else ["extract"]
    first = args[0]
    if first in commands or first in _ROOT_OPTIONS:
        return args
    if first == "-" or first.startswith("-") or os.path.exists(first):
        return ["extract", *args]
    close = difflib.get_close_matches(first, commands, n=1)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    return (
        f"'{first}' is not a command, nor an existing file or folder.{hint} "
        f"Commands: {', '.join(commands)}."
    )


def _stdin_is_terminal() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (ValueError, AttributeError):
        return False


def _error(message: str) -> None:
    sys.stderr.write(f"{_PROG}: error: {message}\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on ``argv`` (default ``sys.argv[1:]``); return the exit code.

    Example:
        >>> main(["extract", "examples/harbour_bridge.txt", "--format", "table"])  # doctest: +SKIP
        0
    """
    args = list(sys.argv[1:] if argv is None else argv)
    routed = _route(args)
    if isinstance(routed, str):
        _error(routed)
        return EXIT_USAGE
    if not routed:
        sys.stderr.write(no_input_hint())
        return EXIT_USAGE
    command = _plain_flags(typer.main.get_command(app))
    misused = _flag_given_a_value(command, routed)
    if misused is not None:
        _error(misused)
        return EXIT_USAGE
    try:
        result = command.main(routed, prog_name=_PROG, standalone_mode=False)
    except CliError as exc:
        _error(str(exc))
        return EXIT_USAGE
    except _USAGE_ERROR as exc:
        message = getattr(exc, "format_message", exc.__str__)().replace("Value error, ", "")
        _error(message + _did_you_mean(exc, routed))
        ctx = getattr(exc, "ctx", None)
        name = ctx.command_path if ctx is not None else _PROG
        sys.stderr.write(f"Run '{name} --help' for the options.\n")
        return EXIT_USAGE
    except _CLICK_ERROR as exc:
        _error(getattr(exc, "format_message", exc.__str__)())
        return int(getattr(exc, "exit_code", 1))
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        return 130
    return result if isinstance(result, int) else 0


def _did_you_mean(exc: object, args: Sequence[str]) -> str:
    """ " Did you mean 'speech'?" for a bad value of an option with choices (else "").

    Example:
        >>> from types import SimpleNamespace as Fake
        >>> option = Fake(opts=["--scope"], type=Fake(choices=("speech", "attributions")))
        >>> _did_you_mean(Fake(param=option), ["--scope", "speach"])
        " Did you mean 'speech'?"
    """
    param = getattr(exc, "param", None)
    described = getattr(param, "type", None) or getattr(param, "type_descriptor", None)
    choices = getattr(described, "choices", None)
    if param is None or not choices:
        return ""
    opts = tuple(getattr(param, "opts", ()))
    values = [b for a, b in pairwise(args) if a in opts]
    values += [a.partition("=")[2] for a in args if a.partition("=")[0] in opts and "=" in a]
    names = [str(c) for c in choices]
    for value in values:
        if value not in names:
            close = difflib.get_close_matches(value, names, n=1)
            if close:
                return f" Did you mean '{close[0]}'?"
    return ""


_BOOL_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "1", "0"})


def _flag_given_a_value(command: Any, args: Sequence[str]) -> str | None:
    """The error for ``--quiet true`` (a flag followed by a boolean word that is not a
    file), which would otherwise read "true" as an input; None when there is none."""
    sub = getattr(command, "commands", {}).get(args[0]) if args else None
    if sub is None:
        return None
    flags = {opt for p in sub.params if getattr(p, "is_flag", False) for opt in p.opts}
    for flag, value in pairwise(args[1:]):
        if flag in flags and value.lower() in _BOOL_WORDS and not os.path.exists(value):
            return f"{flag} is a flag and takes no value: write '{flag}', not '{flag} {value}'."
    return None


def _plain_flags(command: Any) -> Any:
    """``command`` with its flags (``--quiet``, ``--help``) shown in ``--help`` without a
    value type: they take no value (typer would show ``--quiet <bool>``)."""
    root = typer.Context(command, **command.context_settings)
    for sub in [command, *getattr(command, "commands", {}).values()]:
        for param in sub.params:
            if getattr(param, "is_flag", False):
                param.metavar = ""
        ctx = root if sub is command else typer.Context(sub, parent=root, **sub.context_settings)
        help_option = sub.get_help_option(ctx)  # built once and kept by click
        if help_option is not None:
            help_option.metavar = ""
    return command


F = TypeVar("F", bound=Callable[..., int])


def guarded(func: F) -> F:
    """Give a command the exit code 141 when the reader of stdout goes away (``| head``)."""
    import functools

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> int:
        try:
            return func(*args, **kwargs)
        except BrokenPipeError:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes stdout
            return 128 + 13  # SIGPIPE, as the shell reports it

    return wrapper  # type: ignore[return-value]


def display_path(path: str | Path) -> str:
    """A path as the user gave it (stdin shown as "stdin")."""
    return "stdin" if str(path) == "-" else str(path)


# ------------------------------------------------------------------ input options
PathsArg = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="PATH",
        help="Text files, folders (searched recursively), JSON Lines files, or '-' for stdin "
        "(the default when stdin is not a terminal).",
        show_default=False,
    ),
]
GlobOpt = Annotated[
    str, typer.Option("--glob", metavar="PATTERN", help="File pattern inside folders.")
]
InputFormatOpt = Annotated[
    Literal["auto", "text", "jsonl"],
    typer.Option(
        "--input-format",
        help="auto: *.jsonl/*.ndjson files and stdin starting with a record are JSON Lines, "
        "the rest one document a file.",
    ),
]
EncodingOpt = Annotated[
    str, typer.Option("--encoding", help="Encoding of the input files and stdin.")
]
EncodingErrorsOpt = Annotated[
    Literal["strict", "replace"],
    typer.Option(
        "--encoding-errors",
        help="strict: a file with undecodable bytes is reported and skipped; replace: bad "
        "bytes become U+FFFD.",
    ),
]
TextFieldOpt = Annotated[
    str, typer.Option("--text-field", metavar="NAME", help="JSON Lines field with the text.")
]
IdFieldOpt = Annotated[
    str, typer.Option("--id-field", metavar="NAME", help="JSON Lines field with the id.")
]


def input_paths(paths: list[str] | None) -> list[str]:
    """The paths to read: those given, else stdin unless it is a terminal.

    Raises:
        CliError: with the hint of ``no_input_hint`` when there is nothing to read.
    """
    if paths:
        return list(paths)
    if _stdin_is_terminal():
        raise CliError(no_input_hint().removeprefix("quoteattr: ").rstrip())
    return ["-"]


def check_not_empty(paths: Sequence[str], options: InputOptions) -> None:
    """Refuse, before the model is loaded, folders that hold no file matching the glob.

    Raises:
        CliError: ([QA043]) when every path is a folder without a matching file.
    """
    folders = [Path(p) for p in paths if p != "-" and Path(p).is_dir()]
    if len(folders) == len(paths) and not any(
        f.is_file() for folder in folders for f in folder.rglob(options.glob)
    ):
        raise CliError(nothing_read_message(paths, options))


def nothing_read_message(paths: Sequence[str], options: InputOptions) -> str:
    """The error for an input that held no document (see ``io.batch.extract_documents``)."""
    from ..errors import Errors

    shown = ", ".join(display_path(p) for p in paths)
    return Errors.E043.format(paths=shown, glob=options.glob, text_field=options.text_field)


SettingsJsonOpt = Annotated[
    str | None,
    typer.Option(
        "--settings",
        metavar="JSON",
        help="Settings as a JSON object, as score.py takes them: "
        '\'{"scope": "attributions"}\'; the options above override it.',
    ),
]

#: (parameter, annotated type, default) of the options that make a ``Settings``
_SETTINGS_PARAMS: tuple[tuple[str, Any, Any], ...] = (
    ("scope", ScopeOpt, None),
    ("cue_classes", CueClassesOpt, None),
    ("min_confidence", MinConfidenceOpt, None),
    ("unattributed", UnattributedOpt, False),
    ("no_indirect", NoIndirectOpt, False),
    ("fast", FastOpt, False),
    ("sets", SetOpt, None),
    ("settings_json", SettingsJsonOpt, None),
)
#: ... and of the options that make an ``InputOptions``
_INPUT_PARAMS: tuple[tuple[str, Any, Any], ...] = (
    ("glob", GlobOpt, "*.txt"),
    ("input_format", InputFormatOpt, "auto"),
    ("text_field", TextFieldOpt, "text"),
    ("id_field", IdFieldOpt, "id"),
    ("encoding", EncodingOpt, "utf-8"),
    ("encoding_errors", EncodingErrorsOpt, "strict"),
)


def _build_input_options(values: dict[str, Any]) -> InputOptions:
    try:
        check_encoding(values["encoding"])
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    return InputOptions(**values)


def _option_group(
    params: tuple[tuple[str, Any, Any], ...], target: str, build: Callable[[dict[str, Any]], Any]
) -> Callable[[F], F]:
    """A decorator that gives a command the options ``params`` in place of its parameter
    ``target``, which receives ``build`` of their values (one definition for all commands)."""

    def decorate(func: F) -> F:
        hints = typing.get_type_hints(func, include_extras=True)
        signature = inspect.signature(func)
        kept = [
            p.replace(annotation=hints.get(p.name, p.annotation))
            for p in signature.parameters.values()
            if p.name != target
        ]
        kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
        added = [inspect.Parameter(n, kind, default=d, annotation=a) for n, a, d in params]

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> int:
            values = {name: kwargs.pop(name) for name, _, _ in params}
            kwargs[target] = build(values)
            return func(*args, **kwargs)

        keyword = [p for p in kept if p.kind is inspect.Parameter.KEYWORD_ONLY]
        positional = [p for p in kept if p.kind is not inspect.Parameter.KEYWORD_ONLY]
        new = signature.replace(parameters=[*positional, *added, *keyword])
        wrapper.__signature__ = new  # type: ignore[attr-defined]
        wrapper.__annotations__ = {p.name: p.annotation for p in new.parameters.values()}
        wrapper.__annotations__["return"] = hints.get("return", int)
        del wrapper.__wrapped__  # typer reads this signature, not the inner one
        return wrapper  # type: ignore[return-value]

    return decorate


#: Adds ``--scope``, ``--cue-classes``, ``--min-confidence``, ``--unattributed``,
#: ``--no-indirect``, ``--fast``, ``--set`` and ``--settings``; the command gets ``settings``.
settings_options = _option_group(
    _SETTINGS_PARAMS, "settings", lambda values: build_settings(**values)
)
#: Adds ``--glob``, ``--input-format``, ``--text-field``, ``--id-field``, ``--encoding`` and
#: ``--encoding-errors``; the command gets ``options`` (an ``InputOptions``).
input_options = _option_group(_INPUT_PARAMS, "options", _build_input_options)
