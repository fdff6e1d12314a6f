"""Property-based tests of the French CSV reader: whatever bytes a file holds, a layout, a layer, or the plugin's
own errors. Found by this search before issue 14 was fixed: a csv.Error in `detect_separator` (a field larger
than the csv module's limit) and in `sniff_csv` (a newline inside an unquoted field), and a UnicodeEncodeError in
`prepare_csv` (a UTF-8 BOM, then a stray byte)."""

import os
import tempfile

from hypothesis import strategies as st
from open_territory.plugin.formats.tabular import csv_to_layer, detect_separator, prepare_csv, sniff_csv
from open_territory.plugin.toolbelt.layer_writer import file_target
from osgeo import ogr

from ...fuzzing import CSV_ALPHABET, NUMERIC_TEXT, fuzz, only_plugin_errors

HEADERS = (
    "nom", "latitude", "longitude", "lat", "lon", "x", "y", "geo_point_2d", "coordonnees", "coordonneesXY",
    "geometry", "wkt", "geojson", "capacité", "id", "commune", "", "nom",
)  # fmt: skip
BOMS = (b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
ENCODINGS = ("utf-8", "cp1252", "utf-16-le", "latin-1")
CELLS = st.one_of(
    NUMERIC_TEXT,
    st.text(alphabet=CSV_ALPHABET, max_size=12),
    st.sampled_from(
        [
            "48,1;-1,6", "48.1, -1.6", "[2.35, 48.85]", "POINT (2 48)", '{"type": "Point", "coordinates": [2, 48]}',
            "{type: Point, coordinates: [2, 48]}", "SRID=2154;POINT(351000 6789000)", "n/a", "?,?", "x" * 140_000,
        ]
    ),
)  # fmt: skip


@st.composite
def csv_files(draw):
    """The bytes of a CSV as the wild writes them: a header of coordinate-ish names, rows of hostile cells, one
    of the usual separators, quoting or not, an encoding, maybe a BOM, maybe stray bytes."""
    separator = draw(st.sampled_from(";,\t|"))
    header = draw(st.lists(st.sampled_from(HEADERS), min_size=1, max_size=6))
    width = len(header)
    rows = draw(st.lists(st.lists(CELLS, min_size=max(0, width - 1), max_size=width + 1), max_size=6))
    quote = draw(st.booleans())

    def line(cells):
        return separator.join(f'"{c}"' if quote else c for c in cells)

    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = newline.join([line(header)] + [line(row) for row in rows])
    data = text.encode(draw(st.sampled_from(ENCODINGS)), "replace")
    stray = draw(st.binary(max_size=4))
    at = draw(st.integers(min_value=0, max_value=len(data)))
    return draw(st.sampled_from(BOMS)) + data[:at] + stray + data[at:]


def read_everything(data):
    with tempfile.TemporaryDirectory(prefix="ot-fuzz-csv-") as folder:
        path = os.path.join(folder, "données.csv")
        with open(path, "wb") as handle:
            handle.write(data)
        layout = only_plugin_errors(sniff_csv, path)
        if layout is None:
            return
        only_plugin_errors(prepare_csv, path, os.path.join(folder, "work"), require_geometry=False)
        count = only_plugin_errors(
            csv_to_layer, path, file_target(os.path.join(folder, "out.gpkg")), {"category": "other"}
        )
        if count:
            dataset = ogr.Open(os.path.join(folder, "out.gpkg"))
            for feature in dataset.GetLayer(0):
                geometry = feature.GetGeometryRef()
                if geometry is not None and not geometry.IsEmpty() and layout.crs == "EPSG:4326":
                    minx, maxx, miny, maxy = geometry.GetEnvelope()
                    assert -180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90  # impossible ones refused
            dataset = None


@fuzz(st.text(alphabet=CSV_ALPHABET, max_size=300))
def test_separator_of_any_sample(sample):
    assert only_plugin_errors(detect_separator, sample) in (None, ";", ",", "\t", "|")


@fuzz(csv_files(), examples=25)
def test_any_csv_file(data):
    read_everything(data)


@fuzz(st.binary(max_size=400), examples=15)
def test_any_bytes(data):
    read_everything(data)


def test_the_cases_fuzzing_found():
    read_everything(b"nom;lat\n" + b"x" * 140_000 + b";1\n")  # a field beyond the csv module's limit
    read_everything(b'nom;latitude;longitude\n"a\nb;48.1;-1.6\nc;48.2;-1.7\n')  # a newline in an unquoted field
    read_everything(b"\xef\xbb\xbfnom;latitude;longitude\n\xe9t\xe9;48.1;-1.6\n")  # a BOM, then a stray byte
