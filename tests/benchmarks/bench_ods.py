"""Benchmark: an Opendatasoft dataset of 100,000 points, from the click to the layer drawn, our way against the
official Opendatasoft QGIS plugin's import path, on the same export served by a local portal (issue 18.2).

    OPENDATASOFT_PLUGIN_DIR=<folder holding the official plugin's Opendatasoft/ package> \
        .venv/bin/python -P tests/benchmarks/bench_ods.py [--features 100000] [--repeat 3] [--rate MBPS]

Both sides run in a child process of their own, with QGIS started before the clock starts; each is timed from
the click to the end of the first draw of the loaded layer (a QgsMapRendererSequentialJob over the layer's
extent, 800 x 600 pixels):
- ours: what the Opendatasoft panel runs on its Load button: `OdsSource.fetch` in a background task (metadata,
  the GeoJSON export streamed through QGIS's network stack, the GeoPackage written with the common fields
  and its spatial index), then the GeoPackage layer opened and added to the project;
- the official plugin (benchmark only, never imported by the plugin; read from OPENDATASOFT_PLUGIN_DIR): its
  dialog's import path, `utils.import_dataset_to_qgis` then `utils.load_dataset_to_qgis`: a check of the
  records endpoint, the export saved as a .geojson with `requests`, opened with the OGR provider and added
  to the project. Its URLs are https only: the local portal serves it over TLS with a certificate made for
  the run (REQUESTS_CA_BUNDLE), ours over plain HTTP. Without the folder the official side is emulated
  exactly (the same requests, the same file, the same layer), and the output says so.
Also printed: our peak memory (the child's maximum resident size, and its growth over QGIS started) and, as
a reference, ogr2ogr's time and memory converting the same file to a GeoPackage.

`--rate` limits the local portal to that many megabytes per second (a real portal is not on this machine:
the download then takes the time it takes over a network, and converting while the bytes arrive shows).
Exits 1 when the time-to-layer ratio is above 1.
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
PLUGIN_DIR = "OPENDATASOFT_PLUGIN_DIR"

SERVER = r"""
import http.server, os, ssl, sys, time
folder, port, dataset, rate, certificate = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4]), sys.argv[5]
base = "/api/explore/v2.1/catalog/datasets/" + dataset
ROUTES = {base: ("metadata.json", "application/json"),
          base + "/records": ("records.json", "application/json"),
          base + "/exports/geojson": ("export.geojson", "application/geo+json")}
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
        started, sent = time.monotonic(), 0
        with open(path, "rb") as handle:
            while True:
                chunk = handle.read(1 << 16)
                if not chunk:
                    break
                self.wfile.write(chunk)
                sent += len(chunk)
                if rate > 0:  # megabytes per second, as a network would deliver them
                    ahead = sent / (rate * 1e6) - (time.monotonic() - started)
                    if ahead > 0:
                        time.sleep(ahead)
    def log_message(self, *args):
        pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
if certificate:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificate, certificate)
    server.socket = context.wrap_socket(server.socket, server_side=True)
server.serve_forever()
"""

# The child's common part: QGIS started, then `timed()` from the click to the layer drawn.
CHILD_START = r"""
import json, os, resource, sys, time
sys.path.insert(0, sys.argv[1])
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import (QgsApplication, QgsMapRendererSequentialJob, QgsMapSettings, QgsProject,
                       QgsRectangle, QgsVectorLayer)
from qgis.PyQt.QtCore import QEventLoop, QSize
app = QgsApplication([], True)
app.initQgis()

def rss_mb():
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024

def draw(layer):
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(layer.extent())
    settings.setOutputSize(QSize(800, 600))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage()

def report(start, cpu, layer, baseline):
    image = draw(layer)
    elapsed = time.perf_counter() - start
    print(json.dumps({"seconds": elapsed, "cpu": time.process_time() - cpu, "features": layer.featureCount(),
                      "baseline_mb": baseline,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "drawn": not image.isNull()}))
"""

OURS = (
    CHILD_START
    + r"""
portal, dataset, cache, output = sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
from open_territory.plugin.sources.ods import OdsSource
from open_territory.plugin.toolbelt.network import Transport
from open_territory.plugin.toolbelt.settings import PluginSettings, save_settings
from open_territory.plugin.toolbelt.tasks import start_task
save_settings(PluginSettings(cache_dir=cache))
try:
    from open_territory.plugin.toolbelt.layer_writer import file_target
except ImportError:  # the code before issue 13 (commit e8a4f6e) wrote to a path and a layer name
    file_target = None
baseline = rss_mb()
start, cpu = time.perf_counter(), time.process_time()  # the click on Load
spec = {"source": "ods", "portal": portal, "dataset": dataset}
done = []
loop = QEventLoop()

def on_done(result, error):
    done.append((result, error))
    loop.quit()

def work(feedback):
    source = OdsSource(Transport(feedback=feedback))
    if file_target is None:
        return source.fetch(spec, output, dataset, "other", feedback)
    return source.fetch(spec, file_target(output, dataset), "other", feedback)

task = start_task("bench", work, on_done)
if not done:
    loop.exec_()
result, error = done[0]
if error is not None:
    raise SystemExit(str(error))
layer = QgsVectorLayer(f"{output}|layername={dataset}", dataset, "ogr")
QgsProject.instance().addMapLayer(layer)
report(start, cpu, layer, baseline)
"""
)

OFFICIAL = (
    CHILD_START
    + r"""
plugin_parent, domain, dataset, path = sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
if plugin_parent:
    sys.path.insert(0, plugin_parent)
    from Opendatasoft import utils
else:  # what utils.import_dataset_to_qgis and utils.load_dataset_to_qgis do, step for step
    import requests
    from qgis.PyQt.QtCore import QCoreApplication

    class utils:
        @staticmethod
        def import_dataset_to_qgis(domain, dataset_id, params):
            base = "https://{}/api/explore/v2.1/catalog/datasets/{}".format(domain, dataset_id)
            requests.get(base + "/records", params)
            return requests.get(base + "/exports/geojson", params, stream=True)

        @staticmethod
        def load_dataset_to_qgis(path, dataset_id, imported_dataset):
            with open(path, "wb") as f:
                for chunk in imported_dataset.iter_content(chunk_size=1024 * 64):
                    f.write(chunk)
                    QCoreApplication.processEvents()
            QgsProject.instance().addMapLayer(QgsVectorLayer(path, dataset_id, "ogr"))
baseline = rss_mb()
start, cpu = time.perf_counter(), time.process_time()  # the click on "Import dataset"
fetched = utils.import_dataset_to_qgis(domain, dataset, {})
utils.load_dataset_to_qgis(path, dataset, fetched)
layer = list(QgsProject.instance().mapLayers().values())[0]
report(start, cpu, layer, baseline)
"""
)


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


def records(export: str) -> dict:
    """The records endpoint's first page (ten records), as the official plugin's check asks it."""
    with open(export, encoding="utf-8") as handle:
        head = handle.read(20000)
    features = json.loads(head[: head.index("},{", 10000) + 1] + "]}")["features"][:10]
    return {"total_count": 0, "results": [f["properties"] for f in features]}


def certificate(folder: str) -> str:
    """A self-signed certificate (and its key) for 127.0.0.1, for the official plugin's https requests."""
    path = os.path.join(folder, "localhost.pem")
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            path,
            "-out",
            path + ".crt",
        ],
        check=True,
        capture_output=True,
    )
    with open(path, "a", encoding="utf-8") as out, open(path + ".crt", encoding="utf-8") as crt:
        out.write(crt.read())
    return path


def run_child(command, env=None) -> tuple:
    """(report of the child's last line, peak resident MB) of one child process."""
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    stdout = child.stdout.read()
    stderr = child.stderr.read()
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        detail = stderr.decode(errors="replace")[-2000:]
        raise RuntimeError(f"{command[:4]} failed ({child.returncode}): {detail}")
    return json.loads(stdout.decode().strip().splitlines()[-1]), usage.ru_maxrss / 1024


def run_official(command: list, env: dict) -> tuple:
    """run_child for the official plugin, again when its download meter divides by a zero elapsed time (its
    load_dataset_to_qgis fails so when the first chunk arrives within the millisecond it started)."""
    for attempt in range(5):
        try:
            return run_child(command, env)
        except RuntimeError as error:
            if "ZeroDivisionError" not in str(error) or attempt == 4:
                raise
            print("official plugin: its download meter divided by zero; run again")
    raise AssertionError("unreachable")


def ogr2ogr(export: str, folder: str) -> tuple:
    out = os.path.join(folder, "ogr2ogr.gpkg")
    if os.path.exists(out):
        os.remove(out)
    started = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", "ogr2ogr", "-f", "GPKG", out, export], check=True, capture_output=True, text=True
    )
    return time.perf_counter() - started, int(done.stderr.strip().splitlines()[-1]) / 1024


def serve(work: str, rate: float, pem: str = "") -> tuple:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-c", SERVER, work, str(port), DATASET, str(rate), pem])
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    return process, port


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--features", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side; the best time is kept")
    parser.add_argument("--rate", type=float, default=0, help="MB/s the local portal sends (0: as fast as it can)")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="bench_ods_")
    export = os.path.join(work, "export.geojson")
    write_export(export, args.features)
    with open(os.path.join(work, "metadata.json"), "w", encoding="utf-8") as handle:
        json.dump(metadata(args.features), handle, ensure_ascii=False)
    with open(os.path.join(work, "records.json"), "w", encoding="utf-8") as handle:
        json.dump(records(export), handle, ensure_ascii=False)
    size_mb = os.path.getsize(export) / 1e6
    rate = f"{args.rate:g} MB/s" if args.rate else "unlimited"
    print(f"export: {args.features} features, {size_mb:.1f} MB ({export}); local portal rate {rate}")

    plugin_dir = os.environ.get(PLUGIN_DIR, "")
    if plugin_dir and not os.path.isfile(os.path.join(plugin_dir, "Opendatasoft", "utils.py")):
        raise SystemExit(f"{PLUGIN_DIR}={plugin_dir} does not hold the Opendatasoft/ package")
    official_how = "its own code from " + plugin_dir if plugin_dir else "emulated (no " + PLUGIN_DIR + ")"

    link_parent = make_importable()
    pem = certificate(work)
    plain, plain_port = serve(work, args.rate)
    secure, secure_port = serve(work, args.rate, pem)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=os.path.join(work, "qgis"))
    env["REQUESTS_CA_BUNDLE"] = pem + ".crt"
    ours, theirs = [], []
    try:
        for run in range(args.repeat):
            output = os.path.join(work, f"ours_{run}.gpkg")
            cache = os.path.join(work, f"cache_{run}")  # a fresh cache: every run downloads
            report, peak = run_child(
                [
                    sys.executable,
                    "-P",
                    "-c",
                    OURS,
                    link_parent,
                    f"http://127.0.0.1:{plain_port}",
                    DATASET,
                    cache,
                    output,
                ],
                env,
            )
            ours.append((report["seconds"], peak, peak - report["baseline_mb"], report["features"], report["cpu"]))
            path = os.path.join(work, f"official_{run}.geojson")
            command = [sys.executable, "-P", "-c", OFFICIAL, link_parent, plugin_dir]
            report, peak = run_official(command + [f"127.0.0.1:{secure_port}", DATASET, path], env)
            theirs.append((report["seconds"], peak, peak - report["baseline_mb"], report["features"], report["cpu"]))
    finally:
        for process in (plain, secure):
            process.terminate()
            process.wait()
    for name, runs in (("ours", ours), ("official", theirs)):
        if {r[3] for r in runs} != {args.features}:
            raise RuntimeError(f"{name} loaded {runs[0][3]} features, {args.features} expected")
    ogr_time, ogr_peak = ogr2ogr(export, work)
    our_time, their_time = min(r[0] for r in ours), min(r[0] for r in theirs)
    our_cpu, their_cpu = min(r[4] for r in ours), min(r[4] for r in theirs)
    print(
        f"ours (Opendatasoft panel: fetch to GeoPackage, open, draw): {our_time:6.2f} s, {our_cpu:6.2f} s CPU "
        f"(best of {args.repeat}), peak RSS {max(r[1] for r in ours):6.1f} MB, "
        f"growth over QGIS started {max(r[2] for r in ours):6.1f} MB"
    )
    print(
        f"official plugin ({official_how}: save GeoJSON, open, draw): {their_time:6.2f} s, "
        f"{their_cpu:6.2f} s CPU (best of {args.repeat}), peak RSS {max(r[1] for r in theirs):6.1f} MB, "
        f"growth {max(r[2] for r in theirs):6.1f} MB"
    )
    print(f"reference: ogr2ogr GeoJSON -> GeoPackage {ogr_time:6.2f} s, peak RSS {ogr_peak:6.1f} MB")
    ratio = our_time / their_time
    print(f"time to layer drawn, ours / official: {ratio:.2f} (target <= 1); CPU {our_cpu / their_cpu:.2f}")
    shutil.rmtree(work, ignore_errors=True)
    print("OK" if ratio <= 1 else "TARGET MISSED")
    return 0 if ratio <= 1 else 1


if __name__ == "__main__":
    sys.exit(main())
