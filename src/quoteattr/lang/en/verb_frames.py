"""How English cue verbs take their content (data only).

ADDRESSEE_VERBS: the direct object is the person addressed, not the content
("told reporters that ...", "urged Congress to ...").
CLAUSE_ONLY_VERBS: only a clause is content; a bare object or a prepositional
phrase is not ("said during an interview", "added on Monday").
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
# fmt: on
