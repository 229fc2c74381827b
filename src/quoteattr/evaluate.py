"""Score quoteattr, or prediction records, against gold JSON Lines.

Same definitions and rounding (4 decimals) as the team scorer ``shared/eval/score.py``:
subsets "quoted" (gold typed direct/mixed against predictions whose span is direct/mixed
by its quote marks) and "all"; span P/R/F1 by greedy one-to-one overlap matching of the
normalised spans; exact P/R/F1; speaker accuracy of matched pairs; e2e P/R/F1 (matched
and right speaker). Error analysis lives in :mod:`quoteattr.evaluate_errors`.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from .evaluate_errors import ErrorRecord, MatchedPair, doc_errors, format_errors, summarize_errors
from .models import Quote

__all__ = [
    "DEFAULT_THRESHOLDS",
    "ErrorRecord",
    "EvalReport",
    "GoldDocument",
    "Match",
    "SubsetScores",
    "ThresholdPrecision",
    "add_evaluate_parser",
    "classify_span",
    "evaluate",
    "format_errors",
    "load_gold",
    "load_predictions",
    "match_quotes",
    "precision_at_thresholds",
    "quote_to_record",
    "run_evaluate",
    "speaker_ok",
]

Record = Mapping[str, Any]
DEFAULT_THRESHOLDS: tuple[float, ...] = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)
_QUOTE_CHARS = "\"'\u201c\u201d\u201e\u201f\u2018\u2019\u00ab\u00bb\u2039\u203a"
_END_PUNCT = ".,;:!?"
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "gen", "prof"})
_PRONOUNS = frozenset(
    {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "him", "her", "them"}
)
_OPENERS = frozenset("\u201c\u201e\u00ab\u201f")
_CLOSERS = frozenset("\u201d\u00bb")
_DOUBLE = _OPENERS | _CLOSERS | {'"'}


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
        if ch not in _DOUBLE:
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
    return (i >= 0 and text[i] in _DOUBLE) and (j < len(text) and text[j] in _DOUBLE)


def classify_span(text: str, start: int, end: int) -> str | None:
    """Derive "direct", "mixed" or "indirect" for ``text[start:end]`` from its marks.

    Returns None when the span has no alphanumeric character.

    Example:
        >>> classify_span('He said "no way" today.', 8, 15)
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
        if word and word not in _TITLES:
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


def _prf(hits: int, npred: int, ngold: int) -> dict[str, float]:
    p = hits / npred if npred else 0.0
    r = hits / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": round(p, 4), "R": round(r, 4), "F1": round(f, 4)}


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

    Raises:
        ValueError: naming the document id and record index of a bad record.

    Example:
        >>> docs = load_gold("tests/fixtures/eval_small.jsonl")  # doctest: +SKIP
    """
    docs = []
    with open(path, encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            raw = json.loads(line)
            doc_id, text = str(raw.get("id", f"line {line_no}")), raw["text"]
            for k, q in enumerate(raw["quotes"]):
                for what, key in (("quote", ""), ("speaker", "speaker_"), ("cue", "cue_")):
                    wanted = q.get(key[:-1] or "text")
                    s, e = q.get(key + "start"), q.get(key + "end")
                    if wanted is None and key:
                        continue
                    if not isinstance(s, int) or not isinstance(e, int) or text[s:e] != wanted:
                        raise ValueError(
                            f"{path}: document {doc_id!r}, record {k}: {what} offsets "
                            f"({s}, {e}) do not give {wanted!r}"
                        )
            docs.append(GoldDocument(doc_id, text, tuple(raw["quotes"]), raw.get("source") or ""))
    return docs


def load_predictions(path: str | Path) -> dict[str, list[dict[str, Any]]]:
    """Read a prediction dump (``{"id", "quotes"}`` per line) keyed by document id.

    Example:
        >>> preds = load_predictions("tests/fixtures/eval_small_pred.jsonl")  # doctest: +SKIP
    """
    with open(path, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return {str(row["id"]): list(row["quotes"]) for row in rows}


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
        "confidence": q.confidence,
    }


# ------------------------------------------------------------ scoring
@dataclass(frozen=True)
class SubsetScores:
    """Raw counts of one subset ("quoted" or "all"); ``to_dict`` gives the figures."""

    gold: int = 0
    pred: int = 0
    matched: int = 0
    exact: int = 0
    speaker_right: int = 0

    def add(self, ngold: int, npred: int, pairs: Sequence[Match], right: int) -> SubsetScores:
        """Return these counts plus one document's."""
        return SubsetScores(
            self.gold + ngold,
            self.pred + npred,
            self.matched + len(pairs),
            self.exact + sum(m.exact for m in pairs),
            self.speaker_right + right,
        )

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
    """Precision of (confidence, correct) pairs at each confidence threshold.

    Example:
        >>> precision_at_thresholds([(0.9, True), (0.4, False)], (0.0, 0.5))[1].precision
        1.0
    """
    items = list(scored)
    out = []
    for t in thresholds:
        kept = [ok for conf, ok in items if conf >= t]
        hits = sum(kept)
        out.append(
            ThresholdPrecision(t, len(kept), hits, round(hits / len(kept), 4) if kept else 0.0)
        )
    return tuple(out)


@dataclass(frozen=True)
class EvalReport:
    """Result of :func:`evaluate`."""

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
        """Human-readable figures, one line per subset, then precision by confidence."""
        lines = [f"{self.system}: {self.docs} docs, {self.chars} chars, {self.seconds:.1f}s"]
        for name, scores in (("quoted", self.quoted), ("all", self.all)):
            r = scores.to_dict()
            span, e2e = r["span"], r["e2e"]
            lines.append(
                f"  {name:6s} gold={r['gold']:5d} pred={r['pred']:5d}  span F1={span['F1']:.3f} "
                f"(P={span['P']:.3f} R={span['R']:.3f})  exact F1={r['exact']['F1']:.3f}  "
                f"speaker acc={r['speaker_acc']:.3f}  e2e F1={e2e['F1']:.3f} "
                f"(P={e2e['P']:.3f} R={e2e['R']:.3f})"
            )
        for t in self.confidence:
            lines.append(
                f"  all, confidence >= {t.threshold:.1f}: pred={t.pred:5d}  e2e P={t.precision:.3f}"
            )
        return "\n".join(lines)


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
    """Score a system (default ``quoteattr.extract_quotes``) or prediction records.

    Args:
        docs: Gold documents, e.g. from :func:`load_gold`.
        system: Called on each document text; ignored when ``predictions`` is given.
        predictions: Prediction records by document id (a missing id counts as
            no prediction); records need start/end and may carry speaker fields
            and "confidence" (taken as 0.0 when absent).
        collect_errors: Fill ``report.errors`` (on the "all" subset).
        name: The report's system name.
        thresholds: Confidence thresholds for ``report.confidence``.
        dump: Where to write the predictions as JSON Lines ``{"id", "quotes"}``.

    Example:
        >>> report = evaluate(load_gold("gold.jsonl"), predictions={})  # doctest: +SKIP
        >>> report.to_dict()["all"]["e2e"]["F1"]  # doctest: +SKIP
        0.0
    """
    if predictions is None and system is None:
        from .api import extract_quotes

        system = extract_quotes
    label = name or ("predictions" if predictions is not None else "quoteattr")
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
        qg = [g for g in gold if g.get("type") in ("direct", "mixed")]
        qp = [p for p in pred if classify_span(text, p["start"], p["end"]) in ("direct", "mixed")]
        pairs = match_quotes(text, qg, qp)
        quoted = quoted.add(
            len(qg), len(qp), pairs, sum(speaker_ok(qg[i], qp[j]) for i, j, _ in pairs)
        )
        pairs = match_quotes(text, gold, pred)
        judged = [MatchedPair(i, j, ex, speaker_ok(gold[i], pred[j])) for i, j, ex in pairs]
        everything = everything.add(
            len(gold), len(pred), pairs, sum(m.speaker_right for m in judged)
        )
        right = {m.pred for m in judged if m.speaker_right}
        scored += [(float(p.get("confidence") or 0.0), j in right) for j, p in enumerate(pred)]
        if collect_errors:
            errors += doc_errors(doc.id, text, gold, pred, judged)
    return EvalReport(
        label, len(docs), nchars, time.perf_counter() - t0, quoted, everything,
        precision_at_thresholds(scored, thresholds), tuple(errors) if collect_errors else None,
    )  # fmt: skip


# ------------------------------------------------------------ command line
def add_evaluate_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the "evaluate" subcommand (handled by :func:`run_evaluate`).

    Example:
        >>> parser = argparse.ArgumentParser()
        >>> add_evaluate_parser(parser.add_subparsers(dest="command"))
        >>> parser.parse_args(["evaluate", "gold.jsonl", "--limit", "5"]).limit
        5
    """
    p = subparsers.add_parser(
        "evaluate",
        help="score quoteattr against gold JSON Lines",
        description="Score quoteattr against gold JSON Lines (figures as shared/eval/score.py).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  quoteattr evaluate gold.jsonl --skip 420 --errors --errors-limit 20\n"
        "  quoteattr evaluate gold.jsonl --predictions pred.jsonl --json\n",
    )
    p.add_argument("gold", help="gold JSON Lines file")
    p.add_argument("--limit", type=int, metavar="N", help="score at most N documents")
    p.add_argument("--skip", type=int, default=0, metavar="N", help="skip the first N documents")
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    p.add_argument("--errors", action="store_true", help="list the errors and their summary")
    p.add_argument("--errors-limit", type=int, default=50, metavar="N", help="errors to list")
    p.add_argument("--dump", metavar="PRED.jsonl", help="write the predictions here")
    p.add_argument("--predictions", metavar="PRED.jsonl", help="score these, not the extractor")
    p.add_argument("--cue-classes", metavar="A,B", help="cue classes to report, comma-separated")
    p.add_argument("--model", metavar="NAME", help="spaCy pipeline (default: best installed)")


def run_evaluate(args: argparse.Namespace, out: TextIO) -> int:
    """Run the "evaluate" subcommand; return the exit code (2 on bad input).

    Example:
        >>> run_evaluate(parser.parse_args(["evaluate", "gold.jsonl"]), sys.stdout)  # doctest: +SKIP
        0
    """
    import sys

    from .api import get_extractor
    from .errors import QuoteattrError
    from .settings import Settings

    try:
        docs = load_gold(args.gold)[max(args.skip, 0) :]
        docs = docs[: args.limit] if args.limit else docs
        preds = load_predictions(args.predictions) if args.predictions else None
        classes = [c.strip() for c in (args.cue_classes or "").split(",") if c.strip()]
        settings = Settings(cue_classes=frozenset(classes)) if classes else Settings()
        system = None
        if preds is None:
            nlp = None
            if args.model:
                import spacy

                nlp = spacy.load(args.model)
            system = get_extractor(nlp, settings).extract
    except (OSError, ValueError, QuoteattrError) as exc:
        print(f"quoteattr evaluate: {exc}", file=sys.stderr)
        return 2
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None  # noqa: SIM115
    try:
        report = evaluate(docs, system, predictions=preds, collect_errors=args.errors,
                          name=None if preds is not None else "quoteattr", dump=dump)  # fmt: skip
    finally:
        if dump is not None:
            dump.close()
    if args.json:
        print(json.dumps(report.to_dict(extended=args.errors), ensure_ascii=False), file=out)
    else:
        print(report.format(), file=out)
        if args.errors:
            print(format_errors(report, limit=args.errors_limit), file=out)
    return 0
