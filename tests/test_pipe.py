"""``QuoteExtractor.pipe``: parallel output equals sequential, streaming, lazy model loading."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import pytest
from spacy.language import Language

from quoteattr import QuoteExtractor, Settings

EXTRA_TEXTS = [
    '"We are not leaving," said Dana Ortiz, a union leader. She called on the board to '
    '"come back to the table".',
    "",
    "No quotation here, only a plain sentence.",
]


def _texts(example_paths: list[Path]) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in example_paths] + EXTRA_TEXTS


@pytest.mark.model
def test_pipe_two_processes_equal_sequential_extraction(
    extractor: QuoteExtractor, example_paths: list[Path]
) -> None:
    texts = _texts(example_paths)
    expected = [extractor.extract(t) for t in texts]
    assert sum(map(len, expected)) > 20
    got = list(extractor.pipe(texts, batch_size=2, n_process=2))
    assert got == expected


@pytest.mark.model
def test_pipe_two_processes_fast_and_chunked_equal_extract(
    nlp: Language, example_paths: list[Path]
) -> None:
    texts = _texts(example_paths)
    texts.append("\n\n".join(texts[:3] * 2))  # longer than chunk_chars: chunked
    extractor = QuoteExtractor(nlp, settings=Settings(fast=True, chunk_chars=2000))
    expected = [extractor.extract(t) for t in texts]
    assert len(expected[-1]) == 2 * sum(map(len, expected[:3]))
    assert list(extractor.pipe(texts, batch_size=3, n_process=2)) == expected
    assert list(extractor.pipe(texts, batch_size=3)) == expected


@pytest.mark.model
def test_pipe_two_processes_reraise_a_bad_input(extractor: QuoteExtractor) -> None:
    with pytest.raises(TypeError, match="int"):
        list(extractor.pipe(["fine", 3], batch_size=1, n_process=2))  # type: ignore[list-item]


@pytest.mark.model
@pytest.mark.parametrize("n_process", [1, 2])
def test_pipe_reads_its_input_lazily(extractor: QuoteExtractor, n_process: int) -> None:
    consumed = 0

    def endless() -> Iterator[str]:
        nonlocal consumed
        while True:
            consumed += 1
            yield '"Yes," Ann Lee said.'

    batch_size = 4
    first = list(islice(extractor.pipe(endless(), batch_size=batch_size, n_process=n_process), 3))
    assert [q[0].speaker.name for q in first if q[0].speaker] == ["Ann Lee"] * 3
    # at most the batches in flight: one for spaCy's pipe, 2 * n_process for the workers
    assert consumed <= batch_size * (2 * n_process + 2)


def test_pipe_import_loads_no_model() -> None:
    code = (
        "import sys, quoteattr, quoteattr.pipeline as p\n"
        "assert p.load_default_pipeline.cache_info().currsize == 0\n"
        "loaded = [m for m in sys.modules if m.startswith('en_core_web')]\n"
        "assert not loaded, loaded\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


@pytest.mark.model
def test_pipe_default_pipeline_is_loaded_once() -> None:
    import quoteattr.pipeline

    loads = quoteattr.pipeline.load_default_pipeline.cache_info().misses
    first = QuoteExtractor().nlp
    second = QuoteExtractor().nlp
    assert first is second
    assert quoteattr.pipeline.load_default_pipeline.cache_info().misses <= loads + 1


@pytest.mark.model
def test_pipe_without_fork_uses_spacy_workers(
    extractor: QuoteExtractor, example_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import quoteattr.runner

    monkeypatch.setattr(quoteattr.runner, "can_fork", lambda: False)
    texts = _texts(example_paths)
    assert list(extractor.pipe(texts, batch_size=2, n_process=2)) == [
        extractor.extract(t) for t in texts
    ]


@pytest.mark.model
def test_pipe_parses_one_chunk_of_a_long_text_at_a_time(
    nlp: Language, example_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    article = "\n\n".join(p.read_text(encoding="utf-8").strip() for p in example_paths)
    long_text = "\n\n".join([article] * 6)  # about 23,000 characters
    extractor = QuoteExtractor(nlp, settings=Settings(chunk_chars=4000))
    expected = [extractor.extract(long_text), extractor.extract(EXTRA_TEXTS[0])]
    batches: list[list[int]] = []
    real_pipe = nlp.pipe

    def recording_pipe(docs, **kwargs):  # type: ignore[no-untyped-def]
        if kwargs.get("as_tuples"):  # the runner's call (spaCy calls itself without tuples)
            docs = list(docs)
            batches.append([len(doc.text) for doc, _ in docs])
        return real_pipe(docs, **kwargs)

    monkeypatch.setattr(nlp, "pipe", recording_pipe)
    got = list(extractor.pipe([long_text, EXTRA_TEXTS[0], EXTRA_TEXTS[2]], batch_size=16))
    assert got[:2] == expected and got[2] == []
    chunks = [b for b in batches if max(b) >= 4000]
    assert len(chunks) >= 5 and all(len(b) == 1 for b in chunks)  # never two chunks at once
    assert sum(len(b) for b in batches) == len(extractor._pieces(long_text)) + 2
