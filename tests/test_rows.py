"""Flat quote rows (rows.py): one schema for CSV, Parquet and data frames."""

from __future__ import annotations

from quoteattr.io.rows import COLUMNS, document_fields, quote_record
from quoteattr.models import Cue, Quote, Speaker, TextSpan


def _quote(with_speaker: bool) -> Quote:
    speaker = (
        Speaker(
            id=3,
            name="Ann Lee",
            mention=TextSpan(text="Lee", start=20, end=23),
            role="mayor of Harbourview",
            role_title="mayor",
            affiliation="Harbourview",
            entity_type="person",
            gender="female",
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
        source=TextSpan(text="Ann Lee, the mayor", start=20, end=38) if with_speaker else None,
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
        "speaker_name": "Ann Lee",
        "speaker_role": "mayor of Harbourview",
        "speaker_role_title": "mayor",
        "speaker_affiliation": "Harbourview",
        "speaker_entity_type": "person",
        "speaker_gender": "female",
        "mention": "Lee",
        "mention_start": 20,
        "mention_end": 23,
        "source": "Ann Lee, the mayor",
        "source_start": 20,
        "source_end": 38,
    }


def test_record_without_speaker_has_nulls() -> None:
    row = quote_record("d1", 0, _quote(False))
    speaker_cols = [n for n, _ in COLUMNS if n.startswith(("speaker", "mention", "source"))]
    assert speaker_cols == [
        "speaker_id",
        "speaker",
        "speaker_name",
        "speaker_role",
        "speaker_role_title",
        "speaker_affiliation",
        "speaker_entity_type",
        "speaker_gender",
        "mention",
        "mention_start",
        "mention_end",
        "source",
        "source_start",
        "source_end",
    ]
    assert all(row[c] is None for c in speaker_cols)
    assert row["cue"] == "said"


def test_record_unnamed_source_keeps_its_mention_as_speaker() -> None:
    quote = _quote(True)
    assert quote.speaker is not None
    unnamed = quote.speaker.model_copy(update={"name": None})
    row = quote_record("d1", 0, quote.model_copy(update={"speaker": unnamed}))
    assert (row["speaker"], row["speaker_name"]) == ("Lee", None)


def test_rows_every_model_field_has_a_column() -> None:
    """A field added to Quote, Speaker or Cue must reach the tabular outputs."""
    names = {n for n, _ in COLUMNS}
    covered = {
        "text", "start", "end", "type", "confidence", "sentence", "paragraph", "rule",
        "cue", "speaker", "source",
    }  # fmt: skip
    assert set(Quote.model_fields) <= covered <= names
    assert {f"speaker_{f}" for f in Speaker.model_fields} - names == {
        "speaker_mention",  # the mention, mention_start, mention_end columns
    }
    assert {
        f"cue_{f}".replace("cue_cue_", "cue_") for f in Cue.model_fields if f != "text"
    } <= names


def test_rows_document_fields_renamed_on_clash() -> None:
    fields = {"url": "u", "source": "Reuters", "text": "t", "doc_id": "x", "quotes": 1}
    assert document_fields(fields) == {
        "url": "u",
        "doc_source": "Reuters",
        "doc_text": "t",
        "doc_doc_id": "x",
        "doc_quotes": 1,
    }
