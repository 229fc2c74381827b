"""Run quoteattr on a Dask cluster: documents (id, text) in, one row per quote out.

Each worker process loads the spaCy pipeline once (the first time one of its
tasks needs it) and keeps it for every later partition; partitions are
processed with ``QuoteExtractor.pipe``. The output rows are
``quoteattr.io.rows.quote_record`` rows with the columns of
``quoteattr.io.rows.COLUMNS`` as nullable pandas dtypes ("string", "Int64",
"Float64"), ready for ``to_parquet``.

Use worker processes with one thread each (``dask worker --nthreads 1``,
``LocalCluster(processes=True, threads_per_worker=1)``): the parse holds the
GIL, so threads add no speed, and each process needs its own pipeline anyway.

Example:
    >>> from quoteattr.integrations.dask import quotes_frame, read_documents  # doctest: +SKIP
    >>> docs = read_documents("articles/*.jsonl")  # doctest: +SKIP
    >>> quotes_frame(docs).to_parquet("quotes/")  # doctest: +SKIP
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from typing import Any

from ..errors import Errors

try:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]
    import pyarrow  # type: ignore[import-untyped,unused-ignore]  # noqa: F401  (Parquet engine)
except ImportError as exc:  # pragma: no cover - exercised in a subprocess test
    raise ImportError(Errors.E006.format(missing=(exc.name or "dask").split(".")[0])) from exc

from ..core import check_text
from ..io.rows import COLUMNS, PANDAS_DTYPES, Scalar, quote_record
from ..runner import QuoteExtractor
from ..settings import Settings

__all__ = [
    "PANDAS_DTYPES",
    "loaded_models",
    "quote_meta",
    "quotes_frame",
    "quotes_from_bag",
    "quotes_partition",
    "read_documents",
    "warm_up",
    "worker_extractor",
]


_lock = threading.Lock()
_extractors: dict[tuple[str | None, Settings], QuoteExtractor] = {}
#: one lock per extractor: tasks of a threaded worker (or of the local "threads"
#: scheduler) take turns with one pipeline instead of running it concurrently
_run_locks: dict[tuple[str | None, Settings], threading.Lock] = {}


def worker_extractor(model: str | None, settings: Settings | None) -> QuoteExtractor:
    """Return this process's ``QuoteExtractor`` for ``model``, loading it on first use.

    Args:
        model: A spaCy pipeline name or path; None for the best installed English one.
        settings: Extractor settings; ``Settings()`` when None.

    Returns:
        The same extractor object for every call with equal arguments in one process.
    """
    settings = settings if settings is not None else Settings()
    key = (model, settings)
    with _lock:
        extractor = _extractors.get(key)
        if extractor is None:
            if model is None:
                from ..pipeline import load_default_pipeline

                nlp = load_default_pipeline()
            else:
                import spacy

                nlp = spacy.load(model)
            extractor = QuoteExtractor(nlp, settings=settings)
            _extractors[key] = extractor
            _run_locks[key] = threading.Lock()
        return extractor


def _run_lock(model: str | None, settings: Settings | None) -> threading.Lock:
    with _lock:
        return _run_locks[(model, settings if settings is not None else Settings())]


def loaded_models() -> list[str | None]:
    """The model names whose extractors this process holds (None: the default pipeline)."""
    with _lock:
        return [model for model, _ in _extractors]


def warm_up(model: str | None = None, settings: Settings | None = None) -> list[str | None]:
    """Load the extractor in this process now; return ``loaded_models()``.

    Run it on every worker before a job, so that no task waits for the model:

    Example:
        >>> client.run(warm_up)  # doctest: +SKIP
        {'tcp://10.0.0.5:39121': [None], 'tcp://10.0.0.6:40411': [None]}
    """
    worker_extractor(model, settings)
    return loaded_models()


def quote_meta() -> pd.DataFrame:
    """An empty frame with the quote columns and dtypes (Dask's ``meta``).

    Example:
        >>> list(quote_meta().columns)[:3]  # doctest: +SKIP
        ['doc_id', 'quote_index', 'text']
    """
    return _rows_frame([])


def quotes_partition(
    docs: pd.DataFrame,
    *,
    id_column: str = "id",
    text_column: str = "text",
    model: str | None = None,
    settings: Settings | None = None,
    batch_size: int = 32,
) -> pd.DataFrame:
    """Extract the quotes of one pandas partition of documents.

    Args:
        docs: A frame with ``id_column`` and ``text_column``. Ids are converted
            to str; a missing text (None/NA) counts as an empty document.
        id_column: Name of the document id column.
        text_column: Name of the text column.
        model: spaCy pipeline name or path; None for the best installed one.
        settings: Extractor settings; ``Settings()`` when None.
        batch_size: Documents per spaCy batch.

    Returns:
        One row per quote (columns ``quoteattr.io.rows.COLUMNS``), documents in
        input order, quotes in document order.
    """
    ids = [str(value) for value in docs[id_column].tolist()]
    texts = [_text(value) for value in docs[text_column].tolist()]
    return _rows_frame(_extract_rows(ids, texts, model, settings, batch_size))


def quotes_frame(
    ddf: dd.DataFrame,
    *,
    id_column: str = "id",
    text_column: str = "text",
    model: str | None = None,
    settings: Settings | None = None,
    batch_size: int = 32,
) -> dd.DataFrame:
    """Quotes of every document of a Dask frame, one row per quote (lazy).

    Args:
        ddf: Documents, one a row, with an id and a text column.
        id_column: Name of the document id column (values become the str ``doc_id``).
        text_column: Name of the text column.
        model: spaCy pipeline name or path, loaded once per worker process;
            None for the best installed English pipeline.
        settings: Extractor settings; ``Settings()`` when None.
        batch_size: Documents per spaCy batch inside a partition.

    Returns:
        A Dask frame with the columns of ``quoteattr.io.rows.COLUMNS``; its index
        restarts at 0 in each partition.

    Raises:
        ValueError: if ``id_column`` or ``text_column`` is not a column of ``ddf``.

    Example:
        >>> import dask.dataframe as dd, pandas as pd  # doctest: +SKIP
        >>> docs = dd.from_pandas(pd.DataFrame({"id": ["a"], "text": ['"No," Ann Lee said.']}),
        ...                       npartitions=1)  # doctest: +SKIP
        >>> quotes_frame(docs).compute()[["doc_id", "speaker", "text"]]  # doctest: +SKIP
          doc_id  speaker text
        0      a  Ann Lee  No,
    """
    for column in (id_column, text_column):
        if column not in ddf.columns:
            raise ValueError(Errors.E007.format(column=column, columns=list(ddf.columns)))
    quotes: dd.DataFrame = ddf[[id_column, text_column]].map_partitions(
        quotes_partition,
        id_column=id_column,
        text_column=text_column,
        model=model,
        settings=settings,
        batch_size=batch_size,
        meta=quote_meta(),
    )
    return quotes


def quotes_from_bag(
    bag: db.Bag,
    *,
    model: str | None = None,
    settings: Settings | None = None,
    batch_size: int = 32,
) -> db.Bag:
    """Quotes of a Dask bag of ``(doc_id, text)`` pairs, as a bag of row dicts (lazy).

    ``quotes_from_bag(bag).to_dataframe(meta=quote_meta())`` gives the frame of
    ``quotes_frame``.

    Args:
        bag: ``(doc_id, text)`` pairs.
        model: spaCy pipeline name or path, loaded once per worker process.
        settings: Extractor settings; ``Settings()`` when None.
        batch_size: Documents per spaCy batch inside a partition.

    Returns:
        A bag of dicts keyed by ``quoteattr.io.rows.COLUMNS``, one per quote.
    """
    rows: db.Bag = bag.map_partitions(  # type: ignore[no-untyped-call,unused-ignore]
        _bag_partition, model=model, settings=settings, batch_size=batch_size
    )
    return rows


def read_documents(
    paths: str | Sequence[str],
    *,
    id_column: str = "id",
    text_column: str = "text",
    blocksize: int | str | None = "16MB",
) -> dd.DataFrame:
    """Read documents from JSON Lines or Parquet files into a Dask frame.

    Args:
        paths: A path, glob or list of them (local or any fsspec URL such as
            ``s3://bucket/news/*.jsonl``). Names ending in ``.parquet``,
            ``.parq``, ``.pq`` or a directory without a ``.json``/``.jsonl``
            suffix are read as Parquet; the rest as JSON Lines (one object per line).
        id_column: The id field/column to keep.
        text_column: The text field/column to keep.
        blocksize: Bytes per partition of uncompressed JSON Lines (None: one
            partition per file; compressed files are always read whole).

    Returns:
        A Dask frame with exactly ``id_column`` and ``text_column``; JSON values
        are kept as written (an id "007" stays the string "007").

    Example:
        >>> docs = read_documents(["2024/*.jsonl", "2025/*.jsonl"])  # doctest: +SKIP
    """
    path_list = [paths] if isinstance(paths, str) else list(paths)
    columns = [id_column, text_column]
    if _is_parquet(path_list[0]):
        ddf = dd.read_parquet(path_list, columns=columns)
    else:
        compressed = path_list[0].endswith((".gz", ".bz2", ".xz", ".zst"))
        ddf = dd.read_json(
            path_list,
            lines=True,
            blocksize=None if compressed else blocksize,
            dtype=False,
        )
    for column in columns:
        if column not in ddf.columns:
            raise ValueError(Errors.E007.format(column=column, columns=list(ddf.columns)))
    selected: dd.DataFrame = ddf[columns]
    return selected


def _bag_partition(
    pairs: Iterable[tuple[object, object]],
    *,
    model: str | None,
    settings: Settings | None,
    batch_size: int,
) -> list[dict[str, Scalar]]:
    items = list(pairs)
    ids = [str(doc_id) for doc_id, _ in items]
    texts = [_text(text) for _, text in items]
    return _extract_rows(ids, texts, model, settings, batch_size)


def _extract_rows(
    ids: list[str],
    texts: list[str],
    model: str | None,
    settings: Settings | None,
    batch_size: int,
) -> list[dict[str, Scalar]]:
    """Quote rows of the documents, in order, with this process's extractor."""
    extractor = worker_extractor(model, settings)
    rows: list[dict[str, Scalar]] = []
    with _run_lock(model, settings):
        quote_lists = extractor.pipe(texts, batch_size=batch_size)
        for doc_id, quotes in zip(ids, quote_lists, strict=True):
            rows.extend(quote_record(doc_id, i, quote) for i, quote in enumerate(quotes))
    return rows


def _rows_frame(rows: list[dict[str, Scalar]]) -> pd.DataFrame:
    data: dict[str, Any] = {
        name: pd.array([row[name] for row in rows], dtype=PANDAS_DTYPES[kind])
        for name, kind in COLUMNS
    }
    return pd.DataFrame(data)


def _text(value: object) -> str:
    """The text of a cell: "" for a missing value (None, NA, NaN), else the str itself.

    Raises ``TypeError`` (QA002) for any other type.
    """
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return check_text(value)


def _is_parquet(path: str) -> bool:
    name = path.rstrip("/")
    if name.endswith((".parquet", ".parq", ".pq")):
        return True
    return not name.endswith((".json", ".jsonl", ".ndjson", ".gz", ".bz2", ".xz", ".zst"))
