"""QuoteExtractor: the one algorithm behind the function, the component and the CLI.

Data flow: text -> spaCy (tagger, parser, NER) -> paragraphs -> quotation
spans -> cues -> attribution candidates -> pronoun resolution -> roles and
merged speakers -> ``Quote`` models.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .errors import Errors
from .lexicon import Lexicon
from .models import Quote
from .pipeline import check_pipeline, load_default_pipeline
from .settings import Settings
from .stages.assemble import assemble
from .stages.attribute import attribute
from .stages.boundaries import mark_paragraph_starts, split_glued_quotes
from .stages.coref import resolve_speakers
from .stages.cues import CueFinder
from .stages.quote_spans import find_quote_spans
from .stages.roles import roles_in_doc
from .stages.segment import paragraph_bounds
from .types import Candidate, QuoteSpan

__all__ = ["QuoteExtractor", "check_text"]


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


class QuoteExtractor:
    """Extract attributed quotations with one spaCy pipeline.

    Args:
        nlp: An English spaCy pipeline with a parser, NER and lemmatizer; the
            best installed one when None.
        settings: What to report (cue classes, indirect speech, ...).
        lexicon: Cue and role lexicon; English by default.
        validate_pipeline: Check that ``nlp`` has a parser, NER and lemmatizer
            (the component checks each Doc's annotations instead).

    Example:
        >>> extractor = QuoteExtractor()  # doctest: +SKIP
        >>> [q.speaker.name for q in extractor.extract('"No," Ann Lee said.')]  # doctest: +SKIP
        ['Ann Lee']
    """

    def __init__(
        self,
        nlp: Language | None = None,
        *,
        settings: Settings | None = None,
        lexicon: Lexicon | None = None,
        validate_pipeline: bool = True,
    ) -> None:
        if lexicon is None:
            from .lang.en import EN_LEXICON

            lexicon = EN_LEXICON
        self.nlp = nlp if nlp is not None else load_default_pipeline()
        if validate_pipeline:
            check_pipeline(self.nlp)
        self.settings = settings if settings is not None else Settings()
        self.lexicon = lexicon
        self._cues = CueFinder(self.nlp.vocab, lexicon, self.settings.cue_classes)

    def __call__(self, doc: Doc) -> list[Quote]:
        """Return the quotes of a parsed Doc (its text is the caller's text)."""
        text = doc.text
        if not text.strip():
            return []
        if not doc.has_annotation("DEP"):
            raise ValueError(Errors.E003.format(component="parser", what="dependency parse"))
        paragraphs = paragraph_bounds(text)
        quotes = [q for q in find_quote_spans(text) if q.depth == 0]
        cues = self._cues(doc)
        cands = attribute(doc, quotes, cues, paragraphs)
        if not self.settings.indirect:
            cands = [c for c in cands if c.rule != "verb_content" or _overlaps(c, quotes)]
        roles = roles_in_doc(doc, self.lexicon.role_nouns)
        resolve_speakers(doc, cands, self.lexicon.pronouns, self.settings.resolve_pronouns, roles)
        result = assemble(doc, cands, quotes, paragraphs, self.lexicon.role_nouns, roles)
        if self.settings.min_confidence:
            result = [q for q in result if q.confidence >= self.settings.min_confidence]
        return result

    def extract(self, text: str) -> list[Quote]:
        """Parse ``text`` and return its quotes, offsets into ``text``."""
        text = check_text(text)
        if not text.strip():
            return []
        return self(self.nlp(self.make_doc(text)))

    def make_doc(self, text: str) -> Doc:
        """Tokenize ``text`` and mark paragraph starts as sentence starts.

        The parser keeps these boundaries, so no sentence runs across a
        line break (headlines, datelines and captions stay apart).
        """
        doc = split_glued_quotes(self.nlp.make_doc(text))
        mark_paragraph_starts(doc)
        return doc

    def pipe(
        self, texts: Iterable[str], *, batch_size: int = 32, n_process: int = 1
    ) -> Iterator[list[Quote]]:
        """Stream the quotes of many texts, in order, one list per text."""
        checked = (self.make_doc(check_text(t)) for t in texts)
        for doc in self.nlp.pipe(checked, batch_size=batch_size, n_process=n_process):
            yield self(doc)


def _overlaps(cand: Candidate, quotes: list[QuoteSpan]) -> bool:
    return any(q.start < cand.end and cand.start < q.end for q in quotes)
