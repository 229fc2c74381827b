"""Corpus speakers: one key per person or body across documents, never two people merged."""

from __future__ import annotations

import io

import pytest

from quoteattr.corpus import build_corpus, corpus_tables, read_alias_table, sign
from quoteattr.corpus.names import person_key
from quoteattr.corpus.speakers import assign_keys

from .corpus_docs import corpus, record

QUOTE = "The harbour will stay open all winter for the fishing boats."


def keys_of(records, aliases=None) -> dict[tuple[str, int], str]:  # type: ignore[no-untyped-def]
    return assign_keys(sign(records), aliases)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Mara Vell", "mara vell", True),
        ("Mára Vell", "Mara Vell", True),
        ("Mara B. Vell", "Mara Vell", True),
        ("Dr. Mara Vell", "Mara Vell", True),
        ("Mara Vell PhD", "Mara Vell", True),
        ("Mara Vell", "Ines Vell", False),
        ("Mara Vell Jr.", "Mara Vell", False),
        ("Mara Vell Jr.", "Mara Vell, Jr", True),
    ],
)
def test_corpus_person_names_equal_up_to_accents_case_initials(a: str, b: str, same: bool) -> None:
    assert (person_key(a) == person_key(b)) is same


def test_corpus_speakers_aliases_merge_across_documents() -> None:
    tables = corpus_tables(build_corpus(sign(corpus())))
    vell = tables["speakers"].set_index("key").loc["person:mara-vell"]
    assert vell["aliases"] == "Mara B. Vell; Mara Vell; Mára Vell"
    assert (vell["name"], vell["documents"], vell["outlets"]) == ("Mara Vell", 4, 4)
    assert (vell["first_date"], vell["last_date"]) == ("2024-03-01", "2024-04-10")
    assert (vell["gender"], vell["gender_estimate"]) == ("female", "female")


def test_corpus_speakers_one_surname_two_people_kept_apart() -> None:
    keys = keys_of(corpus())
    assert keys[("d1", 1)] == "person:tomas-quill"
    assert keys[("d4", 1)] == "person:ines-quill"
    # a surname the document did not resolve stays with its document
    assert keys[("d5", 0)] == "surname:quill@d5"


def test_corpus_speakers_different_initials_kept_apart() -> None:
    recs = [
        record("a", 0, QUOTE, "Mara H.W. Vell"),
        record("b", 1, QUOTE, "Mara W. Vell"),
        record("c", 2, QUOTE, "Mara Vell"),
    ]
    assert sorted(keys_of(recs).values()) == [
        "person:mara-h-w-vell",
        "person:mara-vell",
        "person:mara-w-vell",
    ]


def test_corpus_speakers_acronym_joins_its_organisation() -> None:
    org = {"entity_type": "organization"}
    recs = [
        record("a", 0, QUOTE, "the Lowmouth Harbour Authority", **org),
        record("b", 1, QUOTE, "LHA", **org),
        record("c", 2, QUOTE, "L.H.A.", **org),
        record("d", 3, QUOTE, "KRX", **org),
    ]
    keys = keys_of(recs)
    assert keys[("b", 0)] == keys[("c", 0)] == "org:lowmouth-harbour-authority"
    assert keys[("d", 0)] == "org:krx"


def test_corpus_speakers_acronym_prefers_its_own_document() -> None:
    org = {"entity_type": "organization"}
    recs = [
        record("a", 0, QUOTE, "Lowmouth Harbour Authority", **org),
        record("b", 1, QUOTE, "Lake Hill Academy", **org),
        record("b", 1, QUOTE, "LHA", index=1, speaker_id=1, **org),
        record("c", 2, QUOTE, "LHA", **org),
    ]
    keys = keys_of(recs)
    assert keys[("b", 1)] == "org:lake-hill-academy"
    assert keys[("c", 0)] == "org:lha"  # two organisations with these initials: no guess


def test_corpus_speakers_alias_table_takes_precedence() -> None:
    table = read_alias_table(io.StringIO("key,alias\nperson:mara-vell,Mayor Vell\n"
                                         "person:ines-quill,Tomas Quill\n"))  # fmt: skip
    recs = [*corpus(), record("d6", 5, QUOTE, "Mayor Vell", entity_type="description")]
    keys = keys_of(recs, table)
    assert keys[("d6", 0)] == "person:mara-vell"
    assert keys[("d1", 1)] == keys[("d4", 1)] == "person:ines-quill"


def test_corpus_speakers_unnamed_sources_stay_in_their_document() -> None:
    recs = [
        record("a", 0, QUOTE, None, entity_type="anonymous"),
        record("b", 1, QUOTE, None, entity_type="anonymous"),
        record("c", 2, QUOTE, "Fishermen", entity_type="group"),
    ]
    assert sorted(keys_of(recs).values()) == ["group:fishermen@c", "unnamed:a#0", "unnamed:b#0"]


def test_corpus_speakers_role_history_has_first_and_last_dates() -> None:
    roles = corpus_tables(build_corpus(sign(corpus())))["roles"]
    vell = roles[roles["key"] == "person:mara-vell"]
    assert vell[["role", "first_date", "last_date", "documents"]].values.tolist() == [
        ["mayor", "2024-03-01", "2024-03-01", 1],
        ["mayor of Lowmouth", "2024-03-02", "2024-03-02", 1],
        ["candidate for governor", "2024-03-05", "2024-03-05", 1],
    ]


def test_corpus_speakers_ambiguous_names_stay_in_their_document() -> None:
    org = {"entity_type": "organization"}
    recs = [
        record("a", 0, QUOTE, "Mara Vell"),
        record("b", 1, QUOTE, "Vell", **org),  # a surname typed as an organisation
        record("c", 2, QUOTE, "Vell", **org),
        record("d", 3, QUOTE, "company", **org),  # a common noun, not a name
        record("e", 4, QUOTE, "company", **org),
        record("f", 5, QUOTE, "Mara Vell", **org),  # a person typed as an organisation
    ]
    assert list(keys_of(recs).values()) == [
        "person:mara-vell",
        "surname:vell@b",
        "surname:vell@c",
        "group:company@d",
        "group:company@e",
        "person:mara-vell",
    ]


def test_corpus_speakers_alias_key_is_kept_as_given() -> None:
    table = read_alias_table(io.StringIO("person:vell-elder,Mara H.W. Vell\n"))
    recs = [record("a", 0, QUOTE, "Mara H.W. Vell"), record("b", 1, QUOTE, "Mara W. Vell")]
    assert list(keys_of(recs, table).values()) == ["person:vell-elder", "person:mara-w-vell"]


def test_corpus_speakers_display_name_is_the_full_name() -> None:
    org = {"entity_type": "organization"}
    recs = [
        record("a", 0, QUOTE, "Lowmouth Harbour Authority", **org),
        record("b", 1, QUOTE, "LHA", **org),
        record("c", 2, QUOTE, "LHA", **org),
    ]
    assert build_corpus(sign(recs)).names == {
        "org:lowmouth-harbour-authority": "Lowmouth Harbour Authority"
    }
