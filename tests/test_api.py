"""The one-call API and ``QuoteExtractor``: input checks, offsets, robustness, errors."""

from __future__ import annotations

import gc
import json
import weakref
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import spacy

import quoteattr
import quoteattr.api
import quoteattr.pipeline
from quoteattr import ModelNotFoundError, Quote, QuoteattrError, QuoteExtractor, extract_quotes

EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "examples"
EXAMPLE_FILES = sorted(EXAMPLES_DIR.glob("*.txt"))


@pytest.mark.parametrize("text", ["", " ", "\n\n", " \t\r\n  \u00a0 "])
def test_api_empty_or_blank_text_gives_no_quotes(text: str) -> None:
    # no pipeline is needed (nor loaded) for an empty text
    assert extract_quotes(text) == []


@pytest.mark.model
@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_api_extractor_empty_or_blank_text_gives_no_quotes(extractor, text) -> None:  # type: ignore[no-untyped-def]
    assert extractor.extract(text) == []
    assert extractor(extractor.nlp(text)) == []


@pytest.mark.parametrize(
    ("value", "type_name"),
    [(None, "NoneType"), (3, "int"), (b"bytes", "bytes"), (["a"], "list")],
)
def test_api_non_str_raises_type_error_naming_the_type(value: object, type_name: str) -> None:
    with pytest.raises(TypeError) as info:
        extract_quotes(value)  # type: ignore[arg-type]
    message = str(info.value)
    assert type_name in message
    assert "str" in message


@pytest.mark.parametrize("value", [b"bytes", bytearray(b"bytes")])
def test_api_bytes_error_says_to_decode(value: object) -> None:
    with pytest.raises(TypeError, match="decode"):
        extract_quotes(value)  # type: ignore[arg-type]


def test_api_str_error_does_not_mention_decode() -> None:
    with pytest.raises(TypeError) as info:
        extract_quotes(3)  # type: ignore[arg-type]
    assert "decode" not in str(info.value)


@pytest.mark.model
@pytest.mark.parametrize("value", [None, b"x"])
def test_api_extractor_rejects_non_str(extractor, value) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError, match=type(value).__name__):
        extractor.extract(value)
    with pytest.raises(TypeError, match=type(value).__name__):
        list(extractor.pipe(["fine", value]))


def _check_offsets(text: str, quotes: list[Quote]) -> None:
    for q in quotes:
        assert text[q.start : q.end] == q.text, q
        if q.cue is not None:
            assert text[q.cue.start : q.cue.end] == q.cue.text, q.cue
        if q.speaker is not None:
            m = q.speaker.mention
            assert text[m.start : m.end] == m.text, q.speaker


@pytest.mark.model
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_api_offsets_index_the_original_text(nlp, path: Path) -> None:  # type: ignore[no-untyped-def]
    text = path.read_text(encoding="utf-8")
    quotes = extract_quotes(text, nlp=nlp)
    assert quotes, "the example articles all have quotes"
    _check_offsets(text, quotes)
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # curly quotes, CRLF line ends, non-BMP characters before the quote
        "\u201cWe will rebuild,\u201d Mara Vell said.\r\n\r\nShe added that costs would rise.",
        "\U0001f4f0 News \U0001f4f0\n\n\u201cNo comment,\u201d Ann Lee said on Monday.",
        '  \n\n"We will win," Ann Lee told reporters.  \n',
    ],
)
def test_api_offsets_survive_unusual_characters(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    quotes = extract_quotes(text, nlp=nlp)
    assert quotes
    _check_offsets(text, quotes)


UNBALANCED = 'He said "this is open.\n\nShe said "closed" here.'


@pytest.mark.model
def test_api_unbalanced_quotes_do_not_raise(nlp) -> None:  # type: ignore[no-untyped-def]
    quotes = extract_quotes(UNBALANCED, nlp=nlp)
    _check_offsets(UNBALANCED, quotes)
    closed = UNBALANCED.index("closed")
    second = [q for q in quotes if q.start <= closed < q.end]
    assert second, f"no quote covers 'closed' in {quotes}"
    assert second[0].speaker is not None
    assert second[0].speaker.mention.text == "She"
    # the unclosed quotation stays inside its own paragraph
    break_at = UNBALANCED.index("\n\n")
    assert all(q.end <= break_at or q.start > break_at for q in quotes)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        '"',
        '""',
        '" " " "',
        "\u201d closing first \u201c opening last",
        '"Unclosed at the end, Ann Lee said',
        "It's the dockworkers' union's '90s-era hall, he said.",
        "said said said",
        "\n".join(['"A," he said.'] * 30),
    ],
)
def test_api_odd_inputs_never_raise(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    quotes = extract_quotes(text, nlp=nlp)
    _check_offsets(text, quotes)


def test_api_pipeline_without_parser_raises_value_error() -> None:
    blank = spacy.blank("en")
    with pytest.raises(ValueError, match="parser"):
        extract_quotes("Ann Lee said that taxes will rise.", nlp=blank)
    with pytest.raises(ValueError, match="parser"):
        QuoteExtractor(blank)


def test_api_unparsed_doc_raises_value_error_naming_parser(en_vocab) -> None:  # type: ignore[no-untyped-def]
    # a Doc straight from a tokenizer, given to an extractor that skips the pipeline check
    blank = spacy.blank("en")
    extractor = QuoteExtractor(blank, validate_pipeline=False)
    with pytest.raises(ValueError, match="parser"):
        extractor(blank("Ann Lee said that taxes will rise."))


PIPE_TEXTS = [
    '"We will rebuild," Mara Vell said.',
    "Ann Lee said that taxes will rise next year.\n\nShe denied any wrongdoing.",
    "The weather was fine on Tuesday.",
]


@pytest.mark.model
def test_api_pipe_equals_extract(extractor) -> None:  # type: ignore[no-untyped-def]
    piped = list(extractor.pipe(PIPE_TEXTS, batch_size=2))
    assert len(piped) == len(PIPE_TEXTS)
    assert piped == [extractor.extract(t) for t in PIPE_TEXTS]
    assert piped[0] and piped[1]
    assert piped[2] == []


@pytest.mark.model
def test_api_extract_quotes_equals_extractor(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    for text in PIPE_TEXTS:
        assert extract_quotes(text, nlp=nlp) == extractor.extract(text)


@pytest.mark.model
def test_api_get_extractor_is_cached_per_pipeline_and_settings(nlp) -> None:  # type: ignore[no-untyped-def]
    a = quoteattr.get_extractor(nlp)
    assert quoteattr.get_extractor(nlp) is a
    other = quoteattr.get_extractor(nlp, quoteattr.Settings(indirect=False))
    assert other is not a


@pytest.mark.model
def test_api_direct_quote_example(nlp) -> None:  # type: ignore[no-untyped-def]
    quotes = extract_quotes('"We will rebuild," Mara Vell said.', nlp=nlp)
    assert [(q.text, q.type.value) for q in quotes] == [("We will rebuild", "direct")]
    q = quotes[0]
    assert q.speaker is not None and q.cue is not None
    assert (q.speaker.name, q.speaker.mention.text) == ("Mara Vell", "Mara Vell")
    assert q.cue.text == "said"


@pytest.fixture
def no_default_model(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Pretend that no English pipeline is installed; restore everything afterwards."""
    monkeypatch.setattr(quoteattr.pipeline, "DEFAULT_MODELS", ("no_such_model_qa_test",))
    monkeypatch.setattr(quoteattr.api, "_default", {})
    quoteattr.pipeline.load_default_pipeline.cache_clear()
    yield
    quoteattr.pipeline.load_default_pipeline.cache_clear()


@pytest.mark.usefixtures("no_default_model")
def test_api_missing_model_error_says_pip_install() -> None:
    with pytest.raises(ModelNotFoundError, match="pip install") as info:
        extract_quotes("Ann Lee said that taxes will rise.")
    assert "no_such_model_qa_test" in str(info.value)
    assert isinstance(info.value, QuoteattrError)
    assert isinstance(info.value, OSError)


@pytest.mark.usefixtures("no_default_model")
def test_api_missing_model_error_from_extractor() -> None:
    with pytest.raises(ModelNotFoundError, match="pip install"):
        QuoteExtractor()


def test_api_public_names() -> None:
    for name in quoteattr.__all__:
        assert hasattr(quoteattr, name), name
    assert isinstance(quoteattr.__version__, str) and quoteattr.__version__


@pytest.mark.issue(14)
def test_api_to_dataframe_has_the_csv_columns_and_dtypes() -> None:
    from quoteattr import Cue, Speaker, TextSpan, to_dataframe
    from quoteattr.io.rows import COLUMNS, quote_record

    text = '"No," Ann Lee said.'
    quote = Quote(
        text="No,", start=1, end=4, type="direct", confidence=0.9, sentence=0, paragraph=0,
        rule="r", cue=Cue(text="said", start=14, end=18),
        speaker=Speaker(id=0, name="Ann Lee", mention=TextSpan(text="Ann Lee", start=6, end=13)),
    )  # fmt: skip
    assert text[quote.start : quote.end] == quote.text
    one = to_dataframe([quote, quote], doc_id="a")
    assert list(one.columns) == [name for name, _ in COLUMNS]
    assert one["quote_index"].tolist() == [0, 1]
    assert str(one["doc_id"].dtype) == "string" and str(one["start"].dtype) == "Int64"
    assert str(one["confidence"].dtype) == "Float64"
    pairs = to_dataframe([("a", [quote]), ("b", []), ("c", [quote])])
    assert pairs["doc_id"].tolist() == ["a", "c"]
    rows = [{**quote_record("x", 0, quote), "url": "u"}]
    frame = to_dataframe(rows)
    assert list(frame.columns)[-1] == "url"
    assert frame.iloc[0]["cue_start"] == 14 and frame.iloc[0]["source"] is pd_na()
    with pytest.raises(TypeError, match="Quote objects, \\(doc_id, quotes\\) pairs or row dicts"):
        to_dataframe(["text"])  # type: ignore[list-item]


def pd_na() -> object:
    import pandas as pd

    return pd.NA


def test_api_to_dataframe_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import quoteattr.io.frames as frames

    def no_pandas(name: str) -> object:
        raise ImportError(f"No module named {name!r}")

    monkeypatch.setattr(frames.importlib, "import_module", no_pandas)
    with pytest.raises(QuoteattrError, match=r"\[QA046\] to_dataframe needs pandas"):
        quoteattr.to_dataframe([])


@pytest.mark.model
def test_api_pipeline_passed_in_is_freed(load_fresh_model) -> None:  # type: ignore[no-untyped-def]
    text = '"We will rebuild," Mara Vell said.'
    cached = len(quoteattr.api._compiled)
    refs = []
    for _ in range(3):
        nlp = load_fresh_model()
        assert [q.speaker.name for q in extract_quotes(text, nlp=nlp) if q.speaker] == ["Mara Vell"]
        kept = quoteattr.get_extractor(nlp)
        assert quoteattr.get_extractor(nlp) is kept
        refs.append(weakref.ref(nlp))
        del nlp, kept
    gc.collect()
    assert [r() is None for r in refs] == [True, True, True]
    assert len(quoteattr.api._compiled) == cached


@pytest.mark.model
def test_api_extractor_keeps_its_pipeline_alive(load_fresh_model) -> None:  # type: ignore[no-untyped-def]
    extractor = quoteattr.get_extractor(load_fresh_model())
    gc.collect()
    assert [q.text for q in extractor.extract('"No," Ann Lee said.')] == ["No"]


@pytest.mark.model
def test_api_eight_threads_give_the_output_of_one(nlp, example_paths) -> None:  # type: ignore[no-untyped-def]
    texts = [p.read_text(encoding="utf-8") for p in example_paths] * 4
    extractor = quoteattr.get_extractor(nlp)

    def dumped(text: str) -> str:
        return json.dumps([q.model_dump(mode="json") for q in extractor.extract(text)])

    one = [dumped(t) for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        eight = list(pool.map(dumped, texts))
    assert eight == one
    assert sum(len(json.loads(d)) for d in one) > 0
