"""Import of challenges and actors from the CSV and spreadsheet files associations hand over.

The file is read whole and checked before anything is written, and bad input changes nothing:
missing required columns stop the import with a message naming the file and the columns; if any row
is invalid (an unknown domain, status, kind or priority, bad coordinates or geometry, a required value
missing), nothing is written and the InputError raised lists every invalid row (line, column, value,
what was expected; import_report.rejected_report gives them as a report). Only then are addresses
geocoded: a row whose address the Base Adresse Nationale cannot place is left out and reported, the
others are imported. The rows are written in one transaction: all
of them or none.

CSV files follow the French conventions the data.gouv.fr source reads (plugin/formats/tabular.py:
`;` or `,`, UTF-8 or cp1252, decimal commas, lat/lon or x/y or WKT columns); .xlsx and .ods files are
read by GDAL's XLSX and ODS drivers. French column names are accepted (titre, domaine, statut,
priorité, nom, type, compétences, adresse...).

The steps, one module each: import_file (reading the file), import_columns (which column is which
field), import_values (a row's values and why it is invalid), import_geometry (its coordinates),
geocode (its address), import_write (the transaction); import_report holds the report and the ways a
row or a file is refused.
"""

from __future__ import annotations

from osgeo import ogr
from qgis.core import QgsFeedback

from ..formats.tabular import CsvLayout
from ..toolbelt.errors import Cancelled, InputError, OpenTerritoryError
from ..toolbelt.gdal_errors import with_gdal_exceptions
from ..toolbelt.i18n import tr
from ..toolbelt.logger import log
from ..toolbelt.network import Transport
from .geocode import BanGeocoder
from .import_columns import address_columns, address_of, map_columns
from .import_file import TabularFile, read_tabular_file
from .import_geometry import actor_area, geometry_columns, row_geometry
from .import_report import ImportReport, import_rejected, invalid_row, is_invalid_row
from .import_values import validate_row
from .import_write import write_rows
from .store import Register

__all__ = ["IMPORT_TABLES", "ImportReport", "check_row", "import_rows"]

IMPORT_TABLES = ("challenges", "actors")


def check_row(table: str, cells: dict, mapping: dict, layout: CsvLayout) -> tuple:
    """(values, geometry in EPSG:4326 or None) of one row, or an invalid row error with every problem of the
    row."""
    problems = []
    values = geometry = None
    try:
        values = validate_row(table, cells, mapping)
    except InputError as error:
        if not is_invalid_row(error):
            raise
        problems.append(str(error))
    try:
        geometry = row_geometry(cells, layout)
        if table == "actors" and geometry is not None:
            geometry = _actor_area(geometry, layout)
    except InputError as error:
        if not is_invalid_row(error):
            raise
        problems.append(str(error))
    if problems:
        raise invalid_row("; ".join(problems))
    if geometry is not None and not geometry.IsValid():
        geometry = geometry.MakeValid() if hasattr(geometry, "MakeValid") else geometry
    return values, geometry


def _actor_area(geometry, layout):
    """An actor's area of action; the invalid row error names the geometry's column(s)."""
    try:
        return actor_area(geometry)
    except InputError as error:
        if not is_invalid_row(error):
            raise
        raise invalid_row(tr("column") + f" {geometry_columns(layout)}: {error}") from None


def _stop_if_cancelled(feedback, path: str) -> None:
    if feedback is not None and feedback.isCanceled():
        raise Cancelled(tr("Import cancelled; nothing was written") + f": {path}")


def _progress(feedback, value: float) -> None:
    if feedback is not None:
        feedback.setProgress(value)


def _checked_rows(tabular: TabularFile, table: str, mapping: dict, report: ImportReport, feedback) -> list:
    """[(line, cells, values, geometry)] of the valid rows; the invalid ones go to `report.rejected`."""
    total = max(1, len(tabular.rows))
    checked = []
    for number, (line, row) in enumerate(tabular.rows):
        _stop_if_cancelled(feedback, tabular.path)
        _progress(feedback, 40.0 * number / total)
        cells = {column: (row[i] if i < len(row) else "") for i, column in enumerate(tabular.columns)}
        try:
            values, geometry = check_row(table, cells, mapping, tabular.layout)
        except InputError as error:
            if not is_invalid_row(error):
                raise
            report.rejected.append((line, str(error)))
            continue
        checked.append((line, cells, values, geometry))
    return checked


def _located_rows(checked: list, tabular: TabularFile, report: ImportReport, geocoder_of, feedback) -> list:
    """[(line, values, geometry, located)]: the rows without coordinates located from their address by the
    geocoder `geocoder_of()` gives (`geocoder_of` None: no geocoding); an address it cannot place leaves its
    row out (report.failed)."""
    total = max(1, len(tabular.rows))
    columns = address_columns(tabular.columns)
    addresses = [
        address_of(cells, columns) if geometry is None and geocoder_of is not None else ""
        for _line, cells, _values, geometry in checked
    ]
    if any(addresses):
        # Many addresses are asked in batches first (geocode.py); the loop below then finds them known.
        geocoder_of().geocode_many([a for a in addresses if a], feedback, (40.0, 70.0))
    prepared = []
    for number, ((line, _cells, values, geometry), address) in enumerate(zip(checked, addresses)):
        if not address:
            prepared.append((line, values, geometry, False))
            continue
        _stop_if_cancelled(feedback, tabular.path)
        _progress(feedback, 70.0 + 10.0 * number / total)
        try:
            found = geocoder_of().geocode(address)
        except Cancelled:
            raise
        except OpenTerritoryError as error:
            report.failed.append((line, str(error)))
            continue
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(found.lon, found.lat)
        prepared.append((line, values, point, True))
    return prepared


@with_gdal_exceptions
def import_rows(
    register: Register,
    table: str,
    path: str,
    geocode: bool = True,
    feedback: QgsFeedback | None = None,
    transport: Transport | None = None,
    geocoder_url: str | None = None,
) -> ImportReport:
    """Import the challenges or actors of a CSV/XLSX/ODS file into `register`.

    Every row is checked first: one invalid row and nothing is written (an InputError listing every
    invalid row; import_report.rejected_report gives its report). Rows without coordinates are then
    located from their address (adresse, code postal, commune columns) by the Base Adresse Nationale
    when `geocode` is set; an address it cannot place leaves that row out (report.failed), the others
    are imported. Challenges take any geometry; actors an area (polygon) or none, so an actor's address
    is not geocoded."""
    if table not in IMPORT_TABLES:
        raise InputError(tr("Only challenges and actors can be imported") + f": '{table}'")
    report = ImportReport(path=path, table=table)
    tabular = read_tabular_file(path)
    mapping = map_columns(tabular, table)
    checked = _checked_rows(tabular, table, mapping, report, feedback)
    if report.rejected:
        log(f"register import {path} into {table}: {report.summary()}", "warning")
        raise import_rejected(report)
    geocoders = []  # made at the first address: a file with coordinates only asks nothing

    def geocoder_of() -> BanGeocoder:
        if not geocoders:
            # The import's feedback reaches the geocoder's requests: a cancel stops a stalled one at once.
            geocoders.append(BanGeocoder(transport or Transport(feedback=feedback), geocoder_url))
        return geocoders[0]

    wanted = geocode and table == "challenges"
    try:
        prepared = _located_rows(checked, tabular, report, geocoder_of if wanted else None, feedback)
    except Cancelled:  # in a geocoder's request too: the import's own words, nothing was written
        raise Cancelled(tr("Import cancelled; nothing was written") + f": {path}") from None
    _stop_if_cancelled(feedback, path)
    if geocoders:
        report.geocoder_requests, report.geocoder_cache_hits = geocoders[0].requests, geocoders[0].cache_hits
    write_rows(register, table, prepared, report, feedback)
    log(f"register import {path} into {table}: {report.summary()}")
    return report
