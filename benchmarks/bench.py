"""Throughput benchmark: quoteattr against the bare spaCy parse and textacy, same documents.

Usage: .venv/bin/python benchmarks/bench.py [--docs N] [--rounds R] [--batch-size B] ...
(``make bench`` installs what it needs and runs it with the defaults.)

What it measures, in one run, on the same documents (by default the 140 reporting-part
PolNeAR documents 700-839 of ../shared/eval/polnear_train.jsonl; without that
file, the articles in examples/ repeated to the same count):

* throughput (characters/s, documents/s) of each system, rounds interleaved and
  rotated (A B C, B C A, ...), one warm-up round discarded, median of the rounds:
  the bare spaCy pipeline (``nlp.pipe``, same model and batch size: the floor of
  any spaCy-based extractor), quoteattr end to end (``QuoteExtractor.pipe``),
  quoteattr's fast mode when it exists, and textacy's ``direct_quotations``
  including its parse;
* peak memory of each system: the peak resident set size (``VmHWM``) of a fresh
  Python process that loads the model and processes the same documents once;
  "model loaded, no documents" is the same process without documents;
* ``QuoteExtractor.pipe(n_process=2)`` against ``n_process=1``, interleaved;
* where quoteattr's time goes (``stage_profile.py``).

Writes JSON and Markdown to benchmarks/results/bench-<date>.{json,md} and prints
the Markdown.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear_train.jsonl"
RESULTS = ROOT / "benchmarks" / "results"
sys.path.insert(0, str(Path(__file__).resolve().parent))

LABELS = {
    "bare_parse": "bare spaCy parse (`nlp.pipe`)",
    "quoteattr": "quoteattr end to end (`QuoteExtractor.pipe`)",
    "quoteattr_fast": "quoteattr, fast mode (`Settings(fast=True)`)",
    "textacy": "textacy `direct_quotations` + parse",
    "model_only": "model loaded, no documents",
}


def log(message: str) -> None:
    """Progress on stderr (stdout carries the Markdown)."""
    print(message, file=sys.stderr, flush=True)


def load_corpus(path: Path | None, docs: int, skip: int) -> tuple[list[str], str]:
    """The texts to time and a description of where they come from.

    Args:
        path: A JSONL file with a "text" field per line, or None.
        docs: How many documents.
        skip: Documents to skip at the start of ``path``.

    Returns:
        ``(texts, source)``: documents ``skip .. skip+docs`` of ``path`` when it
        exists, else the examples/*.txt articles repeated to ``docs`` documents.
    """
    if path is not None and path.exists():
        with path.open(encoding="utf-8") as f:
            texts = [json.loads(line)["text"] for line in f][skip : skip + docs]
        try:
            shown = str(path.relative_to(ROOT.parent))
            shown = "../" + shown
        except ValueError:
            shown = str(path)
        return texts, f"{shown}, documents {skip}-{skip + len(texts) - 1}"
    examples = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    texts = [examples[i % len(examples)] for i in range(docs)]
    return texts, f"examples/*.txt ({len(examples)} articles) repeated to {docs} documents"


def fast_supported() -> bool:
    """True when ``Settings`` has the ``fast`` field."""
    from quoteattr import Settings

    return "fast" in Settings.model_fields


def make_runner(system: str, batch_size: int) -> Callable[[list[str]], int]:
    """A function that processes the texts with ``system`` and returns a count of quotes.

    All systems share one loaded pipeline (``quoteattr.get_extractor().nlp``).
    """
    from quoteattr import Settings, get_extractor

    extractor = get_extractor()
    nlp = extractor.nlp
    if system == "bare_parse":

        def bare(texts: list[str]) -> int:
            for _ in nlp.pipe(texts, batch_size=batch_size):
                pass
            return 0

        return bare
    if system in ("quoteattr", "quoteattr_fast"):
        ex = extractor if system == "quoteattr" else get_extractor(settings=Settings(fast=True))

        def ours(texts: list[str]) -> int:
            return sum(len(q) for q in ex.pipe(texts, batch_size=batch_size))

        return ours
    if system == "textacy":
        from textacy.extract.triples import direct_quotations

        def textacy_quotes(texts: list[str]) -> int:
            found = 0
            for doc in nlp.pipe(texts, batch_size=batch_size):
                # textacy raises on a document with an odd number of quote marks: zero quotes
                with contextlib.suppress(Exception):
                    found += sum(1 for _ in direct_quotations(doc))
            return found

        return textacy_quotes
    if system == "model_only":
        return lambda texts: 0
    raise ValueError(f"unknown system {system!r}")


def textacy_failures(texts: list[str], batch_size: int) -> int:
    """How many documents textacy's ``direct_quotations`` raises on."""
    from textacy.extract.triples import direct_quotations

    from quoteattr import get_extractor

    failed = 0
    for doc in get_extractor().nlp.pipe(texts, batch_size=batch_size):
        try:
            for _ in direct_quotations(doc):
                pass
        except Exception:
            failed += 1
    return failed


def timed(run: Callable[[list[str]], int], texts: list[str]) -> tuple[float, int]:
    """Wall time of ``run(texts)`` and its result."""
    start = time.perf_counter()
    found = run(texts)
    return time.perf_counter() - start, found


def rate(seconds: float, texts: list[str]) -> dict[str, float]:
    """Seconds, characters/s and documents/s of one round."""
    chars = sum(map(len, texts))
    return {"seconds": seconds, "chars_per_s": chars / seconds, "docs_per_s": len(texts) / seconds}


def interleaved(
    runners: dict[str, Callable[[list[str]], int]],
    texts: list[str],
    rounds: int,
    warmup: list[str],
) -> dict[str, dict[str, Any]]:
    """Run every system once per round, order rotated each round, after a warm-up round."""
    names = list(runners)
    for name in names:
        log(f"warm-up: {name} on {len(warmup)} documents")
        runners[name](warmup)
    results: dict[str, dict[str, Any]] = {name: {"rounds": []} for name in names}
    for rnd in range(rounds):
        order = names[rnd % len(names) :] + names[: rnd % len(names)]
        for name in order:
            seconds, found = timed(runners[name], texts)
            results[name]["rounds"].append(rate(seconds, texts))
            results[name]["quotes"] = found
            log(f"round {rnd + 1}/{rounds}: {name}: {sum(map(len, texts)) / seconds:,.0f} chars/s")
    for result in results.values():
        for key in ("chars_per_s", "docs_per_s", "seconds"):
            result[key] = statistics.median(r[key] for r in result["rounds"])
    return results


def n_process_comparison(texts: list[str], batch_size: int, rounds: int) -> dict[str, Any]:
    """``QuoteExtractor.pipe`` with ``n_process`` 1 and 2, interleaved; speed-up of the medians."""
    from quoteattr import get_extractor

    extractor = get_extractor()
    out: dict[str, Any] = {"batch_size": batch_size, "rounds": rounds}
    runs: dict[int, list[dict[str, float]]] = {1: [], 2: []}
    for rnd in range(rounds):
        for n in (1, 2) if rnd % 2 == 0 else (2, 1):
            start = time.perf_counter()
            for _ in extractor.pipe(texts, batch_size=batch_size, n_process=n):
                pass
            runs[n].append(rate(time.perf_counter() - start, texts))
            docs_per_s = runs[n][-1]["docs_per_s"]
            log(f"n_process round {rnd + 1}/{rounds}: n_process={n}: {docs_per_s:.1f} docs/s")
    for n, rows in runs.items():
        out[f"n_process_{n}"] = {
            "rounds": rows,
            "chars_per_s": statistics.median(r["chars_per_s"] for r in rows),
            "docs_per_s": statistics.median(r["docs_per_s"] for r in rows),
        }
    out["speedup"] = out["n_process_2"]["chars_per_s"] / out["n_process_1"]["chars_per_s"]
    return out


def dask_throughput(texts: list[str], batch_size: int, n_workers: int) -> dict[str, Any]:
    """``quotes_frame`` on a local Dask cluster (``n_workers`` processes, one thread each).

    The documents are sent to the workers and the model is loaded on each worker
    (``warm_up``) before the clock starts; the time is that of ``compute()``.
    """
    import dask.dataframe as dd
    import pandas as pd
    from distributed import Client, LocalCluster, wait

    from quoteattr.integrations.dask import quotes_frame, warm_up

    frame = pd.DataFrame({"id": [str(i) for i in range(len(texts))], "text": texts})
    partitions = max(1, min(len(texts), 4 * n_workers))
    with (
        LocalCluster(
            n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        docs = dd.from_pandas(frame, npartitions=partitions).persist()
        wait(docs)
        client.run(warm_up)
        start = time.perf_counter()
        rows = len(quotes_frame(docs, batch_size=batch_size).compute())
        seconds = time.perf_counter() - start
    return {
        "n_workers": n_workers,
        "partitions": partitions,
        "quotes": rows,
        **rate(seconds, texts),
    }


def peak_memory(system: str, args: argparse.Namespace) -> float:
    """Peak RSS in MB of a fresh process running ``system`` once on the same documents."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--memory-child", system]
    cmd += [
        "--docs",
        str(args.docs),
        "--skip",
        str(args.skip),
        "--batch-size",
        str(args.batch_size),
    ]
    cmd += ["--corpus", str(args.corpus)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"memory run of {system} failed:\n{done.stderr[-2000:]}")
    peak: float = json.loads(done.stdout.strip().splitlines()[-1])["peak_rss_mb"]
    return peak


def own_peak_rss_mb() -> float:
    """This process's peak resident set size in MB.

    Linux: ``VmHWM`` of /proc/self/status, which starts afresh at ``exec``
    (``ru_maxrss`` would include the RSS of the parent this process was forked from).
    Elsewhere: ``ru_maxrss`` (bytes on macOS).
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return usage / 1024**2 if sys.platform == "darwin" else usage / 1024


def machine_info() -> dict[str, Any]:
    """CPU, memory, Python and library versions, the model, the date and the load average."""
    from quoteattr import get_extractor

    cpu = platform.processor() or platform.machine()
    mem_gb = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem_gb = round(int(line.split()[1]) / 1024**2, 1)
    except OSError:
        pass
    meta = get_extractor().nlp.meta
    return {
        "cpu": cpu,
        "cpu_count": os.cpu_count(),
        "memory_gb": mem_gb,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "spacy": _version("spacy"),
        "model": f"{meta.get('lang', '')}_{meta.get('name', '')} {meta.get('version', '')}",
        "quoteattr": _version("quoteattr"),
        "textacy": _version("textacy"),
        "load_average_start": list(os.getloadavg()),
    }


def _version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def _fmt(x: float, digits: int = 0) -> str:
    return f"{x:,.{digits}f}"


def markdown(report: dict[str, Any]) -> str:
    """The report as Markdown: throughput table, targets, n_process, stage profile."""
    m = report["machine"]
    systems = report["systems"]
    lines = [
        f"Measured {report['date']} on {m['cpu']} ({m['cpu_count']} CPUs, {m['memory_gb']} GB), "
        f"Python {m['python']}, spaCy {m['spacy']}, model {m['model']}, batch size "
        f"{report['batch_size']}, one process; {report['corpus']['source']} "
        f"({report['corpus']['docs']} documents, {_fmt(report['corpus']['chars'])} characters); "
        f"median of {report['rounds']} interleaved rounds after a warm-up; load average "
        f"{m['load_average_start'][0]:.2f} at the start, "
        f"{m['load_average_end'][0]:.2f} at the end. "
        f"Command: `{report['command']}`.",
        "",
        "| system | characters/s | documents/s | peak memory (MB) | quotes found |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, res in systems.items():
        mem = res.get("peak_rss_mb")
        lines.append(
            f"| {LABELS[name]} | {_fmt(res['chars_per_s'])} | {_fmt(res['docs_per_s'], 1)} | "
            f"{_fmt(mem) if mem is not None else '-'} | "
            f"{res['quotes'] if name != 'bare_parse' else '-'} |"
        )
    if "model_only" in report.get("memory_baseline", {}):
        lines.append(
            f"| {LABELS['model_only']} | | | {_fmt(report['memory_baseline']['model_only'])} | |"
        )
    notes = []
    if "memory_method" in report:
        notes.append(f"Peak memory: {report['memory_method']}.")
    if "textacy" in systems:
        notes.append(
            f"textacy raised on {systems['textacy']['failed_docs']} of "
            f"{report['corpus']['docs']} documents (odd number of quote marks); they count "
            "as done, with no quotes, and its quotes are direct ones only."
        )
    if notes:
        lines += ["", " ".join(notes)]
    lines += parallel_table(report)
    lines += ["", "| ratio (characters/s) | value | target |", "|---|---:|---|"]
    for target in report["targets"]:
        lines.append(f"| {target['name']} | {target['value']:.2f} | {target['target']} |")
    prof = report.get("profile")
    if prof:
        lines += [
            "",
            f"Where quoteattr's time goes (one process, {report['corpus']['docs']} documents, "
            f"{prof['total_s']:.1f} s; self time of each stage; quoteattr's own stages "
            f"{100 * prof['own_share']:.1f}% of the total):",
            "",
            "| stage | seconds | share | ms/document |",
            "|---|---:|---:|---:|",
        ]
        for st in prof["stages"]:
            if st["share"] < 0.001:
                continue
            lines.append(
                f"| {st['name']} | {st['seconds']:.2f} | {100 * st['share']:.1f}% | "
                f"{st['ms_per_doc']:.1f} |"
            )
    return "\n".join(lines) + "\n"


def parallel_table(report: dict[str, Any]) -> list[str]:
    """Markdown rows of the multi-process runs (n_process, Dask), against n_process=1."""
    nproc, dask = report.get("n_process"), report.get("dask")
    if nproc is None and dask is None:
        return []
    base = (nproc or {}).get("n_process_1") or report["systems"]["quoteattr"]
    lines = [
        "",
        "| parallel runs (same documents) | characters/s | documents/s | vs one process |",
        "|---|---:|---:|---:|",
    ]
    runs: list[tuple[str, dict[str, Any]]] = []
    if nproc is not None:
        label = "quoteattr `pipe(batch_size={}, n_process={})`"
        runs += [(label.format(nproc["batch_size"], n), nproc[f"n_process_{n}"]) for n in (1, 2)]
    if dask is not None:
        label = "Dask `quotes_frame`, local cluster of {} worker processes ({} partitions)"
        runs.append((label.format(dask["n_workers"], dask["partitions"]), dask))
    for label, res in runs:
        lines.append(
            f"| {label} | {_fmt(res['chars_per_s'])} | {_fmt(res['docs_per_s'], 1)} | "
            f"{res['chars_per_s'] / base['chars_per_s']:.2f} |"
        )
    return lines


def parse_args(argv: Iterable[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    p.add_argument("--docs", type=int, default=140, help="documents (default 140)")
    p.add_argument("--skip", type=int, default=700, help="start at this document (default 700)")
    p.add_argument("--corpus", type=Path, default=POLNEAR, help="JSONL with a 'text' field")
    p.add_argument("--rounds", type=int, default=3, help="timed rounds (default 3)")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--warmup-docs", type=int, default=20, help="documents in the warm-up round")
    p.add_argument("--nproc-rounds", type=int, default=2, help="rounds of n_process 1 vs 2")
    p.add_argument(
        "--nproc-batch-size", type=int, default=None, help="batch size of n_process 1 vs 2"
    )
    p.add_argument("--no-textacy", action="store_true", help="leave textacy out")
    p.add_argument("--no-fast", action="store_true", help="leave quoteattr's fast mode out")
    p.add_argument("--no-memory", action="store_true", help="skip the peak-memory processes")
    p.add_argument("--no-nprocess", action="store_true", help="skip n_process 1 vs 2")
    p.add_argument("--no-profile", action="store_true", help="skip the stage profile")
    p.add_argument("--no-dask", action="store_true", help="skip the local Dask cluster run")
    p.add_argument("--dask-workers", type=int, default=2, help="Dask worker processes")
    p.add_argument("--out-dir", type=Path, default=RESULTS, help="where bench-<date>.* go")
    p.add_argument("--json", type=Path, default=None, help="JSON path (default in --out-dir)")
    p.add_argument("--memory-child", default=None, help=argparse.SUPPRESS)
    return p.parse_args(None if argv is None else list(argv))


def memory_child(args: argparse.Namespace) -> None:
    """Body of a peak-memory process: load the model, run one system once, exit."""
    texts, _ = load_corpus(args.corpus, args.docs, args.skip)
    runner = make_runner(args.memory_child, args.batch_size)
    if args.memory_child != "model_only":
        runner(texts)
    print(json.dumps({"peak_rss_mb": own_peak_rss_mb()}))


def main(argv: Iterable[str] | None = None) -> dict[str, Any]:
    """Run the benchmark; print the Markdown; write the JSON and Markdown files."""
    args = parse_args(argv)
    if args.memory_child:
        memory_child(args)
        return {}
    texts, source = load_corpus(args.corpus, args.docs, args.skip)
    chars = sum(map(len, texts))
    log(f"corpus: {source}: {len(texts)} documents, {chars:,} characters")
    systems = ["bare_parse", "quoteattr"]
    if not args.no_fast and fast_supported():
        systems.append("quoteattr_fast")
    if not args.no_textacy:
        if importlib.util.find_spec("textacy") is None:
            log("textacy is not installed (pip install -e '.[bench]'; make bench does): left out")
        else:
            systems.append("textacy")
    machine = machine_info()
    runners = {name: make_runner(name, args.batch_size) for name in systems}
    results = interleaved(runners, texts, args.rounds, texts[: args.warmup_docs])
    report: dict[str, Any] = {
        "date": dt.date.today().isoformat(),
        "timestamp": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "command": command_line(argv),
        "machine": machine,
        "corpus": {"source": source, "docs": len(texts), "chars": chars},
        "batch_size": args.batch_size,
        "rounds": args.rounds,
        "warmup_docs": min(args.warmup_docs, len(texts)),
        "systems": results,
    }
    if "textacy" in results:
        results["textacy"]["failed_docs"] = textacy_failures(texts, args.batch_size)
    if not args.no_memory:
        report["memory_method"] = (
            "peak resident set size (VmHWM) of a fresh Python process that loads the model "
            "and processes the same documents once"
        )
        for name in systems:
            log(f"memory: {name}")
            results[name]["peak_rss_mb"] = peak_memory(name, args)
        report["memory_baseline"] = {"model_only": peak_memory("model_only", args)}
    if not args.no_nprocess:
        nproc_batch = args.nproc_batch_size or args.batch_size
        report["n_process"] = n_process_comparison(texts, nproc_batch, args.nproc_rounds)
    if not args.no_dask:
        log(f"Dask: quotes_frame on a LocalCluster of {args.dask_workers} worker processes")
        report["dask"] = dask_throughput(texts, args.batch_size, args.dask_workers)
    if not args.no_profile:
        from stage_profile import profile_stages

        from quoteattr import get_extractor

        log("profile of quoteattr's stages")
        report["profile"] = profile_stages(get_extractor(), texts, args.batch_size)
    report["targets"] = targets(report)
    machine["load_average_end"] = list(os.getloadavg())
    md = markdown(report)
    print(md)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    json_path = args.json or args.out_dir / f"bench-{report['date']}.json"
    json_path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    (args.out_dir / f"bench-{report['date']}.md").write_text(md, encoding="utf-8")
    log(f"wrote {json_path} and {args.out_dir / ('bench-' + report['date'] + '.md')}")
    return report


def command_line(argv: Iterable[str] | None) -> str:
    """How this run was started, for the report."""
    words = sys.argv[1:] if argv is None else list(argv)
    return " ".join([".venv/bin/python benchmarks/bench.py", *words])


def targets(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Ratios of the medians, with the issue's targets where it sets one."""
    s = report["systems"]
    out = [
        {
            "name": "quoteattr / bare parse",
            "value": s["quoteattr"]["chars_per_s"] / s["bare_parse"]["chars_per_s"],
            "target": "≥ 0.90",
            "met": s["quoteattr"]["chars_per_s"] >= 0.9 * s["bare_parse"]["chars_per_s"],
        }
    ]
    if "quoteattr_fast" in s:
        out.append(
            {
                "name": "quoteattr fast mode / bare parse",
                "value": s["quoteattr_fast"]["chars_per_s"] / s["bare_parse"]["chars_per_s"],
                "target": "",
                "met": None,
            }
        )
    if "textacy" in s:
        out.append(
            {
                "name": "quoteattr / textacy",
                "value": s["quoteattr"]["chars_per_s"] / s["textacy"]["chars_per_s"],
                "target": "",
                "met": None,
            }
        )
    if "n_process" in report:
        out.append(
            {
                "name": "quoteattr `pipe(n_process=2)` / `n_process=1`",
                "value": report["n_process"]["speedup"],
                "target": "≥ 1.6",
                "met": report["n_process"]["speedup"] >= 1.6,
            }
        )
    return out


if __name__ == "__main__":
    main()
