"""Writing the checked rows of an import into the register in one transaction: all of them or none.
A row whose challenge (title and domain) or actor (name) is already in the register, or earlier in
the same file, is skipped and reported, so importing a file twice adds nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from osgeo import ogr

from ..formats.tabular import normalize_name
from ..toolbelt.gdal_errors import with_gdal_exceptions
from ..toolbelt.i18n import tr
from ..toolbelt.layer_writer import utc_now_iso
from .errors import RegisterError

if TYPE_CHECKING:
    from .import_csv import ImportReport


def _existing_keys(dataset, register, table: str) -> set:
    qualified = register.dialect.qualify(table)
    if table == "challenges":
        sql = f"SELECT title, domain FROM {qualified}"
    else:
        sql = f"SELECT name FROM {qualified}"
    result = dataset.ExecuteSQL(sql)
    keys = set()
    try:
        for feature in result:
            keys.add(tuple(normalize_name(feature.GetField(i) or "") for i in range(feature.GetFieldCount())))
    finally:
        dataset.ReleaseResultSet(result)
    return keys


def _row_key(table: str, values: dict) -> tuple:
    if table == "challenges":
        return normalize_name(values["title"]), normalize_name(values["domain"])
    return (normalize_name(values["name"]),)


@with_gdal_exceptions
def write_rows(register, table: str, prepared: list, report: ImportReport, feedback) -> None:
    """Write `prepared` [(line, values, geometry, located)] into `table`, counting into `report`; a
    RegisterError when cancelled or when the database refuses a row (then nothing is written)."""
    if not prepared:
        return
    with register.open_dataset(update=True) as dataset:
        layer = dataset.GetLayerByName(table)
        if layer is None:
            raise RegisterError(tr("The register has no such table") + f": '{table}' ({register.describe()})")
        existing = _existing_keys(dataset, register, table)
        definition = layer.GetLayerDefn()
        now = utc_now_iso()
        line = None
        dataset.StartTransaction(force=True)
        try:
            for number, (line, values, geometry, located) in enumerate(prepared):
                key = _row_key(table, values)
                if key in existing:
                    report.skipped.append((line, tr("Already in the register")))
                    continue
                existing.add(key)
                feature = ogr.Feature(definition)
                for name, value in values.items():
                    if value is None:
                        feature.SetFieldNull(name)
                    else:
                        feature.SetField(name, value)
                for name in ("created_at", "updated_at"):
                    if values.get(name) is None:
                        feature.SetField(name, now)
                if geometry is not None:
                    geometry.AssignSpatialReference(layer.GetSpatialRef())
                    feature.SetGeometry(geometry)
                layer.CreateFeature(feature)
                report.imported += 1
                report.geocoded += 1 if located else 0
                if feedback is not None and number % 50 == 0:
                    if feedback.isCanceled():
                        raise RegisterError(tr("Import cancelled; nothing was written") + f": {report.path}")
                    feedback.setProgress(80.0 + 20.0 * number / len(prepared))
            dataset.CommitTransaction()
        except (RuntimeError, RegisterError) as error:
            dataset.RollbackTransaction()
            report.imported = report.geocoded = 0
            if isinstance(error, RegisterError):
                raise
            raise RegisterError(
                tr("The rows could not be written; nothing was imported") + f": {report.path} "
                f"({tr('line')} {line}): {error}"
            ) from None
