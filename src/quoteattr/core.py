"""The Doc -> quotes core: the one algorithm behind the function, the component and the CLI.

Data flow: a parsed Doc -> paragraphs -> quotation spans -> cues -> attribution
candidates -> pronoun resolution -> roles and merged speakers -> ``Quote`` models.

``QuoteCore`` holds what is compiled once (cue matchers, conventions) and the
lexicon, never the pipeline, so it can be cached for a pipeline without keeping the
pipeline alive. Everything around it (tokenizing and parsing texts, chunks of long
texts, fast mode, worker processes, offsets back to the caller's text) is the runner's
(``quoteattr.runner``, home of ``QuoteExtractor``).
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from spacy.tokens import Doc
from spacy.vocab import Vocab

from .errors import Errors
from .lexicon import Lexicon
from .models import Quote
from .settings import Settings
from .stages import doc_memo
from .stages.assemble import assemble
from .stages.attribute import SOURCELESS, attribute, unattributed_quotes
from .stages.coref import resolve_speakers
from .stages.cues import CueFinder
from .stages.quote_spans import find_quote_spans
from .stages.roles import roles_in_doc
from .stages.scope import Conventions
from .stages.segment import paragraph_bounds
from .stages.spans import bounds, overlaps
from .types import Candidate, QuoteSpan

__all__ = ["QuoteCore", "check_text"]

#: Rules whose content is indirect unless it overlaps a quotation (``Settings.indirect``).
_INDIRECT_RULES = frozenset({"verb_content", SOURCELESS})


def check_text(text: object) -> str:
    """Return ``text`` if it is a str, else raise ``TypeError`` saying what was expected."""
    if isinstance(text, str):
        return text
    hint = (
        " Decode bytes first, e.g. data.decode('utf-8')."
        if isinstance(text, (bytes, bytearray))
        else ""
    )
    raise TypeError(Errors.E002.format(type_name=type(text).__name__, hint=hint))


class QuoteCore:
    """Find the quotes of parsed Docs of one vocabulary.

    Args:
        vocab: The vocabulary of the Docs (the pipeline's ``nlp.vocab``).
        settings: What to report (cue classes, indirect speech, ...).
        lexicon: Cue and role lexicon.

    Attributes:
        conventions: The scope's conventions (cue classes, reclassed verbs).
        classes: The cue classes reported.
    """

    def __init__(self, vocab: Vocab, *, settings: Settings, lexicon: Lexicon) -> None:
        self.settings = settings
        self.lexicon = lexicon
        self.conventions = Conventions.from_settings(
            settings, lexicon.verbs, lexicon.speech_readings
        )
        self.classes = self.conventions.cue_classes(settings.cue_classes)
        self._cues = CueFinder(
            vocab,
            lexicon,
            self.classes,
            self.conventions.reclass,
            document_classes=self.conventions.document_classes,
        )
        #: What stages keep across Docs (``doc_memo.owned``): freed with the core.
        self._store: dict[Hashable, Any] = {}

    def __call__(self, doc: Doc, text: str | None = None) -> list[Quote]:
        """Return the quotes of a parsed Doc.

        Args:
            doc: A Doc with a dependency parse, entities and lemmas.
            text: The caller's text when the Doc was parsed from ``plain_spaces`` of
                it (same length); default ``doc.text``.

        Raises:
            ValueError: ([QA048]) when ``doc`` has no dependency parse.
        """
        text = doc.text if text is None else text
        if not text.strip():
            return []
        if not doc.has_annotation("DEP"):
            raise ValueError(Errors.E048.format(component="parser", what="dependency parse"))
        with doc_memo.active(doc, self._store):
            result = self._quotes(doc, text)
        if self.settings.min_confidence:
            result = [q for q in result if q.confidence >= self.settings.min_confidence]
        return result

    def _quotes(self, doc: Doc, text: str) -> list[Quote]:
        """The stages on one parsed Doc (``__call__`` without its checks and filter)."""
        paragraphs = paragraph_bounds(text)
        quotes = [q for q in find_quote_spans(text, self.lexicon.quote_marks) if q.depth == 0]
        cues = self._cues(doc)
        cands = attribute(
            doc, quotes, cues, paragraphs, text, lexicon=self.lexicon, conventions=self.conventions
        )
        if self.settings.unattributed:
            cands = sorted(
                cands + unattributed_quotes(text, quotes, cands, self.lexicon),
                key=lambda c: c.start,
            )
        if not self.settings.indirect:
            cands = [c for c in cands if c.rule not in _INDIRECT_RULES or _overlaps(c, quotes)]
        roles = roles_in_doc(doc, self.lexicon)
        cands = resolve_speakers(doc, cands, self.lexicon, self.settings.resolve_pronouns, roles)
        return assemble(doc, cands, quotes, paragraphs, self.lexicon, text)


def _overlaps(cand: Candidate, quotes: list[QuoteSpan]) -> bool:
    return any(overlaps(bounds(q), bounds(cand)) for q in quotes)


def __getattr__(name: str) -> Any:
    """``quoteattr.core.QuoteExtractor``, the name it had before the runner was split off."""
    if name == "QuoteExtractor":
        from .runner import QuoteExtractor

        return QuoteExtractor
    raise AttributeError(name)
