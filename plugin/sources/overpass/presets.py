"""The one place defining the OpenStreetMap presets of the resource categories (tags from the OSM wiki).

Each preset says which elements Overpass is asked for, how they become features and which tags
become columns (the others stay in `other_tags`, an hstore string written by GDAL's OSM driver).

Geometry per category:
- "point": nodes only (traffic signals, street lamps, bus stops, sensors, counters).
- "point_area": nodes, and ways or relations mapped as areas written as one point each
  (`ST_PointOnSurface` of the area, always inside it): bicycle parking, charging stations,
  bike-share stations, car sharing, car parks. A car park drawn as a polygon thus becomes a point
  with `osm_type` "way" or "relation", so every car park is in ONE point layer whichever way it was
  mapped; counting and nearest-resource analyses then treat all car parks alike.
- "line": ways (cycleways: highway=cycleway; roads carrying a painted lane are left out, see below).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from ...toolbelt.metadata import STYLES_DIR

POINT = "point"
POINT_AREA = "point_area"
LINE = "line"


@dataclass(frozen=True)
class OsmPreset:
    category: str
    geometry: str  # POINT, POINT_AREA or LINE
    filters: tuple  # Overpass tag filters, each a string like '["amenity"="parking"]'
    columns: tuple  # tags written as columns (':' becomes '_' in the column name)
    where: str  # OGR SQL on the columns: drops the untargeted elements GDAL also sees (way nodes...)

    @property
    def elements(self) -> tuple:
        """Overpass element types queried."""
        if self.geometry == POINT:
            return ("node",)
        if self.geometry == LINE:
            return ("way",)
        return ("node", "way", "relation")


PRESETS = {
    "traffic_signals": OsmPreset(
        "traffic_signals",
        POINT,
        ('["highway"="traffic_signals"]', '["crossing"="traffic_signals"]'),
        (
            "name",
            "highway",
            "crossing",
            "traffic_signals",
            "traffic_signals:sound",
            "traffic_signals:direction",
            "button_operated",
            "ref",
        ),
        "highway = 'traffic_signals' OR crossing = 'traffic_signals'",
    ),
    "bicycle_parking": OsmPreset(
        "bicycle_parking",
        POINT_AREA,
        ('["amenity"="bicycle_parking"]',),
        ("name", "amenity", "bicycle_parking", "capacity", "covered", "access", "fee", "operator"),
        "amenity = 'bicycle_parking'",
    ),
    "charging_station": OsmPreset(
        "charging_station",
        POINT_AREA,
        ('["amenity"="charging_station"]',),
        (
            "name",
            "amenity",
            "capacity",
            "operator",
            "network",
            "ref:EU:EVSE",
            "socket:type2",
            "socket:type2_combo",
            "socket:chademo",
            "fee",
            "access",
            "opening_hours",
        ),
        "amenity = 'charging_station'",
    ),
    "bus_stop": OsmPreset(
        "bus_stop",
        POINT,
        ('["highway"="bus_stop"]', '["public_transport"="platform"]["bus"="yes"]'),
        ("name", "highway", "public_transport", "bus", "shelter", "bench", "wheelchair", "ref", "network", "operator"),
        "highway = 'bus_stop' OR (public_transport = 'platform' AND bus = 'yes')",
    ),
    "car_park": OsmPreset(
        "car_park",
        POINT_AREA,
        ('["amenity"="parking"]',),
        (
            "name",
            "amenity",
            "parking",
            "capacity",
            "capacity:disabled",
            "access",
            "fee",
            "carpool",
            "operator",
            "opening_hours",
            "maxstay",
        ),
        "amenity = 'parking'",
    ),
    "cycleway": OsmPreset(
        # Dedicated cycle tracks only: a road with a painted lane (cycleway=lane/track on a highway) is a
        # road, and the demo territory's expectations count highway=cycleway ways alone. ROAD_LANE_FILTERS
        # below holds the lane tags for a future "cycle lanes on roads" category.
        "cycleway",
        LINE,
        ('["highway"="cycleway"]',),
        ("name", "highway", "cycleway", "oneway", "oneway:bicycle", "segregated", "foot", "surface", "lit", "width"),
        "highway = 'cycleway'",
    ),
    "street_lamp": OsmPreset(
        "street_lamp",
        POINT,
        ('["highway"="street_lamp"]',),
        ("name", "highway", "lamp_mount", "light:source", "light:colour", "light:count", "ref", "operator"),
        "highway = 'street_lamp'",
    ),
    "bike_share_station": OsmPreset(
        "bike_share_station",
        POINT_AREA,
        ('["amenity"="bicycle_rental"]',),
        ("name", "amenity", "bicycle_rental", "network", "operator", "capacity", "ref"),
        "amenity = 'bicycle_rental'",
    ),
    "car_sharing": OsmPreset(
        "car_sharing",
        POINT_AREA,
        ('["amenity"="car_sharing"]',),
        ("name", "amenity", "operator", "network", "capacity", "ref"),
        "amenity = 'car_sharing'",
    ),
    "air_quality_sensor": OsmPreset(
        "air_quality_sensor",
        POINT,
        ('["man_made"="monitoring_station"]["monitoring:air_quality"="yes"]',),
        ("name", "man_made", "monitoring:air_quality", "operator", "ref"),
        "man_made = 'monitoring_station' AND \"monitoring:air_quality\" = 'yes'",
    ),
    "traffic_counter": OsmPreset(
        "traffic_counter",
        POINT,
        (
            '["man_made"="monitoring_station"]["monitoring:traffic"="yes"]',
            '["man_made"="monitoring_station"]["monitoring:bicycle"="yes"]',
        ),
        ("name", "man_made", "monitoring:traffic", "monitoring:bicycle", "operator", "ref"),
        "man_made = 'monitoring_station' AND (\"monitoring:traffic\" = 'yes' OR \"monitoring:bicycle\" = 'yes')",
    ),
}

ROAD_LANE_FILTERS = (
    '["cycleway"~"^(lane|track|share_busway)$"]',
    '["cycleway:left"~"^(lane|track|share_busway)$"]',
    '["cycleway:right"~"^(lane|track|share_busway)$"]',
    '["cycleway:both"~"^(lane|track|share_busway)$"]',
)


def preset(category: str) -> OsmPreset:
    return PRESETS[category]


def preset_categories() -> list:
    """The DESIGN.md categories that have an OSM preset, in DESIGN.md order."""
    from ...definitions import CATEGORIES

    return [c for c in CATEGORIES if c in PRESETS]


def column_name(tag: str) -> str:
    return tag.replace(":", "_")


def style_path(category: str) -> str | None:
    """The category's bundled QML style (resources/styles/<category>.qml), or None."""
    path = os.path.join(STYLES_DIR, f"{category}.qml")
    return path if os.path.exists(path) else None
