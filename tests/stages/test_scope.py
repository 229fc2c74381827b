"""Unit tests of ``stages.scope``, ``stages.spans``, ``stages.layouts`` and ``attribute``
under both scopes, on hand-built Docs (no model).

Tokens are written as spaCy's English parser analyses them: (word, head, dep,
pos, tag, lemma, ent), heads absolute.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from quoteattr import Settings
from quoteattr.lang.en import EN_LEXICON
from quoteattr.stages.attribute import attribute
from quoteattr.stages.layouts import dash_names, transcript_lines
from quoteattr.stages.scope import Conventions, clausal, consistent, is_complementiser
from quoteattr.stages.segment import paragraph_bounds
from quoteattr.stages.spans import contains, overlap, overlaps
from quoteattr.types import Candidate, CueMatch, Mention, QuoteSpan

Tok = tuple[str, int, str, str, str, str, str]

# fmt: off
SENTENCES: dict[str, list[Tok]] = {
    # Lee said the talks will resume.
    "said_clause": [
        ("Lee", 1, "nsubj", "PROPN", "NNP", "Lee", "B-PERSON"),
        ("said", 1, "ROOT", "VERB", "VBD", "say", "O"),
        ("the", 3, "det", "DET", "DT", "the", "O"),
        ("talks", 5, "nsubj", "NOUN", "NNS", "talk", "O"),
        ("will", 5, "aux", "AUX", "MD", "will", "O"),
        ("resume", 1, "ccomp", "VERB", "VB", "resume", "O"),
        (".", 1, "punct", "PUNCT", ".", ".", "O"),
    ],
    # Lee said that taxes rise.
    "said_that": [
        ("Lee", 1, "nsubj", "PROPN", "NNP", "Lee", "B-PERSON"),
        ("said", 1, "ROOT", "VERB", "VBD", "say", "O"),
        ("that", 4, "mark", "SCONJ", "IN", "that", "O"),
        ("taxes", 4, "nsubj", "NOUN", "NNS", "tax", "O"),
        ("rise", 1, "ccomp", "VERB", "VBP", "rise", "O"),
        (".", 1, "punct", "PUNCT", ".", ".", "O"),
    ],
    # Lee denied the report.
    "denied_np": [
        ("Lee", 1, "nsubj", "PROPN", "NNP", "Lee", "B-PERSON"),
        ("denied", 1, "ROOT", "VERB", "VBD", "deny", "O"),
        ("the", 3, "det", "DET", "DT", "the", "O"),
        ("report", 1, "dobj", "NOUN", "NN", "report", "O"),
        (".", 1, "punct", "PUNCT", ".", ".", "O"),
    ],
    # Lee plans to meet.
    "plans_to": [
        ("Lee", 1, "nsubj", "PROPN", "NNP", "Lee", "B-PERSON"),
        ("plans", 1, "ROOT", "VERB", "VBZ", "plan", "O"),
        ("to", 3, "aux", "PART", "TO", "to", "O"),
        ("meet", 1, "xcomp", "VERB", "VB", "meet", "O"),
        (".", 1, "punct", "PUNCT", ".", ".", "O"),
    ],
    # Lee accused the office of hiding costs.
    "accused_of": [
        ("Lee", 1, "nsubj", "PROPN", "NNP", "Lee", "B-PERSON"),
        ("accused", 1, "ROOT", "VERB", "VBD", "accuse", "O"),
        ("the", 3, "det", "DET", "DT", "the", "O"),
        ("office", 1, "dobj", "NOUN", "NN", "office", "O"),
        ("of", 1, "prep", "ADP", "IN", "of", "O"),
        ("hiding", 4, "pcomp", "VERB", "VBG", "hide", "O"),
        ("costs", 5, "dobj", "NOUN", "NNS", "cost", "O"),
        (".", 1, "punct", "PUNCT", ".", ".", "O"),
    ],
}
# fmt: on
CUES = {
    "said_clause": CueMatch(1, 2, 1, "say", "statement", "verb", True),
    "said_that": CueMatch(1, 2, 1, "say", "statement", "verb", True),
    "denied_np": CueMatch(1, 2, 1, "deny", "denial", "verb", False),
    "plans_to": CueMatch(1, 2, 1, "plan", "belief", "verb", False),
    "accused_of": CueMatch(1, 2, 1, "accuse", "accusation", "verb", False),
}
SPEECH = Conventions.from_settings(Settings())
ATTRIBUTIONS = Conventions.from_settings(Settings(scope="attributions"))


@pytest.fixture
def sent(make_doc):  # type: ignore[no-untyped-def]
    def build(name: str) -> Doc:
        words, heads, deps, pos, tags, lemmas, ents = zip(*SENTENCES[name], strict=True)
        return make_doc(words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas, ents=ents)

    return build


@pytest.mark.parametrize(
    ("name", "start", "end", "cls", "expected"),
    [
        ("said_clause", 2, 6, "statement", True),
        ("denied_np", 2, 4, "denial", False),
        ("plans_to", 2, 4, "belief", False),
        ("accused_of", 2, 7, "accusation", True),
        ("accused_of", 2, 7, "statement", False),
    ],
)
def test_scope_clausal(sent, name: str, start: int, end: int, cls: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    assert clausal(sent(name), start, end, cls, lexicon=EN_LEXICON) is expected


def _contents(doc: Doc, name: str, conv: Conventions) -> list[tuple[str, str]]:
    paragraphs = paragraph_bounds(doc.text)
    cands = attribute(doc, [], [CUES[name]], paragraphs, lexicon=EN_LEXICON, conventions=conv)
    return [(doc.text[c.start : c.end], c.rule) for c in cands]


@pytest.mark.parametrize(
    ("name", "speech", "attributions"),
    [
        ("said_clause", [("the talks will resume", "verb_content")], None),
        ("denied_np", [], [("the report", "verb_content")]),
        ("plans_to", [], [("to meet", "verb_content")]),
        ("accused_of", [("the office of hiding costs", "verb_content")], None),
    ],
)
def test_scope_attribute_contents_by_scope(  # type: ignore[no-untyped-def]
    sent, name: str, speech: list[tuple[str, str]], attributions: list[tuple[str, str]] | None
) -> None:
    doc = sent(name)
    assert _contents(doc, name, SPEECH) == speech
    assert _contents(doc, name, ATTRIBUTIONS) == (speech if attributions is None else attributions)


def test_scope_complementiser_switch(sent) -> None:  # type: ignore[no-untyped-def]
    doc = sent("said_that")
    assert _contents(doc, "said_that", ATTRIBUTIONS) == [("that taxes rise", "verb_content")]
    assert _contents(doc, "said_that", SPEECH) == [("taxes rise", "verb_content")]
    without = Conventions(complementiser=False)
    assert _contents(doc, "said_that", without) == [("taxes rise", "verb_content")]


def test_scope_conventions_from_settings() -> None:
    assert (SPEECH.object_contents, SPEECH.sourceless, SPEECH.nested) == (False, False, False)
    assert (ATTRIBUTIONS.object_contents, ATTRIBUTIONS.sourceless) == (True, True)
    assert ATTRIBUTIONS.nested is True
    assert SPEECH.classes is not None and "belief" not in SPEECH.classes
    assert Conventions.from_settings(Settings(nested=True)).in_quotes is True


def test_scope_verb_cue_class_follows_cue_classes() -> None:
    conv = Conventions.from_settings(
        Settings(cue_classes=frozenset({"denial"})), {"think": "belief", "deny": "denial"}
    )
    assert [conv.verb_cue_class(v) for v in ("beam", "think", "deny")] == [None, None, "denial"]
    speech = Conventions.from_settings(Settings(), {"think": "belief"})
    assert [speech.verb_cue_class(v) for v in ("beam", "think")] == ["statement", None]


_M = Mention(0, 3, 0, "name", "PERSON")


def _cand(start: int, end: int, rule: str = "verb_content") -> Candidate:
    return Candidate(start, end, None, _M, rule)


# '...said: "AB CD", adding that EF GH.' -- the quotation's content is 10..15, marks 9 and 15
_QUOTE = QuoteSpan(10, 15, 9, 15, 0, 0)


@pytest.mark.parametrize(
    ("cands", "nested", "expected"),
    [
        # a content that takes in the closing mark without the opening one stops before it
        ([_cand(10, 16)], False, [(10, 15)]),
        # the same quotation twice: one is kept
        ([_cand(10, 16), _cand(10, 15, "quote_cue")], True, [(10, 15)]),
        # partly overlapping: the one with the quotation is kept, in both modes
        ([_cand(10, 15, "quote_cue"), _cand(12, 30)], False, [(10, 15)]),
        ([_cand(10, 15, "quote_cue"), _cand(12, 30)], True, [(10, 15)]),
        # wholly inside another's content: dropped unless nested
        ([_cand(20, 40), _cand(25, 30)], False, [(20, 40)]),
        ([_cand(20, 40), _cand(25, 30)], True, [(20, 40), (25, 30)]),
        # apart: both kept
        ([_cand(10, 15, "quote_cue"), _cand(20, 40)], False, [(10, 15), (20, 40)]),
    ],
)
def test_scope_consistent(
    cands: list[Candidate], nested: bool, expected: list[tuple[int, int]]
) -> None:
    assert [(c.start, c.end) for c in consistent(cands, [_QUOTE], nested=nested)] == expected


def test_spans_helpers() -> None:
    assert (overlaps((0, 5), (4, 9)), overlaps((0, 5), (5, 9))) == (True, False)
    assert (overlap((0, 5), (3, 9)), overlap((0, 2), (3, 9))) == (2, 0)
    assert (contains((0, 9), (2, 5)), contains((2, 5), (0, 9))) == (True, False)


def test_layouts_dash_name(make_doc) -> None:  # type: ignore[no-untyped-def]
    words = ['"', "No", ".", '"', "—", "Jane", "Smith", ",", "editor"]
    spaces = [False, False, False, True, True, True, False, True, False]
    ents = ["O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O"]
    doc = make_doc(words, spaces=spaces, ents=ents)
    quote = QuoteSpan(1, 4, 0, 4, 0, 0)
    found = dash_names(doc, doc.text, [quote], EN_LEXICON)
    assert [
        (c.start, c.end, doc.text[c.mention.start : c.mention.end]) for c in found if c.mention
    ] == [(1, 4, "Jane Smith")]


def test_layouts_transcript_needs_two_names(make_doc) -> None:  # type: ignore[no-untyped-def]
    words = ["HOLT", ":", "Why", "?", "\n\n", "MARKS", ":", "Because", "."]
    spaces = [False, True, False, False, False, False, True, False, False]
    doc = make_doc(words, spaces=spaces)
    text = doc.text
    found = transcript_lines(doc, text, paragraph_bounds(text), [], EN_LEXICON)
    assert [(text[c.start : c.end], c.rule) for c in found] == [
        ("Why?", "transcript"),
        ("Because.", "transcript"),
    ]
    one = make_doc(["HOLT", ":", "Why", "?"], spaces=[False, True, False, False])
    assert transcript_lines(one, one.text, paragraph_bounds(one.text), [], EN_LEXICON) == []


@pytest.mark.parametrize(
    ("words", "heads", "deps", "expected"),
    [
        # He said that taxes rise
        (
            ["He", "said", "that", "taxes", "rise"],
            [1, 1, 4, 4, 1],
            ["nsubj", "ROOT", "mark", "nsubj", "ccomp"],
            True,
        ),
        # He said that his side won: "that" misparsed as the object of "won"
        (
            ["He", "said", "that", "his", "side", "won"],
            [1, 1, 5, 4, 5, 1],
            ["nsubj", "ROOT", "dobj", "poss", "nsubj", "ccomp"],
            True,
        ),
        # He said that was wrong: "that" is the subject
        (
            ["He", "said", "that", "was", "wrong"],
            [1, 1, 3, 1, 3],
            ["nsubj", "ROOT", "nsubj", "ccomp", "acomp"],
            False,
        ),
        # He denied that: "that" is the object, no clause follows
        (["He", "denied", "that"], [1, 1, 1], ["nsubj", "ROOT", "dobj"], False),
    ],
)
def test_scope_is_complementiser(en_vocab, words, heads, deps, expected) -> None:  # type: ignore[no-untyped-def]
    doc = Doc(en_vocab, words=words, heads=heads, deps=deps)
    assert is_complementiser(doc[2], lexicon=EN_LEXICON) is expected
