"""Live GTFS-RT vehicles: each cycle replaces the layer's vehicles in a background task; the common
fields are kept; a failing cycle keeps the last positions; the refresh ends with the layer."""

import pytest
from open_territory.plugin.sources.gtfs import GtfsSource
from open_territory.plugin.sources.gtfs import refresh as gtfs_rt_refresh
from open_territory.plugin.toolbelt import live_refresh
from open_territory.plugin.toolbelt.layer_writer import file_target
from open_territory.plugin.toolbelt.network import Transport
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer

from ....qt_wait import wait_until
from ...formats import protobuf_writer as pb

FIRST = pb.feed_message(
    pb.vehicle_entity("1", lat=47.8150, lon=-1.5990, route_id="L1", label="204", timestamp=1793691540),
    pb.vehicle_entity("2", lat=47.8190, lon=-1.6030, route_id="T", label="rame-3", timestamp=1793691550),
)
LATER = pb.feed_message(
    pb.vehicle_entity("1", lat=47.8171, lon=-1.6008, route_id="L1", label="204", stop_id="MAIRIE", status=1),
    pb.vehicle_entity("3", lat=47.8068, lon=-1.5875, route_id="L2", label="117", bearing=45.0),
    pb.vehicle_entity("4", lat=47.8100, lon=-1.5900, route_id="L2", label="118"),
    timestamp=1793691600,
)


def serve(httpserver, reply):
    httpserver.clear()
    httpserver.expect_request("/rt/vehicles").respond_with_data(reply, content_type="application/x-protobuf")
    return httpserver.url_for("/rt/vehicles") + "?token=topsecret"


@pytest.fixture()
def vehicles_layer(httpserver, tmp_path, qgis_new_project):
    feed = serve(httpserver, FIRST)
    out = tmp_path / "live.gpkg"
    spec = {"feed": feed, "kind": "vehicles", "licence": "Licence Ouverte v2.0"}
    GtfsSource(Transport(offline=False, retries=0)).fetch(spec, file_target(str(out), "buses"), None)
    layer = QgsVectorLayer(f"{out}|layername=buses", "buses", "ogr")
    assert layer.isValid() and layer.featureCount() == 2
    QgsProject.instance().addMapLayer(layer)
    yield layer, feed
    gtfs_rt_refresh.stop_all()
    QgsProject.instance().removeAllMapLayers()


def by_label(layer):
    reread = QgsVectorLayer(layer.source(), "again", "ogr")
    return {f["label"]: f for f in reread.getFeatures()}


def test_replace_vehicles_keeps_the_common_fields(vehicles_layer):
    layer, feed = vehicles_layer
    before = by_label(layer)["204"]
    source = GtfsSource(Transport(offline=False, retries=0))
    rows, _header, _bad = source.vehicle_rows({"feed": feed, "kind": "vehicles"})
    assert gtfs_rt_refresh.replace_vehicles(layer, rows[:1], feed) == 1
    after = by_label(layer)
    assert list(after) == ["204"]
    bus = after["204"]
    assert bus["licence"] == "Licence Ouverte v2.0" and bus["category"] == "public_vehicle"
    assert bus["source_dataset"] == before["source_dataset"] and "topsecret" not in bus["source_dataset"]
    assert bus["fetched_at"] >= before["fetched_at"] and bus["name"] == "204"
    assert bus["timestamp"].toString("yyyy-MM-ddThh:mm:ss") == "2026-11-03T07:39:00"


def test_background_refresh_and_end_with_the_layer(httpserver, vehicles_layer):
    layer, feed = vehicles_layer
    serve(httpserver, LATER)
    refresher = gtfs_rt_refresh.watch_layer(layer, feed, 5)
    refresher.timer.setInterval(200)  # the floor is 5 s; tests go faster
    refresher.start()
    assert wait_until(lambda: refresher.cycles >= 1, 10)
    vehicles = by_label(layer)
    assert sorted(vehicles) == ["117", "118", "204"]
    assert vehicles["204"]["stop_id"] == "MAIRIE" and vehicles["204"]["current_status"] == "STOPPED_AT"
    assert vehicles["117"]["bearing"] == 45.0
    assert "topsecret" not in layer.customProperty(gtfs_rt_refresh.LIVE_PROPERTY)
    QgsProject.instance().removeMapLayer(layer.id())
    assert not refresher.is_active() and gtfs_rt_refresh.watched_layers() == []
    count = len(httpserver.log)
    wait_until(lambda: False, 0.6)
    QgsApplication.taskManager().cancelAll()
    assert len(httpserver.log) == count


def test_a_failing_cycle_keeps_the_last_positions(httpserver, vehicles_layer):
    layer, feed = vehicles_layer
    serve(httpserver, FIRST[:-5])
    refresher = gtfs_rt_refresh.watch_layer(layer, feed, 30)
    refresher.refresh_now()
    assert wait_until(lambda: refresher.last_error is not None, 10)
    assert "not a readable protobuf" in str(refresher.last_error) and "topsecret" not in str(refresher.last_error)
    assert sorted(by_label(layer)) == ["204", "rame-3"] and refresher.is_active()


def test_no_refresh_while_hidden_or_edited(httpserver, vehicles_layer):
    layer, feed = vehicles_layer
    assert gtfs_rt_refresh.watch_layer(layer, feed, 0) is None
    refresher = gtfs_rt_refresh.watch_layer(layer, feed, 30)
    QgsProject.instance().layerTreeRoot().findLayer(layer.id()).setItemVisibilityChecked(False)
    refresher.refresh_now()
    assert refresher.task is None and refresher.skipped_hidden == 1
    QgsProject.instance().layerTreeRoot().findLayer(layer.id()).setItemVisibilityChecked(True)
    assert wait_until(lambda: refresher.cycles == 1 and refresher.task is None, 10)  # shown: refreshed at once
    layer.startEditing()
    refresher.refresh_now()
    assert refresher.task is None
    layer.rollBack()


def test_the_plugins_unload_stops_every_live_layer(vehicles_layer):
    """live_refresh.stop_all (called by the plugin's unload) stops the GTFS-RT refreshes as the GBFS ones."""
    layer, feed = vehicles_layer
    refresher = gtfs_rt_refresh.watch_layer(layer, feed, 30)
    assert refresher.is_active() and gtfs_rt_refresh.watched_layers() == [layer.id()]
    live_refresh.stop_all()
    assert not refresher.is_active() and gtfs_rt_refresh.watched_layers() == []
