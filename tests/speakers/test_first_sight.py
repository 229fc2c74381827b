"""Speaker accuracy on the first-sight batches (``tests/fixtures/first_sight/``).

Each batch was written by someone who had not read the rules and committed before the
rule changes it measured. The README reports each batch's figure at first sight (the
rules of the day it was committed) next to the figure now; the floors here are the
figures now, rounded down, in the default scope, so that a change that loses what the
fixes gained fails. They are not the figures to quote for accuracy on unseen text:
those are the first-sight ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quoteattr import QuoteExtractor

from .gold import load_gold, score

BATCHES = Path(__file__).resolve().parents[1] / "fixtures" / "first_sight"

#: name, role and entity type accuracy now (default scope), rounded down.
FLOORS = {
    "batch1.jsonl": {"name": 0.85, "role": 0.87, "type": 0.90},
    "batch2.jsonl": {"name": 0.88, "role": 0.84, "type": 0.92},
    "batch3.jsonl": {"name": 0.82, "role": 0.73, "type": 0.87},
    "batch4.jsonl": {"name": 0.91, "role": 0.86, "type": 0.91},
    "batch5.jsonl": {"name": 0.82, "role": 0.82, "type": 0.86},
    "batch6.jsonl": {"name": 0.81, "role": 0.81, "type": 0.86},
}


@pytest.mark.parametrize("batch", sorted(FLOORS))
def test_first_sight_batch_is_large_enough(batch: str) -> None:
    gold = load_gold(BATCHES / batch)
    assert len(gold) >= 30
    assert sum(len(d["expect"]) for d in gold) >= 60  # type: ignore[arg-type]
    for doc in gold:
        for exp in doc["expect"]:  # type: ignore[attr-defined]
            assert str(doc["text"]).count(exp["quote"]) == 1, (doc["id"], exp["quote"])


@pytest.mark.model
@pytest.mark.parametrize("batch", sorted(FLOORS))
def test_first_sight_batch_stays_above_its_floors(extractor: QuoteExtractor, batch: str) -> None:
    scores = score(extractor.extract, load_gold(BATCHES / batch))
    got = {"name": scores.name, "role": scores.role, "type": scores.type}
    print(batch, {k: round(v, 3) for k, v in got.items()})
    low = {k: round(v, 3) for k, v in got.items() if v < FLOORS[batch][k]}
    assert not low, "\n".join(scores.errors)
