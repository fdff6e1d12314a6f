"""French CSV files: encodings, separators, decimal commas and coordinate columns, read by GDAL."""

import pytest
from open_territory.plugin.sources.tabular import (
    CsvError,
    csv_to_layer,
    detect_encoding,
    detect_separator,
    prepare_csv,
    sniff_csv,
)
from osgeo import ogr

COMMON = {
    "category": "bicycle_parking",
    "source": "https://www.data.gouv.fr",
    "source_dataset": "arceaux",
    "licence": "Licence Ouverte",
    "fetched_at": "2026-11-22T10:00:00Z",
}


def write(tmp_path, name, text, encoding="utf-8", bom=False):
    path = tmp_path / name
    data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)
    return str(path)


def features(gpkg, layer="out"):
    dataset = ogr.Open(gpkg)
    lyr = dataset.GetLayerByName(layer)
    rows = []
    for feature in lyr:
        geometry = feature.GetGeometryRef()
        point = (round(geometry.GetX(), 6), round(geometry.GetY(), 6)) if geometry else None
        rows.append((feature.items(), point))
    srs = lyr.GetSpatialRef()
    return rows, (srs.GetAuthorityCode(None) if srs else None)


def test_cp1252_semicolon_decimal_commas(tmp_path):
    text = (
        "nom;adresse;latitude;longitude;capacité\r\n"
        "Arceaux Hôtel de Ville;Place de la Mairie;48,111 ;-1,6794;12\r\n"
        "Gare Sud-Est;Rue de l'Alma;48,1036;-1,6722;8,5\r\n"
        "Sans position;Allée ;;;3\r\n"
    )
    path = write(tmp_path, "arceaux.csv", text, "cp1252")
    assert detect_encoding(path) == "cp1252"
    layout = sniff_csv(path)
    assert (layout.separator, layout.lat, layout.lon, layout.decimal_comma) == (
        ";",
        "latitude",
        "longitude",
        True,
    )
    dest = str(tmp_path / "out.gpkg")
    assert csv_to_layer(path, dest, "out", COMMON, work_dir=str(tmp_path / "work"), name_field="nom") == 3
    rows, epsg = features(dest)
    assert epsg == "4326"
    first, point = rows[0]
    assert first["name"] == "Arceaux Hôtel de Ville" and first["category"] == "bicycle_parking"
    assert first["capacité"] == "12"  # attributes stay text: codes such as 01004 keep their zeros
    assert point == (-1.6794, 48.111)
    assert rows[1][1] == (-1.6722, 48.1036)
    assert rows[2][1] is None


def test_bom_utf8_comma_separated(tmp_path):
    path = write(
        tmp_path, "bornes.csv", "id,lat,lon,code_insee\n1,48.85,2.35,01004\n2,43.6,1.44,31555\n", bom=True
    )
    layout = sniff_csv(path)
    assert layout.encoding == "utf-8-sig" and layout.columns[0] == "id" and layout.separator == ","
    dest = str(tmp_path / "out.gpkg")
    assert csv_to_layer(path, dest, "out", COMMON, work_dir=str(tmp_path / "w")) == 2
    rows, _ = features(dest)
    assert rows[0][0]["id"] == "1" and rows[0][0]["code_insee"] == "01004"
    assert [p for _, p in rows] == [(2.35, 48.85), (1.44, 43.6)]


def test_combined_lat_lon_column_with_empty_cell(tmp_path):
    text = 'nom;coordonnees;type\nA;48.117, -1.677;arceau\nB;;arceau\nC;"48.2,-1.6";abri\n'
    path = write(tmp_path, "c.csv", text)
    layout = sniff_csv(path)
    assert layout.combined == "coordonnees" and layout.combined_order == "latlon"
    dest = str(tmp_path / "out.gpkg")
    assert csv_to_layer(path, dest, "out", COMMON, work_dir=str(tmp_path / "w")) == 3
    rows, epsg = features(dest)
    assert epsg == "4326"
    assert [p for _, p in rows] == [(-1.677, 48.117), None, (-1.6, 48.2)]
    assert "_ot_wkt" not in rows[0][0] and rows[0][0]["coordonnees"] == "48.117, -1.677"


def test_coordonnees_xy_is_lon_lat(tmp_path):
    text = 'nom_station,coordonneesXY,puissance\nIRVE 1,"[2.3522, 48.8566]",22\nIRVE 2,"[-1.68, 48.11]",50\n'
    path = write(tmp_path, "irve.csv", text)
    layout = sniff_csv(path)
    assert layout.combined == "coordonneesXY" and layout.combined_order == "lonlat"
    dest = str(tmp_path / "out.gpkg")
    csv_to_layer(path, dest, "out", COMMON, work_dir=str(tmp_path / "w"))
    assert [p for _, p in features(dest)[0]] == [(2.3522, 48.8566), (-1.68, 48.11)]


def test_tab_separated_lambert93_xy(tmp_path):
    text = "ident\tX\tY\nF1\t351234,5\t6789012,25\nF2\t352000\t6790000\n"
    path = write(tmp_path, "feux.tsv", text)
    layout = sniff_csv(path)
    assert layout.separator == "\t" and layout.crs == "EPSG:2154" and (layout.lon, layout.lat) == ("X", "Y")
    dest = str(tmp_path / "out.gpkg")
    csv_to_layer(path, dest, "out", COMMON, work_dir=str(tmp_path / "w"))
    rows, epsg = features(dest)
    assert epsg == "2154" and rows[0][1] == (351234.5, 6789012.25)


def test_header_gdal_would_split_on_commas(tmp_path):
    # The header holds a comma outside quotes; GDAL 3.6 would take ',' as the separator.
    text = "nom,prénom;lat;lon\nDupont, Jean;47,2;-1,55\n"
    path = write(tmp_path, "amb.csv", text, "cp1252")
    dest = str(tmp_path / "out.gpkg")
    assert csv_to_layer(path, dest, "out", COMMON, work_dir=str(tmp_path / "w")) == 1
    rows, _ = features(dest)
    assert rows[0][0]["nom,prénom"] == "Dupont, Jean" and rows[0][1] == (-1.55, 47.2)


def test_wkt_geometry_column(tmp_path):
    text = 'id;geom\n1;"LINESTRING (1 2, 3 4)"\n2;POINT (5 6)\n'
    path = write(tmp_path, "w.csv", text)
    layout = sniff_csv(path)
    assert layout.geometry == "geom"
    vrt, _ = prepare_csv(path, str(tmp_path / "w"))
    dataset = ogr.Open(vrt)
    layer = dataset.GetLayer(0)
    assert [f.GetGeometryRef().ExportToWkt() for f in layer] == ["LINESTRING (1 2,3 4)", "POINT (5 6)"]


def test_no_coordinates_is_an_error_naming_columns(tmp_path):
    path = write(tmp_path, "n.csv", "commune;population\nRennes;220000\n")
    with pytest.raises(CsvError, match="population"):
        prepare_csv(path, str(tmp_path / "w"))


def test_empty_file(tmp_path):
    path = write(tmp_path, "e.csv", "")
    with pytest.raises(CsvError):
        sniff_csv(path)


@pytest.mark.parametrize(
    "sample,expected",
    [
        ("a;b;c\n1;2,5;3\n", ";"),
        ('a,b,c\n1,"2;5",3\n', ","),
        ("a\tb\n1\t2\n", "\t"),
    ],
)
def test_detect_separator(sample, expected):
    assert detect_separator(sample) == expected


def test_cp1252_accent_far_down_is_found(tmp_path):
    body = "lat;lon\n" + "48.1;-1.6\n" * 300000 + "48.2;-1.5é\n"
    path = write(tmp_path, "big.csv", body, "cp1252")
    assert detect_encoding(path) == "cp1252"
