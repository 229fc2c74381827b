"""Render an article and its quotes as one self-contained HTML page.

``render_html(text, quotes)`` is a pure function of the text and the quotes
(no model needed). The page has a "who said what" table above the article;
in the article each quote is highlighted in its speaker's colour, its cue is
underlined and the speaker's mention is bold and links to the speaker's
first quote. Hovering a quote shows speaker, role, cue, type and confidence.
The page has inline CSS only: no scripts, links, images or web fonts, and a
Content-Security-Policy that forbids loading anything.

Also ``quoteattr render ARTICLE -o OUT.html`` (``add_render_parser`` and
``run_render`` are wired into ``quoteattr.cli``).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TextIO

from ..errors import Errors
from ..models import Quote, TextSpan
from .style import BASE_CSS, PALETTE, UNKNOWN

__all__ = ["add_render_parser", "colour_class", "quote_title", "render_html", "run_render"]

_QUOTE, _CUE, _MENTION = 0, 1, 2
_FIRST_QUOTE_CHARS = 120
_RENDER_EPILOG = """examples:
  quoteattr render docs/foreign_ministry_briefing.txt -o briefing.html
  cat article.txt | quoteattr render - > article.html
"""


def colour_class(speaker_id: int | None) -> str:
    """CSS class of a speaker's colour: ``qa-c{id % palette size}``, ``qa-cx`` for None.

    Example:
        >>> colour_class(1), colour_class(None)
        ('qa-c1', 'qa-cx')
    """
    return "qa-cx" if speaker_id is None else f"qa-c{speaker_id % len(PALETTE)}"


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


def _items(text: str, quotes: Sequence[Quote]) -> list[_Item]:
    """Quote, cue and mention elements (cues and mentions shared by quotes drawn once)."""
    first_of: dict[int, int] = {}
    quotes_of: dict[int, list[str]] = {}
    for i, q in enumerate(quotes):
        if q.speaker is not None:
            first_of.setdefault(q.speaker.id, i)
            quotes_of.setdefault(q.speaker.id, []).append(f"qa-q{i}")
    items: list[_Item] = []
    cues: set[tuple[int, int]] = set()
    mentions: list[tuple[int, int]] = []
    for i, q in enumerate(quotes):
        _check_span(text, q, "quote", i)
        sp = q.speaker
        colour = colour_class(sp.id if sp is not None else None)
        data = f' data-quote="{i}" data-speaker="{sp.id if sp is not None else ""}"'
        title = f' title="{_attr(quote_title(q))}"'
        items.append(
            _Item(
                q.start,
                q.end,
                _QUOTE,
                f'<span id="qa-q{i}" class="qa-quote {colour}"{data}{title}>',
                f'<span class="qa-quote qa-cont {colour}"{data}{title}>',
                "</span>",
            )
        )
        if q.cue is not None and (q.cue.start, q.cue.end) not in cues:
            _check_span(text, q.cue, "cue", i)
            cues.add((q.cue.start, q.cue.end))
            tag = f'<span class="qa-cue {colour}" title="{_attr(q.cue.cue_class.value)}">'
            items.append(_Item(q.cue.start, q.cue.end, _CUE, tag, tag, "</span>"))
        if sp is None:
            continue
        m = sp.mention
        _check_span(text, m, "speaker mention", i)
        if any((m.start < e and s < m.end) or (s, e) == (m.start, m.end) for s, e in mentions):
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
        want = sorted((i for i in items if i.start <= pos < i.end), key=lambda i: i.key)
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


def _short(text: str) -> str:
    """``text`` cut at a word boundary to at most 120 characters, with an ellipsis."""
    if len(text) <= _FIRST_QUOTE_CHARS:
        return text
    cut = text[: _FIRST_QUOTE_CHARS - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > 0 else cut).rstrip() + "\u2026"


def _table_html(quotes: Sequence[Quote]) -> str:
    """The "who said what" table: one row per speaker (and one for unattributed quotes)."""
    rows: dict[int | None, list[int]] = {}
    for i, q in enumerate(quotes):
        rows.setdefault(q.speaker.id if q.speaker is not None else None, []).append(i)
    body: list[str] = []
    for sid, idx in rows.items():
        first = quotes[idx[0]]
        if sid is None:
            name, role = "(unattributed)", ""
        else:
            sp = first.speaker
            assert sp is not None
            name = sp.label
            role = next((s.role for s in (quotes[i].speaker for i in idx) if s and s.role), "")
        href = f"#qa-q{idx[0]}"
        body.append(
            f'<tr data-speaker="{"" if sid is None else sid}">'
            f'<td><a href="{href}"><span class="qa-swatch {colour_class(sid)}"></span>'
            f"{escape(name)}</a></td><td>{escape(role)}</td>"
            f'<td class="qa-count">{len(idx)}</td>'
            f'<td><a href="{href}">\u201c{escape(_short(first.text))}\u201d</a></td></tr>'
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
            f".qa-cue.{cls} {{ text-decoration-color: {strong}; }}\n"
            f".qa-mention.{cls} {{ color: {strong}; border-bottom-color: {strong}; }}\n"
        )
    return "".join(rules)


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
    heading = escape(title if title is not None else "Who said what")
    speakers = {q.speaker.id for q in quotes if q.speaker is not None}
    n = len(quotes)
    summary = (
        f"{n} quote{'s' if n != 1 else ''} by {len(speakers)} "
        f"speaker{'s' if len(speakers) != 1 else ''}"
    )
    article = _article_html(text, _items(text, quotes))
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{heading}</title>\n<style>{BASE_CSS}{_colour_css()}</style>\n</head>\n"
        f'<body>\n<main>\n<h1>{heading}</h1>\n<p class="qa-summary">{summary}</p>\n'
        f"{_table_html(quotes)}\n"
        '<p class="qa-legend">Highlight: quote, in its speaker\u2019s colour. '
        "Underline: cue. Bold: speaker mention (links to the first quote). "
        "Hover a quote for details.</p>\n"
        f'<div class="qa-article">{article}</div>\n</main>\n</body>\n</html>\n'
    )


def add_render_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``render`` subcommand to the CLI's subparsers."""
    p = subparsers.add_parser(
        "render",
        help="write an article as HTML with its quotes highlighted",
        description="Extract the quotes of ARTICLE and write a self-contained HTML page.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=_RENDER_EPILOG,
    )
    p.add_argument("article", help="text file (UTF-8); '-' reads stdin")
    p.add_argument("-o", "--output", help="HTML file to write (default: stdout)")
    p.add_argument("--model", help="spaCy pipeline name or path (default: best installed)")


def _new_file_mode(path: Path) -> int:
    """The mode a plain ``open(path, "w")`` would give: the old file's, else 0o666 - umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_atomic(path: Path, content: str) -> None:
    """Write ``content`` to a temporary file next to ``path``, then rename it over ``path``."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(content)
        os.chmod(tmp, _new_file_mode(path))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def run_render(args: argparse.Namespace, out: TextIO) -> int:
    """Run ``quoteattr render``: read the article, extract, write HTML to ``-o`` or ``out``.

    Returns 0, or 1 after a message on stderr when the article cannot be read
    or the output cannot be written.
    """
    from ..api import extract_quotes

    try:
        if args.article == "-":
            text, title = sys.stdin.read(), "stdin"
        else:
            text, title = Path(args.article).read_text(encoding="utf-8"), Path(args.article).name
    except (OSError, UnicodeDecodeError) as exc:
        print(f"quoteattr render: cannot read {args.article}: {exc}", file=sys.stderr)
        return 1
    nlp = None
    if args.model:
        import spacy

        nlp = spacy.load(args.model)
    page = render_html(text, extract_quotes(text, nlp=nlp), title=title)
    if not args.output:
        out.write(page)
        return 0
    try:
        _write_atomic(Path(args.output), page)
    except OSError as exc:
        print(f"quoteattr render: cannot write {args.output}: {exc}", file=sys.stderr)
        return 1
    return 0
