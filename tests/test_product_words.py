"""The product speaks of itself only: no issue numbers, team names or paths of ours in the
package, its command-line help or the README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import quoteattr
from quoteattr.cli import main

PACKAGE = Path(quoteattr.__file__).resolve().parent
README = PACKAGE.parents[1] / "README.md"
FORBIDDEN = re.compile(r"issues?\s*#?\d+|team scorer|team's scorer|shared/eval|\.\./shared", re.I)


def _hits(text: str) -> list[str]:
    return [m.group(0) for m in FORBIDDEN.finditer(text)]


@pytest.mark.parametrize("path", [*sorted(PACKAGE.rglob("*.py")), README], ids=lambda p: p.name)
def test_product_words_none_in_package_or_readme(path: Path) -> None:
    assert _hits(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("command", ["extract", "summarize", "render", "evaluate", "info"])
def test_product_words_none_in_command_help(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([command, "--help"]) == 0
    assert _hits(capsys.readouterr().out) == []
