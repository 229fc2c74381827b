"""The benchmark script runs on a tiny corpus and writes a complete report (no timing checks)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
BENCH = REPO_ROOT / "benchmarks" / "bench.py"


def load_bench() -> ModuleType:
    """Import benchmarks/bench.py as a module."""
    spec = importlib.util.spec_from_file_location("quoteattr_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bench_corpus_falls_back_to_examples(tmp_path: Path) -> None:
    bench = load_bench()
    texts, source = bench.load_corpus(tmp_path / "missing.jsonl", 7, 700)
    examples = sorted((REPO_ROOT / "examples").glob("*.txt"))
    assert len(texts) == 7
    assert texts[0] == examples[0].read_text(encoding="utf-8")
    assert texts[len(examples)] == texts[0]
    assert source.startswith(f"examples/*.txt ({len(examples)} articles) repeated to 7")


def test_bench_corpus_reads_jsonl_slice(tmp_path: Path) -> None:
    bench = load_bench()
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps({"text": f"doc {i}"}) + "\n" for i in range(6)))
    texts, source = bench.load_corpus(path, 3, 2)
    assert texts == ["doc 2", "doc 3", "doc 4"]
    assert source.endswith("documents 2-4")


@pytest.mark.model
def test_bench_runs_and_writes_json_and_markdown(tmp_path: Path, extractor: Any) -> None:
    corpus = tmp_path / "docs.jsonl"
    texts = [
        '"We will rebuild," Mara Vell said on Monday.',
        "The river rose overnight.",
        'Ann Lee, the mayor, said the budget was "balanced and fair."',
    ]
    corpus.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts))
    args = ["--corpus", str(corpus), "--skip", "0", "--docs", "3", "--rounds", "1"]
    args += ["--warmup-docs", "1", "--nproc-rounds", "1", "--no-memory", "--out-dir", str(tmp_path)]
    done = subprocess.run(
        [sys.executable, str(BENCH), *args], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    (json_path,) = tmp_path.glob("bench-*.json")
    (md_path,) = tmp_path.glob("bench-*.md")
    report = json.loads(json_path.read_text())
    assert md_path.read_text() == done.stdout.rstrip("\n") + "\n"
    assert report["corpus"]["docs"] == 3
    assert report["corpus"]["chars"] == sum(map(len, texts))
    # textacy is in the "bench" extra (make bench installs it), not in "dev"
    with_textacy = importlib.util.find_spec("textacy") is not None
    assert ("textacy" in report["systems"]) is with_textacy
    assert {"bare_parse", "quoteattr"} <= set(report["systems"])
    for system in report["systems"].values():
        assert len(system["rounds"]) == 1
        assert system["chars_per_s"] > 0
    assert report["systems"]["quoteattr"]["quotes"] == sum(len(extractor.extract(t)) for t in texts)
    names = [t["name"] for t in report["targets"]]
    assert names[0] == "quoteattr / bare parse"
    assert "quoteattr `pipe(n_process=2)` / `n_process=1`" in names
    assert report["n_process"]["speedup"] > 0
    stages = {s["name"] for s in report["profile"]["stages"]}
    assert {"cues.CueFinder", "attribute.attribute", "spaCy tokenizer (nlp.make_doc)"} <= stages
    shares = sum(s["share"] for s in report["profile"]["stages"])
    assert shares == pytest.approx(1.0)
    assert "| quoteattr / bare parse |" in done.stdout


@pytest.mark.model
def test_bench_memory_child_reports_peak_rss() -> None:
    bench = load_bench()
    args = bench.parse_args(["--docs", "2"])
    peak = bench.peak_memory("model_only", args)
    assert 50 < peak < 4000


def _load_script(name: str) -> ModuleType:
    """Import benchmarks/NAME.py as a module."""
    spec = importlib.util.spec_from_file_location(f"quoteattr_{name}", BENCH.parent / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("docs", ["-1", "0", "701"])
def test_bench_fit_confidence_docs_outside_the_dev_part_is_refused(
    docs: str, capsys: pytest.CaptureFixture[str]
) -> None:
    fit = _load_script("fit_confidence")
    with pytest.raises(SystemExit) as exc:
        fit.main(["--docs", docs])
    assert exc.value.code == 2
    assert (
        f"argument --docs: must be from 1 to 700 (the development part), got {docs}"
        in capsys.readouterr().err
    )


def test_bench_polnear_parts_split_dev_and_reporting() -> None:
    split = _load_script("polnear_split")
    docs = list(range(840))
    assert split.part(docs, "dev") == list(range(700))
    assert split.part(docs, "reporting") == list(range(700, 840))


def test_bench_fast_mode_scores_the_dev_part_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = _load_script("fast_mode")
    seen: list[str] = []
    monkeypatch.setattr(fast, "load_gold", lambda path: [f"doc{i}" for i in range(840)])
    monkeypatch.setattr(fast, "part", lambda docs, name: seen.append(name) or [])
    monkeypatch.setattr(fast.spacy, "load", lambda name: (_ for _ in ()).throw(RuntimeError))
    with pytest.raises(RuntimeError):
        fast.main([str(tmp_path / "gold.jsonl")])
    assert seen == ["dev"]
