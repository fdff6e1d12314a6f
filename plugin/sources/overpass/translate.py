"""The Overpass reply (OSM XML) as one layer of the layer writer's scratch GeoPackage, in ONE read of the reply.

How. The layer is created first with its final columns; the values every row shares (the common fields
category, source, source_dataset, licence, fetched_at, and osm_type's usual value) are column DEFAULTs,
which SQLite fills as rows arrive. One gdal.VectorTranslate then appends the OSM driver's layers the drawing
needs (points, lines, multipolygons) to it at once: ogr2ogr reads an OSM file once for all its layers,
taking features in the order the driver builds them. The preset's `where` drops what is not a target (the
tagged nodes of a way...). Last, in SQLite itself (no feature goes through Python or OGR again): ways and
relations drawn as points become points on their surface (`ST_PointOnSurface`, inside the area), the ways'
ids (the driver's osm_way_id) move to osm_id, and the spatial index and the extent are made once the
geometries are final. (The reply used to be read twice, points then areas, and that second read was the gap
to ogr2ogr, issue 18.1.)

Node order. Overpass prints nodes in quadtile order (`out body qt;`), and the OSM driver's default node index
needs increasing ids: it fails with "Non increasing node id", or builds lines and areas with vertices
missing or none at all (issue 14.1). The driver's USE_CUSTOM_INDEXING=NO open option indexes nodes in any
order; tests/benchmarks/bench_overpass.py measures its cost.

What was asked and what was drawn. The reply starts with the server's count of the targets (query.py); the
layer's count per osm_type is compared with it (`drawing_report`): a way or relation the server found that
could not be drawn (nodes missing from the reply, rings that do not close, a relation that is no
multipolygon) becomes a warning giving the number, and nothing drawn at all while the server found some is
an error. Nodes left out of a line or polygon layer are counted in a warning too.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from typing import TYPE_CHECKING

from osgeo import gdal, ogr, osr

from ...definitions import OSM_ATTRIBUTION, OSM_LICENCE
from ...toolbelt.errors import ReplyError
from ...toolbelt.gdal_errors import with_gdal_exceptions
from ...toolbelt.i18n import tr
from ...toolbelt.layer_writer import check_cancel, gdal_progress, sql_identifier, sql_literal, translate
from .presets import LINES, POINTS, POLYGONS, column_name

if TYPE_CHECKING:  # names used in annotations only
    from typing import Iterator

    from qgis.core import QgsFeedback

    from .presets import OsmPreset

PARTIAL_WAY = re.compile(r"For way \d+, got only \d+ nodes")
READ_SHARE = 90.0  # progress of the read; the finishing SQL and putting the layer in place take the rest
CONSTANT_FIELDS = ("category", "source", "source_dataset", "licence", "fetched_at")
# The OSM driver's layers a drawing reads, the usual osm_type of their rows, and the layer's geometry type.
READS = {
    POINTS: (("points", "lines", "multipolygons"), "node", "POINT"),
    LINES: (("lines",), "way", "LINESTRING"),
    POLYGONS: (("multipolygons",), "relation", "MULTIPOLYGON"),
}


def osm_config(columns: list | tuple) -> str:
    """An OSM driver configuration with the preset's tags as columns on every layer (':' laundered to '_')."""
    attributes = ",".join(columns)
    ignore = "created_by,converted_by,source,time,ele,note,todo,fixme,FIXME"
    text = [
        "closed_ways_are_polygons=aeroway,amenity,boundary,building,craft,geological,historic,landuse,"
        "leisure,military,natural,office,place,shop,sport,tourism,highway=platform,public_transport=platform",
        "attribute_name_laundering=yes",
    ]
    for layer in ("points", "lines", "multipolygons", "multilinestrings", "other_relations"):
        text += [
            f"[{layer}]",
            "osm_id=yes",
            "osm_version=no",
            "osm_timestamp=no",
            "osm_uid=no",
            "osm_user=no",
            "osm_changeset=no",
            f"attributes={attributes}",
            "other_tags=yes",
            f"ignore={ignore}",
        ]
        if layer == "points":
            text.append("unsignificant=created_by,converted_by,source,time,ele,attribution")
    return "\n".join(text) + "\n"


@contextlib.contextmanager
def driver_messages() -> Iterator[list]:
    """The OSM driver's own account of what it could not build, while the block runs in this thread (GDAL's
    error handlers and these options are per thread): its debug messages (a way drawn with nodes missing
    from the reply is only said there), and rings that do not close refused rather than drawn as if closed."""
    messages = []
    gdal.PushErrorHandler(lambda _kind, _number, text: messages.append(str(text)))
    gdal.SetThreadLocalConfigOption("CPL_DEBUG", "OSM")
    gdal.SetThreadLocalConfigOption("OGR_GEOMETRY_ACCEPT_UNCLOSED_RING", "NO")
    try:
        yield messages
    finally:
        gdal.SetThreadLocalConfigOption("OGR_GEOMETRY_ACCEPT_UNCLOSED_RING", None)
        gdal.SetThreadLocalConfigOption("CPL_DEBUG", None)
        gdal.PopErrorHandler()


def source_layers(preset: OsmPreset, drawing: str) -> tuple:
    """The OSM driver's layers read for a drawing: a nodes-only preset has nothing but points."""
    layers = READS[drawing][0]
    return ("points",) if preset.elements == ("node",) else layers


def columns_of(preset: OsmPreset, common: dict, drawing: str, with_way_ids: bool) -> list:
    """(name, default SQL literal or None) of the layer's columns, in order: the common fields, osm_type,
    osm_id, the preset's tags, other_tags, and the driver's osm_way_id while the areas are read."""
    columns = [("category", sql_literal(common["category"])), ("name", None)]
    columns += [(key, sql_literal(common.get(key))) for key in CONSTANT_FIELDS if key != "category"]
    columns += [("osm_type", sql_literal(READS[drawing][1])), ("osm_id", None)]
    columns += [(column_name(tag), None) for tag in preset.columns if tag != "name"]
    columns.append(("other_tags", None))
    if with_way_ids:
        columns.append(("osm_way_id", None))
    return columns


@with_gdal_exceptions
def create_layer(scratch: str, layer: str, columns: list, options: list, description: str) -> None:
    driver = gdal.GetDriverByName("GPKG")
    dataset = driver.Create(scratch, 0, 0, 0, gdal.GDT_Unknown)
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    fid = next((o for o in options if o.upper().startswith("FID=")), "FID=fid")
    created = dataset.CreateLayer(layer, wgs84, ogr.wkbUnknown, [fid, "SPATIAL_INDEX=NO", description])
    for name, default in columns:
        field = ogr.FieldDefn(name, ogr.OFTString)
        if default is not None and default != "NULL":
            field.SetDefault(default)
        created.CreateField(field)
    created = dataset = None


def finishing_sql(table: str, drawing: str, read: tuple) -> list:
    """The SQL statements that make the appended rows final (see the module's docstring)."""
    statements = []
    if drawing == POINTS and read != ("points",):
        statements.append(
            f"UPDATE {table} SET geom = AsGPB(ST_PointOnSurface(geom)), "
            "osm_type = CASE WHEN osm_way_id IS NOT NULL OR ST_GeometryType(geom) LIKE '%LINESTRING' "
            "THEN 'way' ELSE 'relation' END, osm_id = COALESCE(osm_way_id, osm_id) "
            "WHERE geom IS NOT NULL AND ST_GeometryType(geom) <> 'POINT'"
        )
    elif drawing == POLYGONS:
        statements.append(f"UPDATE {table} SET osm_type = 'way', osm_id = osm_way_id WHERE osm_way_id IS NOT NULL")
    return statements


@with_gdal_exceptions
def finish_layer(scratch: str, layer: str, drawing: str, read: tuple, spatial_index: bool) -> dict:
    """Points on surface and ids in SQLite, osm_way_id dropped, the declared geometry type, the extent and
    the spatial index; returns the layer's count per osm_type."""
    dataset = gdal.OpenEx(scratch, gdal.OF_VECTOR | gdal.OF_UPDATE)
    table = sql_identifier(layer)
    for statement in finishing_sql(table, drawing, read):
        dataset.ExecuteSQL(statement)
    created = dataset.GetLayerByName(layer)
    index = created.GetLayerDefn().GetFieldIndex("osm_way_id")
    if index >= 0:
        created.DeleteField(index)
    name = sql_literal(layer)
    dataset.ExecuteSQL(
        f"UPDATE gpkg_geometry_columns SET geometry_type_name = '{READS[drawing][2]}' WHERE table_name = {name}"
    )
    if drawing == POINTS and read != ("points",):  # the extent of the areas read, until now
        dataset.ExecuteSQL(
            f"UPDATE gpkg_contents SET min_x = (SELECT MIN(ST_MinX(geom)) FROM {table}), "
            f"min_y = (SELECT MIN(ST_MinY(geom)) FROM {table}), max_x = (SELECT MAX(ST_MaxX(geom)) FROM {table}), "
            f"max_y = (SELECT MAX(ST_MaxY(geom)) FROM {table}) WHERE table_name = {name}"
        )
    if spatial_index:
        dataset.ExecuteSQL(f"SELECT CreateSpatialIndex({name}, 'geom')")
    result = dataset.ExecuteSQL(f"SELECT osm_type, count(*) FROM {table} GROUP BY osm_type")
    counts = {feature.GetField(0): feature.GetField(1) for feature in result}
    dataset.ReleaseResultSet(result)
    dataset = None
    return counts


@with_gdal_exceptions
def write_reply(
    reply_path: str,
    preset: OsmPreset,
    drawing: str,
    scratch: str,
    layer: str,
    common: dict,
    layer_options: list,
    feedback: QgsFeedback | None = None,
) -> dict:
    """The producer of this source: the OSM XML reply as `layer` of the new GeoPackage `scratch`, drawn as
    `drawing` (POINTS, LINES or POLYGONS), the attribution in the layer's description. Returns the layer's
    count per osm_type, and under "partial" the number of lines drawn with nodes missing from the reply."""
    read = source_layers(preset, drawing)
    columns = columns_of(preset, common, drawing, "multipolygons" in read)
    description = f"DESCRIPTION=OpenStreetMap {preset.category}, {OSM_LICENCE}, {OSM_ATTRIBUTION}"
    create_layer(scratch, layer, columns, layer_options, description)
    handle, config_path = tempfile.mkstemp(prefix="ot-osmconf-", suffix=".ini")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(osm_config(preset.columns))
    try:
        try:
            source = gdal.OpenEx(
                reply_path,
                gdal.OF_VECTOR,
                allowed_drivers=["OSM"],
                open_options=[f"CONFIG_FILE={config_path}", "USE_CUSTOM_INDEXING=NO"],
            )
        except RuntimeError as error:
            raise ReplyError(
                tr("GDAL cannot read the Overpass reply") + f" {reply_path}: {error}", reason="write"
            ) from None
        with driver_messages() as messages:
            translate(
                scratch,
                source,
                layer,
                feedback,
                options=["-nln", layer, "-where", preset.where],
                layers=list(read),
                accessMode="append",
                callback=gdal_progress(feedback, 0.0, READ_SHARE),
            )
        source = None
    finally:
        os.remove(config_path)
    check_cancel(feedback)  # GDAL may finish its read without asking the callback again
    spatial_index = any(o.upper() == "SPATIAL_INDEX=YES" for o in layer_options)
    counts = finish_layer(scratch, layer, drawing, read, spatial_index)
    counts["partial"] = sum(1 for text in messages if PARTIAL_WAY.search(text))
    return counts


def drawing_report(category: str, drawing: str, asked: dict | None, written: dict) -> list:
    """Warnings comparing the server's count of the targets (`asked`, None when the reply has none) with the
    layer's count per osm_type (`written`, see write_reply). ReplyError "geometry" when the server found
    lines or areas and none could be drawn."""
    warnings = []
    what = f"OpenStreetMap {category}: "
    if written.get("partial"):
        warnings.append(
            what + tr("lines drawn with some of their nodes missing from the reply") + f": {written['partial']}"
        )
    if not asked:
        return warnings
    drawn = written.get("way", 0) + written.get("relation", 0)
    lost = asked["way"] + asked["relation"] - drawn
    if drawing != POINTS and asked["node"]:
        warnings.append(
            what
            + tr("mapped as a point only, without a line or an area, and so not in this layer")
            + f": {asked['node']}. "
            + tr("Draw them as points to have every one.")
        )
    if lost > 0:
        found = asked["way"] + asked["relation"]
        text = (
            what
            + tr(
                "ways or relations the server found that could not be drawn (nodes missing from the reply, rings "
                "that do not close, or not drawn that way in OpenStreetMap); they are not in the layer"
            )
            + f": {lost} / {found}"
        )
        if not drawn and not written.get("node", 0):
            raise ReplyError(text, reason="geometry")
        warnings.append(text)
    return warnings
