"""Unit tests of the attribution stages on hand-built Docs (no model).

Each sentence is written token by token as spaCy's English parser
(en_core_web_sm 3.8) analyses it: (word, head, dep, pos, tag, lemma, ent).
Heads are absolute token indexes.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from quoteattr.lang.en import EN_LEXICON
from quoteattr.models import QuoteType
from quoteattr.stages.assemble import quote_type
from quoteattr.stages.content import content_span
from quoteattr.stages.cues import CueFinder
from quoteattr.stages.mentions import mention_for
from quoteattr.stages.merge import canonical_name, name_words
from quoteattr.stages.roles import role_of
from quoteattr.stages.speakers import speaker_head
from quoteattr.types import CueMatch, Mention, QuoteSpan

Tok = tuple[str, int, str, str, str, str, str]

# fmt: off
SENTENCES: dict[str, list[Tok]] = {
    # Ann Lee said that taxes will rise.
    "said_that": [
        ("Ann", 1, "compound", "PROPN", "NNP", "Ann", "B-PERSON"),
        ("Lee", 2, "nsubj", "PROPN", "NNP", "Lee", "I-PERSON"),
        ("said", 2, "ROOT", "VERB", "VBD", "say", "O"),
        ("that", 6, "mark", "SCONJ", "IN", "that", "O"),
        ("taxes", 6, "nsubj", "NOUN", "NNS", "tax", "O"),
        ("will", 6, "aux", "AUX", "MD", "will", "O"),
        ("rise", 2, "ccomp", "VERB", "VB", "rise", "O"),
        (".", 2, "punct", "PUNCT", ".", ".", "O"),
    ],
    # Taxes will rise, Ann Lee said.
    "left_ccomp": [
        ("Taxes", 2, "nsubj", "NOUN", "NNS", "tax", "O"),
        ("will", 2, "aux", "AUX", "MD", "will", "O"),
        ("rise", 6, "ccomp", "VERB", "VB", "rise", "O"),
        (",", 6, "punct", "PUNCT", ",", ",", "O"),
        ("Ann", 5, "compound", "PROPN", "NNP", "Ann", "B-PERSON"),
        ("Lee", 6, "nsubj", "PROPN", "NNP", "Lee", "I-PERSON"),
        ("said", 6, "ROOT", "VERB", "VBD", "say", "O"),
        (".", 6, "punct", "PUNCT", ".", ".", "O"),
    ],
    # Wang Wenbin, spokesperson for the ministry, said it.
    "appos_role": [
        ("Wang", 1, "compound", "PROPN", "NNP", "Wang", "B-PERSON"),
        ("Wenbin", 8, "nsubj", "PROPN", "NNP", "Wenbin", "I-PERSON"),
        (",", 1, "punct", "PUNCT", ",", ",", "O"),
        ("spokesperson", 1, "appos", "NOUN", "NN", "spokesperson", "O"),
        ("for", 3, "prep", "ADP", "IN", "for", "O"),
        ("the", 6, "det", "DET", "DT", "the", "O"),
        ("ministry", 4, "pobj", "NOUN", "NN", "ministry", "O"),
        (",", 1, "punct", "PUNCT", ",", ",", "O"),
        ("said", 8, "ROOT", "VERB", "VBD", "say", "O"),
        ("it", 8, "dobj", "PRON", "PRP", "it", "O"),
        (".", 8, "punct", "PUNCT", ".", ".", "O"),
    ],
    # Foreign Minister Wang Yi said it.  (the NER leaves the title out of the PERSON)
    "title_role": [
        ("Foreign", 1, "compound", "PROPN", "NNP", "Foreign", "O"),
        ("Minister", 3, "compound", "PROPN", "NNP", "Minister", "O"),
        ("Wang", 3, "compound", "PROPN", "NNP", "Wang", "B-PERSON"),
        ("Yi", 4, "nsubj", "PROPN", "NNP", "Yi", "I-PERSON"),
        ("said", 4, "ROOT", "VERB", "VBD", "say", "O"),
        ("it", 4, "dobj", "PRON", "PRP", "it", "O"),
        (".", 4, "punct", "PUNCT", ".", ".", "O"),
    ],
    # Ann Lee, the US Ambassador to the UN, said it.
    "appos_role_det": [
        ("Ann", 1, "compound", "PROPN", "NNP", "Ann", "B-PERSON"),
        ("Lee", 10, "nsubj", "PROPN", "NNP", "Lee", "I-PERSON"),
        (",", 1, "punct", "PUNCT", ",", ",", "O"),
        ("the", 5, "det", "DET", "DT", "the", "O"),
        ("US", 5, "compound", "PROPN", "NNP", "US", "B-GPE"),
        ("Ambassador", 1, "appos", "PROPN", "NNP", "Ambassador", "O"),
        ("to", 5, "prep", "ADP", "IN", "to", "O"),
        ("the", 8, "det", "DET", "DT", "the", "O"),
        ("UN", 6, "pobj", "PROPN", "NNP", "UN", "B-ORG"),
        (",", 1, "punct", "PUNCT", ",", ",", "O"),
        ("said", 10, "ROOT", "VERB", "VBD", "say", "O"),
        ("it", 10, "dobj", "PRON", "PRP", "it", "O"),
        (".", 10, "punct", "PUNCT", ".", ".", "O"),
    ],
    # He accused NATO of lying.
    "accused_of": [
        ("He", 1, "nsubj", "PRON", "PRP", "he", "O"),
        ("accused", 1, "ROOT", "VERB", "VBD", "accuse", "O"),
        ("NATO", 1, "dobj", "PROPN", "NNP", "NATO", "B-ORG"),
        ("of", 1, "prep", "ADP", "IN", "of", "O"),
        ("lying", 3, "pcomp", "VERB", "VBG", "lie", "O"),
        (".", 1, "punct", "PUNCT", ".", ".", "O"),
    ],
    # According to Lee, taxes rise.
    "according_to": [
        ("According", 5, "prep", "VERB", "VBG", "accord", "O"),
        ("to", 0, "prep", "ADP", "IN", "to", "O"),
        ("Lee", 1, "pobj", "PROPN", "NNP", "Lee", "B-PERSON"),
        (",", 5, "punct", "PUNCT", ",", ",", "O"),
        ("taxes", 5, "nsubj", "NOUN", "NNS", "tax", "O"),
        ("rise", 5, "ROOT", "VERB", "VBP", "rise", "O"),
        (".", 5, "punct", "PUNCT", ".", ".", "O"),
    ],
    # He called on NATO to stop.
    "called_on": [
        ("He", 1, "nsubj", "PRON", "PRP", "he", "O"),
        ("called", 1, "ROOT", "VERB", "VBD", "call", "O"),
        ("on", 1, "prep", "ADP", "IN", "on", "O"),
        ("NATO", 2, "pobj", "PROPN", "NNP", "NATO", "B-ORG"),
        ("to", 5, "aux", "PART", "TO", "to", "O"),
        ("stop", 1, "xcomp", "VERB", "VB", "stop", "O"),
        (".", 1, "punct", "PUNCT", ".", ".", "O"),
    ],
    # Ann Lee denied the report.
    "denied_object": [
        ("Ann", 1, "compound", "PROPN", "NNP", "Ann", "B-PERSON"),
        ("Lee", 2, "nsubj", "PROPN", "NNP", "Lee", "I-PERSON"),
        ("denied", 2, "ROOT", "VERB", "VBD", "deny", "O"),
        ("the", 4, "det", "DET", "DT", "the", "O"),
        ("report", 2, "dobj", "NOUN", "NN", "report", "O"),
        (".", 2, "punct", "PUNCT", ".", ".", "O"),
    ],
    # Lee spoke on Sunday, accusing NATO of lying.
    "participle": [
        ("Lee", 1, "nsubj", "PROPN", "NNP", "Lee", "B-PERSON"),
        ("spoke", 1, "ROOT", "VERB", "VBD", "speak", "O"),
        ("on", 1, "prep", "ADP", "IN", "on", "O"),
        ("Sunday", 2, "pobj", "PROPN", "NNP", "Sunday", "B-DATE"),
        (",", 1, "punct", "PUNCT", ",", ",", "O"),
        ("accusing", 1, "advcl", "VERB", "VBG", "accuse", "O"),
        ("NATO", 5, "dobj", "PROPN", "NNP", "NATO", "B-ORG"),
        ("of", 5, "prep", "ADP", "IN", "of", "O"),
        ("lying", 7, "pcomp", "VERB", "VBG", "lie", "O"),
        (".", 1, "punct", "PUNCT", ".", ".", "O"),
    ],
    # The panel is led by Lee, who said taxes will rise.
    "relative": [
        ("The", 1, "det", "DET", "DT", "the", "O"),
        ("panel", 3, "nsubjpass", "NOUN", "NN", "panel", "O"),
        ("is", 3, "auxpass", "AUX", "VBZ", "be", "O"),
        ("led", 3, "ROOT", "VERB", "VBN", "lead", "O"),
        ("by", 3, "agent", "ADP", "IN", "by", "O"),
        ("Lee", 4, "pobj", "PROPN", "NNP", "Lee", "B-PERSON"),
        (",", 5, "punct", "PUNCT", ",", ",", "O"),
        ("who", 8, "nsubj", "PRON", "WP", "who", "O"),
        ("said", 5, "relcl", "VERB", "VBD", "say", "O"),
        ("taxes", 11, "nsubj", "NOUN", "NNS", "tax", "O"),
        ("will", 11, "aux", "AUX", "MD", "will", "O"),
        ("rise", 8, "ccomp", "VERB", "VB", "rise", "O"),
        (".", 3, "punct", "PUNCT", ".", ".", "O"),
    ],
    # The plan was criticized by Lee.
    "passive_agent": [
        ("The", 1, "det", "DET", "DT", "the", "O"),
        ("plan", 3, "nsubjpass", "NOUN", "NN", "plan", "O"),
        ("was", 3, "auxpass", "AUX", "VBD", "be", "O"),
        ("criticized", 3, "ROOT", "VERB", "VBN", "criticize", "O"),
        ("by", 3, "agent", "ADP", "IN", "by", "O"),
        ("Lee", 4, "pobj", "PROPN", "NNP", "Lee", "B-PERSON"),
        (".", 3, "punct", "PUNCT", ".", ".", "O"),
    ],
    # Lee smiled and said it.
    "coordinated": [
        ("Lee", 1, "nsubj", "PROPN", "NNP", "Lee", "B-PERSON"),
        ("smiled", 1, "ROOT", "VERB", "VBD", "smile", "O"),
        ("and", 1, "cc", "CCONJ", "CC", "and", "O"),
        ("said", 1, "conj", "VERB", "VBD", "say", "O"),
        ("it", 3, "dobj", "PRON", "PRP", "it", "O"),
        (".", 1, "punct", "PUNCT", ".", ".", "O"),
    ],
    # Lee complained in Moscow.
    "setting_only": [
        ("Lee", 1, "nsubj", "PROPN", "NNP", "Lee", "B-PERSON"),
        ("complained", 1, "ROOT", "VERB", "VBD", "complain", "O"),
        ("in", 1, "prep", "ADP", "IN", "in", "O"),
        ("Moscow", 2, "pobj", "PROPN", "NNP", "Moscow", "B-GPE"),
        (".", 1, "punct", "PUNCT", ".", ".", "O"),
    ],
    # The mayor said it.
    "noun_subject": [
        ("The", 1, "det", "DET", "DT", "the", "O"),
        ("mayor", 2, "nsubj", "NOUN", "NN", "mayor", "O"),
        ("said", 2, "ROOT", "VERB", "VBD", "say", "O"),
        ("it", 2, "dobj", "PRON", "PRP", "it", "O"),
        (".", 2, "punct", "PUNCT", ".", ".", "O"),
    ],
    # Mr. Lee said it.
    "honorific": [
        ("Mr.", 1, "compound", "PROPN", "NNP", "Mr.", "O"),
        ("Lee", 2, "nsubj", "PROPN", "NNP", "Lee", "B-PERSON"),
        ("said", 2, "ROOT", "VERB", "VBD", "say", "O"),
        ("it", 2, "dobj", "PRON", "PRP", "it", "O"),
        (".", 2, "punct", "PUNCT", ".", ".", "O"),
    ],
    # Lee said in a statement that taxes will rise.
    "in_a_statement": [
        ("Lee", 1, "nsubj", "PROPN", "NNP", "Lee", "B-PERSON"),
        ("said", 1, "ROOT", "VERB", "VBD", "say", "O"),
        ("in", 1, "prep", "ADP", "IN", "in", "O"),
        ("a", 4, "det", "DET", "DT", "a", "O"),
        ("statement", 2, "pobj", "NOUN", "NN", "statement", "O"),
        ("that", 8, "mark", "SCONJ", "IN", "that", "O"),
        ("taxes", 8, "nsubj", "NOUN", "NNS", "tax", "O"),
        ("will", 8, "aux", "AUX", "MD", "will", "O"),
        ("rise", 1, "ccomp", "VERB", "VB", "rise", "O"),
        (".", 1, "punct", "PUNCT", ".", ".", "O"),
    ],
    # His say in the matter is small.  ("say" as a noun is no cue)
    "say_noun": [
        ("His", 1, "poss", "PRON", "PRP$", "his", "O"),
        ("say", 5, "nsubj", "NOUN", "NN", "say", "O"),
        ("in", 1, "prep", "ADP", "IN", "in", "O"),
        ("the", 4, "det", "DET", "DT", "the", "O"),
        ("matter", 2, "pobj", "NOUN", "NN", "matter", "O"),
        ("is", 5, "ROOT", "AUX", "VBZ", "be", "O"),
        ("small", 5, "acomp", "ADJ", "JJ", "small", "O"),
        (".", 5, "punct", "PUNCT", ".", ".", "O"),
    ],
    # Weapons for the war against Ukraine, accusing NATO of lying.
    # (a fragment, as the parser leaves "[weapons - ed.] ..., accusing ..." in the seed article)
    "participle_fragment": [
        ("Weapons", 0, "ROOT", "NOUN", "NNS", "weapon", "O"),
        ("for", 0, "prep", "ADP", "IN", "for", "O"),
        ("the", 3, "det", "DET", "DT", "the", "O"),
        ("war", 1, "pobj", "NOUN", "NN", "war", "O"),
        ("against", 3, "prep", "ADP", "IN", "against", "O"),
        ("Ukraine", 4, "pobj", "PROPN", "NNP", "Ukraine", "B-GPE"),
        (",", 0, "punct", "PUNCT", ",", ",", "O"),
        ("accusing", 0, "acl", "VERB", "VBG", "accuse", "O"),
        ("NATO", 7, "dobj", "PROPN", "NNP", "NATO", "B-ORG"),
        ("of", 7, "prep", "ADP", "IN", "of", "O"),
        ("lying", 9, "pcomp", "VERB", "VBG", "lie", "O"),
        (".", 0, "punct", "PUNCT", ".", ".", "O"),
    ],
    # They accused the government of ignoring warnings and called on it to stop.
    # (the parser hangs "and" on "ignoring" and the second verb on "accused")
    "accused_and_called": [
        ("They", 1, "nsubj", "PRON", "PRP", "they", "O"),
        ("accused", 1, "ROOT", "VERB", "VBD", "accuse", "O"),
        ("the", 3, "det", "DET", "DT", "the", "O"),
        ("government", 1, "dobj", "NOUN", "NN", "government", "O"),
        ("of", 1, "prep", "ADP", "IN", "of", "O"),
        ("ignoring", 4, "pcomp", "VERB", "VBG", "ignore", "O"),
        ("warnings", 5, "dobj", "NOUN", "NNS", "warning", "O"),
        ("and", 5, "cc", "CCONJ", "CC", "and", "O"),
        ("called", 1, "conj", "VERB", "VBD", "call", "O"),
        ("on", 8, "prep", "ADP", "IN", "on", "O"),
        ("it", 9, "pobj", "PRON", "PRP", "it", "O"),
        ("to", 12, "aux", "PART", "TO", "to", "O"),
        ("stop", 8, "xcomp", "VERB", "VB", "stop", "O"),
        (".", 1, "punct", "PUNCT", ".", ".", "O"),
    ],
    # Lee texted that taxes will rise.  (the lemmatizer gives "texte")
    "texted": [
        ("Lee", 1, "nsubj", "PROPN", "NNP", "Lee", "B-PERSON"),
        ("texted", 1, "ROOT", "VERB", "VBD", "texte", "O"),
        ("that", 5, "mark", "SCONJ", "IN", "that", "O"),
        ("taxes", 5, "nsubj", "NOUN", "NNS", "tax", "O"),
        ("will", 5, "aux", "AUX", "MD", "will", "O"),
        ("rise", 1, "ccomp", "VERB", "VB", "rise", "O"),
        (".", 1, "punct", "PUNCT", ".", ".", "O"),
    ],
}
# fmt: on

# the cue of each sentence, as CueFinder reports it
CUES: dict[str, CueMatch] = {
    "said_that": CueMatch(2, 3, 2, "say", "statement", "verb", neutral=True),
    "left_ccomp": CueMatch(6, 7, 6, "say", "statement", "verb", neutral=True),
    "appos_role": CueMatch(8, 9, 8, "say", "statement", "verb", neutral=True),
    "title_role": CueMatch(4, 5, 4, "say", "statement", "verb", neutral=True),
    "appos_role_det": CueMatch(10, 11, 10, "say", "statement", "verb", neutral=True),
    "accused_of": CueMatch(1, 2, 1, "accuse", "accusation", "verb"),
    "according_to": CueMatch(0, 2, 0, "according to", "source", "fixed", neutral=True),
    "called_on": CueMatch(1, 3, 1, "call on", "directive", "verb_phrase"),
    "denied_object": CueMatch(2, 3, 2, "deny", "denial", "verb"),
    "participle": CueMatch(5, 6, 5, "accuse", "accusation", "verb"),
    "relative": CueMatch(8, 9, 8, "say", "statement", "verb", neutral=True),
    "passive_agent": CueMatch(3, 4, 3, "criticize", "criticism", "verb"),
    "coordinated": CueMatch(3, 4, 3, "say", "statement", "verb", neutral=True),
    "setting_only": CueMatch(1, 2, 1, "complain", "criticism", "verb"),
    "noun_subject": CueMatch(2, 3, 2, "say", "statement", "verb", neutral=True),
    "honorific": CueMatch(2, 3, 2, "say", "statement", "verb", neutral=True),
    "in_a_statement": CueMatch(1, 2, 1, "say", "statement", "verb", neutral=True),
    "participle_fragment": CueMatch(7, 8, 7, "accuse", "accusation", "verb"),
    "accused_and_called": CueMatch(1, 2, 1, "accuse", "accusation", "verb"),
}
# every speech cue of a sentence, where there is more than the one above
ALL_CUES: dict[str, list[CueMatch]] = {
    "accused_and_called": [
        CUES["accused_and_called"],
        CueMatch(8, 10, 8, "call on", "directive", "verb_phrase"),
    ],
    "participle": [CueMatch(1, 2, 1, "speak", "statement", "verb"), CUES["participle"]],
}


@pytest.fixture
def sent(make_doc):  # type: ignore[no-untyped-def]
    """Build the hand-parsed Doc of ``SENTENCES[name]``."""

    def build(name: str) -> Doc:
        words, heads, deps, pos, tags, lemmas, ents = zip(*SENTENCES[name], strict=True)
        return make_doc(words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas, ents=ents)

    return build


def test_sentences_are_well_formed(sent) -> None:  # type: ignore[no-untyped-def]
    for name in SENTENCES:
        doc = sent(name)
        assert doc.has_annotation("DEP"), name
        assert len(list(doc.sents)) == 1, name
        roots = [t for t in doc if t.dep_ == "ROOT"]
        assert len(roots) == 1 and roots[0].head.i == roots[0].i, name


# ---------------------------------------------------------------- cues


@pytest.mark.parametrize("name", sorted(CUES))
def test_cues_finds_the_cue_of_each_sentence(sent, en_vocab, lexicon, name) -> None:  # type: ignore[no-untyped-def]
    finder = CueFinder(en_vocab, lexicon)
    found = finder(sent(name))
    speech = [c for c in found if c.kind != "fixed" or c.lemma == "according to"]
    assert speech == ALL_CUES.get(name, [CUES[name]])


def test_cues_verb_phrase_wins_over_its_verb(sent, en_vocab, lexicon) -> None:  # type: ignore[no-untyped-def]
    # "call" alone is a statement verb; "call on" (directive) covers it
    assert CueFinder(en_vocab, lexicon)(sent("called_on")) == [
        CueMatch(1, 3, 1, "call on", "directive", "verb_phrase")
    ]


def test_cues_fixed_phrase_next_to_verb_is_kept_with_verb_head(sent, en_vocab, lexicon) -> None:  # type: ignore[no-untyped-def]
    assert CueFinder(en_vocab, lexicon)(sent("in_a_statement")) == [
        CueMatch(1, 2, 1, "say", "statement", "verb", neutral=True),
        CueMatch(2, 5, 1, "in a statement", "statement", "fixed"),
    ]


def test_cues_noun_with_cue_lemma_is_not_a_cue(sent, en_vocab, lexicon) -> None:  # type: ignore[no-untyped-def]
    assert CueFinder(en_vocab, lexicon)(sent("say_noun")) == []


@pytest.mark.parametrize(
    ("classes", "name", "expected_lemmas"),
    [
        (["statement"], "said_that", ["say"]),
        (["denial"], "said_that", []),
        (["denial"], "denied_object", ["deny"]),
        (["statement"], "called_on", ["call"]),  # without "directive", the verb alone is left
        (["directive"], "called_on", ["call on"]),
        (["statement"], "according_to", []),
        (None, "passive_agent", ["criticize"]),
    ],
)
def test_cues_keeps_only_the_requested_classes(  # type: ignore[no-untyped-def]
    sent, en_vocab, lexicon, classes, name, expected_lemmas
) -> None:
    found = CueFinder(en_vocab, lexicon, classes)(sent(name))
    assert [c.lemma for c in found] == expected_lemmas


def test_cues_apply_the_lexicons_lemma_fixes(sent, en_vocab, lexicon) -> None:  # type: ignore[no-untyped-def]
    # The lexicon maps the lemmatizer's wrong lemma "texte" (for "texted") to
    # the cue verb "text" (Lexicon.lemma_fixes); CueFinder must use it.
    assert lexicon.lemma_fixes["texte"] == "text"
    assert CueFinder(en_vocab, lexicon)(sent("texted")) == [
        CueMatch(1, 2, 1, "text", "writing", "verb")
    ]


def test_cues_are_sorted_and_disjoint(make_doc, en_vocab, lexicon) -> None:  # type: ignore[no-untyped-def]
    # Ann Lee said it and denied it.
    doc = make_doc(
        ["Ann", "Lee", "said", "it", "and", "denied", "it", "."],
        heads=[1, 2, 2, 2, 2, 2, 5, 2],
        deps=["compound", "nsubj", "ROOT", "dobj", "cc", "conj", "dobj", "punct"],
        pos=["PROPN", "PROPN", "VERB", "PRON", "CCONJ", "VERB", "PRON", "PUNCT"],
        lemmas=["Ann", "Lee", "say", "it", "and", "deny", "it", "."],
    )
    found = CueFinder(en_vocab, lexicon)(doc)
    assert [(c.start, c.lemma) for c in found] == [(2, "say"), (5, "deny")]


# ---------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("said_that", "Lee"),
        ("left_ccomp", "Lee"),
        ("appos_role", "Wenbin"),
        ("title_role", "Yi"),
        ("appos_role_det", "Lee"),
        ("accused_of", "He"),
        ("according_to", "Lee"),
        ("called_on", "He"),
        ("participle", "Lee"),  # subject of the governing speech verb "spoke"
        ("relative", "Lee"),  # "who" stands for the noun the clause hangs on
        ("passive_agent", "Lee"),  # agent of a passive cue
        ("coordinated", "Lee"),  # subject of the first conjunct
        ("noun_subject", "mayor"),
        ("honorific", "Lee"),
    ],
)
def test_speakers_head_of_speaker(sent, lexicon, name, expected) -> None:  # type: ignore[no-untyped-def]
    doc = sent(name)
    cue = CUES[name]
    head = speaker_head(doc, cue, {c.head for c in ALL_CUES.get(name, [cue])}, lexicon)
    assert head is not None
    assert head.text == expected


def test_speakers_imperative_has_no_speaker(make_doc, lexicon) -> None:  # type: ignore[no-untyped-def]
    # Say it.
    doc = make_doc(
        ["Say", "it", "."],
        heads=[0, 0, 0],
        deps=["ROOT", "dobj", "punct"],
        pos=["VERB", "PRON", "PUNCT"],
        lemmas=["say", "it", "."],
    )
    cue = CueMatch(0, 1, 0, "say", "statement", "verb", neutral=True)
    assert speaker_head(doc, cue, {0}, lexicon) is None


@pytest.mark.parametrize("label", ["GPE", "ORG", "PERSON"])
def test_speakers_subjectless_participle_does_not_take_the_name_before_it(  # type: ignore[no-untyped-def]
    make_doc, lexicon, label
) -> None:
    # "... against Ukraine, accusing NATO of lying": the name before the comma is
    # the object of a preposition, not the speaker, whatever its entity label;
    # with no subject in the parse the stage must answer None, so that
    # attribution carries the speaker of the previous cue in the paragraph.
    words, heads, deps, pos, tags, lemmas, ents = zip(
        *SENTENCES["participle_fragment"], strict=True
    )
    ents = tuple(f"B-{label}" if e == "B-GPE" else e for e in ents)
    doc = make_doc(words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas, ents=ents)
    cue = CUES["participle_fragment"]
    assert speaker_head(doc, cue, {cue.head}, lexicon) is None


def test_speakers_passive_without_agent_has_no_speaker(make_doc, lexicon) -> None:  # type: ignore[no-untyped-def]
    # The plan was criticized.
    doc = make_doc(
        ["The", "plan", "was", "criticized", "."],
        heads=[1, 3, 3, 3, 3],
        deps=["det", "nsubjpass", "auxpass", "ROOT", "punct"],
        pos=["DET", "NOUN", "AUX", "VERB", "PUNCT"],
        tags=["DT", "NN", "VBD", "VBN", "."],
        lemmas=["the", "plan", "be", "criticize", "."],
    )
    cue = CueMatch(3, 4, 3, "criticize", "criticism", "verb")
    assert speaker_head(doc, cue, {3}, lexicon) is None


# ---------------------------------------------------------------- content


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # ccomp with its complementiser (PolNeAR convention), without the period
        ("said_that", "that taxes will rise"),
        ("left_ccomp", "Taxes will rise"),  # ccomp to the left of the cue
        ("accused_of", "NATO of lying"),  # accused [Y of Z]
        ("called_on", "NATO to stop"),  # called on [Y to Z]
        ("denied_object", "the report"),
        ("according_to", "taxes rise"),  # the clause the phrase modifies
        ("participle", "NATO of lying"),
        ("participle_fragment", "NATO of lying"),
        # a coordinator left dangling at the end is not part of the content
        ("accused_and_called", "the government of ignoring warnings"),
        ("relative", "taxes will rise"),
        ("in_a_statement", "that taxes will rise"),
    ],
)
def test_content_span_of_cue(sent, name, expected) -> None:  # type: ignore[no-untyped-def]
    doc = sent(name)
    cue = CUES[name]
    span = content_span(doc, cue, EN_LEXICON)
    assert span is not None
    assert doc[span[0] : span[1]].text == expected


@pytest.mark.parametrize(
    "name",
    [
        "setting_only",  # "in Moscow" is a setting, not content
        "passive_agent",  # a passive with only an agent reports nothing
        "appos_role",  # "said it": a pronoun object is not what was said
        "coordinated_no_object",
    ],
)
def test_content_span_none_without_content(sent, make_doc, name) -> None:  # type: ignore[no-untyped-def]
    if name == "coordinated_no_object":
        # Lee smiled and spoke.
        doc = make_doc(
            ["Lee", "smiled", "and", "spoke", "."],
            heads=[1, 1, 1, 1, 1],
            deps=["nsubj", "ROOT", "cc", "conj", "punct"],
            pos=["PROPN", "VERB", "CCONJ", "VERB", "PUNCT"],
            lemmas=["Lee", "smile", "and", "speak", "."],
        )
        cue = CueMatch(3, 4, 3, "speak", "statement", "verb")
    else:
        doc, cue = sent(name), CUES[name]
    assert content_span(doc, cue, EN_LEXICON) is None


# ---------------------------------------------------------------- mentions


@pytest.mark.parametrize(
    ("name", "head", "text", "kind", "label"),
    [
        ("said_that", 1, "Ann Lee", "name", "PERSON"),
        ("left_ccomp", 5, "Ann Lee", "name", "PERSON"),
        ("appos_role", 1, "Wang Wenbin", "name", "PERSON"),  # the apposition stays out
        ("title_role", 3, "Wang Yi", "name", "PERSON"),  # the title stays out
        ("appos_role_det", 1, "Ann Lee", "name", "PERSON"),
        ("accused_of", 0, "He", "pronoun", ""),
        ("according_to", 2, "Lee", "name", "PERSON"),
        ("relative", 7, "who", "relative", ""),
        ("noun_subject", 1, "The mayor", "noun", ""),
        ("honorific", 1, "Lee", "name", "PERSON"),
    ],
)
def test_mentions_span_kind_and_label(sent, name, head, text, kind, label) -> None:  # type: ignore[no-untyped-def]
    doc = sent(name)
    mention = mention_for(doc, doc[head], EN_LEXICON)
    assert doc.text[mention.start : mention.end] == text
    assert (mention.head, mention.kind, mention.label) == (head, kind, label)


def test_mentions_exact_offsets(sent) -> None:  # type: ignore[no-untyped-def]
    doc = sent("title_role")  # "Foreign Minister Wang Yi said it."
    assert mention_for(doc, doc[3], EN_LEXICON) == Mention(17, 24, 3, "name", "PERSON")


def test_mentions_noun_phrase_without_entity_keeps_its_modifiers(make_doc) -> None:  # type: ignore[no-untyped-def]
    # A spokeswoman for the agency said it.
    doc = make_doc(
        ["A", "spokeswoman", "for", "the", "agency", "said", "it", "."],
        heads=[1, 5, 1, 4, 2, 5, 5, 5],
        deps=["det", "nsubj", "prep", "det", "pobj", "ROOT", "dobj", "punct"],
        pos=["DET", "NOUN", "ADP", "DET", "NOUN", "VERB", "PRON", "PUNCT"],
        tags=["DT", "NN", "IN", "DT", "NN", "VBD", "PRP", "."],
        lemmas=["a", "spokeswoman", "for", "the", "agency", "say", "it", "."],
    )
    mention = mention_for(doc, doc[1], EN_LEXICON)
    assert doc.text[mention.start : mention.end] == "A spokeswoman for the agency"
    assert mention.kind == "noun"


# ---------------------------------------------------------------- roles


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("appos_role", 1, "spokesperson for the ministry"),
        ("title_role", 3, "Foreign Minister"),
        ("appos_role_det", 1, "the US Ambassador to the UN"),
        ("said_that", 1, None),
        ("honorific", 1, None),  # "Mr." alone is no role
        ("according_to", 2, None),
    ],
)
def test_roles_role_of_name(sent, lexicon, name, head, expected) -> None:  # type: ignore[no-untyped-def]
    doc = sent(name)
    assert role_of(doc, doc[head], lexicon) == expected


def test_roles_apposition_without_role_noun_is_no_role(make_doc, lexicon) -> None:  # type: ignore[no-untyped-def]
    # Ann Lee, 54, said it.
    doc = make_doc(
        ["Ann", "Lee", ",", "54", ",", "said", "it", "."],
        heads=[1, 5, 1, 1, 1, 5, 5, 5],
        deps=["compound", "nsubj", "punct", "appos", "punct", "ROOT", "dobj", "punct"],
        pos=["PROPN", "PROPN", "PUNCT", "NUM", "PUNCT", "VERB", "PRON", "PUNCT"],
        lemmas=["Ann", "Lee", ",", "54", ",", "say", "it", "."],
        ents=["B-PERSON", "I-PERSON", "O", "B-DATE", "O", "O", "O", "O"],
    )
    assert role_of(doc, doc[1], lexicon) is None


def test_roles_apposition_naming_a_person_is_no_role(make_doc, lexicon) -> None:  # type: ignore[no-untyped-def]
    # The minister, Ann Lee, said it.  (head "minister": its apposition is a name)
    doc = make_doc(
        ["The", "minister", ",", "Ann", "Lee", ",", "said", "it", "."],
        heads=[1, 6, 1, 4, 1, 1, 6, 6, 6],
        deps=["det", "nsubj", "punct", "compound", "appos", "punct", "ROOT", "dobj", "punct"],
        pos=["DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB", "PRON", "PUNCT"],
        lemmas=["the", "minister", ",", "Ann", "Lee", ",", "say", "it", "."],
        ents=["O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"],
    )
    assert role_of(doc, doc[1], lexicon) is None


# ---------------------------------------------------------------- merge


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Mr. Thomas-Greenfield", ["thomas", "greenfield"]),
        ("Anthony Blinken", ["anthony", "blinken"]),
        ("Blinken's", ["blinken"]),
        ("Blinken’s", ["blinken"]),
        ("Dr. Ann O'Neil", ["ann", "oneil"]),
        ("Wang Yi,", ["wang", "yi"]),
        ("the Chinese Foreign Ministry", ["the", "chinese", "foreign", "ministry"]),
        ("Mr.", []),
        ("", []),
    ],
)
def test_merge_name_words(name, expected) -> None:  # type: ignore[no-untyped-def]
    assert name_words(name, TITLES) == expected


#: Titles and honorifics as ``identity`` passes them to ``merge`` (no point).
TITLES = frozenset({"mr", "dr", "sen"})
PERSONS = [
    "Anthony Blinken",
    "Wang Yi",
    "Wang Wenbin",
    "Linda Thomas-Greenfield",
    "Idris Okafor",
    "Colm Adeyemi",
]


@pytest.mark.parametrize(
    ("name", "label", "expected"),
    [
        ("Blinken", "PERSON", "Anthony Blinken"),
        ("Anthony Blinken", "PERSON", "Anthony Blinken"),
        ("Thomas-Greenfield", "PERSON", "Linda Thomas-Greenfield"),
        ("Mr. Okafor", "PERSON", "Idris Okafor"),
        ("Okafor", "", "Idris Okafor"),  # unlabelled names are treated as persons
        ("Yi", "PERSON", "Wang Yi"),
        ("Wang", "PERSON", "Wang"),  # a shared family name written first is not a surname
        ("Greenfield", "PERSON", "Linda Thomas-Greenfield"),  # hyphenated surname, last part
        ("Thomas", "PERSON", "Thomas"),  # first part of a hyphenated surname: not extended
        ("Ann Lee", "PERSON", "Ann Lee"),  # no longer name in the document
        ("Blinken", "ORG", "Anthony Blinken"),  # a surname the NER tags ORG still merges
        ("Adeyemi", "GPE", "Colm Adeyemi"),  # a surname the NER takes for a place
        ("the Chinese Foreign Ministry", "ORG", "Chinese Foreign Ministry"),
        ("The Harbour Authority", "ORG", "Harbour Authority"),
        ("China's", "GPE", "China"),
        ("Blinken's", "PERSON", "Anthony Blinken"),
    ],
)
def test_merge_canonical_name(name, label, expected) -> None:  # type: ignore[no-untyped-def]
    assert canonical_name(name, label, PERSONS, TITLES) == expected


@pytest.mark.parametrize(
    ("name", "persons", "expected"),
    [
        # regression: two people share a surname; the one named first keeps it
        ("Murphy", ["Chris Murphy", "Anne Marie Murphy"], "Chris Murphy"),
        ("Murphy", ["Anne Marie Murphy", "Chris Murphy"], "Anne Marie Murphy"),
        # forms of one person's name: the longest
        ("Clinton", ["Hillary Clinton", "Hillary Rodham Clinton"], "Hillary Rodham Clinton"),
        ("Chris Murphy", ["Chris Murphy", "Anne Marie Murphy"], "Chris Murphy"),
    ],
)
def test_merge_canonical_name_of_a_shared_surname(name, persons, expected) -> None:  # type: ignore[no-untyped-def]
    assert canonical_name(name, "PERSON", persons, TITLES) == expected


# ---------------------------------------------------------------- assemble.quote_type

QT_TEXT = 'Lee said "we will win" and that costs will rise.'
QT_QUOTES = [QuoteSpan(10, 21, 9, 21, 0, 0)]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (10, 21, QuoteType.DIRECT),  # we will win
        (9, 22, QuoteType.DIRECT),  # the marks themselves are not letters
        (10, 17, QuoteType.DIRECT),  # part of the quotation
        (10, 47, QuoteType.MIXED),  # we will win" and that costs will rise
        (0, 21, QuoteType.MIXED),
        (27, 47, QuoteType.INDIRECT),  # that costs will rise
    ],
)
def test_assemble_quote_type(start, end, expected) -> None:  # type: ignore[no-untyped-def]
    assert QT_TEXT[10:21] == "we will win"
    assert quote_type(QT_TEXT, start, end, QT_QUOTES) is expected


def test_assemble_quote_type_without_quotations_is_indirect() -> None:
    assert quote_type(QT_TEXT, 10, 21, []) is QuoteType.INDIRECT


def test_assemble_quote_type_unclosed_quotation() -> None:
    # an opening mark never closed: the span runs to the end of the paragraph
    text = 'He said "this is open.'
    quotes = [QuoteSpan(9, 22, 8, None, 0, 0)]
    assert quote_type(text, 9, 22, quotes) is QuoteType.DIRECT
    assert quote_type(text, 0, 22, quotes) is QuoteType.MIXED
