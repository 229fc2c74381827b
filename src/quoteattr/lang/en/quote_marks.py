"""Quotation-mark characters in English text (data only, no logic).

The pairing algorithm lives in ``quoteattr.stages.quote_spans``; this module only
says which characters can open a quotation, which can close one and which
closers each opener accepts.

A glyph may be in both ``OPENERS`` and ``CLOSERS``: "“" opens a quotation in
English but also closes one opened with the low-9 mark "„" (the German style
„…“ that turns up in quoted foreign names and scraped text). The same holds for
"‘", which closes "‚".

Reversed guillemets (»…«, the Danish and German style) are not English, so "»"
only closes and "«" only opens.

``"''"`` (two straight apostrophes) is a two-character double mark used by some
news archives instead of '"'. It is the only key of ``PAIRS`` longer than one
character.
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = [
    "AMBIGUOUS",
    "APOSTROPHE_LIKE",
    "CLOSERS",
    "CONTINUATION_OPENERS",
    "DOUBLE",
    "DOUBLED_APOSTROPHE",
    "LEADING_ELISIONS",
    "MARKS",
    "OPENERS",
    "PAIRS",
    "SINGLE",
]

# fmt: off
#: Marks that can only open, or open by default (see the module docstring).
OPENERS: frozenset[str] = frozenset({
    "\u201c",  # “ left double quotation mark
    "\u201e",  # „ double low-9 quotation mark
    "\u201f",  # ‟ double high-reversed-9 quotation mark
    "\u00ab",  # « left-pointing double angle quotation mark
    "\u2018",  # ‘ left single quotation mark
    "\u201a",  # ‚ single low-9 quotation mark
    "\u201b",  # ‛ single high-reversed-9 quotation mark
    "\u2039",  # ‹ single left-pointing angle quotation mark
    "\u300c",  # 「 left corner bracket (Japanese, Chinese)
    "\u300e",  # 『 left white corner bracket (a quotation inside 「」)
})

#: Marks that can close a quotation.
CLOSERS: frozenset[str] = frozenset({
    "\u201d",  # ” right double quotation mark
    "\u00bb",  # » right-pointing double angle quotation mark
    "\u2019",  # ’ right single quotation mark (also the apostrophe)
    "\u203a",  # › single right-pointing angle quotation mark
    "\u201c",  # “ closes „
    "\u2018",  # ‘ closes ‚
    "\u300d",  # 」 right corner bracket
    "\u300f",  # 』 right white corner bracket
})

#: Straight (undirected) marks: whether they open or close depends on context.
AMBIGUOUS: frozenset[str] = frozenset({
    '"',       # quotation mark
    "'",       # apostrophe
    "\u2033",  # ″ double prime (mostly inches and seconds, sometimes a quote)
})

#: Double-level marks (the usual outer quotation in American English).
DOUBLE: frozenset[str] = frozenset({
    '"', "\u2033", "\u201c", "\u201d", "\u201e", "\u201f", "\u00ab", "\u00bb",
    "\u300c", "\u300d", "\u300e", "\u300f",
})

#: Single-level marks (nested quotations, headlines, British style).
SINGLE: frozenset[str] = frozenset({
    "'", "\u2018", "\u2019", "\u201a", "\u201b", "\u2039", "\u203a",
})

#: Every quotation-mark character.
MARKS: frozenset[str] = DOUBLE | SINGLE

#: Single marks that also serve as apostrophes (don't, '90s, Jones', NRA’s).
APOSTROPHE_LIKE: frozenset[str] = frozenset({"'", "\u2018", "\u2019", "\u201b"})

#: Two straight apostrophes written for a double quotation mark.
DOUBLED_APOSTROPHE: str = "''"

#: Opener -> the closers it accepts. Straight marks pair with themselves and,
#: in carelessly typed text, with the curly mark of the other direction; a
#: curly mark typed the wrong way round ("review“ of", "aides ”get") is
#: accepted where the context leaves no doubt about its direction.
PAIRS: MappingProxyType[str, frozenset[str]] = MappingProxyType({
    '"':      frozenset({'"', "\u201d", "\u201c", "\u2033", "''"}),
    "\u2033": frozenset({"\u2033", '"', "\u201d"}),
    "''":     frozenset({"''", '"', "\u201d", "\u201c"}),
    "\u201c": frozenset({"\u201d", '"', "''", "\u201c"}),
    "\u201e": frozenset({"\u201c", "\u201d", '"'}),
    "\u201f": frozenset({"\u201d", '"'}),
    "\u00ab": frozenset({"\u00bb"}),
    "'":      frozenset({"'", "\u2019"}),
    "\u2018": frozenset({"\u2019", "'"}),
    "\u201a": frozenset({"\u2018", "\u2019", "'"}),
    "\u201b": frozenset({"\u2019", "'"}),
    "\u2019": frozenset({"\u2019", "'"}),  # ’ opening a word in careless text
    "\u201d": frozenset({"\u201d", '"'}),  # ” opening a word in careless text
    "\u2039": frozenset({"\u203a"}),
    "\u300c": frozenset({"\u300d"}),
    "\u300e": frozenset({"\u300f"}),
})

#: Double marks that, at the start of a paragraph, continue a quotation left
#: open at the end of the previous paragraph (news convention).
CONTINUATION_OPENERS: frozenset[str] = frozenset({
    '"', "''", "\u201c", "\u201e", "\u201f", "\u00ab", "\u300c",
})

#: Words written with a leading apostrophe for dropped letters ('em, 'n',
#: 'til). A mark right before one of them is an apostrophe, not an opener.
LEADING_ELISIONS: frozenset[str] = frozenset({
    "bout", "cause", "cept", "em", "fraid", "n", "nuff", "ol", "round", "sup",
    "til", "tis", "twas", "twere", "twill", "tween", "twould",
})
# fmt: on
