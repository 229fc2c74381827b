"""Speaker name, role and kind accuracy on invented gold (see ``gold``).

The floors are the figures measured when the gold was scored; a change that lowers any
of them fails here. The gold was written before the extractor was run on it, and is not
edited to match its output.
"""

from __future__ import annotations

import pytest

from quoteattr import QuoteExtractor, Settings

from .gold import load_gold, score

#: Accuracy measured on the gold, rounded down (name, role, entity type).
FLOORS = {"name": 0.986, "role": 0.993, "type": 0.986}


def test_gold_is_large_and_varied() -> None:
    gold = load_gold()
    styles = {str(d["style"]) for d in gold}
    assert len(gold) >= 60
    assert sum(len(d["expect"]) for d in gold) >= 150  # type: ignore[arg-type]
    assert styles >= {
        "wire_ap",
        "wire_reuters",
        "uk",
        "us",
        "local",
        "press_release",
        "court",
        "science",
        "sports",
        "business",
        "international",
    }


def test_gold_quotes_are_in_their_passages() -> None:
    for doc in load_gold():
        for exp in doc["expect"]:  # type: ignore[attr-defined]
            assert str(doc["text"]).count(exp["quote"]) == 1, (doc["id"], exp["quote"])


@pytest.mark.model
def test_gold_speaker_accuracy_stays_above_its_floors(extractor: QuoteExtractor) -> None:
    # the gold holds findings and beliefs ("a study found", "a poll shows"): attributions
    # in PolNeAR's sense, outside the default "speech" scope
    attributions = QuoteExtractor(extractor.nlp, settings=Settings(scope="attributions"))
    scores = score(attributions.extract, load_gold())
    got = {"name": scores.name, "role": scores.role, "type": scores.type}
    print("speaker gold (scope attributions):", {k: round(v, 3) for k, v in got.items()})
    print("\n".join(scores.errors))
    low = {k: round(v, 3) for k, v in got.items() if v < FLOORS[k]}
    assert not low, "\n".join(scores.errors)


def test_gold_scoring_counts_missing_and_wrong_speakers() -> None:
    from quoteattr.models import EntityType, Quote, QuoteType, Speaker, TextSpan

    passage = {
        "id": "x",
        "text": 'Ann Lee, the mayor, said "we will build". Bo Tan said "no".',
        "expect": [
            {"quote": "we will build", "name": "Ann Lee", "role": "mayor", "type": "person"},
            {"quote": "no", "name": "Bo Tan", "role": None, "type": "person"},
        ],
    }
    speaker = Speaker(
        id=0,
        name="Ann Lee",
        mention=TextSpan(text="Ann Lee", start=0, end=7),
        role="the mayor",
        entity_type=EntityType.ORGANIZATION,
    )
    quote = Quote(
        text="we will build",
        start=26,
        end=39,
        type=QuoteType.DIRECT,
        speaker=speaker,
        confidence=0.9,
        sentence=0,
        paragraph=0,
        rule="quote_cue",
    )
    scores = score(lambda text: [quote], [passage])
    assert (scores.name, scores.role, scores.type, scores.total) == (0.5, 0.5, 0.0, 2)
    assert scores.errors[1] == "x: no speaker for 'no'"
