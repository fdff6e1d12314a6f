"""Where source algorithms write their OUTPUT: paths, extensions and GeoPackage layer URIs."""

import pytest
from open_territory.processing.algorithms.output_target import layer_name_for, resolve_output
from qgis.core import QgsProcessingException


def test_plain_paths_become_geopackages():
    target = resolve_output("/tmp/x/out", "arceaux")
    assert (target.path, target.layer, target.driver, target.append) == ("/tmp/x/out.gpkg", "arceaux", "GPKG", False)
    assert target.result_value() == "/tmp/x/out.gpkg"


def test_other_extensions_pick_their_driver_and_file_name():
    target = resolve_output("/tmp/x/out.geojson", "arceaux")
    assert (target.driver, target.layer) == ("GeoJSON", "out")
    with pytest.raises(QgsProcessingException, match=r"\.nope"):
        resolve_output("/tmp/x/out.nope", "arceaux")


def test_layer_of_an_existing_geopackage_is_appended(tmp_path):
    existing = tmp_path / "l'base.gpkg"
    existing.write_bytes(b"")
    quoted = str(existing).replace("'", "''")
    target = resolve_output(f"ogr:dbname='{quoted}' table=\"bornes\" (geom)", "x")
    assert (target.path, target.layer, target.append) == (str(existing), "bornes", True)
    assert target.result_value() == f"{existing}|layername=bornes"
    # A layer URI naming a file that does not exist yet creates it: nothing to append to.
    assert not resolve_output(f"ogr:dbname='{tmp_path / 'new.gpkg'}' table=\"t\" (geom)", "x").append


def test_layer_names_from_dataset_ids():
    assert layer_name_for("ds 1/été", "ods") == "ds_1_été"
    assert layer_name_for("  //  ", "ods") == "ods"
    assert len(layer_name_for("a" * 200, "x")) == 60
