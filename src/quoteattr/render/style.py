"""Data for ``quoteattr.render``: the speaker palette and the page's CSS.

Data only, no logic beyond joining strings. Speaker ``k`` gets
``PALETTE[k % len(PALETTE)]``; quotes without a speaker get ``UNKNOWN``.
Each entry is (background for quote highlights, strong colour for cue
underlines, mention underlines and table swatches).
"""

from __future__ import annotations

__all__ = ["BASE_CSS", "PALETTE", "UNKNOWN"]

# fmt: off
PALETTE: tuple[tuple[str, str], ...] = (
    ("#ffd8a8", "#d9480f"),  # orange
    ("#a5d8ff", "#1864ab"),  # blue
    ("#b2f2bb", "#2b8a3e"),  # green
    ("#fcc2d7", "#a61e4d"),  # pink
    ("#d0bfff", "#5f3dc4"),  # violet
    ("#99e9f2", "#0b7285"),  # cyan
    ("#ffec99", "#e67700"),  # yellow
    ("#eebefa", "#862e9c"),  # grape
    ("#c0eb75", "#5c940d"),  # lime
    ("#ffc9c9", "#c92a2a"),  # red
    ("#bac8ff", "#364fc7"),  # indigo
    ("#96f2d7", "#087f5b"),  # teal
)
# fmt: on

UNKNOWN: tuple[str, str] = ("#e9ecef", "#495057")

BASE_CSS = """
:root { color-scheme: light; }
body { margin: 0; background: #f8f9fa; color: #212529;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; }
main { max-width: 1080px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; }
h1 { font-size: 1.5rem; margin: 0 0 4px; }
.qa-summary { margin: 0 0 16px; color: #495057; }
.qa-table { border-collapse: collapse; width: 100%; margin: 0 0 28px; font-size: 0.95rem; }
.qa-table caption { text-align: left; font-weight: 600; padding: 0 0 6px; }
.qa-table th, .qa-table td { border-bottom: 1px solid #dee2e6; padding: 6px 10px;
  text-align: left; vertical-align: top; }
.qa-table th { background: #f1f3f5; }
.qa-table .qa-count { text-align: right; font-variant-numeric: tabular-nums; }
.qa-table a { color: inherit; }
.qa-swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 6px;
  border-radius: 2px; vertical-align: -0.1em; }
.qa-article { white-space: pre-wrap; font: 17px/1.8 Georgia, "DejaVu Serif", serif;
  overflow-wrap: break-word; }
.qa-quote { border-radius: 3px; padding: 1px 0; -webkit-box-decoration-break: clone;
  box-decoration-break: clone; }
.qa-quote:target { outline: 2px solid #212529; }
.qa-cue { text-decoration-line: underline; text-decoration-thickness: 2px;
  text-underline-offset: 3px; }
.qa-mention { font-weight: 700; text-decoration: none; border-bottom: 2px solid; }
.qa-legend { margin: 0 0 12px; color: #495057; font-size: 0.9rem; }
"""
