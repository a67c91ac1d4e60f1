"""Word sets of speaker resolution, in one place (the quote finder's live in `app.nlp.cues`)."""

from __future__ import annotations

from app.nlp.cues import ANONYMOUS_HEADS, DOCUMENT_NOUNS, INDEFINITE, ORG_NOUNS, PERSON_NOUNS

__all__ = [
    "ANONYMOUS_HEADS",
    "COMPANY_NOUNS",
    "DEFINITE_DETERMINERS",
    "DOCUMENT_NOUNS",
    "FIRST_PERSON",
    "GROUP_PRONOUNS",
    "INDEFINITE",
    "INSTITUTION_WORDS",
    "NAME_PARTICLES",
    "ORGANIZATION_PRONOUNS",
    "ORG_NOUNS",
    "PERSON_NOUNS",
    "PERSON_PRONOUNS",
    "RELATIVE_PRONOUNS",
    "SPOKESPERSON_NOUNS",
    "TITLE_ROLES",
]

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
FIRST_PERSON = frozenset({"i", "me"})
GROUP_PRONOUNS = frozenset({"they", "we", "them", "us"})
ORGANIZATION_PRONOUNS = frozenset({"it"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Determiners that make a description point back to someone the article has introduced.
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "its", "his", "her", "their", "our"})
SPOKESPERSON_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative"})
# Lower-case words inside a surname that belong to it ("Luis de la Cruz" -> "de la Cruz").
NAME_PARTICLES = frozenset(
    {
        "de",
        "la",
        "del",
        "della",
        "di",
        "da",
        "dos",
        "das",
        "du",
        "le",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "ten",
        "bin",
        "ibn",
        "al",
        "el",
        "ní",
        "ni",
        "nic",
        "mac",
        "mc",
        "o",
        "ua",
        "st",
        "saint",
    }
)
# Nouns for a business; "the company" goes to an organisation that is not an institution.
COMPANY_NOUNS = frozenset(
    {
        "company",
        "firm",
        "group",
        "carrier",
        "airline",
        "retailer",
        "chain",
        "bank",
        "operator",
        "builder",
        "developer",
        "insurer",
        "maker",
        "manufacturer",
        "business",
        "corporation",
        "lender",
        "grocer",
        "supermarket",
        "brand",
        "startup",
        "producer",
        "supplier",
        "publisher",
        "utility",
    }
)
# Name words of public bodies, unions and associations: such an organisation is no "company".
INSTITUTION_WORDS = frozenset(
    {
        "union",
        "association",
        "council",
        "guild",
        "ministry",
        "police",
        "department",
        "party",
        "committee",
        "university",
        "hospital",
        "court",
        "agency",
        "authority",
        "government",
        "federation",
        "league",
        "parliament",
        "assembly",
        "commission",
        "board",
        "institute",
        "foundation",
        "school",
        "club",
        "church",
        "society",
        "museum",
        "office",
        "service",
        "bureau",
        "coalition",
        "alliance",
    }
)
# Abbreviated titles and the role nouns they stand for ("Sen. Kim" is "the senator").
TITLE_ROLES: dict[str, str] = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "prof": "professor",
    "dr": "doctor",
    "supt": "superintendent",
    "insp": "inspector",
    "det": "detective",
    "sgt": "sergeant",
    "capt": "captain",
    "col": "colonel",
    "lt": "lieutenant",
    "cllr": "councillor",
    "pres": "president",
    "rev": "reverend",
}
