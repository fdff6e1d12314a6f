"""The territory's outline: its communes with their contours, asked exactly as the territory load asks.

The composer sends the very request `plugin/profiles/boundary.py` sends for the profile's boundary
(same URL, same parameters), so the reply it caches is the one the load then finds: a composed profile
loads its boundary offline. The reply gives the communes' INSEE codes (the national files are filtered
on them) and the extent written in the profile; GDAL reads it, coordinates never pass through Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from osgeo import ogr

from ..profiles.boundary import boundary_requests
from ..toolbelt.errors import ReplyError
from ..toolbelt.gdal_errors import with_gdal_exceptions
from ..toolbelt.i18n import tr
from .geo_api import SERVICE, GeoApi
from .services import GEO_MAX_AGE, Services, get_reply
from .territory import Territory


@dataclass
class Outline:
    communes: list = field(default_factory=list)  # [{"code", "nom", "population"}], largest first
    extent: list = None  # [xmin, ymin, xmax, ymax] in EPSG:4326
    arrondissements: list = field(default_factory=list)  # codes standing for one of the communes
    url: str = ""

    @property
    def codes(self) -> list:
        return [c["code"] for c in self.communes]

    @property
    def filter_codes(self) -> list:
        """The INSEE codes a national file may give the territory's rows: the communes', and the
        municipal arrondissements' of Paris, Lyon or Marseille when the territory holds one of them."""
        return sorted(set(self.codes) | set(self.arrondissements))


def boundary_spec(territory: Territory, services: Services) -> dict:
    return dict(territory.boundary(), **services.geo_server())


@with_gdal_exceptions
def read_outline(path: str) -> tuple:
    """(communes, extent) of a geo.api.gouv.fr GeoJSON reply of communes with their contours."""
    try:
        dataset = ogr.Open(path)
    except RuntimeError as error:
        raise ReplyError(tr("geo.api.gouv.fr sent outlines GDAL cannot read") + f": {error}", source=SERVICE) from None
    layer = dataset.GetLayer(0)
    names = {layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())}
    communes = []
    for feature in layer:
        code = feature.GetField("code") if "code" in names else None
        if not code:
            continue
        communes.append(
            {
                "code": str(code).upper(),
                "nom": feature.GetField("nom") if "nom" in names else str(code),
                "population": int(feature.GetField("population") or 0) if "population" in names else 0,
            }
        )
    if not communes:
        return [], None
    xmin, xmax, ymin, ymax = layer.GetExtent()
    communes.sort(key=lambda c: (-c["population"], c["code"]))
    return communes, [round(xmin, 6), round(ymin, 6), round(xmax, 6), round(ymax, 6)]


def fetch_outline(territory: Territory, services: Services, transport) -> Outline:
    """The communes and extent of the territory; ReplyError when geo.api.gouv.fr gives no contour."""
    (url, params), *_ = boundary_requests(boundary_spec(territory, services))
    reply = get_reply(transport, url, SERVICE, params=params, max_age=GEO_MAX_AGE)
    communes, extent = read_outline(reply.path)
    if not communes or extent is None:
        raise ReplyError(
            tr("geo.api.gouv.fr returned no commune outline for") + f" {territory.label()} ({reply.url})",
            source=SERVICE,
            url=reply.url,
        )
    return Outline(communes=communes, extent=extent, url=reply.url)


def add_arrondissements(outline: Outline, territory: Territory, geo: GeoApi) -> None:
    """Municipal arrondissements of the territory's communes (one request per department)."""
    codes = set(outline.codes)
    for department in territory.departments:
        for item in geo.arrondissements(department):
            if str(item.get("codeParent", "")).upper() in codes:
                outline.arrondissements.append(str(item["code"]).upper())
