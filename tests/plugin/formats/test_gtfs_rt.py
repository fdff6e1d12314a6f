"""The GTFS-RT wire-format reader: the VehiclePositions fields it uses, unknown fields skipped by wire
type, and any damaged message turned into one ReplyError (never another exception)."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from open_territory.plugin.formats import gtfs_rt
from open_territory.plugin.toolbelt.errors import ReplyError

from . import protobuf_writer as pb

FEED = "https://rt.demo.example/vehicle-positions"


def test_reads_the_vehicle_fields():
    message = pb.feed_message(
        pb.vehicle_entity(
            "e1",
            lat=47.8112,
            lon=-1.5941,
            bearing=270.0,
            speed=8.5,
            trip_id="L1_0710",
            route_id="L1",
            direction_id=1,
            start_date="20261103",
            vehicle_id="bus-204",
            label="204",
            stop_id="MAIRIE",
            stop_sequence=2,
            status=1,
            timestamp=1795501234,
        ),
        timestamp=1795501240,
    )
    header, vehicles = gtfs_rt.read_vehicle_positions(message, FEED)
    assert header.version == "2.0" and header.timestamp == 1795501240 and header.incrementality == 0
    (vehicle,) = vehicles
    assert vehicle["entity_id"] == "e1"
    assert vehicle["latitude"] == pytest.approx(47.8112, abs=1e-5)  # a float32 keeps ~7 digits
    assert vehicle["longitude"] == pytest.approx(-1.5941, abs=1e-5)
    assert vehicle["bearing"] == 270.0 and vehicle["speed"] == 8.5
    assert (vehicle["trip_id"], vehicle["route_id"], vehicle["direction_id"]) == ("L1_0710", "L1", 1)
    assert vehicle["start_date"] == "20261103"
    assert (vehicle["vehicle_id"], vehicle["vehicle_label"]) == ("bus-204", "204")
    assert (vehicle["stop_id"], vehicle["current_stop_sequence"], vehicle["current_status"]) == ("MAIRIE", 2, 1)
    assert vehicle["timestamp"] == 1795501234


def test_rows_for_the_layer():
    message = pb.feed_message(
        pb.vehicle_entity("e1", lat=47.81, lon=-1.59, speed=10.0, label="204", stop_id="GARE_A"),
        pb.vehicle_entity("e2", lat=47.82, lon=-1.60, vehicle_id="tram-3", timestamp=1793691540),
        pb.vehicle_entity("e3", trip_id="L2_0800"),  # no position (optional): left out, not counted as unusable
        pb.vehicle_entity("e4", lat=0.0, lon=0.0, label="ghost"),  # Null Island: left out
        pb.vehicle_entity("e5", lat=float("nan"), lon=-1.6, label="nan"),  # not finite: left out
        pb.vehicle_entity("e6", lat=47.8, lon=-1.6, label="gone", deleted=True),  # deleted: skipped
        timestamp=1793691600,
    )
    header, vehicles = gtfs_rt.read_vehicle_positions(message, FEED)
    rows, bad = gtfs_rt.vehicle_rows(header, vehicles)
    assert bad == 2
    (lon1, lat1, first), (_lon2, _lat2, second) = rows
    assert (round(lon1, 4), round(lat1, 4)) == (-1.59, 47.81)
    assert first["label"] == "204" and first["speed"] == 10.0 and first["speed_kmh"] == 36.0
    # no timestamp of its own: the header's; a stop without status: IN_TRANSIT_TO (the proto's default)
    assert first["timestamp"] == "2026-11-03T07:40:00Z" and first["current_status"] == "IN_TRANSIT_TO"
    assert second["label"] == "tram-3" and second["timestamp"] == "2026-11-03T07:39:00Z"
    assert second["current_status"] is None and second["speed"] is None


def test_unknown_fields_of_every_wire_type_are_skipped():
    unknown = (
        pb.field_varint(9, 3)  # occupancy_status
        + pb.field_double(1000, 1.5)  # an extension, 64-bit
        + pb.key(1001, 5)
        + b"\x00\x00\x80?"  # 32-bit
        + pb.field_bytes(9000, b"\x08\x01private")  # a private extension message
        + pb.key(1002, 3)  # a (deprecated) group with a field inside
        + pb.field_varint(1, 7)
        + pb.key(1002, 4)
    )
    message = pb.header() + pb.field_varint(1999, 1) + pb.vehicle_entity("e1", lat=48.0, lon=2.0, extra=unknown)
    _header, (vehicle,) = gtfs_rt.read_vehicle_positions(message, FEED)
    assert vehicle["latitude"] == 48.0 and vehicle["longitude"] == 2.0


def test_timestamps_as_fixed64_and_positions_as_doubles_are_read():
    position = pb.field_double(1, 48.5) + pb.field_double(2, 2.25)
    vehicle = pb.field_bytes(2, position) + pb.key(5, 1) + (1795501234).to_bytes(8, "little")
    message = pb.header() + pb.field_bytes(2, pb.field_text(1, "e1") + pb.field_bytes(4, vehicle))
    _header, (read,) = gtfs_rt.read_vehicle_positions(message, FEED)
    assert (read["latitude"], read["longitude"], read["timestamp"]) == (48.5, 2.25, 1795501234)


def test_an_empty_feed_has_no_vehicles():
    header, vehicles = gtfs_rt.read_vehicle_positions(pb.feed_message(), FEED)
    assert header.version == "2.0" and vehicles == []


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"<!DOCTYPE html><html><body>Service unavailable</body></html>", "not_protobuf"),
        (b'{"error": "quota exceeded"}', "not_protobuf"),
        (b"", "not_gtfs_rt"),
        (pb.vehicle_entity("e1", lat=1.0, lon=1.0), "not_gtfs_rt"),  # entities without a header
        (pb.header()[:-2], "corrupt"),  # cut inside the header
        (pb.header() + b"\x12\xff", "corrupt"),  # a length running past the end
        (pb.header() + b"\x0f", "corrupt"),  # wire type 7
        (pb.header() + b"\x00\x01", "corrupt"),  # field number 0
        (pb.header() + b"\x0c", "corrupt"),  # a group end without its start
        (pb.header() + b"\x08" + b"\xff" * 11, "corrupt"),  # an 11-byte varint
    ],
)
def test_damaged_replies_are_one_clear_error(data, reason):
    with pytest.raises(ReplyError) as raised:
        gtfs_rt.read_vehicle_positions(data, FEED)
    assert raised.value.reason == reason
    assert FEED in str(raised.value) and raised.value.source == FEED


def test_every_truncation_is_a_reply_error_or_a_shorter_feed():
    message = pb.feed_message(
        pb.vehicle_entity("e1", lat=47.81, lon=-1.59, bearing=90.0, trip_id="L1_0710", label="204", timestamp=5),
        pb.vehicle_entity("e2", lat=47.82, lon=-1.60, route_id="T", stop_id="HALLES", status=2),
    )
    for size in range(len(message)):
        try:
            _header, vehicles = gtfs_rt.read_vehicle_positions(message[:size], FEED)
        except ReplyError:
            continue
        assert len(vehicles) <= 2  # cut between two fields: a valid, shorter message


vehicles_strategy = st.lists(
    st.fixed_dictionaries(
        {
            "entity_id": st.text(min_size=1, max_size=12),
            "lat": st.floats(-90, 90, width=32),
            "lon": st.floats(-180, 180, width=32),
            "bearing": st.one_of(st.none(), st.floats(0, 360, width=32)),
            "trip_id": st.one_of(st.none(), st.text(max_size=20)),
            "route_id": st.one_of(st.none(), st.text(max_size=8)),
            "label": st.one_of(st.none(), st.text(max_size=8)),
            "timestamp": st.one_of(st.none(), st.integers(0, 2**63)),
            "stop_sequence": st.one_of(st.none(), st.integers(0, 2**32 - 1)),
        }
    ),
    max_size=20,
)


@settings(max_examples=200, deadline=None)
@given(vehicles_strategy, st.integers(0, 2**64 - 1))
def test_what_is_written_is_read_back(vehicles, stamp):
    message = pb.feed_message(*(pb.vehicle_entity(**v) for v in vehicles), timestamp=stamp)
    header, read = gtfs_rt.read_vehicle_positions(message, FEED)
    assert header.timestamp == stamp and len(read) == len(vehicles)
    for written, got in zip(vehicles, read):
        assert got["entity_id"] == written["entity_id"]
        assert got["latitude"] == written["lat"] and got["longitude"] == written["lon"]
        for name, key in (("trip_id", "trip_id"), ("route_id", "route_id"), ("label", "vehicle_label")):
            assert got.get(key) == written[name]
        assert got.get("timestamp") == written["timestamp"]
        assert got.get("current_stop_sequence") == written["stop_sequence"]
        if written["bearing"] is not None:
            assert math.isclose(got["bearing"], written["bearing"])


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes_never_raise_anything_but_a_reply_error(data):
    try:
        gtfs_rt.read_vehicle_positions(pb.header() + data, FEED)
    except ReplyError:
        pass
