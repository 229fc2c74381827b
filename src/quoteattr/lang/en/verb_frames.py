"""How English cue verbs take their content (data only).

ADDRESSEE_VERBS: the direct object is the person addressed, not the content
("told reporters that ...", "urged Congress to ...").
CLAUSE_ONLY_VERBS: only a clause is content; a bare object or a prepositional
phrase is not ("said during an interview", "added on Monday").
COMPLEMENT_VERBS: a bare object is not content, a second complement is.
QUESTION_VERBS: verbs whose content may be an "if"/"whether" clause that the parser
attaches as an adverbial clause ("asked the nurses [whether they had slept]").
REPORT_MEDIA: nouns of the channel of a report; "in a statement", "on Twitter"
set the scene and are not content ("called for reform in a statement").
ACTIVITY_VERBS: see below.
SETTING_PREPOSITIONS: prepositions that head the setting of a report, never
its content ("at a rally", "during the debate").
RAISING_VERBS: verbs whose subject is part of what is perceived, not its source
("Trump seemed [to be tiring]", "It appears [that ...]").
PASSIVE_RAISING_VERBS: verbs whose passive with a complement reports a belief or
a report with no source ("Trump is expected [to win]", "she is seen [as a
moderate]", "he is said [to be ill]", "they were charged [with bribery]").
PASSIVE_SPEAKER_VERBS: verbs whose passive subject with no agent is the speaker
("Lee was quoted as saying", "she was cited as calling").
RAISING_PREPOSITIONS: prepositions that open the complement of a RAISING_VERBS verb
("seemed [like] a deal", "appeared [as] a rival").
RAISING_COMPLEMENTISERS: markers of a comparison clause after a RAISING_VERBS verb
("seems [as] [if] ...", "appeared [as] [though] ...").
SOURCE_CLAUSE_MARKERS: markers of an adverbial clause that reports the source of the
clause it modifies ("[As] the Post reported, the plan failed").
CONTENT_PREPOSITIONS: prepositions after a cue's object whose complement is what was
said of it ('accused the mayor [of] "ignoring the numbers"', 'praised her [for]
"keeping faith"').
"""

from __future__ import annotations

# fmt: off
ADDRESSEE_VERBS: frozenset[str] = frozenset({
    "advise", "ask", "assure", "brief", "caution", "convince", "email", "inform", "instruct",
    "notify", "persuade", "promise", "reassure", "remind", "teach", "tell", "text", "warn",
})

CLAUSE_ONLY_VERBS: frozenset[str] = frozenset({
    "add", "answer", "comment", "continue", "explain", "joke", "note", "recall", "remark",
    "reply", "respond", "say", "speak", "state", "testify", "tweet", "write",
})

#: Verbs that report only with a clausal, quoted or predicative complement (or a
#: quotation among their objects): a bare object is what they act on ("called the
#: police", "read a book", "addressed the crowd", "watched the match"), not what was
#: reported ("called him [a liar]").
COMPLEMENT_VERBS: frozenset[str] = frozenset({
    "address", "call", "measure", "post", "read", "watch",
})

QUESTION_VERBS: frozenset[str] = frozenset({"ask", "inquire", "question", "wonder"})

REPORT_MEDIA: frozenset[str] = frozenset({
    "address", "ad", "appearance", "article", "blog", "broadcast", "column", "conference",
    "debate", "editorial", "email", "essay", "facebook", "hearing", "instagram", "interview",
    "letter", "memo", "message", "op-ed", "podcast", "post", "press", "radio", "rally",
    "release", "remarks", "report", "speech", "statement", "television", "testimony",
    "tweet", "twitter", "video", "youtube",
})

RAISING_VERBS: frozenset[str] = frozenset({"appear", "seem"})

PASSIVE_SPEAKER_VERBS: frozenset[str] = frozenset({"cite", "quote"})

PASSIVE_RAISING_VERBS: frozenset[str] = frozenset({
    "accuse", "believe", "charge", "consider", "expect", "know", "predict", "project",
    "regard", "report", "rumor", "rumour", "say", "see", "suppose", "suspect", "think", "view",
})

#: Prepositions that introduce the complement of a passive of PASSIVE_RAISING_VERBS
#: ("is seen [as] ...", "was charged [with] ...", "is suspected [of] ...").
PASSIVE_COMPLEMENT_PREPOSITIONS: frozenset[str] = frozenset({"as", "like", "of", "with"})

#: Verbs of speaking as an activity: their "as" clause tells when, not what ("As he
#: spoke, the crowd cheered").
ACTIVITY_VERBS: frozenset[str] = frozenset({
    "chant", "joke", "lecture", "preach", "speak", "talk", "testify",
})

SETTING_PREPOSITIONS: frozenset[str] = frozenset({
    "after", "amid", "at", "before", "during", "since", "throughout",
})

#: A subset of PASSIVE_COMPLEMENT_PREPOSITIONS: "of" and "with" follow passives
#: ("suspected of", "charged with"), not "seem" or "appear".
RAISING_PREPOSITIONS: frozenset[str] = frozenset({"as", "like"})

RAISING_COMPLEMENTISERS: frozenset[str] = frozenset({"as", "if", "though"})

SOURCE_CLAUSE_MARKERS: frozenset[str] = frozenset({"as"})

CONTENT_PREPOSITIONS: frozenset[str] = frozenset({"for", "of"})
# fmt: on
