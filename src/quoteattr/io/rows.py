"""Flat rows of quotes: one record per quote, for CSV, Parquet and data frames.

The nested ``Quote`` model is flattened into scalar columns, always the same
columns in the same order (``COLUMNS``), with ``None`` where a quote has no
cue or no speaker. The CLI's CSV/Parquet writers and the cluster integration
all use these rows, so every tabular output has one schema.
"""

from __future__ import annotations

from ..models import Quote

__all__ = ["COLUMNS", "ColumnType", "quote_record"]

#: Scalar type of a column: "str", "int" or "float" (all columns are nullable).
ColumnType = str

#: Column names and their scalar types, in output order.
COLUMNS: tuple[tuple[str, ColumnType], ...] = (
    ("doc_id", "str"),
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
    ("speaker_role", "str"),
    ("speaker_entity_type", "str"),
    ("mention", "str"),
    ("mention_start", "int"),
    ("mention_end", "int"),
)

Scalar = str | int | float | None


def quote_record(doc_id: str, index: int, quote: Quote) -> dict[str, Scalar]:
    """Flatten one quote of document ``doc_id`` into a row keyed by ``COLUMNS``.

    Args:
        doc_id: The document's id (file path, JSONL "id", ...).
        index: Position of the quote in the document's list of quotes.
        quote: The quote.

    Returns:
        A dict with exactly the keys of ``COLUMNS``, in that order.

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
    return {
        "doc_id": doc_id,
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
        "speaker_role": sp.role if sp is not None else None,
        "speaker_entity_type": sp.entity_type.value if sp is not None else None,
        "mention": sp.mention.text if sp is not None else None,
        "mention_start": sp.mention.start if sp is not None else None,
        "mention_end": sp.mention.end if sp is not None else None,
    }
