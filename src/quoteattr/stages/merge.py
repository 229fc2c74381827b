"""Merge the mentions of one speaker and give each speaker an id.

Input: candidates with ``name`` and ``label`` set (after coreference) and the
person names found anywhere in the Doc.
Output: a ``SpeakerKey`` per candidate: a canonical name ("Anthony Blinken"
for "Blinken") and an id shared by every candidate of the same speaker,
numbered in order of first appearance.

A person's canonical name is the longest person name in the document whose
words include the mention's words and end with the same surname. Names of
organisations lose a leading article and a possessive ("the Chinese Foreign
Ministry" -> "Chinese Foreign Ministry").
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

__all__ = ["canonical_name", "name_words"]

_ARTICLES = ("the ", "The ", "THE ")


def name_words(name: str, titles: frozenset[str] = frozenset()) -> list[str]:
    """Lower-case words of a name, without titles and punctuation.

    Args:
        name: A name as written.
        titles: Lower-case titles and honorifics without their point (the
            ``Lexicon``'s, see ``identity``), left out of the words.

    Example:
        >>> name_words("Mr. Thomas-Greenfield", frozenset({"mr"}))
        ['thomas', 'greenfield']
    """
    return list(_name_words(name, titles))


@lru_cache(maxsize=8192)
def _name_words(name: str, titles: frozenset[str]) -> tuple[str, ...]:
    words = []
    raws = name.replace("-", " ").split()
    for k, raw in enumerate(raws):
        word = "".join(ch for ch in raw if ch.isalnum()).lower()
        if word.endswith("s") and raw.endswith(("'s", "’s")):
            word = word[:-1]
        # a title is written before a name: the last word of a name is the surname
        # ("Lena King"); a lone abbreviated title ("Mr.") is no name
        surname = k == len(raws) - 1 and (k > 0 or not raw.endswith("."))
        if word and (word not in titles or surname):
            words.append(word)
    return tuple(words)


def canonical_name(
    name: str, label: str, person_names: Iterable[str], titles: frozenset[str] = frozenset()
) -> str:
    """Return the canonical form of a speaker's name.

    Args:
        name: The name as resolved for one mention.
        label: Its entity label ("PERSON", "ORG", ...).
        person_names: Every person name in the document.
        titles: Titles and honorifics to leave out when comparing names.

    Returns:
        The longest person name that extends ``name`` (same surname, all of
        its words; a one-word name whatever its label, since the tagger often
        takes a surname for a place or an organisation); when the names that
        extend it belong to two people ("Chris Murphy", "Anne Marie Murphy"), the
        person named first. Else ``name`` cleaned of articles and possessives.

    Example:
        >>> canonical_name("Blinken", "PERSON", ["Anthony Blinken", "Wang Yi"])
        'Anthony Blinken'
    """
    cleaned = _clean(name)
    words = name_words(cleaned, titles)
    if not words:
        return cleaned
    if label != "ORG" or len(cleaned.split()) == 1:
        longer = [
            (other, other_words)
            for other in person_names
            if len(other_words := name_words(other, titles)) > len(words)
            and other_words[-1] == words[-1]
            and set(words) <= set(other_words)
        ]
        if not longer:
            return (
                _given_first(cleaned, words[0], person_names, titles)
                if len(words) == 1
                else cleaned
            )
        # two people who share a surname ("Chris Murphy", later "Anne Marie Murphy"): the
        # one named first; of the forms of that person's name, the longest
        first = set(longer[0][1])
        same = [(o, w) for o, w in longer if first <= set(w) or set(w) <= first]
        return _clean(max(same, key=lambda ow: len(ow[1]))[0])
    return cleaned


def _given_first(
    cleaned: str, word: str, person_names: Iterable[str], titles: frozenset[str]
) -> str:
    """The one person name that starts with ``word`` ("Lin" -> "Lin Haoran", family name
    first; "Hillary" -> "Hillary Clinton"), or ``cleaned`` when none or several do."""
    found = {
        _clean(other)
        for other in person_names
        if len(words := _name_words(other, titles)) > 1 and words[0] == word
    }
    return found.pop() if len(found) == 1 else cleaned


def _clean(name: str) -> str:
    name = name.strip()
    for article in _ARTICLES:
        if name.startswith(article):
            name = name[len(article) :]
            break
    if name.endswith(("'s", "’s")):
        name = name[:-2]
    return name.strip()
