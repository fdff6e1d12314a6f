"""The writer's check of every scratch layer: impossible coordinates refused and counted, swapped latitude and
longitude told, a geometry column that yields nothing told (issue 14, points 4 and 5)."""

import json
import sqlite3

import pytest
from open_territory.plugin.toolbelt.layer_checks import FRANCE_AREAS, ScratchCheck
from open_territory.plugin.toolbelt.layer_writer import file_target, write_resource_layer
from osgeo import ogr

COMMON = {"category": "bus_stop", "source": "https://portal.example", "licence": "Licence Ouverte v2.0"}


def point(x, y, name):
    return {"type": "Feature", "properties": {"nom": name}, "geometry": {"type": "Point", "coordinates": [x, y]}}


def write(tmp_path, features, check=None, name="in.geojson", crs=None):
    document = {"type": "FeatureCollection", "features": features}
    if crs:
        document["crs"] = {"type": "name", "properties": {"name": crs}}
    src = tmp_path / name
    # allow_nan: Python writes the literals NaN and Infinity, which GDAL's JSON reader accepts
    src.write_text(json.dumps(document, allow_nan=True).replace("1e+308", "1e308"), encoding="utf-8")
    dest = str(tmp_path / "out.gpkg")
    count = write_resource_layer(str(src), file_target(dest, "out"), COMMON, check=check, name_field="nom")
    return count, dest


def names_and_extent(dest):
    dataset = ogr.Open(dest)
    names = sorted(f["name"] for f in dataset.GetLayerByName("out"))
    dataset = None
    connection = sqlite3.connect(dest)
    extent = list(connection.execute("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents").fetchone())
    connection.close()
    return names, extent


def test_impossible_coordinates_are_refused_one_by_one_and_counted(tmp_path):
    features = [
        point(-1.6794, 48.111, "Hôtel de Ville"),
        point(float("inf"), 48.1, "infinite"),
        point(1e308, 48.1, "1e308"),
        point(-1.6, 95, "latitude 95"),
        point(200, 48.1, "longitude 200"),
        point(float("nan"), 48.1, "NaN"),  # GDAL reads no geometry: kept without one
        {"type": "Feature", "properties": {"nom": "no place"}, "geometry": None},
        {
            "type": "Feature",
            "properties": {"nom": "line"},
            "geometry": {"type": "LineString", "coordinates": [[-1.6, 48.1], [1e308, 48.2]]},
        },
    ]
    check = ScratchCheck(what="data.gouv.fr 'Arceaux'")
    count, dest = write(tmp_path, features, check)
    names, extent = names_and_extent(dest)
    assert count == 3 and names == ["Hôtel de Ville", "NaN", "no place"]
    assert check.refused == 5
    assert len(check.warnings) == 1 and check.warnings[0].startswith("Features left out for impossible coordinates")
    assert check.warnings[0].endswith(": 5")
    assert extent == pytest.approx([-1.6794, 48.111, -1.6794, 48.111], abs=1e-5)  # recomputed without the refused ones


def test_a_projected_layer_keeps_its_metres_and_loses_its_infinities(tmp_path):
    features = [point(351000, 6789000, "Rennes"), point(float("-inf"), 6789000, "infinite")]
    check = ScratchCheck()
    count, dest = write(tmp_path, features, check, crs="urn:ogc:def:crs:EPSG::2154")
    assert count == 1 and names_and_extent(dest)[0] == ["Rennes"] and check.refused == 1


def test_sound_layers_say_nothing(tmp_path):
    check = ScratchCheck()
    count, _dest = write(tmp_path, [point(-1.67, 48.11, "Gare"), point(55.45, -20.88, "Saint-Denis")], check)
    assert count == 2 and (check.refused, check.warnings) == (0, [])
    check = ScratchCheck()
    write(tmp_path, [point(13.40, 52.52, "Berlin"), point(13.41, 52.53, "Mitte")], check)
    assert check.warnings == []  # outside France, and outside it swapped too: nothing to say


@pytest.mark.parametrize(
    ("extent", "points", "where"),
    [
        (None, [(48.11, -1.67), (48.12, -1.68), (47.2, -1.55)], "France"),
        (None, [(-20.88, 55.45), (-20.9, 55.5)], "France"),  # La Réunion, swapped
        ([-1.8, 48.0, -1.5, 48.2], [(48.11, -1.67), (48.12, -1.68)], "expected extent"),
    ],
)
def test_swapped_latitude_and_longitude_are_told(tmp_path, extent, points, where):
    check = ScratchCheck(extent=extent)
    count, _dest = write(tmp_path, [point(x, y, f"p{i}") for i, (x, y) in enumerate(points)], check)
    assert count == len(points)  # kept: the source must be fixed, the plugin only says so
    assert len(check.warnings) == 1 and where in check.warnings[0] and "swapped" in check.warnings[0]


def test_right_points_within_a_given_extent_are_not_told_swapped(tmp_path):
    check = ScratchCheck(extent=[-1.8, 48.0, -1.5, 48.2])
    write(tmp_path, [point(-1.67, 48.11, "Gare"), point(-1.6, 48.15, "Parc")], check)
    assert check.warnings == []


def test_a_geometry_column_that_yields_nothing_is_told(tmp_path):
    # A CSV read as points (a geometry column declared) whose cells GDAL cannot read as geometries.
    src = tmp_path / "in.csv"
    src.write_text("nom;wkt\na;POINT(\nb;nowhere\n", encoding="utf-8")
    vrt = tmp_path / "in.vrt"
    vrt.write_text(
        f'<OGRVRTDataSource><OGRVRTLayer name="in"><SrcDataSource>CSV:{src}</SrcDataSource>'
        '<OpenOptions><OOI key="GEOM_POSSIBLE_NAMES">wkt</OOI></OpenOptions><GeometryType>wkbPoint</GeometryType>'
        "<LayerSRS>EPSG:4326</LayerSRS></OGRVRTLayer></OGRVRTDataSource>"
    )
    check = ScratchCheck(what="arceaux.csv")
    count = write_resource_layer(str(vrt), file_target(str(tmp_path / "out.gpkg"), "out"), COMMON, check=check)
    assert count == 2 and len(check.warnings) == 1
    assert check.warnings[0].startswith("No feature has a geometry")


def test_the_areas_of_france_hold_its_cities():
    cities = {
        "Rennes": (-1.68, 48.11),
        "Ajaccio": (8.74, 41.93),
        "Pointe-à-Pitre": (-61.53, 16.24),
        "Cayenne": (-52.33, 4.94),
        "Nouméa": (166.46, -22.27),
        "Papeete": (-149.57, -17.54),
        "Mamoudzou": (45.23, -12.78),
    }
    for name, (x, y) in cities.items():
        assert any(a <= x <= c and b <= y <= d for a, b, c, d in FRANCE_AREAS), name
        assert not any(a <= y <= c and b <= x <= d for a, b, c, d in FRANCE_AREAS), name  # swapped: nowhere


def test_a_layer_without_a_crs_keeps_its_large_coordinates(tmp_path):
    # A CSV in a projected system the reader could not tell is written without a CRS: metres, not degrees.
    src = tmp_path / "in.csv"
    src.write_text("nom,x,y\nPont,351234.5,6791234.25\nLoin,inf,6791234.25\n", encoding="utf-8")
    vrt = tmp_path / "in.vrt"
    vrt.write_text(
        f'<OGRVRTDataSource><OGRVRTLayer name="in"><SrcDataSource>CSV:{src}</SrcDataSource><OpenOptions>'
        '<OOI key="X_POSSIBLE_NAMES">x</OOI><OOI key="Y_POSSIBLE_NAMES">y</OOI></OpenOptions>'
        "</OGRVRTLayer></OGRVRTDataSource>"
    )
    check = ScratchCheck()
    target = file_target(str(tmp_path / "out.gpkg"), "out")
    assert write_resource_layer(str(vrt), target, COMMON, check=check, name_field="nom") == 2
    assert check.refused == 0 and check.warnings == []  # GDAL reads no point from "inf"; the metres stay
