"""A deterministic GTFS feed the size of Île-de-France's, for bench_gtfs.py.

    .venv/bin/python tests/benchmarks/gtfs_big_feed.py [--rows 10000000] [--out build/bench_gtfs/idf_like.zip]

The shape follows what IDFM and the big French networks publish: several agencies, stations with
platforms (`parent_station`), `wheelchair_boarding`, route colours, long text ids, services given by
calendar.txt with calendar_dates.txt exceptions and a few given by calendar_dates.txt only, times past
24:00:00 for the night, a few metro lines run by frequencies.txt (exact_times 0 and 1), shapes for the
rail, metro and tram lines and a fifth of the buses, a BOM on stops.txt and quoted names with commas.
About `rows` stop_times rows (the default gives about 500 MB unzipped). The same arguments give the same
bytes: the feed is generated once into build/ and reused.
"""

from __future__ import annotations

import argparse
import datetime
import math
import os
import random
import shutil
import sys
import zipfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_OUT = os.path.join(REPO, "build", "bench_gtfs", "idf_like.zip")
SEED = 20261122
START = datetime.date(2026, 11, 2)  # a Monday
DAYS = 91
# Île-de-France, roughly
WEST, SOUTH, EAST, NORTH = 1.45, 48.12, 3.55, 49.24
AGENCIES = (
    ("RATP", "Régie autonome des transports parisiens", "https://www.ratp.fr"),
    ("SNCF", "SNCF Voyageurs", "https://www.sncf.com"),
    ("TVO", "Transdev Vallée de l'Oise", "https://www.transdev.com"),
    ("KEOLIS", "Keolis, Meyer", "https://www.keolis.com"),
    ("STIVO", "STIVO", "https://www.stivo.com"),
    ("NOCT", "Noctilien", "https://www.iledefrance-mobilites.fr"),
)
# (service_id, monday..sunday) for calendar.txt; regular weekdays, school-holiday weekdays, Saturday, Sunday.
SERVICES = (
    ("SEM", (1, 1, 1, 1, 1, 0, 0)),
    ("VAC", (1, 1, 1, 1, 1, 0, 0)),
    ("SAM", (0, 0, 0, 0, 0, 1, 0)),
    ("DIM", (0, 0, 0, 0, 0, 0, 1)),
)
# Relative number of trips per service (SEM and VAC alternate over the weeks).
SERVICE_WEIGHT = {"SEM": 1.0, "VAC": 0.8, "SAM": 0.7, "DIM": 0.5, "EVT": 0.05}
ROUTE_KINDS = (  # (route_type, share of routes, stops per pattern, seconds between stops, shapes)
    (3, 0.915, (12, 40), (60, 120), 0.2),
    (1, 0.010, (18, 30), (75, 100), 1.0),
    (0, 0.010, (20, 34), (70, 100), 1.0),
    (2, 0.015, (12, 30), (150, 300), 1.0),
    (3, 0.050, (20, 45), (60, 120), 0.0),  # night buses, past midnight
)


def fmt_time(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Writer:
    """One file of the feed, written into the work folder (zipped at the end, in a fixed order)."""

    def __init__(self, folder: str, name: str, header: str, bom: bool = False):
        self.path = os.path.join(folder, name)
        self.text = open(self.path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="", buffering=1 << 20)
        self.text.write(header + "\r\n")

    def line(self, text: str) -> None:
        self.text.write(text + "\r\n")

    def close(self) -> None:
        self.text.close()


FREQUENCY_PERIODS = (  # (start, end, headway, exact_times) of the frequency-based metro lines
    (5 * 3600, 7 * 3600, 300, 0),
    (7 * 3600, 9 * 3600 + 1800, 150, 1),
    (9 * 3600 + 1800, 25 * 3600, 360, 0),
)


def route_kind(rng: random.Random) -> tuple:
    pick = rng.random()
    for candidate in ROUTE_KINDS:
        pick -= candidate[1]
        if pick <= 0:
            return candidate
    return ROUTE_KINDS[-1]


def make_routes(rng: random.Random, rows: int) -> list:
    routes = []
    for index in range(max(20, round(rows / 5500))):
        route_type, share, stop_range, gap_range, shape_share = route_kind(rng)
        night = (route_type, share) == (3, 0.050)
        agency = AGENCIES[5 if night else index % 5][0]
        routes.append(
            {
                "id": f"IDFM:C{index:05d}",
                "agency": agency,
                "type": route_type,
                "night": night,
                "short": (f"N{index % 200}" if night else str(index % 400 + 1)),
                "long": f"Gare de {['Lyon', 'l’Est', 'Nord', 'Austerlitz'][index % 4]} - Pôle {index}",
                "color": f"{rng.randrange(0x1000000):06X}",
                "stops": rng.randint(*stop_range),
                "gap": gap_range,
                "shapes": rng.random() < shape_share,
                "frequencies": route_type == 1 and index % 3 == 0,
                # Some operators publish their timepoints only: the other stops have no time.
                "timepoints_only": agency == "STIVO",
            }
        )
    return routes


class Network:
    """The generated network before it is written: routes, stops, stations and each direction's stops."""

    def __init__(self, rng: random.Random, rows: int):
        self.rng = rng
        self.routes = make_routes(rng, rows)
        self.stops = {}  # stop_id -> (lat, lon, parent, name)
        self.grid = {}
        self.stations = {}
        self.patterns = {}  # (route_id, direction) -> [stop_id]
        for route in self.routes:
            forward = self.walk(route)
            self.patterns[(route["id"], "0")] = forward
            self.patterns[(route["id"], "1")] = forward[::-1]
        self.station_places = {}
        for lat, lon, parent, _name in self.stops.values():
            if parent:
                self.station_places.setdefault(parent, (lat, lon))

    def walk(self, route: dict) -> list:
        """A pattern walking across the region; a stop near an existing one is shared (a grid of 300 m
        cells), as lines share stops in a real network."""
        rng = self.rng
        lat = rng.uniform(SOUTH, NORTH)
        lon = rng.uniform(WEST, EAST)
        heading = rng.uniform(0, 2 * math.pi)
        forward = []
        for position in range(route["stops"]):
            heading += rng.uniform(-0.4, 0.4)
            lat = min(NORTH, max(SOUTH, lat + 0.004 * math.sin(heading)))
            lon = min(EAST, max(WEST, lon + 0.006 * math.cos(heading)))
            cell = (round(lat / 0.0027), round(lon / 0.004))
            if cell in self.grid and rng.random() < 0.6 and self.grid[cell] not in forward:
                forward.append(self.grid[cell])
                continue
            stop_id = f"IDFM:{len(self.stops) + 100000}"
            parent = ""
            if route["type"] in (0, 1, 2):
                parent = self.stations.setdefault(cell, f"IDFM:monomodalStopPlace:{len(self.stations) + 40000}")
            name = f"Arrêt {len(self.stops)}" if position % 7 else f'Mairie, place {len(self.stops)} "Centre"'
            self.stops[stop_id] = (lat, lon, parent, name)
            self.grid.setdefault(cell, stop_id)
            forward.append(stop_id)
        return forward


def write_small_tables(network: Network, folder: str) -> None:
    """agency.txt, feed_info.txt, stops.txt and routes.txt."""
    out = Writer(folder, "agency.txt", "agency_id,agency_name,agency_url,agency_timezone,agency_lang")
    for agency_id, name, url in AGENCIES:
        out.line(f'{agency_id},"{name}",{url},Europe/Paris,fr')
    out.close()
    out = Writer(
        folder,
        "feed_info.txt",
        "feed_publisher_name,feed_publisher_url,feed_lang,feed_start_date,feed_end_date,feed_version",
    )
    end = START + datetime.timedelta(days=DAYS - 1)
    out.line(
        f"Île-de-France Mobilités (banc d'essai),https://www.iledefrance-mobilites.fr,fr,"
        f"{START:%Y%m%d},{end:%Y%m%d},bench-1"
    )
    out.close()
    out = Writer(
        folder,
        "stops.txt",
        "stop_id,stop_code,stop_name,stop_desc,stop_lon,stop_lat,zone_id,stop_url,location_type,"
        "parent_station,stop_timezone,level_id,wheelchair_boarding,platform_code",
        bom=True,
    )
    for parent, (lat, lon) in network.station_places.items():
        out.line(f'{parent},,"Gare {parent[-5:]}, parvis",,{lon:.6f},{lat:.6f},1,,1,,Europe/Paris,,1,')
    for stop_id, (lat, lon, parent, name) in network.stops.items():
        quoted = '"' + name.replace('"', '""') + '"'
        wheelchair = network.rng.choice(("0", "1", "1", "2", ""))
        out.line(
            f"{stop_id},{stop_id[5:]},{quoted},,{lon:.6f},{lat:.6f},{1 + int(lat * 10) % 5},,0,{parent},,,{wheelchair},"
        )
    out.close()
    out = Writer(
        folder,
        "routes.txt",
        "route_id,agency_id,route_short_name,route_long_name,route_desc,route_type,route_url,route_color,"
        "route_text_color,route_sort_order",
    )
    for route in network.routes:
        text = "000000" if int(route["color"][:2], 16) > 128 else "FFFFFF"
        out.line(
            f'{route["id"]},{route["agency"]},{route["short"]},"{route["long"]}",,{route["type"]},,'
            f"{route['color']},{text},"
        )
    out.close()


def service_exceptions(service: str, days: tuple, day: datetime.date, offset: int) -> str:
    """The exception_type calendar_dates.txt gives `service` on `day` ("" for none): the Christmas fortnight
    runs VAC instead of SEM; public holidays run neither but DIM."""
    holidays = [START + datetime.timedelta(days=d) for d in (9, 52, 53, 59)]  # 11 Nov, 24-25 Dec, 1 Jan
    holiday_weeks = offset // 7 in (7, 8)
    runs = days[day.weekday()]
    if service == "SEM" and runs and (holiday_weeks or day in holidays):
        return "2"
    if service == "VAC" and runs and (not holiday_weeks or day in holidays):
        return "2"
    if service == "DIM" and day in holidays:
        return "1"
    return ""


def write_calendars(network: Network, folder: str) -> None:
    out = Writer(
        folder,
        "calendar.txt",
        "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date",
    )
    dates = Writer(folder, "calendar_dates.txt", "service_id,date,exception_type")
    end = START + datetime.timedelta(days=DAYS - 1)
    for route in network.routes:
        for service, days in SERVICES:
            service_id = f"{route['agency']}:{service}:{route['id'][-5:]}"
            flags = ",".join(str(d) for d in days)
            out.line(f"{service_id},{flags},{START:%Y%m%d},{end:%Y%m%d}")
            for offset in range(DAYS):
                day = START + datetime.timedelta(days=offset)
                exception = service_exceptions(service, days, day, offset)
                if exception:
                    dates.line(f"{service_id},{day:%Y%m%d},{exception}")
        # A service given by calendar_dates.txt only: event days.
        for offset in range(3, DAYS, 17):
            dates.line(f"{route['agency']}:EVT:{route['id'][-5:]},{START + datetime.timedelta(days=offset):%Y%m%d},1")
    out.close()
    dates.close()


class TripWriter:
    """trips.txt, stop_times.txt and frequencies.txt: per route, direction and service, a first departure
    and a headway that give about `rows` stop_times rows."""

    def __init__(self, network: Network, folder: str, rows: int):
        self.network = network
        self.rng = network.rng
        pattern_rows = sum(len(p) for p in network.patterns.values())
        weight = sum(SERVICE_WEIGHT[s] for s in ("SEM", "VAC", "SAM", "DIM", "EVT"))
        self.trips_per_direction = rows / pattern_rows / weight  # trips on a regular weekday
        self.trips = Writer(
            folder,
            "trips.txt",
            "route_id,service_id,trip_id,trip_headsign,trip_short_name,direction_id,block_id,shape_id,"
            "wheelchair_accessible,bikes_allowed",
        )
        self.times = Writer(
            folder,
            "stop_times.txt",
            "trip_id,arrival_time,departure_time,stop_id,stop_sequence,pickup_type,drop_off_type,timepoint",
        )
        self.frequencies = Writer(folder, "frequencies.txt", "trip_id,start_time,end_time,headway_secs,exact_times")
        self.written = 0
        self.trip_count = 0

    def write(self) -> None:
        for route in self.network.routes:
            for direction in ("0", "1"):
                pattern = self.network.patterns[(route["id"], direction)]
                gaps = [self.rng.randint(*route["gap"]) for _ in pattern]
                for service, weight_of in SERVICE_WEIGHT.items():
                    count = max(1, round(self.trips_per_direction * weight_of))
                    for position, (trip_id, start) in enumerate(self.templates(route, service, direction, count)):
                        self.trip(route, service, direction, trip_id, start, pattern, gaps)
                        if route["frequencies"]:
                            start_p, end_p, headway, exact = FREQUENCY_PERIODS[position]
                            self.frequencies.line(f"{trip_id},{fmt_time(start_p)},{fmt_time(end_p)},{headway},{exact}")
        for writer in (self.trips, self.times, self.frequencies):
            writer.close()

    def templates(self, route: dict, service: str, direction: str, count: int) -> list:
        """[(trip_id, first departure)] of one route direction and service."""
        if route["frequencies"]:  # one trip per period, expanded by frequencies.txt
            return [
                (f"{service}:{route['id'][-5:]}-F{p}:{direction}", start)
                for p, (start, *_r) in enumerate(FREQUENCY_PERIODS)
            ]
        first, last = (22 * 3600, 29 * 3600) if route["night"] else (5 * 3600 + 1800, 24 * 3600 + 1800)
        step = (last - first) / count
        return [
            (f"{service}:{route['id'][-5:]}-{n:04d}:{direction}", int(first + n * step + self.rng.randint(0, 59)))
            for n in range(count)
        ]

    def trip(self, route: dict, service: str, direction: str, trip_id: str, start: int, pattern: list, gaps: list):
        service_id = f"{route['agency']}:{service}:{route['id'][-5:]}"
        shape_id = f"SHP:{route['id'][5:]}:{direction}" if route["shapes"] else ""
        self.trips.line(
            f'{route["id"]},{service_id},{trip_id},"{route["long"][-12:]}",,{direction},,{shape_id},'
            f"{self.rng.choice('012')},"
        )
        self.trip_count += 1
        moment = start
        for sequence, stop_id in enumerate(pattern):
            blank = route["timepoints_only"] and sequence not in (0, len(pattern) - 1) and sequence % 4 != 0
            clock = "" if blank else fmt_time(moment)
            self.times.line(f"{trip_id},{clock},{clock},{stop_id},{sequence + 1},0,0,{0 if blank else 1}")
            moment += gaps[sequence]
        self.written += len(pattern)


def write_shapes(network: Network, folder: str) -> None:
    """shapes.txt: five points between two stops, for the routes drawn by shapes."""
    shapes = Writer(folder, "shapes.txt", "shape_id,shape_pt_lat,shape_pt_lon,shape_pt_sequence,shape_dist_traveled")
    stops = network.stops
    for route in network.routes:
        if not route["shapes"]:
            continue
        for direction in ("0", "1"):
            sequence = 0
            pattern = network.patterns[(route["id"], direction)]
            for here, there in zip(pattern, pattern[1:]):
                (lat1, lon1, *_a), (lat2, lon2, *_b) = stops[here], stops[there]
                for step in range(5):
                    f = step / 5
                    shapes.line(
                        f"SHP:{route['id'][5:]}:{direction},{lat1 + (lat2 - lat1) * f:.6f},"
                        f"{lon1 + (lon2 - lon1) * f:.6f},{sequence},"
                    )
                    sequence += 1
            lat, lon, *_c = stops[pattern[-1]]
            shapes.line(f"SHP:{route['id'][5:]}:{direction},{lat:.6f},{lon:.6f},{sequence},")
    shapes.close()


def zip_folder(folder: str, path: str) -> None:
    """The folder's files zipped into `path` in name order with a fixed date (the same bytes each time)."""
    with zipfile.ZipFile(path + ".part", "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zipped:
        for name in sorted(os.listdir(folder)):
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(os.path.join(folder, name), "rb") as source, zipped.open(info, "w", force_zip64=True) as target:
                shutil.copyfileobj(source, target, 1 << 20)
    os.replace(path + ".part", path)


def generate(path: str, rows: int = 10_000_000, seed: int = SEED) -> dict:
    """Write the feed to `path`; returns a few counts."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    network = Network(random.Random(seed), rows)
    folder = path + ".files"
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    write_small_tables(network, folder)
    write_calendars(network, folder)
    trips = TripWriter(network, folder, rows)
    trips.write()
    write_shapes(network, folder)
    zip_folder(folder, path)
    shutil.rmtree(folder, ignore_errors=True)
    return {
        "routes": len(network.routes),
        "stops": len(network.stops) + len(network.station_places),
        "trips": trips.trip_count,
        "stop_times": trips.written,
    }


def ensure_feed(path: str = DEFAULT_OUT, rows: int = 10_000_000) -> str:
    """The feed at `path`, generated when missing (a marker beside it records the arguments used)."""
    marker = path + ".args"
    wanted = f"rows={rows} seed={SEED}"
    if os.path.exists(path) and os.path.exists(marker):
        with open(marker, encoding="utf-8") as handle:
            if handle.read().strip() == wanted:
                return path
    counts = generate(path, rows)
    with open(marker, "w", encoding="utf-8") as handle:
        handle.write(wanted)
    print(f"generated {path}: {counts}", file=sys.stderr)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--out", default=DEFAULT_OUT)
    args = parser.parse_args()
    print(generate(args.out, args.rows))
    with zipfile.ZipFile(args.out) as archive:
        for info in archive.infolist():
            print(f"{info.filename:20} {info.file_size / 1e6:9.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
