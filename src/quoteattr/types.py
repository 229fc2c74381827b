"""Internal records passed between stages (never returned to users).

They are frozen dataclasses with character offsets into the original text,
or token indexes into the spaCy Doc where noted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Candidate", "CueKind", "CueMatch", "Mention", "MentionKind", "QuoteSpan"]

#: Which lexicon table a cue matched: ``verbs``, ``verb_phrases`` or ``fixed_phrases``.
CueKind = Literal["verb", "verb_phrase", "fixed"]
#: How a mention names its speaker: a proper name, a description, a pronoun or a
#: relative pronoun.
MentionKind = Literal["name", "noun", "pronoun", "relative"]


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A stretch of text between quotation marks.

    Attributes:
        start: Offset of the first content character (after the opening mark).
        end: Offset just past the last content character (before the closing mark).
        open_mark: Offset of the opening mark, or None when the span has none
            (a closing mark with no opener: the span starts at its paragraph).
        close_mark: Offset of the closing mark, or None when it was never closed
            (the span then ends at the end of its paragraph).
        depth: 0 for an outermost quotation, 1 for a quotation inside it, ...
        paragraph: Index of the paragraph where the span starts.
    """

    start: int
    end: int
    open_mark: int | None
    close_mark: int | None
    depth: int
    paragraph: int

    @property
    def balanced(self) -> bool:
        """True when both marks were found."""
        return self.open_mark is not None and self.close_mark is not None

    @property
    def outer_start(self) -> int:
        """Start including the opening mark."""
        return self.start if self.open_mark is None else self.open_mark

    @property
    def outer_end(self) -> int:
        """End including the closing mark."""
        return self.end if self.close_mark is None else self.close_mark + 1


@dataclass(frozen=True, slots=True)
class CueMatch:
    """A speech cue found in the Doc.

    Attributes:
        start: Index of the first token of the cue.
        end: Index just past the last token of the cue.
        head: Index of the token that governs the cue syntactically (the verb
            for "said", "called on"; "according" for "according to").
        lemma: The lexicon entry that matched.
        cue_class: Value of a ``CueClass`` ("statement", "denial", ...).
        kind: "verb", "verb_phrase" or "fixed" (which lexicon table matched).
        neutral: A plain reporting cue ("say", "according to"; see
            ``Lexicon.neutral_cues``), the most reliable kind.
    """

    start: int
    end: int
    head: int
    lemma: str
    cue_class: str
    kind: CueKind
    neutral: bool = False


@dataclass(frozen=True, slots=True)
class Mention:
    """A noun phrase that can be a speaker.

    Attributes:
        start: Character offset of the first character.
        end: Character offset just past the last character.
        head: Token index of the syntactic head.
        kind: "name" (a proper name or named entity), "pronoun", "relative"
            (who, which) or "noun" (a description: "a campaign spokeswoman").
        label: The named-entity label covering the head ("PERSON", "ORG", ...), or "".
    """

    start: int
    end: int
    head: int
    kind: MentionKind
    label: str


@dataclass(frozen=True, slots=True)
class Candidate:
    """An attribution found in the Doc, before speakers are resolved and merged.

    Frozen like the other records: coreference (``stages.coref.resolve_speakers``)
    returns copies with ``name``, ``label`` and ``antecedent`` set
    (``dataclasses.replace``), so a candidate that a rule returned never changes.

    Attributes:
        start: Character offset of the content.
        end: Character offset just past the content.
        cue: The cue, or None (a quotation carried from an adjacent paragraph).
        mention: The speaker mention as written, or None.
        rule: Name of the rule that produced the candidate.
        name: Canonical speaker name, filled by coreference and merging.
        label: Entity label of the resolved speaker ("PERSON", "ORG", ...).
        antecedent: Token index of the named antecedent of a pronoun mention.
    """

    start: int
    end: int
    cue: CueMatch | None
    mention: Mention | None
    rule: str
    name: str | None = None
    label: str = ""
    antecedent: int | None = None
