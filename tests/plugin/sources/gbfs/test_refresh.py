"""Live refresh of a GBFS station layer: in-place status update in a background task, stop on removal."""

import json
import os

import pytest
from open_territory.plugin.sources.gbfs import GbfsSource
from open_territory.plugin.sources.gbfs import refresh as gbfs_refresh
from open_territory.plugin.toolbelt.layer_writer import file_target
from open_territory.plugin.toolbelt.network import Transport
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer

from ....qt_wait import wait_until

DATA = os.path.join(os.path.dirname(__file__), "data")


def serve_velib(httpserver, status_override=None):
    base = httpserver.url_for("").rstrip("/")
    for name in ("gbfs", "system_information", "station_information", "station_status"):
        with open(os.path.join(DATA, "velib", name + ".json"), encoding="utf-8") as handle:
            body = handle.read().replace("{base}", base)
        if name == "station_status" and status_override is not None:
            body = json.dumps(status_override)
        route = httpserver.expect_request(f"/velib/{name}.json")
        route.respond_with_data(body, content_type="application/json")
    return f"{base}/velib/gbfs.json?apiKey=topsecret"


NEW_STATUS = {
    "data": {
        "stations": [
            {
                "station_id": 213688169,
                "num_bikes_available": 9,
                "num_docks_available": 26,
                "is_installed": 1,
                "is_renting": 0,
                "is_returning": 1,
                "last_reported": 1700000000,
                "num_bikes_available_types": [{"mechanical": 4}, {"ebike": 5}],
            }
        ]
    }
}


@pytest.fixture()
def station_layer(httpserver, tmp_path, qgis_new_project):
    feed = serve_velib(httpserver)
    out = tmp_path / "live.gpkg"
    GbfsSource(Transport(offline=False, retries=0)).fetch({"feed": feed}, file_target(str(out), "velib"), None)
    layer = QgsVectorLayer(f"{out}|layername=velib", "velib", "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    yield layer, feed
    gbfs_refresh.stop_all()
    QgsProject.instance().removeAllMapLayers()


def values_of(layer, station_id):
    feature = next(f for f in layer.getFeatures() if f["station_id"] == station_id)
    return feature


def test_apply_status_in_place(station_layer):
    layer, _feed = station_layer
    before = values_of(layer, "213688169")
    assert before["vehicles_available"] == 1 and before["is_renting"] is True
    changed = gbfs_refresh.apply_status(
        layer,
        {
            "213688169": {
                "vehicles_available": 9,
                "docks_available": 26,
                "is_renting": False,
                "last_reported": "2023-11-14T22:13:20Z",
                "vehicles_by_type": "mechanical=4; ebike=5",
            }
        },
    )
    assert changed == 1
    reread = QgsVectorLayer(layer.source(), "again", "ogr")
    after = values_of(reread, "213688169")
    assert after["vehicles_available"] == 9 and after["docks_available"] == 26
    assert after["is_renting"] is False
    assert after["last_reported"].toString("yyyy-MM-ddThh:mm:ss") == "2023-11-14T22:13:20"
    assert after["vehicles_by_type"] == "mechanical=4; ebike=5"
    assert after["fetched_at"] >= before["fetched_at"]
    assert values_of(reread, "99950133")["vehicles_available"] == 22  # untouched


def test_background_refresh_updates_layer_and_stops_on_removal(httpserver, station_layer):
    layer, feed = station_layer
    httpserver.clear()
    serve_velib(httpserver, NEW_STATUS)
    refresher = gbfs_refresh.watch_layer(layer, feed, 5)
    refresher.timer.setInterval(200)  # the settings floor is 5 s; tests go faster
    refresher.start()
    assert wait_until(lambda: refresher.cycles >= 1, 10)
    after = values_of(QgsVectorLayer(layer.source(), "again", "ogr"), "213688169")
    assert after["vehicles_available"] == 9 and after["is_renting"] is False
    assert after["vehicles_by_type"] == "mechanical=4; ebike=5"
    assert "topsecret" not in layer.customProperty(gbfs_refresh.LIVE_PROPERTY)
    # the discovery is done once: later cycles only ask station_status
    assert wait_until(lambda: refresher.cycles >= 2, 10)
    paths = [request.path for request, _ in httpserver.log]
    assert paths.count("/velib/gbfs.json") == 1 and paths.count("/velib/station_status.json") >= 2
    QgsProject.instance().removeMapLayer(layer.id())
    assert not refresher.is_active() and gbfs_refresh.watched_layers() == []
    count = len(httpserver.log)
    wait_until(lambda: False, 0.6)
    QgsApplication.taskManager().cancelAll()
    assert len(httpserver.log) == count


def test_no_refresh_while_editing_and_zero_means_off(httpserver, station_layer):
    layer, feed = station_layer
    assert gbfs_refresh.watch_layer(layer, feed, 0) is None and gbfs_refresh.watched_layers() == []
    refresher = gbfs_refresh.watch_layer(layer, feed, 30)
    layer.startEditing()
    refresher.refresh_now()
    assert refresher.task is None
    layer.rollBack()


def test_failed_cycle_keeps_layer(httpserver, station_layer):
    layer, feed = station_layer
    httpserver.clear()
    down = httpserver.expect_request("/velib/gbfs.json")
    down.respond_with_data("<html>down</html>", content_type="text/html")
    refresher = gbfs_refresh.watch_layer(layer, feed, 30)
    refresher.refresh_now()
    assert wait_until(lambda: refresher.last_error is not None, 10)
    assert "topsecret" not in str(refresher.last_error)
    assert values_of(layer, "213688169")["vehicles_available"] == 1 and refresher.is_active()


def test_hidden_layer_is_not_polled_until_shown_again(httpserver, station_layer):
    layer, feed = station_layer
    httpserver.clear()
    serve_velib(httpserver, NEW_STATUS)
    node = QgsProject.instance().layerTreeRoot().findLayer(layer.id())
    node.setItemVisibilityChecked(False)
    refresher = gbfs_refresh.watch_layer(layer, feed, 30)
    refresher.refresh_now()
    assert refresher.task is None and refresher.skipped_hidden == 1
    # a hidden group hides the layer too
    group = QgsProject.instance().layerTreeRoot().addGroup("live")
    group.setItemVisibilityChecked(False)
    group.addChildNode(node.clone())
    QgsProject.instance().layerTreeRoot().removeChildNode(node)
    node = QgsProject.instance().layerTreeRoot().findLayer(layer.id())
    node.setItemVisibilityChecked(True)
    assert not node.isVisible()
    refresher.refresh_now()
    assert refresher.task is None and refresher.skipped_hidden >= 2 and httpserver.log == []
    # shown again: refreshed at once, without waiting for the next tick
    group.setItemVisibilityChecked(True)
    assert wait_until(lambda: refresher.cycles >= 1, 10)
    assert values_of(QgsVectorLayer(layer.source(), "again", "ogr"), "213688169")["vehicles_available"] == 9
    assert refresher.skipped_hidden == 0
