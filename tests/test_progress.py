"""The progress line: drawn only on a terminal, throttled, erased at the end (no model)."""

from __future__ import annotations

import io

from quoteattr.io.progress import Progress


class FakeStream(io.StringIO):
    """A text stream that says whether it is a terminal."""

    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def run(stream: FakeStream, *, quiet: bool = False, docs: int = 3) -> Progress:
    clock = FakeClock()
    progress = Progress(stream, quiet=quiet, interval=0.2, clock=clock)
    for _ in range(docs):
        clock.now += 1.0
        progress.update(quotes=2)
    return progress


def test_progress_drawn_on_a_terminal() -> None:
    stream = FakeStream(tty=True)
    progress = run(stream)
    line2 = "quoteattr: 2 document(s), 1.0 docs/s, 2.0 quotes/s, 0:02"
    line3 = "quoteattr: 3 document(s), 1.0 docs/s, 2.0 quotes/s, 0:03"
    assert stream.getvalue() == "\r" + line2 + "\r" + line3
    progress.close()
    assert stream.getvalue().endswith(line3 + "\r" + " " * len(line3) + "\r")


def test_progress_quiet_when_not_a_terminal() -> None:
    stream = FakeStream(tty=False)
    progress = run(stream)
    progress.close()
    assert stream.getvalue() == ""
    assert (progress.docs, progress.quotes) == (3, 6)


def test_progress_quiet_with_quiet_option() -> None:
    stream = FakeStream(tty=True)
    run(stream, quiet=True).close()
    assert stream.getvalue() == ""


def test_progress_not_drawn_for_one_document() -> None:
    stream = FakeStream(tty=True)
    run(stream, docs=1).close()
    assert stream.getvalue() == ""


def test_progress_throttled() -> None:
    stream = FakeStream(tty=True)
    clock = FakeClock()
    progress = Progress(stream, interval=0.5, clock=clock)
    for _ in range(10):
        clock.now += 0.125
        progress.update(quotes=1)
    # one document every 0.125 s, one redraw every 0.5 s at most: documents 2, 6 and 10
    drawn = [part.split(",")[0] for part in stream.getvalue().split("\r")[1:]]
    assert drawn == [f"quoteattr: {n} document(s)" for n in (2, 6, 10)]


def test_progress_counts_failures_and_clear_erases() -> None:
    stream = FakeStream(tty=True)
    clock = FakeClock()
    progress = Progress(stream, clock=clock)
    progress.update(quotes=4)
    clock.now += 2.0
    progress.update(failed=True)
    line = "quoteattr: 1 document(s), 1 failed, 0.5 docs/s, 2.0 quotes/s, 0:02"
    assert stream.getvalue() == "\r" + line
    progress.clear()
    stream.write("message\n")
    progress.close()  # nothing left to erase
    assert stream.getvalue() == "\r" + line + "\r" + " " * len(line) + "\r" + "message\n"


def test_progress_shorter_line_overwrites_longer() -> None:
    stream = FakeStream(tty=True)
    clock = FakeClock()
    progress = Progress(stream, clock=clock)
    progress.update(quotes=1000)
    clock.now += 1.0
    progress.update(quotes=0)  # 1000.0 quotes/s
    clock.now += 1000.0
    progress.update(quotes=0)  # 0.3 quotes/s, 16:41: one character shorter
    first, second = stream.getvalue().split("\r")[1:]
    assert len(second) == len(first)
    assert second.rstrip(" ") == "quoteattr: 3 document(s), 0.0 docs/s, 1.0 quotes/s, 16:41"
