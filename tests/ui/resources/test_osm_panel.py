"""The OpenStreetMap dock panel: tick categories, load in the background, cancel, refresh a layer in place."""

import json
import os
import time
from urllib.parse import parse_qs

import pytest
from open_territory.plugin.sources.overpass.presets import preset_categories
from open_territory.scripts.overpass_replies import Node
from open_territory.ui.resources.osm_panel import SPEC_PROPERTY, OsmPanel, layer_spec
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsSymbol,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import Qt
from werkzeug import Response

from ...plugin.sources.overpass.fake_overpass import osm_data, serve_overpass

DATA = os.path.join(os.path.dirname(__file__), "..", "..", "plugin", "sources", "overpass", "data")


def fixture_bytes(name):
    with open(os.path.join(DATA, name), "rb") as handle:
        return handle.read()


@pytest.fixture()
def panel(qgis_iface, project, httpserver):
    panel = OsmPanel(qgis_iface)
    panel.map_extent_wgs84 = lambda: QgsRectangle(-1.8, 48.0, -1.5, 48.2)
    panel.server_combo.setCurrentText(httpserver.url_for("/api/interpreter"))
    yield panel
    panel.shutdown()


def tick(panel, *categories):
    for i in range(panel.category_list.count()):
        item = panel.category_list.item(i)
        item.setCheckState(Qt.Checked if item.data(Qt.UserRole) in categories else Qt.Unchecked)


def test_lists_every_preset_category(panel):
    assert [
        panel.category_list.item(i).data(Qt.UserRole) for i in range(panel.category_list.count())
    ] == preset_categories()


def test_nothing_ticked(panel, project):
    panel.load_button.click()
    assert "Tick" in panel.status.text() and not project.mapLayers()


def test_loads_two_categories_styled_with_refresh_spec(panel, project, httpserver, wait_until):
    serve_overpass(httpserver)
    tick(panel, "car_park", "cycleway")
    panel.timeout_spin.setValue(40)
    panel.load_button.click()
    assert wait_until(lambda: len(project.mapLayers()) == 2)
    layers = {layer_spec(lyr)["category"]: lyr for lyr in project.mapLayers().values()}
    assert layers["car_park"].featureCount() == 4 and layers["cycleway"].featureCount() == 3
    assert layers["car_park"].geometryType() == QgsWkbTypes.PolygonGeometry  # car parks: areas by default
    assert layers["car_park"].renderer().symbol().type() == QgsSymbol.Fill
    assert isinstance(layers["cycleway"].renderer(), QgsSingleSymbolRenderer)
    assert layers["cycleway"].renderer().symbol().color().name() == "#2ca25f"
    spec = layer_spec(layers["car_park"])
    assert spec["timeout"] == 40 and spec["extent"] == [-1.8, 48.0, -1.5, 48.2]
    queries = [parse_qs(r.get_data(as_text=True))["data"][0] for r, _ in httpserver.log]
    assert len(queries) == 2 and all("[timeout:40]" in q for q in queries)
    assert "OpenStreetMap contributors" in panel.status.text()


def test_areas_as_points_when_chosen(panel, project, httpserver, wait_until):
    serve_overpass(httpserver)
    tick(panel, "car_park", "street_lamp")
    panel.drawing_combo.setCurrentIndex(panel.drawing_combo.findData("points"))
    panel.load_button.click()
    assert wait_until(lambda: len(project.mapLayers()) == 2)
    layers = {layer_spec(lyr)["category"]: lyr for lyr in project.mapLayers().values()}
    assert layers["car_park"].featureCount() == 5 and layers["car_park"].geometryType() == QgsWkbTypes.PointGeometry
    assert layer_spec(layers["car_park"])["geometry"] == "points"


def test_area_layer_is_used_instead_of_extent(panel, project, httpserver, wait_until):
    serve_overpass(httpserver)
    area = QgsVectorLayer("Polygon?crs=EPSG:2154", "territory", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt("POLYGON((345000 6780000,360000 6795000,345000 6795000,345000 6780000))"))
    area.dataProvider().addFeatures([feature])
    project.addMapLayer(area)
    panel.area_combo.setLayer(area)
    tick(panel, "traffic_signals")
    panel.load_button.click()
    assert wait_until(lambda: len(project.mapLayers()) == 2)
    request, _ = httpserver.log[0]
    assert '(poly:"' in parse_qs(request.get_data(as_text=True))["data"][0]


def test_error_is_shown_and_nothing_added(panel, project, httpserver, wait_until):
    httpserver.expect_request("/api/interpreter", method="POST").respond_with_data(fixture_bytes("remark_timeout.osm"))
    tick(panel, "street_lamp")
    panel.load_button.click()
    assert wait_until(lambda: panel.load_button.isEnabled())
    assert "longer timeout" in panel.status.text()
    assert not project.mapLayers()


def test_cancel(panel, project, httpserver, wait_until):
    def slow(_request):
        time.sleep(1.5)
        return Response(fixture_bytes("mixed.osm"))

    httpserver.expect_request("/api/interpreter").respond_with_handler(slow)
    tick(panel, "street_lamp")
    panel.load_button.click()
    assert not panel.cancel_button.isHidden() and not panel.load_button.isEnabled()
    panel.cancel_button.click()
    assert wait_until(lambda: panel.load_button.isEnabled())
    assert panel.status.text() == "Cancelled"
    assert not project.mapLayers()


def test_refresh_swaps_the_data_in_place(panel, project, httpserver, wait_until):
    httpserver.expect_oneshot_request("/api/interpreter").respond_with_data(fixture_bytes("empty.osm"))
    tick(panel, "traffic_signals")
    panel.load_button.click()
    assert wait_until(lambda: len(project.mapLayers()) == 1)
    layer = list(project.mapLayers().values())[0]
    assert layer.featureCount() == 0
    old_source = layer.source()
    layer.setName("my signals")
    serve_overpass(httpserver)
    finished = []
    task = panel.refresh_layer(layer, lambda results, error: finished.append(error))
    assert task is not None
    assert wait_until(lambda: finished)
    assert finished == [None]
    assert layer.source() != old_source and layer.featureCount() == 2
    assert layer.name() == "my signals" and layer_spec(layer)["category"] == "traffic_signals"
    assert list(project.mapLayers().values()) == [layer]


def test_failed_refresh_keeps_the_old_data(panel, project, httpserver, tmp_path, wait_until):
    httpserver.expect_request("/api/interpreter").respond_with_data(fixture_bytes("truncated.osm"))
    layer = QgsVectorLayer("Point?crs=EPSG:4326", "old", "memory")
    layer.setCustomProperty(
        SPEC_PROPERTY,
        json.dumps(
            {
                "source": "overpass",
                "category": "traffic_signals",
                "server": httpserver.url_for("/api/interpreter"),
                "extent": [-1.8, 48.0, -1.5, 48.2],
            }
        ),
    )
    project.addMapLayer(layer)
    source = layer.source()
    finished = []
    panel.refresh_layer(layer, lambda results, error: finished.append(error))
    assert wait_until(lambda: finished)
    assert finished[0] is not None and finished[0].reason == "incomplete"
    assert layer.source() == source


def test_refresh_action_only_for_osm_layers(panel, project):
    plain = QgsVectorLayer("Point?crs=EPSG:4326", "plain", "memory")
    assert panel.refresh_layer(plain) is None


@pytest.fixture()
def offered(qgis_iface, monkeypatch):
    """Records the layers the panel offers the refresh action to (the test iface has no layer actions)."""
    layers = []
    monkeypatch.setattr(qgis_iface, "addCustomActionForLayerType", lambda *args: None, raising=False)
    monkeypatch.setattr(qgis_iface, "removeCustomActionForLayerType", lambda *args: None, raising=False)
    monkeypatch.setattr(
        qgis_iface, "addCustomActionForLayer", lambda action, layer: layers.append(layer.id()), raising=False
    )
    return layers


def test_refresh_offered_to_a_layer_prepared_after_it_was_added(panel, project, offered):
    from open_territory.plugin.sources.overpass import prepare_osm_layer

    assert panel.action_installed
    plain = QgsVectorLayer("Point?crs=EPSG:4326", "plain", "memory")
    later = QgsVectorLayer("Point?crs=EPSG:4326", "later", "memory")
    project.addMapLayers([plain, later])
    assert offered == []
    plain.setCustomProperty("other", "1")
    prepare_osm_layer(
        later,
        {
            "category": "car_park",
            "server": "https://overpass.example/api/interpreter",
            "extent": [-1.8, 48.0, -1.5, 48.2],
        },
    )  # as Processing's post-processor does
    assert offered == [later.id()]
    later.setCustomProperty(SPEC_PROPERTY, later.customProperty(SPEC_PROPERTY))
    assert offered == [later.id()]  # offered once


class FrozenClock:
    """Stands for the `datetime` module of layer_output: every call happens in the same second."""

    class datetime:  # noqa: N801
        @staticmethod
        def now():
            import datetime

            return datetime.datetime(2024, 5, 1, 12, 0, 0)


def test_two_refreshes_within_a_second_write_two_files(panel, project, httpserver, wait_until, monkeypatch):
    from open_territory.ui.resources import layer_output

    monkeypatch.setattr(layer_output, "datetime", FrozenClock)
    serve_overpass(httpserver)
    layers = []
    # Two extents: two identical requests under way together collide in the transport's cache.
    for name, north in (("a", 48.2), ("b", 48.3)):
        layer = QgsVectorLayer("Point?crs=EPSG:4326", name, "memory")
        layer.setCustomProperty(
            SPEC_PROPERTY,
            json.dumps(
                {
                    "source": "overpass",
                    "category": "traffic_signals",
                    "server": httpserver.url_for("/api/interpreter"),
                    "extent": [-1.8, 48.0, -1.5, north],
                }
            ),
        )
        project.addMapLayer(layer)
        layers.append(layer)
    finished = []
    for layer in layers:  # both tasks are under way together
        panel.refresh_layer(layer, lambda results, error: finished.append(error))
    assert wait_until(lambda: len(finished) == 2)
    assert finished == [None, None]
    paths = [layer.source().split("|")[0] for layer in layers]
    assert paths[0] != paths[1] and all("20240501_120000" in p for p in paths)
    assert all(layer.featureCount() == 2 for layer in layers)


def test_own_query_shows_the_query_and_an_overpass_turbo_link(panel):
    box = panel.query_box
    box.tags_edit.setText("amenity=parking")
    assert box.query_view.toPlainText() == ""  # closed: nothing computed at each move of the map
    box.setCollapsed(False)
    assert 'way["amenity"="parking"]' in box.query_view.toPlainText()
    box.tags_edit.setText("amenity")
    assert "key=value" in box.query_view.toPlainText() and box.turbo_link.text() == ""
    box.tags_edit.setText("amenity=parking & fee=no")
    query = box.query_view.toPlainText()
    assert 'way["amenity"="parking"]["fee"="no"](48.0000000,-1.8000000,48.2000000,-1.5000000);' in query
    assert box.query_view.isReadOnly()
    assert "https://overpass-turbo.eu/?Q=" in box.turbo_link.text() and box.turbo_link.openExternalLinks()


def test_own_query_counts_then_loads(panel, project, httpserver, wait_until):
    serve_overpass(httpserver)
    panel.query_box.tags_edit.setText("amenity=parking & name=*")
    panel.query_box.geometry_combo.setCurrentIndex(panel.query_box.geometry_combo.findData("points"))
    panel.query_box.load_button.click()
    assert wait_until(lambda: len(project.mapLayers()) == 1)
    layer = list(project.mapLayers().values())[0]
    assert layer.featureCount() == 3 and layer.name() == "OSM amenity=parking & name=*"
    assert {f["category"] for f in layer.getFeatures()} == {"other"}
    queries = [parse_qs(r.get_data(as_text=True))["data"][0] for r, _ in httpserver.log]
    assert len(queries) == 2 and queries[0].endswith("out count;") and "out body qt;" in queries[1]
    assert layer_spec(layer)["tags"] == "amenity=parking & name=*"


def test_own_query_asks_before_a_large_download(panel, project, httpserver, wait_until, monkeypatch):
    from open_territory.plugin.toolbelt.settings import load_settings, save_settings
    from qgis.PyQt.QtWidgets import QMessageBox

    settings = load_settings()
    settings.download_warning_mb = 1
    save_settings(settings)
    big = osm_data()
    for k in range(5000):  # 5,000 more car parks mapped as nodes: about 1 MB announced
        big.nodes[10**9 + k] = Node(10**9 + k, 48.1 + k * 1e-5, -1.7, {"amenity": "parking"})
    serve_overpass(httpserver, big)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args[2]) or QMessageBox.No)
    panel.query_box.tags_edit.setText("amenity=parking")
    panel.query_box.load_button.click()
    assert wait_until(lambda: asked)
    assert "MB" in asked[0]
    assert wait_until(lambda: panel.query_box.load_button.isEnabled())
    assert len(httpserver.log) == 1 and not project.mapLayers()  # counted, not downloaded
    assert "5001" in panel.status.text()
