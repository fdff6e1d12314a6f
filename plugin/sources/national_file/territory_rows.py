"""A national file cut down to a territory by GDAL, in one pass: never a Python loop over its rows.

The national bases are large (the consolidated IRVE file has over 100,000 rows, the cycle facilities file
covers every road of mainland France); the downloaded file is read by one `gdal.VectorTranslate` through
the plugin's layer writer, with an attribute filter on the columns holding the INSEE code of the row's
commune (`code_insee_commune IN ('35238', ...) OR ...`), or, for a file without such a column, a spatial
filter on the territory's extent.

A CSV is read through a small VRT (plugin/formats/tabular.py builds it) naming its coordinate columns, with
a `.csvt` line beside it typing its columns from the file's Table Schema (plugin/formats/table_schema.py);
the cached file itself is linked into a scratch folder, never copied nor changed. Booleans are read as text
and turned into booleans by SQL in the writer's scratch layer (the territory's rows only), so that "VRAI" or
"faux" are not lost as nulls. A GeoJSON file is read as it is; one mixing lines and multi-lines (the cycle
facilities) is written as multi-lines.

(Copying the whole file once into an indexed GeoPackage makes a second territory near-instant, but costs
the first one three to five times a direct cut: tests/benchmarks/bench_compose.py measures the direct cut.)
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field

from osgeo import gdal, ogr
from qgis.core import QgsFeedback

from ...formats.resource_file import sniff_kind
from ...formats.table_schema import boolean_sql, csvt_line
from ...formats.tabular import build_vrt, rewrite_utf8, sniff_csv
from ...toolbelt.errors import Cancelled, ReplyError
from ...toolbelt.gdal_errors import with_gdal_exceptions
from ...toolbelt.i18n import tr
from ...toolbelt.layer_writer import OutputTarget, copy_with_common_fields, sql_identifier, sql_literal, write_layer

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
    CSV ("" to find them by name), its Table Schema's fields (formats.table_schema.SchemaField), and how
    messages name it."""

    file_format: str = ""
    lon_field: str = ""
    lat_field: str = ""
    fields: tuple = ()
    what: str = ""


@dataclass(frozen=True)
class TerritoryFilter:
    """The territory's rows: those whose any of `insee_fields` holds one of `codes`, or, without them, those
    within `extent` ([xmin, ymin, xmax, ymax] in EPSG:4326, as the national files are)."""

    insee_fields: tuple = ()
    codes: tuple = ()
    extent: tuple = ()
    name_fields: tuple = field(default=())  # the first one present feeds the common `name`

    @property
    def by_codes(self) -> bool:
        return bool(self.insee_fields and self.codes)


def codes_where(fields, codes) -> str:
    """SQL keeping the rows whose any of `fields` holds one of `codes`."""
    listing = ", ".join(sql_literal(code) for code in sorted(set(codes)))
    return " OR ".join(f"{sql_identifier(name)} IN ({listing})" for name in fields)


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


def check_columns(columns: list, wanted, what: str) -> None:
    missing = [name for name in wanted if name not in columns]
    if missing:
        raise ReplyError(
            f"{what}: "
            + tr("the INSEE code columns are missing")
            + f": {', '.join(missing)} ("
            + tr("columns")
            + f": {', '.join(columns[:40])})",
            source=what,
        )


@with_gdal_exceptions
def read_booleans(scratch: str, layer_name: str, fields: list) -> None:
    """In the writer's scratch layer (the territory's rows only): each boolean column, read as text, becomes
    a boolean from its words (formats/table_schema.boolean_sql). It moves to the end of the table."""
    if not fields:
        return
    dataset = gdal.OpenEx(scratch, gdal.OF_VECTOR | gdal.OF_UPDATE)
    dataset.ExecuteSQL("PRAGMA synchronous = OFF")  # a scratch file: the writer's last step makes it safe
    layer = dataset.GetLayerByName(layer_name)
    dataset.StartTransaction()
    for found in fields:
        definition = layer.GetLayerDefn()
        index = definition.GetFieldIndex(found.name)
        if index < 0:
            continue
        text = f"{found.name}__text"
        layer.AlterFieldDefn(index, ogr.FieldDefn(text, ogr.OFTString), ogr.ALTER_NAME_FLAG)
        boolean = ogr.FieldDefn(found.name, ogr.OFTInteger)
        boolean.SetSubType(ogr.OFSTBoolean)
        layer.CreateField(boolean)
        dataset.ExecuteSQL(boolean_sql(layer_name, found.name, text, found))
        layer.DeleteField(layer.GetLayerDefn().GetFieldIndex(text))
    dataset.CommitTransaction()
    dataset = None


def write_territory_rows(
    path: str,
    target: OutputTarget,
    common: dict,
    reading: FileReading,
    territory: TerritoryFilter,
    feedback: QgsFeedback | None = None,
) -> int:
    """Write the territory's rows of the national file at `path` into `target` (through the layer writer), with
    the common fields; returns how many. Raises ReplyError when the file lacks what the reading or the filter
    needs, Cancelled (naming the file) when the feedback is cancelled."""
    what = reading.what or os.path.basename(path)
    kind = reading.file_format or sniff_kind(path)
    folder = os.path.dirname(os.path.abspath(target.path))
    os.makedirs(folder, exist_ok=True)
    work = tempfile.mkdtemp(prefix=".national-", dir=folder)
    try:
        options = []
        if kind == "csv":
            source, columns = csv_source(path, work, reading)
        else:
            source, (columns, geometry_type) = path, layer_facts(path, what)
            options = ["-nlt", geometry_type] if geometry_type else []
        where = None
        if territory.by_codes:
            check_columns(columns, territory.insee_fields, what)
            where = codes_where(territory.insee_fields, territory.codes)
        else:  # -spat_srs does not combine with the writer's SQL: the extent is in the files' EPSG:4326
            options += ["-spat", *(str(value) for value in territory.extent)]
        booleans = [f for f in reading.fields if f.is_boolean] if kind == "csv" else []

        def produce(scratch: str, layer: str, layer_options: list) -> None:
            copy_with_common_fields(
                source,
                scratch,
                layer,
                common,
                name_field=next((name for name in territory.name_fields if name in columns), None),
                where=where,
                extra_options=options,
                layer_options=layer_options,
                feedback=feedback,
            )
            read_booleans(scratch, layer, booleans)

        try:
            return write_layer(target, produce, feedback)
        except Cancelled:
            raise Cancelled(source=what) from None
        except ReplyError as error:
            raise ReplyError(f"{what}: {error}", source=what) from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
