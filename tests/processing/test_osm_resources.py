"""openterritory:osm_resources through the Processing registry, on a local Overpass server."""

import os
from urllib.parse import parse_qs

import pytest
from open_territory.plugin.sources.overpass.presets import preset_categories
from osgeo import ogr
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

from ..plugin.sources.overpass.fake_overpass import serve_overpass

DATA = os.path.join(os.path.dirname(os.path.dirname(__file__)), "plugin", "sources", "overpass", "data")


def fixture_bytes(name):
    with open(os.path.join(DATA, name), "rb") as handle:
        return handle.read()


class Capture(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.errors = []

    def reportError(self, error, fatal=False):  # noqa: N802
        self.errors.append(error)


def run(parameters, context=None):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("openterritory:osm_resources")
    context, feedback = context or QgsProcessingContext(), Capture()
    results, ok = algorithm.run(parameters, context, feedback)
    if not ok:
        raise QgsProcessingException("\n".join(feedback.errors))
    return results


def serve(httpserver, name=None, status=200):
    """A local Overpass answering from mixed.osm as a real server prints, or a recorded reply `name`."""
    if name is None:
        return serve_overpass(httpserver)
    httpserver.expect_request("/api/interpreter", method="POST").respond_with_data(
        fixture_bytes(name), status=status, content_type="application/osm3s+xml"
    )
    return httpserver.url_for("/api/interpreter")


def posted_query(httpserver):
    request, _ = httpserver.log[-1]
    return parse_qs(request.get_data(as_text=True))["data"][0]


def test_parameters_are_the_contract(provider):
    algorithm = QgsApplication.processingRegistry().algorithmById("openterritory:osm_resources")
    names = [p.name() for p in algorithm.parameterDefinitions()]
    assert names == ["CATEGORY", "EXTENT", "AREA", "SERVER", "TIMEOUT", "GEOMETRY", "TAGS", "OUTPUT"]
    for name in ("SERVER", "TIMEOUT", "GEOMETRY", "TAGS"):
        assert algorithm.parameterDefinition(name).flags() & algorithm.parameterDefinition(name).FlagAdvanced
    assert len(algorithm.parameterDefinition("CATEGORY").options()) == len(preset_categories())
    assert all(p.help() for p in algorithm.parameterDefinitions())


def test_extent_in_lambert93_car_parks(provider, httpserver, tmp_path):
    url = serve(httpserver)
    output = str(tmp_path / "parks.gpkg")
    results = run(
        {
            "CATEGORY": preset_categories().index("car_park"),
            "EXTENT": "345000,360000,6780000,6795000 [EPSG:2154]",
            "SERVER": url,
            "TIMEOUT": 33,
            "OUTPUT": output,
        }
    )
    assert results["OUTPUT"] == output and results["COUNT"] == 4  # car parks: polygons by default
    query = posted_query(httpserver)
    assert "[timeout:33]" in query
    bbox = query.split('node["amenity"="parking"](')[1].split(")")[0]
    south, west, north, east = (float(v) for v in bbox.split(","))
    assert 47.9 < south < north < 48.3 and -1.9 < west < east < -1.4
    dataset = ogr.Open(output)
    layer = dataset.GetLayer(0)
    assert {f["osm_id"] for f in layer} == {"2001", "5001", "5002", "5003"}
    assert ogr.GT_Flatten(layer.GetGeomType()) == ogr.wkbMultiPolygon


def test_area_layer_reprojected_into_poly(provider, httpserver, tmp_path):
    url = serve(httpserver)
    area = QgsVectorLayer("Polygon?crs=EPSG:2154", "territory", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt("POLYGON((345000 6780000,360000 6795000,345000 6795000,345000 6780000))"))
    area.dataProvider().addFeatures([feature])
    output = str(tmp_path / "signals.gpkg")
    results = run(
        {"CATEGORY": preset_categories().index("traffic_signals"), "AREA": area, "SERVER": url, "OUTPUT": output}
    )
    assert results["COUNT"] == 2
    query = posted_query(httpserver)
    poly = query.split('(poly:"')[1].split('"')[0].split()
    lats, lons = [float(v) for v in poly[0::2]], [float(v) for v in poly[1::2]]
    assert len(lats) == 3
    assert all(47.9 < v < 48.3 for v in lats) and all(-1.9 < v < -1.4 for v in lons)


def test_no_extent_no_area(provider, httpserver, tmp_path):
    with pytest.raises(QgsProcessingException, match="extent or an area"):
        run({"CATEGORY": 0, "SERVER": serve(httpserver), "OUTPUT": str(tmp_path / "x.gpkg")})


def test_server_error_is_a_processing_error_and_no_file(provider, httpserver, tmp_path):
    url = serve(httpserver, "remark_memory.osm")
    output = tmp_path / "x.gpkg"
    with pytest.raises(QgsProcessingException, match="out of memory"):
        run({"CATEGORY": 0, "EXTENT": "-1.8,-1.5,48.0,48.2 [EPSG:4326]", "SERVER": url, "OUTPUT": str(output)})
    assert not output.exists()


def test_loaded_output_gets_the_category_style(provider, httpserver, tmp_path, qgis_new_project):
    url = serve(httpserver)
    output = str(tmp_path / "cycle.gpkg")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    run(
        {
            "CATEGORY": preset_categories().index("cycleway"),
            "EXTENT": "-1.8,-1.5,48.0,48.2 [EPSG:4326]",
            "SERVER": url,
            "OUTPUT": QgsProcessingOutputLayerDefinition(output, QgsProject.instance()),
        },
        context,
    )
    details = context.layersToLoadOnCompletion()
    assert output in details and details[output].postProcessor() is not None
    layer = QgsVectorLayer(output, "cycle", "ogr")
    before = layer.renderer().symbol().color().name()
    details[output].postProcessor().postProcessLayer(layer, context, QgsProcessingFeedback())
    assert isinstance(layer.renderer(), QgsSingleSymbolRenderer)
    assert layer.renderer().symbol().color().name() == "#2ca25f" != before


def layer_counts(path):
    dataset = ogr.Open(path)
    return {
        dataset.GetLayer(i).GetName(): dataset.GetLayer(i).GetFeatureCount() for i in range(dataset.GetLayerCount())
    }


def test_rerun_into_a_geopackage_table_replaces_it(provider, httpserver, tmp_path):
    url = serve(httpserver)
    path = str(tmp_path / "t.gpkg")
    run(
        {
            "CATEGORY": preset_categories().index("traffic_signals"),
            "EXTENT": "-1.8,-1.5,48.0,48.2 [EPSG:4326]",
            "SERVER": url,
            "OUTPUT": path,
        }
    )
    target = f"ogr:dbname='{path}' table=\"parks\""
    parameters = {
        "CATEGORY": preset_categories().index("car_park"),
        "EXTENT": "-1.8,-1.5,48.0,48.2 [EPSG:4326]",
        "SERVER": url,
        "OUTPUT": target,
    }
    first = run(parameters)
    second = run(parameters)
    assert first["COUNT"] == second["COUNT"] == 4
    assert second["OUTPUT"] == f"{path}|layername=parks"
    assert layer_counts(path) == {"osm_traffic_signals": 2, "parks": 4}


def test_csv_output_for_car_parks(provider, httpserver, tmp_path):
    url = serve(httpserver)
    output = tmp_path / "parks.csv"
    results = run(
        {
            "CATEGORY": preset_categories().index("car_park"),
            "EXTENT": "-1.8,-1.5,48.0,48.2 [EPSG:4326]",
            "SERVER": url,
            "GEOMETRY": 0,
            "OUTPUT": str(output),
        }
    )
    assert results["COUNT"] == 5
    assert len(output.read_text(encoding="utf-8").strip().splitlines()) == 6  # header and five car parks


def test_loaded_output_offers_the_refresh(provider, httpserver, tmp_path, qgis_new_project):
    import json

    from open_territory.ui.resources.osm_panel import layer_spec

    url = serve(httpserver)
    output = str(tmp_path / "parks.gpkg")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    run(
        {
            "CATEGORY": preset_categories().index("car_park"),
            "EXTENT": "-1.8,-1.5,48.0,48.2 [EPSG:4326]",
            "SERVER": url + "?key=SECRET",
            "TIMEOUT": 45,
            "OUTPUT": QgsProcessingOutputLayerDefinition(output, QgsProject.instance()),
        },
        context,
    )
    layer = QgsVectorLayer(output, "parks", "ogr")
    context.layersToLoadOnCompletion()[output].postProcessor().postProcessLayer(layer, context, QgsProcessingFeedback())
    spec = layer_spec(layer)
    assert spec["source"] == "overpass" and spec["category"] == "car_park" and spec["timeout"] == 45
    assert spec["server"] == url + "?key=***"
    assert [round(v, 6) for v in spec["extent"]] == [-1.8, 48.0, -1.5, 48.2]
    assert "SECRET" not in json.dumps(spec)
    assert layer.attribution() == "© OpenStreetMap contributors"
    assert layer.metadata().rights() == ["© OpenStreetMap contributors, ODbL"]
    assert layer.renderer().symbol().color().name() == "#6a3d9a"  # the car park style


def test_geometry_and_own_tag_conditions(provider, httpserver, tmp_path):
    url = serve(httpserver)
    output = str(tmp_path / "own.gpkg")
    feedback_warnings = []

    class Warned(Capture):
        def pushWarning(self, warning):  # noqa: N802
            feedback_warnings.append(warning)

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("openterritory:osm_resources")
    parameters = {
        "EXTENT": "-1.8,-1.5,48.0,48.2 [EPSG:4326]",
        "SERVER": url,
        "GEOMETRY": 1,
        "TAGS": "amenity=parking & name=*",
        "OUTPUT": output,
    }
    results, ok = algorithm.run(parameters, QgsProcessingContext(), Warned())
    assert ok and results["COUNT"] == 2
    assert 'way["amenity"="parking"]["name"]' in posted_query(httpserver)
    dataset = ogr.Open(output)
    layer = dataset.GetLayer(0)
    assert ogr.GT_Flatten(layer.GetGeomType()) == ogr.wkbMultiPolygon
    assert {(f["osm_id"], f["category"]) for f in layer} == {("2001", "other"), ("5002", "other")}
    assert any("point" in w for w in feedback_warnings)  # the named car park mapped as a node


def test_neither_category_nor_tags(provider, httpserver, tmp_path):
    with pytest.raises(QgsProcessingException, match="category or give tag conditions"):
        run({"EXTENT": "-1.8,-1.5,48.0,48.2 [EPSG:4326]", "SERVER": serve(httpserver), "OUTPUT": str(tmp_path / "x")})


def test_bad_tag_conditions_are_one_sentence(provider, httpserver, tmp_path):
    output = tmp_path / "x.gpkg"
    with pytest.raises(QgsProcessingException, match="key=value"):
        run(
            {
                "EXTENT": "-1.8,-1.5,48.0,48.2 [EPSG:4326]",
                "SERVER": serve(httpserver),
                "TAGS": "amenity",
                "OUTPUT": str(output),
            }
        )
    assert not output.exists() and not httpserver.log
