"""Soak test: resident memory of a long ``quoteattr extract`` run, sampled over time.

Usage: python benchmarks/soak.py [--docs 10000] [--n-process 2] [--interval 1.0]

Writes ``--docs`` documents (the example articles in turn, each with its own id) to a
JSON Lines file, runs ``quoteattr extract FILE -o OUT.jsonl --n-process N --quiet`` in a
subprocess and samples the resident set size of the process and its workers (summed,
from ``/proc``) every ``--interval`` seconds. Prints the RSS after warm-up (the first
sample after 10% of the run's time), the highest RSS after that and the growth between
the two; a leak shows as growth that does not level off.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def tree_rss_mb(pid: int) -> float:
    """The summed RSS (MB) of ``pid`` and its descendants (Linux ``/proc``)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(stat[1]), []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
        todo += children.get(p, [])
    return total / 1024


def main() -> None:
    """Run the soak and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--n-process", type=int, default=2)
    ap.add_argument("--interval", type=float, default=1.0)
    args = ap.parse_args()
    articles = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp, "docs.jsonl"), Path(tmp, "out.jsonl")
        with src.open("w", encoding="utf-8") as fh:
            for i in range(args.docs):
                record = {"id": f"d{i}", "text": articles[i % len(articles)]}
                fh.write(json.dumps(record) + "\n")
        cmd = [sys.executable, "-m", "quoteattr", "extract", str(src), "-o", str(out),
               "--n-process", str(args.n_process), "--quiet"]  # fmt: skip
        start = time.perf_counter()
        proc = subprocess.Popen(cmd)
        samples: list[tuple[float, float]] = []
        while proc.poll() is None:
            samples.append((time.perf_counter() - start, tree_rss_mb(proc.pid)))
            time.sleep(args.interval)
        assert proc.returncode == 0, proc.returncode
        wall = time.perf_counter() - start
    after = [rss for t, rss in samples if t >= 0.1 * wall]
    warm, peak = after[0], max(after)
    print(
        f"{args.docs} docs, n_process {args.n_process}, {wall:.0f} s, {len(samples)} samples: "
        f"RSS after warm-up {warm:.0f} MB, highest after {peak:.0f} MB, "
        f"growth {100 * (peak - warm) / warm:.1f}%"
    )


if __name__ == "__main__":
    main()
