"""The parts of PolNeAR's training file that the benchmarks use.

Documents 0-699 are the development part (rules and confidence are fitted and
inspected there); documents 700-839 are the reporting part, scored only to report
figures. A script that fits or tunes reads the development part only.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TypeVar

__all__ = ["DEV_DOCS", "PARTS", "dev_count", "part"]

_T = TypeVar("_T")

DEV_DOCS = 700
#: name -> (first, last + 1) document index
PARTS: dict[str, tuple[int, int]] = {"dev": (0, DEV_DOCS), "reporting": (DEV_DOCS, 840)}


def part(docs: Sequence[_T], name: str) -> list[_T]:
    """The documents of part ``name`` ("dev", "reporting" or "all").

    Example:
        >>> [len(part(range(900), p)) for p in ("dev", "reporting", "all")]
        [700, 140, 900]
    """
    if name == "all":
        return list(docs)
    first, stop = PARTS[name]
    return list(docs[first:stop])


def dev_count(value: str) -> int:
    """An argparse type: a number of documents from 1 to ``DEV_DOCS``.

    Example:
        >>> dev_count("700"), dev_count("1")
        (700, 1)
        >>> dev_count("-1")
        Traceback (most recent call last):
        argparse.ArgumentTypeError: must be from 1 to 700 (the development part), got -1
    """
    n = int(value)
    if not 1 <= n <= DEV_DOCS:
        raise argparse.ArgumentTypeError(
            f"must be from 1 to {DEV_DOCS} (the development part), got {n}"
        )
    return n
