"""Feature counts the demo territory must give, computed from its readable data files
(resources/demo/data), independently of the sources' code."""

import json
import os
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
        else:
            raise AssertionError(f"no expectation for the demo's {entry.source} entry {entry.layer}")
        expected[entry.layer] = count
    return expected
