"""Data for ``quoteattr.render``: the speaker palette and the page's CSS.

Data only, no logic beyond joining strings. Speaker ``k`` gets
``PALETTE[k % len(PALETTE)]``; quotes without a speaker get ``UNKNOWN``.
Each entry is (light tint for quote highlights, the full colour for the
quote's underline, cue underlines, mention underlines and table swatches).

The colours are the seven of Okabe and Ito's palette ("Color Universal Design",
2008), which stay distinct for the common forms of colour blindness; the tints
are 40% of the colour on white, so that black text stays readable on them.
Quotes of lower confidence are drawn fainter (``CONFIDENCE_LEVELS``).
"""

from __future__ import annotations

__all__ = ["BASE_CSS", "CONFIDENCE_LEVELS", "PALETTE", "UNKNOWN"]

# fmt: off
PALETTE: tuple[tuple[str, str], ...] = (
    ("#f5d999", "#e69f00"),  # orange
    ("#99c7e0", "#0072b2"),  # blue
    ("#99d8c7", "#009e73"),  # bluish green
    ("#eebf99", "#d55e00"),  # vermillion
    ("#ebc9dc", "#cc79a7"),  # reddish purple
    ("#bbe1f6", "#56b4e9"),  # sky blue
    ("#f9f4b3", "#c9bc1f"),  # yellow (underline darkened to show on white)
)
# fmt: on

UNKNOWN: tuple[str, str] = ("#dee2e6", "#495057")

#: (lowest confidence, CSS class, legend text), checked from the top; the class is
#: added to quotes whose confidence is below the level above it.
CONFIDENCE_LEVELS: tuple[tuple[float, str, str], ...] = (
    (0.8, "", "solid underline: confidence 0.8 or more"),
    (0.5, "qa-mid", "dashed underline: 0.5 to 0.8"),
    (0.0, "qa-low", "striped, dotted underline: below 0.5"),
)

BASE_CSS = """
.qa-page { color-scheme: light; background: #fff; color: #212529;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; max-width: 1080px; margin: 0 auto; padding: 24px 32px 48px; }
body.qa-body { margin: 0; background: #f8f9fa; }
.qa-page h1 { font-size: 1.5rem; margin: 0 0 4px; }
.qa-page h2 { font-size: 1.2rem; margin: 32px 0 8px; border-top: 1px solid #dee2e6;
  padding-top: 16px; }
.qa-page h3 { font-size: 1rem; margin: 16px 0 4px; }
.qa-summary { margin: 0 0 16px; color: #495057; }
.qa-table { border-collapse: collapse; width: 100%; margin: 0 0 20px; font-size: 0.95rem; }
.qa-table caption { text-align: left; font-weight: 600; padding: 0 0 6px; }
.qa-table th, .qa-table td { border-bottom: 1px solid #dee2e6; padding: 6px 10px;
  text-align: left; vertical-align: top; }
.qa-table th { background: #f1f3f5; }
.qa-table .qa-count { text-align: right; font-variant-numeric: tabular-nums; }
.qa-page a { color: inherit; }
.qa-swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 6px;
  border-radius: 2px; vertical-align: -0.1em; border: 2px solid; box-sizing: border-box; }
.qa-article { white-space: pre-wrap; font: 17px/1.9 Georgia, "DejaVu Serif", serif;
  overflow-wrap: break-word; }
.qa-quote { border-radius: 3px 3px 0 0; padding: 1px 0; border-bottom: 3px solid;
  -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.qa-quote.qa-mid { border-bottom-style: dashed; }
.qa-quote.qa-low { border-bottom-style: dotted; background-image: repeating-linear-gradient(
  135deg, rgba(255,255,255,0.75) 0 4px, rgba(255,255,255,0) 4px 8px); }
.qa-quote:target { outline: 2px solid #212529; }
.qa-cue { text-decoration-line: underline; text-decoration-thickness: 2px;
  text-underline-offset: 5px; font-style: italic; }
.qa-mention { font-weight: 700; text-decoration: none; color: #212529; }
.qa-legend { margin: 0 0 12px; color: #495057; font-size: 0.9rem; }
.qa-conf { font: 600 0.75rem/1 system-ui, sans-serif; color: #495057;
  font-variant-numeric: tabular-nums; }
.qa-by-speaker ol { margin: 0 0 8px; padding-left: 2em; }
.qa-by-speaker li { margin: 2px 0; }
.qa-by-speaker .qa-meta { color: #495057; font-size: 0.85rem; }
"""
