"""Corpus input: one flat, picklable record per quote, with its document's outlet and date.

The corpus stage never sees a Doc or a ``Quote`` model: it reads ``QuoteRecord``
values, built from extracted quotes (``records_from_quotes``) or from the JSON Lines
that ``quoteattr extract`` writes (``read_quote_records``). A record keeps the
document's position in the input (``order``), so that "first seen" falls back to
input order when the input has no date. Other fields of the input pass through
(``fields``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, Any

import regex

from ..io.rows import DOC_ID
from ..models import Quote

__all__ = [
    "QuoteRecord",
    "month_of",
    "read_quote_records",
    "record_from_row",
    "records_from_quotes",
]

_ISO_DATE = regex.compile(r"^\d{4}-\d{2}(-\d{2})?")


@dataclass(frozen=True, slots=True)
class QuoteRecord:
    """One quote of one document, flattened for the corpus stage.

    ``speaker_id`` is the per-document speaker id; ``name`` the per-document
    canonical name (None for an unnamed source), ``label`` the name or the mention.

    Example:
        >>> r = QuoteRecord("a", 0, 0, "direct", "We will win the vote.", name="Ann Lee")
        >>> (r.doc_id, r.name)
        ('a', 'Ann Lee')
    """

    doc_id: str
    quote_index: int
    order: int
    type: str
    text: str
    outlet: str | None = None
    date: str | None = None
    speaker_id: int | None = None
    name: str | None = None
    label: str | None = None
    entity_type: str | None = None
    role: str | None = None
    role_title: str | None = None
    affiliation: str | None = None
    gender: str | None = None
    fields: Mapping[str, Any] = field(default_factory=dict)


def month_of(date: str | None) -> str | None:
    """The "YYYY-MM" of an ISO date (None when it is not one).

    Example:
        >>> month_of("2016-10-09T12:00:00"), month_of("yesterday")
        ('2016-10', None)
    """
    if date is None:
        return None
    match = _ISO_DATE.match(date.strip())
    return match.group(0)[:7] if match else None


def records_from_quotes(
    doc_id: str,
    quotes: Iterable[Quote],
    *,
    order: int,
    outlet: str | None = None,
    date: str | None = None,
    fields: Mapping[str, Any] | None = None,
) -> list[QuoteRecord]:
    """The records of one document's extracted quotes.

    Example:
        >>> q = Quote(text="We will win the vote.", start=1, end=22, type="direct",
        ...           confidence=0.9, sentence=0, paragraph=0, rule="colon")
        >>> records_from_quotes("a", [q], order=3, outlet="Daily")[0].outlet
        'Daily'
    """
    out: list[QuoteRecord] = []
    for index, quote in enumerate(quotes):
        sp = quote.speaker
        out.append(
            QuoteRecord(
                doc_id=doc_id,
                quote_index=index,
                order=order,
                type=quote.type.value,
                text=quote.text,
                outlet=outlet,
                date=date,
                speaker_id=sp.id if sp is not None else None,
                name=sp.name if sp is not None else None,
                label=sp.label if sp is not None else None,
                entity_type=sp.entity_type.value if sp is not None else None,
                role=sp.role if sp is not None else None,
                role_title=sp.role_title if sp is not None else None,
                affiliation=sp.affiliation if sp is not None else None,
                gender=sp.gender.value if sp is not None and sp.gender else None,
                fields=dict(fields or {}),
            )
        )
    return out


def _field(row: Mapping[str, Any], name: str | None) -> str | None:
    """A document field of an extract row; extract prefixes clashing names with ``doc_``."""
    if name is None:
        return None
    value = row.get(name, row.get(f"doc_{name}"))
    return None if value is None else str(value)


def record_from_row(
    row: Mapping[str, Any],
    order: int,
    *,
    outlet_field: str | None = None,
    date_field: str | None = None,
) -> QuoteRecord:
    """A record from one line of ``quoteattr extract`` JSON Lines (already parsed).

    Raises:
        KeyError: if the row has no "doc_id" or no "text".

    Example:
        >>> row = {"doc_id": "a", "text": "Yes.", "type": "direct", "site": "Daily",
        ...        "speaker": {"id": 0, "name": "Ann Lee", "mention": {"text": "Lee"}}}
        >>> r = record_from_row(row, 0, outlet_field="site")
        >>> (r.outlet, r.name, r.label, r.fields)
        ('Daily', 'Ann Lee', 'Ann Lee', {})
    """
    sp = row.get("speaker") or {}
    cue_or_none = {"cue", "speaker", "source"}
    known = set(Quote.model_fields) | {DOC_ID, "quote_index"} | cue_or_none
    taken = {outlet_field, date_field, f"doc_{outlet_field}", f"doc_{date_field}"}
    fields = {k: v for k, v in row.items() if k not in known and k not in taken}
    name = sp.get("name")
    mention = (sp.get("mention") or {}).get("text")
    return QuoteRecord(
        doc_id=str(row[DOC_ID]),
        quote_index=int(row.get("quote_index", 0)),
        order=order,
        type=str(row.get("type", "direct")),
        text=str(row["text"]),
        outlet=_field(row, outlet_field),
        date=_field(row, date_field),
        speaker_id=sp.get("id"),
        name=name,
        label=name if name is not None else mention,
        entity_type=sp.get("entity_type"),
        role=sp.get("role"),
        role_title=sp.get("role_title"),
        affiliation=sp.get("affiliation"),
        gender=sp.get("gender"),
        fields=fields,
    )


def read_quote_records(
    handles: Iterable[IO[str]],
    *,
    outlet_field: str | None = None,
    date_field: str | None = None,
) -> Iterator[QuoteRecord]:
    """Records from ``quoteattr extract`` JSON Lines, documents numbered in input order.

    A document's quotes are numbered by their line order within it; blank lines
    are skipped. Bad lines raise (``json.JSONDecodeError``, ``KeyError``).

    Example:
        >>> import io
        >>> line = '{"doc_id": "a", "text": "Yes.", "type": "direct"}\\n'
        >>> [r.doc_id for r in read_quote_records([io.StringIO(line * 2)])]
        ['a', 'a']
    """
    order = -1
    current: str | None = None
    index = 0
    for handle in handles:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            doc_id = str(row[DOC_ID])
            if doc_id != current:
                order, current, index = order + 1, doc_id, 0
            row.setdefault("quote_index", index)
            index += 1
            yield record_from_row(row, order, outlet_field=outlet_field, date_field=date_field)
