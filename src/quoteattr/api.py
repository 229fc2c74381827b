"""The one-call API: ``extract_quotes(text)``."""

from __future__ import annotations

import threading
import weakref

from spacy.language import Language

from .core import QuoteExtractor, check_text
from .errors import Errors
from .models import Quote
from .pipeline import check_pipeline
from .settings import Settings

__all__ = ["extract_quotes", "get_extractor"]

_lock = threading.Lock()
_default: dict[Settings, QuoteExtractor] = {}
_by_nlp: weakref.WeakKeyDictionary[Language, dict[Settings, QuoteExtractor]] = (
    weakref.WeakKeyDictionary()
)


def get_extractor(nlp: Language | None = None, settings: Settings | None = None) -> QuoteExtractor:
    """Return a cached ``QuoteExtractor`` for ``nlp`` (the default pipeline when None)."""
    settings = settings if settings is not None else Settings()
    with _lock:
        cache = _default if nlp is None else _by_nlp.setdefault(nlp, {})
        extractor = cache.get(settings)
        if extractor is None:
            extractor = QuoteExtractor(nlp, settings=settings)
            cache[settings] = extractor
        return extractor


def extract_quotes(
    text: str, *, nlp: Language | None = None, settings: Settings | None = None
) -> list[Quote]:
    """Find the quotations in ``text`` and who said them.

    Args:
        text: The article, as a str. Offsets in the result index this string.
        nlp: An English spaCy pipeline; the best installed one is loaded once
            and cached when None. A pipeline that already contains the
            "quoteattr" component is run as is and its ``doc._.quotes`` returned.
        settings: What to report; defaults to ``Settings()``.

    Returns:
        Quotes sorted by start offset.

    Raises:
        TypeError: if ``text`` is not a str.
        ValueError: ([QA045]) if ``settings`` are given with a pipeline that already
            contains the "quoteattr" component (whose own config applies).
        ModelNotFoundError: if no English pipeline is installed and none is given.

    Example:
        >>> from quoteattr import extract_quotes
        >>> quotes = extract_quotes('"We will rebuild," Mara Vell said.')
        >>> [(q.text, q.speaker.name, q.cue.text) for q in quotes]
        [('We will rebuild,', 'Mara Vell', 'said')]
    """
    text = check_text(text)
    if nlp is not None:
        check_pipeline(nlp)  # TypeError for a non-pipeline, ValueError naming a missing part
        if "quoteattr" in nlp.pipe_names and settings is not None:
            raise ValueError(Errors.E045)
    if not text.strip():
        return []
    if nlp is not None and "quoteattr" in nlp.pipe_names:
        quotes: list[Quote] = nlp(text)._.quotes
        return quotes
    return get_extractor(nlp, settings).extract(text)
