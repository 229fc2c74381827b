"""Speakers as a reader of news names them: one exact-value regression test per
class of error seen on real stories the rules were not written from (every
sentence here is invented)."""

from __future__ import annotations

import pytest

from quoteattr import QuoteExtractor

Row = tuple[str, str | None, str | None, str]


def _rows(extractor: QuoteExtractor, text: str) -> list[Row]:
    """(first 16 characters of the content, name, role, entity type) of each quote."""
    out = []
    for q in extractor.extract(text):
        assert q.speaker is not None
        sp = q.speaker
        out.append((q.text[:16], sp.name, sp.role, sp.entity_type.value))
    return out


@pytest.mark.model
@pytest.mark.issue(18)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Some tenant advocates said the rules favoured landlords.",
            [("the rules favour", "tenant advocates", None, "group")],
            id="group-named-by-its-description",
        ),
        pytest.param(
            "Teachers from Hillview Academy said the tests came too late.",
            [("the tests came t", "Teachers from Hillview Academy", None, "group")],
            id="group-keeps-the-body-it-belongs-to",
        ),
        pytest.param(
            "The Harbour Trust published a report on river pollution in May. The Gazette "
            "obtained the report last week. The report says the river is getting cleaner.",
            [("the river is get", "Harbour Trust", None, "document")],
            id="report-to-its-author-not-to-who-obtained-it",
        ),
        pytest.param(
            "The Housing Secretary, Angela Rowntree, said the plan would go ahead.",
            [("the plan would g", "Angela Rowntree", "Housing Secretary", "person")],
            id="title-in-apposition-names-the-person",
        ),
        pytest.param(
            "The Royal College of Nursing (RCN) warned of shortages. The RCN said wards "
            "were short of staff.",
            [("wards were short", "Royal College of Nursing", None, "organization")],
            id="acronym-spelled-out-in-brackets",
        ),
        pytest.param(
            "OSLO (Reuters) — The Nordic Fisheries Council said on Monday that cod stocks "
            "had recovered.",
            [("cod stocks had r", "Nordic Fisheries Council", None, "organization")],
            id="dateline-is-never-the-speaker",
        ),
        pytest.param(
            '"We will build here," said Maya Ortiz, president and chief executive of '
            "Lindqvist Wind.",
            [
                (
                    "We will build he",
                    "Maya Ortiz",
                    "president and chief executive of Lindqvist Wind",
                    "person",
                )
            ],
            id="coordinated-titles-kept-whole",
        ),
        pytest.param(
            "Kim Ode, a glassblower from Duluth, said sales had doubled.",
            [("sales had double", "Kim Ode", "a glassblower from Duluth", "person")],
            id="apposition-role-outside-the-lexicon",
        ),
    ],
)
def test_real_news_speaker_classes(
    extractor: QuoteExtractor, text: str, expected: list[Row]
) -> None:
    assert _rows(extractor, text) == expected


@pytest.mark.model
@pytest.mark.issue(18)
def test_real_news_surname_typed_as_organisation_keeps_the_pronoun_chain(
    extractor: QuoteExtractor,
) -> None:
    """A surname used alone that the tagger types as an organisation is still the
    person's, so a later "he said" goes to him, not to another man named between."""
    text = (
        "Chris Chike is the best dance game player in the world. Roger Clark, a friend, "
        "has watched him for years. Chike moved to the Bay Area in 2013.\n"
        '"I was getting up there," he said.'
    )
    rows = _rows(extractor, text)
    assert [(r[1], r[3]) for r in rows] == [("Chris Chike", "person")]
