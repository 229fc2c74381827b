"""The pydantic output models: frozen, strict, documented, round-trippable."""

from __future__ import annotations

import json

import pytest
from pydantic import BaseModel, ValidationError

from quoteattr import Cue, CueClass, EntityType, Quote, QuoteType, Speaker, TextSpan
from quoteattr.models import replaced

TEXT = '"We will rebuild," Mara Vell said.'


def make_quote() -> Quote:
    return Quote(
        text="We will rebuild,",
        start=1,
        end=17,
        type=QuoteType.DIRECT,
        cue=Cue(text="said", start=29, end=33, cue_class=CueClass.STATEMENT, lemma="say"),
        speaker=Speaker(
            id=0,
            name="Mara Vell",
            mention=TextSpan(text="Mara Vell", start=19, end=28),
            role="spokesperson for the Harbour Authority",
            entity_type=EntityType.PERSON,
        ),
        confidence=0.95,
        sentence=0,
        paragraph=0,
        rule="quote_cue",
    )


def test_models_example_offsets_index_the_text() -> None:
    q = make_quote()
    assert q.speaker is not None and q.cue is not None
    for span in (q, q.cue, q.speaker.mention):
        assert TEXT[span.start : span.end] == span.text


@pytest.mark.parametrize(
    ("get", "field", "value"),
    [
        (lambda q: q, "text", "other"),
        (lambda q: q, "start", 0),
        (lambda q: q, "speaker", None),
        (lambda q: q.speaker, "name", "Someone"),
        (lambda q: q.speaker.mention, "start", 0),
        (lambda q: q.cue, "text", "told"),
    ],
)
def test_models_are_frozen(get, field, value) -> None:  # type: ignore[no-untyped-def]
    obj = get(make_quote())
    with pytest.raises(ValidationError, match="frozen"):
        setattr(obj, field, value)


@pytest.mark.parametrize(
    ("model", "data"),
    [
        (TextSpan, {"text": "ab", "start": 0, "end": 2, "extra": 1}),
        (Cue, {"text": "said", "start": 0, "end": 4, "verb": "say"}),
        (
            Speaker,
            {
                "id": 0,
                "name": "A",
                "mention": {"text": "A", "start": 0, "end": 1},
                "age": 40,
            },
        ),
        (
            Speaker,
            {"id": 0, "name": "A", "mention": {"text": "A", "start": 0, "end": 1, "x": 0}},
        ),
    ],
)
def test_models_reject_extra_fields(model: type[BaseModel], data: dict[str, object]) -> None:
    with pytest.raises(ValidationError, match=r"[Ee]xtra"):
        model.model_validate(data)


def test_models_quote_rejects_extra_fields() -> None:
    data = make_quote().model_dump()
    data["score"] = 1.0
    with pytest.raises(ValidationError, match=r"[Ee]xtra"):
        Quote.model_validate(data)


def test_models_schema_describes_every_property() -> None:
    schema = Quote.model_json_schema()
    defs = schema.get("$defs", {})
    by_name = {"Quote": schema, **defs}
    for name in ("Quote", "Speaker", "TextSpan", "Cue"):
        assert name in by_name, f"{name} missing from the schema ($defs: {sorted(defs)})"
        props = by_name[name]["properties"]
        undocumented = sorted(p for p, spec in props.items() if not spec.get("description"))
        assert undocumented == [], f"{name} properties without a description: {undocumented}"


@pytest.mark.parametrize("model", [Quote, Speaker, TextSpan, Cue])
def test_models_every_field_has_a_description(model: type[BaseModel]) -> None:
    missing = [n for n, f in model.model_fields.items() if not f.description]
    assert missing == []


@pytest.mark.parametrize("mode", ["python", "json"])
def test_models_dump_validate_round_trip(mode: str) -> None:
    q = make_quote()
    data = q.model_dump(mode=mode)
    assert Quote.model_validate(data) == q


def test_models_json_round_trip() -> None:
    q = make_quote()
    raw = q.model_dump_json()
    assert Quote.model_validate_json(raw) == q
    data = json.loads(raw)
    assert data["type"] == "direct"
    assert data["speaker"]["mention"] == {"text": "Mara Vell", "start": 19, "end": 28}
    assert data["cue"]["cue_class"] == "statement"


def test_models_round_trip_without_speaker_and_cue() -> None:
    q = make_quote().model_copy(update={"speaker": None, "cue": None})
    assert Quote.model_validate(q.model_dump(mode="json")) == q


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("said", 0, 3),  # too short
        ("said", 0, 5),  # too long
        ("said", 4, 0),  # end before start
        ("", 3, 4),
        ("ab", 5, 5),
    ],
)
def test_models_textspan_rejects_offsets_that_do_not_fit(text: str, start: int, end: int) -> None:
    with pytest.raises(ValidationError):
        TextSpan(text=text, start=start, end=end)


@pytest.mark.parametrize("model", [Cue, Quote])
def test_models_subclasses_check_offsets_too(model: type[BaseModel]) -> None:
    data = make_quote().model_dump()
    if model is Cue:
        data = data["cue"]
    data["end"] += 1
    with pytest.raises(ValidationError, match="do not fit"):
        model.model_validate(data)


@pytest.mark.parametrize(("text", "start", "end"), [("said", 10, 14), ("", 7, 7)])
def test_models_textspan_accepts_fitting_offsets(text: str, start: int, end: int) -> None:
    assert TextSpan(text=text, start=start, end=end).end - start == len(text)


def test_models_negative_offsets_rejected() -> None:
    with pytest.raises(ValidationError):
        TextSpan(text="a", start=-1, end=0)


@pytest.mark.parametrize("confidence", [-0.1, 1.5])
def test_models_confidence_is_a_probability(confidence: float) -> None:
    data = make_quote().model_dump()
    data["confidence"] = confidence
    with pytest.raises(ValidationError):
        Quote.model_validate(data)


def test_models_enums_validate_from_strings() -> None:
    data = make_quote().model_dump(mode="json")
    data["type"] = "mixed"
    assert Quote.model_validate(data).type is QuoteType.MIXED
    data["type"] = "paraphrase"
    with pytest.raises(ValidationError):
        Quote.model_validate(data)


def _unnamed_speaker() -> Speaker:
    return Speaker(id=3, name=None, mention=TextSpan(text="a senior official", start=0, end=17))


@pytest.mark.parametrize("mode", ["python", "json"])
def test_models_speaker_label_is_dumped_and_read_back(mode: str) -> None:
    speaker = _unnamed_speaker()
    data = speaker.model_dump(mode=mode)  # type: ignore[arg-type]
    assert (data["name"], data["label"]) == (None, "a senior official")
    assert Speaker.model_validate(data) == speaker
    assert Speaker.model_validate_json(speaker.model_dump_json()) == speaker
    assert json.loads(speaker.model_dump_json())["label"] == "a senior official"


def test_models_speaker_label_input_is_ignored() -> None:
    data = {**_unnamed_speaker().model_dump(), "label": "someone else"}
    assert Speaker.model_validate(data).label == "a senior official"


def test_models_serialization_schema_has_the_speaker_label() -> None:
    schema = Quote.model_json_schema(mode="serialization")
    label = schema["$defs"]["Speaker"]["properties"]["label"]
    assert label["type"] == "string" and label["readOnly"] is True
    assert label["description"].startswith("The name, or for a source the text does not name")


def test_models_replaced_validates_what_model_copy_does_not() -> None:
    span = TextSpan(text="said", start=10, end=14)
    assert span.model_copy(update={"end": 99}).end == 99  # pydantic's copy checks nothing
    with pytest.raises(ValidationError, match=r"\[QA018\]"):
        replaced(span, end=99)
    moved = replaced(make_quote(), start=5, end=5 + len(make_quote().text))
    assert (moved.start, moved.speaker) == (5, make_quote().speaker)
