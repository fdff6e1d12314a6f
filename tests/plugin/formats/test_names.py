"""The one guess of the field that names each feature, on names and sampled values (issue 14, point 3)."""

import os

import pytest
from open_territory.plugin.formats.names import FieldSample, guess_name_field, normalize_name, rank_fields
from open_territory.plugin.formats.resource_file import load_file
from open_territory.plugin.toolbelt.layer_writer import file_target, write_resource_layer
from osgeo import gdal, ogr

DATA = os.path.join(os.path.dirname(__file__), "data")
FESTIVALS = os.path.join(DATA, "festivals_export.geojson")  # an Opendatasoft export's shape, 12 festivals
COMMON = {"category": "other", "source": "https://data.example.org", "licence": "Licence Ouverte"}


def names_written(path, layer="out"):
    dataset = ogr.Open(path)
    names = [feature["name"] for feature in dataset.GetLayerByName(layer)]
    dataset = None
    return names


def test_the_festivals_are_named_after_themselves_not_their_department(tmp_path):
    # Before: nom_departement ("Finistère" for every festival) was taken, the first field starting with "nom_".
    dest = str(tmp_path / "out.gpkg")
    assert write_resource_layer(FESTIVALS, file_target(dest, "out"), COMMON, name_field=guess_name_field) == 12
    names = names_written(dest)
    assert names[:3] == ["FESTIVAL ELECTR()CUTION", "RDN Festival", "PANORAMAS"] and len(set(names)) == 12


def test_the_guess_on_an_open_dataset():
    dataset = gdal.OpenEx(FESTIVALS, gdal.OF_VECTOR)
    assert guess_name_field(dataset, dataset.GetLayer(0)) == "nom_de_la_manifestation"


@pytest.mark.parametrize(
    ("samples", "expected"),
    [
        # exact names first, in their order, even when their values repeat
        ([("nom_station", 50, 50), ("libelle", 50, 3), ("nom", 50, 2)], ["nom", "libelle", "nom_station"]),
        # then name-like fields, the most distinct first; administrative names last
        (
            [("nom_departement", 55, 1), ("nom_de_la_manifestation", 55, 55), ("nom_commune", 55, 32)],
            ["nom_de_la_manifestation", "nom_commune", "nom_departement"],
        ),
        # the charging-station schema: the station's name before its operator's
        (
            [("nom_amenageur", 100, 4), ("nom_operateur", 100, 3), ("nom_station", 100, 97)],
            ["nom_station", "nom_amenageur", "nom_operateur"],
        ),
        # an empty field is never chosen, nor one that is not name-like
        ([("nom", 0, 0), ("Station Name", 10, 10), ("nombre", 10, 10), ("id", 10, 10)], ["Station Name"]),
        ([("commune", 10, 10), ("adresse", 10, 10)], []),
        ([("Libellé", 10, 10), ("LIBELLE_COMMUNE", 10, 10)], ["Libellé", "LIBELLE_COMMUNE"]),
    ],
)
def test_ranking(samples, expected):
    assert rank_fields([FieldSample(*sample) for sample in samples]) == expected


def test_normalized_names():
    assert normalize_name(" Coordonnées GPS (WGS84) ") == "coordonnees_gps_wgs84"


def test_data_gouv_csv_layers_get_a_name_without_being_told(tmp_path):
    # Before: the common `name` stayed empty for every row of a data.gouv.fr CSV unless NAME_FIELD was given.
    path = tmp_path / "arceaux.csv"
    path.write_text(
        "id;commune;nom_du_site;type;latitude;longitude\n"
        "1;Rennes;Gare Sud;arceau;48,1036;-1,6722\n"
        "2;Rennes;Hôtel de Ville;arceau;48,111;-1,6794\n"
        "3;Rennes;Les Champs Libres;arceau;48,1058;-1,6747\n",
        encoding="cp1252",
    )
    dest = str(tmp_path / "out.gpkg")
    count, _warnings = load_file(str(path), file_target(dest, "out"), COMMON, declared="csv")
    assert count == 3 and names_written(dest) == ["Gare Sud", "Hôtel de Ville", "Les Champs Libres"]
    # a field named by the user wins over the guess
    load_file(str(path), file_target(dest, "out"), COMMON, name_field="commune", declared="csv")
    assert names_written(dest) == ["Rennes"] * 3
