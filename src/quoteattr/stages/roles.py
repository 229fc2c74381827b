"""Roles of named people: "spokesperson for the Chinese Foreign Ministry".

Input: a parsed Doc, the head token of a person's name and the ``Lexicon``
(role nouns, titles, honorifics, organisation name words).
Output: the role as written in the text, or None; and the split of a role
into its title and its organisation.

Constructions read, in order: an apposition after the name ("Wang Wenbin,
spokesperson for the Chinese Foreign Ministry, said"); a title before the name
inside its noun phrase ("US Secretary of State Anthony Blinken", "Sen.
Elizabeth Warren", "Striker Lena Park"); an apposition before the name ("the
prime minister, Keir Starmer,"; "Governor Ellen Marsh's spokesman, Tim
Boyle,"); a relative clause of office ("X, who chairs the committee,"); a copula
("X became chief executive of Y"). A role
must contain a role noun or a title, or be an apposition headed by a singular
common noun ("Kim Ode, a glassblower,"): the lexicon is a hint, the syntax
decides. Coordinated titles stay whole ("founder and managing partner of X").
Honorifics ("Mr.", "Dr.") alone are not roles.
"""

from __future__ import annotations

import regex
from spacy.tokens import Doc, Span, Token

from ..lexicon import Lexicon
from .doc_memo import ents_of
from .mentions import entity_span

__all__ = [
    "given_name_start",
    "glued_end",
    "hyphen_joined",
    "is_title",
    "name_start",
    "phrase_before_name",
    "predicate_role",
    "role_of",
    "roles_in_doc",
    "split_role",
    "surname_roles",
    "titled_run",
    "without_clauses",
]

_APPOS_STOP = frozenset({"relcl", "punct", "cc", "conj", "acl", "advcl"})
#: A party initial and a place in brackets: "(D-San Jose)", "(R-Texas)".
_PARTY = regex.compile(r"^\([DRI]\s*-\s*[A-Z][^()]*\)$")
#: Verbs that give their subject a role ("X became chief executive").
#: Clauses that describe a role's holder rather than name the role ("who chairs").
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl"})
#: Letters after a name for a degree or qualification ("M.D.", "Ph.D.", "R.N.").
_POSTNOMINAL = regex.compile(r"^(?:[A-Z][a-z]{0,2}\.){2,3}$")
_AFFILIATION = regex.compile(r"^(?P<title>.+?)\s+(?:for|of|at|to|with)\s+(?P<org>\S.*)$")


def role_of(doc: Doc, head: Token, lexicon: Lexicon) -> str | None:
    """Return the role stated next to the name whose head is ``head``.

    Args:
        doc: The parsed Doc.
        head: The head token of a person's name.
        lexicon: Role nouns, titles and honorifics.

    Returns:
        The role text as written, or None.
    """
    for child in head.rights:
        role = None
        if child.dep_ == "appos":
            role = _appos_role(doc, child, lexicon)
            if role is None and _POSTNOMINAL.match(child.text):
                # "Ann Roe, M.D., Chief Medical Officer of X": the letters after a name
                # are a degree, the apposition after them the role
                role = next(
                    (
                        r
                        for c in child.rights
                        if c.dep_ == "conj" and (r := _appos_role(doc, c, lexicon))
                    ),
                    None,
                )
        elif child.dep_ == "conj" and _title_conjunct(child, lexicon):
            role = _appos_role(doc, child, lexicon)  # "Ann Roe, President and CEO."
        if role:
            return role
    title = _title_role(doc, head, lexicon)
    if title:
        party = _party(doc, head)
        return f"{title} {party}" if party else title
    return (
        _role_before(doc, head, lexicon)
        or _office(head, lexicon)
        or predicate_role(head, lexicon)
        or _joined_title(doc, head, lexicon)
    )


def predicate_role(head: Token, lexicon: Lexicon) -> str | None:
    """'Joanna Whitfield became chief executive of the Harbour Symphony': the role a
    copula gives its subject (be, become, remain), when it holds a role noun."""
    verb = head.head
    if head.dep_ != "nsubj" or verb.lemma_.lower() not in lexicon.copulas:
        return None
    attr = next((c for c in verb.rights if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    if attr is None or attr.lemma_.lower() not in lexicon.role_nouns:
        return None
    tokens = without_clauses(list(attr.subtree), attr)
    while tokens and (tokens[0].pos_ == "DET" or tokens[0].tag_ == "PRP$"):
        tokens.pop(0)
    return str(head.doc[tokens[0].i : tokens[-1].i + 1].text) if tokens else None


def surname_roles(doc: Doc, lexicon: Lexicon, surnames: frozenset[str]) -> list[Token]:
    """Surnames the tagger left out of any entity that a copula gives a role, in a
    sentence of their own after the full name ("Gary Voss spoke. Voss is the township
    board chairman."): the subject tokens, for ``role_of``."""
    return [
        t
        for t in doc
        if t.dep_ == "nsubj"
        and t.ent_iob_ == "O"
        and t.is_alpha
        and t.text[:1].isupper()
        and t.lower_ in surnames
        and t.head.lemma_.lower() in lexicon.copulas
    ]


def title_before(doc: Doc, start: int, lexicon: Lexicon) -> str | None:
    """The capitalised title written right before a name that starts at ``start``, also
    one joined by a role preposition ("Minister of State for Agriculture Ann Roe"), from its
    first title or role noun; None when it holds none."""
    lead = start
    while lead > 0:
        prev = doc[lead - 1]
        low = prev.lower_
        if prev.is_sent_end or not (
            (prev.pos_ == "PROPN" and prev.text[:1].isupper())
            or low in lexicon.role_prepositions
            or (prev.text[:1].isupper() and (low in lexicon.titles or low in lexicon.role_nouns))
        ):
            break
        lead -= 1
    while lead < start and not is_title(doc[lead], lexicon):
        lead += 1
    return str(doc[lead:start].text) if lead < start else None


def _joined_title(doc: Doc, head: Token, lexicon: Lexicon) -> str | None:
    """The title joined by "of" or "for" before a person's entity ("Secretary of State
    for Fisheries Ann Roe"), which the parse splits off the name."""
    ent = entity_span(head)
    if ent is None or head.ent_type_ != "PERSON":
        return None
    start = given_name_start(doc, ent.start, lexicon)
    title = title_before(doc, start, lexicon)
    if title is None or not lexicon.role_prepositions & set(title.split()):
        return None
    return title


def _party(doc: Doc, head: Token) -> str | None:
    """The party and place in brackets after a name, as US news writes them after a
    title ("Sen. Dave Ortiz (D-San Mateo)"): "(D-San Mateo)"."""
    ent = entity_span(head)
    end = ent.end if ent is not None else head.i + 1
    if end >= len(doc) or doc[end].text != "(":
        return None
    close = next((t.i for t in doc[end : min(len(doc), end + 8)] if t.text == ")"), None)
    if close is None:
        return None
    inside = doc[end : close + 1].text
    return inside if _PARTY.match(inside) else None


def roles_in_doc(doc: Doc, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """Return ``(entity start char, root token index, role)`` for every PERSON with a role."""
    found = []
    for ent in ents_of(doc):
        if ent.label_ != "PERSON":
            continue
        role = role_of(doc, ent.root, lexicon)
        if role:
            found.append((ent.start_char, ent.root.i, role))
    return found


def name_start(doc: Doc, ent: Span, lexicon: Lexicon) -> int:
    """Index of the first token of the name proper in ``ent``, after titles the
    tagger took into the entity ("Striker Lena Park", "Bishop Anne Cole"), also
    those the lexicon lacks, before a given name ("Assemblymember Ada Moss")."""
    start = ent.start
    while start < ent.end - 1 and is_title(doc[start], lexicon):
        start += 1
    # a title the lexicon lacks ("Assemblymember Ada Moss"): the name starts at the
    # first given name when no word before it is one and a surname follows it
    for i in range(start, ent.end - 1):
        if doc[i].lower_ in lexicon.first_name_genders and not doc[i].text.islower():
            return i if all(doc[j].text[:1].isupper() for j in range(start, i)) else start
    return start


def given_name_start(doc: Doc, start: int, lexicon: Lexicon) -> int:
    """``start`` of a person's entity moved back over the given name the tagger left out
    ("Chief Executive [Martin] Osei"): a capitalised proper noun outside any entity,
    joined to the name, that is a usual given name or follows a title; not a title,
    role noun or organisation word itself."""
    i = start
    while i > 0 and i > start - 2:
        token = doc[i - 1]
        low = token.lower_
        # "Mayor [Pieter] van den Berg": a particle opens a surname, never a name, so
        # the word before it is the given name whatever entity the tagger gave it
        particle = i == start and doc[i].text.islower() and doc[i].lower_ in lexicon.name_particles
        if (
            (token.ent_iob_ != "O" and not (particle and token.ent_type_ != "PERSON"))
            or token.pos_ != "PROPN"
            or not token.is_alpha
            or not token.text[:1].isupper()
            or token.dep_ != "compound"
            or token.head.i < start
            or low in lexicon.titles
            or low in lexicon.role_nouns
            or low in lexicon.org_name_words
        ):
            break
        titled = i - 2 >= 0 and is_title(doc[i - 2], lexicon)
        if low not in lexicon.first_name_genders and not titled:
            break
        i -= 1
    return i


def titled_run(doc: Doc, head: Token, lexicon: Lexicon) -> Span | None:
    """A title and a name the tagger left out of any entity ("Chief Executive Leonard
    Brisk said"): the capitalised proper nouns joined to ``head``, when a title or role
    noun opens them and a name follows it; else None."""
    if head.ent_iob_ != "O" or head.pos_ != "PROPN" or not head.text[:1].isupper():
        return None
    start = head.i
    while start > 0 and doc[start - 1].ent_iob_ == "O":
        token = doc[start - 1]
        if _glued_hyphen(token) and start >= 2:
            start -= 1  # "Ann Tonye-Wokoma": a hyphenated surname is one name
            continue
        if not (
            token.pos_ == "PROPN"
            and token.dep_ == "compound"
            and start <= token.head.i <= head.i
            and token.text[:1].isupper()
        ):
            break
        start -= 1
    if doc[start].text == "-":
        start += 1
    run = doc[start : head.i + 1]
    return run if start < head.i and titled_name(doc, run, lexicon) else None


def hyphen_joined(head: Token) -> Span | None:
    """A person's entity that stops short of the hyphenated part of a surname
    ("[Ann Lee]-Roe"), extended to ``head``, the part the tagger left out;
    None when ``head`` is not such a part."""
    doc = head.doc
    if head.ent_iob_ != "O" or head.i < 2 or not head.text[:1].isupper():
        return None
    if not _glued_hyphen(doc[head.i - 1]) or doc[head.i - 2].ent_type_ != "PERSON":
        return None
    ent = entity_span(doc[head.i - 2])
    if ent is None or ent.end != head.i - 1:
        return None
    return Span(doc, ent.start, head.i + 1, label="PERSON")


def _glued_hyphen(token: Token) -> bool:
    """A hyphen written between two words with no space ("Tonye-Wokoma")."""
    return (
        token.text == "-"
        and not token.whitespace_
        and token.i > 0
        and not token.doc[token.i - 1].whitespace_
    )


def titled_name(doc: Doc, span: Span, lexicon: Lexicon) -> bool:
    """True when a title or role noun opens ``span`` before a name ("Managing Director
    Simon Ashworth"), as ``name_start`` finds it."""
    first = name_start(doc, span, lexicon)
    return first > span.start and any(
        t.lower_ in lexicon.role_nouns or t.lower_ in lexicon.titles
        for t in doc[span.start : first]
    )


def split_role(role: str, lexicon: Lexicon, orgs: frozenset[str]) -> tuple[str, str | None]:
    """Split a role into its title and its organisation, when the text gives both: "X
    of/for/at/with Y" where Y is an organisation, or an organisation named before the
    title ("Meridian Bank chief executive"). "Energy Secretary" and "Secretary of State"
    are titles whole.

    Args:
        role: The role as written.
        lexicon: For organisation name words.
        orgs: Texts of the organisation and place entities of the document.

    Returns:
        ``(title, affiliation)``; the affiliation is None when the role names none.

    Example:
        >>> from quoteattr.lang.en import EN_LEXICON
        >>> split_role("spokesperson for the Chinese Foreign Ministry", EN_LEXICON, frozenset())
        ('spokesperson', 'the Chinese Foreign Ministry')
        >>> split_role("Meridian Bank chief executive", EN_LEXICON, frozenset())
        ('chief executive', 'Meridian Bank')
    """
    found = _AFFILIATION.match(role)
    if (
        found is not None
        and _has_role_word(found["title"].split(), lexicon)
        and _is_body(found["org"], lexicon, orgs)
    ):
        title = _without_article(found["title"])
        return title, found["org"]
    words = role.split()
    for cut in range(1, len(words)):
        prefix, rest = words[:cut], words[cut:]
        if not all(w[:1].isupper() for w in prefix) or not _has_role_word(rest, lexicon):
            continue
        text = " ".join(prefix).removesuffix("'s").removesuffix("\u2019s")
        named = len(prefix) > 1 and text.split()[-1].lower().rstrip(".") in lexicon.org_name_words
        if named or text in orgs:  # "Meridian Bank chief executive"; not "Energy Secretary"
            return " ".join(rest), text
    return _without_article(role), None


def _is_body(text: str, lexicon: Lexicon, orgs: frozenset[str]) -> bool:
    """An organisation after "of/for/at": one with an article ("the Chinese Foreign
    Ministry"), an organisation name word or an organisation entity; not the rest of
    a title ("Secretary of State", "Minister for Road Transport")."""
    bare = _without_article(text)
    if bare != text or text in orgs or bare in orgs:
        return True
    return any(w.lower().rstrip(".,") in lexicon.org_name_words for w in text.split())


def _without_article(text: str) -> str:
    for article in ("the ", "The ", "a ", "A ", "an ", "An "):
        if text.startswith(article):
            return text[len(article) :]
    return text


def _has_role_word(words: list[str], lexicon: Lexicon) -> bool:
    return any(
        (w := word.lower()) in lexicon.role_nouns
        or (w in lexicon.titles and w not in lexicon.honorifics)
        for word in words
    )


def is_title(token: Token, lexicon: Lexicon) -> bool:
    """A capitalised title, honorific or role noun written before a name ("Chief",
    "Deputy", "Mr.")."""
    low = token.lower_
    return token.text[:1].isupper() and (
        low in lexicon.titles or low in lexicon.honorifics or low in lexicon.role_nouns
    )


def _has_role(tokens: list[Token], lexicon: Lexicon) -> bool:
    return any(
        t.lower_ in lexicon.role_nouns
        or t.lemma_.lower() in lexicon.role_nouns
        or (t.lower_ in lexicon.titles and t.lower_ not in lexicon.honorifics)
        for t in tokens
    )


def _appos_role(doc: Doc, appos: Token, lexicon: Lexicon) -> str | None:
    if appos.ent_type_ == "PERSON":
        return None
    if any(t.text == ":" for t in doc[appos.head.i + 1 : appos.left_edge.i]):
        return None  # "Roe: All the time.": a speaker's label in a transcript, no apposition
    if any(c.tag_ in ("WP$", "WP", "WDT") for c in appos.lefts):
        return None  # "Ann Roe, whose third book ...": a relative clause the parser cut short
    end = appos.i
    for child in appos.rights:
        if child.dep_ == "cc" and child.i == end + 1:
            continue  # "President and CEO of X": the conjunct decides
        if child.dep_ == "conj" and _joint_title(child):
            end = child.right_edge.i
            continue
        if child.dep_ in _APPOS_STOP:
            break
        end = child.right_edge.i
    start = appos.left_edge.i
    end = glued_end(doc, end)
    tokens = without_clauses(list(doc[start : end + 1]), appos)
    if appos.tag_ in ("VBG", "VBN"):  # "a mining engineer staying in X" parsed on the verb
        tokens = [t for t in tokens if t.i < appos.i]
        while tokens and (tokens[-1].is_punct or tokens[-1].pos_ not in ("NOUN", "PROPN")):
            tokens.pop()
        if tokens:
            appos = tokens[-1]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    while tokens and (tokens[0].like_num or tokens[0].is_punct or tokens[0].tag_ == "PRP$"):
        tokens.pop(0)  # "Angela Ruiz, 34, a nurse at ..."; "her neighbor"
    tokens = _closed(tokens)
    if not tokens or not (_has_role(tokens, lexicon) or _common_noun(appos)):
        return None
    return str(doc[tokens[0].i : tokens[-1].i + 1].text)  # doc.text costs O(doc) a call


def _closed(tokens: list[Token]) -> list[Token]:
    """``tokens`` without a bracket the role leaves open and what follows it ("an
    officer with the Tay Water Board (TWB" -> "an officer with the Tay Water Board")."""
    depth = 0
    opened = None
    for k, token in enumerate(tokens):
        if token.text == "(":
            depth += 1
            opened = k if depth == 1 else opened
        elif token.text == ")" and depth:
            depth -= 1
    if not depth or opened is None:
        return tokens
    tokens = tokens[:opened]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    return tokens


def phrase_before_name(tokens: list[Token], before: int, *, lead_punct: bool = True) -> list[Token]:
    """The words of a description written before a name, as a role: without the
    punctuation at its end, without what comes before its last comma (of those before
    token ``before``: "After the defeat at Ashgate, the United manager, Graham Pell,"),
    and without a leading article, possessive pronoun or punctuation ("her neighbor").

    Args:
        tokens: The description's tokens, in order.
        before: Only commas before this token index cut the description.
        lead_punct: Whether punctuation at its start goes too.

    Returns:
        The role's tokens (possibly none).
    """
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    commas = [k for k, t in enumerate(tokens) if t.text == "," and t.i < before]
    if commas:
        tokens = tokens[commas[-1] + 1 :]
    while tokens and (
        tokens[0].pos_ == "DET" or tokens[0].tag_ == "PRP$" or (lead_punct and tokens[0].is_punct)
    ):
        tokens.pop(0)
    return tokens


def glued_end(doc: Doc, end: int) -> int:
    """``end`` moved over words glued to it by hyphens ("co" of "co-founder") and the
    phrase the last of them heads ("co-founder of X")."""
    glued = end
    while (
        glued + 2 < len(doc)
        and doc[glued + 1].text in ("-", "‐")
        and not doc[glued].whitespace_
        and not doc[glued + 1].whitespace_
    ):
        glued += 2
    if glued == end:
        return end
    preps = [c for c in doc[glued].rights if c.dep_ == "prep"]
    return preps[-1].right_edge.i if preps else glued


def without_clauses(tokens: list[Token], head: Token) -> list[Token]:
    """``tokens`` of a role up to the first clause that describes it: a relative clause
    ("the MP for Wessex, who chairs ...", "an endocrinologist who was not involved")
    or a participle ("a mining engineer staying in Antofagasta").

    Args:
        tokens: The role's tokens, in order.
        head: The role's head noun.

    Returns:
        The tokens before the first clause, without trailing punctuation.
    """
    for k, token in enumerate(tokens):
        if token.i > head.i and token.dep_ in _CLAUSE_DEPS and token.head.i >= head.i:
            cut = token.left_edge.i
            tokens = [t for t in tokens[:k] if t.i < cut]
            break
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    return tokens


def _title_conjunct(conj: Token, lexicon: Lexicon) -> bool:
    """A title after a name and a comma that the parser joined to the name as a second
    conjunct ("Ann Roe, President and Chief Executive Officer"): a role noun or title
    outside any entity, with no article of its own; not a second person."""
    doc = conj.doc
    low = conj.lower_
    return (
        conj.i > 0
        and doc[conj.left_edge.i - 1].text == ","
        and not conj.ent_type_
        and (low in lexicon.role_nouns or low in lexicon.titles)
        and low not in lexicon.honorifics
        and not any(c.dep_ in ("det", "poss") for c in conj.lefts)
    )


def _joint_title(conj: Token) -> bool:
    """A second title joined to the first ("founder and managing partner"), not a
    second person, a clause or a second description with its own article ("an
    epidemiologist and the paper's lead author")."""
    own_det = any(c.dep_ in ("det", "poss") for c in conj.lefts)
    return (
        conj.pos_ in ("NOUN", "PROPN")
        and conj.ent_type_ not in ("PERSON", "GPE", "DATE")
        and not own_det
    )


def _common_noun(token: Token) -> bool:
    """A singular noun outside any entity that can describe one person ("a guitarist",
    "the daughter of ...", "the Conservative MP for Wessex"): what an apposition to a
    name says the person is, whether or not the role lexicon lists the noun."""
    if token.ent_type_ or not token.is_alpha:
        return False
    if token.tag_ == "NNP":  # "the Conservative MP for X", not a name ("Ibrahim Bello")
        return any(c.dep_ in ("det", "prep", "poss") for c in token.children)
    return token.tag_ == "NN"


def _title_role(doc: Doc, head: Token, lexicon: Lexicon) -> str | None:
    ent = entity_span(head)
    if ent is not None and head.ent_type_ == "PERSON":
        ent = doc[given_name_start(doc, ent.start, lexicon) : ent.end]
    elif ent is None:
        ent = hyphen_joined(head) or titled_run(doc, head, lexicon)
    first = name_start(doc, ent, lexicon) if ent is not None else head.i
    start = min(head.left_edge.i, ent.start if ent is not None else head.i)
    first = _particle_start(doc, start, first, lexicon)
    if start >= first:
        return None
    tokens = list(doc[start:first])
    while tokens and (
        tokens[0].pos_ == "DET"
        or tokens[0].lower_ in lexicon.honorifics
        or tokens[0].is_punct
        or tokens[0].dep_ == "poss"
    ):
        tokens.pop(0)
    while tokens and (tokens[-1].lower_ in lexicon.honorifics or tokens[-1].is_punct):
        tokens.pop()
    tokens = _without_address(tokens, lexicon)
    if not tokens or not (_has_role(tokens, lexicon) or _descriptor(tokens[-1])):
        return None
    if any(t.is_punct and t.text not in ("-", ".", "'") for t in tokens):
        return None
    return str(doc[tokens[0].i : tokens[-1].i + 1].text)  # doc.text costs O(doc) a call


def _particle_start(doc: Doc, start: int, first: int, lexicon: Lexicon) -> int:
    """``first``, the start of a name, moved back over the lower-case particles of its
    surname and the given name before them, which the tagger left out of the name
    ("Premier [Hendrik van der] Spuy"): a particle is never a title's word."""
    k = first
    while k > start and doc[k - 1].text.islower() and doc[k - 1].lower_ in lexicon.name_particles:
        k -= 1
    if start < k < first and doc[k - 1].pos_ == "PROPN" and not is_title(doc[k - 1], lexicon):
        return k - 1
    return first


def _without_address(tokens: list[Token], lexicon: Lexicon) -> list[Token]:
    """A role written in lower case before a capitalised title of address, without
    that title ("committee chairman [Senator] Ann Roe", "ward sister [Dr] Ann Roe"):
    two stacked titles, the first the office the story gives, the second how the
    person is addressed."""
    for k in range(1, len(tokens)):
        role = tokens[k - 1]
        if role.text.islower() and role.lower_ in lexicon.role_nouns and role.tag_ == "NN":
            rest = tokens[k:]
            if all(t.text[:1].isupper() and t.lower_.rstrip(".") in lexicon.titles for t in rest):
                return tokens[:k]
    return tokens


def _descriptor(token: Token) -> bool:
    """A lower-case common noun written right before a name ("crofter Ann Ross",
    "Dunmore boss Neil Frew"): what the person is, whether or not the lexicon lists it."""
    return token.tag_ == "NN" and token.text.islower() and token.is_alpha


def _role_before(doc: Doc, head: Token, lexicon: Lexicon) -> str | None:
    """'the prime minister, Keir Starmer,': the noun phrase the name is in apposition to."""
    noun = head.head
    if head.dep_ != "appos" or noun.i >= head.i or noun.ent_type_ in ("PERSON", "ORG"):
        return None
    tokens = phrase_before_name([t for t in noun.subtree if t.i < head.left_edge.i], noun.i)
    if not tokens or not (_has_role([noun], lexicon) or _common_noun(noun)):
        return None
    return str(doc[tokens[0].i : tokens[-1].i + 1].text)


def _office(head: Token, lexicon: Lexicon) -> str | None:
    """'X, who chairs the budget committee,': the relative clause of an office (its verb
    one of ``lexicon.office_verbs``)."""
    for child in head.rights:
        if child.dep_ == "relcl" and child.lemma_.lower() in lexicon.office_verbs:
            tokens = [t for t in child.subtree if not t.is_punct and t.tag_ not in ("WP", "WDT")]
            if tokens:
                return str(child.doc[tokens[0].i : tokens[-1].i + 1].text)
    return None
