"""The `national_file` source: downloaded once (cached), copied once, typed by its schema, cut down by GDAL."""

import os

import pytest
from open_territory.plugin.sources import registry
from open_territory.plugin.sources.national_file import NationalFileSource
from open_territory.plugin.toolbelt.errors import Cancelled, InputError, OpenTerritoryError
from open_territory.plugin.toolbelt.layer_writer import file_target
from open_territory.plugin.toolbelt.network import Transport
from open_territory.plugin.toolbelt.settings import PluginSettings
from osgeo import ogr
from qgis.core import QgsFeedback

from ...compose.conftest import root, stand_ins  # noqa: F401 - fixtures
from ...compose.standins import DATA


@pytest.fixture()
def transport(tmp_path):
    return Transport(retries=0, cache_dir=str(tmp_path / "cache"))


def spec(root, **extra):  # noqa: F811 - the fixture's value
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


def file_requests(stand_ins, name):  # noqa: F811
    return [path for _method, path, _query in stand_ins.log if path.endswith(name)]


def test_declared_once_for_profiles_and_the_territory_load():
    assert registry.source_class("national_file") is NationalFileSource
    declaration = registry.declaration("national_file")
    assert declaration.required == ("url",) and "extent" in declaration.coverage


def test_fetch_a_territory_out_of_the_national_file(stand_ins, root, transport, tmp_path):  # noqa: F811
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
    assert first["source"] == result.source and first["name"] == first["nom_station"]
    definition = layer.GetLayerDefn()
    assert definition.GetFieldDefn(definition.GetFieldIndex("nbre_pdc")).GetTypeName() == "Integer"


def test_the_file_is_downloaded_once_for_several_territories(stand_ins, root, transport, tmp_path):  # noqa: F811
    source = NationalFileSource(transport)
    source.fetch(spec(root), file_target(str(tmp_path / "a.gpkg"), "a"), "charging_station")
    second = source.fetch(
        spec(root, communes=["2A004"]), file_target(str(tmp_path / "b.gpkg"), "b"), "charging_station"
    )
    assert second.feature_count == 2
    assert len(file_requests(stand_ins, "/files/irve.csv")) == 1


def test_a_schema_that_cannot_be_read_leaves_text_columns(stand_ins, root, transport, tmp_path):  # noqa: F811
    stand_ins.down.add("/schemas/")
    output = str(tmp_path / "t.gpkg")
    result = NationalFileSource(transport).fetch(spec(root), file_target(output, "irve"), "charging_station")
    assert result.feature_count == 4
    assert len(result.warnings) == 1 and "schema" in result.warnings[0] and "503" in result.warnings[0]
    dataset = ogr.Open(output)
    definition = dataset.GetLayerByName("irve").GetLayerDefn()
    assert definition.GetFieldDefn(definition.GetFieldIndex("nbre_pdc")).GetTypeName() == "String"


def test_a_file_that_is_down_names_it_and_writes_nothing(stand_ins, root, transport, tmp_path):  # noqa: F811
    stand_ins.down.add("/files/")
    with pytest.raises(OpenTerritoryError) as caught:
        NationalFileSource(transport).fetch(
            spec(root), file_target(str(tmp_path / "t.gpkg"), "irve"), "charging_station"
        )
    assert str(caught.value).startswith("IRVE: ") and "503" in str(caught.value)
    assert not (tmp_path / "t.gpkg").exists()


def test_a_large_download_is_said_in_the_warnings(httpserver, stand_ins, root, transport, tmp_path):  # noqa: F811
    with open(os.path.join(DATA, "files", "irve.csv"), encoding="utf-8") as handle:
        header, *lines = handle.read().splitlines()
    body = "\n".join([header] + lines * (1 + 1_100_000 // len("\n".join(lines)))) + "\n"
    httpserver.expect_oneshot_request("/files/big.csv").respond_with_data(body, content_type="text/csv")
    source = NationalFileSource(transport, settings=PluginSettings(download_warning_mb=1))
    target = file_target(str(tmp_path / "t.gpkg"), "irve")
    first = source.fetch(spec(root, url=f"{root}/files/big.csv"), target, "charging_station")
    assert len(first.warnings) == 1 and first.warnings[0].startswith("Large download: IRVE 1 MB > 1 MB")
    again = source.fetch(spec(root, url=f"{root}/files/big.csv"), target, "charging_station")
    assert again.warnings == [] and again.feature_count == first.feature_count  # from the cache: nothing downloaded


def test_the_extent_given_by_the_loader(stand_ins, root, transport, tmp_path):  # noqa: F811
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


def test_nothing_restricting_the_file_is_refused(stand_ins, root, transport, tmp_path):  # noqa: F811
    with pytest.raises(InputError):
        NationalFileSource(transport).fetch(
            spec(root, communes=[]), file_target(str(tmp_path / "t.gpkg"), "x"), "charging_station"
        )
    assert stand_ins.log == []


def test_a_cancelled_load_leaves_the_output_as_it_was(stand_ins, root, transport, tmp_path):  # noqa: F811
    output = str(tmp_path / "t.gpkg")
    NationalFileSource(transport).fetch(spec(root), file_target(output, "irve"), "charging_station")
    before = open(output, "rb").read()
    feedback = QgsFeedback()
    feedback.cancel()
    with pytest.raises(Cancelled):
        NationalFileSource(Transport(retries=0, cache_dir=transport.cache.folder, feedback=feedback)).fetch(
            spec(root, communes=["35238"]), file_target(output, "irve"), "charging_station", feedback
        )
    assert open(output, "rb").read() == before
