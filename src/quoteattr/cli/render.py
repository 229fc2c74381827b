"""``quoteattr render``: an article (or every record of a JSON Lines file) as an HTML page."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from ..errors import QuoteattrError
from ..io.batch import load_extractor
from ..io.inputs import InputOptions, iter_documents
from ..render import render_documents_html, render_html
from ..settings import Settings
from ._app import (
    CliError,
    ModelOpt,
    app,
    guarded,
    input_options,
    nothing_read_message,
    settings_options,
)

__all__ = ["default_title", "render"]

EPILOG = """Examples:

  quoteattr render docs/foreign_ministry_briefing.txt -o briefing.html

  cat article.txt | quoteattr render - --title "Briefing" > article.html

  quoteattr render docs.jsonl -o docs.html
"""
_TITLE_CHARS = 100


def default_title(doc_id: str, text: str) -> str:
    """A page title: the article's first line (its headline) if short, else the file name.

    Example:
        >>> default_title("a.txt", "Harbour bridge to reopen\\n\\nThe city said ...")
        'Harbour bridge to reopen'
    """
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if first and len(first) <= _TITLE_CHARS:
        return first
    return "stdin" if doc_id == "-" else Path(doc_id).name


@app.command(
    help="Extract the quotes of an article and write a self-contained HTML page: quotes "
    "in their speaker's colour, a table and a list of quotes per speaker. A JSON Lines "
    "file gives one section per record.",
    epilog=EPILOG,
)
@guarded
@settings_options
@input_options
def render(
    article: Annotated[
        str,
        typer.Argument(
            metavar="PATH", help="Text file, JSON Lines file, folder, or '-' for stdin."
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option("-o", "--output", metavar="FILE", help="HTML file (default: stdout)."),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(
            "--title", help="Page title (default: the article's first line, or the file name)."
        ),
    ] = None,
    model: ModelOpt = None,
    *,
    settings: Settings,
    options: InputOptions,
) -> int:
    """Read the document(s), extract, write the page to ``-o`` or stdout."""
    if output is not None and not Path(output).parent.is_dir():
        raise CliError(f"cannot write {output}: the folder {Path(output).parent} does not exist")
    docs = list(iter_documents([article], stdin=sys.stdin, options=options))
    failed = [d for d in docs if d.error is not None]
    for doc in failed:
        sys.stderr.write(f"quoteattr: cannot read {doc.id}: {doc.error}\n")
    docs = [d for d in docs if d.error is None]
    if not docs:
        if failed:
            return 1
        raise CliError(nothing_read_message([article], options))
    try:
        extractor = load_extractor(model, settings)
    except (OSError, QuoteattrError) as exc:
        raise CliError(str(exc)) from exc
    results = [(d.id, d.text, extractor.extract(d.text)) for d in docs]
    if len(results) == 1 and docs[0].id in (article, "-"):
        doc_id, text, quotes = results[0]
        page = render_html(text, quotes, title=title or default_title(doc_id, text))
    else:
        page = render_documents_html(results, title=title or Path(article).name)
    if output is None:
        sys.stdout.write(page)
    else:
        try:
            write_atomic(Path(output), page)
        except OSError as exc:
            sys.stderr.write(f"quoteattr: cannot write {output}: {exc.strerror or exc}\n")
            return 1
    return 1 if failed else 0


def _new_file_mode(path: Path) -> int:
    """The mode a plain ``open(path, "w")`` would give: the old file's, else 0o666 - umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, content: str) -> None:
    """Write ``content`` to a temporary file next to ``path``, then rename it over ``path``."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(content)
        os.chmod(tmp, _new_file_mode(path))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
