"""The corpus stage's cost: against extraction, against corpus size, and on Dask.

Usage: .venv/bin/python benchmarks/corpus.py QUOTES.jsonl [--extraction-seconds S]
       [--sizes 1000,10000,100000] [--dask-docs N --documents DOCS.jsonl]

QUOTES.jsonl is the output of ``quoteattr extract`` on PolNeAR train (its document
ids name the outlet and the date: ``polnear/train/OUTLET_YYYY-MM-DD_...``).

1. PolNeAR: the corpus stage (read, sign, build, tables, write) on QUOTES.jsonl,
   against ``--extraction-seconds`` (the wall time of the extract run).
2. Growth: synthetic corpora of N documents, made by replicating PolNeAR's
   per-document quote records with new ids, outlets (50) and dates (one a day
   over two years); the stage's time per document at each size (in memory, no
   files), as process CPU time (robust on a shared machine) and wall time.
3. Dask (with ``--dask-docs``): extraction and map (``sign_partition``) of N
   documents of DOCS.jsonl, in this process against a local cluster of two
   worker processes: wall-clock speed-up, and the CPU-bound speed-up (this
   process's CPU time over the busiest worker's), which is what two free cores
   give; on a machine shared with other work the wall-clock figure is lower.

Only figures are printed: no text of the corpus.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from quoteattr.corpus import (  # noqa: E402
    QuoteRecord,
    build_corpus,
    corpus_tables,
    read_quote_records,
    sign,
    write_corpus,
)

_ID = re.compile(r"/([a-z-]+)_(\d{4}-\d{2}-\d{2})_")


def polnear_records(path: Path) -> list[QuoteRecord]:
    """The quote records of QUOTES.jsonl, with outlet and date taken from the ids."""
    with path.open(encoding="utf-8") as handle:
        records = list(read_quote_records([handle]))
    out = []
    for r in records:
        match = _ID.search(r.doc_id)
        outlet, date = (match.group(1), match.group(2)) if match else (None, None)
        out.append(dataclasses.replace(r, outlet=outlet, date=date, fields={}))
    return out


def stage(records: list[QuoteRecord], out_dir: Path | None) -> dict[str, Any]:
    """Time each step of the corpus stage on records; return times and figures."""
    c0, t0 = time.process_time(), time.perf_counter()
    signed = sign(records)
    t1 = time.perf_counter()
    corpus = build_corpus(signed)
    t2 = time.perf_counter()
    tables = corpus_tables(corpus)
    t3 = time.perf_counter()
    if out_dir is not None:
        write_corpus(tables, out_dir)
    t4 = time.perf_counter()
    clusters = tables["clusters"]
    return {
        "cpu_s": time.process_time() - c0,
        "sign_s": t1 - t0,
        "build_s": t2 - t1,
        "tables_s": t3 - t2,
        "write_s": t4 - t3,
        "total_s": t4 - t0,
        "documents": len({r.doc_id for r in records}),
        "quotes": len(records),
        "corpus_speakers": len(tables["speakers"]),
        "clusters_2plus_documents": len(clusters),
        "clusters_2plus_outlets": int((clusters["outlets"] > 1).sum()),
        "largest_clusters_quotes": clusters["quotes"].nlargest(5).tolist(),
        "largest_clusters_outlets": clusters["outlets"].nlargest(5).tolist(),
        "conflicting_clusters": int(clusters["conflicting_speakers"].sum()),
    }


def synthetic(records: list[QuoteRecord], documents: int) -> Iterator[QuoteRecord]:
    """``documents`` documents: PolNeAR's documents replicated with new ids, outlets, dates."""
    by_doc: dict[str, list[QuoteRecord]] = {}
    for r in records:
        by_doc.setdefault(r.doc_id, []).append(r)
    originals = list(by_doc.values())
    for k in range(documents):
        day = k % 730
        date = f"{2015 + day // 365}-{(day % 365) // 31 + 1:02d}-{(day % 31) + 1:02d}"
        for r in originals[k % len(originals)]:
            yield dataclasses.replace(
                r, doc_id=f"synthetic-{k}", order=k, outlet=f"outlet-{k % 50}", date=date
            )


def growth(records: list[QuoteRecord], sizes: list[int]) -> list[dict[str, Any]]:
    """Time per document of the in-memory stage at each synthetic size."""
    rows = []
    for size in sizes:
        recs = list(synthetic(records, size))
        result = stage(recs, None)
        rows.append({"documents": size, "quotes": len(recs), "wall_s": round(result["total_s"], 2),
                     "cpu_s": round(result["cpu_s"], 2),
                     "wall_ms_per_document": round(1000 * result["total_s"] / size, 4),
                     "cpu_ms_per_document": round(1000 * result["cpu_s"] / size, 4),
                     "clusters": result["clusters_2plus_documents"]})  # fmt: skip
        print(json.dumps(rows[-1]), flush=True)
    return rows


def dask_throughput(documents: Path, n: int, partitions: int = 4) -> dict[str, Any]:
    """Documents per second of extraction + map: in this process, and on two workers."""
    import dask
    import dask.dataframe as dd
    import distributed
    import pandas as pd

    from quoteattr.integrations.dask import warm_up
    from quoteattr.integrations.dask_corpus import sign_partition, signed_records

    rows = []
    with documents.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            rows.append({"id": record["id"], "text": record["text"]})
            if len(rows) == n:
                break
    frame = pd.DataFrame(rows)
    load = os.getloadavg()[0]
    warm_up()
    c0, t0 = time.process_time(), time.perf_counter()
    local = sign_partition(frame, 0)
    local_s, local_cpu = time.perf_counter() - t0, time.process_time() - c0
    # the workers' sampling profiler costs CPU that the in-process run does not pay
    dask.config.set({"distributed.worker.profile.enabled": False})
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = distributed.Client(cluster)
    try:
        ddf = dd.from_pandas(frame, npartitions=partitions, sort=False).persist()
        distributed.wait(ddf)
        client.run(warm_up)
        before = client.run(time.process_time)
        t0 = time.perf_counter()
        with dask.config.set(scheduler=client):
            remote = signed_records(ddf)
        dask_s = time.perf_counter() - t0
        after = client.run(time.process_time)
        worker_cpu = [after[w] - before[w] for w in after]
    finally:
        client.close()
        cluster.close()
    assert len(local) == len(remote)
    return {
        "documents": n,
        "partitions": partitions,
        "local_s": round(local_s, 2),
        "dask_2_workers_s": round(dask_s, 2),
        "speedup": round(local_s / dask_s, 2),
        "local_cpu_s": round(local_cpu, 2),
        "worker_cpu_s": [round(c, 2) for c in worker_cpu],
        # the speed-up if each worker had a core of its own: local CPU / busiest worker's CPU
        "cpu_bound_speedup": round(local_cpu / max(worker_cpu), 2),
        "load_average_before": round(load, 2),
    }


def main() -> int:
    """Run the benchmarks named by the arguments; print JSON lines of figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("quotes", type=Path)
    parser.add_argument("--extraction-seconds", type=float)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--dask-docs", type=int, default=0)
    parser.add_argument("--documents", type=Path)
    parser.add_argument("--dask-partitions", type=int, default=4)
    args = parser.parse_args()
    t0 = time.perf_counter()
    records = polnear_records(args.quotes)
    read_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        result = stage(records, Path(tmp))
    result["read_s"] = read_s
    result["stage_with_read_s"] = read_s + result["total_s"]
    if args.extraction_seconds:
        result["share_of_extraction"] = round(
            result["stage_with_read_s"] / args.extraction_seconds, 4
        )
    print(json.dumps({"polnear": result}), flush=True)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if sizes:
        rows = growth(records, sizes)
        cpu = rows[-1]["cpu_ms_per_document"] / rows[0]["cpu_ms_per_document"]
        wall = rows[-1]["wall_ms_per_document"] / rows[0]["wall_ms_per_document"]
        ratios = {"cpu": round(cpu, 3), "wall": round(wall, 3)}
        print(json.dumps({"growth_ratio_last_vs_first": ratios}), flush=True)
    if args.dask_docs and args.documents:
        result = dask_throughput(args.documents, args.dask_docs, args.dask_partitions)
        print(json.dumps({"dask": result}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
