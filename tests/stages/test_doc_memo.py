"""doc_memo keeps a Doc's entities for one extraction only (hand-built Docs, no model)."""

from __future__ import annotations

import threading

from spacy.tokens import Doc, Span

from quoteattr.stages import doc_memo
from quoteattr.stages.doc_memo import active, ents_of, memo, owned


def _doc(en_vocab) -> Doc:  # type: ignore[no-untyped-def]
    doc = Doc(en_vocab, words=["Ann", "Lee", "met", "Bo", "Tan"])
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    return doc


def test_doc_memo_ents_are_built_once_while_active(en_vocab) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(en_vocab)
    with active(doc):
        first = ents_of(doc)
        assert ents_of(doc) is first
        assert [e.text for e in first] == ["Ann Lee"]
    assert memo(doc) is None and doc_memo._CURRENT.get() is None


def test_doc_memo_other_doc_and_outside_are_computed_afresh(en_vocab) -> None:  # type: ignore[no-untyped-def]
    doc, other = _doc(en_vocab), _doc(en_vocab)
    assert ents_of(doc) is not ents_of(doc)
    with active(doc):
        assert memo(other) is None
        assert ents_of(other) is not ents_of(other)


def test_doc_memo_a_doc_changed_between_extractions_is_read_anew(en_vocab) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(en_vocab)
    with active(doc):
        assert [e.text for e in ents_of(doc)] == ["Ann Lee"]
    doc.ents = [Span(doc, 3, 5, label="PERSON")]
    with active(doc):
        assert [e.text for e in ents_of(doc)] == ["Bo Tan"]


def test_doc_memo_nested_blocks_restore_the_outer_doc(en_vocab) -> None:  # type: ignore[no-untyped-def]
    outer, inner = _doc(en_vocab), _doc(en_vocab)
    with active(outer):
        with active(inner):
            assert memo(inner) is not None and memo(outer) is None
        assert memo(outer) is not None


def test_doc_memo_each_thread_sees_its_own_doc(en_vocab) -> None:  # type: ignore[no-untyped-def]
    doc, other = _doc(en_vocab), _doc(en_vocab)
    seen: list[object] = []
    inside = threading.Event()
    leave = threading.Event()

    def work() -> None:
        seen.append(memo(doc))
        with active(other):
            inside.set()
            leave.wait(5)
            seen.append(memo(other) is not None)

    with active(doc):
        mine = memo(doc)
        thread = threading.Thread(target=work)
        thread.start()
        inside.wait(5)
        assert memo(doc) is mine and memo(other) is None
        leave.set()
        thread.join(5)
    assert seen == [None, True]


def test_doc_memo_owned_values_live_in_the_given_store(en_vocab) -> None:  # type: ignore[no-untyped-def]
    doc, store = _doc(en_vocab), {}
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert owned("k", compute) == 1 and owned("k", compute) == 2  # outside: afresh
    with active(doc, store):
        assert owned("k", compute) == 3 and owned("k", compute) == 3
    with active(doc):
        assert owned("k", compute) == 4  # no store given
    assert store == {"k": 3}
