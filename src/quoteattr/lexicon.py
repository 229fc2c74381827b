"""The ``Lexicon``: cue words, role nouns, titles and pronouns for one language.

A lexicon is immutable and checked when it is built, so a bad entry fails at
load time with a message that names it, not later as a silent miss. Language
data lives in data-only modules (``quoteattr.lang.en``); this module holds the
container, its invariants and its JSON form (used by the pipeline component's
``to_disk``).

Tables:
    verbs: Verb lemma -> cue class ("say" -> "statement").
    verb_phrases: Space-separated lemmas whose first word is a verb ("call on").
    fixed_phrases: Space-separated lower-case tokens ("according to").
    role_nouns: Nouns that name a person's role ("spokeswoman", "minister").
    titles: Honorifics and short titles written before a name ("mr.", "sen.").
    pronouns: Pronoun -> kind ("he" -> "male", "who" -> "relative").
    lemma_fixes: Lemma the tagger-lemmatizer gives wrongly for a cue verb ->
        the lemma stored in ``verbs`` ("hop" for "hoped" -> "hope").
    honorifics: Forms of address that are not roles ("mr.", "ms", "dr.").
    honorific_genders: Honorific -> "female" or "male" ("mrs." -> "female").
    group_nouns: Nouns of groups and bodies that hold or voice a view ("group").
    org_nouns: Nouns that stand for an organisation named before ("company").
    document_nouns: Nouns of documents that report ("report", "poll", "lawsuit").
    org_name_words: Words that make a proper name an organisation's ("ministry").
    anonymity_words: Words that mark a withheld source ("familiar", "anonymity").
    name_particles: Lower-case words inside personal names ("von", "der", "bin").
    abbreviations: Words after whose point a sentence goes on ("mr", "inc", "u.s").
    person_nouns: Nouns of one unnamed person that are not roles ("person", "woman").
    office_verbs: Verbs of a relative clause that states an office ("chair", "head").
    address_titles: Titles of address that yield to a stated office ("cllr", "rev.").
    line_labels: Words that open a line with a colon and name no one ("breaking", "q").
    authoring_verbs: Verbs whose subject wrote or published their object ("publish").
    relative_words: Words that open a relative clause as its subject ("who", "that").
    source_prepositions: First words of fixed phrases that name a source ("according").
    source_participles: First words of phrases that cite a source ("citing").
    request_nouns: Nouns of a reporter's request for comment ("email", "call").
    addressee_verbs, clause_only_verbs, complement_verbs, question_verbs,
    raising_verbs, passive_raising_verbs, activity_verbs: How cue verbs take
        their content ("tell", "say", "call", "ask", "seem", "expect", "speak").
    report_media: Nouns of the channel of a report ("statement", "interview").
    setting_prepositions: Prepositions that head a report's setting ("during").
    passive_complement_prepositions: Prepositions after a passive raising verb ("as").
    passive_speaker_verbs: Verbs whose passive subject is the speaker ("quote").
    title_introducers: Words before a quotation that make it a title ('host of "X"').
    title_function_words: Short words in lower case inside a title ("with").
    connectives: Adverbs that open a sentence without being reported ("so").
    focus_adverbs: Adverbs that restrict a report from outside ("only").
    role_prepositions: Prepositions joining a role to what it is of ("of", "at").
    naming_prepositions: Prepositions whose object names the people described ("from").
    copulas: Verbs that give their subject a role ("become").
    clause_openers: Complementisers and question words ("that", "whether").
    author_prepositions: Prepositions that introduce a document's author ("by").
    edge_conjunctions: Conjunctions that cannot open or close a source phrase ("and").
    noun_determiners: Words after which a cue word is a noun ("the", "his").
    antecedent_pronouns: Pronouns whose antecedent may lie in the sentence before ("he").
    non_referring_subjects: Subjects that name no speaker ("it", "there").
    expletives: Subjects that stand for nothing ("it" of "It appears").
    first_person_subjects: First-person subjects ("i", "we").
    complementisers: The complementiser of a content clause ("that").
    question_complementisers: Complementisers of an indirect yes-no question ("whether").
    definite_determiners: Determiners of a noun that refers to something known ("the").
    definite_articles: The definite article ("the").
    addressee_prepositions: Prepositions whose object is the one spoken to ("to").
    partitive_prepositions: Prepositions of a part of a group ("of" of "one of them").
    branch_prepositions: Prepositions between an organisation and its place ("of").
    raising_prepositions: Prepositions that open a raising verb's complement ("like").
    raising_complementisers: Markers of a comparison clause after a raising verb ("as").
    source_clause_markers: Markers of an adverbial clause that reports its source ("as").
    content_prepositions: Prepositions after a cue's object that take the content ("of").
    source_complement_prepositions: Prepositions a source preposition takes ("to").
    group_person_nouns: Nouns of a person whose plural is a group speaker ("person").
    generic_people_nouns: Plural nouns of people in general ("people").
    speech_readings: Verb lemma -> cue class it has when only speech is reported
        ("conclude" -> "statement").
    quote_marks: The quotation-mark classes and pairs (``QuoteMarks``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from .errors import Errors
from .marks import QuoteMarks
from .models import CueClass

__all__ = ["CUE_CLASSES", "PRONOUN_KINDS", "Lexicon"]

#: Allowed values of the cue tables.
CUE_CLASSES: frozenset[str] = frozenset(c.value for c in CueClass)
#: Allowed values of the pronoun table.
PRONOUN_KINDS: frozenset[str] = frozenset(
    {
        "male",
        "female",
        "plural",
        "neuter",
        "first_plural",
        "first_singular",
        "second",
        "relative",
    }
)

_JSON_VERSION = 1
_CUE_TABLES = ("verbs", "verb_phrases", "fixed_phrases")
_SET_TABLES = ("role_nouns", "titles", "neutral_cues")
_MAP_TABLES = ("pronouns", "lemma_fixes")
#: Speaker tables (names, kinds of sources, roles, layouts), the abbreviations of
#: the sentence splitter and the words the attribution rules test, one word per entry.
_SPEAKER_SETS = (
    "honorifics",
    "group_nouns",
    "org_nouns",
    "document_nouns",
    "org_name_words",
    "anonymity_words",
    "name_particles",
    "abbreviations",
    "person_nouns",
    "office_verbs",
    "address_titles",
    "line_labels",
    "authoring_verbs",
    "relative_words",
    "source_prepositions",
    "source_participles",
    "request_nouns",
    "addressee_verbs",
    "clause_only_verbs",
    "complement_verbs",
    "question_verbs",
    "report_media",
    "raising_verbs",
    "passive_raising_verbs",
    "passive_complement_prepositions",
    "passive_speaker_verbs",
    "activity_verbs",
    "setting_prepositions",
    "title_introducers",
    "title_function_words",
    "connectives",
    "focus_adverbs",
    "role_prepositions",
    "naming_prepositions",
    "copulas",
    "clause_openers",
    "author_prepositions",
    "edge_conjunctions",
    "noun_determiners",
    "antecedent_pronouns",
    "non_referring_subjects",
    "expletives",
    "first_person_subjects",
    "complementisers",
    "question_complementisers",
    "definite_determiners",
    "definite_articles",
    "addressee_prepositions",
    "partitive_prepositions",
    "branch_prepositions",
    "raising_prepositions",
    "raising_complementisers",
    "source_clause_markers",
    "content_prepositions",
    "source_complement_prepositions",
    "group_person_nouns",
    "generic_people_nouns",
)
#: Verb lemma -> cue class tables that are not cue entries of their own.
_READING_MAPS = ("speech_readings",)
_SPEAKER_MAPS = ("honorific_genders", "first_name_genders")
_GENDERS = frozenset({"female", "male"})
#: The quotation marks' entry in the JSON form (an object, not a table of words).
_MARKS = "quote_marks"
_ALL_TABLES = (
    *_CUE_TABLES,
    *_SET_TABLES,
    *_MAP_TABLES,
    *_SPEAKER_SETS,
    *_SPEAKER_MAPS,
    *_READING_MAPS,
)


def _empty_map() -> Mapping[str, str]:
    return MappingProxyType({})


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Cue and speaker word lists for one language, validated on construction.

    Mappings are copied into read-only ``MappingProxyType`` objects and sets
    into frozensets, so a lexicon never changes after it is built. Two
    lexicons are equal when all their tables are equal.

    Args:
        verbs: Verb lemma -> cue class.
        verb_phrases: Multi-word lemma sequence -> cue class.
        fixed_phrases: Lower-case token sequence -> cue class.
        role_nouns: Lower-case role nouns (one word each).
        titles: Lower-case titles written before names (one word each).
        pronouns: Lower-case pronoun -> kind (see ``PRONOUN_KINDS``).
        lemma_fixes: Wrong lemma -> lemma of ``verbs``.
        neutral_cues: Cue entries of plain reporting ("say", "according to"): their
            attributions are the most reliable and get a higher confidence.
        honorifics: Lower-case forms of address that are not roles ("mr.", "dr.").
        honorific_genders: Honorific -> "female" or "male".
        first_name_genders: Lower-case first name -> "female" or "male": which sex most
            people with the name have; used for the agreement of a pronoun with its
            antecedent when the text states no gender, never reported.
        group_nouns: Lower-case nouns of groups and bodies ("group", "coalition").
        org_nouns: Lower-case nouns that refer back to an organisation ("company").
        document_nouns: Lower-case nouns of documents ("report", "study", "poll").
        org_name_words: Lower-case words of organisation names ("ministry", "corp").
        anonymity_words: Lower-case words of withheld sources ("familiar", "briefed").
        name_particles: Lower-case particles of personal names ("von", "de").
        abbreviations: Lower-case abbreviations, without their last point, that a
            point does not end a sentence after ("mr", "no", "inc", "u.s"); used by
            fast mode's sentence splitter (``stages.selection.sentence_starts``).
        person_nouns: Lower-case nouns of one unnamed person that are not roles
            ("person", "woman"): "a woman in the crowd" is an anonymous source.
        office_verbs: Lower-case verb lemmas of a relative clause that states an office
            ("Ann Lee, who chairs the committee,": "chair").
        address_titles: Lower-case titles written before a name as a form of address
            rather than an office ("cllr", "rev.", "prof"): an office the text states
            for the same person ("Cllr Ann Lee, cabinet member for housing,") is the role.
        line_labels: Lower-case words that open a line with a colon without naming a
            speaker ("Breaking:", "Q:"); the headline and transcript layouts skip them.
        authoring_verbs: Lower-case verb lemmas whose subject wrote, published or
            filed their object ("The trust published a report": "publish"): "the
            report" said later is credited to that subject.
        relative_words: Lower-case words that open a relative clause as its subject or
            object ("who", "which", "whom", "that"): "the minister, who said ...".
        source_prepositions: Lower-case first words of fixed phrases that name a source
            on their own and head their phrase ("according" of "according to").
        source_participles: Lower-case participles that head a phrase citing a source
            ("citing", "quoting"); such a phrase only extends a verb cue.
        request_nouns: Lower-case nouns of the messages a reporter sends to ask for
            comment: a question put just after one ("an email asking whether ...") is
            the reporter's, not the source's.
        addressee_verbs: Lower-case cue verbs whose direct object is the person
            addressed, not the content ("told reporters that ...": "tell").
        clause_only_verbs: Lower-case cue verbs whose only content is a clause ("said
            during an interview": "say").
        complement_verbs: Lower-case cue verbs whose bare object is not content, a
            second complement is ("called him a liar": "call").
        question_verbs: Lower-case cue verbs whose content may be an "if"/"whether"
            clause parsed as an adverbial clause ("ask").
        report_media: Lower-case nouns of the channel of a report ("in a statement",
            "on Twitter"): they set the scene and are not content.
        raising_verbs: Lower-case verbs whose subject is part of what is perceived
            ("seem", "appear").
        passive_raising_verbs: Lower-case verbs whose passive with a complement reports
            a belief with no source ("is expected to win": "expect").
        passive_complement_prepositions: Lower-case prepositions that introduce the
            complement of a passive raising verb ("is seen as", "charged with").
        passive_speaker_verbs: Lower-case verb lemmas whose passive subject with no agent
            is the speaker ("Lee was quoted as saying": "quote").
        activity_verbs: Lower-case verbs of speaking as an activity, whose "as" clause
            tells when, not what ("As he spoke, ...": "speak").
        setting_prepositions: Lower-case prepositions that head the setting of a report,
            never its content ("at a rally", "during the debate").
        title_introducers: Lower-case words before an opening mark that make a short quotation a
            name or title ('host of "Morning Joe"').
        title_function_words: Lower-case short words of a title not capitalised ("America
            with Jorge Ramos").
        connectives: Lower-case adverbs that open a sentence without being reported
            ("So, ...", "Still, ...").
        focus_adverbs: Lower-case adverbs that restrict a report from outside ("said
            [only] that X").
        role_prepositions: Lower-case prepositions that join a role to what it is a role of
            ("director of the agency").
        naming_prepositions: Lower-case prepositions whose object names the people a
            description stands for ("advocates from the union").
        copulas: Lower-case verb lemmas that give their subject a role ("became chief
            executive").
        clause_openers: Lower-case complementisers and question words that open a clause
            ("that", "whether", "how").
        author_prepositions: Lower-case prepositions that introduce the author of a document
            ("a report by X").
        edge_conjunctions: Lower-case conjunctions that cannot open or close a source phrase
            ("and", "but").
        noun_determiners: Lower-case words after which a cue word is a noun ("the state",
            "his support"); used by fast mode's sentence selector.
        antecedent_pronouns: Lower-case pronouns whose antecedent may lie in the sentence
            before ("he", "they"); fast mode then parses that sentence too.
        non_referring_subjects: Lower-case subjects that name no speaker ("it", "there",
            "what").
        expletives: Lower-case subjects that stand for nothing ("It appears that ...").
        first_person_subjects: Lower-case first-person subjects ("I", "we"): inside a quotation,
            the quoted speaker's own report.
        complementisers: Lower-case complementisers of a content clause ("said [that]
            X"), tested on the tokens the parser marks as a clause's opener.
        question_complementisers: Lower-case complementisers of an indirect yes-no
            question ("asked [whether] X", "asked [if] X").
        definite_determiners: Lower-case determiners that make a noun refer to something
            known ("the company", "this report", "that study").
        definite_articles: Lower-case definite articles ("the county health department"):
            only these, not ``definite_determiners``, make a noun subject an organisation
            named before.
        addressee_prepositions: Lower-case prepositions whose object is the one spoken to
            ("spoke [to] our editor", "talked [with] X"); the interview layout takes that
            object for the interviewer.
        partitive_prepositions: Lower-case prepositions of a part of a group ("one [of]
            the people"): such a numeral is an anonymous source.
        branch_prepositions: Lower-case prepositions between an organisation's name and
            the place of its branch ("the ACLU [of] Tennessee"), taken into the name.
        raising_prepositions: Lower-case prepositions that open the complement of a
            raising verb ("seemed [like] a deal"); those of ``passive_complement_prepositions``
            that also follow "seem" and "appear".
        raising_complementisers: Lower-case markers of a comparison clause after a raising
            verb ("seems [as] [if] ...", "as [though]").
        source_clause_markers: Lower-case markers of an adverbial clause that reports the
            source of the clause it modifies ("[As] the Post reported, X").
        content_prepositions: Lower-case prepositions after a cue's object whose complement
            is what was said of it ('accused the mayor [of] "ignoring the numbers"').
        source_complement_prepositions: Lower-case prepositions that a source preposition
            (``source_prepositions``) takes before the source ("according [to] X").
        group_person_nouns: Lower-case lemmas of nouns of a person, neither role nor group
            nouns, whose plural is a group speaker ("persons").
        generic_people_nouns: Lower-case lemmas of plural nouns of people in general
            ("people"): "the people" are a story's withheld sources, not a group with a
            description of its own.
        speech_readings: Lower-case verb lemma -> the cue class it has when only speech
            is reported ("concluded that" reads as a statement there).
        quote_marks: Which characters open and close quotations and how they pair
            (``QuoteMarks``, or its ``to_data`` dict). A lexicon without marks finds no
            quotation: build a custom one from ``EN_LEXICON`` with
            ``dataclasses.replace`` to keep the English marks.

    Raises:
        ValueError: When an entry is malformed; the message lists every bad
            entry and the allowed values.

    Example:
        >>> lex = Lexicon(verbs={"say": "statement", "deny": "denial"})
        >>> len(lex), sorted(lex.classes())
        (2, ['denial', 'statement'])
        >>> Lexicon.from_json(lex.to_json()) == lex
        True
    """

    verbs: Mapping[str, str]
    verb_phrases: Mapping[str, str] = field(default_factory=_empty_map)
    fixed_phrases: Mapping[str, str] = field(default_factory=_empty_map)
    role_nouns: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    pronouns: Mapping[str, str] = field(default_factory=_empty_map)
    lemma_fixes: Mapping[str, str] = field(default_factory=_empty_map)
    neutral_cues: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    honorific_genders: Mapping[str, str] = field(default_factory=_empty_map)
    first_name_genders: Mapping[str, str] = field(default_factory=_empty_map)
    group_nouns: frozenset[str] = frozenset()
    org_nouns: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    org_name_words: frozenset[str] = frozenset()
    anonymity_words: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()
    person_nouns: frozenset[str] = frozenset()
    office_verbs: frozenset[str] = frozenset()
    address_titles: frozenset[str] = frozenset()
    line_labels: frozenset[str] = frozenset()
    authoring_verbs: frozenset[str] = frozenset()
    relative_words: frozenset[str] = frozenset()
    source_prepositions: frozenset[str] = frozenset()
    source_participles: frozenset[str] = frozenset()
    request_nouns: frozenset[str] = frozenset()
    addressee_verbs: frozenset[str] = frozenset()
    clause_only_verbs: frozenset[str] = frozenset()
    complement_verbs: frozenset[str] = frozenset()
    question_verbs: frozenset[str] = frozenset()
    report_media: frozenset[str] = frozenset()
    raising_verbs: frozenset[str] = frozenset()
    passive_raising_verbs: frozenset[str] = frozenset()
    passive_complement_prepositions: frozenset[str] = frozenset()
    passive_speaker_verbs: frozenset[str] = frozenset()
    activity_verbs: frozenset[str] = frozenset()
    setting_prepositions: frozenset[str] = frozenset()
    title_introducers: frozenset[str] = frozenset()
    title_function_words: frozenset[str] = frozenset()
    connectives: frozenset[str] = frozenset()
    focus_adverbs: frozenset[str] = frozenset()
    role_prepositions: frozenset[str] = frozenset()
    naming_prepositions: frozenset[str] = frozenset()
    copulas: frozenset[str] = frozenset()
    clause_openers: frozenset[str] = frozenset()
    author_prepositions: frozenset[str] = frozenset()
    edge_conjunctions: frozenset[str] = frozenset()
    noun_determiners: frozenset[str] = frozenset()
    antecedent_pronouns: frozenset[str] = frozenset()
    non_referring_subjects: frozenset[str] = frozenset()
    expletives: frozenset[str] = frozenset()
    first_person_subjects: frozenset[str] = frozenset()
    complementisers: frozenset[str] = frozenset()
    question_complementisers: frozenset[str] = frozenset()
    definite_determiners: frozenset[str] = frozenset()
    definite_articles: frozenset[str] = frozenset()
    addressee_prepositions: frozenset[str] = frozenset()
    partitive_prepositions: frozenset[str] = frozenset()
    branch_prepositions: frozenset[str] = frozenset()
    raising_prepositions: frozenset[str] = frozenset()
    raising_complementisers: frozenset[str] = frozenset()
    source_clause_markers: frozenset[str] = frozenset()
    content_prepositions: frozenset[str] = frozenset()
    source_complement_prepositions: frozenset[str] = frozenset()
    group_person_nouns: frozenset[str] = frozenset()
    generic_people_nouns: frozenset[str] = frozenset()
    speech_readings: Mapping[str, str] = field(default_factory=_empty_map)
    quote_marks: QuoteMarks = field(default_factory=QuoteMarks)
    _hash: int = field(init=False, repr=False, default=0)

    def __post_init__(self) -> None:
        for name in (*_CUE_TABLES, *_MAP_TABLES, *_SPEAKER_MAPS, *_READING_MAPS):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))
        for name in (*_SET_TABLES, *_SPEAKER_SETS):
            object.__setattr__(self, name, frozenset(getattr(self, name)))
        if isinstance(self.quote_marks, Mapping):
            object.__setattr__(self, "quote_marks", QuoteMarks.from_data(self.quote_marks))
        problems = self._problems()
        if problems:
            raise ValueError(
                Errors.E014.format(
                    problems="\n  - ".join(problems),
                    classes=", ".join(sorted(CUE_CLASSES)),
                    kinds=", ".join(sorted(PRONOUN_KINDS)),
                )
            )
        object.__setattr__(self, "_hash", hash(self.to_json()))

    def _problems(self) -> list[str]:
        """Every broken invariant, one message per bad entry."""
        problems: list[str] = []
        for name in _ALL_TABLES:
            table: Iterable[Any] = getattr(self, name)
            problems += [f"{name}: {k!r} {why}" for k in table if (why := _key_problem(k))]
        one_word = (
            "verbs",
            "role_nouns",
            "titles",
            *_MAP_TABLES,
            *_SPEAKER_SETS,
            *_SPEAKER_MAPS,
            *_READING_MAPS,
        )
        for name in one_word:
            table = getattr(self, name)
            problems += [f"{name}: {k!r} is not one word" for k in table if " " in str(k)]
        problems += [
            f"verb_phrases: {k!r} has fewer than two words"
            for k in self.verb_phrases
            if isinstance(k, str) and " " not in k
        ]
        for name in (*_CUE_TABLES, *_READING_MAPS):
            cues: Mapping[Any, Any] = getattr(self, name)
            problems += [
                f"{name}: {k!r} has unknown cue class {v!r}"
                for k, v in cues.items()
                if v not in CUE_CLASSES
            ]
        problems += [
            f"pronouns: {k!r} has unknown kind {v!r}"
            for k, v in self.pronouns.items()
            if v not in PRONOUN_KINDS
        ]
        problems += [
            f"{name}: {k!r} has unknown gender {v!r}"
            for name in _SPEAKER_MAPS
            for k, v in getattr(self, name).items()
            if v not in _GENDERS
        ]
        problems += [
            f"fixed_phrases: {k!r} is {v!r} but verbs says {self.verbs[k]!r}"
            for k, v in self.fixed_phrases.items()
            if k in self.verbs and self.verbs[k] != v
        ]
        problems += [
            f"lemma_fixes: {k!r} -> {v!r} does not lead to a verb of the lexicon"
            for k, v in self.lemma_fixes.items()
            if v not in self.verbs
        ]
        problems += [
            f"lemma_fixes: {k!r} is itself a verb of the lexicon"
            for k in self.lemma_fixes
            if k in self.verbs
        ]
        return sorted(problems)

    def __len__(self) -> int:
        """Number of cue entries (verbs, verb phrases and fixed phrases)."""
        return len(self.verbs) + len(self.verb_phrases) + len(self.fixed_phrases)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Lexicon):
            return NotImplemented
        return self._as_data() == other._as_data()

    def __hash__(self) -> int:
        return self._hash

    def __repr__(self) -> str:
        optional = _SPEAKER_SETS + _SPEAKER_MAPS + _READING_MAPS
        names = [n for n in _ALL_TABLES if n not in optional]
        names += [n for n in optional if getattr(self, n)]
        sizes = ", ".join(f"{name}={len(getattr(self, name))}" for name in names)
        if self.quote_marks.marks:
            sizes += f", quote_marks={len(self.quote_marks.marks)}"
        return f"Lexicon({sizes})"

    def classes(self) -> frozenset[str]:
        """The cue classes used by at least one cue entry."""
        return frozenset(cls for name in _CUE_TABLES for cls in getattr(self, name).values())

    def verb_class(self, lemma: str) -> str | None:
        """The cue class of a verb lemma, after ``lemma_fixes``; None if not a cue.

        Example:
            >>> Lexicon(verbs={"hope": "belief"}, lemma_fixes={"hop": "hope"}).verb_class("hop")
            'belief'
        """
        key = lemma.lower()
        return self.verbs.get(self.lemma_fixes.get(key, key))

    def restrict(self, classes: Iterable[str]) -> Lexicon:
        """A copy that keeps only the cue entries of ``classes``.

        Role nouns, titles, pronouns, neutral cues, the speaker tables and lemma fixes are
        kept whole, except fixes whose verb is dropped.

        Raises:
            ValueError: When a class is not a ``CueClass`` value.

        Example:
            >>> lex = Lexicon(verbs={"say": "statement", "deny": "denial"})
            >>> sorted(lex.restrict(["denial"]).verbs)
            ['deny']
        """
        keep = frozenset(c.value if isinstance(c, CueClass) else str(c) for c in classes)
        unknown = sorted(keep - CUE_CLASSES)
        if unknown:
            raise ValueError(
                Errors.E005.format(unknown=unknown, known=", ".join(sorted(CUE_CLASSES)))
            )
        verbs = {k: v for k, v in self.verbs.items() if v in keep}
        return Lexicon(
            verbs=verbs,
            verb_phrases={k: v for k, v in self.verb_phrases.items() if v in keep},
            fixed_phrases={k: v for k, v in self.fixed_phrases.items() if v in keep},
            role_nouns=self.role_nouns,
            titles=self.titles,
            pronouns=self.pronouns,
            lemma_fixes={k: v for k, v in self.lemma_fixes.items() if v in verbs},
            neutral_cues=self.neutral_cues,
            **{
                name: getattr(self, name)
                for name in (*_SPEAKER_SETS, *_SPEAKER_MAPS, *_READING_MAPS)
            },
            quote_marks=self.quote_marks,
        )

    def _as_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"version": _JSON_VERSION}
        for name in (*_CUE_TABLES, *_MAP_TABLES, *_SPEAKER_MAPS, *_READING_MAPS):
            data[name] = dict(sorted(getattr(self, name).items()))
        for name in (*_SET_TABLES, *_SPEAKER_SETS):
            data[name] = sorted(getattr(self, name))
        data[_MARKS] = self.quote_marks.to_data()
        return data

    def to_json(self) -> str:
        """Serialize to a JSON string with sorted keys (stable across runs)."""
        return json.dumps(self._as_data(), indent=1, ensure_ascii=False)

    @classmethod
    def from_json(cls, s: str, defaults: Lexicon | None = None) -> Lexicon:
        """Build a lexicon from the output of :meth:`to_json`.

        Args:
            s: The JSON text.
            defaults: Where the tables missing from the JSON come from (a file written
                by an earlier version lacks the tables added since); None: they are
                empty. ``verbs`` is always required.

        Example:
            >>> import json
            >>> old = json.loads(Lexicon(verbs={"say": "statement"}, titles={"sen."}).to_json())
            >>> del old["honorifics"]  # a table this file's version did not have
            >>> base = Lexicon(verbs={"tell": "statement"}, honorifics={"mr."})
            >>> lex = Lexicon.from_json(json.dumps(old), defaults=base)
            >>> sorted(lex.verbs), sorted(lex.titles), sorted(lex.honorifics)
            (['say'], ['sen.'], ['mr.'])

        Raises:
            ValueError: When the JSON is not an object, has unknown or missing
                tables, a wrong version, or invalid entries.
        """
        data = json.loads(s)
        if not isinstance(data, dict):
            raise ValueError(Errors.E015.format(type_name=type(data).__name__))
        version = data.pop("version", _JSON_VERSION)
        if version != _JSON_VERSION:
            raise ValueError(Errors.E016.format(version=version))
        allowed = (*_ALL_TABLES, _MARKS)
        unknown = sorted(set(data) - set(allowed))
        if unknown or "verbs" not in data:
            raise ValueError(
                Errors.E017.format(tables=sorted(data), allowed=list(allowed), unknown=unknown)
            )
        for name in (*_SET_TABLES, *_SPEAKER_SETS):
            if name in data:
                data[name] = frozenset(data[name])
        if _MARKS in data:
            data[_MARKS] = QuoteMarks.from_data(data[_MARKS])
        if defaults is not None:
            data = {name: getattr(defaults, name) for name in allowed} | data
        return cls(**data)


def _key_problem(key: object) -> str:
    """Why ``key`` is not a usable table key, or "" when it is."""
    if not isinstance(key, str):
        return "is not a string"
    if not key.strip():
        return "is empty"
    if key != key.strip() or "  " in key or any(c in key for c in "\t\n\r"):
        return "has stray whitespace"
    if key != key.lower():
        return "is not lower case"
    return ""
