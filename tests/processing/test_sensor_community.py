"""openterritory:sensor_community through the Processing registry, on a local server."""

import re

import pytest
from osgeo import ogr
from qgis.core import (
    QgsApplication,
    QgsGraduatedSymbolRenderer,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsVectorLayer,
)

ITEMS = [
    {
        "id": 1,
        "timestamp": "2024-03-01 10:00:00",
        "location": {
            "id": 7,
            "latitude": "48.11",
            "longitude": "-1.68",
            "altitude": "40",
            "country": "FR",
            "indoor": 0,
        },
        "sensor": {"id": 70, "sensor_type": {"name": "SDS011"}},
        "sensordatavalues": [{"value": "31.5", "value_type": "P1"}, {"value": "22.25", "value_type": "P2"}],
    },
    {
        "id": 2,
        "timestamp": "2024-03-01 10:02:00",
        "location": {"id": 8, "latitude": "48.10", "longitude": "-1.66", "altitude": "", "country": "FR", "indoor": 1},
        "sensor": {"id": 80, "sensor_type": {"name": "BME280"}},
        "sensordatavalues": [
            {"value": "nan", "value_type": "temperature"},
            {"value": "55.0", "value_type": "humidity"},
        ],
    },
]


class Capture(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.errors, self.warnings = [], []

    def reportError(self, error, fatal=False):  # noqa: N802
        self.errors.append(error)

    def pushWarning(self, warning):  # noqa: N802
        self.warnings.append(warning)


def run(parameters, context=None, feedback=None):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("openterritory:sensor_community")
    context, feedback = context or QgsProcessingContext(), feedback or Capture()
    results, ok = algorithm.run(parameters, context, feedback)
    if not ok:
        raise QgsProcessingException("\n".join(feedback.errors))
    return results


def test_parameters_are_the_contract(provider):
    algorithm = QgsApplication.processingRegistry().algorithmById("openterritory:sensor_community")
    names = [p.name() for p in algorithm.parameterDefinitions()]
    assert names[:2] == ["EXTENT", "SENSOR_TYPES"] and names[-1] == "OUTPUT" and "SERVER" in names
    assert (
        algorithm.parameterDefinition("SENSOR_TYPES").flags()
        & algorithm.parameterDefinition("SENSOR_TYPES").FlagOptional
    )
    assert algorithm.parameterDefinition("SERVER").defaultValue() == "https://data.sensor.community"
    assert all(p.help() for p in algorithm.parameterDefinitions())


def test_extent_in_lambert93_sent_as_wgs84_box(provider, httpserver, tmp_path):
    httpserver.expect_request(re.compile(r"/airrohr/v1/filter/box=.*")).respond_with_json(ITEMS)
    output = str(tmp_path / "sensors.gpkg")
    results = run(
        {
            "EXTENT": "345000,360000,6780000,6795000 [EPSG:2154]",
            "SENSOR_TYPES": "SDS011,BME280",
            "SERVER": httpserver.url_for(""),
            "OUTPUT": output,
        }
    )
    assert results["OUTPUT"] == output and results["COUNT"] == 2
    request, _ = httpserver.log[0]
    match = re.fullmatch(
        r"/airrohr/v1/filter/box=([-\d.]+),([-\d.]+),([-\d.]+),([-\d.]+)&type=SDS011,BME280", request.path
    )
    assert match, request.path
    south, west, north, east = (float(v) for v in match.groups())
    assert 47.9 < south < north < 48.3 and -1.9 < west < east < -1.4  # lat first, then lon
    dataset = ogr.Open(output)
    rows = {f["location_id"]: f.items() for f in dataset.GetLayer(0)}
    assert rows["7"]["pm25"] == pytest.approx(22.25) and rows["8"]["temperature"] is None
    assert rows["8"]["indoor"] == 1 and rows["7"]["licence"] == "ODbL"


def test_loaded_output_gets_the_pm25_style(provider, httpserver, tmp_path, qgis_new_project):
    httpserver.expect_request(re.compile(r"/airrohr/v1/filter/box=.*")).respond_with_json(ITEMS)
    output = str(tmp_path / "styled.gpkg")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    run(
        {
            "EXTENT": "-1.8,-1.5,48.0,48.2 [EPSG:4326]",
            "SERVER": httpserver.url_for(""),
            "OUTPUT": QgsProcessingOutputLayerDefinition(output, QgsProject.instance()),
        },
        context,
    )
    details = context.layersToLoadOnCompletion()
    assert output in details and details[output].postProcessor() is not None
    layer = QgsVectorLayer(output, "sensors", "ogr")
    details[output].postProcessor().postProcessLayer(layer, context, QgsProcessingFeedback())
    assert isinstance(layer.renderer(), QgsGraduatedSymbolRenderer)


def test_server_errors_become_processing_errors(provider, httpserver, tmp_path):
    httpserver.expect_request(re.compile(r"/airrohr/.*")).respond_with_data(
        "<html>oops</html>", content_type="text/html"
    )
    output = str(tmp_path / "x.gpkg")
    with pytest.raises(QgsProcessingException, match="web page"):
        run({"EXTENT": "-1.8,-1.5,48.0,48.2 [EPSG:4326]", "SERVER": httpserver.url_for(""), "OUTPUT": output})
    with pytest.raises(QgsProcessingException, match="http"):
        run({"EXTENT": "-1.8,-1.5,48.0,48.2 [EPSG:4326]", "SERVER": "gopher://x", "OUTPUT": output})


def test_skipped_locations_are_reported_as_warnings(provider, httpserver, tmp_path):
    lost = {
        **ITEMS[0],
        "id": 3,
        "sensor": {"id": 90, "sensor_type": {"name": "SDS011"}},
        "location": {**ITEMS[0]["location"], "id": 9, "latitude": "inf"},
    }
    httpserver.expect_request(re.compile(r"/airrohr/v1/filter/box=.*")).respond_with_json(ITEMS + [lost])
    feedback = Capture()
    results = run(
        {
            "EXTENT": "-1.8,-1.5,48.0,48.2 [EPSG:4326]",
            "SERVER": httpserver.url_for(""),
            "OUTPUT": str(tmp_path / "s.gpkg"),
        },
        feedback=feedback,
    )
    assert results["COUNT"] == 2
    assert len(feedback.warnings) == 1 and "1" in feedback.warnings[0]
