"""Find speech cues in a parsed Doc.

Input: a Doc with lemmas and POS tags, a ``Lexicon``, the cue classes to keep and
the verbs whose class the scope reads otherwise (``Conventions.reclass``).
Output: ``CueMatch`` records, sorted by token start, never overlapping (a
multi-word cue wins over the single verb it contains).

Three tables of the lexicon are matched: single verbs by lemma (the token
must be tagged VERB), verb phrases by lemma sequence ("call on", "go on to
say") and fixed phrases by lower-cased text ("according to", "in a statement").
A verb of a class left out (a finding, in the "speech" scope) is still a cue
when its class is one of ``document_classes`` and its subject is a document
("the audit found that ...", "a study shows that ..."): a document reports
what its authors wrote, as a statement does.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ..lexicon import Lexicon
from ..types import CueMatch

__all__ = ["CueFinder", "reporters_request"]

_VERB_POS = frozenset({"VERB"})


class CueFinder:
    """Compiled matchers for one lexicon and vocabulary.

    Example:
        >>> finder = CueFinder(nlp.vocab, EN_LEXICON)  # doctest: +SKIP
        >>> [c.lemma for c in finder(nlp("She said no."))]  # doctest: +SKIP
        ['say']
    """

    def __init__(
        self,
        vocab: Vocab,
        lexicon: Lexicon,
        classes: Iterable[str] | None = None,
        reclass: Mapping[str, str] | None = None,
        *,
        document_classes: Iterable[str] = (),
    ) -> None:
        keep = frozenset(classes) if classes is not None else None
        reclass = reclass or {}

        def wanted(cls: str) -> bool:
            return keep is None or cls in keep

        verbs = {k: reclass.get(k, v) for k, v in lexicon.verbs.items()}
        self._verbs = {k: v for k, v in verbs.items() if wanted(v)}
        docs = frozenset(document_classes)
        self._document_verbs = {
            k: v for k, v in verbs.items() if v in docs and k not in self._verbs
        }
        self._document_nouns = lexicon.document_nouns
        self._complementisers = lexicon.complementisers
        self._fixes = dict(lexicon.lemma_fixes)
        self._phrases = {k: v for k, v in lexicon.verb_phrases.items() if wanted(v)}
        self._fixed = {k: v for k, v in lexicon.fixed_phrases.items() if wanted(v)}
        self._neutral_cues = lexicon.neutral_cues
        #: first words that head their fixed phrase ("according to X", "citing X")
        self._source_heads = lexicon.source_prepositions | lexicon.source_participles
        self._matcher = Matcher(vocab)
        for phrase in self._phrases:
            words = phrase.split()
            pattern: list[dict[str, object]] = [{"LEMMA": words[0], "POS": "VERB"}]
            pattern += [{"LEMMA": w} for w in words[1:]]
            self._matcher.add(phrase, [pattern])
        self._phrase_matcher = PhraseMatcher(vocab, attr="LOWER")
        for phrase in self._fixed:
            self._phrase_matcher.add(phrase, [Doc(vocab, words=phrase.split())])

    def _neutral(self, lemma: str) -> bool:
        """True for a plain reporting cue, or a verb phrase headed by one ("tell reporter")."""
        return lemma in self._neutral_cues or lemma.split(" ", 1)[0] in self._neutral_cues

    def _by_document(self, verb: Token) -> bool:
        """True when the subject of ``verb`` is a document ("the audit [found]"), also
        when the parser read the verb with a that-clause as a reduced relative on the
        document ("an analysis [calculated] that X")."""
        nouns = self._document_nouns
        if any(c.dep_ == "nsubj" and c.lemma_.lower() in nouns for c in verb.children):
            return True
        return (
            verb.dep_ == "acl"
            and verb.tag_ == "VBD"  # finite: no participle ("the figure calculated that way")
            and verb.head.dep_ == "ROOT"  # the sentence has no verb but this one
            and verb.head.lemma_.lower() in nouns
            and any(
                c.dep_ == "ccomp" and any(m.lower_ in self._complementisers for m in c.lefts)
                for c in verb.children
            )
        )

    def __call__(self, doc: Doc) -> list[CueMatch]:
        """Return the cues of ``doc``, sorted, without overlaps."""
        found: list[CueMatch] = []
        fixes = self._fixes
        for token in doc:
            if token.pos_ in _VERB_POS:
                lemma = token.lemma_.lower()
                lemma = fixes.get(lemma, lemma)
                cls = self._verbs.get(lemma)
                if cls is None and lemma in self._document_verbs and self._by_document(token):
                    cls = self._document_verbs[lemma]
                if cls is not None:
                    found.append(
                        CueMatch(
                            token.i, token.i + 1, token.i, lemma, cls, "verb", self._neutral(lemma)
                        )
                    )
        strings = doc.vocab.strings
        if self._phrases:
            for match_id, start, end in self._matcher(doc):
                key = strings[match_id]
                cls = self._phrases[key]
                found.append(
                    CueMatch(start, end, start, key, cls, "verb_phrase", self._neutral(key))
                )
        if self._fixed:
            for match_id, start, end in self._phrase_matcher(doc):
                key = strings[match_id]
                first = doc[start]
                head = start if first.lower_ in self._source_heads else first.head.i
                cls = self._fixed[key]
                found.append(CueMatch(start, end, head, key, cls, "fixed", self._neutral(key)))
        return _without_overlaps(found)


def _without_overlaps(cues: list[CueMatch]) -> list[CueMatch]:
    """Keep the longest cue where cues overlap (earliest first on ties)."""
    cues.sort(key=lambda c: (-(c.end - c.start), c.start))
    taken: set[int] = set()
    kept: list[CueMatch] = []
    for cue in cues:
        span = range(cue.start, cue.end)
        if any(i in taken for i in span):
            continue
        taken.update(span)
        kept.append(cue)
    kept.sort(key=lambda c: c.start)
    return kept


def reporters_request(verb: Token, lexicon: Lexicon) -> bool:
    """True when a message noun of ``Lexicon.request_nouns`` ("an email", "messages
    Thursday by the AP") comes before ``verb`` with no other verb between them, within
    five tokens: a question put just after one is the reporter's."""
    doc = verb.doc
    for i in range(verb.i - 1, max(verb.sent.start, verb.i - 6) - 1, -1):
        token = doc[i]
        if token.lemma_.lower() in lexicon.request_nouns and token.pos_ == "NOUN":
            return True
        if token.pos_ in ("VERB", "AUX"):
            return False
    return False
