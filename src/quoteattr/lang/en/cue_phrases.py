"""English multi-word cues (data only).

``VERB_PHRASES`` keys are space-separated lemmas, as spaCy lemmatizes them,
whose first word is a verb ("told reporters" -> "tell reporter"). They are
matched on token lemmas with the first token tagged VERB.

``FIXED_PHRASES`` keys are space-separated lower-case tokens, as spaCy's
English tokenizer splits them. They are matched on the lower-cased text, so
they work without a verb ("In a statement, the ministry ...") and inside a
verb cue ("said in a statement").

Values are :class:`quoteattr.models.CueClass` values; entries are grouped by
class and sorted within each group.

``SOURCE_PREPOSITIONS`` are the first words of fixed phrases that name a source
on their own and head their phrase ("according to X", "per X").
``SOURCE_COMPLEMENT_PREPOSITIONS`` are the prepositions that a source preposition
takes before the source ("according [to] X").
``SOURCE_PARTICIPLES`` are participles that head a phrase citing a source
("citing X", "quoting X"); such a phrase only extends a verb cue.
``REQUEST_NOUNS`` are nouns of the messages a reporter sends to ask for comment:
a question put just after one ("an email asking whether ...") is the reporter's.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = [
    "FIXED_PHRASES",
    "REQUEST_NOUNS",
    "SOURCE_COMPLEMENT_PREPOSITIONS",
    "SOURCE_PARTICIPLES",
    "SOURCE_PREPOSITIONS",
    "VERB_PHRASES",
]

# fmt: off
VERB_PHRASES: Mapping[str, str] = MappingProxyType({
    # statement
    "chime in": "statement", "comment on": "statement", "deliver a speech": "statement",
    "double down": "statement", "draw attention to": "statement", "fire back": "statement",
    "give a speech": "statement", "go on to say": "statement", "hold forth": "statement",
    "issue a statement": "statement", "lay out": "statement", "make clear": "statement",
    "make it clear": "statement", "make mention of": "statement", "make no secret of": "statement",
    "make the argument": "statement", "make the case": "statement", "make the claim": "statement",
    "make the point": "statement", "open up": "statement", "point out": "statement",
    "put forth": "statement", "put forward": "statement", "put it": "statement",
    "put out a statement": "statement", "raise the possibility": "statement",
    "refer to": "statement", "release a statement": "statement", "respond to": "statement",
    "set out": "statement", "sound off": "statement", "speak about": "statement",
    "speak of": "statement", "spell out": "statement", "talk about": "statement",
    "tell reporter": "statement", "weigh in": "statement",
    # denial
    "brush aside": "denial", "brush off": "denial", "call into question": "denial",
    "cast doubt on": "denial", "play down": "denial", "push back": "denial",
    "raise doubt": "denial", "rule out": "denial", "shrug off": "denial",
    # accusation
    "point the finger at": "accusation",
    # directive
    "ask for": "directive", "call for": "directive", "call on": "directive",
    "call upon": "directive", "insist on": "directive", "push for": "directive",
    # question
    "ask about": "question", "demand to know": "question", "raise question": "question",
    "want to know": "question",
    # agreement
    "agree with": "agreement", "back up": "agreement", "come out for": "agreement",
    "come out in favor of": "agreement", "express support": "agreement", "side with": "agreement",
    "sign off on": "agreement", "stand by": "agreement", "voice support": "agreement",
    # criticism
    "call out": "criticism", "come out against": "criticism", "go after": "criticism",
    "hit back": "criticism", "lash out": "criticism", "pour cold water on": "criticism",
    "rail against": "criticism", "speak out": "criticism", "take a shot at": "criticism",
    "take a swipe at": "criticism", "take aim at": "criticism", "take issue with": "criticism",
    "throw cold water on": "criticism",
    # praise
    "heap praise on": "praise", "pay tribute to": "praise", "take credit for": "praise",
    # promise
    "give assurance": "promise", "make a promise": "promise",
    # warning
    "express concern": "warning", "raise alarm": "warning", "raise concern": "warning",
    "raise the alarm": "warning", "sound the alarm": "warning", "voice concern": "warning",
    "warn against": "warning", "warn of": "warning",
    # finding
    "point to": "finding",
    # belief
    "express hope": "belief", "hold out hope": "belief",
})

FIXED_PHRASES: Mapping[str, str] = MappingProxyType({
    # source
    "according to": "source", "as quoted by": "source", "in the words of": "source",
    "quoted as saying": "source", "reportedly": "source",
    # accusation
    "allegedly": "accusation",
    # statement
    "at a news conference": "statement", "at a press briefing": "statement",
    "at a press conference": "statement", "in a briefing": "statement",
    "in a joint statement": "statement", "in a news conference": "statement",
    "in a phone interview": "statement", "in a radio interview": "statement",
    "in a speech": "statement", "in a statement": "statement", "in a statement to": "statement",
    "in a telephone interview": "statement", "in a television interview": "statement",
    "in an address": "statement", "in an interview": "statement",
    "in an interview with": "statement", "in prepared remarks": "statement",
    "in remarks": "statement", "in testimony": "statement",
    # belief
    "in her view": "belief", "in his view": "belief", "in their view": "belief",
    # writing
    "in a blog post": "writing", "in a column": "writing", "in a court filing": "writing",
    "in a facebook post": "writing", "in a letter": "writing", "in a memo": "writing",
    "in a news release": "writing", "in a post": "writing", "in a press release": "writing",
    "in a series of tweets": "writing", "in a text message": "writing", "in a tweet": "writing",
    "in a written statement": "writing", "in an editorial": "writing", "in an email": "writing",
    "in an open letter": "writing",
    # finding
    "in a report": "finding",
})

SOURCE_PREPOSITIONS: frozenset[str] = frozenset({"according", "per"})

SOURCE_COMPLEMENT_PREPOSITIONS: frozenset[str] = frozenset({"to"})

SOURCE_PARTICIPLES: frozenset[str] = frozenset({"citing", "quoting"})

REQUEST_NOUNS: frozenset[str] = frozenset({
    "call", "email", "inquiry", "message", "query", "request", "text",
})
# fmt: on
