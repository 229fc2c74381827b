"""English pronouns that can stand for a speaker (data only).

``SPEAKER_PRONOUNS`` maps a lower-case pronoun to its kind, which coreference
uses to pick a compatible antecedent: "male", "female", "plural", "neuter",
"first_singular", "first_plural", "second" or "relative". Possessive and
reflexive forms are included because a speaker is often named through them
("his spokesman", "she herself said").

``RELATIVE_PRONOUNS`` are the entries of kind "relative": they point back to
the noun they attach to ("the minister, who said ..."). "that" is left out:
it is far more often a complementizer or a determiner.

``RELATIVE_WORDS`` are the words that open a relative clause as its subject or
object, which the attribution rules test on a clause's subject ("the minister,
who said ...", "a report that found ..."): the relative pronouns without
"whose", a determiner that never stands alone, and with "that", which the parser
makes the subject of a relative clause only when it is relative.

``ANTECEDENT_PRONOUNS`` are the pronouns whose antecedent may lie in the sentence
before (fast mode then parses that sentence too). ``NON_REFERRING_SUBJECTS`` are
subjects that name no speaker ("it", "there", "what"). ``EXPLETIVES`` are the
subjects that stand for nothing ("It appears that ...", "There seems to be ...").
``FIRST_PERSON_SUBJECTS`` are the first-person subjects ("I", "we") whose
attribution inside a quotation is the quoted speaker's own report.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = [
    "ANTECEDENT_PRONOUNS",
    "EXPLETIVES",
    "FIRST_PERSON_SUBJECTS",
    "NON_REFERRING_SUBJECTS",
    "RELATIVE_PRONOUNS",
    "RELATIVE_WORDS",
    "SPEAKER_PRONOUNS",
]

# fmt: off
SPEAKER_PRONOUNS: Mapping[str, str] = MappingProxyType({
    "he": "male", "him": "male", "himself": "male", "his": "male",
    "her": "female", "hers": "female", "herself": "female", "she": "female",
    "their": "plural", "theirs": "plural", "them": "plural", "themselves": "plural",
    "they": "plural",
    "it": "neuter", "its": "neuter", "itself": "neuter",
    "i": "first_singular", "me": "first_singular", "mine": "first_singular",
    "my": "first_singular", "myself": "first_singular",
    "our": "first_plural", "ours": "first_plural", "ourselves": "first_plural",
    "us": "first_plural", "we": "first_plural",
    "you": "second", "your": "second", "yours": "second", "yourself": "second",
    "yourselves": "second",
    "which": "relative", "who": "relative", "whom": "relative", "whose": "relative",
})

RELATIVE_PRONOUNS: frozenset[str] = frozenset({"which", "who", "whom", "whose"})

RELATIVE_WORDS: frozenset[str] = (RELATIVE_PRONOUNS - {"whose"}) | {"that"}

ANTECEDENT_PRONOUNS: frozenset[str] = frozenset({
    "he", "her", "him", "his", "i", "it", "its", "she", "their", "them", "they", "we",
})

NON_REFERRING_SUBJECTS: frozenset[str] = frozenset({
    "it", "that", "there", "this", "what", "which",
})

EXPLETIVES: frozenset[str] = frozenset({"it", "there"})

FIRST_PERSON_SUBJECTS: frozenset[str] = frozenset({"i", "we"})
# fmt: on
