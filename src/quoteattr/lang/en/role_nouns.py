"""English role nouns and titles (data only).

``ROLE_NOUNS`` are lower-case nouns that name what a person is or does in a
story: a title ("minister"), a function ("spokeswoman"), a profession
("economist") or a part ("witness", "critic"). They help find the role
phrase next to a name ("Wang Wenbin, a spokesperson for ...") and tell a
described speaker ("a senior official") from other noun phrases.

``GROUP_NOUNS`` are lower-case nouns of groups of people and bodies that can hold
or voice a view ("a group backing Bush", "those supporting the plan").

``HONORIFICS`` are the titles that are forms of address, not roles ("Mr.",
"Dr."): they are never a speaker's role and never part of a name.
``HONORIFIC_GENDERS`` gives the gender an honorific states ("Mrs." female).

``TITLES`` are lower-case honorifics and short titles written before a name (the
honorifics, then titles that are roles or ranks), each as one token of spaCy's
English tokenizer: "Mr." and "Sen." keep their point, while "Lt." and "Col."
split into "Lt" "." and are stored bare.

``ADDRESS_TITLES`` are the titles of ``TITLES`` that British, Irish and church news
writes before a name as a form of address more than as an office ("Cllr Ann Lee",
"the Rev. Ann Lee", "Prof Ann Lee"): an office stated for the same person, in
apposition or before the title ("Cllr Ann Lee, cabinet member for housing,";
"Opposition leader Cllr Ann Lee"), is the role, not the title.

``OFFICE_VERBS`` are lower-case verb lemmas of a relative clause that states an
office ("Ann Lee, who *chairs* the budget committee,").

Nouns that are also cue verbs ("advocate", "judge" as verbs) are kept here
only; the two tables stay disjoint.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = [
    "ADDRESS_TITLES",
    "GROUP_NOUNS",
    "HONORIFICS",
    "HONORIFIC_GENDERS",
    "OFFICE_VERBS",
    "ROLE_NOUNS",
    "TITLES",
]

# fmt: off
ROLE_NOUNS: frozenset[str] = frozenset({
    # government and politics
    "alderman", "ambassador", "assemblyman", "assemblywoman", "attaché", "bureaucrat",
    "candidate", "chancellor", "congressman", "congresswoman", "consul",
    "councillor", "councilman", "councilmember", "councilor", "councilwoman", "delegate",
    "diplomat", "emissary", "envoy", "governor", "incumbent", "lawmaker", "legislator",
    "mayor", "minister", "nominee", "official", "parliamentarian", "politician", "premier",
    "president", "representative", "secretary", "senator", "speaker", "statesman",
    "undersecretary", "whip",
    # heads of state and nobility
    "emir", "king", "monarch", "pope", "prince", "princess", "queen", "sheikh", "sultan",
    # party and campaign
    "activist", "campaigner", "chairman", "chairperson", "chairwoman", "chair", "consultant",
    "donor", "fundraiser", "operative", "organizer", "pollster", "staffer", "strategist",
    "surrogate",
    # spokespeople and staff
    "adviser", "advisor", "aide", "assistant", "deputy", "spokesman", "spokesperson",
    "spokeswoman",
    # organisations and business
    "ceo", "cfo", "chief", "coo", "cto", "director", "employee", "executive", "founder",
    "head", "manager", "member", "owner", "partner", "shareholder", "superintendent",
    "treasurer", "trustee",
    # law and order
    "advocate", "attorney", "commissioner", "counsel", "defendant", "detective", "inspector",
    "investigator", "judge", "justice", "lawyer", "magistrate", "marshal", "officer",
    "plaintiff", "policeman", "policewoman", "prosecutor", "regulator", "sheriff", "solicitor",
    "trooper", "witness",
    # military
    "admiral", "captain", "colonel", "commander", "corporal", "general", "lieutenant",
    "marine", "sergeant", "soldier", "veteran",
    # press and commentary
    "anchor", "blogger", "columnist", "commentator", "correspondent", "critic", "editor",
    "host", "journalist", "pundit", "publisher", "reporter", "writer",
    # knowledge and professions
    "academic", "analyst", "architect", "author", "biologist", "chemist", "doctor",
    "economist", "engineer", "epidemiologist", "expert", "historian", "lecturer",
    "nurse", "physician", "physicist", "professor", "psychologist", "researcher",
    "scholar", "scientist", "specialist", "statistician", "surgeon", "teacher",
    # religion
    "archbishop", "bishop", "cardinal", "cleric", "imam", "pastor", "priest",
    "rabbi", "reverend",
    # descriptions of sources
    "ally", "backer", "colleague", "confidant", "insider", "leader", "observer",
    "opponent", "protester", "resident", "rival", "source", "supporter", "voter",
    # people in the news, often unnamed
    "citizen", "customer", "farmer", "fan", "parent", "participant", "passenger", "patient",
    "respondent", "student", "tenant", "worker",
    # offices of local government and public administration
    "administrator", "alderperson", "alderwoman", "assessor", "auditor", "clerk",
    "comptroller", "controller", "coroner", "ombudsman", "ombudsperson", "recorder",
    "selectman", "supervisor",
    # people who run or trade in a business
    "cofounder", "trader", "vendor",
    # members of Westminster-style parliaments and assemblies, written before a name
    # ("Opposition MP Anand Rao"), and academic offices ("Provost Lena Hart")
    "mep", "mla", "mp", "mpp", "msp", "dean", "provost", "rector", "registrar",
    # kin and neighbours, who speak for a person in the news ("his mother", "a neighbor")
    "aunt", "brother", "cousin", "dad", "daughter", "father", "friend", "grandfather",
    "grandmother", "husband", "mom", "mother", "mum", "neighbor", "neighbour", "relative",
    "sister", "son", "uncle", "wife", "widow", "widower",
    # sport and culture: the usual positions and officials of team sports, and the
    # occupations of the arts as newsrooms' style guides write them before a name
    "actor", "actress", "artist", "athlete", "batter", "bowler", "choreographer", "coach",
    "composer", "dancer", "defender", "drummer", "filmmaker", "forward", "goalkeeper",
    "guitarist", "jockey", "midfielder", "musician", "novelist", "painter", "photographer",
    "pianist", "pitcher", "player", "playwright", "poet", "quarterback", "referee",
    "sculptor", "singer", "songwriter", "striker", "umpire", "violinist", "winger",
    # trades and services
    "baker", "barrister", "chef", "constable", "firefighter", "paramedic", "pharmacist",
    "shopkeeper",
    # schools
    "headmaster", "headmistress", "headteacher", "principal",
})

GROUP_NOUNS: frozenset[str] = frozenset({
    "administration", "agency", "alliance", "association", "board", "campaign", "caucus",
    "coalition", "committee", "community", "company", "council", "crowd", "faction", "firm",
    "government", "group", "majority", "minority", "movement", "organization", "pac",
    "panel", "party", "people", "public", "those", "union",
})

HONORIFICS: frozenset[str] = frozenset({
    "dame", "dr", "dr.", "lady", "lord", "madam", "miss", "mr", "mr.", "mrs", "mrs.", "ms",
    "ms.", "mx", "sir",
    # styles before a title of address ("the Very Rev", "the Rt Hon")
    "hon", "rt", "very",
})

TITLES: frozenset[str] = HONORIFICS | frozenset({
    # academic honorifics, with and without the point
    "prof", "prof.",
    # political titles and their abbreviations
    "ambassador", "chancellor", "commissioner", "congressman", "congresswoman", "gov",
    "gov.", "governor", "mayor", "minister", "premier", "president", "rep", "rep.",
    "secretary", "sen", "sen.", "senator", "speaker",
    # military and police ranks
    "adm", "adm.", "admiral", "capt", "captain", "cmdr", "col", "colonel", "cpl", "gen",
    "gen.", "general", "lieutenant", "lt", "maj", "sergeant", "sgt",
    # law and religion
    "canon", "judge", "justice", "imam", "pastor", "rabbi", "rev", "rev.", "reverend",
    # local government, with the British and Irish abbreviation ("Cllr")
    "cllr", "councillor", "councilor",
    # royalty
    "king", "prince", "princess", "queen", "sheikh",
    # police, with the abbreviations of British ranks ("Det Insp", "Ch Supt", "DCI")
    "constable", "dci", "det", "insp", "inspector", "sheriff", "superintendent", "supt",
    # academia and medicine
    "doctor", "professor",
})

HONORIFIC_GENDERS: Mapping[str, str] = MappingProxyType({
    "dame": "female", "lady": "female", "lord": "male", "madam": "female", "miss": "female",
    "mr": "male", "mr.": "male", "mrs": "female", "mrs.": "female", "ms": "female",
    "ms.": "female", "sir": "male",
})

ADDRESS_TITLES: frozenset[str] = frozenset({
    "cllr", "councillor", "councilor", "prof", "prof.", "professor", "rev", "rev.",
    "reverend",
})

OFFICE_VERBS: frozenset[str] = frozenset({
    "chair", "direct", "head", "lead", "manage", "oversee", "run",
})
# fmt: on
