"""The reduce side of the corpus stage: signed records in, speakers and quotations out.

``build_corpus`` merges the per-document speakers (``speakers.assign_keys``),
clusters the followed quotations (``clusters.cluster_forms``) and returns one
row per quote (``Corpus.quotes``) with its corpus speaker and cluster, from
which ``tables`` derives every breakdown. It depends only on the signed records
and their relative input order, so a corpus signed in partitions (Dask) gives
the same result as one signed in one go.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..lang.en.first_names import FIRST_NAME_GENDERS
from .clusters import Form, cluster_forms
from .names import is_acronym
from .records import QuoteRecord, month_of
from .signatures import Signed
from .speakers import assign_keys, speaker_of

__all__ = ["Corpus", "build_corpus", "conflicting", "estimated_gender", "source_kind"]

_ORG_TYPES = frozenset({"organization", "place"})


@dataclass
class Corpus:
    """The corpus stage's result: one row per quote, and the followed quotations.

    ``quotes`` rows are dicts with the columns of ``tables.QUOTE_COLUMNS``;
    ``names`` maps a corpus key to its display name, ``aliases`` to every name seen.
    """

    quotes: list[dict[str, Any]]
    names: dict[str, str]
    aliases: dict[str, list[str]]
    clusters: list[dict[str, Any]] = field(default_factory=list)
    members: list[dict[str, Any]] = field(default_factory=list)


def source_kind(record: QuoteRecord) -> str:
    """person, organisation, group, document, anonymous, other or unattributed.

    Example:
        >>> source_kind(QuoteRecord("a", 0, 0, "direct", "x", speaker_id=0,
        ...                         name=None, entity_type="description"))
        'anonymous'
    """
    if record.speaker_id is None:
        return "unattributed"
    if record.name is None:
        return "anonymous"
    if record.entity_type == "person":
        return "person"
    if record.entity_type in ("document", "group"):
        return str(record.entity_type)
    return "organisation" if record.entity_type in _ORG_TYPES else "other"


def estimated_gender(key: str | None) -> str | None:
    """Gender most people with the key's first name have (US census table); None if unknown.

    Example:
        >>> estimated_gender("person:mary-smith"), estimated_gender("org:fbi")
        ('female', None)
    """
    if key is None or not key.startswith("person:"):
        return None
    return FIRST_NAME_GENDERS.get(key[7:].split("-")[0])


def _first_key(r: QuoteRecord) -> tuple[bool, str, int, int]:
    return (r.date is None, r.date or "", r.order, r.quote_index)


def build_corpus(signed: Sequence[Signed], *, aliases: Mapping[str, str] | None = None) -> Corpus:
    """Merge speakers and cluster quotations of a signed corpus.

    Args:
        signed: ``signatures.sign`` output for the whole corpus, any order.
        aliases: The user's alias table (``speakers.read_alias_table``).

    Returns:
        The ``Corpus``; clusters are those carried by two documents or more.

    Example:
        >>> from quoteattr.corpus.records import QuoteRecord as R
        >>> from quoteattr.corpus.signatures import sign
        >>> t = "We will build the bridge by spring."
        >>> recs = [R("a", 0, 0, "direct", t, outlet="Daily", speaker_id=0,
        ...           name="Ann Lee", entity_type="person"),
        ...         R("b", 0, 1, "direct", t, outlet="Weekly", speaker_id=0,
        ...           name="Ann B. Lee", entity_type="person")]
        >>> c = build_corpus(sign(recs))
        >>> (c.names, c.clusters[0]["outlets"])
        ({'person:ann-lee': 'Ann B. Lee'}, 2)
    """
    signed = sorted(signed, key=lambda s: (s.record.order, s.record.quote_index))
    keys = assign_keys(signed, aliases)
    spoken: dict[str, Counter[str]] = defaultdict(Counter)
    stated: dict[str, Counter[str]] = defaultdict(Counter)
    for s in signed:
        who = speaker_of(s)
        if who is not None:
            label = s.record.label or s.record.name
            if label:
                spoken[keys[who]][label] += 1
            if s.record.gender:
                stated[keys[who]][s.record.gender] += 1
    # the display name: the most frequent, an organisation's full name before its acronym
    names = {
        k: min(c.items(), key=lambda x: (is_acronym(x[0]), -x[1], x[0]))[0]
        for k, c in spoken.items()
    }
    quotes = [_row(s, keys, names, stated) for s in signed]
    corpus = Corpus(quotes, names, {k: sorted(c) for k, c in spoken.items()})
    _track(signed, quotes, corpus)
    return corpus


def _row(
    s: Signed,
    keys: Mapping[tuple[str, int], str],
    names: Mapping[str, str],
    stated: Mapping[str, Counter[str]],
) -> dict[str, Any]:
    r = s.record
    who = speaker_of(s)
    key = keys[who] if who is not None else None
    genders = stated.get(key, Counter()) if key is not None else Counter()
    gender = genders.most_common(1)[0][0] if len(genders) == 1 else None
    kind = source_kind(r)
    return {
        "doc_id": r.doc_id,
        "quote_index": r.quote_index,
        "outlet": r.outlet,
        "date": r.date,
        "month": month_of(r.date),
        "type": r.type,
        "text": r.text,
        "speaker_key": key,
        "speaker_name": names.get(key) if key is not None else None,
        "source_kind": kind,
        "speaker_role": r.role,
        "speaker_role_title": r.role_title.lower() if r.role_title else None,
        "speaker_gender": gender if kind == "person" else None,
        "gender_estimate": estimated_gender(key) if kind == "person" else None,
        "cluster_id": None,
        "cluster_status": None,
        "cluster_edit": None,
        **{f: (None if v is None else str(v)) for f, v in sorted(r.fields.items())},
    }


def _cluster_id(text: str) -> str:
    return "q" + hashlib.blake2b(text.encode(), digest_size=5).hexdigest()


def _track(signed: Sequence[Signed], quotes: list[dict[str, Any]], corpus: Corpus) -> None:
    """Cluster the followed quotations; fill the cluster columns of ``quotes``."""
    index: dict[tuple[str, ...], Form] = {}
    for i, s in enumerate(signed):
        if s.hashvalues is None:
            continue
        form = index.get(s.words)
        if form is None:
            index[s.words] = Form(s.words, s.hashvalues, [i])
        else:
            form.members.append(i)
    forms = list(index.values())
    documents = [len({signed[m].record.doc_id for m in f.members}) for f in forms]
    for cluster in cluster_forms(forms, documents):
        members = [m for f in cluster.forms for m in forms[f].members]
        if len({signed[m].record.doc_id for m in members}) < 2:
            continue
        cid = _cluster_id(forms[cluster.canonical].text)
        status = {m: cluster.status[f] for f in cluster.forms for m in forms[f].members}
        edits = {m: cluster.edit.get(f) for f in cluster.forms for m in forms[f].members}
        members.sort(key=lambda m: _first_key(signed[m].record))
        for m in members:
            quotes[m].update(cluster_id=cid, cluster_status=status[m], cluster_edit=edits[m])
            corpus.members.append(
                {
                    "cluster_id": cid,
                    "doc_id": quotes[m]["doc_id"],
                    "quote_index": quotes[m]["quote_index"],
                    "outlet": quotes[m]["outlet"],
                    "date": quotes[m]["date"],
                    "speaker_key": quotes[m]["speaker_key"],
                    "status": status[m],
                    "edit": edits[m],
                    "first_seen": m == members[0],
                }
            )
        corpus.clusters.append(_cluster_row(cid, members, quotes, forms[cluster.canonical]))


def _cluster_row(
    cid: str, members: list[int], quotes: Sequence[dict[str, Any]], canonical: Form
) -> dict[str, Any]:
    rows = [quotes[m] for m in members]
    first = rows[0]
    verbatim = [q for q in rows if q["cluster_status"] == "verbatim"]
    outlets = sorted({q["outlet"] for q in rows if q["outlet"] is not None})
    speakers = sorted({q["speaker_key"] for q in rows if q["speaker_key"] is not None})
    status = Counter(q["cluster_status"] for q in rows)
    return {
        "cluster_id": cid,
        "text": verbatim[0]["text"] if verbatim else canonical.text,
        "quotes": len(rows),
        "documents": len({q["doc_id"] for q in rows}),
        "outlets": len(outlets),
        "outlet_list": "; ".join(outlets),
        "verbatim": status["verbatim"],
        "altered": status["altered"],
        "partial": status["partial"],
        "first_doc": first["doc_id"],
        "first_outlet": first["outlet"],
        "first_date": first["date"],
        "speakers": "; ".join(speakers),
        "conflicting_speakers": conflicting(speakers),
    }


def conflicting(keys: Iterable[str]) -> bool:
    """Whether named speakers of one quotation are different people or bodies.

    A surname kept to its document ("surname:lee@DOC") agrees with a full name
    ending in it; unnamed sources agree with everyone.

    Example:
        >>> conflicting(["person:ann-lee", "surname:lee@b"]), conflicting(["person:ann-lee",
        ...                                                               "person:bo-lee"])
        (False, True)
    """
    full = {k for k in keys if not k.startswith(("unnamed:", "surname:", "group:"))}
    surnames = {k[8:].split("@")[0] for k in keys if k.startswith("surname:")}
    if len(full) > 1 or len(surnames) > 1:
        return True
    if full and surnames:
        return not next(iter(full)).endswith(f"-{next(iter(surnames))}")
    return False
