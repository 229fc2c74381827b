"""quoteattr: who said what in news text.

Example:
    >>> from quoteattr import extract_quotes
    >>> [q.speaker.name for q in extract_quotes('"No," Ann Lee said.')]  # doctest: +SKIP
    ['Ann Lee']
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .api import extract_quotes, get_extractor
from .errors import ModelNotFoundError, QuoteattrError
from .io.frames import to_dataframe
from .models import Cue, CueClass, EntityType, Quote, QuoteType, Speaker, TextSpan
from .render import QuoteView, render_html
from .runner import QuoteExtractor
from .settings import Settings
from .summarize import CorpusSummary, summarize

try:
    __version__ = version("quoteattr")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "CorpusSummary",
    "Cue",
    "CueClass",
    "EntityType",
    "ModelNotFoundError",
    "Quote",
    "QuoteExtractor",
    "QuoteType",
    "QuoteView",
    "QuoteattrError",
    "Settings",
    "Speaker",
    "TextSpan",
    "__version__",
    "extract_quotes",
    "get_extractor",
    "render_html",
    "summarize",
    "to_dataframe",
]
