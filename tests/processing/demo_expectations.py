"""Feature counts the demo territory must give, computed from its readable data files
(resources/demo/data), independently of the sources' code."""

import csv
import datetime
import importlib.util
import io
import json
import os
import zipfile
from xml.etree import ElementTree

from open_territory.plugin.sources import registry

# Which demo OSM objects each category's OSM preset must find (DESIGN.md tags, profiles_facts.md §5): bicycle
# parking mapped as a node, a closed way or a multipolygon is one point each.
OSM_TAGS = {
    "bicycle_parking": (("node", "way", "relation"), "amenity", "bicycle_parking"),
    "bus_stop": (("node",), "highway", "bus_stop"),
    "street_lamp": (("node",), "highway", "street_lamp"),
    "cycleway": (("way",), "highway", "cycleway"),
}


def _json(profile, *parts):
    with open(os.path.join(profile.base_dir, "..", "demo", "data", *parts), encoding="utf-8") as handle:
        return json.load(handle)


def _osm_count(profile, category):
    kinds, key, value = OSM_TAGS[category]
    root = ElementTree.parse(os.path.join(profile.base_dir, "..", "demo", "data", "osm", "demo.osm")).getroot()
    return sum(
        1
        for kind in kinds
        for element in root.findall(kind)
        if any(t.get("k") == key and t.get("v") == value for t in element.findall("tag"))
    )


def expected_demo_counts(profile) -> dict:
    """layer name -> feature count, for the boundary and every entry whose source exists."""
    expected = {"boundary": len(_json(profile, "boundary", "communes.geojson")["features"])}
    for entry in profile.resources:
        if entry.source not in registry.SOURCES:
            continue
        if entry.source == "ods":
            count = len(_json(profile, "ods", f"{entry.spec['dataset']}.geojson")["features"])
        elif entry.source == "gbfs":
            count = len(_json(profile, "gbfs", "station_information.json")["data"]["stations"])
        elif entry.source == "sensor_community":
            types = set(entry.spec.get("types") or [])
            items = _json(profile, "sensor_community", "filter.json")
            count = len(
                {i["location"]["id"] for i in items if not types or i["sensor"]["sensor_type"]["name"] in types}
            )
        elif entry.source == "datagouv":
            path = os.path.join(profile.base_dir, "..", "demo", "data", "datagouv", "irve-demo.csv")
            with open(path, encoding="cp1252") as handle:
                count = sum(1 for line in handle if line.strip()) - 1  # minus the header
        elif entry.source == "overpass":
            count = _osm_count(profile, entry.spec["category"])
        elif entry.source == "gtfs":
            count = _gtfs_count(profile, entry)
        else:
            raise AssertionError(f"no expectation for the demo's {entry.source} entry {entry.layer}")
        expected[entry.layer] = count
    return expected


def _gtfs_table(profile, name: str) -> list:
    with zipfile.ZipFile(os.path.join(profile.base_dir, "..", "demo", "data", "gtfs", "network.zip")) as archive:
        return list(csv.DictReader(io.TextIOWrapper(archive.open(name), "utf-8-sig")))


def _gtfs_services(profile, day: datetime.date) -> set:
    """The service_ids running on `day`, by the reference's rule (calendar.txt, then calendar_dates.txt)."""
    weekday = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")[day.weekday()]
    running = {
        row["service_id"]
        for row in _gtfs_table(profile, "calendar.txt")
        if row[weekday] == "1" and row["start_date"] <= f"{day:%Y%m%d}" <= row["end_date"]
    }
    for row in _gtfs_table(profile, "calendar_dates.txt"):
        if row["date"] == f"{day:%Y%m%d}":
            (running.add if row["exception_type"] == "1" else running.discard)(row["service_id"])
    return running


def _gtfs_count(profile, entry) -> int:
    """Stops: the network's stops and platforms (every one is served and inside the territory); routes: the
    route directions with a trip on the entry's day; vehicles: those scripts/build_demo_gtfs.py put on the road."""
    if entry.spec.get("kind") == "vehicles":
        path = os.path.join(profile.base_dir, "..", "..", "scripts", "build_demo_gtfs.py")
        spec = importlib.util.spec_from_file_location("build_demo_gtfs", path)
        builder = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(builder)
        return len(builder.on_the_road())
    if entry.category == "transit_route":
        running = _gtfs_services(profile, datetime.date.fromisoformat(entry.spec["date"]))
        trips = _gtfs_table(profile, "trips.txt")
        return len({(t["route_id"], t["direction_id"]) for t in trips if t["service_id"] in running})
    return sum(1 for row in _gtfs_table(profile, "stops.txt") if row["location_type"] in ("", "0"))
