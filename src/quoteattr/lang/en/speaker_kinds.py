"""English words that tell what kind of source a speaker is (data only).

``ORG_NOUNS`` are lower-case nouns that, with "the", stand for an organisation
the text has named ("The company said", "the ministry said"). Nouns that more
often stand for a person's following ("the campaign", "the party", "the team")
are left out.

``DOCUMENT_NOUNS`` are lower-case nouns of documents that report or find
("a report", "the poll", "the lawsuit"): their source kind is ``document``.

``ORG_NAME_WORDS`` are lower-case words that make a proper name an
organisation's name ("World Health *Organization*", "Norvale *Foods*",
"Merseyside *Police*"), whatever the named-entity tagger says.

``ANONYMITY_WORDS`` are lower-case words of the phrases that newsrooms use for
a source they do not name ("people *familiar* with the matter", "*briefed* on
the talks", "speaking on condition of *anonymity*").

``NAME_PARTICLES`` are lower-case words inside personal names ("Ursula *von
der* Leyen", "Ludwig *van* Beethoven").

``PERSON_NOUNS`` are lower-case nouns of one unnamed person that are not roles
("a *person* close to the talks", "a *woman* in the crowd"): like a role noun, they
make a single unnamed source anonymous.

``GROUP_PERSON_NOUNS`` are lower-case lemmas of nouns of a person, neither role
nor group nouns, whose plural is a group speaker ("*persons* who attended").
``GENERIC_PEOPLE_NOUNS`` are lower-case lemmas of plural nouns of people in general
("the *people*", "these *people*", lemmatised as written): the withheld sources of a
story, not a group with a description of its own.

``LINE_LABELS`` are lower-case words that open a line with a colon without
naming a speaker ("BREAKING:", "Opinion:", "Q:", "A:"): headline and transcript
layouts skip them.

``AUTHORING_VERBS`` are lower-case verb lemmas whose subject wrote, published,
issued or filed their object ("the trust *published* a report", "the union
*filed* a complaint"), so that "the report" said later is the subject's. Verbs
of getting or reading a document ("obtain", "review", "cite") are left out: the
outlet that obtained a report did not write it.
"""

from __future__ import annotations

__all__ = [
    "ANONYMITY_WORDS",
    "AUTHORING_VERBS",
    "DOCUMENT_NOUNS",
    "GENERIC_PEOPLE_NOUNS",
    "GROUP_PERSON_NOUNS",
    "LINE_LABELS",
    "NAME_PARTICLES",
    "ORG_NAME_WORDS",
    "ORG_NOUNS",
    "PERSON_NOUNS",
]

# fmt: off
ORG_NOUNS: frozenset[str] = frozenset({
    "administration", "agency", "airline", "association", "authority", "automaker", "bank",
    "board", "broadcaster", "brokerage", "bureau", "carmaker", "chain", "charity",
    "chipmaker", "drugmaker", "miner", "supermarket", "utility",
    "club", "coalition", "commission", "committee", "company", "conglomerate", "corporation",
    "council", "court", "department", "firm", "force", "foundation", "fund", "group",
    "insurer", "institute", "league", "lender", "manufacturer", "maker", "ministry",
    "network", "newspaper", "nonprofit", "office", "organisation", "organization",
    "outlet", "publisher", "regulator", "retailer", "service", "startup",
    "union", "university", "watchdog",
})

DOCUMENT_NOUNS: frozenset[str] = frozenset({
    "ad", "analysis", "article", "assessment", "audit", "book", "brief", "census",
    "complaint", "count", "data", "document", "editorial", "email", "estimate", "filing",
    "findings", "forecast", "indictment", "letter", "lawsuit", "memo", "memorandum",
    "motion", "paper", "petition", "poll", "projection", "report", "research", "review",
    "ruling", "statement", "study", "suit", "survey", "tally", "tweet", "video", "website",
})

ORG_NAME_WORDS: frozenset[str] = frozenset({
    "academy", "administration", "agency", "airlines", "airways", "alliance", "association",
    "authority", "bank", "board", "bureau", "center", "centre", "church", "co", "co.",
    "college", "commission", "committee", "company", "congress", "corp", "corp.",
    "corporation", "council", "court", "department", "energy", "fc", "federation", "foods",
    "force", "foundation", "fund", "group", "health", "holdings", "hospital", "house",
    "inc", "inc.", "institute", "league", "llc", "llp", "ltd", "ltd.", "ministry", "motors",
    "network", "news", "office", "organisation", "organization", "parliament", "party",
    "plc", "police", "protection", "service", "shipping", "society", "trust", "union",
    "university",
    # the usual last words of company names
    "airline", "capital", "enterprises", "freight", "homes", "industries", "logistics",
    "partners", "pharmaceuticals", "properties", "systems", "technologies", "ventures",
})

ANONYMITY_WORDS: frozenset[str] = frozenset({
    "anonymity", "anonymous", "briefed", "close", "familiar", "knowledge", "unnamed",
})

NAME_PARTICLES: frozenset[str] = frozenset({
    "al", "bin", "da", "de", "del", "della", "der", "di", "du", "el", "la", "le", "van",
    "von", "zu",
})

PERSON_NOUNS: frozenset[str] = frozenset({"man", "person", "source", "woman"})

GROUP_PERSON_NOUNS: frozenset[str] = frozenset({"person"})

GENERIC_PEOPLE_NOUNS: frozenset[str] = frozenset({"people"})

LINE_LABELS: frozenset[str] = frozenset({
    "a", "analysis", "breaking", "comment", "editorial", "exclusive", "live", "opinion",
    "photo", "q", "read", "update", "updated", "video", "watch",
    # links between stories on a news page ("ALSO SEE:", "SEE ALSO:", "RELATED:")
    "also", "related", "see",
    # fields of a page's metadata header ("Title:", "URL:", "Publisher:")
    "author", "date", "headline", "publisher", "subtitle", "title", "url",
})
AUTHORING_VERBS: frozenset[str] = frozenset({
    "author", "compile", "conduct", "draft", "file", "issue", "prepare", "produce",
    "publish", "release", "submit", "write",
})
# fmt: on
