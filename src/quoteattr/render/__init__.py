"""Rendering quotes for people: a self-contained HTML page, a notebook view, displaCy.

Example:
    >>> from quoteattr.render import render_html
    >>> page = render_html('"No," Ann Lee said.', [])
    >>> page.startswith("<!DOCTYPE html>")
    True
"""

from __future__ import annotations

from .displacy import displacy_colors, render_spans
from .page import (
    QuoteView,
    colour_class,
    confidence_class,
    quote_title,
    render_documents_html,
    render_fragment,
    render_html,
)

__all__ = [
    "QuoteView",
    "colour_class",
    "confidence_class",
    "displacy_colors",
    "quote_title",
    "render_documents_html",
    "render_fragment",
    "render_html",
    "render_spans",
]
