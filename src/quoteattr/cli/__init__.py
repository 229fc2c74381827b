"""The ``quoteattr`` command line, on typer: one module per command.

``quoteattr.cli._app`` defines the app, the options the commands share and
``main``; each command module adds itself with ``@app.command``.

Example:
    >>> from quoteattr.cli import main
    >>> main(["--version"])  # doctest: +SKIP
    quoteattr 0.1.0
    0
"""

from __future__ import annotations

from . import corpus, evaluate, extract, info, render, summarize
from ._app import app, main

__all__ = ["app", "corpus", "evaluate", "extract", "info", "main", "render", "summarize"]
