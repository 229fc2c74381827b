"""Every failure kind of speaker attribution once reported, as an exact-value regression test."""

from __future__ import annotations

import pytest

from quoteattr import QuoteExtractor

Row = tuple[str | None, str | None, str, str | None]


def _speakers(extractor: QuoteExtractor, text: str) -> list[Row]:
    """(name, role, entity type, source phrase) of each attributed quote, in order."""
    out = []
    for q in extractor.extract(text):
        assert q.speaker is not None
        sp = q.speaker
        out.append((sp.name, sp.role, sp.entity_type.value, q.source.text if q.source else None))
    return out


@pytest.mark.model
@pytest.mark.issue(12)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The prime minister, Keir Starmer, told reporters the deal was done.",
            [("Keir Starmer", "prime minister", "person", "The prime minister, Keir Starmer")],
        ),
        (
            "Britain's transport secretary, Helen Ashby, said the rail plan would go ahead.",
            [
                (
                    "Helen Ashby",
                    "Britain's transport secretary",
                    "person",
                    "Britain's transport secretary, Helen Ashby",
                )
            ],
        ),
        (
            "The mayor, Ana Silva, said the new bus lanes would open in June.",
            [("Ana Silva", "mayor", "person", "The mayor, Ana Silva")],
        ),
    ],
)
def test_speakers_apposition_before_the_name_gives_name_and_role(
    extractor: QuoteExtractor, text: str, expected: list[Row]
) -> None:
    assert _speakers(extractor, text) == expected


@pytest.mark.model
@pytest.mark.issue(12)
def test_speakers_role_word_is_not_matched_across_two_people(extractor: QuoteExtractor) -> None:
    text = (
        'Foreign Minister Wang Yi said China wanted "stable ties" with Europe. '
        'The French shipping minister, Claire Dubois, said: "We are ready to talk."'
    )
    assert [row[:3] for row in _speakers(extractor, text)] == [
        ("Wang Yi", "Foreign Minister", "person"),
        ("Claire Dubois", "French shipping minister", "person"),
    ]


@pytest.mark.model
@pytest.mark.issue(12)
def test_speakers_she_after_an_apposition_goes_to_the_woman_named_there(
    extractor: QuoteExtractor,
) -> None:
    text = (
        "Michael Okonjo, a union leader, said workers had not been consulted. "
        "Britain's transport secretary, Helen Ashby, said the rail plan would go ahead. "
        'She said the first trains would run "by the spring".'
    )
    assert [row[0] for row in _speakers(extractor, text)] == [
        "Michael Okonjo",
        "Helen Ashby",
        "Helen Ashby",
    ]


@pytest.mark.model
@pytest.mark.issue(12)
def test_speakers_he_goes_to_the_man_without_a_stated_gender(extractor: QuoteExtractor) -> None:
    # the usual sex of the first names decides (US Census 1990 first-name table)
    text = 'Hillary Clinton met Bernie Sanders on Monday. He said the talks had been "frank".'
    assert [row[0] for row in _speakers(extractor, text)] == ["Bernie Sanders"]
    text = 'Bernie Sanders met Hillary Clinton on Monday. She said the talks had been "frank".'
    assert [row[0] for row in _speakers(extractor, text)] == ["Hillary Clinton"]
    # what the text states wins over a first name: "Mr." makes Leslie Grant a man
    text = 'Mr. Leslie Grant met Ann Patel on Monday. He said the talks had been "frank".'
    assert [row[0] for row in _speakers(extractor, text)] == ["Leslie Grant"]
    # the speaker's gender is never taken from the first name
    [quote] = extractor.extract('Hillary Clinton spoke. "We are ready," Clinton said.')
    assert quote.speaker is not None and quote.speaker.gender is None


@pytest.mark.model
@pytest.mark.issue(12)
def test_speakers_an_organisation_is_never_a_person(extractor: QuoteExtractor) -> None:
    text = "The World Health Organization said on Friday that the outbreak was under control."
    assert _speakers(extractor, text) == [
        ("World Health Organization", None, "organization", "The World Health Organization")
    ]


@pytest.mark.model
@pytest.mark.issue(12)
def test_speakers_abbreviated_title_is_a_role(extractor: QuoteExtractor) -> None:
    text = "Sen. Elizabeth Warren said the merger would hurt working families."
    assert _speakers(extractor, text) == [
        ("Elizabeth Warren", "Sen.", "person", "Sen. Elizabeth Warren")
    ]


@pytest.mark.model
@pytest.mark.issue(12)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Norvale Foods cut 300 jobs on Thursday. The company said the cuts were needed.",
            ("Norvale Foods", None, "organization", "The company"),
        ),
        (
            "The Harbor Tenants Union organized the protest. "
            "The group said rents had risen too fast.",
            ("Harbor Tenants Union", None, "organization", "The group"),
        ),
    ],
)
def test_speakers_the_company_and_the_group_take_the_organisation_named_before(
    extractor: QuoteExtractor, text: str, expected: Row
) -> None:
    assert _speakers(extractor, text)[-1] == expected


@pytest.mark.model
@pytest.mark.issue(12)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A senior official said the talks had stalled.",
            (None, "senior official", "anonymous", "A senior official"),
        ),
        (
            "People familiar with the matter said a deal was unlikely.",
            (None, None, "anonymous", "People familiar with the matter"),
        ),
        (
            "Residents said the water smelled of chlorine.",
            ("residents", None, "group", "Residents"),
        ),
        (
            "A report by Amnesty International said detainees were held without charge.",
            ("Amnesty International", None, "document", "A report by Amnesty International"),
        ),
    ],
)
def test_speakers_unnamed_sources_and_documents(
    extractor: QuoteExtractor, text: str, expected: Row
) -> None:
    assert _speakers(extractor, text) == [expected]


@pytest.mark.model
@pytest.mark.issue(12)
def test_speakers_title_and_affiliation_are_split(extractor: QuoteExtractor) -> None:
    text = (
        "Wang Wenbin, spokesperson for the Chinese Foreign Ministry, said China is not "
        "considering the plan."
    )
    (quote,) = extractor.extract(text)
    assert quote.speaker is not None
    assert (quote.speaker.role_title, quote.speaker.affiliation) == (
        "spokesperson",
        "the Chinese Foreign Ministry",
    )
    assert quote.source is not None
    assert quote.source.text == "Wang Wenbin, spokesperson for the Chinese Foreign Ministry"


@pytest.mark.model
@pytest.mark.issue(12)
def test_speakers_full_name_given_later_and_gender_from_honorific(
    extractor: QuoteExtractor,
) -> None:
    text = (
        'Mr Hale said the budget was "a missed opportunity". Tom Hale, the shadow '
        "chancellor, has held the post since May."
    )
    (quote,) = extractor.extract(text)
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.role, quote.speaker.gender) == (
        "Tom Hale",
        "the shadow chancellor",
        "male",
    )


@pytest.mark.model
@pytest.mark.issue(12)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # regression: "the bank" was given to the person whose role holds "Bank"
        (
            "Northgate Bank chief executive Dora Finch said profits would rise. "
            "The bank said in a statement that it would cut fees.",
            [
                ("Dora Finch", "Northgate Bank chief executive", "person"),
                ("Northgate Bank", None, "organization"),
            ],
        ),
        # a description headed by a role noun still resolves to the person
        (
            "The mayor, Ana Silva, opened the bridge. The mayor said it had cost too much.",
            [("Ana Silva", "mayor", "person")],
        ),
    ],
)
def test_speakers_organisation_description_never_resolves_to_a_person(
    extractor: QuoteExtractor, text: str, expected: list[tuple[str | None, str | None, str]]
) -> None:
    assert [row[:3] for row in _speakers(extractor, text)] == expected


@pytest.mark.model
@pytest.mark.issue(12)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # regression: with no agreeing person a "she" went to the only man in reach
        (
            "Ted Marsh opened the hearing. Later she said the vote had been rigged.",
            [(None, "she")],
        ),
        (
            "Ted Marsh met Karen Holt on Friday. She said the vote had been rigged.",
            [("Karen Holt", "She")],
        ),
        # family name first, used alone later: "Lin" is no given name here
        (
            "Lin Haoran, a ministry spokesman, spoke on Monday. He said the border was calm. "
            "Lin added that talks would go on.",
            [("Lin Haoran", "He"), ("Lin Haoran", "Lin")],
        ),
    ],
)
def test_speakers_pronoun_agrees_with_the_usual_sex_of_a_given_name(
    extractor: QuoteExtractor, text: str, expected: list[tuple[str | None, str]]
) -> None:
    quotes = extractor.extract(text)
    assert [(q.speaker.name, q.speaker.mention.text) for q in quotes if q.speaker] == expected


@pytest.mark.model
@pytest.mark.issue(12)
def test_speakers_pronoun_reaches_a_person_the_tagger_typed_as_an_organisation(
    extractor: QuoteExtractor,
) -> None:
    # regression: "Paul Dent" is tagged ORG; in apposition to "the coach" it is a person
    text = (
        "In an interview, the coach, Paul Dent, was asked whether he would stay. "
        '"I have two years left on my contract and I plan to honour it," he said.'
    )
    quotes = extractor.extract(text)
    assert [(q.speaker.name, q.speaker.mention.text) for q in quotes if q.speaker] == [
        ("Paul Dent", "he")
    ]
