"""What every territory gets, whatever the catalogs say: OpenStreetMap and sensor.community.

OpenStreetMap covers all of France: each category with a preset (plugin/sources/overpass/presets.py) gets
an Overpass entry, asked within the territory when the profile is loaded. sensor.community's citizen
sensors are asked the same way, within the territory's extent.
"""

from __future__ import annotations

from ..definitions import OSM_LICENCE, category_label
from ..sources.overpass.presets import preset_categories
from ..toolbelt.i18n import tr
from .services import Services

DOMAINS = {
    "traffic_signals": "voirie",
    "bicycle_parking": "velo",
    "charging_station": "vehicules",
    "bus_stop": "transport_collectif",
    "car_park": "stationnement",
    "cycleway": "velo",
    "street_lamp": "voirie",
    "bike_share_station": "velo",
    "car_sharing": "vehicules",
    "air_quality_sensor": "qualite_air",
    "traffic_counter": "voirie",
}


def osm_entries(services: Services) -> list:
    """[(category, entry)]: the OpenStreetMap preset of every category that has one."""
    note = (
        "OpenStreetMap ("
        + OSM_LICENCE
        + "): "
        + tr("the category's preset, asked through Overpass within the territory; OpenStreetMap covers every territory")
    )
    found = []
    for category in preset_categories():
        entry = {
            "source": "overpass",
            "title": f"{category_label(category)} (OSM)",
            "domain": DOMAINS.get(category, "autre"),
            "note": note,
        }
        if services.overpass:
            entry["server"] = services.overpass
        found.append((category, entry))
    return found


def sensor_entries(services: Services) -> list:
    note = "sensor.community: " + tr(
        "the citizen air-quality sensors within the territory's extent, with their latest readings"
    )
    entry = {"source": "sensor_community", "title": "sensor.community", "domain": "qualite_air", "note": note}
    if services.sensor_community:
        entry["server"] = services.sensor_community
    return [("air_quality_sensor", entry)]
