"""A national file, once downloaded, copied into an indexed GeoPackage beside the reply cache.

The national bases are large (the consolidated IRVE file has over 100,000 rows, the cycle facilities
file covers every road of mainland France) and every territory loads the same file. Reading a CSV is
what costs (GDAL parses every row whatever the filter keeps), so the file is read once: GDAL copies it
into a GeoPackage with its spatial index and an index on the columns holding the rows' INSEE codes, and
each territory is then one indexed query (`national_file/__init__.py`).

The copy is also where the file gets its types: a CSV is read through a small VRT (plugin/formats/
tabular.py builds it) naming its coordinate columns, with a `.csvt` line typing its columns from the
file's Table Schema (plugin/formats/table_schema.py); booleans are read as text and turned into
booleans by SQL in the copy, so that "VRAI"/"faux" are not lost. A GeoJSON file is read as it is; one
mixing lines and multi-lines (the cycle facilities) is written as multi-lines.

The copy is named after the downloaded file (the reply cache keeps one file per URL) and remembers, in a
`.json` beside it, the file's size and date and how it was read: a new download, or an entry reading
the file another way, makes a new copy in place of the old one. A copy is built under another name and
renamed when whole: a cut copy is never used, and two loads building the same copy at once each finish
their own. The cached file itself is linked into a scratch folder, never copied nor changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass, field

from osgeo import gdal, ogr
from qgis.core import QgsFeedback

from ...formats.resource_file import sniff_kind
from ...formats.table_schema import boolean_sql, csvt_line
from ...formats.tabular import build_vrt, rewrite_utf8, sniff_csv
from ...toolbelt.errors import ReplyError
from ...toolbelt.gdal_errors import with_gdal_exceptions
from ...toolbelt.i18n import tr
from ...toolbelt.layer_writer import check_cancel, gdal_progress, translate
from ...toolbelt.logger import log

COPY_LAYER = "data"
COPY_VERSION = 1  # how copies are made: a change here makes new copies
SAMPLED_GEOMETRIES = 200
MULTI_TYPES = {
    ogr.wkbPoint: "MULTIPOINT",
    ogr.wkbMultiPoint: "MULTIPOINT",
    ogr.wkbLineString: "MULTILINESTRING",
    ogr.wkbMultiLineString: "MULTILINESTRING",
    ogr.wkbPolygon: "MULTIPOLYGON",
    ogr.wkbMultiPolygon: "MULTIPOLYGON",
}


@dataclass(frozen=True)
class FileReading:
    """How a national file is read: its format ("csv", "geojson"; "" to sniff), the coordinate columns of a
    CSV ("" to find them by name), its Table Schema's fields (formats.table_schema.SchemaField) and the
    columns to index (those holding INSEE codes)."""

    file_format: str = ""
    lon_field: str = ""
    lat_field: str = ""
    fields: tuple = ()
    index_columns: tuple = ()
    what: str = field(default="", compare=False)  # the file, as messages name it

    def signature(self) -> dict:
        facts = asdict(self)
        facts.pop("what")
        facts["fields"] = [asdict(f) for f in self.fields]
        return dict(facts, version=COPY_VERSION)


def link_into(path: str, folder: str, name: str) -> str:
    """`path` seen as `folder/name` (a link; a copy where links are refused), so that a `.csvt` can sit
    beside it without touching the cached file."""
    target = os.path.join(folder, name)
    for make in (os.symlink, os.link):
        try:
            make(os.path.abspath(path), target)
            return target
        except (OSError, NotImplementedError, AttributeError):
            continue
    shutil.copyfile(path, target)
    return target


def csv_source(path: str, work: str, reading: FileReading) -> tuple:
    """(VRT path, columns) reading the CSV at `path` as points, its columns typed by the schema's fields."""
    what = reading.what
    linked = link_into(path, work, "data.csv")
    try:
        layout = sniff_csv(linked)
    except ReplyError as error:
        raise ReplyError(f"{what}: {error}", source=what) from None
    if reading.lon_field and reading.lat_field:
        missing = [name for name in (reading.lon_field, reading.lat_field) if name not in layout.columns]
        if missing:
            raise ReplyError(
                f"{what}: " + tr("the coordinate columns are missing") + f": {', '.join(missing)}", source=what
            )
        # The base names its coordinate columns: no guess (the IRVE file also has a combined one).
        layout.lon, layout.lat, layout.crs = reading.lon_field, reading.lat_field, "EPSG:4326"
        layout.combined = layout.geometry = None
    if not layout.has_geometry:
        raise ReplyError(f"{what}: " + tr("no coordinate columns found"), source=what)
    csv_path = linked
    if layout.encoding not in ("utf-8", "utf-8-sig"):
        csv_path = rewrite_utf8(linked, os.path.join(work, "data_utf8.csv"), layout.encoding)
    if reading.fields:
        with open(os.path.splitext(csv_path)[0] + ".csvt", "w", encoding="utf-8") as handle:
            handle.write(csvt_line(layout.columns, list(reading.fields)) + "\n")
    vrt_path = os.path.join(work, "data.vrt")
    with open(vrt_path, "w", encoding="utf-8") as handle:
        handle.write(build_vrt(os.path.abspath(csv_path), layout, "data"))
    return vrt_path, list(layout.columns)


@with_gdal_exceptions
def layer_facts(path: str, what: str) -> tuple:
    """(column names, the `-nlt` geometry type to write or None) of the first layer of a GDAL-readable file.

    A GeoJSON file mixing lines and multi-lines declares no geometry type: the first features tell which
    multi type holds them all, so that the layer is one of lines, not of "any geometry" that QGIS would
    split."""
    try:
        dataset = gdal.OpenEx(path, gdal.OF_VECTOR)
    except RuntimeError as error:
        raise ReplyError(f"{what}: " + tr("GDAL cannot read the downloaded file") + f": {error}", source=what) from None
    layer = dataset.GetLayer(0)
    definition = layer.GetLayerDefn()
    columns = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    if ogr.GT_Flatten(layer.GetGeomType()) != ogr.wkbUnknown:
        return columns, None
    kinds = set()
    for index, feature in enumerate(layer):
        geometry = feature.GetGeometryRef()
        if geometry is not None:
            kinds.add(MULTI_TYPES.get(ogr.GT_Flatten(geometry.GetGeometryType()), "GEOMETRY"))
        if index >= SAMPLED_GEOMETRIES:
            break
    return columns, kinds.pop() if len(kinds) == 1 else "PROMOTE_TO_MULTI"


def check_columns(columns: list, wanted, reading: FileReading) -> None:
    missing = [name for name in wanted if name not in columns]
    if missing:
        raise ReplyError(
            f"{reading.what}: "
            + tr("the INSEE code columns are missing")
            + f": {', '.join(missing)} ("
            + tr("columns")
            + f": {', '.join(columns[:40])})",
            source=reading.what,
        )


@with_gdal_exceptions
def finish_copy(gpkg: str, columns: list, reading: FileReading) -> None:
    """In the new copy: booleans from their words, and an index on each INSEE column, by SQL (in bulk).
    A boolean column moves to the end of the table. Through GDAL's GeoPackage driver rather than Python's
    sqlite3, whose SQLite may be too old to drop a column."""
    booleans = [f for f in reading.fields if f.is_boolean and f.name in columns]
    dataset = gdal.OpenEx(gpkg, gdal.OF_VECTOR | gdal.OF_UPDATE)
    layer = dataset.GetLayerByName(COPY_LAYER)
    for found in booleans:
        text = f"{found.name}__text"
        definition = layer.GetLayerDefn()
        layer.AlterFieldDefn(
            definition.GetFieldIndex(found.name), ogr.FieldDefn(text, ogr.OFTString), ogr.ALTER_NAME_FLAG
        )
        boolean = ogr.FieldDefn(found.name, ogr.OFTInteger)
        boolean.SetSubType(ogr.OFSTBoolean)
        layer.CreateField(boolean)
        dataset.ExecuteSQL(boolean_sql(COPY_LAYER, found.name, text, found))
        layer.DeleteField(layer.GetLayerDefn().GetFieldIndex(text))
    for index, column in enumerate(reading.index_columns):
        dataset.ExecuteSQL(f'CREATE INDEX "idx_{COPY_LAYER}_{index}" ON "{COPY_LAYER}" ("{column}")')
    dataset.ExecuteSQL("ANALYZE")
    dataset = None


def build_copy(path: str, gpkg: str, work: str, reading: FileReading, feedback: QgsFeedback | None) -> None:
    """GDAL gives no progress while it reads a CSV (no fast feature count): the feedback's cancellation is
    checked before the copy and after it, and during it where GDAL reports progress (GeoJSON)."""
    check_cancel(feedback)
    kind = reading.file_format or sniff_kind(path)
    options = ["-nln", COPY_LAYER, "-lco", "FID=fid", "-lco", "SPATIAL_INDEX=YES", "-gt", "65536"]
    if kind == "csv":
        source, columns = csv_source(path, work, reading)
    else:
        source, (columns, geometry_type) = path, layer_facts(path, reading.what)
        if geometry_type:
            options += ["-nlt", geometry_type]
    check_columns(columns, reading.index_columns, reading)
    try:
        progress = gdal_progress(feedback) if kind != "csv" else None  # GDAL would only warn it cannot
        translate(gpkg, source, reading.what, feedback, options=options, format="GPKG", callback=progress)
    except ReplyError as error:
        raise ReplyError(f"{reading.what}: {error}", source=reading.what) from None
    check_cancel(feedback)
    finish_copy(gpkg, columns, reading)


def copy_paths(path: str, folder: str) -> tuple:
    stem = hashlib.sha256(os.path.abspath(path).encode("utf-8")).hexdigest()[:24]
    return os.path.join(folder, f"{stem}.gpkg"), os.path.join(folder, f"{stem}.json")


def copy_facts(path: str, reading: FileReading) -> dict:
    status = os.stat(path)
    facts = {
        "file": os.path.abspath(path),
        "size": status.st_size,
        "mtime_ns": status.st_mtime_ns,
        **reading.signature(),
    }
    return json.loads(json.dumps(facts))  # as the .json file gives them back (lists, not tuples)


def current_copy(path: str, folder: str, reading: FileReading) -> str | None:
    """The copy of the file at `path` read as `reading`, when one is there and up to date."""
    gpkg, facts_path = copy_paths(path, folder)
    try:
        with open(facts_path, encoding="utf-8") as handle:
            recorded = json.load(handle)
    except (OSError, ValueError):
        return None
    return gpkg if recorded == copy_facts(path, reading) and os.path.exists(gpkg) else None


def local_copy(path: str, folder: str, reading: FileReading, feedback: QgsFeedback | None = None) -> str:
    """The indexed GeoPackage copy of the national file at `path`, kept in `folder`: the one already there
    when it is up to date, else a new one (see the module's docstring). Its layer is COPY_LAYER.

    Raises ReplyError when the file lacks what the reading needs (coordinate or INSEE columns) or GDAL
    cannot read it, Cancelled when the feedback is cancelled."""
    found = current_copy(path, folder, reading)
    if found:
        return found
    os.makedirs(folder, exist_ok=True)
    gpkg, facts_path = copy_paths(path, folder)
    work = tempfile.mkdtemp(prefix=".copy-", dir=folder)
    try:
        scratch = os.path.join(work, "copy.gpkg")
        build_copy(path, scratch, work, reading, feedback)
        facts = copy_facts(path, reading)
        os.replace(scratch, gpkg)
        with open(os.path.join(work, "facts.json"), "w", encoding="utf-8") as handle:
            json.dump(facts, handle)
        os.replace(os.path.join(work, "facts.json"), facts_path)
        log(f"{reading.what}: indexed copy {os.path.basename(gpkg)} ({os.path.getsize(gpkg) // 1024} KB)")
        return gpkg
    finally:
        shutil.rmtree(work, ignore_errors=True)
