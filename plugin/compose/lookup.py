"""From what the user typed to one territory: by code, or by name with homonyms and near misses.

- A code is looked up by its shape (names.parse_query): an INSEE code through `/communes/<code>` (a
  five-digit code that is no commune's is tried as a postcode), a SIREN through `/epcis/<siren>`, then
  as a commune's SIREN.
- A name is searched among communes and EPCIs at once. The one whose name is exactly the one typed
  (accents, case, punctuation and an EPCI's legal form aside) wins: "Vitré" is the commune, not the
  "CA Vitré Communauté" nor "Beaussais-Vitré". Several exact ones are homonyms: the user chooses, each
  shown with its department ("Saint-Denis (93)", "Saint-Denis (974)"), or narrows the name with it.
  A single match, exact or not, is taken.
- No match at all: the API matches the start of words only, so a misspelt end ("Vitrée") finds
  nothing; the name is shortened letter by letter until something is found, and that is offered as
  the closest matches.

Ambiguous and unknown names raise InputError with `reason` "ambiguous" or "unknown" and the candidates
(Territory objects) as `payload`: Processing lists them in its error, the dock in its completion.
"""

from __future__ import annotations

from ..toolbelt.errors import InputError
from ..toolbelt.i18n import tr
from .geo_api import GeoApi
from .names import parse_query, same_name, words
from .territory import EPCI, Territory

SHOWN_CANDIDATES = 10
SHORTEST_PREFIX = 3  # letters: shorter prefixes match too much to be "close"
MAX_SHORTENINGS = 4


def candidates_named(geo: GeoApi, name: str, department: str = "", limit: int = 20) -> list:
    """Communes and EPCIs whose name matches, best first (geo.api.gouv.fr's score, population-boosted)."""
    found = [Territory.from_commune(item) for item in geo.communes_named(name, limit, department)]
    found += [Territory.from_epci(item) for item in geo.epcis_named(name, max(5, limit // 2), department)]
    found.sort(key=lambda t: (-t.score, -t.population))
    return found


def exact_matches(candidates: list, name: str) -> list:
    return [t for t in candidates if same_name(name, t.name, epci=t.kind == EPCI)]


def closest_names(geo: GeoApi, name: str, department: str = "") -> list:
    """Territories whose names start like the typed one, for a name that matched nothing."""
    parts = words(name)
    if not parts:
        return []
    longest = max(range(len(parts)), key=lambda i: len(parts[i]))
    for _ in range(MAX_SHORTENINGS):
        if len(parts[longest]) <= SHORTEST_PREFIX:
            break
        parts[longest] = parts[longest][:-1]
        found = candidates_named(geo, " ".join(parts), department)
        if found:
            return found[:SHOWN_CANDIDATES]
    return []


def listing(candidates: list) -> str:
    return "\n".join("  " + t.label() for t in candidates[:SHOWN_CANDIDATES])


def ambiguous(text: str, candidates: list) -> InputError:
    message = (
        tr("Several territories match")
        + f" '{text}'; "
        + tr("give its code (INSEE, SIREN), or its name followed by its department in brackets:")
        + "\n"
        + listing(candidates)
    )
    return InputError(message, source="geo.api.gouv.fr", reason="ambiguous", payload=candidates[:SHOWN_CANDIDATES])


def unknown(text: str, closest: list) -> InputError:
    message = tr("No French commune or EPCI is named or coded") + f" '{text}'"
    if closest:
        message += ". " + tr("Closest matches:") + "\n" + listing(closest)
    return InputError(message, source="geo.api.gouv.fr", reason="unknown", payload=closest)


def by_code(geo: GeoApi, kind: str, code: str, text: str) -> Territory:
    if kind == "insee":
        commune = geo.commune(code)
        if commune:
            return Territory.from_commune(commune)
        found = [Territory.from_commune(item) for item in geo.communes_with_postcode(code)] if code.isdigit() else []
    else:
        epci = geo.epci(code)
        if epci:
            return Territory.from_epci(epci)
        found = [Territory.from_commune(item) for item in geo.communes_with_siren(code)]
    if len(found) == 1:
        return found[0]
    if found:
        raise ambiguous(text, sorted(found, key=lambda t: -t.population))
    raise unknown(text, [])


def find_territory(text: str, geo: GeoApi) -> Territory:
    """The one commune or EPCI the user means; InputError (reason "empty", "ambiguous" or "unknown")."""
    query = parse_query(text)
    if not query.value:
        raise InputError(tr("Give the name or the code (INSEE, SIREN) of a commune or an EPCI"), reason="empty")
    if query.kind != "name":
        return by_code(geo, query.kind, query.value, text)
    found = candidates_named(geo, query.value, query.department)
    exact = exact_matches(found, query.value)
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise ambiguous(text, exact)
    if len(found) == 1:
        return found[0]
    if found:
        raise ambiguous(text, found)
    raise unknown(text, closest_names(geo, query.value, query.department))


def suggestions(text: str, geo: GeoApi, limit: int = SHOWN_CANDIDATES) -> list:
    """Candidates for a completion list while the user types: exact names first, then the others;
    the closest names when nothing matches; the territory itself for a code."""
    query = parse_query(text)
    if not query.value:
        return []
    if query.kind != "name":
        try:
            return [by_code(geo, query.kind, query.value, text)]
        except InputError as error:
            return list(error.payload or [])
    found = candidates_named(geo, query.value, query.department)
    exact = exact_matches(found, query.value)
    ordered = exact + [t for t in found if t not in exact]
    return (ordered or closest_names(geo, query.value, query.department))[:limit]
