"""English function words that the attribution and speaker rules test (data only).

TITLE_INTRODUCERS: words before an opening mark that make a short quotation a name
or a title ('host of "Morning Joe"', 'a book titled "X"').
TITLE_FUNCTION_WORDS: short words written in lower case inside a title ("America
with Jorge Ramos").
CONNECTIVES: adverbs that open a sentence without being reported ("So, ...").
FOCUS_ADVERBS: adverbs that restrict a report from outside ("said [only] that X").
ROLE_PREPOSITIONS: prepositions that join a role to what it is a role of ("director
of the agency", "analyst at the bank").
NAMING_PREPOSITIONS: prepositions whose object names the people a description stands
for ("advocates from the union").
COPULAS: verbs that give their subject a role ("became chief executive").
CLAUSE_OPENERS: complementisers and question words that open a clause ("that",
"whether", "how").
AUTHOR_PREPOSITIONS: prepositions that introduce the author of a document ("a report
by X", "published in Nature").
EDGE_CONJUNCTIONS: conjunctions that cannot open or close a source phrase.
NOUN_DETERMINERS: words after which a cue word is a noun ("the state", "his
support", "a press release").
COMPLEMENTISERS: the complementiser of a content clause ("said [that] X").
QUESTION_COMPLEMENTISERS: complementisers of an indirect yes-no question ("asked
[whether] X", "asked [if] X").
DEFINITE_DETERMINERS: determiners that make a noun refer to something known ("the
company", "this report").
DEFINITE_ARTICLES: the definite article ("the county health department").
ADDRESSEE_PREPOSITIONS: prepositions whose object is the one spoken to ("spoke [to]
our editor", "talked [with] X").
PARTITIVE_PREPOSITIONS: prepositions of a part of a group ("one [of] the people").
BRANCH_PREPOSITIONS: prepositions between an organisation's name and the place of its
branch ("the ACLU [of] Tennessee").
"""

from __future__ import annotations

__all__ = [
    "ADDRESSEE_PREPOSITIONS",
    "AUTHOR_PREPOSITIONS",
    "BRANCH_PREPOSITIONS",
    "CLAUSE_OPENERS",
    "COMPLEMENTISERS",
    "CONNECTIVES",
    "COPULAS",
    "DEFINITE_ARTICLES",
    "DEFINITE_DETERMINERS",
    "EDGE_CONJUNCTIONS",
    "FOCUS_ADVERBS",
    "NAMING_PREPOSITIONS",
    "NOUN_DETERMINERS",
    "PARTITIVE_PREPOSITIONS",
    "QUESTION_COMPLEMENTISERS",
    "ROLE_PREPOSITIONS",
    "TITLE_FUNCTION_WORDS",
    "TITLE_INTRODUCERS",
]

# fmt: off
TITLE_INTRODUCERS: frozenset[str] = frozenset({
    "a", "an", "entitled", "in", "of", "on", "the", "titled",
})

TITLE_FUNCTION_WORDS: frozenset[str] = frozenset({
    "a", "an", "and", "at", "by", "for", "in", "is", "of", "on", "or", "the", "to", "with",
})

CONNECTIVES: frozenset[str] = frozenset({
    "also", "however", "meanwhile", "now", "so", "still", "yet",
})

FOCUS_ADVERBS: frozenset[str] = frozenset({"just", "merely", "only", "simply"})

ROLE_PREPOSITIONS: frozenset[str] = frozenset({"at", "for", "from", "in", "of", "to", "with"})

NAMING_PREPOSITIONS: frozenset[str] = frozenset({"at", "from", "of", "with"})

COPULAS: frozenset[str] = frozenset({"be", "become", "remain"})

CLAUSE_OPENERS: frozenset[str] = frozenset({
    "how", "if", "that", "what", "when", "where", "whether", "who", "why",
})

AUTHOR_PREPOSITIONS: frozenset[str] = frozenset({"by", "from", "in", "of"})

EDGE_CONJUNCTIONS: frozenset[str] = frozenset({"and", "but", "or"})

NOUN_DETERMINERS: frozenset[str] = frozenset({
    "a", "an", "her", "his", "its", "my", "our", "the", "their", "these", "this", "your",
})

COMPLEMENTISERS: frozenset[str] = frozenset({"that"})

QUESTION_COMPLEMENTISERS: frozenset[str] = frozenset({"if", "whether"})

DEFINITE_DETERMINERS: frozenset[str] = frozenset({"that", "the", "this"})

DEFINITE_ARTICLES: frozenset[str] = frozenset({"the"})

ADDRESSEE_PREPOSITIONS: frozenset[str] = frozenset({"to", "with"})

PARTITIVE_PREPOSITIONS: frozenset[str] = frozenset({"of"})

BRANCH_PREPOSITIONS: frozenset[str] = frozenset({"of"})
# fmt: on
