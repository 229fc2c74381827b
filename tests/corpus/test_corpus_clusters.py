"""Quotation clusters: the same quotation across outlets, verbatim, altered or in part."""

from __future__ import annotations

from typing import Any

from quoteattr.corpus import build_corpus, corpus_tables, sign

from .corpus_docs import BRIDGE, TAXES, corpus, record


def tables(records: list[Any]) -> dict[str, Any]:
    return corpus_tables(build_corpus(sign(records)))


def test_corpus_clusters_mark_verbatim_altered_partial() -> None:
    members = tables(corpus())["cluster_members"]
    bridge = members[members["quote_index"] == 0].fillna({"edit": ""})
    assert bridge[["doc_id", "status", "edit", "first_seen"]].values.tolist() == [
        ["d1", "verbatim", "", False],
        ["d2", "verbatim", "", True],
        ["d3", "altered", "-spring +summer", False],
        ["d4", "partial", "", False],
    ]
    assert bridge["cluster_id"].nunique() == 1


def test_corpus_clusters_first_seen_by_date_then_input_order() -> None:
    clusters = tables(corpus())["clusters"].set_index("text")
    row = clusters.loc[BRIDGE]
    assert (row["first_doc"], row["first_outlet"], row["first_date"]) == (
        "d2",
        "Valley Times",
        "2024-03-01",
    )
    assert row["outlet_list"] == "Coast Daily; Harbour Post; Ridge News; Valley Times"
    assert (row["quotes"], row["outlets"], row["verbatim"], row["altered"], row["partial"]) == (
        4, 4, 2, 1, 1,
    )  # fmt: skip
    undated = [
        record("x", 0, BRIDGE, "Mara Vell", outlet="B"),
        record("y", 1, BRIDGE, "Mara Vell", outlet="A"),
    ]
    assert tables(undated)["clusters"]["first_doc"].tolist() == ["x"]


def test_corpus_clusters_flag_a_quote_given_to_two_people() -> None:
    clusters = tables(corpus())["clusters"].set_index("text")
    taxes = clusters.loc[TAXES]
    assert taxes["speakers"] == "person:ines-quill; person:tomas-quill"
    assert bool(taxes["conflicting_speakers"]) is True
    assert bool(clusters.loc[BRIDGE]["conflicting_speakers"]) is False


def test_corpus_clusters_surname_of_the_same_person_is_no_conflict() -> None:
    recs = [
        record("x", 0, BRIDGE, "Mara Vell", outlet="A"),
        record("y", 1, BRIDGE, "Vell", outlet="B"),
        record("z", 2, BRIDGE, None, outlet="C", entity_type="anonymous"),
    ]
    assert tables(recs)["clusters"]["conflicting_speakers"].tolist() == [False]


def test_corpus_clusters_short_and_indirect_quotes_are_not_followed() -> None:
    recs = [
        record("x", 0, "We will win.", "Mara Vell"),
        record("y", 1, "We will win.", "Mara Vell"),
        record("x", 0, BRIDGE, "Mara Vell", index=1, type="indirect"),
        record("y", 1, BRIDGE, "Mara Vell", index=1, type="indirect"),
    ]
    assert tables(recs)["clusters"].empty


def test_corpus_clusters_different_quotations_stay_apart() -> None:
    other = "We will rebuild the harbour wall once the autumn storms are over, not before."
    recs = [record("x", 0, BRIDGE, "Mara Vell"), record("y", 1, other, "Mara Vell")]
    assert tables(recs)["clusters"].empty
