"""A small territory for the council map tests: a GeoPackage with three communes, three resource layers
(OpenStreetMap, an open data portal, sensor.community) with the common fields, and the `sources` table
load_territory writes."""

from __future__ import annotations

import os

from osgeo import ogr, osr

X0, Y0 = 350000.0, 6790000.0  # Lambert-93
SIDE = 2000.0
COMMUNES = ("Saint-Médard", "Bourg-Nord", "Centre")  # west to east; pages sorted by name
LAYERS = {
    "communes": {
        "title": "Communes of the test territory",
        "source": "https://geo.api.gouv.fr",
        "licence": "Licence Ouverte / Open Licence 2.0",
        "dataset": "epci:200000000",
    },
    "bicycle_parking_overpass": {
        "title": "Bicycle parking (OSM)",
        "source": "openstreetmap",
        "licence": "ODbL",
        "dataset": "https://overpass-api.de/api/interpreter",
    },
    "car_park_ods": {
        "title": "Car parks",
        "source": "https://data.example-metropole.fr",
        "licence": "Licence Ouverte v2.0 (Etalab)",
        "dataset": "parkings",
    },
    "air_quality_sensor_sensor_community": {
        "title": "Citizen air sensors",
        "source": "https://data.sensor.community",
        "licence": "ODbL",
        "dataset": "box=1,2,3,4",
    },
}


def _square(x, y, side):
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for px, py in ((x, y), (x + side, y), (x + side, y + side), (x, y + side), (x, y)):
        ring.AddPoint_2D(px, py)
    polygon = ogr.Geometry(ogr.wkbPolygon)
    polygon.AddGeometry(ring)
    return polygon


def _point(x, y):
    point = ogr.Geometry(ogr.wkbPoint)
    point.AddPoint_2D(x, y)
    return point


def make_territory(folder, with_sources_table: bool = True) -> str:
    """The GeoPackage path; communes side by side west to east, three points in each commune per layer."""
    path = os.path.join(str(folder), "territory.gpkg")
    driver = ogr.GetDriverByName("GPKG")
    dataset = driver.CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    for name, meta in LAYERS.items():
        polygon = name == "communes"
        layer = dataset.CreateLayer(name, srs, ogr.wkbPolygon if polygon else ogr.wkbPoint)
        for field in ("category", "name", "source", "source_dataset", "licence", "fetched_at", "nom"):
            layer.CreateField(ogr.FieldDefn(field, ogr.OFTString))
        for i, commune in enumerate(COMMUNES):
            x = X0 + i * SIDE
            geometries = (
                [_square(x, Y0, SIDE)] if polygon else [_point(x + SIDE * f, Y0 + SIDE * f) for f in (0.25, 0.5, 0.75)]
            )
            for geometry in geometries:
                feature = ogr.Feature(layer.GetLayerDefn())
                feature.SetGeometry(geometry)
                feature.SetField("category", "other" if polygon else name.split("_")[0])
                feature.SetField("name", commune)
                feature.SetField("nom", commune)
                feature.SetField("source", meta["source"])
                feature.SetField("source_dataset", meta["dataset"])
                feature.SetField("licence", meta["licence"])
                feature.SetField("fetched_at", "2026-11-23T08:00:00Z")
                layer.CreateFeature(feature)
    if with_sources_table:
        table = dataset.CreateLayer("sources", None, ogr.wkbNone)
        for field in ("layer", "source", "dataset", "title", "licence", "status"):
            table.CreateField(ogr.FieldDefn(field, ogr.OFTString))
        for name, meta in LAYERS.items():
            row = ogr.Feature(table.GetLayerDefn())
            for key, value in (
                ("layer", name),
                ("source", meta["source"]),
                ("dataset", meta["dataset"]),
                ("title", meta["title"]),
                ("licence", meta["licence"]),
                ("status", "ok"),
            ):
                row.SetField(key, value)
            table.CreateFeature(row)
    dataset = None
    return path


def load_layers(gpkg: str, names=None, project=None) -> list:
    """Vector layers of the GeoPackage, named by their titles, in the order asked (first on top)."""
    from qgis.core import QgsVectorLayer

    layers = []
    for name in names or [n for n in LAYERS if n != "communes"] + ["communes"]:
        layer = QgsVectorLayer(f"{gpkg}|layername={name}", LAYERS[name]["title"], "ogr")
        assert layer.isValid(), name
        layers.append(layer)
    if project is not None:
        project.addMapLayers(layers)
    return layers
