"""Tests of ``quoteattr.lexicon`` and the English data in ``quoteattr.lang.en``."""

from __future__ import annotations

import ast
import dataclasses
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import quoteattr.lang.en as lang_en
from quoteattr import QuoteExtractor, Settings
from quoteattr.lang.en import EN_LEXICON, en_lexicon_v1
from quoteattr.lang.en.cue_phrases import FIXED_PHRASES, VERB_PHRASES
from quoteattr.lang.en.cue_verbs import CUE_VERBS, LEMMA_FIXES
from quoteattr.lang.en.pronouns import RELATIVE_PRONOUNS, SPEAKER_PRONOUNS
from quoteattr.lang.en.role_nouns import ROLE_NOUNS, TITLES
from quoteattr.lexicon import CUE_CLASSES, PRONOUN_KINDS, Lexicon
from quoteattr.models import CueClass

CUE_TABLES: dict[str, Mapping[str, str]] = {
    "verbs": CUE_VERBS,
    "verb_phrases": VERB_PHRASES,
    "fixed_phrases": FIXED_PHRASES,
}
ALL_KEYS: dict[str, list[str]] = {
    **{name: list(table) for name, table in CUE_TABLES.items()},
    "role_nouns": sorted(ROLE_NOUNS),
    "titles": sorted(TITLES),
    "pronouns": list(SPEAKER_PRONOUNS),
    "lemma_fixes": list(LEMMA_FIXES),
}

#: (past form, lemma) of frequent reporting verbs of news text, each with a "that" clause
# fmt: off
FREQUENT_CUE_FORMS = [
    ("acknowledged", "acknowledge"), ("added", "add"), ("admitted", "admit"),
    ("agreed", "agree"), ("announced", "announce"), ("argued", "argue"),
    ("believed", "believe"), ("claimed", "claim"), ("concluded", "conclude"),
    ("declared", "declare"), ("denied", "deny"), ("explained", "explain"), ("found", "find"),
    ("insisted", "insist"), ("noted", "note"), ("predicted", "predict"),
    ("promised", "promise"), ("recalled", "recall"), ("replied", "reply"),
    ("reported", "report"), ("responded", "respond"), ("revealed", "reveal"), ("said", "say"),
    ("suggested", "suggest"), ("thought", "think"), ("tweeted", "tweet"), ("vowed", "vow"),
    ("warned", "warn"), ("wrote", "write"),
]
# fmt: on
#: base forms the English lemmatizer cuts wrongly as verbs ("address" -> "addres")
LEMMATIZER_SS_QUIRK = {
    "address",
    "confess",
    "discuss",
    "dismiss",
    "express",
    "guess",
    "press",
    "stress",
}


@pytest.fixture(scope="module")
def attributions_extractor(nlp: Language) -> QuoteExtractor:
    """An extractor of every attribution, beliefs and findings included."""
    return QuoteExtractor(nlp, settings=Settings(scope="attributions"))


def small(**tables: Any) -> Lexicon:
    """A tiny valid lexicon, with ``tables`` replacing its defaults."""
    base: dict[str, Any] = {
        "verbs": {"say": "statement", "deny": "denial", "hope": "belief"},
        "verb_phrases": {"call on": "directive"},
        "fixed_phrases": {"according to": "source"},
        "role_nouns": {"minister"},
        "titles": {"mr."},
        "pronouns": {"he": "male", "who": "relative"},
        "lemma_fixes": {"hop": "hope"},
    }
    base.update(tables)
    return Lexicon(**base)


def test_lexicon_is_the_union_of_its_cue_tables() -> None:
    assert len(EN_LEXICON) == len(CUE_VERBS) + len(VERB_PHRASES) + len(FIXED_PHRASES)
    assert all(EN_LEXICON.verb_class(lemma) == cls for lemma, cls in CUE_VERBS.items())


@pytest.mark.parametrize(
    "module", ["cue_verbs", "cue_phrases", "role_nouns", "pronouns", "quote_marks"]
)
def test_lexicon_data_modules_write_no_key_twice(module: str) -> None:
    """A key written twice in a dict or set literal is silently dropped: never allowed."""
    source = (Path(lang_en.__file__).parent / f"{module}.py").read_text(encoding="utf-8")
    repeated = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Dict, ast.Set)):
            elts = node.keys if isinstance(node, ast.Dict) else node.elts
            keys = [k.value for k in elts if isinstance(k, ast.Constant)]
            repeated += [k for k in set(keys) if keys.count(k) > 1]
        if (  # a whitespace-split word list: "a b c".split()
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "split"
            and isinstance(node.func.value, ast.Constant)
            and isinstance(node.func.value.value, str)
        ):
            words = node.func.value.value.split()
            repeated += [w for w in set(words) if words.count(w) > 1]
    assert repeated == []


@pytest.mark.model
def test_lexicon_cue_verbs_are_verb_lemmas(nlp: Language) -> None:
    """Every key is the lemma the pipeline gives the word as a base-form verb."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    wrong = {}
    for key in CUE_VERBS:
        doc = Doc(nlp.vocab, words=[key], pos=["VERB"], tags=["VB"])
        lemma = lemmatizer(doc)[0].lemma_
        if lemma != key and key not in LEMMATIZER_SS_QUIRK:
            wrong[key] = lemma
    assert wrong == {}


@pytest.mark.parametrize("name", list(ALL_KEYS))
def test_lexicon_keys_are_lower_case_and_stripped(name: str) -> None:
    keys = ALL_KEYS[name]
    assert keys, name
    bad = [k for k in keys if not k or k != k.strip().lower() or "  " in k]
    assert not bad, f"{name}: {bad}"


@pytest.mark.parametrize("name", ["verbs", "role_nouns", "titles", "pronouns", "lemma_fixes"])
def test_lexicon_single_word_tables_have_no_spaces(name: str) -> None:
    assert not [k for k in ALL_KEYS[name] if " " in k]


def test_lexicon_cue_tables_do_not_overlap() -> None:
    names = list(CUE_TABLES)
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            shared = set(CUE_TABLES[first]) & set(CUE_TABLES[second])
            assert not shared, f"{first} and {second} share {sorted(shared)}"


@pytest.mark.parametrize("name", list(CUE_TABLES))
def test_lexicon_every_class_is_valid(name: str) -> None:
    bad = {k: v for k, v in CUE_TABLES[name].items() if v not in CUE_CLASSES}
    assert not bad


@pytest.mark.parametrize("name", list(CUE_TABLES))
def test_lexicon_entries_are_grouped_by_class_and_sorted(name: str) -> None:
    items = list(CUE_TABLES[name].items())
    blocks: list[tuple[str, list[str]]] = []
    for key, cls in items:
        if blocks and blocks[-1][0] == cls:
            blocks[-1][1].append(key)
        else:
            blocks.append((cls, [key]))
    classes = [cls for cls, _ in blocks]
    assert len(classes) == len(set(classes)), f"a class is split into blocks: {classes}"
    for cls, keys in blocks:
        assert keys == sorted(keys), f"{name}/{cls} is not sorted"


def test_lexicon_uses_every_cue_class() -> None:
    assert EN_LEXICON.classes() == {c.value for c in CueClass}


def test_lexicon_role_nouns_and_cue_verbs_are_disjoint() -> None:
    assert not ROLE_NOUNS & set(CUE_VERBS)


@pytest.mark.model
@pytest.mark.parametrize(("form", "lemma"), FREQUENT_CUE_FORMS)
def test_lexicon_frequent_cue_verbs_are_found_in_text(
    form: str, lemma: str, attributions_extractor: QuoteExtractor
) -> None:
    quotes = attributions_extractor.extract(f"Ann Lee {form} that the plan would work.")
    assert [
        (q.cue.lemma if q.cue else None, q.speaker.label if q.speaker else None) for q in quotes
    ] == [(lemma, "Ann Lee")]


@pytest.mark.parametrize(
    ("lemma", "cls"),
    [
        ("say", "statement"),
        ("deny", "denial"),
        ("accuse", "accusation"),
        ("urge", "directive"),
        ("ask", "question"),
        ("praise", "praise"),
        ("warn", "warning"),
        ("tweet", "writing"),
        ("cite", "source"),
        ("believe", "belief"),
        ("suggest", "statement"),
        ("show", "finding"),
        ("see", "perception"),
    ],
)
def test_lexicon_classifies_sample_verbs(lemma: str, cls: str) -> None:
    assert CUE_VERBS[lemma] == cls


def test_lexicon_data_modules_are_read_only() -> None:
    for table in (CUE_VERBS, VERB_PHRASES, FIXED_PHRASES, SPEAKER_PRONOUNS, LEMMA_FIXES):
        assert isinstance(table, MappingProxyType)
    for words in (ROLE_NOUNS, TITLES, RELATIVE_PRONOUNS):
        assert isinstance(words, frozenset)


def test_lexicon_relative_pronouns_match_pronoun_table() -> None:
    assert {k for k, v in SPEAKER_PRONOUNS.items() if v == "relative"} == RELATIVE_PRONOUNS
    assert set(SPEAKER_PRONOUNS.values()) <= PRONOUN_KINDS
    assert "that" not in SPEAKER_PRONOUNS


def test_lexicon_lemma_fixes_lead_to_cue_verbs() -> None:
    assert all(v in CUE_VERBS and k not in CUE_VERBS for k, v in LEMMA_FIXES.items())
    assert EN_LEXICON.verb_class("hop") == "belief"
    assert EN_LEXICON.verb_class("Say") == "statement"
    assert EN_LEXICON.verb_class("eat") is None


@pytest.mark.parametrize("name", ["verb_phrases", "fixed_phrases"])
def test_lexicon_phrases_are_spacy_tokens(name: str) -> None:
    tokenizer = spacy.blank("en").tokenizer
    bad = [k for k in ALL_KEYS[name] if [t.text for t in tokenizer(k)] != k.split(" ")]
    assert not bad


@pytest.mark.parametrize("name", ["role_nouns", "titles"])
def test_lexicon_role_words_are_one_token_before_a_name(name: str) -> None:
    tokenizer = spacy.blank("en").tokenizer
    written = {k: k[0].upper() + k[1:] for k in ALL_KEYS[name]}  # "mr." as "Mr."
    bad = [k for k, w in written.items() if tokenizer(f"{w} Smith said")[0].text != w]
    assert not bad


def test_lexicon_json_round_trip() -> None:
    text = EN_LEXICON.to_json()
    back = Lexicon.from_json(text)
    assert back == EN_LEXICON
    assert hash(back) == hash(EN_LEXICON)
    assert back.to_json() == text
    assert dict(back.verbs) == dict(CUE_VERBS)
    assert back.role_nouns == ROLE_NOUNS


@pytest.mark.parametrize(
    "text",
    ["[]", '{"verb_phrases": {}}', '{"verbs": {}, "bogus": {}}', '{"version": 9, "verbs": {}}'],
)
def test_lexicon_from_json_rejects_bad_documents(text: str) -> None:
    with pytest.raises(ValueError):
        Lexicon.from_json(text)


@pytest.mark.parametrize(
    "classes",
    [{"statement"}, {"denial", "accusation"}, {"source", "writing", "belief"}, set()],
)
def test_lexicon_restrict_keeps_only_given_classes(classes: set[str]) -> None:
    small_lex = EN_LEXICON.restrict(classes)
    assert small_lex.classes() == classes
    for name in CUE_TABLES:
        full = getattr(EN_LEXICON, name)
        kept = getattr(small_lex, name)
        assert dict(kept) == {k: v for k, v in full.items() if v in classes}
    assert small_lex.role_nouns == EN_LEXICON.role_nouns
    assert small_lex.pronouns == EN_LEXICON.pronouns
    assert all(v in small_lex.verbs for v in small_lex.lemma_fixes.values())


def test_lexicon_restrict_accepts_enum_members() -> None:
    assert EN_LEXICON.restrict([CueClass.DENIAL]).classes() == {"denial"}


def test_lexicon_restrict_rejects_unknown_class() -> None:
    with pytest.raises(ValueError, match="gossip"):
        EN_LEXICON.restrict(["statement", "gossip"])


def test_lexicon_invalid_class_raises() -> None:
    with pytest.raises(ValueError) as info:
        small(verbs={"say": "statement", "mumble": "muttering"})
    message = str(info.value)
    assert "'mumble'" in message and "'muttering'" in message
    assert all(c.value in message for c in CueClass)


@pytest.mark.parametrize(
    ("tables", "bad"),
    [
        ({"verbs": {"Say": "statement"}}, "'Say'"),
        ({"verbs": {" say": "statement"}}, "' say'"),
        ({"verbs": {"": "statement"}}, "''"),
        ({"verbs": {"call on": "directive"}}, "'call on'"),
        ({"verb_phrases": {"call": "directive"}}, "'call'"),
        ({"verb_phrases": {"call  on": "directive"}}, "'call  on'"),
        ({"fixed_phrases": {"According to": "source"}}, "'According to'"),
        ({"fixed_phrases": {"say": "denial"}}, "'say'"),
        ({"role_nouns": {"Minister"}}, "'Minister'"),
        ({"titles": {"prime minister"}}, "'prime minister'"),
        ({"pronouns": {"he": "man"}}, "'man'"),
        ({"lemma_fixes": {"hop": "hoping"}}, "'hop'"),
        ({"lemma_fixes": {"say": "hope"}}, "'say'"),
    ],
)
def test_lexicon_rejects_malformed_entries(tables: dict[str, Any], bad: str) -> None:
    with pytest.raises(ValueError, match="Invalid lexicon entries") as info:
        small(**tables)
    assert bad in str(info.value)


def test_lexicon_is_immutable_and_copies_its_input() -> None:
    verbs = {"say": "statement"}
    lex = Lexicon(verbs=verbs)
    verbs["deny"] = "denial"
    assert "deny" not in lex.verbs
    with pytest.raises(TypeError):
        lex.verbs["deny"] = "denial"  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        lex.verbs = {}  # type: ignore[misc]


def test_lexicon_equality_and_hash() -> None:
    assert small() == small()
    assert small() != small(titles={"dr."})
    assert len({small(), small(), EN_LEXICON}) == 2
    assert repr(small()) == (
        "Lexicon(verbs=3, verb_phrases=1, fixed_phrases=1, role_nouns=1, titles=1, neutral_cues=0, "
        "pronouns=2, lemma_fixes=1)"
    )


def test_lexicon_registry_returns_en_lexicon() -> None:
    assert en_lexicon_v1() is EN_LEXICON
    assert spacy.util.registry.misc.get("quoteattr.lexicon.en.v1")() is EN_LEXICON
    resolved = spacy.util.registry.resolve({"lex": {"@misc": "quoteattr.lexicon.en.v1"}})
    assert resolved["lex"] is EN_LEXICON


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "word", "lemma"),
    [
        ("She said it.", "said", "say"),
        ("They denied it.", "denied", "deny"),
        ("He accused them of lying.", "accused", "accuse"),
        ("She tweeted it.", "tweeted", "tweet"),
        ("He told reporters it was over.", "told", "tell"),
        ("She wrote that it was over.", "wrote", "write"),
        ("He argues that it is over.", "argues", "argue"),
        ("They warned that it was over.", "warned", "warn"),
        ("She urged them to leave.", "urged", "urge"),
        ("He acknowledged that it was over.", "acknowledged", "acknowledge"),
        ("She criticized the plan.", "criticized", "criticize"),
        ("He believes that it is over.", "believes", "believe"),
        ("The poll shows that it is over.", "shows", "show"),
        ("They found that it was over.", "found", "find"),
        ("She hoped that it was over.", "hoped", "hope"),
        ("He retweeted it.", "retweeted", "retweet"),
        ("She is insisting that it is over.", "insisting", "insist"),
    ],
)
def test_lexicon_lemmas_match_spacy(nlp: Language, sentence: str, word: str, lemma: str) -> None:
    token = next(t for t in nlp(sentence) if t.text == word)
    fixed = LEMMA_FIXES.get(token.lemma_.lower(), token.lemma_.lower())
    assert fixed == lemma
    assert lemma in CUE_VERBS


@pytest.mark.model
@pytest.mark.parametrize("phrase", [p for p in VERB_PHRASES if p.split()[0] not in CUE_VERBS])
def test_lexicon_verb_phrase_starts_with_a_verb(nlp: Language, phrase: str) -> None:
    head = phrase.split()[0]
    token = nlp(f"They will {phrase} today.")[2]
    assert (token.pos_, token.lemma_) == ("VERB", head)
