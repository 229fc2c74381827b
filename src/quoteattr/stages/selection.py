"""Fast mode: choose the sentences worth parsing (pure text, no spaCy run).

Contract:
    Input: the original text and a ``Chunk`` of it (the whole text for a short one).
    Output: a ``Piece`` whose text is the selected sentences of the chunk, in
    order, with the original text between adjacent ones and a space (same
    paragraph) or a line break (new paragraph) between the others, and the
    offset map back to the original text.

A sentence is selected when it overlaps an outermost quotation span, holds a
colon ("Name: words" headlines) or holds a cue candidate: an inflected form of
a cue verb (and every word of a multi-word cue) of the lexicon's wanted
classes. The sentence just before a selected one that holds a pronoun or no cue
candidate is kept as context for the speaker rules (pronoun antecedents,
quote-only paragraphs). Sentences come from a rule-based splitter
(``sentence_starts``): end punctuation, optional closing marks, space and an
upper-case letter, digit or opening mark, except after an abbreviation of the
lexicon (``Lexicon.abbreviations``: "Mr.", "Inc.") or an initial.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Iterable, Mapping

import regex

from ..lexicon import Lexicon
from .chunking import Chunk, Piece
from .quote_spans import find_quote_spans
from .segment import paragraph_bounds

__all__ = ["CONTEXT_SENTENCES", "SentenceSelector", "cue_forms", "sentence_starts"]

#: How many sentences before a selected one are parsed with it.
CONTEXT_SENTENCES = 1

_SENT_END = regex.compile(r"""[.!?]+["”’')\]]*\s+(?=["“‘(\[]?[\p{Lu}\d])""")
_WORD = regex.compile(r"[\p{L}]+(?:['’][\p{L}]+)?")
_SKIP, _HIT, _HIT_WITH_CONTEXT = range(3)


def sentence_starts(text: str, abbreviations: Collection[str]) -> list[int]:
    """Rule-based sentence starts of a text (every paragraph start is one).

    Args:
        text: Any string.
        abbreviations: Lower-case words, without their last point, that a point does
            not end a sentence after (``Lexicon.abbreviations``).

    Returns:
        Sorted offsets where sentences begin.

    Example:
        >>> sentence_starts("Mr. Lee spoke. Then he left.\\nNew line", {"mr"})
        [0, 15, 29]
    """
    starts: list[int] = []
    for start, end in paragraph_bounds(text):
        starts.append(start)
        for match in _SENT_END.finditer(text, start, end):
            if not _abbreviation(text, start, match.start(), abbreviations):
                starts.append(match.end())
    return starts


def _abbreviation(text: str, para_start: int, dot: int, abbreviations: Collection[str]) -> bool:
    """True when the period at ``dot`` ends an abbreviation or an initial ("Mr.", "J.")."""
    if text[dot] != ".":
        return False
    k = dot
    while k > para_start and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    word = text[k:dot].lower()
    return len(word) == 1 or word in abbreviations


def cue_forms(lemmas: Iterable[str], exceptions: Mapping[str, list[str]] | None = None) -> set[str]:
    """Lower-case word forms that may realise the given lemmas.

    Args:
        lemmas: Lower-case lemmas.
        exceptions: Irregular form -> lemmas (a lemmatizer's exception table).

    Returns:
        Each lemma with regular English endings (-s, -es, -ies, -d, -ed,
        -ied, -ing, doubled consonants) and its irregular forms. Over-generation
        is harmless: the set only selects sentences to parse.

    Example:
        >>> sorted(cue_forms(["say"], {"said": ["say"]}))
        ['said', 'saied', 'saies', 'say', 'sayd', 'sayed', 'sayes', 'saying', 'says']
    """
    wanted = set(lemmas)
    forms: set[str] = set()
    for lemma in wanted:
        forms |= {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "ing", lemma + "d"}
        stem = lemma[:-1]
        if lemma.endswith("y"):
            forms |= {stem + "ies", stem + "ied"}
        if lemma.endswith("e"):
            forms.add(stem + "ing")
        if len(lemma) > 2 and lemma[-1] not in "aeiouwxy":
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    for form, targets in (exceptions or {}).items():
        if any(t in wanted for t in targets):
            forms.add(form.lower())
    return forms


class SentenceSelector:
    """Choose the sentences of a text to parse in fast mode.

    Args:
        lexicon: The cue lexicon; its ``abbreviations`` guide the sentence splitter.
        classes: Cue classes to look for (all when None).
        exceptions: Irregular verb form -> lemmas, e.g. from the pipeline's
            lemmatizer (``lemma_exc["verb"]``); irregular forms are missed without it.
        context: Sentences kept before each selected one.
        reclass: Verb lemma -> the class it has in the scope in force
            (``Conventions.reclass``), when it differs from the lexicon's.
        document_classes: Classes whose verbs are cues only after a document
            ("the audit found", ``Conventions.document_classes``): a sentence with
            such a verb is selected when it also names a document.

    Example:
        >>> sel = SentenceSelector(EN_LEXICON, exceptions={"said": ["say"]})  # doctest: +SKIP
        >>> sel.select("Rain fell. Ann said so.", Chunk(0, 0, 23)).text  # doctest: +SKIP
        'Rain fell. Ann said so.'
    """

    def __init__(
        self,
        lexicon: Lexicon,
        classes: Iterable[str] | None = None,
        *,
        exceptions: Mapping[str, list[str]] | None = None,
        context: int = CONTEXT_SENTENCES,
        reclass: Mapping[str, str] | None = None,
        document_classes: Iterable[str] = (),
    ) -> None:
        keep = frozenset(classes) if classes is not None else None
        reclass = reclass or {}

        def wanted(table: Mapping[str, str]) -> list[str]:
            return [k for k, v in table.items() if keep is None or reclass.get(k, v) in keep]

        verbs = wanted(lexicon.verbs)
        verbs += [wrong for wrong, right in lexicon.lemma_fixes.items() if right in verbs]
        self.forms = frozenset(cue_forms(verbs, exceptions))
        docs = frozenset(document_classes)
        by_docs = [k for k, v in lexicon.verbs.items() if reclass.get(k, v) in docs]
        self.document_forms = frozenset(cue_forms(by_docs, exceptions))
        self.document_nouns = frozenset(
            form for noun in lexicon.document_nouns for form in (noun, noun + "s")
        )
        #: (forms of the verb or None, forms of each other word) per multi-word cue
        phrases: list[tuple[frozenset[str] | None, list[frozenset[str]]]] = []
        for phrase in wanted(lexicon.verb_phrases):
            first, *rest = phrase.split()
            others = [frozenset({w, w + "s", w + "es"}) for w in rest]
            phrases.append((frozenset(cue_forms([first], exceptions)), others))
        for phrase in wanted(lexicon.fixed_phrases):
            phrases.append((None, [frozenset({w}) for w in phrase.split()]))
        self.phrases = phrases
        self.context = context
        self.abbreviations = lexicon.abbreviations
        self.antecedent_pronouns = lexicon.antecedent_pronouns
        self.noun_determiners = lexicon.noun_determiners
        self.quote_marks = lexicon.quote_marks

    def is_cue_sentence(self, words: set[str], verbs: set[str] | None = None) -> bool:
        """True when a sentence may hold a cue.

        Args:
            words: Its lower-case words.
            verbs: Those of them that may be verbs (not after an article or a
                possessive: "the state", "his support"); all of them when None.
        """
        verbs = words if verbs is None else verbs
        if not self.forms.isdisjoint(verbs):
            return True
        if not self.document_forms.isdisjoint(verbs) and not self.document_nouns.isdisjoint(words):
            return True
        return any(
            (verb is None or not verb.isdisjoint(verbs))
            and all(not w.isdisjoint(words) for w in others)
            for verb, others in self.phrases
        )

    def select(self, text: str, chunk: Chunk) -> Piece:
        """The piece that parses the selected sentences of ``chunk`` (context included).

        Args:
            text: The original text.
            chunk: The part of it to process.

        Returns:
            A ``Piece`` owning ``chunk.start`` to ``chunk.end``.
        """
        lo, hi = chunk.context_start, chunk.end
        sub = text[lo:hi]
        starts = sentence_starts(sub, self.abbreviations)
        bounds = _sentence_bounds(sub, starts)
        paras = [start for start, _ in paragraph_bounds(sub)]
        hits = self._hits(sub, bounds)
        keep = [hit != _SKIP for hit in hits]
        for k, hit in enumerate(hits):
            if hit == _HIT_WITH_CONTEXT:
                for j in range(max(0, k - self.context), k):
                    keep[j] = True
        parts: list[str] = []
        seg_starts: list[int] = []
        origins: list[int] = []
        length = 0
        last = -2
        for k, (start, end) in enumerate(bounds):
            if not keep[k]:
                continue
            if last == k - 1 and parts:
                piece = sub[bounds[last][1] : end]  # adjacent: copy what lies between
                parts.append(piece)
                length += len(piece)
            else:
                if parts:
                    same = bisect_right(paras, start) == bisect_right(paras, bounds[last][0])
                    joiner = " " if same else "\n"
                    parts.append(joiner)
                    length += len(joiner)
                seg_starts.append(length)
                origins.append(lo + start)
                parts.append(sub[start:end])
                length += end - start
            last = k
        if not parts:
            return Piece("", (0,), (lo,), chunk.start, chunk.end)
        return Piece("".join(parts), tuple(seg_starts), tuple(origins), chunk.start, chunk.end)

    def _hits(self, sub: str, bounds: list[tuple[int, int]]) -> list[int]:
        """For each sentence: ``_SKIP``, ``_HIT`` or ``_HIT_WITH_CONTEXT``.

        A sentence is a hit when it overlaps a quotation, holds a colon or a cue
        candidate; it needs the sentences before it when it holds a pronoun
        (an antecedent) or no cue candidate (a quote-only paragraph takes the
        previous paragraph's speaker).
        """
        found = find_quote_spans(sub, self.quote_marks)
        quotes = sorted((q.outer_start, q.outer_end) for q in found if q.depth == 0)
        hits: list[int] = []
        k = 0
        for start, end in bounds:
            while k < len(quotes) and quotes[k][1] <= start:
                k += 1
            words, verbs = _words(sub, start, end, self.noun_determiners)
            cue = self.is_cue_sentence(words, verbs)
            if cue or (k < len(quotes) and quotes[k][0] < end) or sub.find(":", start, end) >= 0:
                context = not cue or not self.antecedent_pronouns.isdisjoint(words)
                hits.append(_HIT_WITH_CONTEXT if context else _HIT)
            else:
                hits.append(_SKIP)
        return hits


def _words(
    text: str, start: int, end: int, determiners: frozenset[str]
) -> tuple[set[str], set[str]]:
    """Lower-case words of ``text[start:end]``, and those not after one of
    ``determiners`` (``Lexicon.noun_determiners``)."""
    words: set[str] = set()
    verbs: set[str] = set()
    prev = ""
    for match in _WORD.finditer(text, start, end):
        word = match.group().lower()
        words.add(word)
        if prev not in determiners:
            verbs.add(word)
        prev = word
    return words, verbs


def _sentence_bounds(text: str, starts: list[int]) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence, trailing whitespace left out."""
    bounds = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(text)
        while end > start and text[end - 1].isspace():
            end -= 1
        bounds.append((start, end))
    return bounds
