"""Render articles and their quotes as one self-contained HTML page.

``render_html(text, quotes)`` is a pure function of the text and the quotes
(no model needed). The page has a "who said what" table above the article;
in the article each quote is highlighted in its speaker's colour (Okabe-Ito
palette) and underlined, solid, dashed or dotted by confidence; its cue is
underlined in italics and the speaker's mention is bold and links to the
speaker's first quote. Below the article, every quote is listed by speaker with
its cue, type and confidence. Hovering a quote shows the same details.
``render_documents_html`` puts several documents on one page. The page has
inline CSS only: no scripts, links, images or web fonts, and a
Content-Security-Policy that forbids loading anything. ``QuoteView`` shows the
same in a Jupyter notebook (``_repr_html_``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from ..errors import Errors
from ..models import Quote, QuoteType, TextSpan
from ..stages.spans import bounds, covers, overlaps
from .style import BASE_CSS, CONFIDENCE_LEVELS, PALETTE, UNKNOWN

__all__ = [
    "QuoteView",
    "colour_class",
    "confidence_class",
    "quote_title",
    "render_documents_html",
    "render_fragment",
    "render_html",
]

_QUOTE, _CUE, _MENTION = 0, 1, 2
_FIRST_QUOTE_CHARS = 120
_LIST_QUOTE_CHARS = 240


def colour_class(speaker_id: int | None) -> str:
    """CSS class of a speaker's colour: ``qa-c{id % palette size}``, ``qa-cx`` for None.

    Example:
        >>> colour_class(1), colour_class(None)
        ('qa-c1', 'qa-cx')
    """
    return "qa-cx" if speaker_id is None else f"qa-c{speaker_id % len(PALETTE)}"


def confidence_class(confidence: float) -> str:
    """The CSS class that draws a quote of this confidence fainter ("" when high).

    Example:
        >>> confidence_class(0.9), confidence_class(0.6), confidence_class(0.3)
        ('', 'qa-mid', 'qa-low')
    """
    for lowest, css, _ in CONFIDENCE_LEVELS:
        if confidence >= lowest:
            return css
    return CONFIDENCE_LEVELS[-1][1]


def quote_title(quote: Quote) -> str:
    """The hover text of a quote: five lines (speaker, role, cue, type, confidence).

    Example:
        >>> q = Quote(text="No", start=1, end=3, type="direct", confidence=0.9,
        ...           sentence=0, paragraph=0, rule="r")
        >>> print(quote_title(q))
        Speaker: unattributed
        Role: none
        Cue: none
        Type: direct
        Confidence: 0.90
    """
    sp, cue = quote.speaker, quote.cue
    speaker = sp.label if sp is not None else "unattributed"
    if sp is not None and sp.mention.text != sp.label:
        speaker += f" (as \u201c{sp.mention.text}\u201d)"
    role = sp.role if sp is not None and sp.role else "none"
    cue_text = f"{cue.text} ({cue.cue_class.value})" if cue is not None else "none"
    return (
        f"Speaker: {speaker}\nRole: {role}\nCue: {cue_text}\n"
        f"Type: {quote.type.value}\nConfidence: {quote.confidence:.2f}"
    )


@dataclass(frozen=True)
class _Item:
    """One element to draw over ``text[start:end]``; ``key`` orders the nesting."""

    start: int
    end: int
    kind: int
    open_first: str
    open_next: str
    close: str

    @property
    def key(self) -> tuple[int, int, int]:
        return (self.kind, self.start, -self.end)


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _check_span(text: str, span: TextSpan, what: str, index: int) -> None:
    if span.end > len(text) or text[span.start : span.end] != span.text:
        raise ValueError(
            Errors.E011.format(
                what=what, index=index, start=span.start, end=span.end, length=len(text)
            )
        )


def _items(text: str, quotes: Sequence[Quote], first: int = 0) -> list[_Item]:
    """Quote, cue and mention elements (cues and mentions shared by quotes drawn once).

    Quote ``i`` of the document gets the id ``qa-q{first + i}``.
    """
    first_of: dict[int, int] = {}
    quotes_of: dict[int, list[str]] = {}
    for i, q in enumerate(quotes, first):
        if q.speaker is not None:
            first_of.setdefault(q.speaker.id, i)
            quotes_of.setdefault(q.speaker.id, []).append(f"qa-q{i}")
    items: list[_Item] = []
    cues: set[tuple[int, int]] = set()
    mentions: list[tuple[int, int]] = []
    for i, q in enumerate(quotes, first):
        _check_span(text, q, "quote", i - first)
        sp = q.speaker
        colour = colour_class(sp.id if sp is not None else None)
        conf = confidence_class(q.confidence)
        classes = f"{colour} {conf}" if conf else colour
        data = (
            f' data-quote="{i}" data-speaker="{sp.id if sp is not None else ""}"'
            f' data-confidence="{q.confidence:.2f}"'
        )
        title = f' title="{_attr(quote_title(q))}"'
        items.append(
            _Item(
                q.start,
                q.end,
                _QUOTE,
                f'<span id="qa-q{i}" class="qa-quote {classes}"{data}{title}>',
                f'<span class="qa-quote qa-cont {classes}"{data}{title}>',
                "</span>",
            )
        )
        if q.cue is not None and (q.cue.start, q.cue.end) not in cues:
            _check_span(text, q.cue, "cue", i - first)
            cues.add((q.cue.start, q.cue.end))
            tag = f'<span class="qa-cue {colour}" title="{_attr(q.cue.cue_class.value)}">'
            items.append(_Item(q.cue.start, q.cue.end, _CUE, tag, tag, "</span>"))
        if sp is None:
            continue
        m = sp.mention
        _check_span(text, m, "speaker mention", i - first)
        if any(overlaps(span, bounds(m)) or span == bounds(m) for span in mentions):
            continue  # drawn already, or would nest one link in another
        mentions.append((m.start, m.end))
        ids = quotes_of[sp.id]
        hover = f"{sp.label}: {len(ids)} quote{'s' if len(ids) != 1 else ''}"
        tag = (
            f'<a class="qa-mention {colour}" href="#qa-q{first_of[sp.id]}" '
            f'data-speaker="{sp.id}" data-quotes="{" ".join(ids)}" title="{_attr(hover)}">'
        )
        items.append(_Item(m.start, m.end, _MENTION, tag, tag, "</a>"))
    return items


def _article_html(text: str, items: list[_Item]) -> str:
    """Split ``text`` at every element boundary and keep the elements properly nested.

    At each boundary the wanted stack of open elements (ordered by kind, then
    start, then longest first: quotes outermost) is compared with the current
    one; elements above the common prefix are closed and the rest reopened.
    Crossing elements are therefore split into pieces, and only an element's
    first piece carries its id.
    """
    bounds = sorted({0, len(text)} | {i.start for i in items} | {i.end for i in items})
    stack: list[_Item] = []
    opened: set[int] = set()
    out: list[str] = []
    for n, pos in enumerate(bounds):
        for empty in (i for i in items if i.start == i.end == pos):
            out.append(empty.open_first + empty.close)
        nxt = bounds[n + 1] if n + 1 < len(bounds) else pos
        want = sorted((i for i in items if covers((i.start, i.end), pos)), key=lambda i: i.key)
        keep = 0
        while keep < min(len(stack), len(want)) and stack[keep] is want[keep]:
            keep += 1
        out.extend(item.close for item in reversed(stack[keep:]))
        for item in want[keep:]:
            out.append(item.open_next if id(item) in opened else item.open_first)
            opened.add(id(item))
        stack = want
        out.append(escape(text[pos:nxt], quote=True))
    out.extend(item.close for item in reversed(stack))
    return "".join(out)


def _short(text: str, limit: int = _FIRST_QUOTE_CHARS) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > 0 else cut).rstrip() + "\u2026"


def _as_said(quote: Quote, shown: str) -> str:
    """``shown`` (escaped) in quotation marks for a direct quote; a paraphrase (indirect or
    mixed, not all in the speaker's words) without them.

    Example:
        >>> fields = dict(start=0, end=3, confidence=0.9, sentence=0, paragraph=0, rule="r")
        >>> said = Quote(text="a&b", type="direct", **fields)
        >>> told = Quote(text="a&b", type="indirect", **fields)
        >>> _as_said(said, said.text), _as_said(told, told.text)
        ('\u201ca&amp;b\u201d', 'a&amp;b')
    """
    if quote.type is QuoteType.DIRECT:
        return f"\u201c{escape(shown)}\u201d"
    return escape(shown)


def _groups(quotes: Sequence[Quote]) -> dict[int | None, list[int]]:
    """Quote indexes by speaker id (None: unattributed), in order of first quote."""
    rows: dict[int | None, list[int]] = {}
    for i, q in enumerate(quotes):
        rows.setdefault(q.speaker.id if q.speaker is not None else None, []).append(i)
    return rows


def _name_and_role(quotes: Sequence[Quote], sid: int | None, idx: list[int]) -> tuple[str, str]:
    if sid is None:
        return "(unattributed)", ""
    sp = quotes[idx[0]].speaker
    assert sp is not None
    role = next((s.role for s in (quotes[i].speaker for i in idx) if s and s.role), "")
    return sp.label, role


def _table_html(quotes: Sequence[Quote], first_index: int = 0) -> str:
    """The "who said what" table: one row per speaker (and one for unattributed quotes)."""
    body: list[str] = []
    for sid, idx in _groups(quotes).items():
        first = quotes[idx[0]]
        name, role = _name_and_role(quotes, sid, idx)
        href = f"#qa-q{idx[0] + first_index}"
        body.append(
            f'<tr data-speaker="{"" if sid is None else sid}">'
            f'<td><a href="{href}"><span class="qa-swatch {colour_class(sid)}"></span>'
            f"{escape(name)}</a></td><td>{escape(role)}</td>"
            f'<td class="qa-count">{len(idx)}</td>'
            f'<td><a href="{href}">{_as_said(first, _short(first.text))}</a></td></tr>'
        )
    return (
        '<table class="qa-table"><caption>Who said what</caption><thead><tr>'
        '<th>Speaker</th><th>Role</th><th class="qa-count">Quotes</th><th>First quote</th>'
        "</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _colour_css() -> str:
    rules = []
    for cls, (bg, strong) in [(f"qa-c{k}", c) for k, c in enumerate(PALETTE)] + [
        ("qa-cx", UNKNOWN)
    ]:
        rules.append(
            f".qa-quote.{cls}, .qa-swatch.{cls} {{ background-color: {bg}; }}\n"
            f".qa-quote.{cls}, .qa-swatch.{cls} {{ border-color: {strong}; }}\n"
            f".qa-cue.{cls} {{ text-decoration-color: {strong}; }}\n"
            f".qa-mention.{cls} {{ border-bottom: 3px double {strong}; }}\n"
        )
    return "".join(rules)


def _by_speaker_html(quotes: Sequence[Quote], first_index: int = 0) -> str:
    """Every quote, listed under its speaker (speakers in order of first quote)."""
    parts = ['<section class="qa-by-speaker"><h2>Quotes by speaker</h2>']
    for sid, idx in _groups(quotes).items():
        name, role = _name_and_role(quotes, sid, idx)
        role_html = f" \u2014 {escape(role)}" if role else ""
        parts.append(
            f'<h3 data-speaker="{"" if sid is None else sid}">'
            f'<span class="qa-swatch {colour_class(sid)}"></span>{escape(name)}{role_html} '
            f'<span class="qa-meta">({len(idx)} quote{"s" if len(idx) != 1 else ""})</span></h3>'
            "<ol>"
        )
        for i in idx:
            q = quotes[i]
            cue = f"{q.cue.text} ({q.cue.cue_class.value})" if q.cue is not None else "no cue"
            short = _short(q.text, _LIST_QUOTE_CHARS)
            parts.append(
                f'<li><a href="#qa-q{i + first_index}">{_as_said(q, short)}</a> '
                f'<span class="qa-meta">{escape(cue)} \u00b7 {q.type.value} \u00b7 '
                f'confidence <span class="qa-conf">{q.confidence:.2f}</span></span></li>'
            )
        parts.append("</ol>")
    parts.append("</section>")
    return "".join(parts)


def _legend_html() -> str:
    levels = "; ".join(text for _, _, text in CONFIDENCE_LEVELS)
    return (
        '<p class="qa-legend">Highlight: quote, in its speaker\u2019s colour, underlined '
        f"by confidence ({levels}). Italic underline: cue. Bold: speaker mention (links to "
        "the first quote). Hover a quote for details.</p>"
    )


def _summary(quotes: Sequence[Quote]) -> str:
    speakers = {q.speaker.id for q in quotes if q.speaker is not None}
    n = len(quotes)
    return (
        f"{n} quote{'s' if n != 1 else ''} by {len(speakers)} "
        f"speaker{'s' if len(speakers) != 1 else ''}"
    )


def _document_html(
    text: str, quotes: Sequence[Quote], *, first_index: int = 0, heading: str | None = None
) -> str:
    """One document: summary, table, legend, article and the quotes by speaker."""
    article = _article_html(text, _items(text, quotes, first_index))
    head = f"<h2>{escape(heading)}</h2>\n" if heading is not None else ""
    return (
        f'{head}<p class="qa-summary">{_summary(quotes)}</p>\n'
        f"{_table_html(quotes, first_index)}\n{_legend_html()}\n"
        f'<div class="qa-article">{article}</div>\n'
        f"{_by_speaker_html(quotes, first_index)}\n"
    )


def _css() -> str:
    return BASE_CSS + _colour_css()


def _page(title: str, body: str) -> str:
    heading = escape(title)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{heading}</title>\n<style>{_css()}</style>\n</head>\n"
        f'<body class="qa-body">\n<main class="qa-page">\n<h1>{heading}</h1>\n'
        f"{body}</main>\n</body>\n</html>\n"
    )


def render_html(text: str, quotes: Sequence[Quote], *, title: str | None = None) -> str:
    """Render ``text`` with its ``quotes`` as a self-contained HTML page.

    Args:
        text: The article the quotes were extracted from.
        quotes: Quotes whose offsets index ``text`` (e.g. from ``extract_quotes``).
        title: Page heading and ``<title>``; "Who said what" when None.

    Returns:
        The HTML document as a str. All text is escaped; the page loads nothing.

    Raises:
        ValueError: ([QA011]) if a quote, cue or mention does not index ``text``.

    Example:
        >>> from quoteattr import extract_quotes, render_html
        >>> text = '"We will rebuild," Mara Vell said.'
        >>> page = render_html(text, extract_quotes(text))  # doctest: +SKIP
        >>> page.count('class="qa-quote ')  # doctest: +SKIP
        1
    """
    return _page(title if title is not None else "Who said what", _document_html(text, quotes))


def render_documents_html(
    documents: Iterable[tuple[str, str, Sequence[Quote]]], *, title: str | None = None
) -> str:
    """Render several documents ``(id, text, quotes)`` on one page, one section each.

    Quote ids run on over the documents (``qa-q0``, ``qa-q1``, ...), so every
    link on the page is unique.

    Example:
        >>> page = render_documents_html([("a", "No quote.", []), ("b", "None.", [])])
        >>> page.count('<div class="qa-article">')
        2
    """
    parts: list[str] = []
    first = 0
    for doc_id, text, quotes in documents:
        parts.append(_document_html(text, quotes, first_index=first, heading=doc_id))
        first += len(quotes)
    return _page(title if title is not None else "Who said what", "".join(parts))


def render_fragment(text: str, quotes: Sequence[Quote], *, title: str | None = None) -> str:
    """The page's content as one ``<div>`` with its own ``<style>``, for embedding.

    All rules are scoped to the ``qa-page`` class, so the fragment does not
    restyle the page around it (a notebook, a web page).

    Example:
        >>> render_fragment("No quote.", []).startswith('<div class="qa-page">')
        True
    """
    head = f"<h1>{escape(title)}</h1>\n" if title is not None else ""
    return (
        f'<div class="qa-page"><style>{_css()}</style>\n{head}{_document_html(text, quotes)}</div>'
    )


@dataclass(frozen=True)
class QuoteView:
    """A document and its quotes, displayed as the rendered page in a Jupyter notebook.

    Example:
        >>> from quoteattr import QuoteView, extract_quotes
        >>> text = '"We will rebuild," Mara Vell said.'
        >>> QuoteView(text, extract_quotes(text))  # doctest: +SKIP
    """

    text: str
    quotes: Sequence[Quote]
    title: str | None = None

    def _repr_html_(self) -> str:
        return render_fragment(self.text, self.quotes, title=self.title)

    def to_html(self) -> str:
        """The whole self-contained page (``render_html``)."""
        return render_html(self.text, self.quotes, title=self.title)
