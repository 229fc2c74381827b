"""Speaker identity and merging (``stages.identity``, ``stages.merge``) on hand-built Docs."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from quoteattr.lexicon import Lexicon
from quoteattr.models import EntityType, Gender
from quoteattr.stages.coref import resolve_speakers
from quoteattr.stages.identity import identify
from quoteattr.stages.roles import roles_in_doc, split_role

from .speaker_docs import said_candidates, speaker_doc

Row = tuple[str, str | None, str | None, EntityType, Gender | None]


def _identities(make_doc: Callable[..., Doc], lexicon: Lexicon, name: str) -> list[Row]:
    doc = speaker_doc(make_doc, name)
    cands = said_candidates(doc)
    cands = resolve_speakers(doc, cands, lexicon, True, roles_in_doc(doc, lexicon))
    out = []
    for ident in identify(doc, cands, lexicon, doc.text):
        assert ident is not None
        out.append((ident.key, ident.name, ident.role, ident.entity_type, ident.gender))
    return out


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # the surname before the full name merges with it (one key, the full name)
        (
            "surname_first",
            [
                ("anthony blinken", "Anthony Blinken", None, EntityType.PERSON, None),
                ("anthony blinken", "Anthony Blinken", None, EntityType.PERSON, None),
            ],
        ),
        # "Sen." is a role, not part of the name
        ("title_name", [("dick durbin", "Dick Durbin", "Sen.", EntityType.PERSON, None)]),
        # "the company" takes the organisation named before it
        (
            "company",
            [("norvale foods", "Norvale Foods", None, EntityType.ORGANIZATION, None)],
        ),
        # an apposition names the described speaker, who keeps the description as role;
        # "She" resolved to her states her gender
        (
            "appos_subject",
            [
                ("ann lee", "Ann Lee", "secretary", EntityType.PERSON, Gender.FEMALE),
                ("ann lee", "Ann Lee", "secretary", EntityType.PERSON, Gender.FEMALE),
            ],
        ),
        # "Mr." before a name states a gender; the role is read from any mention
        ("honorific_gender", [("ann lee", "Ann Lee", None, EntityType.PERSON, Gender.FEMALE)]),
        # "they" for a group the text describes: the group, named by its description
        ("group_they", [("union leaders", "union leaders", None, EntityType.GROUP, None)]),
        # a description that matches no one stays unnamed; its words are its role
        (
            "described_other",
            [
                (
                    "the french shipping minister",
                    None,
                    "French shipping minister",
                    EntityType.ANONYMOUS,
                    None,
                )
            ],
        ),
        ("described", [("wang yi", "Wang Yi", "Foreign Minister", EntityType.PERSON, None)]),
    ],
)
def test_identity_names_roles_kinds(make_doc, lexicon, name, expected) -> None:  # type: ignore[no-untyped-def]
    assert _identities(make_doc, lexicon, name) == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (
            "spokesperson for the Chinese Foreign Ministry",
            ("spokesperson", "the Chinese Foreign Ministry"),
        ),
        ("Meridian Bank chief executive", ("chief executive", "Meridian Bank")),
        ("Kremlin spokesman", ("spokesman", "Kremlin")),
        ("Foreign Minister", ("Foreign Minister", None)),
        ("the shadow chancellor", ("shadow chancellor", None)),
        ("Defense attorney", ("Defense attorney", None)),
    ],
)
def test_identity_split_role(lexicon, role, expected) -> None:  # type: ignore[no-untyped-def]
    assert split_role(role, lexicon, frozenset({"Kremlin"})) == expected
