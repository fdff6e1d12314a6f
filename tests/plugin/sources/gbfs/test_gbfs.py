"""GBFS source against a local server replaying v1.1, v2.3, v3.0, Vélib-like and car-sharing feeds."""

import os

import pytest
from open_territory.plugin.sources.gbfs import GbfsSource, check_spec, load_systems, parse
from open_territory.plugin.toolbelt.errors import InputError, ReplyError
from open_territory.plugin.toolbelt.layer_writer import file_target, layer_target
from open_territory.plugin.toolbelt.network import Transport
from osgeo import ogr
from werkzeug import Response

DATA = os.path.join(os.path.dirname(__file__), "data")


def serve(httpserver, variant):
    """Serve every fixture of `variant` at /<variant>/<name>.json, feed URLs pointing at the server."""
    base = httpserver.url_for("").rstrip("/")
    folder = os.path.join(DATA, variant)
    for current, _dirs, files in os.walk(folder):
        for name in files:
            path = os.path.join(current, name)
            with open(path, encoding="utf-8") as handle:
                body = handle.read().replace("{base}", base)
            route = "/" + os.path.relpath(path, DATA).replace(os.sep, "/")
            httpserver.expect_request(route).respond_with_data(body, content_type="application/json")
    return f"{base}/{variant}/gbfs.json"


@pytest.fixture()
def source(tmp_path):
    transport = Transport(cache_dir=str(tmp_path / "cache"), offline=False, timeout=5, retries=0)
    return GbfsSource(transport)


def read_layer(path, layer_name):
    dataset = ogr.Open(str(path))
    layer = dataset.GetLayerByName(layer_name)
    definition = layer.GetLayerDefn()
    types = {
        definition.GetFieldDefn(i).GetName(): (
            definition.GetFieldDefn(i).GetTypeName(),
            definition.GetFieldDefn(i).GetSubType(),
        )
        for i in range(definition.GetFieldCount())
    }
    rows = []
    for feature in layer:
        values = feature.items()
        geometry = feature.GetGeometryRef()
        values["_xy"] = (round(geometry.GetX(), 6), round(geometry.GetY(), 6))
        rows.append(values)
    return rows, types


def by(rows, key):
    return {row[key]: row for row in rows}


def test_v1_two_languages_french_chosen_and_one_zero_booleans(httpserver, source, tmp_path, monkeypatch):
    monkeypatch.setattr("open_territory.plugin.sources.gbfs.qgis_locale", lambda: "de")
    feed = serve(httpserver, "v1")
    out = tmp_path / "out.gpkg"
    result = source.fetch({"source": "gbfs", "feed": feed, "kind": "stations"}, file_target(str(out), "stations"), None)
    rows, types = read_layer(out, "stations")
    assert result.feature_count == 2 == len(rows)  # the station without coordinates is skipped
    stations = by(rows, "station_id")
    assert stations["1"]["name"] == "Vélos Test Gare"  # user language de absent: French feeds
    assert stations["1"]["vehicles_available"] == 7 and stations["1"]["docks_available"] == 13
    assert stations["1"]["is_installed"] == 1 and stations["1"]["is_returning"] == 0
    assert stations["2"]["is_installed"] == 1 and stations["2"]["is_renting"] == 0
    assert stations["2"]["capacity"] == 12 and stations["2"]["_xy"] == (-1.68, 48.12)
    assert stations["1"]["last_reported"] == "2020/10/26 19:44:27+00"
    assert types["is_renting"] == ("Integer", ogr.OFSTBoolean) and types["last_reported"][0] == "DateTime"
    assert stations["1"]["category"] == "bike_share_station" and stations["1"]["source"] == "GBFS Vélos Test"
    assert stations["1"]["licence"] == "see the operator's terms: https://bikes.example.org/"
    assert stations["1"]["source_dataset"] == feed and result.dataset == feed
    assert all(request.path.startswith("/v1/fr/") or request.path == "/v1/gbfs.json" for request, _ in httpserver.log)


def test_v1_user_language_wins(httpserver, source, tmp_path):
    feed = serve(httpserver, "v1")
    out = tmp_path / "out.gpkg"
    source.fetch({"feed": feed, "language": "en"}, file_target(str(out), "stations"), None)
    rows, _ = read_layer(out, "stations")
    assert by(rows, "station_id")["1"]["name"] == "Test Bikes Gare"


def test_v23_stations_with_types_and_licence_url(httpserver, source, tmp_path):
    feed = serve(httpserver, "v23")
    out = tmp_path / "out.gpkg"
    result = source.fetch({"feed": feed, "kind": "stations"}, file_target(str(out), "st"), None)
    rows, _ = read_layer(out, "st")
    stations = by(rows, "station_id")
    assert result.licence == "https://www.test.com/licence" == stations["TST:Station:1"]["licence"]
    assert stations["TST:Station:1"]["vehicles_by_type"] == "Scooter=1; City bike=0"
    assert stations["TST:Station:2"]["is_renting"] == 0
    assert stations["TST:Station:2"]["vehicles_disabled"] == 1
    assert stations["TST:Station:2"]["capacity"] == 12 and stations["TST:Station:1"]["capacity"] is None
    assert stations["TST:Station:1"]["gbfs_version"] == "2.3"
    assert stations["TST:Station:1"]["category"] == "bike_share_station"  # bicycles and scooters


def test_v23_free_bike_status_with_vehicle_types(httpserver, source, tmp_path):
    feed = serve(httpserver, "v23")
    out = tmp_path / "out.gpkg"
    result = source.fetch({"feed": feed, "kind": "vehicles"}, file_target(str(out), "veh"), None)
    rows, types = read_layer(out, "veh")
    vehicles = by(rows, "vehicle_id")
    # the bike docked at a station has no coordinates: skipped
    assert result.feature_count == 2 and set(vehicles) == {"TST:Scooter:1234", "TST:Bike:9"}
    scooter = vehicles["TST:Scooter:1234"]
    assert scooter["form_factor"] == "scooter" and scooter["propulsion_type"] == "electric"
    assert scooter["is_disabled"] == 1 and scooter["current_range_meters"] == pytest.approx(1431.2)
    assert scooter["name"] == "Scooter" and scooter["last_reported"] == "2020/12/01 21:25:00+00"
    assert vehicles["TST:Bike:9"]["_xy"] == (10.75, 59.92) and vehicles["TST:Bike:9"]["is_reserved"] == 0
    assert types["is_disabled"][1] == ogr.OFSTBoolean


def test_v30_localized_names_iso_times_and_license_id(httpserver, source, tmp_path, monkeypatch):
    monkeypatch.setattr("open_territory.plugin.sources.gbfs.qgis_locale", lambda: "fr")
    feed = serve(httpserver, "v30")
    out = tmp_path / "out.gpkg"
    result = source.fetch({"feed": feed, "kind": "stations"}, file_target(str(out), "st"), None)
    stations = by(read_layer(out, "st")[0], "station_id")
    bastille = stations["6efbec5a"]
    assert bastille["name"] == "Bastille FR" and bastille["short_name"] == "BAS"
    assert stations["42105087"]["name"] == "Hôtel de Ville"  # only English published
    assert bastille["last_reported"] == "2019/07/04 13:33:03+00"  # +02:00 brought to UTC
    assert bastille["vehicles_available"] == 2 and bastille["is_returning"] == 0
    assert bastille["is_virtual_station"] == 1
    assert bastille["vehicles_by_type"] == "Vélo électrique=2; Trottinette=0"
    assert result.licence == "ODbL-1.0" and bastille["source"] == "GBFS Mobilité Exemple"
    assert bastille["gbfs_version"] == "3.0"
    # append the vehicles to the same GeoPackage
    source.fetch({"feed": feed, "kind": "vehicles"}, layer_target(str(out), "veh"), None)
    vehicles = by(read_layer(out, "veh")[0], "vehicle_id")
    assert vehicles["2b6488"]["propulsion_type"] == "electric_assist"
    assert vehicles["2b6488"]["vehicle_type_name"] == "Vélo électrique"
    assert vehicles["654178"]["current_fuel_percent"] == pytest.approx(0.4)
    assert vehicles["654178"]["is_reserved"] == 1
    assert len(read_layer(out, "st")[0]) == 2


def test_velib_like_feed_integer_ids_and_type_lists(httpserver, source, tmp_path):
    feed = serve(httpserver, "velib")
    out = tmp_path / "out.gpkg"
    result = source.fetch({"feed": feed}, file_target(str(out), "velib"), None)
    stations = by(read_layer(out, "velib")[0], "station_id")
    assert set(stations) == {"213688169", "99950133"}  # integer in one file, string in the other: joined
    godard = stations["213688169"]
    assert godard["vehicles_available"] == 1 and godard["docks_available"] == 33 and godard["capacity"] == 35
    assert godard["vehicles_by_type"] == "mechanical=0; ebike=1" and godard["short_name"] == "16107"
    assert stations["99950133"]["vehicles_by_type"] == "mechanical=17; ebike=5"
    assert stations["99950133"]["is_returning"] == 0 and stations["99950133"]["is_installed"] == 1
    assert godard["gbfs_version"] is None and result.source == "GBFS Vélib' Métropole"


def test_car_sharing_category_and_secret_redacted(httpserver, source, tmp_path):
    base_feed = serve(httpserver, "cars")
    feed = base_feed + "?apiKey=s3cr3t-key"
    out = tmp_path / "out.gpkg"
    result = source.fetch({"feed": feed}, file_target(str(out), "cars"), None)
    rows, _ = read_layer(out, "cars")
    assert rows[0]["category"] == "car_sharing" and rows[0]["name"] == "Parking République"
    assert "s3cr3t" not in rows[0]["source_dataset"] and "s3cr3t" not in result.url
    assert "apiKey=***" in result.dataset
    # an explicit category wins
    source.fetch({"feed": feed}, layer_target(str(out), "cars2"), "bike_share_station")
    assert read_layer(out, "cars2")[0][0]["category"] == "bike_share_station"


def test_category_rule_by_name_without_vehicle_types():
    assert parse.category_of({}, {"name": "Citiz Gironde"}) == "car_sharing"
    assert parse.category_of({}, {"name": "Getaround Bordeaux"}) == "car_sharing"
    assert parse.category_of({}, {"name": "Le Vélo STAR"}) == "bike_share_station"
    assert parse.category_of({"a": {"form_factor": "car"}, "b": {"form_factor": "bicycle"}}, {}) == "bike_share_station"


def test_spec_checks():
    with pytest.raises(InputError, match="feed"):
        check_spec({"source": "gbfs"})
    with pytest.raises(InputError, match="kind"):
        check_spec({"feed": "https://x.org/gbfs.json", "kind": "docks"})
    with pytest.raises(InputError, match="http"):
        check_spec({"feed": "file:///etc/passwd"})


def test_discovery_404(httpserver, source, tmp_path):
    httpserver.expect_request("/gone/gbfs.json").respond_with_json({"error": "Not Found"}, status=404)
    with pytest.raises(ReplyError, match="404") as info:
        source.fetch({"feed": httpserver.url_for("/gone/gbfs.json")}, file_target(str(tmp_path / "o.gpkg"), "x"), None)
    assert "gbfs.json" in str(info.value)
    assert not (tmp_path / "o.gpkg").exists()


def test_discovery_html_page(httpserver, source, tmp_path):
    httpserver.expect_request("/portal/gbfs.json").respond_with_data(
        "<!DOCTYPE html><html><body>Maintenance</body></html>", content_type="text/html"
    )
    with pytest.raises(ReplyError, match="web page"):
        source.fetch(
            {"feed": httpserver.url_for("/portal/gbfs.json")}, file_target(str(tmp_path / "o.gpkg"), "x"), None
        )


def test_bad_json_in_a_feed(httpserver, source, tmp_path):
    base = httpserver.url_for("").rstrip("/")
    feeds = [{"name": "station_information", "url": f"{base}/bad/station_information.json"}]
    discovery = {"version": "2.3", "data": {"en": {"feeds": feeds}}}
    httpserver.expect_request("/bad/gbfs.json").respond_with_json(discovery)
    httpserver.expect_request("/bad/station_information.json").respond_with_response(
        Response('{"data": {"stations": [', content_type="application/json")
    )
    with pytest.raises(ReplyError, match="not valid JSON"):
        source.fetch({"feed": f"{base}/bad/gbfs.json"}, file_target(str(tmp_path / "o.gpkg"), "x"), None)


def test_not_a_gbfs_document_and_missing_feeds(httpserver, source, tmp_path):
    httpserver.expect_request("/odd/gbfs.json").respond_with_json({"hello": "world"})
    with pytest.raises(ReplyError, match="not a GBFS document"):
        source.fetch({"feed": httpserver.url_for("/odd/gbfs.json")}, file_target(str(tmp_path / "o.gpkg"), "x"), None)
    feed = serve(httpserver, "velib")
    with pytest.raises(ReplyError, match="free-floating"):
        source.fetch({"feed": feed, "kind": "vehicles"}, file_target(str(tmp_path / "o.gpkg"), "x"), None)


def test_describe(httpserver, source):
    feed = serve(httpserver, "v30")
    info = source.describe({"feed": feed})
    assert info["version"] == "3.0" and info["has_stations"] and info["has_vehicles"]
    assert info["vehicle_types"]["escooter_paris"]["form_factor"] == "scooter_standing"


def test_bundled_systems_and_search(source):
    systems = load_systems()
    assert len(systems) > 200 and all(s["url"].startswith("http") for s in systems)
    found = source.search({}, "bordeaux vélo")
    assert [s["system_id"] for s in found] == ["velo-tbm-bordeaux"]
    assert "apiKey=" in found[0]["url"]


def serve_flat(httpserver, status=None):
    """The 'flat' system (GBFS 2.2 listing its feeds in data.feeds, without a language level); `status`
    replaces its station_status reply: (body, HTTP status)."""
    if status is not None:
        body, code = status
        httpserver.expect_request("/flat/station_status.json").respond_with_data(
            body, status=code, content_type="application/json"
        )
    return serve(httpserver, "flat")


def test_v2_discovery_without_language_level(httpserver, source, tmp_path, monkeypatch):
    monkeypatch.setattr("open_territory.plugin.sources.gbfs.qgis_locale", lambda: "fr")
    feed = serve_flat(httpserver)
    info = source.describe({"feed": feed})
    assert info["version"] == "2.2" and info["language"] == "fr" and info["title"] == "Vélo Plat"
    assert info["has_stations"] and info["has_vehicles"]
    assert info["licence"] == "https://velo-plat.example.org/licence"
    result = source.fetch({"feed": feed}, file_target(str(tmp_path / "o.gpkg"), "st"), None)
    stations = by(read_layer(tmp_path / "o.gpkg", "st")[0], "station_id")
    assert stations["1"]["vehicles_available"] == 4 and stations["1"]["gbfs_version"] == "2.2"
    assert result.source == "GBFS Vélo Plat"


def test_stations_with_unusable_coordinates_are_left_out_and_counted(httpserver, source, tmp_path):
    feed = serve_flat(httpserver)
    out = tmp_path / "o.gpkg"
    result = source.fetch({"feed": feed}, file_target(str(out), "st"), None)
    rows, _ = read_layer(out, "st")
    stations = by(rows, "station_id")
    # 0/0, inf, lat 91.5, 1e999 and an unreadable latitude: left out and counted; no coordinates: left out
    assert set(stations) == {"1", "7"} and result.feature_count == 2
    assert stations["7"]["_xy"] == (-1.6722, 48.1036)
    assert [w for w in result.warnings if "unusable coordinates" in w] == [
        "Left out for unusable coordinates (unreadable, out of range or 0,0): 5 stations"
    ]
    assert stations["7"]["last_reported"] is None  # last_reported 0: never, not 1970
    assert stations["1"]["last_reported"] == "2023/11/14 22:13:20+00"
    dataset = ogr.Open(str(out))
    xmin, xmax, ymin, ymax = dataset.GetLayerByName("st").GetExtent()
    assert (round(xmin, 4), round(xmax, 4), round(ymin, 4), round(ymax, 4)) == (-1.6799, -1.6722, 48.1036, 48.1107)


def test_vehicles_with_unusable_coordinates_are_left_out_and_counted(httpserver, source, tmp_path):
    feed = serve_flat(httpserver)
    out = tmp_path / "o.gpkg"
    result = source.fetch({"feed": feed, "kind": "vehicles"}, file_target(str(out), "veh"), None)
    rows, _ = read_layer(out, "veh")
    assert [r["vehicle_id"] for r in rows] == ["b1"] and result.feature_count == 1
    # b5 is parked at a station: no coordinates, not counted as unusable
    assert result.warnings == ["Left out for unusable coordinates (unreadable, out of range or 0,0): 3 vehicles"]


@pytest.mark.parametrize(
    "body, code", [('{"error": "Not Found"}', 404), ("Internal error", 500), ('{"last_updated": 1, "data": null}', 200)]
)
def test_failing_station_status_keeps_the_stations(httpserver, source, tmp_path, body, code):
    feed = serve_flat(httpserver, (body, code))
    out = tmp_path / "o.gpkg"
    result = source.fetch({"feed": feed}, file_target(str(out), "st"), None)
    stations = by(read_layer(out, "st")[0], "station_id")
    assert set(stations) == {"1", "7"} and stations["1"]["capacity"] == 20
    assert stations["1"]["vehicles_available"] is None and stations["1"]["is_renting"] is None
    warning = next(w for w in result.warnings if "station status" in w)
    assert warning.startswith("The station status could not be read: availability columns are empty")
    assert "station_status" in warning
