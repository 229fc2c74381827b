"""Clean stops on Ctrl-C and SIGTERM for long command-line runs.

``handle_termination`` turns SIGTERM into ``Terminated`` (a ``KeyboardInterrupt``)
in the main process, so that the code that handles Ctrl-C also handles a
polite kill. ``deferred_interrupts`` holds Ctrl-C and SIGTERM back while a
document's rows are written, then raises, so that a document is written
entirely or not at all. Both do nothing outside the main thread (where Python
cannot install signal handlers).
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["Terminated", "deferred_interrupts", "exit_code", "handle_termination"]


class Terminated(KeyboardInterrupt):
    """Raised in the main process when it receives SIGTERM."""


def exit_code(exc: KeyboardInterrupt) -> int:
    """The shell's exit code for a run stopped by ``exc``: 143 for SIGTERM, 130 for Ctrl-C."""
    return 128 + (signal.SIGTERM if isinstance(exc, Terminated) else signal.SIGINT)


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


@contextmanager
def handle_termination() -> Iterator[None]:
    """Within the block, SIGTERM raises ``Terminated`` in this process.

    Child processes (``n_process > 1``) that inherit the handler die as
    they would by default.
    """
    if not _main_thread():
        yield
        return
    owner = os.getpid()

    def on_term(signum: int, frame: FrameType | None) -> None:
        if os.getpid() != owner:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGTERM)
            return
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, on_term)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)


@contextmanager
def deferred_interrupts() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the block ends, then raise the interruption."""
    if not _main_thread():
        yield
        return
    received: list[int] = []

    def hold(signum: int, frame: FrameType | None) -> None:
        received.append(signum)

    previous = {sig: signal.signal(sig, hold) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)
    if received:
        raise Terminated() if signal.SIGTERM in received else KeyboardInterrupt()
