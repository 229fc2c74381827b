"""The rules for one cue outside quotation marks: its content and its speaker.

Input: a ``Context``, a ``CueMatch`` outside quotation marks and the ``Found``
record of what the passes of ``attribute`` have found so far.
Output: a ``CueOutcome`` per rule (candidates by kind, and whether the later rules
are skipped), tried in the order of ``CUE_RULES``: a cue that names no source
(rule ``SOURCELESS``), a content in parts with a speaker (see ``parts``), a whole
content (see ``content``). ``from_cue`` reads a content and its speaker under the
``Conventions`` in force; ``is_cue`` tells the cues that can report at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..lexicon import Lexicon
from ..types import Candidate, CueMatch, Mention, QuoteSpan
from .content import content_span
from .context import Context
from .cues import reporters_request
from .links import quoted_complement
from .mentions import mention_for
from .parts import as_clause_parts, interjected_parts, relative_parts, sourceless_parts
from .scope import clausal, is_complementiser
from .spans import bounds, overlaps
from .speakers import speaker_head

__all__ = [
    "CUE_RULES",
    "SOURCELESS",
    "CueOutcome",
    "CueRule",
    "Found",
    "candidate_parts",
    "from_cue",
    "is_cue",
    "speaker_of",
]

#: Rule name of a content whose cue names no source ("Trump is expected to win").
SOURCELESS = "sourceless"


_Split = Callable[[Doc, CueMatch, Lexicon], list[tuple[int, int]] | None]

#: Contents in parts that have a speaker, by rule name, tried in this order.
_SPOKEN_SPLITS: tuple[tuple[str, _Split], ...] = (
    ("interjected", lambda doc, cue, _lexicon: interjected_parts(doc, cue)),
    ("relative", lambda doc, cue, _lexicon: relative_parts(doc, cue)),
    ("as_clause", as_clause_parts),
)


@dataclass(frozen=True, slots=True)
class Found:
    """What the attribution passes have found so far in one Doc (never changed in place:
    each pass returns a new ``Found``).

    Attributes:
        cues: All the cues of the Doc, sorted.
        outside: The cues outside quotation marks that can report (see ``is_cue``).
        cue_heads: Head tokens of all the cues.
        speech_heads: Head tokens of the cues of speech (not of belief or finding).
        contents: The candidate of each cue with a whole content, in cue order; a
            quotation linked to a cue without one gives it one (rule ``quote_cue``).
        parted: Contents in parts with a speaker (one candidate per part).
        sourceless: Contents whose cue names no source (rule ``SOURCELESS``).
        linked: Quotations linked to a cue that has a content elsewhere.
        unlinked: Quotations with no cue.
        cands: The attributions kept, once the cue contents are settled.
    """

    cues: tuple[CueMatch, ...]
    outside: tuple[CueMatch, ...]
    cue_heads: frozenset[int]
    speech_heads: frozenset[int]
    contents: tuple[Candidate, ...] = ()
    parted: tuple[Candidate, ...] = ()
    sourceless: tuple[Candidate, ...] = ()
    linked: tuple[Candidate, ...] = ()
    unlinked: tuple[QuoteSpan, ...] = ()
    cands: tuple[Candidate, ...] = ()


#: What a cue rule decides for one cue: candidates by kind ("sourceless", "parted" or
#: "contents"), and whether the later cue rules are skipped.
CueOutcome = tuple[str, list[Candidate], bool]


#: A cue rule: the context, a cue outside quotation marks and what was found so far.
CueRule = Callable[[Context, CueMatch, Found], CueOutcome | None]


def _sourceless_rule(ctx: Context, cue: CueMatch, found: Found) -> CueOutcome | None:
    """A cue that names no source ("Trump is expected to win"): its parts, when
    ``Conventions.sourceless``, else nothing; the cue is done either way."""
    parts = sourceless_parts(ctx.doc, cue, ctx.lexicon)
    if parts is None:
        return None
    cands = candidate_parts(ctx.doc, cue, parts, None, SOURCELESS) if ctx.conv.sourceless else []
    return "sourceless", cands, True


def _spoken_parts_rule(ctx: Context, cue: CueMatch, found: Found) -> CueOutcome | None:
    """A content in parts with a speaker, by the first split of ``_SPOKEN_SPLITS`` that
    applies: its parts but for those with a quotation, which are left to the quotation
    ('X, he said, "Y."'); final when no part was left out. Not final, with no part,
    when the cue has no speaker."""
    doc = ctx.doc
    for rule, split in _SPOKEN_SPLITS:
        parts = split(doc, cue, ctx.lexicon)
        if parts is None:
            continue
        head = speaker_of(ctx, cue, found)
        if head is None:
            return "parted", [], False
        if not ctx.conv.bare_relative:
            parts = [p for p in parts if p[1] - p[0] > 1 or doc[p[0]].tag_ not in ("WDT", "WP")]
            if not parts:
                return "parted", [], True
        cands = candidate_parts(doc, cue, parts, mention_for(doc, head, ctx.lexicon), rule)
        free = [c for c in cands if not ctx.overlaps_quote(c.start, c.end)]
        return "parted", free, len(free) == len(cands)
    return None


def _content_rule(ctx: Context, cue: CueMatch, found: Found) -> CueOutcome | None:
    """A cue with a whole content (rule ``verb_content`` or ``according_to``)."""
    cand = from_cue(ctx, cue, found)
    return ("contents", [cand], True) if cand is not None else None


#: The rules for one cue, tried in this order until one is final.
CUE_RULES: tuple[CueRule, ...] = (_sourceless_rule, _spoken_parts_rule, _content_rule)


def speaker_of(ctx: Context, cue: CueMatch, found: Found) -> Token | None:
    """The head of the speaker of ``cue`` (the one call of ``speakers.speaker_head``),
    read with the extractor's lexicon."""
    return speaker_head(ctx.doc, cue, found.cue_heads, ctx.lexicon)


def candidate_parts(
    doc: Doc, cue: CueMatch, parts: list[tuple[int, int]], mention: Mention | None, rule: str
) -> list[Candidate]:
    """One candidate per part of a content (token spans)."""
    out = []
    for start, end in parts:
        last = doc[end - 1]
        out.append(Candidate(doc[start].idx, last.idx + len(last), cue, mention, rule))
    return out


def is_cue(doc: Doc, cue: CueMatch, lexicon: Lexicon) -> bool:
    """Fixed phrases other than "according to" only extend a verb cue; a participle on
    a message ("did not respond to an email [asking] whether ...") is the request the
    reporter sent, not what the story's source said (``Lexicon.source_prepositions``
    and ``Lexicon.request_nouns``)."""
    head = doc[cue.head]
    if cue.kind == "fixed":
        return head.lower_ in lexicon.source_prepositions
    return not (
        cue.cue_class == "question" and head.tag_ == "VBG" and reporters_request(head, lexicon)
    )


def from_cue(ctx: Context, cue: CueMatch, found: Found) -> Candidate | None:
    """The content and speaker of a cue; without ``Conventions.object_contents``, only a
    clause or a content that reaches into a quotation ("called the plan "a disaster"").
    A content ends before the clause of another cue of speech (``Found.speech_heads``)."""
    doc = ctx.doc
    span = content_span(doc, cue, ctx.lexicon, found.speech_heads)
    if span is None:
        return None
    quoted = None if ctx.conv.object_contents else quoted_complement(ctx, cue, span)
    if quoted is not None:
        speaker = speaker_of(ctx, cue, found)
        by = mention_for(doc, speaker, ctx.lexicon) if speaker is not None else None
        return Candidate(quoted.start, quoted.end, cue, by, "verb_content")
    if (
        not ctx.conv.object_contents
        and cue.kind != "fixed"
        and not clausal(doc, *span, cue.cue_class, lexicon=ctx.lexicon)
        and not ctx.overlaps_quote(doc[span[0]].idx, doc[span[1] - 1].idx + 1)
    ):
        return None
    first = doc[span[0]]
    if not ctx.conv.complementiser and is_complementiser(first, lexicon=ctx.lexicon):
        span = (span[0] + 1, span[1])
    head = speaker_of(ctx, cue, found)
    mention: Mention | None = mention_for(doc, head, ctx.lexicon) if head is not None else None
    if mention is not None and overlaps((doc[span[0]].idx, doc[span[1] - 1].idx), bounds(mention)):
        mention = None  # the speaker cannot lie inside what it said
    start = doc[span[0]].idx
    last = doc[span[1] - 1]
    rule = "according_to" if cue.kind == "fixed" else "verb_content"
    return Candidate(start, last.idx + len(last), cue, mention, rule)
