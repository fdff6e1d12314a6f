"""Small GTFS feeds for the tests, written as the reference and French producers write them.

`base_feed()` is a two-agency network on the demo territory (Démo-sur-Vilaine), every file as text so
that a test can alter one cell, drop a file, add a BOM or reorder rows: bus 1 (both directions, a
night trip past 24:00:00, terminus rows without pickup), bus 2 (no colour: the reference's defaults),
tram T run by frequencies.txt (exact_times 0, then 1), a station with two platforms (wheelchair
boarding inherited by one), quoted names with commas, services by calendar.txt with calendar_dates.txt
exceptions (11 November: the weekday service removed, the weekend one added), and a shape for bus 1
outward. `write_feed` zips a dict of files.

The expected figures of the tests are worked out by hand from these rows (see test_network.py).
"""

from __future__ import annotations

import zipfile

BOM = "\ufeff"


def base_feed() -> dict:
    return {
        "agency.txt": (
            "agency_id,agency_name,agency_url,agency_timezone,agency_lang\r\n"
            "VB,Vilaine Bus,https://bus.demo-sur-vilaine.example,Europe/Paris,fr\r\n"
            'TF,"Tram Fictif, SPL",https://tram.demo-sur-vilaine.example,Europe/Paris,fr\r\n'
        ),
        "stops.txt": BOM
        + (
            "stop_id,stop_code,stop_name,stop_lat,stop_lon,location_type,parent_station,wheelchair_boarding\r\n"
            "GARE,,Gare,47.8112,-1.5941,1,,1\r\n"
            "GARE_A,GA,Gare quai A,47.8111,-1.5943,0,GARE,\r\n"
            "GARE_B,GB,Gare quai B,47.8113,-1.5939,0,GARE,2\r\n"
            "MAIRIE,MA,Mairie,47.8171,-1.6008,,,0\r\n"
            'HALLES,HA,"Halles, place du marché",47.8215,-1.6052,,,1\r\n'
            "PORT,PO,Port,47.8068,-1.5875,,,\r\n"
        ),
        "routes.txt": (
            "route_id,agency_id,route_short_name,route_long_name,route_type,route_color,route_text_color\r\n"
            "L1,VB,1,Gare - Halles,3,E3001B,FFFFFF\r\n"
            'L2,VB,2,"Gare - Port, par la rive",3,,\r\n'
            "T,TF,T,Tram de la Vilaine,0,0070c0,\r\n"
        ),
        "calendar.txt": (
            "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\r\n"
            "WK,1,1,1,1,1,0,0,20261102,20261231\r\n"
            "WE,0,0,0,0,0,1,1,20261102,20261231\r\n"
        ),
        "calendar_dates.txt": ("service_id,date,exception_type\r\nWK,20261111,2\r\nWE,20261111,1\r\n"),
        "trips.txt": (
            "route_id,service_id,trip_id,trip_headsign,direction_id,shape_id\r\n"
            "L1,WK,L1_0650,Halles,0,S1\r\n"
            "L1,WK,L1_0710,Halles,0,S1\r\n"
            "L1,WK,L1_0740,Halles,0,S1\r\n"
            "L1,WK,L1_0855,Halles,0,S1\r\n"
            "L1,WK,L1_0900,Halles,0,S1\r\n"
            "L1,WE,L1_WE_1000,Halles,0,S1\r\n"
            "L1,WK,L1_R_0730,Gare,1,\r\n"
            "L1,WK,L1_R_2510,Gare,1,\r\n"
            "L2,WK,L2_0800,Port,0,\r\n"
            "T,WK,T_F,Halles,,\r\n"
        ),
        "stop_times.txt": (
            "trip_id,arrival_time,departure_time,stop_id,stop_sequence,pickup_type\r\n"
            + "".join(
                f"{trip},{a},{a},GARE_A,1,\r\n{trip},{b},{b},MAIRIE,2,\r\n{trip},{c},{c},HALLES,3,1\r\n"
                for trip, a, b, c in (
                    ("L1_0650", "06:50:00", "06:58:00", "07:05:00"),
                    ("L1_0710", "07:10:00", "07:18:00", "07:25:00"),
                    ("L1_0740", "07:40:00", "07:48:00", "07:55:00"),
                    ("L1_0855", "08:55:00", "09:03:00", "09:10:00"),
                    ("L1_0900", "09:00:00", "09:08:00", "09:15:00"),
                    ("L1_WE_1000", "10:00:00", "10:08:00", "10:15:00"),
                )
            )
            + "L1_R_0730,07:30:00,07:30:00,HALLES,1,\r\n"
            "L1_R_0730,07:37:00,07:37:00,MAIRIE,2,\r\n"
            "L1_R_0730,07:45:00,07:45:00,GARE_B,3,\r\n"
            "L1_R_2510,25:10:00,25:10:00,HALLES,1,\r\n"
            "L1_R_2510,25:17:00,25:17:00,MAIRIE,2,\r\n"
            "L1_R_2510,25:25:00,25:25:00,GARE_B,3,\r\n"
            "L2_0800,08:00:00,08:00:00,GARE_B,1,\r\n"
            "L2_0800,08:12:00,08:12:00,PORT,2,\r\n"
            "T_F,07:00:00,07:00:00,GARE_A,1,\r\n"
            "T_F,07:06:00,07:06:00,HALLES,2,\r\n"
        ),
        "frequencies.txt": (
            "trip_id,start_time,end_time,headway_secs,exact_times\r\n"
            "T_F,07:00:00,08:00:00,600,0\r\n"
            "T_F,08:00:00,10:00:00,1800,1\r\n"
        ),
        "shapes.txt": (
            "shape_id,shape_pt_lat,shape_pt_lon,shape_pt_sequence\r\n"
            "S1,47.8111,-1.5943,1\r\n"
            "S1,47.8140,-1.5980,2\r\n"
            "S1,47.8171,-1.6008,3\r\n"
            "S1,47.8195,-1.6030,5\r\n"
            "S1,47.8215,-1.6052,10\r\n"
        ),
        "feed_info.txt": (
            "feed_publisher_name,feed_publisher_url,feed_lang,feed_start_date,feed_end_date\r\n"
            "Démo-sur-Vilaine Mobilités,https://transport.demo-sur-vilaine.example,fr,20261102,20261231\r\n"
        ),
    }


def write_feed(path, files: dict, folder: str = "") -> str:
    """Zip `files` {name: text or bytes} into `path` (members under `folder`/ when given)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            archive.writestr(f"{folder}/{name}" if folder else name, data)
    return str(path)
