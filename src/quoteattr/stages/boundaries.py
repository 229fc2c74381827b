"""Sentence starts at paragraph starts, set before the parser runs.

Input: a tokenized, unparsed Doc.
Output: the same Doc with ``is_sent_start = True`` on the first token of each
line, which spaCy's parser keeps as a constraint, so that no sentence runs
across a line break (headlines, datelines, captions and paragraphs stay
apart).
"""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["mark_paragraph_starts"]

_BREAKS = ("\n", "\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x85")


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Mark the first token after every line break as a sentence start.

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
    for token in doc:
        if after_break and not token.is_space:
            token.is_sent_start = True
            after_break = False
        if any(b in token.whitespace_ for b in _BREAKS) or (
            token.is_space and any(b in token.text for b in _BREAKS)
        ):
            after_break = True
    return doc
