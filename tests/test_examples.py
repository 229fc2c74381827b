"""Golden end-to-end tests: every example article against its hand-made gold file.

For each ``examples/<name>.txt`` the extraction must match
``examples/<name>.quotes.jsonl`` exactly: the same quotes (start/end), type,
speaker name, speaker mention offsets, role and cue text, and nothing more.
A failure prints the differing records side by side.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from quoteattr import Quote, extract_quotes

pytestmark = pytest.mark.model

EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "examples"
ARTICLES = sorted(p.stem for p in EXAMPLES_DIR.glob("*.txt"))

Record = dict[str, Any]
FIELDS = ("start", "end", "type", "speaker_name", "speaker_start", "speaker_end", "role", "cue")


def gold_records(name: str) -> list[Record]:
    path = EXAMPLES_DIR / f"{name}.quotes.jsonl"
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def as_record(q: Quote) -> Record:
    """A prediction in the gold file's terms."""
    sp = q.speaker
    return {
        "start": q.start,
        "end": q.end,
        "type": q.type.value,
        "speaker_name": sp.name if sp else None,
        "speaker_start": sp.mention.start if sp else None,
        "speaker_end": sp.mention.end if sp else None,
        "role": sp.role if sp else None,
        "cue": q.cue.text if q.cue else None,
        # shown in the diff, not compared
        "text": q.text,
        "speaker": sp.mention.text if sp else None,
    }


def key(record: Record) -> tuple[Any, ...]:
    return tuple(record[f] for f in FIELDS)


def show(record: Record) -> str:
    text = record["text"]
    short = text if len(text) <= 60 else text[:57] + "..."
    return (
        f"[{record['start']}:{record['end']}] {record['type']:<8} {short!r}\n"
        f"      speaker={record['speaker']!r} [{record['speaker_start']}:"
        f"{record['speaker_end']}] name={record['speaker_name']!r} "
        f"role={record['role']!r} cue={record['cue']!r}"
    )


def diff_report(name: str, gold: list[Record], pred: list[Record]) -> str:
    """Readable differences: same span with other fields, missing, and extra quotes."""
    lines: list[str] = []
    pred_by_span = {(p["start"], p["end"]): p for p in pred}
    gold_spans = {(g["start"], g["end"]) for g in gold}
    for g in gold:
        p = pred_by_span.get((g["start"], g["end"]))
        if p is None:
            lines.append(f"MISSING  {show(g)}")
        elif key(p) != key(g):
            fields = [f for f in FIELDS if p[f] != g[f]]
            detail = ", ".join(f"{f}: expected {g[f]!r} got {p[f]!r}" for f in fields)
            lines.append(f"DIFFERS  {show(g)}\n      -> {detail}")
    for p in pred:
        if (p["start"], p["end"]) not in gold_spans:
            lines.append(f"EXTRA    {show(p)}")
    header = f"{name}: {len(gold)} gold, {len(pred)} predicted, {len(lines)} difference(s)"
    return "\n".join([header, *lines])


@pytest.fixture(scope="module")
def predictions(nlp) -> dict[str, list[Record]]:  # type: ignore[no-untyped-def]
    out = {}
    for name in ARTICLES:
        text = (EXAMPLES_DIR / f"{name}.txt").read_text(encoding="utf-8")
        out[name] = [as_record(q) for q in extract_quotes(text, nlp=nlp)]
    return out


def test_examples_are_present() -> None:
    assert len(ARTICLES) == 3
    for name in ARTICLES:
        assert (EXAMPLES_DIR / f"{name}.quotes.jsonl").exists(), name


@pytest.mark.parametrize("name", ARTICLES)
def test_examples_gold_is_consistent(name: str) -> None:
    text = (EXAMPLES_DIR / f"{name}.txt").read_text(encoding="utf-8")
    for g in gold_records(name):
        assert text[g["start"] : g["end"]] == g["text"]
        assert text[g["speaker_start"] : g["speaker_end"]] == g["speaker"]
        if g["cue"] is not None:
            assert text[g["cue_start"] : g["cue_end"]] == g["cue"]


@pytest.mark.parametrize("name", ARTICLES)
def test_examples_match_gold_exactly(name: str, predictions: dict[str, list[Record]]) -> None:
    gold = gold_records(name)
    pred = predictions[name]
    gold_keys = sorted(key(g) for g in gold)
    pred_keys = sorted(key(p) for p in pred)
    assert pred_keys == gold_keys, "\n" + diff_report(name, gold, pred)
