"""GTFS public transport networks and GTFS-RT live vehicle positions.

Spec keys (profiles and `load_territory`):
    {"source": "gtfs", "feed": "<URL or path>", "kind": "network" | "vehicles"}
    optional: "date" (service day, YYYY-MM-DD; default: the next weekday with service within the feed's
    validity), "licence" (the dataset's licence, as a catalog states it), "extent" ([xmin, ymin, xmax,
    ymax] in EPSG:4326: stops inside it, routes crossing it).
`kind` defaults to "network". A network entry writes its stops (category `transit_stop`) or, when it is
listed under `transit_route`, its routes; `fetch_network` writes both (the gtfs_load algorithm). The
last network computed is kept for the process, so the stops and the routes of one feed in one
territory are computed once. A vehicles entry writes the feed's vehicles (category `public_vehicle`).

The engines live in plugin/formats/gtfs (the static feed, streamed) and plugin/formats/gtfs_rt.py
(the protobuf reader); this module downloads, names the feed in messages (URLs redacted) and writes
the layers with the common fields. Licence: the spec's `licence`, else a licence column of
feed_info.txt where the producer adds one, else not stated (empty).
"""

from __future__ import annotations

import atexit
import datetime
import os
import shutil
import tempfile
import threading
from urllib.parse import urlsplit

from ..formats import gtfs_rt
from ..formats.gtfs import ROUTES_LAYER, STOPS_LAYER, NetworkResult, build_network
from ..toolbelt import network as transport_errors
from ..toolbelt.errors import Cancelled, InputError, NetworkError, ReplyError
from ..toolbelt.i18n import tr
from ..toolbelt.layer_writer import utc_now_iso, write_resource_layer
from ..toolbelt.logger import log
from ..toolbelt.network import redact
from .base import FetchResult, Source
from .point_rows import bad_places_warnings, format_for_path, write_point_rows

KINDS = ("network", "vehicles")
NETWORK_MAX_AGE = 3600  # seconds a downloaded GTFS zip is reused without asking again (stops, then routes)
CATEGORY_OF_LAYER = {STOPS_LAYER: "transit_stop", ROUTES_LAYER: "transit_route"}
NAME_FIELD = {STOPS_LAYER: "stop_name", ROUTES_LAYER: "route_name"}


def is_url(feed: str) -> bool:
    return urlsplit(feed).scheme in ("http", "https")


def feed_label(feed: str) -> str:
    """How the feed is named in messages and in `source_dataset`: the redacted URL, or the file name."""
    return redact(feed) if is_url(feed) else os.path.basename(feed)


def check_spec(spec: dict) -> tuple:
    """(feed, kind, day or None) of a spec; InputError when a key is wrong."""
    feed = str(spec.get("feed") or "").strip()
    if not feed:
        raise InputError(tr("GTFS: the 'feed' key (URL or path of the feed) is missing"), source="gtfs")
    kind = str(spec.get("kind") or "network").strip().lower()
    if kind not in KINDS:
        raise InputError(tr("GTFS: 'kind' must be 'network' or 'vehicles'") + f": {kind}", source="gtfs")
    if not is_url(feed) and not os.path.isfile(feed):
        raise InputError(tr("GTFS: the feed is neither an http(s) URL nor an existing file") + f": {feed}")
    day = spec.get("date")
    if isinstance(day, str) and day.strip():
        try:
            day = datetime.date.fromisoformat(day.strip())
        except ValueError:
            raise InputError(tr("GTFS: 'date' must be a date written YYYY-MM-DD") + f": {day}") from None
    elif not isinstance(day, datetime.date):
        day = None
    return feed, kind, day


# One network kept for the process: (key, NetworkResult, folder holding its GeoPackage).
_memo_lock = threading.Lock()
_memo = None


def _forget_memo() -> None:
    """Drop the network kept for the process and its scratch folder (also when the process ends)."""
    global _memo
    with _memo_lock:
        if _memo is not None:
            shutil.rmtree(_memo[2], ignore_errors=True)
        _memo = None


atexit.register(_forget_memo)


class GtfsSource(Source):
    KEY = "gtfs"

    # -- network ------------------------------------------------------------------------------------

    def download(self, url: str, what: str, max_age: int = 0) -> str:
        """The path of the downloaded reply; network failures in the plugin's error kinds."""
        label = redact(url)
        try:
            return self.transport.get(url, max_age=max_age).path
        except transport_errors.CancelledError:
            raise Cancelled() from None
        except (transport_errors.HttpError, transport_errors.UnexpectedContentError) as error:
            status = getattr(error, "status", None)
            raise ReplyError(f"{what} {label}: {error.message}", url=label, status=status, source=label) from None
        except transport_errors.NetworkError as error:
            raise NetworkError(f"{what} {label}: {error.message}", url=label, source=label) from None

    def network(self, spec: dict, feedback=None) -> NetworkResult:
        """The feed's network on the spec's service day (computed, or the one kept from the last call
        with the same feed, day and extent)."""
        global _memo
        feed, _kind, day = check_spec(spec)
        label = feed_label(feed)
        if is_url(feed):
            path = self.download(feed, "GTFS", NETWORK_MAX_AGE)
            error_kind = ReplyError
        else:
            path = feed
            error_kind = InputError
        status = os.stat(path)
        extent = tuple(float(v) for v in spec["extent"]) if spec.get("extent") else None
        key = (os.path.abspath(path), label, status.st_size, status.st_mtime_ns, day, extent)
        with _memo_lock:
            if _memo is not None and _memo[0] == key and os.path.exists(_memo[1].path):
                return _memo[1]
        folder = tempfile.mkdtemp(prefix="open_territory_gtfs_")
        try:
            result = build_network(
                path,
                os.path.join(folder, "network.gpkg"),
                label,
                day=day,
                extent=extent,
                feedback=feedback,
                error_kind=error_kind,
                work_dir=folder,
            )
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        for warning in result.warnings:
            log(warning, "warning")
        log(
            f"GTFS {label}: {result.stop_count} stops, {result.route_count} route directions, "
            f"{result.trip_count} trips on {result.service_date.isoformat()}"
        )
        _forget_memo()
        with _memo_lock:
            _memo = (key, result, folder)
        return result

    def write_layer(
        self,
        result: NetworkResult,
        which: str,
        spec: dict,
        output: str,
        layer_name: str,
        category: str,
        feedback=None,
        append: bool = False,
    ) -> FetchResult:
        """Layer `which` (STOPS_LAYER or ROUTES_LAYER) of a computed network into `output`."""
        feed = str(spec.get("feed")).strip()
        label = feed_label(feed)
        licence = str(spec.get("licence") or result.licence or "")
        fetched_at = utc_now_iso()
        common = {
            "category": category or CATEGORY_OF_LAYER[which],
            "source": f"GTFS {result.label}".strip(),
            "source_dataset": label,
            "licence": licence,
            "fetched_at": fetched_at,
        }
        count = write_resource_layer(
            result.path,
            output,
            layer_name,
            common,
            name_field=NAME_FIELD[which],
            src_layer=which,
            dest_format=format_for_path(output),
            append=append,
            feedback=feedback,
        )
        warnings = [tr("Service day") + f": {result.service_date.isoformat()}", *result.warnings]
        return FetchResult(layer_name, count, common["source"], label, licence, label, fetched_at, warnings)

    def fetch_network(
        self, spec: dict, output: str, stops_layer: str, routes_layer: str, feedback=None, append: bool = False
    ) -> tuple:
        """Both layers of the network into `output`: (stops FetchResult, routes FetchResult, NetworkResult)."""
        result = self.network(spec, feedback)
        stops = self.write_layer(result, STOPS_LAYER, spec, output, stops_layer, None, feedback, append)
        routes = self.write_layer(result, ROUTES_LAYER, spec, output, routes_layer, None, feedback, True)
        return stops, routes, result

    # -- vehicles -----------------------------------------------------------------------------------

    def vehicle_rows(self, spec: dict) -> tuple:
        """(rows [(lon, lat, values)], FeedHeader, number left out) of a GTFS-RT VehiclePositions feed."""
        feed, _kind, _day = check_spec(spec)
        label = feed_label(feed)
        path = self.download(feed, "GTFS-RT") if is_url(feed) else feed
        with open(path, "rb") as handle:
            data = handle.read()
        header, vehicles = gtfs_rt.read_vehicle_positions(data, label)
        rows, bad = gtfs_rt.vehicle_rows(header, vehicles)
        return rows, header, bad

    def fetch_vehicles(
        self, spec: dict, output: str, layer_name: str, category: str = None, feedback=None, append: bool = False
    ) -> FetchResult:
        fetched_at = utc_now_iso()
        rows, header, bad = self.vehicle_rows(spec)
        if feedback is not None and feedback.isCanceled():
            raise Cancelled()
        label = feed_label(str(spec["feed"]).strip())
        licence = str(spec.get("licence") or "")
        common = {
            "category": category or "public_vehicle",
            "source": "GTFS-RT",
            "source_dataset": label,
            "licence": licence,
            "fetched_at": fetched_at,
        }
        count = write_point_rows(
            rows,
            gtfs_rt.VEHICLE_FIELDS,
            output,
            layer_name,
            common,
            name_field="label",
            append=append,
            feedback=feedback,
        )
        warnings = bad_places_warnings(bad, tr("vehicles"))
        if header.incrementality == 1:
            warnings.append(tr("The feed is DIFFERENTIAL: only the vehicles of this message are shown"))
        log(f"GTFS-RT {label}: {count} vehicles -> {layer_name}")
        return FetchResult(layer_name, count, "GTFS-RT", label, licence, label, fetched_at, warnings)

    # -- Source interface ---------------------------------------------------------------------------

    def fetch(
        self, spec: dict, output: str, layer_name: str, category: str = None, feedback=None, append: bool = False
    ) -> FetchResult:
        _feed, kind, _day = check_spec(spec)
        if kind == "vehicles":
            return self.fetch_vehicles(spec, output, layer_name, category, feedback, append)
        which = ROUTES_LAYER if category == "transit_route" else STOPS_LAYER
        result = self.network(spec, feedback)
        return self.write_layer(result, which, spec, output, layer_name, category, feedback, append)


def apply_stop_style(layer) -> bool:
    """The bundled stops style (classes of morning-peak headway, stops with fewer than two departures
    between 7 and 9 h in grey), its legend in the user's language."""
    from qgis.core import QgsRuleBasedRenderer

    from ..profiles.styles import style_file

    _message, ok = layer.loadNamedStyle(style_file("transit_stop"))
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
