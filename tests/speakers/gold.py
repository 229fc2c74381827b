"""Score speakers (name, role, entity type) against the team's invented gold.

The gold (``tests/fixtures/speaker_gold.jsonl``) holds invented passages in
several news styles, one JSON object a line: ``id``, ``style``, ``text`` and
``expect``, a list of ``{"quote", "name", "role", "type"}``. ``quote`` is a
snippet of the quotation's content; ``name`` the speaker's full name without
honorifics or titles (None for a source the text does not name); ``role`` the
title or function as written at any mention, or a list of acceptable ones
(None when the text gives none, and for organisations, documents and unnamed
groups; for a single unnamed source, its description: "senior official");
``type`` an ``EntityType`` value.

Roles are compared without a leading article and end punctuation, case
folded. An expectation whose quote is not found counts as wrong on all three.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from quoteattr import Quote

GOLD_PATH = Path(__file__).resolve().parents[1] / "fixtures" / "speaker_gold.jsonl"


@dataclass(frozen=True)
class Scores:
    """Accuracy of each part, and the wrong answers for reading."""

    name: float
    role: float
    type: float
    total: int
    errors: tuple[str, ...]


def load_gold(path: Path = GOLD_PATH) -> list[dict[str, object]]:
    """The gold passages, in file order."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def norm_role(role: str | None) -> str | None:
    """Lower case, no leading article, no end punctuation, straight apostrophes."""
    if role is None:
        return None
    r = role.replace("\u2019", "'").strip().strip(",;:").lower()
    for article in ("the ", "a ", "an "):
        if r.startswith(article):
            r = r[len(article) :]
    return r or None


def _role_ok(expected: object, got: str | None) -> bool:
    options = expected if isinstance(expected, list) else [expected]
    return norm_role(got) in {norm_role(o) for o in options}


def score(extract: Callable[[str], list[Quote]], gold: Iterable[dict[str, object]]) -> Scores:
    """Run ``extract`` on every passage and compare each expectation."""
    right = {"name": 0, "role": 0, "type": 0}
    total = 0
    errors: list[str] = []
    for doc in gold:
        text = str(doc["text"])
        quotes = extract(text)
        expectations = doc["expect"]
        assert isinstance(expectations, list)
        for exp in expectations:
            total += 1
            found = [q for q in quotes if exp["quote"] in q.text and q.speaker is not None]
            if not found:
                errors.append(f"{doc['id']}: no speaker for {exp['quote']!r}")
                continue
            sp = found[0].speaker
            assert sp is not None
            checks = {
                "name": sp.name == exp["name"],
                "role": _role_ok(exp["role"], sp.role),
                "type": sp.entity_type.value == exp["type"],
            }
            for part, ok in checks.items():
                right[part] += ok
            if not all(checks.values()):
                got = (sp.name, sp.role, sp.entity_type.value)
                want = (exp["name"], exp["role"], exp["type"])
                errors.append(f"{doc['id']}: {exp['quote']!r} got {got} want {want}")
    return Scores(
        name=right["name"] / total,
        role=right["role"] / total,
        type=right["type"] / total,
        total=total,
        errors=tuple(errors),
    )
