"""Fit the confidence base of each attribution rule on PolNeAR's development part.

Usage: .venv/bin/python benchmarks/fit_confidence.py [--gold PATH] [--docs 700]
       [--settings JSON]

Runs quoteattr on documents 0 to ``--docs`` - 1 of the gold file (the development part:
never the reporting part 700-839), judges every prediction end to end (span overlaps a
gold attribution one to one and the speaker is right, as ``score.py`` does) and prints,
per rule: the number of predictions, their precision, their mean confidence, and the
base that makes the rule's mean confidence equal its precision (calibration in the
large: the deductions for judging cues, pronouns and descriptions stay as they are);
a rule with fewer than ``MIN_PREDICTIONS`` predictions keeps its base.
Copy the bases into ``_RULE_CONFIDENCE`` in ``stages/assemble.py`` by hand.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from quoteattr import QuoteExtractor, Settings
from quoteattr.evaluation import judge_pairs, load_gold, quote_to_record
from quoteattr.pipeline import load_default_pipeline
from quoteattr.stages.assemble import _RULE_CONFIDENCE

sys.path.insert(0, str(Path(__file__).resolve().parent))
from polnear_split import DEV_DOCS, dev_count

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "polnear_train.jsonl"
MIN_PREDICTIONS = 30  # a rule with fewer predictions keeps its base


def main(argv: list[str] | None = None) -> None:
    """Print the fitted base of each rule as a Markdown table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument(
        "--docs", type=dev_count, default=DEV_DOCS, help="first N documents (dev part, 1-700)"
    )
    ap.add_argument("--settings", default='{"scope": "attributions"}', help="Settings JSON")
    args = ap.parse_args(argv)
    extractor = QuoteExtractor(
        load_default_pipeline(), settings=Settings(**json.loads(args.settings))
    )
    right: dict[str, list[bool]] = defaultdict(list)
    conf: dict[str, list[float]] = defaultdict(list)
    for doc in load_gold(args.gold)[: args.docs]:
        quotes = extractor.extract(doc.text)
        records = [quote_to_record(q) for q in quotes]
        correct = {m.pred for m in judge_pairs(doc.text, doc.quotes, records) if m.speaker_right}
        for j, q in enumerate(quotes):
            right[q.rule].append(j in correct)
            conf[q.rule].append(q.confidence)
    print(f"documents 0-{args.docs - 1}, settings {args.settings}")
    print("| rule | n | e2e precision | mean confidence | base now | fitted base |")
    print("|---|---|---|---|---|---|")
    for rule in sorted(right, key=lambda r: -len(right[r])):
        n = len(right[rule])
        precision = sum(right[rule]) / n
        mean = sum(conf[rule]) / n
        base = _RULE_CONFIDENCE.get(rule, 0.6)
        fitted = min(0.97, max(0.05, base + precision - mean))
        shown = f"{fitted:.2f}" if n >= MIN_PREDICTIONS else f"{base} (kept: n < {MIN_PREDICTIONS})"
        print(f"| {rule} | {n} | {precision:.3f} | {mean:.3f} | {base} | {shown} |")


if __name__ == "__main__":
    main()
