"""Writing the checked rows of an import into the register in one transaction: all of them or none.
A row whose challenge (title and domain) or actor (name) is already in the register, or earlier in
the same file, is skipped and reported, so importing a file twice adds nothing."""

from __future__ import annotations

from osgeo import ogr
from qgis.core import QgsFeedback

from ..formats.names import normalize_name
from ..toolbelt.errors import Cancelled, InputError, OpenTerritoryError
from ..toolbelt.gdal_errors import with_gdal_exceptions
from ..toolbelt.i18n import tr
from ..toolbelt.layer_writer import utc_now_iso
from .import_report import ImportReport
from .store import Register


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


def _new_feature(definition, indexes: dict, srs, values: dict, geometry, now: str) -> ogr.Feature:
    """A row's feature: its values (nulls kept null), timestamps now unless the file gave them, its geometry in
    `srs`. Fields are set by their index in `indexes` (looking a name up costs more than setting the value)."""
    feature = ogr.Feature(definition)
    for name, value in values.items():
        if value is None:
            feature.SetFieldNull(indexes[name])
        else:
            feature.SetField(indexes[name], value)
    for name in ("created_at", "updated_at"):
        if values.get(name) is None:
            feature.SetField(indexes[name], now)
    if geometry is not None:
        geometry.AssignSpatialReference(srs)
        feature.SetGeometry(geometry)
    return feature


def _progress(feedback, number: int, total: int, path: str) -> None:
    """The last fifth of the import's progress; Cancelled when the user cancelled."""
    if feedback is None:
        return
    if feedback.isCanceled():
        raise Cancelled(tr("Import cancelled; nothing was written") + f": {path}")
    feedback.setProgress(80.0 + 20.0 * number / total)


@with_gdal_exceptions
def write_rows(
    register: Register, table: str, prepared: list, report: ImportReport, feedback: QgsFeedback | None = None
) -> None:
    """Write `prepared` [(line, values, geometry, located)] into `table`, counting into `report`; Cancelled
    when cancelled, an InputError when the database refuses a row (then nothing is written)."""
    if not prepared:
        return
    with register.open_dataset(update=True) as dataset:
        layer = dataset.GetLayerByName(table)
        if layer is None:
            raise InputError(tr("The register has no such table") + f": '{table}' ({register.describe()})")
        existing = _existing_keys(dataset, register, table)
        definition = layer.GetLayerDefn()
        indexes = {definition.GetFieldDefn(i).GetName(): i for i in range(definition.GetFieldCount())}
        srs = layer.GetSpatialRef()
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
                layer.CreateFeature(_new_feature(definition, indexes, srs, values, geometry, now))
                report.imported += 1
                report.geocoded += 1 if located else 0
                if number % 50 == 0:
                    _progress(feedback, number, len(prepared), report.path)
            dataset.CommitTransaction()
        except (RuntimeError, OpenTerritoryError) as error:
            dataset.RollbackTransaction()
            report.imported = report.geocoded = 0
            if isinstance(error, OpenTerritoryError):
                raise
            raise InputError(
                tr("The rows could not be written; nothing was imported") + f": {report.path} "
                f"({tr('line')} {line}): {error}",
                source=report.path,
            ) from None
