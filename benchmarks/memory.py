"""Peak resident memory against input size, layout and entry point.

Usage: python benchmarks/memory.py [--sizes 100000,500000,2000000]
       [--layouts paragraphs,one-line] [--paths cli,pipe,function] [--json]

The input is the example articles (``examples/*.txt``) repeated up to the size:
``paragraphs`` keeps their line breaks, ``one-line`` joins everything into one line.
Each measurement runs in a fresh process, so the peak resident set size
(``resource.getrusage``, ``ru_maxrss``) and the CPU time (robust on a shared machine,
unlike the wall time; model loading included) are its own:

- ``cli``: ``quoteattr extract FILE -o OUT.jsonl --quiet`` (in-process ``main``);
- ``pipe``: ``QuoteExtractor.pipe([text])``;
- ``function``: ``extract_quotes(text)``.

``baseline`` is a process that only loads the pipeline and extracts from one short
text, the floor of every figure.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_text(size: int, layout: str) -> str:
    """The example articles repeated to ``size`` characters, in ``layout``."""
    files = sorted((ROOT / "examples").glob("*.txt"))
    article = "\n\n".join(p.read_text(encoding="utf-8").strip() for p in files)
    text = "\n\n".join([article] * (size // (len(article) + 2) + 1))[:size]
    if layout == "one-line":
        text = " ".join(text.split())
    return text


def child(path: str, layout: str, size: int) -> dict[str, object]:
    """Run one measurement in this process and return its figures."""
    from quoteattr import QuoteExtractor, extract_quotes

    start = time.perf_counter()
    if path == "baseline":
        quotes = len(extract_quotes('"No," Ann Lee said.'))
        size = 0
    else:
        text = make_text(size, layout)
        if path == "function":
            quotes = len(extract_quotes(text))
        elif path == "pipe":
            quotes = sum(len(q) for q in QuoteExtractor().pipe([text]))
        else:
            from quoteattr.cli import main

            with tempfile.TemporaryDirectory() as tmp:
                src = Path(tmp, "input.txt")
                src.write_text(text, encoding="utf-8")
                out = Path(tmp, "out.jsonl")
                code = main(["extract", str(src), "-o", str(out), "--quiet"])
                assert code == 0, code
                quotes = sum(1 for _ in out.open(encoding="utf-8"))
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak = usage.ru_maxrss / 1024
    return {
        "path": path,
        "layout": layout,
        "chars": size,
        "quotes": quotes,
        "seconds": round(seconds, 1),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1),
        "peak_rss_mb": round(peak),
    }


def measure(path: str, layout: str, size: int) -> dict[str, object]:
    """One measurement in a fresh process."""
    cmd = [sys.executable, __file__, "--child", path, layout, str(size)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    result: dict[str, object] = json.loads(out.strip().splitlines()[-1])
    return result


def main() -> None:
    """Parse the options, run the measurements and print one line (or JSON) each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,500000,2000000")
    parser.add_argument("--layouts", default="paragraphs,one-line")
    parser.add_argument("--paths", default="cli,pipe,function")
    parser.add_argument("--json", action="store_true", help="print one JSON object a line")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        path, layout, size = args.child
        print(json.dumps(child(path, layout, int(size))))
        return
    runs = [("baseline", "-", 0)]
    for size in (int(s) for s in args.sizes.split(",")):
        for layout in args.layouts.split(","):
            runs += [(path, layout, size) for path in args.paths.split(",")]
    for path, layout, size in runs:
        result = measure(path, layout, size)
        if args.json:
            print(json.dumps(result), flush=True)
        else:
            print(
                f"{path:9} {layout:10} {size:>9,} chars  peak {result['peak_rss_mb']:>5} MB  "
                f"{result['seconds']:>6} s (CPU {result['cpu_seconds']:>6} s)  "
                f"{result['quotes']} quotes",
                flush=True,
            )


if __name__ == "__main__":
    main()
