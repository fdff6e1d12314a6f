"""Overpass source against a local server: query shape, geometry per category, hidden errors, partial replies."""

import os
from urllib.parse import parse_qs

import pytest
from open_territory.plugin.sources import overpass as op
from open_territory.plugin.sources.overpass import OverpassSource, build_query
from open_territory.plugin.sources.overpass.presets import PRESETS, preset_categories
from open_territory.plugin.toolbelt.errors import (
    Cancelled,
    InputError,
    NetworkError,
    OpenTerritoryError,
    ReplyError,
)
from open_territory.plugin.toolbelt.layer_writer import file_target, layer_target
from open_territory.plugin.toolbelt.network import Transport
from osgeo import ogr
from shapely import wkt as shapely_wkt
from werkzeug import Response

from .fake_overpass import osm_data, serve_overpass

DATA = os.path.join(os.path.dirname(__file__), "data")
EXTENT = [-1.75, 48.05, -1.60, 48.15]


def fixture_bytes(name):
    with open(os.path.join(DATA, name), "rb") as handle:
        return handle.read()


@pytest.fixture()
def source(tmp_path):
    return OverpassSource(Transport(cache_dir=str(tmp_path / "cache"), offline=False, timeout=5, retries=0))


def serve(httpserver, name, status=200, content_type="application/osm3s+xml"):
    httpserver.expect_request("/api/interpreter", method="POST").respond_with_data(
        fixture_bytes(name), status=status, content_type=content_type
    )
    return httpserver.url_for("/api/interpreter")


def features(path, layer):
    dataset = ogr.Open(path)
    lyr = dataset.GetLayerByName(layer)
    rows = []
    for feature in lyr:
        row = feature.items()
        row["wkt"] = feature.GetGeometryRef().ExportToWkt()
        rows.append(row)
    return lyr.GetGeomType(), rows


def test_bbox_query_is_lat_first_with_timeout():
    query = build_query("traffic_signals", extent=EXTENT, timeout=42)
    assert query.startswith("[out:xml][timeout:42];")
    assert 'node["highway"="traffic_signals"](48.0500000,-1.7500000,48.1500000,-1.6000000);' in query
    assert 'node["crossing"="traffic_signals"](48.0500000,-1.7500000,48.1500000,-1.6000000);' in query
    assert "\n  way" not in query and "(._;>;);" not in query  # signals are nodes only
    assert query.rstrip().endswith("out count;\nout body qt;")


def test_area_query_uses_one_poly_per_part_lat_lon():
    area = "MULTIPOLYGON(((-1.7 48.0,-1.6 48.0,-1.6 48.1,-1.7 48.0)),((2 45,3 45,3 46,2 45)))"
    query = build_query("car_park", area_wkt=area, timeout=60)
    assert (
        'node["amenity"="parking"](poly:"48.0000000 -1.7000000 48.0000000 -1.6000000 48.1000000 -1.6000000");' in query
    )
    assert (
        'relation["amenity"="parking"](poly:"45.0000000 2.0000000 45.0000000 3.0000000 46.0000000 3.0000000");' in query
    )
    assert "(._;>;);" in query  # ways need their nodes


def test_big_area_is_simplified():
    import math

    ring = [
        (-1.6 + 0.1 * math.cos(2 * math.pi * i / 3000), 48.1 + 0.1 * math.sin(2 * math.pi * i / 3000))
        for i in range(3000)
    ]
    ring.append(ring[0])
    area = "POLYGON((" + ",".join(f"{x} {y}" for x, y in ring) + "))"
    (poly,) = op.poly_filters(area)
    assert 4 <= len(poly.split()) // 2 <= op.MAX_POLY_VERTICES


@pytest.mark.parametrize("bad", [None, [0, 0, 0, 0], [10, 50, 5, 40], ["a", 1, 2, 3]])
def test_bad_extent(bad):
    with pytest.raises(InputError):
        build_query("street_lamp", extent=bad)


def test_unknown_category():
    with pytest.raises(InputError, match="road_works"):
        build_query("road_works", extent=EXTENT)


def test_every_preset_category_is_a_design_category():
    assert set(preset_categories()) == set(PRESETS)
    for preset in PRESETS.values():
        for word in preset.where.replace("(", " ").replace(")", " ").split():
            if word.startswith('"'):
                assert word.strip('"') in preset.columns, (preset.category, word)


def test_signals_posted_and_parsed(source, httpserver, tmp_path):
    url = serve_overpass(httpserver)
    out = str(tmp_path / "out.gpkg")
    result = source.fetch(
        {"source": "overpass", "category": "traffic_signals", "server": url, "timeout": 25, "extent": EXTENT},
        file_target(out, "signals"),
        None,
    )
    request, _ = httpserver.log[0]
    posted = parse_qs(request.get_data(as_text=True))
    assert "[timeout:25]" in posted["data"][0]
    assert request.headers["Content-Type"].startswith("application/x-www-form-urlencoded")
    geom_type, rows = features(out, "signals")
    assert ogr.GT_Flatten(geom_type) == ogr.wkbPoint
    assert result.feature_count == 2 == len(rows)
    by_id = {r["osm_id"]: r for r in rows}
    assert set(by_id) == {"101", "102"}
    assert by_id["101"]["name"] == "Carrefour Gare"
    assert by_id["101"]["traffic_signals_sound"] == "yes"
    assert by_id["102"]["crossing"] == "traffic_signals"
    assert '"tactile_paving"=>"yes"' in by_id["102"]["other_tags"]
    for row in rows:
        assert row["category"] == "traffic_signals"
        assert row["source"] == "openstreetmap"
        assert row["licence"] == "ODbL"
        assert row["source_dataset"] == url
        assert row["fetched_at"] == result.fetched_at
        assert row["osm_type"] == "node"
    assert shapely_wkt.loads(by_id["101"]["wkt"]).equals(shapely_wkt.loads("POINT (-1.68 48.11)"))


def test_car_parks_default_to_polygons_with_holes_and_split_rings(source, httpserver, tmp_path):
    url = serve_overpass(httpserver)
    out = str(tmp_path / "out.gpkg")
    result = source.fetch({"category": "car_park", "server": url, "extent": EXTENT}, file_target(out, "parks"), None)
    geom_type, rows = features(out, "parks")
    assert ogr.GT_Flatten(geom_type) == ogr.wkbMultiPolygon
    by_key = {(r["osm_type"], r["osm_id"]): r for r in rows}
    # every area: a closed way, a one-way multipolygon, a ring split in two with a hole, its neighbour
    assert set(by_key) == {("way", "2001"), ("relation", "5001"), ("relation", "5002"), ("relation", "5003")}
    assert result.feature_count == 4
    colombier = shapely_wkt.loads(by_key[("way", "2001")]["wkt"])
    assert colombier.area == pytest.approx(0.001 * 0.001)
    assert by_key[("way", "2001")]["capacity_disabled"] == "4"
    marche = shapely_wkt.loads(by_key[("relation", "5002")]["wkt"])
    assert marche.is_valid and marche.area == pytest.approx(0.002 * 0.002 - 0.0005 * 0.0005)
    assert by_key[("relation", "5002")]["name"] == "Parking du Marché"
    neighbour = shapely_wkt.loads(by_key[("relation", "5003")]["wkt"])
    assert neighbour.area == pytest.approx(0.002 * 0.002) and neighbour.touches(marche)
    # the car park mapped as a node has no surface: said, not dropped in silence
    assert any("1" in w and "point" in w for w in result.warnings)


def test_car_parks_as_points_one_per_car_park_inside_it(source, httpserver, tmp_path):
    url = serve_overpass(httpserver)
    out = str(tmp_path / "out.gpkg")
    spec = {"category": "car_park", "geometry": "points", "server": url, "extent": EXTENT}
    result = source.fetch(spec, file_target(out, "parks"), None)
    geom_type, rows = features(out, "parks")
    assert ogr.GT_Flatten(geom_type) == ogr.wkbPoint
    by_key = {(r["osm_type"], r["osm_id"]): r for r in rows}
    # the parking entrance node on the car park's outline is not a car park
    assert set(by_key) == {
        ("node", "103"),
        ("way", "2001"),
        ("relation", "5001"),
        ("relation", "5002"),
        ("relation", "5003"),
    }
    assert result.feature_count == 5 and result.warnings == []
    assert by_key[("way", "2001")]["name"] == "Parking Colombier"
    assert by_key[("relation", "5001")]["operator"] == "Indigo"
    assert by_key[("node", "103")]["name"] == "Parking de l'Église"
    square = shapely_wkt.loads("POLYGON((-1.7 48.1,-1.699 48.1,-1.699 48.101,-1.7 48.101,-1.7 48.1))")
    assert square.contains(shapely_wkt.loads(by_key[("way", "2001")]["wkt"]))
    hole = shapely_wkt.loads("POLYGON((-1.7195 48.1305,-1.719 48.1305,-1.719 48.131,-1.7195 48.131,-1.7195 48.1305))")
    marche = shapely_wkt.loads("POLYGON((-1.72 48.13,-1.718 48.13,-1.718 48.132,-1.72 48.132,-1.72 48.13))")
    point = shapely_wkt.loads(by_key[("relation", "5002")]["wkt"])
    assert marche.contains(point) and not hole.contains(point)
    dataset = ogr.Open(out)
    layer = dataset.GetLayerByName("parks")
    assert layer.GetSpatialRef().GetAuthorityCode(None) == "4326"
    xmin, xmax, ymin, ymax = layer.GetExtent()
    points = [shapely_wkt.loads(r["wkt"]) for r in rows]
    assert xmin == pytest.approx(min(p.x for p in points)) and ymax == pytest.approx(max(p.y for p in points))
    assert dataset.ExecuteSQL("SELECT count(*) FROM rtree_parks_geom").GetNextFeature().GetField(0) == 5


def test_the_reply_is_as_overpass_prints_it(httpserver):
    """What the reader gets: the count first, node ids that do not increase (quadtile order)."""
    import re
    import urllib.request

    url = serve_overpass(httpserver)
    query = build_query("cycleway", extent=EXTENT)
    body = urllib.request.urlopen(url, data=f"data={query}".encode()).read().decode()
    assert body.index("<count") < body.index("<node")
    ids = [int(i) for i in re.findall(r'<node id="(\d+)"', body)]
    assert ids != sorted(ids)


def test_cycleways_are_lines_with_every_vertex(source, httpserver, tmp_path):
    url = serve_overpass(httpserver)
    out = str(tmp_path / "out.gpkg")
    result = source.fetch({"category": "cycleway", "server": url, "extent": EXTENT}, file_target(out, "cycle"), None)
    geom_type, rows = features(out, "cycle")
    assert ogr.GT_Flatten(geom_type) == ogr.wkbLineString
    assert {r["osm_id"] for r in rows} == {"3001", "3004", "3005"}  # 3002 is a road with a lane, 3003 a road
    assert all(r["osm_type"] == "way" for r in rows) and result.warnings == []
    by_id = {r["osm_id"]: shapely_wkt.loads(r["wkt"]) for r in rows}
    assert by_id["3001"].length == pytest.approx(0.002 * 2**0.5)
    assert list(by_id["3004"].coords) == [(-1.64, 48.08), (-1.639, 48.081)]
    assert by_id["3004"].touches(by_id["3005"])
    assert next(r for r in rows if r["osm_id"] == "3001")["surface"] == "asphalt"


def without(nodes=(), ways=()):
    """mixed.osm with elements missing, as a damaged reply would lack them."""
    data = osm_data()
    for ident in nodes:
        del data.nodes[ident]
    for ident in ways:
        del data.ways[ident]
    return data


def test_areas_that_cannot_be_drawn_are_counted_not_dropped_in_silence(source, httpserver, tmp_path):
    # 5001's ring no longer closes (the node where it starts and ends is missing); 5003 lacks a member way
    url = serve_overpass(httpserver, without(nodes=[8401], ways=[4015]))
    out = str(tmp_path / "out.gpkg")
    result = source.fetch({"category": "car_park", "server": url, "extent": EXTENT}, file_target(out, "parks"), None)
    _geom_type, rows = features(out, "parks")
    assert {r["osm_id"] for r in rows} == {"2001", "5002"}
    assert any("could not be drawn" in w and "2 / 4" in w for w in result.warnings)


def test_a_line_with_nodes_missing_or_none_left_is_counted(source, httpserver, tmp_path):
    # 3001 loses its middle node (drawn, with a vertex missing); 3004 keeps one node (no line)
    url = serve_overpass(httpserver, without(nodes=[302, 9306]))
    out = str(tmp_path / "out.gpkg")
    result = source.fetch({"category": "cycleway", "server": url, "extent": EXTENT}, file_target(out, "c"), None)
    assert result.feature_count == 2
    assert any("could not be drawn" in w and "1 / 3" in w for w in result.warnings)
    assert any("nodes missing from the reply: 1" in w for w in result.warnings)


def test_nothing_drawn_of_what_the_server_found_is_an_error_and_nothing_is_written(source, httpserver, tmp_path):
    url = serve_overpass(httpserver, without(nodes=[302, 6303, 8305]))  # one node left of 3001, 3004, 3005
    out = tmp_path / "out.gpkg"
    with pytest.raises(ReplyError) as caught:
        source.fetch({"category": "cycleway", "server": url, "extent": EXTENT}, file_target(str(out), "c"), None)
    assert caught.value.reason == "geometry" and "could not be drawn" in str(caught.value)
    assert str(caught.value).endswith(": 3 / 3")  # the server found all three
    assert not out.exists()


def test_own_tag_conditions_as_points_under_other(source, httpserver, tmp_path):
    url = serve_overpass(httpserver)
    out = str(tmp_path / "out.gpkg")
    spec = {"tags": "amenity=parking & fee=no", "server": url, "extent": EXTENT}
    result = source.fetch(spec, file_target(out, "own"), None)
    request, _ = httpserver.log[0]
    query = parse_qs(request.get_data(as_text=True))["data"][0]
    assert 'nwr["amenity"="parking"]["fee"="no"]' not in query  # one statement per element type
    assert 'way["amenity"="parking"]["fee"="no"](48.0500000,-1.7500000,48.1500000,-1.6000000);' in query
    _geom_type, rows = features(out, "own")
    assert [(r["osm_type"], r["osm_id"], r["category"], r["fee"]) for r in rows] == [("way", "2001", "other", "no")]
    assert result.dataset == "amenity=parking & fee=no"


def test_own_tag_conditions_under_a_category_as_polygons(source, httpserver, tmp_path):
    url = serve_overpass(httpserver)
    out = str(tmp_path / "out.gpkg")
    spec = {"tags": ["amenity=parking", "name=*"], "category": "car_park", "geometry": "polygons", "server": url}
    result = source.fetch({**spec, "extent": EXTENT}, file_target(out, "own"), None)
    _geom_type, rows = features(out, "own")
    assert {(r["osm_type"], r["osm_id"]) for r in rows} == {("way", "2001"), ("relation", "5002")}
    assert {r["category"] for r in rows} == {"car_park"}
    assert any("point" in w for w in result.warnings)  # node 103 has a name but no surface


@pytest.mark.parametrize(
    "spec, words",
    [
        ({"tags": "amenity"}, "key=value"),
        ({"tags": "fee!=no"}, "key=value"),
        ({"tags": "name~[unclosed"}, "name~[unclosed"),
        ({"tags": "amenity=parking", "category": "roadworks"}, "roadworks"),
        ({"category": "car_park", "geometry": "hexagons"}, "hexagons"),
    ],
)
def test_specs_that_cannot_be_asked(source, spec, words):
    with pytest.raises(InputError, match=words.replace("[", "\\[")):
        source.fetch({**spec, "extent": EXTENT}, file_target("/nonexistent/o.gpkg", "o"), None)


def test_a_count_before_the_download(source, httpserver):
    url = serve_overpass(httpserver)
    counts = source.count({"category": "car_park", "server": url, "extent": EXTENT})
    assert counts == {"node": 1, "way": 1, "relation": 3}
    request, _ = httpserver.log[0]
    query = parse_qs(request.get_data(as_text=True))["data"][0]
    assert query.rstrip().endswith("out count;") and "out body" not in query


def test_a_point_preset_keeps_points_whatever_the_geometry_asked(source, httpserver, tmp_path):
    url = serve_overpass(httpserver)
    out = str(tmp_path / "out.gpkg")
    spec = {"category": "traffic_signals", "geometry": "polygons", "server": url, "extent": EXTENT}
    assert source.fetch(spec, file_target(out, "s"), None).feature_count == 2
    geom_type, _rows = features(out, "s")
    assert ogr.GT_Flatten(geom_type) == ogr.wkbPoint


def test_overpass_turbo_link_carries_the_query():
    from urllib.parse import parse_qs as parse
    from urllib.parse import urlsplit

    query = build_query("car_park", extent=EXTENT)
    link = op.turbo_url(query)
    assert link.startswith("https://overpass-turbo.eu/?Q=")
    assert parse(urlsplit(link).query)["Q"] == [query]


def test_append_adds_a_layer(source, httpserver, tmp_path):
    url = serve_overpass(httpserver)
    out = str(tmp_path / "out.gpkg")
    source.fetch({"category": "traffic_signals", "server": url, "extent": EXTENT}, file_target(out, "a"), None)
    source.fetch({"category": "car_park", "server": url, "extent": EXTENT}, layer_target(out, "b"), None)
    dataset = ogr.Open(out)
    assert {dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())} == {"a", "b"}


def test_empty_reply_gives_empty_layer(source, httpserver, tmp_path):
    url = serve(httpserver, "empty.osm")
    out = str(tmp_path / "out.gpkg")
    result = source.fetch({"category": "car_park", "server": url, "extent": EXTENT}, file_target(out, "parks"), None)
    assert result.feature_count == 0
    dataset = ogr.Open(out)
    assert dataset.GetLayerByName("parks").GetFeatureCount() == 0


def test_server_from_settings(source, httpserver, tmp_path):
    from open_territory.plugin.toolbelt.settings import load_settings, save_settings

    url = serve_overpass(httpserver)
    settings = load_settings()
    settings.overpass_server = url
    save_settings(settings)
    result = source.fetch(
        {"category": "street_lamp", "extent": EXTENT}, file_target(str(tmp_path / "o.gpkg"), "l"), None
    )
    assert result.url == url
    assert len(httpserver.log) == 1


def test_runtime_remark_is_a_warning(source, httpserver, tmp_path):
    url = serve(httpserver, "runtime_remark.osm")
    result = source.fetch(
        {"category": "traffic_signals", "server": url, "extent": EXTENT},
        file_target(str(tmp_path / "o.gpkg"), "s"),
        None,
    )
    assert result.feature_count == 1
    assert any("runtime remark" in w for w in result.warnings)


@pytest.mark.parametrize(
    "name, status, kind, words",
    [
        ("remark_timeout.osm", 200, "timeout", "smaller area"),
        ("remark_memory.osm", 200, "memory", "smaller area"),
        ("partial_remark.osm", 200, "timeout", "longer timeout"),
        ("truncated.osm", 200, "incomplete", "cut"),
        ("remark_timeout.json", 200, "timeout", "smaller area"),
        ("parse_error_400.html", 400, "parse", "';' expected"),
        ("rate_limited_429.html", 429, "rate_limited", "another server"),
        ("busy_504.html", 504, "busy", "too busy"),
        ("busy_504.html", 200, "busy", "too busy"),
    ],
)
def test_errors_are_clear_and_nothing_is_written(source, httpserver, tmp_path, name, status, kind, words):
    content_type = "text/html" if name.endswith(".html") else "application/osm3s+xml"
    url = serve(httpserver, name, status, content_type)
    out = tmp_path / "out.gpkg"
    with pytest.raises(OpenTerritoryError) as caught:
        source.fetch({"category": "traffic_signals", "server": url, "extent": EXTENT}, file_target(str(out), "s"), None)
    assert caught.value.reason == kind
    assert isinstance(caught.value, NetworkError if kind == "incomplete" else ReplyError)
    assert words in str(caught.value)
    assert not out.exists()


def test_network_timeout_is_query_timeout_plus_margin(httpserver, tmp_path, monkeypatch):
    seen = {}

    class Recorder(Transport):
        def post(self, url, **kwargs):
            seen.update(kwargs)
            return super().post(url, **kwargs)

    url = serve(httpserver, "empty.osm")
    source = OverpassSource(Recorder(cache_dir=str(tmp_path / "c"), retries=0))
    source.fetch(
        {"category": "street_lamp", "server": url, "timeout": 77, "extent": EXTENT},
        file_target(str(tmp_path / "o.gpkg"), "l"),
        None,
    )
    assert seen["timeout"] == 77 + op.NETWORK_MARGIN
    assert "[timeout:77]" in seen["data"]["data"]


def test_request_timeout_suggests_smaller_area(httpserver, tmp_path):
    import time

    def slow(_request):
        time.sleep(2.5)
        return Response(fixture_bytes("empty.osm"))

    httpserver.expect_request("/api/interpreter").respond_with_handler(slow)
    source = OverpassSource(Transport(cache_dir=str(tmp_path / "c"), retries=0))
    op_margin = op.NETWORK_MARGIN
    op.NETWORK_MARGIN = 0
    try:
        with pytest.raises(NetworkError) as caught:
            source.fetch(
                {
                    "category": "street_lamp",
                    "server": httpserver.url_for("/api/interpreter"),
                    "timeout": 1,
                    "extent": EXTENT,
                },
                file_target(str(tmp_path / "o.gpkg"), "l"),
                None,
            )
    finally:
        op.NETWORK_MARGIN = op_margin
    assert caught.value.reason == "timeout"
    assert "smaller area" in str(caught.value)


def test_cancel(httpserver, tmp_path):
    from qgis.core import QgsFeedback

    feedback = QgsFeedback()
    feedback.cancel()
    url = serve_overpass(httpserver)
    source = OverpassSource(Transport(feedback=feedback, cache_dir=str(tmp_path / "c"), retries=0))
    with pytest.raises(Cancelled):
        source.fetch(
            {"category": "street_lamp", "server": url, "extent": EXTENT},
            file_target(str(tmp_path / "o.gpkg"), "l"),
            None,
            feedback,
        )


def layer_counts(path):
    dataset = ogr.Open(path)
    return {
        dataset.GetLayer(i).GetName(): dataset.GetLayer(i).GetFeatureCount() for i in range(dataset.GetLayerCount())
    }


def test_rerun_replaces_the_layer_and_keeps_the_others(source, httpserver, tmp_path):
    url = serve_overpass(httpserver)
    out = str(tmp_path / "t.gpkg")
    source.fetch({"category": "traffic_signals", "server": url, "extent": EXTENT}, file_target(out, "signals"), None)
    first = source.fetch({"category": "car_park", "server": url, "extent": EXTENT}, layer_target(out, "parks"), None)
    second = source.fetch({"category": "car_park", "server": url, "extent": EXTENT}, layer_target(out, "parks"), None)
    assert first.feature_count == second.feature_count == 4
    assert layer_counts(out) == {"signals": 2, "parks": 4}  # replaced, not appended
    _geom_type, rows = features(out, "parks")
    assert {r["fetched_at"] for r in rows} == {second.fetched_at}
    assert [n for n in os.listdir(tmp_path) if n != "cache"] == ["t.gpkg"]  # no scratch file left


def test_a_layer_target_keeps_the_other_layers(source, httpserver, tmp_path):
    url = serve_overpass(httpserver)
    out = str(tmp_path / "t.gpkg")
    source.fetch({"category": "traffic_signals", "server": url, "extent": EXTENT}, file_target(out, "signals"), None)
    source.fetch({"category": "cycleway", "server": url, "extent": EXTENT}, layer_target(out, "cycle"), None)
    assert layer_counts(out) == {"signals": 2, "cycle": 3}


class CancelAfterTheRead:
    """Cancels the feedback once GDAL's read of the reply has returned: the moment between the read and the
    SQL that makes the layer final."""

    def __init__(self, monkeypatch, feedback):
        from osgeo import gdal

        self.calls = 0
        self.original = gdal.VectorTranslate
        self.feedback = feedback
        monkeypatch.setattr(gdal, "VectorTranslate", self)

    def __call__(self, *args, **kwargs):
        result = self.original(*args, **kwargs)
        self.calls += 1
        if self.calls == 1:
            self.feedback.cancel()
        return result


def test_cancel_after_the_read_keeps_the_old_layer(source, httpserver, tmp_path, monkeypatch):
    from qgis.core import QgsFeedback

    url = serve_overpass(httpserver)
    out = str(tmp_path / "t.gpkg")
    spec = {"category": "car_park", "geometry": "points", "server": url, "extent": EXTENT}
    old = source.fetch(spec, file_target(out, "parks"), None)
    feedback = QgsFeedback()
    spy = CancelAfterTheRead(monkeypatch, feedback)
    with pytest.raises(Cancelled):
        source.fetch(spec, layer_target(out, "parks"), None, feedback)
    assert spy.calls == 1
    assert layer_counts(out) == {"parks": 5}
    _geom_type, rows = features(out, "parks")
    assert {r["fetched_at"] for r in rows} == {old.fetched_at}
    assert {r["osm_type"] for r in rows} == {"node", "way", "relation"}
    assert [n for n in os.listdir(tmp_path) if n != "cache"] == ["t.gpkg"]


def test_cancel_after_the_read_adds_no_half_layer(source, httpserver, tmp_path, monkeypatch):
    from qgis.core import QgsFeedback

    url = serve_overpass(httpserver)
    out = str(tmp_path / "t.gpkg")
    source.fetch({"category": "traffic_signals", "server": url, "extent": EXTENT}, file_target(out, "signals"), None)
    feedback = QgsFeedback()
    CancelAfterTheRead(monkeypatch, feedback)
    with pytest.raises(Cancelled):
        source.fetch(
            {"category": "car_park", "server": url, "extent": EXTENT}, layer_target(out, "parks"), None, feedback
        )
    assert layer_counts(out) == {"signals": 2}


@pytest.mark.parametrize(
    "category, geometry, expected, shape",
    [
        ("car_park", "points", {"103", "2001", "5001", "5002", "5003"}, "X"),
        ("car_park", None, {"2001", "5001", "5002", "5003"}, "MULTIPOLYGON"),
        ("cycleway", None, {"3001", "3004", "3005"}, "LINESTRING"),
    ],
)
def test_csv_output(source, httpserver, tmp_path, category, geometry, expected, shape):
    import csv

    url = serve_overpass(httpserver)
    out = tmp_path / "out.csv"
    spec = {"category": category, "geometry": geometry, "server": url, "extent": EXTENT}
    result = source.fetch(spec, file_target(str(out), "out"), None)
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert result.feature_count == len(rows) == len(expected)
    assert {r["osm_id"] for r in rows} == expected
    assert all(r["category"] == category and r["source"] == "openstreetmap" for r in rows)
    if shape == "X":
        assert all(-1.8 < float(r["X"]) < -1.6 and 48.0 < float(r["Y"]) < 48.2 for r in rows)
    else:
        assert all(r["WKT"].startswith(shape) for r in rows)


def test_geojson_output_replaces_the_file(source, httpserver, tmp_path):
    url = serve_overpass(httpserver)
    out = tmp_path / "parks.geojson"
    out.write_text("old")
    result = source.fetch(
        {"category": "car_park", "server": url, "extent": EXTENT}, file_target(str(out), "parks"), None
    )
    assert result.feature_count == 4 == ogr.Open(str(out)).GetLayer(0).GetFeatureCount()


def test_the_register_is_never_written(source, httpserver, tmp_path):
    import sqlite3

    url = serve_overpass(httpserver)
    out = str(tmp_path / "register.gpkg")
    source.fetch({"category": "street_lamp", "server": url, "extent": EXTENT}, file_target(out, "lamps"), None)
    connection = sqlite3.connect(out)
    connection.execute("CREATE TABLE register_meta (key TEXT)")
    connection.commit()
    connection.close()
    with pytest.raises(InputError, match="register"):
        source.fetch({"category": "car_park", "server": url, "extent": EXTENT}, layer_target(out, "parks"), None)
    assert "parks" not in layer_counts(out)


def test_result_names_the_preset_as_dataset(source, httpserver, tmp_path):
    url = serve_overpass(httpserver)
    result = source.fetch(
        {"category": "bus_stop", "server": url, "extent": EXTENT}, file_target(str(tmp_path / "o.gpkg"), "stops"), None
    )
    assert result.dataset == "bus_stop"
    assert result.source == "openstreetmap" and result.url == url and result.licence == "ODbL"


def test_prepare_osm_layer_keeps_a_public_spec_and_the_attribution():
    import json

    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer("Point?crs=EPSG:4326", "parks", "memory")
    op.prepare_osm_layer(
        layer,
        {
            "source": "overpass",
            "category": "car_park",
            "timeout": 60,
            "extent": EXTENT,
            "server": "https://user:pw@overpass.example/api/interpreter?apikey=SECRET",
            "authcfg": "abc1234",
            "title": "Car parks",
        },
    )
    spec = json.loads(layer.customProperty(op.SPEC_PROPERTY))
    assert spec == {
        "source": "overpass",
        "category": "car_park",
        "timeout": 60,
        "extent": EXTENT,
        "server": "https://overpass.example/api/interpreter?apikey=***",
    }
    assert "SECRET" not in json.dumps(spec) and "pw" not in json.dumps(spec)
    assert layer.attribution() == "© OpenStreetMap contributors"
    assert layer.metadata().rights() == ["© OpenStreetMap contributors, ODbL"]
    assert layer.metadata().licenses() == ["ODbL"]


def test_shapefile_output_for_car_parks(source, httpserver, tmp_path):
    url = serve_overpass(httpserver)
    folder = tmp_path / "shp"
    result = source.fetch(
        {"category": "car_park", "server": url, "extent": EXTENT}, file_target(str(folder / "parks.shp"), "parks"), None
    )
    assert result.feature_count == 4 == ogr.Open(str(folder / "parks.shp")).GetLayer(0).GetFeatureCount()
    assert sorted(n for n in os.listdir(folder) if n.startswith(".")) == []  # no scratch left
