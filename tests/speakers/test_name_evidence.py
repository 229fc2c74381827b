"""Evidence that a name the tagger mistyped is a person's, on hand-built Docs (the
tagger's mistakes are the input here, so no model is loaded)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from quoteattr.lexicon import Lexicon
from quoteattr.stages.doc_memo import active
from quoteattr.stages.names import corrected_entity, first_person_speakers, name_run
from quoteattr.stages.roles import role_of

Parse = Callable[..., Doc]


@pytest.mark.issue(18)
def test_names_surname_alone_typed_as_organisation_is_a_person(
    parse: Parse, lexicon: Lexicon
) -> None:
    # "Kofi Danquah won. Danquah left." with the second "Danquah" tagged ORG
    doc = parse(
        [
            ("Kofi", 1, "compound", "PROPN", "NNP", "Kofi", "B-PERSON"),
            ("Danquah", 2, "nsubj", "PROPN", "NNP", "Danquah", "I-PERSON"),
            ("won", 2, "ROOT", "VERB", "VBD", "win", "O"),
            (".", 2, "punct", "PUNCT", ".", ".", "O"),
            ("Danquah", 5, "nsubj", "PROPN", "NNP", "Danquah", "B-ORG"),
            ("left", 5, "ROOT", "VERB", "VBD", "leave", "O"),
            (".", 5, "punct", "PUNCT", ".", ".", "O"),
        ]
    )
    with active(doc):
        ent = corrected_entity(doc, doc[4], lexicon)
    assert ent is not None and ent.label_ == "PERSON"


@pytest.mark.issue(18)
def test_names_acronym_alone_is_no_surname(parse: Parse, lexicon: Lexicon) -> None:
    # "Kofi HCSD won. HCSD left.": an all-capital word is an organisation's acronym
    doc = parse(
        [
            ("Kofi", 1, "compound", "PROPN", "NNP", "Kofi", "B-PERSON"),
            ("HCSD", 2, "nsubj", "PROPN", "NNP", "HCSD", "I-PERSON"),
            ("won", 2, "ROOT", "VERB", "VBD", "win", "O"),
            (".", 2, "punct", "PUNCT", ".", ".", "O"),
            ("HCSD", 5, "nsubj", "PROPN", "NNP", "HCSD", "B-ORG"),
            ("left", 5, "ROOT", "VERB", "VBD", "leave", "O"),
            (".", 5, "punct", "PUNCT", ".", ".", "O"),
        ]
    )
    with active(doc):
        ent = corrected_entity(doc, doc[4], lexicon)
    assert ent is not None and ent.label_ == "ORG"


@pytest.mark.issue(18)
def test_names_first_person_quotation_marks_its_speaker(parse: Parse, lexicon: Lexicon) -> None:
    # '" I was stuck , " Meraz said .' with "Meraz" tagged as a place
    rows = [
        ('"', 2, "punct", "PUNCT", "``", '"', "O"),
        ("I", 2, "nsubj", "PRON", "PRP", "I", "O"),
        ("was", 7, "ccomp", "AUX", "VBD", "be", "O"),
        ("stuck", 2, "acomp", "ADJ", "JJ", "stuck", "O"),
        (",", 7, "punct", "PUNCT", ",", ",", "O"),
        ('"', 7, "punct", "PUNCT", "''", '"', "O"),
        ("Meraz", 7, "nsubj", "PROPN", "NNP", "Meraz", "B-GPE"),
        ("said", 7, "ROOT", "VERB", "VBD", "say", "O"),
        (".", 7, "punct", "PUNCT", ".", ".", "O"),
    ]
    doc = parse(rows)
    assert first_person_speakers(doc, lexicon) == frozenset({"meraz"})
    third = parse([rows[0], ("We", *rows[1][1:]), *rows[2:]])
    assert first_person_speakers(third, lexicon) == frozenset()


@pytest.mark.issue(18)
def test_names_name_run_finds_the_full_name_the_tagger_missed(
    parse: Parse, lexicon: Lexicon
) -> None:
    # "Provost Ilse Vandekamp spoke . Vandekamp said so ." with no entities at all
    doc = parse(
        [
            ("Provost", 2, "compound", "PROPN", "NNP", "Provost", "O"),
            ("Ilse", 2, "compound", "PROPN", "NNP", "Ilse", "O"),
            ("Vandekamp", 3, "nsubj", "PROPN", "NNP", "Vandekamp", "O"),
            ("spoke", 3, "ROOT", "VERB", "VBD", "speak", "O"),
            (".", 3, "punct", "PUNCT", ".", ".", "O"),
            ("Vandekamp", 6, "nsubj", "PROPN", "NNP", "Vandekamp", "O"),
            ("said", 6, "ROOT", "VERB", "VBD", "say", "O"),
            ("so", 6, "advmod", "ADV", "RB", "so", "O"),
            (".", 6, "punct", "PUNCT", ".", ".", "O"),
        ]
    )
    assert name_run(doc, "Vandekamp", lexicon) == ("Ilse Vandekamp", "Provost")
    assert name_run(doc, "Okafor", lexicon) is None


def test_names_given_name_after_a_title_stays_in_the_name(parse: Parse, lexicon: Lexicon) -> None:
    # "Chief Executive Gregory Halvorsen" with only "Halvorsen" tagged PERSON
    words = ("Chief", "Executive", "Gregory")
    rows = [(w, 3, "compound", "PROPN", "NNP", w, "O") for w in words]
    doc = parse([*rows, ("Halvorsen", 3, "ROOT", "PROPN", "NNP", "Halvorsen", "B-PERSON")])
    with active(doc):
        ent = corrected_entity(doc, doc[3], lexicon)
        assert ent is not None and ent.text == "Gregory Halvorsen"
        assert role_of(doc, doc[3], lexicon) == "Chief Executive"


@pytest.mark.parametrize(
    ("words", "between"),
    [
        pytest.param(("Moray", ":"), "All", id="transcript-label"),
        pytest.param(("Moray", ","), "whose", id="relative-possessive"),
    ],
)
def test_roles_no_apposition_across_a_label_or_from_whose(
    parse: Parse, lexicon: Lexicon, words: tuple[str, str], between: str
) -> None:
    # "Moray: All the time." and "Moray, whose time ..." with "time" parsed as an apposition
    tag = "PDT" if between == "All" else "WP$"
    doc = parse(
        [
            (words[0], 0, "ROOT", "PROPN", "NNP", words[0], "B-PERSON"),
            (words[1], 0, "punct", "PUNCT", words[1], words[1], "O"),
            (between, 4, "predet", "DET", tag, between.lower(), "O"),
            ("the", 4, "det", "DET", "DT", "the", "O"),
            ("time", 0, "appos", "NOUN", "NN", "time", "O"),
            (".", 0, "punct", "PUNCT", ".", ".", "O"),
        ]
    )
    with active(doc):
        assert role_of(doc, doc[0], lexicon) is None


Row = tuple[str, int, str, str, str, str, str]


def _rows(table: str) -> list[Row]:
    """Token rows from lines of "word head dep pos tag lemma ent"."""
    return [
        (w, int(h), d, p, t, le, e) for w, h, d, p, t, le, e in map(str.split, table.splitlines())
    ]


#: "Ward sister Morag Baillie-Nwosu said": the tagger stopped the person at the hyphen.
_HYPHEN_LEFT_OUT = _rows(
    """Ward 1 compound NOUN NN ward O
sister 5 compound NOUN NN sister O
Morag 3 compound PROPN NNP Morag B-PERSON
Baillie 5 compound PROPN NNP Baillie I-PERSON
- 5 compound PROPN NNP - O
Nwosu 6 nsubj PROPN NNP Nwosu O
said 6 ROOT VERB VBD say O"""
)
#: "Mayor Pieter van Rensburg said": the given name tagged as a product of its own.
_GIVEN_NAME_MISTYPED = _rows(
    """Mayor 3 compound PROPN NNP Mayor O
Pieter 2 compound PROPN NNP Pieter B-PRODUCT
van 3 compound PROPN NNP van B-PERSON
Rensburg 4 nsubj PROPN NNP Rensburg I-PERSON
said 4 ROOT VERB VBD say O"""
)


@pytest.mark.parametrize(
    ("rows", "spaces", "head", "name", "role"),
    [
        pytest.param(
            _HYPHEN_LEFT_OUT,
            [1, 1, 1, 0, 0, 1, 0],
            5,
            "Morag Baillie-Nwosu",
            "Ward sister",
            id="hyphenated-part-outside-the-entity",
        ),
        pytest.param(
            _GIVEN_NAME_MISTYPED,
            None,
            3,
            "Pieter van Rensburg",
            "Mayor",
            id="given-name-before-a-particle-in-another-entity",
        ),
    ],
)
def test_names_surname_with_particles_or_hyphen_after_a_title(
    parse: Parse,
    lexicon: Lexicon,
    rows: list[Row],
    spaces: list[int] | None,
    head: int,
    name: str,
    role: str,
) -> None:
    doc = parse(rows, spaces)
    with active(doc):
        ent = corrected_entity(doc, doc[head], lexicon)
        found = role_of(doc, doc[head], lexicon)
    assert ent is not None and (ent.text, ent.label_) == (name, "PERSON")
    assert found == role
