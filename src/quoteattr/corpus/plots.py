"""The report's charts: matplotlib figures rendered to inline SVG strings.

Each function takes a corpus table (``tables.corpus_tables``) and returns an
``<svg>`` element as text, with its words kept as text (searchable, no font
files). Figures are built with ``matplotlib.figure.Figure`` directly, never with
pyplot, so nothing global changes in the caller's process.
"""

from __future__ import annotations

import io

import pandas as pd  # type: ignore[import-untyped,unused-ignore]
from matplotlib import rc_context
from matplotlib.figure import Figure

__all__ = ["bar_chart", "month_chart", "share_chart"]

#: Okabe-Ito, the palette of the article renderer
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")


def _svg(fig: Figure) -> str:
    buffer = io.StringIO()
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "quoteattr"}):
        fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def bar_chart(frame: pd.DataFrame, label: str, values: list[str], title: str) -> str:
    """Horizontal bars, one group of ``values`` per row labelled by ``label``.

    Example:
        >>> f = pd.DataFrame({"outlet": ["A", "B"], "quotes": [3, 1], "sources": [2, 1]})
        >>> bar_chart(f, "outlet", ["quotes", "sources"], "Per outlet").startswith("<svg")
        True
    """
    rows = frame.iloc[::-1]
    fig = Figure(figsize=(7, 0.45 * max(len(rows), 2) + 1.2))
    ax = fig.add_subplot()
    height = 0.8 / len(values)
    for k, column in enumerate(values):
        positions = [i + k * height for i in range(len(rows))]
        ax.barh(positions, rows[column], height=height, label=column, color=COLOURS[k])
    ax.set_yticks([i + height * (len(values) - 1) / 2 for i in range(len(rows))])
    ax.set_yticklabels([str(v) for v in rows[label]])
    ax.set_title(title, loc="left")
    if len(values) > 1:
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=4, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def month_chart(frame: pd.DataFrame, title: str) -> str:
    """Quotes and distinct sources per month, as lines.

    Example:
        >>> f = pd.DataFrame({"month": ["2016-01", "2016-02"], "quotes": [3, 5],
        ...                   "sources": [2, 2]})
        >>> "2016-02" in month_chart(f, "Per month")
        True
    """
    fig = Figure(figsize=(7, 3.2))
    ax = fig.add_subplot()
    x = list(range(len(frame)))
    for k, column in enumerate(("quotes", "sources")):
        ax.plot(x, frame[column], marker="o", label=column, color=COLOURS[k])
    ax.set_xticks(x)
    ax.set_xticklabels([str(m) for m in frame["month"]], rotation=45, ha="right")
    ax.set_title(title, loc="left")
    ax.legend(frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def share_chart(frame: pd.DataFrame, category: str, title: str) -> str:
    """Stacked horizontal bars: the share of each ``category`` value per outlet.

    Example:
        >>> f = pd.DataFrame({"outlet": ["A", "A"], "gender": ["female", "male"],
        ...                   "quotes": [1, 3], "share": [0.25, 0.75]})
        >>> "female" in share_chart(f, "gender", "Gender")
        True
    """
    table = frame.pivot_table(
        index="outlet", columns=category, values="share", aggfunc="sum", fill_value=0.0
    )
    table = table.iloc[::-1]
    fig = Figure(figsize=(7, 0.42 * max(len(table), 2) + 1.4))
    ax = fig.add_subplot()
    left = [0.0] * len(table)
    for k, column in enumerate(table.columns):
        values = table[column].tolist()
        ax.barh(
            [str(i) for i in table.index],
            values,
            left=left,
            label=str(column),
            color=COLOURS[k % len(COLOURS)],
        )
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_xlim(0, 1)
    ax.set_title(title, loc="left")
    if len(table.columns):
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=4, frameon=False)
    else:
        ax.text(0.5, 0.5, "no data", ha="center", va="center", transform=ax.transAxes)
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)
