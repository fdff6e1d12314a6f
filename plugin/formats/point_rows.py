"""Small point feeds (GBFS, sensor.community) built in Python, written through OGR.

These feeds hold hundreds to a few thousand points parsed from JSON. Their values come as real servers
write them (integer ids, 1/0 or "true" booleans, numeric strings, decimal commas, POSIX or ISO times,
0/0 for what was not located): the readers below accept the variants they can make sense of and give
None otherwise. The rows go into an OGR layer with an explicit schema (so an empty feed or a column
that is null everywhere keeps its type), in an in-memory GeoPackage, and the layer writer adds the
common fields and puts the layer in place.
"""

from __future__ import annotations

import datetime
import math
import re
import uuid

from osgeo import gdal, ogr, osr
from qgis.core import QgsFeedback

from ..toolbelt.gdal_errors import with_gdal_exceptions
from ..toolbelt.i18n import tr
from ..toolbelt.layer_checks import ScratchCheck
from ..toolbelt.layer_writer import OutputTarget, copy_with_common_fields, write_layer
from ..toolbelt.logger import log

OGR_TYPES = {
    "string": (ogr.OFTString, None),
    "integer": (ogr.OFTInteger, None),
    "integer64": (ogr.OFTInteger64, None),
    "real": (ogr.OFTReal, None),
    "boolean": (ogr.OFTInteger, ogr.OFSTBoolean),
    "datetime": (ogr.OFTDateTime, None),
}


# -- values, as real feeds write them -------------------------------------------------------------


def as_bool(value: object) -> bool | None:
    """True/False from JSON booleans, 1/0 and their string forms; None when unknown."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return bool(value)
    if isinstance(value, str):
        text = value.strip().lower()
        if text in ("true", "1", "yes", "y", "t"):
            return True
        if text in ("false", "0", "no", "n", "f"):
            return False
    return None


# What an integer column of a point layer holds (OGR's 32-bit integers): counts and capacities.
INT_RANGE = (-(2**31), 2**31 - 1)


def as_int(value: object) -> int | None:
    """An integer from a number or a numeric string; None when unreadable, not finite ("inf", NaN) or beyond
    what a 32-bit integer column holds (no count or capacity is that large)."""
    if isinstance(value, bool) or value is None:
        return None
    if not isinstance(value, int):
        number = as_float(value)  # numeric strings, decimal commas; None for NaN and infinities
        if number is None:
            return None
        value = int(number)
    return value if INT_RANGE[0] <= value <= INT_RANGE[1] else None


def as_float(value: object) -> float | None:
    """A finite float from a number or a numeric string (decimal comma accepted); None otherwise
    ("nan", "inf" included: they would break a layer's extent)."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(str(value).strip().replace(",", "."))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


BAD_PLACE = "bad place"


def place(lon_value: object, lat_value: object) -> tuple | str | None:
    """(lon, lat) when the two values make a place on Earth; None when the item has no coordinates
    (a vehicle parked at a station); BAD_PLACE when they are unreadable, not finite, out of range, or
    exactly 0/0, where feeds put what they have not located (Null Island)."""
    if lon_value in (None, "") and lat_value in (None, ""):
        return None
    lon, lat = as_float(lon_value), as_float(lat_value)
    if lon is None or lat is None or abs(lat) > 90 or abs(lon) > 180 or (lon == 0 and lat == 0):
        return BAD_PLACE
    return lon, lat


def as_text(value: object) -> str | None:
    """A string id from a string or an integer id (Vélib publishes integers)."""
    if value is None or isinstance(value, (dict, list)):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def as_utc_iso(value: object) -> str | None:
    """UTC ISO-8601 ('2020-10-26T19:44:27Z') from POSIX seconds or milliseconds (numbers or numeric
    strings) or an ISO-8601 string with or without zone (no zone: UTC). None when unreadable."""
    if value is None or isinstance(value, bool):
        return None
    moment = None
    numeric = isinstance(value, str) and re.fullmatch(r"\s*\d+(\.\d+)?\s*", value)
    if isinstance(value, (int, float)) or numeric:
        try:
            seconds = float(value)
        except OverflowError:  # an integer beyond any float: no moment
            return None
        if not seconds > 0:  # 0 (or less, or NaN) is "never reported", not 1970
            return None
        if seconds > 1e11:  # milliseconds
            seconds /= 1000.0
        try:
            moment = datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
    elif isinstance(value, str):
        text = value.strip()
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        # fromisoformat of Python < 3.11 reads 3 or 6 fraction digits only
        text = re.sub(r"\.(\d+)", lambda m: "." + (m.group(1) + "000000")[:6], text, count=1)
        try:
            moment = datetime.datetime.fromisoformat(text.replace(" ", "T", 1))
        except ValueError:
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=datetime.timezone.utc)
    if moment is None:
        return None
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def bad_places_warnings(count: int, what: str) -> list:
    """The warning, also logged, for `count` features left out for unusable coordinates (see
    place): none when `count` is 0."""
    if not count:
        return []
    text = tr("Left out for unusable coordinates (unreadable, out of range or 0,0)") + f": {count} {what}"
    log(text, "warning")
    return [text]


@with_gdal_exceptions
def build_point_layer(
    path: str, layer_name: str, fields: list, rows: list, feedback: QgsFeedback | None = None
) -> None:
    """Write `rows` [(lon, lat, {field: value})] into a new GeoPackage `path` (EPSG:4326), with
    `fields` [(name, type key of OGR_TYPES)] as schema. Datetimes are ISO-8601 strings."""
    driver = ogr.GetDriverByName("GPKG")
    dataset = driver.CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    layer = dataset.CreateLayer(layer_name, srs, ogr.wkbPoint, ["SPATIAL_INDEX=NO"])
    for name, kind in fields:
        field_type, subtype = OGR_TYPES[kind]
        definition = ogr.FieldDefn(name, field_type)
        if subtype is not None:
            definition.SetSubType(subtype)
        layer.CreateField(definition)
    definition = layer.GetLayerDefn()
    kinds = dict(fields)
    layer.StartTransaction()
    total = max(1, len(rows))
    for index, (lon, lat, values) in enumerate(rows):
        if feedback is not None and index % 500 == 0:
            if feedback.isCanceled():
                break
            feedback.setProgress(50.0 * index / total)
        feature = ogr.Feature(definition)
        for name, value in values.items():
            if value is None or name not in kinds:
                continue
            if kinds[name] == "boolean":
                value = int(bool(value))
            feature.SetField(name, value)
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(float(lon), float(lat))
        feature.SetGeometry(point)
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    dataset = None


def write_point_rows(
    rows: list,
    fields: list,
    target: OutputTarget,
    common: dict,
    name_field: str = None,
    feedback: QgsFeedback | None = None,
    check: ScratchCheck | None = None,
) -> int:
    """Rows -> `target` with the common fields, through the layer writer (which checks the layer with
    `check`, see layer_checks.py); returns the feature count."""

    def produce(scratch: str, layer: str, layer_options: list) -> None:
        _produce(rows, fields, scratch, layer, common, name_field, layer_options, feedback)

    return write_layer(target, produce, feedback, check)


@with_gdal_exceptions
def _produce(rows, fields, scratch: str, layer: str, common: dict, name_field: str, layer_options, feedback) -> None:
    """The rows in an in-memory GeoPackage, then copied with the common fields into the scratch."""
    built = f"/vsimem/open_territory_{uuid.uuid4().hex}.gpkg"
    try:
        build_point_layer(built, layer, fields, rows, feedback)
        copy_with_common_fields(
            built,
            scratch,
            layer,
            common,
            name_field=name_field,
            layer_options=layer_options,
            feedback=feedback,
            progress_range=(50.0, 100.0),
        )
    finally:
        gdal.Unlink(built)
