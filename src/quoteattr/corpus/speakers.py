"""Corpus speakers: each document's speakers merged under one stable key.

A document's speaker (``doc_id``, ``speaker_id``) gets a corpus key, in this order:

1. the user's alias table, when it lists the speaker's name (folded);
2. a full person name: ``person:<first ... last>`` (``names.person_key``), so that
   names equal up to accents, case, titles and middle initials merge and two
   different full names never do; when the corpus gives one name two different
   sets of initials (George H.W. Bush, George W. Bush), each set keeps its own key
   (``person:george-h-w-bush``) and the name without initials a third one;
3. an acronym ("FBI"): the key of the organisation whose initials it spells, a full
   name seen in the same document first, else the only one seen in the corpus;
4. another organisation or named source: ``org:<folded name>``, unless its name
   is the full name of a person of the corpus (a person typed as an organisation
   in one document): then that person's key; or one word that is the surname of
   a person of the corpus ("Trump" typed as an organisation): then as in 5;
5. a one-word person name the document did not resolve to a full name ("Clinton"),
   a named group or a source of unknown type ("Republicans"), and an unnamed
   source ("a senior official"): a key of its own document, never merged with
   anything (``surname:clinton@DOC``, ``group:republicans@DOC``, ``unnamed:DOC#ID``).

The per-document ``name`` is already the full name wherever the document gives it
("Wenbin" after "Wang Wenbin" is named "Wang Wenbin"), so a surname-only or
title-only mention merges exactly where the document itself resolved it.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import IO

from .names import fold, slug
from .signatures import Signed

__all__ = ["SpeakerKeys", "assign_keys", "read_alias_table", "speaker_of"]

#: (doc_id, per-document speaker id) -> corpus key
SpeakerKeys = dict[tuple[str, int], str]


def read_alias_table(handle: IO[str]) -> dict[str, str]:
    """Read a CSV of ``key,alias`` rows (a header row "key,alias" is skipped).

    Returns:
        Folded alias -> key; a key is also an alias of itself.

    Example:
        >>> import io
        >>> read_alias_table(io.StringIO("key,alias\\nperson:bill-clinton,William J. Clinton\\n"))
        {'person:bill-clinton': 'person:bill-clinton', 'william j. clinton': 'person:bill-clinton'}
    """
    table: dict[str, str] = {}
    for row in csv.reader(handle):
        if len(row) < 2 or [c.strip().lower() for c in row[:2]] == ["key", "alias"]:
            continue
        key, alias = row[0].strip(), row[1].strip()
        table.setdefault(fold(key), key)
        table[fold(alias)] = key
    return table


def speaker_of(signed: Signed) -> tuple[str, int] | None:
    """The per-document speaker of a signed record, or None when it has none.

    Example:
        >>> from quoteattr.corpus.records import QuoteRecord
        >>> from quoteattr.corpus.signatures import sign
        >>> speaker_of(sign([QuoteRecord("a", 0, 0, "direct", "x", speaker_id=2)])[0])
        ('a', 2)
    """
    sid = signed.record.speaker_id
    return None if sid is None else (signed.record.doc_id, sid)


def assign_keys(signed: Iterable[Signed], aliases: Mapping[str, str] | None = None) -> SpeakerKeys:
    """Give every per-document speaker its corpus key (see the module docstring).

    Args:
        signed: Signed records of the whole corpus.
        aliases: Folded alias -> key (``read_alias_table``); it takes precedence.

    Returns:
        ``(doc_id, speaker_id)`` -> key, for every record that has a speaker.

    Example:
        >>> from quoteattr.corpus.records import QuoteRecord as R
        >>> from quoteattr.corpus.signatures import sign
        >>> recs = [R("a", 0, 0, "direct", "x", speaker_id=0, name="Ann B. Lee",
        ...           entity_type="person"),
        ...         R("b", 0, 1, "direct", "y", speaker_id=0, name="ann lee",
        ...           entity_type="person")]
        >>> sorted(set(assign_keys(sign(recs)).values()))
        ['person:ann-lee']
    """
    aliases = aliases or {}
    items = list(signed)
    # organisation initials -> organisation keys, per document and for the corpus
    doc_initials: dict[tuple[str, str], set[str]] = defaultdict(set)
    corpus_initials: dict[str, set[str]] = defaultdict(set)
    for s in items:
        if s.name_key and s.acronym and not s.name_is_acronym:
            doc_initials[(s.record.doc_id, s.acronym)].add(s.name_key)
            corpus_initials[s.acronym].add(s.name_key)
    initials: dict[str, set[str]] = defaultdict(set)
    people = {s.name_key for s in items if s.name_key and s.name_key.startswith("person:")}
    surnames = {key.rsplit(" ", 1)[-1] for key in people}
    for s in items:
        if s.name_key and s.name_key.startswith("org:") and s.person_key in people:
            s = replace(s, name_key=s.person_key)
        if s.initials and s.name_key:
            initials[_public(s.name_key)].add(s.initials)
    keys: SpeakerKeys = {}
    for s in items:
        who = speaker_of(s)
        if who is None or who in keys:
            continue
        if s.name_key and s.name_key.startswith("org:") and s.person_key in people:
            s = replace(s, name_key=s.person_key, acronym=None, name_is_acronym=False)
        elif s.name_key and s.name_key.startswith("org:") and s.name_key[4:] in surnames:
            s = replace(s, name_key=f"surname:{s.name_key[4:]}")
        key = _key(s, aliases, doc_initials, corpus_initials)
        if key == _public(s.name_key or "") and len(initials.get(key, ())) > 1 and s.initials:
            first, _, rest = key.partition("-")
            key = f"{first}-{'-'.join(s.initials)}-{rest}"
        keys[who] = key
    return keys


def _key(
    s: Signed,
    aliases: Mapping[str, str],
    doc_initials: Mapping[tuple[str, str], set[str]],
    corpus_initials: Mapping[str, set[str]],
) -> str:
    record = s.record
    if record.name is not None and fold(record.name.strip()) in aliases:
        return aliases[fold(record.name.strip())]
    if s.name_key is None:
        return f"unnamed:{record.doc_id}#{record.speaker_id}"
    kind, _, rest = s.name_key.partition(":")
    if kind in ("surname", "local"):
        return f"{'group' if kind == 'local' else kind}:{slug(rest)}@{record.doc_id}"
    if s.name_is_acronym and s.acronym:
        local = doc_initials.get((record.doc_id, s.acronym), set())
        found = local if len(local) == 1 else corpus_initials.get(s.acronym, set())
        if len(found) == 1:
            return _public(next(iter(found)))
    return _public(s.name_key)


def _public(name_key: str) -> str:
    kind, _, rest = name_key.partition(":")
    return f"{kind}:{slug(rest)}"
