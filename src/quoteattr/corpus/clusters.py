"""Quotation clusters: the same quotation across documents, verbatim, altered or in part.

The reduce side of quotation tracking. Distinct normalised texts ("forms") are
found first, so that a quotation carried a thousand times costs one form. Candidate
pairs of forms come from MinHash LSH (``datasketch`` ``MinHashLSH``, Jaccard of word
3-shingles) for similar forms, and from shared runs of ``run`` words for a form
inside a longer one (their Jaccard is low; on a news corpus ``MinHashLSHEnsemble``
found fewer than half of them, and took longer). ``rapidfuzz`` then decides: two
forms are one quotation when their similarity (``fuzz.ratio``) reaches
``min_ratio``, or when the shorter lies inside the longer (``fuzz.partial_ratio`` of
at least ``min_partial``). Clusters are the connected forms.

Within a cluster, the canonical form is the one carried by most documents among the
forms not contained in a longer one (ties: longer, then seen first). Each member is
"verbatim" (its form is the canonical one), "partial" (its form lies inside a longer
form of the cluster) or "altered" (with the word edit from the canonical form).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .signatures import NUM_PERM

__all__ = ["Form", "FormCluster", "cluster_forms", "word_edit"]

_SEED = 20
_SCHEME = MinHash(num_perm=NUM_PERM, seed=_SEED).scheme


@dataclass(slots=True)
class Form:
    """One distinct normalised quotation text and where it was seen (``members``: indexes)."""

    words: tuple[str, ...]
    hashvalues: np.ndarray
    members: list[int]

    @property
    def text(self) -> str:
        """The words joined by spaces."""
        return " ".join(self.words)


@dataclass(frozen=True, slots=True)
class FormCluster:
    """A cluster of forms: the canonical form, and each form's status and edit."""

    forms: tuple[int, ...]
    canonical: int
    status: dict[int, str]
    edit: dict[int, str]


def word_edit(source: Sequence[str], target: Sequence[str]) -> str:
    """The word edit from ``source`` to ``target``: "-removed +added" groups joined by "; ".

    Example:
        >>> word_edit("we will win the vote".split(), "we shall win the vote".split())
        '-will +shall'
    """
    parts: list[str] = []
    for op in Levenshtein.opcodes(list(source), list(target)):
        if op.tag == "equal":
            continue
        removed = " ".join(source[op.src_start : op.src_end])
        added = " ".join(target[op.dest_start : op.dest_end])
        pieces = (f"-{removed}" if removed else "", f"+{added}" if added else "")
        parts.append(" ".join(p for p in pieces if p))
    return "; ".join(parts)


def _lean(hashvalues: np.ndarray) -> LeanMinHash:
    return LeanMinHash(seed=_SEED, hashvalues=hashvalues, scheme=_SCHEME)


def _similar_pairs(forms: Sequence[Form], threshold: float) -> set[tuple[int, int]]:
    """Pairs of forms whose shingle sets are similar (MinHash LSH, Jaccard ``threshold``)."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    hashes = [_lean(f.hashvalues) for f in forms]
    for i, mh in enumerate(hashes):
        lsh.insert(i, mh, check_duplication=False)
    pairs: set[tuple[int, int]] = set()
    for i, mh in enumerate(hashes):
        for j in lsh.query(mh):
            if j != i:
                pairs.add((min(i, j), max(i, j)))
    return pairs


def _shared_run_pairs(forms: Sequence[Form], run: int, max_bucket: int) -> set[tuple[int, int]]:
    """Pairs of forms that share a run of ``run`` words: a form inside a longer one.

    Runs found in more than ``max_bucket`` forms are common phrases, not quotations.
    """
    buckets: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, form in enumerate(forms):
        words = form.words
        seen = {words[k : k + run] for k in range(max(len(words) - run + 1, 1))}
        for key in seen:
            buckets[key].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        if 1 < len(members) <= max_bucket:
            for a, i in enumerate(members):
                pairs.update((i, j) for j in members[a + 1 :])
    return pairs


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


#: a form is "inside" another only if it has at most this share of the other's characters
#: (a form one word longer is an alteration, not a longer quotation)
PARTIAL_LENGTH = 0.85


def _contained(short: str, long: str, min_partial: float) -> bool:
    return (
        len(short) <= PARTIAL_LENGTH * len(long) and fuzz.partial_ratio(short, long) >= min_partial
    )


def cluster_forms(
    forms: Sequence[Form],
    documents: Sequence[int],
    *,
    threshold: float = 0.5,
    run: int = 6,
    max_bucket: int = 50,
    min_ratio: float = 85.0,
    min_partial: float = 90.0,
) -> list[FormCluster]:
    """Group forms into quotations and mark each form's status.

    Args:
        forms: Distinct normalised texts with their MinHash values.
        documents: For each form, the number of documents that carry it.
        threshold: Jaccard threshold of the LSH candidate search.
        run: Forms sharing a run of this many words are compared (partials).
        max_bucket: Runs shared by more forms than this are ignored (common phrases).
        min_ratio: ``fuzz.ratio`` (0-100) for two forms to be one quotation.
        min_partial: ``fuzz.partial_ratio`` for a shorter form to lie inside a longer one.

    Returns:
        Every form's cluster (a form alone is a cluster of one), ordered by first form.

    Example:
        >>> from quoteattr.corpus.signatures import sign
        >>> from quoteattr.corpus.records import QuoteRecord as R
        >>> texts = ["we will build the bridge by spring", "we will build the bridge by summer"]
        >>> signed = sign([R(str(i), 0, i, "direct", t) for i, t in enumerate(texts)])
        >>> forms = [Form(s.words, s.hashvalues, [i]) for i, s in enumerate(signed)]
        >>> c = cluster_forms(forms, [1, 1])[0]
        >>> (c.status, c.edit[1])
        ({0: 'verbatim', 1: 'altered'}, '-spring +summer')
    """
    union = _Union(len(forms))
    texts = [f.text for f in forms]
    candidates = _similar_pairs(forms, threshold) | _shared_run_pairs(forms, run, max_bucket)
    for i, j in sorted(candidates):
        a, b = (i, j) if len(texts[i]) <= len(texts[j]) else (j, i)
        if fuzz.ratio(texts[a], texts[b]) >= min_ratio or _contained(
            texts[a], texts[b], min_partial
        ):
            union.join(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(forms)):
        groups[union.find(i)].append(i)
    return [_mark(g, forms, texts, documents, min_partial) for g in groups.values()]


def _mark(
    group: list[int],
    forms: Sequence[Form],
    texts: Sequence[str],
    documents: Sequence[int],
    min_partial: float,
) -> FormCluster:
    if len(group) == 1:
        return FormCluster((group[0],), group[0], {group[0]: "verbatim"}, {})
    by_length = sorted(group, key=lambda i: -len(texts[i]))
    longest = by_length[:50]
    partial = {
        i for i in group if any(_contained(texts[i], texts[j], min_partial) for j in longest)
    }
    maximal = [i for i in group if i not in partial] or by_length[:1]
    canonical = min(maximal, key=lambda i: (-documents[i], -len(texts[i]), i))
    status: dict[int, str] = {}
    edit: dict[int, str] = {}
    for i in group:
        if i == canonical:
            status[i] = "verbatim"
        elif i in partial:
            status[i] = "partial"
        else:
            status[i] = "altered"
            edit[i] = word_edit(forms[canonical].words, forms[i].words)
    return FormCluster(tuple(sorted(group)), canonical, status, edit)
