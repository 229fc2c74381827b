"""English cue verbs: verb lemma -> cue class (data only).

Keys are lower-case lemmas as spaCy's English lemmatizer gives them for the
verb (``"said"`` -> ``"say"``). Values are :class:`quoteattr.models.CueClass`
values. Each lemma has exactly one class; entries are grouped by class and
sorted within each group. British spellings are separate entries because the
lemmatizer keeps them ("criticised" -> "criticise").

``LEMMA_FIXES`` maps lemmas the lemmatizer produces wrongly for an inflected
cue verb ("hoped" -> "hop") to the lemma stored here.

Notes:
    The list was checked against the cue words annotated in PolNeAR
    (Newell, Margolin & Ruths, LREC 2018), which marks attributions of
    speech, belief, perception and findings; only general English verbs are
    kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["CUE_VERBS", "LEMMA_FIXES", "NEUTRAL_CUES", "SPEECH_READINGS"]

# fmt: off
CUE_VERBS: Mapping[str, str] = MappingProxyType({
    # statement: neutral reports of speech
    "add": "statement", "address": "statement", "affirm": "statement", "allude": "statement",
    "announce": "statement", "answer": "statement", "apologise": "statement",
    "apologize": "statement", "argue": "statement", "articulate": "statement",
    "assert": "statement", "attest": "statement", "attribute": "statement", "brief": "statement",
    "call": "statement", "chant": "statement", "characterize": "statement", "claim": "statement",
    "clarify": "statement", "comment": "statement", "compare": "statement",
    "confide": "statement",
    "contend": "statement", "continue": "statement", "counter": "statement", "cry": "statement",
    "declare": "statement", "defend": "statement", "depict": "statement", "describe": "statement",
    "detail": "statement", "disclose": "statement", "discuss": "statement", "divulge": "statement",
    "dub": "statement", "elaborate": "statement", "emphasise": "statement",
    "emphasize": "statement", "exclaim": "statement", "explain": "statement",
    "express": "statement", "forecast": "statement", "highlight": "statement", "hint": "statement",
    "imply": "statement", "inform": "statement", "insist": "statement", "interject": "statement",
    "joke": "statement", "label": "statement", "liken": "statement", "maintain": "statement",
    "mention": "statement", "mumble": "statement", "murmur": "statement", "muse": "statement",
    "mutter": "statement", "narrate": "statement", "note": "statement", "observe": "statement",
    "offer": "statement", "opine": "statement", "outline": "statement", "portray": "statement",
    "posit": "statement", "predict": "statement", "proclaim": "statement", "pronounce": "statement",
    "quip": "statement", "react": "statement", "reaffirm": "statement", "reason": "statement",
    "recall": "statement", "recite": "statement", "recount": "statement", "refer": "statement",
    "reference": "statement", "reiterate": "statement", "remark": "statement",
    "remind": "statement", "repeat": "statement", "reply": "statement", "report": "statement",
    "respond": "statement", "retort": "statement", "rule": "statement", "say": "statement",
    "scream": "statement", "shout": "statement", "sigh": "statement", "signal": "statement",
    "speak": "statement", "speculate": "statement", "state": "statement", "stress": "statement",
    "suggest": "statement", "summarize": "statement", "talk": "statement", "tell": "statement",
    "testify": "statement", "theorize": "statement", "underline": "statement",
    "underscore": "statement", "utter": "statement", "voice": "statement", "volunteer": "statement",
    "whisper": "statement", "yell": "statement",
    # denial
    "contest": "denial", "contradict": "denial", "debunk": "denial", "decline": "denial",
    "deflect": "denial", "deny": "denial", "disagree": "denial", "disavow": "denial",
    "disclaim": "denial", "discount": "denial", "dismiss": "denial", "disown": "denial",
    "dispute": "denial", "downplay": "denial", "rebuff": "denial", "rebut": "denial",
    "recant": "denial", "refuse": "denial", "refute": "denial", "reject": "denial",
    "renounce": "denial", "repudiate": "denial", "retract": "denial",
    # accusation
    "accuse": "accusation", "allege": "accusation", "blame": "accusation", "charge": "accusation",
    "implicate": "accusation", "incriminate": "accusation",
    # directive
    "advise": "directive", "appeal": "directive", "beg": "directive", "beseech": "directive",
    "command": "directive", "demand": "directive", "direct": "directive", "encourage": "directive",
    "exhort": "directive", "implore": "directive", "instruct": "directive", "invite": "directive",
    "lobby": "directive", "order": "directive", "petition": "directive", "plead": "directive",
    "press": "directive", "prod": "directive", "propose": "directive", "recommend": "directive",
    "request": "directive", "urge": "directive",
    # question
    "ask": "question", "enquire": "question", "inquire": "question", "query": "question",
    "question": "question", "quiz": "question", "wonder": "question",
    # agreement
    "accept": "agreement", "acknowledge": "agreement", "admit": "agreement", "agree": "agreement",
    "approve": "agreement", "back": "agreement", "concede": "agreement", "concur": "agreement",
    "confess": "agreement", "confirm": "agreement", "echo": "agreement", "embrace": "agreement",
    "endorse": "agreement", "favor": "agreement", "favour": "agreement", "grant": "agreement",
    "support": "agreement", "vouch": "agreement",
    # criticism
    "admonish": "criticism", "assail": "criticism", "attack": "criticism", "balk": "criticism",
    "bash": "criticism", "belittle": "criticism", "bemoan": "criticism", "berate": "criticism",
    "blast": "criticism", "boo": "criticism", "bristle": "criticism", "castigate": "criticism",
    "censure": "criticism", "challenge": "criticism", "chastise": "criticism", "chide": "criticism",
    "complain": "criticism", "condemn": "criticism", "criticise": "criticism",
    "criticize": "criticism", "decry": "criticism", "denounce": "criticism", "deplore": "criticism",
    "deride": "criticism", "disparage": "criticism", "excoriate": "criticism", "fault": "criticism",
    "fume": "criticism", "grumble": "criticism", "hammer": "criticism", "heckle": "criticism",
    "insult": "criticism", "jeer": "criticism", "lambast": "criticism", "lament": "criticism",
    "lampoon": "criticism", "malign": "criticism", "mock": "criticism", "object": "criticism",
    "oppose": "criticism", "pan": "criticism", "protest": "criticism", "rail": "criticism",
    "rant": "criticism", "rebuke": "criticism", "reprimand": "criticism", "ridicule": "criticism",
    "rip": "criticism", "savage": "criticism", "scoff": "criticism", "scold": "criticism",
    "scorn": "criticism", "skewer": "criticism", "slam": "criticism", "smear": "criticism",
    "sneer": "criticism", "taunt": "criticism", "trash": "criticism", "vent": "criticism",
    "vilify": "criticism",
    # praise
    "acclaim": "praise", "admire": "praise", "applaud": "praise", "boast": "praise",
    "brag": "praise", "celebrate": "praise", "champion": "praise", "cheer": "praise",
    "commend": "praise", "compliment": "praise", "congratulate": "praise", "credit": "praise",
    "extol": "praise", "gush": "praise", "hail": "praise", "herald": "praise", "laud": "praise",
    "praise": "praise", "salute": "praise", "thank": "praise", "tout": "praise",
    "trumpet": "praise", "welcome": "praise",
    # promise
    "assure": "promise", "commit": "promise", "guarantee": "promise", "pledge": "promise",
    "promise": "promise", "reassure": "promise", "swear": "promise", "vow": "promise",
    # warning
    "alert": "warning", "caution": "warning", "forewarn": "warning", "threaten": "warning",
    "warn": "warning",
    # writing
    "blog": "writing", "draft": "writing", "editorialize": "writing", "email": "writing",
    "jot": "writing", "message": "writing", "pen": "writing", "post": "writing",
    "publish": "writing", "read": "writing", "retweet": "writing", "scrawl": "writing",
    "text": "writing", "tweet": "writing", "write": "writing",
    # source
    "cite": "source", "paraphrase": "source", "quote": "source",
    # belief: cognition and attitude
    "anticipate": "belief", "assume": "belief", "believe": "belief", "bet": "belief",
    "consider": "belief", "contemplate": "belief", "deem": "belief", "doubt": "belief",
    "dread": "belief", "envision": "belief", "expect": "belief", "fear": "belief", "feel": "belief",
    "figure": "belief", "foresee": "belief", "forget": "belief", "fret": "belief",
    "guess": "belief", "hope": "belief", "imagine": "belief", "intend": "belief", "know": "belief",
    "mull": "belief", "plan": "belief", "ponder": "belief", "prefer": "belief", "presume": "belief",
    "realize": "belief", "reckon": "belief", "recognize": "belief", "regard": "belief",
    "regret": "belief", "remember": "belief", "suppose": "belief", "surmise": "belief",
    "suspect": "belief", "think": "belief", "trust": "belief", "understand": "belief",
    "view": "belief", "want": "belief", "wish": "belief", "worry": "belief",
    # finding: evidence and results
    "calculate": "finding", "conclude": "finding", "demonstrate": "finding", "detect": "finding",
    "determine": "finding", "discover": "finding", "document": "finding", "establish": "finding",
    "estimate": "finding", "find": "finding", "identify": "finding", "illustrate": "finding",
    "indicate": "finding", "measure": "finding", "project": "finding", "prove": "finding",
    "reveal": "finding", "show": "finding", "uncover": "finding", "verify": "finding",
    # perception
    "appear": "perception", "hear": "perception", "learn": "perception", "notice": "perception",
    "overhear": "perception", "perceive": "perception", "see": "perception", "seem": "perception",
    "sense": "perception", "spot": "perception", "watch": "perception",
})

LEMMA_FIXES: Mapping[str, str] = MappingProxyType({
    "blogge": "blog",      # blogged
    "extoll": "extol",     # extolled
    "hop": "hope",         # hopes, hoped, hoping
    "retweete": "retweet", # retweeted
    "texte": "text",       # texted
})

#: Plain reporting cues: verbs that report words without judging them (and
#: "according to"). Their attributions are the most reliable.
NEUTRAL_CUES: frozenset[str] = frozenset({
    "according to", "acknowledge", "add", "admit", "answer", "argue", "comment",
    "continue", "declare", "explain", "insist", "note", "recall", "remark", "reply",
    "respond", "say", "state", "tell", "write",
})

#: Verbs of a non-speech class that, in the "speech" scope, report words: said
#: at the end of a statement ('"...," Okafor concluded'), not a study's finding.
SPEECH_READINGS: Mapping[str, str] = MappingProxyType({
    "conclude": "statement",
})
# fmt: on
