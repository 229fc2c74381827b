"""Streaming extraction over many documents: the work behind ``quoteattr extract``.

Documents flow one at a time from the reader (``quoteattr.io.inputs``) through
``QuoteExtractor.pipe`` to a writer (``quoteattr.io.outputs``); only the ids of
the documents inside the current batch are held. A document that cannot be
read is reported (``quoteattr: cannot read PATH: reason``) and counted, and
the others go on in order. Ctrl-C or SIGTERM stops the run after the last
whole document; the output then holds exactly the documents finished.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Protocol

from ..errors import Errors, QuoteattrError
from ..models import Quote
from ..runner import QuoteExtractor
from ..settings import Settings
from .inputs import Document
from .interrupts import deferred_interrupts, exit_code, handle_termination
from .outputs import (
    RESUMABLE_FORMATS,
    AtomicFile,
    Writer,
    check_output,
    empty_ids_path,
    make_writer,
    read_done_ids,
    read_empty_ids,
    read_extra_columns,
    write_empty_ids,
)
from .progress import Progress

__all__ = [
    "BatchReport",
    "QuotePipe",
    "extract_documents",
    "load_extractor",
    "stream_documents",
    "write_quotes",
]


class QuotePipe(Protocol):
    """What the batch functions need of an extractor (``QuoteExtractor`` has it)."""

    def pipe(
        self,
        texts: Iterable[str],
        *,
        batch_size: int = ...,
        n_process: int = ...,
        on_progress: Callable[[int], None] | None = ...,
    ) -> Iterator[list[Quote]]: ...


@dataclass(slots=True)
class BatchReport:
    """Counts of a run: documents done, failed to read, skipped (resume), quotes.

    ``empty_ids`` lists the documents done that had no quote;
    ``interruption`` is set when Ctrl-C or SIGTERM stopped the run, ``error``
    when extraction raised (the documents before it are written).
    """

    done: int = 0
    failed: int = 0
    skipped: int = 0
    quotes: int = 0
    empty_ids: list[str] = field(default_factory=list)
    interruption: KeyboardInterrupt | None = None
    error: Exception | None = None

    def summary(self) -> str:
        """The summary line, e.g. "quoteattr: 3 document(s) done, 1 failed"."""
        skipped = f", {self.skipped} skipped (already done)" if self.skipped else ""
        return f"quoteattr: {self.done} document(s) done, {self.failed} failed{skipped}"

    def should_summarize(self, *, quiet: bool = False) -> bool:
        """Whether to print the summary line: after a failure or an interruption, and
        (unless ``quiet``) after a run that saw more than one document."""
        trouble = self.failed > 0 or self.interruption is not None or self.error is not None
        return trouble or (not quiet and self.done + self.failed + self.skipped > 1)


def stream_documents(
    extractor: QuotePipe,
    docs: Iterable[Document],
    report: BatchReport,
    *,
    skip: frozenset[str] | set[str] = frozenset(),
    errors: IO[str] | None = None,
    progress: Progress | None = None,
    batch_size: int = 16,
    n_process: int = 1,
) -> Iterator[tuple[Document, list[Quote]]]:
    """Yield ``(document, quotes)`` for each readable document of ``docs``, in order.

    Documents with an ``error`` are reported on ``errors`` and counted in
    ``report.failed``; documents whose id is in ``skip`` are counted in
    ``report.skipped``. Neither is yielded. The caller counts the rest.

    Example:
        >>> report = BatchReport()
        >>> docs = [Document("a", "No quote here."), Document("b", "", error="missing")]
        >>> [d.id for d, _ in stream_documents(extractor, docs, report)]  # doctest: +SKIP
        ['a']
    """
    pending: deque[Document] = deque()

    def texts() -> Iterator[str]:
        for doc in docs:
            if doc.error is not None:
                report.failed += 1
                if progress is not None:
                    progress.clear()
                if errors is not None:
                    errors.write(f"quoteattr: cannot read {doc.id}: {doc.error}\n")
                    errors.flush()
                if progress is not None:
                    progress.update(failed=True)
            elif doc.id in skip:
                report.skipped += 1
            else:
                pending.append(doc)
                if progress is not None:
                    progress.queue(len(doc.text))
                yield doc.text

    hook = progress.advance if progress is not None and progress.enabled else None
    results = extractor.pipe(texts(), batch_size=batch_size, n_process=n_process, on_progress=hook)
    for quotes in results:
        yield pending.popleft(), quotes


def write_quotes(
    extractor: QuotePipe,
    docs: Iterable[Document],
    writer: Writer,
    *,
    skip: frozenset[str] | set[str] = frozenset(),
    errors: IO[str] | None = None,
    progress: Progress | None = None,
    batch_size: int = 16,
    n_process: int = 1,
) -> BatchReport:
    """Extract the quotes of ``docs`` and write them, one whole document at a time.

    Ctrl-C or SIGTERM ends the loop after the last whole document
    (``report.interruption`` is then set), and so does an exception raised
    by the extractor (``report.error``); the writer is always closed, so its
    output is a complete file of the documents done. Exceptions of the
    writer itself propagate.

    Returns:
        The run's counts.
    """
    report = BatchReport()
    stream = stream_documents(
        extractor,
        docs,
        report,
        skip=skip,
        errors=errors,
        progress=progress,
        batch_size=batch_size,
        n_process=n_process,
    )
    try:
        with handle_termination():
            try:
                while True:
                    try:
                        doc, quotes = next(stream)
                    except StopIteration:
                        break
                    except Exception as exc:  # a bug in extraction: keep what is done
                        report.error = exc
                        break
                    with deferred_interrupts():
                        writer.write(doc.id, quotes, doc.fields)
                        report.done += 1
                        report.quotes += len(quotes)
                        if not quotes:
                            report.empty_ids.append(doc.id)
                    if progress is not None:
                        progress.update(quotes=len(quotes))
            except KeyboardInterrupt as exc:
                report.interruption = exc
    finally:
        with deferred_interrupts():
            if progress is not None:
                progress.close()
            writer.close()
    return report


def extract_documents(
    extractor: QuotePipe,
    docs: Iterable[Document],
    *,
    fmt: str,
    stdout: IO[str],
    stderr: IO[str],
    output: str | None = None,
    resume: bool = False,
    quiet: bool = False,
    batch_size: int = 16,
    n_process: int = 1,
    total: int | None = None,
    nothing_read: str | None = None,
) -> int:
    """Run ``quoteattr extract``: write the quotes of ``docs`` to ``output`` or ``stdout``.

    An ``output`` file is written atomically (temporary file, fsync, rename)
    and published with the documents done also when the run is interrupted.
    With ``resume`` (jsonl or csv output files only), documents whose id is
    already in ``output`` (or in its ``.no-quotes`` side file) are skipped and
    the new ones appended. ``total`` (the number of documents, if known) goes
    to the progress bar. When ``docs`` holds no document at all, ``output`` is
    left as it was and ``nothing_read`` (if given) is reported as an error.

    Returns:
        0; 1 when a document could not be read; 2 for a usage error or, with
        ``nothing_read``, no document; 130 or 143 when interrupted by Ctrl-C or
        SIGTERM.

    Raises:
        Exception: what the extractor raised, after the documents done
            before it were published.
    """
    resumable = output is not None and fmt in RESUMABLE_FORMATS
    try:
        check_output(fmt, output, resume=resume)
        done_ids: set[str] = set()
        empty_ids: set[str] = set()
        if resume and output is not None:
            done_ids = read_done_ids(output, fmt)
            empty_ids = read_empty_ids(output)
        elif resumable and output is not None and os.path.exists(empty_ids_path(output)):
            os.unlink(empty_ids_path(output))  # stale: belongs to the file being replaced
        target, writer = _open_output(fmt, output, stdout, resume)
    except (OSError, ValueError, QuoteattrError) as exc:
        stderr.write(f"quoteattr: error: {_message(exc)}\n")
        return 2
    progress = Progress(stderr, quiet=quiet, total=total)
    try:
        report = write_quotes(
            extractor,
            docs,
            writer,
            skip=done_ids | empty_ids,
            errors=stderr,
            progress=progress,
            batch_size=batch_size,
            n_process=n_process,
        )
    except BaseException:
        if target is not None:
            target.discard()
        raise
    nothing = report.done + report.failed + report.skipped == 0
    if nothing and nothing_read is not None and report.interruption is None:
        if target is not None:
            target.discard()
        stderr.write(f"quoteattr: error: {nothing_read}\n")
        return 2
    if target is not None and output is not None:
        with deferred_interrupts():
            target.commit()
            if resumable:
                write_empty_ids(output, empty_ids | set(report.empty_ids))
    if report.interruption is not None:
        stderr.write(f"quoteattr: interrupted after {report.done} document(s)\n")
    if report.error is not None:
        stderr.write(f"quoteattr: extraction failed after {report.done} document(s)\n")
        stderr.write(report.summary() + "\n")
        raise report.error
    if report.should_summarize(quiet=quiet):
        stderr.write(report.summary() + "\n")
    if report.interruption is not None:
        return exit_code(report.interruption)
    return 1 if report.failed else 0


def _open_output(
    fmt: str, output: str | None, stdout: IO[str], resume: bool
) -> tuple[AtomicFile | None, Writer]:
    if output is None:
        return None, make_writer(fmt, stdout, None)
    has_content = resume and os.path.exists(output) and os.path.getsize(output) > 0
    extra = read_extra_columns(output) if has_content and fmt == "csv" else None
    parquet = fmt == "parquet"
    target = AtomicFile(output, binary=parquet, copy_existing=resume, open_stream=not parquet)
    try:
        writer = make_writer(
            fmt, target.stream, target.temp_path, header=not has_content, extra_columns=extra
        )
    except BaseException:
        target.discard()
        raise
    return target, writer


def _message(exc: BaseException) -> str:
    """An exception as a one-line message (an OSError without its "[Errno N]" prefix)."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror if exc.filename is None else f"{exc.filename}: {exc.strerror}"
    return str(exc)


def load_extractor(model: str | None = None, settings: Settings | None = None) -> QuoteExtractor:
    """The cached extractor for spaCy pipeline ``model`` (the best installed one when None).

    Args:
        model: A pipeline name or the path of a saved pipeline.
        settings: What to report; ``Settings()`` when None.

    Raises:
        ModelNotFoundError: if no pipeline is installed.
        QuoteattrError: ([QA047]) if ``model`` cannot be loaded.

    Example:
        >>> load_extractor("no_such_pipeline")  # doctest: +SKIP
        Traceback (most recent call last):
        QuoteattrError: [QA047] Cannot load the spaCy pipeline 'no_such_pipeline': ...
    """
    from ..api import get_extractor

    nlp = None
    if model:
        import spacy

        try:
            nlp = spacy.load(model)
        except (OSError, ValueError, ImportError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise QuoteattrError(Errors.E047.format(model=model, reason=reason)) from exc
    return get_extractor(nlp, settings)
