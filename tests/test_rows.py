"""Flat quote rows (rows.py): one schema for CSV, Parquet and data frames."""

from __future__ import annotations

from quoteattr.io.rows import COLUMNS, quote_record
from quoteattr.models import Cue, Quote, Speaker, TextSpan


def _quote(with_speaker: bool) -> Quote:
    speaker = (
        Speaker(
            id=3,
            name="Ann Lee",
            mention=TextSpan(text="Lee", start=20, end=23),
            role="mayor",
            entity_type="person",
        )
        if with_speaker
        else None
    )
    return Quote(
        text="No.",
        start=1,
        end=4,
        type="direct",
        cue=Cue(text="said", start=24, end=28, cue_class="statement", lemma="say"),
        speaker=speaker,
        confidence=0.75,
        sentence=2,
        paragraph=1,
        rule="verb_quote",
    )


def test_record_has_every_column_in_order() -> None:
    row = quote_record("d1", 4, _quote(True))
    assert list(row) == [name for name, _ in COLUMNS]
    assert row == {
        "doc_id": "d1",
        "quote_index": 4,
        "text": "No.",
        "start": 1,
        "end": 4,
        "type": "direct",
        "confidence": 0.75,
        "sentence": 2,
        "paragraph": 1,
        "rule": "verb_quote",
        "cue": "said",
        "cue_start": 24,
        "cue_end": 28,
        "cue_class": "statement",
        "cue_lemma": "say",
        "speaker_id": 3,
        "speaker": "Ann Lee",
        "speaker_role": "mayor",
        "speaker_entity_type": "person",
        "mention": "Lee",
        "mention_start": 20,
        "mention_end": 23,
    }


def test_record_without_speaker_has_nulls() -> None:
    row = quote_record("d1", 0, _quote(False))
    speaker_cols = [n for n, _ in COLUMNS if n.startswith(("speaker", "mention"))]
    assert speaker_cols == [
        "speaker_id",
        "speaker",
        "speaker_role",
        "speaker_entity_type",
        "mention",
        "mention_start",
        "mention_end",
    ]
    assert all(row[c] is None for c in speaker_cols)
    assert row["cue"] == "said"
