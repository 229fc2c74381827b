"""Values of one Doc that several stages read, computed once per extraction.

Input: the Doc that ``QuoteExtractor`` is extracting from (``active``), and optionally
a store owned by the extractor (``active(doc, store)``).
Output: ``ents_of(doc)``, the Doc's entities (``Doc.ents`` builds new ``Span`` objects
on every access, and the speaker stages read them several times);
``cached(doc, key, compute)``, where a stage keeps any other value of that Doc (a name
correction per head token, the matches of a tree pattern); and ``owned(key, compute)``,
where a stage keeps a value that outlives one Doc but belongs to the extractor (a
compiled matcher), so that it is freed with the extractor.

Outside ``active``, or for another Doc, nothing is kept: every call computes afresh. The
memo lives for one extraction only, so a Doc changed between two extractions is read
anew, and no Doc is kept alive after its extraction. The active Doc is held in a
``contextvars.ContextVar``, so threads (and asyncio tasks) extracting at the same time
each see their own Doc.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from spacy.tokens import Doc, Span

__all__ = ["active", "cached", "ents_of", "memo", "owned"]

_T = TypeVar("_T")

#: (active Doc, its memo, the store of the extractor running), or None outside ``active``.
_CURRENT: ContextVar[tuple[Doc, dict[str, Any], dict[Hashable, Any] | None] | None] = ContextVar(
    "quoteattr_doc_memo", default=None
)


@contextmanager
def active(doc: Doc, store: dict[Hashable, Any] | None = None) -> Iterator[None]:
    """Keep the values of ``doc`` while the block runs (in this thread or task only).

    Args:
        doc: The Doc being extracted from.
        store: Where ``owned`` keeps values across Docs (the extractor's; nothing is
            kept across Docs when None).

    Example:
        >>> import spacy
        >>> doc = spacy.blank("en")("Ann Lee spoke.")
        >>> with active(doc):
        ...     ents_of(doc) is ents_of(doc)
        True
    """
    token = _CURRENT.set((doc, {}, store))
    try:
        yield
    finally:
        _CURRENT.reset(token)


def memo(doc: Doc) -> dict[str, Any] | None:
    """The memo of ``doc`` when it is the active Doc, else None."""
    current = _CURRENT.get()
    return current[1] if current is not None and current[0] is doc else None


def cached(doc: Doc, key: str, compute: Callable[[], _T]) -> _T:
    """``compute()``, kept under ``key`` while ``doc`` is the active Doc (computed afresh
    on every call otherwise)."""
    return _kept(memo(doc), key, compute)


def owned(key: Hashable, compute: Callable[[], _T]) -> _T:
    """``compute()``, kept under ``key`` in the running extractor's store (computed afresh
    outside ``active`` or when the extractor gave no store)."""
    current = _CURRENT.get()
    return _kept(current[2] if current is not None else None, key, compute)


def _kept(values: dict[Any, Any] | None, key: Hashable, compute: Callable[[], _T]) -> _T:
    """``values[key]``, computed once; ``compute()`` each time when there is no ``values``."""
    if values is None:
        return compute()
    if key not in values:
        values[key] = compute()
    value: _T = values[key]
    return value


def ents_of(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per extraction of the active Doc."""
    return cached(doc, "ents", lambda: tuple(doc.ents))
