"""The map side of the corpus stage: a signature for each quote, computed per document.

``sign`` turns ``QuoteRecord`` values into ``Signed`` records: the record, the
key its speaker's name gives (``names``), and for a direct or mixed quotation long
enough to follow (``min_words``) its normalised words and a MinHash of their
word shingles (``datasketch``). A signature depends on its record alone, so
partitions can be signed anywhere (a Dask worker) and merged later (``build``).

Normalisation: accents, case, punctuation and quote marks do not count, so two
texts that differ only there are verbatim copies. A mixed quotation is followed
by its quoted words only (the reporter's paraphrase around them is not the
speaker's).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import regex
from datasketch import MinHash

from .names import acronym_of, fold, is_acronym, name_tokens, org_key, person_key, person_parts
from .records import QuoteRecord

__all__ = ["NUM_PERM", "Signed", "normalized_words", "quoted_parts", "sign", "speaker_signature"]

#: MinHash permutations: 64 keeps the signature at 512 bytes a quote
NUM_PERM = 64
#: shingle length in words
SHINGLE = 3
_SEED = 20
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:'[\p{L}]+)*")
_QUOTED = regex.compile(r"[\"“”„«»]([^\"“”„«»]+)[\"“”„«»]")
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=_SEED)
_PERSON_TYPES = frozenset({"person"})
#: named sources whose name does not identify one body across documents ("Republicans")
_LOCAL_TYPES = frozenset({"group", "unknown"})


@dataclass(frozen=True, slots=True)
class Signed:
    """A record with its speaker signature and, when followed, its quotation signature.

    ``name_key`` is "person:<key>" for a full person name, "surname:<words>" for
    a surname alone ("Vell", "Le Pen"), "local:<name>" for a named group
    ("Republicans"), a source of unknown type or a name without a capital
    ("company"), "org:<key>" for other named sources, None for an unnamed one;
    ``acronym`` the initials of a multi-word organisation name, or
    the folded acronym itself when the name is one (``is_acronym``); ``initials``
    the middle initials of a person name ("hw" for George H.W. Bush);
    ``person_key`` the key the name would have as a person's ("person:barack obama"
    for a speaker typed as an organisation), used when the corpus has that person.
    ``words`` is empty and ``hashvalues`` None for a quote that is not followed.
    """

    record: QuoteRecord
    name_key: str | None
    acronym: str | None
    name_is_acronym: bool
    initials: str
    person_key: str | None
    words: tuple[str, ...]
    hashvalues: np.ndarray | None


def quoted_parts(text: str) -> str:
    """The words inside quote marks of a mixed quotation, joined; the text when it has none.

    Example:
        >>> quoted_parts('the plan was "a disaster for families" and "a shame"')
        'a disaster for families a shame'
    """
    parts = _QUOTED.findall(text)
    return " ".join(parts) if parts else text


def normalized_words(text: str) -> tuple[str, ...]:
    """The folded words of a quotation, without punctuation.

    Example:
        >>> normalized_words("“We’ll WIN,” – Café!")
        ("we'll", 'win', 'cafe')
    """
    return tuple(_WORD.findall(fold(text)))


def speaker_signature(record: QuoteRecord) -> tuple[str | None, str | None, bool]:
    """``(name_key, acronym, name_is_acronym)`` of a record's speaker (see ``Signed``).

    Example:
        >>> r = QuoteRecord("a", 0, 0, "direct", "x", name="FBI", entity_type="organization")
        >>> speaker_signature(r)
        ('org:fbi', 'fbi', True)
    """
    name = record.name
    if name is None or not name.strip():
        return None, None, False
    if record.entity_type in _PERSON_TYPES:
        key = person_key(name)
        if key is not None:
            return f"person:{key}", None, False
        words = name_tokens(name)
        return (f"surname:{' '.join(words)}" if words else None), None, False
    if record.entity_type in _LOCAL_TYPES or not any(c.isupper() for c in name):
        return f"local:{org_key(name)}", None, False
    if is_acronym(name):
        letters = "".join(c for c in fold(name) if c.isalnum())
        return f"org:{letters}", letters, True
    return f"org:{org_key(name)}", acronym_of(name), False


def _minhash(words: tuple[str, ...]) -> np.ndarray:
    if len(words) >= SHINGLE:
        shingles = [" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - 2)]
    else:
        shingles = [w.encode() for w in words]
    mh = _TEMPLATE.copy()
    mh.update_batch(shingles)
    values: np.ndarray = mh.hashvalues
    return values


def sign(records: Iterable[QuoteRecord], *, min_words: int = 6) -> list[Signed]:
    """Sign records: speaker keys for all, MinHash for direct and mixed quotations.

    Args:
        records: Quote records, any number of documents.
        min_words: Quotations (after ``quoted_parts``) shorter than this are not
            followed across documents: "I don't know" is said by everyone.

    Returns:
        One ``Signed`` per record, in order.

    Example:
        >>> r = QuoteRecord("a", 0, 0, "direct", "We will build the bridge by spring.")
        >>> s = sign([r])[0]
        >>> (s.words[:3], s.hashvalues.shape)
        (('we', 'will', 'build'), (64,))
    """
    out: list[Signed] = []
    for record in records:
        name_key, acronym, name_is_acronym = speaker_signature(record)
        words: tuple[str, ...] = ()
        hashvalues = None
        if record.type in ("direct", "mixed"):
            text = quoted_parts(record.text) if record.type == "mixed" else record.text
            words = normalized_words(text)
            if len(words) >= min_words:
                hashvalues = _minhash(words)
            else:
                words = ()
        initials, as_person = "", None
        if record.name and name_key and name_key.startswith(("person:", "org:")):
            initials = person_parts(record.name)[1]
            key = person_key(record.name)
            as_person = f"person:{key}" if key else None
        out.append(
            Signed(
                record, name_key, acronym, name_is_acronym, initials, as_person, words, hashvalues
            )
        )
    return out
