"""The spaCy pipeline component "quoteattr".

``nlp.add_pipe("quoteattr")`` works without importing quoteattr (the factory
is exposed through the ``spacy_factories`` entry point). Results are stored
as plain data in ``doc._.quoteattr_data`` (msgpack-safe, so ``DocBin`` and
``nlp.pipe(n_process=2)`` work) and rebuilt as ``Quote`` models by the
``doc._.quotes`` getter. ``doc.spans["quotes"]`` holds one span per quote,
labelled with the speaker's name, for displaCy.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from .core import QuoteExtractor
from .lexicon import Lexicon
from .models import Quote
from .settings import DEFAULT_CUE_CLASSES, Settings

__all__ = ["QuoteAttributor", "make_quoteattr"]

DATA_ATTR = "quoteattr_data"
SPANS_KEY = "quotes"


def _get_quotes(doc: Doc) -> list[Quote]:
    data = doc._.get(DATA_ATTR) or []
    return [Quote.model_validate(item) for item in data]


def register_extensions() -> None:
    """Register ``Doc._.quoteattr_data`` and the ``Doc._.quotes`` getter (idempotent)."""
    if not Doc.has_extension(DATA_ATTR):
        Doc.set_extension(DATA_ATTR, default=None)
    if not Doc.has_extension("quotes"):
        Doc.set_extension("quotes", getter=_get_quotes)


register_extensions()


class QuoteAttributor:
    """Pipeline component wrapping a ``QuoteExtractor``."""

    def __init__(self, nlp: Language, name: str, settings: Settings, lexicon: Lexicon) -> None:
        self.name = name
        self.settings = settings
        self.lexicon = lexicon
        self._nlp = nlp
        self._extractor: QuoteExtractor | None = None

    @property
    def extractor(self) -> QuoteExtractor:
        """The extractor, built on first use (the pipeline is complete by then)."""
        if self._extractor is None:
            self._extractor = QuoteExtractor(
                self._nlp, settings=self.settings, lexicon=self.lexicon, validate_pipeline=False
            )
        return self._extractor

    def __call__(self, doc: Doc) -> Doc:
        """Extract the quotes of ``doc`` and store them on it."""
        quotes = self.extractor(doc)
        self.set_annotations(doc, quotes)
        return doc

    def set_annotations(self, doc: Doc, quotes: list[Quote]) -> None:
        """Write ``quotes`` to ``doc._.quoteattr_data`` and ``doc.spans["quotes"]``."""
        doc._.set(DATA_ATTR, [q.model_dump(mode="json") for q in quotes])
        spans = []
        for q in quotes:
            label = q.speaker.label if q.speaker is not None else "UNKNOWN"
            span = doc.char_span(q.start, q.end, label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[SPANS_KEY] = SpanGroup(doc, name=SPANS_KEY, spans=spans)


@Language.factory(
    "quoteattr",
    assigns=["doc._.quotes", "doc.spans"],
    requires=["token.dep", "token.lemma", "doc.ents", "doc.sents"],
    default_config={
        "cue_classes": sorted(DEFAULT_CUE_CLASSES),
        "indirect": True,
        "resolve_pronouns": True,
        "unattributed": False,
        "min_confidence": 0.0,
        "lexicon": {"@misc": "quoteattr.lexicon.en.v1"},
    },
)
def make_quoteattr(
    nlp: Language,
    name: str,
    cue_classes: list[str],
    indirect: bool,
    resolve_pronouns: bool,
    unattributed: bool,
    min_confidence: float,
    lexicon: Lexicon,
) -> QuoteAttributor:
    """Build the "quoteattr" component (the config is validated by ``Settings``)."""
    settings = Settings(
        cue_classes=frozenset(cue_classes),
        indirect=indirect,
        resolve_pronouns=resolve_pronouns,
        unattributed=unattributed,
        min_confidence=min_confidence,
    )
    return QuoteAttributor(nlp, name, settings, lexicon)
