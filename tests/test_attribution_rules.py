"""End-to-end regression tests of attribution rules (real model, invented sentences)."""

from __future__ import annotations

import pytest

from quoteattr import QuoteExtractor, Settings
from quoteattr.settings import SPEECH_CUE_CLASSES
from quoteattr.stages.merge import canonical_name

Row = tuple[str, str, str | None, str | None, str | None]


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
        ("that the plan could fail", "indirect", "Joe Smith", "suggested", "statement")
    ]
    text = "On Fox News Channel’s “Hannity,” Newt Gingrich said the ticket was strong."
    assert _rows(extractor, text) == [
        ("the ticket was strong", "indirect", "Newt Gingrich", "said", "statement")
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
        ("that a strike remained possible", "indirect", "Ann Lee", "warned", "warning")
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
def test_beliefs_and_findings_are_reported_by_default_and_can_be_left_out(
    extractor: QuoteExtractor,
) -> None:
    text = (
        "A new poll shows that most voters oppose the plan. Officials believe the bridge is safe."
    )
    assert _rows(extractor, text) == [
        ("that most voters oppose the plan", "indirect", "A new poll", "shows", "finding"),
        ("the bridge is safe", "indirect", "Officials", "believe", "belief"),
    ]
    speech_only = QuoteExtractor(extractor.nlp, settings=Settings(cue_classes=SPEECH_CUE_CLASSES))
    # without the finding, the opposition it reports is an attribution of its own
    assert _rows(speech_only, text) == [
        ("the plan", "indirect", "most voters", "oppose", "criticism")
    ]


def test_one_word_name_merges_with_the_one_full_name_it_begins() -> None:
    assert canonical_name("Lin", "PERSON", ["Lin Haoran", "Ann Lee"]) == "Lin Haoran"
    assert canonical_name("Hillary", "PERSON", ["Hillary Clinton"]) == "Hillary Clinton"
    assert canonical_name("Wang", "PERSON", ["Wang Yi", "Wang Wenbin"]) == "Wang"
    assert canonical_name("Lee", "PERSON", ["Ann Lee", "Lee Hsien Loong"]) == "Ann Lee"


@pytest.mark.model
def test_non_speech_cue_takes_the_quotations_right_next_to_it(extractor: QuoteExtractor) -> None:
    text = (
        '"Let us take this opportunity," Blackwell concluded, '
        '"to elect a president who has the courage to lead."'
    )
    assert _rows(extractor, text) == [
        ("Let us take this opportunity,", "direct", "Blackwell", "concluded", "finding"),
        (
            "to elect a president who has the courage to lead.",
            "direct",
            "Blackwell",
            "concluded",
            "finding",
        ),
    ]


@pytest.mark.model
def test_object_content_stops_before_a_modifier_set_off_by_a_comma(
    extractor: QuoteExtractor,
) -> None:
    text = "The senator praised the Hispanic community, which now makes up 17 percent of voters."
    assert _rows(extractor, text) == [
        ("the Hispanic community", "indirect", "The senator", "praised", "praise")
    ]
    text = "Ann Lee denied the report, calling it false."
    assert _rows(extractor, text) == [
        ("the report", "indirect", "Ann Lee", "denied", "denial"),
        ("it false", "indirect", "Ann Lee", "calling", "statement"),
    ]


@pytest.mark.model
def test_phrase_cue_content_is_the_object_of_its_particle_without_the_setting(
    extractor: QuoteExtractor,
) -> None:
    text = "Trump talked about immigration at every single one of his rallies."
    assert _rows(extractor, text) == [
        ("immigration", "indirect", "Trump", "talked about", "statement")
    ]


@pytest.mark.model
def test_quotation_after_a_name_and_a_colon_inside_a_sentence(extractor: QuoteExtractor) -> None:
    text = (
        "The timing does not surprise Republican pollster Daron Shaw: "
        "“Historically, lesser-known candidates have seen the biggest boost.”"
    )
    assert _rows(extractor, text) == [
        (
            "Historically, lesser-known candidates have seen the biggest boost.",
            "direct",
            "Daron Shaw",
            None,
            None,
        )
    ]


@pytest.mark.model
def test_finite_verb_parsed_as_modifier_of_the_noun_before_it(extractor: QuoteExtractor) -> None:
    # en_core_web_sm parses "a man yelled" as a clause modifying "man"
    text = "Some in the crowd booed, and when Rubio thanked Miami, a man yelled “Stay there!”"
    assert _rows(extractor, text) == [
        ("Miami", "indirect", "Rubio", "thanked", "praise"),
        ("Stay there!", "direct", "a man", "yelled", "statement"),
    ]


@pytest.mark.model
def test_cue_without_content_after_a_full_stop_takes_the_quotation(
    extractor: QuoteExtractor,
) -> None:
    text = "“Russia, if you are listening, I hope you are able to find the emails.” Trump said."
    assert _rows(extractor, text) == [
        (
            "Russia, if you are listening, I hope you are able to find the emails.",
            "direct",
            "Trump",
            "said",
            "statement",
        )
    ]


@pytest.mark.model
def test_verb_outside_the_lexicon_right_after_a_quotation_is_its_cue(
    extractor: QuoteExtractor,
) -> None:
    text = "“This is fantastic!” beamed Donald Hartley of Madison, Alabama."
    assert _rows(extractor, text) == [
        ("This is fantastic!", "direct", "Donald Hartley", "beamed", "statement")
    ]
    text = "“Jeb wants to be a tough guy tonight,” Trump shot back."
    assert _rows(extractor, text) == [
        ("Jeb wants to be a tough guy tonight,", "direct", "Trump", "shot", "statement")
    ]


@pytest.mark.model
def test_preposition_after_a_phrase_cue_goes_with_the_cue(extractor: QuoteExtractor) -> None:
    text = "The actress has sounded off against the idea of whether anyone is Latino enough."
    assert _rows(extractor, text) == [
        (
            "the idea of whether anyone is Latino enough",
            "indirect",
            "The actress",
            "sounded off",
            "statement",
        )
    ]


@pytest.mark.model
def test_that_before_a_quotation_makes_a_mixed_quote(extractor: QuoteExtractor) -> None:
    text = "Clinton told the crowd at a breakfast spot that “I need you tomorrow.”"
    assert _rows(extractor, text) == [
        ("that “I need you tomorrow.”", "mixed", "Clinton", "told", "statement")
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
        "And even when the Republican is not making a visit to a county, he is benefiting "
        "from a spillover effect, according to a new analysis."
    )
    assert _rows(extractor, text) == [
        (
            "even when the Republican is not making a visit to a county, he is benefiting "
            "from a spillover effect",
            "indirect",
            "a new analysis",
            "according to",
            "source",
        )
    ]
    text = (
        "Superdelegates: Clinton is backed by 520 superdelegates compared with 39 who back "
        "Sanders, according to an AP count."
    )
    assert _rows(extractor, text)[0][0] == (
        "Clinton is backed by 520 superdelegates compared with 39 who back Sanders"
    )


@pytest.mark.model
def test_trailing_attribution_misparsed_as_conjunct_reports_the_clause(
    extractor: QuoteExtractor,
) -> None:
    # the small model parses "told" as the last conjunct of "provide"
    text = (
        "People should provide evidence for their claims and not use vague words like "
        "“maybe” and “perhaps”, he told reporters.\n“This is extremely irresponsible.”"
    )
    rows = _rows(extractor, text)
    assert [(r[0], r[3]) for r in rows] == [
        (
            "People should provide evidence for their claims and not use vague words like "
            "“maybe” and “perhaps”",
            "told reporters",
        ),
        ("This is extremely irresponsible.", None),
    ]
    # a coordinated clause of its own is not a trailing attribution
    assert _rows(extractor, "The plan will fail, and she said nothing about it.") == []


@pytest.mark.model
def test_quotation_after_an_adjacent_verb_quote_continues_it(extractor: QuoteExtractor) -> None:
    text = (
        "“France will always be France,” an angry Hollande retaliated. “It never gives up, "
        "because it still bears ideals.”"
    )
    rows = _rows(extractor, text)
    assert [(r[0], r[2], r[3]) for r in rows] == [
        ("France will always be France,", "Hollande", "retaliated"),
        ("It never gives up, because it still bears ideals.", "Hollande", "retaliated"),
    ]


@pytest.mark.model
def test_raising_verbs_report_two_parts_without_a_source(extractor: QuoteExtractor) -> None:
    text = "Trump is expected to deliver a victory speech later tonight."
    assert _rows(extractor, text) == [
        ("Trump", "indirect", None, "expected", "belief"),
        ("to deliver a victory speech later tonight", "indirect", None, "expected", "belief"),
    ]
    text = "It appears, though, that the game was not boring to everyone."
    assert _rows(extractor, text) == [
        ("that the game was not boring to everyone", "indirect", None, "appears", "perception"),
    ]
    # "appear" in the sense of showing up reports nothing; an agent is a source
    assert _rows(extractor, "Trump appeared on Fox News on Sunday.") == []
    assert [r[2] for r in _rows(extractor, "He is seen as a moderate by many voters.")] == [
        "many voters"
    ]
    speech_only = QuoteExtractor(extractor.nlp, settings=Settings(cue_classes=SPEECH_CUE_CLASSES))
    assert _rows(speech_only, text) == []
    # a passive charge with no agent; a comparison clause of a raising verb
    text = "Three city commissioners were charged with receiving bribes from developers."
    assert [(r[0], r[2]) for r in _rows(extractor, text)] == [
        ("Three city commissioners", None),
        ("receiving bribes from developers", None),
    ]
    text = "It would seem as if his current plan is to compete long enough."
    assert [r[0] for r in _rows(extractor, text)] == ["his current plan is to compete long enough"]


@pytest.mark.model
def test_interjected_attribution_reports_both_parts(extractor: QuoteExtractor) -> None:
    text = "If the law conflicts with the orders, Rubio said, Christians must ignore the law."
    assert _rows(extractor, text) == [
        ("If the law conflicts with the orders", "indirect", "Rubio", "said", "statement"),
        ("Christians must ignore the law", "indirect", "Rubio", "said", "statement"),
    ]
    # a connective before the attribution is not part of what was said
    text = "Still, the senator said, the bill will pass."
    assert [r[0] for r in _rows(extractor, text)] == ["the bill will pass"]
    # a part with a quotation is the quotation's; the part without one is still reported
    text = "An economic downturn, he said, “could be a good time to borrow.”"
    assert [(r[0], r[1]) for r in _rows(extractor, text)] == [
        ("An economic downturn", "indirect"),
        ("could be a good time to borrow.", "direct"),
    ]
    # quotations keep their own rule: two direct quotes
    text = "“Trump,” he said, “will win the state.”"
    assert [(r[0], r[1]) for r in _rows(extractor, text)] == [
        ("Trump,", "direct"),
        ("will win the state.", "direct"),
    ]


@pytest.mark.model
def test_clausal_content_ends_before_another_speech_cue_clause(
    extractor: QuoteExtractor,
) -> None:
    text = (
        "In an interview, Mr. Coleman said Mr. Kasich should leave the race for the good "
        "of the party, echoing a memo from the campaign."
    )
    assert [(r[0], r[3]) for r in _rows(extractor, text)] == [
        ("Mr. Kasich should leave the race for the good of the party", "said"),
        ("a memo from the campaign", "echoing"),
    ]
    text = (
        "Marco Rubio said the real extremist is the other party, and he railed against the debates."
    )
    assert [(r[0], r[2]) for r in _rows(extractor, text)] == [
        ("the real extremist is the other party", "Marco Rubio"),
        ("the debates", "Marco Rubio"),
    ]


@pytest.mark.model
def test_relative_pronoun_subject_of_the_content_is_its_first_part(
    extractor: QuoteExtractor,
) -> None:
    text = "It is the kind of job that many economists say is the future."
    assert _rows(extractor, text) == [
        ("that", "indirect", "many economists", "say", "statement"),
        ("is the future", "indirect", "many economists", "say", "statement"),
    ]
    # the relative pronoun as object: it alone is the content
    text = "The report included allegations that he assaulted his wife, which he has denied."
    assert [(r[0], r[3]) for r in _rows(extractor, text)] == [("which", "denied")]


@pytest.mark.model
def test_verb_before_a_colon_introduces_the_quotation(extractor: QuoteExtractor) -> None:
    text = (
        "Trump gestured as if to stop the ruckus, then leaned in and boomed: "
        "“Let’s defeat her in November.”"
    )
    assert _rows(extractor, text) == [
        ("Let’s defeat her in November.", "direct", "Trump", "boomed", "statement")
    ]
    text = "The Vermont senator emailed supporters saying: “The struggle continues.”"
    assert [(r[0], r[3]) for r in _rows(extractor, text)] == [("The struggle continues.", "saying")]
    # no subject, no speaker
    assert _rows(extractor, "It was time for the main event:\n“We will win this state.”") == []


@pytest.mark.model
def test_if_clause_of_a_question_verb_is_its_content(extractor: QuoteExtractor) -> None:
    text = "Then Mr. Rubin asked the students if they were always so serious."
    assert _rows(extractor, text) == [
        ("if they were always so serious", "indirect", "Rubin", "asked", "question")
    ]


@pytest.mark.model
def test_participle_after_a_group_noun_takes_the_noun_as_holder(
    extractor: QuoteExtractor,
) -> None:
    text = "Last year, the firm gave $10 million to a group backing Bush, the former governor."
    assert [(r[0], r[2], r[3]) for r in _rows(extractor, text)] == [("Bush", "a group", "backing")]


@pytest.mark.model
def test_content_ends_before_a_descriptive_apposition(extractor: QuoteExtractor) -> None:
    text = "Last year, the firm gave $10 million to a group backing Bush, the former governor."
    assert [r[0] for r in _rows(extractor, text)] == ["Bush"]
    # a name in apposition and a list stay in the content
    text = "She praised her rival, Hillary Clinton."
    assert [r[0] for r in _rows(extractor, text)] == ["her rival, Hillary Clinton"]
    text = "He said the race was between himself, Donald Trump and Ted Cruz."
    assert [r[0] for r in _rows(extractor, text)] == [
        "the race was between himself, Donald Trump and Ted Cruz"
    ]


@pytest.mark.model
def test_role_noun_read_as_an_apposition_before_the_cue_is_its_speaker(
    extractor: QuoteExtractor,
) -> None:
    # the parser attaches "the candidate" to the names of the opening phrase
    text = (
        "In an interview with Morning Joe hosts Joe Scarborough and Mika Brzezinski, "
        "the Democratic presidential candidate stated that the comments do not fit."
    )
    [quote] = extractor.extract(text)
    assert quote.text == "that the comments do not fit"
    assert quote.speaker is not None
    assert quote.speaker.mention.text == "the Democratic presidential candidate"


@pytest.mark.model
def test_short_title_case_quotation_is_a_title_not_speech(extractor: QuoteExtractor) -> None:
    text = (
        "Stone was speaking on the radio program “Morning Drive with Ann Lee,” broadcast "
        "on Sunday. Ann Lee said the show was popular."
    )
    assert [(r[0], r[3]) for r in _rows(extractor, text)] == [("the show was popular", "said")]
    # a short sentence with its end mark is speech
    text = "“The Plan Works.” Ann Lee said."
    assert [r[0] for r in _rows(extractor, text)] == ["The Plan Works."]


@pytest.mark.model
def test_as_clause_reports_the_clause_it_modifies(extractor: QuoteExtractor) -> None:
    text = "But, as we learned in Iowa, his lead could be tenuous."
    assert [(r[0], r[2], r[3]) for r in _rows(extractor, text)] == [
        ("his lead could be tenuous", "we", "learned")
    ]
    # an activity's "as" clause tells when, not what
    assert _rows(extractor, "As he spoke, the crowd cheered.") == []


@pytest.mark.model
def test_speaker_misparsed_after_a_quotation_is_still_found(extractor: QuoteExtractor) -> None:
    # "the 43-year-old" parsed as the head of a participle "asked"
    text = "“What if the mayor had voice lessons?” the 43-year-old asked in a video."
    quote = extractor.extract(text)[0]
    assert (quote.text, quote.cue and quote.cue.text) == (
        "What if the mayor had voice lessons?",
        "asked",
    )
    assert quote.speaker is not None and quote.speaker.mention.text == "the 43-year-old"
    # the name right after the closing mark, when the parse gives the cue no subject
    text = (
        "“We’ve had more successful conventions than this one,” Texas delegate Bill "
        "Eastland, wearing a cowboy hat and “Ted Cruz” campaign pins, said matter-of-factly."
    )
    assert [(r[0], r[2]) for r in _rows(extractor, text)] == [
        ("We’ve had more successful conventions than this one,", "Bill Eastland")
    ]
