"""Point styles read in black and white print: car parks and bus stops, both frequent on a council map,
are told apart by the shape of their marker, not only by its colour."""

from __future__ import annotations

import os
import re

from open_territory.plugin.profiles.styles import STYLES_DIR
from qgis.core import QgsRenderContext, QgsVectorLayer
from qgis.PyQt.QtCore import QSize


def symbols(category) -> list:
    path = os.path.join(STYLES_DIR, f"{category}.qml")
    with open(path, encoding="utf-8") as handle:
        kind = re.search(r"<layerGeometryType>(\d)</layerGeometryType>", handle.read()).group(1)
    layer = QgsVectorLayer(f"{('Point', 'LineString', 'Polygon')[int(kind)]}?crs=EPSG:2154", category, "memory")
    message, ok = layer.loadNamedStyle(path)
    assert ok, message
    return [symbol.clone() for symbol in layer.renderer().symbols(QgsRenderContext())]


def shapes(category) -> set:
    return {
        symbol_layer.properties()["name"]
        for symbol in symbols(category)
        for symbol_layer in symbol.symbolLayers()
        if symbol_layer.layerType() == "SimpleMarker"
    }


def fill_ratio(category) -> float:
    """The share of the marker's bounding box it inks, from a rendering (grey levels ignored: print)."""
    (symbol,) = symbols(category)
    image = symbol.asImage(QSize(80, 80))
    inked = [
        (x, y) for x in range(image.width()) for y in range(image.height()) if image.pixelColor(x, y).alpha() > 128
    ]
    xs, ys = [x for x, _ in inked], [y for _, y in inked]
    box = (max(xs) - min(xs) + 1) * (max(ys) - min(ys) + 1)
    return len(inked) / box


def test_car_parks_are_squares_and_bus_stops_another_shape():
    assert shapes("car_park") == {"square"}
    (shape,) = shapes("bus_stop")
    assert shape != "square"
    others = {name[:-4]: shapes(name[:-4]) for name in os.listdir(STYLES_DIR) if name != "bus_stop.qml"}
    assert not any(shape in used for used in others.values()), others  # no other resource has that marker


def test_the_two_silhouettes_differ_once_printed():
    """Rendered, a square fills its box, the bus stop's marker leaves much of it blank."""
    assert fill_ratio("car_park") > 0.9
    assert fill_ratio("bus_stop") < 0.7
