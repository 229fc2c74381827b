"""Pronoun and description resolution (``stages.coref``) on hand-built Docs."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from quoteattr.lexicon import Lexicon
from quoteattr.stages.coref import GROUP_LABEL, resolve_speakers
from quoteattr.stages.roles import roles_in_doc

from .speaker_docs import said_candidates, speaker_doc


def _resolved(
    make_doc: Callable[..., Doc], lexicon: Lexicon, name: str, resolve: bool = True
) -> list[tuple[str | None, str]]:
    doc = speaker_doc(make_doc, name)
    cands = said_candidates(doc)
    cands = resolve_speakers(doc, cands, lexicon, resolve, roles_in_doc(doc, lexicon))
    return [(c.name, c.label) for c in cands]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # "Mr." states Tan's gender, so "She" skips the subject for Ann Lee
        ("honorific_gender", [("Ann Lee", "PERSON")]),
        # a name in apposition to the subject counts as a subject: "She" is Ann Lee
        ("appos_subject", [("The secretary", ""), ("Ann Lee", "PERSON")]),
        # "It" takes a definite organisation noun that was a subject
        ("org_noun_it", [("county health department", "ORG")]),
        # "They" takes a plural noun of people that was a subject
        ("group_they", [("Union leaders", GROUP_LABEL)]),
        # "the minister" takes the person whose stated role holds "minister"
        ("described", [("Wang Yi", "PERSON")]),
        # ... but not when the description says more than that role
        ("described_other", [("The French shipping minister", "")]),
    ],
)
def test_coref_resolves(make_doc, lexicon, name, expected) -> None:  # type: ignore[no-untyped-def]
    assert _resolved(make_doc, lexicon, name) == expected


def test_coref_off_keeps_pronouns_as_written(make_doc, lexicon) -> None:  # type: ignore[no-untyped-def]
    assert _resolved(make_doc, lexicon, "honorific_gender", resolve=False) == [("She", "")]


def test_coref_reads_genders_from_the_lexicon(make_doc, lexicon) -> None:  # type: ignore[no-untyped-def]
    # without honorific genders nothing tells Tan's gender: the subject wins
    plain = Lexicon(verbs=dict(lexicon.verbs), pronouns=dict(lexicon.pronouns))
    assert _resolved(make_doc, plain, "honorific_gender") == [("Bo Tan", "PERSON")]
