"""The one place defining the OpenStreetMap presets of the resource categories (tags from the OSM wiki), and the
presets made from a user's own tag conditions (tags.py).

Each preset says which elements Overpass is asked for, how they may be drawn and which tags become columns
(the others stay in `other_tags`, an hstore string written by GDAL's OSM driver).

Drawings (the `geometry` of a spec, the `GEOMETRY` of osm_resources), the first of a preset's being its
default:
- POINTS: every feature one point: a node as it is, a way or a relation drawn as an area (or a line) as a
  point on its surface (`ST_PointOnSurface`, always inside it). Every car park, bicycle park... is then in
  ONE point layer whichever way it was mapped, so counts and nearest-resource analyses treat them alike.
- POLYGONS: the ways and relations drawn as areas, as multipolygons (a technician measuring car-park
  surface needs them, as QuickOSM and ogr2ogr keep them). Features mapped as a node have no surface: they
  are left out of a polygon layer and counted in a warning.
- LINES: ways as lines (cycleways: highway=cycleway; roads carrying a painted lane are left out, see below).

Point things (signals, lamps, stops, sensors, counters) are nodes only: POINTS. Areas whose surface
matters to planning (car parks) default to POLYGONS; small equipment often drawn as areas (bicycle
parking, charging stations, bike-share stations, car sharing) defaults to POINTS, polygons on demand.
"""

from __future__ import annotations

from dataclasses import dataclass

POINTS = "points"
POLYGONS = "polygons"
LINES = "lines"
GEOMETRIES = (POINTS, POLYGONS, LINES)  # the order of osm_resources' GEOMETRY options

# Preset kinds: what is queried, and the drawings offered (the first is the default).
POINT = (POINTS,)
POINT_AREA = (POINTS, POLYGONS)
AREA_POINT = (POLYGONS, POINTS)
LINE = (LINES,)
ANY = (POINTS, LINES, POLYGONS)  # a user's own tag conditions: points unless asked


@dataclass(frozen=True)
class OsmPreset:
    category: str
    geometries: tuple  # the drawings offered, the default first (POINT, POINT_AREA, AREA_POINT, LINE, ANY)
    filters: tuple  # Overpass tag filters, each a string like '["amenity"="parking"]'
    columns: tuple  # tags written as columns (':' becomes '_' in the column name)
    where: str  # OGR SQL on the columns (column_name of the tags): drops the untargeted elements GDAL also
    # sees (the tagged nodes of a way, a relation's member ways...)

    @property
    def elements(self) -> tuple:
        """Overpass element types queried."""
        if self.geometries == POINT:
            return ("node",)
        if self.geometries == LINE:
            return ("way",)
        return ("node", "way", "relation")

    @property
    def default_geometry(self) -> str:
        return self.geometries[0]

    def drawing(self, wanted: str | None = None) -> str:
        """The drawing of a layer: `wanted` when the preset offers it, else the preset's default (a point
        thing has no polygon to offer)."""
        return wanted if wanted in self.geometries else self.default_geometry


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
        AREA_POINT,
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
        "man_made = 'monitoring_station' AND monitoring_air_quality = 'yes'",
    ),
    "traffic_counter": OsmPreset(
        "traffic_counter",
        POINT,
        (
            '["man_made"="monitoring_station"]["monitoring:traffic"="yes"]',
            '["man_made"="monitoring_station"]["monitoring:bicycle"="yes"]',
        ),
        ("name", "man_made", "monitoring:traffic", "monitoring:bicycle", "operator", "ref"),
        "man_made = 'monitoring_station' AND (monitoring_traffic = 'yes' OR monitoring_bicycle = 'yes')",
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
    """The column of a tag, as GDAL's OSM driver names it (attribute_name_laundering: ':' becomes '_')."""
    return tag.replace(":", "_")
