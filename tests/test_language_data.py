"""English data lives in ``lang/en`` and reaches the stages through the ``Lexicon``.

No stage module imports the language data, and none holds a word of its own: a custom
lexicon then reaches every rule. Two checks read the stage modules' source (``ast``):
their imports, and the words they hold, at module level and inside functions alike:
the lower-case alphabetic strings of every set, tuple and list literal and of every
comparison (``==``, ``!=``, ``in``, ``not in``), one word being enough
(``tok.lower_ == "that"``). Each check is also run on a planted example, so that it is
seen to fail.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import json
from pathlib import Path
from types import ModuleType
from typing import Any, Literal, get_args, get_origin

import pytest
from pydantic import BaseModel
from spacy.glossary import GLOSSARY

from quoteattr import models, types
from quoteattr.lang.en import EN_LEXICON
from quoteattr.lexicon import PRONOUN_KINDS
from quoteattr.models import CueClass
from quoteattr.settings import Settings
from quoteattr.stages.trees import TREE_PATTERNS
from quoteattr.types import CueKind, MentionKind

STAGES = Path(__file__).resolve().parents[1] / "src" / "quoteattr" / "stages"
MODULES = sorted(STAGES.glob("*.py"))
STAGE_MODULES = [importlib.import_module(f"quoteattr.stages.{p.stem}") for p in MODULES]


def _literals(annotation: Any) -> frozenset[str]:
    """The values of a ``Literal`` type (none for another type)."""
    return frozenset(get_args(annotation)) if get_origin(annotation) is Literal else frozenset()


def _field_names(module: ModuleType) -> frozenset[str]:
    """The field names of the pydantic models and dataclasses defined in ``module``."""
    found: set[str] = set()
    for obj in vars(module).values():
        if not isinstance(obj, type) or obj.__module__ != module.__name__:
            continue
        if issubclass(obj, BaseModel):
            found |= set(obj.model_fields)
        elif dataclasses.is_dataclass(obj):
            found |= {f.name for f in dataclasses.fields(obj)}
    return frozenset(found)


#: Strings that are not English words although they look like them, all read from the
#: vocabularies of spaCy and of the code itself, none typed here:
#:
#: - spaCy's dependency labels and part-of-speech tags (``spacy.glossary``: "nsubj",
#:   "prep", "case", "mark"), the labels of the annotation scheme, not of the language;
#: - the cue classes (``CueClass``: "warning", "praise") and pronoun kinds
#:   (``lexicon.PRONOUN_KINDS``: "male", "plural"), the classes of the lexicon's entries;
#: - the cue and mention kinds (``types.CueKind``: "verb"; ``types.MentionKind``:
#:   "noun", "pronoun") and the values of the settings (``Settings.scope``:
#:   "attributions");
#: - the field names of the output models and of the records of the stages
#:   (``models.Speaker``: "role", "gender"; ``stages.cue_rules.Found``: "parted"), read
#:   with ``getattr`` or used as the names of their parts;
#: - the names of the dependency patterns (``stages.trees.TREE_PATTERNS``:
#:   "interjected"), which also name the rules that use them.
#:
#: A word of the language that is also one of these passes unseen wherever it is
#: written; ``test_language_data_allowed_strings_are_few_words`` keeps that list in view.
NOT_WORDS = (
    frozenset(k for k in GLOSSARY if k.islower())
    | frozenset(c.value for c in CueClass)
    | PRONOUN_KINDS
    | _literals(CueKind)
    | _literals(MentionKind)
    | frozenset().union(*(_literals(f.annotation) for f in Settings.model_fields.values()))
    | frozenset().union(*(_field_names(m) for m in (models, types, *STAGE_MODULES)))
    | frozenset(TREE_PATTERNS)
)
#: Attributes of a token whose values are labels: a string compared with one is a label
#: even when ``spacy.glossary`` lacks it (``c.dep_ in ("quantmod", "predet")``).
LABEL_ATTRIBUTES = frozenset({"dep_", "pos_", "tag_", "ent_type_", "label_"})
#: Module-level names that hold words that are not language data: ``__all__`` lists
#: the module's own names.
NOT_DATA_NAMES = frozenset({"__all__"})
#: (stage, string) -> why the language data stays in the code for now; the check asks
#: for exactly these, so that an entry goes when its string does.
LEFT_IN_PLACE = {
    ("selection", "aeiouwxy"): "the letters after which cue_forms doubles no final "
    "consonant: English spelling, but one piece of its English inflection rule, whose "
    "suffixes (-s, -es, -ed, -ing, -ies) are written as string sums; the rule would "
    "become data as a whole (a per-language inflection), not letter by letter",
}


def _imports_language_data(source: str) -> list[str]:
    """The imports of ``source`` that reach ``quoteattr.lang`` (absolute or relative)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            names = [module] if module else [a.name for a in node.names]
            if node.level == 0:
                found += [
                    n for n in names if n == "quoteattr.lang" or n.startswith("quoteattr.lang.")
                ]
            else:  # a stage module is one level below the package: "..lang" is the data
                found += [
                    "." * node.level + n
                    for n in names
                    if node.level == 2 and (n == "lang" or n.startswith("lang."))
                ]
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("quoteattr.lang")]
    return found


def _strings(node: ast.AST) -> list[ast.Constant]:
    """The lower-case alphabetic strings of ``node``: itself, or the elements of a set,
    tuple or list literal."""
    elements = node.elts if isinstance(node, (ast.Set, ast.Tuple, ast.List)) else [node]
    return [
        e
        for e in elements
        if isinstance(e, ast.Constant)
        and isinstance(e.value, str)
        and e.value.isalpha()
        and e.value.islower()
    ]


def _not_searched(tree: ast.Module) -> set[int]:
    """Ids of the nodes left out: the assignments of ``NOT_DATA_NAMES`` and the
    comparisons with a label (``LABEL_ATTRIBUTES``), operands and all."""
    roots: list[ast.AST] = [
        stmt
        for stmt in tree.body
        if isinstance(stmt, ast.Assign) and {ast.unparse(t) for t in stmt.targets} & NOT_DATA_NAMES
    ]
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(isinstance(o, ast.Attribute) and o.attr in LABEL_ATTRIBUTES for o in operands):
                roots.append(node)
    return {id(n) for root in roots for n in ast.walk(root)}


def _words_in_code(source: str) -> list[tuple[int, str]]:
    """``(line, word)`` of each string of ``source``, at any depth, that is an element
    of a set, tuple or list literal or an operand of a comparison, and that is not one
    of ``NOT_WORDS``; sorted."""
    tree = ast.parse(source)
    skipped = _not_searched(tree)
    found: dict[int, ast.Constant] = {}
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
            found |= {id(s): s for s in _strings(node)}
        elif isinstance(node, ast.Compare):
            for operand in (node.left, *node.comparators):
                found |= {id(s): s for s in _strings(operand)}
    return sorted((s.lineno, s.value) for s in found.values() if s.value not in NOT_WORDS)


#: Stages that still import their language data, each with what is left to do; strict,
#: so that the entry must go when the import does.
STILL_IMPORTING: dict[str, str] = {}


def _expected_clean(path: Path) -> object:
    reason = STILL_IMPORTING.get(path.stem)
    return (
        pytest.param(path, marks=pytest.mark.xfail(strict=True, reason=reason)) if reason else path
    )


@pytest.mark.parametrize("path", [_expected_clean(p) for p in MODULES], ids=lambda p: p.stem)
def test_language_data_no_stage_imports_lang(path: Path) -> None:
    assert _imports_language_data(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.stem)
def test_language_data_no_stage_holds_a_word(path: Path) -> None:
    found = _words_in_code(path.read_text(encoding="utf-8"))
    left = {word for stage, word in LEFT_IN_PLACE if stage == path.stem}
    assert [(line, word) for line, word in found if word not in left] == []
    assert left <= {word for _, word in found}, "a LEFT_IN_PLACE entry is no longer needed"


def test_language_data_checks_see_planted_examples(tmp_path: Path) -> None:
    planted = tmp_path / "planted.py"
    planted.write_text(
        "from ..lang.en.verb_frames import RAISING_VERBS\n"
        "from quoteattr.lang.en import EN_LEXICON\n"
        "from .. import lang\n"
        "from ..lexicon import Lexicon\n"
        '_DEPS = frozenset({"nsubj", "prep", "dobj", "case"})\n'
        '_HEDGES = frozenset({"perhaps", "maybe"})\n'
        '__all__ = ["alpha", "beta", "gamma"]\n'
        "def rule(tok, cue, kind, settings):\n"
        '    if tok.lower_ == "that" and tok.dep_ in ("mark", "predet"):\n'
        '        return tok.head.lower_ in ("to", "with") or "so" != tok.lemma_\n'
        '    if cue.kind == "verb" and kind in ("male", "plural") and tok.pos_ == "VERB":\n'
        '        return settings.scope == "attributions" and cue.cue_class == "warning"\n'
        '    return [t for t in tok.children if t.lower_ not in ["yet", "Still", "so far"]]\n',
        encoding="utf-8",
    )
    source = planted.read_text(encoding="utf-8")
    assert _imports_language_data(source) == [
        "..lang.en.verb_frames",
        "quoteattr.lang.en",
        "..lang",
    ]
    assert _words_in_code(source) == [
        (6, "maybe"),
        (6, "perhaps"),
        (9, "that"),
        (10, "so"),
        (10, "to"),
        (10, "with"),
        (13, "yet"),
    ]


def test_language_data_allowed_strings_are_few_words() -> None:
    """The strings of ``NOT_WORDS`` that are also words of the English lexicon, which
    the check cannot see; in the stages each is written only as a label ("mark"), a cue
    class ("question"), a kind ("relative") or a field name ("text")."""
    tables = json.loads(EN_LEXICON.to_json())
    marks = tables.pop("quote_marks")  # characters, and the words of leading elisions
    tables["leading_elisions"] = marks["leading_elisions"]
    words = {
        w for name, table in tables.items() if name != "version" for e in table for w in e.split()
    }
    assert sorted(NOT_WORDS & words) == [
        "case", "da", "det", "head", "label", "mark", "mention", "meta", "praise", "promise",
        "question", "relative", "rule", "source", "speaker", "speech", "statement", "text",
    ]  # fmt: skip
    assert {"nsubj", "male", "noun", "verb", "attributions", "parted", "interjected"} <= NOT_WORDS


def test_language_data_the_stages_are_found() -> None:
    assert len(MODULES) > 20 and all(p.suffix == ".py" for p in MODULES)
