"""Batches and worker processes for the runner: texts read lazily in bounded batches, and
batches of whole extractions run in forked processes, results kept in input order.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from multiprocessing.pool import AsyncResult
from typing import TypeVar

from .models import Quote

__all__ = ["ProgressHook", "Stream", "batches", "budgeted", "can_fork", "pipe_forked"]

_K = TypeVar("_K")

#: Called with a number of characters of the input just processed.
ProgressHook = Callable[[int], None]
#: The quotes of each of a list of texts, in order (one process, no workers).
Stream = Callable[[list[str]], Iterator[list[Quote]]]


def can_fork() -> bool:
    """True where worker processes can be forked (Linux; not Windows, not macOS by default)."""
    return "fork" in multiprocessing.get_all_start_methods()


def batches(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    """Lists of ``size`` texts (the last may be shorter), read lazily.

    Example:
        >>> [len(b) for b in batches(["a", "b", "c"], 2)]
        [2, 1]
    """
    it = iter(texts)
    while batch := list(islice(it, max(1, size))):
        yield batch


def budgeted(
    items: Iterable[tuple[str, _K]], size: int, chars: int
) -> Iterator[list[tuple[str, _K]]]:
    """Lists of at most ``size`` items, closed once they hold ``chars`` characters, read lazily.

    Example:
        >>> [len(b) for b in budgeted([("ab", 0), ("cd", 1), ("e", 2)], 8, 3)]
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


def pipe_forked(
    stream: Stream,
    texts: Iterable[str],
    batch_size: int,
    n_process: int,
    on_progress: ProgressHook | None,
) -> Iterator[list[Quote]]:
    """Run ``stream`` on batches of ``texts`` in ``n_process`` forked workers.

    At most ``2 * n_process`` batches are in flight; results come back in input order.
    The workers are forked, so ``stream`` (and the pipeline it holds) is not pickled.
    """
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(n_process, initializer=_set_worker, initargs=(stream,)) as pool:
        pending: deque[tuple[AsyncResult[list[list[Quote]]], int]] = deque()

        def done() -> Iterator[list[Quote]]:
            result, chars = pending.popleft()
            quotes = result.get()
            if on_progress is not None:
                on_progress(chars)
            yield from quotes

        for batch in batches(texts, batch_size):
            chars = sum(len(t) for t in batch if isinstance(t, str))
            pending.append((pool.apply_async(_work, (batch,)), chars))
            while len(pending) >= 2 * n_process:
                yield from done()
        while pending:
            yield from done()


_worker: Stream | None = None


def _set_worker(stream: Stream) -> None:
    """Pool initializer: remember the (forked, not pickled) stream."""
    global _worker
    _worker = stream


def _work(texts: list[str]) -> list[list[Quote]]:
    """Pool task: the quotes of a batch of texts."""
    assert _worker is not None
    return list(_worker(texts))
