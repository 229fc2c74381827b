"""Flat rows of quotes: one record per quote, for CSV, Parquet and data frames.

The nested ``Quote`` model is flattened into scalar columns, always the same
columns in the same order (``COLUMNS``), with ``None`` where a quote has no
cue, speaker or source. The CLI's CSV/Parquet writers, ``quoteattr.to_dataframe``
and the cluster integration all use these rows, so every tabular output has one
schema. The document id is ``doc_id`` in every output format (``DOC_ID``).

The other fields of an input JSON Lines record are passed through after these
columns (``document_fields``); one whose name is already a column or a quote
field gets the prefix ``doc_`` ("source" becomes "doc_source").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..models import Quote

__all__ = ["COLUMNS", "DOC_ID", "PANDAS_DTYPES", "ColumnType", "document_fields", "quote_record"]

#: The name of the document id in every output format.
DOC_ID = "doc_id"

#: Scalar type of a column: "str", "int" or "float" (all columns are nullable).
ColumnType = str

#: Column names and their scalar types, in output order.
COLUMNS: tuple[tuple[str, ColumnType], ...] = (
    (DOC_ID, "str"),
    ("quote_index", "int"),
    ("text", "str"),
    ("start", "int"),
    ("end", "int"),
    ("type", "str"),
    ("confidence", "float"),
    ("sentence", "int"),
    ("paragraph", "int"),
    ("rule", "str"),
    ("cue", "str"),
    ("cue_start", "int"),
    ("cue_end", "int"),
    ("cue_class", "str"),
    ("cue_lemma", "str"),
    ("speaker_id", "int"),
    ("speaker", "str"),
    ("speaker_name", "str"),
    ("speaker_role", "str"),
    ("speaker_role_title", "str"),
    ("speaker_affiliation", "str"),
    ("speaker_entity_type", "str"),
    ("speaker_gender", "str"),
    ("mention", "str"),
    ("mention_start", "int"),
    ("mention_end", "int"),
    ("source", "str"),
    ("source_start", "int"),
    ("source_end", "int"),
)

#: pandas dtype of each kind of column (all nullable).
PANDAS_DTYPES: dict[str, str] = {"str": "string", "int": "Int64", "float": "Float64"}

_RESERVED = frozenset(name for name, _ in COLUMNS) | frozenset(Quote.model_fields) | {"quotes"}


def document_fields(fields: Mapping[str, Any] | None) -> dict[str, Any]:
    """The pass-through fields of a document, renamed where they would clash.

    Example:
        >>> document_fields({"url": "u", "source": "Reuters"})
        {'url': 'u', 'doc_source': 'Reuters'}
    """
    if not fields:
        return {}
    return {(f"doc_{k}" if k in _RESERVED else k): v for k, v in fields.items()}


Scalar = str | int | float | None


def quote_record(doc_id: str, index: int, quote: Quote) -> dict[str, Scalar]:
    """Flatten one quote of document ``doc_id`` into a row keyed by ``COLUMNS``.

    Args:
        doc_id: The document's id (file path, JSONL "id", ...).
        index: Position of the quote in the document's list of quotes.
        quote: The quote.

    Returns:
        A dict with exactly the keys of ``COLUMNS``, in that order. ``speaker`` is
        the speaker's label (name, or the mention of an unnamed source),
        ``speaker_name`` the name alone (None for an unnamed source).

    Example:
        >>> from quoteattr.models import Quote
        >>> q = Quote(text="Yes.", start=1, end=5, type="direct", confidence=0.9,
        ...           sentence=0, paragraph=0, rule="colon")
        >>> row = quote_record("a.txt", 0, q)
        >>> (row["doc_id"], row["text"], row["speaker"])
        ('a.txt', 'Yes.', None)
    """
    cue = quote.cue
    sp = quote.speaker
    src = quote.source
    return {
        DOC_ID: doc_id,
        "quote_index": index,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "type": quote.type.value,
        "confidence": quote.confidence,
        "sentence": quote.sentence,
        "paragraph": quote.paragraph,
        "rule": quote.rule,
        "cue": cue.text if cue is not None else None,
        "cue_start": cue.start if cue is not None else None,
        "cue_end": cue.end if cue is not None else None,
        "cue_class": cue.cue_class.value if cue is not None else None,
        "cue_lemma": cue.lemma if cue is not None else None,
        "speaker_id": sp.id if sp is not None else None,
        "speaker": sp.label if sp is not None else None,
        "speaker_name": sp.name if sp is not None else None,
        "speaker_role": sp.role if sp is not None else None,
        "speaker_role_title": sp.role_title if sp is not None else None,
        "speaker_affiliation": sp.affiliation if sp is not None else None,
        "speaker_entity_type": sp.entity_type.value if sp is not None else None,
        "speaker_gender": sp.gender.value if sp is not None and sp.gender else None,
        "mention": sp.mention.text if sp is not None else None,
        "mention_start": sp.mention.start if sp is not None else None,
        "mention_end": sp.mention.end if sp is not None else None,
        "source": src.text if src is not None else None,
        "source_start": src.start if src is not None else None,
        "source_end": src.end if src is not None else None,
    }
