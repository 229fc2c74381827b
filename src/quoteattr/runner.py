"""The runner around the core: texts in, quotes with offsets into those texts out.

``QuoteExtractor`` tokenizes and parses texts with a spaCy pipeline and hands each
parsed Doc to the core (``quoteattr.core.QuoteCore``). Around that it plans the
pieces of a text (the text itself, paragraph chunks of a long text, or in fast mode
the selected sentences, see ``stages.chunking`` and ``stages.selection``), parses
them in batches bounded both in count and in characters (so memory is bounded by
the chunk size, however long one text is), runs worker processes, and maps the
quotes of every piece back to the caller's text (offsets, sentence and paragraph
numbers, one speaker numbering per text).
"""

from __future__ import annotations

import multiprocessing
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from multiprocessing.pool import AsyncResult
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from .core import QuoteCore, check_text
from .lexicon import Lexicon
from .models import Quote, replaced
from .pipeline import check_pipeline, load_default_pipeline
from .settings import Settings
from .stages.boundaries import mark_paragraph_starts, plain_spaces, split_glued_quotes, tokenize
from .stages.chunking import CONTEXT_CHARS, LOOKAHEAD_CHARS, Piece, plan_chunks
from .stages.identity import rekey
from .stages.segment import paragraph_bounds
from .stages.selection import SentenceSelector, sentence_starts
from .stages.spans import covers

__all__ = ["Compiled", "QuoteExtractor", "compile_for"]

_K = TypeVar("_K")

#: Called with a number of characters of the input just processed.
ProgressHook = Callable[[int], None]


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
        if n_process > 1 and _can_fork():
            yield from self._pipe_forked(texts, batch_size, n_process, on_progress)
        else:
            yield from self._stream(
                texts, batch_size=batch_size, n_process=n_process, on_progress=on_progress
            )

    def _pipe_forked(
        self,
        texts: Iterable[str],
        batch_size: int,
        n_process: int,
        on_progress: ProgressHook | None,
    ) -> Iterator[list[Quote]]:
        """Run ``_stream`` on batches in forked workers, at most ``2 * n_process`` batches ahead."""
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(n_process, initializer=_set_worker, initargs=(self, batch_size)) as pool:
            pending: deque[tuple[AsyncResult[list[list[Quote]]], int]] = deque()

            def done() -> Iterator[list[Quote]]:
                result, chars = pending.popleft()
                quotes = result.get()
                if on_progress is not None:
                    on_progress(chars)
                yield from quotes

            for batch in _batches(texts, batch_size):
                chars = sum(len(t) for t in batch if isinstance(t, str))
                pending.append((pool.apply_async(_work, (batch,)), chars))
                while len(pending) >= 2 * n_process:
                    yield from done()
            while pending:
                yield from done()

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
        for batch in _budgeted(items, batch_size, self._limit()):
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

        results: list[_PieceResult] = []
        for doc, k in self._parse(items(), batch_size, n_process):
            text, pieces = pending[0]
            piece = pieces[k]
            results.append(self._piece_result(doc, piece.text, len(pieces) > 1))
            del doc
            if on_progress is not None:
                on_progress(piece.own_end - piece.own_start)
            if len(results) == len(pieces):
                pending.popleft()
                yield self._combine(text, pieces, results)
                results = []

    def _piece_result(self, doc: Doc, text: str, keep_context: bool) -> _PieceResult:
        quotes = self(doc, text)
        if not keep_context and self._selector is None:
            return _PieceResult(quotes, [], [])
        starts = [s.start_char for s in doc.sents]
        persons = [e.text for e in doc.ents if e.label_ == "PERSON"]
        return _PieceResult(quotes, starts, persons)

    def _combine(self, text: str, pieces: list[Piece], results: list[_PieceResult]) -> list[Quote]:
        """Map the quotes of each piece back to ``text``; number sentences and speakers globally."""
        if len(pieces) == 1 and pieces[0].whole and self._selector is None:
            return results[0].quotes
        para_starts = [start for start, _ in paragraph_bounds(text)]
        abbreviations = self.lexicon.abbreviations
        sents = sentence_starts(text, abbreviations) if self._selector is not None else None
        out: list[Quote] = []
        persons: list[str] = []
        base = 0
        for piece, result in zip(pieces, results, strict=True):
            before = bisect_left(result.sent_starts, piece.to_local(piece.own_start))
            after = bisect_left(result.sent_starts, piece.to_local(piece.own_end))
            for q in result.quotes:
                start = piece.to_original(q.start)
                if not covers((piece.own_start, piece.own_end), start):
                    continue
                if sents is not None:
                    sentence = max(0, bisect_right(sents, start) - 1)
                else:
                    sentence = base + q.sentence - before
                out.append(_moved(text, q, piece, sentence, para_starts))
            base += after - before
            persons += result.persons
        out.sort(key=lambda q: (q.start, q.end))
        return rekey(out, persons, self.lexicon) if len(pieces) > 1 else out


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


class _PieceResult:
    """What is kept of one parsed piece: quotes, sentence starts, person names."""

    __slots__ = ("persons", "quotes", "sent_starts")

    def __init__(self, quotes: list[Quote], sent_starts: list[int], persons: list[str]) -> None:
        self.quotes = quotes
        self.sent_starts = sent_starts
        self.persons = persons


def _moved(text: str, q: Quote, piece: Piece, sentence: int, para_starts: list[int]) -> Quote:
    """``q`` with its offsets (quote, cue, source, speaker mention) mapped to the original
    text; every model rebuilt validated."""

    def span_changes(start: int, end: int) -> dict[str, object]:
        start, end = piece.to_original(start), piece.to_original(end, end=True)
        return {"start": start, "end": end, "text": text[start:end]}

    start = piece.to_original(q.start)
    changes = span_changes(q.start, q.end)
    changes["sentence"] = sentence
    changes["paragraph"] = max(0, bisect_right(para_starts, start) - 1)
    if q.cue is not None:
        changes["cue"] = replaced(q.cue, **span_changes(q.cue.start, q.cue.end))
    if q.source is not None:
        changes["source"] = replaced(q.source, **span_changes(q.source.start, q.source.end))
    if q.speaker is not None:
        m = q.speaker.mention
        changes["speaker"] = replaced(
            q.speaker, mention=replaced(m, **span_changes(m.start, m.end))
        )
    return replaced(q, **changes)


def _can_fork() -> bool:
    """True where worker processes can be forked (Linux; not Windows, not macOS by default)."""
    return "fork" in multiprocessing.get_all_start_methods()


def _batches(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    """Lists of ``size`` texts (the last may be shorter), read lazily."""
    it = iter(texts)
    while batch := list(islice(it, max(1, size))):
        yield batch


def _budgeted(
    items: Iterable[tuple[str, _K]], size: int, chars: int
) -> Iterator[list[tuple[str, _K]]]:
    """Lists of at most ``size`` items, closed once they hold ``chars`` characters, read lazily.

    Example:
        >>> [len(b) for b in _budgeted([("ab", 0), ("cd", 1), ("e", 2)], 8, 3)]
        [2, 1]
    """
    batch: list[tuple[str, _K]] = []
    total = 0
    for item in items:
        batch.append(item)
        total += len(item[0])
        if len(batch) >= max(1, size) or total >= chars:
            yield batch
            batch, total = [], 0
    if batch:
        yield batch


_worker: tuple[QuoteExtractor, int] | None = None


def _set_worker(extractor: QuoteExtractor, batch_size: int) -> None:
    """Pool initializer: remember the (forked, not pickled) extractor."""
    global _worker
    _worker = (extractor, batch_size)


def _work(texts: list[str]) -> list[list[Quote]]:
    """Pool task: the quotes of a batch of texts."""
    assert _worker is not None
    extractor, batch_size = _worker
    return list(extractor._stream(texts, batch_size=batch_size, n_process=1))
