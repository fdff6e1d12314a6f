"""A national file cut down to a territory by GDAL: INSEE columns, or the extent."""

import os
import shutil

import pytest
from open_territory.plugin.compose.national_filter import codes_where, filter_national_file
from open_territory.plugin.compose.schema_catalog import table_fields
from open_territory.plugin.toolbelt.errors import InputError, ReplyError
from open_territory.plugin.toolbelt.layer_writer import file_target, layer_target
from osgeo import ogr

from .data.territories import RENNES_METROPOLE, VITRE_COMMUNAUTE

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
COMMON = {"category": "charging_station", "source": "test", "source_dataset": "irve", "licence": "lov2"}


def fields_of(name):
    import json

    with open(os.path.join(DATA, "schemas", "etalab", name), encoding="utf-8") as handle:
        return table_fields(json.load(handle))


def rows(path, layer):
    dataset = ogr.Open(path)
    found = dataset.GetLayerByName(layer)
    definition = found.GetLayerDefn()
    types = {
        definition.GetFieldDefn(i).GetName(): (
            definition.GetFieldDefn(i).GetTypeName(),
            definition.GetFieldDefn(i).GetSubType(),
        )
        for i in range(definition.GetFieldCount())
    }
    features = [(f.items(), f.GetGeometryRef().Clone() if f.GetGeometryRef() else None) for f in found]
    return features, types, found.GetGeomType()


def irve(tmp_path, codes, **kw):
    output = str(tmp_path / "out.gpkg")
    count = filter_national_file(
        os.path.join(DATA, "files", "irve.csv"),
        file_target(output, "charging_station_national_file"),
        COMMON,
        insee_fields=["code_insee_commune"],
        codes=codes,
        lon_field="consolidated_longitude",
        lat_field="consolidated_latitude",
        **kw,
    )
    return count, output


def test_codes_where():
    assert codes_where(["insee"], ["35360", "35068", "35360"]) == "\"insee\" IN ('35068', '35360')"
    assert codes_where(["a", "b"], ["2A004"]) == "\"a\" IN ('2A004') OR \"b\" IN ('2A004')"


def test_irve_for_one_epci_typed_by_its_schema(tmp_path):
    codes = [code for code, *_ in VITRE_COMMUNAUTE]
    count, output = irve(tmp_path, codes, field_types=fields_of("schema-irve-statique/2.3.1/schema-statique.json"))
    features, types, _geometry = rows(output, "charging_station_national_file")
    assert count == len(features) == 4  # three in Vitré, one in Châteaubourg
    assert {f["code_insee_commune"] for f, _g in features} == {"35360", "35068"}
    assert types["nbre_pdc"] == ("Integer", ogr.OFSTNone)
    assert types["puissance_nominale"][0] == "Real"
    assert types["gratuit"] == ("Integer", ogr.OFSTBoolean)
    assert types["date_maj"][0] == "Date"
    assert types["consolidated_commune"][0] == "String"  # added by the consolidation, unknown to the schema
    free = {f["nom_station"]: f["gratuit"] for f, _g in features}
    assert free["Châteaubourg Mairie 1"] == 1 and free["Vitré Gare 1"] == 0
    for feature, geometry in features:
        assert feature["category"] == "charging_station" and feature["source"] == "test"
        assert geometry.GetX() == pytest.approx(float(feature["consolidated_longitude"]))
        assert 48.0 < geometry.GetY() < 48.2


def test_without_a_schema_every_column_is_text(tmp_path):
    _count, output = irve(tmp_path, ["35360"])
    _features, types, _geometry = rows(output, "charging_station_national_file")
    assert types["nbre_pdc"][0] == "String"


def test_rows_without_a_commune_and_homonyms(tmp_path):
    """The row the operator gave no INSEE code is out; Saint-Denis (974) is not Saint-Denis (93);
    Corsica's codes hold letters."""
    count, _output = irve(tmp_path, [code for code, *_ in RENNES_METROPOLE])
    assert count == 8
    assert irve(tmp_path / "a", ["97411"])[0] == 2
    assert irve(tmp_path / "b", ["93066"])[0] == 1
    assert irve(tmp_path / "c", ["2A004", "2A006"])[0] == 2


def test_the_cached_file_is_left_as_it_was(tmp_path):
    source = tmp_path / "cache" / "0123.body"
    source.parent.mkdir()
    shutil.copy(os.path.join(DATA, "files", "irve.csv"), source)
    before = source.read_bytes()
    count = filter_national_file(
        str(source),
        file_target(str(tmp_path / "out.gpkg"), "irve"),
        COMMON,
        insee_fields=["code_insee_commune"],
        codes=["35360"],
        file_format="csv",
        lon_field="consolidated_longitude",
        lat_field="consolidated_latitude",
        field_types=fields_of("schema-irve-statique/2.3.1/schema-statique.json"),
    )
    assert count == 3
    assert source.read_bytes() == before and os.listdir(source.parent) == ["0123.body"]
    assert sorted(os.listdir(tmp_path)) == ["cache", "out.gpkg"]  # the scratch folder is gone


def test_accidents_with_decimal_commas_and_arrondissements(tmp_path):
    output = str(tmp_path / "out.gpkg")
    paris = ["75056"] + [f"751{n:02d}" for n in range(1, 21)]
    count = filter_national_file(
        os.path.join(DATA, "files", "caracteristiques-2023.csv"),
        file_target(output, "road_accident_national_file"),
        dict(COMMON, category="road_accident"),
        insee_fields=["com"],
        codes=paris,
        lon_field="long",
        lat_field="lat",
        name_fields=("adr",),
    )
    features, _types, _geometry = rows(output, "road_accident_national_file")
    assert count == 3 and sorted(f["com"] for f, _g in features) == ["75105", "75118", "75118"]
    for feature, geometry in features:
        assert geometry.GetY() == pytest.approx(float(feature["lat"]))  # "48,86..." read as 48.86...
        assert 2.2 < geometry.GetX() < 2.5
        assert feature["name"] == feature["adr"]


def test_cycle_facilities_on_either_side(tmp_path):
    output = str(tmp_path / "out.gpkg")
    count = filter_national_file(
        os.path.join(DATA, "files", "amenagements_cyclables.geojson"),
        file_target(output, "cycleway_national_file"),
        dict(COMMON, category="cycleway"),
        insee_fields=["code_com_d", "code_com_g"],
        codes=[code for code, *_ in VITRE_COMMUNAUTE],
    )
    features, _types, geometry_type = rows(output, "cycleway_national_file")
    assert count == 2  # one in Vitré, one from Châteaubourg (right side) to Vitré (left side)
    assert ogr.GT_Flatten(geometry_type) == ogr.wkbMultiLineString
    assert {(f["code_com_d"], f["code_com_g"]) for f, _g in features} == {("35360", "35360"), ("35068", "35360")}


def test_the_extent_when_no_insee_column_is_named(tmp_path):
    output = str(tmp_path / "out.gpkg")
    # Vitré's cell in the fixtures: x -1.31 to -1.26, y 48.045 to 48.095.
    count = filter_national_file(
        os.path.join(DATA, "files", "bnlc.csv"),
        file_target(output, "carpool_area_national_file"),
        dict(COMMON, category="carpool_area"),
        extent=[-1.31, 48.045, -1.26, 48.095],
    )
    features, _types, _geometry = rows(output, "carpool_area_national_file")
    assert count == 1 and features[0][0]["insee"] == "35360"


def test_nothing_restricting_the_file_is_refused(tmp_path):
    with pytest.raises(InputError):
        filter_national_file(
            os.path.join(DATA, "files", "bnlc.csv"), file_target(str(tmp_path / "o.gpkg"), "x"), COMMON
        )


def test_a_missing_insee_column_names_the_columns(tmp_path):
    with pytest.raises(ReplyError) as caught:
        filter_national_file(
            os.path.join(DATA, "files", "bnlc.csv"),
            file_target(str(tmp_path / "o.gpkg"), "x"),
            COMMON,
            insee_fields=["code_insee"],
            codes=["35360"],
            what="BNLC",
        )
    assert "code_insee" in str(caught.value) and "id_lieu" in str(caught.value) and str(caught.value).startswith("BNLC")
    assert not (tmp_path / "o.gpkg").exists()


def test_a_latin1_file(tmp_path):
    source = tmp_path / "latin1.csv"
    text = "nom;insee;lat;long\nAire de l'Étang;44058;47,65;-2,08\nAire du Bourg;35360;48,07;-1,28\n"
    source.write_bytes(text.encode("cp1252"))
    output = str(tmp_path / "out.gpkg")
    assert (
        filter_national_file(str(source), file_target(output, "x"), COMMON, insee_fields=["insee"], codes=["44058"])
        == 1
    )
    features, _types, _geometry = rows(output, "x")
    assert features[0][0]["nom"] == "Aire de l'Étang"


def test_append_replaces_the_layer_in_a_territory_geopackage(tmp_path):
    output = str(tmp_path / "territory.gpkg")
    filter_national_file(
        os.path.join(DATA, "files", "bnlc.csv"),
        file_target(output, "a"),
        COMMON,
        insee_fields=["insee"],
        codes=["35360"],
    )
    for codes in (["35238"], ["35238", "35051"]):
        filter_national_file(
            os.path.join(DATA, "files", "bnlc.csv"),
            layer_target(output, "b"),
            COMMON,
            insee_fields=["insee"],
            codes=codes,
        )
    dataset = ogr.Open(output)
    assert dataset.GetLayerByName("a").GetFeatureCount() == 1
    assert dataset.GetLayerByName("b").GetFeatureCount() == 3
