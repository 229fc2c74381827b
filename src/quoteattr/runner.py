"""The runner around the core: texts in, quotes with offsets into those texts out.

``QuoteExtractor`` tokenizes and parses texts with a spaCy pipeline and hands each
parsed Doc to the core (``quoteattr.core.QuoteCore``). Around that it plans the
pieces of a text (the text itself, paragraph chunks of a long text, or in fast mode
the selected sentences, see ``stages.chunking`` and ``stages.selection``), parses
them in batches bounded both in count and in characters (so memory is bounded by
the chunk size, however long one text is), runs worker processes, and maps the
quotes of every piece back to the caller's text (offsets, sentence and paragraph
numbers, one speaker numbering per text: ``quoteattr.stitch``). Batching and forked
workers live in ``quoteattr.workers``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from functools import partial
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from .core import QuoteCore, check_text
from .lexicon import Lexicon
from .models import Quote
from .pipeline import check_pipeline, load_default_pipeline
from .settings import Settings
from .stages.boundaries import mark_paragraph_starts, plain_spaces, split_glued_quotes, tokenize
from .stages.chunking import CONTEXT_CHARS, LOOKAHEAD_CHARS, Piece, plan_chunks
from .stages.selection import SentenceSelector
from .stitch import PieceResult, combine
from .workers import ProgressHook, budgeted, can_fork, pipe_forked

__all__ = ["Compiled", "QuoteExtractor", "compile_for"]

_K = TypeVar("_K")


class Compiled:
    """What an extractor builds once for a pipeline and settings; holds no pipeline.

    Attributes:
        core: The Doc -> quotes core.
        selector: The sentence selector of fast mode (None without it).
    """

    __slots__ = ("core", "selector")

    def __init__(self, core: QuoteCore, selector: SentenceSelector | None) -> None:
        self.core = core
        self.selector = selector


def compile_for(nlp: Language, settings: Settings, lexicon: Lexicon | None = None) -> Compiled:
    """Build the core (and the fast-mode selector) for ``nlp``; nothing keeps ``nlp`` alive.

    Args:
        nlp: The pipeline whose vocabulary (and lemmatizer tables) to use.
        settings: What to report.
        lexicon: Cue and role lexicon; English by default.
    """
    if lexicon is None:
        from .lang.en import EN_LEXICON

        lexicon = EN_LEXICON
    core = QuoteCore(nlp.vocab, settings=settings, lexicon=lexicon)
    selector = (
        SentenceSelector(
            lexicon,
            core.classes,
            exceptions=_verb_exceptions(nlp),
            reclass=core.conventions.reclass,
            document_classes=core.conventions.document_classes,
        )
        if settings.fast
        else None
    )
    return Compiled(core, selector)


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

    nlp: Language
    settings: Settings
    lexicon: Lexicon

    def __init__(
        self,
        nlp: Language | None = None,
        *,
        settings: Settings | None = None,
        lexicon: Lexicon | None = None,
        validate_pipeline: bool = True,
    ) -> None:
        nlp = nlp if nlp is not None else load_default_pipeline()
        if validate_pipeline:
            check_pipeline(nlp)
        self._bind(nlp, compile_for(nlp, settings if settings is not None else Settings(), lexicon))

    @classmethod
    def sharing(cls, nlp: Language, compiled: Compiled) -> QuoteExtractor:
        """An extractor for ``nlp`` that uses ``compiled`` (built by ``compile_for(nlp, ...)``)."""
        self = cls.__new__(cls)
        self._bind(nlp, compiled)
        return self

    def _bind(self, nlp: Language, compiled: Compiled) -> None:
        self.nlp = nlp
        self.compiled = compiled
        self.settings = compiled.core.settings
        self.lexicon = compiled.core.lexicon
        self._core = compiled.core
        self._selector = compiled.selector

    def __call__(self, doc: Doc, text: str | None = None) -> list[Quote]:
        """Return the quotes of a parsed Doc (see ``QuoteCore.__call__``).

        Args:
            doc: A Doc parsed by ``nlp``.
            text: The caller's text when the Doc was parsed from ``plain_spaces`` of
                it (same length); default ``doc.text``.
        """
        return self._core(doc, text)

    def extract(self, text: str) -> list[Quote]:
        """Parse ``text`` and return its quotes, offsets into ``text``.

        A text longer than ``settings.chunk_chars`` is processed in paragraph
        chunks (see ``stages.chunking``), parsed one batch of about that many
        characters at a time; with ``settings.fast`` only the selected sentences
        are parsed (see ``stages.selection``).
        """
        text = check_text(text)
        if not text.strip():
            return []
        return next(self._stream([text], batch_size=1, n_process=1))

    def make_doc(self, text: str) -> Doc:
        """Tokenize ``plain_spaces(text)`` and mark paragraph starts as sentence starts.

        The parser keeps these boundaries, so no sentence runs across a
        line break (headlines, datelines and captions stay apart).
        """
        doc = split_glued_quotes(tokenize(self.nlp, plain_spaces(text)))
        mark_paragraph_starts(doc)
        return doc

    def pipe(
        self,
        texts: Iterable[str],
        *,
        batch_size: int = 32,
        n_process: int = 1,
        on_progress: ProgressHook | None = None,
    ) -> Iterator[list[Quote]]:
        """Stream the quotes of many texts, in order, one list per text.

        Args:
            texts: Any iterable of str; read lazily (memory stays constant).
            batch_size: Texts parsed together (and sent to a worker at once); a
                batch also holds at most about ``settings.chunk_chars`` characters,
                so the chunks of one long text are parsed a few at a time.
            n_process: Worker processes. With more than one, each worker runs
                the whole extraction on batches of texts (forked from this
                process, so the pipeline is not loaded again); where ``fork``
                is unavailable, spaCy's own ``n_process`` parses in workers.
            on_progress: Called with a number of characters each time that many
                characters of the input are done (inside a long text too).

        Yields:
            One list of quotes per text, in input order, equal to ``extract``.

        Example:
            >>> [len(q) for q in extractor.pipe(["No quote here.", ""])]  # doctest: +SKIP
            [0, 0]
        """
        if n_process > 1 and can_fork():
            stream = partial(self._stream, batch_size=batch_size, n_process=1)
            yield from pipe_forked(stream, texts, batch_size, n_process, on_progress)
        else:
            yield from self._stream(
                texts, batch_size=batch_size, n_process=n_process, on_progress=on_progress
            )

    def _limit(self) -> int:
        """The chunk size: ``settings.chunk_chars``, within what the pipeline can parse."""
        room = (self.nlp.max_length - LOOKAHEAD_CHARS) // 2
        return max(200, min(self.settings.chunk_chars, room))

    def _pieces(self, text: str) -> list[Piece]:
        """Plan the texts to parse for ``text``: itself, its chunks or their selected sentences."""
        limit = self._limit()
        if len(text) <= limit and self._selector is None:
            return [Piece(text, (0,), (0,), 0, len(text))]
        context = min(CONTEXT_CHARS, limit // 8)
        hard = 2 * limit - LOOKAHEAD_CHARS
        marks = self.lexicon.quote_marks
        chunks = plan_chunks(text, limit, marks, max_chars=hard, context_chars=context)
        if self._selector is None:
            return [Piece.of_chunk(text, c) for c in chunks]
        return [self._selector.select(text, c) for c in chunks]

    def _parse(
        self, items: Iterable[tuple[str, _K]], batch_size: int, n_process: int
    ) -> Iterator[tuple[Doc, _K]]:
        """Parse ``(text, key)`` pairs in order, at most ``batch_size`` texts and about one
        chunk's worth of characters at a time (one text at least)."""
        if n_process > 1:  # spaCy's own workers (no fork here): its batching
            docs = ((self.make_doc(text), key) for text, key in items)
            yield from self.nlp.pipe(
                docs, as_tuples=True, batch_size=batch_size, n_process=n_process
            )
            return
        for batch in budgeted(items, batch_size, self._limit()):
            parsed = [(self.make_doc(text), key) for text, key in batch]
            yield from self.nlp.pipe(parsed, as_tuples=True, batch_size=len(parsed))

    def _stream(
        self,
        texts: Iterable[str],
        *,
        batch_size: int,
        n_process: int,
        on_progress: ProgressHook | None = None,
    ) -> Iterator[list[Quote]]:
        """Parse the pieces of each text in bounded batches; combine them per text."""
        pending: deque[tuple[str, list[Piece]]] = deque()

        def items() -> Iterator[tuple[str, int]]:
            for text in texts:
                text = check_text(text)
                pieces = self._pieces(text)
                pending.append((text, pieces))
                for k, piece in enumerate(pieces):
                    yield piece.text, k

        results: list[PieceResult] = []
        for doc, k in self._parse(items(), batch_size, n_process):
            text, pieces = pending[0]
            piece = pieces[k]
            results.append(self._piece_result(doc, piece.text, len(pieces) > 1))
            del doc
            if on_progress is not None:
                on_progress(piece.own_end - piece.own_start)
            if len(results) == len(pieces):
                pending.popleft()
                selected = self._selector is not None
                yield combine(text, pieces, results, self.lexicon, selected=selected)
                results = []

    def _piece_result(self, doc: Doc, text: str, keep_context: bool) -> PieceResult:
        quotes = self(doc, text)
        if not keep_context and self._selector is None:
            return PieceResult(quotes, [], [])
        starts = [s.start_char for s in doc.sents]
        persons = [e.text for e in doc.ents if e.label_ == "PERSON"]
        return PieceResult(quotes, starts, persons)


def _verb_exceptions(nlp: Language) -> dict[str, list[str]]:
    """Irregular verb form -> lemmas from the pipeline's rule lemmatizer (empty if none)."""
    if "lemmatizer" not in nlp.pipe_names:
        return {}
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_exc"):
        return {}
    table = lookups.get_table("lemma_exc")
    verbs = table.get("verb", {})
    return {str(k): list(v) for k, v in verbs.items()}
