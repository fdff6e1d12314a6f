"""OpenStreetMap resources of a category, or of a user's own tag conditions, through the Overpass API.

Spec keys (profiles and `load_territory`):
    {"source": "overpass", "category": <category with an OSM preset>, "server": optional, "timeout": optional,
     "geometry": optional, "tags": optional}
    plus, from the loader, `extent` [xmin, ymin, xmax, ymax] in EPSG:4326 (an Overpass bbox) or
    `area_wkt` (a polygon or multipolygon in EPSG:4326: one Overpass `poly:` filter per part, outer
    rings only, simplified to at most 500 vertices). One of the two is required.
    "category": a key of plugin/sources/overpass/presets.PRESETS (the `category` argument of `fetch` is
    used when the spec has none).
    "geometry": "points", "polygons" or "lines": how the features are drawn (presets.py), default the
    preset's own (car parks as polygons, the other areas as points); a preset that has only one keeps it.
    "tags": a user's own tag conditions instead of the preset (tags.py: "amenity=parking & fee=no", or a
    list of such texts); the layer is then written under "category", "other" when the spec has none.
    "server": the interpreter URL, default the `overpass_server` setting (https://overpass-api.de/api/interpreter).
    "timeout": seconds the server may spend on the query (`[timeout:N]`, default 180); the network
    request waits a little longer (N + 30 s) so the server's own timeout message arrives first.

The query (query.py) is POSTed (form field `data`) with `[out:xml]`, and the reply is read once by GDAL's
OSM driver with a configuration written from the preset (useful tags as columns, the rest in
`other_tags`), see translate.py. Layer, beside the common fields: osm_type (node, way, relation), osm_id,
the preset's tag columns (':' in a tag becomes '_'), other_tags; in EPSG:4326.
Common fields: source "openstreetmap" (stable, whatever the server: the council map and the planning
tools find OSM data through it), source_dataset the Overpass server URL, licence "ODbL"; the
attribution "© OpenStreetMap contributors" is in the GeoPackage layer description. The FetchResult
names the preset (category key), or the tag conditions, as `dataset` and the server as `url` (the
`sources` table's columns).

Writing: the GDAL read fills the layer writer's scratch GeoPackage, and the complete layer is put in
place in one step (toolbelt/layer_writer.py): running again replaces the layer, and a failure or a
cancellation leaves the output as it was. Lines and areas the server found but that could not be drawn
are reported (translate.drawing_report), never dropped in silence.

A layer loaded into QGIS gets `prepare_osm_layer` (style, licence, attribution and its spec in the
`open_territory/overpass_spec` property, which offers the "Refresh from OpenStreetMap" action).

Errors hidden in HTTP 200 replies, HTML error pages, cut replies: see reply.py (ReplyError or NetworkError,
with a `reason`: timeout, memory, rate_limited, busy, parse, runtime, incomplete, unexpected, geometry): a
partial reply is never written as a complete layer. A spec that cannot be asked raises InputError. A
`runtime remark` (not an error) becomes a warning.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from qgis.core import QgsFeedback

from ...definitions import CATEGORIES, OSM_ATTRIBUTION, OSM_LICENCE
from ...profiles.styles import apply_style
from ...toolbelt.errors import InputError, NetworkError, ReplyError
from ...toolbelt.i18n import tr
from ...toolbelt.layer_writer import OutputTarget, safe_name, utc_now_iso, write_layer
from ...toolbelt.logger import log
from ...toolbelt.network import redact
from ...toolbelt.settings import OVERPASS_SERVERS, load_settings
from ..base import AREA, EXTENT, FetchResult, Source, SourceDeclaration, restated
from .presets import GEOMETRIES, PRESETS
from .query import DEFAULT_TIMEOUT, MAX_POLY_VERTICES, build_query, poly_filters, turbo_url
from .reply import check_reply, estimated_bytes, http_failure, read_count
from .tags import conditions_text, custom_preset, parse_conditions
from .translate import drawing_report, write_reply

if TYPE_CHECKING:  # names used in annotations only
    from qgis.core import QgsVectorLayer

    from .presets import OsmPreset

__all__ = [
    "DEFAULT_TIMEOUT",
    "MAX_POLY_VERTICES",
    "OverpassQuery",
    "OverpassSource",
    "build_query",
    "estimated_bytes",
    "layer_name",
    "spec_dataset",
    "poly_filters",
    "prepare_osm_layer",
    "turbo_url",
]

DEFAULT_SERVER = OVERPASS_SERVERS[0]
NETWORK_MARGIN = 30  # seconds the request waits beyond the query timeout
SOURCE_NAME = "openstreetmap"
SPEC_PROPERTY = "open_territory/overpass_spec"  # layer property read by "Refresh from OpenStreetMap"
SPEC_KEYS = ("source", "category", "geometry", "tags", "server", "timeout", "extent", "area_wkt")


class OverpassQuery:
    """What a spec asks: the preset (a bundled one, or the user's tag conditions), how it is drawn, the
    server, the timeout and the query text."""

    def __init__(self, spec: dict, category: str | None = None, count_only: bool = False):
        self.preset = spec_preset(spec, category)
        self.category = self.preset.category
        wanted = spec.get("geometry") or None
        if wanted is not None and wanted not in GEOMETRIES:
            raise InputError(
                tr("OpenStreetMap: the geometry is points, polygons or lines") + f": {wanted} ({self.category})"
            )
        self.drawing = self.preset.drawing(wanted)
        self.dataset = spec_dataset(spec) if spec.get("tags") else self.category
        self.server = (spec.get("server") or load_settings().overpass_server or DEFAULT_SERVER).strip()
        try:
            self.timeout = int(spec.get("timeout") or DEFAULT_TIMEOUT)
        except (TypeError, ValueError):
            raise InputError(
                tr("Overpass: the timeout must be a number of seconds") + f": {spec.get('timeout')}"
            ) from None
        if self.timeout <= 0:
            raise InputError(tr("Overpass: the timeout must be a number of seconds") + f": {self.timeout}")
        self.text = build_query(self.preset, spec.get("extent"), spec.get("area_wkt"), self.timeout, count_only)


def spec_dataset(spec: dict) -> str:
    """What a spec loads, in words: its tag conditions ("amenity=parking & fee=no"), else its category."""
    if spec.get("tags"):
        try:
            return conditions_text(parse_conditions(spec["tags"]))
        except ValueError:
            return str(spec["tags"])
    return spec.get("category") or "other"


def layer_name(spec: dict) -> str:
    """The layer a spec is loaded into by default: osm_<category>, or osm_<its tag conditions>."""
    return safe_name("osm_" + spec_dataset(spec))


def spec_preset(spec: dict, category: str | None = None) -> OsmPreset:
    """The preset of a spec: its tag conditions when it has some (under its category, else "other"), else
    the bundled preset of its category. InputError naming what cannot be used."""
    category = spec.get("category") or category
    if spec.get("tags"):
        if category is not None and category not in CATEGORIES:
            raise InputError(tr("Unknown category") + f": {category}")
        try:
            return custom_preset(parse_conditions(spec["tags"]), category or "other")
        except ValueError as error:
            raise InputError(str(error)) from None
    if category not in PRESETS:
        raise InputError(tr("Overpass: no OpenStreetMap preset for this category") + f": {category}")
    return PRESETS[category]


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
    if style:
        apply_style(layer, spec.get("category") or "other")
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
            "geometry": {
                "enum": list(GEOMETRIES),
                "description": "how the features are drawn (default: the preset's own)",
            },
            "tags": {
                "anyOf": [{"type": "string", "minLength": 1}, {"type": "array", "items": {"type": "string"}}],
                "description": "own tag conditions instead of the preset: key=value, key=*, key!=value, "
                "key~expression, joined by &",
            },
            "server": {"$ref": "#/definitions/url"},
            "timeout": {"type": "integer", "minimum": 1, "maximum": 3600},
        },
        expectations=lambda: {"tags": tr("tag conditions such as amenity=parking, joined by &")},
        algorithms=(("osm_resources", "OsmResourcesAlgorithm"),),
        coverage=(EXTENT, AREA),
        category_field="category",
        prepare_layer=prepare_osm_layer,
    )

    def download(self, query: OverpassQuery) -> tuple:
        """The Overpass reply, checked, stored on disk: (response, warnings). The server may think for the
        query's whole timeout before its first byte, or pause as long in the middle of its reply."""
        server, timeout = query.server, query.timeout
        wait = timeout + NETWORK_MARGIN
        try:
            response = self.transport.post(server, data={"data": query.text}, timeout=wait, stall_timeout=wait)
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

    def count(self, spec: dict, category: str | None = None) -> dict:
        """The server's count of what `spec` would load, without loading it: {"node": n, "way": n,
        "relation": n} (an `out count;` query: the size of a download before it is made)."""
        query = OverpassQuery(spec, category, count_only=True)
        log(f"Overpass {public_server(query.server)}: count {query.dataset}")
        response, _warnings = self.download(query)
        counts = read_count(response.path)
        if counts is None:
            raise ReplyError(
                tr("Overpass: the reply has no count") + f" ({public_server(query.server)})", reason="unexpected"
            )
        return counts

    def fetch(
        self, spec: dict, target: OutputTarget, category: str = None, feedback: QgsFeedback | None = None
    ) -> FetchResult:
        query = OverpassQuery(spec, category)
        shown = public_server(query.server)  # a key in the server's URL is never written nor shown
        log(f"Overpass {shown}: {query.dataset} as {query.drawing}")
        response, warnings = self.download(query)
        for warning in warnings:
            log(f"Overpass {shown}: {warning}", "warning")
        fetched_at = utc_now_iso()
        common = {
            "category": query.category,
            "source": SOURCE_NAME,
            "source_dataset": shown,
            "licence": OSM_LICENCE,
            "fetched_at": fetched_at,
        }
        asked = read_count(response.path)
        reported = []

        def produce(scratch: str, layer: str, layer_options: list) -> None:
            written = write_reply(
                response.path, query.preset, query.drawing, scratch, layer, common, layer_options, feedback
            )
            # Before the layer is put in place: drawing nothing of what the server found is an error.
            reported.extend(drawing_report(query.category, query.drawing, asked, written))
            log(f"Overpass {shown}: {query.dataset}: asked {asked}, written {written}")

        count = write_layer(target, produce, feedback)
        for warning in reported:
            log(warning, "warning")
        # The dataset is the preset, as the profile entry names it; the server is where it came from.
        return FetchResult(
            layer_name=target.layer,
            feature_count=count,
            source=SOURCE_NAME,
            dataset=query.dataset,
            licence=OSM_LICENCE,
            url=shown,
            fetched_at=fetched_at,
            warnings=warnings + reported,
        )
