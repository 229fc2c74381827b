"""Writing the corpus stage's output: a folder of tables and the HTML report.

``write_corpus`` writes each table of ``tables.TABLES`` as ``NAME.parquet`` and
``NAME.csv``, and ``report.html``. Each file is written to a temporary name in
the folder and renamed, so a reader never sees half a file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd  # type: ignore[import-untyped,unused-ignore]

from .report import report_html

__all__ = ["write_corpus"]


def _atomic(path: Path, write: Callable[[str], object]) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _writer(frame: pd.DataFrame, fmt: str) -> Callable[[str], object]:
    def write(tmp: str) -> None:
        if fmt == "parquet":
            frame.to_parquet(tmp, index=False)
        else:
            frame.to_csv(tmp, index=False)

    return write


def write_corpus(
    tables: dict[str, pd.DataFrame],
    out_dir: str | Path,
    *,
    formats: tuple[str, ...] = ("parquet", "csv"),
    title: str = "Corpus report",
) -> list[Path]:
    """Write the tables and ``report.html`` into ``out_dir`` (created if missing).

    Args:
        tables: ``tables.corpus_tables`` output.
        out_dir: The output folder.
        formats: "parquet" and/or "csv".
        title: The report's title.

    Returns:
        The paths written, tables first, the report last.

    Example:
        >>> from quoteattr.corpus import QuoteRecord, build_corpus, corpus_tables, sign
        >>> r = QuoteRecord("a", 0, 0, "direct", "Yes.")
        >>> paths = write_corpus(corpus_tables(build_corpus(sign([r]))), "out",
        ...                      formats=("csv",))  # doctest: +SKIP
        >>> paths[-1].name  # doctest: +SKIP
        'report.html'
    """
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, frame in tables.items():
        if "parquet" in formats:
            path = folder / f"{name}.parquet"
            _atomic(path, _writer(frame, "parquet"))
            written.append(path)
        if "csv" in formats:
            path = folder / f"{name}.csv"
            _atomic(path, _writer(frame, "csv"))
            written.append(path)
    page = folder / "report.html"
    html = report_html(tables, title=title)
    _atomic(page, lambda tmp: Path(tmp).write_text(html, encoding="utf-8"))
    written.append(page)
    return written
