"""A one-line progress display on stderr for multi-document runs (no dependency).

It shows documents done (and failed), documents per second, quotes per
second and the elapsed time, redrawn at most every ``interval`` seconds. It
draws nothing when the stream is not a terminal, when ``quiet`` is set, or
before the second document is done (a one-document run never shows it), and
``close`` erases the line.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import IO

__all__ = ["Progress"]


class Progress:
    """Counts documents and quotes and draws a throttled status line.

    Args:
        stream: Where to draw (stderr); nothing is drawn unless ``stream.isatty()``.
        quiet: Never draw.
        interval: Minimum seconds between two redraws.
        clock: Monotonic clock, replaceable in tests.

    Example:
        >>> import io
        >>> p = Progress(io.StringIO())
        >>> p.update(quotes=3); p.update(quotes=2); p.close()
        >>> (p.docs, p.quotes, p.enabled)
        (2, 5, False)
    """

    def __init__(
        self,
        stream: IO[str],
        *,
        quiet: bool = False,
        interval: float = 0.2,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.enabled = not quiet and _isatty(stream)
        self.interval = interval
        self.clock = clock
        self.start = clock()
        self.docs = 0
        self.failed = 0
        self.quotes = 0
        self._last_draw: float | None = None
        self._width = 0

    def update(self, *, quotes: int = 0, failed: bool = False) -> None:
        """Count one document (with its number of quotes, or as failed); redraw if due."""
        if failed:
            self.failed += 1
        else:
            self.docs += 1
            self.quotes += quotes
        if not self.enabled or self.docs + self.failed < 2:
            return
        now = self.clock()
        if self._last_draw is not None and now - self._last_draw < self.interval:
            return
        self._last_draw = now
        self._draw(self.line(now))

    def line(self, now: float) -> str:
        """The status text at time ``now``."""
        elapsed = max(now - self.start, 1e-9)
        failed = f", {self.failed} failed" if self.failed else ""
        minutes, seconds = divmod(int(elapsed), 60)
        return (
            f"quoteattr: {self.docs} document(s){failed}, {self.docs / elapsed:.1f} docs/s, "
            f"{self.quotes / elapsed:.1f} quotes/s, {minutes}:{seconds:02d}"
        )

    def _draw(self, text: str) -> None:
        pad = " " * max(self._width - len(text), 0)
        self.stream.write("\r" + text + pad)
        self.stream.flush()
        self._width = len(text)

    def clear(self) -> None:
        """Erase the line if one was drawn (call before writing messages to the stream)."""
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0
            self._last_draw = None

    def close(self) -> None:
        """Erase the status line; nothing is left on the stream."""
        self.clear()


def _isatty(stream: IO[str]) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if isatty is not None else False
    except ValueError:  # closed stream
        return False
