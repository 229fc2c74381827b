"""Dependency-tree patterns anchored on one token, matched with spaCy's ``DependencyMatcher``.

Input: a token (a cue's head), the name of a pattern of ``TREE_PATTERNS`` and, for
nodes that stand for words, the words they may be (from the lexicon: the patterns
hold no words of a language).
Output: the matches whose first node is that token, each as the token indexes of
its nodes in pattern order (``anchored_matches``).

A pattern is matched over the token's sentence only, so that a Doc with many cues
costs time in proportion to its length, and only when the token has the anchor's
dependency label (the matcher copies the sentence). Matchers are compiled once per
extractor and vocabulary (``doc_memo.owned``), so they are freed with the extractor.

Example:
    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["As", "Lee", "noted", ",", "it", "failed"]
    >>> deps = ["mark", "nsubj", "advcl", "punct", "nsubj", "ROOT"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[2, 2, 5, 5, 5, 5], deps=deps)
    >>> anchored_matches(doc[2], "marked_clause", {"marker": frozenset({"as"})})
    [(2, 0)]
    >>> anchored_matches(doc[2], "marked_clause", {"marker": frozenset({"if"})})
    []
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from .doc_memo import cached, owned

__all__ = ["TREE_PATTERNS", "anchored_matches"]

_SUBJECTS = ["nsubj", "nsubjpass"]
#: ``DependencyMatcher`` operators whose right node is an immediate child of the left one.
_CHILD_OPS = frozenset({">", ">+", ">-", ">++", ">--"})

#: Named patterns (spaCy ``DependencyMatcher`` syntax); the first node is the anchor.
TREE_PATTERNS: MappingProxyType[str, tuple[dict[str, Any], ...]] = MappingProxyType(
    {
        # "As the Post reported, X": an adverbial clause opened by a marker (the words
        # the marker may be are given by the caller)
        "marked_clause": (
            {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"DEP": "advcl"}},
            {
                "LEFT_ID": "verb",
                "REL_OP": ">--",
                "RIGHT_ID": "marker",
                "RIGHT_ATTRS": {"DEP": "mark"},
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


def _matcher(vocab: Vocab, name: str) -> DependencyMatcher:
    """The compiled matcher of pattern ``name`` for ``vocab``, kept by the running extractor
    (built afresh outside an extraction)."""

    def build() -> tuple[Vocab, DependencyMatcher]:
        matcher = DependencyMatcher(vocab)
        matcher.add(name, [[dict(node) for node in TREE_PATTERNS[name]]])
        return vocab, matcher

    # the entry holds the Vocab, so its id is not reused while the entry lives
    return owned(("tree_matcher", id(vocab), name), build)[1]


def _anchor_dep_matches(token: Token, anchor: dict[str, Any]) -> bool:
    """False when the anchor node asks for a dependency label that ``token`` does not have
    (a quick test before the matcher; True when the node sets no label)."""
    dep = anchor.get("RIGHT_ATTRS", {}).get("DEP")
    if isinstance(dep, str):
        return token.dep_ == dep
    if isinstance(dep, dict) and "IN" in dep:
        return token.dep_ in dep["IN"]
    return True


def anchored_matches(
    token: Token, name: str, words: Mapping[str, frozenset[str]] | None = None
) -> list[tuple[int, ...]]:
    """The matches of pattern ``name`` whose first node is ``token``.

    Args:
        token: A token of a parsed Doc.
        name: A key of ``TREE_PATTERNS``.
        words: Node id -> the lower-case forms that node's token may have (a table of
            the lexicon); nodes not given take any word.

    Returns:
        For each match, the Doc indexes of its nodes in pattern order; sorted.
    """
    pattern = TREE_PATTERNS[name]
    words = words or {}
    if not _anchor_dep_matches(token, pattern[0]) or not _children_may_match(token, pattern, words):
        return []
    found = _doc_matches(token.doc, name).get(token.i, [])
    if not words:
        return found
    doc = token.doc
    ids = [node["RIGHT_ID"] for node in pattern]
    return [
        m
        for m in found
        if all(doc[i].lower_ in words[n] for n, i in zip(ids, m, strict=True) if n in words)
    ]


def _attrs_match(token: Token, attrs: dict[str, Any], forms: frozenset[str] | None) -> bool:
    """True unless ``attrs`` asks for a dependency label that ``token`` does not have, or
    ``forms`` (when given) lacks its lower-case form (the other attributes are left to
    the matcher)."""
    if not _anchor_dep_matches(token, {"RIGHT_ATTRS": attrs}):
        return False
    return forms is None or token.lower_ in forms


def _children_may_match(
    token: Token, pattern: tuple[dict[str, Any], ...], words: Mapping[str, frozenset[str]]
) -> bool:
    """A quick necessary test before the matcher (which costs milliseconds a Doc): each
    node that is an immediate child of the anchor (``_CHILD_OPS``) has a candidate among
    ``token``'s children."""
    anchor = pattern[0]["RIGHT_ID"]
    for node in pattern[1:]:
        if node.get("LEFT_ID") != anchor or node.get("REL_OP") not in _CHILD_OPS:
            continue
        attrs, forms = node.get("RIGHT_ATTRS", {}), words.get(node["RIGHT_ID"])
        if not any(_attrs_match(child, attrs, forms) for child in token.children):
            return False
    return True


def _doc_matches(doc: Doc, name: str) -> dict[int, list[tuple[int, ...]]]:
    """Anchor index -> sorted node tuples of pattern ``name`` in ``doc``: the matcher runs
    on the whole Doc, once per pattern while the Doc is ``doc_memo.active`` (on a Span it
    copies the Span into a new Doc on every call)."""

    def compute() -> dict[int, list[tuple[int, ...]]]:
        by_anchor: dict[int, set[tuple[int, ...]]] = {}
        for _, nodes in _matcher(doc.vocab, name)(doc):
            by_anchor.setdefault(nodes[0], set()).add(tuple(nodes))
        return {i: sorted(found) for i, found in by_anchor.items()}

    return cached(doc, f"tree:{name}", compute)
