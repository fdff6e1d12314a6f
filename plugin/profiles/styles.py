"""A resource layer's style, and styles saved inside the territory GeoPackage (its layer_styles table) or in
QGIS's layer_styles table of a PostGIS database, so the layers open styled in any QGIS. A category's style is
resources/styles/<category>.qml when the project ships one for the layer's geometry, <category>_polygon.qml
(or _line, _point) for another drawing of the category (OpenStreetMap car parks as areas), else a plain symbol
in the category's colour. A source whose style has legend labels applies it itself, so the labels are saved
in the user's language (the .qml holds the English ones)."""

from __future__ import annotations

import os

from qgis.core import QgsRenderContext, QgsSingleSymbolRenderer, QgsSymbol, QgsVectorLayer, QgsWkbTypes
from qgis.PyQt.QtGui import QColor

from ..toolbelt.logger import log
from ..toolbelt.metadata import STYLES_DIR
from ..toolbelt.postgres import GEOMETRY_COLUMN, execute, literal, open_database, scalar, table_uri

COLOURS = {
    "traffic_signals": "#e31a1c",
    "bicycle_parking": "#33a02c",
    "charging_station": "#1f78b4",
    "bus_stop": "#ff7f00",
    "car_park": "#6a3d9a",
    "cycleway": "#2ca25f",
    "street_lamp": "#fdbf6f",
    "bike_share_station": "#b2df8a",
    "car_sharing": "#a6cee3",
    "air_quality_sensor": "#cab2d6",
    "traffic_counter": "#b15928",
    "road_works": "#fb9a99",
    "other": "#808080",
    "transit_stop": "#e7298a",
    "transit_route": "#7570b3",
    "public_vehicle": "#d95f02",
    "carpool_area": "#009688",
    "road_accident": "#c81e1e",
}


def translated_style(category: str) -> bool:
    """The function applying a category's style with its legend in the user's language, or None."""
    if category == "air_quality_sensor":
        from ..sources.sensor_community import apply_default_style

        return apply_default_style
    if category == "transit_stop":
        from ..sources.gtfs import apply_stop_style

        return apply_stop_style
    return None


GEOMETRY_WORDS = {
    QgsWkbTypes.PointGeometry: "point",
    QgsWkbTypes.LineGeometry: "line",
    QgsWkbTypes.PolygonGeometry: "polygon",
}
SYMBOL_TYPES = {QgsWkbTypes.PointGeometry: QgsSymbol.Marker, QgsWkbTypes.LineGeometry: QgsSymbol.Line}


def style_file(category: str, geometry_type: int | None = None) -> str | None:
    """The shipped QML of a category: <category>_<point|line|polygon>.qml for that geometry when there is
    one, else <category>.qml."""
    names = [f"{category}.qml"]
    if geometry_type in GEOMETRY_WORDS:
        names.insert(0, f"{category}_{GEOMETRY_WORDS[geometry_type]}.qml")
    for name in names:
        path = os.path.join(STYLES_DIR, name)
        if os.path.exists(path):
            return path
    return None


def fits(layer: QgsVectorLayer) -> bool:
    """Whether the layer's symbols draw its geometry (a marker style on a polygon layer does not)."""
    renderer = layer.renderer()
    symbols = renderer.symbols(QgsRenderContext()) if renderer is not None else []
    wanted = SYMBOL_TYPES.get(layer.geometryType(), QgsSymbol.Fill)
    return bool(symbols) and all(symbol.type() == wanted for symbol in symbols)


def apply_style(layer: QgsVectorLayer, category: str) -> bool:
    """Give a resource layer its category's style (see the module's docstring); False when it could not."""
    loaded = False
    translated = translated_style(category)
    qml = style_file(category, layer.geometryType())
    if translated is not None:
        loaded = translated(layer)
    elif qml:
        _message, loaded = layer.loadNamedStyle(qml)
        loaded = loaded and fits(layer)
    if not loaded:
        renderer = default_renderer(layer, category)
        if renderer is None:
            return False
        layer.setRenderer(renderer)
    return True


def default_renderer(layer: QgsVectorLayer, category: str) -> QgsSingleSymbolRenderer:
    symbol = QgsSymbol.defaultSymbol(layer.geometryType())
    if symbol is None:
        return None
    colour = QColor(COLOURS.get(category, COLOURS["other"]))
    if category == "boundary":
        # An outline only: the boundary sits under every other layer.
        symbol.setColor(QColor(0, 0, 0, 0))
        symbol.symbolLayer(0).setStrokeColor(QColor("#404040"))
        symbol.symbolLayer(0).setStrokeWidth(0.6)
    else:
        symbol.setColor(colour)
        if layer.geometryType() == QgsWkbTypes.LineGeometry:
            symbol.setWidth(0.8)
    return QgsSingleSymbolRenderer(symbol)


def style_layer(layer: QgsVectorLayer, category: str) -> bool:
    """Give `layer` its category's style (see the module's docstring); False for a layer without geometry."""
    if not layer.isValid() or layer.geometryType() in (QgsWkbTypes.NullGeometry, QgsWkbTypes.UnknownGeometry):
        return False
    return apply_style(layer, category)


def save_default_style(layer: QgsVectorLayer, layer_name: str, category: str) -> bool:
    """Style `layer` (style_layer) and store it as its default style in its GeoPackage's layer_styles."""
    if not style_layer(layer, category):
        return False
    # GeoPackage limits style names to 30 characters.
    error = layer.saveStyleToDatabase(layer_name[:30], category, True, "")
    if error:
        log(f"{layer_name}: style not saved: {error}", "warning")
        return False
    return True


def save_database_style(connection: str, schema: str, table: str, category: str) -> bool:
    """Style the PostGIS table `schema.table` and store the style as its default in QGIS's layer_styles table,
    where QGIS finds it for anyone opening the table.

    QGIS asks "overwrite?" in a dialog when a style of the same name exists (a reload), which a background
    task or qgis_process cannot show: the old style is removed first. Loads of several technicians at once
    take turns (an advisory lock), so that none finds the style another one has just saved."""
    uri = table_uri(connection, schema, table, GEOMETRY_COLUMN).uri(False)
    layer = QgsVectorLayer(uri, table, "postgres")
    if not style_layer(layer, category):
        return False
    name = table[:30]
    with open_database(connection) as dataset:
        execute(dataset, f"SELECT pg_advisory_lock(hashtext({literal('open_territory layer_styles')}))")
        try:
            if scalar(dataset, "SELECT to_regclass('layer_styles') IS NOT NULL"):
                execute(
                    dataset,
                    f"DELETE FROM layer_styles WHERE f_table_schema = {literal(schema)} "
                    f"AND f_table_name = {literal(table)} AND stylename = {literal(name)}",
                )
            error = layer.saveStyleToDatabase(name, category, True, "")
        finally:
            execute(dataset, f"SELECT pg_advisory_unlock(hashtext({literal('open_territory layer_styles')}))")
    if error:
        log(f"{schema}.{table}: style not saved: {error}", "warning")
        return False
    return True


def save_layer_style(gpkg: str, layer_name: str, category: str) -> bool:
    """Store the category's style as the default style of `layer_name` in `gpkg`."""
    return save_default_style(QgsVectorLayer(f"{gpkg}|layername={layer_name}", layer_name, "ogr"), layer_name, category)


def save_styles(gpkg: str, categories: dict) -> None:
    """Each layer's category style saved in `gpkg` ({layer name: category}), as save_layer_style does."""
    for layer_name, category in categories.items():
        save_layer_style(gpkg, layer_name, category)
