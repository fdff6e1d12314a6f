"""The "ter" filter of QGIS's locator bar: French communes and EPCIs by name (plugin/places/search.py).

Typing "ter vitré" lists the places geo.api.gouv.fr knows by that name, homonyms with their department. The search
runs in the locator's worker thread (fetchResults), through the plugin's transport and its cache, cancelled when
the user types on. Enter zooms the map to the place; the result's action "Use as the area" also loads its outline
as a layer and makes it the area of the dock's panels (`use_area`, given by the plugin).

The filter is registered at QGIS's start: the search and the transport are imported when first used, so that the
start pays for neither.
"""

from __future__ import annotations

from typing import Callable

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeedback,
    QgsLocatorContext,
    QgsLocatorFilter,
    QgsLocatorResult,
    QgsProject,
)

from ..plugin.compose.territory import EPCI
from ..plugin.toolbelt.errors import Cancelled, OpenTerritoryError
from ..plugin.toolbelt.i18n import tr
from ..plugin.toolbelt.logger import log

# QGIS keeps prefixes of one or two letters for its own filters (a plugin's "ot" would be ignored): "ter" reads
# "territory" and "territoire" alike. Users may change it in Settings > Options > Locator.
PREFIX = "ter"
USE_AS_AREA = 1  # the id of the result's action
TYPING_DELAY_MS = 350  # wait until the user pauses: one request per word, not one per letter
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


def zoom_to_place(canvas, place) -> bool:
    """Zoom the map canvas to the place's bounding box; False when the place has none."""
    from ..plugin.places.search import place_extent

    extent = place_extent(place)
    if extent is None:
        return False
    transform = QgsCoordinateTransform(WGS84, canvas.mapSettings().destinationCrs(), QgsProject.instance())
    rect = transform.transformBoundingBox(extent)
    rect.scale(1.05)
    canvas.setExtent(rect)
    canvas.refresh()
    return True


class PlaceLocatorFilter(QgsLocatorFilter):
    """Places by name in the locator bar. `use_area(place)` is called for the action "Use as the area"."""

    def __init__(self, iface, use_area: Callable | None = None, base: str = "") -> None:
        super().__init__()
        self.iface = iface
        self.use_area = use_area
        self.base = base  # geo.api.gouv.fr's address (a stand-in in tests); empty: the public service
        self.setFetchResultsDelay(TYPING_DELAY_MS)
        # It asks a web service: only when called by its prefix, never for every search of the bar.
        self.setUseWithoutPrefix(False)

    def clone(self) -> PlaceLocatorFilter:
        return PlaceLocatorFilter(self.iface, self.use_area, self.base)

    def name(self) -> str:
        return "open_territory_places"

    def displayName(self) -> str:  # noqa: N802
        return tr("Places (Open Territory)")

    def description(self) -> str:
        return tr("French communes and EPCIs by name, through geo.api.gouv.fr")

    def prefix(self) -> str:
        return PREFIX

    def priority(self) -> QgsLocatorFilter.Priority:
        return QgsLocatorFilter.Medium

    def fetchResults(self, string: str, context: QgsLocatorContext, feedback: QgsFeedback) -> None:  # noqa: N802
        """In the locator's worker thread: every failure ends here, told in the log (an exception escaping a
        Qt virtual would abort QGIS)."""
        try:
            from ..plugin.places.search import search_places
            from ..plugin.toolbelt.network import Transport

            places = search_places(string, Transport(feedback=feedback), *([self.base] if self.base else []))
        except Cancelled:
            return
        except OpenTerritoryError as error:
            log(f"{tr('Place search')}: {error}", "warning")
            self.resultFetched.emit(self.message_result(str(error)))
            return
        except Exception as error:  # noqa: BLE001 - a bug: logged, never raised into the locator's thread
            log(f"{tr('Place search')}: {error!r}", "critical")
            return
        for rank, place in enumerate(places):
            if feedback.isCanceled():
                return
            self.resultFetched.emit(self.place_result(place, rank))

    def place_result(self, place, rank: int) -> QgsLocatorResult:
        from ..plugin.places.search import place_to_dict

        result = QgsLocatorResult(self, place.label(), place_to_dict(place))
        result.group = tr("EPCI") if place.kind == EPCI else tr("Communes")
        result.score = 1.0 - rank / 100.0
        result.icon = QgsApplication.getThemeIcon("/mActionZoomToLayer.svg")
        result.actions = [
            QgsLocatorResult.ResultAction(
                USE_AS_AREA, tr("Use as the area"), ":/images/themes/default/mLayoutItemPolygon.svg"
            )
        ]
        return result

    def message_result(self, text: str) -> QgsLocatorResult:
        """A line that tells why nothing was found (the service down, offline without a cached reply)."""
        result = QgsLocatorResult(self, text, {})
        result.score = 0.0
        return result

    def triggerResult(self, result: QgsLocatorResult) -> None:  # noqa: N802
        values = result.getUserData()  # (the raw `userData` member crashes sip in QGIS 3.22)
        if not values:
            return
        from ..plugin.places.search import place_from_dict

        zoom_to_place(self.iface.mapCanvas(), place_from_dict(values))

    def triggerResultFromAction(self, result: QgsLocatorResult, action_id: int) -> None:  # noqa: N802
        self.triggerResult(result)
        values = result.getUserData()
        if action_id == USE_AS_AREA and values and self.use_area is not None:
            from ..plugin.places.search import place_from_dict

            self.use_area(place_from_dict(values))
