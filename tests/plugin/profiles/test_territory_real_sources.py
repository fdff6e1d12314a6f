"""A second territory written by hand, loaded through the real sources and transport: its Opendatasoft
portal and GBFS feed are served by a local server, one of its datasets answers 503 until the retries
run out. The other resources load; the failing one is reported in the sources table and the summary."""

import importlib.util
import json
import os
import sqlite3
from urllib.parse import parse_qs, urlsplit

import pytest
from open_territory.plugin.profiles.profile import load_profile
from open_territory.plugin.profiles.territory import load_territory
from open_territory.plugin.sources import registry
from open_territory.plugin.toolbelt.settings import load_settings, save_settings
from osgeo import ogr

from .conftest import BOUNDARY

SOURCES_TESTS = os.path.join(os.path.dirname(os.path.dirname(__file__)), "sources")
GBFS_DATA = os.path.join(SOURCES_TESTS, "gbfs", "data")
_spec = importlib.util.spec_from_file_location(
    "ods_payloads", os.path.join(SOURCES_TESTS, "ods", "test_ods_payloads.py")
)
P = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(P)

PARKINGS = 5


def serve_ods(httpserver):
    httpserver.expect_request(f"{P.API}/catalog/datasets/parkings").respond_with_json(
        P.dataset_entry("parkings", P.POINT_FIELDS, title="Parkings")
    )
    features = P.point_features(PARKINGS, start=(-1.61, 47.80))
    httpserver.expect_request(f"{P.API}/catalog/datasets/parkings/exports/geojson").respond_with_data(
        P.export_bytes(features), content_type="application/geo+json; charset=utf-8"
    )
    # Busy: every attempt answers 503, with no wait asked for.
    httpserver.expect_request(f"{P.API}/catalog/datasets/feux").respond_with_json(
        {"error": "Service temporarily unavailable"}, status=503, headers={"Retry-After": "0"}
    )


def serve_gbfs(httpserver) -> str:
    base = httpserver.url_for("").rstrip("/")
    folder = os.path.join(GBFS_DATA, "v23")
    for name in os.listdir(folder):
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            body = handle.read().replace("{base}", base)
        httpserver.expect_request(f"/v23/{name}").respond_with_data(body, content_type="application/json")
    return f"{base}/v23/gbfs.json"


@pytest.fixture()
def second_territory(tmp_path, httpserver):
    (tmp_path / "communes.geojson").write_text(json.dumps(BOUNDARY), encoding="utf-8")
    serve_ods(httpserver)
    data = {
        "version": 1,
        "id": "second",
        "name": {"fr": "Second territoire", "en": "Second territory"},
        "crs": "EPSG:2154",
        "boundary": {"file": "communes.geojson", "title": {"fr": "Communes", "en": "Communes"}},
        "portals": {"local": {"url": httpserver.url_for("/").rstrip("/"), "platform": "ods"}},
        "resources": {
            "car_park": [{"source": "ods", "portal": "local", "dataset": "parkings", "name_field": "nom"}],
            "traffic_signals": [{"source": "ods", "portal": "local", "dataset": "feux"}],
            "bike_share_station": [{"source": "gbfs", "feed": serve_gbfs(httpserver), "kind": "stations"}],
        },
    }
    path = tmp_path / "second.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    settings = load_settings()
    settings.network_retries = 1
    settings.network_timeout = 10
    save_settings(settings)
    return str(path)


def test_second_territory_through_the_real_sources(tmp_path, httpserver, second_territory):
    assert registry.source_class("ods").__name__ == "OdsSource"  # not the fakes of conftest.py
    output = str(tmp_path / "second.gpkg")
    report = load_territory(load_profile(second_territory), output)

    statuses = {o.layer: o.status for o in report.outcomes}
    assert statuses == {
        "boundary": "ok",
        "car_park_ods": "ok",
        "traffic_signals_ods": "failed",
        "bike_share_station_gbfs": "ok",
    }, report.summary()
    dataset = ogr.Open(output)
    assert dataset.GetLayerByName("car_park_ods").GetFeatureCount() == PARKINGS
    stations = len(json.load(open(os.path.join(GBFS_DATA, "v23", "station_information.json")))["data"]["stations"])
    assert dataset.GetLayerByName("bike_share_station_gbfs").GetFeatureCount() == stations
    assert dataset.GetLayerByName("traffic_signals_ods") is None
    dataset = None

    with sqlite3.connect(output) as db:
        rows = {row[0]: row[1:] for row in db.execute("SELECT layer, status, message, url FROM sources")}
    status, message, _url = rows["traffic_signals_ods"]
    assert status == "failed" and "503" in message and "feux" in message
    assert rows["car_park_ods"][0] == "ok" and rows["car_park_ods"][2].startswith(httpserver.url_for("/"))
    summary = report.summary()
    assert "✗ traffic_signals_ods" in summary and "503" in summary
    assert "✓ car_park_ods: 5" in summary and f"✓ bike_share_station_gbfs: {stations}" in summary

    # the busy dataset was asked once, then once more (network_retries = 1), then given up
    busy = [r for r, _ in httpserver.log if r.path == f"{P.API}/catalog/datasets/feux"]
    assert len(busy) == 2
    # the portal was asked for the territory's extent, from the boundary file
    export = next(r for r, _ in httpserver.log if r.path.endswith("/parkings/exports/geojson"))
    assert "in_bbox" in parse_qs(urlsplit(export.url).query)["where"][0]
