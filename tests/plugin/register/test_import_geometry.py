"""The geometry of an imported row: lat/lon with decimal commas, Lambert-93 x/y, WKT and GeoJSON."""

import pytest
from open_territory.plugin.formats.tabular import CsvLayout
from open_territory.plugin.register.import_geometry import actor_area, row_geometry
from open_territory.plugin.toolbelt.errors import InputError
from osgeo import ogr


def layout(**coordinates):
    return CsvLayout(path="enjeux.csv", encoding="utf-8", separator=";", columns=[], **coordinates)


def test_lat_lon_with_decimal_commas():
    point = row_geometry({"Latitude": "47,8113", "Longitude": "-1,5945"}, layout(lat="Latitude", lon="Longitude"))
    assert (point.GetX(), point.GetY()) == (-1.5945, 47.8113)


def test_no_coordinates_is_no_geometry():
    assert row_geometry({"Latitude": "", "Longitude": ""}, layout(lat="Latitude", lon="Longitude")) is None
    assert row_geometry({"wkt": ""}, layout(geometry="wkt")) is None
    assert row_geometry({"Titre": "Pont"}, layout()) is None


def test_lambert93_x_y_are_reprojected():
    from pyproj import Transformer

    point = row_geometry({"x": "351 234,5", "y": "6791234,25"}, layout(lat="y", lon="x"))
    lon, lat = Transformer.from_crs("EPSG:2154", "EPSG:4326", always_xy=True).transform(351234.5, 6791234.25)
    assert point.GetX() == pytest.approx(lon, abs=1e-7) and point.GetY() == pytest.approx(lat, abs=1e-7)


def test_wkt_with_srid_prefix_and_geojson():
    line = row_geometry({"wkt": "SRID=4326;LINESTRING (-1.6 47.8, -1.59 47.81)"}, layout(geometry="wkt"))
    assert line.ExportToWkt() == "LINESTRING (-1.6 47.8,-1.59 47.81)"
    point = row_geometry({"geom": '{"type": "Point", "coordinates": [-1.6, 47.8]}'}, layout(geometry="geom"))
    assert point.ExportToWkt() == "POINT (-1.6 47.8)"


def test_combined_column_in_either_order():
    assert row_geometry({"gps": "47.8, -1.6"}, layout(combined="gps")).ExportToWkt() == "POINT (-1.6 47.8)"
    lonlat = layout(combined="xy", combined_order="lonlat")
    assert row_geometry({"xy": "-1.6 47.8"}, lonlat).ExportToWkt() == "POINT (-1.6 47.8)"
    # decimal commas, as French spreadsheets write them
    assert row_geometry({"gps": "47,8;-1,6"}, layout(combined="gps")).ExportToWkt() == "POINT (-1.6 47.8)"
    assert row_geometry({"gps": "47,8, -1,6"}, layout(combined="gps")).ExportToWkt() == "POINT (-1.6 47.8)"


@pytest.mark.parametrize(
    ("cells", "coordinates", "message"),
    [
        (
            {"lat": "47,8", "lon": ""},
            {"lat": "lat", "lon": "lon"},
            "Bad coordinates: one of the two is missing (column lon/lat: '', '47,8')",
        ),
        (
            {"lat": "nord", "lon": "-1.6"},
            {"lat": "lat", "lon": "lon"},
            "Bad coordinates: 'nord' (column lat; expected a number)",
        ),
        (
            {"lat": "147.8", "lon": "-1.6"},
            {"lat": "lat", "lon": "lon"},
            "Bad coordinates: outside longitude -180..180 / latitude -90..90 (column lon/lat: -1.6, 147.8)",
        ),
        (
            {"x": "351234", "y": "9000000"},
            {"lat": "y", "lon": "x", "crs": "EPSG:2154"},
            "Bad coordinates: outside Lambert-93 France (column x/y: 351234, 9000000)",
        ),
        (
            {"wkt": "POINT (1"},
            {"geometry": "wkt"},
            "Bad coordinates: the geometry cannot be read (column wkt: 'POINT (1'; expected WKT or GeoJSON)",
        ),
        ({"gps": "47.8"}, {"combined": "gps"}, "Bad coordinates: '47.8' (column gps; expected two numbers)"),
    ],
)
def test_bad_coordinates_name_the_column(cells, coordinates, message):
    with pytest.raises(InputError) as raised:
        row_geometry(cells, layout(**coordinates))
    assert str(raised.value) == message


def test_actor_area_is_a_multipolygon():
    area = actor_area(ogr.CreateGeometryFromWkt("POLYGON ((0 0, 1 0, 1 1, 0 0))"))
    assert area.GetGeometryName() == "MULTIPOLYGON"
    with pytest.raises(InputError, match=r"a polygon is expected \(POINT\)"):
        actor_area(ogr.CreateGeometryFromWkt("POINT (0 0)"))
