"""openterritory:ods_search through Processing, against a local Opendatasoft catalog."""

import importlib.util
import os
from urllib.parse import parse_qs, urlsplit

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

spec = importlib.util.spec_from_file_location(
    "ods_payloads", os.path.join(os.path.dirname(__file__), "..", "plugin", "sources", "ods", "test_ods_payloads.py")
)
P = importlib.util.module_from_spec(spec)
spec.loader.exec_module(P)


def algorithm():
    from open_territory.processing.algorithms.ods_search import OdsSearchAlgorithm

    alg = OdsSearchAlgorithm()
    alg.initAlgorithm()
    return alg


def run(parameters):
    import processing

    context = QgsProcessingContext()
    results = processing.run(algorithm(), parameters, context=context, feedback=QgsProcessingFeedback())
    return results, context


def test_search_pages_into_a_table(qgis_processing, httpserver, tmp_path):
    def page(request):
        import json

        from werkzeug import Response

        offset = int(request.args["offset"])
        count = min(100, 130 - offset)
        entries = [
            P.dataset_entry(f"ds-{offset + i}", P.POINT_FIELDS, title=f"Vélo {offset + i}", records_count=offset + i)
            for i in range(count)
        ]
        return Response(json.dumps({"total_count": 130, "results": entries}), content_type="application/json")

    httpserver.expect_request(f"{P.API}/catalog/datasets").respond_with_handler(page)
    output = str(tmp_path / "found.gpkg")
    results, _context = run(
        {"PORTAL": httpserver.url_for("/"), "QUERY": "vélo", "GEO_ONLY": True, "LIMIT": 120, "OUTPUT": output}
    )
    layer = QgsVectorLayer(results["OUTPUT"], "found", "ogr")
    assert layer.isValid()
    rows = [f.attributes() for f in layer.getFeatures()]
    names = layer.fields().names()
    assert len(rows) == 120 and not layer.isSpatial()
    assert names[1:4] == ["dataset_id", "title", "description"]  # after the GeoPackage fid
    first = dict(zip(names, rows[0]))
    assert first["dataset_id"] == "ds-0" and first["title"] == "Vélo 0" and first["geographic"] is True
    assert first["geometry_field"] == "coordonnees" and first["licence"] == "Licence Ouverte v2.0"
    assert first["page_url"].endswith("/explore/dataset/ds-0/")
    offsets = [parse_qs(urlsplit(r.url).query)["offset"][0] for r, _ in httpserver.log]
    limits = [parse_qs(urlsplit(r.url).query)["limit"][0] for r, _ in httpserver.log]
    assert offsets == ["0", "100"] and limits == ["100", "20"]
    assert parse_qs(urlsplit(httpserver.log[0][0].url).query)["refine"] == ["features:geo"]


def test_search_error(qgis_processing, httpserver):
    httpserver.expect_request(f"{P.API}/catalog/datasets").respond_with_json(
        {"error_code": "ODSQLError", "message": "ODSQL query is malformed"}, status=400
    )
    with pytest.raises(QgsProcessingException, match="ODSQL"):
        run({"PORTAL": httpserver.url_for("/"), "QUERY": "x", "OUTPUT": "TEMPORARY_OUTPUT"})


def test_registered_parameters(qgis_processing):
    alg = algorithm()
    names = [p.name() for p in alg.parameterDefinitions()]
    assert {"PORTAL", "QUERY", "GEO_ONLY", "OUTPUT"} <= set(names) and all(p.help() for p in alg.parameterDefinitions())
    assert QgsApplication.processingRegistry() is not None
