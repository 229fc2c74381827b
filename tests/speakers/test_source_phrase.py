"""The whole source phrase (``stages.source_phrase``) on hand-built Docs."""

from __future__ import annotations

import pytest

from quoteattr.lang.en import EN_LEXICON
from quoteattr.stages.source_phrase import source_span

from .speaker_docs import said_candidates, speaker_doc


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("appos_subject", ["The secretary, Ann Lee", "She"]),
        ("title_name", ["Sen. Dick Durbin"]),
        ("surname_first", ["Blinken", "Anthony Blinken"]),
        ("described_other", ["The French shipping minister"]),
        ("org_noun_it", ["It"]),
    ],
)
def test_source_phrase_of_each_said(make_doc, name, expected) -> None:  # type: ignore[no-untyped-def]
    doc = speaker_doc(make_doc, name)
    got = []
    for cand in said_candidates(doc):
        assert cand.mention is not None and cand.cue is not None
        cue = (cand.cue.start, cand.cue.end)
        start, end = source_span(
            doc, doc[cand.mention.head], cue, (cand.start, cand.end), EN_LEXICON
        )
        got.append(doc.text[start:end])
    assert got == expected


def test_source_phrase_leaves_out_a_relative_clause_with_the_cue(make_doc) -> None:  # type: ignore[no-untyped-def]
    # Ann Lee, who said it, left.  (the source of "said" is "who")
    doc = make_doc(
        ["Ann", "Lee", ",", "who", "said", "it", ",", "left", "."],
        heads=[1, 7, 1, 4, 1, 4, 1, 7, 7],
        deps=["compound", "nsubj", "punct", "nsubj", "relcl", "dobj", "punct", "ROOT", "punct"],
        pos=["PROPN", "PROPN", "PUNCT", "PRON", "VERB", "PRON", "PUNCT", "VERB", "PUNCT"],
        ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O"],
    )
    start, end = source_span(doc, doc[1], (4, 5), (doc[5].idx, doc[5].idx + 2), EN_LEXICON)
    assert doc.text[start:end] == "who"
    start, end = source_span(doc, doc[1], (7, 8), (len(doc.text), len(doc.text)), EN_LEXICON)
    assert doc.text[start:end] == "Ann Lee, who said it"
