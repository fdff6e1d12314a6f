"""Benchmark of openterritory:osm_resources against `ogr2ogr` on the same Overpass replies, served locally.

The replies are what an Overpass server prints for the query the plugin sends (scripts/overpass_replies.py:
the server's count first, nodes then ways then relations in quadtile order, ids that do not increase, car
parks as closed ways, nodes and multipolygons with split rings, holes and shared borders). Each reply is
served by a separate local process (POST, like the Overpass interpreter); osm_resources runs through
Processing (download, checks, GDAL), ogr2ogr translates the same file to a GeoPackage. Both run `--repeat`
times; the best time of each is kept. Printed: wall and CPU times, their ratios, peak memory.

Scenarios (issue 18.1): street_lamp (200,000 nodes -> points; ogr2ogr's points layer), car_park as points
and as polygons (40,000 car parks; ogr2ogr's multipolygons layer). Targets: at most 1.05 for the lamps, 1.1
for the car parks. ogr2ogr reads quadtile-ordered replies with OSM_USE_CUSTOM_INDEXING=NO (without it,
it loses the areas).

Then the counts kept on small realistic replies (issue 14.1): how many car parks and cycleways the server
found and how many osm_resources wrote.

Run: .venv/bin/python -P tests/benchmarks/bench_overpass.py [--lamps 200000] [--car-parks 40000]
     [--repeat 3] [--id-order]
--id-order serves replies sorted by id (as `out body;` prints them), the shape the benchmark used before
issue 14: the code of an earlier commit reads them correctly, which gives its ratios.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # tests/benchmarks, even under python -P
from importable import REPO, make_importable  # noqa: E402

make_importable()
sys.path.insert(0, os.path.join(REPO, "scripts"))

from overpass_replies import car_parks, cycleways, reply, street_lamps  # noqa: E402
from qgis.core import QgsApplication  # noqa: E402

EXTENT = [-1.8, 48.0, -1.5, 48.2]
TARGETS = {"street_lamp": 1.05, "car_park": 1.1}

SERVER = r"""
import http.server, os, shutil, sys
path = sys.argv[1]
class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200)
        self.send_header("Content-Type", "application/osm3s+xml")
        self.send_header("Content-Length", str(os.path.getsize(path)))
        self.end_headers()
        with open(path, "rb") as handle:
            shutil.copyfileobj(handle, self.wfile, 1 << 20)
    def log_message(self, *args):
        pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
"""


def safe_name(text: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in text)


def query_for(category: str) -> str:
    from open_territory.plugin.sources.overpass import build_query

    return build_query(category, extent=EXTENT, timeout=600)


def write_reply(path: str, data, category: str, id_order: bool) -> None:
    query = query_for(category)
    if id_order:
        query = query.replace("out body qt;", "out body;")
    with open(path, "wb") as out:
        out.write(reply(data, query))


def ogr2ogr(reply_path: str, folder: str, layer: str, id_order: bool) -> tuple:
    """(wall seconds, CPU seconds, peak RSS MB) of ogr2ogr translating one layer of the reply. /usr/bin/time
    gives ogr2ogr's own peak memory (a child's rusage would count the fork of this large process)."""
    out = os.path.join(folder, "ogr2ogr.gpkg")
    if os.path.exists(out):
        os.remove(out)
    command = ["/usr/bin/time", "-f", "%U %S %M", "ogr2ogr", "-q", "-f", "GPKG", out, reply_path, layer]
    if not id_order:
        command[4:4] = ["--config", "OSM_USE_CUSTOM_INDEXING", "NO"]
    started = time.perf_counter()
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    wall = time.perf_counter() - started
    user, system, peak_kb = done.stderr.strip().splitlines()[-1].split()
    return wall, float(user) + float(system), int(peak_kb) / 1024.0


def has_geometry_parameter() -> bool:
    algorithm = QgsApplication.processingRegistry().algorithmById("openterritory:osm_resources")
    return algorithm.parameterDefinition("GEOMETRY") is not None


def run_ours(port: int, category: str, geometry: str | None, output: str) -> tuple:
    """(wall seconds, CPU seconds of this process, features written) of one osm_resources run."""
    import processing

    try:
        from open_territory.plugin.sources.overpass.presets import preset_categories
    except ImportError:  # the code before issue 13 (commit e8a4f6e)
        from open_territory.plugin.sources.osm_presets import preset_categories

    if os.path.exists(output):
        os.remove(output)
    parameters = {
        "CATEGORY": preset_categories().index(category),
        "EXTENT": f"{EXTENT[0]},{EXTENT[2]},{EXTENT[1]},{EXTENT[3]} [EPSG:4326]",
        "SERVER": f"http://127.0.0.1:{port}/api/interpreter",
        "TIMEOUT": 600,
        "OUTPUT": output,
    }
    if geometry and has_geometry_parameter():
        parameters["GEOMETRY"] = ["points", "polygons", "lines"].index(geometry)
    started, cpu = time.perf_counter(), time.process_time()
    result = processing.run("openterritory:osm_resources", parameters)
    return time.perf_counter() - started, time.process_time() - cpu, result["COUNT"]


class Served:
    """A local Overpass stand-in serving one file."""

    def __init__(self, path: str):
        self.process = subprocess.Popen([sys.executable, "-c", SERVER, path], stdout=subprocess.PIPE, text=True)
        self.port = int(self.process.stdout.readline())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait()
        self.process.stdout.close()


def compare(folder: str, name: str, category: str, geometry, peer_layer: str, args) -> float:
    reply_path = os.path.join(folder, f"{category}.osm")
    size_mb = os.path.getsize(reply_path) / 1e6
    ours, peer = [], []
    output = os.path.join(folder, safe_name(name) + ".gpkg")
    with Served(reply_path) as server:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
        for _ in range(args.repeat):
            peer.append(ogr2ogr(reply_path, folder, peer_layer, args.id_order))
            ours.append(run_ours(server.port, category, geometry, output))
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    wall, cpu, count = min(ours)
    peer_wall, peer_cpu, peer_rss = min(peer)
    print(f"{name}: reply {size_mb:.0f} MB, {count} features written, best of {args.repeat}")
    print(f"  osm_resources (download + checks + GDAL): {wall:.2f} s wall, {cpu:.2f} s CPU, peak RSS {after:.0f} MB")
    print(f"    (growth {after - before:.0f} MB over {before:.0f} MB)")
    print(f"  ogr2ogr {peer_layer} -> GPKG: {peer_wall:.2f} s wall, {peer_cpu:.2f} s CPU, peak RSS {peer_rss:.0f} MB")
    ratio = wall / peer_wall
    print(
        f"  ratio osm_resources / ogr2ogr: {ratio:.2f} wall, {cpu / peer_cpu:.2f} CPU (target <= {TARGETS[category]})"
    )
    return ratio


KEPT = (
    ("car parks", "car_park", "points"),
    ("car parks", "car_park", "polygons"),
    ("cycleways", "cycleway", None),
)


def write_replies(folder: str, args) -> None:
    """The replies of every scenario, written by a child process so that their making (Python objects for
    200,000 elements) does not count in the peak memory measured here."""
    write_reply(os.path.join(folder, "street_lamp.osm"), street_lamps(args.lamps), "street_lamp", args.id_order)
    write_reply(os.path.join(folder, "car_park.osm"), car_parks(args.car_parks), "car_park", args.id_order)
    small = {"car_park": car_parks(30, seed=11), "cycleway": cycleways(7, seed=12)}
    for category, data in small.items():
        write_reply(os.path.join(folder, f"kept_{category}.osm"), data, category, args.id_order)
        key, value = {"car_park": ("amenity", "parking"), "cycleway": ("highway", "cycleway")}[category]
        nodes = sum(1 for e in data.nodes.values() if e.tags.get(key) == value)
        others = sum(1 for table in (data.ways, data.relations) for e in table.values() if e.tags.get(key) == value)
        with open(os.path.join(folder, f"kept_{category}.targets"), "w", encoding="utf-8") as out:
            out.write(f"{nodes + others} {nodes}")


def kept(folder: str) -> None:
    """Car parks and cycleways found by the server and written, on small realistic replies."""
    print("kept on realistic replies (server's targets -> features written):")
    for name, category, geometry in KEPT:
        if geometry == "polygons" and not has_geometry_parameter():
            continue
        with open(os.path.join(folder, f"kept_{category}.targets"), encoding="utf-8") as handle:
            targets, nodes = handle.read().split()
        with Served(os.path.join(folder, f"kept_{category}.osm")) as server:
            try:
                _wall, _cpu, count = run_ours(server.port, category, geometry, os.path.join(folder, "kept.gpkg"))
            except Exception as error:  # the earlier code stops on the first GDAL error
                count = f"failed ({str(error).splitlines()[0][:120]})"
        note = f" ({nodes} mapped as nodes have no surface)" if geometry == "polygons" else ""
        print(f"  {name} ({geometry or 'lines'}): {targets} -> {count}{note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lamps", type=int, default=200_000)
    parser.add_argument("--car-parks", type=int, default=40_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--id-order", action="store_true", help="replies sorted by id (`out body;`)")
    parser.add_argument("--write-replies", help=argparse.SUPPRESS)  # the child that writes them
    args = parser.parse_args()
    if args.write_replies:
        write_replies(args.write_replies, args)
        return
    folder = tempfile.mkdtemp(prefix="bench-overpass-")
    subprocess.run([sys.executable, "-P", *sys.argv, "--write-replies", folder], check=True)
    app = QgsApplication([], False, os.path.join(folder, "profile"))  # settings of its own
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from open_territory.plugin.toolbelt.settings import PluginSettings, save_settings
    from open_territory.processing.provider import OpenTerritoryProvider

    save_settings(PluginSettings(cache_dir=os.path.join(folder, "cache"), network_retries=0))
    provider = OpenTerritoryProvider()  # kept referenced: the registry does not own Python providers
    QgsApplication.processingRegistry().addProvider(provider)
    order = "id order" if args.id_order else "quadtile order, as Overpass prints `out body qt;`"
    print(f"replies in {order}; folder {folder}")
    compare(folder, "street_lamp", "street_lamp", None, "points", args)
    compare(folder, "car_park as points", "car_park", "points", "multipolygons", args)
    if has_geometry_parameter():
        compare(folder, "car_park as polygons", "car_park", "polygons", "multipolygons", args)
    kept(folder)
    app.exitQgis()


if __name__ == "__main__":
    main()
