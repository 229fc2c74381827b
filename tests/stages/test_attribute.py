"""Unit tests of ``attribute`` and of the contents in parts, on hand-built Docs (no model).

Each invented sentence is written token by token as en_core_web_sm 3.8 parses it
(see ``Tok`` in tests/conftest.py), with the spaces the tokenizer found where quotation marks
or line breaks make them matter.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc
from test_attribution_units import CUES, SENTENCES

from quoteattr.lang.en import EN_LEXICON
from quoteattr.lexicon import Lexicon
from quoteattr.settings import Settings
from quoteattr.stages.attribute import CUE_RULES, PASSES, attribute
from quoteattr.stages.content import NO_CONTENT, STRATEGIES, CueFrame, content_span
from quoteattr.stages.context import Context
from quoteattr.stages.cues import CueFinder
from quoteattr.stages.links import LINK_RULES, Link, link
from quoteattr.stages.mentions import mention_for
from quoteattr.stages.parts import (
    as_clause_parts,
    interjected_parts,
    relative_parts,
    sourceless_parts,
)
from quoteattr.stages.quote_spans import find_quote_spans
from quoteattr.stages.scope import Conventions
from quoteattr.stages.segment import paragraph_bounds
from quoteattr.stages.trees import TREE_PATTERNS, anchored_matches
from quoteattr.types import Candidate, CueMatch

MARKS_EN = EN_LEXICON.quote_marks

SAY = "statement"

# fmt: off
ROWS = {
    # When the rules change, Ortiz said, farmers must adapt.
    "interjected": [
        ("When", 3, "advmod", "SCONJ", "WRB", "when", "O"),
        ("the", 2, "det", "DET", "DT", "the", "O"),
        ("rules", 3, "nsubj", "NOUN", "NNS", "rule", "O"),
        ("change", 10, "advcl", "VERB", "VBP", "change", "O"),
        (",", 6, "punct", "PUNCT", ",", ",", "O"),
        ("Ortiz", 6, "nsubj", "PROPN", "NNP", "Ortiz", "B-PERSON"),
        ("said", 10, "parataxis", "VERB", "VBD", "say", "O"),
        (",", 6, "punct", "PUNCT", ",", ",", "O"),
        ("farmers", 10, "nsubj", "NOUN", "NNS", "farmer", "O"),
        ("must", 10, "aux", "AUX", "MD", "must", "O"),
        ("adapt", 10, "ROOT", "VERB", "VB", "adapt", "O"),
        (".", 10, "punct", "PUNCT", ".", ".", "O"),
    ],
    # Still, he said, the vote will pass.
    "interjected_connective": [
        ("Still", 8, "advmod", "ADV", "RB", "still", "O"),
        (",", 3, "punct", "PUNCT", ",", ",", "O"),
        ("he", 3, "nsubj", "PRON", "PRP", "he", "O"),
        ("said", 8, "parataxis", "VERB", "VBD", "say", "O"),
        (",", 3, "punct", "PUNCT", ",", ",", "O"),
        ("the", 6, "det", "DET", "DT", "the", "O"),
        ("vote", 8, "nsubj", "NOUN", "NN", "vote", "O"),
        ("will", 8, "aux", "AUX", "MD", "will", "O"),
        ("pass", 8, "ROOT", "VERB", "VB", "pass", "O"),
        (".", 8, "punct", "PUNCT", ".", ".", "O"),
    ],
    # The mayor criticized the law, which he believes will fail.
    "relative_subject": [
        ("The", 1, "det", "DET", "DT", "the", "O"),
        ("mayor", 2, "nsubj", "NOUN", "NN", "mayor", "O"),
        ("criticized", 2, "ROOT", "VERB", "VBD", "criticize", "O"),
        ("the", 4, "det", "DET", "DT", "the", "O"),
        ("law", 2, "dobj", "NOUN", "NN", "law", "O"),
        (",", 4, "punct", "PUNCT", ",", ",", "O"),
        ("which", 10, "nsubj", "PRON", "WDT", "which", "O"),
        ("he", 8, "nsubj", "PRON", "PRP", "he", "O"),
        ("believes", 4, "relcl", "VERB", "VBZ", "believe", "O"),
        ("will", 10, "aux", "AUX", "MD", "will", "O"),
        ("fail", 8, "ccomp", "VERB", "VB", "fail", "O"),
        (".", 2, "punct", "PUNCT", ".", ".", "O"),
    ],
    # She repeated the allegations, which he has denied.
    "relative_object": [
        ("She", 1, "nsubj", "PRON", "PRP", "she", "O"),
        ("repeated", 1, "ROOT", "VERB", "VBD", "repeat", "O"),
        ("the", 3, "det", "DET", "DT", "the", "O"),
        ("allegations", 1, "dobj", "NOUN", "NNS", "allegation", "O"),
        (",", 3, "punct", "PUNCT", ",", ",", "O"),
        ("which", 8, "dobj", "PRON", "WDT", "which", "O"),
        ("he", 8, "nsubj", "PRON", "PRP", "he", "O"),
        ("has", 8, "aux", "AUX", "VBZ", "have", "O"),
        ("denied", 3, "relcl", "VERB", "VBN", "deny", "O"),
        (".", 1, "punct", "PUNCT", ".", ".", "O"),
    ],
    # As the Herald reported, the mayor would need more votes.
    "as_before": [
        ("As", 3, "mark", "SCONJ", "IN", "as", "O"),
        ("the", 2, "det", "DET", "DT", "the", "O"),
        ("Herald", 3, "nsubj", "PROPN", "NNP", "Herald", "B-ORG"),
        ("reported", 8, "advcl", "VERB", "VBD", "report", "O"),
        (",", 8, "punct", "PUNCT", ",", ",", "O"),
        ("the", 6, "det", "DET", "DT", "the", "O"),
        ("mayor", 8, "nsubj", "NOUN", "NN", "mayor", "O"),
        ("would", 8, "aux", "AUX", "MD", "would", "O"),
        ("need", 8, "ROOT", "VERB", "VB", "need", "O"),
        ("more", 10, "amod", "ADJ", "JJR", "more", "O"),
        ("votes", 8, "dobj", "NOUN", "NNS", "vote", "O"),
        (".", 8, "punct", "PUNCT", ".", ".", "O"),
    ],
    # The plan will fail, as Lee noted.
    "as_after": [
        ("The", 1, "det", "DET", "DT", "the", "O"),
        ("plan", 3, "nsubj", "NOUN", "NN", "plan", "O"),
        ("will", 3, "aux", "AUX", "MD", "will", "O"),
        ("fail", 3, "ROOT", "VERB", "VB", "fail", "O"),
        (",", 3, "punct", "PUNCT", ",", ",", "O"),
        ("as", 7, "mark", "SCONJ", "IN", "as", "O"),
        ("Lee", 7, "nsubj", "PROPN", "NNP", "Lee", "B-PERSON"),
        ("noted", 3, "advcl", "VERB", "VBD", "note", "O"),
        (".", 3, "punct", "PUNCT", ".", ".", "O"),
    ],
    # Lee is expected to win the race.
    "expected": [
        ("Lee", 2, "nsubjpass", "PROPN", "NNP", "Lee", "B-PERSON"),
        ("is", 2, "auxpass", "AUX", "VBZ", "be", "O"),
        ("expected", 2, "ROOT", "VERB", "VBN", "expect", "O"),
        ("to", 4, "aux", "PART", "TO", "to", "O"),
        ("win", 2, "xcomp", "VERB", "VB", "win", "O"),
        ("the", 6, "det", "DET", "DT", "the", "O"),
        ("race", 4, "dobj", "NOUN", "NN", "race", "O"),
        (".", 2, "punct", "PUNCT", ".", ".", "O"),
    ],
    # Lee is expected by analysts to win.
    "expected_by": [
        ("Lee", 2, "nsubjpass", "PROPN", "NNP", "Lee", "B-PERSON"),
        ("is", 2, "auxpass", "AUX", "VBZ", "be", "O"),
        ("expected", 2, "ROOT", "VERB", "VBN", "expect", "O"),
        ("by", 2, "agent", "ADP", "IN", "by", "O"),
        ("analysts", 3, "pobj", "NOUN", "NNS", "analyst", "O"),
        ("to", 6, "aux", "PART", "TO", "to", "O"),
        ("win", 2, "xcomp", "VERB", "VB", "win", "O"),
        (".", 2, "punct", "PUNCT", ".", ".", "O"),
    ],
    # Lee seemed to tire.
    "seemed": [
        ("Lee", 1, "nsubj", "PROPN", "NNP", "Lee", "B-PERSON"),
        ("seemed", 1, "ROOT", "VERB", "VBD", "seem", "O"),
        ("to", 3, "aux", "PART", "TO", "to", "O"),
        ("tire", 1, "xcomp", "VERB", "VB", "tire", "O"),
        (".", 1, "punct", "PUNCT", ".", ".", "O"),
    ],
    # It appears that the plan works.
    "it_appears": [
        ("It", 1, "nsubj", "PRON", "PRP", "it", "O"),
        ("appears", 1, "ROOT", "VERB", "VBZ", "appear", "O"),
        ("that", 5, "mark", "SCONJ", "IN", "that", "O"),
        ("the", 4, "det", "DET", "DT", "the", "O"),
        ("plan", 5, "nsubj", "NOUN", "NN", "plan", "O"),
        ("works", 1, "ccomp", "VERB", "VBZ", "work", "O"),
        (".", 1, "punct", "PUNCT", ".", ".", "O"),
    ],
    # Lee appeared on television.
    "appeared_on": [
        ("Lee", 1, "nsubj", "PROPN", "NNP", "Lee", "B-PERSON"),
        ("appeared", 1, "ROOT", "VERB", "VBD", "appear", "O"),
        ("on", 1, "prep", "ADP", "IN", "on", "O"),
        ("television", 2, "pobj", "NOUN", "NN", "television", "O"),
        (".", 1, "punct", "PUNCT", ".", ".", "O"),
    ],
    # "Taxes will rise," Lee said. "Prices will climb too."
    "quote_then_more": [
        ('"', 7, "punct", "PUNCT", "``", '"', "O"),
        ("Taxes", 3, "nsubj", "NOUN", "NNS", "taxis", "B-ORG"),
        ("will", 3, "aux", "AUX", "MD", "will", "O"),
        ("rise", 7, "ccomp", "VERB", "VB", "rise", "O"),
        (",", 7, "punct", "PUNCT", ",", ",", "O"),
        ('"', 7, "punct", "PUNCT", "''", '"', "O"),
        ("Lee", 7, "nsubj", "PROPN", "NNP", "Lee", "B-PERSON"),
        ("said", 7, "ROOT", "VERB", "VBD", "say", "O"),
        (".", 7, "punct", "PUNCT", ".", ".", "O"),
        ('"', 12, "punct", "PUNCT", "``", '"', "O"),
        ("Prices", 12, "nsubj", "NOUN", "NNS", "price", "O"),
        ("will", 12, "aux", "AUX", "MD", "will", "O"),
        ("climb", 12, "ROOT", "VERB", "VB", "climb", "O"),
        ("too", 12, "advmod", "ADV", "RB", "too", "O"),
        (".", 12, "punct", "PUNCT", ".", ".", "O"),
        ('"', 12, "punct", "PUNCT", "''", '"', "O"),
    ],
    # Lee said that taxes "will rise sharply next year."
    "mixed": [
        ("Lee", 1, "nsubj", "PROPN", "NNP", "Lee", "B-PERSON"),
        ("said", 1, "ROOT", "VERB", "VBD", "say", "O"),
        ("that", 6, "mark", "SCONJ", "IN", "that", "O"),
        ("taxes", 6, "nsubj", "NOUN", "NNS", "taxis", "O"),
        ('"', 6, "punct", "PUNCT", "``", '"', "O"),
        ("will", 6, "aux", "AUX", "MD", "will", "O"),
        ("rise", 1, "ccomp", "VERB", "VB", "rise", "O"),
        ("sharply", 6, "advmod", "ADV", "RB", "sharply", "O"),
        ("next", 9, "amod", "ADJ", "JJ", "next", "B-DATE"),
        ("year", 6, "npadvmod", "NOUN", "NN", "year", "I-DATE"),
        (".", 1, "punct", "PUNCT", ".", ".", "O"),
        ('"', 1, "punct", "PUNCT", "''", '"', "O"),
    ],
    # Ann Lee said that taxes will rise.
    # "Prices will climb too, and wages will not."
    "quote_paragraph": [
        ("Ann", 1, "compound", "PROPN", "NNP", "Ann", "B-PERSON"),
        ("Lee", 2, "nsubj", "PROPN", "NNP", "Lee", "I-PERSON"),
        ("said", 2, "ROOT", "VERB", "VBD", "say", "O"),
        ("that", 6, "mark", "SCONJ", "IN", "that", "O"),
        ("taxes", 6, "nsubj", "NOUN", "NNS", "taxis", "O"),
        ("will", 6, "aux", "AUX", "MD", "will", "O"),
        ("rise", 2, "ccomp", "VERB", "VB", "rise", "O"),
        (".", 2, "punct", "PUNCT", ".", ".", "O"),
        ("\n", 7, "dep", "SPACE", "_SP", "\n", "O"),
        ('"', 12, "punct", "PUNCT", "``", '"', "O"),
        ("Prices", 12, "nsubj", "NOUN", "NNS", "price", "O"),
        ("will", 12, "aux", "AUX", "MD", "will", "O"),
        ("climb", 12, "ROOT", "VERB", "VB", "climb", "O"),
        ("too", 12, "advmod", "ADV", "RB", "too", "O"),
        (",", 12, "punct", "PUNCT", ",", ",", "O"),
        ("and", 12, "cc", "CCONJ", "CC", "and", "O"),
        ("wages", 17, "nsubj", "NOUN", "NNS", "wage", "O"),
        ("will", 12, "conj", "AUX", "MD", "will", "O"),
        ("not", 17, "neg", "PART", "RB", "not", "O"),
        (".", 17, "punct", "PUNCT", ".", ".", "O"),
        ('"', 17, "punct", "PUNCT", "''", '"', "O"),
    ],
}
# the spaces the tokenizer found, where ``make_doc`` would guess them wrong
SPACES = {
    "quote_then_more": [0, 1, 1, 0, 0, 1, 1, 0, 1, 0, 1, 1, 1, 0, 0, 0],
    "mixed": [1, 1, 1, 1, 0, 1, 1, 1, 1, 0, 0, 0],
    "quote_paragraph": [1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 1, 1, 0, 0, 0],
}
# fmt: on


@pytest.fixture
def doc_of(parse: Callable[..., Doc]) -> Callable[[str], Doc]:
    """Build the Doc of ``ROWS[name]`` (or of ``SENTENCES[name]``, from the other units)."""

    def build(name: str) -> Doc:
        rows = ROWS.get(name) or SENTENCES[name]
        return parse(rows, SPACES.get(name))

    return build


def _texts(doc: Doc, parts: list[tuple[int, int]] | None) -> list[str] | None:
    return None if parts is None else [doc[s:e].text for s, e in parts]


def test_rows_are_well_formed(doc_of) -> None:  # type: ignore[no-untyped-def]
    for name in ROWS:
        doc = doc_of(name)
        assert doc.has_annotation("DEP"), name
        roots = [t for t in doc if t.dep_ == "ROOT"]
        assert all(r.head.i == r.i for r in roots), name
        assert len(roots) == len(list(doc.sents)), name


# ---------------------------------------------------------------- content strategies


@pytest.mark.parametrize(
    ("name", "strategy"),
    [
        ("according_to", "according_to_clause"),
        ("said_that", "clause_after"),
        ("in_a_statement", "clause_after"),  # the that-clause hung on "statement"
        ("left_ccomp", "clause_before"),
        ("accused_of", "objects_after"),
        ("called_on", "objects_after"),
        ("denied_object", "objects_after"),
        ("setting_only", "objects_after"),  # decides that there is no content
    ],
)
def test_content_first_deciding_strategy(doc_of, name, strategy) -> None:  # type: ignore[no-untyped-def]
    frame = CueFrame.of(doc_of(name), CUES[name], (), EN_LEXICON)
    deciding = next(s for s in STRATEGIES if s(frame) is not None)
    assert deciding.__name__ == strategy


def test_content_no_content_verdict_is_none(doc_of) -> None:  # type: ignore[no-untyped-def]
    doc = doc_of("setting_only")
    frame = CueFrame.of(doc, CUES["setting_only"], (), EN_LEXICON)
    assert STRATEGIES[-1](frame) is NO_CONTENT
    assert content_span(doc, CUES["setting_only"], EN_LEXICON) is None


def test_content_reads_the_verb_frames_of_the_lexicon_given(doc_of) -> None:  # type: ignore[no-untyped-def]
    """The verb frames come from the lexicon passed in, not from the English data: without
    "appear" as a raising verb, "appeared on" is no sourceless cue at all; without "say"
    as a clause-only verb, "said it" reports its object."""
    cue = CueMatch(1, 2, 1, "appear", "belief", "verb")
    doc = doc_of("appeared_on")
    assert sourceless_parts(doc, cue, EN_LEXICON) == []
    no_raising = dataclasses.replace(EN_LEXICON, raising_verbs=frozenset())
    assert sourceless_parts(doc, cue, no_raising) is None
    doc = doc_of("coordinated")
    said = CueMatch(3, 4, 3, "say", "statement", "verb")
    assert content_span(doc, said, EN_LEXICON) is None
    no_clause_only = dataclasses.replace(EN_LEXICON, clause_only_verbs=frozenset())
    assert content_span(doc, said, no_clause_only) == (4, 5)


def test_content_frame_reads_the_cue(doc_of) -> None:  # type: ignore[no-untyped-def]
    frame = CueFrame.of(doc_of("called_on"), CUES["called_on"], (), EN_LEXICON)
    assert frame.lemma == "call" and not frame.is_verb
    assert [t.text for t in frame.rights] == ["NATO", "stop", "."]


# ---------------------------------------------------------------- contents in parts


@pytest.mark.parametrize(
    ("name", "cue", "expected"),
    [
        (
            "interjected",
            CueMatch(6, 7, 6, "say", SAY, "verb"),
            ["When the rules change", "farmers must adapt"],
        ),
        # a connective before the attribution is not part of what was said
        ("interjected_connective", CueMatch(3, 4, 3, "say", SAY, "verb"), ["the vote will pass"]),
        # not inside the clause it reports
        ("said_that", CUES["said_that"], None),
        ("left_ccomp", CUES["left_ccomp"], None),
    ],
)
def test_content_interjected_parts(doc_of, name, cue, expected) -> None:  # type: ignore[no-untyped-def]
    doc = doc_of(name)
    assert _texts(doc, interjected_parts(doc, cue)) == expected


@pytest.mark.parametrize(
    ("name", "cue", "expected"),
    [
        (
            "relative_subject",
            CueMatch(8, 9, 8, "believe", "belief", "verb"),
            ["which", "will fail"],
        ),
        # a relative clause with nothing reported after its cue reports its pronoun
        ("relative_object", CueMatch(8, 9, 8, "deny", "denial", "verb"), ["which"]),
        # "who said [taxes will rise]": the pronoun is the speaker, not the content
        ("relative", CUES["relative"], None),
        ("said_that", CUES["said_that"], None),
    ],
)
def test_content_relative_parts(doc_of, name, cue, expected) -> None:  # type: ignore[no-untyped-def]
    doc = doc_of(name)
    assert _texts(doc, relative_parts(doc, cue)) == expected


@pytest.mark.parametrize(
    ("name", "cue", "expected"),
    [
        (
            "as_before",
            CueMatch(3, 4, 3, "report", SAY, "verb"),
            ["the mayor would need more votes"],
        ),
        ("as_after", CueMatch(7, 8, 7, "note", SAY, "verb"), ["The plan will fail"]),
        ("participle", CUES["participle"], None),  # an adverbial clause without "as"
        ("said_that", CUES["said_that"], None),
    ],
)
def test_content_as_clause_parts(doc_of, name, cue, expected) -> None:  # type: ignore[no-untyped-def]
    doc = doc_of(name)
    assert _texts(doc, as_clause_parts(doc, cue, EN_LEXICON)) == expected


@pytest.mark.parametrize(
    ("name", "cue", "expected"),
    [
        # the subject and the complement are two parts of one content (PolNeAR)
        ("expected", CueMatch(2, 3, 2, "expect", "belief", "verb"), ["Lee", "to win the race"]),
        ("seemed", CueMatch(1, 2, 1, "seem", "belief", "verb"), ["Lee", "to tire"]),
        # an expletive subject is no part
        ("it_appears", CueMatch(1, 2, 1, "appear", "belief", "verb"), ["that the plan works"]),
        # a raising verb in another sense: no content at all
        ("appeared_on", CueMatch(1, 2, 1, "appear", "belief", "verb"), []),
        # a passive with its agent names a source
        ("expected_by", CueMatch(2, 3, 2, "expect", "belief", "verb"), None),
        ("said_that", CUES["said_that"], None),
        ("according_to", CUES["according_to"], None),  # not a verb cue
    ],
)
def test_content_sourceless_parts(doc_of, name, cue, expected) -> None:  # type: ignore[no-untyped-def]
    doc = doc_of(name)
    assert _texts(doc, sourceless_parts(doc, cue, EN_LEXICON)) == expected


# ---------------------------------------------------------------- attribute


def _attribute(
    doc: Doc, lexicon: Lexicon, conventions: Conventions | None = None
) -> list[tuple[str, str, str | None]]:
    """(rule, content, speaker) of each candidate that ``attribute`` finds in ``doc``."""
    text = doc.text
    cues = CueFinder(doc.vocab, lexicon)(doc)
    quotes = [q for q in find_quote_spans(text, MARKS_EN) if q.depth == 0]
    cands = attribute(
        doc, quotes, cues, paragraph_bounds(text), lexicon=lexicon, conventions=conventions
    )
    return [_row(text, c) for c in cands]


def _row(text: str, cand: Candidate) -> tuple[str, str, str | None]:
    mention = cand.mention
    speaker = text[mention.start : mention.end] if mention is not None else None
    return cand.rule, text[cand.start : cand.end], speaker


SPEECH = Conventions.from_settings(Settings())


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("said_that", [("verb_content", "that taxes will rise", "Ann Lee")]),
        ("left_ccomp", [("verb_content", "Taxes will rise", "Ann Lee")]),
        ("according_to", [("according_to", "taxes rise", "Lee")]),
        ("accused_of", [("verb_content", "NATO of lying", "He")]),
        # the speaker of a relative clause is the noun its pronoun stands for
        ("relative", [("verb_content", "taxes will rise", "Lee")]),
        (
            "interjected",
            [
                ("interjected", "When the rules change", "Ortiz"),
                ("interjected", "farmers must adapt", "Ortiz"),
            ],
        ),
        ("as_before", [("as_clause", "the mayor would need more votes", "Herald")]),
        (
            "relative_subject",
            [
                ("verb_content", "the law", "The mayor"),
                ("relative", "which", "he"),
                ("relative", "will fail", "he"),
            ],
        ),
        # a sourceless content has no speaker
        ("expected", [("sourceless", "Lee", None), ("sourceless", "to win the race", None)]),
        # a quotation and its cue after it; the next one continues it
        (
            "quote_then_more",
            [
                ("quote_cue", "Taxes will rise,", "Lee"),
                ("quote_continues", "Prices will climb too.", "Lee"),
            ],
        ),
        # a content that runs into a quotation takes it in, closing mark included
        ("mixed", [("verb_content", 'that taxes "will rise sharply next year."', "Lee")]),
        # a paragraph that is only a quotation takes the last speaker before it
        (
            "quote_paragraph",
            [
                ("verb_content", "that taxes will rise", "Ann Lee"),
                ("paragraph_carry", "Prices will climb too, and wages will not.", "Ann Lee"),
            ],
        ),
    ],
)
def test_attribute_candidates(doc_of, lexicon, name, expected) -> None:  # type: ignore[no-untyped-def]
    assert _attribute(doc_of(name), lexicon) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("expected", []),  # no sourceless contents in the speech scope
        ("relative_subject", [("relative", "will fail", "he")]),  # no bare relative pronoun
        ("accused_of", [("verb_content", "NATO of lying", "He")]),
        ("denied_object", []),  # no object contents
    ],
)
def test_attribute_speech_conventions(doc_of, lexicon, name, expected) -> None:  # type: ignore[no-untyped-def]
    assert _attribute(doc_of(name), lexicon, SPEECH) == expected


def test_attribute_never_changes_a_candidate(doc_of, lexicon, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The passes build new candidates: none is changed in place."""

    def frozen(self: Candidate, name: str, value: object) -> None:
        if hasattr(self, "antecedent"):  # the last field: set up already
            raise AssertionError(f"Candidate.{name} changed")
        object.__setattr__(self, name, value)

    monkeypatch.setattr(Candidate, "__setattr__", frozen)
    for name in ("quote_then_more", "mixed", "quote_paragraph", "interjected", "expected"):
        assert _attribute(doc_of(name), lexicon)


def test_attribute_rule_tables_are_ordered() -> None:
    assert [r.__name__ for r in CUE_RULES] == [
        "_sourceless_rule",
        "_spoken_parts_rule",
        "_content_rule",
    ]
    assert [r.__name__ for r in LINK_RULES] == [
        "_speaker_after_quote",
        "_content_in_quote",
        "_quote_in_content",
        "_quote_across_content",
        "_quote_after_content",
    ]
    assert PASSES[0].__name__ == "_cue_contents" and PASSES[1].__name__ == "_link_quotes"


# ---------------------------------------------------------------- links and trees


@pytest.mark.parametrize(
    ("name", "head", "pattern", "expected"),
    [
        ("interjected", 6, "interjected", [(6, 5)]),  # "said" and its subject "Ortiz"
        ("as_before", 3, "marked_clause", [(3, 0)]),  # "reported" and its "As"
        ("as_after", 7, "marked_clause", [(7, 5)]),
        ("said_that", 2, "interjected", []),
        ("participle", 5, "marked_clause", []),  # an adverbial clause without "as"
    ],
)
def test_trees_anchored_matches(doc_of, name, head, pattern, expected) -> None:  # type: ignore[no-untyped-def]
    words = {"marker": EN_LEXICON.source_clause_markers} if pattern == "marked_clause" else None
    assert anchored_matches(doc_of(name)[head], pattern, words) == expected


def test_trees_marker_words_come_from_the_caller(doc_of) -> None:  # type: ignore[no-untyped-def]
    verb = doc_of("as_before")[3]
    assert anchored_matches(verb, "marked_clause") == [(3, 0)]  # any marker
    assert anchored_matches(verb, "marked_clause", {"marker": frozenset({"if"})}) == []


@pytest.mark.parametrize("pattern", sorted(TREE_PATTERNS))
def test_trees_quick_test_never_hides_a_match(doc_of, pattern) -> None:  # type: ignore[no-untyped-def]
    # the pre-check before the matcher must agree with the matcher run on the whole Doc
    for name in SENTENCES:
        doc = doc_of(name)
        matcher = DependencyMatcher(doc.vocab)
        matcher.add(pattern, [[dict(node) for node in TREE_PATTERNS[pattern]]])
        raw: dict[int, set[tuple[int, ...]]] = {}
        for _, nodes in matcher(doc):
            raw.setdefault(nodes[0], set()).add(tuple(nodes))
        for token in doc:
            assert anchored_matches(token, pattern) == sorted(raw.get(token.i, ())), (name, token.i)


def _link_case(
    doc: Doc, start: int, end: int, with_speaker: bool, rule: str, index: int = 0
) -> Link:
    """What ``link`` makes of quotation ``index`` of ``doc`` and a candidate of its cue."""
    text = doc.text
    quotes = [q for q in find_quote_spans(text, MARKS_EN) if q.depth == 0]
    ctx = Context(doc, quotes, paragraph_bounds(text), EN_LEXICON, text=text)
    cue = CueMatch(7, 8, 7, "say", SAY, "verb", neutral=True)
    mention = mention_for(doc, doc[6], EN_LEXICON) if with_speaker else None
    return link(ctx, quotes[index], cue, Candidate(start, end, cue, mention, rule))


@pytest.mark.parametrize(
    ("start", "end", "with_speaker", "rule", "expected", "speaker", "index"),
    [
        # a content inside the quotation becomes the quotation
        (3, 10, True, "verb_content", (1, 17, "quote_cue"), "Lee", 0),
        # a content that takes in the quotation and the speaker after it: the
        # quotation, with the name after it as the speaker
        (1, 27, False, "verb_content", (1, 17, "quote_cue"), "Lee", 0),
        # a quotation inside the content changes nothing
        (0, 27, True, "verb_content", (0, 27, "verb_content"), "Lee", 0),
        # a content across the opening of the second quotation runs to its closing mark
        (23, 35, True, "verb_content", (23, 53, "verb_content"), "Lee", 1),
    ],
)
def test_links_link_changes_the_cue_candidate(  # type: ignore[no-untyped-def]
    doc_of, start, end, with_speaker, rule, expected, speaker, index
) -> None:
    doc = doc_of("quote_then_more")
    outcome = _link_case(doc, start, end, with_speaker, rule, index)
    assert outcome.linked is None
    base = outcome.base
    assert (base.start, base.end, base.rule) == expected
    assert base.mention is not None and doc.text[base.mention.start : base.mention.end] == speaker


def test_links_quote_of_its_own_when_no_rule_applies(doc_of) -> None:  # type: ignore[no-untyped-def]
    doc = doc_of("quote_then_more")
    # the cue's content is the second quotation; the first one is linked on its own
    outcome = _link_case(doc, 30, 52, True, "quote_cue")
    assert (outcome.base.start, outcome.base.end) == (30, 52)
    linked = outcome.linked
    assert linked is not None and linked.rule == "quote_cue"
    assert doc.text[linked.start : linked.end] == "Taxes will rise,"
    assert linked.mention == outcome.base.mention
