"""QuoteExtractor: the one algorithm behind the function, the component and the CLI.

Data flow: text -> spaCy (tagger, parser, NER) -> paragraphs -> quotation
spans -> cues -> attribution candidates -> pronoun resolution -> roles and
merged speakers -> ``Quote`` models.
"""

from __future__ import annotations

import multiprocessing
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from multiprocessing.pool import AsyncResult

from spacy.language import Language
from spacy.tokens import Doc

from .errors import Errors
from .lexicon import Lexicon
from .models import Quote
from .pipeline import check_pipeline, load_default_pipeline
from .settings import Settings
from .stages import doc_memo
from .stages.assemble import assemble
from .stages.attribute import SOURCELESS, attribute, unattributed_quotes
from .stages.boundaries import mark_paragraph_starts, plain_spaces, split_glued_quotes, tokenize
from .stages.chunking import CONTEXT_CHARS, LOOKAHEAD_CHARS, Piece, plan_chunks
from .stages.coref import resolve_speakers
from .stages.cues import CueFinder
from .stages.identity import rekey
from .stages.quote_spans import find_quote_spans
from .stages.roles import roles_in_doc
from .stages.scope import Conventions
from .stages.segment import paragraph_bounds
from .stages.selection import SentenceSelector, sentence_starts
from .stages.spans import bounds, covers, overlaps
from .types import Candidate, QuoteSpan

__all__ = ["QuoteExtractor", "check_text"]

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
        self._conventions = Conventions.from_settings(self.settings, lexicon.verbs)
        classes = self._conventions.cue_classes(self.settings.cue_classes)
        self._cues = CueFinder(
            self.nlp.vocab,
            lexicon,
            classes,
            self._conventions.reclass,
            document_classes=self._conventions.document_classes,
        )
        self._selector = (
            SentenceSelector(
                lexicon,
                classes,
                exceptions=_verb_exceptions(self.nlp),
                reclass=self._conventions.reclass,
                document_classes=self._conventions.document_classes,
            )
            if self.settings.fast
            else None
        )

    def __call__(self, doc: Doc, text: str | None = None) -> list[Quote]:
        """Return the quotes of a parsed Doc.

        Args:
            doc: A Doc parsed by ``nlp``.
            text: The caller's text when the Doc was parsed from ``plain_spaces`` of
                it (same length); default ``doc.text``.
        """
        text = doc.text if text is None else text
        if not text.strip():
            return []
        if not doc.has_annotation("DEP"):
            raise ValueError(Errors.E003.format(component="parser", what="dependency parse"))
        with doc_memo.active(doc):
            result = self._quotes(doc, text)
        if self.settings.min_confidence:
            result = [q for q in result if q.confidence >= self.settings.min_confidence]
        return result

    def _quotes(self, doc: Doc, text: str) -> list[Quote]:
        """The stages on one parsed Doc (``__call__`` without its checks and filter)."""
        paragraphs = paragraph_bounds(text)
        quotes = [q for q in find_quote_spans(text) if q.depth == 0]
        cues = self._cues(doc)
        cands = attribute(
            doc, quotes, cues, paragraphs, text, lexicon=self.lexicon, conventions=self._conventions
        )
        if self.settings.unattributed:
            cands = sorted(cands + unattributed_quotes(text, quotes, cands), key=lambda c: c.start)
        if not self.settings.indirect:
            cands = [c for c in cands if c.rule not in _INDIRECT_RULES or _overlaps(c, quotes)]
        roles = roles_in_doc(doc, self.lexicon)
        resolve_speakers(doc, cands, self.lexicon, self.settings.resolve_pronouns, roles)
        return assemble(doc, cands, quotes, paragraphs, self.lexicon, text)

    def extract(self, text: str) -> list[Quote]:
        """Parse ``text`` and return its quotes, offsets into ``text``.

        A text longer than ``settings.chunk_chars`` is processed in paragraph
        chunks (see ``stages.chunking``); with ``settings.fast`` only the
        selected sentences are parsed (see ``stages.selection``).
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
        self, texts: Iterable[str], *, batch_size: int = 32, n_process: int = 1
    ) -> Iterator[list[Quote]]:
        """Stream the quotes of many texts, in order, one list per text.

        Args:
            texts: Any iterable of str; read lazily (memory stays constant).
            batch_size: Texts parsed together (and sent to a worker at once).
            n_process: Worker processes. With more than one, each worker runs
                the whole extraction on batches of texts (forked from this
                process, so the pipeline is not loaded again); where ``fork``
                is unavailable, spaCy's own ``n_process`` parses in workers.

        Yields:
            One list of quotes per text, in input order, equal to ``extract``.

        Example:
            >>> [len(q) for q in extractor.pipe(["No quote here.", ""])]  # doctest: +SKIP
            [0, 0]
        """
        if n_process > 1 and _can_fork():
            yield from self._pipe_forked(texts, batch_size, n_process)
        else:
            yield from self._stream(texts, batch_size=batch_size, n_process=n_process)

    def _pipe_forked(
        self, texts: Iterable[str], batch_size: int, n_process: int
    ) -> Iterator[list[Quote]]:
        """Run ``_stream`` on batches in forked workers, at most ``2 * n_process`` batches ahead."""
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(n_process, initializer=_set_worker, initargs=(self, batch_size)) as pool:
            pending: deque[AsyncResult[list[list[Quote]]]] = deque()
            for batch in _batches(texts, batch_size):
                pending.append(pool.apply_async(_work, (batch,)))
                while len(pending) >= 2 * n_process:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()

    def _pieces(self, text: str) -> list[Piece]:
        """Plan the texts to parse for ``text``: itself, its chunks or their selected sentences."""
        room = (self.nlp.max_length - LOOKAHEAD_CHARS) // 2
        limit = max(200, min(self.settings.chunk_chars, room))
        if len(text) <= limit and self._selector is None:
            return [Piece(text, (0,), (0,), 0, len(text))]
        context = min(CONTEXT_CHARS, limit // 8)
        hard = 2 * limit - LOOKAHEAD_CHARS
        chunks = plan_chunks(text, limit, max_chars=hard, context_chars=context)
        if self._selector is None:
            return [Piece.of_chunk(text, c) for c in chunks]
        return [self._selector.select(text, c) for c in chunks]

    def _stream(
        self, texts: Iterable[str], *, batch_size: int, n_process: int
    ) -> Iterator[list[Quote]]:
        """Parse the pieces of each text in one ``nlp.pipe`` stream; combine them per text."""
        pending: deque[tuple[str, list[Piece]]] = deque()

        def docs() -> Iterator[tuple[Doc, int]]:
            for text in texts:
                text = check_text(text)
                pieces = self._pieces(text)
                pending.append((text, pieces))
                for k, piece in enumerate(pieces):
                    yield self.make_doc(piece.text), k

        results: list[_PieceResult] = []
        stream = self.nlp.pipe(docs(), as_tuples=True, batch_size=batch_size, n_process=n_process)
        for doc, k in stream:
            pieces = pending[0][1]
            results.append(self._piece_result(doc, pieces[k].text, len(pieces) > 1))
            text, pieces = pending[0]
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
    """``q`` with its offsets (quote, cue, source, speaker mention) mapped to the original text."""
    start, end = piece.to_original(q.start), piece.to_original(q.end, end=True)
    update: dict[str, object] = {
        "start": start,
        "end": end,
        "text": text[start:end],
        "sentence": sentence,
        "paragraph": max(0, bisect_right(para_starts, start) - 1),
    }
    if q.cue is not None:
        c_start, c_end = piece.to_original(q.cue.start), piece.to_original(q.cue.end, end=True)
        update["cue"] = q.cue.model_copy(
            update={"start": c_start, "end": c_end, "text": text[c_start:c_end]}
        )
    if q.source is not None:
        s_start = piece.to_original(q.source.start)
        s_end = piece.to_original(q.source.end, end=True)
        update["source"] = q.source.model_copy(
            update={"start": s_start, "end": s_end, "text": text[s_start:s_end]}
        )
    if q.speaker is not None:
        m = q.speaker.mention
        m_start, m_end = piece.to_original(m.start), piece.to_original(m.end, end=True)
        mention = m.model_copy(update={"start": m_start, "end": m_end, "text": text[m_start:m_end]})
        update["speaker"] = q.speaker.model_copy(update={"mention": mention})
    return q.model_copy(update=update)


def _can_fork() -> bool:
    """True where worker processes can be forked (Linux; not Windows, not macOS by default)."""
    return "fork" in multiprocessing.get_all_start_methods()


def _batches(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    """Lists of ``size`` texts (the last may be shorter), read lazily."""
    it = iter(texts)
    while batch := list(islice(it, max(1, size))):
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


def _overlaps(cand: Candidate, quotes: list[QuoteSpan]) -> bool:
    return any(overlaps(bounds(q), bounds(cand)) for q in quotes)
