"""Where a content starts and ends: the token-span edges shared by the content rules.

Input: a parsed Doc and a token span ``(start, end)`` proposed for a content.
Output: the span narrowed (``trim``, ``without_opener``, ``past_focus``) or a new
end (``before_other_cue``, ``before_trailing_apposition``, ``before_loose_modifier``).

A content leaves out what frames it in the story without being reported: leading
punctuation and junk, end punctuation, a dateline ("LISBON — "), a connective that
opens the sentence ("But"), a focusing adverb of the reporter ("said [only] that"),
and the clauses and appositions that a comma sets off at its end. In the "speech"
scope, the comma that American punctuation sets inside a quotation's closing mark
belongs to the report sentence, not to the content (``without_quote_commas``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection
from dataclasses import replace

from spacy.tokens import Doc, Token

from ..types import Candidate, QuoteSpan

__all__ = [
    "before_loose_modifier",
    "before_other_cue",
    "before_trailing_apposition",
    "opens_sentence",
    "past_focus",
    "trim",
    "without_opener",
    "without_quote_commas",
]

#: Modifiers that a comma sets off from an object content: not part of what was said.
_LOOSE_DEPS = frozenset({"relcl", "acl", "advcl", "parataxis"})
_CUE_CLAUSE_DEPS = frozenset({"advcl", "xcomp", "acl", "conj"})
_APPOSITION_MARKS = frozenset({",", "—", "–", "--"})
_LEADING_SKIP = frozenset({",", ":", "-", "—", "–"})
#: Tokens that end a dateline, and the marks it may hold before them.
_DATELINE_DASHES = frozenset({"—", "–", "-", "--"})
_DATELINE_MARKS = frozenset({",", ".", "(", ")"})
#: Longest dateline, in tokens ("SAN JUAN, Puerto Rico, May 2 (Reuters) -").
_MAX_DATELINE = 12
_JUNK_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cn", "So", "Sk", "Mn", "Me"})


def past_focus(
    doc: Doc, start: int, focus_adverbs: frozenset[str], complementisers: frozenset[str]
) -> int:
    """Past a focusing adverb (``Lexicon.focus_adverbs``) before a complementiser
    (``Lexicon.complementisers``: "said [only] that X"): the reporter's restriction of
    what was said, not part of it."""
    focus = doc[start].lower_ in focus_adverbs and start + 1 < len(doc)
    return start + 1 if focus and doc[start + 1].lower_ in complementisers else start


def before_other_cue(doc: Doc, start: int, end: int, cue_heads: Collection[int]) -> int:
    """Cut a content before a comma that opens the clause of another cue ('said the
    bill would pass, echoing a memo'; 'said X, and he railed against Y'): that cue
    reports something else."""
    for i in range(start + 1, end - 1):
        if doc[i].text != ",":
            continue
        j = i + 1 + (doc[i + 1].dep_ == "cc")
        for head in cue_heads:
            token = doc[head]
            if not start < head < end or token.left_edge.i != j:
                continue
            if token.dep_ == "conj" and any(c.dep_ == "nsubj" for c in token.lefts):
                return i  # ', and he railed against ...'
            if token.dep_ in _CUE_CLAUSE_DEPS and token.tag_ == "VBG":
                return i  # ', echoing a memo'
    return end


def before_trailing_apposition(doc: Doc, start: int, end: int) -> int:
    """Cut a content before a descriptive apposition that a comma or dash sets off at
    its end: the writer's comment, not what was reported ("the border town, a view
    few neighbours share"; "praising Ortiz, the departing harbour master")."""
    last = end - 1
    while last > start and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    for token in doc[start + 1 : last + 1]:
        if token.dep_ != "appos" or token.right_edge.i < last or token.pos_ == "PROPN":
            continue  # a name in apposition is part of it ("her rival, Dana Whitfield")
        if any(t.dep_ in ("cc", "conj") for t in token.subtree):
            continue  # a list the parser read as an apposition
        i = token.left_edge.i - 1
        if i > start and doc[i].text in _APPOSITION_MARKS:
            return i
    return end


def before_loose_modifier(doc: Doc, start: int, end: int) -> int:
    """Cut an object content before a clause that a comma sets off ("denied the story,
    which she called invented"; "thanked the volunteers, counting nearly 40 now"; "...,
    and accused him of stalling"), not before a list or an apposition ("Giles, Millis and
    Doley"; "her rival, Dana Whitfield")."""
    loose_starts = {
        t.left_edge.i
        for t in doc[start:end]
        if t.dep_ in _LOOSE_DEPS or (t.dep_ == "conj" and t.pos_ in ("VERB", "AUX"))
    }
    for i in range(start + 1, end - 1):
        if doc[i].text == "," and i + 1 in loose_starts:
            return i
    return end


def without_opener(doc: Doc, start: int, end: int, connectives: frozenset[str]) -> int:
    """The new start of the token span ``(start, end)``, past what opens a sentence
    without being reported: a conjunction or connective (``Lexicon.connectives``: "And",
    "But", "So,"), a label before a colon ("Superdelegates: ...")."""
    colon = next((i for i in range(start, min(end, start + 4)) if doc[i].text == ":"), None)
    if colon is not None and colon + 1 < end:
        start = colon + 1
    while start < end - 1 and (doc[start].pos_ == "CCONJ" or doc[start].lower_ in connectives):
        start += 1
        if doc[start].text == ",":
            start += 1
    return start


def trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The token span ``(start, end)`` without leading commas, colons, dashes, spaces and
    junk, and without trailing punctuation (not quotation marks), spaces and
    coordinators; None when nothing is left."""
    while start < end and (
        doc[start].lower_ in _LEADING_SKIP or doc[start].is_space or _is_junk(doc[start].text)
    ):
        start += 1
    start = _past_dateline(doc, start, end)
    while end > start and (
        (doc[end - 1].is_punct and not doc[end - 1].is_quote)
        or doc[end - 1].is_space
        or doc[end - 1].pos_ == "CCONJ"
    ):
        end -= 1
    if end <= start:
        return None
    return start, end


def opens_sentence(token: Token) -> bool:
    """True for the first word of a sentence, also after a dateline ("DURBAN — Nurses
    said"): where a common noun is written with a capital."""
    start = token.sent.start
    return token.i == start or _past_dateline(token.doc, start, token.i + 1) == token.i


def _past_dateline(doc: Doc, start: int, end: int) -> int:
    """Past a dateline that opens a paragraph ("LISBON — ", "DENVER, Colo. (AP) -- ",
    "OSLO, May 2 (Reuters) - "): a place in capitals, then capitalised words, numbers,
    commas, points and parentheses, then a dash. It says where the story was filed."""
    first = doc[start]
    if not (first.is_upper and first.is_alpha and len(first) > 1):
        return start
    if start > 0 and "\n" not in doc[start - 1].text_with_ws:
        return start  # not at a paragraph start
    for i in range(start + 1, min(end - 1, start + _MAX_DATELINE)):
        token = doc[i]
        if token.text in _DATELINE_DASHES:
            return i + 1 if doc[i + 1].is_title or doc[i + 1].is_quote else start
        if not (
            token.text in _DATELINE_MARKS or token.is_title or token.is_upper or token.is_digit
        ):
            return start
    return start


def _is_junk(text: str) -> bool:
    """True for a token of control, format and emoji-like characters only (NUL, ZWJ, emoji)."""
    return all(unicodedata.category(ch) in _JUNK_CATEGORIES for ch in text)


def without_quote_commas(
    cands: list[Candidate], quotes: list[QuoteSpan], text: str
) -> list[Candidate]:
    """The candidates, each content that ends with a comma right before a quotation's
    closing mark ending before that comma ('"We will pay by Friday," she said' ->
    "We will pay by Friday"; ``Conventions.quote_comma`` False).

    Args:
        cands: Candidates of one Doc.
        quotes: Its depth-0 quotation spans.
        text: Its text.

    Returns:
        The candidates in the same order.
    """
    ends = {q.end for q in quotes if q.close_mark is not None}
    out = []
    for cand in cands:
        end = cand.end
        if end in ends and text[end - 1 : end] == ",":
            end -= 1
            while end > cand.start and text[end - 1].isspace():
                end -= 1
        out.append(cand if end == cand.end or end <= cand.start else replace(cand, end=end))
    return out
