"""The sources box: licences by their names, sources by their hosts, the OSM attribution from the source."""

from __future__ import annotations

import pytest
from open_territory.plugin.export.sources_text import (
    collect_sources,
    layer_source_rows,
    licence_name,
    source_name,
    sources_text,
)
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsRasterLayer, QgsVectorLayer

from .council_data import LAYERS, load_layers, make_territory


@pytest.mark.parametrize(
    ("given", "name"),
    [
        ("Licence Ouverte / Open Licence version 2.0", "Licence Ouverte / Open Licence 2.0 (Etalab)"),
        ("Licence Ouverte v2.0 (Etalab)", "Licence Ouverte / Open Licence 2.0 (Etalab)"),
        ("lov2", "Licence Ouverte / Open Licence 2.0 (Etalab)"),
        ("fr-lo", "Licence Ouverte / Open Licence 1.0 (Etalab)"),
        ("https://www.etalab.gouv.fr/licence-ouverte-open-licence/", "Licence Ouverte / Open Licence (Etalab)"),
        ("ODbL", "Open Database License (ODbL) 1.0"),
        ("odc-odbl", "Open Database License (ODbL) 1.0"),
        ("Open Data Commons Open Database License (ODbL)", "Open Database License (ODbL) 1.0"),
        ("https://opendatacommons.org/licenses/odbl/", "Open Database License (ODbL) 1.0"),
        ("CC-BY-4.0", "CC BY 4.0"),
        ("cc-by-sa", "CC BY-SA"),
        ("https://creativecommons.org/licenses/by-sa/3.0/fr/", "CC BY-SA 3.0"),
        ("https://creativecommons.org/licenses/by/4.0/", "CC BY 4.0"),
        ("CC0", "Creative Commons CC0 1.0"),
        ("notspecified", ""),
        ("", ""),
        (None, ""),
        ("Conditions of the operator", "Conditions of the operator"),
    ],
)
def test_licence_names(given, name):
    assert licence_name(given) == name


@pytest.mark.parametrize(
    ("given", "name"),
    [
        ("https://data.rennesmetropole.fr", "data.rennesmetropole.fr"),
        ("https://www.data.gouv.fr/fr/datasets/x/", "data.gouv.fr"),
        ("https://user:secret@portal.example/api", "portal.example"),
        ("openstreetmap", "OpenStreetMap"),
        ("https://overpass-api.de/api/interpreter", "OpenStreetMap"),
        ("GBFS VéloVilaine", "GBFS VéloVilaine"),
        ("", ""),
    ],
)
def test_source_names(given, name):
    assert source_name(given) == name


def memory_layer(name, rows):
    layer = QgsVectorLayer(
        "Point?crs=EPSG:2154&field=source:string&field=licence:string&field=source_dataset:string", name, "memory"
    )
    features = []
    for i, (source, licence) in enumerate(rows):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(350000 + i, 6790000)))
        feature["source"] = source
        feature["licence"] = licence
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_distinct_pairs_in_one_aggregate():
    layer = memory_layer(
        "mixed",
        [("openstreetmap", "ODbL")] * 50
        + [("https://data.example.fr", "lov2")] * 30
        + [("https://data.example.fr", None)],
    )
    assert layer_source_rows(layer) == [
        ("https://data.example.fr", "", ""),
        ("https://data.example.fr", "lov2", ""),
        ("openstreetmap", "ODbL", ""),
    ]


def test_text_lists_each_source_once_with_the_titles(tmp_path):
    gpkg = make_territory(tmp_path)
    layers = load_layers(gpkg)
    text = sources_text(layers)
    assert text.startswith("Sources: ")
    for meta in LAYERS.values():
        assert meta["title"] in text  # from the GeoPackage's sources table
    assert text.count("OpenStreetMap") == 2  # the source, and the attribution at the end
    assert text.endswith("© OpenStreetMap contributors")
    entries, unsourced = collect_sources(layers + load_layers(gpkg, ["car_park_ods"]))
    assert len(entries) == 4 and unsourced == []
    assert [e.source for e in entries if e.osm] == ["OpenStreetMap"]


def test_without_sources_table_the_layer_name_is_the_title(tmp_path):
    gpkg = make_territory(tmp_path, with_sources_table=False)
    text = sources_text(load_layers(gpkg, ["car_park_ods"]))
    assert text == "Sources: data.example-metropole.fr (Car parks) — Licence Ouverte / Open Licence 2.0 (Etalab)."


def test_every_layer_gets_a_source_line_from_its_provider(tmp_path):
    """No "source not stated": a layer without source fields names what its provider knows."""
    plain = QgsVectorLayer("Point?crs=EPSG:2154&field=x:integer", "Our own survey", "memory")
    blank = memory_layer("blank", [("", "")])
    entries, unsourced = collect_sources([plain, blank])
    assert unsourced == []
    assert [(e.source, e.titles) for e in entries] == [("this project's own data", ["Our own survey", "blank"])]
    assert sources_text([plain]) == "Sources: this project's own data (Our own survey)."
    assert sources_text([]) == ""
    unlicensed = memory_layer("survey", [("https://data.example.fr", "")])
    assert "licence not stated" in sources_text([unlicensed])
    survey = tmp_path / "survey_2026.geojson"
    survey.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    from_file = QgsVectorLayer(str(survey), "Counting points", "ogr")
    assert from_file.isValid()
    assert sources_text([from_file]) == "Sources: survey_2026.geojson (Counting points)."


def test_the_layer_metadata_names_the_source_and_licence():
    from qgis.core import QgsLayerMetadata

    layer = QgsVectorLayer("Point?crs=EPSG:2154&field=x:integer", "Tree survey", "memory")
    metadata = QgsLayerMetadata()
    metadata.setRights(["Ville de Vitré, service des espaces verts"])
    metadata.setLicenses(["etalab-2.0"])
    layer.setMetadata(metadata)
    text = sources_text([layer])
    assert text == "Sources: Ville de Vitré, service des espaces verts (Tree survey) — " + (
        "Licence Ouverte / Open Licence 2.0 (Etalab)."
    )


def test_a_web_service_is_named_by_its_host():
    wms = QgsRasterLayer(
        "contextualWMSLegend=0&crs=EPSG:2154&format=image/png&layers=ORTHOIMAGERY&styles="
        "&url=https://data.geopf.fr/wms-r",
        "Orthophoto",
        "wms",
    )
    entries, unsourced = collect_sources([wms])
    assert unsourced == [] and [(e.source, e.titles) for e in entries] == [("data.geopf.fr", ["Orthophoto"])]
    assert sources_text([wms]) == "Sources: data.geopf.fr (Orthophoto) — licence not stated."


def test_a_planning_overlay_names_its_inputs():
    from open_territory.plugin.planning.provenance import mark_made_from

    gaps = QgsVectorLayer("Polygon?crs=EPSG:2154&field=open_unserved:integer", "Gaps", "memory")
    mark_made_from(gaps, ["Challenges", "Car parks", "Actors"])
    assert sources_text([gaps]) == "Sources: Open Territory planning, from Challenges, Car parks, Actors (Gaps)."
    assert "Open Territory planning, from Challenges, Car parks, Actors" in gaps.metadata().history()


def test_osm_basemap_gets_the_attribution():
    basemap = QgsRasterLayer(
        "type=xyz&url=https://tile.openstreetmap.org/{z}/{x}/{y}.png&zmax=19&zmin=0", "OSM basemap", "wms"
    )
    text = sources_text([basemap])
    assert "OpenStreetMap" in text and text.endswith("© OpenStreetMap contributors")


def test_register_and_database_layers_are_named_without_their_connection():
    from open_territory.plugin.register.project_layers import TABLE_PROPERTY

    challenges = QgsVectorLayer("Point?crs=EPSG:2154&field=title:string", "Challenges", "memory")
    challenges.setCustomProperty(TABLE_PROPERTY, "challenges")
    assert sources_text([challenges]) == "Sources: the territory's register of challenges and actors (Challenges)."
    database = QgsVectorLayer(
        "dbname='mobility' host=127.0.0.1 port=1 user='planner' password='s3cret' sslmode=disable key='fid' "
        'srid=2154 type=Point checkPrimaryKeyUnicity=\'0\' table="public"."counts" (geom)',
        "Traffic counts",
        "postgres",
    )
    text = sources_text([database])
    assert text == "Sources: database mobility (Traffic counts)."
    assert "s3cret" not in text and "planner" not in text
