"""English abbreviations that a point does not end a sentence after (data only).

``ABBREVIATIONS`` are lower-case words written with a point that usually stands
inside a sentence ("Mr. Lee", "Sen. Ann Lee", "No. 10", "Acme Inc. said"),
stored without their last point ("u.s" for "U.S."). Fast mode's rule-based
sentence splitter (``stages.selection.sentence_starts``) does not end a
sentence after them. Short titles are listed here only as abbreviations: the
table of titles and honorifics is ``role_nouns``.
"""

from __future__ import annotations

__all__ = ["ABBREVIATIONS"]

# fmt: off
ABBREVIATIONS: frozenset[str] = frozenset({
    # short titles and ranks
    "capt", "col", "dr", "gen", "gov", "lt", "mr", "mrs", "ms", "prof", "rep", "rev", "sen",
    "sgt",
    # names, places and companies
    "co", "corp", "inc", "jr", "sr", "st", "u.s",
    # others
    "no", "vs",
})
# fmt: on
