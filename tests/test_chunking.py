"""Paragraph chunks for long documents: the plan (pure text) and extraction (model)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from pydantic import ValidationError
from spacy.language import Language

from quoteattr import QuoteExtractor, Settings
from quoteattr.lang.en import EN_LEXICON
from quoteattr.models import Quote
from quoteattr.stages.chunking import Chunk, Piece, plan_chunks, safe_borders
from quoteattr.stages.quote_spans import find_quote_spans
from quoteattr.stages.segment import paragraph_bounds

MARKS_EN = EN_LEXICON.quote_marks

PARAGRAPH = "The council met on Monday. Nobody spoke for long.\n"


def _check_tiling(text: str, chunks: list[Chunk]) -> None:
    assert chunks[0].start == 0 and chunks[-1].end == len(text)
    for a, b in itertools.pairwise(chunks):
        assert a.end == b.start
    for c in chunks:
        assert c.context_start <= c.start < c.end


def test_chunking_short_text_is_one_chunk() -> None:
    text = PARAGRAPH * 3
    assert plan_chunks(text, len(text), MARKS_EN) == [Chunk(0, 0, len(text))]


def test_chunking_borders_are_paragraph_starts_within_the_size() -> None:
    text = PARAGRAPH * 40  # 50 characters a paragraph
    chunks = plan_chunks(text, 500, MARKS_EN, context_chars=100)
    _check_tiling(text, chunks)
    starts = {s for s, _ in paragraph_bounds(text)}
    assert len(PARAGRAPH) == 50
    assert [c.end - c.start for c in chunks] == [500] * 4
    assert all(c.start in starts for c in chunks)
    # context: whole paragraphs, at least 100 characters, never from before the text
    assert [c.start - c.context_start for c in chunks] == [0, 100, 100, 100]
    assert all(c.context_start in starts for c in chunks)


def test_chunking_never_cuts_a_multi_paragraph_quotation() -> None:
    quote = '"First part of the statement.\n\n"Second part of it," she said.\n'
    text = PARAGRAPH * 8 + quote + PARAGRAPH * 8
    q_start = text.index('"First')
    q_end = text.index(',"') + 2
    border = 8 * len(PARAGRAPH) + quote.index('"Second')
    assert border in {s for s, _ in paragraph_bounds(text)}
    assert border not in safe_borders(text, find_quote_spans(text, MARKS_EN))
    for size in range(100, 700, 7):  # every size whose soft limit lands inside the quote
        chunks = plan_chunks(text, size, MARKS_EN, context_chars=60)
        _check_tiling(text, chunks)
        for c in chunks:
            assert not q_start < c.start < q_end
            assert not q_start < c.context_start < q_end


def test_chunking_safe_borders_exclude_paragraphs_inside_quotations() -> None:
    text = 'A.\n"B.\n\n"C."\nD.'
    spans = find_quote_spans(text, MARKS_EN)
    assert [(s.outer_start, s.outer_end) for s in spans if s.depth == 0] == [(3, 12)]
    assert safe_borders(text, find_quote_spans(text, MARKS_EN)) == [3, 13]


def test_chunking_long_paragraph_is_cut_within_the_hard_size() -> None:
    text = "word " * 1000  # one paragraph of 5000 characters
    chunks = plan_chunks(text, 400, MARKS_EN, max_chars=800, context_chars=0)
    _check_tiling(text, chunks)
    assert all(c.end - c.context_start <= 800 for c in chunks)
    assert all(text[c.start - 1] == " " for c in chunks[1:])


def test_chunking_rejects_nonpositive_size() -> None:
    with pytest.raises(ValueError, match="chunk_chars"):
        plan_chunks("abc", 0, MARKS_EN)


def test_chunking_settings_validate_chunk_chars() -> None:
    with pytest.raises(ValidationError, match="chunk_chars"):
        Settings(chunk_chars=10)
    assert Settings(chunk_chars=5000).chunk_chars == 5000


def test_chunking_piece_maps_offsets_back() -> None:
    text = "abc\ndef\nghi"
    piece = Piece.of_chunk(text, Chunk(4, 8, 11))
    assert piece.text == "def\nghi"
    assert piece.to_original(0) == 4 and piece.to_original(7, end=True) == 11
    assert piece.to_local(8) == 4
    assert not piece.whole and Piece(text, (0,), (0,), 0, len(text)).whole


# ------------------------------------------------------------ with the model


def _key(q: Quote) -> tuple[object, ...]:
    speaker = q.speaker.name if q.speaker else None
    cue = (q.cue.text, q.cue.start) if q.cue else None
    return (q.text, q.start, q.end, q.type, cue, speaker)


def _articles(example_paths: list[Path]) -> list[str]:
    return [p.read_text(encoding="utf-8").strip() for p in example_paths]


@pytest.mark.model
def test_chunking_chunked_equals_unchunked(nlp: Language, example_paths: list[Path]) -> None:
    text = "\n\n".join(_articles(example_paths) * 3)
    whole = QuoteExtractor(nlp)
    chunked = QuoteExtractor(nlp, settings=Settings(chunk_chars=1500))
    assert len(chunked._pieces(text)) >= 6
    expected = whole.extract(text)
    got = chunked.extract(text)
    assert len(expected) > 20
    assert got == expected  # offsets, sentences, paragraphs, speaker ids and names
    assert all(text[q.start : q.end] == q.text for q in got)


@pytest.mark.model
def test_chunking_repeated_article_gives_the_article_quotes_shifted(
    nlp: Language, example_paths: list[Path]
) -> None:
    article = _articles(example_paths)[0]
    sep = "\n\n"
    n = 5
    text = sep.join([article] * n)
    one = QuoteExtractor(nlp).extract(article)
    assert one
    chunked = QuoteExtractor(nlp, settings=Settings(chunk_chars=len(article) + 10))
    assert len(chunked._pieces(text)) == n
    got = chunked.extract(text)
    step = len(article) + len(sep)
    expected = []
    for k in range(n):
        for q in one:
            shifted = q.model_copy(update={"start": q.start + k * step, "end": q.end + k * step})
            cue = (q.cue.text, q.cue.start + k * step) if q.cue else None
            expected.append((*_key(shifted)[:4], cue, _key(q)[5]))
    assert [_key(q) for q in got] == expected
    ids = {q.speaker.name: q.speaker.id for q in got if q.speaker}
    assert all(q.speaker is None or q.speaker.id == ids[q.speaker.name] for q in got)
    assert sorted(ids.values()) == list(range(len(ids)))


@pytest.mark.model
def test_chunking_quote_across_a_would_be_border_is_whole(nlp: Language) -> None:
    filler = "The council met on Monday to review the plan.\n" * 12
    quote = (
        'Mayor Ann Lee said: "We will rebuild the bridge this year.\n'
        '"And we will pay for it without new taxes," she added.\n'
    )
    text = filler + quote + filler
    size = len(filler) + quote.index('"And') + 5  # the soft limit lands inside the quotation
    chunked = QuoteExtractor(nlp, settings=Settings(chunk_chars=size))
    pieces = chunked._pieces(text)
    q_start, q_end = text.index('"We'), text.index('," she')
    assert len(pieces) >= 2
    assert not any(q_start < p.own_start <= q_end for p in pieces)
    whole = QuoteExtractor(nlp).extract(text)
    got = chunked.extract(text)
    assert got == whole
    starts = [q.start for q in got]
    assert text.index("We will rebuild") in starts


@pytest.mark.model
def test_chunking_text_longer_than_max_length(load_fresh_model, example_paths) -> None:  # type: ignore[no-untyped-def]
    nlp = load_fresh_model()
    nlp.max_length = 3000
    article = _articles(example_paths)[1]
    text = "\n\n".join([article] * 6)
    assert len(text) > nlp.max_length
    extractor = QuoteExtractor(nlp)
    pieces = extractor._pieces(text)
    assert all(len(p.text) <= nlp.max_length for p in pieces)
    got = extractor.extract(text)
    one = QuoteExtractor(nlp).extract(article)
    assert len(got) == 6 * len(one)
    assert all(text[q.start : q.end] == q.text for q in got)
    assert [q.paragraph for q in got] == sorted(q.paragraph for q in got)


@pytest.mark.model
def test_chunking_speakers_merge_across_chunks(nlp: Language) -> None:
    filler = "The talks lasted three days in a hotel near the lake.\n" * 12
    text = (
        "Anthony Blinken told reporters that the talks had gone well.\n"
        + filler
        + '"We will keep talking," Blinken said.\n'
        + filler
        + "Wang Yi said that China wanted peace.\n"
    )
    chunked = QuoteExtractor(nlp, settings=Settings(chunk_chars=400))
    assert len(chunked._pieces(text)) >= 3
    got = chunked.extract(text)
    assert [(q.speaker.name, q.speaker.id) for q in got if q.speaker] == [
        ("Anthony Blinken", 0),
        ("Anthony Blinken", 0),
        ("Wang Yi", 1),
    ]
    assert got == QuoteExtractor(nlp).extract(text)


def test_chunking_forced_cut_prefers_the_end_of_a_quotation() -> None:
    blob = "x" * 3000
    text = 'Ann said "' + blob + '" and "B," Bo said.'
    chunks = plan_chunks(text, 1000, MARKS_EN, max_chars=2000, context_chars=0)
    _check_tiling(text, chunks)
    ends = sorted(q.outer_end for q in find_quote_spans(text, MARKS_EN) if q.depth == 0)
    assert ends == [text.index('" and') + 1, text.index('," Bo') + 2]
    # cut after the last quotation that fits (the next chunk starts outside all quotes)
    assert [c.start for c in chunks] == [0, 2000, ends[1]]
    assert all(c.end - c.context_start <= 2000 for c in chunks)
