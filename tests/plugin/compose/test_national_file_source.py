"""The `national_file` source: download once (cached), type by the schema, filter with GDAL."""

import pytest
from open_territory.plugin.compose.national_file_source import NationalFileSource
from open_territory.plugin.toolbelt.errors import OpenTerritoryError
from open_territory.plugin.toolbelt.layer_writer import file_target
from osgeo import ogr


def spec(root, **extra):
    base = {
        "url": f"{root}/files/irve.csv",
        "format": "csv",
        "insee_fields": ["code_insee_commune"],
        "communes": ["35360", "35068"],
        "lon_field": "consolidated_longitude",
        "lat_field": "consolidated_latitude",
        "schema": f"{root}/schemas/etalab/schema-irve-statique/2.3.1/schema-statique.json",
        "licence": "Licence Ouverte / Open Licence version 2.0",
        "dataset": f"{root}/transport/datasets/irve",
        "title": "IRVE",
    }
    base.update(extra)
    return base


def file_requests(stand_ins, name):
    return [path for method, path, _query in stand_ins.log if path.endswith(name)]


def test_fetch_a_territory_out_of_the_national_file(stand_ins, root, transport, tmp_path):
    output = str(tmp_path / "territory.gpkg")
    result = NationalFileSource(transport).fetch(
        spec(root), file_target(output, "charging_station_national_file"), "charging_station"
    )
    assert result.feature_count == 4 and result.warnings == []
    assert result.dataset == f"{root}/transport/datasets/irve" and result.url == f"{root}/files/irve.csv"
    dataset = ogr.Open(output)  # kept: a layer outlives its dataset only in a crash
    layer = dataset.GetLayerByName("charging_station_national_file")
    first = next(iter(layer))
    assert first["category"] == "charging_station" and first["licence"].startswith("Licence Ouverte")
    assert first["name"] == first["nom_station"]
    assert layer.GetLayerDefn().GetFieldDefn(layer.GetLayerDefn().GetFieldIndex("nbre_pdc")).GetTypeName() == "Integer"


def test_the_file_is_downloaded_once_for_several_territories(stand_ins, root, transport, tmp_path):
    source = NationalFileSource(transport)
    source.fetch(spec(root), file_target(str(tmp_path / "a.gpkg"), "a"), "charging_station")
    second = source.fetch(
        spec(root, communes=["2A004"]), file_target(str(tmp_path / "b.gpkg"), "b"), "charging_station"
    )
    assert second.feature_count == 2
    assert len(file_requests(stand_ins, "/files/irve.csv")) == 1


def test_a_schema_that_cannot_be_read_leaves_text_columns(stand_ins, root, transport, tmp_path):
    stand_ins.down.add("/schemas/")
    output = str(tmp_path / "t.gpkg")
    result = NationalFileSource(transport).fetch(spec(root), file_target(output, "irve"), "charging_station")
    assert result.feature_count == 4
    assert len(result.warnings) == 1 and "schema" in result.warnings[0] and "503" in result.warnings[0]
    dataset = ogr.Open(output)
    definition = dataset.GetLayerByName("irve").GetLayerDefn()
    assert definition.GetFieldDefn(definition.GetFieldIndex("nbre_pdc")).GetTypeName() == "String"


def test_a_file_that_is_down_is_a_source_error(stand_ins, root, transport, tmp_path):
    stand_ins.down.add("/files/")
    with pytest.raises(OpenTerritoryError) as caught:
        NationalFileSource(transport).fetch(
            spec(root), file_target(str(tmp_path / "t.gpkg"), "irve"), "charging_station"
        )
    assert "503" in str(caught.value) and "localhost" in str(caught.value)
    assert not (tmp_path / "t.gpkg").exists()


def test_the_extent_given_by_the_loader(stand_ins, root, transport, tmp_path):
    entry = spec(
        root,
        url=f"{root}/files/bnlc.csv",
        insee_fields=[],
        communes=[],
        schema="",
        extent=[-1.31, 48.045, -1.26, 48.095],
    )
    entry.pop("lon_field"), entry.pop("lat_field")
    result = NationalFileSource(transport).fetch(
        entry, file_target(str(tmp_path / "t.gpkg"), "carpool"), "carpool_area"
    )
    assert result.feature_count == 1
