"""Every OSM preset category has a bundled QML style for each way it can be drawn, that fits the layer the
source writes; the presets' defaults."""

import pytest
from open_territory.plugin.profiles.styles import apply_style, style_file
from open_territory.plugin.sources.overpass.presets import LINES, POINTS, POLYGONS, PRESETS, column_name
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsRenderContext, QgsSymbol, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

COMMON = ("category", "name", "source", "source_dataset", "licence", "fetched_at", "osm_type", "osm_id")
SHAPES = {
    POINTS: ("Point", "POINT(-1.7 48.1)", QgsSymbol.Marker),
    LINES: ("LineString", "LINESTRING(-1.7 48.1,-1.69 48.11)", QgsSymbol.Line),
    POLYGONS: ("MultiPolygon", "MULTIPOLYGON(((-1.7 48.1,-1.69 48.1,-1.69 48.11,-1.7 48.1)))", QgsSymbol.Fill),
}
DRAWINGS = sorted((category, drawing) for category, preset in PRESETS.items() for drawing in preset.geometries)


def osm_layer(category, drawing):
    """An empty layer shaped as the source writes it for `drawing`, with one feature."""
    preset = PRESETS[category]
    geometry, wkt, _symbol = SHAPES[drawing]
    layer = QgsVectorLayer(f"{geometry}?crs=EPSG:4326", category, "memory")
    names = list(COMMON) + [column_name(t) for t in preset.columns if t != "name"] + ["other_tags"]
    layer.dataProvider().addAttributes([QgsField(n, QVariant.String) for n in names])
    layer.updateFields()
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt(wkt))
    feature["category"], feature["osm_type"] = category, "node"
    layer.dataProvider().addFeatures([feature])
    return layer


@pytest.mark.parametrize("category, drawing", DRAWINGS)
def test_a_shipped_style_for_every_drawing(category, drawing):
    layer = osm_layer(category, drawing)
    path = style_file(category, layer.geometryType())
    assert path is not None
    message, ok = layer.loadNamedStyle(path)
    assert ok, message
    symbols = layer.renderer().symbols(QgsRenderContext())
    assert symbols and all(s.type() == SHAPES[drawing][2] for s in symbols)


# air_quality_sensor.qml classes on attribute('pm25'), which is NULL (grey class) on an OSM layer that
# has no pm25 field: "pm25" there would make the expression fail and the sensors vanish.
@pytest.mark.parametrize("category, drawing", DRAWINGS)
def test_style_draws_the_features(category, drawing):
    layer = osm_layer(category, drawing)
    assert apply_style(layer, category)
    context = QgsRenderContext()
    renderer = layer.renderer()
    renderer.startRender(context, layer.fields())
    try:
        symbol = renderer.symbolForFeature(next(layer.getFeatures()), context)
    finally:
        renderer.stopRender(context)
    assert symbol is not None and symbol.type() == SHAPES[drawing][2]


def test_a_style_for_another_geometry_is_not_forced_on_a_layer():
    """A category's marker style does not go on its polygon layer when no polygon style ships."""
    layer = osm_layer("traffic_signals", POINTS)
    polygons = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", "signals as areas", "memory")
    polygons.dataProvider().addAttributes(layer.fields().toList())
    polygons.updateFields()
    assert style_file("traffic_signals", polygons.geometryType()).endswith("traffic_signals.qml")
    assert apply_style(polygons, "traffic_signals")
    assert all(s.type() == QgsSymbol.Fill for s in polygons.renderer().symbols(QgsRenderContext()))


def test_defaults_points_for_point_things_polygons_where_the_surface_matters():
    assert PRESETS["car_park"].default_geometry == POLYGONS
    assert PRESETS["bicycle_parking"].default_geometry == POINTS
    assert PRESETS["cycleway"].geometries == (LINES,)
    assert PRESETS["street_lamp"].drawing(POLYGONS) == POINTS  # a lamp has no surface to offer
    assert PRESETS["charging_station"].drawing(POLYGONS) == POLYGONS
