"""Roles of named people: "spokesperson for the Chinese Foreign Ministry".

Input: a parsed Doc, the head token of a person's name and the role nouns
and titles of the lexicon.
Output: the role as written in the text, or None.

Two constructions are read: an apposition after the name ("Wang Wenbin,
spokesperson for the Chinese Foreign Ministry, said"; "Linda
Thomas-Greenfield, the US Ambassador to the UN") and a title before the name
inside its noun phrase ("US Secretary of State Anthony Blinken"). A role
must contain a role noun ("spokesperson", "minister", ...); honorifics
("Mr.", "Dr.") alone are not roles.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

__all__ = ["role_of", "roles_in_doc"]

_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "miss", "sir"})
_APPOS_STOP = frozenset({"relcl", "punct", "cc", "conj", "acl", "advcl"})


def role_of(doc: Doc, head: Token, role_nouns: frozenset[str]) -> str | None:
    """Return the role stated next to the name whose head is ``head``.

    Args:
        doc: The parsed Doc.
        head: The head token of a person's name.
        role_nouns: Lower-case nouns that name a role or title.

    Returns:
        The role text as written, or None.
    """
    for child in head.rights:
        if child.dep_ == "appos":
            role = _appos_role(doc, child, role_nouns)
            if role:
                return role
    return _title_role(doc, head, role_nouns)


def roles_in_doc(doc: Doc, role_nouns: frozenset[str]) -> list[tuple[int, int, str]]:
    """Return ``(entity start char, root token index, role)`` for every PERSON with a role."""
    found = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        role = role_of(doc, ent.root, role_nouns)
        if role:
            found.append((ent.start_char, ent.root.i, role))
    return found


def _has_role_noun(tokens: list[Token], role_nouns: frozenset[str]) -> bool:
    return any(t.lower_ in role_nouns or t.lemma_.lower() in role_nouns for t in tokens)


def _appos_role(doc: Doc, appos: Token, role_nouns: frozenset[str]) -> str | None:
    if appos.ent_type_ == "PERSON":
        return None
    end = appos.i
    for child in appos.rights:
        if child.dep_ in _APPOS_STOP:
            break
        end = child.right_edge.i
    start = appos.left_edge.i
    tokens = list(doc[start : end + 1])
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    if not tokens or not _has_role_noun(tokens, role_nouns):
        return None
    return doc[tokens[0].i : tokens[-1].i + 1].text


def _title_role(doc: Doc, head: Token, role_nouns: frozenset[str]) -> str | None:
    name_start = head.i
    while (
        name_start > 0
        and doc[name_start - 1].ent_iob_ != "O"
        and doc[name_start - 1].ent_type_ == head.ent_type_
        and doc[name_start].ent_iob_ == "I"
    ):
        name_start -= 1
    start = head.left_edge.i
    if start >= name_start:
        return None
    tokens = [t for t in doc[start:name_start]]
    while tokens and (
        tokens[0].pos_ == "DET"
        or tokens[0].lower_ in _HONORIFICS
        or tokens[0].is_punct
        or tokens[0].dep_ == "poss"
    ):
        tokens.pop(0)
    while tokens and (tokens[-1].lower_ in _HONORIFICS or tokens[-1].is_punct):
        tokens.pop()
    if not tokens or not _has_role_noun(tokens, role_nouns):
        return None
    if any(t.is_punct and t.text not in ("-", ".", "'") for t in tokens):
        return None
    return doc[tokens[0].i : tokens[-1].i + 1].text
