"""Error analysis: which gold quotes were missed, which predictions were spurious.

Errors, judged on the "all" subset: ``missed`` (gold matched by no prediction),
``spurious`` (prediction matched to no gold), ``wrong_speaker`` (matched, wrong speaker)
and ``boundary`` (matched, not exact); a pair can give both of the last two.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from .matching import MatchedPair

__all__ = [
    "ERROR_KINDS",
    "ErrorRecord",
    "ErrorSummary",
    "doc_errors",
    "format_errors",
    "summarize_errors",
]

ERROR_KINDS: tuple[str, ...] = ("missed", "spurious", "wrong_speaker", "boundary")
_CONTEXT = 60
_SNIPPET = 160


@dataclass(frozen=True)
class ErrorRecord:
    """One error; offsets index the document text, None for the side that is absent."""

    kind: str
    doc_id: str
    gold_start: int | None
    gold_end: int | None
    pred_start: int | None
    pred_end: int | None
    gold_text: str | None
    pred_text: str | None
    gold_speaker: str | None
    pred_speaker: str | None
    cue: str | None
    left: str
    right: str

    def to_dict(self) -> dict[str, Any]:
        """The record as a JSON-ready dict."""
        return asdict(self)


@dataclass(frozen=True)
class ErrorSummary:
    """Counts by kind, and the most frequent cues (lower case) of misses and spurious."""

    by_kind: dict[str, int]
    missed_cues: list[tuple[str, int]]
    spurious_cues: list[tuple[str, int]]

    def to_dict(self) -> dict[str, Any]:
        """The summary as a JSON-ready dict."""
        return {
            "by_kind": dict(self.by_kind),
            "missed_cues": [list(c) for c in self.missed_cues],
            "spurious_cues": [list(c) for c in self.spurious_cues],
        }


def _snippet(text: str) -> str:
    if len(text) <= _SNIPPET:
        return text
    half = (_SNIPPET - 3) // 2
    return f"{text[:half]} … {text[-half:]}"


def _who(rec: Mapping[str, Any] | None) -> str | None:
    if rec is None:
        return None
    name, mention = rec.get("speaker_name"), rec.get("speaker")
    if name and mention and name != mention:
        return f"{name} [{mention}]"
    return name or mention or None


def doc_errors(
    doc_id: str,
    text: str,
    gold: Sequence[Mapping[str, Any]],
    pred: Sequence[Mapping[str, Any]],
    pairs: Iterable[MatchedPair],
) -> list[ErrorRecord]:
    """The errors of one document, in text order.

    Example:
        >>> [e.kind for e in doc_errors("d", "Yes, he said.", [{"start": 0, "end": 3}], [], [])]
        ['missed']
    """
    out: list[tuple[int, int, ErrorRecord]] = []

    def add(kind: str, g: Mapping[str, Any] | None, p: Mapping[str, Any] | None) -> None:
        spans = [(r["start"], r["end"]) for r in (g, p) if r is not None]
        lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
        cue = (p or {}).get("cue") if kind != "missed" else None
        if cue is None and kind != "spurious":
            cue = (g or {}).get("cue")
        record = ErrorRecord(
            kind=kind,
            doc_id=doc_id,
            gold_start=g["start"] if g else None,
            gold_end=g["end"] if g else None,
            pred_start=p["start"] if p else None,
            pred_end=p["end"] if p else None,
            gold_text=_snippet(text[g["start"] : g["end"]]) if g else None,
            pred_text=_snippet(text[p["start"] : p["end"]]) if p else None,
            gold_speaker=_who(g),
            pred_speaker=_who(p),
            cue=cue,
            left=text[max(0, lo - _CONTEXT) : lo],
            right=text[hi : hi + _CONTEXT],
        )
        out.append((lo, ERROR_KINDS.index(kind), record))

    pairs = list(pairs)
    matched_gold = {m.gold for m in pairs}
    matched_pred = {m.pred for m in pairs}
    for i, g in enumerate(gold):
        if i not in matched_gold:
            add("missed", g, None)
    for j, p in enumerate(pred):
        if j not in matched_pred:
            add("spurious", None, p)
    for m in pairs:
        if not m.speaker_right:
            add("wrong_speaker", gold[m.gold], pred[m.pred])
        if not m.exact:
            add("boundary", gold[m.gold], pred[m.pred])
    out.sort(key=lambda item: item[:2])
    return [record for _, _, record in out]


def summarize_errors(errors: Iterable[ErrorRecord], top: int = 30) -> ErrorSummary:
    """Count errors by kind, and the ``top`` cues of missed and spurious records.

    Example:
        >>> summarize_errors([]).by_kind["missed"]
        0
    """
    errors = list(errors)
    kinds = Counter(e.kind for e in errors)

    def cues(kind: str) -> list[tuple[str, int]]:
        found = Counter((e.cue or "(none)").lower() for e in errors if e.kind == kind)
        return found.most_common(top)

    return ErrorSummary({k: kinds[k] for k in ERROR_KINDS}, cues("missed"), cues("spurious"))


def _flat(text: str | None) -> str:
    return " ".join((text or "").split())


def format_errors(errors: Sequence[ErrorRecord] | None, limit: int = 50) -> str:
    """Render the summary and the first ``limit`` of ``errors`` as text.

    Example:
        >>> report = evaluate(docs, collect_errors=True)  # doctest: +SKIP
        >>> print(format_errors(errors, limit=10))  # doctest: +SKIP
    """
    if errors is None:
        return "errors were not collected (use collect_errors=True)"
    summary = summarize_errors(errors)
    lines = ["errors: " + ", ".join(f"{k}={n}" for k, n in summary.by_kind.items())]
    for kind, cues in (("missed", summary.missed_cues), ("spurious", summary.spurious_cues)):
        shown = ", ".join(f"{cue} {n}" for cue, n in cues)
        lines.append(f"  {kind} by cue: {shown or '-'}")
    for e in errors[: max(limit, 0)]:
        where = [f"gold {e.gold_start}-{e.gold_end}"] if e.gold_start is not None else []
        where += [f"pred {e.pred_start}-{e.pred_end}"] if e.pred_start is not None else []
        lines.append(f"\n[{e.kind}] {e.doc_id} {' '.join(where)}  cue={e.cue!r}")
        if e.gold_text is not None:
            lines.append(f"  gold: {_flat(e.gold_text)!r}  speaker={e.gold_speaker!r}")
        if e.pred_text is not None:
            lines.append(f"  pred: {_flat(e.pred_text)!r}  speaker={e.pred_speaker!r}")
        lines.append(f"  context: …{_flat(e.left)} ⟦…⟧ {_flat(e.right)}…")
    if len(errors) > limit:
        lines.append(f"\n({len(errors) - max(limit, 0)} more errors not shown)")
    return "\n".join(lines)
