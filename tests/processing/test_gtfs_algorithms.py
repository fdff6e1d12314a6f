"""openterritory:gtfs_load and gtfs_vehicles through the Processing registry."""

import os

import pytest
from osgeo import ogr
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsSymbolLayer,
    QgsVectorLayer,
)

from ..plugin.formats import protobuf_writer as pb
from ..plugin.formats.gtfs.feeds import base_feed, write_feed


class Capture(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.errors, self.warnings, self.infos = [], [], []

    def reportError(self, error, fatal=False):  # noqa: N802
        self.errors.append(error)

    def pushWarning(self, warning):  # noqa: N802
        self.warnings.append(warning)

    def pushInfo(self, info):  # noqa: N802
        self.infos.append(info)


def run(algorithm_id, parameters):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
    assert algorithm is not None, algorithm_id
    context, feedback = QgsProcessingContext(), Capture()
    ok, message = algorithm.checkParameterValues(parameters, context)
    assert ok, message
    results, ok = algorithm.run(parameters, context, feedback)
    if not ok:
        raise QgsProcessingException("\n".join(feedback.errors))
    return results, feedback, context


def labels(path):
    dataset = ogr.Open(path)
    values = [feature["label"] for feature in dataset.GetLayer(0)]
    dataset = None
    return values


@pytest.fixture(autouse=True)
def fresh_memo():
    from open_territory.plugin.sources.gtfs.memo import MEMO

    MEMO.forget()
    yield
    MEMO.forget()


def test_parameters_are_the_contract(provider):
    registry = QgsApplication.processingRegistry()
    load = registry.algorithmById("openterritory:gtfs_load")
    assert {p.name() for p in load.parameterDefinitions()} >= {"FEED", "EXTENT", "DATE", "OUTPUT"}
    vehicles = registry.algorithmById("openterritory:gtfs_vehicles")
    assert {p.name() for p in vehicles.parameterDefinitions()} == {"FEED", "OUTPUT"}
    for algorithm in (load, vehicles):
        assert all(p.help() for p in algorithm.parameterDefinitions())


def test_gtfs_load_writes_two_styled_layers(provider, tmp_path):
    feed = write_feed(tmp_path / "vilaine.zip", base_feed())
    out = str(tmp_path / "network.gpkg")
    results, feedback, context = run(
        "openterritory:gtfs_load", {"FEED": feed, "DATE": "2026-11-03", "LICENCE": "ODbL", "OUTPUT": out}
    )
    assert results["SERVICE_DATE"] == "2026-11-03" and (results["STOP_COUNT"], results["ROUTE_COUNT"]) == (5, 4)
    stops = QgsVectorLayer(results["STOPS"], "stops", "ogr")
    routes = QgsVectorLayer(results["ROUTES"], "routes", "ogr")
    assert stops.isValid() and routes.isValid() and stops.featureCount() == 5
    # the styles are the layers' default styles inside the GeoPackage
    _message, ok = stops.loadDefaultStyle()
    assert ok and stops.renderer().type() == "RuleRenderer"
    rules = stops.renderer().rootRule().children()
    assert "headway_7_9_min" in rules[0].filterExpression() and rules[-1].filterExpression() == "ELSE"
    assert rules[0].label() == "Every 5 min or less (7-9 h)"
    _message, ok = routes.loadDefaultStyle()
    assert ok and routes.renderer().type() == "singleSymbol"
    colour = (
        routes.renderer().symbol().symbolLayer(1).dataDefinedProperties().property(QgsSymbolLayer.PropertyStrokeColor)
    )
    assert "route_color" in colour.expressionString()
    assert context.layersToLoadOnCompletion() and "Licence: ODbL" in feedback.infos


def test_gtfs_load_extent_in_another_crs(provider, tmp_path):
    feed = write_feed(tmp_path / "vilaine.zip", base_feed())
    out = str(tmp_path / "port.gpkg")
    extent = "356700,356900,6755000,6755200 [EPSG:2154]"  # xmin,xmax,ymin,ymax around PORT (356812, 6755128)
    results, _feedback, _context = run(
        "openterritory:gtfs_load", {"FEED": feed, "DATE": "2026-11-03", "EXTENT": extent, "OUTPUT": out}
    )
    dataset = ogr.Open(out)
    stops = [f["stop_id"] for f in dataset.GetLayerByName("transit_stops")]
    routes = [(f["route_id"], f["direction_id"]) for f in dataset.GetLayerByName("transit_routes")]
    dataset = None
    assert stops == ["PORT"] and routes == [("L2", 0)]


def test_gtfs_load_failure_leaves_the_previous_file(provider, tmp_path):
    out = tmp_path / "network.gpkg"
    feed = write_feed(tmp_path / "vilaine.zip", base_feed())
    run("openterritory:gtfs_load", {"FEED": feed, "DATE": "2026-11-03", "OUTPUT": str(out)})
    before = out.read_bytes()
    broken = write_feed(tmp_path / "broken.zip", {k: v for k, v in base_feed().items() if k != "stops.txt"})
    with pytest.raises(QgsProcessingException, match="GTFS broken.zip: the archive has no stops.txt"):
        run("openterritory:gtfs_load", {"FEED": broken, "OUTPUT": str(out)})
    assert out.read_bytes() == before
    assert not [name for name in os.listdir(tmp_path) if name.startswith(".network")]  # no scratch left


def test_gtfs_vehicles(provider, httpserver, tmp_path):
    reply = pb.feed_message(
        pb.vehicle_entity("1", lat=47.8150, lon=-1.5990, bearing=315.0, route_id="L1", label="204"),
        pb.vehicle_entity("2", lat=47.8190, lon=-1.6030, route_id="T", vehicle_id="rame-3"),
    )
    httpserver.expect_request("/rt").respond_with_data(reply, content_type="application/x-protobuf")
    out = str(tmp_path / "vehicles.gpkg")
    results, _feedback, _context = run(
        "openterritory:gtfs_vehicles", {"FEED": httpserver.url_for("/rt"), "OUTPUT": out}
    )
    assert results["COUNT"] == 2
    # read with OGR: a QGIS layer alive during a failing run outlives QGIS through the error's traceback
    assert sorted(labels(out)) == ["204", "rame-3"]
    httpserver.clear()
    httpserver.expect_request("/rt").respond_with_data(b"<html>maintenance</html>", content_type="text/html")
    with pytest.raises(QgsProcessingException, match="web page or JSON"):
        run("openterritory:gtfs_vehicles", {"FEED": httpserver.url_for("/rt"), "OUTPUT": out})
    assert sorted(labels(out)) == ["204", "rame-3"]
