"""Dependency-tree patterns anchored on one token, matched with spaCy's ``DependencyMatcher``.

Input: a token (a cue's head) and the name of a pattern of ``TREE_PATTERNS``.
Output: the matches whose first node is that token, each as the token indexes of
its nodes in pattern order (``anchored_matches``).

A pattern is matched over the token's sentence only, so that a Doc with many cues
costs time in proportion to its length, and only when the token has the anchor's
dependency label (the matcher copies the sentence). Matchers are compiled once per
vocabulary.

Example:
    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["As", "Lee", "noted", ",", "it", "failed"]
    >>> deps = ["mark", "nsubj", "advcl", "punct", "nsubj", "ROOT"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[2, 2, 5, 5, 5, 5], deps=deps)
    >>> anchored_matches(doc[2], "as_clause")
    [(2, 0)]
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from spacy.matcher import DependencyMatcher
from spacy.tokens import Token
from spacy.vocab import Vocab

__all__ = ["TREE_PATTERNS", "anchored_matches"]

_SUBJECTS = ["nsubj", "nsubjpass"]

#: Named patterns (spaCy ``DependencyMatcher`` syntax); the first node is the anchor.
TREE_PATTERNS: MappingProxyType[str, tuple[dict[str, Any], ...]] = MappingProxyType(
    {
        # "As the Post reported, X": an adverbial clause opened by "as"
        "as_clause": (
            {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"DEP": "advcl"}},
            {
                "LEFT_ID": "verb",
                "REL_OP": ">--",
                "RIGHT_ID": "as",
                "RIGHT_ATTRS": {"DEP": "mark", "LOWER": "as"},
            },
        ),
        # "X, Rubio said, Y": a clause set in another, with its subject before it
        "interjected": (
            {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"DEP": "parataxis"}},
            {
                "LEFT_ID": "verb",
                "REL_OP": ">--",
                "RIGHT_ID": "subject",
                "RIGHT_ATTRS": {"DEP": {"IN": _SUBJECTS}},
            },
        ),
    }
)

_MATCHERS: dict[tuple[int, str], tuple[Vocab, DependencyMatcher]] = {}


def _matcher(vocab: Vocab, name: str) -> DependencyMatcher:
    """The compiled matcher of pattern ``name`` for ``vocab`` (built on first use)."""
    key = (id(vocab), name)
    entry = _MATCHERS.get(key)
    if entry is None or entry[0] is not vocab:
        matcher = DependencyMatcher(vocab)
        matcher.add(name, [[dict(node) for node in TREE_PATTERNS[name]]])
        entry = _MATCHERS[key] = (vocab, matcher)
    return entry[1]


def _anchor_dep_matches(token: Token, anchor: dict[str, Any]) -> bool:
    """False when the anchor node asks for a dependency label that ``token`` does not have
    (a quick test before the matcher; True when the node sets no label)."""
    dep = anchor.get("RIGHT_ATTRS", {}).get("DEP")
    if isinstance(dep, str):
        return token.dep_ == dep
    if isinstance(dep, dict) and "IN" in dep:
        return token.dep_ in dep["IN"]
    return True


def anchored_matches(token: Token, name: str) -> list[tuple[int, ...]]:
    """The matches of pattern ``name`` whose first node is ``token``.

    Args:
        token: A token of a parsed Doc.
        name: A key of ``TREE_PATTERNS``.

    Returns:
        For each match, the Doc indexes of its nodes in pattern order; sorted.
    """
    if not _anchor_dep_matches(token, TREE_PATTERNS[name][0]):
        return []
    sent = token.sent
    found = _matcher(token.doc.vocab, name)(sent)
    out = {
        tuple(sent.start + i for i in nodes)
        for _, nodes in found
        if sent.start + nodes[0] == token.i
    }
    return sorted(out)
