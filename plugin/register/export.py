"""Export of the register, one file per table, through GDAL (VectorTranslate at C speed).

CSV files carry the geometry as a WKT column (as the demo's register files do), GeoJSON files are
RFC 7946 (EPSG:4326). Every file is first written beside its final name; the files replace any
previous export only once all of them are written, so a failed export leaves the folder as it was.
"""

from __future__ import annotations

import os
import tempfile

from osgeo import gdal
from qgis.core import QgsFeedback

from ..toolbelt.errors import Cancelled, InputError
from ..toolbelt.gdal_errors import with_gdal_exceptions
from ..toolbelt.i18n import tr
from ..toolbelt.logger import log
from .schema import SPATIAL_TABLES, TABLES
from .store import Register

FORMATS = {
    "csv": ("CSV", ".csv", ["GEOMETRY=AS_WKT", "CREATE_CSVT=NO", "WRITE_BOM=NO"]),
    "geojson": ("GeoJSON", ".geojson", ["RFC7946=YES", "WRITE_BBOX=NO"]),
}


@with_gdal_exceptions
def export_register(
    register: Register, output_dir: str, fmt: str = "csv", tables: tuple = TABLES, feedback: QgsFeedback | None = None
) -> list:
    """Write the register's tables into `output_dir` as <table>.csv or <table>.geojson; return the paths."""
    fmt = (fmt or "").lower().lstrip(".")
    if fmt not in FORMATS:
        raise InputError(tr("Unknown export format") + f": '{fmt}' ({tr('expected')} csv, geojson)")
    if not output_dir:
        raise InputError(tr("No folder given for the export"))
    try:
        os.makedirs(output_dir, exist_ok=True)
    except OSError as error:
        raise InputError(tr("Cannot create the export folder") + f": {output_dir}: {error}") from None
    extension = FORMATS[fmt][1]
    written = []  # (temporary path, final path)
    try:
        with register.open_dataset(update=False) as dataset:
            for index, table in enumerate(tables):
                if feedback is not None and feedback.isCanceled():
                    raise Cancelled(tr("Export cancelled; nothing was changed") + f": {output_dir}")
                final = os.path.join(output_dir, table + extension)
                handle, tmp_path = tempfile.mkstemp(prefix=f".{table}-", suffix=extension, dir=output_dir)
                os.close(handle)
                os.remove(tmp_path)
                written.append((tmp_path, final))
                _export_table(dataset, table, fmt, tmp_path, final)
                if feedback is not None:
                    feedback.setProgress(100.0 * (index + 1) / len(tables))
        for tmp_path, final in written:
            os.replace(tmp_path, final)
    finally:
        for tmp_path, _final in written:
            if os.path.exists(tmp_path):
                os.remove(tmp_path)
    log(f"register exported to {output_dir} ({fmt}): {', '.join(tables)}")
    return [final for _tmp, final in written]


def _export_table(dataset, table: str, fmt: str, tmp_path: str, final: str) -> None:
    """One table of `dataset` into `tmp_path` (named `final` in messages), in EPSG:4326 when spatial."""
    driver, _extension, creation_options = FORMATS[fmt]
    spatial = table in SPATIAL_TABLES
    # OGR SQL keeps the feature id as a `fid` column: the link tables refer to it.
    options = gdal.VectorTranslateOptions(
        format=driver,
        layerName=table,
        layerCreationOptions=creation_options,
        SQLStatement=f'SELECT CAST(FID AS integer) AS fid, * FROM "{table}"',
        SQLDialect="OGRSQL",
        geometryType=None if spatial else "NONE",
        dstSRS="EPSG:4326" if spatial else None,
    )
    if not spatial:
        gdal.PushErrorHandler("CPLQuietErrorHandler")  # "no SRS" warnings of plain tables
    try:
        out = gdal.VectorTranslate(tmp_path, dataset, options=options)
    except RuntimeError as error:
        raise InputError(tr("The register could not be exported") + f": {table} → {final}: {error}") from None
    finally:
        if not spatial:
            gdal.PopErrorHandler()
    if out is None:
        raise InputError(tr("The register could not be exported") + f": {table} → {final}")
    out = None
