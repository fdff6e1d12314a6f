"""Import of challenges and actors from the CSV and spreadsheet files associations hand over.

The file is read whole and checked before anything is written: missing required columns stop the
import with a message naming the file and the columns; a row with an unknown domain, status or kind,
bad coordinates or an address the geocoder cannot place is left out and reported with its line and
the reason. The valid rows are then written in one transaction: all of them or none.

CSV files follow the French conventions the data.gouv.fr source reads (plugin/sources/tabular.py:
`;` or `,`, UTF-8 or cp1252, decimal commas, lat/lon or x/y or WKT columns); .xlsx and .ods files are
read by GDAL's XLSX and ODS drivers. French column names are accepted (titre, domaine, statut,
priorité, nom, type, compétences, adresse...).

The steps, one module each: import_source (reading the file), import_columns (which column is which
field), import_values (a row's values and why it is left out), import_geometry (its coordinates),
geocode (its address), import_write (the transaction).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from osgeo import ogr

from ..toolbelt.i18n import tr
from ..toolbelt.logger import log
from .errors import RegisterError, RowError
from .geocode import BanGeocoder, GeocodeError
from .import_columns import address_of, map_columns
from .import_geometry import actor_area, row_geometry
from .import_source import read_source
from .import_values import validate_row
from .import_write import write_rows

ogr.UseExceptions()

IMPORT_TABLES = ("challenges", "actors")


@dataclass
class ImportReport:
    imported: int = 0
    failed: list = field(default_factory=list)  # [(line, reason)]: rows left out, and why
    geocoded: int = 0  # rows located by the geocoder
    skipped: list = field(default_factory=list)  # [(line, reason)]: rows already in the register
    geocoder_requests: int = 0
    geocoder_cache_hits: int = 0
    path: str = ""
    table: str = ""

    def summary(self) -> str:
        text = tr("Imported") + f": {self.imported}"
        if self.geocoded:
            text += ", " + tr("located from their address") + f": {self.geocoded}"
        if self.skipped:
            text += ", " + tr("already in the register") + f": {len(self.skipped)}"
        if self.failed:
            text += ", " + tr("rows left out") + f": {len(self.failed)}"
        return text

    def lines(self) -> list:
        """One text line per row left out, for a report window or a log."""
        return [tr("line") + f" {line}: {reason}" for line, reason in sorted(self.failed + self.skipped)]


def import_rows(register, table: str, path: str, geocode=True, feedback=None, transport=None,
                geocoder_url: str = None) -> ImportReport:
    """Import the challenges or actors of a CSV/XLSX/ODS file into `register`.

    Rows without coordinates are located from their address (adresse, code postal, commune columns)
    by the Base Adresse Nationale when `geocode` is set. Challenges take any geometry; actors an
    area (polygon) or none, so an actor's address is not geocoded into a point."""
    if table not in IMPORT_TABLES:
        raise RegisterError(tr("Only challenges and actors can be imported") + f": '{table}'")
    report = ImportReport(path=path, table=table)
    source = read_source(path)
    mapping = map_columns(source, table)
    layout = source.layout
    columns = source.columns
    geocoder = None
    total = max(1, len(source.rows))
    prepared = []  # (line, values, geometry, located)
    for number, (line, row) in enumerate(source.rows):
        if feedback is not None:
            if feedback.isCanceled():
                raise RegisterError(tr("Import cancelled; nothing was written") + f": {path}")
            feedback.setProgress(80.0 * number / total)
        cells = {column: (row[i] if i < len(row) else "") for i, column in enumerate(columns)}
        try:
            values = validate_row(table, cells, mapping)
            geometry = row_geometry(cells, layout)
            located = False
            if table == "actors" and geometry is not None:
                geometry = actor_area(geometry)
            if geometry is None and table == "challenges" and geocode:
                address = address_of(cells, columns)
                if address:
                    geocoder = geocoder or BanGeocoder(transport, geocoder_url)
                    try:
                        found = geocoder.geocode(address)
                    except GeocodeError as error:
                        raise RowError(str(error)) from None
                    geometry = ogr.Geometry(ogr.wkbPoint)
                    geometry.AddPoint_2D(found.lon, found.lat)
                    located = True
            if geometry is not None and not geometry.IsValid():
                geometry = geometry.MakeValid() if hasattr(geometry, "MakeValid") else geometry
            prepared.append((line, values, geometry, located))
        except RowError as error:
            report.failed.append((line, str(error)))
    if geocoder is not None:
        report.geocoder_requests, report.geocoder_cache_hits = geocoder.requests, geocoder.cache_hits
    write_rows(register, table, prepared, report, feedback)
    log(f"register import {path} into {table}: {report.summary()}")
    return report
