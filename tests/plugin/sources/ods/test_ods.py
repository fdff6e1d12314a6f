"""The Opendatasoft source against a local server replaying Explore v2.1 replies."""

import importlib.util
import os
import socket
import threading
from urllib.parse import parse_qs, urlsplit

import pytest
from open_territory.plugin.sources.ods import OdsSource
from open_territory.plugin.toolbelt.errors import Cancelled, InputError, NetworkError, ReplyError
from open_territory.plugin.toolbelt.layer_writer import file_target, layer_target
from open_territory.plugin.toolbelt.network import Transport
from osgeo import ogr
from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsProcessingFeedback
from shapely import wkb
from werkzeug import Response

spec = importlib.util.spec_from_file_location(
    "ods_payloads", os.path.join(os.path.dirname(__file__), "test_ods_payloads.py")
)
P = importlib.util.module_from_spec(spec)
spec.loader.exec_module(P)

COMMON = ["category", "name", "source", "source_dataset", "licence", "fetched_at"]


@pytest.fixture()
def transport(tmp_path):
    t = Transport(cache_dir=str(tmp_path / "cache"), offline=False, timeout=10, retries=1)
    t.backoff = 0.01
    return t


@pytest.fixture()
def source(transport):
    return OdsSource(transport)


def serve_dataset(httpserver, dataset_id, fields, features, **meta):
    httpserver.expect_request(f"{P.API}/catalog/datasets/{dataset_id}").respond_with_json(
        P.dataset_entry(dataset_id, fields, **meta)
    )
    body = P.export_bytes(features)
    httpserver.expect_request(f"{P.API}/catalog/datasets/{dataset_id}/exports/geojson").respond_with_data(
        body, content_type="application/geo+json; charset=utf-8"
    )
    return httpserver.url_for("/")


def read_layer(path, name):
    dataset = ogr.Open(path)
    layer = dataset.GetLayerByName(name)
    definition = layer.GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    rows = []
    for feature in layer:
        geometry = feature.GetGeometryRef()
        rows.append((feature.items(), wkb.loads(bytes(geometry.ExportToWkb())) if geometry else None))
    return dataset, layer, names, rows


def export_requests(httpserver):
    return [request for request, _ in httpserver.log if request.path.endswith("/exports/geojson")]


def test_more_than_10000_records_in_one_export_with_odd_geometry_field(httpserver, source, tmp_path):
    portal = serve_dataset(
        httpserver,
        "arceaux-velo",
        P.POINT_FIELDS,
        P.point_features(12345),
        title="Arceaux vélo",
        records_count=12345,
    )
    output = str(tmp_path / "out.gpkg")
    result = source.fetch(
        {"portal": portal + "/api/explore/v2.1/", "dataset": "arceaux-velo"},
        file_target(output, "bicycle_parking"),
        "bicycle_parking",
    )
    assert result.feature_count == 12345 and not result.warnings
    assert result.licence == "Licence Ouverte v2.0" and result.source == portal.rstrip("/")
    # one export request, no paging through /records
    assert len(export_requests(httpserver)) == 1
    assert not any("/records" in request.path for request, _ in httpserver.log)
    dataset, layer, names, rows = read_layer(output, "bicycle_parking")
    assert names[:6] == COMMON and "coordonnees" in names and "capacite" in names
    assert layer.GetSpatialRef().GetAuthorityCode(None) == "4326"
    assert ogr.GeometryTypeToName(layer.GetGeomType()) == "Point"
    assert len(rows) == 12345
    first, point = rows[0]
    assert first["name"] == "Gare d'Été – Cesson-Sévigné 0" and first["nom"] == first["name"]
    assert first["category"] == "bicycle_parking" and first["source_dataset"] == "arceaux-velo"
    assert first["licence"] == "Licence Ouverte v2.0" and first["fetched_at"].endswith("Z")
    assert first["capacite"] == 0 and first["ouvert"] in (1, True)
    assert (round(point.x, 7), round(point.y, 7)) == (-1.7, 48.05)
    last, point = rows[-1]
    assert last["idobj"] == "ID012344" and round(point.y, 3) == 48.062
    assert '"vélo"' in first["usages"]  # lists kept as JSON text


def test_geo_shape_polygons_promoted_to_multi_with_null_geometry(httpserver, source, tmp_path):
    portal = serve_dataset(
        httpserver, "quartiers", P.SHAPE_FIELDS, P.polygon_features(), records_count=3, licence="ODbL"
    )
    output = str(tmp_path / "q.gpkg")
    result = source.fetch({"portal": portal, "dataset": "quartiers"}, file_target(output, "quartiers"), "other")
    assert result.feature_count == 3
    _dataset, layer, names, rows = read_layer(output, "quartiers")
    assert ogr.GeometryTypeToName(layer.GetGeomType()) == "Multi Polygon"
    assert [row["name"] for row, _ in rows] == [
        "Centre-Ville",
        "Thabor - Saint-Hélier - Alphonse Guérin",
        "Périmètre à définir",
    ]
    assert rows[0][1].geom_type == "MultiPolygon" and abs(rows[0][1].area - 0.0001) < 1e-9
    assert len(rows[1][1].geoms) == 2 and rows[2][1] is None
    assert {row["licence"] for row, _ in rows} == {"ODbL"}


def test_null_geometries_kept_in_point_layer(httpserver, source, tmp_path):
    portal = serve_dataset(httpserver, "bornes", P.POINT_FIELDS, P.point_features(50, null_every=10))
    output = str(tmp_path / "b.gpkg")
    source.fetch({"portal": portal, "dataset": "bornes"}, file_target(output, "bornes"), "charging_station")
    _dataset, _layer, _names, rows = read_layer(output, "bornes")
    assert len(rows) == 50 and sum(geometry is None for _, geometry in rows) == 5


def test_dataset_without_geometry_loads_as_typed_table(httpserver, source, tmp_path):
    portal = serve_dataset(httpserver, "comptages", P.TABLE_FIELDS, P.table_features(5), records_count=5)
    output = str(tmp_path / "t.gpkg")
    result = source.fetch(
        {"portal": portal, "dataset": "comptages", "name_field": "site"},
        file_target(output, "comptages"),
        "traffic_counter",
    )
    assert result.feature_count == 5
    _dataset, layer, names, rows = read_layer(output, "comptages")
    assert layer.GetGeomType() == ogr.wkbNone
    definition = layer.GetLayerDefn()
    assert definition.GetFieldDefn(definition.GetFieldIndex("comptage")).GetType() == ogr.OFTInteger
    assert definition.GetFieldDefn(definition.GetFieldIndex("taux")).GetType() == ogr.OFTReal
    assert rows[1][0]["name"] == "Compteur n°1 – Vilaine" and rows[1][0]["taux"] == 0.25


def test_extent_becomes_in_bbox_lat_first_and_combines_with_where(httpserver, source, tmp_path):
    portal = serve_dataset(httpserver, "arceaux", P.POINT_FIELDS, P.point_features(3))
    source.fetch(
        {
            "portal": portal,
            "dataset": "arceaux",
            "where": "capacite > 2",
            "extent": [-1.75, 48.0, -1.6, 48.2],
        },
        file_target(str(tmp_path / "o.gpkg"), "a"),
        "bicycle_parking",
    )
    where = parse_qs(urlsplit(export_requests(httpserver)[0].url).query)["where"][0]
    assert where == ("(capacite > 2) AND (in_bbox(`coordonnees`, 48.0000000, -1.7500000, 48.2000000, -1.6000000))")


def test_records_count_mismatch_is_a_warning(httpserver, source, tmp_path):
    portal = serve_dataset(httpserver, "arceaux", P.POINT_FIELDS, P.point_features(3), records_count=4)
    result = source.fetch({"portal": portal, "dataset": "arceaux"}, file_target(str(tmp_path / "o.gpkg"), "a"), "other")
    assert result.feature_count == 3 and "4" in result.warnings[0]


# -- errors: each names the portal and the dataset, and leaves no half-written layer ---------------


def existing_output(tmp_path):
    path = str(tmp_path / "keep.gpkg")
    with open(path, "wb") as handle:
        handle.write(b"previous content")
    return path


def assert_untouched(path, tmp_path):
    with open(path, "rb") as handle:
        assert handle.read() == b"previous content"
    assert not [name for name in os.listdir(tmp_path) if name.startswith(".")]


def test_odsql_error_400(httpserver, source, tmp_path):
    httpserver.expect_request(f"{P.API}/catalog/datasets/arceaux").respond_with_json(
        P.dataset_entry("arceaux", P.POINT_FIELDS)
    )
    httpserver.expect_request(f"{P.API}/catalog/datasets/arceaux/exports/geojson").respond_with_json(
        {
            "message": "ODSQL query is malformed: capacite >>> 2 Clause(s) containing the error(s): where.",
            "error_code": "ODSQLError",
        },
        status=400,
    )
    output = existing_output(tmp_path)
    with pytest.raises(ReplyError) as info:
        source.fetch(
            {"portal": httpserver.url_for("/"), "dataset": "arceaux", "where": "capacite >>> 2"},
            file_target(output, "a"),
            "other",
        )
    text = str(info.value)
    assert httpserver.url_for("/").rstrip("/") in text and "arceaux" in text and "ODSQL filter was rejected" in text
    assert "capacite >>> 2" in text and info.value.status == 400
    assert_untouched(output, tmp_path)


def test_private_dataset_401(httpserver, source, tmp_path):
    httpserver.expect_request(f"{P.API}/catalog/datasets/prive").respond_with_json(
        P.dataset_entry("prive", P.POINT_FIELDS)
    )
    httpserver.expect_request(f"{P.API}/catalog/datasets/prive/exports/geojson").respond_with_json(
        {"error_code": "AuthenticationRequired", "message": "This dataset requires authentication."},
        status=401,
    )
    output = existing_output(tmp_path)
    with pytest.raises(ReplyError, match="prive: access denied") as info:
        source.fetch({"portal": httpserver.url_for("/"), "dataset": "prive"}, file_target(output, "a"), "other")
    assert "API key" in str(info.value) and info.value.status == 401
    assert_untouched(output, tmp_path)


def test_unknown_dataset_404(httpserver, source, tmp_path):
    httpserver.expect_request(f"{P.API}/catalog/datasets/inconnu").respond_with_json(
        {"error_code": "NotFound", "message": "Unknown dataset: inconnu"}, status=404
    )
    output = str(tmp_path / "none.gpkg")
    with pytest.raises(ReplyError, match="inconnu: not found on this portal") as info:
        source.fetch({"portal": httpserver.url_for("/"), "dataset": "inconnu"}, file_target(output, "a"), "other")
    assert "Unknown dataset" in str(info.value)
    assert not os.path.exists(output) and not export_requests(httpserver)


def test_quota_429(httpserver, source, tmp_path):
    source.transport.retries = 0
    httpserver.expect_request(f"{P.API}/catalog/datasets/arceaux").respond_with_json(
        {
            "errorcode": 10002,
            "reset_time": "2031-01-26T00:00:00Z",
            "limit_time_unit": "day",
            "call_limit": 10000,
            "error": "Too many requests on the domain. Please contact the domain administrator.",
        },
        status=429,
        headers={"X-RateLimit-Limit": "10000", "X-RateLimit-Remaining": "0"},
    )
    with pytest.raises(ReplyError, match="arceaux: the portal's API quota is used up") as info:
        source.fetch(
            {"portal": httpserver.url_for("/"), "dataset": "arceaux"},
            file_target(str(tmp_path / "o.gpkg"), "a"),
            "other",
        )
    assert "2031-01-26T00:00:00Z" in str(info.value) and "10000/day" in str(info.value)
    assert info.value.status == 429


@pytest.mark.parametrize("where", ["metadata", "export"])
def test_html_instead_of_json(httpserver, source, tmp_path, where):
    page = "<!DOCTYPE html><html><head><title>Maintenance</title></head><body>Portail fermé</body></html>"
    if where == "metadata":
        httpserver.expect_request(f"{P.API}/catalog/datasets/arceaux").respond_with_data(page, content_type="text/html")
    else:
        httpserver.expect_request(f"{P.API}/catalog/datasets/arceaux").respond_with_json(
            P.dataset_entry("arceaux", P.POINT_FIELDS)
        )
        httpserver.expect_request(f"{P.API}/catalog/datasets/arceaux/exports/geojson").respond_with_data(
            page, content_type="text/html; charset=utf-8"
        )
    output = existing_output(tmp_path)
    with pytest.raises(ReplyError, match="arceaux: the portal answered with a web page instead of data"):
        source.fetch({"portal": httpserver.url_for("/"), "dataset": "arceaux"}, file_target(output, "a"), "other")
    assert_untouched(output, tmp_path)


def serve_cut_export(metadata: bytes, export: bytes, announced: int):
    """A raw portal: metadata in full, then an export that announces `announced` bytes and stops early."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)

    def run():
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            request = conn.recv(65536).decode("latin-1")
            if "/exports/" in request.split("\r\n", 1)[0]:
                conn.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/geo+json\r\nContent-Length: "
                    + str(announced).encode()
                    + b"\r\n\r\n"
                    + export
                )
            else:
                conn.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                    + str(len(metadata)).encode()
                    + b"\r\nConnection: close\r\n\r\n"
                    + metadata
                )
            conn.close()

    threading.Thread(target=run, daemon=True).start()
    return f"http://127.0.0.1:{server.getsockname()[1]}", server


def test_stream_cut_half_way(source, tmp_path):
    import json

    body = P.export_bytes(P.point_features(2000))
    metadata = json.dumps(P.dataset_entry("arceaux", P.POINT_FIELDS)).encode()
    portal, server = serve_cut_export(metadata, body[: len(body) // 2], len(body))
    output = existing_output(tmp_path)
    try:
        with pytest.raises(NetworkError, match="arceaux: the download was cut before its end") as info:
            source.fetch({"portal": portal, "dataset": "arceaux"}, file_target(output, "a"), "other")
    finally:
        server.close()
    assert portal in str(info.value)
    assert_untouched(output, tmp_path)


def test_export_ending_early_without_length_is_refused_and_not_cached(httpserver, source, tmp_path):
    body = P.export_bytes(P.point_features(3000))
    httpserver.expect_request(f"{P.API}/catalog/datasets/arceaux").respond_with_json(
        P.dataset_entry("arceaux", P.POINT_FIELDS)
    )
    # chunked reply that ends cleanly but in the middle of the JSON (the portal's worker died)
    httpserver.expect_request(f"{P.API}/catalog/datasets/arceaux/exports/geojson").respond_with_response(
        Response(iter([body[: len(body) * 2 // 3]]), content_type="application/geo+json")
    )
    output = existing_output(tmp_path)
    with pytest.raises(ReplyError, match="arceaux: the downloaded export could not be read"):
        source.fetch({"portal": httpserver.url_for("/"), "dataset": "arceaux"}, file_target(output, "a"), "other")
    assert_untouched(output, tmp_path)
    offline = OdsSource(Transport(cache_dir=source.transport.cache.folder, offline=True))
    with pytest.raises(NetworkError, match="offline mode"):
        offline.fetch({"portal": httpserver.url_for("/"), "dataset": "arceaux"}, file_target(output, "a"), "other")


def test_missing_spec_keys():
    source = OdsSource(Transport(offline=True))
    with pytest.raises(InputError, match="'portal'"):
        source.fetch({"dataset": "x"}, file_target("o.gpkg", "x"), "other")
    with pytest.raises(InputError, match="'dataset'"):
        source.fetch({"portal": "https://data.example.fr"}, file_target("o.gpkg", "x"), "other")


def test_extent_on_a_table_is_an_error(httpserver, source, tmp_path):
    httpserver.expect_request(f"{P.API}/catalog/datasets/comptages").respond_with_json(
        P.dataset_entry("comptages", P.TABLE_FIELDS)
    )
    with pytest.raises(InputError, match="comptages: an extent was given"):
        source.fetch(
            {"portal": httpserver.url_for("/"), "dataset": "comptages", "extent": [0, 0, 1, 1]},
            file_target(str(tmp_path / "o.gpkg"), "c"),
            "other",
        )


# -- append, credentials, cancel, offline ----------------------------------------------------------


def test_append_adds_or_replaces_a_layer_and_keeps_the_others(httpserver, source, tmp_path):
    portal = serve_dataset(httpserver, "arceaux", P.POINT_FIELDS, P.point_features(7))
    output = str(tmp_path / "territory.gpkg")
    source.fetch({"portal": portal, "dataset": "arceaux"}, file_target(output, "first"), "other")
    source.fetch({"portal": portal, "dataset": "arceaux"}, layer_target(output, "second"), "bicycle_parking")
    source.fetch({"portal": portal, "dataset": "arceaux"}, layer_target(output, "second"), "bicycle_parking")
    dataset = ogr.Open(output)
    counts = {
        dataset.GetLayer(i).GetName(): dataset.GetLayer(i).GetFeatureCount() for i in range(dataset.GetLayerCount())
    }
    assert counts == {"first": 7, "second": 7}
    dataset = None
    httpserver.clear()
    httpserver.expect_request(f"{P.API}/catalog/datasets/arceaux").respond_with_json(
        P.dataset_entry("arceaux", P.POINT_FIELDS)
    )
    httpserver.expect_request(f"{P.API}/catalog/datasets/arceaux/exports/geojson").respond_with_data(
        b'{"type":"FeatureCollection","features":[{"type":"Feat', content_type="application/geo+json"
    )
    with pytest.raises(ReplyError):
        source.fetch({"portal": portal, "dataset": "arceaux"}, layer_target(output, "third"), "other")
    dataset = ogr.Open(output)
    assert sorted(dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())) == [
        "first",
        "second",
    ]
    assert not [name for name in os.listdir(tmp_path) if name.startswith(".")]


def test_private_dataset_with_apikey_authcfg(httpserver, source, tmp_path):
    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        manager.setMasterPassword("test-master", True)
    config = QgsAuthMethodConfig("Basic")
    config.setName("Rennes API key")
    config.setConfig("username", "apikey")
    config.setConfig("password", "0123abcd")
    assert manager.storeAuthenticationConfig(config)[0]
    key = {"Authorization": "Apikey 0123abcd"}
    httpserver.expect_request(f"{P.API}/catalog/datasets/prive", headers=key).respond_with_json(
        P.dataset_entry("prive", P.POINT_FIELDS)
    )
    httpserver.expect_request(f"{P.API}/catalog/datasets/prive/exports/geojson", headers=key).respond_with_data(
        P.export_bytes(P.point_features(4)), content_type="application/geo+json"
    )
    result = source.fetch(
        {"portal": httpserver.url_for("/"), "dataset": "prive", "authcfg": config.id()},
        file_target(str(tmp_path / "p.gpkg"), "p"),
        "other",
    )
    assert result.feature_count == 4 and "0123abcd" not in result.url


def test_cancel_leaves_nothing(httpserver, source, tmp_path):
    portal = serve_dataset(httpserver, "arceaux", P.POINT_FIELDS, P.point_features(20))
    feedback = QgsProcessingFeedback(False)
    feedback.cancel()
    output = existing_output(tmp_path)
    with pytest.raises(Cancelled):
        source.fetch({"portal": portal, "dataset": "arceaux"}, file_target(output, "a"), "other", feedback=feedback)
    assert_untouched(output, tmp_path)


def test_offline_load_from_cache(httpserver, source, tmp_path):
    portal = serve_dataset(httpserver, "arceaux", P.POINT_FIELDS, P.point_features(9))
    source.fetch({"portal": portal, "dataset": "arceaux"}, file_target(str(tmp_path / "a.gpkg"), "a"), "other")
    served = len(httpserver.log)
    offline = OdsSource(Transport(cache_dir=source.transport.cache.folder, offline=True))
    result = offline.fetch(
        {"portal": portal, "dataset": "arceaux"}, file_target(str(tmp_path / "b.gpkg"), "b"), "other"
    )
    assert result.feature_count == 9 and len(httpserver.log) == served


# -- catalog -----------------------------------------------------------------------------------------


def test_search_with_theme_and_geo_only(httpserver, source):
    entries = [
        P.dataset_entry("arceaux", P.POINT_FIELDS, title="Arceaux vélo", records_count=12),
        P.dataset_entry("comptages", P.TABLE_FIELDS, title="Comptages vélo"),
    ]
    httpserver.expect_request(f"{P.API}/catalog/datasets").respond_with_json({"total_count": 42, "results": entries})
    total, found = source.search_datasets(httpserver.url_for("/"), 'vélo "cargo"', theme="Mobilité", geo_only=True)
    query = parse_qs(urlsplit(httpserver.log[0][0].url).query)
    assert query["where"] == ['search("vélo \\"cargo\\"")']
    assert sorted(query["refine"]) == ["features:geo", "theme:Mobilité"] and query["limit"] == ["100"]
    assert total == 42 and [d.dataset_id for d in found] == ["arceaux"]
    assert found[0].geometry_field.name == "coordonnees" and found[0].records_count == 12
    assert found[0].description == "Jeu de données ouvert & géolocalisé"


def test_describe(httpserver, source):
    httpserver.expect_request(f"{P.API}/catalog/datasets/quartiers").respond_with_json(
        P.dataset_entry("quartiers", P.SHAPE_FIELDS, licence="ODbL", records_count=12)
    )
    described = source.describe({"portal": httpserver.url_for("/"), "dataset": "quartiers"})
    assert described["licence"] == "ODbL" and described["records_count"] == 12
    assert described["geometry_field"] == "geo_shape" and described["geometry_type"] == "geo_shape"
    assert [f["name"] for f in described["fields"]][:2] == ["geo_point_2d", "geo_shape"]
    assert described["page_url"].endswith("/explore/dataset/quartiers/")


@pytest.mark.parametrize("extension", ["geojson", "shp"])
def test_other_output_formats(httpserver, source, tmp_path, extension):
    portal = serve_dataset(httpserver, "quartiers", P.SHAPE_FIELDS, P.polygon_features())
    output = str(tmp_path / f"quartiers.{extension}")
    result = source.fetch({"portal": portal, "dataset": "quartiers"}, file_target(output, "quartiers"), "other")
    dataset = ogr.Open(output)
    assert result.feature_count == dataset.GetLayer(0).GetFeatureCount() == 3
    assert not [name for name in os.listdir(tmp_path) if name.startswith(".")]
