"""openterritory:load_territory through Processing: the handmade territory and the bundled demo."""

import json
import os
import sqlite3

import pytest
from osgeo import ogr
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

from ..plugin.profiles.conftest import FAKE_DATASETS, fake_sources, territory_file  # noqa: F401 - fixtures


def run(parameters):
    # Through the registry rather than `processing.run`: under `python -m pytest` the repository's own
    # `processing` folder shadows QGIS's processing plugin.
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("openterritory:load_territory")
    assert algorithm is not None
    feedback = ErrorsFeedback()
    results, ok = algorithm.run(parameters, QgsProcessingContext(), feedback)
    if not ok:
        raise QgsProcessingException("\n".join(feedback.errors))
    return results


class ErrorsFeedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.errors = []

    def reportError(self, error, fatalError=False):  # noqa: N802, N803
        self.errors.append(error)


def test_handmade_profile_file(provider, tmp_path, fake_sources, territory_file):  # noqa: F811
    output = str(tmp_path / "handmade.gpkg")
    result = run({"PROFILE": territory_file, "OUTPUT": output, "OFFLINE": False})
    assert result["OUTPUT"] == output and os.path.exists(output)
    assert result["LOADED"] == 4 and result["FAILED"] == 2  # boundary + 3 datasets; gbfs and a missing dataset
    assert "bike_share_station_gbfs" in result["SUMMARY"]
    dataset = ogr.Open(output)
    assert dataset.GetLayerByName("car_park_ods").GetFeatureCount() == len(FAKE_DATASETS["parkings"])


def test_bad_profile_names_the_problem(provider, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(
        json.dumps(
            {
                "version": 1,
                "id": "bad",
                "name": "Bad",
                "boundary": {"epci": "243500139"},
                "resources": {"parking": []},
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(QgsProcessingException) as caught:
        run({"PROFILE": str(path), "OUTPUT": str(tmp_path / "x.gpkg")})
    assert str(path) in str(caught.value) and "$.resources.parking" in str(caught.value)
    assert not (tmp_path / "x.gpkg").exists()


def test_demo_profile_offline(provider, tmp_path):
    """The bundled demo through the real sources and transport, from its recorded replies."""
    from open_territory.plugin.profiles.profile import load_profile

    from .demo_expectations import expected_demo_counts

    output = str(tmp_path / "demo.gpkg")
    result = run({"PROFILE": "demo", "OUTPUT": output, "OFFLINE": True})
    expected = expected_demo_counts(load_profile("demo"))
    with sqlite3.connect(output) as db:
        rows = {
            layer: (status, count, message)
            for layer, status, count, message in db.execute("SELECT layer, status, feature_count, message FROM sources")
        }
    dataset = ogr.Open(output)
    for layer, count in expected.items():
        assert rows[layer][0] == "ok", f"{layer}: {rows[layer]}"
        assert dataset.GetLayerByName(layer).GetFeatureCount() == count == rows[layer][1], layer
    from open_territory.plugin.sources import registry

    unavailable = {e.layer for e in load_profile("demo").resources if e.source not in registry.SOURCES}
    failed = {layer for layer, (status, _count, _message) in rows.items() if status == "failed"}
    assert failed == unavailable, result["SUMMARY"]
    assert result["LOADED"] == len(expected)


def test_offline_mode_of_the_settings_applies(provider, tmp_path, httpserver, fake_sources, territory_file):  # noqa: F811
    """OFFLINE left at its default: the settings' offline mode still keeps the load off the network."""
    from open_territory.plugin.toolbelt.settings import load_settings, save_settings

    from ..plugin.profiles.conftest import BOUNDARY

    httpserver.expect_request("/communes").respond_with_json(BOUNDARY)
    data = json.load(open(territory_file, encoding="utf-8"))
    data["boundary"] = {"epci": "200099999", "server": httpserver.url_for("/").rstrip("/")}
    path = tmp_path / "geo.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    settings = load_settings()
    settings.offline = True
    save_settings(settings)
    result = run({"PROFILE": str(path), "OUTPUT": str(tmp_path / "t.gpkg")})
    assert len(httpserver.log) == 0
    with sqlite3.connect(tmp_path / "t.gpkg") as db:
        status, message = db.execute("SELECT status, message FROM sources WHERE layer = 'boundary'").fetchone()
    assert status == "failed" and "cache" in message, result["SUMMARY"]
