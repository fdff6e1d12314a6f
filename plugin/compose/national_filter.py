"""One national file cut down to a territory, by GDAL: never a Python loop over its rows.

The national bases are large (the consolidated IRVE file has over 100,000 rows, the cycle facilities
file covers every road of mainland France), so they are downloaded once, kept in the cache, and filtered
here with one `gdal.VectorTranslate` (the plugin's layer writer): an attribute filter on the columns
holding the INSEE code of the row's commune (`code_insee_commune IN ('35238', ...) OR ...`), or, for a
file without such a column, a spatial filter on the territory's extent.

A CSV is read by GDAL's CSV driver through a small VRT (plugin/formats/tabular.py builds it) naming the
coordinate columns, with a `.csvt` line beside it typing each column from the file's Etalab Table
Schema (integers, numbers, booleans, dates); the cached file itself is linked into a scratch folder,
never copied nor changed. A GeoJSON file is read as it is.
"""

from __future__ import annotations

import os
import shutil
import tempfile

from osgeo import gdal, ogr

from ..formats.resource_file import sniff_kind
from ..formats.tabular import build_vrt, rewrite_utf8, sniff_csv
from ..toolbelt.errors import Cancelled, InputError, ReplyError
from ..toolbelt.gdal_errors import with_gdal_exceptions
from ..toolbelt.i18n import tr
from ..toolbelt.layer_writer import OutputTarget, sql_identifier, sql_literal, write_resource_layer
from .schema_catalog import csvt_line


def codes_where(fields, codes) -> str:
    """OGR SQL keeping the rows whose any of `fields` holds one of `codes`."""
    listing = ", ".join(sql_literal(code) for code in sorted(set(codes)))
    return " OR ".join(f"{sql_identifier(field)} IN ({listing})" for field in fields)


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


def csv_source(path: str, work: str, lon_field: str, lat_field: str, field_types, what: str) -> tuple:
    """(VRT path, columns) reading the CSV at `path` as points, its columns typed by `field_types`."""
    linked = link_into(path, work, "data.csv")
    try:
        layout = sniff_csv(linked)
    except ReplyError as error:
        raise ReplyError(f"{what}: {error}", source=what) from None
    if lon_field and lat_field:
        missing = [name for name in (lon_field, lat_field) if name not in layout.columns]
        if missing:
            raise ReplyError(
                f"{what}: " + tr("the coordinate columns are missing") + f": {', '.join(missing)}", source=what
            )
        # The base names its coordinate columns: no guess (the IRVE file also has a combined one).
        layout.lon, layout.lat, layout.crs = lon_field, lat_field, "EPSG:4326"
        layout.combined = layout.geometry = None
    if not layout.has_geometry:
        raise ReplyError(f"{what}: " + tr("no coordinate columns found"), source=what)
    csv_path = linked
    if layout.encoding not in ("utf-8", "utf-8-sig"):
        csv_path = rewrite_utf8(linked, os.path.join(work, "data_utf8.csv"), layout.encoding)
    if field_types:
        with open(os.path.splitext(csv_path)[0] + ".csvt", "w", encoding="utf-8") as handle:
            handle.write(csvt_line(layout.columns, field_types) + "\n")
    vrt_path = os.path.join(work, "data.vrt")
    with open(vrt_path, "w", encoding="utf-8") as handle:
        handle.write(build_vrt(os.path.abspath(csv_path), layout, "data"))
    return vrt_path, list(layout.columns)


SAMPLED_GEOMETRIES = 200
MULTI_TYPES = {
    ogr.wkbPoint: "MULTIPOINT",
    ogr.wkbMultiPoint: "MULTIPOINT",
    ogr.wkbLineString: "MULTILINESTRING",
    ogr.wkbMultiLineString: "MULTILINESTRING",
    ogr.wkbPolygon: "MULTIPOLYGON",
    ogr.wkbMultiPolygon: "MULTIPOLYGON",
}


@with_gdal_exceptions
def layer_facts(path: str, what: str) -> tuple:
    """(column names, the `-nlt` geometry type to write or None) of the first layer of a GDAL-readable file.

    A GeoJSON file mixing lines and multi-lines (the cycle facilities) declares no geometry type: the
    first features tell which multi type holds them all, so that the layer is one of lines, not of
    "any geometry" that QGIS would split."""
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


@with_gdal_exceptions
def filter_national_file(
    path: str,
    target: OutputTarget,
    common: dict,
    insee_fields=(),
    codes=(),
    extent=None,
    file_format: str = "",
    lon_field: str = "",
    lat_field: str = "",
    field_types=None,
    name_fields=(),
    feedback=None,
    what: str = "",
) -> int:
    """Write the rows of the national file at `path` that belong to the territory into `target` (through the
    layer writer), with the common fields; returns how many.

    insee_fields + codes: keep the rows whose any of these columns holds one of these INSEE codes.
    extent: [xmin, ymin, xmax, ymax] in EPSG:4326, the filter when no INSEE column is named.
    field_types: [(column, Table Schema type)] typing a CSV's columns (others stay text).
    name_fields: columns that may feed the common `name`, the first present wins.
    Raises InputError when nothing would restrict the file, ReplyError when the file lacks what the
    filter needs, Cancelled when the feedback is cancelled."""
    what = what or os.path.basename(path)
    if not (insee_fields and codes) and not extent:
        raise InputError(tr("A national file is only loaded for a territory: give its INSEE codes or its extent"))
    kind = file_format or sniff_kind(path)
    folder = os.path.dirname(os.path.abspath(target.path))
    os.makedirs(folder, exist_ok=True)
    work = tempfile.mkdtemp(prefix="ot-national-", dir=folder)
    try:
        if kind == "csv":
            source, columns = csv_source(path, work, lon_field, lat_field, field_types, what)
            options = []
        else:
            source, (columns, geometry_type) = path, layer_facts(path, what)
            options = ["-nlt", geometry_type] if geometry_type else []
        where = None
        if insee_fields and codes:
            missing = [field for field in insee_fields if field not in columns]
            if missing:
                raise ReplyError(
                    f"{what}: "
                    + tr("the INSEE code columns are missing")
                    + f": {', '.join(missing)} ("
                    + tr("columns")
                    + f": {', '.join(columns[:40])})",
                    source=what,
                )
            where = codes_where(insee_fields, codes)
        else:
            # National files are in EPSG:4326, as the extent is (-spat_srs does not combine with -sql).
            options += ["-spat", *(str(value) for value in extent)]
        try:
            return write_resource_layer(
                source,
                target,
                common,
                feedback,
                name_field=next((name for name in name_fields if name in columns), None),
                where=where,
                extra_options=options,
            )
        except Cancelled:
            raise Cancelled(source=what) from None
        except ReplyError as error:
            raise ReplyError(f"{what}: {error}", source=what) from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
