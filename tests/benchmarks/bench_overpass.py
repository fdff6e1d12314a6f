"""Benchmark of openterritory:osm_resources on a 200,000-element Overpass reply served locally.

Writes an `[out:xml]` reply as Overpass prints it (nodes, then ways), serves it from a separate local
process (POST, like the Overpass interpreter), runs osm_resources through Processing, and compares
with `ogr2ogr` translating the same file to a GeoPackage. Prints both times, their ratio (target at
most 1.5) and the peak resident memory of each (the growth of this process for osm_resources).

Scenarios: street_lamp (200,000 tagged nodes -> points) and car_park (40,000 closed ways of 4 nodes:
areas -> points on surface, against ogr2ogr's multipolygons layer).

Run: .venv/bin/python -P tests/benchmarks/bench_overpass.py [n_elements]
"""

import os
import random
import resource
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # tests/benchmarks, even under python -P
from importable import make_importable  # noqa: E402

make_importable()

from qgis.core import QgsApplication  # noqa: E402

HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="Overpass API 0.7.61.5 4133829e">\n'
    "<note>The data included in this document is from www.openstreetmap.org. The data is made available "
    'under ODbL.</note>\n<meta osm_base="2024-05-02T10:11:12Z"/>\n\n'
)

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


def write_lamps(path, n):
    random.seed(4)
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEADER)
        for i in range(n):
            out.write(
                f'  <node id="{1000000 + i}" lat="{48.0 + random.random() * 0.2:.7f}" '
                f'lon="{-1.8 + random.random() * 0.3:.7f}">\n'
                f'    <tag k="highway" v="street_lamp"/>\n    <tag k="lamp_mount" v="bent_mast"/>\n'
                f'    <tag k="light:count" v="{1 + i % 2}"/>\n    <tag k="ref" v="L{i}"/>\n  </node>\n'
            )
        out.write("\n</osm>\n")


def write_car_parks(path, n):
    """n elements: 4/5 untagged nodes, 1/5 closed ways tagged as car parks."""
    random.seed(5)
    ways = n // 5
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEADER)
        for w in range(ways):
            lat, lon = 48.0 + random.random() * 0.2, -1.8 + random.random() * 0.3
            for k, (dy, dx) in enumerate(((0, 0), (0, 0.0005), (0.0004, 0.0005), (0.0004, 0))):
                out.write(f'  <node id="{1000000 + 4 * w + k}" lat="{lat + dy:.7f}" lon="{lon + dx:.7f}"/>\n')
        for w in range(ways):
            refs = "".join(f'    <nd ref="{1000000 + 4 * w + k}"/>\n' for k in (0, 1, 2, 3, 0))
            out.write(
                f'  <way id="{5000000 + w}">\n{refs}    <tag k="amenity" v="parking"/>\n'
                f'    <tag k="capacity" v="{10 + w % 90}"/>\n    <tag k="parking" v="surface"/>\n  </way>\n'
            )
        out.write("\n</osm>\n")


def max_rss_mb(who):
    return resource.getrusage(who).ru_maxrss / 1024.0


def run_ogr2ogr(reply, folder, layers):
    out = os.path.join(folder, "ogr2ogr.gpkg")
    if os.path.exists(out):
        os.remove(out)
    # /usr/bin/time reports ogr2ogr's own peak RSS (getrusage of children would count forks of this process)
    started = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", "ogr2ogr", "-q", "-f", "GPKG", out, reply, *layers],
        check=True,
        capture_output=True,
        text=True,
    )
    return time.perf_counter() - started, int(done.stderr.strip().splitlines()[-1]) / 1024.0


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
    folder = tempfile.mkdtemp(prefix="bench-overpass-")
    app = QgsApplication([], False, os.path.join(folder, "profile"))  # settings of its own
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from open_territory.plugin.sources.overpass.presets import preset_categories
    from open_territory.plugin.toolbelt.settings import PluginSettings, save_settings
    from open_territory.processing.provider import OpenTerritoryProvider

    import processing

    save_settings(PluginSettings(cache_dir=os.path.join(folder, "cache"), network_retries=0))
    provider = OpenTerritoryProvider()  # kept referenced: the registry does not own Python providers
    QgsApplication.processingRegistry().addProvider(provider)

    scenarios = [("street_lamp", write_lamps, ["points"]), ("car_park", write_car_parks, ["multipolygons"])]
    print(f"{n} elements per reply; folder {folder}")
    for category, writer, layers in scenarios:
        reply = os.path.join(folder, f"{category}.osm")
        writer(reply, n)
        size_mb = os.path.getsize(reply) / 1e6
        server = subprocess.Popen([sys.executable, "-c", SERVER, reply], stdout=subprocess.PIPE, text=True)
        try:
            port = int(server.stdout.readline())
            ogr_time, ogr_rss = run_ogr2ogr(reply, folder, layers)
            before = max_rss_mb(resource.RUSAGE_SELF)
            output = os.path.join(folder, f"osm_{category}.gpkg")
            started = time.perf_counter()
            result = processing.run(
                "openterritory:osm_resources",
                {
                    "CATEGORY": preset_categories().index(category),
                    "EXTENT": "-1.8,-1.5,48.0,48.2 [EPSG:4326]",
                    "SERVER": f"http://127.0.0.1:{port}/api/interpreter",
                    "TIMEOUT": 600,
                    "OUTPUT": output,
                },
            )
            ours = time.perf_counter() - started
            after = max_rss_mb(resource.RUSAGE_SELF)
        finally:
            server.terminate()
            server.wait()
            server.stdout.close()
        print(f"{category}: reply {size_mb:.0f} MB, {result['COUNT']} features written")
        print(
            f"  osm_resources (download + checks + GDAL): {ours:.2f} s, peak RSS {after:.0f} MB "
            f"(growth {after - before:.0f} MB over QGIS's {before:.0f} MB)"
        )
        print(f"  ogr2ogr {' '.join(layers)} -> GPKG: {ogr_time:.2f} s, peak RSS {ogr_rss:.0f} MB")
        print(f"  ratio osm_resources / ogr2ogr: {ours / ogr_time:.2f} (target <= 1.5)")
    app.exitQgis()


if __name__ == "__main__":
    main()
