"""The progress bar of multi-document runs, on tqdm (a spaCy dependency).

It shows documents done, the total and the time left when the number of
documents is known, documents per second and the number of quotes (and of
failed documents). It is drawn on a terminal (``stream.isatty()``) and in a
Jupyter notebook (``tqdm.auto``), never with ``quiet``, and not before the
second document (a one-document run never shows it); ``close`` erases it.

A long document (``LONG_CHARS`` or more) gets a second bar while it is processed,
by characters (done, its length, characters per second and time left), fed by the
extractor's ``on_progress`` hook; it is shown in a one-document run too.
"""

from __future__ import annotations

import sys
from collections import deque
from typing import IO, Any

__all__ = ["LONG_CHARS", "Progress", "in_notebook"]

#: Documents of at least this many characters get a bar of their own.
LONG_CHARS = 100_000


def in_notebook() -> bool:
    """Whether the code runs in a Jupyter kernel (where ``tqdm.auto`` draws a widget).

    Example:
        >>> in_notebook()
        False
    """
    shell = sys.modules.get("IPython")
    if shell is None or "ipykernel" not in sys.modules:
        return False
    get_ipython = getattr(shell, "get_ipython", None)
    return get_ipython is not None and get_ipython() is not None


class Progress:
    """Counts documents and quotes and drives a tqdm bar.

    Args:
        stream: Where to draw (stderr); nothing is drawn unless it is a terminal
            or the code runs in a notebook.
        quiet: Never draw.
        total: The number of documents, when known (gives the time left).
        interval: Minimum seconds between two redraws.

    Example:
        >>> import io
        >>> p = Progress(io.StringIO(), total=2)
        >>> p.update(quotes=3); p.update(quotes=2); p.close()
        >>> (p.docs, p.quotes, p.enabled)
        (2, 5, False)
    """

    def __init__(
        self,
        stream: IO[str],
        *,
        quiet: bool = False,
        total: int | None = None,
        interval: float = 0.2,
    ) -> None:
        self.stream = stream
        self.notebook = in_notebook()
        self.enabled = not quiet and (self.notebook or _isatty(stream))
        self.total = total
        self.interval = interval
        self.docs = 0
        self.failed = 0
        self.quotes = 0
        self._bar: Any = None
        self._lengths: deque[int] = deque()  # of the texts handed to the extractor, not done
        self._doc_bar: Any = None

    def _tqdm(self) -> Any:
        if self.notebook:
            from tqdm.auto import tqdm
        else:
            from tqdm import tqdm
        return tqdm

    def _open(self) -> Any:
        return self._tqdm()(
            total=self.total,
            initial=self.docs + self.failed - 1,
            file=None if self.notebook else self.stream,
            desc="quoteattr",
            unit="doc",
            leave=False,
            mininterval=self.interval,
            dynamic_ncols=True,
        )

    def queue(self, length: int) -> None:
        """Note that a text of ``length`` characters was handed to the extractor."""
        self._lengths.append(length)

    def advance(self, chars: int) -> None:
        """Count ``chars`` characters of the oldest text not done (the extractor's hook)."""
        if not self.enabled or not self._lengths or self._lengths[0] < LONG_CHARS:
            return
        if self._doc_bar is None:
            self._doc_bar = self._tqdm()(
                total=self._lengths[0],
                file=None if self.notebook else self.stream,
                desc="document",
                unit="char",
                unit_scale=True,
                leave=False,
                position=1 if self._bar is not None else 0,
                mininterval=self.interval,
                dynamic_ncols=True,
            )
        self._doc_bar.update(chars)

    def _document_done(self) -> None:
        if self._lengths:
            self._lengths.popleft()
        if self._doc_bar is not None:
            self._doc_bar.close()
            self._doc_bar = None

    def update(self, *, quotes: int = 0, failed: bool = False) -> None:
        """Count one document (with its number of quotes, or as failed); redraw if due."""
        if failed:
            self.failed += 1
        else:
            self.docs += 1
            self.quotes += quotes
            self._document_done()
        if not self.enabled or self.docs + self.failed < 2:
            return
        if self._bar is None:
            self._bar = self._open()
        postfix = {"quotes": self.quotes}
        if self.failed:
            postfix["failed"] = self.failed
        self._bar.set_postfix(postfix, refresh=False)
        self._bar.update(1)

    def clear(self) -> None:
        """Erase the bars for a moment (call before writing messages to the stream)."""
        for bar in (self._doc_bar, self._bar):
            if bar is not None:
                bar.clear()

    def close(self) -> None:
        """Erase the bars; nothing is left on the stream."""
        self._document_done()
        self._lengths.clear()
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def _isatty(stream: IO[str]) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if isatty is not None else False
    except ValueError:  # closed stream
        return False
