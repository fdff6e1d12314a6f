"""A place as the area of a load: its outline fetched in a background task, added to the project as a polygon
layer named after the place, then handed to whoever asked (the dock's panels take it as their area)."""

from __future__ import annotations

from typing import Callable

from qgis.core import QgsProject

from ..plugin.places.search import place_outline
from ..plugin.toolbelt.errors import OpenTerritoryError
from ..plugin.toolbelt.i18n import tr
from ..plugin.toolbelt.logger import notify
from ..plugin.toolbelt.network import Transport
from ..plugin.toolbelt.tasks import start_task

OUTLINE_PROPERTY = "open_territory/place"  # the place's key on its outline layer: one outline per place


def existing_outline(place) -> object:
    """The outline of this place already in the project, if any."""
    key = f"{place.kind}:{place.code}"
    for layer in QgsProject.instance().mapLayers().values():
        if layer.customProperty(OUTLINE_PROPERTY) == key:
            return layer
    return None


def add_outline(place, layer) -> object:
    """Put the outline in the project (once per place) with a plain style that leaves the map readable."""
    from qgis.core import QgsFillSymbol, QgsSingleSymbolRenderer

    layer.setCustomProperty(OUTLINE_PROPERTY, f"{place.kind}:{place.code}")
    symbol = QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": "200,60,20,255", "outline_width": "0.7"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return QgsProject.instance().addMapLayer(layer)


def load_place_area(place, use_area: Callable | None = None, iface=None, base: str = "", runner=start_task):
    """Fetch the place's outline in a task (or find it in the project), then call `use_area(layer)` in the main
    thread. A failure is one message naming geo.api.gouv.fr. Returns the task (None when already loaded)."""
    layer = existing_outline(place)
    if layer is not None:
        if use_area is not None:
            use_area(layer)
        return None

    def work(feedback):
        return place_outline(place, Transport(feedback=feedback), *([base] if base else []))

    def done(result, error):
        if error is not None:
            text = str(error) if isinstance(error, OpenTerritoryError) else repr(error)
            notify(tr("The outline of the place could not be loaded") + f": {text}", "critical", iface)
            return
        if result is None:
            return
        added = add_outline(place, result)
        if use_area is not None and added is not None:
            use_area(added)

    return runner(tr("Outline of") + f" {place.label()}", work, done)
