"""The progress bar of multi-document runs, on tqdm (a spaCy dependency).

It shows documents done, the total and the time left when the number of
documents is known, documents per second and the number of quotes (and of
failed documents). It is drawn on a terminal (``stream.isatty()``) and in a
Jupyter notebook (``tqdm.auto``), never with ``quiet``, and not before the
second document (a one-document run never shows it); ``close`` erases it.
"""

from __future__ import annotations

import sys
from typing import IO, Any

__all__ = ["Progress", "in_notebook"]


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

    def _open(self) -> Any:
        if self.notebook:
            from tqdm.auto import tqdm
        else:
            from tqdm import tqdm
        return tqdm(
            total=self.total,
            initial=self.docs + self.failed - 1,
            file=None if self.notebook else self.stream,
            desc="quoteattr",
            unit="doc",
            leave=False,
            mininterval=self.interval,
            dynamic_ncols=True,
        )

    def update(self, *, quotes: int = 0, failed: bool = False) -> None:
        """Count one document (with its number of quotes, or as failed); redraw if due."""
        if failed:
            self.failed += 1
        else:
            self.docs += 1
            self.quotes += quotes
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
        """Erase the bar for a moment (call before writing messages to the stream)."""
        if self._bar is not None:
            self._bar.clear()

    def close(self) -> None:
        """Erase the bar; nothing is left on the stream."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def _isatty(stream: IO[str]) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if isatty is not None else False
    except ValueError:  # closed stream
        return False
