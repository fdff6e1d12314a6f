import json
import os
import sqlite3

import pytest
from open_territory.plugin.toolbelt.errors import Cancelled, InputError, ReplyError
from open_territory.plugin.toolbelt.layer_writer import (
    atomic_output,
    copy_with_common_fields,
    file_target,
    layer_target,
    resolve_target,
    resource_select_sql,
    safe_name,
    write_layer,
    write_resource_layer,
)
from osgeo import ogr
from qgis.core import QgsFeedback

from ...folder_digest import digest

COMMON = {
    "category": "bus_stop",
    "source": "https://portal.example",
    "source_dataset": "arrets",
    "licence": "Licence Ouverte v2.0",
    "fetched_at": "2026-11-22T10:00:00Z",
}


POINTS = [{"type": "Feature", "properties": {"a": 1}, "geometry": {"type": "Point", "coordinates": [1, 2]}}]


def layer_names(path):
    dataset = ogr.Open(path)
    return {dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())}


def geojson(tmp_path, features):
    path = tmp_path / "in.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return str(path)


def test_common_fields_added_and_clashes_renamed(tmp_path):
    src = geojson(
        tmp_path,
        [
            {
                "type": "Feature",
                "properties": {"nom": "Gare d'Été", "name": "x", "capacity": 3},
                "geometry": {"type": "Point", "coordinates": [-1.67, 48.11]},
            },
            {"type": "Feature", "properties": {"nom": None, "name": None, "capacity": None}, "geometry": None},
        ],
    )
    dest = str(tmp_path / "out.gpkg")
    assert write_resource_layer(src, file_target(dest, "bus_stop"), COMMON, name_field="nom") == 2
    dataset = ogr.Open(dest)  # the layer lives only as long as its dataset
    layer = dataset.GetLayerByName("bus_stop")
    names = [layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())]
    assert names[:6] == ["category", "name", "source", "source_dataset", "licence", "fetched_at"]
    assert "src_name" in names and "capacity" in names
    first = layer.GetNextFeature()
    assert first["name"] == "Gare d'Été" and first["category"] == "bus_stop" and first["src_name"] == "x"
    assert first["licence"] == "Licence Ouverte v2.0" and first["capacity"] == 3
    second = layer.GetNextFeature()
    assert second.GetGeometryRef() is None and second["category"] == "bus_stop"


def test_append_second_layer(tmp_path):
    src = geojson(
        tmp_path, [{"type": "Feature", "properties": {"a": 1}, "geometry": {"type": "Point", "coordinates": [1, 2]}}]
    )
    dest = str(tmp_path / "out.gpkg")
    write_resource_layer(src, file_target(dest, "one"), COMMON)
    write_resource_layer(src, layer_target(dest, "two"), COMMON)
    dataset = ogr.Open(dest)
    assert {dataset.GetLayer(i).GetName() for i in range(2)} == {"one", "two"}


def test_unreadable_source(tmp_path):
    bad = tmp_path / "bad.geojson"
    bad.write_text("<html>oops</html>")
    with pytest.raises(ReplyError, match="bad.geojson"):
        write_resource_layer(str(bad), file_target(str(tmp_path / "o.gpkg"), "x"), COMMON)


def test_cancel_stops_write(tmp_path):
    src = geojson(
        tmp_path,
        [
            {"type": "Feature", "properties": {"a": i}, "geometry": {"type": "Point", "coordinates": [i, 0]}}
            for i in range(2000)
        ],
    )
    feedback = QgsFeedback()
    feedback.cancel()
    with pytest.raises(Cancelled):
        write_resource_layer(src, file_target(str(tmp_path / "o.gpkg"), "x"), COMMON, feedback=feedback)


def test_atomic_output_keeps_old_file_on_failure(tmp_path):
    dest = tmp_path / "keep.gpkg"
    dest.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with atomic_output(str(dest)) as tmp:
            open(tmp, "wb").write(b"half")
            raise RuntimeError("boom")
    assert dest.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["keep.gpkg"]
    with atomic_output(str(dest)) as tmp:
        open(tmp, "wb").write(b"new")
    assert dest.read_bytes() == b"new"


def test_sql_quotes_values_and_identifiers():
    sql = resource_select_sql("la yer", ['we"ird'], {"licence": "l'x"})
    assert "'l''x' AS licence" in sql and '"we""ird"' in sql and 'FROM "la yer"' in sql


# -- targets (what Processing's OUTPUT and the dock give) ------------------------------------------------


def test_plain_paths_become_geopackages():
    target = resolve_target("/tmp/x/out", "arceaux")
    assert (target.path, target.layer, target.driver, target.mode) == ("/tmp/x/out.gpkg", "arceaux", "GPKG", "file")
    assert target.uri() == "/tmp/x/out.gpkg|layername=arceaux"


def test_other_extensions_pick_their_driver_and_file_name():
    target = resolve_target("/tmp/x/out.geojson", "arceaux")
    assert (target.driver, target.layer) == ("GeoJSON", "out")
    assert target.uri() == "/tmp/x/out.geojson"
    with pytest.raises(InputError, match=r"\.nope"):
        resolve_target("/tmp/x/out.nope", "arceaux")


def test_layer_of_an_existing_geopackage_keeps_the_others(tmp_path):
    existing = tmp_path / "l'base.gpkg"
    write_resource_layer(geojson(tmp_path, POINTS), file_target(str(existing), "other"), COMMON)
    quoted = str(existing).replace("'", "''")
    target = resolve_target(f"ogr:dbname='{quoted}' table=\"bornes\" (geom)", "x")
    assert (target.path, target.layer, target.mode) == (str(existing), "bornes", "layer")
    assert target.uri() == f"{existing}|layername=bornes"
    assert write_resource_layer(geojson(tmp_path, POINTS), target, COMMON) == 1
    assert layer_names(str(existing)) == {"other", "bornes"}
    # A layer URI naming a file that does not exist yet creates it: nothing to append to.
    new = resolve_target(f"ogr:dbname='{tmp_path / 'new.gpkg'}' table=\"t\" (geom)", "x")
    assert write_resource_layer(geojson(tmp_path, POINTS), new, COMMON) == 1
    assert layer_names(new.path) == {"t"}


def test_layer_names_from_dataset_ids():
    assert safe_name("ds 1/été", "ods") == "ds_1_été"
    assert safe_name("  //  ", "ods") == "ods"
    assert len(safe_name("a" * 200, "x")) == 60
    assert safe_name("ods_data.example.fr/my dataset", dots=True) == "ods_data.example.fr_my_dataset"


# -- the put-in-place: nothing changes until the layer is complete --------------------------------------


def existing_outputs(tmp_path):
    """A GeoPackage with the previous layer beside another one, and a single-layer GeoJSON."""
    src = geojson(tmp_path, POINTS)
    folder = tmp_path / "out"
    gpkg = str(folder / "territory.gpkg")
    write_resource_layer(src, file_target(gpkg, "other"), COMMON)
    write_resource_layer(src, layer_target(gpkg, "resource"), COMMON)
    write_resource_layer(src, file_target(str(folder / "resource.geojson")), COMMON)
    return folder, [layer_target(gpkg, "resource"), file_target(str(folder / "resource.geojson"))]


def test_a_failing_or_cancelled_producer_leaves_every_output_as_it_was(tmp_path):
    folder, targets = existing_outputs(tmp_path)
    before = digest(folder)
    source = geojson(tmp_path, POINTS)

    def half_then_fail(scratch, layer, layer_options):
        copy_with_common_fields(geojson(tmp_path, POINTS * 3), scratch, layer, COMMON, layer_options=layer_options)
        raise ReplyError("the download was cut")

    for target in targets:
        with pytest.raises(ReplyError, match="cut"):
            write_layer(target, half_then_fail)
        feedback = QgsFeedback()
        feedback.cancel()
        with pytest.raises(Cancelled):  # while GDAL writes
            write_resource_layer(geojson(tmp_path, POINTS), target, COMMON, feedback=feedback)
        with pytest.raises(Cancelled):  # once the producer is done: the check before the put-in-place
            write_layer(
                target,
                lambda scratch, layer, _options: copy_with_common_fields(source, scratch, layer, COMMON),
                feedback,
            )
    assert digest(folder) == before


def test_a_layer_is_replaced_and_the_other_layers_stay(tmp_path):
    folder, (target, _single) = existing_outputs(tmp_path)
    three = geojson(tmp_path, POINTS * 3)
    assert write_resource_layer(three, target, dict(COMMON, licence="ODbL")) == 3
    dataset = ogr.Open(target.path)
    assert {dataset.GetLayer(i).GetName(): dataset.GetLayer(i).GetFeatureCount() for i in range(2)} == {
        "other": 1,
        "resource": 3,
    }
    assert {f["licence"] for f in dataset.GetLayerByName("resource")} == {"ODbL"}
    assert {f["licence"] for f in dataset.GetLayerByName("other")} == {"Licence Ouverte v2.0"}
    dataset = None
    assert sorted(os.listdir(folder)) == ["resource.geojson", "territory.gpkg"]  # no scratch left
    with sqlite3.connect(target.path) as db:  # the copied layer has its spatial index where it landed
        assert db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'rtree_resource_geom'").fetchone()[0] == 1


@pytest.mark.parametrize(
    "name, driver, columns",
    [
        ("out.gpkg", "GPKG", None),
        ("out.geojson", "GeoJSON", None),
        ("out.fgb", "FlatGeobuf", None),
        ("out.sqlite", "SQLite", None),
        ("out.csv", "CSV", {"X", "Y"}),
        ("out.shp", "ESRI Shapefile", None),
    ],
)
def test_every_format_is_put_in_place_whole(tmp_path, name, driver, columns):
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / name
    path.write_bytes(b"old")
    target = file_target(str(path), "layer")
    assert target.driver == driver
    assert write_resource_layer(geojson(tmp_path, POINTS * 2), target, COMMON) == 2
    dataset = ogr.Open(str(path))
    layer = dataset.GetLayer(0)
    assert layer.GetFeatureCount() == 2 and layer.GetLayerDefn().GetFieldIndex("category") >= 0
    if columns:
        assert columns <= {
            layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())
        }
    dataset = None
    assert not [n for n in os.listdir(folder) if n.startswith(".")]  # no scratch left


def test_the_new_geopackage_has_its_spatial_index(tmp_path):
    path = str(tmp_path / "new.gpkg")
    write_resource_layer(geojson(tmp_path, POINTS), file_target(path, "points"), COMMON)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'rtree_points_geom'").fetchone()[0] == 1


def points_geopackage(path, layers: dict) -> None:
    """A GeoPackage with point layers {name: number of points}."""
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    for name, count in layers.items():
        layer = dataset.CreateLayer(name, geom_type=ogr.wkbPoint, options=["FID=fid"])
        layer.CreateField(ogr.FieldDefn("n", ogr.OFTInteger))
        for index in range(count):
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetField("n", index)
            feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({index} {index})"))
            layer.CreateFeature(feature)
    dataset = None


def test_a_geopackage_open_in_qgis_gets_the_new_content_in_one_step(tmp_path):
    """A territory's file, its previous load's layers open in QGIS: the new load's content replaces it (no file
    renamed over an open SQLite database), the layers it no longer has go, nothing is left beside it."""
    from open_territory.plugin.toolbelt.layer_writer import atomic_geopackage
    from qgis.core import QgsVectorLayer

    dest = tmp_path / "territory.gpkg"
    points_geopackage(dest, {"bus_stop": 3, "gone": 2})
    open_layer = QgsVectorLayer(f"{dest}|layername=bus_stop", "open", "ogr")
    assert open_layer.featureCount() == 3
    with atomic_geopackage(str(dest)) as scratch:
        points_geopackage(scratch, {"bus_stop": 7, "car_park": 1})
    assert layer_names(str(dest)) == {"bus_stop", "car_park"}
    reopened = QgsVectorLayer(f"{dest}|layername=bus_stop", "new", "ogr")
    assert reopened.featureCount() == 7 and sorted(f["n"] for f in reopened.getFeatures()) == list(range(7))
    assert [name for name in os.listdir(tmp_path) if not name.startswith("territory.gpkg")] == []


def test_a_geopackage_replacement_that_fails_leaves_the_old_content(tmp_path, monkeypatch):
    from open_territory.plugin.toolbelt import layer_writer
    from osgeo import gdal

    dest = tmp_path / "territory.gpkg"
    points_geopackage(dest, {"bus_stop": 3})
    copy = gdal.Dataset.CopyLayer
    copied = []

    def copy_then_fail(self, layer, name, options=None):
        if copied:
            raise RuntimeError("disk full")
        copied.append(name)
        return copy(self, layer, name, options or [])

    monkeypatch.setattr(gdal.Dataset, "CopyLayer", copy_then_fail)
    with pytest.raises(RuntimeError, match="disk full"):
        with layer_writer.atomic_geopackage(str(dest)) as scratch:
            points_geopackage(scratch, {"bus_stop": 7, "car_park": 1})
    assert layer_names(str(dest)) == {"bus_stop"}  # the copy made before the failure is gone too
    assert ogr.Open(str(dest)).GetLayerByName("bus_stop").GetFeatureCount() == 3
    assert [name for name in os.listdir(tmp_path) if not name.startswith("territory.gpkg")] == []
    with pytest.raises(RuntimeError, match="before"):
        with layer_writer.atomic_geopackage(str(dest)):
            raise RuntimeError("before anything is put in place")
    assert ogr.Open(str(dest)).GetLayerByName("bus_stop").GetFeatureCount() == 3
