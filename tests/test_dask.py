"""The Dask integration (quoteattr.integrations.dask) on a real local cluster.

A ``distributed.LocalCluster`` with two worker processes runs the same
scheduler and worker code as a real cluster; the rows it returns must equal
the rows built from ``extract_quotes`` on the same texts, column by column.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

dd = pytest.importorskip("dask.dataframe")
db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

from quoteattr import extract_quotes  # noqa: E402
from quoteattr.integrations import dask as qdask  # noqa: E402
from quoteattr.io.rows import COLUMNS, quote_record  # noqa: E402

NAMES = [name for name, _ in COLUMNS]
SHORT_TEXTS = {
    "short-quote": '"We will rebuild the bridge by spring," Mara Vell said on Monday.',
    "no-quotes": "The river rose overnight and the roads stayed closed.",
    "empty": "",
}


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A client of a local cluster: two worker processes, one thread each."""
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


@pytest.fixture(scope="module")
def documents(example_paths: list[Path]) -> Any:
    """The example articles plus short texts (one without quotes, one empty)."""
    rows = [(p.name, p.read_text(encoding="utf-8")) for p in example_paths]
    rows += list(SHORT_TEXTS.items())
    return pd.DataFrame(rows, columns=["id", "text"])


def expected_rows(documents: Any) -> list[dict[str, Any]]:
    """Rows from ``extract_quotes`` on each document, sorted like the cluster's rows."""
    rows = [
        quote_record(doc_id, i, quote)
        for doc_id, text in zip(documents["id"], documents["text"], strict=True)
        for i, quote in enumerate(extract_quotes(text))
    ]
    return sorted(rows, key=lambda r: (r["doc_id"], r["quote_index"]))


def as_rows(frame: Any) -> list[dict[str, Any]]:
    """Records of a quote frame sorted by (doc_id, quote_index), with NA as None."""
    frame = frame.sort_values(["doc_id", "quote_index"]).reset_index(drop=True)
    return [
        {name: (None if value is pd.NA else value) for name, value in record.items()}
        for record in frame.to_dict("records")
    ]


@pytest.mark.model
def test_dask_quotes_frame_equals_extract_quotes(client: Any, documents: Any) -> None:
    ddf = dd.from_pandas(documents, npartitions=3)
    result = qdask.quotes_frame(ddf).compute()
    assert list(result.columns) == NAMES
    assert {str(dtype) for dtype in result.dtypes} == {"string", "Int64", "Float64"}
    expected = expected_rows(documents)
    assert len(expected) > 20
    assert as_rows(result) == expected
    assert "no-quotes" not in set(result["doc_id"])
    assert "short-quote" in set(result["doc_id"])
    # each worker process loaded the default pipeline exactly once
    loaded = client.run(qdask.loaded_models)
    assert sorted(loaded.values()) == [[None], [None]]
    # warm_up finds the loaded extractor and loads no second one
    assert sorted(client.run(qdask.warm_up).values()) == [[None], [None]]


@pytest.mark.model
def test_dask_threaded_scheduler_equals_extract_quotes(documents: Any) -> None:
    # no cluster: the local "threads" scheduler runs partitions in threads of this process
    ddf = dd.from_pandas(documents, npartitions=4)
    result = qdask.quotes_frame(ddf).compute(scheduler="threads", num_workers=2)
    assert as_rows(result) == expected_rows(documents)


@pytest.mark.model
def test_dask_parquet_round_trip(client: Any, documents: Any, tmp_path: Path) -> None:
    ddf = dd.from_pandas(documents, npartitions=2)
    qdask.quotes_frame(ddf).to_parquet(tmp_path / "quotes", write_index=False)
    back = pd.read_parquet(tmp_path / "quotes")
    assert list(back.columns) == NAMES
    assert as_rows(back) == expected_rows(documents)


@pytest.mark.model
def test_dask_bag_equals_extract_quotes(client: Any, documents: Any) -> None:
    pairs = list(zip(documents["id"], documents["text"], strict=True))
    bag = db.from_sequence(pairs, npartitions=2)
    rows = qdask.quotes_from_bag(bag).compute()
    assert sorted(rows, key=lambda r: (r["doc_id"], r["quote_index"])) == expected_rows(documents)
    frame = qdask.quotes_from_bag(bag).to_dataframe(meta=qdask.quote_meta()).compute()
    assert as_rows(frame) == expected_rows(documents)


@pytest.mark.model
def test_dask_read_documents_jsonl_and_parquet(client: Any, tmp_path: Path) -> None:
    docs = [
        {"id": "007", "text": '"Yes," Ann Lee said.', "section": "metro"},
        {"id": "008", "text": "No quotes here.", "section": "sport"},
        {"id": "009", "text": None, "section": "sport"},
    ]
    jsonl = tmp_path / "docs.jsonl"
    jsonl.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    pd.DataFrame(docs).to_parquet(tmp_path / "docs.parquet")
    for path in (str(jsonl), str(tmp_path / "docs.parquet")):
        read = qdask.read_documents(path).compute()
        assert list(read.columns) == ["id", "text"]
        assert list(read["id"]) == ["007", "008", "009"]
        quotes = qdask.quotes_frame(qdask.read_documents(path)).compute()
        assert list(quotes["doc_id"]) == ["007"]
        assert list(quotes["speaker"]) == ["Ann Lee"]
        assert list(quotes["text"]) == ["Yes"]


def test_dask_missing_column_raises_with_code() -> None:
    ddf = dd.from_pandas(pd.DataFrame({"id": ["a"], "body": ["x"]}), npartitions=1)
    with pytest.raises(ValueError, match=r"\[QA007\] Column 'text' not found.*'body'"):
        qdask.quotes_frame(ddf)


def test_dask_meta_has_every_column_with_nullable_dtype() -> None:
    meta = qdask.quote_meta()
    assert list(meta.columns) == NAMES
    assert len(meta) == 0
    kinds = {"str": "string", "int": "Int64", "float": "Float64"}
    assert [str(meta[name].dtype) for name in NAMES] == [kinds[kind] for _, kind in COLUMNS]


def test_dask_not_imported_by_quoteattr() -> None:
    code = (
        "import sys, quoteattr; print(sorted(m for m in sys.modules if m.split('.')[0] == 'dask'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_dask_missing_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['dask'] = None\n"
        "try:\n    import quoteattr.integrations.dask\n"
        "except ImportError as exc:\n    print(exc)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "[QA006]" in out
    assert "pip install 'quoteattr[dask]'" in out
    assert "(dask is missing)" in out
