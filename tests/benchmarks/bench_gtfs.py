"""Benchmark: openterritory:gtfs_load on a GTFS feed the size of Île-de-France's (about 10 million
stop_times rows, 580 MB unzipped, generated once into build/bench_gtfs/ by gtfs_big_feed.py), against
partridge (pandas) computing the same figures on the same zip: the service day's departures per stop
and the trips per route and direction.

    .venv/bin/python -P tests/benchmarks/bench_gtfs.py [--rows 10000000] [--repeat 1]

Each side runs in its own child process; its peak memory is the child's maximum resident set size
(os.wait4), and for gtfs_load also its growth over the resident size once QGIS is initialised. Time:
gtfs_load's algorithm run (the zip read in one streaming pass, both layers written with their styles),
without the QGIS start-up; partridge's service-day lookup, filtered load and pandas group-bys, without
the pandas import. The two answers are compared (partridge does not expand frequencies.txt, so the
stops and routes of frequency-based trips are left out of the comparison). Targets: under 60 s and
1 GB for gtfs_load, and faster than partridge. Exits 1 when a target is missed. Both sides' CPU time over the
same span is printed too: on a machine busy with other work the wall-clock times stretch, the CPU times do not.

partridge and pandas are benchmark-only dependencies (requirements-dev.txt): the plugin never imports them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # this folder, even under -P
from gtfs_big_feed import DEFAULT_OUT, ensure_feed  # noqa: E402
from importable import make_importable  # noqa: E402

DAY = "2026-11-03"  # a Tuesday of the generated feed's regular weekday service
TIME_TARGET = 60.0
MEMORY_TARGET_MB = 1024

OURS = r"""
import json, os, resource, sys, time
sys.path.insert(0, sys.argv[1])
sys.path.append("/usr/share/qgis/python/plugins")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback
app = QgsApplication([], False)
app.initQgis()
from processing.core.Processing import Processing
Processing.initialize()
import processing
from open_territory.plugin.toolbelt.settings import PluginSettings, save_settings
from open_territory.processing.algorithms.gtfs_load import GtfsLoadAlgorithm
save_settings(PluginSettings(cache_dir=sys.argv[4]))

def rss_mb():
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
baseline = rss_mb()
start, cpu = time.perf_counter(), time.process_time()
result = processing.run(GtfsLoadAlgorithm(), {"FEED": sys.argv[2], "DATE": sys.argv[3], "OUTPUT": sys.argv[5]},
                        context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
print(json.dumps({"seconds": elapsed, "cpu_seconds": cpu, "baseline_mb": baseline, "stops": result["STOP_COUNT"],
                  "routes": result["ROUTE_COUNT"],
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

PEER = r"""
import datetime, json, sys, time
import pandas  # noqa: F401 - imported before the clock starts, as QGIS is for ours
import partridge as ptg
path, day = sys.argv[1], datetime.date.fromisoformat(sys.argv[2])
start, cpu = time.perf_counter(), time.process_time()
services = ptg.read_service_ids_by_date(path)[day]
feed = ptg.load_feed(path, {"trips.txt": {"service_id": services}})
stop_times = feed.stop_times
departures = stop_times.groupby("stop_id").size()
peak = stop_times[(stop_times.departure_time >= 7 * 3600) & (stop_times.departure_time < 9 * 3600)]
peak_departures = peak.groupby("stop_id").size()
trips = feed.trips.groupby(["route_id", "direction_id"]).size()
elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
frequency_trips = set(feed.frequencies.trip_id)
frequency_stops = set(stop_times[stop_times.trip_id.isin(frequency_trips)].stop_id)
frequency_routes = set(feed.trips[feed.trips.trip_id.isin(frequency_trips)].route_id)
print(json.dumps({
    "seconds": elapsed,
    "cpu_seconds": cpu,
    "departures": {k: int(v) for k, v in departures.items() if k not in frequency_stops},
    "peak_stops": int(len(peak_departures)),
    "trips": {f"{r}|{d}": int(v) for (r, d), v in trips.items() if r not in frequency_routes},
}))
"""


def run_child(command, env=None):
    """(stdout, seconds, peak resident MB) of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    stdout = child.stdout.read()
    stderr = child.stderr.read()
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{command[:3]} failed: {stderr.decode(errors='replace')[-3000:]}")
    return stdout.decode(), elapsed, usage.ru_maxrss / 1024


def our_answer(path: str) -> tuple:
    from osgeo import ogr

    dataset = ogr.Open(path)
    departures = {f["stop_id"]: f["departures"] for f in dataset.GetLayerByName("transit_stops")}
    trips = {f"{f['route_id']}|{f['direction_id']}": f["trips"] for f in dataset.GetLayerByName("transit_routes")}
    dataset = None
    return departures, trips


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000, help="stop_times rows of the generated feed")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each side; the best time is kept")
    args = parser.parse_args()
    feed = ensure_feed(DEFAULT_OUT if args.rows == 10_000_000 else DEFAULT_OUT.replace(".zip", f"_{args.rows}.zip"),
                       args.rows)  # fmt: skip
    import zipfile

    with zipfile.ZipFile(feed) as archive:
        unzipped = sum(info.file_size for info in archive.infolist())
        stop_times = archive.getinfo("stop_times.txt").file_size
    print(f"feed: {feed}, {os.path.getsize(feed) / 1e6:.0f} MB zipped, {unzipped / 1e6:.0f} MB unzipped "
          f"(stop_times.txt {stop_times / 1e6:.0f} MB, about {args.rows:,} rows); service day {DAY}")  # fmt: skip

    link_parent = make_importable()
    work = tempfile.mkdtemp(prefix="bench_gtfs_")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=os.path.join(work, "qgis"))
    ours, peers = [], []
    try:
        for run in range(args.repeat):
            out = os.path.join(work, f"network_{run}.gpkg")
            stdout, _wall, peak = run_child(
                [sys.executable, "-P", "-c", OURS, link_parent, feed, DAY, os.path.join(work, "cache"), out], env
            )
            report = json.loads(stdout.strip().splitlines()[-1])
            ours.append((report["seconds"], peak, peak - report["baseline_mb"], out, report))
            stdout, _wall, peak = run_child([sys.executable, "-c", PEER, feed, DAY])
            peers.append((json.loads(stdout.strip().splitlines()[-1]), peak))
        best = min(ours, key=lambda item: item[0])
        our_time, our_peak, our_growth, out, report = best
        peer, peer_peak = min(peers, key=lambda item: item[0]["seconds"])
        departures, trips = our_answer(out)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    same_stops = sum(1 for stop, count in peer["departures"].items() if departures.get(stop) == count)
    same_routes = sum(1 for key, count in peer["trips"].items() if trips.get(key) == count)
    ratio = peer["seconds"] / our_time
    print(
        f"gtfs_load (ours)    : {our_time:6.1f} s ({report['cpu_seconds']:.1f} s CPU), peak RSS {our_peak:7.0f} MB "
        f"({our_growth:.0f} MB over QGIS started), {report['stops']} stops, {report['routes']} route directions"
    )
    print(
        f"partridge (pandas)  : {peer['seconds']:6.1f} s ({peer['cpu_seconds']:.1f} s CPU), "
        f"peak RSS {peer_peak:7.0f} MB"
    )
    # CPU seconds say the same on a machine busy with other work, where the wall-clock times stretch.
    cpu_ratio = peer["cpu_seconds"] / report["cpu_seconds"]
    print(f"ratio partridge/ours: {ratio:.2f} (ours is {ratio:.1f} times as fast); in CPU time {cpu_ratio:.2f}")
    print(f"same answer: departures of {same_stops}/{len(peer['departures'])} stops, trips of "
          f"{same_routes}/{len(peer['trips'])} route directions (frequency-based lines left out)")  # fmt: skip
    ok = our_time < TIME_TARGET and our_peak < MEMORY_TARGET_MB and ratio > 1.0
    ok = ok and same_stops == len(peer["departures"]) and same_routes == len(peer["trips"])
    print("OK" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
