"""A custom ``Lexicon`` reaches every speaker stage; the default one changes nothing.

Each case runs an invented text twice through the real model: with the English
lexicon, and with a copy that has one extra entry (a role noun, a group noun, an
honorific, an office verb, a person noun, a line label or an abbreviation). The two
results are exact values: the default one pins today's behaviour, the custom one
shows that the stage reads the extractor's lexicon.
"""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest
from spacy.language import Language

from quoteattr import QuoteExtractor, Settings
from quoteattr.lang.en import EN_LEXICON
from quoteattr.lang.en.abbreviations import ABBREVIATIONS
from quoteattr.lang.en.role_nouns import (
    ADDRESS_TITLES,
    GROUP_NOUNS,
    HONORIFICS,
    OFFICE_VERBS,
    ROLE_NOUNS,
    TITLES,
)
from quoteattr.lang.en.speaker_kinds import LINE_LABELS, PERSON_NOUNS
from quoteattr.lexicon import Lexicon
from quoteattr.stages.selection import sentence_starts

#: (content, rule, speaker name, mention text, role, entity type, gender) of one quote.
Row = tuple[str, str, str | None, str | None, str | None, str | None, str | None]

STAGES = Path(__file__).resolve().parents[2] / "src" / "quoteattr" / "stages"
#: Stages that find, resolve and describe speakers: they read English data only from
#: the lexicon they are given (as every stage does: see ``tests/test_language_data.py``).
SPEAKER_STAGES = (
    "context",
    "coref",
    "identity",
    "layouts",
    "mentions",
    "merge",
    "names",
    "roles",
    "selection",
    "source_kinds",
    "source_phrase",
    "speakers",
    "uncovered",
)
#: "Mme", an honorific the English lexicon does not have.
MME = {"honorifics": {"mme"}, "honorific_genders": {"mme": "female"}, "titles": {"mme"}}


def _with(**extra: object) -> Lexicon:
    """The English lexicon with the entries of ``extra`` added to its tables."""
    tables: dict[str, object] = {}
    for name, entries in extra.items():
        table = getattr(EN_LEXICON, name)
        tables[name] = {**table, **entries} if isinstance(entries, dict) else table | entries
    return dataclasses.replace(EN_LEXICON, **tables)  # type: ignore[arg-type]


def _rows(nlp: Language, lexicon: Lexicon, text: str, *, fast: bool = False) -> list[Row]:
    out: list[Row] = []
    extractor = QuoteExtractor(nlp, lexicon=lexicon, settings=Settings(fast=fast))
    for q in extractor.extract(text):
        sp = q.speaker
        out.append(
            (
                q.text,
                q.rule,
                sp.name if sp else None,
                sp.mention.text if sp else None,
                sp.role if sp else None,
                sp.entity_type.value if sp else None,
                sp.gender.value if sp and sp.gender else None,
            )
        )
    return out


@pytest.mark.model
@pytest.mark.issue(12)
@pytest.mark.parametrize(
    ("text", "extra", "default", "custom"),
    [
        pytest.param(  # speakers: a role noun holds a view ("pastors supporting X")
            "Outside stood plumbers insisting that the pay deal was unfair.",
            {"role_nouns": {"plumber"}},
            [],
            [
                (
                    "the pay deal was unfair",
                    "verb_content",
                    "plumbers",
                    "plumbers",
                    None,
                    "group",
                    None,
                )
            ],
            id="speakers-role-noun",
        ),
        pytest.param(  # speakers: a group noun holds a view ("a group backing X")
            "Outside stood a guild insisting that the pay deal was unfair.",
            {"group_nouns": {"guild"}},
            [],
            [
                (
                    "the pay deal was unfair",
                    "verb_content",
                    None,
                    "a guild",
                    None,
                    "group",
                    None,
                )
            ],
            id="speakers-group-noun",
        ),
        pytest.param(  # layouts: a headline "'quotation': role noun ..."
            "'Nobody listens to us': beekeeper angry at new rules",
            {"role_nouns": {"beekeeper"}},
            [],
            [
                (
                    "Nobody listens to us",
                    "colon_name",
                    None,
                    "beekeeper angry at new rules",
                    "beekeeper",
                    "anonymous",
                    None,
                )
            ],
            id="layouts-role-noun",
        ),
        pytest.param(  # identity: an honorific is no part of the name and states a gender
            "Mme Anita Patel said the bridge would reopen in May.",
            MME,
            [  # by default the name starts at the given name; no gender is stated
                (
                    "the bridge would reopen in May",
                    "verb_content",
                    "Anita Patel",
                    "Mme Anita Patel",
                    None,
                    "person",
                    None,
                )
            ],
            [
                (
                    "the bridge would reopen in May",
                    "verb_content",
                    "Anita Patel",
                    "Mme Anita Patel",
                    None,
                    "person",
                    "female",
                )
            ],
            id="identity-honorific",
        ),
        pytest.param(  # coref: the gender an honorific states rules out "he"
            "Mme Robin Hale spoke to Tom Fry after the vote. "
            "He said the bridge would reopen in May.",
            MME,
            [
                (
                    "the bridge would reopen in May",
                    "verb_content",
                    "Robin Hale",
                    "He",
                    None,
                    "person",
                    "male",
                )
            ],
            [
                (
                    "the bridge would reopen in May",
                    "verb_content",
                    "Tom Fry",
                    "He",
                    None,
                    "person",
                    "male",
                )
            ],
            id="coref-honorific",
        ),
        pytest.param(  # roles: a relative clause of an office is the role
            "Ann Lee, who coaches the rowing team, said the race was fixed.",
            {"office_verbs": {"coach"}},
            [("the race was fixed", "verb_content", "Ann Lee", "Ann Lee", None, "person", None)],
            [
                (
                    "the race was fixed",
                    "verb_content",
                    "Ann Lee",
                    "Ann Lee",
                    "coaches the rowing team",
                    "person",
                    None,
                )
            ],
            id="roles-office-verb",
        ),
        pytest.param(  # source kinds: one unnamed person is an anonymous source
            "A child in the crowd said the bridge was unsafe.",
            {"person_nouns": {"child"}},
            [
                (
                    "the bridge was unsafe",
                    "verb_content",
                    None,
                    "A child in the crowd",
                    None,
                    "description",
                    None,
                )
            ],
            [
                (
                    "the bridge was unsafe",
                    "verb_content",
                    None,
                    "A child in the crowd",
                    None,
                    "anonymous",
                    None,
                )
            ],
            id="source-kinds-person-noun",
        ),
        pytest.param(  # layouts: a headline label before a colon names no one
            'Wrap: "We will not back down"',
            {"line_labels": {"wrap"}},
            [("We will not back down", "colon_name", None, "Wrap", None, "description", None)],
            [],
            id="layouts-headline-label",
        ),
        pytest.param(  # layouts: a transcript label names no one
            "RECAP: We lost the vote.\n\nHOLT: What happened tonight?\n\nMARKS: We lost the vote.",
            {"line_labels": {"recap"}},
            [
                ("We lost the vote.", "transcript", "RECAP", "RECAP", None, "unknown", None),
                ("What happened tonight?", "transcript", "HOLT", "HOLT", None, "unknown", None),
                ("We lost the vote.", "transcript", "MARKS", "MARKS", None, "unknown", None),
            ],
            [
                ("What happened tonight?", "transcript", "HOLT", "HOLT", None, "unknown", None),
                ("We lost the vote.", "transcript", "MARKS", "MARKS", None, "unknown", None),
            ],
            id="layouts-transcript-label",
        ),
    ],
)
def test_custom_lexicon_reaches_the_speaker_stage(
    nlp: Language,
    text: str,
    extra: dict[str, object],
    default: list[Row],
    custom: list[Row],
) -> None:
    assert _rows(nlp, EN_LEXICON, text) == default
    assert _rows(nlp, _with(**extra), text) == custom


@pytest.mark.model
@pytest.mark.issue(12)
def test_custom_lexicon_abbreviation_reaches_fast_mode(nlp: Language) -> None:
    filler = "The river rose after days of rain. Boats were tied up at the pier. "
    text = filler + "Supt. Hale said the road was shut. " + filler
    custom = _with(abbreviations={"supt"})
    pieces = {
        lex: QuoteExtractor(nlp, lexicon=lex, settings=Settings(fast=True))._pieces(text)
        for lex in (EN_LEXICON, custom)
    }
    assert pieces[EN_LEXICON][0].text == "Hale said the road was shut."
    assert pieces[custom][0].text == "Supt. Hale said the road was shut."
    said = ("the road was shut", "verb_content", "Hale", "Hale")
    assert _rows(nlp, EN_LEXICON, text, fast=True) == [(*said, None, "unknown", None)]
    assert _rows(nlp, custom, text, fast=True) == [(*said, None, "person", None)]


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    ("text", "abbreviations", "expected"),
    [
        ("Ask Insp. Hale now. He knows.", ABBREVIATIONS, [0, 10, 20]),
        ("Ask Insp. Hale now. He knows.", ABBREVIATIONS | {"insp"}, [0, 20]),
        ("Mr. Lee spoke. Then he left.", ABBREVIATIONS, [0, 15]),
        ("Mr. Lee spoke. Then he left.", frozenset(), [0, 4, 15]),
    ],
)
def test_custom_lexicon_sentence_starts_use_the_abbreviations(
    text: str, abbreviations: frozenset[str], expected: list[int]
) -> None:
    assert sentence_starts(text, abbreviations) == expected


@pytest.mark.issue(12)
def test_custom_lexicon_english_tables_have_one_definition() -> None:
    assert EN_LEXICON.role_nouns == ROLE_NOUNS
    assert EN_LEXICON.group_nouns == GROUP_NOUNS
    assert EN_LEXICON.honorifics == HONORIFICS
    assert EN_LEXICON.titles == TITLES and HONORIFICS <= TITLES
    assert EN_LEXICON.abbreviations == ABBREVIATIONS
    assert EN_LEXICON.person_nouns == PERSON_NOUNS
    assert EN_LEXICON.office_verbs == OFFICE_VERBS
    assert EN_LEXICON.address_titles == ADDRESS_TITLES and ADDRESS_TITLES <= TITLES
    assert EN_LEXICON.line_labels == LINE_LABELS
    assert Lexicon.from_json(EN_LEXICON.to_json()) == EN_LEXICON


@pytest.mark.issue(12)
@pytest.mark.parametrize("module", SPEAKER_STAGES)
def test_custom_lexicon_speaker_stages_do_not_import_language_data(module: str) -> None:
    tree = ast.parse((STAGES / f"{module}.py").read_text(encoding="utf-8"))
    imported = [
        ("." * node.level) + (node.module or "")
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
    ]
    assert imported
    assert [m for m in imported if m.lstrip(".").split(".")[0] in ("lang", "quoteattr")] == []
