"""Cost linear in document length, checked structurally (timings: benchmarks/linear_cost.py).

The parse is linear in the text it sees, so the work is linear when the text
processed for a document of n characters is at most ``c * n`` characters, in
pieces of bounded size (memory), whatever n is.
"""

from __future__ import annotations

import itertools

import pytest
import spacy

from quoteattr import QuoteExtractor, Settings
from quoteattr.lang.en import EN_LEXICON
from quoteattr.stages.chunking import LOOKAHEAD_CHARS, plan_chunks

MARKS_EN = EN_LEXICON.quote_marks

ARTICLE = (
    'Mayor Ann Lee said on Monday that the bridge would reopen. "We are ready," she said.\n'
    "Work crews finished the repairs ahead of time, officials said.\n"
    '"This is a good day," said Bo Tan, a resident.\n'
    "Traffic is expected to return to normal by Friday.\n"
)


@pytest.mark.parametrize("times", [10, 100, 1000])
def test_linear_cost_chunk_plan_is_linear_and_bounded(times: int) -> None:
    text = "\n".join([ARTICLE] * times)
    size, context = 2000, 250
    chunks = plan_chunks(text, size, MARKS_EN, max_chars=2 * size, context_chars=context)
    processed = sum(c.end - c.context_start for c in chunks)
    assert max(c.end - c.context_start for c in chunks) <= 2 * size  # memory bound
    assert all(c.end - c.start <= size for c in chunks)  # short paragraphs: soft size holds
    # work: every character once, plus at most 2 * context per chunk
    assert processed <= len(text) + len(chunks) * 2 * context
    assert len(chunks) <= len(text) // (size - len(ARTICLE)) + 1
    assert len(chunks) >= len(text) // size


@pytest.mark.parametrize("times", [10, 100, 1000])
def test_linear_cost_extractor_pieces_are_bounded(times: int) -> None:
    nlp = spacy.blank("en")
    nlp.max_length = 50_000
    text = "\n".join([ARTICLE] * times)
    for settings in (Settings(), Settings(fast=True), Settings(chunk_chars=5000)):
        extractor = QuoteExtractor(nlp, settings=settings, validate_pipeline=False)
        limit = min(settings.chunk_chars, (nlp.max_length - LOOKAHEAD_CHARS) // 2)
        pieces = extractor._pieces(text)
        assert max(len(p.text) for p in pieces) <= 2 * limit
        assert sum(len(p.text) for p in pieces) <= len(text) * 1.3
        owned = [(p.own_start, p.own_end) for p in pieces]
        assert owned[0][0] == 0 and owned[-1][1] == len(text)
        assert all(a[1] == b[0] for a, b in itertools.pairwise(owned))


def test_linear_cost_chunk_limit_stays_below_max_length() -> None:
    nlp = spacy.blank("en")
    nlp.max_length = 3000
    text = "\n".join([ARTICLE] * 200)
    extractor = QuoteExtractor(nlp, settings=Settings(chunk_chars=100_000), validate_pipeline=False)
    assert max(len(p.text) for p in extractor._pieces(text)) <= nlp.max_length
