"""French CSV files: encodings, separators, decimal commas and coordinate columns, read by GDAL."""

import pytest
from open_territory.plugin.formats.tabular import (
    csv_to_layer,
    detect_encoding,
    detect_separator,
    prepare_csv,
    sniff_csv,
)
from open_territory.plugin.toolbelt.errors import ReplyError
from open_territory.plugin.toolbelt.layer_checks import ScratchCheck
from open_territory.plugin.toolbelt.layer_writer import file_target
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
    assert csv_to_layer(path, file_target(dest, "out"), COMMON, work_dir=str(tmp_path / "work"), name_field="nom") == 3
    rows, epsg = features(dest)
    assert epsg == "4326"
    first, point = rows[0]
    assert first["name"] == "Arceaux Hôtel de Ville" and first["category"] == "bicycle_parking"
    assert first["capacité"] == "12"  # attributes stay text: codes such as 01004 keep their zeros
    assert point == (-1.6794, 48.111)
    assert rows[1][1] == (-1.6722, 48.1036)
    assert rows[2][1] is None


def test_bom_utf8_comma_separated(tmp_path):
    path = write(tmp_path, "bornes.csv", "id,lat,lon,code_insee\n1,48.85,2.35,01004\n2,43.6,1.44,31555\n", bom=True)
    layout = sniff_csv(path)
    assert layout.encoding == "utf-8-sig" and layout.columns[0] == "id" and layout.separator == ","
    dest = str(tmp_path / "out.gpkg")
    assert csv_to_layer(path, file_target(dest, "out"), COMMON, work_dir=str(tmp_path / "w")) == 2
    rows, _ = features(dest)
    assert rows[0][0]["id"] == "1" and rows[0][0]["code_insee"] == "01004"
    assert [p for _, p in rows] == [(2.35, 48.85), (1.44, 43.6)]


def test_combined_lat_lon_column_with_empty_cell(tmp_path):
    text = 'nom;coordonnees;type\nA;48.117, -1.677;arceau\nB;;arceau\nC;"48.2,-1.6";abri\n'
    path = write(tmp_path, "c.csv", text)
    layout = sniff_csv(path)
    assert layout.combined == "coordonnees" and layout.combined_order == "latlon"
    dest = str(tmp_path / "out.gpkg")
    assert csv_to_layer(path, file_target(dest, "out"), COMMON, work_dir=str(tmp_path / "w")) == 3
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
    csv_to_layer(path, file_target(dest, "out"), COMMON, work_dir=str(tmp_path / "w"))
    assert [p for _, p in features(dest)[0]] == [(2.3522, 48.8566), (-1.68, 48.11)]


def test_tab_separated_lambert93_xy(tmp_path):
    text = "ident\tX\tY\nF1\t351234,5\t6789012,25\nF2\t352000\t6790000\n"
    path = write(tmp_path, "feux.tsv", text)
    layout = sniff_csv(path)
    assert layout.separator == "\t" and layout.crs == "EPSG:2154" and (layout.lon, layout.lat) == ("X", "Y")
    dest = str(tmp_path / "out.gpkg")
    csv_to_layer(path, file_target(dest, "out"), COMMON, work_dir=str(tmp_path / "w"))
    rows, epsg = features(dest)
    assert epsg == "2154" and rows[0][1] == (351234.5, 6789012.25)


def test_header_gdal_would_split_on_commas(tmp_path):
    # The header holds a comma outside quotes; GDAL 3.6 would take ',' as the separator.
    text = "nom,prénom;lat;lon\nDupont, Jean;47,2;-1,55\n"
    path = write(tmp_path, "amb.csv", text, "cp1252")
    dest = str(tmp_path / "out.gpkg")
    assert csv_to_layer(path, file_target(dest, "out"), COMMON, work_dir=str(tmp_path / "w")) == 1
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
    with pytest.raises(ReplyError, match="population") as raised:
        prepare_csv(path, str(tmp_path / "w"))
    assert raised.value.reason == "csv"


def test_empty_file(tmp_path):
    path = write(tmp_path, "e.csv", "")
    with pytest.raises(ReplyError) as raised:
        sniff_csv(path)
    assert raised.value.reason == "csv"


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


def test_first_sampled_rows_without_coordinates_then_located_rows(tmp_path):
    # 250 rows without a position (more than the sample) before the located ones
    text = "nom;latitude;longitude\n" + "Sans position;;\n" * 250 + "Gare;48,1036;-1,6722\nMairie;48.111;-1.6794\n"
    path = write(tmp_path, "tard.csv", text)
    layout = sniff_csv(path)
    assert (layout.lat, layout.lon) == ("latitude", "longitude")
    dest = str(tmp_path / "out.gpkg")
    assert csv_to_layer(path, file_target(dest, "out"), COMMON, work_dir=str(tmp_path / "w")) == 252
    points = [p for _, p in features(dest)[0]]
    assert points[:250] == [None] * 250 and points[250:] == [(-1.6722, 48.1036), (-1.6794, 48.111)]


def test_cells_holding_n_a(tmp_path):
    text = "nom;lat;lon\n" + "A;n/a;n/a\n" * 3 + "B;48,1;-1,6\nC;N/A;-1,5\n"
    path = write(tmp_path, "na.csv", text)
    layout = sniff_csv(path)
    assert (layout.lat, layout.lon) == ("lat", "lon")
    dest = str(tmp_path / "out.gpkg")
    assert csv_to_layer(path, file_target(dest, "out"), COMMON, work_dir=str(tmp_path / "w")) == 5
    rows, _ = features(dest)
    assert [p for _, p in rows] == [None, None, None, (-1.6, 48.1), None]  # never POINT (0 0)
    assert rows[0][0]["nom"] == "A"
    # a sample holding only "n/a" still names the coordinate columns
    only_na = write(tmp_path, "only_na.csv", "nom;lat;lon\nA;n/a;n/a\nB;N/A;?\n")
    assert (sniff_csv(only_na).lat, sniff_csv(only_na).lon) == ("lat", "lon")


def test_header_only_file(tmp_path):
    path = write(tmp_path, "vide.csv", "nom;latitude;longitude\n")
    dest = str(tmp_path / "out.gpkg")
    assert csv_to_layer(path, file_target(dest, "out"), COMMON, work_dir=str(tmp_path / "w")) == 0
    assert features(dest)[0] == []
    bare = write(tmp_path, "bare.csv", "commune;population\r\n")
    with pytest.raises(ReplyError, match="no data rows") as info:
        prepare_csv(bare, str(tmp_path / "w2"))
    assert info.value.reason == "csv"
    assert "bare.csv" in str(info.value)


def test_values_decide_before_names_without_values(tmp_path):
    # empty lat/lon columns beside a filled combined column: the combined column is used
    text = "nom;lat;lon;geo_point_2d\nA;;;48.1, -1.6\nB;;;48.2, -1.5\n"
    layout = sniff_csv(write(tmp_path, "both.csv", text))
    assert layout.combined == "geo_point_2d" and layout.lat is None
    # lat/lon columns holding words are not taken on their name
    words = write(tmp_path, "words.csv", "nom;lat;lon\nA;nord;ouest\n")
    assert not sniff_csv(words).has_geometry


def test_combined_column_with_bad_values(tmp_path):
    text = "nom;coordonnees\n" + "A;48.1,-1.6\n" + "B;?,?\n" * 2 + "C;inconnu\n" * 3 + "D;48.2, -1.5\n" + "E;?, -1.5\n"
    path = write(tmp_path, "bad.csv", text)
    layout = sniff_csv(path)
    assert layout.combined == "coordonnees" and layout.combined_order == "latlon"
    dest = str(tmp_path / "out.gpkg")
    assert csv_to_layer(path, file_target(dest, "out"), COMMON, work_dir=str(tmp_path / "w")) == 8
    points = [p for _, p in features(dest)[0]]
    assert points == [(-1.6, 48.1), None, None, None, None, None, (-1.5, 48.2), None]  # no POINT (0 0)


def test_guessed_combined_column_still_needs_most_values(tmp_path):
    text = "nom;coord_gare\n" + "A;48.1,-1.6\n" + "B;quai 2\n" * 5
    assert not sniff_csv(write(tmp_path, "g.csv", text)).has_geometry


@pytest.mark.parametrize("cell", ['"48,1, -1,6"', "48,1;-1,6", "[48,1 ; -1,6]", "48.1;-1.6"])
def test_combined_column_with_decimal_commas(tmp_path, cell):
    separator = "," if cell.startswith('"') else "\t"
    text = f"nom{separator}coordonnees\nA{separator}{cell}\nB{separator}{cell}\n"
    path = write(tmp_path, "dc.csv", text)
    layout = sniff_csv(path)
    assert layout.combined == "coordonnees" and layout.combined_order == "latlon"
    dest = str(tmp_path / "out.gpkg")
    assert csv_to_layer(path, file_target(dest, "out"), COMMON, work_dir=str(tmp_path / "w")) == 2
    assert [p for _, p in features(dest)[0]] == [(-1.6, 48.1), (-1.6, 48.1)]


def test_pipe_separated(tmp_path):
    text = (
        'nom|adresse|lat|lon\nArceau "Gare"|1; rue de l\'Alma|48,1036|-1,6722\nMairie|"Place | Mairie"|48.111|-1.6794\n'
    )
    path = write(tmp_path, "pipe.csv", text, "cp1252")
    layout = sniff_csv(path)
    assert layout.separator == "|" and (layout.lat, layout.lon) == ("lat", "lon")
    dest = str(tmp_path / "out.gpkg")
    assert csv_to_layer(path, file_target(dest, "out"), COMMON, work_dir=str(tmp_path / "w"), name_field="nom") == 2
    rows, _ = features(dest)
    assert rows[0][0]["name"] == 'Arceau "Gare"' and rows[0][0]["adresse"] == "1; rue de l'Alma"
    assert rows[1][0]["adresse"] == "Place | Mairie"
    assert [p for _, p in rows] == [(-1.6722, 48.1036), (-1.6794, 48.111)]


def test_named_columns_without_sampled_values(tmp_path):
    combined = sniff_csv(write(tmp_path, "c.csv", "nom;coordonnees\nA;\nB;n/a\n"))
    assert combined.combined == "coordonnees" and combined.combined_order == "latlon"
    lambert = sniff_csv(write(tmp_path, "l.csv", "nom;x_l93;y_l93\nA;;\n"))
    assert (lambert.lon, lambert.lat, lambert.crs) == ("x_l93", "y_l93", "EPSG:2154")
    plain = sniff_csv(write(tmp_path, "p.csv", "nom;X;Y\n"))
    assert (plain.lon, plain.lat, plain.crs) == ("X", "Y", "") and "no CRS" in plain.warnings[0]
    # a common attribute name is no evidence of coordinates without values
    assert not sniff_csv(write(tmp_path, "pos.csv", "nom;position\nA;\n")).has_geometry


GEOJSON_UNQUOTED = (
    "id;nom;geojson;lonlat\n"
    '1;Gare;{"type": "Point", "coordinates": [-1.6722, 48.1036]};-1.6722,48.1036\n'
    '2;Mairie;{"type": "Point", "coordinates": [-1.6794, 48.111]};-1.6794,48.111\n'
    '3;Champs Libres;{"type": "Point", "coordinates": [-1.6747, 48.1058]};-1.6747,48.1058\n'
)


def test_a_geometry_column_gdal_cannot_read_falls_back_to_the_next_coordinates(tmp_path):
    # GDAL strips the quotes inside an unquoted field: the GeoJSON column reads as nothing. Before, the three rows
    # loaded without geometry and without the column, silently, though the lonlat column was there (issue 14.4).
    path = write(tmp_path, "points.csv", GEOJSON_UNQUOTED)
    assert sniff_csv(path).geometry == "geojson"
    dest = str(tmp_path / "out.gpkg")
    check = ScratchCheck()
    assert csv_to_layer(path, file_target(dest, "out"), COMMON, work_dir=str(tmp_path / "w"), check=check) == 3
    rows, crs = features(dest)
    assert [point for _, point in rows] == [(-1.6722, 48.1036), (-1.6794, 48.111), (-1.6747, 48.1058)]
    assert crs == "4326" and rows[0][0]["geojson"].startswith("{type: Point")  # the column stays, as GDAL read it
    assert check.warnings == [
        "This coordinate column yields no geometry GDAL can read: geojson; coordinates taken from lonlat"
    ]


def test_a_geometry_column_that_yields_nothing_and_no_other_is_said(tmp_path):
    text = "\n".join(line.rsplit(";", 1)[0] for line in GEOJSON_UNQUOTED.splitlines()) + "\n"
    path = write(tmp_path, "points.csv", text)
    check = ScratchCheck(what="points.csv")
    assert csv_to_layer(path, file_target(str(tmp_path / "o.gpkg"), "out"), COMMON, check=check) == 3
    assert check.warnings == ["No feature has a geometry: the coordinate column(s) held nothing GDAL could read"]
