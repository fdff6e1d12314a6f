"""GTFS Realtime vehicle positions, read from the protobuf wire format without a protobuf library.

QGIS ships no protobuf runtime on every platform, and a VehiclePositions feed uses a handful of
fields, so this module reads the wire format itself (https://protobuf.dev/programming-guides/encoding/):
keys are varints (field number << 3 | wire type); values are varints (wire type 0), 64-bit little-endian
words (1), length-delimited bytes (2: strings and nested messages) and 32-bit words (5). Groups (3, 4)
are deprecated but skipped properly. Any field this module does not use is skipped by its wire type,
so extensions and fields added to the specification later do no harm.

Read, from gtfs-realtime.proto (proto2):
    FeedMessage      header = 1 (FeedHeader), entity = 2 (repeated FeedEntity)
    FeedHeader       gtfs_realtime_version = 1, incrementality = 2, timestamp = 3 (uint64)
    FeedEntity       id = 1, is_deleted = 2, vehicle = 4 (VehiclePosition)
    VehiclePosition  trip = 1, position = 2, current_stop_sequence = 3, current_status = 4,
                     timestamp = 5, stop_id = 7, vehicle = 8
    TripDescriptor   trip_id = 1, start_time = 2, start_date = 3, route_id = 5, direction_id = 6
    Position         latitude = 1, longitude = 2, bearing = 3 (float), speed = 5 (float, m/s)
    VehicleDescriptor id = 1, label = 2, license_plate = 3

A message cut short, a length running past its end, an invalid wire type or a reply that is a web page
raises `ReplyError` naming the feed: never a traceback.
"""

from __future__ import annotations

import datetime
import math
import struct
from dataclasses import dataclass

from ..toolbelt.errors import ReplyError
from ..toolbelt.i18n import tr
from ..toolbelt.logger import log

VARINT, FIXED64, LENGTH, START_GROUP, END_GROUP, FIXED32 = 0, 1, 2, 3, 4, 5
STOP_STATUS = {0: "INCOMING_AT", 1: "STOPPED_AT", 2: "IN_TRANSIT_TO"}
MAX_DEPTH = 32  # nested groups deeper than this are not a GTFS-RT feed

_float = struct.Struct("<f")
_double = struct.Struct("<d")


def wire_error(cause: str) -> ReplyError:
    """The bytes do not follow the protobuf wire format: `cause`, told again naming the feed by the readers."""
    return ReplyError(cause, reason="wire")


def read_varint(data: bytes, position: int, end: int) -> tuple:
    """(value, next position) of the varint at `position`; at most 10 bytes (a 64-bit value)."""
    value = 0
    shift = 0
    while True:
        if position >= end:
            raise wire_error(tr("the message ends inside a number"))
        byte = data[position]
        position += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, position
        shift += 7
        if shift >= 70:
            raise wire_error(tr("a number is longer than 10 bytes"))


def fields(data: bytes, start: int = 0, end: int = None):
    """Yield (field number, wire type, value) for each field of the message in data[start:end].

    The value is an int for wire types 0, 1 and 5 (the raw unsigned bits) and a (start, end) pair of
    positions into `data` for length-delimited fields. Groups are skipped."""
    end = len(data) if end is None else end
    position = start
    while position < end:
        key, position = read_varint(data, position, end)
        number, wire = key >> 3, key & 7
        if number == 0:
            raise wire_error(tr("a field has the number 0"))
        if wire == VARINT:
            value, position = read_varint(data, position, end)
        elif wire == FIXED64:
            if position + 8 > end:
                raise wire_error(tr("the message ends inside a 64-bit value"))
            value = int.from_bytes(data[position : position + 8], "little")
            position += 8
        elif wire == FIXED32:
            if position + 4 > end:
                raise wire_error(tr("the message ends inside a 32-bit value"))
            value = int.from_bytes(data[position : position + 4], "little")
            position += 4
        elif wire == LENGTH:
            length, position = read_varint(data, position, end)
            if position + length > end:
                raise wire_error(tr("a length runs past the end of the message"))
            value = (position, position + length)
            position += length
        elif wire == START_GROUP:
            position = _skip_group(data, position, end, number, 1)
            continue
        else:  # END_GROUP outside a group, or the unused wire types 6 and 7
            raise wire_error(tr("invalid wire type") + f" {wire}")
        yield number, wire, value


def _skip_group(data: bytes, position: int, end: int, number: int, depth: int) -> int:
    """The position after the END_GROUP matching a START_GROUP of field `number`."""
    if depth > MAX_DEPTH:
        raise wire_error(tr("groups are nested too deeply"))
    while position < end:
        key, position = read_varint(data, position, end)
        inner, wire = key >> 3, key & 7
        if wire == END_GROUP:
            if inner != number:
                raise wire_error(tr("a group ends with another field's number"))
            return position
        if wire == VARINT:
            _value, position = read_varint(data, position, end)
        elif wire == FIXED64:
            position += 8
        elif wire == FIXED32:
            position += 4
        elif wire == LENGTH:
            length, position = read_varint(data, position, end)
            position += length
        elif wire == START_GROUP:
            position = _skip_group(data, position, end, inner, depth + 1)
        else:
            raise wire_error(tr("invalid wire type") + f" {wire}")
        if position > end:
            raise wire_error(tr("a length runs past the end of the message"))
    raise wire_error(tr("the message ends inside a group"))


def _text(data: bytes, span) -> str:
    return data[span[0] : span[1]].decode("utf-8", "replace")


def _real(wire: int, value):
    """A float from a float (fixed32) or double (fixed64) field; None when not finite."""
    if wire == FIXED32:
        number = _float.unpack(value.to_bytes(4, "little"))[0]
    elif wire == FIXED64:
        number = _double.unpack(value.to_bytes(8, "little"))[0]
    else:
        return None
    return number if math.isfinite(number) else None


def _unsigned(wire: int, value):
    """An integer from a varint, or from a fixed64/fixed32 word some producers write timestamps as."""
    return value if wire in (VARINT, FIXED64, FIXED32) else None


@dataclass
class FeedHeader:
    version: str = ""
    incrementality: int = 0  # 0 FULL_DATASET, 1 DIFFERENTIAL
    timestamp: int = None  # POSIX seconds


def _header(data: bytes, span) -> FeedHeader:
    header = FeedHeader()
    for number, wire, value in fields(data, *span):
        if number == 1 and wire == LENGTH:
            header.version = _text(data, value)
        elif number == 2 and wire == VARINT:
            header.incrementality = value
        elif number == 3:
            header.timestamp = _unsigned(wire, value)
    return header


def _trip(data: bytes, span, vehicle: dict) -> None:
    for number, wire, value in fields(data, *span):
        if wire == LENGTH and number in (1, 2, 3, 5):
            vehicle[{1: "trip_id", 2: "start_time", 3: "start_date", 5: "route_id"}[number]] = _text(data, value)
        elif number == 6 and wire == VARINT:
            vehicle["direction_id"] = value


def _position(data: bytes, span, vehicle: dict) -> None:
    for number, wire, value in fields(data, *span):
        if number in (1, 2, 3, 5):
            vehicle[{1: "latitude", 2: "longitude", 3: "bearing", 5: "speed"}[number]] = _real(wire, value)


def _descriptor(data: bytes, span, vehicle: dict) -> None:
    for number, wire, value in fields(data, *span):
        if wire == LENGTH and number in (1, 2, 3):
            vehicle[{1: "vehicle_id", 2: "vehicle_label", 3: "license_plate"}[number]] = _text(data, value)


def _vehicle_position(data: bytes, span, vehicle: dict) -> None:
    for number, wire, value in fields(data, *span):
        if number == 1 and wire == LENGTH:
            _trip(data, value, vehicle)
        elif number == 2 and wire == LENGTH:
            vehicle["has_position"] = True
            _position(data, value, vehicle)
        elif number == 3 and wire == VARINT:
            vehicle["current_stop_sequence"] = value
        elif number == 4 and wire == VARINT:
            vehicle["current_status"] = value
        elif number == 5:
            vehicle["timestamp"] = _unsigned(wire, value)
        elif number == 7 and wire == LENGTH:
            vehicle["stop_id"] = _text(data, value)
        elif number == 8 and wire == LENGTH:
            _descriptor(data, value, vehicle)


def _entity(data: bytes, span):
    """The entity's vehicle as a dict, or None when it holds no vehicle or is deleted."""
    entity_id, deleted, vehicle = "", False, None
    for number, wire, value in fields(data, *span):
        if number == 1 and wire == LENGTH:
            entity_id = _text(data, value)
        elif number == 2 and wire == VARINT:
            deleted = bool(value)
        elif number == 4 and wire == LENGTH:
            vehicle = {}
            _vehicle_position(data, value, vehicle)
    if vehicle is None or deleted:
        return None
    vehicle["entity_id"] = entity_id
    return vehicle


def read_vehicle_positions(data: bytes, feed: str) -> tuple:
    """(FeedHeader, [vehicle dict]) of a FeedMessage; entities without a vehicle are skipped.

    A vehicle dict holds the keys found among: entity_id, vehicle_id, vehicle_label, license_plate,
    trip_id, route_id, direction_id, start_date, start_time, latitude, longitude, bearing, speed,
    current_stop_sequence, current_status, stop_id, timestamp, has_position. `feed` (a redacted URL or
    a file name) names the feed in errors."""
    head = bytes(data[:64]).lstrip()
    if head[:1] in (b"<", b"{", b"["):
        raise ReplyError(
            tr("The GTFS-RT feed answered with a web page or JSON, not a protobuf message") + f" ({feed})",
            source=feed,
            reason="not_protobuf",
        )
    header, vehicles = None, []
    try:
        for number, wire, value in fields(data):
            if number == 1 and wire == LENGTH:
                header = _header(data, value)
            elif number == 2 and wire == LENGTH:
                vehicle = _entity(data, value)
                if vehicle is not None:
                    vehicles.append(vehicle)
    except ReplyError as error:  # only wire_error is raised inside
        raise ReplyError(
            tr("The GTFS-RT feed is not a readable protobuf message") + f" ({feed}): {error}",
            source=feed,
            reason="corrupt",
        ) from None
    if header is None or not header.version:
        raise ReplyError(
            tr("The reply is not a GTFS-RT feed: it has no header with gtfs_realtime_version") + f" ({feed})",
            source=feed,
            reason="not_gtfs_rt",
        )
    return header, vehicles


def utc_iso(seconds):
    """UTC ISO-8601 of POSIX seconds (milliseconds accepted, as some producers send); None for 0 or absurd."""
    if not seconds or seconds < 0:
        return None
    if seconds > 1e11:
        seconds /= 1000.0
    try:
        moment = datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


VEHICLE_FIELDS = (
    ("label", "string"),
    ("vehicle_id", "string"),
    ("vehicle_label", "string"),
    ("license_plate", "string"),
    ("trip_id", "string"),
    ("route_id", "string"),
    ("direction_id", "integer"),
    ("start_date", "string"),
    ("start_time", "string"),
    ("stop_id", "string"),
    ("current_stop_sequence", "integer"),
    ("current_status", "string"),
    ("bearing", "real"),
    ("speed", "real"),
    ("speed_kmh", "real"),
    ("timestamp", "datetime"),
    ("entity_id", "string"),
)


def vehicle_rows(header: FeedHeader, vehicles) -> tuple:
    """([(lon, lat, {field: value})], number left out for an unusable position) from the decoded feed; the
    vehicles that give no position at all are left out without counting as unusable (logged).

    `label` (also the layer's `name`) is the vehicle's label, else its id, else the entity id. A vehicle
    without its own timestamp takes the feed header's. The stop status is named only when the vehicle
    says which stop it refers to (the specification ignores it otherwise)."""
    rows, bad, unplaced = [], 0, 0
    for vehicle in vehicles:
        lat, lon = vehicle.get("latitude"), vehicle.get("longitude")
        if not vehicle.get("has_position"):
            # The specification makes the position optional: a bus at the depot, not located yet. Not drawn,
            # and no warning: nothing is wrong with the feed.
            unplaced += 1
            continue
        if lat is None or lon is None or abs(lat) > 90 or abs(lon) > 180 or (lat == 0 and lon == 0):
            bad += 1
            continue
        values = {name: vehicle.get(name) for name, _kind in VEHICLE_FIELDS}
        values["label"] = vehicle.get("vehicle_label") or vehicle.get("vehicle_id") or vehicle.get("entity_id")
        speed = vehicle.get("speed")
        values["speed_kmh"] = round(speed * 3.6, 1) if speed is not None else None
        if speed is not None:
            values["speed"] = round(speed, 2)
        if vehicle.get("bearing") is not None:
            values["bearing"] = round(vehicle["bearing"], 1)
        values["timestamp"] = utc_iso(vehicle.get("timestamp") or header.timestamp)
        if "stop_id" in vehicle or "current_stop_sequence" in vehicle:
            values["current_status"] = STOP_STATUS.get(vehicle.get("current_status", 2))
        else:
            values["current_status"] = None
        rows.append((lon, lat, values))
    if unplaced:
        log(f"GTFS-RT: {unplaced} vehicles without a position yet, not drawn")
    return rows, bad
