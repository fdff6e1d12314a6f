"""Import of challenges and actors from the CSV and spreadsheet files associations hand over.

The file is read whole and checked before anything is written, and bad input changes nothing:
missing required columns stop the import with a message naming the file and the columns; if any row
is invalid (an unknown domain, status, kind or priority, bad coordinates or geometry, a required value
missing), nothing is written and ImportRejectedError lists every invalid row (line, column, value, what
was expected). Only then are addresses geocoded: a row whose address the Base Adresse Nationale cannot
place is left out and reported, the others are imported. The rows are written in one transaction: all
of them or none.

CSV files follow the French conventions the data.gouv.fr source reads (plugin/formats/tabular.py:
`;` or `,`, UTF-8 or cp1252, decimal commas, lat/lon or x/y or WKT columns); .xlsx and .ods files are
read by GDAL's XLSX and ODS drivers. French column names are accepted (titre, domaine, statut,
priorité, nom, type, compétences, adresse...).

The steps, one module each: import_source (reading the file), import_columns (which column is which
field), import_values (a row's values and why it is invalid), import_geometry (its coordinates),
geocode (its address), import_write (the transaction).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from osgeo import ogr

from ..toolbelt.gdal_errors import with_gdal_exceptions
from ..toolbelt.i18n import tr
from ..toolbelt.logger import log
from .errors import RegisterError, RowError
from .geocode import BanGeocoder, GeocodeError
from .import_columns import address_of, map_columns
from .import_geometry import actor_area, geometry_columns, row_geometry
from .import_source import read_source
from .import_values import validate_row
from .import_write import write_rows

IMPORT_TABLES = ("challenges", "actors")


@dataclass
class ImportReport:
    imported: int = 0
    failed: list = field(default_factory=list)  # [(line, reason)]: rows left out (address not found), and why
    geocoded: int = 0  # rows located by the geocoder
    skipped: list = field(default_factory=list)  # [(line, reason)]: rows already in the register
    rejected: list = field(default_factory=list)  # [(line, reason)]: invalid rows, which stopped the import
    geocoder_requests: int = 0
    geocoder_cache_hits: int = 0
    path: str = ""
    table: str = ""

    def summary(self) -> str:
        if self.rejected:
            return tr("Nothing was imported") + ", " + tr("invalid rows") + f": {len(self.rejected)}"
        text = tr("Imported") + f": {self.imported}"
        if self.geocoded:
            text += ", " + tr("located from their address") + f": {self.geocoded}"
        if self.skipped:
            text += ", " + tr("already in the register") + f": {len(self.skipped)}"
        if self.failed:
            text += ", " + tr("rows left out") + f": {len(self.failed)}"
        return text

    def lines(self) -> list:
        """One text line per row invalid, left out or skipped, for a report window or a log."""
        rows = self.rejected + self.failed + self.skipped
        return [tr("line") + f" {line}: {reason}" for line, reason in sorted(rows, key=lambda row: row[0])]


class ImportRejectedError(RegisterError):
    """Rows of the file are invalid: nothing was written. `report.rejected` lists them [(line, reason)],
    and the message says so, one line per row."""

    def __init__(self, report: ImportReport):
        self.report = report
        super().__init__(
            tr("Nothing was imported: rows of the file are invalid")
            + f" ({report.path}):\n"
            + "\n".join(report.lines())
        )


def check_row(table: str, cells: dict, mapping: dict, layout):
    """(values, geometry in EPSG:4326 or None) of one row, or a RowError with every problem of the row."""
    problems = []
    values = geometry = None
    try:
        values = validate_row(table, cells, mapping)
    except RowError as error:
        problems.append(str(error))
    try:
        geometry = row_geometry(cells, layout)
        if table == "actors" and geometry is not None:
            try:
                geometry = actor_area(geometry)
            except RowError as error:
                raise RowError(tr("column") + f" {geometry_columns(layout)}: {error}") from None
    except RowError as error:
        problems.append(str(error))
    if problems:
        raise RowError("; ".join(problems))
    if geometry is not None and not geometry.IsValid():
        geometry = geometry.MakeValid() if hasattr(geometry, "MakeValid") else geometry
    return values, geometry


def _cancelled(feedback, path: str) -> None:
    if feedback is not None and feedback.isCanceled():
        raise RegisterError(tr("Import cancelled; nothing was written") + f": {path}")


@with_gdal_exceptions
def import_rows(
    register, table: str, path: str, geocode=True, feedback=None, transport=None, geocoder_url: str = None
) -> ImportReport:
    """Import the challenges or actors of a CSV/XLSX/ODS file into `register`.

    Every row is checked first: one invalid row and nothing is written (ImportRejectedError, a
    RegisterError listing every invalid row). Rows without coordinates are then located from their
    address (adresse, code postal, commune columns) by the Base Adresse Nationale when `geocode` is set;
    an address it cannot place leaves that row out (report.failed), the others are imported. Challenges
    take any geometry; actors an area (polygon) or none, so an actor's address is not geocoded."""
    if table not in IMPORT_TABLES:
        raise RegisterError(tr("Only challenges and actors can be imported") + f": '{table}'")
    report = ImportReport(path=path, table=table)
    source = read_source(path)
    mapping = map_columns(source, table)
    columns = source.columns
    total = max(1, len(source.rows))
    checked = []  # (line, cells, values, geometry)
    for number, (line, row) in enumerate(source.rows):
        _cancelled(feedback, path)
        if feedback is not None:
            feedback.setProgress(40.0 * number / total)
        cells = {column: (row[i] if i < len(row) else "") for i, column in enumerate(columns)}
        try:
            values, geometry = check_row(table, cells, mapping, source.layout)
        except RowError as error:
            report.rejected.append((line, str(error)))
            continue
        checked.append((line, cells, values, geometry))
    if report.rejected:
        log(f"register import {path} into {table}: {report.summary()}", "warning")
        raise ImportRejectedError(report)
    geocoder = None
    prepared = []  # (line, values, geometry, located)
    for number, (line, cells, values, geometry) in enumerate(checked):
        located = False
        if geometry is None and table == "challenges" and geocode:
            address = address_of(cells, columns)
            if address:
                _cancelled(feedback, path)
                if feedback is not None:
                    feedback.setProgress(40.0 + 40.0 * number / total)
                geocoder = geocoder or BanGeocoder(transport, geocoder_url)
                try:
                    found = geocoder.geocode(address)
                except GeocodeError as error:
                    report.failed.append((line, str(error)))
                    continue
                geometry = ogr.Geometry(ogr.wkbPoint)
                geometry.AddPoint_2D(found.lon, found.lat)
                located = True
        prepared.append((line, values, geometry, located))
    _cancelled(feedback, path)
    if geocoder is not None:
        report.geocoder_requests, report.geocoder_cache_hits = geocoder.requests, geocoder.cache_hits
    write_rows(register, table, prepared, report, feedback)
    log(f"register import {path} into {table}: {report.summary()}")
    return report
