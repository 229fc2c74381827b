"""Reading documents: files, directories, glob, stdin, JSON Lines, encodings (no model)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from quoteattr.io.inputs import (
    Document,
    InputOptions,
    check_encoding,
    count_documents,
    iter_documents,
)

LATIN1 = 'café: "Oui," Zoé said.\n'.encode("latin-1")
BAD_UTF8 = "not valid utf-8: byte 0xe9 at offset 3 (use --encoding, or --encoding-errors replace)"


def ids(docs: list[Document]) -> list[str]:
    return [d.id for d in docs]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("B", encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text("A", encoding="utf-8")
    (tmp_path / "notes.md").write_text("M", encoding="utf-8")
    return tmp_path


def test_inputs_directory_recursive_sorted_txt(tree: Path) -> None:
    docs = list(iter_documents([str(tree)]))
    assert [(d.id, d.text, d.error) for d in docs] == [
        (str(tree / "b.txt"), "B", None),
        (str(tree / "sub" / "a.txt"), "A", None),
    ]


def test_inputs_glob_option(tree: Path) -> None:
    docs = list(iter_documents([str(tree)], options=InputOptions(glob="*.md")))
    assert [(d.id, d.text) for d in docs] == [(str(tree / "notes.md"), "M")]


def test_inputs_files_in_given_order(tree: Path) -> None:
    paths = [str(tree / "sub" / "a.txt"), str(tree / "b.txt")]
    assert ids(list(iter_documents(paths))) == paths


def test_inputs_directory_named_like_a_file_is_searched(tree: Path) -> None:
    (tree / "x.txt").mkdir()
    (tree / "x.txt" / "c.txt").write_text("C", encoding="utf-8")
    docs = list(iter_documents([str(tree)]))
    assert ids(docs) == [
        str(tree / "b.txt"),
        str(tree / "sub" / "a.txt"),
        str(tree / "x.txt" / "c.txt"),
    ]
    assert all(d.error is None for d in docs)


def test_inputs_missing_and_broken_link_are_failed_documents(tree: Path) -> None:
    (tree / "broken.txt").symlink_to(tree / "nowhere")
    missing = tree / "missing.txt"
    docs = list(iter_documents([str(tree), str(missing)]))
    assert [(d.id, d.text, d.error) for d in docs] == [
        (str(tree / "b.txt"), "B", None),
        (str(tree / "broken.txt"), "", "No such file or directory"),
        (str(tree / "sub" / "a.txt"), "A", None),
        (str(missing), "", "No such file or directory"),
    ]


def test_inputs_reading_is_lazy(tree: Path) -> None:
    docs = iter_documents([str(tree / "b.txt"), str(tree / "sub" / "a.txt")])
    assert next(docs).text == "B"
    (tree / "sub" / "a.txt").write_text("changed", encoding="utf-8")
    assert next(docs).text == "changed"


def test_inputs_undecodable_file_fails_by_default(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(LATIN1)
    [doc] = iter_documents([str(path)])
    assert (doc.id, doc.text, doc.error) == (str(path), "", BAD_UTF8)


def test_inputs_encoding_errors_replace(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(LATIN1)
    [doc] = iter_documents([str(path)], options=InputOptions(encoding_errors="replace"))
    assert doc.error is None
    assert doc.text == LATIN1.decode("utf-8", errors="replace")
    assert doc.text.startswith("caf\ufffd:")


def test_inputs_other_encoding(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(LATIN1)
    [doc] = iter_documents([str(path)], options=InputOptions(encoding="latin-1"))
    assert doc.text == LATIN1.decode("latin-1")


def test_inputs_jsonl_records(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(
        '{"id": "a", "text": "A"}\n'
        '{"text": "no id"}\n'
        "\n"
        "{not json\n"
        '{"id": 7, "text": "int id"}\n'
        '{"id": "x", "body": "no text"}\n'
        '["a list"]\n',
        encoding="utf-8",
    )
    docs = list(iter_documents([str(path)]))
    assert [(d.id, d.text, d.error) for d in docs] == [
        ("a", "A", None),
        (f"{path}:2", "no id", None),
        (
            f"{path}:4",
            "",
            "invalid JSON (Expecting property name enclosed in double quotes, column 2)",
        ),
        ("7", "int id", None),
        (
            f"{path}:6",
            "",
            "expected an object with a string 'text' (its fields: id, body); "
            "name the text field with --text-field",
        ),
        (
            f"{path}:7",
            "",
            "expected an object with a string 'text'; name the text field with --text-field",
        ),
    ]


def test_inputs_jsonl_bad_bytes_fail_one_line(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_bytes(b'{"id": "a", "text": "caf\xe9"}\n{"id": "b", "text": "B"}\n')
    docs = list(iter_documents([str(path)]))
    assert [(d.id, d.error is None) for d in docs] == [(f"{path}:1", False), ("b", True)]
    assert docs[0].error is not None and docs[0].error.startswith("not valid utf-8: byte 0xe9")


@pytest.mark.parametrize(
    ("name", "fmt", "expected"),
    [
        ("docs.jsonl", "auto", [("a", "A")]),
        ("docs.jsonl", "text", [("docs.jsonl", '{"id": "a", "text": "A"}\n')]),
        ("docs.txt", "jsonl", [("a", "A")]),
        ("docs.txt", "auto", [("docs.txt", '{"id": "a", "text": "A"}\n')]),
    ],
)
def test_inputs_format_choice(
    tmp_path: Path, name: str, fmt: str, expected: list[tuple[str, str]]
) -> None:
    path = tmp_path / name
    path.write_text('{"id": "a", "text": "A"}\n', encoding="utf-8")
    opts = InputOptions(input_format=fmt)  # type: ignore[arg-type]
    docs = list(iter_documents([str(path)], options=opts))
    want = [(str(tmp_path / i) if i == name else i, t) for i, t in expected]
    assert [(d.id, d.text) for d in docs] == want


def test_inputs_stdin_text_stream() -> None:
    [doc] = iter_documents(["-"], stdin=io.StringIO("Hello."))
    assert (doc.id, doc.text, doc.error) == ("-", "Hello.", None)


def test_inputs_stdin_bytes_use_the_encoding() -> None:
    def stdin() -> io.TextIOWrapper:
        return io.TextIOWrapper(io.BytesIO(LATIN1), encoding="utf-8")

    [strict] = iter_documents(["-"], stdin=stdin())
    assert (strict.id, strict.error) == ("-", BAD_UTF8)
    [latin] = iter_documents(["-"], stdin=stdin(), options=InputOptions(encoding="latin-1"))
    assert latin.text == LATIN1.decode("latin-1")


def test_inputs_stdin_jsonl() -> None:
    stream = io.StringIO('{"id": "a", "text": "A"}\n{"text": "B"}\n')
    docs = list(iter_documents(["-"], stdin=stream, options=InputOptions(input_format="jsonl")))
    assert [(d.id, d.text) for d in docs] == [("a", "A"), ("-:2", "B")]


def test_inputs_unknown_encoding() -> None:
    assert check_encoding("latin-1") == "latin-1"
    with pytest.raises(ValueError, match="unknown encoding 'klingon'"):
        check_encoding("klingon")


@pytest.mark.issue(14)
@pytest.mark.parametrize("buffered", [True, False])
def test_inputs_stdin_jsonl_is_detected(buffered: bool) -> None:
    """``cat docs.jsonl | quoteattr -`` reads records, not one article of JSON."""
    data = '{"id": "a", "text": "A", "url": "u"}\n{"text": "B"}\n'
    stream: io.TextIOBase = (
        io.TextIOWrapper(io.BytesIO(data.encode("utf-8")), encoding="utf-8")
        if buffered
        else io.StringIO(data)
    )
    docs = list(iter_documents(["-"], stdin=stream))  # type: ignore[arg-type]
    assert [(d.id, d.text, dict(d.fields)) for d in docs] == [
        ("a", "A", {"url": "u"}),
        ("-:2", "B", {}),
    ]


@pytest.mark.parametrize(
    "first", ['{"title": "no text field"}', "{curly but not JSON", "Plain article text."]
)
def test_inputs_stdin_text_that_is_not_a_record_stays_one_document(first: str) -> None:
    [doc] = iter_documents(["-"], stdin=io.StringIO(first + "\nsecond line\n"))
    assert (doc.id, doc.text) == ("-", first + "\nsecond line\n")


@pytest.mark.issue(14)
def test_inputs_text_and_id_fields_and_pass_through(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    records = [{"url": "https://x/1", "body": "One.", "title": "T1", "n": 3}, {"body": "Two."}]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    opts = InputOptions(text_field="body", id_field="url")
    docs = list(iter_documents([str(path)], options=opts))
    assert [(d.id, d.text, dict(d.fields), d.error) for d in docs] == [
        ("https://x/1", "One.", {"title": "T1", "n": 3}, None),
        (f"{path}:2", "Two.", {}, None),
    ]
    bad = next(iter_documents([str(path)], options=InputOptions()))
    assert bad.error == (
        "expected an object with a string 'text' (its fields: url, body, title, n); "
        "name the text field with --text-field"
    )


def test_inputs_count_documents(tree: Path) -> None:
    (tree / "d.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n', encoding="utf-8")
    assert count_documents([str(tree)]) == 2
    assert count_documents([str(tree), str(tree / "d.jsonl")]) == 4
    assert count_documents([str(tree), "-"]) is None
