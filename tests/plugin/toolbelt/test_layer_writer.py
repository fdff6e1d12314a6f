import json
import os

import pytest
from open_territory.plugin.toolbelt.errors import Cancelled, ReplyError
from open_territory.plugin.toolbelt.layer_writer import (
    atomic_output,
    resource_select_sql,
    write_resource_layer,
)
from osgeo import ogr
from qgis.core import QgsFeedback

COMMON = {
    "category": "bus_stop",
    "source": "https://portal.example",
    "source_dataset": "arrets",
    "licence": "Licence Ouverte v2.0",
    "fetched_at": "2026-11-22T10:00:00Z",
}


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
    assert write_resource_layer(src, dest, "bus_stop", COMMON, name_field="nom") == 2
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
    write_resource_layer(src, dest, "one", COMMON)
    write_resource_layer(src, dest, "two", COMMON, append=True)
    dataset = ogr.Open(dest)
    assert {dataset.GetLayer(i).GetName() for i in range(2)} == {"one", "two"}


def test_unreadable_source(tmp_path):
    bad = tmp_path / "bad.geojson"
    bad.write_text("<html>oops</html>")
    with pytest.raises(ReplyError, match="bad.geojson"):
        write_resource_layer(str(bad), str(tmp_path / "o.gpkg"), "x", COMMON)


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
        write_resource_layer(src, str(tmp_path / "o.gpkg"), "x", COMMON, feedback=feedback)


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
