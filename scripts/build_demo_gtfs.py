#!/usr/bin/env python3
"""Build the demo territory's public transport: resources/demo/data/gtfs/network.zip (a small GTFS
network of Démo-sur-Vilaine) and vehicle_positions.pb (a GTFS-RT VehiclePositions reply recorded at the
demo's "now", with the vehicles of that network on the road at that moment, and one without position).

Everything is invented, like the rest of the demo (resources/demo/data/README.md): two agencies, bus
lines 1 (Gare - Saint-Exemple, with shapes) and 2 (Zone d'activités - La Fictive, drawn through its
stops) and the shuttle N (Gare - Halles, run by frequencies.txt on weekdays), a station with two
platforms, services for weekdays, Saturdays and Sundays with calendar_dates.txt exceptions (public
holidays run the Sunday service), a Friday-night trip past 24:00:00. The stops stand where the demo's
OpenStreetMap bus stops are. The same description gives the same bytes (fixed zip dates and order):

    .venv/bin/python scripts/build_demo_gtfs.py
"""

from __future__ import annotations

import datetime
import io
import math
import os
import sys
import zipfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, "tests", "plugin", "formats"))
import protobuf_writer as pb  # noqa: E402

OUT = os.path.join(REPO, "resources", "demo", "data", "gtfs")
DEMO_TIME = 1795500000  # 2026-11-24T06:00:00Z, 07:00 in Démo-sur-Vilaine on a Tuesday: the demo's "now"
UTC_OFFSET = 3600  # Europe/Paris in November
START, END = datetime.date(2026, 8, 31), datetime.date(2027, 7, 4)
HOLIDAYS = (datetime.date(2026, 11, 11), datetime.date(2026, 12, 25), datetime.date(2027, 1, 1))

# stop_id: (name, lat, lon, location_type, parent_station, wheelchair_boarding, stop_code)
STOPS = {
    "GARE": ("Gare de Démo-sur-Vilaine", 47.8112, -1.5945, "1", "", "1", ""),
    "GARE_1": ("Gare - quai 1", 47.8111, -1.5949, "0", "GARE", "", "G1"),
    "GARE_2": ("Gare - quai 2", 47.8109, -1.5942, "0", "GARE", "1", "G2"),
    "VILAINE": ("Rue de la Vilaine", 47.8139, -1.5981, "0", "", "1", "VI"),
    "MAIRIE": ("Mairie", 47.8166, -1.6013, "0", "", "1", "MA"),
    "HALLES": ("Halles, place du Marché", 47.8211, -1.6058, "0", "", "2", "HA"),
    "COLLEGE": ("Collège", 47.8248, -1.6118, "0", "", "1", "CO"),
    "ST_EX": ("Saint-Exemple Centre", 47.8186, -1.6268, "0", "", "0", "SE"),
    "PORT": ("Port", 47.8071, -1.5888, "0", "", "1", "PO"),
    "ZA": ("Zone d'activités", 47.8041, -1.5802, "0", "", "", "ZA"),
    "FICTIVE": ("La Fictive, Église", 47.8146, -1.5732, "0", "", "1", "LF"),
}
AGENCIES = (
    ("VM", "Vilaine Mobilités", "https://bus.demo-sur-vilaine.example"),
    ("NV", "Navettes de la Vilaine", "https://navettes.demo-sur-vilaine.example"),
)
# route_id: (agency, short name, long name, route_type, colour, text colour)
ROUTES = {
    "1": ("VM", "1", "Gare - Saint-Exemple", 3, "D7263D", "FFFFFF"),
    "2": ("VM", "2", "Zone d'activités - La Fictive", 3, "1B998B", "FFFFFF"),
    "N": ("NV", "N", "Navette Gare - Halles", 3, "F4A259", "000000"),
}
# (route, direction): stops and minutes from the first stop
PATTERNS = {
    ("1", "0"): (("GARE_1", 0), ("VILAINE", 3), ("MAIRIE", 5), ("HALLES", 8), ("COLLEGE", 11), ("ST_EX", 16)),
    ("1", "1"): (("ST_EX", 0), ("COLLEGE", 5), ("HALLES", 8), ("MAIRIE", 11), ("VILAINE", 13), ("GARE_1", 16)),
    ("2", "0"): (("ZA", 0), ("PORT", 4), ("GARE_2", 9), ("FICTIVE", 17)),
    ("2", "1"): (("FICTIVE", 0), ("GARE_2", 8), ("PORT", 13), ("ZA", 17)),
    ("N", "0"): (("GARE_1", 0), ("MAIRIE", 5), ("HALLES", 9)),
}
HEADSIGNS = {("1", "0"): "Saint-Exemple", ("1", "1"): "Gare", ("2", "0"): "La Fictive", ("2", "1"): "Zone d'activités"}
# Line 1 follows the streets: points between its stops (outward; the way back is the same line reversed).
SHAPE_1 = (
    (47.8111, -1.5949), (47.8121, -1.5957), (47.8132, -1.5969), (47.8139, -1.5981), (47.8151, -1.5994),
    (47.8166, -1.6013), (47.8180, -1.6027), (47.8196, -1.6044), (47.8211, -1.6058), (47.8226, -1.6080),
    (47.8248, -1.6118), (47.8239, -1.6160), (47.8221, -1.6205), (47.8201, -1.6241), (47.8186, -1.6268),
)  # fmt: skip


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}:00"


def departures(first: str, last: str, every: int, peak_every: int = None) -> list:
    """Minutes after midnight from `first` to `last` every `every` minutes (every `peak_every` between 7 and 9 h)."""
    hours, minutes = map(int, first.split(":"))
    moment = hours * 60 + minutes
    hours, minutes = map(int, last.split(":"))
    end = hours * 60 + minutes
    times = []
    while moment <= end:
        times.append(moment)
        moment += peak_every if peak_every and 7 * 60 <= moment < 9 * 60 else every
    return times


TIMETABLES = {  # (route, direction, service): first departures from the first stop
    ("1", "0", "SEM"): departures("06:15", "20:15", 30, 15) + [24 * 60 + 10],
    ("1", "1", "SEM"): departures("06:35", "20:35", 30, 15),
    ("1", "0", "SAM"): departures("07:05", "19:35", 30),
    ("1", "1", "SAM"): departures("07:25", "19:55", 30),
    ("1", "0", "DIM"): departures("08:05", "19:05", 30),
    ("1", "1", "DIM"): departures("08:12", "19:12", 30),
    ("2", "0", "SEM"): departures("06:30", "19:30", 40, 20),
    ("2", "1", "SEM"): departures("06:50", "19:50", 40, 20),
    ("2", "0", "SAM"): departures("08:10", "18:10", 60),
    ("2", "1", "SAM"): departures("08:40", "18:40", 60),
    ("2", "0", "DIM"): departures("08:10", "18:10", 60),
    ("2", "1", "DIM"): departures("08:40", "18:40", 60),
}
# The shuttle: one template trip per weekday period (exact_times 1 at the morning peak, 0 in the evening).
SHUTTLE = (("N_SEM_AM", "07:00:00", "09:30:00", 600, 1), ("N_SEM_PM", "16:30:00", "19:00:00", 900, 0))


def csv_line(*values) -> str:
    out = []
    for value in values:
        text = str(value)
        out.append('"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n') else text)
    return ",".join(out) + "\r\n"


def network_files() -> dict:
    files = {}
    files["agency.txt"] = "agency_id,agency_name,agency_url,agency_timezone,agency_lang\r\n" + "".join(
        csv_line(a, name, url, "Europe/Paris", "fr") for a, name, url in AGENCIES
    )
    files["stops.txt"] = (
        "stop_id,stop_code,stop_name,stop_lat,stop_lon,location_type,parent_station,wheelchair_boarding\r\n"
        + "".join(
            csv_line(stop_id, code, name, f"{lat:.6f}", f"{lon:.6f}", kind, parent, wheelchair)
            for stop_id, (name, lat, lon, kind, parent, wheelchair, code) in STOPS.items()
        )
    )
    files["routes.txt"] = (
        "route_id,agency_id,route_short_name,route_long_name,route_type,route_color,route_text_color\r\n"
        + "".join(csv_line(route, *values) for route, values in ROUTES.items())
    )
    days = {"SEM": "1,1,1,1,1,0,0", "SAM": "0,0,0,0,0,1,0", "DIM": "0,0,0,0,0,0,1"}
    files["calendar.txt"] = (
        "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\r\n"
    )
    files["calendar.txt"] += "".join(f"{s},{d},{START:%Y%m%d},{END:%Y%m%d}\r\n" for s, d in days.items())
    dates = "service_id,date,exception_type\r\n"
    for holiday in HOLIDAYS:  # a public holiday runs the Sunday service
        regular = "SEM" if holiday.weekday() < 5 else "SAM" if holiday.weekday() == 5 else "DIM"
        if regular != "DIM":
            dates += f"{regular},{holiday:%Y%m%d},2\r\nDIM,{holiday:%Y%m%d},1\r\n"
    files["calendar_dates.txt"] = dates
    trips = "route_id,service_id,trip_id,trip_headsign,direction_id,shape_id,wheelchair_accessible\r\n"
    times = "trip_id,arrival_time,departure_time,stop_id,stop_sequence,pickup_type,drop_off_type\r\n"
    for (route, direction, service), starts in TIMETABLES.items():
        pattern = PATTERNS[(route, direction)]
        shape = f"SHP_1_{direction}" if route == "1" else ""
        for start in starts:
            trip = f"{route}_{direction}_{service}_{clock(start)[:5].replace(':', 'h')}"
            trips += csv_line(route, service, trip, HEADSIGNS[(route, direction)], direction, shape, 1)
            for sequence, (stop, minutes) in enumerate(pattern, start=1):
                last = sequence == len(pattern)
                times += csv_line(trip, clock(start + minutes), clock(start + minutes), stop, sequence,
                                  1 if last else 0, 1 if sequence == 1 else 0)  # fmt: skip
    for trip, begin, _end, _headway, _exact in SHUTTLE:
        trips += csv_line("N", "SEM", trip, "Halles", 0, "", 1)
        hours, minutes = int(begin[:2]), int(begin[3:5])
        for sequence, (stop, offset) in enumerate(PATTERNS[("N", "0")], start=1):
            moment = clock(hours * 60 + minutes + offset)
            times += csv_line(trip, moment, moment, stop, sequence, 0, 0)
    files["trips.txt"] = trips
    files["stop_times.txt"] = times
    files["frequencies.txt"] = "trip_id,start_time,end_time,headway_secs,exact_times\r\n" + "".join(
        csv_line(trip, begin, end, headway, exact) for trip, begin, end, headway, exact in SHUTTLE
    )
    shapes = "shape_id,shape_pt_lat,shape_pt_lon,shape_pt_sequence\r\n"
    for direction, points in (("0", SHAPE_1), ("1", SHAPE_1[::-1])):
        shapes += "".join(csv_line(f"SHP_1_{direction}", lat, lon, i + 1) for i, (lat, lon) in enumerate(points))
    files["shapes.txt"] = shapes
    files["feed_info.txt"] = (
        "feed_publisher_name,feed_publisher_url,feed_lang,feed_start_date,feed_end_date,feed_version\r\n"
        + csv_line(
            "Vilaine Mobilités (fictif)",
            "https://transport.demo-sur-vilaine.example",
            "fr",
            f"{START:%Y%m%d}",
            f"{END:%Y%m%d}",
            "2026-11",
        )  # fmt: skip
    )
    return files


def write_zip(path: str, files: dict) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name].encode("utf-8"))
    with open(path, "wb") as handle:
        handle.write(buffer.getvalue())


def place_at(pattern, start: int, moment: float):
    """(lat, lon, bearing, speed m/s, next stop, sequence, stopped) of a trip at `moment` (minutes), or None."""
    for index in range(len(pattern) - 1):
        (here, at), (there, then) = pattern[index], pattern[index + 1]
        if start + at <= moment <= start + then:
            (_n1, lat1, lon1, *_a), (_n2, lat2, lon2, *_b) = STOPS[here], STOPS[there]
            share = (moment - start - at) / (then - at)
            north = (lat2 - lat1) * 111_320
            east = (lon2 - lon1) * 111_320 * math.cos(math.radians(lat1))
            bearing = math.degrees(math.atan2(east, north)) % 360
            speed = math.hypot(north, east) / ((then - at) * 60)
            stopped = share == 0
            return (lat1 + (lat2 - lat1) * share, lon1 + (lon2 - lon1) * share, bearing, speed,
                    here if stopped else there, index + 1 if stopped else index + 2, stopped)  # fmt: skip
    return None


def service_of(day: datetime.date) -> str:
    if day in HOLIDAYS or day.weekday() == 6:
        return "DIM"
    return "SAM" if day.weekday() == 5 else "SEM"


def on_the_road() -> list:
    """The VehiclePosition of every vehicle on the road at DEMO_TIME (the day's service, the shuttle's frequency
    runs included), as protobuf_writer.vehicle_entity's arguments."""
    local = datetime.datetime.fromtimestamp(DEMO_TIME + UTC_OFFSET, datetime.timezone.utc)
    moment = local.hour * 60 + local.minute + local.second / 60
    service = service_of(local.date())
    running = []  # (route, direction, trip_id, start minute)
    for (route, direction, trip_service), starts in sorted(TIMETABLES.items()):
        if trip_service == service:
            running += [
                (route, direction, f"{route}_{direction}_{service}_{clock(t)[:5].replace(':', 'h')}", t) for t in starts
            ]
    if service == "SEM":
        for trip, begin, end, headway, _exact in SHUTTLE:
            first, last = int(begin[:2]) * 60 + int(begin[3:5]), int(end[:2]) * 60 + int(end[3:5])
            running += [("N", "0", trip, t) for t in range(first, last, headway // 60)]
    vehicles, number = [], 201
    for route, direction, trip, start in running:
        found = place_at(PATTERNS[(route, direction)], start, moment)
        if found is None:
            continue
        lat, lon, bearing, speed, stop, sequence, stopped = found
        vehicles.append(
            dict(
                entity_id=f"VM-{number}", lat=lat, lon=lon, bearing=round(bearing),
                speed=0.0 if stopped else round(speed, 1), trip_id=trip, route_id=route,
                direction_id=int(direction), start_date=f"{local:%Y%m%d}",
                vehicle_id=f"VM-{number}", label=f"Bus {number}", stop_id=stop, stop_sequence=sequence,
                status=1 if stopped else 2, timestamp=DEMO_TIME - 7 * (number - 200),
            )
        )  # fmt: skip
        number += 1
    return vehicles


def vehicle_positions() -> bytes:
    """The vehicles on the road at DEMO_TIME, and one bus at the depot that has no position yet."""
    vehicles = on_the_road()
    depot = f"VM-{201 + len(vehicles)}"
    entities = [pb.vehicle_entity(**vehicle) for vehicle in vehicles]
    entities.append(pb.vehicle_entity(depot, vehicle_id=depot, label=f"Bus {201 + len(vehicles)}"))
    return pb.feed_message(*entities, timestamp=DEMO_TIME)


def build(folder: str = OUT) -> tuple:
    """Write network.zip and vehicle_positions.pb into `folder`; returns (files of the zip, the reply)."""
    os.makedirs(folder, exist_ok=True)
    files = network_files()
    write_zip(os.path.join(folder, "network.zip"), files)
    reply = vehicle_positions()
    with open(os.path.join(folder, "vehicle_positions.pb"), "wb") as handle:
        handle.write(reply)
    return files, reply


def main() -> int:
    files, reply = build()
    print(f"network.zip: {sum(text.count(chr(10)) - 1 for text in [files['stop_times.txt']])} stop times; "
          f"vehicle_positions.pb: {len(reply)} bytes")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
