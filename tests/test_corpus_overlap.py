"""No corpus text in the project: no run of 8 words shared with a research corpus.

The article texts of PolNeAR and of the journalistic-sourcing benchmark belong to their
publishers. This test reads every research corpus in ``../shared/eval`` (never copied)
and fails when any file under ``src/``,
``tests/``, ``examples/``, ``docs/`` or the README shares a run of ``RUN`` or more
consecutive words with one of its texts. It prints the file and the shared words, never
the article. It skips, saying why, when the corpus is not beside the repository.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import regex

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
#: Every corpus of others' articles; the seed article's gold is the project's own.
CORPORA = ("polnear_train.jsonl", "sourcing_dev.jsonl")
RUN = 8
SCANNED = ("src", "tests", "examples", "docs")
SUFFIXES = {".py", ".md", ".txt", ".jsonl", ".json", ".html", ".csv", ".toml", ".cfg"}
_WORD = regex.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _runs(words: list[str], n: int = RUN) -> Iterator[tuple[int, tuple[str, ...]]]:
    for i in range(len(words) - n + 1):
        yield i, tuple(words[i : i + n])


def _project_files(root: Path) -> list[Path]:
    files = [root / "README.md"]
    for folder in SCANNED:
        files.extend(p for p in sorted((root / folder).rglob("*")) if p.is_file())
    return [
        f for f in files if f.exists() and f.suffix in SUFFIXES and "__pycache__" not in f.parts
    ]


def shared_runs(corpus_texts: list[str], files: list[Path], root: Path) -> dict[str, list[str]]:
    """The runs of ``RUN`` words each file shares with the corpus.

    Args:
        corpus_texts: The texts to keep out of the project.
        files: The project files to scan.
        root: The folder the reported paths are relative to.

    Returns:
        The relative path of each file with shared runs, mapped to the first words of
        each run (a run continuing the previous one is not reported again).
    """
    seen = {run for text in corpus_texts for _, run in _runs(_words(text))}
    found: dict[str, list[str]] = {}
    for path in files:
        try:
            words = _words(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, OSError):
            continue
        hits = [i for i, run in _runs(words) if run in seen]
        starts = [i for k, i in enumerate(hits) if k == 0 or i != hits[k - 1] + 1]
        if starts:
            found[str(path.relative_to(root))] = [" ".join(words[i : i + RUN]) for i in starts]
    return found


def test_corpus_overlap_finds_a_shared_run(tmp_path: Path) -> None:
    corpus = ["The quick brown fox jumps over the lazy dog near the river bank today."]
    (tmp_path / "tests").mkdir()
    copied = tmp_path / "tests" / "test_x.py"
    copied.write_text('TEXT = "a fox jumps over the lazy dog near the river bank"\n')
    clean = tmp_path / "README.md"
    clean.write_text("The quick brown fox is a typing exercise.\n")
    found = shared_runs(corpus, [clean, copied], tmp_path)
    assert found == {
        "tests/test_x.py": ["fox jumps over the lazy dog near the"],
    }


@pytest.mark.parametrize("corpus", CORPORA)
def test_corpus_overlap_no_corpus_text_in_the_project(corpus: str) -> None:
    path = EVAL / corpus
    if not path.exists():
        pytest.skip(f"{corpus} not found at {path}: corpus overlap not checked")
    with path.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines if line.strip()]
    found = shared_runs(texts, _project_files(ROOT), ROOT)
    report = "\n".join(f"{path}: {'; '.join(runs)}" for path, runs in found.items())
    assert not found, f"runs of {RUN}+ words shared with {corpus}:\n{report}"
