"""English language data for quoteattr.

The data modules hold only frozen structures: ``cue_verbs`` (verb lemma ->
cue class), ``cue_phrases`` (multi-word cues), ``role_nouns`` (role nouns,
titles, honorifics and office verbs), ``speaker_kinds`` (nouns and name words
that tell organisations, documents, single people and withheld sources, and
line labels), ``first_names`` (the usual sex of first names, US Census 1990),
``pronouns`` (pronoun kinds and the pronouns the rules test),
``function_words`` (prepositions, conjunctions and other closed-class words the
rules test), ``verb_frames`` (how cue verbs
take their content), ``abbreviations`` (words a point does not end a
sentence after) and ``quote_marks`` (quotation-mark pairs). This module
assembles the cue and speaker tables and the quotation marks into the validated ``EN_LEXICON`` and
registers it for spaCy configs as ``{"@misc": "quoteattr.lexicon.en.v1"}``.

Example:
    >>> from quoteattr.lang.en import EN_LEXICON
    >>> EN_LEXICON.verbs["say"], EN_LEXICON.fixed_phrases["according to"]
    ('statement', 'source')
"""

from __future__ import annotations

import spacy

from ...lexicon import Lexicon
from ...marks import QuoteMarks
from . import quote_marks
from .abbreviations import ABBREVIATIONS
from .cue_phrases import (
    FIXED_PHRASES,
    REQUEST_NOUNS,
    SOURCE_COMPLEMENT_PREPOSITIONS,
    SOURCE_PARTICIPLES,
    SOURCE_PREPOSITIONS,
    VERB_PHRASES,
)
from .cue_verbs import CUE_VERBS, LEMMA_FIXES, NEUTRAL_CUES, SPEECH_READINGS
from .first_names import FIRST_NAME_GENDERS
from .function_words import (
    ADDRESSEE_PREPOSITIONS,
    AUTHOR_PREPOSITIONS,
    BRANCH_PREPOSITIONS,
    CLAUSE_OPENERS,
    COMPLEMENTISERS,
    CONNECTIVES,
    COPULAS,
    DEFINITE_ARTICLES,
    DEFINITE_DETERMINERS,
    EDGE_CONJUNCTIONS,
    FOCUS_ADVERBS,
    NAMING_PREPOSITIONS,
    NOUN_DETERMINERS,
    PARTITIVE_PREPOSITIONS,
    QUESTION_COMPLEMENTISERS,
    ROLE_PREPOSITIONS,
    TITLE_FUNCTION_WORDS,
    TITLE_INTRODUCERS,
)
from .pronouns import (
    ANTECEDENT_PRONOUNS,
    EXPLETIVES,
    FIRST_PERSON_SUBJECTS,
    NON_REFERRING_SUBJECTS,
    RELATIVE_WORDS,
    SPEAKER_PRONOUNS,
)
from .role_nouns import (
    ADDRESS_TITLES,
    GROUP_NOUNS,
    HONORIFIC_GENDERS,
    HONORIFICS,
    OFFICE_VERBS,
    ROLE_NOUNS,
    TITLES,
)
from .speaker_kinds import (
    ANONYMITY_WORDS,
    AUTHORING_VERBS,
    DOCUMENT_NOUNS,
    GENERIC_PEOPLE_NOUNS,
    GROUP_PERSON_NOUNS,
    LINE_LABELS,
    NAME_PARTICLES,
    ORG_NAME_WORDS,
    ORG_NOUNS,
    PERSON_NOUNS,
)
from .verb_frames import (
    ACTIVITY_VERBS,
    ADDRESSEE_VERBS,
    CLAUSE_ONLY_VERBS,
    COMPLEMENT_VERBS,
    CONTENT_PREPOSITIONS,
    PASSIVE_COMPLEMENT_PREPOSITIONS,
    PASSIVE_RAISING_VERBS,
    PASSIVE_SPEAKER_VERBS,
    QUESTION_VERBS,
    RAISING_COMPLEMENTISERS,
    RAISING_PREPOSITIONS,
    RAISING_VERBS,
    REPORT_MEDIA,
    SETTING_PREPOSITIONS,
    SOURCE_CLAUSE_MARKERS,
)

__all__ = ["EN_LEXICON", "en_lexicon_v1"]

#: The English lexicon, built once at import.
EN_LEXICON: Lexicon = Lexicon(
    quote_marks=QuoteMarks(
        openers=quote_marks.OPENERS,
        closers=quote_marks.CLOSERS,
        ambiguous=quote_marks.AMBIGUOUS,
        double=quote_marks.DOUBLE,
        single=quote_marks.SINGLE,
        apostrophes=quote_marks.APOSTROPHE_LIKE,
        doubled_apostrophe=quote_marks.DOUBLED_APOSTROPHE,
        pairs=quote_marks.PAIRS,
        continuation_openers=quote_marks.CONTINUATION_OPENERS,
        leading_elisions=quote_marks.LEADING_ELISIONS,
    ),
    verbs=CUE_VERBS,
    verb_phrases=VERB_PHRASES,
    fixed_phrases=FIXED_PHRASES,
    role_nouns=ROLE_NOUNS,
    titles=TITLES,
    pronouns=SPEAKER_PRONOUNS,
    lemma_fixes=LEMMA_FIXES,
    neutral_cues=NEUTRAL_CUES,
    honorifics=HONORIFICS,
    honorific_genders=HONORIFIC_GENDERS,
    first_name_genders=FIRST_NAME_GENDERS,
    group_nouns=GROUP_NOUNS,
    org_nouns=ORG_NOUNS,
    document_nouns=DOCUMENT_NOUNS,
    org_name_words=ORG_NAME_WORDS,
    anonymity_words=ANONYMITY_WORDS,
    name_particles=NAME_PARTICLES,
    abbreviations=ABBREVIATIONS,
    person_nouns=PERSON_NOUNS,
    office_verbs=OFFICE_VERBS,
    address_titles=ADDRESS_TITLES,
    line_labels=LINE_LABELS,
    authoring_verbs=AUTHORING_VERBS,
    relative_words=RELATIVE_WORDS,
    source_prepositions=SOURCE_PREPOSITIONS,
    source_participles=SOURCE_PARTICIPLES,
    request_nouns=REQUEST_NOUNS,
    addressee_verbs=ADDRESSEE_VERBS,
    clause_only_verbs=CLAUSE_ONLY_VERBS,
    complement_verbs=COMPLEMENT_VERBS,
    question_verbs=QUESTION_VERBS,
    report_media=REPORT_MEDIA,
    raising_verbs=RAISING_VERBS,
    passive_raising_verbs=PASSIVE_RAISING_VERBS,
    passive_complement_prepositions=PASSIVE_COMPLEMENT_PREPOSITIONS,
    passive_speaker_verbs=PASSIVE_SPEAKER_VERBS,
    activity_verbs=ACTIVITY_VERBS,
    setting_prepositions=SETTING_PREPOSITIONS,
    title_introducers=TITLE_INTRODUCERS,
    title_function_words=TITLE_FUNCTION_WORDS,
    connectives=CONNECTIVES,
    focus_adverbs=FOCUS_ADVERBS,
    role_prepositions=ROLE_PREPOSITIONS,
    naming_prepositions=NAMING_PREPOSITIONS,
    copulas=COPULAS,
    clause_openers=CLAUSE_OPENERS,
    author_prepositions=AUTHOR_PREPOSITIONS,
    edge_conjunctions=EDGE_CONJUNCTIONS,
    noun_determiners=NOUN_DETERMINERS,
    antecedent_pronouns=ANTECEDENT_PRONOUNS,
    non_referring_subjects=NON_REFERRING_SUBJECTS,
    expletives=EXPLETIVES,
    first_person_subjects=FIRST_PERSON_SUBJECTS,
    complementisers=COMPLEMENTISERS,
    question_complementisers=QUESTION_COMPLEMENTISERS,
    definite_determiners=DEFINITE_DETERMINERS,
    definite_articles=DEFINITE_ARTICLES,
    addressee_prepositions=ADDRESSEE_PREPOSITIONS,
    partitive_prepositions=PARTITIVE_PREPOSITIONS,
    branch_prepositions=BRANCH_PREPOSITIONS,
    raising_prepositions=RAISING_PREPOSITIONS,
    raising_complementisers=RAISING_COMPLEMENTISERS,
    source_clause_markers=SOURCE_CLAUSE_MARKERS,
    content_prepositions=CONTENT_PREPOSITIONS,
    source_complement_prepositions=SOURCE_COMPLEMENT_PREPOSITIONS,
    group_person_nouns=GROUP_PERSON_NOUNS,
    generic_people_nouns=GENERIC_PEOPLE_NOUNS,
    speech_readings=SPEECH_READINGS,
)


@spacy.util.registry.misc("quoteattr.lexicon.en.v1")  # type: ignore[untyped-decorator]
def en_lexicon_v1() -> Lexicon:
    """Return the English lexicon (registry key ``quoteattr.lexicon.en.v1``).

    Version 1 is frozen: a changed word list gets a new key (``.v2``) so
    that saved configs keep their behaviour.

    Example:
        >>> import spacy
        >>> spacy.util.registry.misc.get("quoteattr.lexicon.en.v1")() is EN_LEXICON
        True
    """
    return EN_LEXICON
