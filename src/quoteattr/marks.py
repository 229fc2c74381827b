"""``QuoteMarks``: the quotation-mark classes of one language, checked when built.

The data (which characters open, close or go either way, which closers each
opener accepts) lives in the language modules (``quoteattr.lang.en.quote_marks``)
and reaches the pairer (``stages.quote_spans``) through ``Lexicon.quote_marks``, so
a custom lexicon can change it. This module holds the container, its invariants
and its JSON form.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any

from .errors import Errors

__all__ = ["QuoteMarks"]

#: The set-valued fields, in JSON order.
_SETS = (
    "openers",
    "closers",
    "ambiguous",
    "double",
    "single",
    "apostrophes",
    "continuation_openers",
    "leading_elisions",
)


def _no_pairs() -> Mapping[str, frozenset[str]]:
    return MappingProxyType({})


@dataclass(frozen=True)
class QuoteMarks:
    """Which characters quote, and how they pair; validated on construction.

    A mark is one character, except ``doubled_apostrophe``: two straight apostrophes
    some news archives write for a double quotation mark. Every field is empty by
    default: marks that nothing lists quote nothing.

    Args:
        openers: Marks that open a quotation ("“", "«").
        closers: Marks that close one ("”", "»"); a glyph may both open and close
            ("“" closes "„").
        ambiguous: Undirected marks whose role the context decides ('"', "'").
        double: Double-level marks (the outer quotation in American English).
        single: Single-level marks (nested quotations, British style).
        apostrophes: Single marks that also write an apostrophe ("'", "’").
        doubled_apostrophe: Two characters written for one double mark ("''"), or "".
        pairs: Opener -> the closers it accepts; keys and closers may include
            ``doubled_apostrophe``.
        continuation_openers: Double marks (``doubled_apostrophe`` included) that, at
            the start of a paragraph, carry on a quotation left open at the end of the
            paragraph before.
        leading_elisions: Lower-case words written with an apostrophe for dropped
            letters ("em" of "'em"): a mark right before one is no opener.

    Raises:
        ValueError: When an entry is malformed; the message lists every bad entry.

    Example:
        >>> marks = QuoteMarks(openers={"“"}, closers={"”"}, double={"“", "”"},
        ...                    pairs={"“": {"”"}})
        >>> sorted(marks.marks), sorted(marks.pairs["“"])
        (['“', '”'], ['”'])
        >>> QuoteMarks.from_data(marks.to_data()) == marks
        True
    """

    openers: frozenset[str] = frozenset()
    closers: frozenset[str] = frozenset()
    ambiguous: frozenset[str] = frozenset()
    double: frozenset[str] = frozenset()
    single: frozenset[str] = frozenset()
    apostrophes: frozenset[str] = frozenset()
    doubled_apostrophe: str = ""
    pairs: Mapping[str, frozenset[str]] = field(default_factory=_no_pairs)
    continuation_openers: frozenset[str] = frozenset()
    leading_elisions: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        for name in _SETS:
            object.__setattr__(self, name, frozenset(getattr(self, name)))
        pairs = {k: frozenset(v) for k, v in dict(self.pairs).items()}
        object.__setattr__(self, "pairs", MappingProxyType(pairs))
        problems = self._problems()
        if problems:
            raise ValueError(Errors.E049.format(problems="\n  - ".join(problems)))

    def __hash__(self) -> int:
        pairs = tuple(sorted((k, tuple(sorted(v))) for k, v in self.pairs.items()))
        return hash((self.marks, pairs))

    @property
    def marks(self) -> frozenset[str]:
        """Every one-character quotation mark (double and single)."""
        return self.double | self.single

    def _problems(self) -> list[str]:
        """Every broken invariant, one message per bad entry."""
        doubled = self.doubled_apostrophe
        problems = [
            f"{name}: {m!r} is not one character"
            for name in _SETS
            if name != "leading_elisions"
            for m in getattr(self, name)
            if (not isinstance(m, str) or len(m) != 1)
            and not (name == "continuation_openers" and m == doubled)
        ]
        problems += [
            f"leading_elisions: {w!r} is not a lower-case word"
            for w in self.leading_elisions
            if not (isinstance(w, str) and w.isalpha() and w.islower())
        ]
        if doubled and (len(doubled) != 2 or doubled[0] != doubled[1]):
            problems.append(f"doubled_apostrophe: {doubled!r} is not one character twice")
        problems += [f"double and single: {m!r} is both" for m in self.double & self.single]
        marks = self.marks
        for name in ("openers", "closers", "ambiguous", "apostrophes", "continuation_openers"):
            problems += [
                f"{name}: {m!r} is neither double nor single"
                for m in getattr(self, name)
                if m not in marks and not (name == "continuation_openers" and m == doubled)
            ]
        problems += [f"apostrophes: {m!r} is not single" for m in self.apostrophes - self.single]
        extra = frozenset({doubled}) if doubled else frozenset()
        can_open = self.openers | self.ambiguous | self.closers | extra
        can_close = self.closers | self.ambiguous | extra
        problems += [f"pairs: {k!r} cannot open" for k in self.pairs if k not in can_open]
        problems += [
            f"pairs: {k!r} -> {c!r} cannot close"
            for k, closers in self.pairs.items()
            for c in closers
            if c not in can_close
        ]
        return sorted(problems)

    def to_data(self) -> dict[str, Any]:
        """A JSON-ready dict with sorted lists (stable across runs)."""
        data: dict[str, Any] = {name: sorted(getattr(self, name)) for name in _SETS}
        data["doubled_apostrophe"] = self.doubled_apostrophe
        data["pairs"] = {k: sorted(v) for k, v in sorted(self.pairs.items())}
        return data

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> QuoteMarks:
        """Build from the output of :meth:`to_data`; missing fields are empty.

        Raises:
            ValueError: When ``data`` has unknown fields or invalid entries.
        """
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(Errors.E049.format(problems=f"unknown fields {unknown}"))
        values: dict[str, Any] = dict(data)
        for name in _SETS:
            if name in values:
                values[name] = frozenset(values[name])
        return cls(**values)
