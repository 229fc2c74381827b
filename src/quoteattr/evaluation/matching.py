"""Judging predictions against gold: the matching rules of the reference scorer.

The rules are those of the scorer the gold JSON Lines format comes with (``score.py``
and its ``classify``):
spans are normalised (outer quote marks, spaces, end punctuation trimmed) and matched one
to one by overlap, largest first; a pair is exact when the normalised spans are equal;
the speaker is judged by mention overlap or shared last name word.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

__all__ = [
    "DOUBLE_MARKS",
    "QUOTED_TYPES",
    "Match",
    "MatchedPair",
    "classify_span",
    "judge_pairs",
    "match_quotes",
    "speaker_ok",
]

Record = Mapping[str, Any]
_QUOTE_CHARS = "\"'\u201c\u201d\u201e\u201f\u2018\u2019\u00ab\u00bb\u2039\u203a"
_END_PUNCT = ".,;:!?"
#: Words the reference scorer drops from speaker names (``TITLES`` of ``score.py``), copied as
#: they are: a rule of the judge, not English data of the extractor. Taking
#: ``Lexicon.titles`` instead would judge speakers differently from that scorer.
_SCORER_TITLES = frozenset(
    {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "gen", "prof"}
)
_PRONOUNS = frozenset(
    {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "him", "her", "them"}
)
_OPENERS = frozenset("\u201c\u201e\u00ab\u201f")
_CLOSERS = frozenset("\u201d\u00bb")
#: The double quotation marks the judge reads ("quoted" spans, outer marks of direct quotes).
DOUBLE_MARKS = _OPENERS | _CLOSERS | {'"'}
QUOTED_TYPES = ("direct", "mixed")


# ------------------------------------------------------------ quote-mark classification
def _opens(s: str, i: int) -> bool:
    """Whether the straight double quote at ``s[i]`` opens a quotation."""
    before = s[i - 1] if i > 0 else " "
    after = s[i + 1] if i + 1 < len(s) else " "
    if before.isspace() or before in "([{\u2014\u2013-/":
        return True
    if after.isspace() or after in ".,;:!?)]}":
        return False
    return not before.isalnum()


def _inside_marks(s: str) -> list[bool]:
    """Per character of ``s``: inside double quotation marks (an unmatched closer
    marks everything before it, an unclosed opener everything after it)."""
    mask = [False] * len(s)
    open_at: int | None = None
    for i, ch in enumerate(s):
        if ch not in DOUBLE_MARKS:
            continue
        if ch in _OPENERS or (ch == '"' and _opens(s, i)):
            if open_at is None:
                open_at = i
            continue
        for k in range(open_at or 0, i + 1):
            mask[k] = True
        open_at = None
    if open_at is not None:
        mask[open_at:] = [True] * (len(s) - open_at)
    return mask


def _between_marks(text: str, start: int, end: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    j = end
    while j < len(text) and text[j] in " \t.,;:!?":
        j += 1
    return (i >= 0 and text[i] in DOUBLE_MARKS) and (j < len(text) and text[j] in DOUBLE_MARKS)


def classify_span(text: str, start: int, end: int) -> str | None:
    """Derive "direct", "mixed" or "indirect" for ``text[start:end]`` from its marks.

    Returns None when the span has no alphanumeric character.

    Example:
        >>> classify_span('He said "no way" today.', 9, 15)
        'direct'
    """
    piece = text[start:end]
    flags = [m for ch, m in zip(piece, _inside_marks(piece), strict=True) if ch.isalnum()]
    if not flags:
        return None
    if all(flags):
        return "direct"
    if any(flags):
        return "mixed"
    if _between_marks(text, start, end):
        return "direct"
    core = piece.strip()
    if len(core) > 2 and core[0] == "\u2018" and core.rstrip(_END_PUNCT)[-1:] == "\u2019":
        return "direct"
    return "indirect"


# ------------------------------------------------------------ matching and speakers
def _norm(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _QUOTE_CHARS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _QUOTE_CHARS + _END_PUNCT):
        end -= 1
    return start, end


def _name_words(name: str | None) -> list[str]:
    out = []
    for token in (name or "").replace("-", " ").split():
        word = "".join(ch for ch in token if ch.isalnum()).lower()
        if word and word not in _SCORER_TITLES:
            out.append(word)
    return out


def speaker_ok(gold: Record, pred: Record) -> bool:
    """Whether ``pred`` names the speaker of ``gold`` (records as in the gold file).

    Right when the gold has no speaker, the mention spans overlap, or the last
    non-pronoun name word of one side occurs among the other side's name words.

    Example:
        >>> speaker_ok({"speaker": "Ann Lee"}, {"speaker": "Lee", "speaker_name": "Ann Lee"})
        True
    """
    if gold.get("speaker") is None and gold.get("speaker_name") is None:
        return True
    gs: Any = gold.get("speaker_start")
    ge: Any = gold.get("speaker_end")
    ps: Any = pred.get("speaker_start")
    pe: Any = pred.get("speaker_end")
    if None not in (gs, ge, ps, pe) and ps < ge and gs < pe:
        return True
    predicted = _name_words(pred.get("speaker_name")) + _name_words(pred.get("speaker"))
    if not predicted:
        return False
    for name in (gold.get("speaker_name"), gold.get("speaker")):
        words = _name_words(name)
        if words and words[-1] not in _PRONOUNS and words[-1] in predicted:
            return True
        if words and predicted[-1] in words and predicted[-1] not in _PRONOUNS:
            return True
    return False


class Match(NamedTuple):
    """A matched gold/prediction pair (indexes into the lists given)."""

    gold: int
    pred: int
    exact: bool


def match_quotes(text: str, gold: Sequence[Record], pred: Sequence[Record]) -> list[Match]:
    """Pair predictions with gold records one to one, largest overlap first.

    Ties go to the higher gold index, then the higher prediction index.

    Example:
        >>> match_quotes("ab cd", [{"start": 0, "end": 5}], [{"start": 3, "end": 5}])
        [Match(gold=0, pred=0, exact=False)]
    """
    pred_spans = [_norm(text, p["start"], p["end"]) for p in pred]
    candidates = []
    for i, g in enumerate(gold):
        gold_span = _norm(text, g["start"], g["end"])
        for j, (ps, pe) in enumerate(pred_spans):
            overlap = min(gold_span[1], pe) - max(gold_span[0], ps)
            if overlap > 0:
                candidates.append((overlap, i, j, gold_span == (ps, pe)))
    candidates.sort(reverse=True)
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, i, j, exact in candidates:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append(Match(i, j, exact))
    return pairs


class MatchedPair(NamedTuple):
    """A matched gold/prediction pair with its judgements."""

    gold: int
    pred: int
    exact: bool
    speaker_right: bool


def judge_pairs(text: str, gold: Sequence[Record], pred: Sequence[Record]) -> list[MatchedPair]:
    """:func:`match_quotes`, each pair judged by :func:`speaker_ok` too.

    Example:
        >>> judge_pairs("ab", [{"start": 0, "end": 2, "speaker": "X"}], [{"start": 0, "end": 2}])
        [MatchedPair(gold=0, pred=0, exact=True, speaker_right=False)]
    """
    pairs = match_quotes(text, gold, pred)
    return [MatchedPair(i, j, exact, speaker_ok(gold[i], pred[j])) for i, j, exact in pairs]
