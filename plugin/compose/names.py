"""Names and codes as the user types them and as geo.api.gouv.fr compares them.

geo.api.gouv.fr searches names without accents, case or punctuation, word by word, each word of the
query matching the start of a word of the name. `fold` reduces a name the same way, so that "Vitre",
"VITRÉ" and "vitré" are one name for the composer as they are for the API.

A code the user types says what it is by its shape: five characters are an INSEE commune code
(Corsica's start with 2A or 2B, the overseas departments' with 97), nine digits a SIREN (an EPCI's
code, or a commune's SIREN), fourteen digits a SIRET (its first nine are the SIREN). A name may end
with a department in brackets, "Saint-Denis (974)", as the composer shows homonyms.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

INSEE_CODE = re.compile(r"^(?:\d{5}|2[AaBb]\d{3})$")
SIREN = re.compile(r"^\d{9}$")
SIRET = re.compile(r"^\d{14}$")
WITH_DEPARTMENT = re.compile(r"^(?P<name>.*\S)\s*\(\s*(?P<department>\d{2,3}|2[AaBb])\s*\)\s*$")
# The legal form an EPCI's official name starts with ("CA Vitré Communauté", "CC du Pays de ..."): users
# name the EPCI without it.
EPCI_FORM_TEXT = re.compile(
    r"^\s*(?:CA|CC|CU|Communaut[eé] d'agglom[eé]ration|Communaut[eé] de communes|Communaut[eé] urbaine)\s+",
    re.IGNORECASE,
)
WORD_SEPARATORS = re.compile(r"[\s\-]+")


def ascii_lower(text: str) -> str:
    """Lowercase, accents dropped ("Vitré" -> "vitre")."""
    return unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode("ascii").lower()


def fold(text: str) -> str:
    """A name reduced to its letters and digits, lowercase, without accents: "L'Haÿ-les-Roses" -> "lhaylesroses"."""
    return re.sub(r"[^a-z0-9]", "", ascii_lower(text))


def words(text: str) -> list:
    """The folded words of a name, split where geo.api.gouv.fr splits them (spaces and hyphens)."""
    return [w for w in (fold(part) for part in WORD_SEPARATORS.split(text or "")) if w]


def without_legal_form(name: str) -> str:
    """An EPCI's name as people say it: "CA Vitré Communauté" -> "Vitré Communauté"."""
    return EPCI_FORM_TEXT.sub("", name or "").strip() or (name or "")


def same_name(typed: str, official: str, epci: bool = False) -> bool:
    """The user typed this very name (accents, case and punctuation aside; an EPCI's legal form too)."""
    if fold(typed) == fold(official):
        return True
    return epci and fold(typed) == fold(without_legal_form(official))


def department_of(insee: str) -> str:
    """The department of an INSEE commune code: "35360" -> "35", "2A004" -> "2A", "97411" -> "974"."""
    code = (insee or "").upper()
    return code[:3] if code.startswith("97") else code[:2]


@dataclass(frozen=True)
class Query:
    """What the user typed: kind is "insee" (five characters, also tried as a postcode), "siren" or "name";
    `department` narrows a name."""

    kind: str
    value: str
    department: str = ""


def parse_query(text: str) -> Query:
    """Read the user's text as a code (by its shape) or a name, with an optional "(department)"."""
    value = " ".join((text or "").split())
    compact = value.replace(" ", "")
    if SIRET.match(compact):
        return Query("siren", compact[:9])
    if SIREN.match(compact):
        return Query("siren", compact)
    if INSEE_CODE.match(compact):
        return Query("insee", compact.upper())
    match = WITH_DEPARTMENT.match(value)
    if match:
        return Query("name", match.group("name").strip(), match.group("department").upper())
    return Query("name", value)
