"""sensor.community (ex luftdaten.info) citizen sensors: one point per location with the latest value
of each measure, through the /airrohr/v1/filter API.

Spec keys (profiles and `load_territory`):
    {"source": "sensor_community", "types": optional, "server": optional}
    plus, from the loader, `extent` [xmin, ymin, xmax, ymax] in EPSG:4326 (the `box=` filter) or
    `area_wkt` (a polygon in EPSG:4326: its bounding box is asked, points outside it are dropped).
    "types": sensor types, a list or a comma-separated string ("SDS011,BME280"); empty: all types.
    "server": base URL, default https://data.sensor.community (any mirror, http or https).
    "area": [lat, lon, radius_km] may replace the extent (the `area=` filter).

Layer (points, EPSG:4326), beside the common fields: location_id, label (sensor types and location
id; also the common `name`), sensor_ids, sensor_types, pm10 (from P1), pm25 (from P2), pm1 (P0),
temperature, humidity, pressure (Pa, as published), noise_laeq (noise_LAeq), indoor (boolean),
altitude, country, measured_at (UTC date-time of the latest reading at the location).
Values and coordinates arrive as strings and are parsed; "nan" and unreadable values are null.
Locations whose coordinates are unusable (unreadable, out of range, or 0/0) are left out and counted
in a warning; locations where no sensor gave a value of a measure of the layer are left out. The
API repeats a sensor's readings of the last 5 minutes: each sensor keeps its latest reading, and
each measure of a location takes the latest non-null value among its sensors.
Category air_quality_sensor; licence ODbL (sensor.community publishes its data under the ODbL).
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from osgeo import ogr
from qgis.core import QgsFeedback, QgsGraduatedSymbolRenderer

from ..formats.point_rows import (
    BAD_PLACE,
    as_bool,
    as_float,
    as_text,
    as_utc_iso,
    bad_places_warnings,
    place,
    write_point_rows,
)
from ..toolbelt.errors import Cancelled, InputError, OpenTerritoryError, ReplyError
from ..toolbelt.gdal_errors import with_gdal_exceptions
from ..toolbelt.i18n import tr
from ..toolbelt.layer_checks import ScratchCheck
from ..toolbelt.layer_writer import OutputTarget, utc_now_iso
from ..toolbelt.logger import log
from ..toolbelt.metadata import STYLES_DIR
from ..toolbelt.network import cancelled_download
from ..toolbelt.safe_json import obj
from .base import AREA, EXTENT, FetchResult, Source, SourceDeclaration, restated

if TYPE_CHECKING:  # names used in annotations only
    from qgis.core import QgsVectorLayer

DEFAULT_SERVER = "https://data.sensor.community"
LICENCE = "ODbL"
CATEGORY = "air_quality_sensor"
STYLE_PATH = os.path.join(STYLES_DIR, "air_quality_sensor.qml")
# Types offered in the dock and the Processing help; the API accepts any type name.
KNOWN_TYPES = ("SDS011", "SPS30", "PMS5003", "PMS7003", "HPM", "BME280", "BMP280", "DHT22", "SHT31", "DNMS")

MEASURES = {  # value_type (lower case) -> column
    "p1": "pm10",
    "p2": "pm25",
    "p0": "pm1",
    "temperature": "temperature",
    "humidity": "humidity",
    "pressure": "pressure",
    "noise_laeq": "noise_laeq",
}

FIELDS = (
    ("location_id", "string"),
    ("label", "string"),
    ("sensor_ids", "string"),
    ("sensor_types", "string"),
    ("pm10", "real"),
    ("pm25", "real"),
    ("pm1", "real"),
    ("temperature", "real"),
    ("humidity", "real"),
    ("pressure", "real"),
    ("noise_laeq", "real"),
    ("indoor", "boolean"),
    ("altitude", "real"),
    ("country", "string"),
    ("measured_at", "datetime"),
)


def parse_types(value: object) -> list:
    if not value:
        return []
    if isinstance(value, str):
        value = re.split(r"[,;\s]+", value)
    return [str(v).strip() for v in value if str(v).strip()]


def filter_query(extent: list | None = None, area: list | None = None, types: object = None) -> str:
    """The path segment after /filter/: box=lat1,lon1,lat2,lon2 (south-west then north-east) or
    area=lat,lon,km, with &type= when types are given."""
    if area:
        lat, lon, km = (float(v) for v in area)
        query = f"area={lat:.6f},{lon:.6f},{km:g}"
    elif extent:
        xmin, ymin, xmax, ymax = (float(v) for v in extent)
        if not (-180 <= xmin < xmax <= 180 and -90 <= ymin < ymax <= 90):
            raise InputError(
                tr("sensor.community: the extent must be xmin, ymin, xmax, ymax in degrees (EPSG:4326)") + f": {extent}"
            )
        query = f"box={ymin:.6f},{xmin:.6f},{ymax:.6f},{xmax:.6f}"
    else:
        raise InputError(tr("sensor.community: an extent or an area is needed"))
    types = parse_types(types)
    if types:
        query += "&type=" + ",".join(types)
    return query


def reading_time(item: dict) -> str:
    return as_utc_iso(item.get("timestamp")) or ""


def value_of(text: str) -> float | None:
    """A measure from its string ('19.13', 'nan', 'inf', '', None) as a float or None."""
    return as_float(text)


def location_rows(items: list) -> tuple:
    """([(lon, lat, columns)] per location from the /filter reply (a list of readings), number of
    locations left out for bad coordinates). Locations without coordinates, and those where no sensor
    gave a value of a measure of the layer, are left out too."""
    if not isinstance(items, list):
        raise ReplyError(tr("sensor.community: the reply is not a list of readings"))
    places, bad = _places(_latest_readings(items))
    rows = []
    for location_id, found in places.items():
        columns = _location_columns(location_id, found)
        if columns is not None:
            rows.append((found["lon"], found["lat"], columns))
    return rows, bad


def _latest_readings(items: list) -> dict:
    """Sensor id -> ((time, order), reading): each sensor's latest reading that has a location."""
    latest = {}
    for order, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        sensor, location = obj(item.get("sensor")), obj(item.get("location"))  # a reply may hold "sensor": true
        key = as_text(sensor.get("id")) or f"item-{order}"
        when = reading_time(item)
        if location and (key not in latest or (when, order) >= latest[key][0]):
            latest[key] = ((when, order), item)
    return latest


def _places(latest: dict) -> tuple:
    """({location id: {lon, lat, location, readings [(time, sensor id, reading)]}}, number of locations left
    out for unusable coordinates)."""
    places, bad = {}, set()
    for key, ((when, _order), item) in latest.items():
        location = item["location"]
        where = place(location.get("longitude"), location.get("latitude"))
        if where == BAD_PLACE:
            bad.add(as_text(location.get("id")) or key)
        if where in (None, BAD_PLACE):
            continue
        lon, lat = where
        location_id = as_text(location.get("id")) or f"{lat:.5f},{lon:.5f}"
        found = places.setdefault(location_id, {"lon": lon, "lat": lat, "location": location, "readings": []})
        found["readings"].append((when, key, item))
    return places, len(bad)


def _location_columns(location_id: str, found: dict):
    """The layer's columns of one location: each measure its latest non-null value among the sensors;
    None when no sensor measured anything the layer has (a point would only say a sensor exists)."""
    readings = sorted(found["readings"], key=lambda r: r[0], reverse=True)  # latest first
    columns = dict.fromkeys(MEASURES.values())
    for _when, _key, item in readings:
        values = item.get("sensordatavalues")
        for entry in values if isinstance(values, list) else []:
            if not isinstance(entry, dict):
                continue
            column = MEASURES.get(str(entry.get("value_type") or "").lower())
            if column and columns[column] is None:
                columns[column] = value_of(entry.get("value"))
    if all(value is None for value in columns.values()):
        return None
    types = sorted(
        {as_text(obj(obj(item.get("sensor")).get("sensor_type")).get("name")) or "?" for *_, item in readings}
    )
    sensor_ids = sorted({key for _w, key, _i in readings if not key.startswith("item-")}, key=_natural)
    location = found["location"]
    columns.update(
        {
            "location_id": location_id,
            "label": f"{', '.join(types)} #{location_id}",
            "sensor_ids": ",".join(sensor_ids) or None,
            "sensor_types": ",".join(types),
            "indoor": as_bool(location.get("indoor")),
            "altitude": value_of(location.get("altitude")),
            "country": as_text(location.get("country")),
            "measured_at": readings[0][0] or None,
        }
    )
    return columns


def _natural(text):
    return (0, int(text), "") if text.isdigit() else (1, 0, text)


@with_gdal_exceptions
def inside_area(rows: list, area_wkt: str) -> list:
    polygon = ogr.CreateGeometryFromWkt(area_wkt)
    kept = []
    for lon, lat, columns in rows:
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(lon, lat)
        if polygon.Intersects(point):
            kept.append((lon, lat, columns))
    return kept


@with_gdal_exceptions
def area_extent(area_wkt: str) -> list:
    try:
        geometry = ogr.CreateGeometryFromWkt(area_wkt)
    except RuntimeError as error:
        raise InputError(tr("sensor.community: the area is not valid WKT") + f": {error}") from None
    xmin, xmax, ymin, ymax = geometry.GetEnvelope()
    return [xmin, ymin, xmax, ymax]


def server_of(spec: dict) -> str:
    server = str(spec.get("server") or DEFAULT_SERVER).strip().rstrip("/")
    if urlsplit(server).scheme not in ("http", "https"):
        raise InputError(tr("sensor.community: the server must be an http or https URL") + f": {server}")
    return server


def style_labels() -> list:
    """Legend labels of the bundled style's classes, in order (European Air Quality Index bands)."""
    return [
        tr("No PM2.5 reading"),
        tr("Good (0-10 µg/m³)"),
        tr("Fair (10-20 µg/m³)"),
        tr("Moderate (20-25 µg/m³)"),
        tr("Poor (25-50 µg/m³)"),
        tr("Very poor (50-75 µg/m³)"),
        tr("Extremely poor (over 75 µg/m³)"),
    ]


def apply_default_style(layer: QgsVectorLayer) -> bool:
    """The bundled style graded on PM2.5 (sensors without a PM2.5 reading in grey), with its legend
    in the user's language."""
    _message, ok = layer.loadNamedStyle(STYLE_PATH)
    renderer = layer.renderer()
    if ok and isinstance(renderer, QgsGraduatedSymbolRenderer):
        for index, label in enumerate(style_labels()[: len(renderer.ranges())]):
            renderer.updateRangeLabel(index, label)
    return bool(ok)


def prepare_sensor_layer(layer: QgsVectorLayer, spec: dict = None, style: bool = True) -> None:
    """Make a QGIS layer of sensors complete: the bundled PM2.5 style, unless `style` is False (a layer
    that has its own, such as a territory's, saved in its GeoPackage)."""
    if style:
        apply_default_style(layer)


class SensorCommunitySource(Source):
    DECLARATION = SourceDeclaration(
        key="sensor_community",
        label=lambda: "sensor.community",
        profile_fields={
            "types": {
                "anyOf": [
                    {"type": "array", "items": {"type": "string", "pattern": "^[A-Za-z0-9_-]+$"}},
                    {"type": "string", "pattern": r"^[A-Za-z0-9_,\s-]*$"},
                ],
                "description": "sensor types: a list, or a comma-separated text",
            },
            "server": {"$ref": "#/definitions/url"},
        },
        expectations=lambda: {
            "types": tr("sensor types, such as SDS011: a list, or a text separated by commas"),
            "types[]": tr("a sensor type, such as SDS011"),
        },
        algorithms=(("sensor_community", "SensorCommunityAlgorithm"),),
        coverage=(EXTENT, AREA),
        prepare_layer=prepare_sensor_layer,
    )

    def readings(self, server: str, query: str) -> tuple:
        url = f"{server}/airrohr/v1/filter/{query}"
        try:
            return self.transport.get(url, expect="json", headers={"Accept": "application/json"}).json(), url
        except Cancelled:
            raise
        except OpenTerritoryError as error:
            raise restated(error, f"sensor.community: {error}") from error

    def describe(self, spec: dict) -> dict:
        return {
            "title": "sensor.community",
            "licence": LICENCE,
            "category": CATEGORY,
            "server": server_of(spec),
            "types": list(KNOWN_TYPES),
        }

    def fetch(
        self, spec: dict, target: OutputTarget, category: str = None, feedback: QgsFeedback | None = None
    ) -> FetchResult:
        server = server_of(spec)
        extent = spec.get("extent")
        area_wkt = spec.get("area_wkt")
        if not extent and area_wkt:
            extent = area_extent(area_wkt)
        query = filter_query(extent, spec.get("area"), spec.get("types"))
        fetched_at = utc_now_iso()
        items, url = self.readings(server, query)
        rows, bad = location_rows(items)
        if area_wkt:
            rows = inside_area(rows, area_wkt)
        if feedback is not None and feedback.isCanceled():
            raise cancelled_download(url)
        source = "sensor.community" if server == DEFAULT_SERVER else server
        common = {
            "category": category or CATEGORY,
            "source": source,
            "source_dataset": query,
            "licence": LICENCE,
            "fetched_at": fetched_at,
        }
        check = ScratchCheck(extent=extent, what="sensor.community")
        count = write_point_rows(rows, FIELDS, target, common, name_field="label", feedback=feedback, check=check)
        log(f"sensor.community {query}: {len(items)} readings, {count} locations -> {target.layer}")
        warnings = bad_places_warnings(bad, tr("locations")) + check.warnings
        return FetchResult(target.layer, count, source, query, LICENCE, url, fetched_at, warnings)
