"""The GTFS network engine on small feeds written for each case (tests/plugin/formats/gtfs_feeds.py).

Expected figures, worked out by hand from base_feed() for Tuesday 3 November 2026 (service WK):
- GARE_A: bus 1 outward at 06:50, 07:10, 07:40, 08:55, 09:00 and tram T every 10 min from 07:00 to
  07:50 then 08:00, 08:30, 09:00, 09:30 (frequencies.txt): 15 departures, 11 between 7 and 9 h.
- MAIRIE: bus 1 outward 06:58, 07:18, 07:48, 09:03, 09:08, back 07:37 and 25:17: 7, 3 in the peak.
- HALLES: bus 1 outward ends there with pickup_type 1 (not departures); back 07:30 and 25:10 (01:10 the
  next morning: counted, outside the peak); tram 6 minutes after GARE_A: 12 departures, 9 in the peak.
- GARE_B: bus 1 back 07:45 and 25:25, bus 2 08:00: 3, 2 in the peak. PORT: bus 2 08:12: 1, 1.
"""

import datetime
import zipfile

import pytest
from open_territory.plugin.formats.gtfs import ROUTES_LAYER, STOPS_LAYER, build_network
from open_territory.plugin.formats.tabular import FIELD_LIMIT, allow_large_fields
from open_territory.plugin.toolbelt.errors import InputError, ReplyError
from osgeo import ogr
from shapely import wkt as shapely_wkt

from .feeds import base_feed, write_feed

TUESDAY = datetime.date(2026, 11, 3)


def load(tmp_path, files, day=TUESDAY, name="feed.zip", **kwargs):
    feed = write_feed(tmp_path / name, files, kwargs.pop("folder", ""))
    out = tmp_path / f"{name}.gpkg"
    if out.exists():
        out.unlink()
    result = build_network(feed, str(out), name, day=day, **kwargs)
    return result, layer_rows(out, STOPS_LAYER, "stop_id"), layer_rows(out, ROUTES_LAYER, None)


def layer_rows(path, layer_name, key):
    dataset = ogr.Open(str(path))
    layer = dataset.GetLayerByName(layer_name)
    rows = []
    for feature in layer:
        values = feature.items()
        geometry = feature.GetGeometryRef()
        values["wkt"] = geometry.ExportToWkt() if geometry is not None else None
        rows.append(values)
    dataset = None
    if key is None:
        return {(row["route_id"], row["direction_id"]): row for row in rows}
    return {row[key]: row for row in rows}


def level(stops):
    return {sid: (s["departures"], s["departures_7_9"], s["headway_7_9_min"]) for sid, s in stops.items()}


BASE_LEVEL = {
    "GARE_A": (15, 11, 10.9),
    "GARE_B": (3, 2, 60.0),
    "MAIRIE": (7, 3, 40.0),
    "HALLES": (12, 9, 13.3),
    "PORT": (1, 1, None),
}


def test_stops_level_of_service(tmp_path):
    result, stops, _routes = load(tmp_path, base_feed())
    assert result.service_date == TUESDAY
    assert level(stops) == BASE_LEVEL  # the station GARE has no departure and is not a stop
    assert stops["GARE_A"]["routes"] == "1, T" and stops["GARE_A"]["route_count"] == 2
    assert stops["GARE_B"]["routes"] == "1, 2" and stops["HALLES"]["routes"] == "1, T"
    assert stops["HALLES"]["stop_name"] == "Halles, place du marché"  # quoted, with a comma
    assert stops["GARE_A"]["parent_station"] == "GARE" and stops["GARE_A"]["stop_code"] == "GA"
    # a platform without wheelchair information inherits its station's; its own value wins otherwise
    assert stops["GARE_A"]["wheelchair_boarding"] == 1 and stops["GARE_B"]["wheelchair_boarding"] == 2
    assert stops["PORT"]["wheelchair_boarding"] == 0 and stops["MAIRIE"]["wheelchair_boarding"] == 0
    assert {s["service_date"] for s in stops.values()} == {"2026-11-03"}
    assert shapely_wkt.loads(stops["PORT"]["wkt"]).coords[0] == (-1.5875, 47.8068)
    assert result.stop_count == 5 and result.trip_count == 5 + 2 + 1 + 10
    assert result.publisher == "Démo-sur-Vilaine Mobilités" and result.label == "Démo-sur-Vilaine Mobilités"
    assert result.agencies == ["Tram Fictif, SPL", "Vilaine Bus"]
    assert result.validity == (datetime.date(2026, 11, 2), datetime.date(2026, 12, 31))
    assert result.warnings == []


def test_routes_per_direction(tmp_path):
    result, _stops, routes = load(tmp_path, base_feed())
    assert set(routes) == {("L1", 0), ("L1", 1), ("L2", 0), ("T", None)}
    outward = routes[("L1", 0)]
    assert (outward["trips"], outward["trips_7_9"], outward["headway_7_9_min"]) == (5, 3, 40.0)
    assert outward["route_color"] == "#E3001B" and outward["route_text_color"] == "#FFFFFF"
    assert outward["agency"] == "Vilaine Bus" and outward["mode"] == "bus" and outward["route_type"] == 3
    assert outward["headsign"] == "Halles" and outward["route_name"] == "1"
    # drawn from shapes.txt, points in shape_pt_sequence order
    assert outward["geometry_from"] == "shapes" and outward["shape_id"] == "S1"
    assert len(shapely_wkt.loads(outward["wkt"]).coords) == 5
    back = routes[("L1", 1)]
    assert (back["trips"], back["trips_7_9"], back["headway_7_9_min"]) == (2, 1, None)
    assert back["geometry_from"] == "stops" and back["shape_id"] is None
    assert list(shapely_wkt.loads(back["wkt"]).coords) == [(-1.6052, 47.8215), (-1.6008, 47.8171), (-1.5939, 47.8113)]
    bus2 = routes[("L2", 0)]
    assert bus2["route_color"] == "#FFFFFF" and bus2["route_text_color"] == "#000000"  # the reference's defaults
    assert bus2["route_long_name"] == "Gare - Port, par la rive"
    tram = routes[("T", None)]
    assert (tram["trips"], tram["trips_7_9"], tram["headway_7_9_min"]) == (10, 8, 15.0)
    assert tram["route_color"] == "#0070C0" and tram["mode"] == "tram" and tram["agency"] == "Tram Fictif, SPL"
    assert result.route_count == 4


def test_a_holiday_takes_the_calendar_dates_exceptions(tmp_path):
    _result, stops, routes = load(tmp_path, base_feed(), day=datetime.date(2026, 11, 11))
    assert level(stops) == {
        "GARE_A": (1, 0, None),
        "MAIRIE": (1, 0, None),
        "HALLES": (0, 0, None),  # the terminus: no pickup
        "GARE_B": (0, 0, None),
        "PORT": (0, 0, None),
    }
    assert set(routes) == {("L1", 0)} and routes[("L1", 0)]["trips"] == 1


def test_a_feed_given_by_calendar_dates_only(tmp_path):
    files = base_feed()
    del files["calendar.txt"]
    files["calendar_dates.txt"] = "service_id,date,exception_type\r\nWK,20261103,1\r\nWE,20261107,1\r\n"
    del files["feed_info.txt"]
    result, stops, _routes = load(tmp_path, files)
    assert level(stops) == BASE_LEVEL
    assert result.validity == (datetime.date(2026, 11, 3), datetime.date(2026, 11, 7))
    _result, stops, _routes = load(tmp_path, files, day=datetime.date(2026, 11, 4), name="other.zip")
    assert all(counts == (0, 0, None) for counts in level(stops).values())
    assert any("no trip runs" in warning for warning in _result.warnings)


@pytest.mark.parametrize(
    "today, expected, warned",
    [
        (datetime.date(2026, 11, 7), datetime.date(2026, 11, 9), False),  # Saturday: the next Monday
        (datetime.date(2026, 11, 3), datetime.date(2026, 11, 3), False),  # a weekday: today
        (datetime.date(2026, 10, 1), datetime.date(2026, 11, 2), False),  # before the validity: its first
        (datetime.date(2027, 3, 1), datetime.date(2026, 12, 31), True),  # expired: its last weekday
    ],
)
def test_default_service_day(tmp_path, today, expected, warned):
    result, _stops, _routes = load(tmp_path, base_feed(), day=None, today=today)
    assert result.service_date == expected
    assert any("2026-12-31" in warning for warning in result.warnings) == warned


def test_rows_written_in_any_order(tmp_path):
    """Trips' rows scattered through the file (not grouped) and stop_sequence not in order within a
    trip give the same figures: the file is sorted through SQLite first."""
    files = base_feed()
    header, *rows = files["stop_times.txt"].strip().split("\r\n")
    shuffled = rows[1::2][::-1] + rows[0::2]
    files["stop_times.txt"] = "\r\n".join([header, *shuffled]) + "\r\n"
    _result, stops, routes = load(tmp_path, files)
    assert level(stops) == BASE_LEVEL
    assert list(shapely_wkt.loads(routes[("L1", 1)]["wkt"]).coords)[0] == (-1.6052, 47.8215)


def test_stop_sequence_out_of_order_within_grouped_trips(tmp_path):
    files = base_feed()
    lines = files["stop_times.txt"].split("\r\n")
    # the three rows of L1_R_0730, written last stop first
    start = next(i for i, line in enumerate(lines) if line.startswith("L1_R_0730"))
    lines[start : start + 3] = lines[start : start + 3][::-1]
    files["stop_times.txt"] = "\r\n".join(lines)
    _result, stops, routes = load(tmp_path, files)
    assert level(stops) == BASE_LEVEL
    assert list(shapely_wkt.loads(routes[("L1", 1)]["wkt"]).coords)[0] == (-1.6052, 47.8215)


def test_stops_without_time_are_interpolated(tmp_path):
    files = base_feed()
    files["stop_times.txt"] += (
        # MAIRIE untimed between 08:50 and 09:06: 08:58, in the peak
        "X1,08:50:00,08:50:00,GARE_A,1,\r\nX1,,,MAIRIE,2,\r\nX1,09:06:00,09:06:00,HALLES,3,1\r\n"
        # between 08:52 and 09:08: 09:00:00, outside it
        "X2,08:52:00,08:52:00,GARE_A,1,\r\nX2,,,MAIRIE,2,\r\nX2,09:08:00,09:08:00,HALLES,3,1\r\n"
        # arrival only: the arrival counts
        "X3,06:00:00,06:00:00,GARE_A,1,\r\nX3,07:15:00,,MAIRIE,2,\r\nX3,07:20:00,07:20:00,HALLES,3,1\r\n"
    )
    files["trips.txt"] += "L1,WK,X1,Halles,0,S1\r\nL1,WK,X2,Halles,0,S1\r\nL1,WK,X3,Halles,0,S1\r\n"
    _result, stops, _routes = load(tmp_path, files)
    assert level(stops)["MAIRIE"] == (10, 5, 24.0)
    assert level(stops)["GARE_A"] == (18, 13, 9.2)


def test_times_past_midnight_count_on_their_service_day(tmp_path):
    _result, stops, _routes = load(tmp_path, base_feed(), day=datetime.date(2026, 11, 7))  # Saturday
    # the 25:10 trip of Friday's service is not Saturday's, even though it runs at 01:10 on Saturday
    assert level(stops)["HALLES"] == (0, 0, None)


def test_bom_crlf_short_rows_and_quoted_newlines(tmp_path):
    files = base_feed()
    # the optional trailing pickup_type cell left out of every row but the terminus ones
    files["stop_times.txt"] = "\r\n".join(
        line[:-1] if line.endswith(",") else line for line in files["stop_times.txt"].split("\r\n")
    )
    files["stops.txt"] = files["stops.txt"].replace("Port,", '"Port\r\nquai nord",')
    files["routes.txt"] = "\ufeff" + files["routes.txt"]
    _result, stops, routes = load(tmp_path, files)
    assert level(stops) == BASE_LEVEL
    assert stops["PORT"]["stop_name"] == "Port\r\nquai nord"
    assert len(routes) == 4


def test_missing_optional_files(tmp_path):
    files = base_feed()
    for name in ("agency.txt", "frequencies.txt", "shapes.txt", "feed_info.txt", "calendar_dates.txt"):
        del files[name]
    result, stops, routes = load(tmp_path, files)
    # without frequencies.txt the tram template is one trip, at 07:00
    assert level(stops)["GARE_A"] == (6, 4, 30.0)
    assert routes[("L1", 0)]["geometry_from"] == "stops"
    assert routes[("L1", 0)]["agency"] == "VB"  # no agency.txt: the id is what is known
    assert result.label == "" and result.warnings == []


def test_one_agency_without_agency_id(tmp_path):
    files = base_feed()
    files["agency.txt"] = "agency_name,agency_url,agency_timezone\r\nVilaine Bus,https://bus.example,Europe/Paris\r\n"
    files["routes.txt"] = files["routes.txt"].replace(",VB,", ",,").replace(",TF,", ",,")
    _result, _stops, routes = load(tmp_path, files)
    assert {route["agency"] for route in routes.values()} == {"Vilaine Bus"}


def test_files_inside_a_folder_and_windows_1252(tmp_path):
    files = base_feed()
    files["stops.txt"] = files["stops.txt"][1:].replace("Mairie", "Église").encode("cp1252")
    result, stops, _routes = load(tmp_path, files, folder="gtfs_vilaine")
    assert stops["MAIRIE"]["stop_name"] == "Église"
    assert any("Windows-1252" in warning for warning in result.warnings)


def test_bad_rows_are_left_out_and_reported(tmp_path):
    files = base_feed()
    files["stops.txt"] += "NOWHERE,,Nulle part,,,0,,\r\nNULL_ISLAND,,Zéro,0,0,,,\r\n"
    files["stop_times.txt"] += (
        "L2_0800,08:20:00,08:20:00,GHOST,3,\r\n"  # a stop stops.txt does not define
        "PHANTOM,08:00:00,08:00:00,PORT,1,\r\nPHANTOM,08:10:00,08:10:00,GARE_B,2,\r\n"  # an unknown trip
    )
    files["trips.txt"] += "L9,WK,L9_X,Nowhere,0,\r\nL2,WK,L2_BAD,Port,0,\r\n"
    files["stop_times.txt"] += "L2_BAD,08:30:00,08:30:00,GARE_B,one,\r\n"
    files["frequencies.txt"] += "T_F,09:00:00,08:00:00,600,0\r\n"
    files["calendar_dates.txt"] += "WK,2026-13-45,1\r\n"
    result, stops, _routes = load(tmp_path, files)
    assert level(stops) == BASE_LEVEL
    text = "\n".join(result.warnings)
    assert "stops without usable coordinates, left out: 2 (NOWHERE, NULL_ISLAND)" in text
    assert "naming a stop missing from stops.txt, left out: 1 (GHOST)" in text
    assert "naming a trip missing from trips.txt, left out: 2 (PHANTOM)" in text
    assert "naming a route missing from routes.txt, left out: 1 (L9)" in text
    assert "stop_sequence is not a whole number: 1 (L2_BAD)" in text
    assert "frequencies.txt rows left out" in text and "calendar rows left out" in text
    assert all(warning.startswith("GTFS feed.zip: ") for warning in result.warnings)


def test_extent_keeps_stops_inside_and_routes_crossing(tmp_path):
    around_port = [-1.590, 47.805, -1.585, 47.809]
    _result, stops, routes = load(tmp_path, base_feed(), extent=around_port)
    assert set(stops) == {"PORT"} and set(routes) == {("L2", 0)}
    around_station = [-1.5950, 47.8105, -1.5935, 47.8120]
    _result, stops, routes = load(tmp_path, base_feed(), extent=around_station, name="station.zip")
    assert set(stops) == {"GARE_A", "GARE_B"}
    assert set(routes) == {("L1", 0), ("L1", 1), ("L2", 0), ("T", None)}


def test_licence_from_feed_info(tmp_path):
    files = base_feed()
    files["feed_info.txt"] = (
        "feed_publisher_name,feed_publisher_url,feed_lang,feed_license\r\nDémo,https://demo.example,fr,ODbL\r\n"
    )
    result, _stops, _routes = load(tmp_path, files)
    assert result.licence == "ODbL"


def test_a_network_without_service_that_day_is_empty_not_an_error(tmp_path):
    result, stops, routes = load(tmp_path, base_feed(), day=datetime.date(2027, 6, 1))
    assert routes == {} and set(stops) == set(BASE_LEVEL)
    assert any("outside the feed's validity" in w for w in result.warnings)


@pytest.mark.parametrize(
    "files, message",
    [
        ({k: v for k, v in base_feed().items() if k != "stops.txt"}, "the archive has no stops.txt"),
        (
            {k: v for k, v in base_feed().items() if k not in ("calendar.txt", "calendar_dates.txt")},
            "neither calendar.txt nor calendar_dates.txt",
        ),
        ({**base_feed(), "stop_times.txt": "trip_id,arrival_time,stop_id\r\nX,08:00:00,A\r\n"}, "stop_sequence"),
        ({**base_feed(), "stops.txt": "stop_name,stop_lat\r\nA,48\r\n"}, "stops.txt has no column stop_id"),
    ],
)
def test_not_a_usable_feed(tmp_path, files, message):
    feed = write_feed(tmp_path / "bad.zip", files)
    out = tmp_path / "out.gpkg"
    with pytest.raises(InputError) as raised:
        build_network(feed, str(out), "bad.zip", day=TUESDAY)
    assert str(raised.value).startswith("GTFS bad.zip: ") and message in str(raised.value)


def test_corrupt_and_hostile_archives(tmp_path):
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK\x03\x04 this is not a zip at all" * 10)
    with pytest.raises(ReplyError, match="not a readable zip archive"):
        build_network(str(junk), str(tmp_path / "a.gpkg"), "https://gtfs.example/junk.zip", error_kind=ReplyError)
    climbing = tmp_path / "climbing.zip"
    with zipfile.ZipFile(climbing, "w") as archive:
        for name, text in base_feed().items():
            archive.writestr(name, text)
        archive.writestr("../../outside.txt", "boo")
    with pytest.raises(InputError, match="leaving its folder"):
        build_network(str(climbing), str(tmp_path / "b.gpkg"), "climbing.zip")
    absolute = tmp_path / "absolute.zip"
    with zipfile.ZipFile(absolute, "w") as archive:
        archive.writestr("/etc/stops.txt", "x")
    with pytest.raises(InputError, match="absolute path"):
        build_network(str(absolute), str(tmp_path / "c.gpkg"), "absolute.zip")
    assert not (tmp_path / "outside.txt").exists() and not (tmp_path.parent / "outside.txt").exists()


def test_a_damaged_member_is_named(tmp_path):
    files = base_feed()
    files["stop_times.txt"] = files["stop_times.txt"] * 50  # long enough to be deflated
    feed = tmp_path / "damaged.zip"
    write_feed(feed, files)
    data = bytearray(feed.read_bytes())
    with zipfile.ZipFile(feed) as archive:
        info = archive.getinfo("stop_times.txt")
    middle = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    data[middle : middle + 8] = b"\xff" * 8
    feed.write_bytes(bytes(data))
    with pytest.raises(InputError) as raised:
        build_network(str(feed), str(tmp_path / "out.gpkg"), "damaged.zip", day=TUESDAY)
    assert "damaged.zip: stop_times.txt is damaged" in str(raised.value)


def test_cancelled_before_anything_is_written(tmp_path):
    from open_territory.plugin.toolbelt.errors import Cancelled
    from qgis.core import QgsFeedback

    feedback = QgsFeedback()
    feedback.cancel()
    feed = write_feed(tmp_path / "feed.zip", base_feed())
    with pytest.raises(Cancelled):
        build_network(feed, str(tmp_path / "out.gpkg"), "feed.zip", day=TUESDAY, feedback=feedback)
    assert not (tmp_path / "out.gpkg").exists()


def test_a_quote_left_open_is_one_error(tmp_path):
    # With the limit a CSV layer raises for large WKT cells (once for the process), as in QGIS after one import.
    allow_large_fields()
    files = base_feed()
    files["stops.txt"] += '"BROKEN,Quai sans fin,47.8,-1.6\r\n' + "X" * (FIELD_LIMIT + 1)
    feed = write_feed(tmp_path / "quote.zip", files)
    with pytest.raises(InputError, match=r"^GTFS quote.zip: stops.txt: field larger than field limit"):
        build_network(feed, str(tmp_path / "out.gpkg"), "quote.zip", day=TUESDAY)
