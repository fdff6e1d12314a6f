"""Loading a whole territory: one layer per resource, a sources table, styles, failures skipped."""

import json
import os
import sqlite3

import pytest
from open_territory.plugin.definitions import COMMON_FIELDS
from open_territory.plugin.profiles.profile import load_profile
from open_territory.plugin.profiles.territory import load_territory
from open_territory.plugin.toolbelt.errors import Cancelled, NetworkError, OpenTerritoryError
from open_territory.plugin.toolbelt.network import Transport
from osgeo import ogr
from qgis.core import QgsProcessingFeedback, QgsVectorLayer

from ...folder_digest import digest
from .conftest import BOUNDARY, FAKE_DATASETS, BrokenService


def layer_names(path):
    dataset = ogr.Open(path)
    return {dataset.GetLayerByIndex(i).GetName() for i in range(dataset.GetLayerCount())}


def sources_rows(path):
    with sqlite3.connect(path) as db:
        db.row_factory = sqlite3.Row
        return {row["layer"]: dict(row) for row in db.execute("SELECT * FROM sources")}


def test_handmade_territory_loads_with_failures_skipped(tmp_path, fake_sources, territory_file):
    profile = load_profile(territory_file)
    output = str(tmp_path / "out" / "territory.gpkg")
    report = load_territory(profile, output)

    assert os.path.exists(output)
    names = layer_names(output)
    assert {"boundary", "car_park_ods", "traffic_signals_ods", "bike_share_station_ods", "sources"} <= names
    # the failing GBFS feed and the dataset the portal lacks are reported, not written
    assert "bike_share_station_gbfs" not in names and "other_ods" not in names
    assert {o.layer for o in report.failed} == {"bike_share_station_gbfs", "other_ods"}

    dataset = ogr.Open(output)
    for layer_name, key in (
        ("car_park_ods", "parkings"),
        ("traffic_signals_ods", "feux"),
        ("bike_share_station_ods", "velos"),
    ):
        layer = dataset.GetLayerByName(layer_name)
        assert layer.GetFeatureCount() == len(FAKE_DATASETS[key])
        fields = [layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())]
        assert fields[: len(COMMON_FIELDS)] == list(COMMON_FIELDS)
    assert dataset.GetLayerByName("boundary").GetFeatureCount() == len(BOUNDARY["features"])
    dataset = None

    rows = sources_rows(output)
    assert rows["car_park_ods"]["status"] == "ok"
    assert rows["car_park_ods"]["feature_count"] == len(FAKE_DATASETS["parkings"])
    assert rows["car_park_ods"]["url"].startswith("https://data.handmade.example/")
    assert rows["car_park_ods"]["licence"] == "ODbL" and rows["car_park_ods"]["fetched_at"].endswith("Z")
    assert rows["bike_share_station_gbfs"]["status"] == "failed"
    assert "503" in rows["bike_share_station_gbfs"]["message"]
    assert rows["other_ods"]["status"] == "failed" and "missing-on-portal" in rows["other_ods"]["message"]
    assert rows["road_works_ods"]["status"] == "skipped"  # unconfirmed
    assert rows["boundary"]["status"] == "ok" and rows["boundary"]["feature_count"] == 2
    assert "✗ bike_share_station_gbfs" in report.summary()

    # sources received the boundary's extent in EPSG:4326 and the resolved portal URL
    spec = fake_sources.calls[0][0]
    assert spec["portal"] == "https://data.handmade.example"
    assert spec["extent"] == pytest.approx([-1.62, 47.79, -1.56, 47.83])


def test_styles_are_saved_in_the_geopackage(tmp_path, fake_sources, territory_file):
    output = str(tmp_path / "territory.gpkg")
    report = load_territory(load_profile(territory_file), output)
    with sqlite3.connect(output) as db:
        styled = {row[0] for row in db.execute("SELECT f_table_name FROM layer_styles WHERE useAsDefault")}
    assert styled == set(report.layers)
    layer = QgsVectorLayer(f"{output}|layername=car_park_ods", "x", "ogr")
    assert layer.isValid()
    # The default style from the GeoPackage is applied on load: the category's colour, not a random one.
    assert layer.renderer().symbol().color().name() == "#6a3d9a"


def test_selected_layers_only(tmp_path, fake_sources, territory_file):
    output = str(tmp_path / "territory.gpkg")
    report = load_territory(load_profile(territory_file), output, layers=["traffic_signals_ods"])
    assert [o.layer for o in report.outcomes] == ["boundary", "traffic_signals_ods"]
    assert layer_names(output) >= {"traffic_signals_ods", "sources"}
    assert "car_park_ods" not in layer_names(output)


def test_cancel_leaves_previous_file_untouched(tmp_path, fake_sources, territory_file):
    output = tmp_path / "territory.gpkg"
    output.write_bytes(b"previous")
    feedback = QgsProcessingFeedback(False)
    feedback.cancel()
    with pytest.raises(Cancelled, match="territory load was cancelled"):
        load_territory(load_profile(territory_file), str(output), feedback=feedback)
    assert output.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".territory")] == []


def test_a_crash_inside_a_source_is_contained(tmp_path, fake_sources, territory_file, monkeypatch):
    fetch = fake_sources.fetch

    def explode_on_parkings(self, spec, *args, **kwargs):
        if spec["dataset"] == "parkings":
            raise ZeroDivisionError("boom")
        return fetch(self, spec, *args, **kwargs)

    monkeypatch.setattr(fake_sources, "fetch", explode_on_parkings)
    output = str(tmp_path / "territory.gpkg")
    report = load_territory(load_profile(territory_file), output)
    assert "car_park_ods" in {o.layer for o in report.failed}
    assert "boom" in {o.layer: o for o in report.failed}["car_park_ods"].message
    assert {"boundary", "traffic_signals_ods"} <= {o.layer for o in report.loaded}


def test_a_load_where_every_resource_failed_is_an_error_that_leaves_nothing(
    tmp_path, fake_sources, territory_file, monkeypatch
):
    """Not "loaded, 0 layers": an error naming the likely cause once, and the file on disk as it was."""
    (tmp_path / "out").mkdir()
    output = tmp_path / "out" / "territory.gpkg"
    output.write_bytes(b"the previous load")
    before = digest(tmp_path / "out")

    def explode(self, *args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(fake_sources, "fetch", explode)
    with pytest.raises(OpenTerritoryError) as raised:
        load_territory(load_profile(territory_file), str(output))
    assert not isinstance(raised.value, Cancelled)
    message = str(raised.value)
    assert message.startswith("No resource of Handmade Territory could be loaded (5 failed)")
    assert "car_park_ods: boom" in message and message.count("boom") == 1
    assert digest(tmp_path / "out") == before  # the previous file as it was, no scratch left beside it


@pytest.mark.parametrize("offline", [True, False])
def test_when_no_server_answers_the_likely_cause_is_said(tmp_path, fake_sources, territory_file, monkeypatch, offline):
    def unreachable(self, spec, *args, **kwargs):
        raise NetworkError(f"{spec.get('dataset') or spec.get('feed')}: the server could not be reached")

    monkeypatch.setattr(fake_sources, "fetch", unreachable)
    monkeypatch.setattr(BrokenService, "fetch", unreachable)
    with pytest.raises(NetworkError) as raised:
        load_territory(load_profile(territory_file), str(tmp_path / "t.gpkg"), offline=offline)
    if offline:
        assert raised.value.reason == "offline" and "the cache holds no reply" in str(raised.value)
    else:
        assert raised.value.reason == "unreachable" and "proxy settings" in str(raised.value)
    assert not (tmp_path / "t.gpkg").exists()


def test_nothing_loaded_is_said_in_french(tmp_path, fake_sources, territory_file, monkeypatch, french):
    def unreachable(self, *args, **kwargs):
        raise NetworkError("x")

    monkeypatch.setattr(fake_sources, "fetch", unreachable)
    monkeypatch.setattr(BrokenService, "fetch", unreachable)
    with pytest.raises(NetworkError) as raised:
        load_territory(load_profile(territory_file), str(tmp_path / "t.gpkg"), offline=False)
    assert str(raised.value).startswith(
        "Aucune ressource de Handmade Territory n'a pu être chargée (5 en échec)\u00a0: "
    )


def test_unknown_source_key_is_reported(tmp_path, monkeypatch, territory_file):
    from open_territory.plugin.sources import registry

    monkeypatch.setattr(registry, "source_class", lambda key: (_ for _ in ()).throw(KeyError(key)))
    with pytest.raises(OpenTerritoryError, match="no source named"):
        load_territory(load_profile(territory_file), str(tmp_path / "t.gpkg"))


def test_boundary_from_geo_api_is_cached_for_offline(tmp_path, httpserver, fake_sources, territory_file):
    httpserver.expect_request(
        "/communes", query_string={"codeEpci": "200099999", "format": "geojson", "geometry": "contour"}
    ).respond_with_json(BOUNDARY)
    data = json.load(open(territory_file, encoding="utf-8"))
    data["boundary"] = {"epci": "200099999", "server": httpserver.url_for("/").rstrip("/")}
    path = tmp_path / "geo.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    profile = load_profile(str(path))
    cache = str(tmp_path / "replies")

    def factory(feedback, authcfg, _folder, offline):
        # A fixed cache folder: the settings' one is shared with any other test run on the machine.
        return Transport(feedback=feedback, authcfg=authcfg, cache_dir=cache, offline=offline, timeout=10)

    first = load_territory(profile, str(tmp_path / "online.gpkg"), layers=["car_park_ods"], transport_factory=factory)
    assert first.outcomes[0].status == "ok", first.outcomes[0].message
    assert first.outcomes[0].feature_count == 2
    httpserver.clear()  # the server is gone: offline mode must answer from the cache
    second = load_territory(
        profile,
        str(tmp_path / "offline.gpkg"),
        offline=True,
        layers=["car_park_ods"],
        transport_factory=factory,
    )
    assert second.outcomes[0].status == "ok", second.outcomes[0].message
    assert second.outcomes[0].feature_count == 2
    assert second.extent == pytest.approx([-1.62, 47.79, -1.56, 47.83])
    assert len(httpserver.log) == 0


def geo_profile(tmp_path, territory_file, httpserver):
    data = json.load(open(territory_file, encoding="utf-8"))
    data["boundary"] = {"epci": "200099999", "server": httpserver.url_for("/").rstrip("/")}
    path = tmp_path / "geo.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return load_profile(str(path))


def test_settings_offline_mode_keeps_the_load_off_the_network(tmp_path, httpserver, fake_sources, territory_file):
    from open_territory.plugin.toolbelt.settings import load_settings, save_settings

    httpserver.expect_request("/communes").respond_with_json(BOUNDARY)
    settings = load_settings()
    settings.offline = True
    save_settings(settings)
    report = load_territory(geo_profile(tmp_path, territory_file, httpserver), str(tmp_path / "t.gpkg"))
    assert report.offline
    assert len(httpserver.log) == 0
    boundary = report.outcomes[0]
    assert boundary.status == "failed" and "cache" in boundary.message
    # asked for explicitly, the network is used
    online = load_territory(geo_profile(tmp_path, territory_file, httpserver), str(tmp_path / "u.gpkg"), offline=False)
    assert online.outcomes[0].status == "ok" and len(httpserver.log) == 1


def test_sensor_legend_is_saved_in_the_users_language(tmp_path, french):
    from open_territory.plugin.profiles.styles import save_layer_style

    gpkg = str(tmp_path / "s.gpkg")
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(gpkg)
    layer = dataset.CreateLayer("air_quality_sensor_sensor_community", geom_type=ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("pm25", ogr.OFTReal))
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (-1.6 47.8)"))
    feature.SetField("pm25", 7.0)
    layer.CreateFeature(feature)
    dataset = layer = feature = None
    assert save_layer_style(gpkg, "air_quality_sensor_sensor_community", "air_quality_sensor")
    styled = QgsVectorLayer(f"{gpkg}|layername=air_quality_sensor_sensor_community", "x", "ogr")
    labels = [r.label() for r in styled.renderer().ranges()]
    assert "Bon (0-10 µg/m³)" in labels and "Good (0-10 µg/m³)" not in labels
