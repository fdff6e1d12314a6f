"""openterritory:datagouv_load through Processing, against a local udata server."""

import json

import pytest
from open_territory.plugin.toolbelt.settings import load_settings, save_settings
from open_territory.processing.algorithms.datagouv_load import DatagouvLoadAlgorithm
from osgeo import ogr
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

SLUG = "bornes-recharge"


def udata_dataset(base):
    return {
        "id": "64b7a1f0c1d2e3f4a5b6c7d8",
        "slug": SLUG,
        "title": "Bornes de recharge",
        "license": "lov2",
        "organization": {"name": "Rennes Métropole"},
        "page": f"{base}/fr/datasets/{SLUG}/",
        "resources": [
            {
                "id": "r-doc",
                "title": "Notice",
                "format": "pdf",
                "filesize": None,
                "type": "documentation",
                "url": f"{base}/files/notice.pdf",
                "mime": None,
                "extras": {},
            },
            {
                "id": "r-csv",
                "title": "bornes.csv",
                "format": "csv",
                "filesize": 120,
                "type": "main",
                "url": f"{base}/files/bornes.csv",
                "mime": "text/csv",
                "extras": {},
            },
        ],
    }


class WarningFeedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.warnings = []

    def pushWarning(self, text):  # noqa: N802
        self.warnings.append(text)
        super().pushWarning(text)


def run(parameters, feedback=None):
    """Run the algorithm as Processing does (parameter checks included), raising its error."""
    algorithm = DatagouvLoadAlgorithm().create()
    context = QgsProcessingContext()
    feedback = feedback or QgsProcessingFeedback()
    ok, message = algorithm.checkParameterValues(parameters, context)
    assert ok, message
    return algorithm.processAlgorithm(parameters, context, feedback)


def test_loads_csv_resource_with_category(httpserver, tmp_path):
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request(f"/api/1/datasets/{SLUG}/").respond_with_json(udata_dataset(base))
    csv_text = (
        "id_station;nom_station;coordonneesXY;puissance_nominale\n"
        'FR01;Parking République;"[-1.6794, 48.1100]";22,5\n'
        'FR02;Gare;"[-1.6722, 48.1036]";50\n'
    )
    httpserver.expect_request("/files/bornes.csv").respond_with_data(csv_text.encode("utf-8"))
    output = str(tmp_path / "bornes.gpkg")
    result = run({"DATASET": SLUG, "SERVER": base, "NAME_FIELD": "nom_station", "CATEGORY": 2, "OUTPUT": output})
    assert result["OUTPUT"] == output
    dataset = ogr.Open(output)
    layer = dataset.GetLayerByName("bornes-recharge")
    assert layer.GetFeatureCount() == 2
    feature = layer.GetNextFeature()
    assert feature["category"] == "charging_station" and feature["name"] == "Parking République"
    assert feature["licence"].startswith("Licence Ouverte") and feature["puissance_nominale"] == "22,5"
    assert feature.GetGeometryRef().GetX() == pytest.approx(-1.6794)


def test_large_download_logged_as_warning(httpserver, tmp_path):
    settings = load_settings()
    settings.download_warning_mb = 1
    save_settings(settings)
    base = httpserver.url_for("").rstrip("/")
    data = udata_dataset(base)
    data["resources"][1]["filesize"] = 5 * 1024 * 1024
    httpserver.expect_request(f"/api/1/datasets/{SLUG}/").respond_with_json(data)
    httpserver.expect_request("/files/bornes.csv").respond_with_data("nom;lat;lon\nA;48,1;-1,6\n")
    feedback = WarningFeedback()
    run(
        {"DATASET": SLUG, "RESOURCE": "bornes.csv", "SERVER": base, "OUTPUT": str(tmp_path / "o.gpkg")},
        feedback,
    )
    assert any("bornes.csv" in w and "5 MB" in w for w in feedback.warnings)


def test_unknown_dataset_message(httpserver, tmp_path):
    httpserver.expect_request("/api/1/datasets/inconnu/").respond_with_data(
        json.dumps({"message": "Dataset not found", "status": 404}),
        status=404,
        content_type="application/json",
    )
    with pytest.raises(QgsProcessingException, match="inconnu"):
        run({"DATASET": "inconnu", "SERVER": httpserver.url_for(""), "OUTPUT": str(tmp_path / "o.gpkg")})
