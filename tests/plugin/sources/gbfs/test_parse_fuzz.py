"""Property-based tests of the GBFS readers: whatever a feed holds, rows or the plugin's own errors.

Found by this search before issue 14 was fixed: an OverflowError in `as_utc_iso` (a timestamp above what a float
holds) and in `as_int` (`"capacity": "inf"`)."""

import json
import os

from open_territory.plugin.sources.gbfs import parse

from ....fuzzing import fuzz, json_objects, json_values, mutated, only_plugin_errors

DATA = os.path.join(os.path.dirname(__file__), "data")
KEYS = (
    "data", "feeds", "name", "url", "fr", "en", "version", "stations", "vehicles", "bikes", "station_id", "lat",
    "lon", "capacity", "last_reported", "num_bikes_available", "num_vehicles_available", "num_docks_available",
    "is_installed", "is_renting", "is_returning", "vehicle_types_available", "num_bikes_available_types", "count",
    "vehicle_type_id", "form_factor", "propulsion_type", "text", "language", "system_id", "operator", "license_id",
    "license_url", "terms_url", "vehicle_id", "bike_id", "is_reserved", "is_disabled", "current_range_meters",
    "short_name", "address", "stationCode", "is_virtual_station", "max_range_meters", "model",
)  # fmt: skip


def fixture(*parts):
    with open(os.path.join(DATA, *parts), encoding="utf-8") as handle:
        return json.load(handle)


def read_everything(document, status, language):
    only_plugin_errors(parse.discover_feeds, document, "https://gbfs.example.org/gbfs.json", language)
    info = only_plugin_errors(parse.system_info, document, language) or {}
    types = only_plugin_errors(parse.vehicle_types, document, language) or {}
    only_plugin_errors(parse.licence_of, info)
    only_plugin_errors(parse.category_of, types, info)
    only_plugin_errors(parse.station_status_rows, status)
    rows = only_plugin_errors(parse.station_rows, document, status, types, info, "2.3", language) or ([], 0)
    vehicles = only_plugin_errors(parse.vehicle_rows, document, types, info, "2.3") or ([], 0)
    for lon, lat, _columns in rows[0] + vehicles[0]:
        assert -180 <= lon <= 180 and -90 <= lat <= 90  # a place on Earth, or no row


@fuzz(json_values(KEYS), json_values(KEYS), json_values(("fr", "en")))
def test_any_json_gives_rows_or_the_plugins_errors(document, status, language):
    read_everything(document, status, language if isinstance(language, str) else None)


@fuzz(
    mutated(fixture("v23", "station_information.json"), KEYS),
    mutated(fixture("v23", "station_status.json"), KEYS),
)
def test_real_shaped_feeds_with_hostile_values(information, status):
    read_everything(information, status, "fr")


@fuzz(mutated(fixture("v30", "vehicle_status.json"), KEYS), mutated(fixture("v30", "gbfs.json"), KEYS))
def test_real_shaped_v3_vehicles_and_discovery(vehicles, discovery):
    read_everything(vehicles, None, "en")
    read_everything(discovery, None, None)


@fuzz(json_objects(KEYS))
def test_one_station_of_any_shape(station):
    read_everything({"data": {"stations": [station]}}, {"data": {"stations": [station]}}, "fr")
