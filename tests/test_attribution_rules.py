"""End-to-end regression tests of attribution rules (real model, invented sentences).

Every input here was written for this file (names, places and topics invented); none is
taken from a corpus. ``tests/test_corpus_overlap.py`` checks that no run of 8 words is
shared with PolNeAR. Tests of PolNeAR's broad convention (noun-phrase contents, beliefs,
sourceless attributions) use the ``attributions`` extractor, ``Settings(scope="attributions")``.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from quoteattr import QuoteExtractor, Settings
from quoteattr.settings import SPEECH_CUE_CLASSES
from quoteattr.stages.merge import canonical_name

Row = tuple[str, str, str | None, str | None, str | None]


@pytest.fixture(scope="module")
def attributions(nlp: Language) -> QuoteExtractor:
    """An extractor with PolNeAR's scope of attributions."""
    return QuoteExtractor(nlp, settings=Settings(scope="attributions"))


def _rows(extractor: QuoteExtractor, text: str) -> list[Row]:
    out = []
    for q in extractor.extract(text):
        assert text[q.start : q.end] == q.text
        out.append(
            (
                q.text,
                q.type.value,
                q.speaker.label if q.speaker else None,
                q.cue.text if q.cue else None,
                q.cue.cue_class.value if q.cue else None,
            )
        )
    return out


@pytest.mark.model
def test_short_title_in_quotation_marks_is_not_a_quote(extractor: QuoteExtractor) -> None:
    text = 'Joe Smith, host of "Morning Talk," suggested that the plan could fail.'
    assert _rows(extractor, text) == [
        ("the plan could fail", "indirect", "Joe Smith", "suggested", "statement")
    ]
    text = "On Channel 9’s “Nightline Now,” Priya Natarajan said the budget was weak."
    assert _rows(extractor, text) == [
        ("the budget was weak", "indirect", "Priya Natarajan", "said", "statement")
    ]


@pytest.mark.model
def test_quotation_ending_in_full_stop_does_not_take_next_sentence_cue(
    extractor: QuoteExtractor,
) -> None:
    text = (
        'Ann Lee spoke for an hour. "Many members want more money." '
        "She warned that a strike remained possible."
    )
    assert _rows(extractor, text) == [
        ("a strike remained possible", "indirect", "Ann Lee", "warned", "warning")
    ]


@pytest.mark.model
def test_quotation_inside_cue_content_is_one_mixed_quote(extractor: QuoteExtractor) -> None:
    text = (
        "Lin Haoran, a ministry spokesman, spoke on Monday. He called on the neighbouring "
        'states to "stop spreading rumours about our intentions". Lin said the talks would go on.'
    )
    assert _rows(extractor, text) == [
        (
            'the neighbouring states to "stop spreading rumours about our intentions"',
            "mixed",
            "Lin Haoran",
            "called on",
            "directive",
        ),
        ("the talks would go on", "indirect", "Lin Haoran", "said", "statement"),
    ]


@pytest.mark.model
def test_beliefs_and_findings_are_attributions_and_can_be_left_out(
    attributions: QuoteExtractor,
) -> None:
    text = (
        "A new poll shows that most voters oppose the plan. Officials believe the bridge is safe."
    )
    assert _rows(attributions, text) == [
        ("that most voters oppose the plan", "indirect", "A new poll", "shows", "finding"),
        ("the bridge is safe", "indirect", "officials", "believe", "belief"),
    ]
    speech_only = QuoteExtractor(
        attributions.nlp,
        settings=Settings(scope="attributions", cue_classes=SPEECH_CUE_CLASSES),
    )
    # without the finding, the opposition it reports is an attribution of its own
    assert _rows(speech_only, text) == [("the plan", "indirect", "voters", "oppose", "criticism")]


def test_one_word_name_merges_with_the_one_full_name_it_begins() -> None:
    assert canonical_name("Lin", "PERSON", ["Lin Haoran", "Ann Lee"]) == "Lin Haoran"
    assert canonical_name("Hillary", "PERSON", ["Hillary Clinton"]) == "Hillary Clinton"
    assert canonical_name("Wang", "PERSON", ["Wang Yi", "Wang Wenbin"]) == "Wang"
    assert canonical_name("Lee", "PERSON", ["Ann Lee", "Lee Hsien Loong"]) == "Ann Lee"


@pytest.mark.model
def test_non_speech_cue_takes_the_quotations_right_next_to_it(
    attributions: QuoteExtractor,
) -> None:
    text = (
        '"Let us use this chance," Okafor concluded, "to build a league that every child can join."'
    )
    assert _rows(attributions, text) == [
        ("Let us use this chance,", "direct", "Okafor", "concluded", "finding"),
        (
            "to build a league that every child can join.",
            "direct",
            "Okafor",
            "concluded",
            "finding",
        ),
    ]


@pytest.mark.model
def test_object_content_stops_before_a_modifier_set_off_by_a_comma(
    attributions: QuoteExtractor,
) -> None:
    text = "Coach Ann Lee praised the youth academy, which now trains 300 young players."
    assert [r[0] for r in _rows(attributions, text)] == ["the youth academy"]
    text = "Ann Lee denied the report, calling it false."
    assert _rows(attributions, text) == [
        ("the report", "indirect", "Ann Lee", "denied", "denial"),
        ("it false", "indirect", "Ann Lee", "calling", "statement"),
    ]


@pytest.mark.model
def test_phrase_cue_content_is_the_object_of_its_particle_without_the_setting(
    attributions: QuoteExtractor,
) -> None:
    text = "Rosa Delgado talked about housing at every one of her town hall meetings."
    assert _rows(attributions, text) == [
        ("housing", "indirect", "Rosa Delgado", "talked about", "statement")
    ]


@pytest.mark.model
def test_quotation_after_a_name_and_a_colon_inside_a_sentence(extractor: QuoteExtractor) -> None:
    text = (
        "The result did not surprise local historian Mark Ellery: "
        "“Small towns have always voted this way.”"
    )
    assert _rows(extractor, text) == [
        ("Small towns have always voted this way.", "direct", "Mark Ellery", None, None)
    ]


@pytest.mark.model
def test_finite_verb_parsed_as_modifier_of_the_noun_before_it(
    attributions: QuoteExtractor,
) -> None:
    # en_core_web_sm parses "a woman shouted" as a clause modifying "woman"
    text = "Some fans whistled, and when Okafor thanked the stewards, a woman shouted “Go home!”"
    rows = _rows(attributions, text)
    assert [(r[0], r[3]) for r in rows] == [("the stewards", "thanked"), ("Go home!", "shouted")]
    [quote] = [q for q in attributions.extract(text) if q.text == "Go home!"]
    assert quote.speaker is not None and quote.speaker.mention.text == "a woman"


@pytest.mark.model
def test_cue_without_content_after_a_full_stop_takes_the_quotation(
    extractor: QuoteExtractor,
) -> None:
    text = "“Harbour View, if you are reading this, we want our park back.” Dana Wells said."
    assert _rows(extractor, text) == [
        (
            "Harbour View, if you are reading this, we want our park back.",
            "direct",
            "Dana Wells",
            "said",
            "statement",
        )
    ]


@pytest.mark.model
def test_verb_outside_the_lexicon_right_after_a_quotation_is_its_cue(
    extractor: QuoteExtractor,
) -> None:
    text = "“This is wonderful!” beamed Tomas Reyes of Fresno, California."
    assert _rows(extractor, text) == [
        ("This is wonderful!", "direct", "Tomas Reyes", "beamed", "statement")
    ]
    text = "“Kim wants to play the hero tonight,” Patel shot back."
    assert _rows(extractor, text) == [
        ("Kim wants to play the hero tonight", "direct", "Patel", "shot", "statement")
    ]


@pytest.mark.model
def test_preposition_after_a_phrase_cue_goes_with_the_cue(attributions: QuoteExtractor) -> None:
    text = "Marisol Vega has sounded off against the notion of whether any player is loyal enough."
    assert _rows(attributions, text) == [
        (
            "the notion of whether any player is loyal enough",
            "indirect",
            "Marisol Vega",
            "sounded off",
            "statement",
        )
    ]


@pytest.mark.model
def test_that_before_a_quotation_makes_a_mixed_quote_in_polnear_scope(
    attributions: QuoteExtractor,
) -> None:
    text = "Harlan told the crowd at a bakery that “I need your votes on Tuesday.”"
    assert _rows(attributions, text) == [
        ("that “I need your votes on Tuesday.”", "mixed", "Harlan", "told", "statement")
    ]


@pytest.mark.model
def test_that_before_a_quotation_is_left_out_by_default(extractor: QuoteExtractor) -> None:
    # what was said is the quotation; "that" is the writer's word
    text = "Harlan told the crowd at a bakery that “I need your votes on Tuesday.”"
    assert _rows(extractor, text) == [
        ("I need your votes on Tuesday.", "direct", "Harlan", "told", "statement")
    ]


@pytest.mark.model
def test_unattributed_quotations_are_reported_only_when_asked(extractor: QuoteExtractor) -> None:
    text = (
        "The march began at noon.\n\n“We will not be moved, not today and not ever.”\n\n"
        "The crowd stayed until dark."
    )
    assert extractor.extract(text) == []
    asked = QuoteExtractor(extractor.nlp, settings=Settings(unattributed=True))
    [quote] = asked.extract(text)
    assert (quote.text, quote.start, quote.end, quote.type.value) == (
        "We will not be moved, not today and not ever.",
        27,
        72,
        "direct",
    )
    assert (quote.speaker, quote.cue, quote.rule, quote.confidence) == (
        None,
        None,
        "unattributed",
        0.3,
    )
    assert (quote.sentence, quote.paragraph) == (1, 1)


@pytest.mark.model
def test_according_to_content_leaves_out_sentence_openers(extractor: QuoteExtractor) -> None:
    text = (
        "And even when the ferry is not running on time, the island is gaining visitors "
        "from the mainland, according to the Harbour Trust."
    )
    assert _rows(extractor, text) == [
        (
            "even when the ferry is not running on time, the island is gaining visitors "
            "from the mainland",
            "indirect",
            "Harbour Trust",
            "according to",
            "source",
        )
    ]
    text = (
        "Turnout: the east ward cast 5,200 ballots compared with 900 in the west ward, "
        "according to a county tally."
    )
    assert _rows(extractor, text)[0][0] == (
        "the east ward cast 5,200 ballots compared with 900 in the west ward"
    )


@pytest.mark.model
def test_trailing_attribution_misparsed_as_conjunct_reports_the_clause(
    extractor: QuoteExtractor,
) -> None:
    # the small model parses "told" as the last conjunct of "publish"
    text = (
        "Officials should publish data on their spending and not hide behind words like "
        "“soon” and “later”, he told reporters.\n“This is simply unacceptable.”"
    )
    rows = _rows(extractor, text)
    assert [(r[0], r[3]) for r in rows] == [
        (
            "Officials should publish data on their spending and not hide behind words like "
            "“soon” and “later”",
            "told reporters",
        ),
        ("This is simply unacceptable.", None),
    ]
    # a coordinated clause of its own is not a trailing attribution
    assert _rows(extractor, "The plan will fail, and she said nothing about it.") == []


@pytest.mark.model
def test_quotation_after_an_adjacent_verb_quote_continues_it(extractor: QuoteExtractor) -> None:
    text = (
        "“Lyon will always be Lyon,” an angry Moreau retaliated. “The club keeps going, "
        "because it still has its pride.”"
    )
    rows = _rows(extractor, text)
    assert [(r[0], r[2], r[3]) for r in rows] == [
        ("Lyon will always be Lyon", "Moreau", "retaliated"),
        ("The club keeps going, because it still has its pride.", "Moreau", "retaliated"),
    ]


@pytest.mark.model
def test_raising_verbs_report_two_parts_without_a_source(attributions: QuoteExtractor) -> None:
    text = "Governor Hale is expected to sign the budget later this week."
    assert _rows(attributions, text) == [
        ("Governor Hale", "indirect", None, "expected", "belief"),
        ("to sign the budget later this week", "indirect", None, "expected", "belief"),
    ]
    text = "It appears, though, that the concert was not loud enough for everyone."
    assert _rows(attributions, text) == [
        (
            "that the concert was not loud enough for everyone",
            "indirect",
            None,
            "appears",
            "perception",
        ),
    ]
    # "appear" in the sense of showing up reports nothing; an agent is a source
    assert _rows(attributions, "Delgado appeared on Channel 4 on Sunday.") == []
    assert [r[2] for r in _rows(attributions, "She is seen as a reformer by many parents.")] == [
        "parents"
    ]
    speech_only = QuoteExtractor(
        attributions.nlp, settings=Settings(scope="attributions", cue_classes=SPEECH_CUE_CLASSES)
    )
    assert _rows(speech_only, text) == []
    # a passive charge with no agent; a comparison clause of a raising verb
    text = "Two county clerks were charged with taking payments from contractors."
    assert [(r[0], r[2]) for r in _rows(attributions, text)] == [
        ("Two county clerks", None),
        ("taking payments from contractors", None),
    ]
    text = "It would seem as if her only plan is to wait long enough."
    assert [r[0] for r in _rows(attributions, text)] == ["her only plan is to wait long enough"]


@pytest.mark.model
def test_interjected_attribution_reports_both_parts(extractor: QuoteExtractor) -> None:
    text = "If the rule conflicts with the contract, Ms. Okafor said, players must follow it."
    assert _rows(extractor, text) == [
        ("If the rule conflicts with the contract", "indirect", "Okafor", "said", "statement"),
        ("players must follow it", "indirect", "Okafor", "said", "statement"),
    ]
    # a connective before the attribution is not part of what was said
    text = "Still, the senator said, the bill will pass."
    assert [r[0] for r in _rows(extractor, text)] == ["the bill will pass"]
    # a part with a quotation is the quotation's; the part without one is still reported
    text = "A cold winter, she said, “would be a good time to fix the roof.”"
    assert [(r[0], r[1]) for r in _rows(extractor, text)] == [
        ("A cold winter", "indirect"),
        ("would be a good time to fix the roof.", "direct"),
    ]
    # quotations keep their own rule: two direct quotes
    text = "“Next year,” she said, “we will win the county.”"
    assert [(r[0], r[1]) for r in _rows(extractor, text)] == [
        ("Next year", "direct"),
        ("we will win the county.", "direct"),
    ]


@pytest.mark.model
def test_clausal_content_ends_before_another_speech_cue_clause(
    attributions: QuoteExtractor,
) -> None:
    text = (
        "In an interview, Ms. Harper said Mr. Lund should leave the board for the good "
        "of the club, echoing a letter from the members."
    )
    assert [(r[0], r[3]) for r in _rows(attributions, text)] == [
        ("Mr. Lund should leave the board for the good of the club", "said"),
        ("a letter from the members", "echoing"),
    ]
    text = (
        "Dana Wells said the real problem is the other council, and she railed against the budget."
    )
    assert [(r[0], r[2]) for r in _rows(attributions, text)] == [
        ("the real problem is the other council", "Dana Wells"),
        ("the budget", "Dana Wells"),
    ]


@pytest.mark.model
def test_relative_pronoun_subject_of_the_content_is_its_first_part(
    attributions: QuoteExtractor,
) -> None:
    text = "This is a tax that most economists say will hurt farmers."
    assert _rows(attributions, text) == [
        ("that", "indirect", "economists", "say", "statement"),
        ("will hurt farmers", "indirect", "economists", "say", "statement"),
    ]
    # the relative pronoun as object: it alone is the content
    text = "The filing included claims that he hid the money, which he has denied."
    assert [(r[0], r[3]) for r in _rows(attributions, text)] == [("which", "denied")]


@pytest.mark.model
def test_verb_before_a_colon_introduces_the_quotation(extractor: QuoteExtractor) -> None:
    text = (
        "Harlan waved as if to quiet the hall, then leaned forward and boomed: "
        "“Let’s finish this in March.”"
    )
    assert _rows(extractor, text) == [
        ("Let’s finish this in March.", "direct", "Harlan", "boomed", "statement")
    ]
    text = "The Oregon mayor texted volunteers saying: “The work goes on.”"
    assert [(r[0], r[3]) for r in _rows(extractor, text) if r[1] == "direct"] == [
        ("The work goes on.", "saying")
    ]
    # no subject, no speaker
    assert _rows(extractor, "It was time for the main event:\n“We will win this state.”") == []


@pytest.mark.model
def test_if_clause_of_a_question_verb_is_its_content(extractor: QuoteExtractor) -> None:
    text = "Then Ms. Abara asked the players if they were always so quiet."
    assert _rows(extractor, text) == [
        ("if they were always so quiet", "indirect", "Abara", "asked", "question")
    ]


@pytest.mark.model
def test_participle_after_a_group_noun_takes_the_noun_as_holder(
    attributions: QuoteExtractor,
) -> None:
    text = "Last year, the union gave $2 million to a group backing Moreno, the former mayor."
    [quote] = attributions.extract(text)
    assert (quote.text, quote.cue and quote.cue.text) == ("Moreno", "backing")
    assert quote.speaker is not None and quote.speaker.mention.text == "a group"


@pytest.mark.model
def test_content_ends_before_a_descriptive_apposition(attributions: QuoteExtractor) -> None:
    text = "Last year, the union gave $2 million to a group backing Moreno, the former mayor."
    assert [r[0] for r in _rows(attributions, text)] == ["Moreno"]
    # a name in apposition and a list stay in the content
    text = "She praised her opponent, Dana Wells."
    assert [r[0] for r in _rows(attributions, text)] == ["her opponent, Dana Wells"]
    text = "He said the contest was between himself, Rosa Delgado and Tom Ibsen."
    assert [r[0] for r in _rows(attributions, text)] == [
        "the contest was between himself, Rosa Delgado and Tom Ibsen"
    ]


@pytest.mark.model
def test_role_noun_read_as_an_apposition_before_the_cue_is_its_speaker(
    extractor: QuoteExtractor,
) -> None:
    # the parser attaches "the candidate" to the names of the opening phrase
    text = (
        "In an interview with Radio Metro hosts Ana Silva and Tom Berg, "
        "the Green mayoral candidate stated that the figures do not add up."
    )
    [quote] = extractor.extract(text)
    assert quote.text == "the figures do not add up"
    assert quote.speaker is not None
    assert quote.speaker.mention.text == "the Green mayoral candidate"


@pytest.mark.model
def test_short_title_case_quotation_is_a_title_not_speech(extractor: QuoteExtractor) -> None:
    text = (
        "Harper was speaking on the podcast “Evenings with Ann Lee,” released "
        "on Sunday. Ann Lee said the show was popular."
    )
    assert [(r[0], r[3]) for r in _rows(extractor, text)] == [("the show was popular", "said")]
    # a short sentence with its end mark is speech
    text = "“The Plan Works.” Ann Lee said."
    assert [r[0] for r in _rows(extractor, text)] == ["The Plan Works."]


@pytest.mark.model
def test_as_clause_reports_the_clause_it_modifies(attributions: QuoteExtractor) -> None:
    text = "But, as we saw in the spring, her lead could be fragile."
    assert [(r[0], r[2], r[3]) for r in _rows(attributions, text)] == [
        ("her lead could be fragile", "we", "saw")
    ]
    # an activity's "as" clause tells when, not what
    assert _rows(attributions, "As he spoke, the crowd cheered.") == []


@pytest.mark.model
def test_speaker_misparsed_after_a_quotation_is_still_found(extractor: QuoteExtractor) -> None:
    # "the 52-year-old" parsed as the head of a participle "asked"
    text = "“What if the council had a budget?” the 52-year-old asked in a podcast."
    quote = extractor.extract(text)[0]
    assert (quote.text, quote.cue and quote.cue.text) == (
        "What if the council had a budget?",
        "asked",
    )
    assert quote.speaker is not None and quote.speaker.mention.text == "the 52-year-old"
    # the name right after the closing mark, when the parse gives the cue no subject
    text = (
        "“We’ve had louder festivals than this one,” local vendor Sam Okoro, wearing an "
        "apron and “Save the Market” badges, said cheerfully."
    )
    assert [(r[0], r[2]) for r in _rows(extractor, text)] == [
        ("We’ve had louder festivals than this one", "Sam Okoro")
    ]


@pytest.mark.model
def test_complementiser_parsed_as_an_object_is_left_out_by_default(
    extractor: QuoteExtractor, attributions: QuoteExtractor
) -> None:
    # regression: the parser reads this "that" as the object of "deserved"
    text = 'Coach Mia Holt said after the match that her side "deserved more".'
    assert _rows(extractor, text) == [
        ('her side "deserved more"', "mixed", "Mia Holt", "said", "statement")
    ]
    assert _rows(attributions, text) == [
        ('that her side "deserved more"', "mixed", "Mia Holt", "said", "statement")
    ]


@pytest.mark.model
@pytest.mark.issue(18)
def test_document_reports_its_findings_in_the_speech_scope(extractor: QuoteExtractor) -> None:
    text = (
        "The audit found that the depot overspent by $4 million. "
        "A study by the harbour trust shows that the bay is warming. "
        "Inspectors found that the gate was open."
    )
    assert _rows(extractor, text) == [
        ("the depot overspent by $4 million", "indirect", "The audit", "found", "finding"),
        ("the bay is warming", "indirect", "A study by the harbour trust", "shows", "finding"),
    ]
    fast = QuoteExtractor(extractor.nlp, settings=Settings(fast=True))
    assert _rows(fast, text) == _rows(extractor, text)


@pytest.mark.model
@pytest.mark.issue(18)
def test_name_and_setting_before_a_colon_without_a_verb_is_the_speaker(
    extractor: QuoteExtractor,
) -> None:
    text = (
        'Tomas Varga, leaving the courthouse: "We will appeal on Monday."\n'
        'Tomas Varga again, this time on Instagram: "Thank you for the kind words."'
    )
    assert _rows(extractor, text) == [
        ("We will appeal on Monday.", "direct", "Tomas Varga", None, None),
        ("Thank you for the kind words.", "direct", "Tomas Varga", None, None),
    ]
    # a finite verb makes the lead-in a clause of its own, not a setting of the quotation
    text = 'Tomas Varga lost the appeal on Monday: "The ruling is a disgrace."'
    assert _rows(extractor, text) == []


@pytest.mark.model
@pytest.mark.issue(18)
def test_comma_before_the_closing_mark_is_the_report_sentences(
    extractor: QuoteExtractor, attributions: QuoteExtractor
) -> None:
    text = "“The ferry will run again by Friday,” the harbour master said."
    assert _rows(extractor, text) == [
        ("The ferry will run again by Friday", "direct", "the harbour master", "said", "statement")
    ]
    # PARC/PolNeAR spans keep it
    assert _rows(attributions, text)[0][0] == "The ferry will run again by Friday,"


@pytest.mark.model
@pytest.mark.issue(18)
@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a dateline says where the story was filed: it opens no content
        (
            "HALIFAX — The port will reopen next week, the transport minister said.",
            "The port will reopen next week",
        ),
        (
            "TULSA, Okla. (AP) -- The river crested below the levee, county officials said Sunday.",
            "The river crested below the levee",
        ),
        # a capitalised word and a dash inside a sentence are no dateline
        (
            "NATO — the alliance as a whole — will spend more, the envoy said.",
            "NATO — the alliance as a whole — will spend more",
        ),
        # a focusing adverb before "that" is the reporter's
        (
            "The landlord would say only that the building was being sold.",
            "the building was being sold",
        ),
        # a mixed quote goes on past its inner quotation
        (
            'The farmer said he was open to "any fair price," but not to a sale of the barn.',
            'he was open to "any fair price," but not to a sale of the barn',
        ),
    ],
)
def test_content_boundaries_of_a_report(extractor: QuoteExtractor, text: str, content: str) -> None:
    assert [row[0] for row in _rows(extractor, text)] == [content]


@pytest.mark.model
@pytest.mark.issue(18)
def test_document_finding_misparsed_as_a_reduced_relative(extractor: QuoteExtractor) -> None:
    text = "But a legislative analysis calculated that rural clinics face much lower cuts."
    assert _rows(extractor, text) == [
        (
            "rural clinics face much lower cuts",
            "indirect",
            "a legislative analysis",
            "calculated",
            "finding",
        )
    ]


@pytest.mark.model
@pytest.mark.issue(18)
def test_as_clause_with_a_phrase_cue_reports_the_clause_it_modifies(
    extractor: QuoteExtractor,
) -> None:
    text = "The ferry will stop in May, as the harbour master pointed out on Monday."
    assert _rows(extractor, text) == [
        ("The ferry will stop in May", "indirect", "the harbour master", "pointed out", "statement")
    ]


@pytest.mark.model
@pytest.mark.issue(18)
def test_page_metadata_and_story_links_are_not_transcript_lines(
    extractor: QuoteExtractor,
) -> None:
    text = (
        "Title: Harbour to close for winter\n"
        "URL: https://example.org/news/harbour-close\n"
        "ALSO SEE: Ferry crews strike over pay\n"
        'Greenpeace: "The harbour must stay closed."'
    )
    assert _rows(extractor, text) == [
        ("The harbour must stay closed.", "direct", "Greenpeace", None, None)
    ]
    # a name that opens with a one-letter word of the labels ("A:") is still a name
    text = 'A Better Harbour Trust: "We will take the port to court."'
    assert [row[0] for row in _rows(extractor, text)] == ["We will take the port to court."]


@pytest.mark.model
@pytest.mark.issue(18)
@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Rana Okafor told analysts on a conference call last week that margins would "
            "recover by spring.",
            "margins would recover by spring",
            "told",
        ),
        (
            "Water use in the county rose by a third last year, according to the state "
            "Department of Health.",
            "Water use in the county rose by a third last year",
            "according to",
        ),
        (
            "The mill will close in March, reports The Tribune.",
            "The mill will close in March",
            "reports",
        ),
        (
            "The merger could be signed within days, four people briefed on the talks said.",
            "The merger could be signed within days",
            "said",
        ),
        (
            "The chief executive was not consulted, one of the people said.",
            "The chief executive was not consulted",
            "said",
        ),
        (
            "The complaint alleges that the firm hid losses from its investors.",
            "the firm hid losses from its investors",
            "alleges",
        ),
    ],
)
def test_statements_a_reader_calls_quotes(
    extractor: QuoteExtractor, text: str, content: str, cue: str
) -> None:
    [quote] = extractor.extract(text)
    assert (quote.text, quote.cue and quote.cue.text) == (content, cue)
    assert quote.speaker is not None


@pytest.mark.model
@pytest.mark.issue(18)
def test_a_reporters_request_for_comment_is_no_question_of_the_source(
    extractor: QuoteExtractor,
) -> None:
    text = "The port authority did not respond to an email asking whether the quay would reopen."
    assert _rows(extractor, text) == []
    text = (
        "The port authority did not return messages Friday by The Harbour Gazette asking "
        "whether the quay would reopen."
    )
    assert _rows(extractor, text) == []
    text = "The port authority asked whether the quay would reopen."
    assert [row[:2] for row in _rows(extractor, text)] == [
        ("whether the quay would reopen", "indirect")
    ]


@pytest.mark.model
@pytest.mark.issue(18)
def test_quoted_charge_after_of_leaves_the_lead_in_out(
    extractor: QuoteExtractor, attributions: QuoteExtractor
) -> None:
    text = 'The union leader accused the chairman of "hiding the losses" in the annual report.'
    assert _rows(extractor, text) == [
        ("hiding the losses", "direct", "The union leader", "accused", "accusation")
    ]
    # a quotation that is only part of the complement stays a mixed quote
    text = 'The union leader accused the chairman of "hiding" the losses.'
    assert [row[:2] for row in _rows(extractor, text)] == [
        ('the chairman of "hiding" the losses', "mixed")
    ]
    # a quotation that goes on past the complement is more than the charge: not narrowed
    text = 'The union accused the board of "hiding the losses. We will not let this go."'
    assert [row[0] for row in _rows(extractor, text)] == [
        'the board of "hiding the losses. We will not let this go."'
    ]
    # PolNeAR's content is the whole object
    text = 'The union leader accused the chairman of "hiding the losses" in the annual report.'
    assert (
        _rows(attributions, text)[0][0]
        == 'the chairman of "hiding the losses" in the annual report'
    )
