"""The GBFS and sensor.community dock panels: pick, load in the background, add to the project."""

import os
import re

import pytest
from open_territory.plugin.sources.gbfs import refresh as gbfs_refresh
from open_territory.plugin.toolbelt.settings import load_settings, reset_settings, save_settings
from open_territory.ui.resources.gbfs_panel import GbfsPanel
from open_territory.ui.resources.sensors_panel import SensorsPanel
from qgis.core import QgsGraduatedSymbolRenderer, QgsRectangle
from qgis.PyQt.QtCore import Qt

DATA = os.path.join(os.path.dirname(__file__), "..", "..", "plugin", "sources", "gbfs", "data")


def serve(httpserver, variant):
    base = httpserver.url_for("").rstrip("/")
    folder = os.path.join(DATA, variant)
    for name in os.listdir(folder):
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            body = handle.read().replace("{base}", base)
        route = httpserver.expect_request(f"/{variant}/{name}")
        route.respond_with_data(body, content_type="application/json")
    return f"{base}/{variant}/gbfs.json"


@pytest.fixture()
def project(project):
    yield project
    gbfs_refresh.stop_all()


def test_gbfs_panel_filters_bundled_systems(qgis_iface, project):
    panel = GbfsPanel(qgis_iface)
    assert panel.system_list.count() > 200 and panel.title()
    panel.filter_edit.setText("bordeaux tbm")
    assert panel.system_list.count() == 1
    item = panel.system_list.item(0)
    panel.system_list.setCurrentItem(item)
    assert "apiKey=" in panel.feed_edit.text()  # the real URL is used...
    assert "opendata-bordeaux" not in item.toolTip()  # ...but never shown
    panel.kind_combo.setCurrentIndex(1)
    assert not panel.refresh_check.isEnabled()
    panel.shutdown()


def test_gbfs_refresh_is_off_in_a_fresh_profile(qgis_iface, project):
    saved = load_settings()
    reset_settings()
    try:
        panel = GbfsPanel(qgis_iface)
        assert not panel.refresh_check.isChecked() and panel.refresh_spin.value() == 60
        assert panel.refresh_check.isEnabled()  # offered for stations, just not switched on
        panel.shutdown()
    finally:
        save_settings(saved)


def test_gbfs_panel_loads_stations_with_live_refresh(qgis_iface, project, httpserver, wait_until):
    feed = serve(httpserver, "velib")
    panel = GbfsPanel(qgis_iface)
    panel.feed_edit.setText(feed)
    panel.refresh_check.setChecked(True)
    panel.refresh_spin.setValue(30)
    panel.load_button.click()
    assert not panel.load_button.isEnabled() and not panel.cancel_button.isHidden()
    assert panel.status.text() == "Downloading…"
    assert wait_until(lambda: len(project.mapLayers()) == 1)
    layer = list(project.mapLayers().values())[0]
    assert layer.featureCount() == 2 and "Vélib" in layer.name()
    assert gbfs_refresh.watched_layers() == [layer.id()] and load_settings().gbfs_refresh_seconds == 30
    assert panel.load_button.isEnabled() and "2" in panel.status.text() and panel.cancel_button.isHidden()
    project.removeMapLayer(layer.id())
    assert gbfs_refresh.watched_layers() == []
    panel.shutdown()


def test_gbfs_panel_reports_errors(qgis_iface, project, httpserver, wait_until):
    httpserver.expect_request("/broken/gbfs.json").respond_with_data("nope", status=500)
    panel = GbfsPanel(qgis_iface)
    panel.feed_edit.setText(httpserver.url_for("/broken/gbfs.json"))
    settings = load_settings()
    settings.network_retries = 0
    save_settings(settings)
    panel.load_button.click()
    assert wait_until(lambda: panel.load_button.isEnabled())
    assert "500" in panel.status.text() and project.mapLayers() == {}


def test_sensors_panel_loads_map_extent_with_style(qgis_iface, project, httpserver, wait_until):
    items = [
        {
            "id": 1,
            "timestamp": "2024-03-01 10:00:00",
            "location": {"id": 7, "latitude": "48.11", "longitude": "-1.68", "indoor": 0},
            "sensor": {"id": 70, "sensor_type": {"name": "SDS011"}},
            "sensordatavalues": [{"value": "12.0", "value_type": "P2"}],
        }
    ]
    httpserver.expect_request(re.compile(r"/airrohr/v1/filter/box=.*")).respond_with_json(items)
    panel = SensorsPanel(qgis_iface)
    panel.map_extent_wgs84 = lambda: QgsRectangle(-1.8, 48.0, -1.5, 48.2)
    panel.server_edit.setText(httpserver.url_for(""))
    panel.types_list.item(0).setCheckState(Qt.Checked)
    assert panel.selected_types() == ["SDS011"]
    panel.load_button.click()
    assert wait_until(lambda: len(project.mapLayers()) == 1)
    layer = list(project.mapLayers().values())[0]
    assert isinstance(layer.renderer(), QgsGraduatedSymbolRenderer) and layer.featureCount() == 1
    request, _ = httpserver.log[0]
    assert request.path.endswith("&type=SDS011")
    panel.shutdown()


def test_sensors_panel_needs_a_map_extent(qgis_iface, project, httpserver):
    panel = SensorsPanel(qgis_iface)
    panel.server_edit.setText(httpserver.url_for(""))
    panel.map_extent_wgs84 = lambda: QgsRectangle()
    panel.load_button.click()
    assert panel.status.text() == "Zoom the map to the area to cover first."
    assert panel.task is None and panel.load_button.isEnabled() and not httpserver.log
    panel.map_extent_wgs84 = lambda: QgsRectangle(-200.0, -95.0, 3.5, 50.0)
    assert panel.map_bbox() == [-180.0, -90.0, 3.5, 50.0]
    panel.shutdown()


def test_gbfs_panel_needs_a_feed(qgis_iface, project):
    panel = GbfsPanel(qgis_iface)
    panel.load_button.click()
    assert panel.status.text() == "Choose a system or type the URL of its gbfs.json."
    assert panel.task is None and panel.progress.isHidden() and panel.cancel_button.isHidden()
    panel.shutdown()
