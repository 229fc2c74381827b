"""The one-call API: ``extract_quotes(text)``."""

from __future__ import annotations

import threading
import weakref

from spacy.language import Language

from .core import check_text
from .errors import Errors
from .models import Quote
from .pipeline import check_pipeline
from .runner import Compiled, QuoteExtractor, compile_for
from .settings import Settings

__all__ = ["extract_quotes", "get_extractor"]

_lock = threading.Lock()
_default: dict[Settings, QuoteExtractor] = {}
#: What is compiled for a pipeline passed in; holds no pipeline, so the entry goes with it.
_compiled: weakref.WeakKeyDictionary[Language, dict[Settings, Compiled]] = (
    weakref.WeakKeyDictionary()
)
#: The extractors handed out for a pipeline passed in, while someone holds them.
_handed_out: weakref.WeakValueDictionary[tuple[int, Settings], QuoteExtractor] = (
    weakref.WeakValueDictionary()
)


def get_extractor(nlp: Language | None = None, settings: Settings | None = None) -> QuoteExtractor:
    """Return a cached ``QuoteExtractor`` for ``nlp`` (the default pipeline when None).

    For a pipeline passed in, the compiled matchers are cached for as long as the
    pipeline lives and the same extractor is returned while the caller holds it; the
    cache never keeps the pipeline alive.

    Example:
        >>> import spacy
        >>> nlp = spacy.load("en_core_web_sm")  # doctest: +SKIP
        >>> get_extractor(nlp) is get_extractor(nlp)  # doctest: +SKIP
        True
    """
    settings = settings if settings is not None else Settings()
    with _lock:
        if nlp is None:
            extractor = _default.get(settings)
            if extractor is None:
                extractor = _default[settings] = QuoteExtractor(settings=settings)
            return extractor
        extractor = _handed_out.get((id(nlp), settings))
        if extractor is not None:  # it holds ``nlp``, so the id is not reused
            return extractor
        compiled = _compiled.setdefault(nlp, {})
        parts = compiled.get(settings)
        if parts is None:
            check_pipeline(nlp)
            parts = compiled[settings] = compile_for(nlp, settings)
        extractor = _handed_out[(id(nlp), settings)] = QuoteExtractor.sharing(nlp, parts)
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
        [('We will rebuild', 'Mara Vell', 'said')]
    """
    text = check_text(text)
    if nlp is not None:
        check_pipeline(nlp)  # TypeError for a non-pipeline, ValueError naming a missing part
        if "quoteattr" in nlp.pipe_names and settings is not None:
            raise ValueError(Errors.E045.format())
    if not text.strip():
        return []
    if nlp is not None and "quoteattr" in nlp.pipe_names:
        quotes: list[Quote] = nlp(text)._.quotes
        return quotes
    return get_extractor(nlp, settings).extract(text)
