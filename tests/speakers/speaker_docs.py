"""Shared hand-built Docs for the speaker stages (coreference, identity, source phrase).

Each sentence is written token by token as spaCy's English parser
(en_core_web_sm 3.8) analyses it: (word, head, dep, pos, tag, lemma, ent,
sentence start). Heads are absolute token indexes.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from quoteattr.lang.en import EN_LEXICON
from quoteattr.stages.mentions import mention_for
from quoteattr.types import Candidate, CueMatch

Tok = tuple[str, int, str, str, str, str, str, bool]

# fmt: off
SPEAKER_SENTENCES: dict[str, list[Tok]] = {
    # Mr. Bo Tan met Ann Lee. She said it.
    "honorific_gender": [
        ("Mr.", 2, "compound", "PROPN", "NNP", "Mr.", "O", True),
        ("Bo", 2, "compound", "PROPN", "NNP", "Bo", "B-PERSON", False),
        ("Tan", 3, "nsubj", "PROPN", "NNP", "Tan", "I-PERSON", False),
        ("met", 3, "ROOT", "VERB", "VBD", "meet", "O", False),
        ("Ann", 5, "compound", "PROPN", "NNP", "Ann", "B-PERSON", False),
        ("Lee", 3, "dobj", "PROPN", "NNP", "Lee", "I-PERSON", False),
        (".", 3, "punct", "PUNCT", ".", ".", "O", False),
        ("She", 8, "nsubj", "PRON", "PRP", "she", "O", True),
        ("said", 8, "ROOT", "VERB", "VBD", "say", "O", False),
        ("it", 8, "dobj", "PRON", "PRP", "it", "O", False),
        (".", 8, "punct", "PUNCT", ".", ".", "O", False),
    ],
    # Bo Tan, a union leader, spoke. The secretary, Ann Lee, said it. She said no.
    "appos_subject": [
        ("Bo", 1, "compound", "PROPN", "NNP", "Bo", "B-PERSON", True),
        ("Tan", 7, "nsubj", "PROPN", "NNP", "Tan", "I-PERSON", False),
        (",", 1, "punct", "PUNCT", ",", ",", "O", False),
        ("a", 5, "det", "DET", "DT", "a", "O", False),
        ("union", 5, "compound", "NOUN", "NN", "union", "O", False),
        ("leader", 1, "appos", "NOUN", "NN", "leader", "O", False),
        (",", 1, "punct", "PUNCT", ",", ",", "O", False),
        ("spoke", 7, "ROOT", "VERB", "VBD", "speak", "O", False),
        (".", 7, "punct", "PUNCT", ".", ".", "O", False),
        ("The", 10, "det", "DET", "DT", "the", "O", True),
        ("secretary", 15, "nsubj", "NOUN", "NN", "secretary", "O", False),
        (",", 10, "punct", "PUNCT", ",", ",", "O", False),
        ("Ann", 13, "compound", "PROPN", "NNP", "Ann", "B-PERSON", False),
        ("Lee", 10, "appos", "PROPN", "NNP", "Lee", "I-PERSON", False),
        (",", 10, "punct", "PUNCT", ",", ",", "O", False),
        ("said", 15, "ROOT", "VERB", "VBD", "say", "O", False),
        ("it", 15, "dobj", "PRON", "PRP", "it", "O", False),
        (".", 15, "punct", "PUNCT", ".", ".", "O", False),
        ("She", 19, "nsubj", "PRON", "PRP", "she", "O", True),
        ("said", 19, "ROOT", "VERB", "VBD", "say", "O", False),
        ("no", 19, "intj", "INTJ", "UH", "no", "O", False),
        (".", 19, "punct", "PUNCT", ".", ".", "O", False),
    ],
    # The county health department closed the pool. It said no.
    "org_noun_it": [
        ("The", 3, "det", "DET", "DT", "the", "O", True),
        ("county", 3, "compound", "NOUN", "NN", "county", "O", False),
        ("health", 3, "compound", "PROPN", "NNP", "health", "O", False),
        ("department", 4, "nsubj", "NOUN", "NN", "department", "O", False),
        ("closed", 4, "ROOT", "VERB", "VBD", "close", "O", False),
        ("the", 6, "det", "DET", "DT", "the", "O", False),
        ("pool", 4, "dobj", "NOUN", "NN", "pool", "O", False),
        (".", 4, "punct", "PUNCT", ".", ".", "O", False),
        ("It", 9, "nsubj", "PRON", "PRP", "it", "O", True),
        ("said", 9, "ROOT", "VERB", "VBD", "say", "O", False),
        ("no", 9, "intj", "INTJ", "UH", "no", "O", False),
        (".", 9, "punct", "PUNCT", ".", ".", "O", False),
    ],
    # Union leaders met the owners. They said no.
    "group_they": [
        ("Union", 1, "compound", "NOUN", "NN", "union", "O", True),
        ("leaders", 2, "nsubj", "NOUN", "NNS", "leader", "O", False),
        ("met", 2, "ROOT", "VERB", "VBD", "meet", "O", False),
        ("the", 4, "det", "DET", "DT", "the", "O", False),
        ("owners", 2, "dobj", "NOUN", "NNS", "owner", "O", False),
        (".", 2, "punct", "PUNCT", ".", ".", "O", False),
        ("They", 7, "nsubj", "PRON", "PRP", "they", "O", True),
        ("said", 7, "ROOT", "VERB", "VBD", "say", "O", False),
        ("no", 7, "intj", "INTJ", "UH", "no", "O", False),
        (".", 7, "punct", "PUNCT", ".", ".", "O", False),
    ],
    # Foreign Minister Wang Yi spoke. The minister said it.
    "described": [
        ("Foreign", 1, "compound", "PROPN", "NNP", "Foreign", "O", True),
        ("Minister", 3, "compound", "PROPN", "NNP", "Minister", "O", False),
        ("Wang", 3, "compound", "PROPN", "NNP", "Wang", "B-PERSON", False),
        ("Yi", 4, "nsubj", "PROPN", "NNP", "Yi", "I-PERSON", False),
        ("spoke", 4, "ROOT", "VERB", "VBD", "speak", "O", False),
        (".", 4, "punct", "PUNCT", ".", ".", "O", False),
        ("The", 7, "det", "DET", "DT", "the", "O", True),
        ("minister", 8, "nsubj", "NOUN", "NN", "minister", "O", False),
        ("said", 8, "ROOT", "VERB", "VBD", "say", "O", False),
        ("it", 8, "dobj", "PRON", "PRP", "it", "O", False),
        (".", 8, "punct", "PUNCT", ".", ".", "O", False),
    ],
    # Foreign Minister Wang Yi spoke. The French shipping minister said it.
    "described_other": [
        ("Foreign", 1, "compound", "PROPN", "NNP", "Foreign", "O", True),
        ("Minister", 3, "compound", "PROPN", "NNP", "Minister", "O", False),
        ("Wang", 3, "compound", "PROPN", "NNP", "Wang", "B-PERSON", False),
        ("Yi", 4, "nsubj", "PROPN", "NNP", "Yi", "I-PERSON", False),
        ("spoke", 4, "ROOT", "VERB", "VBD", "speak", "O", False),
        (".", 4, "punct", "PUNCT", ".", ".", "O", False),
        ("The", 9, "det", "DET", "DT", "the", "O", True),
        ("French", 9, "amod", "ADJ", "JJ", "french", "B-NORP", False),
        ("shipping", 9, "compound", "NOUN", "NN", "shipping", "O", False),
        ("minister", 10, "nsubj", "NOUN", "NN", "minister", "O", False),
        ("said", 10, "ROOT", "VERB", "VBD", "say", "O", False),
        ("it", 10, "dobj", "PRON", "PRP", "it", "O", False),
        (".", 10, "punct", "PUNCT", ".", ".", "O", False),
    ],
    # Blinken said it. Anthony Blinken said no.
    "surname_first": [
        ("Blinken", 1, "nsubj", "PROPN", "NNP", "Blinken", "B-PERSON", True),
        ("said", 1, "ROOT", "VERB", "VBD", "say", "O", False),
        ("it", 1, "dobj", "PRON", "PRP", "it", "O", False),
        (".", 1, "punct", "PUNCT", ".", ".", "O", False),
        ("Anthony", 5, "compound", "PROPN", "NNP", "Anthony", "B-PERSON", True),
        ("Blinken", 6, "nsubj", "PROPN", "NNP", "Blinken", "I-PERSON", False),
        ("said", 6, "ROOT", "VERB", "VBD", "say", "O", False),
        ("no", 6, "intj", "INTJ", "UH", "no", "O", False),
        (".", 6, "punct", "PUNCT", ".", ".", "O", False),
    ],
    # Norvale Foods cut jobs. The company said it.
    "company": [
        ("Norvale", 1, "compound", "PROPN", "NNP", "Norvale", "B-ORG", True),
        ("Foods", 2, "nsubj", "PROPN", "NNPS", "Foods", "I-ORG", False),
        ("cut", 2, "ROOT", "VERB", "VBD", "cut", "O", False),
        ("jobs", 2, "dobj", "NOUN", "NNS", "job", "O", False),
        (".", 2, "punct", "PUNCT", ".", ".", "O", False),
        ("The", 6, "det", "DET", "DT", "the", "O", True),
        ("company", 7, "nsubj", "NOUN", "NN", "company", "O", False),
        ("said", 7, "ROOT", "VERB", "VBD", "say", "O", False),
        ("it", 7, "dobj", "PRON", "PRP", "it", "O", False),
        (".", 7, "punct", "PUNCT", ".", ".", "O", False),
    ],
    # Sen. Dick Durbin said it.
    "title_name": [
        ("Sen.", 2, "compound", "PROPN", "NNP", "Sen.", "O", True),
        ("Dick", 2, "compound", "PROPN", "NNP", "Dick", "B-PERSON", False),
        ("Durbin", 3, "nsubj", "PROPN", "NNP", "Durbin", "I-PERSON", False),
        ("said", 3, "ROOT", "VERB", "VBD", "say", "O", False),
        ("it", 3, "dobj", "PRON", "PRP", "it", "O", False),
        (".", 3, "punct", "PUNCT", ".", ".", "O", False),
    ],
}
# fmt: on


def speaker_doc(make_doc: Callable[..., Doc], name: str) -> Doc:
    """The hand-built Doc of ``SPEAKER_SENTENCES[name]``."""
    toks = SPEAKER_SENTENCES[name]
    return make_doc(
        [t[0] for t in toks],
        heads=[t[1] for t in toks],
        deps=[t[2] for t in toks],
        pos=[t[3] for t in toks],
        tags=[t[4] for t in toks],
        lemmas=[t[5] for t in toks],
        ents=[t[6] for t in toks],
        sent_starts=[t[7] for t in toks],
    )


def said_candidates(doc: Doc) -> list[Candidate]:
    """One candidate per "said": its subject as mention, the word after it as content."""
    out = []
    for token in doc:
        if token.lemma_ != "say":
            continue
        subject = next(c for c in token.children if c.dep_ == "nsubj")
        content = doc[token.i + 1]
        cue = CueMatch(token.i, token.i + 1, token.i, "say", "statement", "verb", True)
        out.append(
            Candidate(
                content.idx,
                content.idx + len(content),
                cue,
                mention_for(doc, subject, EN_LEXICON),
                "verb_content",
            )
        )
    return out
