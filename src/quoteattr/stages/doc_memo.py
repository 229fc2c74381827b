"""Values of one Doc that several stages read, computed once per extraction.

Input: the Doc that ``QuoteExtractor`` is extracting from (``active``).
Output: ``ents_of(doc)``, the Doc's entities (``Doc.ents`` builds new ``Span`` objects
on every access, and the speaker stages read them several times), and
``cached(doc, key, compute)``, where a stage keeps any other value of that Doc (a name
correction per head token, the matches of a tree pattern).

Outside ``active``, or for another Doc, nothing is kept: every call computes afresh. The
memo lives for one extraction only, so a Doc changed between two extractions is read
anew, and no Doc is kept alive after its extraction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from spacy.tokens import Doc, Span

__all__ = ["active", "cached", "ents_of", "memo"]

_T = TypeVar("_T")

_CURRENT: list[tuple[Doc, dict[str, Any]]] = []


@contextmanager
def active(doc: Doc) -> Iterator[None]:
    """Keep the values of ``doc`` while the block runs.

    Example:
        >>> with active(doc):  # doctest: +SKIP
        ...     ents_of(doc) is ents_of(doc)
        True
    """
    saved = list(_CURRENT)
    _CURRENT[:] = [(doc, {})]
    try:
        yield
    finally:
        _CURRENT[:] = saved


def memo(doc: Doc) -> dict[str, Any] | None:
    """The memo of ``doc`` when it is the active Doc, else None."""
    return _CURRENT[0][1] if _CURRENT and _CURRENT[0][0] is doc else None


def cached(doc: Doc, key: str, compute: Callable[[], _T]) -> _T:
    """``compute()``, kept under ``key`` while ``doc`` is the active Doc (computed afresh
    on every call otherwise)."""
    values = memo(doc)
    if values is None:
        return compute()
    if key not in values:
        values[key] = compute()
    value: _T = values[key]
    return value


def ents_of(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per extraction of the active Doc."""
    return cached(doc, "ents", lambda: tuple(doc.ents))
