"""Benchmark: openterritory:ods_load on a 100,000-feature Opendatasoft GeoJSON export served from a
local server, against `ogr2ogr` converting the same file to a GeoPackage.

    .venv/bin/python -P tests/benchmarks/bench_ods.py [--features 100000] [--repeat 3]

Each side runs in its own child process; its peak memory is the child's maximum resident set size
(os.wait4), and for ods_load also its growth over the resident size once QGIS is initialised (the
QGIS libraries themselves are not the load's cost). Time: ogr2ogr's whole run; ods_load's algorithm
run (metadata request, streamed download over HTTP, GDAL write with the common fields), without
the QGIS start-up. Targets: time ratio at most 1.5, memory growth under 300 MB. Exits 1 when a target
is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # tests/benchmarks, even under python -P
from importable import make_importable  # noqa: E402

DATASET = "bench-arceaux"
TIME_TARGET = 1.5
MEMORY_TARGET_MB = 300

SERVER = r"""
import http.server, os, shutil, sys
folder, port = sys.argv[1], int(sys.argv[2])
ROUTES = {"/api/explore/v2.1/catalog/datasets/%s" % sys.argv[3]: ("metadata.json", "application/json"),
          "/api/explore/v2.1/catalog/datasets/%s/exports/geojson" % sys.argv[3]: ("export.geojson",
                                                                                 "application/geo+json")}
class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_GET(self):
        route = ROUTES.get(self.path.split("?")[0])
        if route is None:
            self.send_error(404)
            return
        path = os.path.join(folder, route[0])
        self.send_response(200)
        self.send_header("Content-Type", route[1])
        self.send_header("Content-Length", str(os.path.getsize(path)))
        self.end_headers()
        with open(path, "rb") as handle:
            shutil.copyfileobj(handle, self.wfile, 1 << 20)
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
"""

LOADER = r"""
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
from open_territory.processing.algorithms.ods_load import OdsLoadAlgorithm
save_settings(PluginSettings(cache_dir=sys.argv[4]))

def rss_mb():
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
baseline = rss_mb()
start = time.perf_counter()
parameters = {"PORTAL": sys.argv[2], "DATASET": sys.argv[3], "OUTPUT": sys.argv[5]}
result = processing.run(OdsLoadAlgorithm(), parameters, context=QgsProcessingContext(),
                        feedback=QgsProcessingFeedback())
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "baseline_mb": baseline,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_export(path: str, count: int) -> None:
    """An export shaped like Opendatasoft's: points, a dozen typed properties, accents, the
    geo_point_2d field repeated as {lon, lat}, a few null geometries."""
    communes = ["Rennes", "Cesson-Sévigné", "Saint-Jacques-de-la-Lande", "Bruz", "Chantepie", "Pacé"]
    with open(path, "w", encoding="utf-8") as out:
        out.write('{"type": "FeatureCollection", "features": [')
        for i in range(count):
            lon = -1.80 + (i % 1000) * 0.0004
            lat = 48.00 + (i // 1000) * 0.002
            null = i % 997 == 0
            feature = {
                "type": "Feature",
                "geometry": None if null else {"type": "Point", "coordinates": [round(lon, 7), round(lat, 7)]},
                "properties": {
                    "idobj": f"ARC{i:07d}",
                    "nom": f"Arceau {i} – {communes[i % len(communes)]}",
                    "commune": communes[i % len(communes)],
                    "code_insee": f"35{i % 300:03d}",
                    "capacite": i % 40,
                    "couvert": i % 3 == 0,
                    "type_mobilier": "arceau" if i % 2 else "râtelier",
                    "date_pose": f"20{10 + i % 15}-0{1 + i % 9}-1{i % 10}",
                    "gestionnaire": "Rennes Métropole",
                    "remarque": None if i % 5 else "Près de l'école élémentaire",
                    "geo_point_2d": None if null else {"lon": round(lon, 7), "lat": round(lat, 7)},
                },
            }
            if i:
                out.write(",")
            out.write(json.dumps(feature, ensure_ascii=False))
        out.write("]}")


def metadata(count: int) -> dict:
    fields = [
        {"name": n, "type": t, "label": n, "description": None, "annotations": {}}
        for n, t in (
            ("idobj", "text"),
            ("nom", "text"),
            ("commune", "text"),
            ("code_insee", "text"),
            ("capacite", "int"),
            ("couvert", "boolean"),
            ("type_mobilier", "text"),
            ("date_pose", "date"),
            ("gestionnaire", "text"),
            ("remarque", "text"),
            ("geo_point_2d", "geo_point_2d"),
        )
    ]
    return {
        "dataset_id": DATASET,
        "fields": fields,
        "features": ["geo"],
        "has_records": True,
        "metas": {
            "default": {
                "title": "Arceaux vélo (banc d'essai)",
                "license": "Licence Ouverte v2.0",
                "records_count": count,
                "modified": "2026-11-22T00:00:00+00:00",
            }
        },
    }


def run_child(command, env=None):
    """(stdout, seconds, peak resident MB) of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    stdout = child.stdout.read()
    stderr = child.stderr.read()
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        detail = stderr.decode(errors="replace")[-2000:]
        raise RuntimeError(f"{command[0]} failed ({child.returncode}): {detail}")
    return stdout.decode(), elapsed, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--features", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side; the best time is kept")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="bench_ods_")
    export = os.path.join(work, "export.geojson")
    write_export(export, args.features)
    with open(os.path.join(work, "metadata.json"), "w", encoding="utf-8") as handle:
        json.dump(metadata(args.features), handle, ensure_ascii=False)
    size_mb = os.path.getsize(export) / 1e6
    print(f"export: {args.features} features, {size_mb:.1f} MB ({export})")

    link_parent = make_importable()

    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", SERVER, work, str(port), DATASET])
    portal = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=os.path.join(work, "qgis"))
    ogr_runs, ods_runs = [], []
    try:
        for run in range(args.repeat):
            out = os.path.join(work, f"ogr2ogr_{run}.gpkg")
            _, seconds, peak = run_child(["ogr2ogr", "-f", "GPKG", out, export])
            ogr_runs.append((seconds, peak))
            out = os.path.join(work, f"ods_load_{run}.gpkg")
            cache = os.path.join(work, f"cache_{run}")  # a fresh cache: every run downloads
            stdout, _wall, peak = run_child(
                [sys.executable, "-P", "-c", LOADER, link_parent, portal, DATASET, cache, out], env
            )
            report = json.loads(stdout.strip().splitlines()[-1])
            ods_runs.append((report["seconds"], peak, peak - report["baseline_mb"]))
            from osgeo import ogr

            dataset = ogr.Open(out)
            written = dataset.GetLayer(0).GetFeatureCount()
            dataset = None
            if written != args.features:
                raise RuntimeError(f"ods_load wrote {written} features, {args.features} expected")
    finally:
        server.terminate()
        server.wait()

    ogr_time = min(seconds for seconds, _ in ogr_runs)
    ogr_peak = max(peak for _, peak in ogr_runs)
    ods_time = min(seconds for seconds, _, _ in ods_runs)
    ods_peak = max(peak for _, peak, _ in ods_runs)
    ods_growth = max(growth for _, _, growth in ods_runs)
    ratio = ods_time / ogr_time
    print(f"ogr2ogr GeoJSON->GPKG : {ogr_time:6.2f} s (best of {args.repeat}), peak RSS {ogr_peak:7.1f} MB")
    print(
        f"ods_load (HTTP+GDAL) : {ods_time:6.2f} s (best of {args.repeat}), peak RSS {ods_peak:7.1f} MB, "
        f"growth over QGIS start {ods_growth:6.1f} MB"
    )
    print(
        f"time ratio ods_load/ogr2ogr: {ratio:.2f} (target <= {TIME_TARGET}); "
        f"memory growth {ods_growth:.0f} MB (target < {MEMORY_TARGET_MB})"
    )
    shutil.rmtree(work, ignore_errors=True)
    ok = ratio <= TIME_TARGET and ods_growth < MEMORY_TARGET_MB
    print("OK" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
