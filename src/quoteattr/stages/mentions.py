"""Noun-phrase mentions of speakers, built from a head token.

Input: a parsed Doc and the token index of a speaker's head (a subject, the
object of "according to", the noun a relative clause hangs on).
Output: a ``Mention`` whose character span covers the name or noun phrase as
written, without appositions, relative clauses or trailing punctuation
("Wang Wenbin" in "Wang Wenbin, spokesperson for ..., said").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lexicon import Lexicon
from ..types import Mention, MentionKind

__all__ = ["PRONOUN_KINDS", "entity_span", "entity_text", "mention_for"]

#: dependency labels of a head's right children that belong to its noun phrase
_RIGHT_NP_DEPS = frozenset({"prep", "pobj", "amod", "compound", "nummod", "case", "npadvmod"})
#: dependency labels that end a noun phrase (the mention stops before them)
_STOP_DEPS = frozenset({"appos", "relcl", "acl", "punct", "cc", "conj", "advcl", "parataxis"})
#: labels of entities that are names of speakers
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "LOC"})
PRONOUN_KINDS = frozenset({"pronoun", "relative"})


def mention_for(doc: Doc, head: Token, lexicon: Lexicon) -> Mention:
    """Return the mention whose syntactic head is ``head``.

    Args:
        doc: The parsed Doc.
        head: The head token of the speaker's noun phrase.
        lexicon: The extractor's lexicon: a pronoun of its ``relative_words`` is a
            mention of kind "relative".

    Returns:
        The mention with character offsets into ``doc.text``.
    """
    if head.pos_ == "PRON" or head.tag_ in ("PRP", "WP"):
        kind: MentionKind = "relative" if head.lower_ in lexicon.relative_words else "pronoun"
        return Mention(head.idx, head.idx + len(head), head.i, kind, "")
    if head.ent_iob_ != "O" and head.ent_type_ in NAME_LABELS:
        ent = entity_span(head)
        assert ent is not None
        start, end = ent.start, ent.end
        # a name inside a longer phrase keeps the phrase's left modifiers out
        s_char = doc[start].idx
        e_tok = doc[end - 1]
        if e_tok.lower_ in ("'s", "’s"):
            e_tok = doc[end - 2] if end - 2 >= start else e_tok
        while e_tok.i > start and not any(ch.isalnum() for ch in e_tok.text):
            e_tok = doc[e_tok.i - 1]  # no trailing junk ('Mara Vell\x7f')
        return Mention(s_char, e_tok.idx + len(e_tok), head.i, "name", head.ent_type_)
    left = head.i
    for child in head.lefts:
        if child.dep_ in _STOP_DEPS:
            left = child.i + 1
            continue
        left = min(left, child.left_edge.i)
        break
    right = head.i
    for child in head.rights:
        if child.dep_ not in _RIGHT_NP_DEPS:
            break
        right = child.right_edge.i
    while right > left and doc[right].is_punct:
        right -= 1
    while left < right and doc[left].is_punct:
        left += 1
    kind = "name" if head.pos_ == "PROPN" else "noun"
    return Mention(doc[left].idx, doc[right].idx + len(doc[right]), head.i, kind, "")


def entity_span(token: Token) -> Span | None:
    """The named entity that covers ``token`` (read from the IOB tags), or None."""
    if token.ent_iob_ in ("O", ""):
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def entity_text(token: Token) -> str:
    """The text of the entity covering ``token``, else the token's own text."""
    ent = entity_span(token)
    return str(ent.text) if ent is not None else str(token.text)
