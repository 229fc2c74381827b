"""Rendering quotes for people: a self-contained HTML page and a notebook view.

Example:
    >>> from quoteattr.render import render_html
    >>> page = render_html('"No," Ann Lee said.', [])
    >>> page.startswith("<!DOCTYPE html>")
    True
"""

from __future__ import annotations

from .page import colour_class, quote_title, render_html

__all__ = ["colour_class", "quote_title", "render_html"]
