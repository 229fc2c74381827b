"""The corpus tables: quotes, speakers, roles, quotations and the breakdowns.

``corpus_tables`` turns a ``build.Corpus`` into pandas frames, each sorted so that
the same corpus always gives the same rows in the same order (the Dask path is
checked against the local one this way). ``TABLES`` lists them, with their
columns, in the order the report and the README describe them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pandas as pd  # type: ignore[import-untyped,unused-ignore]

from .build import Corpus, estimated_gender

__all__ = ["TABLES", "corpus_tables"]

#: table name -> its columns (the ``quotes`` table also passes input fields through)
TABLES: dict[str, tuple[str, ...]] = {
    "quotes": (
        "doc_id", "quote_index", "outlet", "date", "month", "type", "text", "speaker_key",
        "speaker_name", "source_kind", "speaker_role", "speaker_role_title", "speaker_gender",
        "gender_estimate", "cluster_id", "cluster_status", "cluster_edit",
    ),
    "speakers": (
        "key", "name", "kind", "aliases", "quotes", "documents", "outlets", "first_date",
        "last_date", "gender", "gender_estimate",
    ),
    "roles": ("key", "role", "quotes", "documents", "first_date", "last_date", "first_doc",
              "last_doc"),
    "clusters": (
        "cluster_id", "text", "quotes", "documents", "outlets", "outlet_list", "verbatim",
        "altered", "partial", "first_doc", "first_outlet", "first_date", "speakers",
        "conflicting_speakers",
    ),
    "cluster_members": (
        "cluster_id", "doc_id", "quote_index", "outlet", "date", "speaker_key", "status",
        "edit", "first_seen",
    ),
    "by_outlet": ("outlet", "documents", "quotes", "sources"),
    "by_month": ("month", "documents", "quotes", "sources"),
    "by_kind": ("outlet", "source_kind", "quotes", "share"),
    "by_role": ("role_title", "quotes", "share"),
    "by_gender": ("outlet", "gender", "quotes", "share"),
    "by_gender_estimate": ("outlet", "gender", "quotes", "share"),
    "top_speakers": ("outlet", "rank", "key", "name", "quotes"),
}  # fmt: skip

_ALL = "(all)"


def _frame(rows: list[dict[str, Any]], name: str, sort: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(TABLES[name]))
    return frame.sort_values(sort, kind="stable").reset_index(drop=True) if len(frame) else frame


def _shares(quotes: pd.DataFrame, by: str, value: str, name: str) -> pd.DataFrame:
    """Quotes per (outlet, value) with their share of the outlet, plus "(all)" rows."""
    both = pd.concat([quotes.assign(outlet=_ALL), quotes])
    counts = both.groupby(["outlet", by], dropna=False).size().reset_index(name="quotes")
    counts["share"] = counts["quotes"] / counts.groupby("outlet")["quotes"].transform("sum")
    counts = counts.rename(columns={by: value})
    return counts.sort_values(["outlet", value]).reset_index(drop=True)[list(TABLES[name])]


def corpus_tables(corpus: Corpus, *, top: int = 10) -> dict[str, pd.DataFrame]:
    """Every corpus table as a pandas frame (``TABLES`` gives the names and columns).

    Args:
        corpus: The result of ``build.build_corpus``.
        top: Speakers listed per outlet in ``top_speakers``.

    Returns:
        Table name -> frame. Shares are fractions (0 to 1); gender counts only
        quotes of persons; "(all)" rows cover every outlet.

    Example:
        >>> from quoteattr.corpus.build import build_corpus
        >>> from quoteattr.corpus.records import QuoteRecord as R
        >>> from quoteattr.corpus.signatures import sign
        >>> c = build_corpus(sign([R("a", 0, 0, "direct", "Yes.", outlet="Daily",
        ...                          speaker_id=0, name="Ann Lee", entity_type="person")]))
        >>> corpus_tables(c)["by_outlet"].to_dict("records")
        [{'outlet': 'Daily', 'documents': 1, 'quotes': 1, 'sources': 1}]
    """
    quotes = pd.DataFrame(corpus.quotes)
    if quotes.empty:
        quotes = pd.DataFrame(columns=list(TABLES["quotes"]))
    quotes = quotes.astype({"outlet": "object"}).fillna({"outlet": "(none)"})
    named = quotes[quotes["speaker_key"].notna()]
    tables = {
        "quotes": quotes,
        "speakers": _speakers(corpus, quotes),
        "roles": _roles(quotes),
        "clusters": _frame(corpus.clusters, "clusters", ["outlets", "documents", "cluster_id"]),
        "cluster_members": _frame(
            corpus.members, "cluster_members", ["cluster_id", "doc_id", "quote_index"]
        ),
    }
    tables["clusters"] = tables["clusters"].iloc[::-1].reset_index(drop=True)
    for by, name in (("outlet", "by_outlet"), ("month", "by_month")):
        grouped = quotes.groupby(by, dropna=True)
        frame = pd.DataFrame(
            {
                "documents": grouped["doc_id"].nunique(),
                "quotes": grouped.size(),
                "sources": named.groupby(by)["speaker_key"].nunique(),
            }
        )
        frame = frame.fillna({"sources": 0}).astype("int64").reset_index()
        tables[name] = frame[list(TABLES[name])]
    tables["by_kind"] = _shares(quotes, "source_kind", "source_kind", "by_kind")
    roles = quotes.fillna({"speaker_role_title": "(none)"})
    counts = roles.groupby("speaker_role_title").size().reset_index(name="quotes")
    counts["share"] = counts["quotes"] / max(len(quotes), 1)
    tables["by_role"] = (
        counts.rename(columns={"speaker_role_title": "role_title"})
        .sort_values(["quotes", "role_title"], ascending=[False, True])
        .reset_index(drop=True)
    )
    people = quotes[quotes["source_kind"] == "person"]
    for column, name, missing in (
        ("speaker_gender", "by_gender", "not stated"),
        ("gender_estimate", "by_gender_estimate", "unknown name"),
    ):
        tables[name] = _shares(people.fillna({column: missing}), column, "gender", name)
    tables["top_speakers"] = _top(named, corpus.names, top)
    return tables


def _speakers(corpus: Corpus, quotes: pd.DataFrame) -> pd.DataFrame:
    seen: dict[str, dict[str, Any]] = {}
    columns = ("speaker_key", "doc_id", "outlet", "date", "speaker_gender", "source_kind")
    for key, doc, outlet, date, gender, kind in zip(*(quotes[c] for c in columns), strict=True):
        if not isinstance(key, str):
            continue
        entry = seen.setdefault(
            key, {"quotes": 0, "docs": set(), "outlets": set(), "dates": [], "genders": set(),
                  "kinds": {}}
        )  # fmt: skip
        entry["quotes"] += 1
        entry["docs"].add(doc)
        entry["outlets"].add(outlet)
        if isinstance(date, str):
            entry["dates"].append(date)
        if isinstance(gender, str):
            entry["genders"].add(gender)
        entry["kinds"][kind] = entry["kinds"].get(kind, 0) + 1
    rows = [
        {
            "key": key,
            "name": corpus.names.get(key),
            "kind": "person"
            if key.startswith("person:")
            else min(e["kinds"].items(), key=lambda x: (-x[1], x[0]))[0],
            "aliases": "; ".join(corpus.aliases.get(key, [])),
            "quotes": e["quotes"],
            "documents": len(e["docs"]),
            "outlets": len(e["outlets"]),
            "first_date": min(e["dates"]) if e["dates"] else None,
            "last_date": max(e["dates"]) if e["dates"] else None,
            "gender": next(iter(e["genders"])) if len(e["genders"]) == 1 else None,
            "gender_estimate": estimated_gender(key),
        }
        for key, e in seen.items()
    ]
    return _frame(rows, "speakers", ["key"])


def _roles(quotes: pd.DataFrame) -> pd.DataFrame:
    seen: dict[tuple[str, str], list[tuple[Any, str]]] = defaultdict(list)
    for key, role, date, doc in zip(
        quotes["speaker_key"],
        quotes["speaker_role"],
        quotes["date"],
        quotes["doc_id"],
        strict=True,
    ):
        if isinstance(key, str) and isinstance(role, str) and not key.startswith("unnamed:"):
            seen[(key, role)].append((date if isinstance(date, str) else None, doc))
    rows = []
    for (key, role), items in seen.items():
        dated = sorted(d for d, _ in items if d is not None)
        rows.append(
            {
                "key": key,
                "role": role,
                "quotes": len(items),
                "documents": len({doc for _, doc in items}),
                "first_date": dated[0] if dated else None,
                "last_date": dated[-1] if dated else None,
                "first_doc": min(items, key=lambda x: (x[0] is None, x[0] or ""))[1],
                "last_doc": max(items, key=lambda x: (x[0] is not None, x[0] or ""))[1],
            }
        )
    return _frame(rows, "roles", ["key", "first_date", "role"])


def _top(named: pd.DataFrame, names: dict[str, str], top: int) -> pd.DataFrame:
    rows: list[dict[str, Any]] = []
    keys = named["speaker_key"]
    people = named[~keys.str.startswith("unnamed:") & ~keys.str.contains("@", regex=False)]
    both = pd.concat([people.assign(outlet=_ALL), people])
    for outlet, group in both.groupby("outlet", sort=True):
        counts = group["speaker_key"].value_counts()
        ranked = sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:top]
        for rank, (key, n) in enumerate(ranked, 1):
            rows.append(
                {"outlet": outlet, "rank": rank, "key": key, "name": names.get(key), "quotes": n}
            )
    return _frame(rows, "top_speakers", ["outlet", "rank"])
