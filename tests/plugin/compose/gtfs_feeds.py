"""The stand-ins' GTFS networks and GTFS-RT vehicle positions, made from the fixture's communes.

transport.data.gouv.fr's catalog (data/transport/datasets.json) points to one GTFS zip and, for some networks,
one GTFS-RT VehiclePositions feed per network. The stand-ins answer them with a small network over the
communes of the dataset's covered area (and of its transport authority): two stops in each commune's cell,
one bus line through them every 30 minutes all day, every day of 2026 and 2027 (calendar.txt), and its two
first vehicles on their way. Files follow the GTFS reference (agency, stops, routes, trips, stop_times,
calendar) and the GTFS-RT protobuf wire format (FeedMessage, FeedHeader, FeedEntity, VehiclePosition), the
latter written by hand: the tests use no protobuf library, as the plugin does not.
"""

from __future__ import annotations

import csv
import io
import struct
import zipfile

MAX_STOPS = 12
DEPARTURES = [f"{hour:02d}:{minute:02d}:00" for hour in range(6, 22) for minute in (0, 30)]


def network_stops(communes: list) -> list:
    """(stop_id, name, lat, lon) of the network: two stops in the cell of each commune (squares in the
    fixtures), at most MAX_STOPS."""
    stops = []
    for commune in communes:
        ring = commune["contour"]["coordinates"][0]
        (x0, y0), size = ring[0], ring[1][0] - ring[0][0]
        for k, (dx, dy) in enumerate(((0.35, 0.45), (0.65, 0.55))):
            lat, lon = round(y0 + size * dy, 6), round(x0 + size * dx, 6)
            stops.append((f"{commune['code']}-{k + 1}", f"{commune['nom']} {k + 1}", lat, lon))
    return stops[:MAX_STOPS]


def csv_text(header: list, rows: list) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def network_zip(name: str, communes: list) -> bytes:
    """A GTFS zip: one agency, one bus route through the stops, a trip every 30 minutes each way."""
    stops = network_stops(communes)
    trips, stop_times = [], []
    for direction, ordered in ((0, stops), (1, stops[::-1])):
        for index, start in enumerate(DEPARTURES):
            trip = f"{name}-{direction}-{index:02d}"
            trips.append(("L1", "ALL", trip, ordered[-1][1], direction))
            hour, minute = int(start[:2]), int(start[3:5])
            for sequence, stop in enumerate(ordered, start=1):
                at = hour * 60 + minute + 3 * (sequence - 1)
                time = f"{at // 60:02d}:{at % 60:02d}:00"
                stop_times.append((trip, time, time, stop[0], sequence))
    files = {
        "agency.txt": csv_text(
            ["agency_id", "agency_name", "agency_url", "agency_timezone", "agency_lang"],
            [(name, f"Réseau {name}", "https://transport.example/", "Europe/Paris", "fr")],
        ),
        "stops.txt": csv_text(["stop_id", "stop_name", "stop_lat", "stop_lon"], [s for s in stops]),
        "routes.txt": csv_text(
            ["route_id", "agency_id", "route_short_name", "route_long_name", "route_type", "route_color"],
            [("L1", name, "1", f"{stops[0][1]} - {stops[-1][1]}", 3, "E2001A")],
        ),
        "trips.txt": csv_text(["route_id", "service_id", "trip_id", "trip_headsign", "direction_id"], trips),
        "stop_times.txt": csv_text(
            ["trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence"], stop_times
        ),
        "calendar.txt": csv_text(
            ["service_id", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
            + ["start_date", "end_date"],
            [("ALL", 1, 1, 1, 1, 1, 1, 1, "20260101", "20271231")],
        ),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, text in files.items():
            archive.writestr(member, text)
    return out.getvalue()


# -- protobuf wire format ----------------------------------------------------------------------------


def varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def key(number: int, wire: int) -> bytes:
    return varint(number << 3 | wire)


def text_field(number: int, value: str) -> bytes:
    data = value.encode("utf-8")
    return key(number, 2) + varint(len(data)) + data


def message_field(number: int, data: bytes) -> bytes:
    return key(number, 2) + varint(len(data)) + data


def float_field(number: int, value: float) -> bytes:
    return key(number, 5) + struct.pack("<f", value)


def number_field(number: int, value: int) -> bytes:
    return key(number, 0) + varint(value)


def vehicle_positions(name: str, communes: list, now: int) -> bytes:
    """A GTFS-RT FeedMessage: the network's two first trips of the day, each with its bus at a stop."""
    header = text_field(1, "2.0") + number_field(2, 0) + number_field(3, now)
    message = message_field(1, header)
    for index, stop in enumerate(network_stops(communes)[:2]):
        trip = message_field(1, text_field(1, f"{name}-{index}-00") + text_field(5, "L1"))
        position = float_field(1, stop[2]) + float_field(2, stop[3]) + float_field(3, 90.0) + float_field(5, 8.5)
        vehicle = message_field(8, text_field(1, f"bus-{index + 1}") + text_field(2, f"Bus {index + 1}"))
        body = trip + message_field(2, position) + number_field(5, now - 30) + vehicle
        message += message_field(2, text_field(1, f"vehicle-{index + 1}") + message_field(4, body))
    return message
