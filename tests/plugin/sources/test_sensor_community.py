"""sensor.community source against a local server: string values, nan, duplicates, indoor, errors."""

import pytest
from open_territory.plugin.sources import sensor_community as sc
from open_territory.plugin.sources.sensor_community import SensorCommunitySource
from open_territory.plugin.toolbelt.errors import InputError, ReplyError
from open_territory.plugin.toolbelt.layer_writer import file_target, layer_target
from open_territory.plugin.toolbelt.network import Transport
from osgeo import ogr
from qgis.core import (
    QgsExpressionContextUtils,
    QgsGraduatedSymbolRenderer,
    QgsRenderContext,
    QgsVectorLayer,
)
from werkzeug import Response

BOX = "/airrohr/v1/filter/box=48.000000,-1.800000,48.200000,-1.500000"
EXTENT = [-1.8, 48.0, -1.5, 48.2]


def reading(reading_id, when, location, sensor_id, sensor_type, values):
    return {
        "id": reading_id,
        "sampling_rate": None,
        "timestamp": when,
        "location": location,
        "sensor": {
            "id": sensor_id,
            "pin": "1",
            "sensor_type": {"id": 14, "name": sensor_type, "manufacturer": "Nova Fitness"},
        },
        "sensordatavalues": [
            {"id": reading_id * 10 + i, "value": v, "value_type": t} for i, (t, v) in enumerate(values)
        ],
    }


GARE = {
    "id": 1071,
    "latitude": "48.103",
    "longitude": "-1.672",
    "altitude": "38.7",
    "country": "FR",
    "exact_location": 0,
    "indoor": 0,
}
CAVE = {"id": 28, "latitude": "48.11", "longitude": "-1.68", "altitude": "", "country": "FR", "indoor": 1}
PARC = {"id": 55, "latitude": " 48.150 ", "longitude": "-1.600", "altitude": "52.0", "country": "FR"}
NOWHERE = {"id": 99, "latitude": "", "longitude": "", "altitude": "", "country": "FR"}

ITEMS = [
    # the later SDS011 reading comes first in the list: the timestamp decides, not the order
    reading(3, "2019-04-25 01:53:40", GARE, 2129, "SDS011", [("P1", "18.40"), ("P2", "16.80")]),
    reading(1, "2019-04-25 01:51:12", GARE, 2129, "SDS011", [("P1", "19.13"), ("P2", "16.23")]),
    reading(2, "2019-04-25 01:51:13", GARE, 2130, "DHT22", [("humidity", "76.70"), ("temperature", "18.80")]),
    reading(4, "2019-04-25 01:53:41", GARE, 2130, "DHT22", [("humidity", "77.10"), ("temperature", "nan")]),
    reading(
        5,
        "2019-04-25 01:52:18",
        CAVE,
        657,
        "BME280",
        [("temperature", "21.5"), ("humidity", "40"), ("pressure", "98765.43"), ("pressure_at_sealevel", "101000")],
    ),
    reading(6, "2019-04-25 01:52:30", CAVE, 658, "SDS011", [("P1", "nan"), ("P2", "NaN")]),
    reading(
        7,
        "2019-04-25 01:50:00",
        PARC,
        900,
        "DNMS",
        [("noise_LAeq", "45.2"), ("noise_LA_min", "38.0"), ("noise_LA_max", "60.1")],
    ),
    reading(8, "2019-04-25 01:50:00", NOWHERE, 901, "SDS011", [("P1", "5"), ("P2", "3")]),
]


@pytest.fixture()
def source(tmp_path):
    transport = Transport(cache_dir=str(tmp_path / "cache"), offline=False, timeout=5, retries=0)
    return SensorCommunitySource(transport)


def fetch_into(source, httpserver, tmp_path, spec, name="x"):
    spec = {"extent": EXTENT, "server": httpserver.url_for(""), **spec}
    return source.fetch(spec, file_target(str(tmp_path / f"{name}.gpkg"), name), None)


def read_rows(path, layer_name):
    dataset = ogr.Open(str(path))  # keep a reference: the layer dies with it
    layer = dataset.GetLayerByName(layer_name)
    rows = {}
    for feature in layer:
        values = feature.items()
        values["_xy"] = (round(feature.GetGeometryRef().GetX(), 4), round(feature.GetGeometryRef().GetY(), 4))
        rows[values["location_id"]] = values
    definition = layer.GetLayerDefn()
    types = {
        definition.GetFieldDefn(i).GetName(): definition.GetFieldDefn(i).GetTypeName()
        for i in range(definition.GetFieldCount())
    }
    return rows, types


def test_locations_latest_values_nan_and_indoor(httpserver, source, tmp_path):
    httpserver.expect_request(BOX).respond_with_json(ITEMS)
    out = tmp_path / "sensors.gpkg"
    result = source.fetch(
        {"source": "sensor_community", "extent": EXTENT, "server": httpserver.url_for("").rstrip("/")},
        file_target(str(out), "sensors"),
        None,
    )
    rows, types = read_rows(out, "sensors")
    assert result.feature_count == 3 and set(rows) == {"1071", "28", "55"}  # no coordinates: skipped
    gare = rows["1071"]
    # the latest SDS011 reading
    assert gare["pm10"] == pytest.approx(18.4) and gare["pm25"] == pytest.approx(16.8)
    assert gare["humidity"] == pytest.approx(77.1) and gare["temperature"] is None  # latest DHT22 said nan
    assert gare["sensor_types"] == "DHT22,SDS011" and gare["sensor_ids"] == "2129,2130"
    assert gare["indoor"] == 0 and gare["altitude"] == pytest.approx(38.7) and gare["_xy"] == (-1.672, 48.103)
    assert gare["measured_at"] == "2019/04/25 01:53:41+00"
    assert gare["name"] == "DHT22, SDS011 #1071" and gare["category"] == "air_quality_sensor"
    assert gare["licence"] == "ODbL" and gare["source_dataset"] == BOX.rsplit("/", 1)[1]
    cave = rows["28"]
    assert cave["indoor"] == 1 and cave["pm25"] is None and cave["pm10"] is None
    assert cave["pressure"] == pytest.approx(98765.43) and cave["temperature"] == pytest.approx(21.5)
    assert cave["altitude"] is None
    parc = rows["55"]
    assert parc["noise_laeq"] == pytest.approx(45.2) and parc["indoor"] is None
    assert parc["_xy"] == (-1.6, 48.15)
    assert types["pm25"] == "Real" and types["indoor"] == "Integer" and types["measured_at"] == "DateTime"
    assert result.source == httpserver.url_for("").rstrip("/")


def test_types_filter_in_the_path(httpserver, source, tmp_path):
    httpserver.expect_request(BOX + "&type=SDS011,BME280").respond_with_json(ITEMS[:2])
    out = tmp_path / "s.gpkg"
    result = source.fetch(
        {"extent": EXTENT, "types": "SDS011, BME280", "server": httpserver.url_for("")},
        file_target(str(out), "pm"),
        None,
    )
    assert result.feature_count == 1 and "type=SDS011,BME280" in result.dataset
    # an empty reply still makes a layer with every column
    httpserver.expect_request(BOX + "&type=DNMS").respond_with_json([])
    result = source.fetch(
        {"extent": EXTENT, "types": ["DNMS"], "server": httpserver.url_for("")}, layer_target(str(out), "noise"), None
    )
    rows, types = read_rows(out, "noise")
    assert result.feature_count == 0 and rows == {} and types["noise_laeq"] == "Real"


def test_area_filter_and_polygon(httpserver, source, tmp_path):
    httpserver.expect_request("/airrohr/v1/filter/area=48.100000,-1.670000,5").respond_with_json(ITEMS)
    result = source.fetch(
        {"area": [48.1, -1.67, 5], "server": httpserver.url_for("")}, file_target(str(tmp_path / "a.gpkg"), "a"), None
    )
    assert result.feature_count == 3
    # a polygon: its bounding box is asked, points outside the polygon are dropped
    box = "/airrohr/v1/filter/box=48.000000,-1.700000,48.200000,-1.650000"
    httpserver.expect_request(box).respond_with_json(ITEMS)
    wkt = "POLYGON((-1.7 48.0, -1.65 48.0, -1.65 48.2, -1.7 48.2, -1.7 48.0))"
    fetch_into(source, httpserver, tmp_path, {"area_wkt": wkt, "extent": None}, "b")
    rows, _ = read_rows(tmp_path / "b.gpkg", "b")
    assert set(rows) == {"1071", "28"}


def test_default_server_and_box_order():
    assert sc.filter_query([2.2, 48.8, 2.5, 48.9]) == "box=48.800000,2.200000,48.900000,2.500000"
    with pytest.raises(InputError, match="extent"):
        sc.filter_query([2.5, 48.8, 2.2, 48.9])
    with pytest.raises(InputError, match="extent or an area"):
        sc.filter_query()
    assert sc.server_of({}) == "https://data.sensor.community"
    with pytest.raises(InputError, match="http"):
        sc.server_of({"server": "ftp://x"})


def test_error_404(httpserver, source, tmp_path):
    httpserver.expect_request(BOX).respond_with_data("Not Found", status=404)
    with pytest.raises(ReplyError, match="404") as info:
        fetch_into(source, httpserver, tmp_path, {}, "o")
    assert "sensor.community" in str(info.value) and "box=" in str(info.value)
    assert not (tmp_path / "o.gpkg").exists()


def test_error_html_page(httpserver, source, tmp_path):
    httpserver.expect_request(BOX).respond_with_data(
        "<html><body>502 Bad Gateway</body></html>", content_type="text/html"
    )
    with pytest.raises(ReplyError, match="web page"):
        fetch_into(source, httpserver, tmp_path, {}, "o")


def test_error_bad_json_and_wrong_shape(httpserver, source, tmp_path):
    cut = Response('[{"id": 1,', content_type="application/json")
    httpserver.expect_request(BOX).respond_with_response(cut)
    with pytest.raises(ReplyError, match="not valid JSON"):
        fetch_into(source, httpserver, tmp_path, {}, "o")
    httpserver.clear()
    httpserver.expect_request(BOX).respond_with_json({"detail": "Throttled"})
    with pytest.raises(ReplyError, match="not a list"):
        fetch_into(source, httpserver, tmp_path, {}, "o")


def test_default_style_graded_on_pm25(httpserver, source, tmp_path):
    httpserver.expect_request(BOX).respond_with_json(ITEMS)
    out = tmp_path / "s.gpkg"
    source.fetch({"extent": EXTENT, "server": httpserver.url_for("")}, file_target(str(out), "sensors"), None)
    layer = QgsVectorLayer(f"{out}|layername=sensors", "sensors", "ogr")
    assert layer.isValid() and sc.apply_default_style(layer)
    renderer = layer.renderer()
    assert isinstance(renderer, QgsGraduatedSymbolRenderer) and "pm25" in renderer.classAttribute()
    assert [r.label() for r in renderer.ranges()] == sc.style_labels()
    # 16.8 µg/m³ falls in the "fair" class; a location without PM2.5 in the grey one
    values = {f["location_id"]: f for f in layer.getFeatures()}
    context = QgsRenderContext()
    context.expressionContext().appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    renderer.startRender(context, layer.fields())
    colors = [r.symbol().color().name() for r in renderer.ranges()]

    def color_of(feature):
        context.expressionContext().setFeature(feature)  # as the map renderer does before asking
        return renderer.symbolForFeature(feature, context).color().name()

    assert color_of(values["1071"]) == colors[2] and color_of(values["28"]) == colors[0]
    renderer.stopRender(context)


def test_unusable_coordinates_and_locations_without_readings(httpserver, source, tmp_path):
    null_island = {"id": 300, "latitude": "0.000", "longitude": "0.000", "country": "FR"}
    infinite = {"id": 301, "latitude": "inf", "longitude": "-1.6", "country": "FR"}
    beyond = {"id": 302, "latitude": "48.1", "longitude": "200.5", "country": "FR"}
    silent = {"id": 303, "latitude": "48.12", "longitude": "-1.65", "country": "FR"}
    items = ITEMS + [
        reading(20, "2019-04-25 01:50:00", null_island, 3000, "SDS011", [("P1", "5"), ("P2", "3")]),
        reading(21, "2019-04-25 01:50:00", null_island, 3001, "DHT22", [("humidity", "50")]),
        reading(22, "2019-04-25 01:50:00", infinite, 3010, "SDS011", [("P1", "5"), ("P2", "3")]),
        reading(23, "2019-04-25 01:50:00", beyond, 3020, "SDS011", [("P1", "5"), ("P2", "3")]),
        # a location whose sensors sent nothing: no reading, or only unreadable ones
        reading(24, "2019-04-25 01:50:00", silent, 3030, "SDS011", []),
        reading(25, "2019-04-25 01:50:00", silent, 3031, "DHT22", [("humidity", "nan"), ("temperature", "")]),
    ]
    httpserver.expect_request(BOX).respond_with_json(items)
    out = tmp_path / "s.gpkg"
    result = source.fetch({"extent": EXTENT, "server": httpserver.url_for("")}, file_target(str(out), "s"), None)
    rows, _ = read_rows(out, "s")
    assert set(rows) == {"1071", "28", "55"} and result.feature_count == 3
    assert result.warnings == ["Left out for unusable coordinates (unreadable, out of range or 0,0): 3 locations"]
    dataset = ogr.Open(str(out))  # keep a reference: the layer dies with it
    xmin, xmax, ymin, ymax = dataset.GetLayerByName("s").GetExtent()
    assert -1.7 < xmin < xmax < -1.5 and 48 < ymin < ymax < 48.2


def test_infinite_measure_is_null():
    assert sc.value_of("inf") is None and sc.value_of("-Infinity") is None and sc.value_of("12,5") == 12.5
