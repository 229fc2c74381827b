"""Regression guard on a fixed slice of PolNeAR train (read from ../shared/eval, never copied).

Fails when end-to-end F1 falls below the committed figure minus 0.01. Skips when the
shared evaluation data is not beside the repository.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quoteattr.evaluation import evaluate, load_gold

POLNEAR = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "polnear_train.jsonl"
SLICE = slice(700, 740)  # inside the held-out last 140 documents
#: measured with this slice when the guard was committed (see README, Accuracy)
COMMITTED = {"quoted": 0.8629, "all": 0.7133}


@pytest.mark.model
@pytest.mark.eval
def test_polnear_slice_e2e_f1_does_not_regress() -> None:
    if not POLNEAR.exists():
        pytest.skip(f"PolNeAR gold not found at {POLNEAR}")
    docs = load_gold(POLNEAR)[SLICE]
    report = evaluate(docs).to_dict()
    for subset, floor in COMMITTED.items():
        assert report[subset]["e2e"]["F1"] >= floor - 0.01, (subset, report[subset])
