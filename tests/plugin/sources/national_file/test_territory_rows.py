"""A national file cut down to a territory by GDAL: INSEE columns, or the extent; typed by its schema."""

import json
import os
import shutil

import pytest
from open_territory.plugin.formats.table_schema import SchemaField, table_fields
from open_territory.plugin.sources.national_file.territory_rows import (
    FileReading,
    TerritoryFilter,
    codes_where,
    write_territory_rows,
)
from open_territory.plugin.toolbelt.errors import Cancelled, ReplyError
from open_territory.plugin.toolbelt.layer_writer import file_target, layer_target
from osgeo import ogr
from qgis.core import QgsFeedback

from ...compose.data.territories import RENNES_METROPOLE, VITRE_COMMUNAUTE

DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "compose", "data")
COMMON = {"category": "charging_station", "source": "test", "source_dataset": "irve", "licence": "lov2"}
IRVE_SCHEMA = "schema-irve-statique/2.3.1/schema-statique.json"


def fields_of(name):
    with open(os.path.join(DATA, "schemas", "etalab", name), encoding="utf-8") as handle:
        return tuple(table_fields(json.load(handle)))


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


def write(source, target, reading=None, insee=(), codes=(), extent=(), names=(), feedback=None, **common):
    territory = TerritoryFilter(tuple(insee), tuple(codes), tuple(extent), tuple(names))
    return write_territory_rows(source, target, dict(COMMON, **common), reading or FileReading(), territory, feedback)


def irve(tmp_path, codes, fields=()):
    output = str(tmp_path / "out.gpkg")
    reading = FileReading("csv", "consolidated_longitude", "consolidated_latitude", fields, "IRVE")
    path = os.path.join(DATA, "files", "irve.csv")
    return write(path, file_target(output, "out"), reading, ["code_insee_commune"], codes), output


def test_codes_where():
    assert codes_where(["insee"], ["35360", "35068", "35360"]) == "\"insee\" IN ('35068', '35360')"
    assert codes_where(["a", "b"], ["2A004"]) == "\"a\" IN ('2A004') OR \"b\" IN ('2A004')"


def test_irve_for_one_epci_typed_by_its_schema(tmp_path):
    codes = [code for code, *_ in VITRE_COMMUNAUTE]
    count, output = irve(tmp_path, codes, fields_of(IRVE_SCHEMA))
    features, types, _geometry = rows(output, "out")
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


def test_booleans_in_french_and_in_the_schemas_own_words(tmp_path):
    """GDAL reads "VRAI" as nothing: every spelling is read, and an unknown one stays null."""
    source = tmp_path / "bnlc.csv"
    source.write_text(
        "id_lieu,insee,Xlong,Ylat,ouvert,lumiere,gratuit\n"
        "a,35360,-1.2967,48.0589,VRAI,faux,Payant\n"
        "b,35360,-1.2967,48.0589,true,False,Gratuit\n"
        "c,35360,-1.2967,48.0589,,1,peut-être\n"
        "d,35238,-1.2967,48.0589,VRAI,VRAI,Gratuit\n",
        encoding="utf-8",
    )
    fields = (
        SchemaField("ouvert", "boolean"),
        SchemaField("lumiere", "boolean"),
        SchemaField("gratuit", "boolean", ("Gratuit",), ("Payant",)),
        SchemaField("Xlong", "number"),
    )
    output = str(tmp_path / "out.gpkg")
    reading = FileReading("csv", "Xlong", "Ylat", fields, "BNLC")
    count = write(str(source), file_target(output, "out"), reading, ["insee"], ["35360"])
    features, types, _geometry = rows(output, "out")
    assert count == 3 and types["ouvert"] == types["gratuit"] == ("Integer", ogr.OFSTBoolean)
    values = {f["id_lieu"]: (f["ouvert"], f["lumiere"], f["gratuit"]) for f, _g in features}
    assert values == {"a": (1, 0, 0), "b": (1, 0, 1), "c": (None, 1, None)}


def test_without_a_schema_every_column_is_text(tmp_path):
    _count, output = irve(tmp_path, ["35360"])
    _features, types, _geometry = rows(output, "out")
    assert types["nbre_pdc"][0] == "String" and types["gratuit"][0] == "String"


def test_rows_without_a_commune_and_homonyms(tmp_path):
    """The row the operator gave no INSEE code is out; Saint-Denis (974) is not Saint-Denis (93);
    Corsica's codes hold letters."""
    assert irve(tmp_path, [code for code, *_ in RENNES_METROPOLE])[0] == 8
    assert irve(tmp_path / "a", ["97411"])[0] == 2
    assert irve(tmp_path / "b", ["93066"])[0] == 1
    assert irve(tmp_path / "c", ["2A004", "2A006"])[0] == 2


def test_the_cached_file_is_left_as_it_was(tmp_path):
    source = tmp_path / "cache" / "0123.body"
    source.parent.mkdir()
    shutil.copy(os.path.join(DATA, "files", "irve.csv"), source)
    before = source.read_bytes()
    reading = FileReading("csv", "consolidated_longitude", "consolidated_latitude", fields_of(IRVE_SCHEMA), "IRVE")
    count = write(
        str(source), file_target(str(tmp_path / "out.gpkg"), "irve"), reading, ["code_insee_commune"], ["35360"]
    )
    assert count == 3
    assert source.read_bytes() == before and os.listdir(source.parent) == ["0123.body"]
    assert sorted(os.listdir(tmp_path)) == ["cache", "out.gpkg"]  # the scratch folder is gone


def test_accidents_with_decimal_commas_and_arrondissements(tmp_path):
    output = str(tmp_path / "out.gpkg")
    paris = ["75056"] + [f"751{n:02d}" for n in range(1, 21)]
    path = os.path.join(DATA, "files", "caracteristiques-2023.csv")
    target = file_target(output, "road_accident")
    count = write(path, target, FileReading("", "long", "lat"), ["com"], paris, names=["adr"], category="road_accident")
    features, _types, _geometry = rows(output, "road_accident")
    assert count == 3 and sorted(f["com"] for f, _g in features) == ["75105", "75118", "75118"]
    for feature, geometry in features:
        assert geometry.GetY() == pytest.approx(float(feature["lat"]))  # "48,86..." read as 48.86...
        assert 2.2 < geometry.GetX() < 2.5
        assert feature["name"] == feature["adr"]


def test_cycle_facilities_on_either_side(tmp_path):
    output = str(tmp_path / "out.gpkg")
    path = os.path.join(DATA, "files", "amenagements_cyclables.geojson")
    codes = [code for code, *_ in VITRE_COMMUNAUTE]
    count = write(path, file_target(output, "out"), FileReading("geojson"), ["code_com_d", "code_com_g"], codes)
    features, _types, geometry_type = rows(output, "out")
    assert count == 2  # one in Vitré, one from Châteaubourg (right side) to Vitré (left side)
    assert ogr.GT_Flatten(geometry_type) == ogr.wkbMultiLineString
    assert {(f["code_com_d"], f["code_com_g"]) for f, _g in features} == {("35360", "35360"), ("35068", "35360")}


def test_the_extent_when_no_insee_column_is_named(tmp_path):
    output = str(tmp_path / "out.gpkg")
    # Vitré's cell in the fixtures: x -1.31 to -1.26, y 48.045 to 48.095.
    path = os.path.join(DATA, "files", "bnlc.csv")
    count = write(path, file_target(output, "out"), extent=[-1.31, 48.045, -1.26, 48.095], category="carpool_area")
    features, _types, _geometry = rows(output, "out")
    assert count == 1 and features[0][0]["insee"] == "35360"


def test_a_missing_insee_column_names_the_columns(tmp_path):
    with pytest.raises(ReplyError) as caught:
        path = os.path.join(DATA, "files", "bnlc.csv")
        write(path, file_target(str(tmp_path / "o.gpkg"), "x"), FileReading(what="BNLC"), ["code_insee"], ["35360"])
    message = str(caught.value)
    assert "code_insee" in message and "id_lieu" in message and message.startswith("BNLC")
    assert os.listdir(tmp_path) == []  # no output, no scratch left


def test_a_latin1_file(tmp_path):
    source = tmp_path / "latin1.csv"
    text = "nom;insee;lat;long\nAire de l'Étang;44058;47,65;-2,08\nAire du Bourg;35360;48,07;-1,28\n"
    source.write_bytes(text.encode("cp1252"))
    output = str(tmp_path / "out.gpkg")
    assert write(str(source), file_target(output, "x"), FileReading(), ["insee"], ["44058"]) == 1
    features, _types, _geometry = rows(output, "x")
    assert features[0][0]["nom"] == "Aire de l'Étang"


def test_a_cancelled_cut_leaves_the_output_as_it_was(tmp_path):
    output = str(tmp_path / "t.gpkg")
    path = os.path.join(DATA, "files", "bnlc.csv")
    write(path, layer_target(output, "a"), FileReading(), ["insee"], ["35360"])
    before = open(output, "rb").read()
    feedback = QgsFeedback()
    feedback.cancel()
    with pytest.raises(Cancelled):
        write(path, layer_target(output, "a"), FileReading(), ["insee"], ["35238"], feedback=feedback)
    assert open(output, "rb").read() == before and os.listdir(tmp_path) == ["t.gpkg"]


def test_a_layer_replaced_in_a_territory_geopackage(tmp_path):
    output = str(tmp_path / "territory.gpkg")
    path = os.path.join(DATA, "files", "bnlc.csv")
    write(path, file_target(output, "a"), FileReading(), ["insee"], ["35360"])
    for codes in (["35238"], ["35238", "35051"]):
        write(path, layer_target(output, "b"), FileReading(), ["insee"], codes)
    dataset = ogr.Open(output)
    assert dataset.GetLayerByName("a").GetFeatureCount() == 1
    assert dataset.GetLayerByName("b").GetFeatureCount() == 3
