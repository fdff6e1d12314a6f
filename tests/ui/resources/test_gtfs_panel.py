"""The public transport dock panel: a network (stops and routes, styled) or live vehicles, loaded in the
background and added to the project; the choices it offers and the errors it shows."""

import pytest
from open_territory.plugin.sources.gtfs import refresh as gtfs_rt_refresh
from open_territory.plugin.sources.gtfs.memo import MEMO
from open_territory.plugin.toolbelt.settings import load_settings, save_settings
from open_territory.ui.resources.gtfs_panel import GtfsPanel
from qgis.core import QgsRectangle, QgsRuleBasedRenderer, QgsWkbTypes
from qgis.PyQt.QtCore import QDate

from ...plugin.formats import protobuf_writer as pb
from ...plugin.formats.gtfs.feeds import base_feed, write_feed


@pytest.fixture()
def project(project):
    MEMO.forget()
    saved = load_settings()
    yield project
    gtfs_rt_refresh.stop_all()
    save_settings(saved)
    MEMO.forget()


def layers_by_geometry(project):
    return {layer.geometryType(): layer for layer in project.mapLayers().values()}


def test_the_kind_shows_its_own_choices(qgis_iface, project):
    panel = GtfsPanel(qgis_iface)
    assert panel.title() == "Public transport (GTFS)"
    assert not panel.network_box.isHidden() and panel.refresh_box.isHidden()
    assert panel.auto_day_check.isChecked() and not panel.day_edit.isEnabled()
    panel.auto_day_check.setChecked(False)
    assert panel.day_edit.isEnabled()
    panel.kind_combo.setCurrentIndex(1)
    assert panel.network_box.isHidden() and not panel.refresh_box.isHidden()
    panel.shutdown()


def test_a_network_from_a_file_is_loaded_styled_in_the_background(qgis_iface, project, tmp_path, wait_until):
    feed = write_feed(tmp_path / "vilaine.zip", base_feed())
    panel = GtfsPanel(qgis_iface)
    panel.feed_widget.setFilePath(feed)
    panel.auto_day_check.setChecked(False)
    panel.day_edit.setDate(QDate(2026, 11, 3))
    panel.licence_edit.setText("ODbL")
    panel.load_button.click()
    assert not panel.load_button.isEnabled() and panel.status.text() == "Reading the network…"
    assert wait_until(lambda: len(project.mapLayers()) == 2)
    layers = layers_by_geometry(project)
    stops, routes = layers[QgsWkbTypes.PointGeometry], layers[QgsWkbTypes.LineGeometry]
    assert (stops.featureCount(), routes.featureCount()) == (5, 4)
    assert stops.name().endswith("stops") and "Démo-sur-Vilaine Mobilités" in stops.name()
    assert isinstance(stops.renderer(), QgsRuleBasedRenderer)  # the style saved in the GeoPackage
    assert stops.renderer().rootRule().children()[0].label() == "Every 5 min or less (7-9 h)"
    root = project.layerTreeRoot()
    assert root.findLayerIds().index(stops.id()) < root.findLayerIds().index(routes.id())  # stops above
    assert wait_until(lambda: panel.load_button.isEnabled())
    text = panel.status.text()
    assert "5 stops, 4 routes (per direction) (ODbL)" in text and "Service day: 2026-11-03" in text
    panel.shutdown()


def test_a_network_in_the_map_extent(qgis_iface, project, tmp_path, wait_until):
    feed = write_feed(tmp_path / "vilaine.zip", base_feed())
    panel = GtfsPanel(qgis_iface)
    panel.feed_widget.setFilePath(feed)
    panel.extent_check.setChecked(True)
    panel.map_extent_wgs84 = lambda: QgsRectangle()
    panel.load_button.click()
    assert panel.status.text() == "Zoom the map to the area to cover first." and panel.task is None
    panel.map_extent_wgs84 = lambda: QgsRectangle(-1.59, 47.80, -1.58, 47.81)  # around the Port
    panel.auto_day_check.setChecked(False)
    panel.day_edit.setDate(QDate(2026, 11, 3))
    panel.load_button.click()
    assert wait_until(lambda: len(project.mapLayers()) == 2)
    stops = layers_by_geometry(project)[QgsWkbTypes.PointGeometry]
    assert [f["stop_id"] for f in stops.getFeatures()] == ["PORT"]
    panel.shutdown()


def test_errors_are_shown_and_nothing_is_added(qgis_iface, project, tmp_path, wait_until):
    panel = GtfsPanel(qgis_iface)
    panel.load_button.click()
    assert panel.status.text() == "Type the URL of the feed or choose a file." and panel.task is None
    broken = write_feed(tmp_path / "broken.zip", {k: v for k, v in base_feed().items() if k != "stops.txt"})
    panel.feed_widget.setFilePath(broken)
    panel.load_button.click()
    assert wait_until(lambda: panel.load_button.isEnabled())
    assert panel.status.text().startswith("GTFS broken.zip: the archive has no stops.txt")
    assert project.mapLayers() == {}
    panel.shutdown()


def test_live_vehicles_refreshed_like_the_gbfs_stations(qgis_iface, project, httpserver, wait_until):
    reply = pb.feed_message(
        pb.vehicle_entity("1", lat=47.8150, lon=-1.5990, bearing=315.0, route_id="L1", label="204"),
        pb.vehicle_entity("2", lat=47.8190, lon=-1.6030, route_id="T", vehicle_id="rame-3"),
    )
    httpserver.expect_request("/rt").respond_with_data(reply, content_type="application/x-protobuf")
    panel = GtfsPanel(qgis_iface)
    panel.kind_combo.setCurrentIndex(1)
    panel.feed_widget.setFilePath(httpserver.url_for("/rt") + "?token=topsecret")
    panel.refresh_check.setChecked(True)
    panel.refresh_spin.setValue(20)
    panel.load_button.click()
    assert wait_until(lambda: len(project.mapLayers()) == 1)
    layer = list(project.mapLayers().values())[0]
    assert layer.featureCount() == 2 and "topsecret" not in layer.name()
    assert layer.renderer().symbol().symbolLayer(0).dataDefinedProperties().hasActiveProperties()  # turned to bearing
    assert gtfs_rt_refresh.watched_layers() == [layer.id()] and load_settings().gtfs_rt_refresh_seconds == 20
    assert wait_until(lambda: panel.load_button.isEnabled())
    assert "2 vehicles" in panel.status.text() and "every 20 s" in panel.status.text()
    project.removeMapLayer(layer.id())
    assert gtfs_rt_refresh.watched_layers() == []
    panel.shutdown()
