"""``to_dataframe``: quotes as a pandas data frame with the columns of the CSV output.

pandas is an optional dependency (``pip install 'quoteattr[pandas]'``); it is
imported only when a frame is asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..errors import Errors, QuoteattrError
from ..models import Quote
from .rows import COLUMNS, PANDAS_DTYPES, quote_record

__all__ = ["to_dataframe"]

QuotesOrRecords = (
    Iterable[Quote] | Iterable[tuple[str, Sequence[Quote]]] | Iterable[Mapping[str, Any]]
)


def _records(data: Iterable[Any], doc_id: str | None) -> Iterable[Mapping[str, Any]]:
    index = 0
    for item in data:
        if isinstance(item, Quote):
            yield quote_record(doc_id, index, item)  # type: ignore[arg-type]
            index += 1
        elif isinstance(item, tuple) and len(item) == 2 and not isinstance(item[1], str):
            for i, quote in enumerate(item[1]):
                yield quote_record(str(item[0]), i, quote)
        elif isinstance(item, Mapping):
            yield item
        else:
            raise TypeError(
                "to_dataframe takes Quote objects, (doc_id, quotes) pairs or row dicts, got "
                f"{type(item).__name__}"
            )


def to_dataframe(data: QuotesOrRecords, *, doc_id: str | None = None) -> Any:
    """One row per quote, with the columns (and order) of ``quoteattr extract -o x.csv``.

    Args:
        data: A document's quotes (``extract_quotes(text)``), ``(doc_id, quotes)``
            pairs (e.g. ``zip(ids, extractor.pipe(texts))``) or row dicts
            (``quote_record`` rows, the lines of ``--format jsonl`` output are not rows).
        doc_id: The ``doc_id`` column for a plain list of quotes.

    Returns:
        A ``pandas.DataFrame`` with nullable dtypes ("string", "Int64", "Float64");
        extra keys of row dicts become extra columns after the standard ones.

    Raises:
        QuoteattrError: ([QA046]) when pandas is not installed.

    Example:
        >>> from quoteattr import extract_quotes, to_dataframe
        >>> text = '"We will rebuild," Mara Vell said.'
        >>> frame = to_dataframe(extract_quotes(text), doc_id="a")  # doctest: +SKIP
        >>> frame[["doc_id", "speaker", "text"]].values.tolist()  # doctest: +SKIP
        [['a', 'Mara Vell', 'We will rebuild,']]
    """
    try:
        pd = importlib.import_module("pandas")
    except ImportError as exc:
        raise QuoteattrError(Errors.E046) from exc
    rows = [dict(r) for r in _records(data, doc_id)]
    names = [name for name, _ in COLUMNS]
    extra = list(dict.fromkeys(k for r in rows for k in r if k not in set(names)))
    frame = pd.DataFrame.from_records(rows, columns=names + extra)
    return frame.astype({name: PANDAS_DTYPES[kind] for name, kind in COLUMNS})
