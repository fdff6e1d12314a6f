"""Nothing lost: a reload that fails leaves the previous output byte for byte as it was, for every source.

Each source first loads its resource from a local server into an output: a GeoPackage holding that layer
beside another one, or a single-layer GeoJSON file. Then the same load runs again into the same output,
and fails: the server answers the resource's data request with an HTTP error or a body cut in half, or
the user cancels in the middle of the download, or while GDAL writes the new layer. The output's bytes
must not change, and nothing may be left beside it (no scratch file, no half-written layer).
"""

import json
import os
import time

import pytest
from open_territory.plugin.sources.datagouv import DatagouvSource
from open_territory.plugin.sources.gbfs import GbfsSource
from open_territory.plugin.sources.ods import OdsSource
from open_territory.plugin.sources.overpass import OverpassSource
from open_territory.plugin.sources.rudi import RudiSource
from open_territory.plugin.sources.sensor_community import SensorCommunitySource, filter_query
from open_territory.plugin.toolbelt.errors import Cancelled, NetworkError, OpenTerritoryError, ReplyError
from open_territory.plugin.toolbelt.layer_writer import file_target, layer_target, write_resource_layer
from open_territory.plugin.toolbelt.network import Transport
from osgeo import gdal
from qgis.core import QgsProcessingFeedback
from werkzeug import Response

from ...folder_digest import digest

HERE = os.path.dirname(__file__)
EXTENT = [-1.8, 48.0, -1.5, 48.2]
GEOJSON = "application/geo+json"
JSON = "application/json"


def read(source_folder, *parts) -> bytes:
    """A recorded reply of the source's own tests (tests/plugin/sources/<source>/data)."""
    with open(os.path.join(HERE, source_folder, "data", *parts), "rb") as handle:
        return handle.read()


def points_geojson(names) -> bytes:
    """A small GeoJSON of bicycle racks, as a catalog's file resource would be."""
    features = [
        {
            "type": "Feature",
            "properties": {"nom": name, "capacite": 4 + index},
            "geometry": {"type": "Point", "coordinates": [-1.68 + index / 100, 48.11]},
        }
        for index, name in enumerate(names)
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False).encode()


# -- one scenario per source: its spec, the routes of a successful load, the data request to break ----------


def ods_scenario(base):
    api = "/api/explore/v2.1/catalog/datasets/festivals-finistere"
    routes = {
        api: (read("ods", "festivals_dataset.json"), JSON),
        api + "/exports/geojson": (read("ods", "festivals_export.geojson"), GEOJSON),
    }
    return (
        OdsSource,
        {"source": "ods", "portal": base, "dataset": "festivals-finistere"},
        routes,
        api + "/exports/geojson",
    )


def overpass_scenario(base):
    routes = {"/api/interpreter": (read("overpass", "mixed.osm"), "application/osm3s+xml")}
    spec = {"source": "overpass", "category": "car_park", "server": f"{base}/api/interpreter", "extent": EXTENT}
    return OverpassSource, spec, routes, "/api/interpreter"


def datagouv_scenario(base):
    resource = {
        "id": "r-arceaux",
        "title": "arceaux.geojson",
        "format": "geojson",
        "url": f"{base}/files/arceaux.geojson",
        "filesize": 900,
        "type": "main",
        "mime": "application/geo+json",
        "extras": {},
    }
    dataset = {"id": "d1", "slug": "arceaux-velos", "title": "Arceaux", "license": "lov2", "resources": [resource]}
    routes = {
        "/api/1/datasets/arceaux-velos/": (json.dumps(dataset).encode(), JSON),
        "/files/arceaux.geojson": (points_geojson(["Gare", "Mairie", "Halles"]), GEOJSON),
    }
    spec = {"source": "datagouv", "dataset": "arceaux-velos", "server": base}
    return DatagouvSource, spec, routes, "/files/arceaux.geojson"


def rudi_scenario(base):
    global_id = "28b84a7d-876a-461a-9418-335ecac5ab34"
    item = {
        "global_id": global_id,
        "resource_title": "Arceaux vélo",
        "available_formats": [
            {
                "media_type": "FILE",
                "media_name": "arceaux.geojson",
                "connector": {"url": f"{base}/media/arceaux.geojson"},
                "file_type": "application/geo+json",
                "file_size": "900",
            }
        ],
        "access_condition": {"licence": {"licence_type": "STANDARD", "licence_label": "odbl-1.0"}},
    }
    routes = {
        f"/api/v1/resources/{global_id}": (json.dumps(item).encode(), JSON),
        "/media/arceaux.geojson": (points_geojson(["Gare", "Mairie"]), GEOJSON),
    }
    return RudiSource, {"source": "rudi", "node": base, "resource": global_id}, routes, "/media/arceaux.geojson"


def gbfs_routes(base):
    folder = os.path.join(HERE, "gbfs", "data", "v23")
    return {
        f"/v23/{name}": (read("gbfs", "v23", name).replace(b"{base}", base.encode()), JSON)
        for name in os.listdir(folder)
    }


def gbfs_stations_scenario(base):
    spec = {"source": "gbfs", "feed": f"{base}/v23/gbfs.json", "kind": "stations"}
    return GbfsSource, spec, gbfs_routes(base), "/v23/station_information.json"


def gbfs_vehicles_scenario(base):
    spec = {"source": "gbfs", "feed": f"{base}/v23/gbfs.json", "kind": "vehicles"}
    return GbfsSource, spec, gbfs_routes(base), "/v23/free_bike_status.json"


def sensor_community_scenario(base):
    location = {"id": 1071, "latitude": "48.103", "longitude": "-1.672", "altitude": "38.7", "country": "FR"}
    readings = [
        {
            "id": 1,
            "timestamp": "2019-04-25 01:53:40",
            "location": location,
            "sensor": {"id": 2129, "sensor_type": {"id": 14, "name": "SDS011"}},
            "sensordatavalues": [{"value": "18.40", "value_type": "P1"}, {"value": "16.80", "value_type": "P2"}],
        }
    ]
    path = "/airrohr/v1/filter/" + filter_query(EXTENT)
    spec = {"source": "sensor_community", "server": base, "extent": EXTENT}
    return SensorCommunitySource, spec, {path: (json.dumps(readings).encode(), JSON)}, path


SCENARIOS = {
    "ods": ods_scenario,
    "overpass": overpass_scenario,
    "datagouv": datagouv_scenario,
    "rudi": rudi_scenario,
    "gbfs_stations": gbfs_stations_scenario,
    "gbfs_vehicles": gbfs_vehicles_scenario,
    "sensor_community": sensor_community_scenario,
}


def failing(failure, body, content_type, feedback):
    """The data request's handler: an HTTP error, the body cut in half, or a cancel in mid-download."""

    def handler(_request):
        if failure == "http_error":
            return Response(json.dumps({"message": "Internal error"}), status=500, content_type=JSON)
        if failure == "invalid_body":
            return Response(body[: len(body) // 2], content_type=content_type)
        # The user cancels while the reply streams: the first half arrives, then the cancel, then the rest.
        feedback.cancel()

        def stream():
            yield body[: len(body) // 2]
            time.sleep(0.5)
            yield body[len(body) // 2 :]

        return Response(stream(), content_type=content_type)

    return handler


class CancelWhileWriting:
    """gdal.VectorTranslate that cancels the job's feedback as GDAL starts writing the new layer."""

    def __init__(self, monkeypatch, feedback):
        self.original, self.feedback, self.calls = gdal.VectorTranslate, feedback, 0
        monkeypatch.setattr(gdal, "VectorTranslate", self)

    def __call__(self, *args, **kwargs):
        self.calls += 1
        self.feedback.cancel()
        return self.original(*args, **kwargs)


def serve(httpserver, routes, payload, failure=None, feedback=None):
    httpserver.clear()
    for path, (body, content_type) in routes.items():
        if path == payload and failure in ("http_error", "invalid_body", "cancel"):
            httpserver.expect_request(path).respond_with_handler(failing(failure, body, content_type, feedback))
        else:
            httpserver.expect_request(path).respond_with_data(body, content_type=content_type)


def previous_output(kind, folder):
    """(target of the reload, the other layer's name or None) for an output already holding data."""
    if kind == "geopackage":
        path = str(folder / "territory.gpkg")
        other = str(folder.parent / "other.geojson")
        with open(other, "wb") as handle:
            handle.write(points_geojson(["Autre"]))
        write_resource_layer(other, file_target(path, "other"), {"category": "other", "source": "test"})
        os.remove(other)
        return layer_target(path, "resource")
    return file_target(str(folder / "resource.geojson"))


@pytest.mark.parametrize("kind", ["geopackage", "geojson"])
@pytest.mark.parametrize("failure", ["http_error", "invalid_body", "cancel", "cancel_while_writing"])
@pytest.mark.parametrize("source_key", sorted(SCENARIOS))
def test_a_failed_reload_leaves_the_previous_output_untouched(
    httpserver, tmp_path, monkeypatch, source_key, failure, kind
):
    base = httpserver.url_for("").rstrip("/")
    source_class, spec, routes, payload = SCENARIOS[source_key](base)
    folder = tmp_path / "output"
    folder.mkdir()
    target = previous_output(kind, folder)

    serve(httpserver, routes, payload)
    loaded = source_class(Transport(cache_dir=str(tmp_path / "cache"), timeout=10, retries=0)).fetch(
        dict(spec), target, "other"
    )
    assert loaded.feature_count > 0
    before = digest(folder)
    assert before, "the first load wrote nothing"

    feedback = QgsProcessingFeedback(False)
    serve(httpserver, routes, payload, failure, feedback)
    spy = CancelWhileWriting(monkeypatch, feedback) if failure == "cancel_while_writing" else None
    transport = Transport(feedback=feedback, cache_dir=str(tmp_path / "cache"), timeout=10, retries=0)
    with pytest.raises(OpenTerritoryError) as raised:
        source_class(transport).fetch(dict(spec), target, "other", feedback)
    expected = {"http_error": ReplyError, "invalid_body": (ReplyError, NetworkError)}.get(failure, Cancelled)
    assert isinstance(raised.value, expected), raised.value
    assert spy is None or spy.calls == 1  # the write had started
    assert any(request.path == payload for request, _ in httpserver.log), "the data request was never made"
    assert digest(folder) == before
