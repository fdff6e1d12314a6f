"""A national file copied once into an indexed GeoPackage, then cut down to a territory by GDAL: INSEE columns,
or the extent."""

import json
import os
import shutil
from dataclasses import replace

import pytest
from open_territory.plugin.formats.table_schema import SchemaField, table_fields
from open_territory.plugin.sources.national_file import codes_where, write_territory
from open_territory.plugin.sources.national_file.local_copy import COPY_LAYER, FileReading, local_copy
from open_territory.plugin.toolbelt.errors import Cancelled, ReplyError
from open_territory.plugin.toolbelt.layer_writer import file_target, layer_target
from osgeo import ogr
from qgis.core import QgsFeedback

from ...compose.data.territories import RENNES_METROPOLE, VITRE_COMMUNAUTE

DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "compose", "data")
COMMON = {"category": "charging_station", "source": "test", "source_dataset": "irve", "licence": "lov2"}
IRVE = FileReading("csv", "consolidated_longitude", "consolidated_latitude", (), ("code_insee_commune",), what="IRVE")


def fields_of(name):
    with open(os.path.join(DATA, "schemas", "etalab", name), encoding="utf-8") as handle:
        return tuple(table_fields(json.load(handle)))


IRVE_FIELDS = "schema-irve-statique/2.3.1/schema-statique.json"


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


def cut(copy, tmp_path, codes=(), insee=("code_insee_commune",), extent=None, layer="out", **common):
    output = str(tmp_path / "out.gpkg")
    count = write_territory(copy, file_target(output, layer), dict(COMMON, **common), list(insee), list(codes), extent)
    return count, output


def irve(tmp_path, codes, fields=()):
    copy = local_copy(os.path.join(DATA, "files", "irve.csv"), str(tmp_path / "copies"), replace(IRVE, fields=fields))
    return cut(copy, tmp_path, codes)


def test_codes_where():
    assert codes_where(["insee"], ["35360", "35068", "35360"]) == "\"insee\" IN ('35068', '35360')"
    assert codes_where(["a", "b"], ["2A004"]) == "\"a\" IN ('2A004') OR \"b\" IN ('2A004')"


def test_irve_for_one_epci_typed_by_its_schema(tmp_path):
    codes = [code for code, *_ in VITRE_COMMUNAUTE]
    count, output = irve(tmp_path, codes, fields_of(IRVE_FIELDS))
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


def test_the_copy_is_indexed_on_its_insee_columns(tmp_path):
    copy = local_copy(os.path.join(DATA, "files", "irve.csv"), str(tmp_path), IRVE)
    dataset = ogr.Open(copy)
    plan = dataset.ExecuteSQL(
        f"EXPLAIN QUERY PLAN SELECT * FROM {COPY_LAYER} WHERE code_insee_commune IN ('35360')", dialect="SQLite"
    )
    steps = " ".join(str(feature.GetField(feature.GetFieldCount() - 1)) for feature in plan)
    dataset.ReleaseResultSet(plan)
    assert "USING INDEX" in steps, steps


def test_booleans_in_french_and_in_the_schemas_own_words(tmp_path):
    """GDAL reads "VRAI" as nothing: the copy reads every spelling, and an unknown one stays null."""
    source = tmp_path / "bnlc.csv"
    source.write_text(
        "id_lieu,insee,Xlong,Ylat,ouvert,lumiere,gratuit\n"
        "a,35360,-1.2967,48.0589,VRAI,faux,Payant\n"
        "b,35360,-1.2967,48.0589,true,False,Gratuit\n"
        "c,35360,-1.2967,48.0589,,1,peut-être\n",
        encoding="utf-8",
    )
    fields = (
        SchemaField("ouvert", "boolean"),
        SchemaField("lumiere", "boolean"),
        SchemaField("gratuit", "boolean", ("Gratuit",), ("Payant",)),
        SchemaField("Xlong", "number"),
    )
    reading = FileReading("csv", "Xlong", "Ylat", fields, ("insee",), what="BNLC")
    copy = local_copy(str(source), str(tmp_path / "copies"), reading)
    count, output = cut(copy, tmp_path, ["35360"], insee=["insee"])
    features, types, _geometry = rows(output, "out")
    assert count == 3 and types["ouvert"] == types["gratuit"] == ("Integer", ogr.OFSTBoolean)
    values = {f["id_lieu"]: (f["ouvert"], f["lumiere"], f["gratuit"]) for f, _g in features}
    assert values == {"a": (1, 0, 0), "b": (1, 0, 1), "c": (None, 1, None)}


def test_the_copy_is_made_once_and_again_when_the_file_changes(tmp_path):
    source = tmp_path / "cache" / "0123.body"
    source.parent.mkdir()
    shutil.copy(os.path.join(DATA, "files", "irve.csv"), source)
    before = source.read_bytes()
    folder = str(tmp_path / "copies")
    first = local_copy(str(source), folder, IRVE)
    made = os.stat(first).st_mtime_ns
    assert local_copy(str(source), folder, IRVE) == first and os.stat(first).st_mtime_ns == made
    assert source.read_bytes() == before and os.listdir(source.parent) == ["0123.body"]  # the cached file as it was
    assert sorted(os.listdir(folder)) == sorted([os.path.basename(first), os.path.basename(first)[:-5] + ".json"])
    with open(source, "a", encoding="utf-8") as handle:  # a new download of the file
        handle.write(before.decode("utf-8").splitlines()[1].replace("FRXYZP000001", "FRXYZP999999") + "\n")
    again = local_copy(str(source), folder, IRVE)
    assert again == first and cut(again, tmp_path, ["35238"])[0] == 6  # five stations in Rennes, and the new one
    assert len(os.listdir(folder)) == 2  # the new copy replaced the old one


def test_without_a_schema_every_column_is_text(tmp_path):
    _count, output = irve(tmp_path, ["35360"])
    _features, types, _geometry = rows(output, "out")
    assert types["nbre_pdc"][0] == "String"


def test_rows_without_a_commune_and_homonyms(tmp_path):
    """The row the operator gave no INSEE code is out; Saint-Denis (974) is not Saint-Denis (93);
    Corsica's codes hold letters."""
    count, _output = irve(tmp_path, [code for code, *_ in RENNES_METROPOLE])
    assert count == 8
    assert irve(tmp_path / "a", ["97411"])[0] == 2
    assert irve(tmp_path / "b", ["93066"])[0] == 1
    assert irve(tmp_path / "c", ["2A004", "2A006"])[0] == 2


def test_accidents_with_decimal_commas_and_arrondissements(tmp_path):
    reading = FileReading("", "long", "lat", (), ("com",), what="accidents")
    copy = local_copy(os.path.join(DATA, "files", "caracteristiques-2023.csv"), str(tmp_path / "copies"), reading)
    paris = ["75056"] + [f"751{n:02d}" for n in range(1, 21)]
    output = str(tmp_path / "out.gpkg")
    count = write_territory(
        copy,
        file_target(output, "road_accident"),
        dict(COMMON, category="road_accident"),
        ["com"],
        paris,
        None,
        ["adr"],
    )
    features, _types, _geometry = rows(output, "road_accident")
    assert count == 3 and sorted(f["com"] for f, _g in features) == ["75105", "75118", "75118"]
    for feature, geometry in features:
        assert geometry.GetY() == pytest.approx(float(feature["lat"]))  # "48,86..." read as 48.86...
        assert 2.2 < geometry.GetX() < 2.5
        assert feature["name"] == feature["adr"]


def test_cycle_facilities_on_either_side(tmp_path):
    reading = FileReading("geojson", index_columns=("code_com_d", "code_com_g"), what="cycle facilities")
    copy = local_copy(os.path.join(DATA, "files", "amenagements_cyclables.geojson"), str(tmp_path / "c"), reading)
    codes = [code for code, *_ in VITRE_COMMUNAUTE]
    count, output = cut(copy, tmp_path, codes, insee=["code_com_d", "code_com_g"], category="cycleway")
    features, _types, geometry_type = rows(output, "out")
    assert count == 2  # one in Vitré, one from Châteaubourg (right side) to Vitré (left side)
    assert ogr.GT_Flatten(geometry_type) == ogr.wkbMultiLineString
    assert {(f["code_com_d"], f["code_com_g"]) for f, _g in features} == {("35360", "35360"), ("35068", "35360")}


def test_the_extent_when_no_insee_column_is_named(tmp_path):
    copy = local_copy(os.path.join(DATA, "files", "bnlc.csv"), str(tmp_path / "c"), FileReading(what="BNLC"))
    # Vitré's cell in the fixtures: x -1.31 to -1.26, y 48.045 to 48.095.
    count, output = cut(copy, tmp_path, insee=(), extent=[-1.31, 48.045, -1.26, 48.095], category="carpool_area")
    features, _types, _geometry = rows(output, "out")
    assert count == 1 and features[0][0]["insee"] == "35360"


def test_a_missing_insee_column_names_the_columns(tmp_path):
    reading = FileReading(index_columns=("code_insee",), what="BNLC")
    with pytest.raises(ReplyError) as caught:
        local_copy(os.path.join(DATA, "files", "bnlc.csv"), str(tmp_path / "c"), reading)
    message = str(caught.value)
    assert "code_insee" in message and "id_lieu" in message and message.startswith("BNLC")
    assert os.listdir(tmp_path / "c") == []  # no copy, no scratch left


def test_a_latin1_file(tmp_path):
    source = tmp_path / "latin1.csv"
    text = "nom;insee;lat;long\nAire de l'Étang;44058;47,65;-2,08\nAire du Bourg;35360;48,07;-1,28\n"
    source.write_bytes(text.encode("cp1252"))
    copy = local_copy(str(source), str(tmp_path / "c"), FileReading(index_columns=("insee",), what="x"))
    count, output = cut(copy, tmp_path, ["44058"], insee=["insee"])
    features, _types, _geometry = rows(output, "out")
    assert count == 1 and features[0][0]["nom"] == "Aire de l'Étang"


def test_a_cancelled_copy_leaves_nothing(tmp_path):
    feedback = QgsFeedback()
    feedback.cancel()
    with pytest.raises(Cancelled):
        local_copy(os.path.join(DATA, "files", "irve.csv"), str(tmp_path / "c"), IRVE, feedback)
    assert os.listdir(tmp_path / "c") == []


def test_a_layer_replaced_in_a_territory_geopackage(tmp_path):
    copy = local_copy(
        os.path.join(DATA, "files", "bnlc.csv"), str(tmp_path / "c"), FileReading(index_columns=("insee",))
    )
    output = str(tmp_path / "territory.gpkg")
    write_territory(copy, file_target(output, "a"), COMMON, ["insee"], ["35360"], None)
    for codes in (["35238"], ["35238", "35051"]):
        write_territory(copy, layer_target(output, "b"), COMMON, ["insee"], codes, None)
    dataset = ogr.Open(output)
    assert dataset.GetLayerByName("a").GetFeatureCount() == 1
    assert dataset.GetLayerByName("b").GetFeatureCount() == 3
