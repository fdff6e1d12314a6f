"""OpenStreetMap resources of a category through the Overpass API.

Spec keys (profiles and `load_territory`):
    {"source": "overpass", "category": <category with an OSM preset>, "server": optional, "timeout": optional}
    plus, from the loader, `extent` [xmin, ymin, xmax, ymax] in EPSG:4326 (an Overpass bbox) or
    `area_wkt` (a polygon or multipolygon in EPSG:4326: one Overpass `poly:` filter per part, outer
    rings only, simplified to at most 500 vertices). One of the two is required.
    "category": a key of plugin/sources/overpass/presets.PRESETS (the `category` argument of `fetch` is
    used when the spec has none).
    "server": the interpreter URL, default the `overpass_server` setting (https://overpass-api.de/api/interpreter).
    "timeout": seconds the server may spend on the query (`[timeout:N]`, default 180); the network
    request waits a little longer (N + 30 s) so the server's own timeout message arrives first.

The query is POSTed (form field `data`) with `[out:xml]`, and the reply is read by GDAL's OSM driver
with a configuration written from the preset (useful tags as columns, the rest in `other_tags`).
Layer, beside the common fields: osm_type (node, way, relation), osm_id, the preset's tag columns
(':' in a tag becomes '_'), other_tags. Geometry per category: see presets.py (points, lines, or
points for nodes and areas alike, car parks included, in EPSG:4326).
Common fields: source "openstreetmap" (stable, whatever the server: the council map and the planning
tools find OSM data through it), source_dataset the Overpass server URL, licence "ODbL"; the
attribution "© OpenStreetMap contributors" is in the GeoPackage layer description. The FetchResult
names the preset (category key) as `dataset` and the server as `url` (the `sources` table's columns).

Writing: the GDAL passes fill the layer writer's scratch GeoPackage, and the complete layer is put in
place in one step (toolbelt/layer_writer.py): running again replaces the layer, and a failure or a
cancellation leaves the output as it was.

A layer loaded into QGIS gets `prepare_osm_layer` (style, licence, attribution and its spec in the
`open_territory/overpass_spec` property, which offers the "Refresh from OpenStreetMap" action).

Errors hidden in HTTP 200 replies (`<remark> runtime error`, JSON `remark`), HTML error pages (400
parse error, 429 rate limited, 504 busy) raise ReplyError, replies cut before `</osm>` NetworkError,
with a `reason` (timeout, memory, rate_limited, busy, parse, runtime, incomplete, unexpected): a
partial reply is never written as a complete layer. A spec that cannot be asked raises InputError.
A `runtime remark` (not an error) becomes a warning.
"""

from __future__ import annotations

import html
import json
import os
import re
import tempfile
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from osgeo import gdal, ogr
from qgis.core import QgsFeedback

from ...definitions import CATEGORIES, OSM_ATTRIBUTION, OSM_LICENCE
from ...toolbelt.errors import InputError, NetworkError, ReplyError
from ...toolbelt.gdal_errors import with_gdal_exceptions
from ...toolbelt.i18n import tr
from ...toolbelt.layer_writer import (
    OutputTarget,
    check_cancel,
    gdal_progress,
    sql_identifier,
    sql_literal,
    translate,
    utc_now_iso,
    write_layer,
)
from ...toolbelt.logger import log
from ...toolbelt.network import redact
from ...toolbelt.settings import OVERPASS_SERVERS, load_settings
from ..base import AREA, EXTENT, FetchResult, Source, SourceDeclaration, restated
from .presets import LINE, POINT_AREA, PRESETS, column_name

if TYPE_CHECKING:  # names used in annotations only
    from qgis.core import QgsVectorLayer

    from .presets import OsmPreset

DEFAULT_SERVER = OVERPASS_SERVERS[0]
DEFAULT_TIMEOUT = 180  # seconds, Overpass's own default
NETWORK_MARGIN = 30  # seconds the request waits beyond the query timeout
SOURCE_NAME = "openstreetmap"
MAX_POLY_VERTICES = 500
PROBE_BYTES = 8192  # head and tail of the reply read to detect hidden errors (never the whole file)
WRITE_SHARE = 95.0  # progress of the GDAL passes; putting the layer in place takes the rest
SPEC_PROPERTY = "open_territory/overpass_spec"  # layer property read by "Refresh from OpenStreetMap"
SPEC_KEYS = ("source", "category", "server", "timeout", "extent", "area_wkt")


# -- query --------------------------------------------------------------------------------------


def bbox_filter(extent: list | None) -> str:
    try:
        xmin, ymin, xmax, ymax = (float(v) for v in extent)
    except (TypeError, ValueError):
        raise InputError(
            tr("Overpass: the extent must be xmin, ymin, xmax, ymax in degrees (EPSG:4326)") + f": {extent}",
        ) from None
    if not (-180 <= xmin < xmax <= 180 and -90 <= ymin < ymax <= 90):
        raise InputError(
            tr("Overpass: the extent must be xmin, ymin, xmax, ymax in degrees (EPSG:4326)") + f": {extent}",
        )
    return f"({ymin:.7f},{xmin:.7f},{ymax:.7f},{xmax:.7f})"


def _ring_filter(ring) -> str:
    points = ring.GetPoints() or []
    if len(points) > 1 and points[0][:2] == points[-1][:2]:
        points = points[:-1]
    return '(poly:"' + " ".join(f"{p[1]:.7f} {p[0]:.7f}" for p in points) + '")'


@with_gdal_exceptions
def poly_filters(area_wkt: str) -> list:
    """One `(poly:"lat lon ...")` filter per polygon part (outer rings), simplified when large."""
    try:
        geometry = ogr.CreateGeometryFromWkt(area_wkt)
    except RuntimeError:
        geometry = None
    if geometry is None or geometry.IsEmpty():
        raise InputError(tr("Overpass: the area is not a valid polygon (WKT in EPSG:4326)"))
    geometry = ogr.ForceToMultiPolygon(geometry)
    if ogr.GT_Flatten(geometry.GetGeometryType()) != ogr.wkbMultiPolygon:
        raise InputError(tr("Overpass: the area is not a valid polygon (WKT in EPSG:4326)"))
    filters = []
    for index in range(geometry.GetGeometryCount()):
        polygon = geometry.GetGeometryRef(index).Clone()
        ring = polygon.GetGeometryRef(0)
        if ring is None or ring.GetPointCount() < 4:
            continue
        tolerance = 0.00001
        while ring.GetPointCount() > MAX_POLY_VERTICES and tolerance < 1:
            # A long poly filter slows the server down more than a slightly rounder border.
            simpler = polygon.SimplifyPreserveTopology(tolerance)
            if simpler is not None and not simpler.IsEmpty() and simpler.GetGeometryRef(0).GetPointCount() >= 4:
                polygon = simpler
                ring = polygon.GetGeometryRef(0)
            tolerance *= 2
        filters.append(_ring_filter(ring))
    if not filters:
        raise InputError(tr("Overpass: the area is not a valid polygon (WKT in EPSG:4326)"))
    return filters


def build_query(category: str, extent: list | None = None, area_wkt: str = None, timeout: int = DEFAULT_TIMEOUT) -> str:
    if category not in PRESETS:
        raise InputError(tr("Overpass: no OpenStreetMap preset for this category") + f": {category}")
    preset = PRESETS[category]
    if area_wkt:
        places = poly_filters(area_wkt)
    elif extent:
        places = [bbox_filter(extent)]
    else:
        raise InputError(tr("Overpass: an extent or an area is needed"))
    statements = [
        f"  {element}{tags}{place};" for place in places for element in preset.elements for tags in preset.filters
    ]
    lines = [f"[out:xml][timeout:{int(timeout)}];", "(", *statements, ");"]
    if preset.elements != ("node",):
        lines.append("(._;>;);")  # the nodes of the ways, the members of the relations: GDAL builds geometries
    lines.append("out body qt;")
    return "\n".join(lines)


# -- reply checks -------------------------------------------------------------------------------


def classify(message: str, timeout: int | None = None) -> ReplyError:
    """The user-facing error for an Overpass error text (remark or HTML error page); its reason is one of
    rate_limited, busy, timeout, memory, parse, runtime."""
    text = " ".join(html.unescape(message).split())
    lowered = text.lower()
    if "rate_limited" in lowered or "too many requests" in lowered:
        what = tr(
            "Overpass: the server limits the requests from this address "
            "(rate limited). Wait a minute or choose another server."
        )
        return ReplyError(what + f" [{text}]", reason="rate_limited")
    if "request_read_and_idx::timeout" in lowered or "too busy" in lowered:
        what = tr("Overpass: the server is too busy to take the query. Try again later or choose another server.")
        return ReplyError(what + f" [{text}]", reason="busy")
    if "timed out" in lowered or "timeout" in lowered:
        what = tr("Overpass: the query timed out on the server. Choose a smaller area or a longer timeout.")
        return ReplyError(what + (f" ({timeout} s)" if timeout else "") + f" [{text}]", reason="timeout")
    if "out of memory" in lowered:
        what = tr("Overpass: the query ran out of memory on the server. Choose a smaller area.")
        return ReplyError(what + f" [{text}]", reason="memory")
    if "parse error" in lowered or "static error" in lowered:
        return ReplyError(tr("Overpass: the server rejected the query") + f" [{text}]", reason="parse")
    return ReplyError(tr("Overpass: the server reported an error") + f" [{text}]", reason="runtime")


def _html_error(body: bytes) -> str:
    found = re.findall(rb"Error</strong>:\s*(.*?)</p>", body, re.S)
    if found:
        return " ".join(f.decode("utf-8", "replace") for f in found)
    text = re.sub(rb"<[^>]+>", b" ", body[:2000]).decode("utf-8", "replace")
    return " ".join(text.split())[:300]


def _probe(path: str):
    size = os.path.getsize(path)
    with open(path, "rb") as handle:
        head = handle.read(PROBE_BYTES)
        if size > 2 * PROBE_BYTES:
            handle.seek(size - PROBE_BYTES)
            tail = handle.read()
        else:
            tail = head if size <= PROBE_BYTES else head + handle.read()
    return head, tail


def check_reply(path: str, timeout: int | None = None) -> list:
    """Raise ReplyError (NetworkError "incomplete" for a cut reply) when the stored reply is an error or
    incomplete; return warnings otherwise. Only the head and the tail of the file are read: remarks come
    before or after the elements."""
    head, tail = _probe(path)
    start = head.lstrip()[:200].lower()
    if start.startswith(b"{"):
        remark = re.search(rb'"remark"\s*:\s*"((?:[^"\\]|\\.)*)"', tail) or re.search(
            rb'"remark"\s*:\s*"((?:[^"\\]|\\.)*)"', head
        )
        if remark and b"error" in remark.group(1).lower():
            raise classify(remark.group(1).decode("utf-8", "replace").replace('\\"', '"'), timeout)
        raise ReplyError(tr("Overpass: the server answered in JSON where OSM XML was asked"), reason="unexpected")
    if b"<html" in start or b"<!doctype html" in start or (b"<html" in head[:1000].lower()):
        raise classify(_html_error(head + (tail if tail is not head else b"")), timeout)
    warnings = []
    for part in (head, tail) if tail is not head else (head,):
        for remark in re.findall(rb"<remark>(.*?)</remark>", part, re.S):
            text = remark.decode("utf-8", "replace").strip()
            if "error" in text.lower():
                # A runtime error after some elements means the reply stops early: never a layer.
                raise classify(text, timeout)
            if text not in warnings:
                warnings.append(text)
    if b"<osm" not in head:
        raise ReplyError(tr("Overpass: the reply is not OSM XML"), reason="unexpected")
    if not tail.rstrip().endswith(b"</osm>"):
        raise NetworkError(
            tr("Overpass: the reply was cut before its end; nothing was written. Try again, or choose a smaller area."),
            reason="incomplete",
        )
    return warnings


def http_failure(error: ReplyError, timeout: int | None = None) -> ReplyError:
    """The user-facing error for an HTTP error status of the transport (an HTML page as body)."""
    body = getattr(error, "body", b"") or b""
    detail = _html_error(body) if body.strip() else ""
    if error.status == 429:
        return classify(detail or "rate_limited", timeout)
    if error.status in (502, 503, 504):
        found = classify(detail, timeout) if detail else None
        if found is not None and found.reason in ("busy", "timeout", "rate_limited"):
            return found
        what = tr("Overpass: the server is too busy to take the query. Try again later or choose another server.")
        return ReplyError(what + f" [HTTP {error.status}]", reason="busy", status=error.status)
    if error.status == 400:
        what = tr("Overpass: the server rejected the query")
        return ReplyError(what + f" [{detail or 'HTTP 400'}]", reason="parse", status=400)
    what = tr("Overpass: the server answered with an error") + f" HTTP {error.status}"
    return ReplyError(what + (f" [{detail}]" if detail else ""), reason="runtime", status=error.status)


# -- GDAL ---------------------------------------------------------------------------------------


def osm_config(columns: list) -> str:
    """An OSM driver configuration with the preset's tags as columns on every layer."""
    attributes = ",".join(columns)
    ignore = "created_by,converted_by,source,time,ele,note,todo,fixme,FIXME"
    text = [
        "closed_ways_are_polygons=aeroway,amenity,boundary,building,craft,geological,historic,landuse,"
        "leisure,military,natural,office,place,shop,sport,tourism,highway=platform,public_transport=platform",
        "attribute_name_laundering=no",
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


def _columns_sql(preset, common: dict, osm_type_sql: str, osm_id_sql: str) -> str:
    columns = []
    for key in ("category", "name", "source", "source_dataset", "licence", "fetched_at"):
        if key == "name":
            columns.append('"name" AS name')
        else:
            columns.append(f"{sql_literal(common[key])} AS {key}")
    columns += [f"{osm_type_sql} AS osm_type", f"{osm_id_sql} AS osm_id"]
    columns += [
        f"{sql_identifier(tag)} AS {sql_identifier(column_name(tag))}" for tag in preset.columns if tag != "name"
    ]
    columns.append("other_tags")
    return ", ".join(columns)


def _description(preset) -> str:
    return f"DESCRIPTION=OpenStreetMap {preset.category}, {OSM_LICENCE}, {OSM_ATTRIBUTION}"


def _passes(preset, common: dict) -> list:
    """(SQL, dialect, geometry type) of the GDAL passes of a category: points or lines, then the areas of a
    point_area category drawn as a point inside them."""
    if preset.geometry == LINE:
        sql = f"SELECT {_columns_sql(preset, common, sql_literal('way'), 'osm_id')} FROM lines WHERE {preset.where}"
        return [(sql, "OGRSQL", "LINESTRING")]
    sql = f"SELECT {_columns_sql(preset, common, sql_literal('node'), 'osm_id')} FROM points WHERE {preset.where}"
    passes = [(sql, "OGRSQL", "POINT")]
    if preset.geometry == POINT_AREA:
        osm_type = "CASE WHEN osm_way_id IS NOT NULL THEN 'way' ELSE 'relation' END"
        sql = (
            f"SELECT ST_PointOnSurface(geometry) AS geometry, "
            f"{_columns_sql(preset, common, osm_type, 'COALESCE(osm_way_id, osm_id)')} "
            f"FROM multipolygons WHERE {preset.where}"
        )
        passes.append((sql, "SQLite", "POINT"))
    return passes


@with_gdal_exceptions
def translate_reply(
    reply_path: str,
    preset: OsmPreset,
    scratch: str,
    layer: str,
    common: dict,
    layer_options: list,
    feedback: QgsFeedback | None = None,
) -> None:
    """The producer of this source: the OSM XML reply as `layer` of the new GeoPackage `scratch`, in one or
    two GDAL passes, the attribution in the layer's description."""
    handle, config_path = tempfile.mkstemp(prefix="ot-osmconf-", suffix=".ini")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(osm_config(preset.columns))
    try:
        try:
            source = gdal.OpenEx(
                reply_path, gdal.OF_VECTOR, allowed_drivers=["OSM"], open_options=[f"CONFIG_FILE={config_path}"]
            )
        except RuntimeError as error:
            raise ReplyError(
                tr("GDAL cannot read the Overpass reply") + f" {reply_path}: {error}", reason="write"
            ) from None
        passes = _passes(preset, common)
        share = WRITE_SHARE / len(passes)
        for index, (sql, dialect, geometry_type) in enumerate(passes):
            options = ["-nln", layer, "-nlt", geometry_type]
            if index == 0:
                for option in (*layer_options, _description(preset)):
                    options += ["-lco", option]
            translate(
                scratch,
                source,
                layer,
                feedback,
                options=options,
                format="GPKG",
                SQLStatement=sql,
                SQLDialect=dialect,
                accessMode="append" if index else None,
                callback=gdal_progress(feedback, index * share, (index + 1) * share),
            )
            check_cancel(feedback)  # GDAL may finish a pass without asking the callback again
            source.ResetReading()
        source = None
    finally:
        os.remove(config_path)


def write_osm_layer(
    reply_path: str, preset: OsmPreset, target: OutputTarget, common: dict, feedback: QgsFeedback | None = None
) -> int:
    """The OSM XML reply written into `target` through the layer writer (a failure or a cancellation leaves
    the target as it was); returns the number of features."""
    return write_layer(
        target,
        lambda scratch, layer, options: translate_reply(reply_path, preset, scratch, layer, common, options, feedback),
        feedback,
    )


# -- source -------------------------------------------------------------------------------------


# -- layers in QGIS ---------------------------------------------------------------------------------


def public_server(server: str) -> str:
    """The server URL without user name, password or secret-looking query values."""
    parts = urlsplit(redact(server or ""))
    if "@" in parts.netloc:
        parts = parts._replace(netloc=parts.netloc.rsplit("@", 1)[1])
    return urlunsplit(parts)


def public_spec(spec: dict) -> dict:
    """The keys of a spec that rerun its query, with no secret (a layer property is saved in the project)."""
    kept = {key: spec[key] for key in SPEC_KEYS if spec.get(key) not in (None, "")}
    kept["source"] = "overpass"
    if "server" in kept:
        kept["server"] = public_server(str(kept["server"]))
    return kept


def prepare_osm_layer(layer: QgsVectorLayer, spec: dict, style: bool = True) -> None:
    """Make a QGIS layer of OSM resources complete: the category's bundled style (unless `style` is False,
    for a layer that has its own), the ODbL licence and the attribution in its metadata, and its spec (see
    `public_spec`) in the SPEC_PROPERTY property, which offers "Refresh from OpenStreetMap". Call it for
    every layer written by this source: the dock, Processing's osm_resources and load_territory."""
    from .presets import style_path

    path = style_path(spec["category"]) if style else None
    if path:
        layer.loadNamedStyle(path)
    metadata = layer.metadata()
    metadata.setRights([f"{OSM_ATTRIBUTION}, {OSM_LICENCE}"])
    metadata.setLicenses([OSM_LICENCE])
    layer.setMetadata(metadata)
    layer.setAttribution(OSM_ATTRIBUTION)
    layer.setCustomProperty("open_territory/attribution", OSM_ATTRIBUTION)
    layer.setCustomProperty(SPEC_PROPERTY, json.dumps(public_spec(spec)))


class OverpassSource(Source):
    DECLARATION = SourceDeclaration(
        key="overpass",
        label=lambda: "OpenStreetMap",
        profile_fields={
            "category": {
                "enum": list(CATEGORIES),
                "description": "OSM preset (default: the category the entry is listed under)",
            },
            "server": {"$ref": "#/definitions/url"},
            "timeout": {"type": "integer", "minimum": 1, "maximum": 3600},
        },
        algorithms=(("osm_resources", "OsmResourcesAlgorithm"),),
        coverage=(EXTENT, AREA),
        category_field="category",
        prepare_layer=prepare_osm_layer,
    )

    def query_for(self, spec: dict, category: str = None) -> tuple:
        """(category, server, timeout, query) of a spec."""
        category = spec.get("category") or category
        server = (spec.get("server") or load_settings().overpass_server or DEFAULT_SERVER).strip()
        try:
            timeout = int(spec.get("timeout") or DEFAULT_TIMEOUT)
        except (TypeError, ValueError):
            raise InputError(
                tr("Overpass: the timeout must be a number of seconds") + f": {spec.get('timeout')}"
            ) from None
        if timeout <= 0:
            raise InputError(tr("Overpass: the timeout must be a number of seconds") + f": {timeout}")
        query = build_query(category, spec.get("extent"), spec.get("area_wkt"), timeout)
        return category, server, timeout, query

    def download(self, server: str, query: str, timeout: int) -> tuple:
        """The Overpass reply, checked, stored on disk: (response, warnings). The server may think for the
        query's whole timeout before its first byte, or pause as long in the middle of its reply."""
        wait = timeout + NETWORK_MARGIN
        try:
            response = self.transport.post(server, data={"data": query}, timeout=wait, stall_timeout=wait)
        except ReplyError as error:
            if error.reason != "http":
                raise restated(
                    error, f"Overpass ({public_server(server)}): {getattr(error, 'detail', error)}"
                ) from None
            raise http_failure(error, timeout) from None
        except NetworkError as error:
            if error.reason == "stall" and getattr(error, "phase", "") == "answer":
                # No first byte within the query's own timeout (and the margin): the query is too heavy.
                what = tr("Overpass: the server did not answer in time. Choose a smaller area or a longer timeout.")
                raise NetworkError(what + f" ({timeout} s, {public_server(server)})", reason="timeout") from None
            if error.reason == "incomplete":
                what = tr(
                    "Overpass: the reply was cut before its end; nothing was "
                    "written. Try again, or choose a smaller area."
                )
                raise NetworkError(what + f" ({public_server(server)})", reason="incomplete") from None
            raise restated(error, f"Overpass ({public_server(server)}): {getattr(error, 'detail', error)}") from None
        return response, check_reply(response.path, timeout)

    def fetch(
        self, spec: dict, target: OutputTarget, category: str = None, feedback: QgsFeedback | None = None
    ) -> FetchResult:
        category, server, timeout, query = self.query_for(spec, category)
        shown = public_server(server)  # a key in the server's URL is never written nor shown
        log(f"Overpass {shown}: {category}")
        response, warnings = self.download(server, query, timeout)
        for warning in warnings:
            log(f"Overpass {shown}: {warning}", "warning")
        fetched_at = utc_now_iso()
        common = {
            "category": category,
            "source": SOURCE_NAME,
            "source_dataset": shown,
            "licence": OSM_LICENCE,
            "fetched_at": fetched_at,
        }
        count = write_osm_layer(response.path, PRESETS[category], target, common, feedback)
        # The dataset is the preset, as the profile entry names it; the server is where it came from.
        return FetchResult(
            layer_name=target.layer,
            feature_count=count,
            source=SOURCE_NAME,
            dataset=category,
            licence=OSM_LICENCE,
            url=shown,
            fetched_at=fetched_at,
            warnings=warnings,
        )
