"""Writes GTFS Realtime VehiclePositions messages in the protobuf wire format, for the tests and the
demo's recorded reply. The writing side of plugin/formats/gtfs_rt.py, written apart from it (from
gtfs-realtime.proto's field numbers and the protobuf encoding rules), so that a test of the reader
does not check the reader against itself.
"""

from __future__ import annotations

import struct


def varint(value: int) -> bytes:
    if value < 0:
        value += 1 << 64  # int32/int64 negatives take ten bytes
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def key(number: int, wire: int) -> bytes:
    return varint(number << 3 | wire)


def field_varint(number: int, value: int) -> bytes:
    return key(number, 0) + varint(value)


def field_bytes(number: int, payload: bytes) -> bytes:
    return key(number, 2) + varint(len(payload)) + payload


def field_text(number: int, text: str) -> bytes:
    return field_bytes(number, text.encode("utf-8"))


def field_float(number: int, value: float) -> bytes:
    return key(number, 5) + struct.pack("<f", value)


def field_double(number: int, value: float) -> bytes:
    return key(number, 1) + struct.pack("<d", value)


def header(version: str = "2.0", timestamp: int = None, incrementality: int = None) -> bytes:
    body = field_text(1, version)
    if incrementality is not None:
        body += field_varint(2, incrementality)
    if timestamp is not None:
        body += field_varint(3, timestamp)
    return field_bytes(1, body)


def vehicle_entity(
    entity_id: str,
    lat: float = None,
    lon: float = None,
    bearing: float = None,
    speed: float = None,
    trip_id: str = None,
    route_id: str = None,
    direction_id: int = None,
    start_date: str = None,
    vehicle_id: str = None,
    label: str = None,
    stop_id: str = None,
    stop_sequence: int = None,
    status: int = None,
    timestamp: int = None,
    deleted: bool = False,
    extra: bytes = b"",
) -> bytes:
    """A FeedEntity (field 2 of FeedMessage) holding a VehiclePosition. `extra` is appended inside the
    VehiclePosition (unknown fields, extensions)."""
    trip = message((1, field_text, trip_id), (3, field_text, start_date), (5, field_text, route_id))
    trip += message((6, field_varint, direction_id))
    position = message((1, field_float, lat), (2, field_float, lon), (3, field_float, bearing), (5, field_float, speed))
    located = lat is not None or lon is not None
    vehicle = message(
        (1, field_bytes, trip or None),
        (2, field_bytes, position if located else None),
        (3, field_varint, stop_sequence),
        (4, field_varint, status),
        (5, field_varint, timestamp),
        (7, field_text, stop_id),
        (8, field_bytes, message((1, field_text, vehicle_id), (2, field_text, label)) or None),
    )
    entity = message(
        (1, field_text, entity_id), (2, field_varint, 1 if deleted else None), (4, field_bytes, vehicle + extra)
    )
    return field_bytes(2, entity)


def message(*parts: tuple) -> bytes:
    """A message's fields from (field number, writer, value) parts in order; a part whose value is None is left out."""
    return b"".join(write(number, value) for number, write, value in parts if value is not None)


def feed_message(*entities: bytes, timestamp: int = 1795500000, version: str = "2.0") -> bytes:
    return header(version, timestamp) + b"".join(entities)
