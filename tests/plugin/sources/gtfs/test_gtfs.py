"""The gtfs source: a network from a URL or a file into layers with the common fields, vehicle positions
from a GTFS-RT feed, the errors a user can cause, nothing lost on a failed reload, and profile entries
loading through load_territory."""

import json
import os
from urllib.parse import urlsplit

import pytest
from open_territory.plugin.formats.gtfs import network as network_module
from open_territory.plugin.sources.gtfs import NETWORK_LAYERS, GtfsSource
from open_territory.plugin.sources.gtfs.memo import MEMO
from open_territory.plugin.sources.registry import make_source
from open_territory.plugin.toolbelt.errors import Cancelled, InputError, NetworkError, ReplyError
from open_territory.plugin.toolbelt.layer_writer import file_target, layer_target
from open_territory.plugin.toolbelt.network import Transport
from osgeo import ogr
from qgis.core import QgsProcessingFeedback

from ....folder_digest import digest
from ...formats import protobuf_writer as pb
from ...formats.gtfs.feeds import base_feed, write_feed
from ..test_reload_failures import CancelWhileWriting

TUESDAY = "2026-11-03"


@pytest.fixture(autouse=True)
def fresh_memo():
    MEMO.forget()
    yield
    MEMO.forget()


def source(tmp_path=None, feedback=None):
    cache = str(tmp_path / "cache") if tmp_path is not None else None
    return GtfsSource(Transport(feedback=feedback, offline=False, retries=0, cache_dir=cache))


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
    stops_result, routes_result, network = source(tmp_path).fetch_network(
        spec, layer_target(str(out), "stops"), layer_target(str(out), "routes")
    )
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


def test_entries_write_the_layer_of_their_category_and_compute_the_network_once(httpserver, tmp_path, monkeypatch):
    url = serve_zip(httpserver, tmp_path)
    out = str(tmp_path / "territory.gpkg")
    built = []
    original = network_module.NetworkReader.build
    monkeypatch.setattr(network_module.NetworkReader, "build", lambda *a, **k: built.append(a) or original(*a, **k))
    spec = {"source": "gtfs", "feed": url, "kind": "network", "date": TUESDAY}
    stops = source(tmp_path).fetch(dict(spec), layer_target(out, "transit_stop_gtfs"), "transit_stop")
    routes = source(tmp_path).fetch(dict(spec), layer_target(out, "transit_route_gtfs"), "transit_route")
    assert (stops.feature_count, routes.feature_count) == (5, 4) and len(built) == 1
    assert len(httpserver.log) == 1  # the zip was downloaded once too (kept an hour in the cache)
    assert {row["category"] for row in features(out, "transit_route_gtfs")} == {"transit_route"}
    assert {row["category"] for row in features(out, "transit_stop_gtfs")} == {"transit_stop"}
    # another day is another network
    source(tmp_path).fetch(dict(spec, date="2026-11-11"), file_target(str(tmp_path / "holiday.gpkg")), "transit_stop")
    assert len(built) == 2


def test_a_network_in_its_own_geopackage(tmp_path):
    feed = write_feed(tmp_path / "réseau.zip", base_feed())
    out = tmp_path / "out" / "network.gpkg"
    kept = []
    stops, routes, network = source().write_network_file(
        {"feed": feed, "date": TUESDAY}, str(out), finish=lambda scratch: kept.append(os.path.exists(scratch))
    )
    assert kept == [True] and (stops.layer_name, routes.layer_name) == NETWORK_LAYERS
    assert [len(features(out, name)) for name in NETWORK_LAYERS] == [5, 4]
    assert os.listdir(tmp_path / "out") == ["network.gpkg"]  # no scratch left beside it
    before = digest(tmp_path / "out")
    broken = write_feed(tmp_path / "broken.zip", {k: v for k, v in base_feed().items() if k != "routes.txt"})
    with pytest.raises(InputError, match="routes.txt"):
        source().write_network_file({"feed": broken}, str(out))
    assert digest(tmp_path / "out") == before


def test_a_local_file_and_its_errors(tmp_path):
    feed = write_feed(tmp_path / "réseau vilaine.zip", base_feed())
    out = tmp_path / "out" / "out.gpkg"
    result = source().fetch({"feed": feed, "date": TUESDAY}, file_target(str(out)), None)
    assert result.dataset == "réseau vilaine.zip" and result.feature_count == 5
    bad = write_feed(tmp_path / "nostops.zip", {k: v for k, v in base_feed().items() if k != "stops.txt"})
    target = file_target(str(tmp_path / "x.gpkg"))
    with pytest.raises(InputError, match=r"^GTFS nostops.zip: the archive has no stops.txt"):
        source().fetch({"feed": bad}, target, None)
    with pytest.raises(InputError, match="neither an http") as raised:
        source().fetch({"feed": str(tmp_path / "secret" / "missing.zip")}, target, None)
    assert "secret" not in str(raised.value)  # the file's name, not the user's folders
    with pytest.raises(InputError, match="'kind'"):
        source().fetch({"feed": feed, "kind": "timetable"}, target, None)
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        source().fetch({"feed": feed, "date": "03/11/2026"}, target, None)
    assert not (tmp_path / "x.gpkg").exists()


def test_server_errors_name_the_feed(httpserver, tmp_path):
    httpserver.expect_request("/gone.zip").respond_with_data("Not found", status=404)
    httpserver.expect_request("/page.zip").respond_with_data(
        "<html><body>Portail</body></html>", content_type="text/html"
    )
    target = file_target(str(tmp_path / "a.gpkg"))
    with pytest.raises(ReplyError) as raised:
        source(tmp_path).fetch({"feed": httpserver.url_for("/gone.zip")}, target, None)
    assert raised.value.status == 404 and "gone.zip" in str(raised.value) and str(raised.value).startswith("GTFS ")
    with pytest.raises(ReplyError, match="page.zip"):
        source(tmp_path).fetch({"feed": httpserver.url_for("/page.zip")}, target, None)
    with pytest.raises(NetworkError, match="closed.zip"):
        GtfsSource(Transport(offline=False, retries=0, timeout=2, cache_dir=str(tmp_path / "c"))).fetch(
            {"feed": "http://127.0.0.1:9/closed.zip"}, target, None
        )
    assert not (tmp_path / "a.gpkg").exists()


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
    result = source(tmp_path).fetch(spec, file_target(str(out), "buses"), None)
    assert result.feature_count == 2 and result.source == f"GTFS-RT {urlsplit(spec['feed']).hostname}"
    assert result.warnings == []  # the bus at the depot gives no position: not drawn, and nothing is wrong
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


def test_a_broken_vehicles_reply_leaves_the_previous_vehicles(httpserver, tmp_path):
    httpserver.expect_request("/rt").respond_with_data(vehicles_reply(), content_type="application/x-protobuf")
    target = file_target(str(tmp_path / "out" / "vehicles.gpkg"))
    spec = {"feed": httpserver.url_for("/rt"), "kind": "vehicles"}
    assert source(tmp_path).fetch(spec, target, None).feature_count == 2
    before = digest(tmp_path / "out")
    httpserver.clear()
    httpserver.expect_request("/rt").respond_with_data(vehicles_reply()[:-7], content_type="application/x-protobuf")
    with pytest.raises(ReplyError, match="not a readable protobuf"):
        source(tmp_path).fetch(spec, target, None)
    httpserver.clear()
    httpserver.expect_request("/rt").respond_with_data(b"<html>Maintenance</html>", content_type="text/html")
    with pytest.raises(ReplyError):
        source(tmp_path).fetch(spec, target, None)
    assert digest(tmp_path / "out") == before


@pytest.mark.parametrize(
    "failure", ["http_error", "cut_zip", "not_gtfs", "cancel_while_reading", "cancel_while_writing"]
)
def test_a_failed_network_reload_leaves_the_previous_output_untouched(httpserver, tmp_path, monkeypatch, failure):
    url = serve_zip(httpserver, tmp_path)
    folder = tmp_path / "output"
    path = str(folder / "territory.gpkg")
    spec = {"source": "gtfs", "feed": url, "date": TUESDAY}
    for category, layer in (("transit_stop", "stops"), ("transit_route", "routes")):
        source(tmp_path).fetch(dict(spec), layer_target(path, layer), category)
    before = digest(folder)
    MEMO.forget()
    httpserver.clear()
    feedback = QgsProcessingFeedback(False)
    with open(write_feed(tmp_path / "again.zip", base_feed()), "rb") as handle:
        body = handle.read()
    if failure == "http_error":
        httpserver.expect_request("/gtfs/network.zip").respond_with_data("Server error", status=500)
    elif failure == "cut_zip":
        httpserver.expect_request("/gtfs/network.zip").respond_with_data(body[: len(body) // 2])
    elif failure == "not_gtfs":
        files = {name: text for name, text in base_feed().items() if name != "trips.txt"}
        with open(write_feed(tmp_path / "broken.zip", files), "rb") as handle:
            httpserver.expect_request("/gtfs/network.zip").respond_with_data(handle.read())
    else:
        httpserver.expect_request("/gtfs/network.zip").respond_with_data(body)
    if failure == "cancel_while_reading":
        original = network_module.NetworkReader.read_stops

        def cancelling(reader):
            feedback.cancel()
            return original(reader)

        monkeypatch.setattr(network_module.NetworkReader, "read_stops", cancelling)
    spy = CancelWhileWriting(monkeypatch, feedback) if failure == "cancel_while_writing" else None
    # a fresh download: another cache folder
    with pytest.raises((ReplyError, Cancelled)) as raised:
        source(tmp_path / "fresh", feedback).fetch(dict(spec), layer_target(path, "stops"), "transit_stop", feedback)
    expected = Cancelled if failure.startswith("cancel") else ReplyError
    assert isinstance(raised.value, expected) and (failure.startswith("cancel") or "network.zip" in str(raised.value))
    assert spy is None or spy.calls >= 1
    assert digest(folder) == before


def test_a_profile_with_gtfs_entries_loads_through_the_territory(httpserver, tmp_path):
    from open_territory.plugin.profiles.profile import load_profile
    from open_territory.plugin.profiles.territory import load_territory

    url = serve_zip(httpserver, tmp_path)
    httpserver.expect_request("/rt").respond_with_data(vehicles_reply(), content_type="application/x-protobuf")
    boundary = tmp_path / "boundary.geojson"
    boundary.write_text(
        json.dumps({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"nom": "Démo"},
                    "geometry": {"type": "Polygon", "coordinates": [[[-1.603, 47.79], [-1.55, 47.79], [-1.55, 47.85],
                                                                     [-1.603, 47.85], [-1.603, 47.79]]]}}]}),
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
    # The boundary's extent (its west at -1.603, between the Mairie and the Halles) keeps the stops inside it
    # and the routes crossing it.
    assert [(o.layer, o.status, o.feature_count) for o in report.outcomes[1:]] == [
        ("transit_stop_gtfs", "ok", 4),
        ("transit_route_gtfs", "ok", 4),
        ("public_vehicle_gtfs", "ok", 2),
    ]
    assert {o.licence for o in report.outcomes[1:3]} == {"ODbL"}
    stops = {row["stop_id"] for row in features(tmp_path / "territory.gpkg", "transit_stop_gtfs")}
    assert "HALLES" not in stops and "MAIRIE" in stops
    sources = features(tmp_path / "territory.gpkg", "sources")
    assert [row["layer"] for row in sources if row["source"].startswith("GTFS")] == [
        "transit_stop_gtfs",
        "transit_route_gtfs",
        "public_vehicle_gtfs",
    ]


def test_the_composers_gtfs_entries_load(httpserver, tmp_path):
    """A transport.data.gouv.fr network as the profile composer writes it (plugin/compose): its entries pass the
    shipped schema and load with this source."""
    from open_territory.plugin.compose.services import Services
    from open_territory.plugin.compose.transport_catalog import dataset_entries
    from open_territory.plugin.profiles.profile import load_profile
    from open_territory.plugin.profiles.territory import load_territory

    httpserver.expect_request("/rt").respond_with_data(vehicles_reply(), content_type="application/x-protobuf")
    dataset = {
        "title": "Réseau Vilaine Bus",
        "slug": "reseau-vilaine-bus",
        "type": "public-transit",
        "page_url": "https://transport.data.gouv.fr/datasets/reseau-vilaine-bus",
        "resources": [
            {"format": "GTFS", "title": "GTFS", "url": serve_zip(httpserver, tmp_path), "is_available": True},
            {"format": "gtfs-rt", "title": "Positions", "url": httpserver.url_for("/rt"), "is_available": True},
        ],
    }
    resources = {}
    for found in dataset_entries(dataset, "the territory's network", Services()):
        resources.setdefault(found.category, []).append(dict(found.entry, date=TUESDAY))
    assert sorted(resources) == ["public_vehicle", "transit_route", "transit_stop"]
    profile = {"version": 1, "id": "composed", "name": "Composé", "boundary": {"file": "b.geojson"}}
    profile["resources"] = resources
    (tmp_path / "b.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
                    "geometry": {"type": "Polygon", "coordinates": [[[-1.7, 47.7], [-1.5, 47.7], [-1.5, 47.9],
                                                                     [-1.7, 47.9], [-1.7, 47.7]]]}}]}),
        encoding="utf-8",
    )  # fmt: skip
    (tmp_path / "composed.json").write_text(json.dumps(profile), encoding="utf-8")
    report = load_territory(load_profile(str(tmp_path / "composed.json")), str(tmp_path / "t.gpkg"), offline=False)
    assert [(o.layer, o.status, o.feature_count) for o in report.outcomes[1:]] == [
        ("transit_stop_gtfs", "ok", 5),
        ("transit_route_gtfs", "ok", 4),
        ("public_vehicle_gtfs", "ok", 2),
    ]
    assert report.outcomes[1].title == "Réseau Vilaine Bus — GTFS"


DEMO = os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "resources", "demo", "data", "gtfs")


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
    out = str(tmp_path / "demo.gpkg")
    stops, routes, network = source().fetch_network(
        {"feed": os.path.join(DEMO, "network.zip"), "date": "2026-11-24"},
        layer_target(out, "stops"),
        layer_target(out, "routes"),
    )
    assert (stops.feature_count, routes.feature_count) == (10, 5) and network.warnings == []
    assert network.agencies == ["Navettes de la Vilaine", "Vilaine Mobilités"]
    rows, header, bad = source().vehicle_rows({"feed": os.path.join(DEMO, "vehicle_positions.pb"), "kind": "vehicles"})
    assert len(rows) == 3 and bad == 0 and header.timestamp == builder.DEMO_TIME
    with zipfile.ZipFile(os.path.join(DEMO, "network.zip")) as archive:
        trips = {row["trip_id"] for row in csv.DictReader(io.TextIOWrapper(archive.open("trips.txt"), "utf-8"))}
        trips |= {row["trip_id"] for row in csv.DictReader(io.TextIOWrapper(archive.open("frequencies.txt"), "utf-8"))}
        stop_ids = {row["stop_id"] for row in csv.DictReader(io.TextIOWrapper(archive.open("stops.txt"), "utf-8"))}
    for _lon, _lat, values in rows:
        assert values["trip_id"] in trips and values["stop_id"] in stop_ids
        assert -1.64 < _lon < -1.555 and 47.79 < _lat < 47.845  # inside the demo territory's extent
