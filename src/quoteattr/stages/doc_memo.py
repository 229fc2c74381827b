"""Values of one Doc that several stages read, computed once per extraction.

Input: the Doc that ``QuoteExtractor`` is extracting from (``active``).
Output: ``ents_of(doc)``, the Doc's entities (``Doc.ents`` builds new ``Span`` objects
on every access, and the speaker stages read them several times), and ``memo(doc)``, a
dict where a stage may keep a value of that Doc (a name correction per head token).

Outside ``active``, or for another Doc, nothing is kept: every call computes afresh. The
memo lives for one extraction only, so a Doc changed between two extractions is read
anew, and no Doc is kept alive after its extraction.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from spacy.tokens import Doc, Span

__all__ = ["active", "ents_of", "memo"]

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


def ents_of(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per extraction of the active Doc."""
    values = memo(doc)
    if values is None:
        return tuple(doc.ents)
    if "ents" not in values:
        values["ents"] = tuple(doc.ents)
    ents: tuple[Span, ...] = values["ents"]
    return ents
