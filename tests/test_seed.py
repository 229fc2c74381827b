"""The seed article (../shared/eval/seed_article.jsonl) and the team's scorer.

Skipped when the shared evaluation folder is not next to the repository.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from quoteattr import Quote, extract_quotes

pytestmark = [pytest.mark.model, pytest.mark.eval]

EVAL_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
SEED = EVAL_DIR / "seed_article.jsonl"
SCORER = EVAL_DIR / "score.py"


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED} (needs the shared eval folder)")
    with SEED.open(encoding="utf-8") as fh:
        doc: dict[str, Any] = json.loads(fh.readline())
    return doc


@pytest.fixture(scope="module")
def score() -> ModuleType:
    if not SCORER.exists():
        pytest.skip(f"scorer not found at {SCORER} (needs the shared eval folder)")
    spec = importlib.util.spec_from_file_location("qa_team_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def predicted(seed: dict[str, Any], nlp) -> list[Quote]:  # type: ignore[no-untyped-def]
    return extract_quotes(seed["text"], nlp=nlp)


def last_word(name: str | None, score: ModuleType) -> str | None:
    words = score.words(name)
    return words[-1] if words else None


def describe(quotes: list[Quote]) -> str:
    lines = []
    for q in quotes:
        name = q.speaker.name if q.speaker else None
        mention = q.speaker.mention.text if q.speaker else None
        lines.append(f"  [{q.start}:{q.end}] {q.text[:50]!r} -> {name!r} ({mention!r})")
    return "\n".join(lines)


def test_seed_has_nine_gold_quotes(seed: dict[str, Any]) -> None:
    assert len(seed["quotes"]) == 9


@pytest.mark.parametrize("index", range(9))
def test_seed_gold_quote_found_with_right_speaker(
    seed: dict[str, Any], predicted: list[Quote], score: ModuleType, index: int
) -> None:
    gold = seed["quotes"][index]
    want = last_word(gold["speaker_name"], score)
    overlapping = [q for q in predicted if q.start < gold["end"] and gold["start"] < q.end]
    assert overlapping, f"nothing overlaps gold {gold['text'][:60]!r}\n{describe(predicted)}"
    names = [q.speaker.name if q.speaker else None for q in overlapping]
    assert any(last_word(n, score) == want for n in names), (
        f"gold {gold['text'][:60]!r} is {gold['speaker_name']!r}; overlapping predictions "
        f"name {names}"
    )


def test_seed_called_on_is_wang_wenbin_through_he(
    seed: dict[str, Any], predicted: list[Quote]
) -> None:
    text = seed["text"]
    start = text.index("He called on NATO")
    gold = next(g for g in seed["quotes"] if g["cue"] == "called on")
    hits = [q for q in predicted if q.start < gold["end"] and gold["start"] < q.end]
    assert hits, describe(predicted)
    q = hits[0]
    assert q.speaker is not None
    assert q.speaker.name == "Wang Wenbin"
    assert (q.speaker.mention.text, q.speaker.mention.start) == ("He", start)
    assert q.cue is not None and q.cue.text == "called on"


def test_seed_no_quote_in_page_furniture(seed: dict[str, Any], predicted: list[Quote]) -> None:
    text = seed["text"]
    first_line_end = text.index("\n")
    assert text[:first_line_end] == "Support Us"
    footer = text.index("Journalists fight on their own frontline.")
    bad = [q for q in predicted if q.start < first_line_end or q.start >= footer]
    assert bad == [], describe(bad)


@pytest.mark.parametrize(
    ("name", "roles"),
    [
        ("Wang Wenbin", {"spokesperson for the Chinese Foreign Ministry"}),
        ("Wang Yi", {"Chinese Foreign Minister", "Foreign Minister"}),
        ("Anthony Blinken", {"US Secretary of State"}),
        ("Linda Thomas-Greenfield", {"the US Ambassador to the UN", "US Ambassador to the UN"}),
    ],
)
def test_seed_roles(predicted: list[Quote], name: str, roles: set[str]) -> None:
    theirs = [q for q in predicted if q.speaker is not None and q.speaker.name == name]
    assert theirs, f"no quote attributed to {name}\n{describe(predicted)}"
    got = {q.speaker.role for q in theirs if q.speaker is not None}
    assert got <= roles, f"{name}: roles {got}, expected one of {roles}"


def test_seed_scorer_e2e_recall_is_perfect(seed: dict[str, Any], score: ModuleType) -> None:
    text = seed["text"]
    gold = seed["quotes"]
    pred = score.system_quoteattr()(text)  # the scorer's own adapter of extract_quotes
    pairs, _exact = score.match(text, gold, pred)
    right = [i for i, j in pairs if score.speaker_ok(gold[i], pred[j])]
    result = score.prf(len(right), len(pred), len(gold))
    missed = [gold[i]["text"][:50] for i in range(len(gold)) if i not in right]
    assert result["R"] == 1.0, f"e2e {result}; missed or misattributed: {missed}"
