"""The territory boundary: communes of an EPCI, a list of communes, or a file in any CRS."""

import json

import pytest
from open_territory.plugin.profiles.boundary import boundary_requests, fetch_boundary, layer_extent
from open_territory.plugin.toolbelt.errors import InputError, ReplyError
from open_territory.plugin.toolbelt.layer_writer import file_target
from open_territory.plugin.toolbelt.network import Transport
from osgeo import gdal, ogr

from .conftest import BOUNDARY


@pytest.fixture()
def transport(tmp_path):
    return Transport(cache_dir=str(tmp_path / "cache"), offline=False, timeout=10, retries=0)


def test_requests_follow_geo_api():
    assert boundary_requests({"epci": "243500139"}) == [
        (
            "https://geo.api.gouv.fr/communes",
            {"codeEpci": "243500139", "format": "geojson", "geometry": "contour"},
        )
    ]
    assert [url for url, _ in boundary_requests({"communes": ["75056", "2A004"], "server": "http://h/"})] == [
        "http://h/communes/75056",
        "http://h/communes/2A004",
    ]


def test_list_of_communes_is_one_layer(tmp_path, httpserver, transport):
    for feature in BOUNDARY["features"]:
        httpserver.expect_request(f"/communes/{feature['properties']['code']}").respond_with_json(feature)
    output = str(tmp_path / "b.gpkg")
    spec = {"communes": ["99001", "99002"], "server": httpserver.url_for("/").rstrip("/")}
    result = fetch_boundary(spec, transport, file_target(output, "boundary"))
    assert result.feature_count == 2 and result.dataset == "communes:99001,99002"
    dataset = ogr.Open(output)  # kept referenced: its layers die with it
    names = sorted(f.GetField("name") for f in dataset.GetLayerByName("boundary"))
    assert names == ["Alpha", "Beta"]  # the commune's `nom` feeds the common name


def test_file_in_lambert93_gives_an_extent_in_degrees(tmp_path, transport):
    source = tmp_path / "wgs84.geojson"
    source.write_text(json.dumps(BOUNDARY), encoding="utf-8")
    lambert = str(tmp_path / "communes_2154.gpkg")
    gdal.VectorTranslate(lambert, str(source), dstSRS="EPSG:2154", srcSRS="EPSG:4326")
    output = str(tmp_path / "b.gpkg")
    fetch_boundary({"file": "communes_2154.gpkg"}, transport, file_target(output, "boundary"), base_dir=str(tmp_path))
    assert layer_extent(output) == pytest.approx([-1.62, 47.79, -1.56, 47.83], abs=1e-6)


def test_errors_name_what_went_wrong(tmp_path, httpserver, transport):
    with pytest.raises(InputError, match="missing.geojson"):
        fetch_boundary(
            {"file": "missing.geojson"},
            transport,
            file_target(str(tmp_path / "b.gpkg"), "boundary"),
            base_dir=str(tmp_path),
        )
    httpserver.expect_request("/communes").respond_with_json([])
    with pytest.raises(ReplyError, match="no commune outline"):
        fetch_boundary(
            {"epci": "000000000", "server": httpserver.url_for("/").rstrip("/")},
            transport,
            file_target(str(tmp_path / "b.gpkg"), "boundary"),
        )
    httpserver.clear()
    httpserver.expect_request("/communes").respond_with_json({"code": 400, "message": "Invalid codeEpci"}, status=400)
    with pytest.raises(ReplyError, match="Invalid codeEpci") as raised:
        fetch_boundary(
            {"epci": "1", "server": httpserver.url_for("/").rstrip("/")},
            transport,
            file_target(str(tmp_path / "b.gpkg"), "boundary"),
        )
    assert raised.value.reason == "http" and raised.value.status == 400
