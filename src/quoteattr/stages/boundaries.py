"""Sentence starts at paragraph starts, set before the parser runs.

Input: a tokenized, unparsed Doc.
Output: the same Doc with ``is_sent_start = True`` on the first token of each
line, which spaCy's parser keeps as a constraint, so that no sentence runs
across a line break (headlines, datelines, captions and paragraphs stay
apart). A soft break that only wraps a sentence (``segment.soft_break``) is
not a paragraph start.
"""

from __future__ import annotations

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import Errors
from .segment import LINE_BREAK, LINE_BREAK_CHARS, soft_break

__all__ = ["MAX_RUN", "mark_paragraph_starts", "plain_spaces", "split_glued_quotes", "tokenize"]

#: Longest stretch without whitespace handed to spaCy's tokenizer in one piece.
#: Its affix loop is quadratic in the length of such a stretch (10,000 quotation
#: marks in a row take minutes), so longer stretches are cut into pieces of this size.
MAX_RUN = 500

_LONG_RUN = regex.compile(rf"\S{{{MAX_RUN + 1},}}")
_SURROGATE = regex.compile(r"[\ud800-\udfff]")
#: tokens of their own: control characters that are not whitespace (NUL, BEL,
#: ESC, DEL, C1 controls) and HTML tags without attributes (<p>, </b>, <br/>)
_OWN_TOKEN = regex.compile(
    r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]|</?[A-Za-z][A-Za-z0-9]{0,9} ?/?>"
)

#: Spaces other than " " that are not line breaks (no-break, thin, ideographic, ...).
_OTHER_SPACES = regex.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Mark the first token after every line break but a soft one as a sentence start.

    Args:
        doc: A Doc straight from the tokenizer.

    Returns:
        The same Doc, changed in place.

    Example:
        >>> doc = mark_paragraph_starts(nlp.make_doc("Title\\nBody text."))  # doctest: +SKIP
        >>> doc[2].is_sent_start  # doctest: +SKIP
        True
    """
    after_break = False
    text = doc.text
    for token in doc:
        if after_break and not token.is_space:
            token.is_sent_start = True
            after_break = False
        if any(b in token.whitespace_ for b in LINE_BREAK_CHARS) or (
            token.is_space and any(b in token.text for b in LINE_BREAK_CHARS)
        ):
            after_break = not _soft(text, token.idx, token.idx + len(token.text_with_ws))
    return doc


def _soft(text: str, start: int, end: int) -> bool:
    """True when the only line break in ``text[start:end]`` is a soft one (see ``segment``)."""
    found = LINE_BREAK.search(text, start, end)
    if found is None or LINE_BREAK.search(text, found.end(), end) is not None:
        return False
    return soft_break(text, found.start(), found.end())


def plain_spaces(text: str) -> str:
    """Return ``text`` with every space character other than " " and line breaks
    replaced by " ", one for one (offsets do not move).

    spaCy's tokenizer splits only at " ": a no-break space becomes a token of its
    own that the parser attaches somewhere ('says the\xa0Republican movement ...'
    then parses as "says [the movement]" with no clause). The parser reads the
    plain text; quotes are still cut from the caller's text.

    Example:
        >>> plain_spaces("the\xa0party")
        'the party'
    """
    if text.isascii():
        return text
    return _OTHER_SPACES.sub(" ", text)


def tokenize(nlp: Language, text: str) -> Doc:
    """Tokenize ``text`` with ``nlp``'s tokenizer in time linear in its length.

    Stretches of more than ``MAX_RUN`` characters without whitespace (quotation
    marks in a row, base64 data, long URLs) are cut every ``MAX_RUN`` characters,
    and every control character (NUL, ESC, ...) and simple HTML tag (``<p>``,
    ``</b>``) is a token of its own, so that ``said\\x00.`` and ``said.</p>`` still
    have the token ``said``. Each piece between such cuts is
    tokenized apart; elsewhere the tokens are the tokenizer's own.

    Args:
        nlp: The pipeline whose tokenizer (and ``max_length`` check) is used.
        text: Any string.

    Returns:
        An unparsed Doc whose text is ``text``.

    Raises:
        ValueError: ([QA020]) if ``text`` has a lone surrogate code point,
            which spaCy cannot hash.

    Example:
        >>> [t.text for t in tokenize(nlp, "said\\x00.")]  # doctest: +SKIP
        ['said', '\\x00', '.']
    """
    if not text.isascii() and (surrogate := _SURROGATE.search(text)):
        raise ValueError(Errors.E020.format(char=surrogate.group()))
    cuts = {
        cut
        for run in _LONG_RUN.finditer(text)
        for cut in range(run.start() + MAX_RUN, run.end(), MAX_RUN)
    }
    for own in _OWN_TOKEN.finditer(text):
        end = own.end()
        cuts.update((own.start(), end + 1 if text.startswith(" ", end) else end))
    cuts -= {0, len(text)}
    if not cuts or len(text) > nlp.max_length:
        return nlp.make_doc(text)
    ordered = sorted(cuts)
    words: list[str] = []
    spaces: list[bool] = []
    for start, end in zip([0, *ordered], [*ordered, len(text)], strict=True):
        for token in nlp.make_doc(text[start:end]):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))
    return Doc(nlp.vocab, words=words, spaces=spaces)


_QUOTE_CHARS = frozenset('"“”«»„‟')
_DASHES = frozenset("—–")


def split_glued_quotes(doc: Doc) -> Doc:
    """Re-tokenize tokens with a quotation mark inside them ('said,“Look') or a dash
    glued to their edge ('record—', '—and').

    spaCy's tokenizer splits quotation marks at token edges only; a mark
    glued between two words hides both the cue and the quotation. Only such
    tokens are split, at the marks and at punctuation next to them; the text is
    unchanged.

    Args:
        doc: A Doc straight from the tokenizer.

    Returns:
        ``doc`` itself when no token needs splitting, else a new Doc over
        the same text (split pieces keep no lexical attributes of the old token).
    """
    if not any(_glued(t.text) for t in doc):
        return doc
    words: list[str] = []
    spaces: list[bool] = []
    for token in doc:
        if not _glued(token.text):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))
            continue
        pieces = _split_marks(token.text)
        for k, piece in enumerate(pieces):
            words.append(piece)
            spaces.append(bool(token.whitespace_) if k == len(pieces) - 1 else False)
    return Doc(doc.vocab, words=words, spaces=spaces)


def _glued(text: str) -> bool:
    """A quotation mark inside the token, or a dash at its edge next to a word
    ('record—' before a quotation, '—and' after one: spaCy splits a dash only
    between two words)."""
    if len(text) > 2 and any(ch in _QUOTE_CHARS for ch in text[1:-1]):
        return True
    return (
        len(text) > 1
        and (text[0] in _DASHES or text[-1] in _DASHES)
        and any(ch.isalnum() for ch in text)
    )


def _split_marks(text: str) -> list[str]:
    """Split a token at quotation marks, dashes and punctuation next to marks."""
    pieces: list[str] = []
    current = ""
    for ch in text:
        if (
            ch in _QUOTE_CHARS
            or ch in _DASHES
            or (ch in ",.;:!?" and current and not current[-1].isdigit())
        ):
            if current:
                pieces.append(current)
            pieces.append(ch)
            current = ""
        else:
            current += ch
    if current:
        pieces.append(current)
    return pieces
