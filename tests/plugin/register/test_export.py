"""Export of the register to CSV and GeoJSON, read back with OGR, on a GeoPackage and on PostGIS."""

import os

import pytest
from open_territory.plugin.register import TABLES, create_register, export_register, import_rows
from open_territory.plugin.toolbelt.errors import InputError
from osgeo import ogr


@pytest.fixture
def register(target, helpers):
    register = create_register(target)
    import_rows(register, "challenges", os.path.join(helpers.DEMO, "challenges.csv"), geocode=False)
    import_rows(register, "actors", os.path.join(helpers.DEMO, "actors.csv"), geocode=False)
    q = register.dialect.qualify
    helpers.run_sql(
        register,
        f"INSERT INTO {q('challenge_actors')} (challenge_id, actor_id, role) "
        f"SELECT c.fid, a.fid, 'porteur' FROM {q('challenges')} c, {q('actors')} a "
        "WHERE c.domain = 'velo' AND a.name = 'Vilaine à Vélo'",
    )
    return register


def read(path):
    dataset = ogr.Open(path)
    layer = dataset.GetLayer(0)
    definition = layer.GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    features = [
        (f.GetGeometryRef().ExportToWkt() if f.GetGeometryRef() else None, {name: f.GetField(name) for name in names})
        for f in layer
    ]
    return names, features


def test_csv_export(register, tmp_path):
    paths = export_register(register, str(tmp_path / "out"), "csv")
    assert [os.path.basename(p) for p in paths] == [f"{table}.csv" for table in TABLES]
    names, features = read(str(tmp_path / "out" / "challenges.csv"))
    assert {"WKT", "fid", "title", "domain", "status", "priority", "created_at", "updated_at"} <= set(names)
    assert len(features) == 6
    first = features[0][1]
    assert first["title"] == "Stationnement vélo saturé à la gare" and first["domain"] == "velo"
    assert first["WKT"] == "POINT (-1.5945 47.8113)"
    _names, links = read(str(tmp_path / "out" / "challenge_actors.csv"))
    assert [(int(f["challenge_id"]), int(f["actor_id"]), f["role"]) for _g, f in links] == [(1, 2, "porteur")]
    # The exported file goes back into a register.
    other = create_register(str(tmp_path / "copy.gpkg"))
    report = import_rows(other, "challenges", paths[0], geocode=False)
    assert report.imported == 6 and report.failed == []


def test_geojson_export(register, tmp_path):
    paths = export_register(register, str(tmp_path), "geojson")
    assert paths[0] == str(tmp_path / "challenges.geojson")
    _names, features = read(paths[0])
    assert [geometry.split(" ")[0] for geometry, _ in features] == [
        "POINT",
        "LINESTRING",
        "POINT",
        "POINT",
        "POLYGON",
        "POINT",
    ]
    assert features[5][1]["status"] == "solved"
    _names, actors = read(str(tmp_path / "actors.geojson"))
    assert "POLYGON ((-1.64 47.795," in actors[0][0] and actors[2][0] is None
    assert actors[0][1]["competences"] == "{voirie,stationnement,transport_collectif,donnees}"
    _names, catalog = read(str(tmp_path / "resources_catalog.geojson"))
    assert catalog == []


def test_failed_export_leaves_the_folder_as_it_was(register, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "challenges.csv").write_text("previous export\n", encoding="utf-8")
    with pytest.raises(InputError, match="no_such_table"):
        export_register(register, str(out), "csv", tables=("challenges", "no_such_table"))
    assert os.listdir(out) == ["challenges.csv"]
    assert (out / "challenges.csv").read_text(encoding="utf-8") == "previous export\n"
    with pytest.raises(InputError, match="Unknown export format"):
        export_register(register, str(out), "xls")
