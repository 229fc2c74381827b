"""Across documents: corpus speakers, quotations followed across outlets, breakdowns.

The corpus stage reads per-document output only (``Quote`` records, or the JSON
Lines of ``quoteattr extract``) and never a Doc. ``sign`` is the map step (per
document, any partition), ``build_corpus`` the reduce, ``corpus_tables`` the
tables and ``write_corpus`` the files: one Parquet and one CSV per table, and a
self-contained HTML report.

Example:
    >>> from quoteattr.corpus import QuoteRecord, build_corpus, corpus_tables, sign
    >>> r = QuoteRecord("a", 0, 0, "direct", "Yes.", speaker_id=0, name="Ann Lee",
    ...                 entity_type="person")
    >>> corpus_tables(build_corpus(sign([r])))["speakers"]["key"].tolist()
    ['person:ann-lee']
"""

from __future__ import annotations

from .build import Corpus, build_corpus
from .records import QuoteRecord, read_quote_records, record_from_row, records_from_quotes
from .run import document_records, run_corpus
from .signatures import sign
from .speakers import read_alias_table
from .tables import TABLES, corpus_tables
from .write import write_corpus

__all__ = [
    "TABLES",
    "Corpus",
    "QuoteRecord",
    "build_corpus",
    "corpus_tables",
    "document_records",
    "read_alias_table",
    "read_quote_records",
    "record_from_row",
    "records_from_quotes",
    "run_corpus",
    "sign",
    "write_corpus",
]
