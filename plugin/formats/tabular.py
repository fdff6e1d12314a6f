"""French CSV files as point layers, read by GDAL's CSV driver at C speed.

Open data CSVs in France come with `;` or `,` or tab separators, in UTF-8 with or without BOM or in
cp1252, with decimal commas, and with coordinates in two columns (lat/lon, latitude/longitude, y/x,
sometimes in Lambert-93), in one "lat,lon" column (coordonnees, geo_point_2d), in one "[lon, lat]"
column (coordonneesXY of the charging-station schema) or as WKT/GeoJSON in a geometry column.

Only a sample of the file is read in Python, to find the layout; the rows themselves are read by
GDAL through a small VRT (open options X/Y_POSSIBLE_NAMES, or an SQLite-dialect expression that
splits a combined column). A file GDAL cannot read as is (cp1252, UTF-16, a header GDAL would split
on the wrong character, "|" separators before GDAL 3.8) is first rewritten to UTF-8 in streaming
chunks.

Function API, for any caller with a CSV on disk:
    layout = sniff_csv(path)                   # CsvLayout: encoding, separator, columns, geometry
    source = prepare_csv(path, work_dir)       # a VRT path any GDAL tool reads as a point layer
    count = csv_to_layer(path, file_target(dest), common)   # through the layer writer
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import io
import itertools
import os
import re
from dataclasses import dataclass, field

from osgeo import gdal
from qgis.core import QgsFeedback

from ..toolbelt.errors import Cancelled, ReplyError
from ..toolbelt.gdal_errors import with_gdal_exceptions
from ..toolbelt.i18n import tr
from ..toolbelt.layer_checks import ScratchCheck
from ..toolbelt.layer_writer import OutputTarget, write_resource_layer
from .names import guess_name_field, normalize_name

SAMPLE_BYTES = 256 * 1024
SAMPLE_ROWS = 200
CHUNK = 1024 * 1024
SEPARATORS = (";", ",", "\t", "|")
GDAL_SEPARATOR_NAMES = {";": "SEMICOLON", ",": "COMMA", "\t": "TAB", "|": "PIPE"}
# What GDAL < 3.8 (no SEPARATOR open option) finds by itself on the header line; a file with another
# separator is rewritten with ";" first.
GDAL_DETECTED_SEPARATORS = (",", ";", "\t")

# Normalized column names (lowercase, no accents, non-alphanumerics as "_"), in order of preference.
LAT_NAMES = (
    "latitude",
    "lat",
    "lat_wgs84",
    "latitude_wgs84",
    "y_wgs84",
    "wgs84_lat",
    "geo_lat",
    "coord_lat",
    "ylat",
    "y_lat",
    "y_latitude",
    "latitude_y",
    "lati",
)
LON_NAMES = (
    "longitude",
    "lon",
    "lng",
    "long",
    "lon_wgs84",
    "longitude_wgs84",
    "x_wgs84",
    "wgs84_lon",
    "geo_lon",
    "coord_lon",
    "xlong",
    "x_lon",
    "x_long",
    "x_longitude",
    "longitude_x",
    "longi",
)
Y_NAMES = (
    "y",
    "coord_y",
    "coordonnee_y",
    "coordonnees_y",
    "y_l93",
    "yl93",
    "y_lambert93",
    "y_lambert_93",
    "ycoord",
    "y_coord",
    "pos_y",
)
X_NAMES = (
    "x",
    "coord_x",
    "coordonnee_x",
    "coordonnees_x",
    "x_l93",
    "xl93",
    "x_lambert93",
    "x_lambert_93",
    "xcoord",
    "x_coord",
    "pos_x",
)
# One column holding both numbers, and the order they come in.
COMBINED_NAMES = {
    "coordonneesxy": "lonlat",
    "coordonnees_xy": "lonlat",
    "xy": "lonlat",
    "lonlat": "lonlat",
    "lon_lat": "lonlat",
    "lng_lat": "lonlat",
    "longlat": "lonlat",
    "long_lat": "lonlat",
    "geo_point_2d": "latlon",
    "geo_point": "latlon",
    "geopoint": "latlon",
    "point_geo": "latlon",
    "coordonnees": "latlon",
    "coordonnees_geo": "latlon",
    "coordonnees_gps": "latlon",
    "coordonnees_geographiques": "latlon",
    "coordonnee": "latlon",
    "coord": "latlon",
    "coords": "latlon",
    "coordinates": "latlon",
    "latlon": "latlon",
    "lat_lon": "latlon",
    "latlong": "latlon",
    "lat_long": "latlon",
    "lat_lng": "latlon",
    "gps": "latlon",
    "geoloc": "latlon",
    "geolocalisation": "latlon",
    "localisation": "latlon",
    "position": "latlon",
    "wgs84": "latlon",
    "location": "latlon",
}
GEOMETRY_NAMES = (
    "geometry",
    "geom",
    "the_geom",
    "wkt",
    "geo_shape",
    "geoshape",
    "shape",
    "geometrie",
    "geojson",
)

# Both numbers of a combined column: "48.1,-1.6", "48.1; -1.6", "[2.35, 48.85]", or with decimal
# commas "48,1;-1,6" and "48,1, -1,6" (then the separator is ";" or a comma followed by a space).
# combined_wkt_sql reads the same forms in SQL.
PAIR = re.compile(r"^\s*[\[(]?\s*([-+]?\d+(?:\.\d+)?)\s*[,;]\s*([-+]?\d+(?:\.\d+)?)\s*[\])]?\s*$")
PAIR_DECIMAL_COMMA = re.compile(r"^\s*[\[(]?\s*([-+]?\d+(?:,\d+)?)\s*(?:;|,\s)\s*([-+]?\d+(?:,\d+)?)\s*[\])]?\s*$")
DECIMAL_COMMA = re.compile(r"^\s*[-+]?\d+,\d+\s*$")
# Cells saying "no value" rather than holding one: a column of them is as good as an empty one.
MISSING_VALUE = re.compile(
    r"^\s*(n/?a|#n/a|n\.?d\.?|nc|null|none|nan|inconnue?|non renseignee?|sans objet|\?+|-+|/)\s*$",
    re.IGNORECASE,
)
# A known combined column is taken when this share of its sampled values parse (bad cells then give
# no geometry); a column found by a looser name match needs most of them.
COMBINED_KNOWN_SHARE = 0.2
COMBINED_GUESSED_SHARE = 0.8
# Combined names common as plain attributes ("position" of a job, "localisation" as a room): a sample
# without values is no evidence for them.
COMBINED_AMBIGUOUS = ("position", "location", "localisation")
GEOMETRY_VALUE = re.compile(
    r"^\s*(\{|(SRID=\d+;)?\s*(MULTI)?(POINT|LINESTRING|POLYGON)|GEOMETRYCOLLECTION|0[0-9A-F]{17})",
    re.IGNORECASE,
)


# The csv module refuses fields over 128 kB by default; a WKT or GeoJSON cell of a detailed outline is larger.
# Bounded all the same: the limit is the process's, and a quote left open in a GTFS feed's stop_times.txt must
# stop at this size instead of holding the rest of a 500 MB file in one field.
FIELD_LIMIT = 64 * 1024 * 1024


def allow_large_fields() -> None:
    """Raise the csv module's field limit to FIELD_LIMIT, once for the process and never back: putting it back
    while another thread reads a file would make that reading fail."""
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)


def csv_error(message: str) -> ReplyError:
    """The CSV cannot be read as a layer; the message says why, naming the file."""
    return ReplyError(message, reason="csv")


@dataclass
class CsvLayout:
    path: str
    encoding: str  # "utf-8", "utf-8-sig", "cp1252" or "utf-16"
    separator: str
    columns: list
    decimal_comma: bool = False
    lat: str = None  # two-column coordinates (names as in the header)
    lon: str = None
    combined: str = None  # one column with both numbers
    combined_order: str = "latlon"  # or "lonlat"
    geometry: str = None  # WKT, GeoJSON or WKB hex column
    crs: str = "EPSG:4326"
    sampled_rows: int = 0  # data rows seen in the sample (0: the file is a header line only)
    clean: bool = True  # every byte decodes in `encoding` (else the file is rewritten with replacements)
    warnings: list = field(default_factory=list)

    @property
    def has_geometry(self) -> bool:
        return bool((self.lat and self.lon) or self.combined or self.geometry)

    def describe(self) -> str:
        if self.geometry:
            how = f"geometry column '{self.geometry}'"
        elif self.lat and self.lon:
            how = f"columns '{self.lat}'/'{self.lon}' ({self.crs})"
        elif self.combined:
            how = f"column '{self.combined}' ({self.combined_order})"
        else:
            how = "no coordinates"
        sep = {"\t": "tab"}.get(self.separator, self.separator)
        return f"{self.encoding}, separator '{sep}', {how}" + (", decimal commas" if self.decimal_comma else "")


# -- encoding -------------------------------------------------------------------------------------


def detect_encoding(path: str) -> str:
    """ "utf-8-sig" (BOM), "utf-16" (BOM), "utf-8" when every byte decodes, else "cp1252" (see scan_encoding)."""
    return scan_encoding(path)[0]


def scan_encoding(path: str) -> tuple:
    """(encoding, clean): "utf-8-sig" or "utf-16" after a BOM, "utf-8" when every byte decodes, else "cp1252";
    `clean` is False when some bytes do not decode in that encoding (a BOM, then a stray cp1252 byte), so the
    file is rewritten with replacement characters rather than handed to GDAL as it is.

    The whole file is scanned in chunks (C-speed decoding, stopping at the first invalid byte), since the
    first accented letter of a cp1252 file may sit far down."""
    with open(path, "rb") as handle:
        head = handle.read(4)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", _decodes(path, "utf-8-sig")
    if head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16", _decodes(path, "utf-16")
    if _decodes(path, "utf-8"):
        return "utf-8", True
    return "cp1252", False  # rewritten to UTF-8 in any case, with replacements for the 5 bytes cp1252 lacks


def _decodes(path: str, encoding: str) -> bool:
    """Whether every byte of the file decodes in `encoding`."""
    decoder = codecs.getincrementaldecoder(encoding)()
    with open(path, "rb") as handle:
        try:
            while True:
                chunk = handle.read(CHUNK)
                decoder.decode(chunk, final=not chunk)
                if not chunk:
                    return True
        except UnicodeDecodeError:
            return False


def read_sample(path: str, encoding: str, size: int = SAMPLE_BYTES) -> str:
    with open(path, "rb") as handle:
        data = handle.read(size)
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    text = decoder.decode(data, final=False)
    if len(data) == size:
        # Drop the last, probably cut, line.
        cut = max(text.rfind("\n"), 0)
        text = text[:cut] if cut else text
    return text


# -- separator ------------------------------------------------------------------------------------


def detect_separator(sample: str) -> str:
    """The separator giving the same number (>1) of fields on most sample lines, quotes respected."""
    lines = sample.splitlines()[:50]
    if not lines:
        raise csv_error(tr("The CSV file is empty"))
    allow_large_fields()
    best, best_score = ",", (-1, 0)
    for candidate in SEPARATORS:
        rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=candidate))
        rows = [row for row in rows if row]
        if not rows:
            continue
        width = len(rows[0])
        if width < 2:
            continue
        consistent = sum(1 for row in rows if len(row) == width)
        score = (consistent, width)
        if score > best_score:
            best, best_score = candidate, score
    return best


# -- coordinates ----------------------------------------------------------------------------------


def _pick(columns: list, names) -> str:
    normalized = {normalize_name(column): column for column in reversed(columns)}
    for name in names:
        if name in normalized:
            return normalized[name]
    return None


def _numbers(rows: list, index: int) -> list:
    values = []
    for row in rows:
        if index < len(row):
            text = row[index].strip().replace(",", ".")
            try:
                values.append(float(text))
            except ValueError:
                pass
    return values


def parse_pair(text: str) -> tuple | None:
    """The two numbers of a combined cell, or None."""
    match = PAIR.match(text)
    if match:
        return float(match.group(1)), float(match.group(2))
    match = PAIR_DECIMAL_COMMA.match(text)
    if match:
        return float(match.group(1).replace(",", ".")), float(match.group(2).replace(",", "."))
    return None


def _pairs(rows: list, index: int) -> list:
    pairs = []
    for row in rows:
        if index < len(row):
            pair = parse_pair(row[index])
            if pair:
                pairs.append(pair)
    return pairs


def _filled(rows: list, index: int) -> list:
    return [row[index] for row in rows if index < len(row) and row[index].strip()]


def lambert93_like(xs: list, ys: list) -> bool:
    return bool(xs) and all(0 <= x <= 1300000 for x in xs) and all(6000000 <= y <= 7200000 for y in ys)


def combined_order(name: str, pairs: list) -> str:
    """Which number comes first in a combined column: the name says it, the values confirm it."""
    hint = COMBINED_NAMES.get(normalize_name(name))
    if hint is None:
        normalized = normalize_name(name)
        hint = "lonlat" if ("xy" in normalized or normalized.startswith(("lon", "lng"))) else "latlon"
    if pairs:
        if any(abs(a) > 90 for a, _ in pairs) and all(abs(b) <= 90 for _, b in pairs):
            return "lonlat"
        if any(abs(b) > 90 for _, b in pairs) and all(abs(a) <= 90 for a, _ in pairs):
            return "latlon"
        # Mainland France: latitudes 41-52, longitudes -6-10.
        if all(41 <= a <= 52 and -6 <= b <= 10 for a, b in pairs):
            return "latlon"
        if all(-6 <= a <= 10 and 41 <= b <= 52 for a, b in pairs):
            return "lonlat"
    return hint


def _without_values(rows: list, *indexes) -> bool:
    """No sampled cell of these columns holds anything but blanks and "n/a"-like markers."""
    return all(MISSING_VALUE.match(value) for index in indexes for value in _filled(rows, index))


def find_coordinates(layout: CsvLayout, rows: list) -> None:
    """Fill the geometry part of `layout` from the column names and the sample rows.

    Columns whose sampled values confirm their name win; when no column does, coordinate columns
    whose sample holds no value at all (empty cells, "n/a", a header-only file) are taken on their
    name alone: their rows without coordinates get no geometry."""
    columns = layout.columns
    index = {column: i for i, column in enumerate(columns)}
    if _geometry_column(layout, rows, index):
        return
    lat, lon = _pick(columns, LAT_NAMES), _pick(columns, LON_NAMES)
    lat_lon = (lat, lon) if lat and lon and lat != lon else None
    y, x = _pick(columns, Y_NAMES), _pick(columns, X_NAMES)
    y_x = (y, x) if y and x and y != x else None
    if _coordinate_columns(layout, rows, index, lat_lon, y_x):
        return
    known = [c for c in columns if normalize_name(c) in COMBINED_NAMES]
    guessed = [c for c in columns if c not in known and re.search(r"(coord|geo_?point|lat_?lon)", normalize_name(c))]
    if _combined_column(layout, rows, index, known, guessed):
        return
    _named_columns_without_values(layout, rows, index, lat_lon, known, y_x)


def _geometry_column(layout: CsvLayout, rows: list, index: dict) -> bool:
    """A WKT or GeoJSON geometry column, confirmed by most of its sampled values."""
    for name in GEOMETRY_NAMES:
        column = _pick(layout.columns, (name,))
        if column is None:
            continue
        values = _filled(rows, index[column])
        if values and sum(1 for v in values if GEOMETRY_VALUE.match(v)) >= 0.8 * len(values):
            layout.geometry = column
            return True
    return False


def _coordinate_columns(layout: CsvLayout, rows: list, index: dict, lat_lon, y_x) -> bool:
    """Latitude and longitude columns, else y and x columns (Lambert-93 or degrees, told by their values),
    whose sample holds numbers."""
    if lat_lon and _numbers(rows, index[lat_lon[0]]) and _numbers(rows, index[lat_lon[1]]):
        layout.lat, layout.lon = lat_lon
    elif y_x:
        y, x = y_x
        ys, xs = _numbers(rows, index[y]), _numbers(rows, index[x])
        if not (xs and ys):
            return False
        layout.lat, layout.lon = y, x
        if lambert93_like(xs, ys):
            layout.crs = "EPSG:2154"
        elif any(abs(v) > 180 for v in xs) or any(abs(v) > 90 for v in ys):
            layout.crs = ""
            layout.warnings.append(
                tr("Projected coordinates in an unknown system; the layer has no CRS") + f": {x}/{y}"
            )
    else:
        return False
    values = _filled(rows, index[layout.lat]) + _filled(rows, index[layout.lon])
    layout.decimal_comma = any(DECIMAL_COMMA.match(v) for v in values)
    return True


def _combined_column(layout: CsvLayout, rows: list, index: dict, known: list, guessed: list) -> bool:
    """One column holding both coordinates ("lat,lon", "[lon, lat]"), known by its name or guessed from
    it, confirmed by enough of its sampled values."""
    for column in known + guessed:
        values = [v for v in _filled(rows, index[column]) if not MISSING_VALUE.match(v)]
        pairs = _pairs(rows, index[column])
        share = COMBINED_KNOWN_SHARE if column in known else COMBINED_GUESSED_SHARE
        if pairs and len(pairs) >= share * len(values):
            layout.combined = column
            layout.combined_order = combined_order(column, pairs)
            layout.decimal_comma = any(not PAIR.match(v) for v in values if parse_pair(v))
            return True
    return False


def _named_columns_without_values(layout: CsvLayout, rows: list, index: dict, lat_lon, known: list, y_x) -> None:
    """Nothing confirmed by values: coordinate columns named as such, with no value in the sample."""
    if lat_lon and _without_values(rows, index[lat_lon[0]], index[lat_lon[1]]):
        layout.lat, layout.lon = lat_lon
        return
    for column in known:
        if normalize_name(column) not in COMBINED_AMBIGUOUS and _without_values(rows, index[column]):
            layout.combined = column
            layout.combined_order = combined_order(column, [])
            return
    if y_x and _without_values(rows, index[y_x[0]], index[y_x[1]]):
        # No value to tell Lambert-93 from degrees: only a name saying Lambert-93 gives the CRS.
        y, x = y_x
        layout.lat, layout.lon = y, x
        if re.search(r"l93|lambert", normalize_name(y) + normalize_name(x)):
            layout.crs = "EPSG:2154"
        else:
            layout.crs = ""
            layout.warnings.append(
                tr("The sampled rows hold no x/y value telling their coordinate system; the layer has no CRS")
                + f": {x}/{y}"
            )


@with_gdal_exceptions
def sniff_csv(path: str, encoding: str = None, separator: str = None) -> CsvLayout:
    """Find the encoding, separator, columns and coordinates of a CSV file from a sample."""
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        raise csv_error(tr("The CSV file is empty") + f": {path}")
    clean = True
    if not encoding:
        encoding, clean = scan_encoding(path)
    sample = read_sample(path, encoding)
    if sample.startswith("\ufeff"):
        sample = sample[1:]
    separator = separator or detect_separator(sample)
    header, rows = _sample_rows(sample, separator, path)
    layout = CsvLayout(path, encoding, separator, header, sampled_rows=len(rows), clean=clean)
    find_coordinates(layout, rows)
    return layout


def _sample_rows(sample: str, separator: str, path: str) -> tuple:
    """(header, up to SAMPLE_ROWS data rows) of the sample; lines end at "\\n", "\\r\\n" or a lone "\\r"."""
    allow_large_fields()
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=separator)
    try:
        header = next(reader, None)
        if header is None:
            raise csv_error(tr("The CSV file is empty") + f": {path}")
        rows = [row for row in itertools.islice(reader, SAMPLE_ROWS * 2) if row][:SAMPLE_ROWS]
    except csv.Error as error:
        raise csv_error(
            tr("The CSV file cannot be read") + f": {path}, " + tr("line") + f" {reader.line_num}: {error}"
        ) from None
    if not any(name.strip() for name in header):
        raise csv_error(tr("The CSV file has no header line") + f": {path}")
    header = [name.strip() or f"field_{i + 1}" for i, name in enumerate(header)]
    return header, rows


# -- rewriting and VRT ----------------------------------------------------------------------------


def _quoted_header(columns: list, separator: str) -> str:
    return separator.join('"' + column.replace('"', '""') + '"' for column in columns)


def rewrite_utf8(
    path: str,
    dest: str,
    encoding: str,
    separator: str = None,
    columns: list = None,
    feedback: QgsFeedback | None = None,
) -> str:
    """Copy `path` to `dest` as UTF-8 in streaming chunks; with `columns`, the header line is replaced
    by a quoted one so that GDAL cannot mistake the separator."""
    size = max(os.path.getsize(path), 1)
    decoder = codecs.getincrementaldecoder(encoding if encoding != "utf-8-sig" else "utf-8-sig")(errors="replace")
    done = 0
    header_pending = columns is not None
    with open(path, "rb") as source, open(dest, "w", encoding="utf-8", newline="") as out:
        while True:
            if feedback is not None and feedback.isCanceled():
                raise Cancelled()
            chunk = source.read(CHUNK)
            text = decoder.decode(chunk, final=not chunk)
            if text.startswith("\ufeff") and done == 0:
                text = text[1:]
            if header_pending:
                # Skip the original header line (it may span the first chunk only: headers are short).
                newline = text.find("\n")
                if newline < 0 and chunk:
                    raise csv_error(tr("The CSV header line is too long") + f": {path}")
                text = _quoted_header(columns, separator) + "\n" + (text[newline + 1 :] if newline >= 0 else "")
                header_pending = False
            out.write(text)
            done += len(chunk)
            if feedback is not None:
                feedback.setProgress(min(100.0, 100.0 * done / size))
            if not chunk:
                break
    return dest


def rewrite_separator(
    path: str, dest: str, encoding: str, separator: str, new_separator: str, feedback: QgsFeedback | None = None
) -> str:
    """Copy `path` to `dest` as UTF-8 with `new_separator` between the fields, for a separator GDAL
    neither detects nor takes as an option (GDAL < 3.8 and "|"). The csv module streams the rows,
    re-quoting the fields that hold the new separator; the header is quoted whole, as GDAL guesses the
    separator from the header line outside quotes."""
    size = max(os.path.getsize(path), 1)
    allow_large_fields()
    reader = None
    try:
        with open(path, "rb") as raw, open(dest, "w", encoding="utf-8", newline="") as out:
            text = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
            reader = csv.reader(text, delimiter=separator)
            header = next(reader, None)
            if header is not None:
                csv.writer(out, delimiter=new_separator, quoting=csv.QUOTE_ALL, lineterminator="\n").writerow(
                    [name.lstrip("\ufeff") for name in header]
                )
            writer = csv.writer(out, delimiter=new_separator, lineterminator="\n")
            while True:
                if feedback is not None:
                    if feedback.isCanceled():
                        raise Cancelled()
                    feedback.setProgress(min(100.0, 100.0 * raw.tell() / size))
                rows = list(itertools.islice(reader, 10000))
                if not rows:
                    break
                writer.writerows(rows)
    except csv.Error as error:
        line = reader.line_num if reader is not None else 0
        raise csv_error(tr("The CSV file cannot be read") + f": {path}, " + tr("line") + f" {line}: {error}") from None
    return dest


@with_gdal_exceptions
def gdal_has_separator_option() -> bool:
    return int(gdal.VersionInfo()) >= 3080000  # the CSV driver's SEPARATOR open option


def _gdal_columns(csv_path: str, layout: CsvLayout) -> list:
    options = []
    if gdal_has_separator_option():
        options.append(f"SEPARATOR={GDAL_SEPARATOR_NAMES[layout.separator]}")
    try:
        dataset = gdal.OpenEx(f"CSV:{csv_path}", gdal.OF_VECTOR, open_options=options)
    except RuntimeError:
        return []
    layer = dataset.GetLayer(0)
    definition = layer.GetLayerDefn()
    return [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]


def _sql_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sql_pair(text: str, separator: str, allowed: str) -> tuple:
    """(first, second, valid) SQL expressions for `text` holding two numbers around one `separator`:
    valid when it holds nothing but `allowed` characters and a digit on each side (so "?,?" or ""
    never become 0). CAST ignores the spaces around each number. One GLOB per condition on the whole
    text keeps this cheap: SQLite evaluates the expressions again for every use."""
    at = f"instr({text}, '{separator}')"
    first = f"CAST(substr({text}, 1, {at} - 1) AS REAL)"
    second = f"CAST(substr({text}, {at} + 1) AS REAL)"
    valid = (
        f"({text} NOT GLOB '*[^{allowed}]*' AND {text} GLOB '*[0-9]*{separator}*[0-9]*' "
        f"AND {text} NOT GLOB '*{separator}*{separator}*')"
    )
    return first, second, valid


def combined_wkt_sql(layout: CsvLayout, table: str) -> str:
    """SQLite-dialect select adding a WKT point built from the combined column (plain SQLite
    functions: no SpatiaLite needed). The forms PAIR and PAIR_DECIMAL_COMMA accept are read; any other
    cell ("?,?", "inconnu", empty) gives no geometry."""
    stripped = f"trim({_sql_identifier(layout.combined)}, '[]() ')"
    # Decimal points: "," or ";" separates the numbers.
    dot = _sql_pair(f"replace({stripped}, ';', ',')", ",", "0-9.,+ -")
    # Decimal commas: ";" or ", " separates the numbers, every other comma is a decimal one.
    comma = _sql_pair(f"replace(replace({stripped}, ', ', ';'), ',', '.')", ";", "0-9.;+ -")

    def point(first, second, _valid):
        lon, lat = (first, second) if layout.combined_order == "lonlat" else (second, first)
        return f"'POINT (' || {lon} || ' ' || {lat} || ')'"

    wkt = f"CASE WHEN {dot[2]} THEN {point(*dot)} WHEN {comma[2]} THEN {point(*comma)} END"
    return f"SELECT *, {wkt} AS _ot_wkt FROM {_sql_identifier(table)}"


def build_vrt(csv_path: str, layout: CsvLayout, layer_name: str = "data") -> str:
    """The VRT text reading `csv_path` (UTF-8) as a layer of `layout`'s geometry."""
    from xml.sax.saxutils import escape, quoteattr  # only when a CSV is read: not on the plugin's start-up path

    table = os.path.splitext(os.path.basename(csv_path))[0]
    options = {}
    if gdal_has_separator_option():
        options["SEPARATOR"] = GDAL_SEPARATOR_NAMES[layout.separator]
    body = []
    if layout.geometry:
        options.update(GEOM_POSSIBLE_NAMES=layout.geometry, KEEP_GEOM_COLUMNS="NO")
    elif layout.lat and layout.lon:
        options.update(X_POSSIBLE_NAMES=layout.lon, Y_POSSIBLE_NAMES=layout.lat, KEEP_GEOM_COLUMNS="YES")
    if layout.combined:
        sql = combined_wkt_sql(layout, table)
        body.append(f'<SrcSQL dialect="sqlite">{escape(sql)}</SrcSQL>')
        body.append("<GeometryType>wkbPoint</GeometryType>")
        body.append('<GeometryField encoding="WKT" field="_ot_wkt" reportSrcColumn="false"/>')
    else:
        body.append(f"<SrcLayer>{escape(table)}</SrcLayer>")
    if layout.has_geometry and layout.crs:
        body.insert(0, f"<LayerSRS>{escape(layout.crs)}</LayerSRS>")
    open_options = "".join(f"<OOI key={quoteattr(k)}>{escape(v)}</OOI>" for k, v in options.items())
    return (
        "<OGRVRTDataSource>\n"
        f"  <OGRVRTLayer name={quoteattr(layer_name)}>\n"
        f'    <SrcDataSource relativeToVRT="0">{escape("CSV:" + csv_path)}</SrcDataSource>\n'
        f"    <OpenOptions>{open_options}</OpenOptions>\n"
        + "".join(f"    {line}\n" for line in body)
        + "  </OGRVRTLayer>\n</OGRVRTDataSource>\n"
    )


@with_gdal_exceptions
def prepare_csv(
    path: str,
    work_dir: str,
    layout: CsvLayout = None,
    layer_name: str = "data",
    require_geometry: bool = True,
    feedback: QgsFeedback | None = None,
) -> tuple:
    """Return (vrt_path, layout): a VRT that GDAL reads as the CSV's point layer.

    The CSV is rewritten into `work_dir` only when GDAL could not read it as is (not UTF-8, a
    separator GDAL neither detects nor takes as an option, or a header GDAL would split on another
    character). Raises ReplyError ("csv") when no coordinates are found
    and `require_geometry` is set."""
    layout = layout or sniff_csv(path)
    if require_geometry and not layout.has_geometry:
        if layout.sampled_rows == 0:
            raise csv_error(tr("The CSV file has a header line but no data rows") + f": {path}")
        raise csv_error(
            tr("No coordinate columns found in the CSV (looked for lat/lon, latitude/longitude, x/y, coordonnees...)")
            + f"; {tr('columns')}: {', '.join(layout.columns[:30])}"
        )
    os.makedirs(work_dir, exist_ok=True)
    stem = re.sub(r"[^A-Za-z0-9_]+", "_", os.path.splitext(os.path.basename(path))[0]) or "table"
    csv_path = path
    separator = layout.separator  # the one of the file GDAL reads
    if not gdal_has_separator_option() and separator not in GDAL_DETECTED_SEPARATORS:
        separator = ";"
        csv_path = rewrite_separator(
            path, os.path.join(work_dir, stem + ".csv"), layout.encoding, layout.separator, separator, feedback
        )
    elif layout.encoding not in ("utf-8", "utf-8-sig") or not layout.clean:
        csv_path = rewrite_utf8(path, os.path.join(work_dir, stem + ".csv"), layout.encoding, feedback=feedback)
    seen = _gdal_columns(csv_path, layout)
    if len(seen) != len(layout.columns):
        # GDAL split the header on another character: give it a quoted header it cannot misread.
        fixed = os.path.join(work_dir, stem + "_h.csv")
        encoding = "utf-8" if csv_path != path else layout.encoding
        csv_path = rewrite_utf8(csv_path, fixed, encoding, separator, layout.columns, feedback=feedback)
        seen = _gdal_columns(csv_path, layout)
        if len(seen) != len(layout.columns):
            raise csv_error(
                tr("GDAL reads other columns than the CSV header announces")
                + f": {path} ({len(seen)} / {len(layout.columns)})"
            )
    vrt_path = os.path.join(work_dir, stem + ".vrt")
    # GDAL may rename columns (duplicates, spaces): the VRT names the coordinate columns as GDAL sees them.
    layout = write_vrt(vrt_path, os.path.abspath(csv_path), layout, dict(zip(layout.columns, seen)), layer_name)
    return vrt_path, layout


GEOMETRY_ATTRIBUTES = ("lat", "lon", "combined", "geometry")
PROBE_FEATURES = 200  # features GDAL reads from the VRT to see that its coordinates yield geometries


def write_vrt(vrt_path: str, csv_path: str, layout: CsvLayout, renamed: dict, layer_name: str) -> CsvLayout:
    """Write the VRT reading `csv_path` with `layout`'s coordinates (column names as GDAL sees them, through
    `renamed`) and return the layout it uses. When those columns yield no geometry GDAL can read in the first
    features (a GeoJSON column left unquoted, whose inner quotes GDAL strips), the next candidate columns are
    taken, with a warning; when none does, the first stay (the layer writer then says no feature has one)."""

    def write(candidate: CsvLayout) -> CsvLayout:
        named = {a: renamed.get(getattr(candidate, a), getattr(candidate, a)) for a in GEOMETRY_ATTRIBUTES}
        seen_by_gdal = dataclasses.replace(candidate, **named)
        with open(vrt_path, "w", encoding="utf-8") as handle:
            handle.write(build_vrt(csv_path, seen_by_gdal, layer_name))
        return seen_by_gdal

    written = write(layout)
    if not layout.has_geometry or _yields_geometry(vrt_path):
        return written
    tried = []
    candidate = layout
    while True:
        tried += [getattr(candidate, a) for a in GEOMETRY_ATTRIBUTES if getattr(candidate, a)]
        candidate = next_coordinates(layout, tried)
        if candidate is None:
            return write(layout)
        fallback = write(candidate)
        if _yields_geometry(vrt_path):
            fallback.warnings = layout.warnings
            layout.warnings.append(
                tr("This coordinate column yields no geometry GDAL can read")
                + f": {_coordinate_names(layout)}; "
                + tr("coordinates taken from")
                + f" {_coordinate_names(candidate)}"
            )
            return fallback


def _coordinate_names(layout: CsvLayout) -> str:
    return layout.geometry or layout.combined or f"{layout.lat}/{layout.lon}"


@with_gdal_exceptions
def _yields_geometry(vrt_path: str) -> bool:
    """Whether GDAL reads a geometry from the VRT's first features (True when it reads no feature at all:
    nothing to judge, or when it cannot open the VRT: the write will say why). A geometry GDAL fails to parse
    is an error on that feature only."""
    try:
        dataset = gdal.OpenEx(vrt_path, gdal.OF_VECTOR)
    except RuntimeError:
        return True
    layer = dataset.GetLayer(0)
    features = 0
    for _ in range(PROBE_FEATURES):
        try:
            feature = layer.GetNextFeature()
        except RuntimeError:  # "GeoJSON object too complex", "Failed to parse"...: no geometry there
            features += 1
            continue
        if feature is None:
            break
        if feature.GetGeometryRef() is not None:
            return True
        features += 1
    return features == 0


def next_coordinates(layout: CsvLayout, tried: list) -> CsvLayout | None:
    """The coordinates find_coordinates picks in the sample when the columns `tried` are left aside; None when
    no other column holds coordinates."""
    sample = read_sample(layout.path, layout.encoding).lstrip("\ufeff")
    _header, rows = _sample_rows(sample, layout.separator, layout.path)
    # Columns set aside keep their place (rows are read by index) under a name no search matches.
    hidden = [column if column not in tried else f"\x00{i}" for i, column in enumerate(layout.columns)]
    candidate = CsvLayout(layout.path, layout.encoding, layout.separator, hidden, layout.decimal_comma)
    find_coordinates(candidate, rows)
    if not candidate.has_geometry:
        return None
    return dataclasses.replace(candidate, columns=layout.columns, sampled_rows=layout.sampled_rows, clean=layout.clean)


def csv_to_layer(
    path: str,
    target: OutputTarget,
    common: dict,
    work_dir: str = None,
    name_field: str = None,
    feedback: QgsFeedback | None = None,
    layout: CsvLayout = None,
    check: ScratchCheck | None = None,
) -> int:
    """Write a CSV with coordinates into `target` with the common fields, through the layer writer (which
    checks it with `check`, whose warnings also get the CSV's own). `name_field` feeds the common `name`
    (default: the guess of formats/names.py). Returns the number of features written."""
    check = check if check is not None else ScratchCheck()
    work_dir = work_dir or os.path.join(os.path.dirname(os.path.abspath(target.path)), ".csv-work")
    vrt_path, layout = prepare_csv(path, work_dir, layout, feedback=feedback)
    check.warnings.extend(layout.warnings)
    return write_resource_layer(vrt_path, target, common, feedback, check, name_field=name_field or guess_name_field)
