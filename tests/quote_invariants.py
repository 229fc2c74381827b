"""What every result of quoteattr must satisfy, whatever the text (shared by the robustness tests).

Not a test module: ``tests/test_invariants.py`` and ``tests/test_hostile_inputs.py``
import ``check_quotes`` from here.
"""

from __future__ import annotations

import math

from quoteattr.models import Cue, CueClass, EntityType, Quote, QuoteType, TextSpan
from quoteattr.stages.segment import paragraph_bounds, paragraph_index


def check_span(text: str, span: TextSpan, what: str) -> None:
    """Assert that ``span`` is a non-empty stretch of ``text`` with matching offsets."""
    assert 0 <= span.start < span.end <= len(text), (what, span.start, span.end, len(text))
    assert text[span.start : span.end] == span.text, (what, span)


def check_quotes(text: str, quotes: list[Quote]) -> None:
    """Assert the documented invariants of ``extract_quotes(text)``.

    Every quote, its cue and its speaker's mention index ``text`` exactly;
    types, classes and confidences are valid; paragraph numbers agree with
    ``paragraph_bounds``; quotes are sorted by ``(start, end)`` with no span
    twice; sentence and paragraph numbers never go down along the text; one
    speaker id means one (case-insensitive) name (for a source the text does
    not name, its mention: ``Speaker.label``), and one name one id; every model
    survives a JSON round trip.
    """
    assert isinstance(quotes, list)
    bounds = paragraph_bounds(text)
    names_by_id: dict[int, str] = {}
    for q in quotes:
        assert type(q) is Quote
        check_span(text, q, "quote")
        assert isinstance(q.type, QuoteType)
        assert isinstance(q.confidence, float)
        assert math.isfinite(q.confidence) and 0.0 <= q.confidence <= 1.0
        assert q.rule and isinstance(q.rule, str)
        assert q.paragraph == paragraph_index(bounds, q.start), (q, bounds)
        if q.cue is not None:
            assert type(q.cue) is Cue
            check_span(text, q.cue, "cue")
            assert isinstance(q.cue.cue_class, CueClass)
            assert q.cue.lemma
        if q.speaker is not None:
            check_span(text, q.speaker.mention, "speaker mention")
            assert q.speaker.label.strip()
            assert isinstance(q.speaker.entity_type, EntityType)
            name = q.speaker.label.lower()  # the name, or an unnamed source's mention
            assert names_by_id.setdefault(q.speaker.id, name) == name, (q.speaker, names_by_id)
        assert Quote.model_validate_json(q.model_dump_json()) == q
    keys = [(q.start, q.end) for q in quotes]
    assert keys == sorted(keys), keys
    places = [(q.paragraph, q.sentence) for q in quotes]
    assert places == sorted(places), places
    assert len(set(keys)) == len(keys), f"a quote span appears twice: {keys}"
    assert len(set(names_by_id.values())) == len(names_by_id), names_by_id
