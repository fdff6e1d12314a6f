"""A GTFS feed's network on one service day: its stops with their level of service and its routes,
written as two layers of a scratch GeoPackage.

Stops (points): every stop or platform (location_type 0 or empty) with usable coordinates, and any
other location that trips stop at: stop_id, stop_code, stop_name, parent_station, wheelchair_boarding
(a platform with 0 or empty inherits its station's value, as the reference says), the routes stopping
there that day (short names, natural order) and their number, `departures` (stop events that day
where riders may board: pickup_type other than 1), `departures_7_9` (those between 07:00:00 included
and 09:00:00 excluded) and `headway_7_9_min`, the mean time between morning-peak departures:
120 minutes / departures_7_9, null with fewer than two departures. (It is the planner's usual
"a bus every N minutes"; the mean of the gaps between consecutive departures would hide nothing more
over one window and needs every time kept.)

Routes (lines): one per route and direction running that day: the shape the most trips of that
direction use (shapes.txt, by shape_pt_sequence), else the line through the stops of its most frequent
stop pattern (ties: the longer one). Fields: route_id, direction_id, route_name (short name, else long
name), short and long names, the most frequent headsign, agency, route_type and its mode, route_color
and route_text_color as #RRGGBB (white and black when empty, the reference's defaults), trips that day
(frequencies.txt expanded), trips leaving their first stop between 7 and 9 h and the matching headway,
the shape_id used and where the line comes from ("shapes" or "stops").

Bad rows are left out and reported in `warnings`, one sentence each with a few examples: stops
without usable coordinates, stop_times rows naming a stop or a trip the feed does not define, trips
naming an unknown route or with a stop_sequence that is not a number, unreadable calendar and
frequencies rows. Missing optional files (agency.txt, calendar.txt or calendar_dates.txt, shapes.txt,
frequencies.txt, feed_info.txt) are simply absent.
"""

from __future__ import annotations

import datetime
import math
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from itertools import count

from osgeo import ogr

from ...toolbelt.errors import Cancelled, InputError
from ...toolbelt.gdal_errors import with_gdal_exceptions
from ...toolbelt.i18n import tr
from .archive import GtfsArchive, column_getter
from .calendar import parse_date, read_calendar
from .layers import ROUTE_FIELDS, STOP_FIELDS, LayerSink, create_dataset, extent_polygon, point
from .shapes import shape_lines
from .stop_times import StopTimesScan, runs_in, seconds_of, sorted_rows

STOPS_LAYER, ROUTES_LAYER = "stops", "routes"
PEAK_MINUTES = 120
EXAMPLES = 3
LICENCE_COLUMNS = ("feed_license", "feed_licence", "license", "licence")  # not in the reference; some add one

# route_type -> mode: the reference's basic types, then the extended (Hierarchical Vehicle Type) ranges.
BASIC_MODES = {
    0: "tram",
    1: "metro",
    2: "rail",
    3: "bus",
    4: "ferry",
    5: "cable_tram",
    6: "aerial_lift",
    7: "funicular",
    11: "trolleybus",
    12: "monorail",
}
EXTENDED_MODES = (
    (100, 200, "rail"),
    (200, 300, "coach"),
    (400, 500, "metro"),
    (700, 800, "bus"),
    (800, 900, "trolleybus"),
    (900, 1000, "tram"),
    (1000, 1100, "ferry"),
    (1200, 1300, "ferry"),
    (1300, 1400, "aerial_lift"),
    (1400, 1500, "funicular"),
    (1500, 1600, "taxi"),
)


def mode_of(route_type):
    if route_type in BASIC_MODES:
        return BASIC_MODES[route_type]
    for low, high, mode in EXTENDED_MODES:
        if route_type is not None and low <= route_type < high:
            return mode
    return "other"


def colour(text: str, default: str) -> str:
    text = (text or "").strip().lstrip("#")
    return "#" + text.upper() if re.fullmatch(r"[0-9A-Fa-f]{6}", text) else default


def natural_key(text: str):
    """'C2' < 'C10' < '12' ordering of route names: digits compared as numbers."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part.lower()) for part in re.split(r"(\d+)", text) if part]


def coordinates(lat_text: str, lon_text: str):
    """(lon, lat) when the texts make a place on Earth; None when unreadable, out of range or 0,0."""
    try:
        lat, lon = float(lat_text), float(lon_text)
    except ValueError:
        return None
    if not (math.isfinite(lat) and math.isfinite(lon)) or abs(lat) > 90 or abs(lon) > 180 or (lat == 0 and lon == 0):
        return None
    return lon, lat


def examples(items) -> str:
    shown = [str(item) for item in list(items)[:EXAMPLES]]
    return " (" + ", ".join(shown) + ("…" if len(shown) == EXAMPLES else "") + ")" if shown else ""


@dataclass
class Route:
    index: int
    route_id: str
    agency: str
    short_name: str
    long_name: str
    route_type: int
    color: str
    text_color: str

    @property
    def name(self) -> str:
        return self.short_name or self.long_name or self.route_id


@dataclass
class NetworkResult:
    path: str  # the scratch GeoPackage, with layers STOPS_LAYER and ROUTES_LAYER
    service_date: datetime.date
    stop_count: int = 0
    route_count: int = 0
    trip_count: int = 0  # trips running that day, frequencies expanded
    publisher: str = ""
    licence: str = ""
    agencies: list = field(default_factory=list)
    validity: tuple = (None, None)
    warnings: list = field(default_factory=list)

    @property
    def label(self) -> str:
        """Who publishes the network: feed_info's publisher, else its agencies."""
        if self.publisher:
            return self.publisher
        names = self.agencies[:3]
        return ", ".join(names) + ("…" if len(self.agencies) > 3 else "")


@dataclass
class TripTally:
    """What the trips running on the service day say of each route direction (by its index)."""

    directions: dict = field(default_factory=dict)  # (route_id, direction_id) -> direction index
    trips: Counter = field(default_factory=Counter)  # direction -> trips that day
    shapes: Counter = field(default_factory=Counter)  # (direction, shape_id) -> trips
    headsigns: Counter = field(default_factory=Counter)  # (direction, headsign) -> trips


class NetworkReader:
    """Reads one feed; `build` writes the layers. See build_network."""

    def __init__(self, archive: GtfsArchive, feedback=None, work_dir: str = ""):
        self.archive = archive
        self.feedback = feedback
        self.work_dir = work_dir
        self.warnings = archive.warnings
        self.routes = {}
        self.agencies = {}
        self.publisher = ""
        self.licence = ""

    # -- helpers ------------------------------------------------------------------------------------

    def warn(self, text: str) -> None:
        self.warnings.append(f"GTFS {self.archive.label}: {text}")

    def step(self, progress: float) -> None:
        if self.feedback is None:
            return
        if self.feedback.isCanceled():
            raise Cancelled()
        self.feedback.setProgress(progress)

    def require(self, name: str, columns: dict, wanted) -> None:
        missing = [column for column in wanted if column not in columns]
        if missing:
            raise self.archive.error(f"{name} " + tr("has no column") + " " + ", ".join(missing))

    # -- small tables -------------------------------------------------------------------------------

    def read_feed_info(self, calendar) -> None:
        columns, rows = self.archive.table("feed_info.txt")
        with self.archive.reading("feed_info.txt"):
            row = next(rows, None)
        if row is None:
            return
        self.publisher = column_getter(columns, "feed_publisher_name")(row)
        calendar.feed_start = parse_date(column_getter(columns, "feed_start_date")(row))
        calendar.feed_end = parse_date(column_getter(columns, "feed_end_date")(row))
        for name in LICENCE_COLUMNS:
            value = column_getter(columns, name)(row)
            if value:
                self.licence = value
                break

    def read_agencies(self) -> None:
        columns, rows = self.archive.table("agency.txt")
        agency_id, name = column_getter(columns, "agency_id"), column_getter(columns, "agency_name")

        with self.archive.reading("agency.txt"):
            for row in rows:
                self.agencies.setdefault(agency_id(row), name(row))

    def read_routes(self) -> None:
        columns, rows = self.archive.table("routes.txt")
        self.require("routes.txt", columns, ("route_id",))
        get = {name: column_getter(columns, name) for name in (
            "route_id", "agency_id", "route_short_name", "route_long_name", "route_type", "route_color",
            "route_text_color",
        )}  # fmt: skip
        only_agency = next(iter(self.agencies.values())) if len(self.agencies) == 1 else ""

        with self.archive.reading("routes.txt"):
            for row in rows:
                route_id = get["route_id"](row)
                if not route_id or route_id in self.routes:
                    continue
                try:
                    route_type = int(get["route_type"](row))
                except ValueError:
                    route_type = None
                agency_id = get["agency_id"](row)
                self.routes[route_id] = Route(
                    len(self.routes),
                    route_id,
                    self.agencies.get(agency_id, only_agency if not agency_id else agency_id),
                    get["route_short_name"](row),
                    get["route_long_name"](row),
                    route_type,
                    colour(get["route_color"](row), "#FFFFFF"),
                    colour(get["route_text_color"](row), "#000000"),
                )

    def read_frequencies(self) -> dict:
        """{trip_id: [(start, end, headway seconds)]}; unreadable rows are reported."""
        columns, rows = self.archive.table("frequencies.txt")
        trip, start, end, headway = (
            column_getter(columns, name) for name in ("trip_id", "start_time", "end_time", "headway_secs")
        )
        periods, bad = {}, []

        with self.archive.reading("frequencies.txt"):
            for row in rows:
                begin, finish = seconds_of(start(row)), seconds_of(end(row))
                try:
                    step = int(headway(row))
                except ValueError:
                    step = 0
                if not trip(row) or begin is None or finish is None or step <= 0 or finish <= begin:
                    bad.append(trip(row))
                    continue
                periods.setdefault(trip(row), []).append((begin, finish, step))

        if bad:
            self.warn(
                tr("frequencies.txt rows left out (unreadable times or headway)") + f": {len(bad)}" + examples(bad)
            )
        return periods

    def read_stops(self) -> dict:
        """{stop_id: [code, name, location_type, parent, wheelchair, (lon, lat) or None]}."""
        columns, rows = self.archive.table("stops.txt")
        self.require("stops.txt", columns, ("stop_id",))
        get = {name: column_getter(columns, name) for name in (
            "stop_id", "stop_code", "stop_name", "location_type", "parent_station", "wheelchair_boarding",
            "stop_lat", "stop_lon",
        )}  # fmt: skip
        stops = {}

        with self.archive.reading("stops.txt"):
            for row in rows:
                stop_id = get["stop_id"](row)
                if not stop_id or stop_id in stops:
                    continue
                stops[stop_id] = [
                    get["stop_code"](row),
                    get["stop_name"](row),
                    get["location_type"](row) or "0",
                    get["parent_station"](row),
                    get["wheelchair_boarding"](row),
                    coordinates(get["stop_lat"](row), get["stop_lon"](row)),
                ]

        return stops

    # -- the service day ----------------------------------------------------------------------------

    def service_ids_with_trips(self) -> set:
        columns, rows = self.archive.table("trips.txt")
        service = column_getter(columns, "service_id")
        with self.archive.reading("trips.txt"):
            return {service(row) for row in rows}

    def choose_day(self, calendar, day, today):
        if day is not None:
            first, last = calendar.validity()
            if first and last and not first <= day <= last:
                self.warn(
                    tr("the service day is outside the feed's validity")
                    + f" ({day.isoformat()}; {first.isoformat()} – {last.isoformat()})"
                )
            return day
        used = self.service_ids_with_trips()
        day, warning = calendar.default_day(
            today or datetime.date.today(), lambda d: bool(calendar.services_on(d) & used)
        )
        if day is None:
            raise self.archive.error(warning)
        if warning:
            self.warn(warning + "; " + tr("service day used") + f": {day.isoformat()}")
        return day

    def read_trips(self, running: set, periods: dict) -> tuple:
        """(known trip ids, active trips {trip_id: (route index, direction index, periods)}, TripTally) of the
        services `running`; frequency-based trips count their runs."""
        columns, rows = self.archive.table("trips.txt")
        self.require("trips.txt", columns, ("trip_id", "route_id", "service_id"))
        get = {name: column_getter(columns, name) for name in (
            "trip_id", "route_id", "service_id", "direction_id", "shape_id", "trip_headsign",
        )}  # fmt: skip
        known, active = set(), {}
        tally = TripTally()
        directions, trips, shapes, headsigns = tally.directions, tally.trips, tally.shapes, tally.headsigns
        unknown_routes = Counter()
        numbering = count()

        with self.archive.reading("trips.txt"):
            for row in rows:
                trip_id = get["trip_id"](row)
                if not trip_id:
                    continue
                known.add(trip_id)
                if get["service_id"](row) not in running:
                    continue
                route = self.routes.get(get["route_id"](row))
                if route is None:
                    unknown_routes[get["route_id"](row)] += 1
                    continue
                key = (route.route_id, get["direction_id"](row))
                direction = directions.get(key)
                if direction is None:
                    direction = directions[key] = next(numbering)
                trip_periods = periods.get(trip_id)
                weight = 1 if trip_periods is None else sum(runs_in(*p) for p in trip_periods)
                active[trip_id] = (route.index, direction, trip_periods)
                trips[direction] += weight
                shapes[(direction, get["shape_id"](row))] += weight
                headsigns[(direction, get["trip_headsign"](row))] += weight

        if unknown_routes:
            self.warn(
                tr("trips naming a route missing from routes.txt, left out")
                + f": {sum(unknown_routes.values())}"
                + examples(unknown_routes)
            )
        return known, active, tally

    # -- stop_times ---------------------------------------------------------------------------------

    def scan_stop_times(self, known, active, work_dir) -> StopTimesScan:
        columns, rows = self.archive.table("stop_times.txt")
        self.require("stop_times.txt", columns, ("trip_id", "stop_id", "stop_sequence"))
        if "departure_time" not in columns and "arrival_time" not in columns:
            raise self.archive.error("stop_times.txt " + tr("has neither departure_time nor arrival_time"))
        scan = StopTimesScan(columns, active, known, self.feedback, len(known), span=(10.0, 85.0))
        with self.archive.reading("stop_times.txt"):
            if scan.run(rows):
                return scan
        # The trips' rows are scattered: sort them once through SQLite and count again.
        _columns, rows = self.archive.table("stop_times.txt")
        with self.archive.reading("stop_times.txt"):
            sorted_columns, cursor, database = sorted_rows(columns, rows, os.path.join(work_dir, "stop_times.sqlite"))
        try:
            scan = StopTimesScan(sorted_columns, active, known, self.feedback, len(known), span=(50.0, 85.0))
            scan.run(cursor)
        finally:
            database.close()
        return scan

    # -- the whole ----------------------------------------------------------------------------------

    def build(self, path: str, day=None, extent=None, today=None) -> NetworkResult:
        self.step(0.0)
        calendar = read_calendar(self.archive)
        self.read_feed_info(calendar)
        self.read_agencies()
        self.read_routes()
        periods = self.read_frequencies()
        if calendar.bad_rows:
            self.warn(tr("calendar rows left out (unreadable dates or service_id)") + f": {calendar.bad_rows}")
        day = self.choose_day(calendar, day, today)
        running = calendar.services_on(day)
        self.step(5.0)
        known, active, tally = self.read_trips(running, periods)
        if not active:
            self.warn(tr("no trip runs on the service day") + f" {day.isoformat()}")
        self.step(10.0)
        stops = self.read_stops()
        work_dir = self.work_dir
        scan = self.scan_stop_times(known, active, work_dir)
        self.report_scan(scan, stops)
        self.step(85.0)
        result = NetworkResult(
            path,
            day,
            publisher=self.publisher,
            licence=self.licence,
            agencies=sorted({name for name in self.agencies.values() if name}),
            validity=calendar.validity(),
            warnings=self.warnings,
            trip_count=sum(tally.trips.values()),
        )
        write_layers(self, result, stops, scan, tally, extent, work_dir)
        self.step(100.0)
        return result

    def report_scan(self, scan: StopTimesScan, stops: dict) -> None:
        if scan.unknown_trip_rows:
            self.warn(
                tr("stop_times rows naming a trip missing from trips.txt, left out")
                + f": {scan.unknown_trip_rows}"
                + examples(scan.unknown_trips)
            )
        if scan.bad_sequence_trips:
            self.warn(
                tr("trips left out: a stop_sequence is not a whole number")
                + f": {scan.bad_sequence_trips}"
                + examples(scan.bad_sequence_examples)
            )
        if scan.untimed_trips:
            self.warn(tr("trips without any time: counted, not placed in the 7-9 h window") + f": {scan.untimed_trips}")
        unknown = Counter()
        for key in [key for key in scan.events if key[0] not in stops]:
            unknown[key[0]] += scan.events.pop(key)
        unknown.pop("", None)  # flexible service rows (location_id, location_group_id) have no stop_id
        if unknown:
            self.warn(
                tr("stop_times rows naming a stop missing from stops.txt, left out")
                + f": {sum(unknown.values())}"
                + examples(sorted(unknown))
            )


@with_gdal_exceptions
def write_layers(reader, result: NetworkResult, stops: dict, scan: StopTimesScan, tally: TripTally, extent, work_dir):
    """The stops and routes layers of `result.path`."""
    dataset = create_dataset(result.path)
    result.stop_count = write_stops(dataset, reader, result, stops, scan, extent)
    reader.step(90.0)
    result.route_count = write_routes(dataset, reader, result, stops, scan, tally, extent, work_dir)
    dataset = None


def stop_counts(scan: StopTimesScan) -> tuple:
    """(departures per stop, morning-peak departures per stop, route indexes per stop) of the scan."""
    departures, peak, served = Counter(), Counter(), {}
    for (stop_id, route_index, in_peak, boarding), events in scan.events.items():
        served.setdefault(stop_id, set()).add(route_index)
        if boarding:
            departures[stop_id] += events
            if in_peak:
                peak[stop_id] += events
    return departures, peak, served


def inside(extent, lon: float, lat: float) -> bool:
    return extent is None or (extent[0] <= lon <= extent[2] and extent[1] <= lat <= extent[3])


def write_stops(dataset, reader, result: NetworkResult, stops: dict, scan: StopTimesScan, extent) -> int:
    """The stops layer: every stop or platform, and any other location trips stop at, with a place (inside
    `extent` when given); stops without one are reported. Returns the number written."""
    departures, peak, served = stop_counts(scan)
    routes_by_index = {route.index: route for route in reader.routes.values()}
    service_date = result.service_date.isoformat()
    sink = LayerSink(dataset, STOPS_LAYER, ogr.wkbPoint, STOP_FIELDS)
    no_place = []
    for stop_id, (code, name, location_type, parent, wheelchair, place) in stops.items():
        if location_type != "0" and stop_id not in served:
            continue
        if place is None:
            no_place.append(stop_id)
            continue
        if not inside(extent, *place):
            continue
        if wheelchair in ("", "0") and parent in stops:
            wheelchair = stops[parent][4]  # a platform inherits its station's value, as the reference says
        names = sorted({routes_by_index[index].name for index in served.get(stop_id, ())}, key=natural_key)
        in_window = peak.get(stop_id, 0)
        values = {
            "stop_id": stop_id,
            "stop_code": code or None,
            "stop_name": name or None,
            "parent_station": parent or None,
            "wheelchair_boarding": int(wheelchair) if wheelchair in ("0", "1", "2") else 0,
            "routes": ", ".join(names) or None,
            "route_count": len(names),
            "departures": departures.get(stop_id, 0),
            "departures_7_9": in_window,
            "headway_7_9_min": headway(in_window),
            "service_date": service_date,
        }
        sink.add(point(*place), values)
    sink.close()
    if no_place:
        reader.warn(tr("stops without usable coordinates, left out") + f": {len(no_place)}" + examples(no_place))
    return sink.count


def headway(departures: int):
    """Minutes between departures over the morning peak: 120 / departures; None with fewer than two."""
    return round(PEAK_MINUTES / departures, 1) if departures >= 2 else None


def most_frequent(counts: Counter) -> dict:
    """{direction: the non-empty value of the most trips} from counts {(direction, value): trips} (ties: the
    greater value, so that the choice does not depend on the file's order)."""
    best = {}
    for (direction, value), weight in counts.items():
        if value and (direction not in best or (weight, value) > best[direction]):
            best[direction] = (weight, value)
    return {direction: value for direction, (_weight, value) in best.items()}


def main_patterns(scan: StopTimesScan) -> dict:
    """{direction: stop ids of its most frequent stop pattern} (ties: the longer, then the greater)."""
    best = {}
    for (direction, pattern), weight in scan.patterns.items():
        rank = (weight, len(pattern), pattern)
        if direction not in best or rank > best[direction]:
            best[direction] = rank
    return {direction: rank[2] for direction, rank in best.items()}


def stops_line(pattern: tuple, stops: dict):
    """The line through the located stops of `pattern` (a stop repeated in a row once), None with fewer
    than two places."""
    places = [stops[stop_id][5] for stop_id in pattern if stop_id in stops and stops[stop_id][5] is not None]
    places = [place for position, place in enumerate(places) if position == 0 or place != places[position - 1]]
    if len(places) < 2:
        return None
    line = ogr.Geometry(ogr.wkbLineString)
    for lon, lat in places:
        line.AddPoint_2D(lon, lat)
    return line


class RouteSink(LayerSink):
    """The routes layer: one line per route direction, each direction written once."""

    def __init__(self, dataset, reader, result: NetworkResult, scan: StopTimesScan, tally: TripTally, extent):
        super().__init__(dataset, ROUTES_LAYER, ogr.wkbLineString, ROUTE_FIELDS)
        self.reader, self.scan, self.tally = reader, scan, tally
        self.box = extent_polygon(extent)
        self.headsigns = most_frequent(tally.headsigns)
        self.service_date = result.service_date.isoformat()
        self.drawn = set()

    def add_route(self, key: tuple, index: int, geometry, shape_id, origin: str) -> None:
        """Direction `index` of route key[0] (direction key[1]) along `geometry`, unless it misses the extent."""
        self.drawn.add(index)
        if self.box is not None and not geometry.Intersects(self.box):
            return
        route = self.reader.routes[key[0]]
        peak_trips = self.scan.peak_starts.get(index, 0)
        values = {
            "route_id": route.route_id,
            "direction_id": int(key[1]) if key[1] in ("0", "1") else None,
            "route_name": route.name,
            "route_short_name": route.short_name or None,
            "route_long_name": route.long_name or None,
            "headsign": self.headsigns.get(index),
            "agency": route.agency or None,
            "route_type": route.route_type,
            "mode": mode_of(route.route_type),
            "route_color": route.color,
            "route_text_color": route.text_color,
            "trips": self.tally.trips.get(index, 0),
            "trips_7_9": peak_trips,
            "headway_7_9_min": headway(peak_trips),
            "shape_id": shape_id,
            "geometry_from": origin,
            "service_date": self.service_date,
        }
        self.add(geometry, values)


def write_routes(dataset, reader, result, stops: dict, scan: StopTimesScan, tally: TripTally, extent, work_dir) -> int:
    """The routes layer: each direction running that day along the shape most of its trips use, else
    through the stops of its most frequent pattern; directions with neither are reported. Returns the
    number written."""
    sink = RouteSink(dataset, reader, result, scan, tally, extent)
    running = [(key, index) for key, index in tally.directions.items() if tally.trips.get(index)]
    shapes = most_frequent(tally.shapes)
    by_shape = {}
    if reader.archive.has("shapes.txt"):
        for key, index in running:
            if index in shapes:
                by_shape.setdefault(shapes[index], []).append((key, index))
    if by_shape:
        for shape_id, wkt in shape_lines(reader.archive, set(by_shape), os.path.join(work_dir, "shapes.sqlite")):
            geometry = ogr.CreateGeometryFromWkt(wkt)
            for key, index in by_shape[shape_id]:
                sink.add_route(key, index, geometry, shape_id, "shapes")
    patterns = main_patterns(scan)
    no_line = []
    for key, index in sorted(running, key=lambda item: item[1]):
        if index in sink.drawn:
            continue
        line = stops_line(patterns.get(index, ()), stops)
        if line is None:
            no_line.append(key[0])
            continue
        sink.add_route(key, index, line, None, "stops")
    sink.close()
    if no_line:
        reader.warn(tr("routes without two located stops, left out") + f": {len(no_line)}" + examples(no_line))
    return sink.count


def build_network(
    zip_path: str,
    path: str,
    label: str,
    day: datetime.date = None,
    extent=None,
    feedback=None,
    error_kind=InputError,
    today: datetime.date = None,
    work_dir: str = None,
) -> NetworkResult:
    """Read the GTFS zip `zip_path` and write its network on `day` (default: the next weekday with
    service within the feed's validity, from `today`) as the layers STOPS_LAYER and ROUTES_LAYER of
    the new GeoPackage `path`. `extent` [xmin, ymin, xmax, ymax] (EPSG:4326) keeps the stops inside it
    and the routes crossing it. `label` names the feed in messages; a bad feed raises `error_kind`."""
    with GtfsArchive(zip_path, label, error_kind) as archive:
        if work_dir is not None:
            return NetworkReader(archive, feedback, work_dir).build(path, day, extent, today)
        with tempfile.TemporaryDirectory(prefix="open_territory_gtfs_") as work:
            return NetworkReader(archive, feedback, work).build(path, day, extent, today)
