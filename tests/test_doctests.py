"""The examples in the docstrings run, as written (``doctest``) and give what they show.

Every module of the package is searched; examples marked ``# doctest: +SKIP`` (those
that need files or a long run) are not run. Modules whose examples load the English
pipeline run only with the model installed.
"""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

import quoteattr

PACKAGE = Path(quoteattr.__file__).resolve().parent
ROOT = PACKAGE.parents[1]
#: Modules whose (unskipped) examples load the English pipeline.
NEEDS_MODEL = frozenset({"quoteattr.api"})
MODULES = sorted(
    ".".join(("quoteattr", *p.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")
    for p in PACKAGE.rglob("*.py")
    if p.name != "__main__.py"
)


def _examples(name: str) -> list[doctest.DocTest]:
    try:
        module = importlib.import_module(name)
    except ImportError as exc:  # an optional extra (dask, pyarrow) is not installed
        pytest.skip(f"{name}: {exc}")
    tests = doctest.DocTestFinder(exclude_empty=True).find(module, name)
    return [t for t in tests if any(not e.options.get(doctest.SKIP) for e in t.examples)]


@pytest.mark.parametrize(
    "name",
    [pytest.param(m, marks=pytest.mark.model) if m in NEEDS_MODEL else m for m in MODULES],
)
def test_doctests_examples_give_what_they_show(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in _examples(name):
        runner.run(test)
    failed, attempted = runner.summarize(verbose=False)
    assert failed == 0, f"{name}: {failed} of {attempted} examples failed (output above)"


def test_doctests_are_found() -> None:
    counted = sum(len(_examples(name)) for name in MODULES)
    assert counted >= 65  # docstrings with at least one example run
