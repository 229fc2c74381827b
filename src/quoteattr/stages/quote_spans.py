"""Pair quotation marks into quoted spans (pure text, no spaCy).

Contract: text (any ``str``) -> ``list[QuoteSpan]`` sorted by ``(start, depth)``,
offsets into the text; spans at one depth never overlap. Work is linear.

Rules:
    * Curly and angle marks have a direction; straight ``"`` and ``''`` open
      after a space, bracket or dash, close before a space or punctuation, and
      else toggle. ``"`` after a digit is an inch mark unless a quotation is open.
    * Which characters are marks, their direction and pairs come from the
      lexicon's ``QuoteMarks``; the rules here are about the glyphs' shapes.
    * Single marks double as apostrophes, so they count only at a word edge,
      not before an elided word ('90s, 'em, 'n'), and only paired in one
      paragraph; ``s'`` (Jones') closes only when no better closer follows.
    * Marks nest on a stack of at most ``MAX_DEPTH``; a closer takes the nearest
      opener that the pairs allow and drops the unclosed openers above it.
    * A double quotation open at a paragraph end continues, as one span, when
      the next paragraph starts with an opening mark (news style).
    * Otherwise damage stays in the paragraph: an unclosed opener quotes to the
      paragraph end (or to a same-style quotation it encloses: a forgotten
      closer), and a closer met before any other double mark of its paragraph
      quotes from the paragraph start.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from quoteattr.marks import QuoteMarks
from quoteattr.stages.segment import paragraph_bounds
from quoteattr.types import QuoteSpan

__all__ = ["MAX_DEPTH", "find_quote_spans"]

#: Deepest nesting followed; deeper openers are ignored (keeps the work linear).
MAX_DEPTH = 8

_MEANINGFUL = regex.compile(r"[\p{L}\p{N}\p{S}]")
_MEANINGFUL_TWICE = regex.compile(r"[\p{L}\p{N}\p{S}][^\p{L}\p{N}\p{S}]*+[\p{L}\p{N}\p{S}]")
_WORD = regex.compile(r"[\p{L}\p{N}]{1,12}")
_DECADE = regex.compile(r"\d\d[sS]?")
_FEET_INCHES = regex.compile(r"\d['\u2019\u2032]\d\d?\Z")
_FORMAT_ONLY = regex.compile(r"\p{Cf}*")
_TRIMMED = regex.compile(r"[^\s\x1c-\x1f](?:.*[^\s\x1c-\x1f])?", regex.DOTALL)  # as str.isspace
#: Characters after which any opening mark may stand, besides the marks themselves.
_OPENER_NEIGHBOURS = frozenset({"/", "="})

# Roles of a mark before the stack is consulted.
_SKIP, _OPEN, _CLOSE, _EITHER, _INCH, _POSSESSIVE = range(6)


@dataclass(frozen=True, slots=True)
class _Glyphs:
    """One ``QuoteMarks`` with what the pairer derives from it."""

    marks: QuoteMarks
    pattern: regex.Pattern[str]  # a mark, or a run of the doubled apostrophe's character
    doubled: str  # the two-character mark, or ""
    before_opener: frozenset[str]
    after_closer: frozenset[str]
    straight_double: frozenset[str]  # undirected double marks ('"', ″)


@lru_cache(maxsize=16)
def _glyphs(marks: QuoteMarks) -> _Glyphs:
    doubled = marks.doubled_apostrophe
    run = doubled[:1]
    parts = [regex.escape(run) + "+"] if run else []
    chars = "".join(sorted(marks.marks - {run}))
    if chars:
        parts.append("[" + regex.escape(chars) + "]")
    return _Glyphs(
        marks,
        regex.compile("|".join(parts) or "(?!)"),
        doubled,
        marks.openers | marks.ambiguous | _OPENER_NEIGHBOURS,
        marks.closers | marks.ambiguous,
        marks.ambiguous & marks.double,
    )


@dataclass(slots=True)
class _Open:
    pos: int  # offset of the first opening mark
    width: int  # length of that mark (2 for '')
    glyph: str  # mark whose pairs decide the closer (the latest continuation mark)
    single: bool
    para: int
    first_span: int  # index into the found list when this opener was pushed


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    open_mark: int | None
    close_mark: int | None
    depth: int
    para: int
    single: bool


def find_quote_spans(text: str, marks: QuoteMarks) -> list[QuoteSpan]:
    """Find the quoted stretches of a text.

    Args:
        text: Any string; never raises.
        marks: The quotation marks of the text's language (``Lexicon.quote_marks``).

    Returns:
        Spans sorted by ``(start, depth)``. ``start``/``end`` delimit the
        content without its marks or the whitespace just inside them. Spans
        with no letter, digit or symbol are dropped.

    Example:
        >>> from quoteattr.lang.en import EN_LEXICON
        >>> spans = find_quote_spans('"A," he said, "B."', EN_LEXICON.quote_marks)
        >>> [(s.start, s.end) for s in spans]
        [(1, 3), (15, 17)]
    """
    return _Pairer(text, _glyphs(marks)).run()


class _Pairer:
    """One left-to-right pass over the marks of a text, paragraph by paragraph."""

    def __init__(self, text: str, glyphs: _Glyphs) -> None:
        self.text = text
        self.g = glyphs
        self.m = glyphs.marks
        self.found: list[_Found] = []
        self.stack: list[_Open] = []

    def run(self) -> list[QuoteSpan]:
        bounds = paragraph_bounds(self.text)
        continued = False
        tokens = self._tokens(*bounds[0]) if bounds else []
        for p, (start, end) in enumerate(bounds):
            para_first = len(self.found)
            following = self._tokens(*bounds[p + 1]) if p + 1 < len(bounds) else []
            self._paragraph(p, start, tokens[1:] if continued else tokens)
            lead = following[0] if following and following[0][0] == bounds[p + 1][0] else None
            continued = self._end_paragraph(end, lead, para_first)
            tokens = following
        return self._finish()

    def _tokens(self, start: int, end: int) -> list[tuple[int, str]]:
        """List ``(offset, mark)`` in a paragraph; runs of 2 or 3 ``'`` hold ``''``."""
        text, g = self.text, self.g
        doubled, lone = g.doubled, g.doubled[:1]
        out: list[tuple[int, str]] = []
        for match in g.pattern.finditer(text, start, end):
            pos, mark = match.start(), match.group()
            if len(mark) == 2:
                out.append((pos, doubled))
            elif len(mark) == 3 and (pos == 0 or _opens_after(g, text[pos - 1])):
                out += [(pos, doubled), (pos + 2, lone)]
            elif len(mark) == 3:
                out += [(pos, lone), (pos + 1, doubled)]
            elif len(mark) == 1:
                out.append((pos, mark))
        return out

    def _paragraph(self, p: int, start: int, tokens: list[tuple[int, str]]) -> None:
        roles = [_role(self.g, self.text, pos, mark) for pos, mark in tokens]
        if (
            roles
            and (roles[0], tokens[0][1]) == (_CLOSE, "\u201d")
            and _FORMAT_ONLY.fullmatch(self.text, start, tokens[0][0])
        ):
            roles[0] = _EITHER  # no closer starts a paragraph: ” typed for “
        better_closer = _better_closer_follows(self.m.single, tokens, roles)
        para_first = len(self.found)
        double_seen = bool(self.stack)  # a continued quotation is already open
        for k, (pos, mark) in enumerate(tokens):
            role = roles[k]
            single = mark in self.m.single
            if role == _OPEN:
                self._push(pos, mark, single, p)
            elif role != _SKIP:
                idx = self._find(mark, single)
                if idx >= 0 and not (role == _POSSESSIVE and better_closer[k]):
                    self._close(idx, pos, mark)
                elif role == _EITHER:
                    self._push(pos, mark, single, p)
                elif (
                    role == _CLOSE and mark not in self.m.openers and not single and not double_seen
                ):
                    self._orphan(p, start, pos, mark, para_first)
                elif role == _INCH:
                    continue  # an inch mark, not a quotation mark
            double_seen = double_seen or (role != _SKIP and not single)

    def _push(self, pos: int, mark: str, single: bool, p: int) -> None:
        if len(self.stack) < MAX_DEPTH:
            self.stack.append(_Open(pos, len(mark), mark, single, p, len(self.found)))

    def _find(self, mark: str, single: bool) -> int:
        """Index of the nearest opener that ``mark`` closes, or -1.

        A single mark never closes across an open double quotation.
        """
        for idx in range(len(self.stack) - 1, -1, -1):
            entry = self.stack[idx]
            if mark in self.m.pairs.get(entry.glyph, ()):
                return idx
            if single and not entry.single:
                return -1
        return -1

    def _close(self, idx: int, pos: int, mark: str) -> None:
        while len(self.stack) > idx + 1:
            self._discard(len(self.stack) - 1)
        e = self.stack[idx]
        if e.single and not _MEANINGFUL_TWICE.search(self.text, e.pos + e.width, pos):
            self._discard(idx)  # 'n', 'A': too short to be a single-quoted quotation
            return
        self.stack.pop()
        close = pos + len(mark) - 1
        self.found.append(_Found(e.pos + e.width, pos, e.pos, close, idx, e.para, e.single))

    def _discard(self, idx: int) -> None:
        """Forget the opener at ``idx``; spans found inside it move up a level."""
        entry = self.stack.pop(idx)
        for found in self.found[entry.first_span :]:
            if found.depth > idx:
                found.depth -= 1

    def _orphan(self, p: int, start: int, pos: int, mark: str, para_first: int) -> None:
        """A closer with no opener, before any other double mark: quote from the paragraph start."""
        while self.stack:
            self._discard(len(self.stack) - 1)
        for found in self.found[para_first:]:
            found.depth += 1
        self.found.append(_Found(start, pos, None, pos + len(mark) - 1, 0, p, False))

    def _end_paragraph(self, end: int, lead: tuple[int, str] | None, para_first: int) -> bool:
        """Close the paragraph; True when its open quotation continues into the next."""
        keep = next((i for i, entry in enumerate(self.stack) if not entry.single), -1)
        for idx in range(len(self.stack) - 1, -1, -1):
            if idx != keep:
                self._discard(idx)
        if not self.stack:
            return False
        entry = self.stack[0]
        cut = self._missing_closer(entry, para_first)
        if cut is None and lead is not None and lead[1] in self.m.continuation_openers:
            entry.glyph = lead[1]
            return True
        self.stack.pop()
        if cut is None:
            cut = end
        else:  # the quotations after the cut are no longer inside this one
            for found in self.found[entry.first_span :]:
                if found.start >= cut:
                    found.depth -= 1
        self.found.append(
            _Found(entry.pos + entry.width, cut, entry.pos, None, 0, entry.para, False)
        )
        return False

    def _missing_closer(self, entry: _Open, para_first: int) -> int | None:
        """Offset where an unclosed quotation ends early, or None.

        In ``“A, he said. “B.”`` the first mark, open at the paragraph end,
        encloses a quotation whose closer could have closed it too: a forgotten
        closer is likelier than same-style nesting, so it stops at ``“B``.
        """
        accepted = self.m.pairs.get(entry.glyph, frozenset())
        cuts = [
            found.open_mark
            for found in self.found[max(entry.first_span, para_first) :]
            if found.depth == 1
            and not found.single
            and found.open_mark is not None
            and found.close_mark is not None
            and self._closing_mark(found.close_mark) in accepted
        ]
        return min(cuts, default=None)

    def _closing_mark(self, last: int) -> str:
        """The closing mark whose last character is at ``last``."""
        char, doubled = self.text[last], self.g.doubled
        return doubled if doubled and char == doubled[0] else char

    def _finish(self) -> list[QuoteSpan]:
        text = self.text
        spans: list[QuoteSpan] = []
        for f in self.found:
            core = _TRIMMED.search(text, f.start, f.end)  # drop the whitespace at both ends
            if core and _MEANINGFUL.search(text, core.start(), core.end()):
                span = QuoteSpan(
                    core.start(), core.end(), f.open_mark, f.close_mark, f.depth, f.para
                )
                spans.append(span)
        spans.sort(key=lambda span: (span.start, span.depth))
        return spans


def _role(g: _Glyphs, text: str, pos: int, mark: str) -> int:
    """Role of one mark judged from its neighbours alone."""
    m = g.marks
    prev = text[pos - 1] if pos > 0 else " "
    after = pos + len(mark)
    nxt = text[after] if after < len(text) else " "
    doubled = mark == g.doubled
    if doubled:  # in a run of three, look past the lone mark
        prev = text[pos - 2] if prev == mark[0] and pos >= 2 else prev
        nxt = text[after + 1] if nxt == mark[0] and after + 1 < len(text) else nxt
    if prev.isalnum() and nxt.isalnum() and (mark in m.apostrophes or doubled):
        return _SKIP  # don't, NRA's, rock'n'roll
    word_start = _opens_after(g, prev) and not nxt.isspace()
    word_end = _closes_before(g, nxt) and not prev.isspace()
    if mark in m.apostrophes:
        if pos >= 2 and prev in "nN" and text[pos - 2] in m.apostrophes:
            return _SKIP  # rock 'n' roll, fish 'n' chips
        if word_start and not word_end:
            return _SKIP if _elision_follows(m, text, after) else _OPEN
        if word_end and not word_start:
            return _POSSESSIVE if prev in "sS" and mark != "\u2018" else _CLOSE
        return _SKIP
    if prev.isdigit() and mark not in m.single:
        if _FEET_INCHES.search(text, max(0, pos - 4), pos):
            return _SKIP  # 5'10", 5’2”
        if mark in g.straight_double:
            return _INCH
    if mark in g.straight_double or doubled:
        opener_side = _opens_after(g, prev)
        closer_side = _closes_before(g, nxt) and nxt != mark[0]  # "" opens an empty pair
        if opener_side != closer_side:
            return _OPEN if opener_side else _CLOSE
        return _EITHER
    if mark == "\u201a":  # single low-9 opens only at a word start
        return _OPEN if word_start else _SKIP
    opener_only, closer_only = word_start and not word_end, word_end and not word_start
    if mark not in m.closers:  # „ « ‹: not after a word (»reversed« is not English)
        return _SKIP if closer_only else _OPEN
    if mark not in m.openers and opener_only:  # ” » › before a word
        return _EITHER if mark == "\u201d" else _SKIP  # ” typed for “ is common
    return _CLOSE if closer_only or mark not in m.openers else _OPEN


def _opens_after(g: _Glyphs, char: str) -> bool:
    """True when ``char`` may come right before an opening mark."""
    if char.isspace() or char in g.before_opener:
        return True
    return unicodedata.category(char) in ("Ps", "Pi", "Pd", "Cf")


def _closes_before(g: _Glyphs, char: str) -> bool:
    """True when ``char`` may come right after a closing mark."""
    if char.isspace() or char in g.after_closer:
        return True
    return char not in "@#" and unicodedata.category(char) in ("Pe", "Pf", "Po", "Pd", "Cf")


def _elision_follows(marks: QuoteMarks, text: str, pos: int) -> bool:
    """True for 'em, 'til, 'n', '90s: the mark is an apostrophe for dropped letters."""
    word = _WORD.match(text, pos)
    if word is None or (word.end() < len(text) and text[word.end()].isalnum()):
        return False
    found = word.group()
    return found.lower() in marks.leading_elisions or _DECADE.fullmatch(found) is not None


def _better_closer_follows(
    single: frozenset[str], tokens: list[tuple[int, str]], roles: list[int]
) -> list[bool]:
    """For each token: does a plain single closer follow before any other opener or double mark?"""
    out = [False] * len(tokens)
    state = False
    for k in range(len(tokens) - 1, -1, -1):
        out[k] = state
        role = roles[k]
        if tokens[k][1] not in single or role == _OPEN:
            state = False
        elif role == _CLOSE:
            state = True
    return out
