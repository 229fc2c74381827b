"""The corpus stage in one call, and its input from documents run on the fly.

``run_corpus`` chains the map (``sign``), the reduce (``build_corpus``) and the
tables (``corpus_tables``). ``document_records`` turns ``(Document, quotes)`` pairs,
as ``quoteattr.io.batch.stream_documents`` yields them, into records, taking the
outlet and the date from the document's fields.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

import pandas as pd  # type: ignore[import-untyped,unused-ignore]

from ..io.inputs import Document
from ..models import Quote
from .build import build_corpus
from .records import QuoteRecord, records_from_quotes
from .signatures import sign
from .tables import corpus_tables

__all__ = ["document_records", "run_corpus"]


def document_records(
    results: Iterable[tuple[Document, list[Quote]]],
    *,
    outlet_field: str | None = None,
    date_field: str | None = None,
) -> Iterator[QuoteRecord]:
    """Records of extracted documents, numbered in input order; other fields pass through.

    Example:
        >>> doc = Document("a", "...", fields={"site": "Daily", "url": "u"})
        >>> list(document_records([(doc, [])], outlet_field="site"))
        []
    """
    taken = {outlet_field, date_field}
    for order, (doc, quotes) in enumerate(results):
        fields = doc.fields
        yield from records_from_quotes(
            doc.id,
            quotes,
            order=order,
            outlet=_value(fields, outlet_field),
            date=_value(fields, date_field),
            fields={k: v for k, v in fields.items() if k not in taken},
        )


def _value(fields: Mapping[str, object], name: str | None) -> str | None:
    value = fields.get(name) if name is not None else None
    return None if value is None else str(value)


def run_corpus(
    records: Iterable[QuoteRecord],
    *,
    aliases: Mapping[str, str] | None = None,
    min_words: int = 6,
    top: int = 10,
) -> dict[str, pd.DataFrame]:
    """Corpus speakers, quotation clusters and breakdowns of quote records.

    Args:
        records: Quote records of every document (``read_quote_records``, ...).
        aliases: Folded alias -> key (``read_alias_table``); it takes precedence.
        min_words: Shortest quotation followed across documents, in words.
        top: Speakers per outlet in ``top_speakers``.

    Returns:
        Table name -> frame (``tables.TABLES``).

    Example:
        >>> r = QuoteRecord("a", 0, 0, "direct", "Yes.", outlet="Daily", speaker_id=0,
        ...                 name="Ann Lee", entity_type="person")
        >>> run_corpus([r])["top_speakers"]["name"].tolist()
        ['Ann Lee', 'Ann Lee']
    """
    return corpus_tables(build_corpus(sign(records, min_words=min_words), aliases=aliases), top=top)
