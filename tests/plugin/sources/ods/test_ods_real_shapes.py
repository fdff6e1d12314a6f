"""Opendatasoft replies in the shapes the real portals send that the built payloads do not cover: an export
whose geo_point_2d property is a `[lat, lon]` list (data/ods/, after a real Finistère festivals export)
and the 400 `InvalidRESTParameterError` reply."""

import os

import pytest
from open_territory.plugin.sources.ods import OdsSource
from open_territory.plugin.toolbelt.errors import ReplyError
from open_territory.plugin.toolbelt.layer_writer import file_target
from open_territory.plugin.toolbelt.network import Transport
from qgis.core import QgsVectorLayer

DATA = os.path.join(os.path.dirname(__file__), "data")
API = "/api/explore/v2.1"
DATASET = "festivals-finistere"

# Town centres, from a gazetteer rather than from the fixture: (longitude, latitude).
TOWNS = {
    "BREST": (-4.486, 48.390),
    "QUIMPER": (-4.102, 47.996),
    "MORLAIX": (-3.828, 48.578),
    "CONCARNEAU": (-3.919, 47.875),
}


def read(name) -> bytes:
    with open(os.path.join(DATA, name), "rb") as handle:
        return handle.read()


@pytest.fixture()
def source(tmp_path):
    return OdsSource(Transport(cache_dir=str(tmp_path / "cache"), offline=False, timeout=10, retries=0))


def serve_festivals(httpserver):
    httpserver.expect_request(f"{API}/catalog/datasets/{DATASET}").respond_with_data(
        read("festivals_dataset.json"), content_type="application/json; charset=utf-8"
    )
    httpserver.expect_request(f"{API}/catalog/datasets/{DATASET}/exports/geojson").respond_with_data(
        read("festivals_export.geojson"), content_type="application/geo+json"
    )
    return httpserver.url_for("/")


def test_lat_lon_list_property_loads_as_correct_points(httpserver, source, tmp_path):
    portal = serve_festivals(httpserver)
    output = str(tmp_path / "festivals.gpkg")
    result = source.fetch(
        {"portal": portal, "dataset": DATASET, "name_field": "nom_de_la_manifestation"},
        file_target(output, "festivals"),
        "other",
    )
    assert result.feature_count == 4
    layer = QgsVectorLayer(f"{output}|layername=festivals", "festivals", "ogr")
    assert layer.isValid() and layer.crs().authid() == "EPSG:4326" and layer.featureCount() == 4
    seen = set()
    for feature in layer.getFeatures():
        point = feature.geometry().asPoint()
        lon, lat = TOWNS[feature["commune_principale"]]
        # Within about 100 m of the town centre: x is the longitude, y the latitude.
        assert abs(point.x() - lon) < 0.002 and abs(point.y() - lat) < 0.002, feature["commune_principale"]
        # The [lat, lon] list stays an attribute (a JSON field, which QGIS reads as a list), latitude first,
        # and agrees with the point.
        assert list(feature["coordonnees_insee"]) == pytest.approx([point.y(), point.x()])
        assert feature["name"] == feature["nom_de_la_manifestation"] and feature["dept_sk"] == 29.0
        seen.add(feature["commune_principale"])
    assert seen == set(TOWNS)
    assert "FÊTE DES FILETS BLEUS" in {f["name"] for f in layer.getFeatures()}


def test_each_festival_is_named_after_itself_without_being_told(httpserver, source, tmp_path):
    # Before issue 14: nom_departement ("Finistère") named all of them, the first field starting with "nom_".
    portal = serve_festivals(httpserver)
    output = str(tmp_path / "festivals.gpkg")
    result = source.fetch({"portal": portal, "dataset": DATASET}, file_target(output, "festivals"), "other")
    layer = QgsVectorLayer(f"{output}|layername=festivals", "festivals", "ogr")
    names = [feature["name"] for feature in layer.getFeatures()]
    assert result.feature_count == 4 and result.warnings == []
    assert names == [feature["nom_de_la_manifestation"] for feature in layer.getFeatures()] and len(set(names)) == 4


def test_invalid_rest_parameter_400_names_portal_and_dataset(httpserver, source, tmp_path):
    portal = httpserver.url_for("/").rstrip("/")
    httpserver.expect_request(f"{API}/catalog/datasets/{DATASET}").respond_with_data(
        read("festivals_dataset.json"), content_type="application/json; charset=utf-8"
    )
    httpserver.expect_request(f"{API}/catalog/datasets/{DATASET}/exports/geojson").respond_with_json(
        {
            "error_code": "InvalidRESTParameterError",
            "message": "Invalid value for select API parameter: nom_inconnu was found but a field name is expected.",
        },
        status=400,
    )
    output = tmp_path / "kept.gpkg"
    output.write_bytes(b"previous load")
    with pytest.raises(ReplyError) as info:
        source.fetch({"portal": portal, "dataset": DATASET}, file_target(str(output), "festivals"), "other")
    text = str(info.value)
    assert info.value.status == 400
    assert f"Opendatasoft {portal}" in text and f"dataset {DATASET}" in text
    assert "rejected the request" in text and "Invalid value for select API parameter" in text
    assert "/exports/geojson" in text
    assert output.read_bytes() == b"previous load"


def test_invalid_rest_parameter_400_in_search_names_the_portal(httpserver, source):
    portal = httpserver.url_for("/").rstrip("/")
    httpserver.expect_request(f"{API}/catalog/datasets").respond_with_json(
        {
            "error_code": "InvalidRESTParameterError",
            "message": "Invalid value for refine API parameter: 'theme' is not a facet.",
        },
        status=400,
    )
    with pytest.raises(ReplyError) as info:
        source.search_datasets(portal, "vélo", theme="Mobilité")
    text = str(info.value)
    assert f"Opendatasoft {portal}" in text and "'theme' is not a facet" in text and info.value.status == 400
