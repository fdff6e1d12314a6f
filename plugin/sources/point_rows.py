"""Small point feeds (GBFS, sensor.community) built in Python, written through OGR.

These feeds hold hundreds to a few thousand points parsed from JSON: the rows go into an OGR layer
with an explicit schema (so an empty feed or a column that is null everywhere keeps its type), in an
in-memory GeoPackage, and `write_resource_layer` adds the common fields and writes the output.
"""

from __future__ import annotations

import uuid

from osgeo import gdal, ogr, osr

from ..toolbelt.gdal_errors import with_gdal_exceptions
from ..toolbelt.i18n import tr
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


def bad_places_warnings(count: int, what: str) -> list:
    """The warning, also logged, for `count` features left out for unusable coordinates (see
    gbfs_parse.place): none when `count` is 0."""
    if not count:
        return []
    text = tr("Left out for unusable coordinates (unreadable, out of range or 0,0)") + f": {count} {what}"
    log(text, "warning")
    return [text]


@with_gdal_exceptions
def build_point_layer(path: str, layer_name: str, fields, rows, feedback=None) -> None:
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


def write_point_rows(rows, fields, target: OutputTarget, common: dict, name_field: str = None, feedback=None) -> int:
    """Rows -> `target` with the common fields, through the layer writer; returns the feature count."""
    return write_layer(
        target, lambda scratch, layer: _produce(rows, fields, scratch, layer, common, name_field, feedback), feedback
    )


@with_gdal_exceptions
def _produce(rows, fields, scratch: str, layer: str, common: dict, name_field: str, feedback) -> None:
    """The rows in an in-memory GeoPackage, then copied with the common fields into the scratch."""
    built = f"/vsimem/open_territory_{uuid.uuid4().hex}.gpkg"
    try:
        build_point_layer(built, layer, fields, rows, feedback)
        copy_with_common_fields(
            built, scratch, layer, common, name_field=name_field, feedback=feedback, progress_range=(50.0, 100.0)
        )
    finally:
        gdal.Unlink(built)
