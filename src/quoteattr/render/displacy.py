"""displaCy's span view of the component's quotes, with a colour per speaker and paragraphs.

``displacy.render(doc, style="span", options={"spans_key": "quotes"})`` draws every
quote in the same grey and runs the paragraphs together. ``render_spans`` draws
``doc.spans["quotes"]`` in the page's palette (one colour per speaker, grey for
quotes without one) and keeps each line break.
"""

from __future__ import annotations

from typing import Any

from spacy import displacy
from spacy.tokens import Doc

from .style import PALETTE, UNKNOWN

__all__ = ["displacy_colors", "render_spans"]

_BREAK = "\ue000"  # a private-use character that stands for a line break while rendering


def displacy_colors(doc: Doc, spans_key: str = "quotes") -> dict[str, str]:
    """Span label (speaker) -> colour, as displaCy's ``options["colors"]`` takes it.

    Speakers get the colours of ``quoteattr.render.style.PALETTE`` by speaker id, as
    on the HTML page; the label of quotes without a speaker gets grey.

    Example:
        >>> displacy_colors(nlp('"No," Ann Lee said.'))  # doctest: +SKIP
        {'Ann Lee': '#e69f00', 'UNKNOWN': '#495057'}
    """
    colours: dict[str, str] = {}
    data = doc._.get("quoteattr_data") if doc.has_extension("quoteattr_data") else None
    for item in data or []:
        sp = item.get("speaker")
        if sp is not None:
            label = sp["name"] if sp.get("name") is not None else sp["mention"]["text"]
            colours.setdefault(label, PALETTE[sp["id"] % len(PALETTE)][1])
    for span in doc.spans.get(spans_key, []):
        colours.setdefault(span.label_, UNKNOWN[1])
    return colours


def render_spans(
    doc: Doc, *, spans_key: str = "quotes", page: bool = False, jupyter: bool | None = None
) -> Any:
    """displaCy's span view of ``doc.spans[spans_key]``, coloured per speaker, lines kept.

    Args:
        doc: A Doc processed by the "quoteattr" component.
        spans_key: The span group to draw.
        page: Return a whole HTML page instead of a fragment.
        jupyter: Display in a notebook (None: when running in one).

    Returns:
        The HTML, or None when it was displayed in a notebook.

    Example:
        >>> html = render_spans(nlp('"No," Ann Lee said.\\n\\n"Yes," Bo said.'))  # doctest: +SKIP
    """
    tokens = [_BREAK * t.text.count("\n") if t.is_space and "\n" in t.text else t.text for t in doc]
    spans = [
        {"start_token": s.start, "end_token": s.end, "label": s.label_}
        for s in doc.spans.get(spans_key, [])
    ]
    data = {"text": doc.text, "spans": spans, "tokens": tokens}
    options = {"colors": displacy_colors(doc, spans_key)}
    if jupyter is None:
        from ..io.progress import in_notebook

        jupyter = in_notebook()
    html = displacy.render(data, style="span", manual=True, options=options, page=page)
    html = str(html).replace(_BREAK, "<br>")
    if jupyter:  # pragma: no cover - needs a notebook
        from IPython.display import HTML, display

        display(HTML(html))
        return None
    return html
