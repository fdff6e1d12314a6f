"""Property-based tests of the JSON records reader (a list of records GDAL does not read): whatever the file holds,
a GeoJSON file of places on Earth or the plugin's own errors."""

import json
import os
import tempfile

from hypothesis import strategies as st
from open_territory.plugin.formats.resource_file import json_records_to_geojson, record_geometry, sniff_kind

from ...fuzzing import fuzz, json_values, mutated, only_plugin_errors

KEYS = (
    "records", "results", "items", "data", "fields", "geometry", "type", "coordinates", "geo_point_2d", "geo_point",
    "coordonnees", "lat", "lon", "lng", "latitude", "longitude", "nom",
)  # fmt: skip
REAL = {
    "records": [
        {"datasetid": "arceaux", "recordid": "a1", "fields": {"nom": "Gare", "geo_point_2d": [48.1036, -1.6722]}},
        {"fields": {"nom": "Mairie", "latitude": "48,111", "longitude": "-1,6794"}},
        {"fields": {"nom": "Ligne", "geometry": {"type": "LineString", "coordinates": [[-1.6, 48.1], [-1.7, 48.2]]}}},
    ]
}


def read(document: bytes):
    with tempfile.TemporaryDirectory(prefix="ot-fuzz-records-") as folder:
        path = os.path.join(folder, "records.json")
        with open(path, "wb") as handle:
            handle.write(document)
        assert sniff_kind(path) in ("json", "csv", "zip", "gpkg", "kml", "gml", "html")
        written = only_plugin_errors(json_records_to_geojson, path, os.path.join(folder, "out.geojson"))
        if written is None:
            return
        with open(written, encoding="utf-8") as handle:
            collection = json.load(handle)
        for feature in collection["features"]:
            geometry = feature["geometry"]
            if geometry and geometry.get("type") == "Point":
                lon, lat = geometry["coordinates"]
                assert isinstance(lon, float) and isinstance(lat, float)  # impossible ones: the writer refuses them


@fuzz(json_values(KEYS))
def test_any_json_records(value):
    read(json.dumps(value).encode("utf-8"))


@fuzz(mutated(REAL, KEYS))
def test_real_shaped_records_with_hostile_values(value):
    read(json.dumps(value).encode("utf-8"))


@fuzz(st.binary(max_size=300))
def test_any_bytes(data):
    read(data)


@fuzz(json_values(KEYS))
def test_any_record(record):
    if isinstance(record, dict):
        only_plugin_errors(record_geometry, record)
