"""Time of a GBFS station load (Vélib-sized system) and a sensor.community load, on a local server.

QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_gbfs_sensors.py [stations] [readings]
"""

import json
import os
import random
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # tests/benchmarks, even under python -P
from importable import make_importable  # noqa: E402

make_importable()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pytest_httpserver import HTTPServer  # noqa: E402
from qgis.core import QgsApplication  # noqa: E402


def gbfs_documents(base, count):
    random.seed(1)
    info = {
        "version": "2.3",
        "data": {
            "stations": [
                {
                    "station_id": 1000 + i,
                    "name": f"Station {i}",
                    "lat": 48.8 + random.random() * 0.1,
                    "lon": 2.25 + random.random() * 0.2,
                    "capacity": 30,
                    "stationCode": str(i),
                }
                for i in range(count)
            ]
        },
    }
    status = {
        "version": "2.3",
        "data": {
            "stations": [
                {
                    "station_id": 1000 + i,
                    "num_bikes_available": i % 20,
                    "num_docks_available": 30 - i % 20,
                    "num_bikes_available_types": [{"mechanical": i % 7}, {"ebike": i % 20 - i % 7}],
                    "is_installed": 1,
                    "is_renting": 1,
                    "is_returning": 1,
                    "last_reported": 1700000000 + i,
                }
                for i in range(count)
            ]
        },
    }
    discovery = {
        "version": "2.3",
        "data": {
            "fr": {
                "feeds": [
                    {"name": "station_information", "url": f"{base}/station_information.json"},
                    {"name": "station_status", "url": f"{base}/station_status.json"},
                ]
            }
        },
    }
    return discovery, info, status


def sensor_items(count):
    random.seed(2)
    items = []
    for i in range(count):
        location = {
            "id": i // 3,
            "latitude": f"{48.0 + (i // 3) * 1e-4:.4f}",
            "longitude": "-1.68",
            "altitude": "40",
            "country": "FR",
            "indoor": 0,
        }
        items.append(
            {
                "id": i,
                "timestamp": f"2024-03-01 10:0{i % 5}:00",
                "location": location,
                "sensor": {"id": i % (count // 2 or 1), "sensor_type": {"name": "SDS011"}},
                "sensordatavalues": [
                    {"value": f"{random.random() * 40:.2f}", "value_type": "P1"},
                    {"value": f"{random.random() * 30:.2f}", "value_type": "P2"},
                ],
            }
        )
    return items


def main():
    stations = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
    readings = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    app = QgsApplication([], False)
    app.initQgis()
    from open_territory.plugin.sources.gbfs import GbfsSource
    from open_territory.plugin.sources.sensor_community import SensorCommunitySource
    from open_territory.plugin.toolbelt.layer_writer import file_target
    from open_territory.plugin.toolbelt.network import Transport

    server = HTTPServer()
    server.start()
    base = server.url_for("").rstrip("/")
    discovery, info, status = gbfs_documents(base, stations)
    server.expect_request("/gbfs.json").respond_with_json(discovery)
    server.expect_request("/station_information.json").respond_with_json(info)
    server.expect_request("/station_status.json").respond_with_json(status)
    items = sensor_items(readings)
    server.expect_request("/airrohr/v1/filter/box=47.000000,-2.000000,49.000000,-1.000000").respond_with_data(
        json.dumps(items), content_type="application/json"
    )
    with tempfile.TemporaryDirectory() as folder:
        transport = Transport(cache_dir=os.path.join(folder, "cache"), offline=False, retries=0)
        start = time.perf_counter()
        result = GbfsSource(transport).fetch(
            {"feed": f"{base}/gbfs.json"}, file_target(os.path.join(folder, "g.gpkg"), "stations"), None
        )
        gbfs_seconds = time.perf_counter() - start
        start = time.perf_counter()
        sensors = SensorCommunitySource(transport).fetch(
            {"extent": [-2, 47, -1, 49], "server": base}, file_target(os.path.join(folder, "s.gpkg"), "sensors"), None
        )
        sensor_seconds = time.perf_counter() - start
    server.stop()
    print(f"GBFS: {result.feature_count} stations (discovery + information + status + write) in {gbfs_seconds:.2f} s")
    print(f"sensor.community: {len(items)} readings -> {sensors.feature_count} locations in {sensor_seconds:.2f} s")
    app.exitQgis()


if __name__ == "__main__":
    main()
