"""Tests of quoteattr.evaluation: figures, agreement with the reference scorer, errors, CLI.

The fixtures are invented and hand-written: ``eval_small.jsonl`` (4 documents, 11 gold
records) and ``eval_small_pred.jsonl`` (fixed predictions for 3 of them; the document
"report" has none). What each prediction is meant to exercise:

bridge  g0 direct (curly)  p0 exact span, right speaker                    (conf 0.90)
        g1 direct (split)  p1 span with its curly marks: exact once
                           normalised, wrong speaker "Monday"              (conf 0.55)
        g2 mixed           p2 starts one word late: boundary, right
                           speaker (mention "Brandt" overlaps)             (conf 0.70)
road    g0 direct (")      p0 exact, mention "resident" overlaps           (conf 0.80)
        g1 indirect        p1 exact, speaker "they": wrong                 (conf 0.60)
        g2 direct, no spk  p2 exact, any speaker is right                  (conf 0.40)
        -                  p3 spurious "a resident complained"             (conf 0.30)
bank    g0 direct (‘ ’)    p0 exact (single curly marks normalised away)   (conf 0.95)
        g1 indirect        p1 longer span and p2 exact span tie on overlap:
                           the higher prediction index (p2) wins, with the
                           wrong speaker "reporters"; p1 is spurious       (0.65, 0.85)
        g2 indirect        missed
report  g0 mixed, g1 direct: missed (no predictions for the document)
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from quoteattr import Cue, Quote, QuoteType, Speaker, TextSpan
from quoteattr.cli import main
from quoteattr.evaluation import (
    GoldDocument,
    classify_span,
    evaluate,
    format_errors,
    load_gold,
    load_predictions,
    match_quotes,
    matching,
    precision_at_thresholds,
    quote_to_record,
    speaker_ok,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLD = FIXTURES / "eval_small.jsonl"
PRED = FIXTURES / "eval_small_pred.jsonl"
SHARED_EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"

# quoted subset, judged by the double marks inside each span for gold and prediction alike:
# gold = bridge 3 + road 2 + report 2 = 7 (bank's headline quote sits between single
# marks and has none inside its span); predictions = bridge 3 + road 2 (p0, p2) + bank 1
# (p0) = 6; matched 5 (all but bank p0), exact 4 (not bridge p2), right speaker 4 (not
# bridge p1).
EXPECTED_QUOTED: dict[str, Any] = {
    "gold": 7,
    "pred": 6,
    "span": {"P": 0.8333, "R": 0.7143, "F1": 0.7692},  # 5/6, 5/7, 10/13
    "exact": {"P": 0.6667, "R": 0.5714, "F1": 0.6154},  # 4/6, 4/7, 8/13
    "speaker_acc": 0.8,  # 4/5
    "e2e": {"P": 0.6667, "R": 0.5714, "F1": 0.6154},  # 4/6, 4/7, 8/13
}
# all: gold 11, predictions 10; matched 8 (bridge 3, road 3, bank 2), exact 7 (not
# bridge p2), right speaker 5 (bridge p0 p2, road p0 p2, bank p0).
EXPECTED_ALL: dict[str, Any] = {
    "gold": 11,
    "pred": 10,
    "span": {"P": 0.8, "R": 0.7273, "F1": 0.7619},  # 8/10, 8/11, 16/21
    "exact": {"P": 0.7, "R": 0.6364, "F1": 0.6667},  # 7/10, 7/11, 14/21
    "speaker_acc": 0.625,  # 5/8
    "e2e": {"P": 0.5, "R": 0.4545, "F1": 0.4762},  # 5/10, 5/11, 10/21
}


@pytest.fixture(scope="module")
def reference_scorer() -> ModuleType:
    """The reference scorer score.py, imported without leaving sys.path changed."""
    if not (SHARED_EVAL / "score.py").is_file():
        pytest.skip(f"reference scorer not found at {SHARED_EVAL}")
    saved = list(sys.path)
    try:
        spec = importlib.util.spec_from_file_location("team_score", SHARED_EVAL / "score.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = saved
    return module


def reference_figures(
    score: ModuleType, docs: list[GoldDocument], preds: dict[str, list[dict[str, Any]]]
) -> dict[str, Any]:
    """The quoted/all figures as score.py's main() computes them, from its own functions."""
    tally = {k: {"gold": 0, "pred": 0, "tp": 0, "exact": 0, "spk": 0} for k in ("quoted", "all")}
    for doc in docs:
        text, pred, gold = doc.text, preds.get(doc.id, []), [dict(q) for q in doc.quotes]
        for subset, t in tally.items():
            if subset == "quoted":
                g = [
                    q
                    for q in gold
                    if score.classify(text, q["start"], q["end"]) in ("direct", "mixed")
                ]
                p = [
                    q
                    for q in pred
                    if score.classify(text, q["start"], q["end"]) in ("direct", "mixed")
                ]
            else:
                g, p = gold, pred
            pairs, exact = score.match(text, g, p)
            t["gold"] += len(g)
            t["pred"] += len(p)
            t["tp"] += len(pairs)
            t["exact"] += exact
            t["spk"] += sum(score.speaker_ok(g[i], p[j]) for i, j in pairs)
    return {
        k: {
            "gold": t["gold"],
            "pred": t["pred"],
            "span": score.prf(t["tp"], t["pred"], t["gold"]),
            "exact": score.prf(t["exact"], t["pred"], t["gold"]),
            "speaker_acc": round(t["spk"] / t["tp"], 4) if t["tp"] else 0.0,
            "e2e": score.prf(t["spk"], t["pred"], t["gold"]),
        }
        for k, t in tally.items()
    }


def test_evaluate_small_fixture_exact_figures() -> None:
    report = evaluate(load_gold(GOLD), predictions=load_predictions(PRED))
    result = report.to_dict()
    assert list(result) == ["system", "docs", "chars", "seconds", "quoted", "all"]
    assert (result["system"], result["docs"]) == ("predictions", 4)
    assert result["chars"] == sum(len(d.text) for d in load_gold(GOLD))
    assert result["quoted"] == EXPECTED_QUOTED
    assert result["all"] == EXPECTED_ALL


def test_evaluate_small_fixture_equals_reference_scorer(reference_scorer: ModuleType) -> None:
    docs, preds = load_gold(GOLD), load_predictions(PRED)
    reference = reference_figures(reference_scorer, docs, preds)
    result = evaluate(docs, predictions=preds).to_dict()
    assert {k: result[k] for k in ("quoted", "all")} == reference
    assert json.dumps(result["all"]) == json.dumps(reference["all"])  # digit for digit


def test_evaluate_perturbed_gold_equals_reference_scorer(reference_scorer: ModuleType) -> None:
    """Agreement on many generated span/speaker variants of the fixture's gold records."""
    docs = load_gold(GOLD)
    preds: dict[str, list[dict[str, Any]]] = {}
    for doc in docs:
        out = []
        for k, q in enumerate(doc.quotes):
            for shift in (-2, -1, 0, 1, 3):
                start = min(max(0, q["start"] + shift), len(doc.text) - 1)
                end = min(len(doc.text), max(start + 1, q["end"] - shift * k))
                spk = {"speaker": q["speaker"], "speaker_start": q["speaker_start"]}
                spk["speaker_end"] = q["speaker_end"] if shift else None
                spk["speaker_name"] = ["he", "Mr. Quill", None, "Ines-Moro", "Dr Brandt"][k % 5]
                out.append({"start": start, "end": end, **spk})
        preds[doc.id] = out
        for start in range(0, len(doc.text), 3):
            for end in range(start, min(len(doc.text), start + 60), 7):
                assert classify_span(doc.text, start, end) == reference_scorer.classify(
                    doc.text, start, end
                )
    result = evaluate(docs, predictions=preds).to_dict()
    assert {k: result[k] for k in ("quoted", "all")} == reference_figures(
        reference_scorer, docs, preds
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we won" and left.', "mixed"),  # straight opener after a space
        ('"We won," he said.', "mixed"),
        ("“We won.”", "direct"),
        ("won,” he said", "mixed"),  # an unmatched closer: what precedes it was quoted
        ("‘Prices will fall’,", "direct"),  # headline single curly quotes
        ("the road is closed", "indirect"),
        ("“ ”", None),
        ('a "x"y" b', "mixed"),  # '"' between letters: not an opener
    ],
)
def test_evaluate_classify_span_cases(text: str, expected: str | None) -> None:
    assert classify_span(text, 0, len(text)) == expected


def test_evaluate_classify_span_agrees_with_reference_scorer(reference_scorer: ModuleType) -> None:
    samples = [
        'x "a" y',
        '("a")',
        'a-"b"',
        '"a"."b"',
        "«a» b",
        "„a“ b",
        'a/"b',
        '—"a',
        'x"',
        "‘a’!",
    ]
    for text in samples:
        for start in range(len(text)):
            for end in range(start, len(text) + 1):
                assert classify_span(text, start, end) == reference_scorer.classify(
                    text, start, end
                )


@pytest.mark.issue(12)
def test_evaluate_speaker_titles_are_the_reference_scorers(reference_scorer: ModuleType) -> None:
    # the judge drops the reference scorer's titles from names, not the lexicon's
    assert frozenset(reference_scorer.TITLES) == matching._SCORER_TITLES


def test_evaluate_speaker_ok_rules() -> None:
    gold = {"speaker": "Mayor Ada Quill", "speaker_start": 0, "speaker_end": 15}
    assert speaker_ok({"speaker": None}, {})  # no gold speaker: anything goes
    assert speaker_ok(gold, {"speaker": "She", "speaker_start": 14, "speaker_end": 20})
    assert speaker_ok(gold, {"speaker_name": "Ms. Quill"})  # titles dropped, last word shared
    assert speaker_ok(gold, {"speaker": "Ada"})  # the predicted last word is a gold word
    assert not speaker_ok(gold, {"speaker": "Ada Park"})
    assert not speaker_ok({"speaker": "he"}, {"speaker": "he"})  # pronouns never match by name
    assert speaker_ok({"speaker": "Jean-Luc Moro"}, {"speaker": "Moro"})
    assert not speaker_ok(gold, {})


def test_evaluate_match_tie_goes_to_higher_prediction_index() -> None:
    bank = load_gold(GOLD)[2]
    pairs = match_quotes(bank.text, bank.quotes, load_predictions(PRED)["bank"])
    assert sorted((m.gold, m.pred, m.exact) for m in pairs) == [(0, 0, True), (1, 2, True)]


def test_evaluate_confidence_thresholds() -> None:
    # (confidence, correct): .90 T, .55 F, .70 T | .80 T, .60 F, .40 T, .30 F | .95 T, .65 F, .85 F
    report = evaluate(load_gold(GOLD), predictions=load_predictions(PRED))
    got = [(t.threshold, t.pred, t.correct, t.precision) for t in report.confidence]
    assert got == [
        (0.0, 10, 5, 0.5),
        (0.5, 8, 4, 0.5),
        (0.6, 7, 4, 0.5714),
        (0.7, 5, 4, 0.8),
        (0.8, 4, 3, 0.75),
        (0.9, 2, 2, 1.0),
    ]
    assert report.confidence[0].precision == EXPECTED_ALL["e2e"]["P"]
    assert precision_at_thresholds([], (0.5,))[0].precision == 0.0


def test_evaluate_error_kinds_on_crafted_case() -> None:
    text = '"Go home," Ann Lee said. Bo Park said taxes would rise. "No," Cy Dunn said. Dee Fox warned that storms were coming.'  # noqa: E501

    def rec(content: str, speaker: str | None, **extra: Any) -> dict[str, Any]:
        start = text.index(content)
        out = {"start": start, "end": start + len(content), "text": content, **extra}
        if speaker is not None:
            s = text.index(speaker)
            out.update(speaker=speaker, speaker_start=s, speaker_end=s + len(speaker))
        return out

    gold = [
        rec("Go home,", "Ann Lee", type="direct", cue="said"),
        rec("taxes would rise", "Bo Park", type="indirect", cue="said"),
        rec("No,", "Cy Dunn", type="direct", cue="said"),
        rec("storms were coming", "Dee Fox", type="indirect", cue="warned"),  # missed
    ]
    pred = [
        rec("Go home,", "Ann Lee"),  # right
        rec("Bo Park said taxes would rise", "Bo Park"),  # boundary
        rec("No,", "Bo Park"),  # wrong speaker
        rec("Ann Lee said", None, cue="Said"),  # spurious
    ]
    doc = GoldDocument("crafted", text, tuple(gold))
    report = evaluate([doc], predictions={"crafted": pred}, collect_errors=True)
    assert report.errors is not None
    assert [e.kind for e in report.errors] == ["spurious", "boundary", "wrong_speaker", "missed"]
    extended = report.to_dict(extended=True)
    summary = extended["error_summary"]
    assert summary["by_kind"] == {"missed": 1, "spurious": 1, "wrong_speaker": 1, "boundary": 1}
    assert summary["missed_cues"] == [["warned", 1]]
    assert summary["spurious_cues"] == [["said", 1]]
    missed = report.errors[-1]
    assert (missed.gold_text, missed.gold_speaker, missed.cue) == (
        "storms were coming",
        "Dee Fox",
        "warned",
    )
    assert missed.left.endswith("Dee Fox warned that ") and missed.right == "."
    assert (missed.pred_start, missed.pred_text) == (None, None)
    wrong = report.errors[2]
    assert (wrong.gold_speaker, wrong.pred_speaker) == ("Cy Dunn", "Bo Park")
    shown = format_errors(report.errors, limit=2)
    assert "missed=1, spurious=1, wrong_speaker=1, boundary=1" in shown
    assert "[spurious] crafted" in shown and "(2 more errors not shown)" in shown


def test_evaluate_errors_on_small_fixture() -> None:
    report = evaluate(load_gold(GOLD), predictions=load_predictions(PRED), collect_errors=True)
    summary = report.to_dict(extended=True)["error_summary"]
    assert summary["by_kind"] == {"missed": 3, "spurious": 2, "wrong_speaker": 3, "boundary": 1}
    assert summary["missed_cues"] == [["added", 1], ["called", 1], ["said", 1]]
    assert summary["spurious_cues"] == [["(none)", 1], ["told", 1]]
    assert evaluate(load_gold(GOLD), predictions={}).errors is None


def test_evaluate_load_gold_rejects_bad_offset(tmp_path: Path) -> None:
    line: dict[str, Any] = {"id": "doc-7", "text": "Ann said no.", "quotes": [
        {"start": 9, "end": 11, "text": "no", "type": "indirect", "speaker": "Ann",
         "speaker_start": 0, "speaker_end": 3},
        {"start": 9, "end": 12, "text": "no", "type": "indirect", "speaker": None},
    ]}  # fmt: skip
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"document 'doc-7', record 1: quote offsets"):
        load_gold(path)
    line["quotes"] = line["quotes"][:1]
    line["quotes"][0]["speaker_end"] = 2
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"document 'doc-7', record 0: speaker offsets"):
        load_gold(path)


def test_evaluate_quote_to_record_shape() -> None:
    text = '"We will win," Ann Lee, the mayor, said.'
    quote = Quote(
        text="We will win,", start=1, end=13, type=QuoteType.DIRECT,
        cue=Cue(text="said", start=35, end=39),
        speaker=Speaker(id=0, name="Ann Lee", mention=TextSpan(text="Ann Lee", start=15, end=22),
                        role="the mayor"),
        confidence=0.75, sentence=0, paragraph=0, rule="test",
    )  # fmt: skip
    assert text[quote.start : quote.end] == quote.text
    assert quote_to_record(quote) == {
        "start": 1,
        "end": 13,
        "type": "direct",
        "speaker": "Ann Lee",
        "speaker_start": 15,
        "speaker_end": 22,
        "speaker_name": "Ann Lee",
        "role": "the mayor",
        "cue": "said",
        "cue_start": 35,
        "cue_end": 39,
        "source_start": None,
        "source_end": None,
        "confidence": 0.75,
    }
    bare = quote.model_copy(update={"speaker": None, "cue": None})
    assert quote_to_record(bare)["speaker"] is None and quote_to_record(bare)["cue"] is None


def test_evaluate_predictions_without_confidence_have_no_confidence_table() -> None:
    # regression: score.py --dump records carry no confidence; they were counted as 0.0
    # and the table claimed "confidence >= 0.5: pred=0"
    bare = {
        doc_id: [{k: v for k, v in r.items() if k != "confidence"} for r in records]
        for doc_id, records in load_predictions(PRED).items()
    }
    report = evaluate(load_gold(GOLD), predictions=bare)
    assert report.confidence == ()
    assert report.to_dict()["all"] == EXPECTED_ALL
    assert "confidence >=" not in report.format()


def test_evaluate_cli_scores_prediction_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(GOLD), "--predictions", str(PRED), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["quoted"], result["all"]) == (EXPECTED_QUOTED, EXPECTED_ALL)


def test_evaluate_cli_skip_limit_and_errors(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["evaluate", str(GOLD), "--predictions", str(PRED), "--skip", "1",
            "--limit", "2", "--errors", "--errors-limit", "1"]  # fmt: skip
    assert main(argv) == 0
    text = capsys.readouterr().out
    assert "predictions: 2 docs" in text  # road and bank
    assert "all    gold=    6 pred=    7" in text
    assert "errors: missed=1, spurious=2, wrong_speaker=2, boundary=0" in text
    assert "(4 more errors not shown)" in text


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--cue-classes", "gossip"], "[QA005] Unknown cue classes ['gossip']"),
        (["--settings", '{"scope": "everything"}'], "setting 'scope': Input should be"),
        (["--settings", "[1]"], "--settings must be a JSON object"),
        (["--limit", "0"], "Invalid value for '--limit'"),
    ],
)
def test_evaluate_cli_bad_options_exit_2(
    extra: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["evaluate", str(GOLD), *extra]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("quoteattr: error: ")
    assert message in err
    assert "Traceback" not in err


def test_evaluate_cli_missing_gold_names_the_path(capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(GOLD) + ".missing"
    assert main(["evaluate", missing, "--predictions", str(PRED)]) == 2
    assert capsys.readouterr().err == (
        f"quoteattr: error: cannot read {missing}: No such file or directory\n"
    )


@pytest.mark.eval
@pytest.mark.model
@pytest.mark.issue(13)
def test_evaluate_cli_equals_score_py_on_a_polnear_slice(tmp_path: Path) -> None:
    """``quoteattr evaluate`` and ``score.py`` give the same figures."""
    gold = SHARED_EVAL / "polnear_train.jsonl"
    if not (SHARED_EVAL / "score.py").is_file() or not gold.is_file():
        pytest.skip(f"{SHARED_EVAL} not found: the comparison with score.py needs ../shared/eval")
    settings = '{"scope": "attributions"}'
    team = subprocess.run(
        [sys.executable, str(SHARED_EVAL / "score.py"), str(gold), "--system", "quoteattr",
         "--limit", "6", "--json", "--settings", settings],
        capture_output=True, text=True, check=True, timeout=600,
    )  # fmt: skip
    ours = subprocess.run(
        [sys.executable, "-m", "quoteattr", "evaluate", str(gold), "--limit", "6", "--json",
         "--settings", settings],
        capture_output=True, text=True, check=True, timeout=600,
    )  # fmt: skip
    expected, got = json.loads(team.stdout), json.loads(ours.stdout)
    assert (got["docs"], got["chars"]) == (expected["docs"], expected["chars"]) == (6, got["chars"])
    assert expected["all"]["pred"] > 0 and expected["quoted"]["gold"] > 0
    assert {k: got[k] for k in ("quoted", "all")} == {k: expected[k] for k in ("quoted", "all")}


@pytest.mark.model
def test_evaluate_model_run_dumps_and_rescores(tmp_path: Path) -> None:
    docs = load_gold(GOLD)
    dump = tmp_path / "pred.jsonl"
    with dump.open("w", encoding="utf-8") as fh:
        live = evaluate(docs, dump=fh)
    assert live.system == "quoteattr" and live.docs == 4
    again = evaluate(docs, predictions=load_predictions(dump))
    assert {k: again.to_dict()[k] for k in ("quoted", "all")} == {
        k: live.to_dict()[k] for k in ("quoted", "all")
    }


@pytest.mark.model
def test_evaluate_cli_reads_extracts_own_json_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(GOLD), "-o", str(out), "--quiet"]) == 0
    assert main(["evaluate", str(GOLD), "--predictions", str(out), "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    live = evaluate(load_gold(GOLD)).to_dict()
    assert {k: got[k] for k in ("quoted", "all")} == {k: live[k] for k in ("quoted", "all")}
    assert got["all"]["pred"] > 0


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"id": "bridge", "quotes": []}\n[1, 2]\n', "line 2: not a prediction record"),
        ('{"text": "x"}\n', "line 1: not a prediction record of 'evaluate --dump' or"),
        ("not json\n", "line 1: not a prediction record"),
        ('{"doc_id": "bridge", "text": "x", "start": 0}\n', "(end: Field required; 5 more)"),
    ],
)
def test_evaluate_cli_bad_predictions_file_is_named(
    tmp_path: Path, content: str, reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(content, encoding="utf-8")
    assert main(["evaluate", str(GOLD), "--predictions", str(bad)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"quoteattr: error: {bad}, line ")
    assert reason in err
    assert "Traceback" not in err


def test_evaluate_empty_subset_reads_n_a() -> None:
    report = evaluate(load_gold(GOLD)[:1], predictions={})
    lines = report.format().splitlines()
    assert lines[1] == (
        "  quoted gold=    3 pred=    0  span F1=0.000 (P=  n/a R=0.000)  exact F1=0.000  "
        "speaker acc=  n/a  e2e F1=0.000 (P=  n/a R=0.000)"
    )
    assert len(lines) == 3  # no confidence lines without predictions
