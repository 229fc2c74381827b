"""The corpus report: one self-contained HTML page of figures, charts and tables.

``report_html`` is a pure function of the corpus tables. The page has inline
CSS and inline SVG charts only: no scripts, links, images or web fonts, and a
Content-Security-Policy that forbids loading anything, like the article page.
Gender "as stated" counts what the texts say (he/she, Mr/Ms); the estimate from
first names is labelled as one, on a chart of its own.
"""

from __future__ import annotations

from html import escape

import numpy as np
import pandas as pd  # type: ignore[import-untyped,unused-ignore]

from .plots import bar_chart, month_chart, share_chart

__all__ = ["report_html", "summary_figures"]

_CSS = """
body { font: 15px/1.45 system-ui, sans-serif; max-width: 1100px; margin: 2em auto;
       padding: 0 1em; color: #222; }
h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
.figures { display: flex; flex-wrap: wrap; gap: 1em; }
.figure { border: 1px solid #ddd; border-radius: 6px; padding: .6em 1em; min-width: 9em; }
.figure b { display: block; font-size: 1.5em; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 1em; }
.charts svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; margin: .5em 0 1em; font-size: .92em; width: 100%; }
td { overflow-wrap: anywhere; }
th, td { border-bottom: 1px solid #e3e3e3; padding: .25em .6em; text-align: left;
         vertical-align: top; }
th { background: #f4f4f4; } td.n { text-align: right; }
table.quotations td:first-child { width: 40%; }
.estimate { background: #fff6e0; border-left: 4px solid #E69F00; padding: .4em .8em; }
.flag { color: #D55E00; font-weight: bold; }
"""
_CLUSTER_COLUMNS = [
    "text",
    "outlets",
    "documents",
    "first_outlet",
    "first_date",
    "verbatim",
    "altered",
    "partial",
    "speaker_names",
    "conflicting_speakers",
]
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def summary_figures(tables: dict[str, pd.DataFrame]) -> dict[str, int]:
    """The headline numbers of the report.

    Example:
        >>> from quoteattr.corpus import QuoteRecord, build_corpus, corpus_tables, sign
        >>> r = QuoteRecord("a", 0, 0, "direct", "Yes.", speaker_id=0, name="Ann Lee",
        ...                 entity_type="person")
        >>> summary_figures(corpus_tables(build_corpus(sign([r]))))["corpus speakers"]
        1
    """
    quotes, clusters = tables["quotes"], tables["clusters"]
    return {
        "documents": int(quotes["doc_id"].nunique()),
        "quotes": len(quotes),
        "outlets": int(quotes["outlet"].nunique()),
        "corpus speakers": len(tables["speakers"]),
        "quotations in 2+ documents": len(clusters),
        "quotations in 2+ outlets": int((clusters["outlets"] > 1).sum()),
        "quotations given to different speakers": int(clusters["conflicting_speakers"].sum()),
    }


def _table(frame: pd.DataFrame, columns: list[str], limit: int | None = None, css: str = "") -> str:
    rows = frame if limit is None else frame.head(limit)
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = []
    for record in rows[columns].itertuples(index=False):
        cells = []
        for value in record:
            if isinstance(value, bool | np.bool_):
                cells.append(f'<td class="flag">{"yes" if value else ""}</td>')
            elif isinstance(value, float | np.floating):
                cells.append(f'<td class="n">{value:.1%}</td>')
            elif isinstance(value, int | np.integer):
                cells.append(f'<td class="n">{value}</td>')
            else:
                text = "" if value is None or value is pd.NA else str(value)
                cells.append(f"<td>{escape(text[:220] + ('…' if len(text) > 220 else ''))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f'<table class="{css}"><tr>{head}</tr>{"".join(body)}</table>'


def _with_names(clusters: pd.DataFrame, speakers: pd.DataFrame) -> pd.DataFrame:
    """The clusters with their speakers' names ("unnamed" for unnamed sources)."""
    names = dict(zip(speakers["key"], speakers["name"], strict=True))

    def named(keys: str) -> str:
        found = {names.get(k) or "unnamed" for k in keys.split("; ") if k}
        return "; ".join(sorted(found))

    return clusters.assign(speaker_names=clusters["speakers"].map(named))


def report_html(tables: dict[str, pd.DataFrame], *, title: str = "Corpus report") -> str:
    """The report page for the corpus tables.

    Args:
        tables: ``tables.corpus_tables`` output.
        title: The page title and heading.

    Returns:
        A complete HTML document (UTF-8 text).

    Example:
        >>> from quoteattr.corpus import QuoteRecord, build_corpus, corpus_tables, sign
        >>> r = QuoteRecord("a", 0, 0, "direct", "Yes.", outlet="Daily", speaker_id=0,
        ...                 name="Ann Lee", entity_type="person")
        >>> "<svg" in report_html(corpus_tables(build_corpus(sign([r]))))
        True
    """
    figures = summary_figures(tables)
    cards = "".join(
        f'<div class="figure"><b>{n}</b>{escape(label)}</div>' for label, n in figures.items()
    )
    charts = [bar_chart(tables["by_outlet"], "outlet", ["quotes", "sources"], "Per outlet")]
    if len(tables["by_month"]):
        charts.append(month_chart(tables["by_month"], "Per month"))
    charts.append(share_chart(tables["by_kind"], "source_kind", "Source kind, share of quotes"))
    charts.append(
        share_chart(tables["by_gender"], "gender", "Gender as the text states it (persons)")
    )
    by_role = tables["by_role"]
    roles = by_role[by_role["role_title"] != "(none)"].head(15)
    charts.append(bar_chart(roles, "role_title", ["quotes"], "Most quoted roles"))
    estimate = share_chart(
        tables["by_gender_estimate"], "gender", "ESTIMATE: gender from first names (persons)"
    )
    top = tables["top_speakers"]
    clusters = tables["clusters"]
    sections = [
        f"<h1>{escape(title)}</h1>",
        f'<div class="figures">{cards}</div>',
        "<h2>Breakdowns</h2>",
        f'<div class="charts">{"".join(charts)}</div>',
        "<h2>Gender estimated from first names</h2>",
        '<p class="estimate">An <b>estimate</b>, not what the texts say: the share of '
        "persons whose first name most people with it have as female or male (US census "
        "first-name table), as the Gender Gap Tracker does.</p>",
        f'<div class="charts">{estimate}</div>',
        "<h2>Most widely carried quotations</h2>",
        _table(_with_names(clusters, tables["speakers"]), _CLUSTER_COLUMNS, 20, "quotations"),
        "<h2>Top speakers per outlet</h2>",
        _table(top[top["rank"] <= 5], ["outlet", "rank", "name", "key", "quotes"]),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head>"
        f"<body>{''.join(sections)}</body></html>\n"
    )
