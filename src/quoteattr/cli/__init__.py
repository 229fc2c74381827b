"""The ``quoteattr`` command line."""

from __future__ import annotations

from .extract import main

__all__ = ["main"]
