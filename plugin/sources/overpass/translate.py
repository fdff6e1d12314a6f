"""The Overpass reply (OSM XML) as one layer of the layer writer's scratch GeoPackage, each feature read once.

How. One drawing reads one of the OSM driver's layers (points for point things, lines, multipolygons for
polygons): one gdal.VectorTranslate with an SQL select adding the common fields (OGR SQL; SQLite for the
multipolygons, whose ids come as osm_id for relations and osm_way_id for ways), straight into the scratch
layer, whose spatial index GDAL builds as it writes. Points for a preset whose targets are also ways and
relations need three of the driver's layers (nodes, lines, areas): one VectorTranslate reads them at once
(ogr2ogr reads an OSM file once for all its layers) into a temporary GeoPackage beside the scratch, and one
SQL select there (SQLite, in C: no feature goes through Python) writes them into the scratch layer, areas and
lines as a point on their surface (`ST_PointOnSurface`, inside the area). (The reply used to be read twice,
points then areas, and that second read was the gap to ogr2ogr, issue 18.1.)

Node order. Overpass prints nodes in quadtile order (`out body qt;`), and the OSM driver's default node index
needs increasing ids: it fails with "Non increasing node id", or builds lines and areas with vertices missing
or none at all (issue 14.1). When ways are read, the driver's USE_CUSTOM_INDEXING=NO open option indexes nodes
in any order; tests/benchmarks/bench_overpass.py measures its cost. A nodes-only reply needs no node index.

What was asked and what was drawn. The reply starts with the server's count of the targets (query.py); what
was written is compared with it (`drawing_report`): a way or relation the server found that could not be
drawn (nodes missing from the reply, rings that do not close, a relation that is no multipolygon) becomes a
warning giving the number, and nothing drawn at all while the server found some is an error. The driver's
own account (its debug messages, `driver_messages`) adds the lines drawn with nodes missing. Nodes left out of
a line or polygon layer are counted in a warning too.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from typing import TYPE_CHECKING

from osgeo import gdal

from ...definitions import OSM_ATTRIBUTION, OSM_LICENCE, category_label
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
# The OSM driver's layer a drawing reads, the geometry type written, and osm_type/osm_id of its rows.
READS = {
    POINTS: ("points", "POINT", "'node' AS osm_type, osm_id"),
    LINES: ("lines", "LINESTRING", "'way' AS osm_type, osm_id"),
    POLYGONS: (
        "multipolygons",
        "MULTIPOLYGON",
        "CASE WHEN osm_way_id IS NOT NULL THEN 'way' ELSE 'relation' END AS osm_type, "
        "COALESCE(osm_way_id, osm_id) AS osm_id",
    ),
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


def select_sql(preset: OsmPreset, common: dict, drawing: str, table: str, geometry: str, ids: str) -> str:
    """The select writing one of the driver's layers (`table`) with the common fields: `geometry` and `ids`
    are its geometry and its osm_type, osm_id expressions."""
    columns = [f"{geometry} AS geometry"] if geometry else []
    for key in ("category", "name", "source", "source_dataset", "licence", "fetched_at"):
        columns.append('"name" AS name' if key == "name" else f"{sql_literal(common.get(key))} AS {key}")
    columns.append(ids)
    tags = [column_name(tag) for tag in preset.columns if tag != "name"]
    columns += [f"{sql_identifier(tag)} AS {sql_identifier(tag)}" for tag in tags] + ["other_tags"]
    return f"SELECT {', '.join(columns)} FROM {table}"


def open_reply(reply_path: str, config_path: str, index_any_order: bool) -> gdal.Dataset:
    """The reply opened by the OSM driver with the preset's configuration; nodes indexed in any order when
    ways are read (see the module's docstring)."""
    options = [f"CONFIG_FILE={config_path}"] + (["USE_CUSTOM_INDEXING=NO"] if index_any_order else [])
    try:
        return gdal.OpenEx(reply_path, gdal.OF_VECTOR, allowed_drivers=["OSM"], open_options=options)
    except RuntimeError as error:
        raise ReplyError(
            tr("GDAL cannot read the Overpass reply") + f" {reply_path}: {error}", reason="write"
        ) from None


def write_one_layer(
    source: gdal.Dataset,
    preset: OsmPreset,
    common: dict,
    drawing: str,
    scratch: str,
    layer: str,
    options: list,
    feedback: QgsFeedback | None,
) -> None:
    """One of the driver's layers straight into the scratch layer (see the module's docstring)."""
    table, geometry_type, ids = READS[drawing]
    translate(
        scratch,
        source,
        layer,
        feedback,
        options=["-nln", layer, "-nlt", geometry_type] + options,
        format="GPKG",
        # OGR SQL keeps the geometry without naming it; the SQLite dialect takes it when named
        SQLStatement=select_sql(preset, common, drawing, table, "geometry" if drawing == POLYGONS else "", ids)
        + f" WHERE {preset.where}",
        SQLDialect="SQLite" if drawing == POLYGONS else "OGRSQL",
        callback=gdal_progress(feedback, 0.0, READ_SHARE),
    )


@with_gdal_exceptions
def write_points_of_everything(
    source: gdal.Dataset,
    preset: OsmPreset,
    common: dict,
    scratch: str,
    layer: str,
    options: list,
    feedback: QgsFeedback | None,
) -> dict:
    """Nodes, lines and areas read once into a temporary GeoPackage beside the scratch, then written into the
    scratch layer as points; returns the number of rows read from each of the driver's layers."""
    raw = scratch[: -len(".gpkg")] + "-read.gpkg"
    try:
        translate(
            raw,
            source,
            layer,
            feedback,
            options=["-where", preset.where, "-lco", "SPATIAL_INDEX=NO", "-gt", "unlimited"],
            format="GPKG",
            layers=["points", "lines", "multipolygons"],
            callback=gdal_progress(feedback, 0.0, READ_SHARE * 0.8),
        )
        check_cancel(feedback)
        dataset = gdal.OpenEx(raw, gdal.OF_VECTOR)
        read = {name: dataset.GetLayerByName(name).GetFeatureCount() for name in ("points", "lines", "multipolygons")}
        inside = "AsGPB(ST_PointOnSurface(geom))"  # a GeoPackage geometry, as the nodes' own
        union = " UNION ALL ".join(
            (
                select_sql(preset, common, POINTS, "points", "geom", READS[POINTS][2]),
                select_sql(preset, common, POINTS, "lines", inside, READS[LINES][2]),
                select_sql(preset, common, POINTS, "multipolygons", inside, READS[POLYGONS][2]),
            )
        )
        translate(
            scratch,
            dataset,
            layer,
            feedback,
            options=["-nln", layer, "-nlt", "POINT"] + options,
            format="GPKG",
            SQLStatement=union,
            callback=gdal_progress(feedback, READ_SHARE * 0.8, READ_SHARE),
        )
        dataset = None
        return read
    finally:
        for leftover in (raw, raw + "-journal", raw + "-wal", raw + "-shm"):
            if os.path.exists(leftover):
                os.remove(leftover)


@with_gdal_exceptions
def layer_count(path: str, layer: str) -> int:
    dataset = gdal.OpenEx(path, gdal.OF_VECTOR)
    count = dataset.GetLayerByName(layer).GetFeatureCount()
    dataset = None
    return count


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
    `drawing` (POINTS, LINES or POLYGONS), the attribution in the layer's description. Returns what was
    written: {"nodes": n, "others": ways and relations, "partial": lines drawn with nodes missing}."""
    description = f"DESCRIPTION=OpenStreetMap {preset.category}, {OSM_LICENCE}, {OSM_ATTRIBUTION}"
    # geom, the GeoPackage's usual name, whatever the select names the geometry
    creation = (*layer_options, "GEOMETRY_NAME=geom", description)
    options = [value for option in creation for value in ("-lco", option)]
    everything = drawing == POINTS and preset.elements != ("node",)
    handle, config_path = tempfile.mkstemp(prefix="ot-osmconf-", suffix=".ini")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(osm_config(preset.columns))
    try:
        source = open_reply(reply_path, config_path, index_any_order=preset.elements != ("node",))
        with driver_messages() as messages:
            if everything:
                read = write_points_of_everything(source, preset, common, scratch, layer, options, feedback)
            else:
                write_one_layer(source, preset, common, drawing, scratch, layer, options, feedback)
        source = None
    finally:
        os.remove(config_path)
    check_cancel(feedback)  # GDAL may finish its read without asking the callback again
    if everything:
        written = {"nodes": read["points"], "others": read["lines"] + read["multipolygons"]}
    else:
        count = layer_count(scratch, layer)
        written = {"nodes": count, "others": 0} if drawing == POINTS else {"nodes": 0, "others": count}
    written["partial"] = sum(1 for text in messages if PARTIAL_WAY.search(text))
    return written


def drawing_report(category: str, drawing: str, asked: dict | None, written: dict) -> list:
    """Warnings comparing the server's count of the targets (`asked`, None when the reply has none) with the
    layer's count per osm_type (`written`, see write_reply). ReplyError "geometry" when the server found
    lines or areas and none could be drawn."""
    warnings = []
    what = f"OpenStreetMap {category_label(category)}: "
    if written.get("partial"):
        warnings.append(
            what + tr("lines drawn with some of their nodes missing from the reply") + f": {written['partial']}"
        )
    if not asked:
        return warnings
    drawn = written.get("others", 0)
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
        if not drawn and not written.get("nodes", 0):
            raise ReplyError(text, reason="geometry")
        warnings.append(text)
    return warnings
