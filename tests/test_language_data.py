"""English data lives in ``lang/en`` and reaches the stages through the ``Lexicon``.

No stage module imports the language data, and none holds a word list of its own:
a custom lexicon then reaches every rule. Two checks read the stage modules' source
(``ast``): their imports, and their module-level sets, tuples and lists of words.
Each check is also run on a planted example, so that it is seen to fail.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from spacy.glossary import GLOSSARY

from quoteattr.models import CueClass

STAGES = Path(__file__).resolve().parents[1] / "src" / "quoteattr" / "stages"
MODULES = sorted(STAGES.glob("*.py"))

#: Strings that are not English words although they look like them, each with its reason:
#: spaCy's dependency labels ("nsubj", "prep", "case", "mark"), the labels of the
#: annotation scheme, not of the language; and cue class names ("warning", "praise"),
#: the values of ``CueClass``, which name classes of the lexicon's entries.
NOT_WORDS = frozenset(k for k in GLOSSARY if k.islower()) | frozenset(c.value for c in CueClass)
#: Module-level names that hold words that are not language data: ``__all__`` lists
#: the module's own names.
NOT_DATA_NAMES = frozenset({"__all__"})
#: Fewest words that make a literal a word list.
MIN_WORDS = 3


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


def _words(node: ast.AST) -> list[str]:
    """The lower-case alphabetic strings of a set, tuple or list literal."""
    if not isinstance(node, (ast.Set, ast.Tuple, ast.List)):
        return []
    return [
        e.value
        for e in node.elts
        if isinstance(e, ast.Constant)
        and isinstance(e.value, str)
        and e.value.isalpha()
        and e.value.islower()
    ]


def _word_lists(source: str) -> list[tuple[int, str, list[str]]]:
    """``(line, name, words)`` of each module-level assignment of ``source`` that holds a
    literal of ``MIN_WORDS`` or more words that are not labels (``NOT_WORDS``)."""
    found = []
    for stmt in ast.parse(source).body:
        if isinstance(stmt, ast.Assign):
            targets, value = stmt.targets, stmt.value
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            targets, value = [stmt.target], stmt.value
        else:
            continue
        name = ", ".join(ast.unparse(t) for t in targets)
        if name in NOT_DATA_NAMES:
            continue
        for node in ast.walk(value):
            words = [w for w in _words(node) if w not in NOT_WORDS]
            if len(words) >= MIN_WORDS:
                found.append((stmt.lineno, name, words))
    return found


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
def test_language_data_no_stage_holds_a_word_list(path: Path) -> None:
    assert _word_lists(path.read_text(encoding="utf-8")) == []


def test_language_data_checks_see_planted_examples(tmp_path: Path) -> None:
    planted = tmp_path / "planted.py"
    planted.write_text(
        "from ..lang.en.verb_frames import RAISING_VERBS\n"
        "from quoteattr.lang.en import EN_LEXICON\n"
        "from .. import lang\n"
        "from ..lexicon import Lexicon\n"
        '_DEPS = frozenset({"nsubj", "prep", "dobj", "case"})\n'
        '_HEDGES = frozenset({"perhaps", "maybe", "reportedly"})\n'
        '_PAIRS: tuple[tuple[str, ...], ...] = (("so", "yet", "still"),)\n'
        '__all__ = ["alpha", "beta", "gamma"]\n',
        encoding="utf-8",
    )
    source = planted.read_text(encoding="utf-8")
    assert _imports_language_data(source) == [
        "..lang.en.verb_frames",
        "quoteattr.lang.en",
        "..lang",
    ]
    assert _word_lists(source) == [
        (6, "_HEDGES", ["perhaps", "maybe", "reportedly"]),
        (7, "_PAIRS", ["so", "yet", "still"]),
    ]


def test_language_data_the_stages_are_found() -> None:
    assert len(MODULES) > 20 and all(p.suffix == ".py" for p in MODULES)
