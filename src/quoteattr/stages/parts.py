"""Contents in parts: what a sentence splits, each part reported as its own quote.

Input: a parsed Doc, one verb ``CueMatch`` and the ``Lexicon`` (its raising and
activity verbs).
Output: the token spans ``(start, end)`` of the parts, in order, or None when the
cue does not report a content of that kind.

An attribution that interrupts its content ("[If X], Rubio said, [Y]",
``interjected_parts``), a relative pronoun subject ("[which] he said [was
careless]", ``relative_parts``), an "as" clause ("As the Post reported, [X]",
``as_clause_parts``), and a raising verb or an agentless passive with no source
("[Trump] is expected [to win]", ``sourceless_parts``). The tree shapes of the
first two are ``DependencyMatcher`` patterns (see ``trees``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon import Lexicon
from ..types import CueMatch
from .edges import trim, without_opener
from .trees import anchored_matches

__all__ = ["as_clause_parts", "interjected_parts", "relative_parts", "sourceless_parts"]

#: Complements of a raising verb ("seemed [to tire]", "seems [stable]", "is seen [as X]").
_RAISED_DEPS = frozenset({"xcomp", "acomp", "attr", "oprd", "ccomp"})
#: Children that give a verb a content of its own.
_OWN_CONTENT_DEPS = frozenset({"dobj", "obj", "ccomp", "xcomp", "attr", "oprd", "dative"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def sourceless_parts(doc: Doc, cue: CueMatch, lexicon: Lexicon) -> list[tuple[int, int]] | None:
    """The content of a cue that reports no source: a raising verb ("Trump seemed [to
    tire]") or the passive of a verb of belief or report with no agent ("[Trump] is
    expected [to win]"). Following PolNeAR, the subject and the complement are two
    parts of one content; an expletive subject ("It appears [that ...]") is no part.

    Args:
        doc: The parsed Doc.
        cue: A verb cue.
        lexicon: The extractor's lexicon (``raising_verbs``, ``passive_raising_verbs``,
            ``passive_complement_prepositions``).

    Returns:
        The token spans of the parts, in order; ``[]`` for a raising verb in another
        sense ("appeared on Fox News": no content at all); None when the cue is not
        one of these verbs.
    """
    verb = doc[cue.head]
    lemma = verb.lemma_.lower()
    if cue.kind != "verb":
        return None
    children = list(verb.children)
    raising = lemma in lexicon.raising_verbs
    if raising:
        subject_deps: tuple[str, ...] = ("nsubj",)
    elif lemma in lexicon.passive_raising_verbs and any(c.dep_ == "auxpass" for c in children):
        if any(c.dep_ == "agent" for c in children):
            return None
        subject_deps = ("nsubjpass",)
    else:
        return None
    complement = next(
        (c for c in children if c.i >= cue.end and _raised(c, raising, lexicon)), None
    )
    if complement is None:
        return [] if raising else None
    parts = []
    subject = next((c for c in children if c.dep_ in subject_deps and c.i < cue.start), None)
    if subject is not None and subject.lower_ not in lexicon.expletives:
        part = trim(doc, subject.left_edge.i, subject.right_edge.i + 1)
        if part is not None:
            parts.append(part)
    start = complement.left_edge.i
    if complement.dep_ == "prep":
        start = complement.i + 1  # "seen as [a moderate]", "charged with [bribery]"
    while complement.dep_ == "advcl" and start < complement.i and doc[start].dep_ == "mark":
        start += 1  # "seems as if [the plan works]"
    part = trim(doc, start, complement.right_edge.i + 1)
    if part is not None:
        parts.append(part)
    return parts


def _raised(token: Token, raising: bool, lexicon: Lexicon) -> bool:
    """True for the complement of a raising verb or of a passive of belief or report:
    a clause or predicate ("seemed [to tire]"), a preposition that introduces one
    ("seen [as] ..."), or a comparison clause of a raising verb ("seems [as if ...]").
    ``raising``: the verb is one of ``Lexicon.raising_verbs``."""
    if token.dep_ in _RAISED_DEPS:
        return True
    if token.dep_ == "prep":
        return token.lower_ in lexicon.passive_complement_prepositions and (
            not raising or token.lower_ in lexicon.raising_prepositions
        )
    return (
        raising
        and token.dep_ == "advcl"
        and any(
            c.dep_ == "mark" and c.lower_ in lexicon.raising_complementisers for c in token.children
        )
    )


def interjected_parts(doc: Doc, cue: CueMatch) -> list[tuple[int, int]] | None:
    """The two parts of a content that its attribution interrupts: 'When the
    rules change, Ortiz said, farmers must adapt' -> ['When the rules change',
    'farmers must adapt'] (PolNeAR annotates them as two records).

    Args:
        doc: The parsed Doc.
        cue: A verb cue.

    Returns:
        The token spans before and after the attribution, or None when the cue is not
        a clause set off by commas inside the clause it reports.
    """
    verb = doc[cue.head]
    matches = anchored_matches(verb, "interjected") if cue.kind == "verb" else []
    if not matches:
        return None
    head = verb.head
    subject = doc[min(m[1] for m in matches)]  # the first subject to the left
    # the commas around the attribution, attached to it or to the clause
    before, after = verb.left_edge.i, verb.right_edge.i
    before -= doc[before].text != ","
    after += doc[after].text != ","
    if subject.left_edge.i <= before or before <= head.left_edge.i or after >= head.right_edge.i:
        return None
    if doc[before].text != "," or doc[after].text != ",":
        return None
    first = trim(doc, head.left_edge.i, before)
    second = trim(doc, after + 1, head.right_edge.i + 1)
    if first is None or second is None:
        return None
    if first[1] - first[0] == 1 and doc[first[0]].pos_ not in _NOMINAL:
        return [second]  # 'Still, he said, ...': a connective is not part of what was said
    return [first, second]


def as_clause_parts(doc: Doc, cue: CueMatch, lexicon: Lexicon) -> list[tuple[int, int]] | None:
    """The content of an "as" clause that reports nothing itself: 'As the Post
    reported, he would need 55 percent' -> ['he would need 55 percent']; 'X, as Dayen
    noted' -> ['X']; in the middle of its clause, the parts before and after it.

    Args:
        doc: The parsed Doc.
        cue: A verb or verb-phrase cue ("as Lee pointed out").
        lexicon: The extractor's lexicon (``activity_verbs``).

    Returns:
        The token spans of the clause the "as" clause modifies, without it; None when
        the cue is not such a clause.
    """
    verb = doc[cue.head]
    if cue.kind not in ("verb", "verb_phrase") or verb.lemma_.lower() in lexicon.activity_verbs:
        return None
    markers = {"marker": lexicon.source_clause_markers}
    if not anchored_matches(verb, "marked_clause", markers):
        return None  # not an adverbial clause opened by "as"
    if any(c.dep_ in _OWN_CONTENT_DEPS for c in verb.rights if c.i >= cue.end):
        return None
    head = verb.head
    left, right = verb.left_edge.i, verb.right_edge.i
    while right + 1 < len(doc) and doc[right + 1].text == "," and right + 1 < head.right_edge.i:
        right += 1
    parts = [
        trim(doc, without_opener(doc, head.left_edge.i, left, lexicon.connectives), left),
        trim(doc, right + 1, head.right_edge.i + 1),
    ]
    found = [p for p in parts if p is not None and p[1] - p[0] > 1]
    return found or None


def relative_parts(doc: Doc, cue: CueMatch) -> list[tuple[int, int]] | None:
    """The two parts of a content whose subject is the relative pronoun before the
    cue: 'the law, which he believes will fail' -> ['which', 'will fail'].

    Args:
        doc: The parsed Doc.
        cue: A verb cue.

    Returns:
        The token spans of the relative pronoun and of the rest of the clause, or None
        when the cue is not a relative clause reporting a clause of this kind.
    """
    verb = doc[cue.head]
    if cue.kind != "verb" or verb.dep_ != "relcl":
        return None
    clause = next((c for c in verb.rights if c.dep_ == "ccomp"), None)
    if clause is None:
        return _object_relative(doc, verb, cue)
    pronoun = clause.left_edge
    if pronoun.i >= cue.start or pronoun.tag_ not in ("WDT", "WP") or pronoun.head != clause:
        return None
    rest = trim(doc, cue.end, clause.right_edge.i + 1)
    if rest is None or any(t.i < cue.end and t.i != pronoun.i for t in clause.subtree):
        return None
    return [(pronoun.i, pronoun.i + 1), rest]


def _object_relative(doc: Doc, verb: Token, cue: CueMatch) -> list[tuple[int, int]] | None:
    """'allegations, which he has denied' -> ['which']: a relative clause whose cue has
    a subject and nothing reported after it reports its relative pronoun (the noun
    it stands for, with no pronoun, proved too often not what was reported)."""
    if not any(
        c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP") for c in verb.lefts
    ):
        return None
    if any(c.dep_ in _OWN_CONTENT_DEPS for c in verb.rights if c.i >= cue.end):
        return None
    pronoun = next(
        (c for c in verb.lefts if c.dep_ in ("dobj", "pobj") and c.tag_ in ("WDT", "WP")), None
    )
    return [(pronoun.i, pronoun.i + 1)] if pronoun is not None else None
