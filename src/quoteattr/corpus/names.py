"""Name keys: when two written names are the same name, and what an acronym stands for.

Person names are equal up to accents, case, titles, middle initials and
suffixes ("Jr.", "III"): "Dr. José A. Ortiz Jr." and "jose ortiz" give the same key,
"José Ortiz" and "Juan Ortiz" never do. Organisation names are equal up to accents,
case, punctuation and a leading "the". An acronym ("FBI") stands for an organisation
name whose initials, without "of", "the", "and" and "for", spell it.
"""

from __future__ import annotations

import unicodedata

import regex

from ..lang.en.role_nouns import TITLES

__all__ = [
    "acronym_of",
    "fold",
    "is_acronym",
    "name_tokens",
    "org_key",
    "person_key",
    "person_parts",
    "slug",
]

_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})
_DEGREES = frozenset({"phd", "md", "esq"})
_TITLES = frozenset(t.rstrip(".").lower() for t in TITLES)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
#: a name that starts with one of these is a surname alone ("Le Pen", "van Gogh")
_PARTICLES = frozenset(
    {"al", "bin", "da", "de", "del", "della", "der", "di", "du", "el", "la", "le", "van", "von"}
)
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "&", "on", "in", "at", "to", "a"})
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)*")
_ACRONYM = regex.compile(r"^(?:\p{Lu}\.?){2,8}$")


def fold(text: str) -> str:
    """Lower case without accents, curly and modifier apostrophes made straight.

    Example:
        >>> fold("José Núñez’s")
        "jose nunez's"
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def person_parts(name: str) -> tuple[list[str], str]:
    """The folded words of a person name and its middle initials.

    Titles, degrees and single-letter initials are left out of the words; a
    generational suffix stays, as its last word.

    Example:
        >>> person_parts("Mr. George H.W. Bush")
        (['george', 'bush'], 'hw')
        >>> person_parts("Martin Luther King, Jr.")
        (['martin', 'luther', 'king', 'jr'], '')
    """
    words = _WORD.findall(fold(name))
    while len(words) > 1 and words[0] in _TITLES:
        words = words[1:]
    while len(words) > 1 and words[-1] in _DEGREES:
        words = words[:-1]
    initials = "".join(w for w in words[1:-1] if len(w) == 1 and w.isalpha())
    return [w for w in words if len(w) > 1 or not w.isalpha()], initials


def name_tokens(name: str) -> list[str]:
    """The folded words of a name, without titles, single-letter initials or degrees.

    Example:
        >>> name_tokens("Mr. Martin Luther King Jr.")
        ['martin', 'luther', 'king', 'jr']
        >>> name_tokens("George W. Bush")
        ['george', 'bush']
    """
    return person_parts(name)[0]


def person_key(name: str) -> str | None:
    """The key of a full person name (two words or more besides a suffix), else None.

    Example:
        >>> person_key("Hillary R. Clinton") == person_key("hillary clinton")
        True
        >>> [person_key(n) is None for n in ("Clinton", "Clinton Jr.", "Le Pen")]
        [True, True, True]
    """
    tokens = name_tokens(name)
    core = tokens[:-1] if tokens and tokens[-1] in _GENERATIONS else tokens
    if len(core) < 2 or core[0] in _PARTICLES:
        return None
    return " ".join(tokens)


def org_key(name: str) -> str:
    """The key of an organisation name: folded words without a leading "the".

    Example:
        >>> org_key("The Federal Bureau of Investigation")
        'federal bureau of investigation'
    """
    words = _WORD.findall(fold(name))
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def is_acronym(name: str) -> bool:
    """Whether a name is written as an acronym ("FBI", "U.N.").

    Example:
        >>> is_acronym("FBI"), is_acronym("U.N."), is_acronym("Fbi")
        (True, True, False)
    """
    return bool(_ACRONYM.match(name.strip()))


def acronym_of(name: str) -> str | None:
    """The initials of a multi-word organisation name, small words left out.

    Example:
        >>> acronym_of("the Federal Bureau of Investigation")
        'fbi'
        >>> acronym_of("Reuters") is None
        True
    """
    words = [w for w in _WORD.findall(fold(name)) if w not in _SMALL_WORDS]
    return "".join(w[0] for w in words) if len(words) >= 2 else None


def slug(text: str) -> str:
    """A key's URL-safe form: folded words joined by "-".

    Example:
        >>> slug("José Ortiz")
        'jose-ortiz'
    """
    return "-".join(_WORD.findall(fold(text)))
