"""Search by place name ("Vitré", "saint denis (974)", "35360", a SIREN): communes and EPCIs of geo.api.gouv.fr.

The matching is the profile composer's (plugin/compose/lookup.py: accents and case aside, the exact name first,
homonyms with their department, the closest names for a misspelt one, codes by their shape), asked through its
client (plugin/compose/geo_api.py) with the places' centres and bounding boxes, so that a map can zoom there. The
replies are cached by the transport (a day for names, a month for codes), so a place found once is found again
offline.

The area of a place is its outline: the commune's contour, or the contours of an EPCI's communes, asked exactly as
the territory load asks for a profile's boundary (plugin/profiles/boundary.py), so the two share their cached
replies. Everything here blocks on the network: call it from a task, a Processing algorithm or the locator's
worker thread, never from the main thread.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ..compose.geo_api import SERVICE, GeoApi
from ..compose.lookup import SHOWN_CANDIDATES, suggestions
from ..compose.services import GEO_API, GEO_MAX_AGE, get_reply
from ..compose.territory import Territory
from ..profiles.boundary import boundary_requests
from ..toolbelt.errors import ReplyError
from ..toolbelt.gdal_errors import with_gdal_exceptions
from ..toolbelt.i18n import tr

if TYPE_CHECKING:
    from qgis.core import QgsRectangle, QgsVectorLayer

MIN_LETTERS = 2  # fewer letters match half of France: the locator waits for more
CENTRE_MARGIN = 0.02  # degrees around a centre, when a reply has no bounding box


def search_places(text: str, transport, base: str = GEO_API, limit: int = SHOWN_CANDIDATES) -> list:
    """The communes and EPCIs `text` names, best first, each with its centre and bounding box (Territory)."""
    if len("".join((text or "").split())) < MIN_LETTERS:
        return []
    return suggestions(text, GeoApi(transport, base, shapes=True), limit)


def place_extent(place: Territory) -> QgsRectangle | None:
    """The place's bounding box in EPSG:4326 (from its `bbox`, else around its `centre`); None without either."""
    from qgis.core import QgsRectangle

    ring = ((place.bbox or {}).get("coordinates") or [[]])[0]
    if len(ring) >= 2:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return QgsRectangle(min(xs), min(ys), max(xs), max(ys))
    point = (place.centre or {}).get("coordinates")
    if point and len(point) >= 2:
        x, y = point[0], point[1]
        return QgsRectangle(x - CENTRE_MARGIN, y - CENTRE_MARGIN, x + CENTRE_MARGIN, y + CENTRE_MARGIN)
    return None


def place_to_dict(place: Territory) -> dict:
    """The place as plain values (a locator result's user data, a setting)."""
    return dataclasses.asdict(place)


def place_from_dict(values: dict) -> Territory:
    names = {f.name for f in dataclasses.fields(Territory)}
    return Territory(**{key: value for key, value in dict(values or {}).items() if key in names})


@with_gdal_exceptions
def place_outline(place: Territory, transport, base: str = GEO_API) -> QgsVectorLayer:
    """The place's outline as a memory layer named after it: the commune's contour, or the EPCI's communes.
    Raises Cancelled, NetworkError or ReplyError (naming geo.api.gouv.fr)."""
    from qgis.core import QgsFeatureRequest, QgsVectorLayer
    from qgis.PyQt.QtCore import QCoreApplication

    spec = dict(place.boundary(), **({} if base.rstrip("/") == GEO_API else {"server": base}))
    layers = []
    for url, params in boundary_requests(spec):
        reply = get_reply(transport, url, SERVICE, params=params, max_age=GEO_MAX_AGE)
        read = QgsVectorLayer(reply.path, "outline", "ogr")
        if not read.isValid() or read.featureCount() == 0:
            raise ReplyError(tr("geo.api.gouv.fr returned no outline for") + f" {place.label()}", source=SERVICE)
        # A copy in memory: the cached reply it was read from may be pruned while the layer is in use.
        layers.append(read.materialize(QgsFeatureRequest()))
    outline = layers[0]
    for other in layers[1:]:
        outline.dataProvider().addFeatures(list(other.getFeatures()))
    outline.setName(f"{place.name} ({', '.join(place.departments)})")
    outline.updateExtents()
    # Made in a worker thread (a task, the locator), added to the project by the main thread: hand it over.
    outline.moveToThread(QCoreApplication.instance().thread())
    return outline
