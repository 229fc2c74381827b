"""The corpus stage on Dask: map (extract and sign each partition), then reduce (merge).

The map runs where the partition is: it extracts the quotes of a partition of
documents with the worker's pipeline (``dask.worker_extractor``), turns them into
``QuoteRecord`` values with the partition's outlet and date columns, and signs them
(``quoteattr.corpus.sign``: speaker keys and MinHash values). Only the signed
records, not the texts of the documents, travel back. The reduce
(``build_corpus``, ``corpus_tables``) runs once, on the signatures of the whole
corpus, and gives the same tables as the local path: records carry their
partition and position, so input order is the corpus's order.

Example:
    >>> from quoteattr.integrations.dask_corpus import corpus_tables_dask  # doctest: +SKIP
    >>> docs = dd.read_json("news/*.jsonl", lines=True)  # doctest: +SKIP
    >>> tables = corpus_tables_dask(
    ...     docs, outlet_column="site", date_column="date")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import Errors
from .dask import _run_lock, _text, worker_extractor

try:
    import dask.dataframe as dd
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]
    from dask.base import compute
    from dask.delayed import delayed
except ImportError as exc:  # pragma: no cover - the dask module raises first
    raise ImportError(Errors.E006.format(missing=(exc.name or "dask").split(".")[0])) from exc

from ..corpus import build_corpus, corpus_tables, records_from_quotes, sign
from ..corpus.signatures import Signed
from ..settings import Settings

__all__ = ["ORDER_STRIDE", "corpus_tables_dask", "sign_partition", "signed_records"]

#: documents of partition ``n`` are numbered from ``n * ORDER_STRIDE``
ORDER_STRIDE = 1 << 32


def _column(docs: pd.DataFrame, name: str | None) -> list[str | None]:
    if name is None:
        return [None] * len(docs)
    return [None if pd.isna(v) else str(v) for v in docs[name].tolist()]


def sign_partition(
    docs: pd.DataFrame,
    partition: int,
    *,
    id_column: str = "id",
    text_column: str = "text",
    outlet_column: str | None = None,
    date_column: str | None = None,
    model: str | None = None,
    settings: Settings | None = None,
    batch_size: int = 32,
    min_words: int = 6,
) -> list[Signed]:
    """The map step on one pandas partition: extract, make records, sign.

    Args:
        docs: Documents, one a row.
        partition: The partition's number (documents are ordered by it, then by row).
        id_column: The document id column.
        text_column: The text column.
        outlet_column: The outlet column, if any.
        date_column: The date column (ISO dates), if any.
        model: spaCy pipeline name or path, loaded once per worker process.
        settings: Extractor settings.
        batch_size: Documents per spaCy batch.
        min_words: Shortest quotation followed (``corpus.sign``).

    Returns:
        The signed quote records of the partition, in document order.

    Example:
        >>> docs = pd.DataFrame({"id": ["a"], "text": ['"We will rebuild it," Ann Lee said.']})
        >>> [s.name_key for s in sign_partition(docs, 0)]  # doctest: +SKIP
        ['person:ann lee']
    """
    ids = [str(v) for v in docs[id_column].tolist()]
    texts = [_text(v) for v in docs[text_column].tolist()]
    outlets, dates = _column(docs, outlet_column), _column(docs, date_column)
    taken = {id_column, text_column, outlet_column, date_column}
    extra = [c for c in docs.columns if c not in taken]
    fields = docs[extra].to_dict("records") if extra else [{}] * len(docs)
    extractor = worker_extractor(model, settings)
    records = []
    with _run_lock(model, settings):
        quote_lists = extractor.pipe(texts, batch_size=batch_size)
        for row, (doc_id, quotes) in enumerate(zip(ids, quote_lists, strict=True)):
            records.extend(
                records_from_quotes(
                    doc_id,
                    quotes,
                    order=partition * ORDER_STRIDE + row,
                    outlet=outlets[row],
                    date=dates[row],
                    fields=fields[row],
                )
            )
    return sign(records, min_words=min_words)


def signed_records(ddf: dd.DataFrame, **options: Any) -> list[Signed]:
    """Run ``sign_partition`` on every partition of ``ddf`` and gather the results.

    Keyword arguments are those of ``sign_partition``.

    Raises:
        ValueError: if a named column is not a column of ``ddf``.

    Example:
        >>> signed = signed_records(docs, outlet_column="site")  # doctest: +SKIP
        >>> build_corpus(signed).names  # doctest: +SKIP
        {'person:ann-lee': 'Ann Lee'}
    """
    for key in ("id_column", "text_column", "outlet_column", "date_column"):
        default = {"id_column": "id", "text_column": "text"}.get(key)
        column = options.get(key, default)
        if column is not None and column not in ddf.columns:
            raise ValueError(Errors.E007.format(column=column, columns=list(ddf.columns)))
    partitions = ddf.to_delayed()  # type: ignore[no-untyped-call,unused-ignore]
    parts = [
        delayed(sign_partition)(part, number, **options) for number, part in enumerate(partitions)
    ]
    results = compute(*parts)  # type: ignore[no-untyped-call,unused-ignore]
    return [s for part in results for s in part]


def corpus_tables_dask(
    ddf: dd.DataFrame,
    *,
    aliases: Mapping[str, str] | None = None,
    top: int = 10,
    **options: Any,
) -> dict[str, pd.DataFrame]:
    """The corpus tables of a Dask frame of documents: map on the cluster, reduce here.

    Args:
        ddf: Documents, one a row, with id and text columns (and outlet, date).
        aliases: Folded alias -> key (``corpus.read_alias_table``).
        top: Speakers per outlet in ``top_speakers``.
        **options: ``sign_partition`` options (columns, model, settings, ...).

    Returns:
        Table name -> frame, as ``quoteattr.corpus.run_corpus`` gives for the same
        documents read in the same order.

    Example:
        >>> docs = dd.from_pandas(pd.DataFrame({"id": ["a"], "site": ["Daily"],
        ...     "text": ['"We will rebuild it," Ann Lee said.']}), npartitions=1)
        >>> tables = corpus_tables_dask(docs, outlet_column="site")  # doctest: +SKIP
        >>> tables["by_outlet"].to_dict("records")  # doctest: +SKIP
        [{'outlet': 'Daily', 'documents': 1, 'quotes': 1, 'sources': 1}]
    """
    signed = signed_records(ddf, **options)
    return corpus_tables(build_corpus(signed, aliases=aliases), top=top)
