"""openterritory:rudi_load through Processing, against a local RUDI producer node."""

import json

import pytest
from open_territory.processing.algorithms.rudi_load import RudiLoadAlgorithm
from osgeo import ogr
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

GLOBAL_ID = "28b84a7d-876a-461a-9418-335ecac5ab34"


def node_item(base, formats):
    # The keys a producer node item carries (file_size as a string, a null among the formats).
    return {
        "resource_title": "Arceaux vélos",
        "global_id": GLOBAL_ID,
        "synopsis": [{"lang": "fr", "text": "Arceaux à vélos de Rennes Métropole."}],
        "theme": "Mobilité, Transport",
        "keywords": ["vélo"],
        "producer": {"organization_name": "Rennes Métropole"},
        "available_formats": formats,
        "access_condition": {"licence": {"licence_type": "STANDARD", "licence_label": "odbl-1.0"}},
    }


def media(url, file_type):
    return {
        "media_type": "FILE",
        "media_name": "arceaux",
        "connector": {"url": url},
        "file_type": file_type,
        "file_size": "512",
    }


def run(parameters, feedback=None):
    algorithm = RudiLoadAlgorithm().create()
    context = QgsProcessingContext()
    ok, message = algorithm.checkParameterValues(parameters, context)
    assert ok, message
    return algorithm.processAlgorithm(parameters, context, feedback or QgsProcessingFeedback())


def test_loads_geojson_media_with_common_fields(httpserver, tmp_path):
    base = httpserver.url_for("").rstrip("/")
    formats = [None, media(f"{base}/media/pdf", "application/pdf"), media(f"{base}/media/geo", "application/geo+json")]
    httpserver.expect_request(f"/api/v1/resources/{GLOBAL_ID}").respond_with_json(node_item(base, formats))
    features = [
        {
            "type": "Feature",
            "properties": {"nom": f"Arceau n°{i}", "capacite": "4"},
            "geometry": {"type": "Point", "coordinates": [-1.68, 48.11 + i / 1000]},
        }
        for i in range(3)
    ]
    httpserver.expect_request("/media/geo").respond_with_data(
        json.dumps({"type": "FeatureCollection", "features": features}), content_type="application/geo+json"
    )
    output = str(tmp_path / "rudi.gpkg")
    result = run({"NODE": base, "RESOURCE": GLOBAL_ID, "NAME_FIELD": "nom", "CATEGORY": 1, "OUTPUT": output})
    assert result["OUTPUT"] == output
    dataset = ogr.Open(output)
    layer = dataset.GetLayerByName(GLOBAL_ID)
    assert layer.GetFeatureCount() == 3
    feature = layer.GetNextFeature()
    assert feature["name"] == "Arceau n°0" and feature["category"] == "bicycle_parking"
    assert feature["licence"] == "odbl-1.0" and feature["source_dataset"] == GLOBAL_ID


def test_resource_without_a_loadable_file_names_it(httpserver, tmp_path):
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request(f"/api/v1/resources/{GLOBAL_ID}").respond_with_json(
        node_item(base, [media(f"{base}/media/pdf", "application/pdf")])
    )
    output = tmp_path / "rudi.gpkg"
    with pytest.raises(QgsProcessingException, match="Arceaux vélos"):
        run({"NODE": base, "RESOURCE": GLOBAL_ID, "OUTPUT": str(output)})
    assert not output.exists()


def test_unknown_resource_gives_the_node_message(httpserver, tmp_path):
    httpserver.expect_request("/api/v1/resources/nope").respond_with_json(
        {"statusCode": 404, "error": "Not Found", "message": "No resource found with id 'nope'"}, status=404
    )
    with pytest.raises(QgsProcessingException, match="No resource found"):
        run({"NODE": httpserver.url_for("/"), "RESOURCE": "nope", "OUTPUT": str(tmp_path / "o.gpkg")})
