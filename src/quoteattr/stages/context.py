"""What the attribution rules share for one Doc, and what makes a quotation speech-like.

Input: a parsed Doc, its depth-0 ``QuoteSpan`` list, its paragraph bounds, the
``Lexicon`` and the ``Conventions`` in force.
Output: a ``Context`` (offsets to sentences and paragraphs, quotation tests) and
``speech_like`` (False for scare quotes and titles).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..lexicon import Lexicon
from ..types import QuoteSpan
from .scope import Conventions
from .spans import overlaps

__all__ = ["Context", "speech_like"]


_MAX_TITLE_WORDS = 6


@dataclass
class Context:
    """One Doc's text, quotations, sentences, paragraphs, lexicon and conventions, shared
    by the attribution rules (built once: ``doc.text`` costs O(doc) on each call).

    The rules read their English data (role and group nouns, line labels) from ``lexicon``,
    the extractor's, so a custom lexicon reaches each of them.
    """

    doc: Doc
    quotes: list[QuoteSpan]
    paragraphs: list[tuple[int, int]]
    lexicon: Lexicon
    sent_starts: list[int] = field(default_factory=list)
    sent_bounds: list[tuple[int, int]] = field(default_factory=list)
    para_starts: list[int] = field(default_factory=list)
    text: str = ""  # doc.text, built once (each doc.text call costs O(doc))
    conv: Conventions = field(default_factory=Conventions)

    def __post_init__(self) -> None:
        self.text = self.text or self.doc.text
        self.para_starts = [p[0] for p in self.paragraphs]
        for sent in self.doc.sents:
            self.sent_bounds.append((sent.start_char, sent.end_char))
            self.sent_starts.append(sent.start_char)

    def paragraph_of(self, offset: int) -> int:
        return max(0, bisect_right(self.para_starts, offset) - 1)

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect_right(self.sent_starts, offset) - 1)

    def in_quote(self, offset: int) -> bool:
        return any(q.outer_start <= offset < q.outer_end for q in self.quotes)

    def overlaps_quote(self, start: int, end: int) -> bool:
        return any(overlaps((q.outer_start, q.outer_end), (start, end)) for q in self.quotes)


def speech_like(text: str, quote: QuoteSpan, lexicon: Lexicon) -> bool:
    """False for short scare quotes and titles: under four words with no end punctuation
    inside the marks ('an "insult"', 'the station's "Weekend Desk"'), and short quotations
    that a preposition, article or possessive introduces ('host of "Morning Joe,"',
    'Fox News Channel's "Hannity,"'); ``lexicon`` gives the words that introduce a title
    (``title_introducers``) and those a title leaves in lower case."""
    content = text[quote.start : quote.end]
    n_words = len(content.split())
    before = text[max(0, quote.outer_start - 12) : quote.outer_start].split()
    if (
        before
        and n_words <= _MAX_TITLE_WORDS
        and (before[-1].lower() in lexicon.title_introducers or before[-1].endswith(("'s", "’s")))
    ):
        return False
    if n_words <= _MAX_TITLE_WORDS and _title_case(content, lexicon.title_function_words):
        return False  # '"Harbour Lights Evening Radio," aired on ...'
    return n_words >= 4 or content.rstrip()[-1:] in (",", ".", "!", "?", "…")


def _title_case(content: str, function_words: frozenset[str]) -> bool:
    """True for a name or title: two words or more, each capitalised but for short
    function words, and no end mark but a comma ("America with Jorge Ramos")."""
    words = content.rstrip(" ,").split()
    if len(words) < 2 or content.rstrip()[-1:] in ("!", "?", ".", "…"):
        return False
    return all(w[:1].isupper() or w.lower() in function_words for w in words) and (
        words[0][:1].isupper()
    )
