"""Property-based tests of the GTFS-RT reader (plugin/formats/gtfs_rt.py, from the GTFS stream): whatever bytes a
feed sends, vehicles at places on Earth or the plugin's own errors. The module lands with the GTFS stream: until
then these tests are skipped."""

import math
import struct

import pytest
from hypothesis import strategies as st

from ...fuzzing import fuzz, only_plugin_errors

gtfs_rt = pytest.importorskip("open_territory.plugin.formats.gtfs_rt")


def varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def field(number: int, wire: int, payload: bytes) -> bytes:
    key = varint(number << 3 | wire)
    return key + (varint(len(payload)) + payload if wire == 2 else payload)


FLOATS = st.one_of(
    st.floats(width=32, allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, 48.11, -1.68, 91.0, -181.0, float("nan"), float("inf")]),
)


@st.composite
def feed_messages(draw):
    """A FeedMessage as producers write it, with hostile numbers: header (version, timestamp), entities with a
    vehicle (trip, position as float32, descriptor, timestamp), sometimes an unknown field."""
    header = field(1, 2, draw(st.sampled_from([b"2.0", b"1.0", b""]))) + field(
        3, 0, varint(draw(st.integers(0, 2**64 - 1)))
    )
    message = field(1, 2, header)
    for index in range(draw(st.integers(0, 4))):
        lat, lon = draw(FLOATS), draw(FLOATS)
        position = field(1, 5, struct.pack("<f", lat)) + field(2, 5, struct.pack("<f", lon))
        if draw(st.booleans()):
            position += field(3, 5, struct.pack("<f", draw(FLOATS))) + field(5, 5, struct.pack("<f", draw(FLOATS)))
        vehicle = field(1, 2, field(1, 2, b"trip-%d" % index) + field(5, 2, b"C1")) + field(2, 2, position)
        vehicle += field(5, 0, varint(draw(st.integers(0, 2**64 - 1)))) + field(8, 2, field(1, 2, b"bus-%d" % index))
        if draw(st.booleans()):
            vehicle += field(99, 2, draw(st.binary(max_size=8)))
        message += field(2, 2, field(1, 2, b"e%d" % index) + field(4, 2, vehicle))
    cut = draw(st.integers(0, len(message)))
    return message if draw(st.booleans()) else message[:cut] + draw(st.binary(max_size=6))


def read(data: bytes):
    decoded = only_plugin_errors(gtfs_rt.read_vehicle_positions, data, "https://gtfs.example.org/vehicles.pb")
    if decoded is None:
        return
    rows, _bad = gtfs_rt.vehicle_rows(*decoded)
    for lon, lat, _values in rows:
        assert math.isfinite(lon) and math.isfinite(lat) and abs(lon) <= 180 and abs(lat) <= 90


@fuzz(feed_messages())
def test_feeds_with_hostile_numbers(data):
    read(data)


@fuzz(st.binary(max_size=200))
def test_any_bytes(data):
    read(data)
