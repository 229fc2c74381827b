"""Evaluation against gold JSON Lines: scoring (the reference scorer's figures) and errors.

``matching`` holds the rules that pair predictions with gold records, ``scoring`` the
aggregation and reports, ``analysis`` the list of errors; each imports only the ones
before it. ``brat`` reads brat standoff annotations of attributions into gold documents.

Example:
    >>> from quoteattr.evaluation import evaluate, load_gold
    >>> report = evaluate(load_gold("tests/fixtures/eval_small.jsonl"))  # doctest: +SKIP
    >>> report.to_dict()["quoted"]["e2e"]["F1"]  # doctest: +SKIP
    1.0
"""

from __future__ import annotations

from .analysis import (
    ERROR_KINDS,
    ErrorRecord,
    ErrorSummary,
    doc_errors,
    format_errors,
    summarize_errors,
)
from .brat import read_brat
from .matching import (
    QUOTED_TYPES,
    Match,
    MatchedPair,
    classify_span,
    judge_pairs,
    match_quotes,
    speaker_ok,
)
from .scoring import (
    DEFAULT_THRESHOLDS,
    EvalReport,
    GoldDocument,
    SubsetScores,
    ThresholdPrecision,
    evaluate,
    load_gold,
    load_predictions,
    precision_at_thresholds,
    quote_to_record,
    write_gold,
)

__all__ = [
    "DEFAULT_THRESHOLDS",
    "ERROR_KINDS",
    "QUOTED_TYPES",
    "ErrorRecord",
    "ErrorSummary",
    "EvalReport",
    "GoldDocument",
    "Match",
    "MatchedPair",
    "SubsetScores",
    "ThresholdPrecision",
    "classify_span",
    "doc_errors",
    "evaluate",
    "format_errors",
    "judge_pairs",
    "load_gold",
    "load_predictions",
    "match_quotes",
    "precision_at_thresholds",
    "quote_to_record",
    "read_brat",
    "speaker_ok",
    "summarize_errors",
    "write_gold",
]
