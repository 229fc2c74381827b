"""Fast mode: sentence selection (pure text) and extraction against full mode (model)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from quoteattr import QuoteExtractor, Settings
from quoteattr.lang.en import EN_LEXICON
from quoteattr.lexicon import Lexicon
from quoteattr.models import Quote
from quoteattr.stages.chunking import Chunk, Piece
from quoteattr.stages.selection import SentenceSelector, cue_forms, sentence_starts

LEXICON = Lexicon(
    verbs={"say": "statement", "tell": "statement", "deny": "denial"},
    verb_phrases={"point out": "statement"},
    fixed_phrases={"according to": "source"},
    noun_determiners=EN_LEXICON.noun_determiners,
    antecedent_pronouns=EN_LEXICON.antecedent_pronouns,
    quote_marks=EN_LEXICON.quote_marks,
)


def _segments_match(text: str, piece: Piece) -> None:
    """Every copied segment of the piece is the original text at its origin."""
    ends = [*piece.starts[1:], len(piece.text)]
    for start, end, origin in zip(piece.starts, ends, piece.origins, strict=True):
        segment = piece.text[start:end].rstrip(" \n")
        assert text[origin : origin + len(segment)] == segment


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Lee spoke. Then he left.\nNew line", [0, 15, 29]),
        ('He won. "We did it," she said! Next? Yes.', [0, 8, 31, 37]),
        ("J. R. Smith arrived at 5 p.m. today. It rained.", [0, 37]),
        ("The U.S. Senate met. Sen. Ann Lee voted no.", [0, 21]),
        ("", []),
    ],
)
def test_fast_mode_sentence_starts(text: str, expected: list[int]) -> None:
    assert sentence_starts(text, EN_LEXICON.abbreviations) == expected


def test_fast_mode_cue_forms_inflect_and_add_exceptions() -> None:
    assert cue_forms(["deny"]) == {
        "deny", "denys", "denyes", "denyed", "denying", "denyd", "denies", "denied",
    }  # fmt: skip
    forms = cue_forms(["tell", "quote"], {"told": ["tell"], "went": ["go"]})
    assert {"told", "tells", "telling", "quoted", "quoting", "quotes"} <= forms
    assert "went" not in forms


def test_fast_mode_selects_quotes_cues_and_the_sentence_before() -> None:
    text = (
        "Rain fell all day. The river rose fast. Ann Lee denied it. Boats sank.\n"
        "Trains ran late. Crowds waited. The mayor pointed the finger at them.\n"
        'Shops closed early. "Stay home." Roads were empty. Cars stalled.\n'
        "Prices rose. According to Bo Tan, it was bad. Nobody slept."
    )
    selector = SentenceSelector(LEXICON, exceptions={"said": ["say"]})
    piece = selector.select(text, Chunk(0, 0, len(text)))
    assert piece.text == (
        "The river rose fast. Ann Lee denied it.\n"
        'Shops closed early. "Stay home."\n'
        "Prices rose. According to Bo Tan, it was bad."
    )
    assert piece.origins == (19, 141, 206)
    assert (piece.own_start, piece.own_end) == (0, len(text))
    _segments_match(text, piece)
    # "pointed the finger" holds "point" but not "out": no cue candidate


def test_fast_mode_keeps_every_sentence_of_a_multi_sentence_quotation() -> None:
    text = 'Intro here. Weather was fine. "One. Two. Three." Then silence. More silence.'
    piece = SentenceSelector(LEXICON).select(text, Chunk(0, 0, len(text)))
    assert piece.text == 'Weather was fine. "One. Two. Three."'
    _segments_match(text, piece)


def test_fast_mode_nothing_selected_gives_an_empty_piece() -> None:
    text = "Rain fell. Rivers rose."
    piece = SentenceSelector(LEXICON).select(text, Chunk(0, 0, len(text)))
    assert piece.text == ""


def test_fast_mode_setting_round_trips() -> None:
    settings = Settings(fast=True)
    assert settings.fast and Settings.model_validate(settings.model_dump()) == settings
    assert Settings().fast is False


# ------------------------------------------------------------ with the model


def _key(q: Quote) -> tuple[object, ...]:
    speaker = (q.speaker.name, q.speaker.mention.start, q.speaker.id) if q.speaker else None
    cue = (q.cue.text, q.cue.start, q.cue.cue_class) if q.cue else None
    return (q.text, q.start, q.end, q.type, cue, speaker, q.paragraph, q.rule)


@pytest.mark.model
def test_fast_mode_matches_full_mode_on_the_examples(
    nlp: Language, extractor: QuoteExtractor, example_paths: list[Path]
) -> None:
    fast = QuoteExtractor(nlp, settings=Settings(fast=True))
    total = 0
    for path in example_paths:
        text = path.read_text(encoding="utf-8")
        full_quotes = extractor.extract(text)
        fast_quotes = fast.extract(text)
        assert [_key(q) for q in fast_quotes] == [_key(q) for q in full_quotes]
        assert all(text[q.start : q.end] == q.text for q in fast_quotes)
        total += len(fast_quotes)
        assert len(fast._pieces(text)[0].text) < len(text)  # something was skipped
    assert total >= 20


@pytest.mark.model
def test_fast_mode_skips_sentences_without_cues(nlp: Language) -> None:
    filler = "The river rose after days of rain. Boats were tied up at the pier. "
    text = filler * 3 + '"We are ready," Mayor Ann Lee said. ' + filler * 3
    fast = QuoteExtractor(nlp, settings=Settings(fast=True))
    piece = fast._pieces(text)[0]
    assert piece.text == 'Boats were tied up at the pier. "We are ready," Mayor Ann Lee said.'
    quotes = fast.extract(text)
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("We are ready", "Ann Lee")
    ]
    assert quotes[0].start == text.index("We are")


def test_fast_mode_cue_word_after_an_article_is_a_noun() -> None:
    lexicon = Lexicon(
        verbs={"state": "statement", "support": "statement"},
        noun_determiners=EN_LEXICON.noun_determiners,  # read from the lexicon given
    )
    text = "The state budget grew. Officials state it is fine. His support was firm."
    piece = SentenceSelector(lexicon, context=0).select(text, Chunk(0, 0, len(text)))
    assert piece.text == "Officials state it is fine."


def test_fast_mode_named_speaker_needs_no_context() -> None:
    text = "Rain fell all day. Ann Lee denied the report. Boats sank. He says so."
    piece = SentenceSelector(LEXICON).select(text, Chunk(0, 0, len(text)))
    assert piece.text == "Ann Lee denied the report. Boats sank. He says so."
    _segments_match(text, piece)
