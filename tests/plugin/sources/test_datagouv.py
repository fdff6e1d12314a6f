"""data.gouv.fr source against a local server replaying udata API 1 replies."""

import io
import json
import os
import zipfile

import pytest
from open_territory.plugin.sources.datagouv import (
    DatagouvSource,
    choose_resource,
    dataset_ref,
    resource_kind,
)
from open_territory.plugin.toolbelt.errors import InputError, ReplyError
from open_territory.plugin.toolbelt.layer_writer import file_target, layer_target
from open_territory.plugin.toolbelt.network import Transport
from open_territory.plugin.toolbelt.settings import PluginSettings
from osgeo import ogr, osr

DATASET_ID = "5d13a8b6634f41070a43dff3"
SLUG = "arceaux-velos-rennes"


def resource(rid, title, fmt, url, filesize=None, rtype="main", mime=None):
    # Shape of a udata API 1 resource, with the nulls real replies carry.
    return {
        "checksum": None,
        "created_at": "2024-12-10T06:11:04.222000+00:00",
        "description": None,
        "extras": {"check:available": True, "check:status": 200},
        "filesize": filesize,
        "filetype": "file",
        "format": fmt,
        "harvest": None,
        "id": rid,
        "last_modified": "2025-04-07T08:15:26.421000+00:00",
        "latest": f"https://www.data.gouv.fr/fr/datasets/r/{rid}",
        "metrics": {"views": 3},
        "mime": mime,
        "preview_url": None,
        "schema": None,
        "title": title,
        "type": rtype,
        "url": url,
    }


def dataset(resources, license="lov2"):
    return {
        "acronym": None,
        "archived": None,
        "badges": [],
        "created_at": "2019-06-26T19:17:42.238000+00:00",
        "deleted": None,
        "description": "Arceaux vélos de la ville.",
        "extras": {},
        "frequency": "weekly",
        "id": DATASET_ID,
        "last_update": "2025-04-07T08:15:30.581000+00:00",
        "license": license,
        "organization": {
            "id": "646b7187b50b2a93b1ae3d45",
            "name": "Ville de Rennes",
            "slug": "ville-de-rennes",
        },
        "owner": None,
        "page": f"https://www.data.gouv.fr/fr/datasets/{SLUG}/",
        "private": False,
        "resources": resources,
        "slug": SLUG,
        "tags": ["velo"],
        "title": "Arceaux vélos",
    }


def geojson_bytes(n=2):
    features = [
        {
            "type": "Feature",
            "properties": {"nom": f"Arceau {i}", "nb": i},
            "geometry": {"type": "Point", "coordinates": [-1.68 + i / 100, 48.11]},
        }
        for i in range(n)
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def shapefile_zip(tmp_path, extra_members=()):
    folder = tmp_path / "shp"
    folder.mkdir()
    driver = ogr.GetDriverByName("ESRI Shapefile")
    ds = driver.CreateDataSource(str(folder / "arceaux.shp"))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    layer = ds.CreateLayer("arceaux", srs, ogr.wkbPoint, options=["ENCODING=UTF-8"])
    layer.CreateField(ogr.FieldDefn("nom", ogr.OFTString))
    for i, name in enumerate(["Mairie", "Gare"]):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature["nom"] = name
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({351000 + i} {6789000 + i})"))
        layer.CreateFeature(feature)
    ds = None
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(os.listdir(folder)):
            archive.write(folder / name, f"ARCEAUX/{name}")
        for name, data in extra_members:
            archive.writestr(name, data)
    return buffer.getvalue()


def gpkg_bytes(tmp_path):
    path = tmp_path / "src.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    layer = ds.CreateLayer("stations", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("libelle", ogr.OFTString))
    feature = ogr.Feature(layer.GetLayerDefn())
    feature["libelle"] = "Borne République"
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (-1.68 48.11)"))
    layer.CreateFeature(feature)
    ds = None
    return path.read_bytes()


@pytest.fixture()
def source(tmp_path):
    transport = Transport(cache_dir=str(tmp_path / "cache"), offline=False, timeout=5, retries=0)
    return DatagouvSource(transport, settings=PluginSettings(download_warning_mb=100))


def serve_dataset(httpserver, resources, ref=SLUG, license="lov2"):
    httpserver.expect_request(f"/api/1/datasets/{ref}/").respond_with_json(dataset(resources, license))


def read_layer(path, name):
    ds = ogr.Open(path)
    layer = ds.GetLayerByName(name)
    rows = [(f.items(), f.GetGeometryRef().Clone() if f.GetGeometryRef() else None) for f in layer]
    srs = layer.GetSpatialRef()
    return rows, srs.GetAuthorityCode(None) if srs else None


def test_search_sends_query_and_summarizes(httpserver, source):
    reply = {
        "data": [
            dataset(
                [
                    resource("r1", "arceaux.geojson", "geojson", "http://x/a.geojson"),
                    resource("r2", "notice.pdf", "pdf", "http://x/n.pdf", rtype="documentation"),
                ]
            )
        ],
        "next_page": None,
        "page": 1,
        "page_size": 20,
        "previous_page": None,
        "total": 1,
    }
    httpserver.expect_request(
        "/api/1/datasets/", query_string={"q": "arceaux vélo", "page_size": "20", "page": "1"}
    ).respond_with_json(reply)
    found = source.search({"server": httpserver.url_for("/")}, "arceaux vélo")
    assert len(found) == 1
    entry = found[0]
    assert entry["slug"] == SLUG and entry["organization"] == "Ville de Rennes" and entry["geographic"]
    assert entry["licence"].startswith("Licence Ouverte") and [r["kind"] for r in entry["resources"]] == [
        "geojson",
        "pdf",
    ]


def test_best_geographic_resource_is_geojson(httpserver, source, tmp_path):
    resources = [
        resource("r-csv", "Export CSV", "csv", httpserver.url_for("/files/a.csv")),
        resource("r-doc", "Documentation", "pdf", httpserver.url_for("/files/doc.pdf"), rtype="documentation"),
        resource("r-geo", "Arceaux GeoJSON", "geojson", httpserver.url_for("/files/a.geojson"), filesize=900),
    ]
    serve_dataset(httpserver, resources)
    httpserver.expect_request("/files/a.geojson").respond_with_data(geojson_bytes(3), content_type="application/json")
    out = str(tmp_path / "out.gpkg")
    result = source.fetch(
        {"dataset": SLUG, "server": httpserver.url_for("/"), "name_field": "nom"},
        file_target(out, "arceaux"),
        "bicycle_parking",
    )
    assert result.feature_count == 3 and result.dataset == SLUG and result.warnings == []
    assert result.licence == "Licence Ouverte / Open Licence version 2.0"
    rows, epsg = read_layer(out, "arceaux")
    first = rows[0][0]
    assert first["category"] == "bicycle_parking" and first["name"] == "Arceau 0"
    assert first["source_dataset"] == SLUG and first["source"] == httpserver.url_for("/").rstrip("/")
    assert epsg == "4326" and rows[2][1].GetX() == pytest.approx(-1.66)


def test_zipped_shapefile_by_title_dataset_page_url(httpserver, source, tmp_path):
    resources = [
        resource("r-geo", "Arceaux GeoJSON", "geojson", httpserver.url_for("/files/a.geojson")),
        resource("r-shp", "Arceaux (Shapefile)", "esri shapefile (shp)", httpserver.url_for("/files/a.zip")),
    ]
    serve_dataset(httpserver, resources)
    httpserver.expect_request("/files/a.zip").respond_with_data(shapefile_zip(tmp_path), content_type="application/zip")
    out = str(tmp_path / "out.gpkg")
    spec = {
        "dataset": f"https://www.data.gouv.fr/fr/datasets/{SLUG}/",
        "resource": "arceaux (shapefile)",
        "server": httpserver.url_for("/"),
    }
    result = source.fetch(spec, file_target(out, "arceaux"), None)
    assert result.feature_count == 2
    rows, epsg = read_layer(out, "arceaux")
    assert epsg == "2154" and rows[0][0]["nom"] == "Mairie" and rows[0][0]["category"] == "other"
    assert rows[1][1].GetX() == pytest.approx(351001)
    # The extraction folder is gone.
    assert sorted(os.listdir(tmp_path)) == ["cache", "out.gpkg", "shp"]


def test_geopackage_by_id_and_append(httpserver, source, tmp_path):
    resources = [
        resource("aaaa-1111", "bornes.gpkg", "gpkg", httpserver.url_for("/files/b.gpkg")),
        resource("r-geo", "Arceaux GeoJSON", "geojson", httpserver.url_for("/files/a.geojson")),
    ]
    serve_dataset(httpserver, resources, ref=DATASET_ID, license="odc-odbl")
    httpserver.expect_request("/files/b.gpkg").respond_with_data(gpkg_bytes(tmp_path))
    httpserver.expect_request("/files/a.geojson").respond_with_data(geojson_bytes(1))
    out = str(tmp_path / "out.gpkg")
    server = httpserver.url_for("/")
    source.fetch(
        {"dataset": DATASET_ID, "resource": "aaaa-1111", "server": server, "name_field": "libelle"},
        file_target(out, "bornes"),
        "charging_station",
    )
    source.fetch({"dataset": DATASET_ID, "server": server}, layer_target(out, "arceaux"), "bicycle_parking")
    rows, _ = read_layer(out, "bornes")
    assert rows[0][0]["name"] == "Borne République" and rows[0][0]["licence"].endswith("(ODbL)")
    assert len(read_layer(out, "arceaux")[0]) == 1


def test_cp1252_csv_resource(httpserver, source, tmp_path):
    csv_text = "nom;lat;lon;type\r\nArceau Hôtel-Dieu;48,1147;-1,6794;arceau\r\nAbri Gare;48,1036;-1,6722;abri\r\n"
    resources = [resource("r-csv", "arceaux.csv", "csv", httpserver.url_for("/files/arceaux.csv"))]
    serve_dataset(httpserver, resources)
    httpserver.expect_request("/files/arceaux.csv").respond_with_data(
        csv_text.encode("cp1252"), content_type="text/csv"
    )
    out = str(tmp_path / "out.gpkg")
    result = source.fetch(
        {"dataset": SLUG, "server": httpserver.url_for("/"), "name_field": "nom"},
        file_target(out, "arceaux"),
        "bicycle_parking",
    )
    assert result.feature_count == 2
    rows, epsg = read_layer(out, "arceaux")
    assert rows[0][0]["name"] == "Arceau Hôtel-Dieu" and epsg == "4326"
    assert (rows[1][1].GetX(), rows[1][1].GetY()) == (pytest.approx(-1.6722), pytest.approx(48.1036))


def test_zip_with_path_escape_is_rejected(httpserver, source, tmp_path):
    payload = shapefile_zip(tmp_path, extra_members=[("../../evil", b"pwned")])
    resources = [resource("r-zip", "archive.zip", "zip", httpserver.url_for("/files/x.zip"))]
    serve_dataset(httpserver, resources)
    httpserver.expect_request("/files/x.zip").respond_with_data(payload)
    out_dir = tmp_path / "deep" / "er"
    out_dir.mkdir(parents=True)
    with pytest.raises(ReplyError, match=r"evil") as info:
        source.fetch(
            {"dataset": SLUG, "server": httpserver.url_for("/")}, file_target(str(out_dir / "out.gpkg"), "x"), None
        )
    assert info.value.reason == "unsafe_archive"
    for folder, _, files in os.walk(tmp_path):
        assert "evil" not in files, folder
    assert os.listdir(out_dir) == []


@pytest.mark.parametrize(
    "status,message,expected",
    [
        (404, "Dataset not found", "does not know"),
        (410, "Dataset has been deleted", "deleted"),
        (400, "Invalid ID", "rejected"),
    ],
)
def test_dataset_errors_name_the_dataset(httpserver, source, tmp_path, status, message, expected):
    httpserver.expect_request("/api/1/datasets/nope/").respond_with_json(
        {"message": message, "status": status}, status=status
    )
    with pytest.raises(ReplyError) as info:
        source.fetch(
            {"dataset": "nope", "server": httpserver.url_for("/")}, file_target(str(tmp_path / "o.gpkg"), "x"), None
        )
    text = str(info.value)
    assert expected in text and "'nope'" in text and message in text
    assert not os.path.exists(tmp_path / "o.gpkg")


def test_missing_resource_lists_titles(httpserver, source, tmp_path):
    serve_dataset(httpserver, [resource("r1", "Arceaux 2024", "geojson", "http://x/a.geojson")])
    with pytest.raises(InputError, match="Arceaux 2024"):
        source.fetch(
            {"dataset": SLUG, "resource": "Arceaux 2019", "server": httpserver.url_for("/")},
            file_target(str(tmp_path / "o.gpkg"), "x"),
            None,
        )


def test_dead_resource_file_names_resource(httpserver, source, tmp_path):
    serve_dataset(httpserver, [resource("r1", "Arceaux 2024", "geojson", httpserver.url_for("/files/gone"))])
    httpserver.expect_request("/files/gone").respond_with_json({"message": "Not found", "status": 404}, status=404)
    with pytest.raises(ReplyError, match=r"Arceaux 2024.*arceaux-velos-rennes.*404"):
        source.fetch(
            {"dataset": SLUG, "server": httpserver.url_for("/")}, file_target(str(tmp_path / "o.gpkg"), "x"), None
        )


def test_no_geographic_resource(httpserver, source, tmp_path):
    serve_dataset(httpserver, [resource("r1", "Rapport", "pdf", "http://x/r.pdf")])
    with pytest.raises(ReplyError, match="pdf"):
        source.fetch(
            {"dataset": SLUG, "server": httpserver.url_for("/")}, file_target(str(tmp_path / "o.gpkg"), "x"), None
        )


def test_large_download_warns_from_head(httpserver, tmp_path):
    transport = Transport(cache_dir=str(tmp_path / "cache"), offline=False, timeout=5, retries=2)
    small_limit = DatagouvSource(transport, settings=PluginSettings(download_warning_mb=1))
    body = geojson_bytes(12000)
    assert len(body) > 1024 * 1024
    serve_dataset(httpserver, [resource("r1", "Gros fichier", "geojson", httpserver.url_for("/files/big"))])
    httpserver.expect_request("/files/big", method="HEAD").respond_with_data(body)
    httpserver.expect_request("/files/big", method="GET").respond_with_data(body)
    _, chosen, size = small_limit.resolve({"dataset": SLUG, "server": httpserver.url_for("/")})
    assert size == len(body) and small_limit.too_large(size) and chosen["id"] == "r1"
    result = small_limit.fetch(
        {"dataset": SLUG, "server": httpserver.url_for("/")}, file_target(str(tmp_path / "o.gpkg"), "big"), None
    )
    assert result.feature_count == 12000
    assert any("Gros fichier" in w and "MB" in w for w in result.warnings)


@pytest.mark.parametrize(
    "fmt,url,kind",
    [
        ("esri shapefile (shp)", "https://x/a.zip", "shapefile"),
        ("ZIP", "https://x/a", "zip"),
        ("", "https://x/arceaux.geojson?v=2", "geojson"),
        ("csv", "https://x/a", "csv"),
        ("GeoPackage", "https://x/a", "gpkg"),
        ("json", "https://x/a", "json"),
        ("pdf", "https://x/a.pdf", "pdf"),
    ],
)
def test_resource_kind(fmt, url, kind):
    assert resource_kind({"format": fmt, "url": url}) == kind


def test_choose_prefers_main_geojson_then_shapefile():
    data = dataset(
        [
            resource("a", "doc.geojson", "geojson", "u", rtype="documentation"),
            resource("b", "a.csv", "csv", "u"),
            resource("c", "a.zip", "esri shapefile (shp)", "u"),
        ]
    )
    assert choose_resource(data)["id"] == "c"


def test_dataset_ref_from_urls():
    assert dataset_ref("https://www.data.gouv.fr/fr/datasets/arceaux-velos/") == "arceaux-velos"
    assert dataset_ref("https://www.data.gouv.fr/api/1/datasets/5d13a8b6/") == "5d13a8b6"
    assert dataset_ref(" arceaux ") == "arceaux"


def test_loading_again_replaces_the_layer(httpserver, source, tmp_path):
    serve_dataset(httpserver, [resource("r1", "a.geojson", "geojson", httpserver.url_for("/files/a.geojson"))])
    httpserver.expect_request("/files/a.geojson").respond_with_data(geojson_bytes(2))
    out = str(tmp_path / "out.gpkg")
    spec = {"dataset": SLUG, "server": httpserver.url_for("/")}
    source.fetch(spec, file_target(out, "first"), None)
    source.fetch(spec, layer_target(out, "arceaux"), None)
    assert source.fetch(spec, layer_target(out, "arceaux"), None).feature_count == 2
    dataset = ogr.Open(out)
    assert dataset.GetLayerByName("arceaux").GetFeatureCount() == 2 and dataset.GetLayerCount() == 2
