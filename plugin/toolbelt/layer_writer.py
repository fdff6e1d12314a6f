"""Writes a resource layer through GDAL/OGR, adding the common fields of DESIGN.md at C speed.

Sources download a file in a format GDAL reads (GeoJSON, OSM XML, CSV, shapefile...), then call
`write_resource_layer`: one `gdal.VectorTranslate` with an OGR SQL select that keeps the source's
own attributes and adds `category`, `name`, `source`, `source_dataset`, `licence`, `fetched_at`.
No Python loop over features.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import tempfile

from osgeo import gdal

from ..definitions import COMMON_FIELDS
from .errors import Cancelled, InputError, ReplyError
from .gdal_errors import raising_gdal_exceptions, with_gdal_exceptions
from .i18n import tr


def utc_now_iso() -> str:
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def is_register_file(path: str) -> bool:
    """True when `path` is an Open Territory register GeoPackage (it has a register_meta table)."""
    if not path or not os.path.isfile(path):
        return False
    try:
        with open(path, "rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                return False
        import sqlite3  # only when an existing SQLite file is about to be written

        connection = sqlite3.connect(f"file:{os.path.abspath(path)}?mode=ro", uri=True)
        try:
            return (
                connection.execute(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'register_meta'"
                ).fetchone()[0]
                > 0
            )
        finally:
            connection.close()
    except Exception:  # an unreadable file is not a register that can be recognised
        return False


def refuse_register(path: str) -> None:
    """Resources are never written into the commons register (DESIGN.md: a refresh never overwrites it)."""
    if is_register_file(path):
        raise InputError(
            tr(
                "This GeoPackage is the register of challenges and actors; resources are never "
                "written into it. Choose another output file"
            )
            + f": {path}",
            reason="register",
        )


def sql_literal(value) -> str:
    if value is None:
        return "NULL"
    return "'" + str(value).replace("'", "''") + "'"


def sql_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@with_gdal_exceptions
def source_field_names(path: str, layer_name: str = None) -> list:
    dataset = gdal.OpenEx(path, gdal.OF_VECTOR)
    layer = dataset.GetLayerByName(layer_name) if layer_name else dataset.GetLayer(0)
    definition = layer.GetLayerDefn()
    return [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]


def resource_select_sql(layer_name: str, source_fields, common: dict, name_field: str = None) -> str:
    """OGR SQL adding the common fields first. A source field already called like a common field
    is kept as `src_<field>`; `name_field` (a source field) feeds `name` when given."""
    lowered = {f.lower() for f in COMMON_FIELDS}
    columns = []
    for key in COMMON_FIELDS:
        if key == "name" and name_field and name_field in source_fields:
            columns.append(f"{sql_identifier(name_field)} AS name")
        else:
            columns.append(f"{sql_literal(common.get(key))} AS {key}")
    for field in source_fields:
        if field.lower() in lowered:
            columns.append(f"{sql_identifier(field)} AS {sql_identifier('src_' + field)}")
        else:
            columns.append(sql_identifier(field))
    return f"SELECT {', '.join(columns)} FROM {sql_identifier(layer_name)}"


def gdal_progress(feedback, start=0.0, end=100.0):
    """A GDAL progress callback that reports into a QgsFeedback and stops when it is cancelled."""
    if feedback is None:
        return None

    def callback(fraction, _message, _data):
        if feedback.isCanceled():
            return 0
        feedback.setProgress(start + (end - start) * fraction)
        return 1

    return callback


@with_gdal_exceptions
def write_resource_layer(
    src_path: str,
    dest_path: str,
    dest_layer: str,
    common: dict,
    name_field: str = None,
    src_layer: str = None,
    dest_format: str = "GPKG",
    geometry_type: str = None,
    where: str = None,
    append: bool = False,
    extra_options=None,
    feedback=None,
    progress_range=(0.0, 100.0),
) -> int:
    """Translate one layer of `src_path` into `dest_layer` of `dest_path` with the common fields.

    `common` maps common field names to constant values (`fetched_at` defaults to now, UTC).
    `append` adds a layer to an existing GeoPackage instead of creating the file.
    Returns the number of features written."""
    refuse_register(dest_path)
    common = dict(common)
    common.setdefault("fetched_at", utc_now_iso())
    try:
        dataset = gdal.OpenEx(src_path, gdal.OF_VECTOR)
    except RuntimeError as error:
        raise ReplyError(tr("GDAL cannot read the downloaded file") + f" {src_path}: {error}", reason="write") from None
    layer = dataset.GetLayerByName(src_layer) if src_layer else dataset.GetLayer(0)
    if layer is None:
        raise ReplyError(tr("The downloaded file has no layer") + f" {src_layer or ''}: {src_path}", reason="write")
    layer_name = layer.GetName()
    definition = layer.GetLayerDefn()
    fields = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    sql = resource_select_sql(layer_name, fields, common, name_field)
    if where:
        sql += f" WHERE {where}"
    options = ["-nln", dest_layer, "-lco", "SPATIAL_INDEX=YES"]
    if dest_format == "GPKG":
        options += ["-lco", "FID=fid"]
    if geometry_type:
        options += ["-nlt", geometry_type]
    if extra_options:
        options += list(extra_options)
    callback = gdal_progress(feedback, *progress_range)
    translate = gdal.VectorTranslateOptions(
        options=options,
        format=dest_format,
        SQLStatement=sql,
        SQLDialect="OGRSQL",
        accessMode="update" if append else None,
        callback=callback,
    )
    try:
        out = gdal.VectorTranslate(dest_path, dataset, options=translate)
    except RuntimeError as error:
        if feedback is not None and feedback.isCanceled():
            raise Cancelled() from None
        raise ReplyError(
            tr("Could not write the layer") + f" {dest_layer} ({dest_path}): {error}", reason="write"
        ) from None
    if out is None:
        if feedback is not None and feedback.isCanceled():
            raise Cancelled()
        raise ReplyError(tr("Could not write the layer") + f" {dest_layer} ({dest_path})", reason="write")
    count = out.GetLayerByName(dest_layer).GetFeatureCount()
    out = None
    return count


@contextlib.contextmanager
@raising_gdal_exceptions
def atomic_output(dest_path: str):
    """Yield a temporary path beside `dest_path`; it replaces `dest_path` only if the block succeeds,
    so a failed or cancelled write never touches what was already on disk. The register is refused."""
    refuse_register(dest_path)
    folder = os.path.dirname(os.path.abspath(dest_path))
    os.makedirs(folder, exist_ok=True)
    stem, extension = os.path.splitext(os.path.basename(dest_path))
    handle, tmp_path = tempfile.mkstemp(prefix=f".{stem}-", suffix=extension, dir=folder)
    os.close(handle)
    os.remove(tmp_path)  # GDAL creates the file itself
    try:
        yield tmp_path
        os.replace(tmp_path, dest_path)
    finally:
        for leftover in (tmp_path, tmp_path + "-journal", tmp_path + "-wal", tmp_path + "-shm"):
            if os.path.exists(leftover):
                os.remove(leftover)
