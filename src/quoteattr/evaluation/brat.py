"""Gold documents from brat standoff files of attribution annotations (PARC style).

brat writes one ``.ann`` file per annotated text: text-bound annotations
(``T3<TAB>Content 120 211;215 240<TAB>words``, fragments separated by ";") and events
that tie them together (``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``). Corpora
annotated this way (PolNeAR, released as ``data/<split>/attributions/*.ann`` beside
``data/<split>/text/*.txt``) become the gold JSON Lines records ``evaluate`` reads:

* one record per content, with the event's source as the speaker and its cue;
* a content in several fragments is one record where only spaces and punctuation lie
  between them, and one record per stretch otherwise ("the election, we might recall,
  was a blow-out": two records of one attribution);
* the type (direct / mixed / indirect) is judged from the quotation marks over all the
  fragments of the attribution (as ``classify_span``); a direct content loses its outer
  marks;
* a source or cue in several stretches is reported by its longest one;
* an article annotated by several people (``<article>_<annotator>.ann``) is read once,
  in the annotation of the first annotator code in sorted order.

Example:
    >>> docs = read_brat("PolNeAR/data/train")  # doctest: +SKIP
    >>> docs[0].id  # doctest: +SKIP
    'train/breitbart_2015-11-11_...#d473'
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .matching import DOUBLE_MARKS, classify_span
from .scoring import GoldDocument

__all__ = ["read_brat"]

_EVENT = "Attribution"
_ROLES = ("Content", "Source", "Cue")

Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class _AnnFile:
    path: Path
    text_path: Path
    article: str
    annotator: str


def read_brat(path: str | Path) -> list[GoldDocument]:
    """Read every annotated text under ``path`` as gold documents.

    Args:
        path: A folder of ``.ann`` files, or one holding an ``attributions`` folder of
            them; each text is the ``.txt`` of the same name (without the annotator
            suffix) beside it or in a sibling ``text`` folder.

    Returns:
        Documents sorted by article, ids ``"<folder>/<article>#<annotator>"``.

    Raises:
        ValueError: When no ``.ann`` file is found, a text is missing, or an annotation
            does not fit its text (naming the file and line).
    """
    root = Path(path)
    folder = root / "attributions" if (root / "attributions").is_dir() else root
    found = sorted(_ann_files(folder), key=lambda a: (a.article, a.annotator))
    if not found:
        raise ValueError(f"{root}: no brat .ann files here or in {root / 'attributions'}")
    split = root.parent.name if root.name == "attributions" else root.name
    docs: list[GoldDocument] = []
    seen: set[str] = set()
    for ann in found:
        if ann.article in seen:
            continue
        seen.add(ann.article)
        text = _read_text(ann.text_path)
        records = _records(text, ann.path)
        suffix = f"#{ann.annotator}" if ann.annotator else ""
        docs.append(GoldDocument(f"{split}/{ann.article}{suffix}", text, tuple(records), split))
    return docs


def _read_text(path: Path) -> str:
    """The text as brat counts its offsets: characters of the file, line ends kept."""
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def _ann_files(folder: Path) -> Iterator[_AnnFile]:
    texts = [folder, folder.parent / "text", folder / "text"]
    for ann in folder.glob("*.ann"):
        stem = ann.stem
        article, _, annotator = stem.rpartition("_")
        candidates = [(stem, "")] + ([(article, annotator)] if article else [])
        for name, who in candidates:
            match = next((d / f"{name}.txt" for d in texts if (d / f"{name}.txt").is_file()), None)
            if match is not None:
                yield _AnnFile(ann, match, name, who)
                break
        else:
            raise ValueError(
                f"{ann}: no text file {stem}.txt or {article}.txt beside it or in text/"
            )


def _records(text: str, path: Path) -> list[dict[str, Any]]:
    """The gold records of one ``.ann`` file (see the module docstring)."""
    spans: dict[str, Fragments] = {}
    events: list[dict[str, str]] = []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            spans[fields[0]] = _fragments(text, fields, path, line_no)
        elif line.startswith("E") and len(fields) >= 2:
            kind, *args = fields[1].split()
            if kind.split(":")[0] == _EVENT:
                events.append(dict(a.split(":", 1) for a in args if ":" in a))
    records: list[dict[str, Any]] = []
    for event in events:
        content = spans.get(event.get("Content", ""))
        if not content:
            continue
        qtype = _judge(text, content)
        if qtype is None:
            continue
        source = _longest(text, spans.get(event.get("Source", ""), ()))
        cue = _longest(text, spans.get(event.get("Cue", ""), ()))
        for start, end in _stretches(text, content):
            records.append(_record(text, start, end, qtype, source, cue))
    records.sort(key=lambda r: (r["start"], r["end"]))
    return records


def _fragments(text: str, fields: list[str], path: Path, line_no: int) -> Fragments:
    """The ``(start, end)`` fragments of a text-bound annotation, checked against the text."""
    _, _, offsets = fields[1].partition(" ")
    try:
        frags = tuple((int(a), int(b)) for a, b in (piece.split() for piece in offsets.split(";")))
    except ValueError as exc:
        raise ValueError(f"{path}, line {line_no}: bad offsets {offsets!r}") from exc
    written = fields[2] if len(fields) > 2 else None
    shown = " ".join(text[a:b] for a, b in frags)
    if any(not 0 <= a <= b <= len(text) for a, b in frags) or (
        written is not None and written != shown
    ):
        raise ValueError(f"{path}, line {line_no}: offsets {offsets!r} do not give {written!r}")
    return frags


def _stretches(text: str, frags: Fragments) -> list[tuple[int, int]]:
    """Fragments joined where only spaces and punctuation lie between them."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(frags):
        if out and not any(ch.isalnum() for ch in text[out[-1][1] : start]):
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _judge(text: str, frags: Fragments) -> str | None:
    """direct / mixed / indirect over all the fragments; None when none has a letter."""
    kinds = {k for a, b in frags if (k := classify_span(text, a, b)) is not None}
    if not kinds:
        return None
    return kinds.pop() if len(kinds) == 1 else "mixed"


def _longest(text: str, frags: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    stretches = _stretches(text, tuple(frags))
    return max(stretches, key=lambda s: s[1] - s[0], default=None)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _record(
    text: str,
    start: int,
    end: int,
    qtype: str,
    source: tuple[int, int] | None,
    cue: tuple[int, int] | None,
) -> dict[str, Any]:
    start, end = _trim(text, start, end)
    if qtype == "direct":
        if start < end and text[start] in DOUBLE_MARKS:
            start += 1
        if end > start and text[end - 1] in DOUBLE_MARKS:
            end -= 1
        if end - start > 2 and (text[start], text[end - 1]) == ("\u2018", "\u2019"):
            start, end = start + 1, end - 1  # a headline's single marks around it all
        start, end = _trim(text, start, end)
    record: dict[str, Any] = {"start": start, "end": end, "text": text[start:end], "type": qtype}
    for name, span in (("speaker", source), ("cue", cue)):
        s, e = _trim(text, *span) if span else (None, None)
        record[name] = text[s:e] if s is not None else None
        record[f"{name}_start"], record[f"{name}_end"] = s, e
    return record
