"""Quick throughput check: quoteattr end to end against the bare spaCy parse.

Usage: .venv/bin/python benchmarks/quick_speed.py [GOLD.jsonl] [--skip N] [--rounds R]

Runs both on the same documents (the gold file's texts, by default the held-out last
140 documents of ../shared/eval/polnear_train.jsonl when present, else the articles in
examples/ repeated), interleaved, same model and batch size, one process.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from quoteattr import get_extractor

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear_train.jsonl"


def load_texts(path: Path | None, skip: int) -> list[str]:
    """The texts to time: a gold file's documents after ``skip``, or the examples x 50."""
    if path is not None and path.exists():
        with path.open(encoding="utf-8") as f:
            return [json.loads(line)["text"] for line in f][skip:]
    examples = sorted((ROOT / "examples").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in examples] * 50


def main() -> None:
    """Print characters and documents per second for each round."""
    parser = argparse.ArgumentParser()
    parser.add_argument("gold", nargs="?", type=Path, default=POLNEAR)
    parser.add_argument("--skip", type=int, default=700)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    texts = load_texts(args.gold, args.skip)
    extractor = get_extractor()
    chars = sum(map(len, texts))
    for rnd in range(args.rounds):
        start = time.perf_counter()
        for _ in extractor.nlp.pipe(texts, batch_size=args.batch_size):
            pass
        bare = time.perf_counter() - start
        start = time.perf_counter()
        for _ in extractor.pipe(texts, batch_size=args.batch_size):
            pass
        ours = time.perf_counter() - start
        print(
            f"round {rnd}: {len(texts)} docs, {chars} chars | bare parse {chars / bare:,.0f} "
            f"chars/s | quoteattr {chars / ours:,.0f} chars/s ({len(texts) / ours:.1f} docs/s)"
            f" | quoteattr / bare = {bare / ours:.2f}"
        )


if __name__ == "__main__":
    main()
