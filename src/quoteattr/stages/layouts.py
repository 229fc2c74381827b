"""Attributions that the layout of a text makes, not its grammar.

Input: a parsed Doc, its text, its depth-0 speech-like ``QuoteSpan`` list that
no attribution covers yet (``dash_names``, ``headline_names``,
``quote_headlines``) or its paragraphs (``transcript_lines``), and the
``Lexicon`` (role nouns, line labels).
Output: ``Candidate`` records, rule names ``dash_name``, ``colon_name`` and
``transcript``.

* A pull quote signed with a dash: ``"Democracy dies in darkness." — Jane
  Smith, executive editor``.
* Headlines: ``Starmer: 'We will fix the NHS'`` (a short name, a colon and a
  quotation filling the line) and ``'We will not back down': PM defiant over
  tax rise`` (a quotation, a colon and a short description whose subject is a
  name or a title). A headline whose subject is neither gives nothing.
* Transcripts: paragraphs that open with a speaker's name in capitals and a
  colon (``HOLT: ...`` / ``MARKS: ...``), at least two of them with different
  names.
* Interviews: ``Q:`` / ``A:`` paragraphs; the answers are the words of the last
  person named before the first question who is not the one asking (the object of
  "spoke to", "talked with": "She spoke to our arts editor, Dan Roe"); none named:
  nothing. The questions are the interviewer's, and are not reported.
"""

from __future__ import annotations

from dataclasses import replace

import regex
from spacy.tokens import Doc, Token

from ..lexicon import Lexicon
from ..types import Candidate, QuoteSpan
from .doc_memo import ents_of
from .mentions import entity_span, mention_for
from .names import corrected_is_person, surnames_of

__all__ = [
    "WEB_ADDRESS",
    "dash_names",
    "headline_names",
    "interview_answers",
    "is_line_label",
    "quote_headlines",
    "transcript_lines",
]

_NAME_LABELS = frozenset({"PERSON", "ORG"})
_DASH = regex.compile(r"[ \t\xa0]*(?:—|–|--?)[ \t\xa0]*")
_MAX_NAME_WORDS = 4
_MAX_DESCRIPTION_WORDS = 12
#: A web address: what follows "URL:" or "Link:" in a page's metadata, never speech.
WEB_ADDRESS = regex.compile(r"(?i)https?://|www\.")
_TRANSCRIPT = regex.compile(r"([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2}):[ \t]+(?=\S)")
_END_MARKS = ".!?"
_QA = regex.compile(r"([QA])[:.][ \t]+(?=\S)")


def dash_names(doc: Doc, text: str, quotes: list[QuoteSpan], lexicon: Lexicon) -> list[Candidate]:
    """A quotation followed by a dash and a person's or organisation's name: the name
    (its first two words may be a title: "Dr.") is the speaker."""
    out = []
    for quote in quotes:
        if quote.close_mark is None:
            continue
        dash = _DASH.match(text, quote.outer_end)
        if dash is None or "\n" in dash.group():
            continue
        span = doc.char_span(dash.end(), min(len(text), dash.end() + 80), alignment_mode="expand")
        if span is None:
            continue
        head = next(
            (t for t in span[:3] if t.ent_type_ in _NAME_LABELS and t.ent_iob_ == "B"), None
        )
        ent = entity_span(head) if head is not None else None
        if ent is None:
            continue
        mention = mention_for(doc, ent.root, lexicon)
        out.append(Candidate(quote.start, quote.end, None, mention, "dash_name"))
    return out


def headline_names(
    doc: Doc,
    text: str,
    quotes: list[QuoteSpan],
    paragraphs: list[tuple[int, int]],
    lexicon: Lexicon,
) -> list[Candidate]:
    """``Name: 'quotation'`` as the whole line: up to four capitalised words, none a
    label of ``lexicon.line_labels`` ("Breaking"), a colon, and a quotation that ends
    the line."""
    out = []
    for p_start, p_end in paragraphs:
        quote = next((q for q in quotes if p_start < q.outer_start < p_end), None)
        if quote is None or text[quote.outer_end : p_end].strip(" \t.!?"):
            continue
        before = text[p_start : quote.outer_start].rstrip()
        if not before.endswith(":"):
            continue
        words = before[:-1].split()
        if not 0 < len(words) <= _MAX_NAME_WORDS or any(
            not w[:1].isupper() or w.lower().strip(".") in lexicon.line_labels for w in words
        ):
            continue
        span = doc.char_span(p_start, p_start + len(before) - 1, alignment_mode="contract")
        if span is None or not len(span) or any(t.pos_ in ("VERB", "AUX") for t in span):
            continue
        mention = mention_for(doc, span[-1], lexicon)
        out.append(Candidate(quote.start, quote.end, None, mention, "colon_name"))
    return out


def quote_headlines(
    doc: Doc,
    text: str,
    quotes: list[QuoteSpan],
    paragraphs: list[tuple[int, int]],
    lexicon: Lexicon,
) -> list[Candidate]:
    """``'quotation': description`` as the whole line, with no end mark after the
    description: the description's subject, when it is a name or a title (a role noun
    of ``lexicon``), is the speaker."""
    out = []
    for p_start, p_end in paragraphs:
        quote = next((q for q in quotes if q.outer_start == p_start), None)
        if quote is None or quote.close_mark is None:
            continue
        rest = text[quote.outer_end : p_end]
        if not rest.startswith(":") or rest.rstrip()[-1:] in _END_MARKS:
            continue
        if not 0 < len(rest[1:].split()) <= _MAX_DESCRIPTION_WORDS:
            continue
        span = doc.char_span(quote.outer_end + 1, p_end, alignment_mode="contract")
        if span is None or not len(span):
            continue
        head = _subject(span.root)
        if head is None or not _names_someone(head, lexicon):
            continue
        out.append(
            Candidate(quote.start, quote.end, None, mention_for(doc, head, lexicon), "colon_name")
        )
    return out


def transcript_lines(
    doc: Doc,
    text: str,
    paragraphs: list[tuple[int, int]],
    taken: list[Candidate],
    lexicon: Lexicon,
) -> list[Candidate]:
    """Paragraphs of a transcript, ``NAME: words``, when at least two names do so (a
    label of ``lexicon.line_labels``, "BREAKING:", is no name)."""
    lines = []
    for p_start, p_end in paragraphs:
        match = _TRANSCRIPT.match(text, p_start, p_end)
        if match is None or is_line_label(match.group(1), lexicon):
            continue
        if WEB_ADDRESS.match(text, match.end()):
            continue  # "URL: https://...": a page's metadata, not a line said
        if any(p_start <= c.start < p_end for c in taken):
            continue
        lines.append((match, p_end))
    if len({m.group(1) for m, _ in lines}) < 2:
        return []
    out = []
    for match, p_end in lines:
        end = _rstrip(text, match.end(), p_end)
        name = doc.char_span(match.start(1), match.end(1), alignment_mode="contract")
        if name is None or not len(name) or end <= match.end():
            continue
        mention = mention_for(doc, name[-1], lexicon)
        if mention.kind == "noun" and not _common_label(name[-1], lexicon):
            # "DALY:": a surname in capitals the tagger took for a common noun
            mention = replace(mention, kind="name")
        out.append(Candidate(match.end(), end, None, mention, "transcript"))
    return out


def is_line_label(label: str, lexicon: Lexicon) -> bool:
    """True for a label of ``lexicon.line_labels`` ("Breaking", "URL"), or one in
    capitals that opens with such a word of two letters or more ("ALSO SEE", "READ
    MORE"; not "A BETTER CITY")."""
    words = label.lower().split()
    if not words:
        return False
    if " ".join(words) in lexicon.line_labels:
        return True
    first = words[0]
    return label.isupper() and len(first) > 1 and first in lexicon.line_labels


def _rstrip(text: str, start: int, end: int) -> int:
    """``end`` moved back over the whitespace before it, not before ``start``."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _subject(root: Token) -> Token | None:
    """The subject of a headline's root, or the root when it is itself a noun."""
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None:
        return subject
    return root if root.pos_ in ("PROPN", "NOUN") else None


def _common_label(token: Token, lexicon: Lexicon) -> bool:
    """A transcript label that is a description, not a name ("PRESENTER", "CALLER",
    "PROTESTERS"): a role, person or group noun of ``lexicon``."""
    words = (token.lower_, token.lemma_.lower())
    return any(
        w in lexicon.role_nouns or w in lexicon.person_nouns or w in lexicon.group_nouns
        for w in words
    )


def _names_someone(token: Token, lexicon: Lexicon) -> bool:
    """A name, a title ("minister", a role noun) or a short capitalised title ("PM")."""
    if token.ent_type_ in _NAME_LABELS or token.pos_ == "PROPN":
        return True
    return token.lower_ in lexicon.role_nouns or (token.is_upper and 2 <= len(token.text) <= 4)


def _interviewer(token: Token, lexicon: Lexicon) -> bool:
    """A person the introduction names as the one asking: the object of "spoke to",
    "talked with" (``Lexicon.addressee_prepositions``), "told" ("She spoke to our arts
    editor, Dan Roe"), or in apposition to such an object."""
    if token.dep_ == "appos":
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ in lexicon.addressee_prepositions:
        return token.head.head.pos_ == "VERB"
    return token.dep_ == "dobj" and token.head.pos_ == "VERB"


def interview_answers(
    doc: Doc,
    text: str,
    paragraphs: list[tuple[int, int]],
    taken: list[Candidate],
    lexicon: Lexicon,
) -> list[Candidate]:
    """The ``A:`` paragraphs of an interview, as words of the last person named before
    its first ``Q:`` paragraph."""
    marked = [(m, p_end) for p_start, p_end in paragraphs if (m := _QA.match(text, p_start, p_end))]
    first_q = next((m.start() for m, _ in marked if m.group(1) == "Q"), None)
    if first_q is None:
        return []
    surnames = surnames_of(doc)
    named = [
        e
        for e in ents_of(doc)
        if e.end_char <= first_q
        and (
            e.label_ == "PERSON"
            or (e.label_ in ("ORG", "GPE") and corrected_is_person(doc, e, lexicon, surnames))
        )
    ]
    guests = [e for e in named if not _interviewer(e.root, lexicon)]
    if not guests:
        return []  # only the one asking is named: the answers are nobody's we know
    person = guests[-1]
    out = []
    for match, p_end in marked:
        end = _rstrip(text, match.end(), p_end)
        if match.group(1) != "A" or any(match.start() <= c.start < p_end for c in taken):
            continue
        out.append(
            Candidate(match.end(), end, None, mention_for(doc, person.root, lexicon), "transcript")
        )
    return out
