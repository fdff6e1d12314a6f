"""Reading a file to import, whole, before anything is checked or written: CSV files with the French
conventions the data.gouv.fr source reads (plugin/formats/tabular.py sniffs the encoding, separator
and coordinate columns), .xlsx and .ods files through GDAL's XLSX and ODS drivers, every cell as text
with the row's line number in the file. Also which of the file's columns answers to a list of names
(`pick_column`), which the column mapping (import_columns) asks too."""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass

from osgeo import gdal

from ..formats.names import normalize_name
from ..formats.tabular import (
    GEOMETRY_NAMES,
    LAT_NAMES,
    LON_NAMES,
    CsvLayout,
    allow_large_fields,
    find_coordinates,
    sniff_csv,
)
from ..toolbelt.errors import InputError, ReplyError
from ..toolbelt.gdal_errors import with_gdal_exceptions
from ..toolbelt.i18n import tr

SPREADSHEETS = {".xlsx": "XLSX", ".ods": "ODS"}


@dataclass
class TabularFile:
    """A CSV or spreadsheet file being imported into the register, read whole."""

    path: str
    columns: list
    rows: list  # [(line number, [cell text])]
    layout: CsvLayout


def pick_column(columns: list, names: tuple) -> str | None:
    """The file column whose normalised name comes first in `names` (the leftmost one when several
    normalise alike), or None."""
    normalized = {}
    for column in columns:
        normalized.setdefault(normalize_name(column), column)
    for name in names:
        if name in normalized:
            return normalized[name]
    return None


def force_coordinate_columns(layout: CsvLayout) -> None:
    """Columns named like coordinates are read as such even when their sample values are not numbers
    or geometries, so that bad values are reported row by row instead of being ignored."""
    if layout.has_geometry:
        return
    geometry = pick_column(layout.columns, GEOMETRY_NAMES)
    lat, lon = pick_column(layout.columns, LAT_NAMES), pick_column(layout.columns, LON_NAMES)
    if geometry:
        layout.geometry = geometry
    elif lat and lon and lat != lon:
        layout.lat, layout.lon = lat, lon


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


@with_gdal_exceptions
def read_tabular_file(path: str) -> TabularFile:
    """The file's columns and non-empty rows; an InputError when it is missing or cannot be read."""
    if not os.path.isfile(path):
        raise InputError(tr("The file to import does not exist") + f": {path}", source=path)
    extension = os.path.splitext(path)[1].lower()
    if extension in SPREADSHEETS:
        return _read_spreadsheet(path, SPREADSHEETS[extension])
    try:
        layout = sniff_csv(path)
    except ReplyError as error:
        raise InputError(f"{error} ({path})", source=path) from None
    rows = []
    try:
        with open(path, encoding=layout.encoding, newline="") as handle:
            allow_large_fields()  # a WKT cell of an actor's area may exceed the csv module's default
            reader = csv.reader(handle, delimiter=layout.separator)
            next(reader, None)
            line = reader.line_num
            for row in reader:
                if any(cell.strip() for cell in row):
                    rows.append((line + 1, [cell.strip() for cell in row]))
                line = reader.line_num
    except (UnicodeDecodeError, csv.Error) as error:
        raise InputError(tr("The CSV file cannot be read") + f": {path}: {error}", source=path) from None
    layout.columns = [c.lstrip("\ufeff") for c in layout.columns]
    force_coordinate_columns(layout)
    return TabularFile(path, layout.columns, rows, layout)


def _read_spreadsheet(path: str, driver: str) -> TabularFile:
    # GDAL 3.6's XLSX and ODS drivers take these as configuration options (open options came later),
    # read when a sheet is first parsed: they stay set until the rows are read.
    options = {f"OGR_{driver}_HEADERS": "FORCE", f"OGR_{driver}_FIELD_TYPES": "STRING"}
    previous = {key: gdal.GetThreadLocalConfigOption(key, None) for key in options}
    try:
        for key, value in options.items():
            gdal.SetThreadLocalConfigOption(key, value)
        columns, rows = _sheet_rows(path, driver)
    finally:
        for key, value in previous.items():
            gdal.SetThreadLocalConfigOption(key, value)
    layout = CsvLayout(path=path, encoding="utf-8", separator=",", columns=columns)
    find_coordinates(layout, [cells for _, cells in rows[:200]])
    force_coordinate_columns(layout)
    return TabularFile(path, columns, rows, layout)


def _sheet_rows(path: str, driver: str) -> tuple:
    """(columns, [(line, cells)]) of the first sheet that has rows."""
    try:
        dataset = gdal.OpenEx(path, gdal.OF_VECTOR, allowed_drivers=[driver])
        layer = None
        for index in range(dataset.GetLayerCount()):
            candidate = dataset.GetLayer(index)
            if candidate.GetFeatureCount() > 0:
                layer = candidate
                break
        if layer is None:
            raise InputError(tr("The spreadsheet has no rows") + f": {path}", source=path)
        definition = layer.GetLayerDefn()
        columns = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
        rows = []
        for position, feature in enumerate(layer, start=2):  # line 1 is the header
            cells = [_cell(feature.GetField(i)) for i in range(len(columns))]
            if any(cells):
                # The XLSX and ODS drivers number features by their spreadsheet row.
                rows.append((feature.GetFID() if feature.GetFID() > 1 else position, cells))
    except RuntimeError as error:
        raise InputError(tr("The spreadsheet cannot be read") + f": {path}: {error}", source=path) from None
    return columns, rows
