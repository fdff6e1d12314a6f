"""The gtfs source: a network from a URL or a file into layers with the common fields, vehicle positions
from a GTFS-RT feed, the errors a user can cause, and a profile entry loading through load_territory."""

import json
import os

import pytest
from open_territory.plugin.sources import gtfs
from open_territory.plugin.sources.gtfs import GtfsSource
from open_territory.plugin.sources.registry import make_source
from open_territory.plugin.toolbelt.errors import InputError, NetworkError, ReplyError
from open_territory.plugin.toolbelt.network import Transport
from osgeo import ogr

from ..formats import protobuf_writer as pb
from ..formats.gtfs_feeds import base_feed, write_feed

TUESDAY = "2026-11-03"


@pytest.fixture(autouse=True)
def fresh_memo():
    gtfs._forget_memo()
    yield
    gtfs._forget_memo()


def source():
    return GtfsSource(Transport(offline=False, retries=0))


def features(path, layer_name):
    dataset = ogr.Open(str(path))
    rows = [feature.items() for feature in dataset.GetLayerByName(layer_name)]
    dataset = None
    return rows


def serve_zip(httpserver, tmp_path, files=None, route="/gtfs/network.zip"):
    feed = write_feed(tmp_path / "served.zip", files or base_feed())
    with open(feed, "rb") as handle:
        httpserver.expect_request(route).respond_with_data(handle.read(), content_type="application/zip")
    return httpserver.url_for(route)


def test_registered_under_its_key():
    assert isinstance(make_source("gtfs", Transport()), GtfsSource)


def test_stops_and_routes_from_a_url_with_the_common_fields(httpserver, tmp_path):
    url = serve_zip(httpserver, tmp_path) + "?apikey=topsecret"
    out = tmp_path / "network.gpkg"
    spec = {"feed": url, "date": TUESDAY, "licence": "ODbL"}
    stops_result, routes_result, network = source().fetch_network(spec, str(out), "stops", "routes")
    assert network.service_date.isoformat() == TUESDAY
    assert (stops_result.feature_count, routes_result.feature_count) == (5, 4)
    stops = {row["stop_id"]: row for row in features(out, "stops")}
    halles = stops["HALLES"]
    assert halles["category"] == "transit_stop" and halles["name"] == "Halles, place du marché"
    assert halles["source"] == "GTFS Démo-sur-Vilaine Mobilités" and halles["licence"] == "ODbL"
    assert "topsecret" not in halles["source_dataset"] and halles["source_dataset"].endswith("apikey=***")
    assert halles["fetched_at"].endswith("Z") and (halles["departures"], halles["departures_7_9"]) == (12, 9)
    routes = features(out, "routes")
    assert {row["category"] for row in routes} == {"transit_route"}
    assert {row["name"] for row in routes} == {"1", "2", "T"}
    assert stops_result.warnings[0].endswith(TUESDAY)
    assert "topsecret" not in json.dumps([stops_result.dataset, stops_result.url, stops_result.warnings])


def test_a_territory_entry_writes_the_layer_of_its_category_and_computes_once(httpserver, tmp_path, monkeypatch):
    url = serve_zip(httpserver, tmp_path)
    out = tmp_path / "territory.gpkg"
    built = []
    original = gtfs.build_network
    monkeypatch.setattr(gtfs, "build_network", lambda *a, **k: built.append(a) or original(*a, **k))
    spec = {"source": "gtfs", "feed": url, "kind": "network", "date": TUESDAY}
    stops = source().fetch(dict(spec), str(out), "transit_stop_gtfs", "transit_stop")
    routes = source().fetch(dict(spec), str(out), "transit_route_gtfs", "transit_route", append=True)
    assert (stops.feature_count, routes.feature_count) == (5, 4) and len(built) == 1
    assert len(httpserver.log) == 1  # the zip was downloaded once too (kept an hour in the cache)
    assert {row["category"] for row in features(out, "transit_route_gtfs")} == {"transit_route"}
    # another day is another network
    source().fetch(dict(spec, date="2026-11-11"), str(tmp_path / "holiday.gpkg"), "s", "transit_stop")
    assert len(built) == 2


def test_a_local_file_and_its_errors(tmp_path):
    feed = write_feed(tmp_path / "réseau vilaine.zip", base_feed())
    out = tmp_path / "out.gpkg"
    result = source().fetch({"feed": feed, "date": TUESDAY}, str(out), "stops", None)
    assert result.dataset == "réseau vilaine.zip" and result.feature_count == 5
    bad = write_feed(tmp_path / "nostops.zip", {k: v for k, v in base_feed().items() if k != "stops.txt"})
    with pytest.raises(InputError, match=r"^GTFS nostops.zip: the archive has no stops.txt"):
        source().fetch({"feed": bad}, str(tmp_path / "x.gpkg"), "stops", None)
    with pytest.raises(InputError, match="neither an http"):
        source().fetch({"feed": str(tmp_path / "missing.zip")}, str(tmp_path / "x.gpkg"), "stops", None)
    with pytest.raises(InputError, match="'kind'"):
        source().fetch({"feed": feed, "kind": "timetable"}, str(tmp_path / "x.gpkg"), "stops", None)
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        source().fetch({"feed": feed, "date": "03/11/2026"}, str(tmp_path / "x.gpkg"), "stops", None)
    assert not (tmp_path / "x.gpkg").exists()


def test_server_errors_name_the_feed(httpserver, tmp_path):
    httpserver.expect_request("/gone.zip").respond_with_data("Not found", status=404)
    httpserver.expect_request("/page.zip").respond_with_data(
        "<html><body>Portail</body></html>", content_type="text/html"
    )
    with pytest.raises(ReplyError) as raised:
        source().fetch({"feed": httpserver.url_for("/gone.zip")}, str(tmp_path / "a.gpkg"), "s", None)
    assert raised.value.status == 404 and "gone.zip" in str(raised.value)
    with pytest.raises(ReplyError, match="not a readable zip archive"):
        source().fetch({"feed": httpserver.url_for("/page.zip")}, str(tmp_path / "b.gpkg"), "s", None)
    with pytest.raises(NetworkError):
        GtfsSource(Transport(offline=False, retries=0, timeout=2)).fetch(
            {"feed": "http://127.0.0.1:9/closed.zip"}, str(tmp_path / "c.gpkg"), "s", None
        )


def vehicles_reply():
    return pb.feed_message(
        pb.vehicle_entity("1", lat=47.8150, lon=-1.5990, bearing=315.0, speed=7.5, trip_id="L1_0710", route_id="L1",
                          label="204", stop_id="MAIRIE", status=2, timestamp=1793691540),
        pb.vehicle_entity("2", lat=47.8190, lon=-1.6030, route_id="T", vehicle_id="rame-3"),
        pb.vehicle_entity("3", trip_id="L2_0800"),
        timestamp=1793691600,
    )  # fmt: skip


def test_vehicles_from_a_gtfs_rt_feed(httpserver, tmp_path):
    route = httpserver.expect_request("/rt/vehicle-positions")
    route.respond_with_data(vehicles_reply(), content_type="application/x-protobuf")
    spec = {"source": "gtfs", "feed": httpserver.url_for("/rt/vehicle-positions?key=s3cret"), "kind": "vehicles"}
    out = tmp_path / "vehicles.gpkg"
    result = source().fetch(spec, str(out), "buses", None)
    assert result.feature_count == 2 and result.source == "GTFS-RT"
    assert any("1 vehicles" in warning for warning in result.warnings)  # the one without a position
    rows = {row["label"]: row for row in features(out, "buses")}
    bus = rows["204"]
    assert bus["category"] == "public_vehicle" and bus["name"] == "204"
    assert (bus["route_id"], bus["trip_id"], bus["stop_id"], bus["current_status"]) == (
        "L1",
        "L1_0710",
        "MAIRIE",
        "IN_TRANSIT_TO",
    )
    assert (bus["bearing"], bus["speed"], bus["speed_kmh"]) == (315.0, 7.5, 27.0)
    assert bus["timestamp"].startswith("2026/11/03 07:39:00") and "s3cret" not in bus["source_dataset"]
    assert rows["rame-3"]["timestamp"].startswith("2026/11/03 07:40:00")


def test_a_broken_vehicles_reply_leaves_nothing(httpserver, tmp_path):
    httpserver.expect_request("/rt").respond_with_data(vehicles_reply()[:-7], content_type="application/x-protobuf")
    out = tmp_path / "vehicles.gpkg"
    with pytest.raises(ReplyError, match="not a readable protobuf"):
        source().fetch({"feed": httpserver.url_for("/rt"), "kind": "vehicles"}, str(out), "v", None)
    assert not out.exists()


def test_a_profile_with_gtfs_entries_loads_through_the_territory(httpserver, tmp_path):
    from open_territory.plugin.profiles.profile import load_profile
    from open_territory.plugin.profiles.territory import load_territory

    url = serve_zip(httpserver, tmp_path)
    httpserver.expect_request("/rt").respond_with_data(vehicles_reply(), content_type="application/x-protobuf")
    boundary = tmp_path / "boundary.geojson"
    boundary.write_text(
        json.dumps({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"nom": "Démo"},
                    "geometry": {"type": "Polygon", "coordinates": [[[-1.64, 47.79], [-1.55, 47.79], [-1.55, 47.85],
                                                                     [-1.64, 47.85], [-1.64, 47.79]]]}}]}),
        encoding="utf-8",
    )  # fmt: skip
    profile = {
        "version": 1,
        "id": "vilaine-gtfs",
        "name": "Vilaine (GTFS)",
        "boundary": {"file": "boundary.geojson"},
        "resources": {
            "transit_stop": [{"source": "gtfs", "feed": url, "date": TUESDAY, "licence": "ODbL"}],
            "transit_route": [{"source": "gtfs", "feed": url, "date": TUESDAY, "licence": "ODbL"}],
            "public_vehicle": [{"source": "gtfs", "feed": httpserver.url_for("/rt"), "kind": "vehicles"}],
        },
    }
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(profile), encoding="utf-8")
    report = load_territory(load_profile(str(path)), str(tmp_path / "territory.gpkg"), offline=False, styles=False)
    assert [(o.layer, o.status, o.feature_count) for o in report.outcomes[1:]] == [
        ("transit_stop_gtfs", "ok", 5),
        ("transit_route_gtfs", "ok", 4),
        ("public_vehicle_gtfs", "ok", 2),
    ]
    assert {o.licence for o in report.outcomes[1:3]} == {"ODbL"}
    assert os.path.exists(tmp_path / "territory.gpkg")


DEMO = os.path.join(os.path.dirname(__file__), "..", "..", "..", "resources", "demo", "data", "gtfs")


def test_the_demo_network_and_its_recorded_vehicles(tmp_path):
    """The demo's files are what scripts/build_demo_gtfs.py writes (byte for byte), the network loads,
    and every vehicle of the recorded GTFS-RT reply serves a trip of that network, at one of its stops."""
    import csv
    import importlib.util
    import io
    import zipfile

    spec = importlib.util.spec_from_file_location(
        "build_demo_gtfs", os.path.join(DEMO, "..", "..", "..", "..", "scripts", "build_demo_gtfs.py")
    )
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    builder.build(str(tmp_path))
    for name in ("network.zip", "vehicle_positions.pb"):
        with open(os.path.join(DEMO, name), "rb") as committed, open(tmp_path / name, "rb") as rebuilt:
            assert committed.read() == rebuilt.read(), f"{name}: run scripts/build_demo_gtfs.py"
    out = tmp_path / "demo.gpkg"
    stops, routes, network = source().fetch_network(
        {"feed": os.path.join(DEMO, "network.zip"), "date": "2026-11-24"}, str(out), "stops", "routes"
    )
    assert (stops.feature_count, routes.feature_count) == (10, 5) and network.warnings == []
    assert network.agencies == ["Navettes de la Vilaine", "Vilaine Mobilités"]
    rows, header, bad = source().vehicle_rows({"feed": os.path.join(DEMO, "vehicle_positions.pb"), "kind": "vehicles"})
    assert len(rows) == 3 and bad == 1 and header.timestamp == builder.DEMO_TIME
    with zipfile.ZipFile(os.path.join(DEMO, "network.zip")) as archive:
        trips = {row["trip_id"] for row in csv.DictReader(io.TextIOWrapper(archive.open("trips.txt"), "utf-8"))}
        trips |= {row["trip_id"] for row in csv.DictReader(io.TextIOWrapper(archive.open("frequencies.txt"), "utf-8"))}
        stop_ids = {row["stop_id"] for row in csv.DictReader(io.TextIOWrapper(archive.open("stops.txt"), "utf-8"))}
    for _lon, _lat, values in rows:
        assert values["trip_id"] in trips and values["stop_id"] in stop_ids
        assert -1.64 < _lon < -1.555 and 47.79 < _lat < 47.845  # inside the demo territory's extent
