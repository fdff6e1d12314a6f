"""No secret of a URL (`?key=`, `apiKey=`, `token=`) is shown or kept anywhere: a territory load whose
Overpass server, GBFS feed and data.gouv.fr file carry keys (one of them failing), its layers added to a
project as the dock adds them and the project saved; then every output is searched for the keys: the log,
the feedback, the cache (what it records of each reply: URL and headers; a reply's body is kept as the server
sent it: a catalog that publishes a link with its token publishes it to everyone), the GeoPackage (layers,
sources table), the project file."""

import json
import os

from open_territory.plugin.profiles.profile import load_profile
from open_territory.plugin.profiles.territory import load_territory
from open_territory.plugin.toolbelt.settings import load_settings, save_settings
from open_territory.ui.territory_layers import prepare_layer
from qgis.core import QgsApplication, QgsProcessingFeedback, QgsProject, QgsVectorLayer

from .plugin.profiles.conftest import BOUNDARY
from .plugin.sources.test_reload_failures import datagouv_scenario, gbfs_routes, read

SECRETS = ("S3CRET-OSM", "S3CRET-GBFS", "S3CRET-DG", "S3CRET-FAIL", "S3CRET-PASS")


class RecordingFeedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__(False)
        self.said = []

    def setProgressText(self, text):  # noqa: N802 - QGIS's names
        self.said.append(text)

    def pushInfo(self, text):  # noqa: N802
        self.said.append(text)

    def pushWarning(self, text):  # noqa: N802
        self.said.append(text)

    def reportError(self, text, fatal=False):  # noqa: N802
        self.said.append(text)


def serve(server) -> dict:
    """The routes of the three sources; returns the profile's resources, keys in their URLs."""
    server.route("/api/interpreter", read("overpass", "mixed.osm"), "application/osm3s+xml")
    server.route("/broken/interpreter", json.dumps({"message": "Internal error"}), status=500)
    for path, (body, content_type) in gbfs_routes(server.base).items():
        server.route(path, body, content_type)
    _source, _spec, routes, _payload = datagouv_scenario(server.base)
    for path, (body, content_type) in routes.items():
        if path.startswith("/api/"):  # the file's download link carries a token
            body = body.replace(b"arceaux.geojson", b"arceaux.geojson?token=S3CRET-DG")
        server.route(path, body, content_type)
    # A password before the host, as a proxy or a private server may be written.
    overpass = server.base.replace("http://", "http://tech:S3CRET-PASS@") + "/api/interpreter?key=S3CRET-OSM"
    return {
        "car_park": [{"source": "overpass", "server": overpass, "layer": "car_park_osm"}],
        "bicycle_parking": [
            {"source": "overpass", "server": server.url("/broken/interpreter?key=S3CRET-FAIL"), "layer": "broken"}
        ],
        "bike_share_station": [
            {"source": "gbfs", "feed": server.url("/v23/gbfs.json?apiKey=S3CRET-GBFS"), "layer": "stations"}
        ],
        "other": [{"source": "datagouv", "dataset": "arceaux-velos", "server": server.base, "layer": "arceaux"}],
    }


def files_holding(folder: str, secret: bytes, suffix: str = "") -> list:
    found = []
    for root, _dirs, files in os.walk(folder):
        for name in files:
            if not name.endswith(suffix):
                continue
            with open(os.path.join(root, name), "rb") as handle:
                if secret in handle.read():
                    found.append(os.path.join(root, name))
    return found


def test_no_key_of_a_url_reaches_any_output(tmp_path, fault_server):
    (tmp_path / "communes.geojson").write_text(json.dumps(BOUNDARY), encoding="utf-8")
    data = {
        "version": 1,
        "id": "secrets",
        "name": "Secrets",
        "crs": "EPSG:2154",
        "boundary": {"file": "communes.geojson"},
        "resources": serve(fault_server),
    }
    (tmp_path / "secrets.json").write_text(json.dumps(data), encoding="utf-8")
    settings = load_settings()
    settings.network_retries = 0
    save_settings(settings)
    logged = []
    QgsApplication.messageLog().messageReceived.connect(lambda message, *_rest: logged.append(message))
    feedback = RecordingFeedback()
    output = tmp_path / "out" / "territory.gpkg"

    report = load_territory(load_profile(str(tmp_path / "secrets.json")), str(output), feedback=feedback)
    statuses = {o.layer: o.status for o in report.outcomes}
    assert statuses == {"boundary": "ok", "car_park_osm": "ok", "broken": "failed", "stations": "ok", "arceaux": "ok"}
    # The keys were sent: the servers got them.
    asked = [f"{request.path}?{request.query}" for request in fault_server.requests]
    assert any("key=S3CRET-OSM" in url for url in asked) and any("token=S3CRET-DG" in url for url in asked)
    assert any("apiKey=S3CRET-GBFS" in url for url in asked)

    project = QgsProject.instance()
    entries = {entry.layer: entry for entry in report.profile.resources}
    for name in report.layers:
        layer = QgsVectorLayer(f"{output}|layername={name}", name, "ogr")
        assert layer.isValid()
        if name in entries:
            prepare_layer(layer, entries[name], report.extent)  # as the dock prepares it
        project.addMapLayer(layer)
    project_file = tmp_path / "territory.qgs"
    assert project.write(str(project_file))
    project.removeAllMapLayers()
    QgsApplication.processEvents()  # the log's queued messages

    for secret in SECRETS:
        assert not [text for text in logged if secret in text], secret
        assert not [text for text in feedback.said if secret in text], secret
        assert not [o for o in report.outcomes if secret in f"{o.message} {o.url} {o.source} {o.dataset}"], secret
        assert files_holding(load_settings().effective_cache_dir(), secret.encode(), ".json") == [], secret
        assert files_holding(str(output.parent), secret.encode()) == [], secret
        assert secret not in project_file.read_text(encoding="utf-8"), secret
    # What was kept says that a key was there.
    assert [o.layer for o in report.failed] == ["broken"] and "HTTP 500" in report.failed[0].message
    assert any("apiKey=***" in text for text in logged)
