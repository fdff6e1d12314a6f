"""The content faults of issue 14 (points 3 to 6), run through the plugin's Processing algorithms against a local
server that serves them: how many end in a traceback, how many in a silent wrong result, how many are handled.

Each case is what a real server or a real file may hand over: JSON nested a million levels deep (ODS search,
GBFS, sensor.community, data.gouv.fr, RUDI, the BAN, a profile), values the fuzzing found (`"capacity": "inf"`, a
timestamp beyond any float, `"sensordatavalues": true`, a CSV field over 128 kB, a BOM then a stray byte in a
coordinate column's name), and the silent ones (the festivals named after their department, a data.gouv.fr CSV
without names, a GeoJSON column GDAL cannot read beside a lonlat one, impossible coordinates written as features
by ODS, data.gouv.fr and RUDI, a geocoder's NaN stored as a located challenge, a NaN latitude imported, swapped
latitude and longitude loaded without a word).

A traceback: the algorithm raised anything but QgsProcessingException (Processing then says "There were errors
executing the algorithm" and logs the traceback). A silent wrong result: the output holds what it should not and
no warning says so. The algorithms' ids and parameter names are contracts, so the same script runs on any commit:
copy it with ban_standin.py and importable.py into that checkout's tests/benchmarks/.

.venv/bin/python -P tests/benchmarks/content_corpus.py      (OT_CORPUS_DEBUG=1 prints what each algorithm said)
"""

import json
import math
import os
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # tests/benchmarks, even under python -P
from importable import make_importable  # noqa: E402

make_importable()

from osgeo import ogr  # noqa: E402
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback  # noqa: E402
from qgis.PyQt.QtCore import QCoreApplication, QSettings  # noqa: E402

DEEP = "[" * 1_000_000 + "]" * 1_000_000
JSON = "application/json"
FESTIVALS = [
    ("FESTIVAL ELECTR()CUTION", -4.4860, 48.3905),
    ("PANORAMAS", -3.8270, 48.5770),
    ("Festival de Cornouaille", -4.0970, 47.9960),
    ("RDN Festival", -3.4868, 47.8555),
]


class Server:
    """Serves `routes` {path or path prefix ending in '*': (status, content type, body)} on 127.0.0.1."""

    def __init__(self):
        self.routes = {}
        routes = self.routes

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                path = self.path.split("?")[0]
                found = routes.get(path) or next(
                    (v for k, v in routes.items() if k.endswith("*") and path.startswith(k[:-1])), None
                )
                status, content_type, body = found or (404, JSON, '{"message": "not found"}')
                data = body.encode("utf-8") if isinstance(body, str) else body
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}"

    def serve(self, routes: dict) -> str:
        self.routes.clear()
        self.routes.update({k: (v if isinstance(v, tuple) else (200, JSON, v)) for k, v in routes.items()})
        return self.url


class Recorder(QgsProcessingFeedback):
    def __init__(self):
        super().__init__(False)
        self.texts = []

    def reportError(self, error, fatalError=False):  # noqa: N802, N803
        self.texts.append(error)

    def pushWarning(self, warning):  # noqa: N802
        self.texts.append(warning)

    def pushInfo(self, info):  # noqa: N802
        self.texts.append(info)


def run(algorithm: str, parameters: dict) -> tuple:
    """("ok" | "traceback" | "error", the feedback's texts and the error's words)."""
    import processing

    feedback = Recorder()
    try:
        processing.run(f"openterritory:{algorithm}", parameters, context=QgsProcessingContext(), feedback=feedback)
    except QgsProcessingException as error:
        texts = " ".join(feedback.texts) + " " + str(error)
        broken = "There were errors executing the algorithm" in str(error) or "Traceback" in texts
        if os.environ.get("OT_CORPUS_DEBUG"):
            print(algorithm, texts[:600])
        return ("traceback" if broken else "error"), texts
    except Exception as error:  # noqa: BLE001 - what the corpus counts
        return "traceback", f"{type(error).__name__}: {error}"
    if os.environ.get("OT_CORPUS_DEBUG"):
        print(algorithm, feedback.texts)
    return "ok", " ".join(feedback.texts)


def features(path: str, layer: str = None) -> list:
    dataset = ogr.Open(path)
    if dataset is None:
        return []
    found = dataset.GetLayerByName(layer) if layer else dataset.GetLayer(0)
    rows = []
    for feature in found or []:
        geometry = feature.GetGeometryRef()
        envelope = geometry.GetEnvelope() if geometry is not None and not geometry.IsEmpty() else None
        rows.append((feature.items(), envelope, geometry is not None and geometry.IsEmpty()))
    dataset = None
    return rows


def impossible(envelope) -> bool:
    if envelope is None:
        return False
    minx, maxx, miny, maxy = envelope
    return not all(math.isfinite(v) for v in envelope) or minx < -180 or maxx > 180 or miny < -90 or maxy > 90


# -- the cases -------------------------------------------------------------------------------------------------


def ods_routes(properties: list, coordinates: list) -> dict:
    fields = [{"name": name, "type": "text"} for name in properties[0]] + [{"name": "geo", "type": "geo_point_2d"}]
    dataset = {"dataset_id": "festivals", "metas": {"default": {"title": "Festivals", "license": "Licence Ouverte",
               "records_count": len(properties)}}, "fields": fields}  # fmt: skip
    export = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": xy}, "properties": p}
        for p, xy in zip(properties, coordinates)]}  # fmt: skip
    api = "/api/explore/v2.1/catalog/datasets/festivals"
    return {api: json.dumps(dataset), f"{api}/exports/geojson": json.dumps(export, allow_nan=True)}


def datagouv_routes(base: str, body, content_type: str, name: str) -> dict:
    """The dataset `name` (catalog replies are cached an hour: one dataset per case) and its one resource."""
    resource = {"id": "r1", "title": name, "format": name.rsplit(".", 1)[1], "url": f"{base}/files/{name}"}
    dataset = {"id": name, "slug": name, "title": "Arceaux", "license": "lov2", "resources": [resource]}
    return {f"/api/1/datasets/{name}/": json.dumps(dataset), f"/files/{name}": (200, content_type, body)}


def rudi_routes(base: str, geojson: str) -> dict:
    """The resource g2 (g1 is the deep one: catalog replies are cached an hour)."""
    media = {"media_type": "FILE", "media_name": "a.geojson", "file_type": "application/geo+json",
             "connector": {"url": f"{base}/files/a.geojson"}}  # fmt: skip
    item = {"global_id": "g2", "resource_title": "Arceaux", "available_formats": [media],
            "access_condition": {"licence": {"licence_label": "odbl-1.0"}}}  # fmt: skip
    return {"/api/v1/resources/g2": json.dumps(item), "/files/a.geojson": (200, "application/geo+json", geojson)}


def gbfs_routes(base: str, information: str, status: str = None) -> dict:
    names = ("station_information", "station_status") if status else ("station_information",)
    feeds = [{"name": name, "url": f"{base}/gbfs/{name}.json"} for name in names]
    routes = {
        "/gbfs/gbfs.json": json.dumps({"version": "2.3", "data": {"fr": {"feeds": feeds}}}),
        "/gbfs/station_information.json": information,
    }
    if status:
        routes["/gbfs/station_status.json"] = status
    return routes


def station(**values) -> str:
    item = {"station_id": "1", "name": "Gare", "lat": 48.1036, "lon": -1.6722, "capacity": 12, **values}
    return json.dumps({"last_updated": 1700000000, "ttl": 60, "version": "2.3", "data": {"stations": [item]}})


IMPOSSIBLE = json.dumps(
    {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"nom": "Gare"}, "geometry": {"type": "Point", "coordinates": [-1.67, 48.1]}},
        {"type": "Feature", "properties": {"nom": "Loin"}, "geometry": {"type": "Point", "coordinates": [1e308, 48.1]}},
        {"type": "Feature", "properties": {"nom": "Pôle"}, "geometry": {"type": "Point", "coordinates": [-1.6, 95]}}]}
)  # fmt: skip


def cases(server: Server, work: str):  # noqa: C901 - one small closure per case, read in order
    """(name, kind "traceback" or "silent", run() -> "ok" | "traceback" | "wrong" | "handled")."""
    out = lambda name: os.path.join(work, name + ".gpkg")  # noqa: E731
    base = server.url

    def expect_clean(algorithm, parameters):
        outcome, _texts = run(algorithm, parameters)
        return "traceback" if outcome == "traceback" else "handled"

    def deep_ods_search():
        server.serve({"/api/explore/v2.1/catalog/datasets": DEEP})
        return expect_clean("ods_search", {"PORTAL": base, "QUERY": "velo", "OUTPUT": out("search")})

    def deep_gbfs():
        server.serve({"/gbfs/gbfs.json": DEEP})
        return expect_clean("gbfs_stations", {"FEED": f"{base}/gbfs/gbfs.json", "OUTPUT": out("gbfs")})

    def deep_sensors():
        server.serve({"/airrohr/*": DEEP})
        extent = "-1.8,-1.5,48.0,48.2 [EPSG:4326]"
        return expect_clean("sensor_community", {"SERVER": base, "EXTENT": extent, "OUTPUT": out("sensors")})

    def deep_datagouv():
        server.serve({"/api/1/datasets/arceaux/": DEEP})
        return expect_clean("datagouv_load", {"DATASET": "arceaux", "SERVER": base, "OUTPUT": out("dg")})

    def deep_rudi():
        server.serve({"/api/v1/resources/g1": DEEP})
        return expect_clean("rudi_load", {"NODE": base, "RESOURCE": "g1", "OUTPUT": out("rudi")})

    def import_file(name, text):
        path = os.path.join(work, name)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        return path

    def register(name, text, extra=None):
        target = out(name)
        parameters = {"TARGET": target, "TABLE": 0, "INPUT": import_file(name + ".csv", text), "CREATE": True}
        parameters.update(extra or {})
        return target, run("register_import", parameters)

    def deep_ban():
        server.serve({"/search/": DEEP})
        _target, (outcome, _texts) = register(
            "ban_deep", "titre;domaine;adresse;commune\nGare;voirie;1 place de la Gare;Rennes\n", {"GEOCODER": base}
        )
        return "traceback" if outcome == "traceback" else "handled"

    def deep_profile():
        path = import_file("deep_profile.json", '{"version": 1, "id": "x", "resources": ' + DEEP + "}")
        return expect_clean("load_territory", {"PROFILE": path, "OFFLINE": True, "OUTPUT": out("territory")})

    def gbfs_capacity_inf():
        server.serve(gbfs_routes(base, station(capacity="inf")))
        return expect_clean("gbfs_stations", {"FEED": f"{base}/gbfs/gbfs.json", "OUTPUT": out("gbfs_inf")})

    def gbfs_time_beyond_floats():
        status = {"station_id": "1", "num_bikes_available": 3, "num_docks_available": 9, "last_reported": 10**400}
        server.serve(gbfs_routes(base, station(), json.dumps({"version": "2.3", "data": {"stations": [status]}})))
        return expect_clean("gbfs_stations", {"FEED": f"{base}/gbfs/gbfs.json", "OUTPUT": out("gbfs_time")})

    def sensors_values_true():
        reading = {"id": 1, "timestamp": "2024-01-01 10:00:00", "sensordatavalues": True, "sensor": {"id": 7},
                   "location": {"id": 3, "latitude": "48.1", "longitude": "-1.67"}}  # fmt: skip
        server.serve({"/airrohr/*": json.dumps([reading])})
        extent = "-1.8,-1.5,48.0,48.2 [EPSG:4326]"
        return expect_clean("sensor_community", {"SERVER": base, "EXTENT": extent, "OUTPUT": out("sensors_true")})

    def datagouv_csv(name, body, content_type="text/csv"):
        server.serve(datagouv_routes(base, body, content_type, name))
        path = out(name.replace(".", "_"))
        outcome, texts = run("datagouv_load", {"DATASET": name, "SERVER": base, "OUTPUT": path})
        return outcome, texts, path

    def csv_large_field():
        body = "nom;latitude;longitude\n" + "x" * 140_000 + ";48,1;-1,67\nGare;48,1;-1,67\n"
        outcome, _texts, _path = datagouv_csv("large.csv", body)
        return "traceback" if outcome == "traceback" else "handled"

    def csv_bom_stray_byte():
        body = b"\xef\xbb\xbfnom;latitude\xff;longitude\nGare;48,1;-1,67\n"
        outcome, _texts, _path = datagouv_csv("bom.csv", body)
        return "traceback" if outcome == "traceback" else "handled"

    def festivals_names():
        properties = [{"nom_departement": "Finistère", "nom_de_la_manifestation": name} for name, _x, _y in FESTIVALS]
        server.serve(ods_routes(properties, [[x, y] for _name, x, y in FESTIVALS]))
        outcome, _texts = run("ods_load", {"PORTAL": base, "DATASET": "festivals", "OUTPUT": out("festivals")})
        if outcome == "traceback":
            return "traceback"
        names = [row["name"] for row, _e, _empty in features(out("festivals"))]
        return "handled" if names == [name for name, _x, _y in FESTIVALS] else "wrong"

    def csv_without_names():
        body = "id;nom_du_site;latitude;longitude\n1;Gare Sud;48,1036;-1,6722\n2;Mairie;48,111;-1,6794\n"
        outcome, _texts, path = datagouv_csv("sites.csv", body)
        if outcome == "traceback":
            return "traceback"
        rows = features(path)
        return "handled" if rows and all(row["name"] for row, _e, _empty in rows) else "wrong"

    def csv_unreadable_geojson_column():
        body = (
            "id;nom;geojson;lonlat\n"
            '1;Gare;{"type": "Point", "coordinates": [-1.6722, 48.1036]};-1.6722,48.1036\n'
            '2;Mairie;{"type": "Point", "coordinates": [-1.6794, 48.111]};-1.6794,48.111\n'
        )
        outcome, texts, path = datagouv_csv("points.csv", body)
        if outcome == "traceback":
            return "traceback"
        located = [envelope for _row, envelope, _empty in features(path) if envelope]
        return "handled" if located or "geometry" in texts else "wrong"

    def impossible_written(outcome, texts, path):
        if outcome == "traceback":
            return "traceback"
        written = [envelope for _row, envelope, _empty in features(path) if impossible(envelope)]
        return "wrong" if written or (outcome == "ok" and "impossible" not in texts) else "handled"

    def ods_impossible():
        properties = [{"nom": "Gare"}, {"nom": "Loin"}, {"nom": "Pôle"}]
        server.serve(ods_routes(properties, [[-1.67, 48.1], [1e308, 48.1], [-1.6, 95]]))
        outcome, texts = run("ods_load", {"PORTAL": base, "DATASET": "festivals", "OUTPUT": out("ods_far")})
        return impossible_written(outcome, texts, out("ods_far"))

    def datagouv_impossible():
        return impossible_written(*datagouv_csv("far.geojson", IMPOSSIBLE, "application/geo+json"))

    def rudi_impossible():
        server.serve(rudi_routes(base, IMPOSSIBLE))
        outcome, texts = run("rudi_load", {"NODE": base, "RESOURCE": "g2", "OUTPUT": out("rudi_far")})
        return impossible_written(outcome, texts, out("rudi_far"))

    def ban_nan():
        point = {"type": "Point", "coordinates": [float("nan"), float("nan")]}
        found = {"type": "Feature", "geometry": point, "properties": {"label": "2 Place de la Gare", "score": 0.93}}
        reply = {"type": "FeatureCollection", "features": [found]}
        server.serve({"/search/": json.dumps(reply)})
        target, (outcome, _texts) = register(
            "ban_nan", "titre;domaine;adresse;commune\nGare;voirie;2 place de la Gare;Rennes\n", {"GEOCODER": base}
        )
        if outcome == "traceback":
            return "traceback"
        rows = features(target, "challenges")
        return "wrong" if any(envelope is None for _row, envelope, _e in rows) and rows else "handled"

    def nan_latitude():
        target, (outcome, _texts) = register(
            "nan_lat", "titre;domaine;latitude;longitude\nGare;voirie;nan;-1,67\n", {"GEOCODE": False}
        )
        if outcome == "traceback":
            return "traceback"
        return "wrong" if features(target, "challenges") else "handled"

    def swapped():
        body = "nom;latitude;longitude\nGare;-1,6722;48,1036\nMairie;-1,6794;48,111\nParc;-1,6;48,15\n"
        outcome, texts, _path = datagouv_csv("inverse.csv", body)
        if outcome == "traceback":
            return "traceback"
        return "handled" if "look swapped" in texts else "wrong"

    return [
        ("ODS search, JSON a million levels deep", "traceback", deep_ods_search),
        ("GBFS, JSON a million levels deep", "traceback", deep_gbfs),
        ("sensor.community, JSON a million levels deep", "traceback", deep_sensors),
        ("data.gouv.fr, JSON a million levels deep", "traceback", deep_datagouv),
        ("RUDI, JSON a million levels deep", "traceback", deep_rudi),
        ("BAN, JSON a million levels deep", "traceback", deep_ban),
        ("profile, JSON a million levels deep", "traceback", deep_profile),
        ('GBFS "capacity": "inf"', "traceback", gbfs_capacity_inf),
        ("GBFS timestamp beyond any float", "traceback", gbfs_time_beyond_floats),
        ('sensor.community "sensordatavalues": true', "traceback", sensors_values_true),
        ("CSV field over 128 kB", "traceback", csv_large_field),
        ("CSV BOM then a stray byte in a column name", "traceback", csv_bom_stray_byte),
        ("ODS festivals named after their department", "silent", festivals_names),
        ("data.gouv.fr CSV without a name", "silent", csv_without_names),
        ("CSV GeoJSON column GDAL cannot read, lonlat beside", "silent", csv_unreadable_geojson_column),
        ("ODS impossible coordinates written", "silent", ods_impossible),
        ("data.gouv.fr impossible coordinates written", "silent", datagouv_impossible),
        ("RUDI impossible coordinates written", "silent", rudi_impossible),
        ("BAN NaN stored as a located challenge", "silent", ban_nan),
        ("register NaN latitude imported", "silent", nan_latitude),
        ("swapped latitude/longitude loaded without a word", "silent", swapped),
    ]


def main() -> None:
    work = tempfile.mkdtemp(prefix="ot-corpus-")
    QCoreApplication.setOrganizationName(QgsApplication.QGIS_ORGANIZATION_NAME)
    QCoreApplication.setApplicationName(QgsApplication.QGIS_APPLICATION_NAME)
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, os.path.join(work, "profiles"))
    app = QgsApplication([], False, work)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from open_territory.plugin.toolbelt.settings import PluginSettings, save_settings
    from open_territory.processing.provider import OpenTerritoryProvider

    provider = OpenTerritoryProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    save_settings(PluginSettings(cache_dir=os.path.join(work, "cache"), network_retries=0))
    server = Server()
    tally = {"traceback": 0, "wrong": 0, "handled": 0}
    for name, kind, case in cases(server, work):
        outcome = case()
        tally[outcome] += 1
        print(f"  {outcome:9}  ({kind:9}) {name}")
    total = sum(tally.values())
    print(f"{total} cases: {tally['traceback']} tracebacks, {tally['wrong']} silent wrong results, "
          f"{tally['handled']} handled (one sentence, or the right result, or a warning)")  # fmt: skip
    app.exitQgis()


if __name__ == "__main__":
    main()
