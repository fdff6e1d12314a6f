"""The one way a resource layer reaches the disk: scratch, check, then one step that puts it in place.

An output *target* is resolved once from what the user gave (`resolve_target`, `file_target`,
`layer_target`): a file with its GDAL driver (the format is guessed from the extension here and only
here, `driver_for_path`), or a layer of a GeoPackage whose other layers stay. `write_layer(target,
produce)` then:

1. lets the producer write the layer into a new scratch GeoPackage beside the destination (same
   folder, so the last step is a rename, never a copy across file systems), with the layer creation
   options the writer gives it (the spatial index only when the scratch is the file that stays);
2. checks that the layer is there and counts it; a cancelled feedback stops here;
3. puts it in place in one step, chosen by the target (PUT_IN_PLACE): a new GeoPackage is renamed
   into place; an existing GeoPackage gets the layer replaced in one transaction, its other layers
   untouched; other formats (GeoJSON, FlatGeobuf, CSV, a shapefile's set of files...) are converted
   beside the destination, then renamed over it.

Until step 3 nothing on disk has changed, so a failed or cancelled load leaves the previous output as it
was, byte for byte.

A table of a PostGIS schema (`postgres:<QGIS connection>/<schema>[/<table>]`, `postgres_target`) is one more
target mode, POSTGRES: the scratch layer is copied into a staging table of the schema with its indexes,
then swapped with the table in one transaction (`put_layers_in_database`, which a territory load uses for all
its tables at once). A reader in another connection sees the old table until the commit; a failed copy
leaves it whole; two loads of the same table at once are serialised at the swap, and the last one wins
whole. The scratch GeoPackage of a PostGIS target lives in the system's temporary folder.

`copy_with_common_fields` is the producer most sources use: one `gdal.VectorTranslate` with an OGR SQL
select that keeps the source's own attributes and adds the common fields of DESIGN.md (`category`,
`name`, `source`, `source_dataset`, `licence`, `fetched_at`) at C speed, no Python loop over features.
The register of challenges and actors is never written into (`refuse_register`).
"""

from __future__ import annotations

import contextlib
import datetime
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from typing import Callable, Iterator

from osgeo import gdal, ogr
from qgis.core import QgsFeedback, QgsVectorFileWriter

from ..definitions import COMMON_FIELDS
from .errors import Cancelled, InputError, OpenTerritoryError, ReplyError
from .gdal_errors import raising_gdal_exceptions, with_gdal_exceptions
from .i18n import tr
from .layer_checks import ScratchCheck, check_scratch
from .logger import log
from .postgres import (
    GEOMETRY_COLUMN,
    PostgresTable,
    checked_schema,
    clean_error,
    cluster,
    drop_tables,
    ensure_schema,
    is_postgres,
    open_database,
    postgres_dsn,
    split_destination,
    staging_name,
    swap_tables,
    table_uri,
)
from .redaction import redact_text

# Output formats by extension; a path without one is a GeoPackage (the plugin's default).
DRIVERS = {
    ".gpkg": "GPKG",
    ".geojson": "GeoJSON",
    ".json": "GeoJSON",
    ".fgb": "FlatGeobuf",
    ".shp": "ESRI Shapefile",
    ".csv": "CSV",
    ".sqlite": "SQLite",
    ".kml": "KML",
    ".gml": "GML",
}
MULTI_LAYER_DRIVERS = ("GPKG", "SQLite")  # a layer can be replaced inside them
# Processing's value for a layer of an existing GeoPackage.
OGR_URI = re.compile(r"^ogr:dbname='(?P<path>(?:[^']|'')+)'\s+table=\"(?P<table>(?:[^\"]|\"\")+)\"")
# Target modes: the whole file is the output; one layer of a GeoPackage; a table of a PostGIS schema.
FILE, LAYER, POSTGRES = "file", "layer", "postgres"


def utc_now_iso() -> str:
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def safe_name(text: str, fallback: str = "layer", dots: bool = False) -> str:
    """A layer name (or, with `dots`, a file stem) from a dataset id, slug or title: word characters and
    dashes (and dots) only, at most 60 characters; `fallback` when nothing is left."""
    allowed = r"[^\w.-]+" if dots else r"[^\w-]+"
    return re.sub(allowed, "_", text or "", flags=re.UNICODE).strip("_")[:60] or fallback


# -- targets ---------------------------------------------------------------------------------------


def driver_for_path(path: str) -> str:
    """The GDAL driver that writes `path`, from its extension (a GeoPackage without one). InputError for an
    extension no driver writes."""
    extension = os.path.splitext(path)[1].lower()
    if not extension or extension in DRIVERS:
        return DRIVERS.get(extension, "GPKG")
    driver = QgsVectorFileWriter.driverForExtension(extension.lstrip("."))  # GDAL's other drivers
    if not driver:
        raise InputError(tr("No GDAL driver writes this file extension") + f": {extension} ({path})", reason="output")
    return driver


@dataclass(frozen=True)
class OutputTarget:
    """Where one layer goes. `mode` FILE: the file is the output (replaced whole); LAYER: a layer of a
    GeoPackage, its other layers kept (a missing file is created); POSTGRES: the table `database` of a
    PostGIS schema, `path` then only saying where the scratch files go (a folder of their own)."""

    path: str
    layer: str
    driver: str = "GPKG"
    mode: str = FILE
    database: PostgresTable | None = None

    @property
    def single_layer(self) -> bool:
        return self.driver not in MULTI_LAYER_DRIVERS

    @property
    def provider(self) -> str:
        """The QGIS data provider that opens `uri()`."""
        return "postgres" if self.mode == POSTGRES else "ogr"

    def uri(self) -> str:
        """The layer's data source for `provider`: `path|layername=layer` in a GeoPackage, the file itself in
        a single-layer format, the table (without any password) in PostGIS."""
        if self.mode == POSTGRES:
            table = self.database
            return table_uri(table.connection, table.schema, table.table, GEOMETRY_COLUMN).uri(False)
        return self.path if self.single_layer else f"{self.path}|layername={self.layer}"

    def describe(self) -> str:
        """Where the layer goes, for messages."""
        return self.database.describe() if self.mode == POSTGRES else self.path


def file_target(path: str, layer: str = "") -> OutputTarget:
    """The file at `path` as the output, its format from the extension. A single-layer format names its
    layer after the file; a GeoPackage's layer is `layer` (else the file's name)."""
    driver = driver_for_path(path)
    stem = os.path.splitext(os.path.basename(path))[0]
    if driver in MULTI_LAYER_DRIVERS:
        return OutputTarget(path, layer or safe_name(stem), driver, FILE)
    return OutputTarget(path, stem, driver, FILE)


def layer_target(path: str, layer: str) -> OutputTarget:
    """Layer `layer` of the GeoPackage (or SQLite file) at `path`, its other layers kept."""
    driver = driver_for_path(path)
    if driver not in MULTI_LAYER_DRIVERS:
        raise InputError(tr("Only a GeoPackage can receive a layer beside others") + f": {path}", reason="output")
    return OutputTarget(path, layer, driver, LAYER)


def postgres_target(destination: str, default_layer: str) -> OutputTarget:
    """The table of `postgres:<connection>/<schema>[/<table>]` (the table `default_layer` when not named)."""
    connection, names = split_destination(destination, 2)
    if not names or not names[0]:
        raise InputError(
            tr("Name the schema of the PostgreSQL destination (postgres:<connection>/<schema>/<table>)")
            + f": '{destination}'",
            reason="output",
        )
    schema = checked_schema(names[0])
    table = names[1] if len(names) > 1 and names[1] else default_layer
    if not table or len(table) > 63 or table != safe_name(table):
        raise InputError(
            tr("Invalid PostgreSQL table name (letters, digits, _ and -, at most 63)") + f": '{table}'",
            reason="output",
        )
    work = os.path.join(tempfile.gettempdir(), "open_territory_postgis")
    database = PostgresTable(connection, schema, table)
    return OutputTarget(os.path.join(work, f"{schema}.{table}"), table, "PostgreSQL", POSTGRES, database)


def resolve_target(destination: str, default_layer: str) -> OutputTarget:
    """The target of what a user or Processing gave: a path (a GeoPackage when it has no extension, its
    layer then `default_layer`), `ogr:dbname='<file>' table="<layer>"`, a layer of a GeoPackage, or
    `postgres:<connection>/<schema>[/<table>]`, a table of a PostGIS schema (postgres_target)."""
    if is_postgres(destination):
        return postgres_target(destination, default_layer)
    match = OGR_URI.match(destination or "")
    if match:
        return layer_target(match.group("path").replace("''", "'"), match.group("table").replace('""', '"'))
    path = destination if os.path.splitext(destination)[1] else destination + ".gpkg"
    return file_target(path, default_layer)


# -- the register ----------------------------------------------------------------------------------


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


# -- GDAL helpers for producers --------------------------------------------------------------------


def sql_literal(value: object) -> str:
    if value is None:
        return "NULL"
    return "'" + str(value).replace("'", "''") + "'"


def sql_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def gdal_progress(feedback: QgsFeedback | None, start: float = 0.0, end: float = 100.0) -> Callable | None:
    """A GDAL progress callback that reports into a QgsFeedback and stops when it is cancelled."""
    if feedback is None:
        return None

    def callback(fraction, _message, _data):
        if feedback.isCanceled():
            return 0
        feedback.setProgress(start + (end - start) * fraction)
        return 1

    return callback


def check_cancel(feedback: QgsFeedback | None) -> None:
    if feedback is not None and feedback.isCanceled():
        raise Cancelled()


@with_gdal_exceptions
def translate(dest_path: str, source: object, what: str, feedback: QgsFeedback | None = None, **options) -> None:
    """One gdal.VectorTranslate into `dest_path` (options as gdal.VectorTranslateOptions takes them). GDAL's
    failures become ReplyError "write" naming `what` (the layer), a cancelled feedback Cancelled."""
    try:
        out = gdal.VectorTranslate(dest_path, source, options=gdal.VectorTranslateOptions(**options))
        if out is not None:
            _flush(out)
    except RuntimeError as error:
        check_cancel(feedback)
        detail = " ".join(str(error).split())  # GDAL's message may run over several lines: one sentence
        raise ReplyError(tr("Could not write the layer") + f" {what} ({dest_path}): {detail}", reason="write") from None
    if out is None:
        check_cancel(feedback)
        raise ReplyError(tr("Could not write the layer") + f" {what} ({dest_path})", reason="write")
    out = None


def _flush(dataset) -> None:
    """Flush a written dataset while its errors can still be caught (on release they would only be printed).
    A GeoPackage cannot record an infinite extent (GDAL writes `Inf` into its SQL): that failure is left to
    the writer's check (layer_checks.py), which refuses the impossible features and recomputes the extent."""
    try:
        dataset.FlushCache()
    except RuntimeError as error:
        if "gpkg_contents" not in str(error):
            raise


@with_gdal_exceptions
def source_field_names(path: str, layer_name: str = None) -> list:
    dataset = gdal.OpenEx(path, gdal.OF_VECTOR)
    layer = dataset.GetLayerByName(layer_name) if layer_name else dataset.GetLayer(0)
    definition = layer.GetLayerDefn()
    return [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]


def resource_select_sql(layer_name: str, source_fields: list, common: dict, name_field: str = None) -> str:
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


@with_gdal_exceptions
def copy_with_common_fields(
    src_path: str,
    scratch: str,
    layer: str,
    common: dict,
    name_field: str | Callable | None = None,
    src_layer: str = None,
    geometry_type: str = None,
    where: str = None,
    extra_options: tuple | list = (),
    layer_options: tuple | list = ("FID=fid",),
    feedback: QgsFeedback | None = None,
    progress_range: tuple = (0.0, 100.0),
) -> None:
    """A producer: one layer of `src_path` as `layer` of the new GeoPackage `scratch`, with the common
    fields (`common` maps them to constant values; `fetched_at` defaults to now, UTC). `name_field` is the
    source field feeding `name`, or a function `(GDAL dataset, layer) -> field or None` that picks it on the
    open source (formats/names.guess_name_field). `extra_options` are more ogr2ogr options (a reprojection,
    field type mappings), `layer_options` the layer creation options write_layer gives its producer."""
    # A URL with a key (a feed's apiKey, a server's ?key=) never reaches a layer's fields.
    common = {key: redact_text(value) if isinstance(value, str) else value for key, value in common.items()}
    common.setdefault("fetched_at", utc_now_iso())
    try:
        dataset = gdal.OpenEx(src_path, gdal.OF_VECTOR)
    except RuntimeError as error:
        raise ReplyError(tr("GDAL cannot read the downloaded file") + f" {src_path}: {error}", reason="write") from None
    found = dataset.GetLayerByName(src_layer) if src_layer else dataset.GetLayer(0)
    if found is None:
        raise ReplyError(tr("The downloaded file has no layer") + f" {src_layer or ''}: {src_path}", reason="write")
    definition = found.GetLayerDefn()
    fields = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    if callable(name_field):
        name_field = name_field(dataset, found)  # on the dataset already open: a GeoJSON is not read twice
    sql = resource_select_sql(found.GetName(), fields, common, name_field)
    if where:
        sql += f" WHERE {where}"
    options = ["-nln", layer]
    for option in layer_options:
        options += ["-lco", option]
    if geometry_type:
        options += ["-nlt", geometry_type]
    options += list(extra_options)
    translate(
        scratch,
        dataset,
        layer,
        feedback,
        options=options,
        format="GPKG",
        SQLStatement=sql,
        SQLDialect="OGRSQL",
        callback=gdal_progress(feedback, *progress_range),
    )


# -- writing ---------------------------------------------------------------------------------------


@contextlib.contextmanager
@raising_gdal_exceptions
def atomic_output(dest_path: str) -> Iterator[str]:
    """Yield a temporary path beside `dest_path` (same extension); it replaces `dest_path` only if the
    block succeeds, so a failed or cancelled write never touches what was already on disk. For outputs
    written whole (a territory's GeoPackage, a report); the register is refused."""
    refuse_register(dest_path)
    tmp_path = _scratch_beside(dest_path, os.path.splitext(dest_path)[1])
    try:
        yield tmp_path
        os.replace(tmp_path, dest_path)
    finally:
        _remove_sqlite_file(tmp_path)


@contextlib.contextmanager
def atomic_geopackage(dest_path: str) -> Iterator[str]:
    """`atomic_output` for a whole GeoPackage that QGIS may hold open while it is written again (a territory's, which
    each load of the territory replaces): a new file is renamed into place, but an existing one gets the scratch's
    content instead (`_replace_geopackage_content`), since a file renamed over an open SQLite database would inherit
    the old database's journal (-wal, -shm) and cannot be replaced at all on Windows."""
    refuse_register(dest_path)
    tmp_path = _scratch_beside(dest_path, ".gpkg")
    try:
        yield tmp_path
        if os.path.exists(dest_path):
            _replace_geopackage_content(tmp_path, dest_path)
        else:
            os.replace(tmp_path, dest_path)
    finally:
        _remove_sqlite_file(tmp_path)


NEW_LAYER_PREFIX = "open_territory_new_"  # the scratch's layers while they are copied into the destination


@with_gdal_exceptions
def _replace_geopackage_content(scratch: str, dest_path: str) -> None:
    """The GeoPackage `dest_path` ends holding exactly the scratch's layers. They are copied in under temporary
    names first (the old layers untouched: QGIS may be drawing them), then one transaction drops the old layers and
    renames the new ones: readers see the old content or the new, and a failure leaves the old."""
    source = gdal.OpenEx(scratch, gdal.OF_VECTOR)
    target = gdal.OpenEx(dest_path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    if target.GetDriver().ShortName != "GPKG":
        raise InputError(tr("The output is not a GeoPackage") + f": {dest_path}", reason="output")
    old = [target.GetLayerByIndex(i).GetName() for i in range(target.GetLayerCount())]
    new = [source.GetLayerByIndex(i).GetName() for i in range(source.GetLayerCount())]
    try:
        for name in new:
            layer = source.GetLayerByName(name)
            options = [f"FID={layer.GetFIDColumn() or 'fid'}"]
            if layer.GetGeometryColumn():
                options.append(f"GEOMETRY_NAME={layer.GetGeometryColumn()}")
            target.CopyLayer(layer, NEW_LAYER_PREFIX + name, options)
        target.StartTransaction(force=True)
        try:
            for name in old:
                _delete_layer(target, name)
            for name in new:
                target.GetLayerByName(NEW_LAYER_PREFIX + name).Rename(name)
            target.CommitTransaction()
        except Exception:
            target.RollbackTransaction()
            raise
    finally:
        for name in new:  # what a failure left of the copies
            _delete_layer(target, NEW_LAYER_PREFIX + name)
        source = target = None


def _delete_layer(dataset, name: str) -> None:
    for index in range(dataset.GetLayerCount()):
        if dataset.GetLayerByIndex(index).GetName() == name:
            dataset.DeleteLayer(index)
            return


def write_layer(
    target: OutputTarget, produce: Callable, feedback: QgsFeedback | None = None, check: ScratchCheck | None = None
) -> int:
    """Write one layer into `target`; returns the number of features it holds.

    `produce(scratch, layer, layer_options)` writes the layer `layer` into the new GeoPackage `scratch`,
    created with the GDAL layer creation options `layer_options` (through `copy_with_common_fields`, or
    any GDAL write). The layer is then checked (layer_checks.py: impossible coordinates refused, swapped
    coordinates and empty geometry columns told; `check` says where the features are expected and collects
    what was found) and put in place in one step (see the module's docstring); a failure or a cancellation
    before that step leaves the target as it was."""
    refuse_register(target.path)
    scratch = _scratch_beside(target.path, ".gpkg")
    try:
        produce(scratch, target.layer, scratch_layer_options(target))
        if os.path.exists(scratch):
            check_scratch(scratch, target.layer, check if check is not None else ScratchCheck())
        count = _checked_count(scratch, target.layer)
        check_cancel(feedback)
        # From here on nothing is cancelled: the last step is short and is what makes the write atomic.
        written = PUT_IN_PLACE[target.mode](scratch, target)
        if feedback is not None:
            feedback.setProgress(100)
        return count if written is None else written
    finally:
        _remove_sqlite_file(scratch)


def move_layer(path: str, target: OutputTarget) -> None:
    """Put the layer `target.layer` of the complete GeoPackage `path` (written by write_layer into a file of
    its own, in a worker thread) into `target`, in the one step write_layer ends with; `path` is then
    deleted. How a parallel load writes its layers into one GeoPackage one at a time."""
    refuse_register(target.path)
    try:
        PUT_IN_PLACE[target.mode](path, target)
    finally:
        _remove_sqlite_file(path)


def write_resource_layer(
    src_path: str,
    target: OutputTarget,
    common: dict,
    feedback: QgsFeedback | None = None,
    check: ScratchCheck | None = None,
    **options,
) -> int:
    """A layer of a downloaded file (`src_layer`, else the first) written into `target` with the common
    fields (see copy_with_common_fields for `options`, write_layer for `check`); returns the number of
    features written."""

    def produce(scratch: str, layer: str, layer_options: list) -> None:
        copy_with_common_fields(
            src_path, scratch, layer, common, layer_options=layer_options, feedback=feedback, **options
        )

    return write_layer(target, produce, feedback, check)


def scratch_layer_options(target: OutputTarget) -> list:
    """The creation options of the scratch layer: its fid column, and the spatial index only when the scratch
    becomes the output (a new GeoPackage, renamed); a layer copied or converted gets it where it lands. GDAL
    builds the index faster while it writes the layer than afterwards."""
    renamed = target.driver == "GPKG" and (target.mode == FILE or not os.path.exists(target.path))
    return ["FID=fid", f"SPATIAL_INDEX={'YES' if renamed else 'NO'}"]


@with_gdal_exceptions
def _checked_count(scratch: str, layer_name: str) -> int:
    dataset = gdal.OpenEx(scratch, gdal.OF_VECTOR) if os.path.exists(scratch) else None
    layer = dataset.GetLayerByName(layer_name) if dataset is not None else None
    if layer is None:
        raise ReplyError(tr("Could not write the layer") + f" {layer_name} ({scratch})", reason="write")
    count = layer.GetFeatureCount()
    dataset = None
    return count


def _scratch_beside(dest_path: str, extension: str) -> str:
    """A free hidden path in the destination's folder (created if need be), so that putting it in place is a
    rename, never a copy across file systems. Not created: GDAL creates the file itself."""
    folder = os.path.dirname(os.path.abspath(dest_path))
    os.makedirs(folder, exist_ok=True)
    stem = os.path.splitext(os.path.basename(dest_path))[0]
    handle, path = tempfile.mkstemp(prefix=f".{stem}-", suffix=extension, dir=folder)
    os.close(handle)
    os.remove(path)
    return path


def _remove_sqlite_file(path: str) -> None:
    for leftover in (path, path + "-journal", path + "-wal", path + "-shm"):
        if os.path.exists(leftover):
            os.remove(leftover)


# -- putting a complete layer in place --------------------------------------------------------------


def _replace_file(scratch: str, target: OutputTarget):
    """The target's file becomes the scratch layer: a GeoPackage by a rename, other formats converted
    beside it and then renamed over it. Returns the converted file's feature count (single-layer formats
    may leave some features out), None when it is the scratch's."""
    if target.driver == "GPKG":
        os.replace(scratch, target.path)  # same folder: a rename, no copy
        return None
    if target.driver == "ESRI Shapefile":
        return _replace_shapefile(scratch, target)
    with atomic_output(target.path) as converted:
        _convert(scratch, converted, target)
        return _feature_count(converted, target)


def _replace_layer(scratch: str, target: OutputTarget):
    """Copy the scratch layer into the existing multi-layer file in one transaction, replacing a layer of
    the same name: a failure rolls back to the old layer, and the other layers are not touched. A file
    that does not exist yet is the scratch, renamed."""
    if not os.path.exists(target.path):
        return _replace_file(scratch, target)
    options = ["-nln", target.layer, "-gt", "unlimited", "-preserve_fid"]
    if target.driver == "GPKG":
        options += ["-lco", "FID=fid"]  # the layer's description travels with its metadata
    translate(
        target.path,
        scratch,
        target.layer,
        options=options,
        format=target.driver,
        accessMode="overwrite",
        layers=[target.layer],
    )
    return None


def _replace_table(scratch: str, target: OutputTarget):
    """The scratch layer as the target's PostGIS table, swapped in one transaction."""
    table = target.database
    put_layers_in_database(scratch, table.connection, table.schema, {target.layer: table.table})
    return None


PUT_IN_PLACE = {FILE: _replace_file, LAYER: _replace_layer, POSTGRES: _replace_table}


# -- PostGIS ---------------------------------------------------------------------------------------


def put_layers_in_database(scratch: str, connection: str, schema: str, tables: dict) -> None:
    """Layers of the GeoPackage `scratch` ({layer: table}) as tables of `schema` (made when missing): each
    copied into a staging table with its spatial index, then all swapped with the tables of the same names
    in one transaction. A reader sees the old tables until the commit; any failure leaves them as they were
    and drops the staging tables. A schema holding a register is refused (the register is never written
    into)."""
    dsn = postgres_dsn(connection)
    staged = {}
    with open_database(connection) as dataset:
        ensure_schema(dataset, connection, schema)
        try:
            for layer, table in tables.items():
                staged[table] = staging_name(table)
                _copy_to_table(dsn, scratch, layer, schema, staged[table])
                cluster(dataset, schema, staged[table])
            swap_tables(dataset, connection, schema, staged)
            staged = {}
        finally:
            if staged:
                drop_tables(dataset, schema, list(staged.values()))
    log(f"PostGIS {schema}: {', '.join(tables.values())} replaced")


@with_gdal_exceptions
def _copy_to_table(dsn: str, scratch: str, layer: str, schema: str, table: str) -> None:
    """One layer of the scratch GeoPackage as a new table (its fid a serial key, its geometry `geom` with a
    GiST index, its field names as they are), through PostgreSQL's COPY."""
    options = [
        "-nln", f"{schema}.{table}",
        "-lco", f"GEOMETRY_NAME={GEOMETRY_COLUMN}",
        "-lco", "FID=fid",
        "-lco", "SPATIAL_INDEX=GIST",
        "-lco", "LAUNDER=NO",
        "-lco", "PRECISION=NO",
        "-gt", "unlimited",
    ]  # fmt: skip
    try:
        translate("PG:" + dsn, scratch, layer, options=options, format="PostgreSQL", layers=[layer])
    except OpenTerritoryError as error:
        raise ReplyError(
            tr("Could not write the layer") + f" {layer} ({schema}.{table}): {clean_error(error)}", reason="write"
        ) from None


@with_gdal_exceptions
def _convert(scratch: str, dest_path: str, target: OutputTarget) -> None:
    """The scratch layer as a new single-layer file (GeoJSON, FlatGeobuf, CSV, SQLite...) at `dest_path`.
    A CSV keeps the geometry: X and Y columns for points, WKT for the others."""
    options = ["-nln", target.layer]
    if target.driver == "CSV":
        dataset = gdal.OpenEx(scratch, gdal.OF_VECTOR)
        flat = ogr.GT_Flatten(dataset.GetLayerByName(target.layer).GetGeomType())
        dataset = None
        if flat != ogr.wkbNone:
            options += ["-lco", "GEOMETRY=" + ("AS_XY" if flat == ogr.wkbPoint else "AS_WKT")]
    translate(dest_path, scratch, target.layer, options=options, format=target.driver, layers=[target.layer])


@with_gdal_exceptions
def _feature_count(path: str, target: OutputTarget) -> int:
    dataset = gdal.OpenEx(path, gdal.OF_VECTOR)
    count = dataset.GetLayer(0).GetFeatureCount()
    dataset = None
    return count


def _replace_shapefile(scratch: str, target: OutputTarget) -> int:
    """A shapefile is several files: converted in a folder of their own, then moved beside each other."""
    folder = os.path.dirname(os.path.abspath(target.path))
    work = tempfile.mkdtemp(prefix=".ot-shp-", dir=folder)
    try:
        stem = os.path.splitext(os.path.basename(target.path))[0]
        converted = os.path.join(work, stem + ".shp")
        _convert(scratch, converted, target)
        count = _feature_count(converted, target)
        for name in os.listdir(work):
            os.replace(os.path.join(work, name), os.path.join(folder, name))
        return count
    finally:
        shutil.rmtree(work, ignore_errors=True)
