"""Where quoteattr's time goes: its own stages apart from spaCy's.

``profile_stages`` runs ``QuoteExtractor.pipe`` (one process) on the texts with
a timer around every stage the extractor calls: the functions that
``quoteattr.core`` and ``quoteattr.runner`` call by module-level name (stages and
helpers), the stage objects they hold (cue finder, sentence selector), the runner's
``make_doc`` and ``__call__``, and spaCy's tokenizer. Each timer counts *self time* (time
inside nested timers is given to them), so the stages add up to the wall
time; what no timer covers is spaCy's ``nlp.pipe`` (tagger, parser, NER,
lemmatizer) plus a little stream glue.

Nothing in quoteattr is edited: the timers are installed on a separate
extractor and on the ``quoteattr.core`` and ``quoteattr.runner`` namespaces, and
removed afterwards.
"""

from __future__ import annotations

import functools
import inspect
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from typing import Any

import quoteattr.core as core
import quoteattr.runner as runner
from quoteattr import QuoteExtractor
from quoteattr.models import Quote

SPACY_PIPE = "spaCy nlp.pipe (tagger, parser, NER, lemmatizer) + stream glue"
SPACY_TOKENIZER = "spaCy tokenizer (nlp.make_doc)"


class Timers:
    """Self-time accumulators keyed by label; nested timers are subtracted from their parent."""

    def __init__(self) -> None:
        self.seconds: defaultdict[str, float] = defaultdict(float)
        self.calls: Counter[str] = Counter()
        self._stack: list[float] = []

    def _enter(self) -> float:
        self._stack.append(0.0)
        return time.perf_counter()

    def _exit(self, label: str, start: float) -> None:
        elapsed = time.perf_counter() - start
        children = self._stack.pop()
        self.seconds[label] += elapsed - children
        self.calls[label] += 1
        if self._stack:
            self._stack[-1] += elapsed

    def wrap(self, label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        """``fn`` with a timer; generator functions are timed on every ``next``."""
        if inspect.isgeneratorfunction(fn):

            @functools.wraps(fn)
            def timed_gen(*args: Any, **kwargs: Any) -> Iterator[Any]:
                gen = fn(*args, **kwargs)
                while True:
                    start = self._enter()
                    try:
                        item = next(gen)
                    except StopIteration:
                        self._exit(label, start)
                        return
                    self._exit(label, start)
                    yield item

            return timed_gen

        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = self._enter()
            try:
                return fn(*args, **kwargs)
            finally:
                self._exit(label, start)

        return timed


class _TimedProxy:
    """Delegates to a stage object, timing its calls and method calls."""

    def __init__(self, obj: Any, label: str, timers: Timers) -> None:
        self._obj = obj
        self._label = label
        self._timers = timers

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._timers.wrap(self._label, self._obj)(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._obj, name)
        if callable(value) and not name.startswith("__"):
            return self._timers.wrap(f"{self._label}.{name}", value)
        return value


def _stage_label(fn: Any, name: str) -> str:
    module = getattr(fn, "__module__", "") or ""
    short = module.removeprefix("quoteattr.").removeprefix("stages.")
    return f"{short}.{name}"


def profile_stages(extractor: QuoteExtractor, texts: list[str], batch_size: int) -> dict[str, Any]:
    """Time quoteattr's stages on ``texts`` (one process, ``pipe``), apart from spaCy.

    Args:
        extractor: The extractor whose pipeline and settings are profiled.
        texts: The documents.
        batch_size: spaCy batch size.

    Returns:
        ``{"total_s", "spacy_s", "own_s", "own_share", "stages": [{"name",
        "seconds", "share", "ms_per_doc", "calls", "spacy"}...]}``, stages by
        decreasing time; ``share`` is of the total wall time.
    """
    timers = Timers()

    class ProfiledExtractor(type(extractor)):  # type: ignore[misc]
        def __call__(self, doc: Any, text: str | None = None) -> list[Quote]:
            call = timers.wrap("core.QuoteExtractor.__call__", super().__call__)
            result: list[Quote] = call(doc, text)
            return result

    profiled = ProfiledExtractor(
        extractor.nlp, settings=extractor.settings, lexicon=extractor.lexicon
    )
    for holder in (profiled, profiled._core):
        for name, value in list(vars(holder).items()):
            if type(value).__module__.startswith("quoteattr.stages"):
                label = _stage_label(value, type(value).__name__)
                setattr(holder, name, _TimedProxy(value, label, timers))
    for name in ("make_doc", "_pieces", "_piece_result", "_combine"):
        if hasattr(profiled, name):
            setattr(profiled, name, timers.wrap(f"core.{name}", getattr(profiled, name)))

    saved: list[tuple[Any, str, Any]] = []
    for module in (core, runner):
        for name, value in list(vars(module).items()):
            if (
                inspect.isfunction(value)
                and (value.__module__ or "").startswith("quoteattr.")
                and not name.startswith("__")
            ):
                saved.append((module, name, value))
                setattr(module, name, timers.wrap(_stage_label(value, name), value))
    nlp = profiled.nlp
    nlp.make_doc = timers.wrap(SPACY_TOKENIZER, nlp.make_doc)
    try:
        start = time.perf_counter()
        n_quotes = sum(len(q) for q in profiled.pipe(texts, batch_size=batch_size))
        total = time.perf_counter() - start
    finally:
        for module, name, value in saved:
            setattr(module, name, value)
        del nlp.make_doc
    timed = sum(timers.seconds.values())
    rows = [(SPACY_PIPE, total - timed, 0, True)]
    rows += [
        (label, secs, timers.calls[label], label == SPACY_TOKENIZER)
        for label, secs in timers.seconds.items()
    ]
    rows.sort(key=lambda r: -r[1])
    spacy_s = sum(secs for _, secs, _, is_spacy in rows if is_spacy)
    return {
        "total_s": total,
        "spacy_s": spacy_s,
        "own_s": total - spacy_s,
        "own_share": (total - spacy_s) / total,
        "quotes": n_quotes,
        "stages": [
            {
                "name": label,
                "seconds": secs,
                "share": secs / total,
                "ms_per_doc": 1000 * secs / len(texts),
                "calls": calls,
                "spacy": is_spacy,
            }
            for label, secs, calls, is_spacy in rows
        ],
    }
