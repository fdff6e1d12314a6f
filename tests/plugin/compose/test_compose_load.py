"""Compose and load territories of very different sizes through the real sources and the stand-ins:
a métropole (43 communes), a rural commune of an EPCI spanning three departments, and Vitré."""

import sqlite3
import time

from open_territory.plugin.compose.assemble import compose_profile
from open_territory.plugin.profiles.profile import load_profile, save_profile, validate_data
from open_territory.plugin.profiles.territory import load_territory
from osgeo import ogr


def compose_and_load(text, services, transport, folder, offline=False):
    started = time.monotonic()
    composition = compose_profile(text, services, transport=transport)
    composed = time.monotonic() - started
    path = str(folder / f"{composition.profile['id']}.json")
    save_profile(composition.profile, path)
    output = str(folder / f"{composition.profile['id']}.gpkg")
    started = time.monotonic()
    load_territory(load_profile(path), output, offline=offline)
    print(f"{text}: composed in {composed:.2f} s, loaded in {time.monotonic() - started:.2f} s")
    with sqlite3.connect(output) as db:
        rows = {
            layer: (status, count, message)
            for layer, status, count, message in db.execute("SELECT layer, status, feature_count, message FROM sources")
        }
    return composition, output, rows


def loaded(rows):
    """Every entry loaded (GTFS networks and vehicles too, when the plugin has the GTFS source: the stand-ins
    serve them), or was left to tick: the counts of the loaded ones."""
    assert {layer: row for layer, row in rows.items() if row[0] not in ("ok", "skipped")} == {}
    return {layer: count for layer, (status, count, _m) in rows.items() if status == "ok"}


def test_a_metropole(services, transport, tmp_path):
    composition, output, rows = compose_and_load("Rennes Métropole", services, transport, tmp_path)
    counts = loaded(rows)
    assert counts["boundary"] == 43
    assert counts["charging_station_national_file"] == 8  # the row without a commune is not among them
    assert counts["car_park_national_file"] == 4 and counts["carpool_area_national_file"] == 3
    assert counts["cycleway_national_file"] == 4 and counts["road_accident_national_file"] == 8
    assert counts["bike_share_station_gbfs_le_velo_star_gbfs"] == 3 and counts["car_sharing_gbfs"] == 1
    assert counts["air_quality_sensor_sensor_community"] == 3 and counts["traffic_signals_overpass"] == 43
    assert rows["car_park_datagouv"][0] == "skipped"  # to tick
    dataset = ogr.Open(output)
    layer = dataset.GetLayerByName("charging_station_national_file")
    definition = layer.GetLayerDefn()
    assert definition.GetFieldDefn(definition.GetFieldIndex("puissance_nominale")).GetTypeName() == "Real"
    assert {f["category"] for f in layer} == {"charging_station"}
    assert validate_data(composition.profile) == []


def test_the_round2_layers_on_a_council_map(services, transport, tmp_path, qgis_new_project):
    """Carpooling areas and road accidents keep their style in the territory's GeoPackage, and the council map
    shows them in its legend and their sources and licences in its sources box."""
    from open_territory.plugin.export.council_map import export_council_map
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsVectorLayer

    from ..export.test_council_map import pdf_text

    _composition, output, rows = compose_and_load("Vitré Communauté", services, transport, tmp_path)
    project = QgsProject.instance()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    titles = {"boundary": "CA Vitré Communauté"}
    with sqlite3.connect(output) as db:
        titles.update(db.execute("SELECT layer, title FROM sources WHERE layer LIKE '%_national_file'"))
    shown = ["boundary", "carpool_area_national_file", "road_accident_national_file"]
    layers = [QgsVectorLayer(f"{output}|layername={name}", titles[name], "ogr") for name in shown]
    assert all(layer.isValid() for layer in layers)
    markers = [layer.renderer().symbol().symbolLayer(0).properties()["name"] for layer in layers[1:]]
    assert markers == ["octagon", "cross2"]  # their categories' styles, saved with them
    project.addMapLayers(layers)
    pdf = tmp_path / "council.pdf"
    export_council_map(layers, str(pdf), "Covoiturage et accidents", project=project)
    text = pdf_text(pdf)
    for name in shown[1:]:
        assert titles[name] in text, titles[name]
    assert "Licence Ouverte" in text


def test_a_rural_commune(services, transport, tmp_path):
    composition, _output, rows = compose_and_load("Fégréac", services, transport, tmp_path)
    counts = loaded(rows)
    assert composition.territory.departments == ["44"] and composition.territory.epci == "243500726"
    assert counts["boundary"] == 1 and counts["charging_station_national_file"] == 1
    assert counts["car_park_national_file"] == 0  # no barrier car park in the village: an empty layer, no failure
    assert counts["road_accident_national_file"] == 1 and counts["cycleway_national_file"] == 1


def test_vitre_and_its_communaute(services, transport, tmp_path):
    _composition, _output, rows = compose_and_load("Vitré", services, transport, tmp_path)
    assert loaded(rows)["charging_station_national_file"] == 3
    _composition, _output, rows = compose_and_load("Vitré Communauté", services, transport, tmp_path)
    counts = loaded(rows)
    assert counts["boundary"] == 12 and counts["charging_station_national_file"] == 4


def test_loadable_offline_once_its_replies_are_cached(services, transport, tmp_path, stand_ins):
    compose_and_load("Fégréac", services, transport, tmp_path)
    asked = len(stand_ins.log)
    composition = compose_profile("Fégréac", services, transport=transport)  # from the cached catalogs
    assert len(stand_ins.log) == asked
    path = str(tmp_path / "again.json")
    save_profile(composition.profile, path)
    report = load_territory(load_profile(path), str(tmp_path / "again.gpkg"), offline=True)
    assert len(stand_ins.log) == asked
    failed = [o.layer for o in report.failed if not o.layer.startswith("transit_")]
    assert failed == [] and len(report.loaded) >= 17
