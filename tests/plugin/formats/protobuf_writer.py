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
    trip = b""
    if trip_id is not None:
        trip += field_text(1, trip_id)
    if start_date is not None:
        trip += field_text(3, start_date)
    if route_id is not None:
        trip += field_text(5, route_id)
    if direction_id is not None:
        trip += field_varint(6, direction_id)
    position = b""
    if lat is not None:
        position += field_float(1, lat)
    if lon is not None:
        position += field_float(2, lon)
    if bearing is not None:
        position += field_float(3, bearing)
    if speed is not None:
        position += field_float(5, speed)
    descriptor = b""
    if vehicle_id is not None:
        descriptor += field_text(1, vehicle_id)
    if label is not None:
        descriptor += field_text(2, label)
    vehicle = b""
    if trip:
        vehicle += field_bytes(1, trip)
    if lat is not None or lon is not None:
        vehicle += field_bytes(2, position)
    if stop_sequence is not None:
        vehicle += field_varint(3, stop_sequence)
    if status is not None:
        vehicle += field_varint(4, status)
    if timestamp is not None:
        vehicle += field_varint(5, timestamp)
    if stop_id is not None:
        vehicle += field_text(7, stop_id)
    if descriptor:
        vehicle += field_bytes(8, descriptor)
    vehicle += extra
    entity = field_text(1, entity_id)
    if deleted:
        entity += field_varint(2, 1)
    entity += field_bytes(4, vehicle)
    return field_bytes(2, entity)


def feed_message(*entities: bytes, timestamp: int = 1795500000, version: str = "2.0") -> bytes:
    return header(version, timestamp) + b"".join(entities)
