"""Score quoteattr, or prediction records, against gold JSON Lines.

Same definitions and rounding (4 decimals) as the scorer of the gold format (``score.py``):
subsets "quoted" (gold records and predictions whose own span carries quotation marks,
direct or mixed by :func:`~quoteattr.evaluation.matching.classify_span`, the same test on
both sides) and "all"; span P/R/F1 by greedy one-to-one overlap matching of the
normalised spans; exact P/R/F1; speaker accuracy of matched pairs; e2e P/R/F1 (matched
and right speaker). The matching rules live in :mod:`quoteattr.evaluation.matching`, the
error analysis in :mod:`quoteattr.evaluation.analysis`; this module loads data,
aggregates and reports.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from pydantic import ValidationError

from ..io.rows import DOC_ID
from ..models import Quote
from .analysis import ErrorRecord, doc_errors, summarize_errors
from .matching import QUOTED_TYPES, MatchedPair, Record, classify_span, judge_pairs

__all__ = [
    "DEFAULT_THRESHOLDS",
    "EvalReport",
    "GoldDocument",
    "SubsetScores",
    "ThresholdPrecision",
    "evaluate",
    "load_gold",
    "load_predictions",
    "precision_at_thresholds",
    "quote_to_record",
    "write_gold",
]

DEFAULT_THRESHOLDS: tuple[float, ...] = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)
_SPAN_FIELDS = (
    ("quote", "text", "start", "end"),
    ("speaker", "speaker", "speaker_start", "speaker_end"),
    ("cue", "cue", "cue_start", "cue_end"),
)


# ------------------------------------------------------------ data
@dataclass(frozen=True)
class GoldDocument:
    """One gold document: ``quotes`` are the records of the JSON Lines format."""

    id: str
    text: str
    quotes: tuple[Record, ...]
    source: str = ""


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Read gold JSON Lines, checking every quote, speaker and cue offset.

    A folder is read as brat standoff annotations of attributions (``brat.read_brat``).

    Raises:
        ValueError: on a line that is not a gold document, or a record whose
            offsets do not give its text (naming the document id and record index).

    Example:
        >>> docs = load_gold("tests/fixtures/eval_small.jsonl")  # doctest: +SKIP
    """
    if Path(path).is_dir():
        from .brat import read_brat  # brat builds GoldDocuments: imported when used

        return read_brat(path)
    docs = []
    with open(path, encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                doc_id, text, quotes = str(raw["id"]), raw["text"], tuple(raw["quotes"])
            except (KeyError, TypeError, json.JSONDecodeError) as exc:
                raise ValueError(f"{path}, line {line_no}: not a gold document ({exc})") from exc
            for k, q in enumerate(quotes):
                for what, field, start, end in _SPAN_FIELDS:
                    wanted, s, e = q.get(field), q.get(start), q.get(end)
                    if what != "quote" and wanted is None:
                        continue
                    if not isinstance(s, int) or not isinstance(e, int) or text[s:e] != wanted:
                        raise ValueError(
                            f"{path}: document {doc_id!r}, record {k}: {what} offsets "
                            f"({s}, {e}) do not give {wanted!r}"
                        )
            docs.append(GoldDocument(doc_id, text, quotes, raw.get("source") or ""))
    return docs


def write_gold(docs: Iterable[GoldDocument], path: str | Path) -> int:
    """Write gold documents as JSON Lines (the format :func:`load_gold` reads).

    Returns:
        The number of documents written.

    Example:
        >>> doc = GoldDocument("d1", "Hi.", ())
        >>> import tempfile, os; out = os.path.join(tempfile.mkdtemp(), "g.jsonl")
        >>> write_gold([doc], out), load_gold(out) == [doc]
        (1, True)
    """
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for doc in docs:
            row = {"id": doc.id, "source": doc.source, "text": doc.text, "quotes": list(doc.quotes)}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def load_predictions(path: str | Path) -> dict[str, list[dict[str, Any]]]:
    """Read predictions keyed by document id.

    Two layouts are read: a dump of ``evaluate --dump`` (``{"id", "quotes"}`` per line,
    records as ``quote_to_record`` gives them) and the JSON Lines of ``quoteattr
    extract`` (one quote a line with its ``doc_id``), grouped by document.

    Raises:
        ValueError: naming the file and line, on a line that is neither.

    Example:
        >>> preds = load_predictions("tests/fixtures/eval_small_pred.jsonl")  # doctest: +SKIP
    """
    out: dict[str, list[dict[str, Any]]] = {}
    with open(path, encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if not isinstance(row, dict):
                    raise TypeError(f"a JSON {type(row).__name__}, not an object")
                if "quotes" in row and "id" in row:
                    out.setdefault(str(row["id"]), []).extend(row["quotes"])
                elif DOC_ID in row:
                    fields = {k: v for k, v in row.items() if k in Quote.model_fields}
                    record = quote_to_record(Quote.model_validate(fields))
                    out.setdefault(str(row[DOC_ID]), []).append(record)
                else:
                    raise KeyError("id" if "quotes" in row else DOC_ID)
            except (KeyError, TypeError, ValueError) as exc:
                raise ValueError(
                    f"{path}, line {line_no}: not a prediction record of 'evaluate --dump' "
                    f"or 'quoteattr extract' ({_reason(exc)})"
                ) from exc
    return out


def _reason(exc: Exception) -> str:
    """What is wrong with a prediction line, in a few words."""
    if isinstance(exc, KeyError):
        return f"no {exc} field"
    if isinstance(exc, ValidationError):
        errors = exc.errors()
        first = errors[0]
        where = ".".join(str(part) for part in first["loc"]) or "record"
        more = f"; {len(errors) - 1} more" if len(errors) > 1 else ""
        return f"{where}: {first['msg']}{more}"
    return str(exc).strip().splitlines()[0]


def quote_to_record(q: Quote) -> dict[str, Any]:
    """Flatten a ``Quote`` to the record shape of the scorer (plus "confidence").

    Example:
        >>> quote_to_record(quote)["speaker_name"]  # doctest: +SKIP
        'Ann Lee'
    """
    sp = q.speaker
    return {
        "start": q.start,
        "end": q.end,
        "type": q.type.value,
        "speaker": sp.mention.text if sp else None,
        "speaker_start": sp.mention.start if sp else None,
        "speaker_end": sp.mention.end if sp else None,
        "speaker_name": sp.name if sp else None,
        "role": sp.role if sp else None,
        "cue": q.cue.text if q.cue else None,
        "cue_start": q.cue.start if q.cue else None,
        "cue_end": q.cue.end if q.cue else None,
        "source_start": q.source.start if q.source else None,
        "source_end": q.source.end if q.source else None,
        "confidence": q.confidence,
    }


# ------------------------------------------------------------ scoring
def _prf(hits: int, npred: int, ngold: int) -> dict[str, float]:
    p = hits / npred if npred else 0.0
    r = hits / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": round(p, 4), "R": round(r, 4), "F1": round(f, 4)}


@dataclass(frozen=True)
class SubsetScores:
    """Raw counts of one subset ("quoted" or "all"); ``to_dict`` gives the figures."""

    gold: int = 0
    pred: int = 0
    matched: int = 0
    exact: int = 0
    speaker_right: int = 0

    @classmethod
    def of(cls, ngold: int, npred: int, pairs: Sequence[MatchedPair]) -> SubsetScores:
        """Counts of one document."""
        exact, right = sum(m.exact for m in pairs), sum(m.speaker_right for m in pairs)
        return cls(ngold, npred, len(pairs), exact, right)

    def __add__(self, other: SubsetScores) -> SubsetScores:
        return SubsetScores(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))

    def to_dict(self) -> dict[str, Any]:
        """The figures, rounded to 4 decimals, in the layout of ``score.py --json``."""
        acc = round(self.speaker_right / self.matched, 4) if self.matched else 0.0
        return {
            "gold": self.gold,
            "pred": self.pred,
            "span": _prf(self.matched, self.pred, self.gold),
            "exact": _prf(self.exact, self.pred, self.gold),
            "speaker_acc": acc,
            "e2e": _prf(self.speaker_right, self.pred, self.gold),
        }


class ThresholdPrecision(NamedTuple):
    """e2e precision ("all") of the predictions with confidence >= threshold."""

    threshold: float
    pred: int
    correct: int
    precision: float


def precision_at_thresholds(
    scored: Iterable[tuple[float, bool]], thresholds: Iterable[float] = DEFAULT_THRESHOLDS
) -> tuple[ThresholdPrecision, ...]:
    """Precision of (confidence, correct) pairs at each confidence threshold (>=).

    Example:
        >>> precision_at_thresholds([(0.9, True), (0.4, False)], (0.0, 0.5))[1].precision
        1.0
    """
    items = list(scored)
    out = []
    for t in thresholds:
        kept = [ok for conf, ok in items if conf >= t]
        precision = round(sum(kept) / len(kept), 4) if kept else 0.0
        out.append(ThresholdPrecision(t, len(kept), sum(kept), precision))
    return tuple(out)


@dataclass(frozen=True)
class EvalReport:
    """Result of :func:`evaluate`; ``errors`` is None unless errors were collected."""

    system: str
    docs: int
    chars: int
    seconds: float
    quoted: SubsetScores
    all: SubsetScores
    confidence: tuple[ThresholdPrecision, ...] = ()
    errors: tuple[ErrorRecord, ...] | None = None

    def to_dict(self, *, extended: bool = False) -> dict[str, Any]:
        """The ``score.py --json`` layout; ``extended`` adds confidence and errors."""
        out: dict[str, Any] = {
            "system": self.system,
            "docs": self.docs,
            "chars": self.chars,
            "seconds": round(self.seconds, 2),
            "quoted": self.quoted.to_dict(),
            "all": self.all.to_dict(),
        }
        if extended:
            out["confidence"] = [t._asdict() for t in self.confidence]
            if self.errors is not None:
                out["error_summary"] = summarize_errors(self.errors).to_dict()
                out["errors"] = [e.to_dict() for e in self.errors]
        return out

    def format(self) -> str:
        """The figures as text: score.py's lines, then precision by confidence.

        A figure with nothing to count (precision without predictions, recall without
        gold records, speaker accuracy without matched pairs) reads "n/a".

        Example:
            >>> empty = EvalReport("x", 1, 5, 0.0, SubsetScores(), SubsetScores(2, 1, 1, 1, 1))
            >>> print(empty.format())
            x: 1 docs, 5 chars, 0.0s
              quoted gold=    0 pred=    0  span F1=  n/a (P=  n/a R=  n/a)  exact F1=  n/a  speaker acc=  n/a  e2e F1=  n/a (P=  n/a R=  n/a)
              all    gold=    2 pred=    1  span F1=0.667 (P=1.000 R=0.500)  exact F1=0.667  speaker acc=1.000  e2e F1=0.667 (P=1.000 R=0.500)
        """  # noqa: E501
        lines = [f"{self.system}: {self.docs} docs, {self.chars} chars, {self.seconds:.1f}s"]
        for name, scores in (("quoted", self.quoted), ("all", self.all)):
            r = scores.to_dict()
            span, exact, e2e = r["span"], r["exact"], r["e2e"]

            def prf(f: dict[str, float], s: SubsetScores = scores) -> tuple[str, str, str]:
                return (
                    _figure(f["F1"], s.gold or s.pred),
                    _figure(f["P"], s.pred),
                    _figure(f["R"], s.gold),
                )

            (sf, sp, sr), (ef, _, _), (f1, p1, r1) = prf(span), prf(exact), prf(e2e)
            acc = _figure(r["speaker_acc"], scores.matched)
            lines.append(
                f"  {name:6s} gold={r['gold']:5d} pred={r['pred']:5d}  span F1={sf} "
                f"(P={sp} R={sr})  exact F1={ef}  speaker acc={acc}  e2e F1={f1} "
                f"(P={p1} R={r1})"
            )
        lines += [
            f"  all, confidence >= {t.threshold:.1f}: pred={t.pred:5d}  "
            f"e2e P={_figure(t.precision, t.pred)}"
            for t in self.confidence
        ]
        return "\n".join(lines)


def _figure(value: float, count: int) -> str:
    """``value`` with 3 decimals, or "n/a" (padded alike) when it counts nothing."""
    return f"{value:.3f}" if count else "  n/a"


def evaluate(
    docs: Sequence[GoldDocument],
    system: Callable[[str], list[Quote]] | None = None,
    *,
    predictions: Mapping[str, Sequence[Record]] | None = None,
    collect_errors: bool = False,
    name: str | None = None,
    thresholds: Iterable[float] = DEFAULT_THRESHOLDS,
    dump: TextIO | None = None,
) -> EvalReport:
    """Score a system (default ``quoteattr.extract_quotes``) or given prediction records.

    Args:
        docs: Gold documents, e.g. from :func:`load_gold`.
        system: Run on each document text; not used when ``predictions`` is given.
        predictions: Records by document id (a missing id: no predictions), with
            start/end, speaker fields and "confidence" (records without one, such
            as ``score.py --dump`` output, stay out of ``report.confidence``; with
            none, it is empty).
        collect_errors: Fill ``report.errors`` (judged on the "all" subset).
        name: The report's system name.
        thresholds: Confidence thresholds of ``report.confidence``.
        dump: Where to write the predictions, one ``{"id", "quotes"}`` per line.

    Example:
        >>> report = evaluate(load_gold("gold.jsonl"), predictions={})  # doctest: +SKIP
        >>> report.to_dict()["all"]["e2e"]["F1"]  # doctest: +SKIP
        0.0
    """
    if predictions is None and system is None:
        from ..api import extract_quotes

        system = extract_quotes
    quoted, everything = SubsetScores(), SubsetScores()
    scored: list[tuple[float, bool]] = []
    errors: list[ErrorRecord] = []
    nchars, t0 = 0, time.perf_counter()
    for doc in docs:
        text, gold = doc.text, doc.quotes
        nchars += len(text)
        if predictions is not None:
            pred = list(predictions.get(doc.id, ()))
        else:
            assert system is not None
            pred = [quote_to_record(q) for q in system(text)]
        if dump is not None:
            dump.write(json.dumps({"id": doc.id, "quotes": pred}, ensure_ascii=False) + "\n")
        qg = [g for g in gold if classify_span(text, g["start"], g["end"]) in QUOTED_TYPES]
        qp = [p for p in pred if classify_span(text, p["start"], p["end"]) in QUOTED_TYPES]
        quoted += SubsetScores.of(len(qg), len(qp), judge_pairs(text, qg, qp))
        judged = judge_pairs(text, gold, pred)
        everything += SubsetScores.of(len(gold), len(pred), judged)
        right = {m.pred for m in judged if m.speaker_right}
        scored += [
            (float(p["confidence"]), j in right)
            for j, p in enumerate(pred)
            if p.get("confidence") is not None
        ]
        if collect_errors:
            errors += doc_errors(doc.id, text, gold, pred, judged)
    label = name or ("predictions" if predictions is not None else "quoteattr")
    return EvalReport(
        label,
        len(docs),
        nchars,
        time.perf_counter() - t0,
        quoted,
        everything,
        precision_at_thresholds(scored, thresholds) if scored else (),
        tuple(errors) if collect_errors else None,
    )
