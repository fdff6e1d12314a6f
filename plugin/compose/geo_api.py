"""geo.api.gouv.fr, the national API of communes and EPCIs (Découpage administratif).

The calls and replies as the real API has them: `/communes` and `/epcis` take `nom` (a search by name,
each word matching the start of a word of the name, accents and case aside; `boost=population` puts
the large ones first; `_score` comes back with each match), `code`, `codeEpci`, `codeDepartement`,
`codePostal`, `siren`, `type` (`commune-actuelle` by default, `arrondissement-municipal` for the
arrondissements of Paris, Lyon and Marseille, with their `codeParent`), `fields` (a comma list) and
`limit`; `/communes/<code>` and `/epcis/<code>` answer 404 for a code they do not know. A commune in no
EPCI (the islands of Ouessant, Sein, Molène and Yeu) has no `codeEpci`.
"""

from __future__ import annotations

from ..toolbelt.errors import ReplyError
from ..toolbelt.i18n import tr
from .services import GEO_MAX_AGE, NAME_SEARCH_MAX_AGE, get_json

SERVICE = "geo.api.gouv.fr"
COMMUNE_FIELDS = "nom,code,codesPostaux,siren,codeEpci,codeDepartement,codeRegion,population"
EPCI_FIELDS = "nom,code,codesDepartements,codesRegions,population"
ARRONDISSEMENT_FIELDS = "nom,code,codeParent,codeDepartement"


SHAPE_FIELDS = ",centre,bbox"  # where a place is (a point and its bounding box), for a map to zoom there


class GeoApi:
    """geo.api.gouv.fr at `base` (a mirror or a local stand-in in tests), through the plugin's transport.
    `shapes`: the name and code lookups also ask where each territory is (`centre`, `bbox`), as the place search
    needs to zoom to it (plugin/places/search.py); the composer does not."""

    def __init__(self, transport, base: str, shapes: bool = False):
        self.transport = transport
        self.base = base.rstrip("/")
        self.shapes = SHAPE_FIELDS if shapes else ""

    def _get(self, path: str, params: dict, max_age: int, if_missing=None):
        return get_json(
            self.transport, self.base + path, SERVICE, params=params, max_age=max_age, if_missing=if_missing
        )

    def _list(self, path: str, params: dict, max_age: int) -> list:
        reply = self._get(path, params, max_age, if_missing=[])
        if not isinstance(reply, list):
            raise ReplyError(
                tr("geo.api.gouv.fr sent something else than a list") + f" ({self.base}{path})", source=SERVICE
            )
        return [item for item in reply if isinstance(item, dict) and item.get("code")]

    # -- by name -------------------------------------------------------------------------------

    def communes_named(self, name: str, limit: int = 20, department: str = "") -> list:
        params = {"nom": name, "fields": COMMUNE_FIELDS + self.shapes, "boost": "population", "limit": limit}
        if department:
            params["codeDepartement"] = department
        return self._list("/communes", params, NAME_SEARCH_MAX_AGE)

    def epcis_named(self, name: str, limit: int = 10, department: str = "") -> list:
        params = {"nom": name, "fields": EPCI_FIELDS + self.shapes, "boost": "population", "limit": limit}
        if department:
            params["codeDepartement"] = department
        return self._list("/epcis", params, NAME_SEARCH_MAX_AGE)

    # -- by code -------------------------------------------------------------------------------

    def commune(self, code: str):
        """The commune of this INSEE code, or None."""
        reply = self._get(f"/communes/{code}", {"fields": COMMUNE_FIELDS + self.shapes}, GEO_MAX_AGE)
        return reply if isinstance(reply, dict) and reply.get("code") else None

    def epci(self, siren: str):
        """The EPCI of this SIREN, or None."""
        reply = self._get(f"/epcis/{siren}", {"fields": EPCI_FIELDS + self.shapes}, GEO_MAX_AGE)
        return reply if isinstance(reply, dict) and reply.get("code") else None

    def communes_with_siren(self, siren: str) -> list:
        return self._list("/communes", {"siren": siren, "fields": COMMUNE_FIELDS + self.shapes}, GEO_MAX_AGE)

    def communes_with_postcode(self, postcode: str) -> list:
        return self._list("/communes", {"codePostal": postcode, "fields": COMMUNE_FIELDS + self.shapes}, GEO_MAX_AGE)

    def arrondissements(self, department: str) -> list:
        """The municipal arrondissements of a department (Paris, Lyon and Marseille have some): national
        files may code a row with its arrondissement instead of its commune."""
        params = {"type": "arrondissement-municipal", "codeDepartement": department, "fields": ARRONDISSEMENT_FIELDS}
        return self._list("/communes", params, GEO_MAX_AGE)
