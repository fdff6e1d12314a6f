"""Default symbols of the register's layers, so that they read over the resources they sit on:
challenges in one strong colour whatever their geometry, actors' areas as outlines (an opaque fill
would hide the map under the area of a métropole-wide actor)."""

from __future__ import annotations

from qgis.core import (
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsSingleSymbolRenderer,
    QgsSymbol,
    QgsVectorLayer,
    QgsWkbTypes,
)

CHALLENGE_COLOUR = "214,39,40"  # red: a challenge is a call for help
ACTOR_COLOUR = "31,120,180"


def register_symbol(layer: QgsVectorLayer, table: str) -> QgsSymbol | None:
    geometry = QgsWkbTypes.geometryType(layer.wkbType())
    if table == "challenges":
        if geometry == QgsWkbTypes.PointGeometry:
            return QgsMarkerSymbol.createSimple(
                {"name": "star", "size": "4.5", "color": CHALLENGE_COLOUR, "outline_color": "255,255,255"}
            )
        if geometry == QgsWkbTypes.LineGeometry:
            return QgsLineSymbol.createSimple(
                {"line_width": "1.2", "line_color": CHALLENGE_COLOUR, "line_style": "dash"}
            )
        if geometry == QgsWkbTypes.PolygonGeometry:
            return QgsFillSymbol.createSimple(
                {
                    "color": CHALLENGE_COLOUR + ",60",
                    "outline_color": CHALLENGE_COLOUR,
                    "outline_width": "0.8",
                    "outline_style": "dash",
                }
            )
    if table == "actors" and geometry == QgsWkbTypes.PolygonGeometry:
        return QgsFillSymbol.createSimple(
            {"style": "no", "outline_color": ACTOR_COLOUR, "outline_width": "0.6", "outline_style": "dot"}
        )
    return None


def style_register_layer(layer: QgsVectorLayer, table: str) -> None:
    symbol = register_symbol(layer, table)
    if symbol is not None:
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))
