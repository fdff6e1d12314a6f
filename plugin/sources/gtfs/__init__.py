"""GTFS public transport networks and GTFS-RT live vehicle positions.

Spec keys (profiles and `load_territory`):
    {"source": "gtfs", "feed": "<URL>", "kind": "network" | "vehicles"}
    optional: "date" (service day, YYYY-MM-DD; default: the next weekday with service within the feed's
    validity), "licence" (the dataset's licence, as its catalog states it), "extent" ([xmin, ymin, xmax,
    ymax] in EPSG:4326, given by the territory load: stops inside it, routes crossing it).
`kind` defaults to "network". The feed is an http(s) URL in a profile; the algorithms and the dock also
take the path of a file on disk.

A network writes one layer per entry: its stops (category `transit_stop`) or, for an entry listed under
`transit_route`, its routes; a profile lists the feed under both. The network is computed once for both
(memo.py); `fetch_network` writes both layers of one network (gtfs_load, the dock). A vehicles entry writes
the feed's vehicles (category `public_vehicle`), which the dock can refresh live (refresh.py).

The engines live in plugin/formats/gtfs (the static feed, streamed) and plugin/formats/gtfs_rt.py (the
protobuf reader); this module downloads, names the feed in messages (URLs redacted) and writes the layers
with the common fields through the layer writer. Licence: the spec's `licence`, else a licence column of
feed_info.txt where the producer adds one, else not stated (empty).
"""

from __future__ import annotations

import datetime
import os
from typing import Callable
from urllib.parse import urlsplit

from qgis.core import QgsFeedback, QgsRuleBasedRenderer, QgsVectorLayer, QgsWkbTypes

from ...formats import gtfs_rt
from ...formats.gtfs import ROUTES_LAYER, STOPS_LAYER, NetworkResult, build_network
from ...formats.point_rows import bad_places_warnings, write_point_rows
from ...toolbelt.errors import Cancelled, InputError, OpenTerritoryError, ReplyError
from ...toolbelt.i18n import tr
from ...toolbelt.layer_writer import OutputTarget, atomic_output, layer_target, utc_now_iso, write_resource_layer
from ...toolbelt.logger import log
from ...toolbelt.metadata import STYLES_DIR
from ...toolbelt.network import redact
from ...toolbelt.tasks import steps_feedback
from ..base import EXTENT, FetchResult, Source, SourceDeclaration, restated
from .memo import MEMO

KINDS = ("network", "vehicles")
# Seconds a downloaded GTFS zip is reused without asking the server again: long enough for a territory's
# two entries of one network (its stops, then its routes) to read one download, and so one computed network.
NETWORK_MAX_AGE = 600
CATEGORY_OF_LAYER = {STOPS_LAYER: "transit_stop", ROUTES_LAYER: "transit_route"}
NAME_FIELD = {STOPS_LAYER: "stop_name", ROUTES_LAYER: "route_name"}
VEHICLES_CATEGORY = "public_vehicle"
NETWORK_LAYERS = ("transit_stops", "transit_routes")  # the layers of a network's own GeoPackage
NETWORK_CATEGORIES = dict(zip(NETWORK_LAYERS, CATEGORY_OF_LAYER.values()))  # their categories, for their styles


def is_url(feed: str) -> bool:
    return urlsplit(feed).scheme in ("http", "https")


def feed_label(feed: str) -> str:
    """How the feed is named in messages and in `source_dataset`: the redacted URL, or the file name."""
    return redact(feed) if is_url(feed) else os.path.basename(feed)


def vehicles_source(feed: str) -> str:
    """The `source` of a vehicles layer: GTFS-RT and the feed's server (a GTFS-RT message names no publisher)."""
    return f"GTFS-RT {urlsplit(feed).hostname}" if is_url(feed) else "GTFS-RT"


def check_spec(spec: dict) -> tuple:
    """(feed, kind, day or None) of a spec; InputError when a key is wrong."""
    feed = str(spec.get("feed") or "").strip()
    if not feed:
        raise InputError(tr("GTFS: the 'feed' key (URL or path of the feed) is missing"), source="gtfs")
    kind = str(spec.get("kind") or "network").strip().lower()
    if kind not in KINDS:
        raise InputError(tr("GTFS: 'kind' must be 'network' or 'vehicles'") + f": {kind}", source="gtfs")
    if not is_url(feed) and not os.path.isfile(feed):
        raise InputError(
            tr("GTFS: the feed is neither an http(s) URL nor an existing file") + f": {feed_label(feed)}", source="gtfs"
        )
    return feed, kind, service_day(spec.get("date"))


def service_day(value: object) -> datetime.date | None:
    """The spec's `date` as a date (None when not given); InputError when it is not written YYYY-MM-DD."""
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(tr("GTFS: 'date' must be a date written YYYY-MM-DD") + f": {value}", source="gtfs") from None


def layer_of(category: str | None) -> str:
    """Which layer of a network an entry of `category` writes: the routes under transit_route, else the stops."""
    return ROUTES_LAYER if category == CATEGORY_OF_LAYER[ROUTES_LAYER] else STOPS_LAYER


# -- styles ------------------------------------------------------------------------------------------


def style_path(category: str) -> str:
    return os.path.join(STYLES_DIR, f"{category}.qml")


def apply_stop_style(layer: QgsVectorLayer) -> bool:
    """The bundled stops style (classes of morning-peak headway, stops with fewer than two departures
    between 7 and 9 h in grey), its legend in the user's language."""
    _message, ok = layer.loadNamedStyle(style_path("transit_stop"))
    renderer = layer.renderer()
    if ok and isinstance(renderer, QgsRuleBasedRenderer):
        labels = (
            tr("Every 5 min or less (7-9 h)"),
            tr("Every 5 to 10 min"),
            tr("Every 10 to 15 min"),
            tr("Every 15 to 30 min"),
            tr("Every 30 to 60 min"),
            tr("Fewer than 2 departures between 7 and 9 h"),
        )
        for rule, label in zip(renderer.rootRule().children(), labels):
            rule.setLabel(label)
    return bool(ok)


def layer_category(layer: QgsVectorLayer, spec: dict) -> str:
    """The category of a layer this source wrote: its vehicles, else its stops (points) or routes (lines)."""
    if str(spec.get("kind") or "network").strip().lower() == "vehicles":
        return VEHICLES_CATEGORY
    return "transit_route" if layer.geometryType() == QgsWkbTypes.LineGeometry else "transit_stop"


def prepare_gtfs_layer(layer: QgsVectorLayer, spec: dict = None, style: bool = True) -> None:
    """Make a QGIS layer this source wrote complete: its category's bundled style (the stops' legend in the
    user's language), unless `style` is False (a layer whose style is saved with it)."""
    if not style:
        return
    category = layer_category(layer, spec or {})
    if category == "transit_stop":
        apply_stop_style(layer)
    else:
        layer.loadNamedStyle(style_path(category))


class GtfsSource(Source):
    DECLARATION = SourceDeclaration(
        key="gtfs",
        label=lambda: tr("GTFS public transport"),
        profile_fields={
            "feed": {
                "$ref": "#/definitions/url",
                "description": "URL of the GTFS zip, or of the GTFS-RT VehiclePositions feed",
            },
            "kind": {"enum": list(KINDS), "description": "network (default) or vehicles"},
            "date": {
                "type": "string",
                "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                "description": "service day YYYY-MM-DD (default: the next weekday with service)",
            },
            "licence": {"type": "string", "description": "the dataset's licence, as its catalog states it"},
        },
        required=("feed",),
        expectations=lambda: {
            "feed": tr("the URL of the GTFS zip, or of the GTFS-RT VehiclePositions feed"),
            "date": tr("a service day written YYYY-MM-DD, such as 2026-11-03"),
        },
        algorithms=(("gtfs_load", "GtfsLoadAlgorithm"), ("gtfs_vehicles", "GtfsVehiclesAlgorithm")),
        coverage=(EXTENT,),
        prepare_layer=prepare_gtfs_layer,
    )

    # -- network ------------------------------------------------------------------------------------

    def feed_path(self, feed: str, what: str, max_age: int = 0) -> str:
        """The path of the feed on disk: the file itself, or the downloaded reply (failures told naming the feed)."""
        if not is_url(feed):
            return feed
        try:
            return self.transport.get(feed, max_age=max_age).path
        except Cancelled:
            raise
        except OpenTerritoryError as error:
            raise restated(error, f"{what} {redact(feed)}: {error}") from None

    def network(self, spec: dict, feedback: QgsFeedback | None = None):
        """A context manager giving the feed's network on the spec's service day (computed, or the one kept
        from an earlier call with the same feed, day and extent), kept on disk while the block reads it."""
        feed, _kind, day = check_spec(spec)
        label = feed_label(feed)
        steps = steps_feedback(feedback, 2)  # the download, then the reading
        path = self.feed_path(feed, "GTFS", NETWORK_MAX_AGE)
        if steps is not None:
            steps.setCurrentStep(1)
        status = os.stat(path)
        extent = tuple(float(v) for v in spec["extent"]) if spec.get("extent") else None
        key = (os.path.abspath(path), label, status.st_size, status.st_mtime_ns, day, extent)
        error_kind = ReplyError if is_url(feed) else InputError

        def build(folder: str) -> NetworkResult:
            result = build_network(
                path,
                os.path.join(folder, "network.gpkg"),
                label,
                day=day,
                extent=extent,
                feedback=steps,
                error_kind=error_kind,
                work_dir=folder,
            )
            for warning in result.warnings:
                log(warning, "warning")
            log(
                f"GTFS {label}: {result.stop_count} stops, {result.route_count} route directions, "
                f"{result.trip_count} trips on {result.service_date.isoformat()}"
            )
            return result

        return MEMO.network(key, build)

    def write_network_layer(
        self,
        network: NetworkResult,
        which: str,
        spec: dict,
        target: OutputTarget,
        category: str | None = None,
        feedback: QgsFeedback | None = None,
    ) -> FetchResult:
        """Layer `which` (STOPS_LAYER or ROUTES_LAYER) of a computed network into `target`."""
        label = feed_label(str(spec.get("feed")).strip())
        licence = str(spec.get("licence") or network.licence or "")
        fetched_at = utc_now_iso()
        common = {
            "category": category or CATEGORY_OF_LAYER[which],
            "source": f"GTFS {network.label}".strip(),
            "source_dataset": label,
            "licence": licence,
            "fetched_at": fetched_at,
        }
        count = write_resource_layer(
            network.path, target, common, feedback, name_field=NAME_FIELD[which], src_layer=which
        )
        log(f"GTFS {label}: {count} {which} -> {target.layer} ({os.path.basename(target.path)})")
        warnings = [tr("Service day") + f": {network.service_date.isoformat()}", *network.warnings]
        return FetchResult(target.layer, count, common["source"], label, licence, label, fetched_at, warnings)

    def fetch_network(
        self,
        spec: dict,
        stops_target: OutputTarget,
        routes_target: OutputTarget,
        feedback: QgsFeedback | None = None,
    ) -> tuple:
        """Both layers of the network: (stops FetchResult, routes FetchResult, NetworkResult)."""
        steps = steps_feedback(feedback, 3)  # the network, its stops, its routes
        with self.network(spec, steps) as network:
            if steps is not None:
                steps.setCurrentStep(1)
            stops = self.write_network_layer(network, STOPS_LAYER, spec, stops_target, None, steps)
            if steps is not None:
                steps.setCurrentStep(2)
            routes = self.write_network_layer(network, ROUTES_LAYER, spec, routes_target, None, steps)
        return stops, routes, network

    def write_network_file(
        self, spec: dict, output: str, feedback: QgsFeedback | None = None, finish: Callable | None = None
    ) -> tuple:
        """Both layers of the network as the layers NETWORK_LAYERS of the GeoPackage `output`, replaced whole
        once both are written (`finish(scratch path)` runs before that, to add the styles): (stops
        FetchResult, routes FetchResult, NetworkResult). A failure or a cancellation leaves `output` as it was."""
        with atomic_output(output) as scratch:
            stops_target, routes_target = (layer_target(scratch, name) for name in NETWORK_LAYERS)
            stops, routes, network = self.fetch_network(spec, stops_target, routes_target, feedback)
            if finish is not None:
                finish(scratch)
        return stops, routes, network

    # -- vehicles -----------------------------------------------------------------------------------

    def vehicle_rows(self, spec: dict) -> tuple:
        """(rows [(lon, lat, values)], FeedHeader, number left out) of a GTFS-RT VehiclePositions feed."""
        feed, _kind, _day = check_spec(spec)
        with open(self.feed_path(feed, "GTFS-RT"), "rb") as handle:
            data = handle.read()
        header, vehicles = gtfs_rt.read_vehicle_positions(data, feed_label(feed))
        rows, bad = gtfs_rt.vehicle_rows(header, vehicles)
        return rows, header, bad

    def fetch_vehicles(
        self, spec: dict, target: OutputTarget, category: str = None, feedback: QgsFeedback | None = None
    ) -> FetchResult:
        fetched_at = utc_now_iso()
        rows, header, bad = self.vehicle_rows(spec)
        if feedback is not None and feedback.isCanceled():
            raise Cancelled()
        feed = str(spec["feed"]).strip()
        label = feed_label(feed)
        licence = str(spec.get("licence") or "")
        common = {
            "category": category or VEHICLES_CATEGORY,
            "source": vehicles_source(feed),
            "source_dataset": label,
            "licence": licence,
            "fetched_at": fetched_at,
        }
        count = write_point_rows(rows, gtfs_rt.VEHICLE_FIELDS, target, common, name_field="label", feedback=feedback)
        warnings = bad_places_warnings(bad, tr("vehicles"))
        if header.incrementality == 1:
            warnings.append(tr("The feed is DIFFERENTIAL: only the vehicles of this message are shown"))
        log(f"GTFS-RT {label}: {count} vehicles -> {target.layer}")
        return FetchResult(target.layer, count, common["source"], label, licence, label, fetched_at, warnings)

    # -- Source interface ---------------------------------------------------------------------------

    def fetch(
        self, spec: dict, target: OutputTarget, category: str = None, feedback: QgsFeedback | None = None
    ) -> FetchResult:
        _feed, kind, _day = check_spec(spec)
        if kind == "vehicles":
            return self.fetch_vehicles(spec, target, category, feedback)
        which = layer_of(category)
        steps = steps_feedback(feedback, 2)  # the network, then the layer
        with self.network(spec, steps) as network:
            if steps is not None:
                steps.setCurrentStep(1)
            return self.write_network_layer(network, which, spec, target, category, steps)
