"""The network's two layers written into a scratch GeoPackage (EPSG:4326), with an explicit schema so
that an empty layer or a column null everywhere keeps its type.

The features are the network's stops and route directions (tens of thousands at most, whatever the
size of stop_times.txt), written in one transaction per layer; the common fields are added afterwards
by the one layer writer (`write_resource_layer`).
"""

from __future__ import annotations

from osgeo import ogr, osr

from ...toolbelt.gdal_errors import with_gdal_exceptions

STOP_FIELDS = (
    ("stop_id", ogr.OFTString),
    ("stop_code", ogr.OFTString),
    ("stop_name", ogr.OFTString),
    ("parent_station", ogr.OFTString),
    ("wheelchair_boarding", ogr.OFTInteger),
    ("routes", ogr.OFTString),
    ("route_count", ogr.OFTInteger),
    ("departures", ogr.OFTInteger),
    ("departures_7_9", ogr.OFTInteger),
    ("headway_7_9_min", ogr.OFTReal),
    ("service_date", ogr.OFTString),
)
ROUTE_FIELDS = (
    ("route_id", ogr.OFTString),
    ("direction_id", ogr.OFTInteger),
    ("route_name", ogr.OFTString),
    ("route_short_name", ogr.OFTString),
    ("route_long_name", ogr.OFTString),
    ("headsign", ogr.OFTString),
    ("agency", ogr.OFTString),
    ("route_type", ogr.OFTInteger),
    ("mode", ogr.OFTString),
    ("route_color", ogr.OFTString),
    ("route_text_color", ogr.OFTString),
    ("trips", ogr.OFTInteger),
    ("trips_7_9", ogr.OFTInteger),
    ("headway_7_9_min", ogr.OFTReal),
    ("shape_id", ogr.OFTString),
    ("geometry_from", ogr.OFTString),
    ("service_date", ogr.OFTString),
)


class LayerSink:
    """One layer of the scratch GeoPackage being filled; `add` takes a geometry and a dict of values."""

    def __init__(self, dataset, name: str, geometry_type, fields):
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(4326)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        self.layer = dataset.CreateLayer(name, srs, geometry_type, ["SPATIAL_INDEX=NO", "FID=fid"])
        for field_name, field_type in fields:
            self.layer.CreateField(ogr.FieldDefn(field_name, field_type))
        self.definition = self.layer.GetLayerDefn()
        # By index and by type: the bindings' SetField(name, ...) looks the name up in Python each time.
        setters = {
            ogr.OFTString: ogr.Feature.SetFieldString,
            ogr.OFTInteger: ogr.Feature.SetFieldInteger64,
            ogr.OFTReal: ogr.Feature.SetField,
        }
        self.setters = [(name, index, setters[kind]) for index, (name, kind) in enumerate(fields)]
        self.count = 0
        self.layer.StartTransaction()

    def add(self, geometry, values: dict) -> None:
        feature = ogr.Feature(self.definition)
        for name, index, setter in self.setters:
            value = values.get(name)
            if value is not None:
                setter(feature, index, value)
        feature.SetGeometry(geometry)
        self.layer.CreateFeature(feature)
        self.count += 1

    def close(self) -> None:
        self.layer.CommitTransaction()


@with_gdal_exceptions
def create_dataset(path: str):
    return ogr.GetDriverByName("GPKG").CreateDataSource(path)


def point(lon: float, lat: float):
    geometry = ogr.Geometry(ogr.wkbPoint)
    geometry.AddPoint_2D(lon, lat)
    return geometry


def extent_polygon(extent):
    """The [xmin, ymin, xmax, ymax] box (EPSG:4326) as an OGR polygon, or None."""
    if not extent:
        return None
    xmin, ymin, xmax, ymax = (float(v) for v in extent)
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((xmin, ymin), (xmax, ymin), (xmax, ymax), (xmin, ymax), (xmin, ymin)):
        ring.AddPoint_2D(x, y)
    polygon = ogr.Geometry(ogr.wkbPolygon)
    polygon.AddGeometry(ring)
    return polygon
