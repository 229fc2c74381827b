"""The progress bar (tqdm): on a terminal only, with the total when known, erased at the end."""

from __future__ import annotations

import io
import re
import sys

import pytest

from quoteattr import Settings
from quoteattr.io.progress import LONG_CHARS, Progress, in_notebook
from quoteattr.runner import compile_for


class FakeStream(io.StringIO):
    """A text stream that says whether it is a terminal."""

    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def run(
    stream: FakeStream, *, quiet: bool = False, docs: int = 3, total: int | None = 3
) -> Progress:
    progress = Progress(stream, quiet=quiet, total=total, interval=0.0)
    for _ in range(docs):
        progress.update(quotes=2)
    return progress


@pytest.mark.issue(14)
def test_progress_bar_with_total_and_time_left() -> None:
    stream = FakeStream(tty=True)
    progress = run(stream)
    text = stream.getvalue()
    assert (progress.docs, progress.quotes, progress.enabled) == (3, 6, True)
    assert "quoteattr:  67%|" in text and "| 2/3 [" in text
    assert re.search(r"\| 3/3 \[\d\d:\d\d<\d\d:\d\d, [\d.]+doc/s, quotes=6\]", text)
    progress.close()
    assert stream.getvalue().endswith("\r")  # erased: the last thing drawn is a blank line
    assert re.search(r"\r +\r$", stream.getvalue())


def test_progress_without_total_counts_and_rates() -> None:
    stream = FakeStream(tty=True)
    run(stream, total=None).close()
    assert re.search(r"quoteattr: 3doc \[\d\d:\d\d, [\d.]+doc/s, quotes=6\]", stream.getvalue())


@pytest.mark.parametrize(("tty", "quiet"), [(False, False), (True, True)])
def test_progress_off_when_not_a_terminal_or_quiet(tty: bool, quiet: bool) -> None:
    stream = FakeStream(tty=tty)
    progress = run(stream, quiet=quiet)
    progress.close()
    assert (stream.getvalue(), progress.enabled, progress.docs) == ("", False, 3)


def test_progress_not_drawn_for_one_document() -> None:
    stream = FakeStream(tty=True)
    run(stream, docs=1).close()
    assert stream.getvalue() == ""


def test_progress_counts_failures_and_clear_erases() -> None:
    stream = FakeStream(tty=True)
    progress = Progress(stream, total=3, interval=0.0)
    progress.update(quotes=1)
    progress.update(failed=True)
    assert "failed=1" in stream.getvalue()
    progress.clear()
    assert re.search(r"\r +\r$", stream.getvalue())
    progress.close()
    assert (progress.docs, progress.failed, progress.quotes) == (1, 1, 1)


def test_progress_in_notebook_false_outside_a_kernel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "ipykernel", raising=False)
    assert in_notebook() is False


@pytest.mark.issue(14)
def test_progress_in_a_notebook_uses_tqdm_auto(monkeypatch: pytest.MonkeyPatch) -> None:
    import warnings

    import tqdm.auto

    import quoteattr.io.progress as progress_module

    monkeypatch.setattr(progress_module, "in_notebook", lambda: True)
    stream = FakeStream(tty=False)  # a notebook's stderr is no terminal
    progress = Progress(stream, total=3, interval=0.0)
    assert progress.enabled
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tqdm warns when ipywidgets is missing
        progress.update(quotes=1)
        progress.update(quotes=1)
        assert isinstance(progress._bar, tqdm.auto.tqdm)
        progress.close()
    assert stream.getvalue() == ""  # drawn as a widget (or on sys.stderr), not on the stream


def test_progress_long_document_has_a_bar_by_characters() -> None:
    stream = FakeStream(tty=True)
    progress = Progress(stream, total=1, interval=0.0)
    progress.queue(LONG_CHARS * 2)
    progress.advance(LONG_CHARS // 2)
    progress.advance(LONG_CHARS // 2)
    text = stream.getvalue()
    assert "document:  50%|" in text and "| 100k/200k [" in text
    assert re.search(r"char/s\]", text)
    progress.update(quotes=4)  # the document is done: its bar is erased
    progress.close()
    assert re.search(r"\r +\r$", stream.getvalue())
    assert (progress.docs, progress.quotes) == (1, 4)


def test_progress_short_document_has_no_bar_by_characters() -> None:
    stream = FakeStream(tty=True)
    progress = Progress(stream, total=1, interval=0.0)
    progress.queue(LONG_CHARS - 1)
    progress.advance(LONG_CHARS - 1)
    progress.update()
    progress.close()
    assert stream.getvalue() == ""


@pytest.mark.model
def test_progress_extractor_reports_every_character(extractor) -> None:  # type: ignore[no-untyped-def]
    para = '"We will rebuild," Mara Vell said. Ann Lee said that taxes will rise next year.'
    text = "\n\n".join([para] * 40)
    chunked = extractor.__class__.sharing(
        extractor.nlp, compile_for(extractor.nlp, Settings(chunk_chars=1000))
    )
    done: list[int] = []
    quotes = list(chunked.pipe([text, "Short."], on_progress=done.append))
    assert len(done) > 3 and sum(done) == len(text) + len("Short.")
    assert [len(q) for q in quotes] == [80, 0]
