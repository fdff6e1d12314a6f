"""openterritory:gbfs_stations and gbfs_vehicles through the Processing registry, on a local server."""

import os

import pytest
from osgeo import ogr
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterVectorDestination,
)

DATA = os.path.join(os.path.dirname(__file__), "..", "plugin", "sources", "gbfs", "data")


def serve(httpserver, variant):
    base = httpserver.url_for("").rstrip("/")
    folder = os.path.join(DATA, variant)
    for name in os.listdir(folder):
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            body = handle.read().replace("{base}", base)
        route = httpserver.expect_request(f"/{variant}/{name}")
        route.respond_with_data(body, content_type="application/json")
    return f"{base}/{variant}/gbfs.json"


class Capture(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.errors = []

    def reportError(self, error, fatal=False):  # noqa: N802
        self.errors.append(error)


def run(algorithm_id, parameters):
    """Run through the registry like the toolbox does; an algorithm failure raises its message."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
    assert algorithm is not None, algorithm_id
    context, feedback = QgsProcessingContext(), Capture()
    ok, message = algorithm.checkParameterValues(parameters, context)
    assert ok, message
    results, ok = algorithm.run(parameters, context, feedback)
    if not ok:
        raise QgsProcessingException("\n".join(feedback.errors))
    return results, ok


def features(path, layer_name=None):
    dataset = ogr.Open(path)
    layer = dataset.GetLayerByName(layer_name) if layer_name else dataset.GetLayer(0)
    return [feature.items() for feature in layer]


def test_parameters_are_the_contract(provider):
    for algorithm_id in ("openterritory:gbfs_stations", "openterritory:gbfs_vehicles"):
        algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
        names = [p.name() for p in algorithm.parameterDefinitions()]
        assert names == ["FEED", "OUTPUT"]
        assert all(p.help() for p in algorithm.parameterDefinitions())
        assert isinstance(algorithm.parameterDefinition("OUTPUT"), QgsProcessingParameterVectorDestination)
        assert algorithm.shortHelpString()


def test_stations_v30_into_geopackage(provider, httpserver, tmp_path):
    feed = serve(httpserver, "v30")
    output = str(tmp_path / "stations.gpkg")
    results, ok = run("openterritory:gbfs_stations", {"FEED": feed, "OUTPUT": output})
    assert ok and results["OUTPUT"] == output and results["COUNT"] == 2
    rows = {row["station_id"]: row for row in features(output, "gbfs_stations")}
    assert rows["6efbec5a"]["vehicles_available"] == 2
    assert rows["6efbec5a"]["category"] == "bike_share_station"
    assert not [name for name in os.listdir(tmp_path) if name.startswith(".")]  # no leftover scratch file


def test_vehicles_v23_temporary_output_and_geojson(provider, httpserver, tmp_path):
    feed = serve(httpserver, "v23")
    results, ok = run("openterritory:gbfs_vehicles", {"FEED": feed, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert ok and results["OUTPUT"].endswith(".gpkg") and results["COUNT"] == 2
    assert {row["form_factor"] for row in features(results["OUTPUT"])} == {"scooter", "bicycle"}
    output = str(tmp_path / "vehicles.geojson")
    results, ok = run("openterritory:gbfs_vehicles", {"FEED": feed, "OUTPUT": output})
    assert ok and results["OUTPUT"] == output
    assert {row["vehicle_id"] for row in features(output)} == {"TST:Scooter:1234", "TST:Bike:9"}


def test_append_to_existing_geopackage(provider, httpserver, tmp_path):
    feed = serve(httpserver, "v30")
    output = str(tmp_path / "both.gpkg")
    run("openterritory:gbfs_stations", {"FEED": feed, "OUTPUT": output})
    uri = f"ogr:dbname='{output}' table=\"paris_vehicles\" (geom)"
    results, ok = run("openterritory:gbfs_vehicles", {"FEED": feed, "OUTPUT": uri})
    assert ok and results["OUTPUT"] == f"{output}|layername=paris_vehicles"
    assert len(features(output, "gbfs_stations")) == 2 and len(features(output, "paris_vehicles")) == 2


def test_errors_name_the_feed(provider, httpserver, tmp_path):
    httpserver.expect_request("/none/gbfs.json").respond_with_data("Not here", status=404)
    output = str(tmp_path / "x.gpkg")
    with pytest.raises(QgsProcessingException, match="404") as caught:
        run("openterritory:gbfs_stations", {"FEED": httpserver.url_for("/none/gbfs.json"), "OUTPUT": output})
    assert "/none/gbfs.json" in str(caught.value) and not os.path.exists(output)
    feed = serve(httpserver, "velib")
    with pytest.raises(QgsProcessingException, match="free-floating"):
        run("openterritory:gbfs_vehicles", {"FEED": feed, "OUTPUT": output})
    with pytest.raises(QgsProcessingException, match="feed"):
        run("openterritory:gbfs_stations", {"FEED": " ", "OUTPUT": output})
