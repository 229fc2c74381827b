"""The whole source noun phrase of an attribution, as written (PARC/PolNeAR).

Input: a parsed Doc, the head token of the speaker's mention, the cue's token
range and the content's character span.
Output: the character span of the source phrase: the mention with its titles,
modifiers, appositions and relative clauses ("Harbour Board Chair Ines Moreau, the
port's longest-serving member"; "Wang Wenbin, spokesperson for the Chinese Foreign
Ministry"; "a campaign spokeswoman"), or the pronoun alone.

The phrase is the head's subtree, less every child subtree that holds the cue
or overlaps the content ("X, who said ...": the relative clause is the
attribution itself), less the part of a subtree that runs into a quotation,
trimmed of punctuation and conjunctions at its edges.

Notes:
    PARC 3.0 (Pareti 2016) and PolNeAR (Newell et al. 2018) annotate the source
    as the full noun phrase of the holder, including appositions.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon import Lexicon
from .spans import overlaps

__all__ = ["source_span"]

#: Dependencies whose subtree is never part of the source phrase.
_NEVER = frozenset({"advcl", "parataxis", "dep"})
#: Coordination belongs to the phrase only between nouns ("Trump and Sen. Ted Cruz").
_COORDINATION = frozenset({"cc", "conj", "preconj"})
#: Marks that may not open or close the phrase (with ``Lexicon.edge_conjunctions``).
_EDGE_MARKS = frozenset({"—", "–", "-", "(", "\u201c", "\u201d", '"', "'"})
_MAX_TOKENS = 40
#: Dependencies of words left of the head that lead into the sentence, not the phrase
#: ("Meanwhile Rihanna", "Just 30 percent", "Making her way ..., Clinton").
_LEFT_NEVER = frozenset({"advmod", "advcl", "mark", "intj", "prep", "acl", "relcl"})
#: Dependencies of a right child set off by a comma that describe the occasion, not the
#: source ("Clinton, speaking in Ohio,"; "Trump, in Kentucky,"; "Ramos, who lives ...").
_AFTER_COMMA_NEVER = frozenset({"acl", "prep", "advcl", "npadvmod"})
_BREAKS = frozenset({"—", "–", "--", ":", ";"})


def source_span(
    doc: Doc,
    head: Token,
    cue: tuple[int, int] | None,
    content: tuple[int, int],
    lexicon: Lexicon,
) -> tuple[int, int]:
    """Return the character span of the source phrase whose head is ``head``.

    Args:
        doc: The parsed Doc.
        head: The head token of the speaker's mention (a pronoun, a name's root,
            a noun).
        cue: Token range ``(start, end)`` of the cue, or None.
        content: Character span of the attributed content.
        lexicon: The extractor's lexicon (``relative_words``: a relative pronoun
            subject is the source phrase).

    Returns:
        ``(start, end)`` character offsets into ``doc.text``.
    """
    if head.pos_ == "PRON":
        return head.idx, head.idx + len(head)
    head = _phrase_head(head)
    relative = _relative_subject(head, cue, lexicon)
    if relative is not None:
        return relative.idx, relative.idx + len(relative)
    keep = _kept_tokens(head, cue, content)
    lo = hi = head.i
    while lo - 1 in keep and head.i - lo < _MAX_TOKENS:
        lo -= 1
    while hi + 1 in keep and hi - head.i < _MAX_TOKENS:
        hi += 1
    breaks = [i for i in range(lo, head.i) if doc[i].text in _BREAKS]
    if breaks:
        lo = breaks[-1] + 1
    while lo < head.i and _edge(doc[lo], lexicon):
        lo += 1
    while hi > head.i and _edge(doc[hi], lexicon) and not _closes_bracket(doc, lo, hi):
        hi -= 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def _kept_tokens(head: Token, cue: tuple[int, int] | None, content: tuple[int, int]) -> set[int]:
    """Token indexes of the head's subtree that may belong to the source phrase."""
    keep = {head.i}
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ in _NEVER and token is head:
                continue
            if child.dep_ in _COORDINATION and not _nominal_coordination(token):
                continue
            if child.i < head.i and (
                child.dep_ in _LEFT_NEVER - {"prep"}
                or (child.dep_ in ("npadvmod", "prep") and token is head)
            ):
                continue
            if (
                child.i > head.i
                and _after_comma(child)
                and (child.dep_ in _AFTER_COMMA_NEVER or child.like_num)
            ):
                continue
            if _holds(child, cue, content):
                continue
            keep.add(child.i)
            stack.append(child)
    return keep


def _relative_subject(head: Token, cue: tuple[int, int] | None, lexicon: Lexicon) -> Token | None:
    """The relative pronoun subject of a relative clause on ``head`` that holds the cue
    ("Zucker, who said ..."): PolNeAR's source is then the pronoun."""
    if cue is None:
        return None
    for child in head.rights:
        if child.dep_ != "relcl" or not child.left_edge.i <= cue[0] <= child.right_edge.i:
            continue
        for sub in child.children:
            if sub.dep_ in ("nsubj", "nsubjpass") and sub.lower_ in lexicon.relative_words:
                return sub
    return None


def _phrase_head(head: Token) -> Token:
    """The head of the whole noun phrase: a name parsed as an apposition or compound
    of the title right before it ("former Oregon Gov. | Ruth Abernathy") is climbed."""
    while (
        head.dep_ in ("appos", "compound")
        and head.head.i < head.i
        and head.head.pos_ in ("NOUN", "PROPN")
        and not any(t.text == "," for t in head.doc[head.head.i : head.i])
    ):
        head = head.head
    return head


def _nominal_coordination(token: Token) -> bool:
    """True when ``token`` coordinates nouns, not clauses."""
    conjuncts = [c for c in token.children if c.dep_ == "conj"]
    return token.pos_ in ("NOUN", "PROPN", "PRON") and all(
        c.pos_ in ("NOUN", "PROPN", "PRON") for c in conjuncts
    )


def _closes_bracket(doc: Doc, lo: int, hi: int) -> bool:
    """True when ``doc[hi]`` closes a bracket opened inside ``doc[lo:hi]``."""
    if doc[hi].text != ")":
        return False
    return sum(t.text == "(" for t in doc[lo:hi]) > sum(t.text == ")" for t in doc[lo:hi])


def _after_comma(token: Token) -> bool:
    """True when the subtree of ``token`` starts right after a comma."""
    first = token.left_edge.i
    return first > 0 and token.doc[first - 1].text == ","


def _holds(token: Token, cue: tuple[int, int] | None, content: tuple[int, int]) -> bool:
    """True when the subtree of ``token`` holds the cue or runs into the content."""
    left, right = token.left_edge, token.right_edge
    if cue is not None and overlaps(cue, (left.i, right.i + 1)):
        return True
    start, end = left.idx, right.idx + len(right)
    return overlaps((start, end), content)


def _edge(token: Token, lexicon: Lexicon) -> bool:
    """A token that cannot start or end a source phrase."""
    return (
        token.is_punct
        or token.is_space
        or token.lower_ in _EDGE_MARKS
        or token.lower_ in lexicon.edge_conjunctions
    )
