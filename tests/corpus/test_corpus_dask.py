"""The corpus stage on Dask gives the same tables as the local path."""

from __future__ import annotations

from typing import Any

import pytest

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import dask  # noqa: E402

from quoteattr.corpus import document_records, run_corpus  # noqa: E402
from quoteattr.integrations import dask_corpus  # noqa: E402
from quoteattr.io.inputs import Document  # noqa: E402

from .corpus_docs import BRIDGE, BRIDGE_ALTERED, TAXES, RuleExtractor  # noqa: E402

DOCS = [
    ("d1", f'"{BRIDGE}" Mara Vell said.', "Harbour Post", "2024-03-02"),
    ("d2", f'"{BRIDGE}" Mara B. Vell said.', "Valley Times", "2024-03-01"),
    ("d3", f'"{BRIDGE_ALTERED}" Mára Vell said.', "Coast Daily", "2024-03-05"),
    ("d4", f'"{TAXES}" Ines Quill said.', "Ridge News", None),
    ("d5", "No quotation here.", "Ridge News", "2024-04-11"),
    ("d6", f'"{TAXES}" Tomas Quill said.', "Harbour Post", "2024-04-12"),
]


def local_tables() -> dict[str, Any]:
    extractor = RuleExtractor()
    stream = (
        (Document(i, t, fields={"site": o, "day": d}), extractor.extract(t)) for i, t, o, d in DOCS
    )
    return run_corpus(document_records(stream, outlet_field="site", date_field="day"))


def assert_same(a: dict[str, Any], b: dict[str, Any]) -> None:
    assert list(a) == list(b)
    for name in a:
        left, right = a[name].reset_index(drop=True), b[name].reset_index(drop=True)
        pd.testing.assert_frame_equal(left, right, check_dtype=False, obj=name)


@pytest.mark.parametrize("npartitions", [1, 2, 4])
def test_corpus_dask_equals_local(monkeypatch: pytest.MonkeyPatch, npartitions: int) -> None:
    monkeypatch.setattr(dask_corpus, "worker_extractor", lambda model, settings: RuleExtractor())
    monkeypatch.setattr(dask_corpus, "_run_lock", lambda model, settings: _NoLock())
    frame = pd.DataFrame(DOCS, columns=["id", "text", "site", "day"])
    ddf = dd.from_pandas(frame, npartitions=npartitions, sort=False)
    with dask.config.set(scheduler="synchronous"):
        tables = dask_corpus.corpus_tables_dask(ddf, outlet_column="site", date_column="day")
    expected = local_tables()
    assert len(expected["clusters"]) == 2
    assert_same(tables, expected)


def test_corpus_dask_missing_column_is_an_error() -> None:
    ddf = dd.from_pandas(pd.DataFrame({"id": ["a"], "text": ["x"]}), npartitions=1)
    with pytest.raises(ValueError, match="site"):
        dask_corpus.corpus_tables_dask(ddf, outlet_column="site")


class _NoLock:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *args: object) -> None:
        return None


@pytest.mark.model
def test_corpus_dask_cluster_equals_local_extraction(nlp: Any) -> None:
    from quoteattr import QuoteExtractor

    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = distributed.Client(cluster)
    try:
        frame = pd.DataFrame(DOCS, columns=["id", "text", "site", "day"])
        ddf = dd.from_pandas(frame, npartitions=2, sort=False)
        tables = dask_corpus.corpus_tables_dask(ddf, outlet_column="site", date_column="day")
    finally:
        client.close()
        cluster.close()
    extractor = QuoteExtractor(nlp)
    stream = (
        (Document(i, t, fields={"site": o, "day": d}), extractor.extract(t)) for i, t, o, d in DOCS
    )
    expected = run_corpus(document_records(stream, outlet_field="site", date_field="day"))
    assert len(expected["quotes"]) >= 5
    assert_same(tables, expected)
