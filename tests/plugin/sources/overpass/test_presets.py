"""Every OSM preset category has a bundled QML style that fits the layer the source writes."""

import os

import pytest
from open_territory.plugin.sources.overpass.presets import LINE, PRESETS, STYLES_DIR, column_name, style_path
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsRenderContext, QgsSymbol, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

COMMON = ("category", "name", "source", "source_dataset", "licence", "fetched_at", "osm_type", "osm_id")


def osm_layer(category):
    """An empty layer shaped as overpass.write_osm_layer writes it, with one feature."""
    preset = PRESETS[category]
    geometry, wkt = (
        ("LineString", "LINESTRING(-1.7 48.1,-1.69 48.11)")
        if preset.geometry == LINE
        else ("Point", "POINT(-1.7 48.1)")
    )
    layer = QgsVectorLayer(f"{geometry}?crs=EPSG:4326", category, "memory")
    names = list(COMMON) + [column_name(t) for t in preset.columns if t != "name"] + ["other_tags"]
    layer.dataProvider().addAttributes([QgsField(n, QVariant.String) for n in names])
    layer.updateFields()
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt(wkt))
    feature["category"], feature["osm_type"] = category, "node"
    layer.dataProvider().addFeatures([feature])
    return layer


@pytest.mark.parametrize("category", sorted(PRESETS))
def test_style_exists_and_loads(category):
    path = style_path(category)
    assert path == os.path.join(STYLES_DIR, f"{category}.qml") and os.path.isfile(path)
    layer = osm_layer(category)
    message, ok = layer.loadNamedStyle(path)
    assert ok, message
    expected = QgsSymbol.Line if PRESETS[category].geometry == LINE else QgsSymbol.Marker
    symbols = layer.renderer().symbols(QgsRenderContext())
    assert symbols and all(s.type() == expected for s in symbols)


# air_quality_sensor.qml classes on attribute('pm25'), which is NULL (grey class) on an OSM layer that
# has no pm25 field: "pm25" there would make the expression fail and the sensors vanish.
@pytest.mark.parametrize("category", sorted(PRESETS))
def test_style_draws_the_features(category):
    layer = osm_layer(category)
    layer.loadNamedStyle(style_path(category))
    context = QgsRenderContext()
    renderer = layer.renderer()
    renderer.startRender(context, layer.fields())
    try:
        symbol = renderer.symbolForFeature(next(layer.getFeatures()), context)
    finally:
        renderer.stopRender(context)
    assert symbol is not None
