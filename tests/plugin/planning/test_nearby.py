"""The counts and nearest distances of challenge_context against an independent brute force (shapely, pyproj), on
GeoPackage layers (read through GDAL's Arrow stream) and on the same data as memory layers (QGIS's iterator):
points, single-point multipoints, lines and areas, several layers of one category, another CRS, resources at
exactly the distance, empty and missing geometries."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely
from open_territory.plugin.planning.context import challenge_context
from open_territory.plugin.toolbelt.gdal_errors import gdal_exceptions
from osgeo import gdal, ogr, osr
from pyproj import Transformer
from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsGeometry, QgsVectorLayer, QgsWkbTypes
from shapely import wkt as shapely_wkt

DISTANCE = 300.0
X0, Y0 = 351000.0, 6789000.0  # Rennes, Lambert-93
TO_L93 = Transformer.from_crs("EPSG:4326", "EPSG:2154", always_xy=True)
TO_WGS84 = Transformer.from_crs("EPSG:2154", "EPSG:4326", always_xy=True)


def scene(seed: int = 7) -> dict:
    """{layer name: (EPSG code, geometry type, [(wkt or None, attributes)])}."""
    rng = np.random.default_rng(seed)

    def spot(spread=4000.0):
        return X0 + rng.random() * spread, Y0 + rng.random() * spread

    challenges = []
    for i in range(200):
        x, y = spot()
        challenges.append((f"POINT ({x:.2f} {y:.2f})", {"title": f"c{i}", "domain": "velo"}))
    for i in range(12):
        x, y = spot()
        challenges.append((f"LINESTRING ({x:.1f} {y:.1f}, {x + 400:.1f} {y + 150:.1f})", {"title": f"l{i}"}))
        x, y = spot()
        ring = f"{x} {y}, {x + 200} {y}, {x + 200} {y + 120}, {x} {y + 120}, {x} {y}"
        challenges.append((f"POLYGON (({ring}))", {"title": f"p{i}", "domain": "voirie"}))
    challenges.append((None, {"title": "nowhere", "domain": "velo"}))
    challenges.append(("POINT (350000 6788000)", {"title": "far away", "domain": "velo"}))  # beyond the data

    stops = []
    for i in range(1500):
        x, y = spot()
        stops.append((f"POINT ({x:.2f} {y:.2f})", {"category": "bus_stop", "n": i}))
    # Resources at exactly the distance of the first point challenge, along the axes: they count.
    cx, cy = (float(v) for v in challenges[0][0][len("POINT (") : -1].split())
    stops += [
        (f"POINT ({cx + DISTANCE} {cy})", {"category": "bus_stop"}),
        (f"POINT ({cx} {cy - DISTANCE})", {"category": "street_lamp"}),
        (f"POINT ({cx - DISTANCE - 0.01} {cy})", {"category": "street_lamp"}),
    ]
    stops += [("POINT EMPTY", {"category": "bus_stop"}), (None, {"category": "bus_stop"})]
    stops += [(f"POINT Z ({cx + 5} {cy + 5} 40)", {"category": "street_lamp"}), ("POINT (1 1)", {"category": None})]
    lamps = []
    for _ in range(400):
        x, y = spot()
        lon, lat = TO_WGS84.transform(float(x), float(y))
        lamps.append((f"MULTIPOINT (({lon:.8f} {lat:.8f}))", {"category": "street_lamp"}))
    lon, lat = TO_WGS84.transform(*(float(v) for v in spot()))
    lamps.append((f"MULTIPOINT (({lon} {lat}), ({lon + 0.001} {lat}))", {"category": "street_lamp"}))
    ways = []
    for _ in range(25):
        x, y = spot()
        ways.append((f"LINESTRING ({x} {y}, {x + 300} {y + 500}, {x + 600} {y + 450})", {"category": "cycleway"}))
    for _ in range(10):
        x, y = spot()
        ring = f"{x} {y}, {x + 80} {y}, {x + 80} {y + 60}, {x} {y + 60}, {x} {y}"
        ways.append((f"POLYGON (({ring}))", {"category": "car_park"}))
    ways.append(("POLYGON EMPTY", {"category": "charging_station"}))  # a category without a place
    return {
        "challenges": (2154, ogr.wkbUnknown, challenges),
        "stops": (2154, ogr.wkbUnknown, stops),
        "lamps": (4326, ogr.wkbMultiPoint, lamps),
        "ways": (2154, ogr.wkbUnknown, ways),
    }


def write_gpkg(path: str, data: dict) -> dict:
    with gdal_exceptions():
        return _write_gpkg(path, data)


def _write_gpkg(path: str, data: dict) -> dict:
    dataset = gdal.GetDriverByName("GPKG").Create(path, 0, 0, 0, gdal.GDT_Unknown)
    for name, (epsg, kind, rows) in data.items():
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        layer = dataset.CreateLayer(name, srs, kind)
        keys = sorted({key for _wkt, attributes in rows for key in attributes})
        for key in keys:
            integer = key in ("n", "departures_7_9")
            layer.CreateField(ogr.FieldDefn(key, ogr.OFTInteger if integer else ogr.OFTString))
        layer.StartTransaction()
        for wkt, attributes in rows:
            feature = ogr.Feature(layer.GetLayerDefn())
            for key, value in attributes.items():
                if value is not None:
                    feature[key] = value
            if wkt:
                feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
            layer.CreateFeature(feature)
        layer.CommitTransaction()
    dataset = None
    return {name: QgsVectorLayer(f"{path}|layername={name}", name, "ogr") for name in data}


def memory_layers(data: dict) -> dict:
    """The resources as memory layers, one per geometry type (a memory layer holds one)."""
    layers = {}
    for name, (epsg, _kind, rows) in data.items():
        if name == "challenges":
            continue
        by_type = {}
        for wkt, attributes in rows:
            geometry = QgsGeometry.fromWkt(wkt) if wkt else QgsGeometry()
            kind = QgsWkbTypes.displayString(geometry.wkbType()) if wkt else "None"
            by_type.setdefault(kind, []).append((geometry, attributes))
        for kind, features in by_type.items():
            layer = QgsVectorLayer(f"{kind}?crs=EPSG:{epsg}&field=category:string", name, "memory")
            made = []
            for geometry, attributes in features:
                feature = QgsFeature(layer.fields())
                feature.setGeometry(geometry)
                feature["category"] = attributes.get("category")
                made.append(feature)
            assert layer.isValid() and layer.dataProvider().addFeatures(made), kind
            layers.setdefault(name, []).append(layer)
    return layers


def reference(data: dict) -> list:
    """Per challenge: {category: (count within DISTANCE, nearest distance)}, by brute force in Lambert-93."""
    resources = {}
    for name in ("stops", "lamps", "ways"):
        epsg, _kind, rows = data[name]
        for wkt, attributes in rows:
            if not wkt or attributes.get("category") is None:
                continue
            geometry = shapely_wkt.loads(wkt)
            if geometry.is_empty:
                resources.setdefault(attributes["category"], [])
                continue
            if epsg == 4326:
                geometry = shapely.transform(
                    geometry, lambda xy: np.array(TO_L93.transform(list(xy[:, 0]), list(xy[:, 1]))).T
                )
            resources.setdefault(attributes["category"], []).append(geometry)
    answers = []
    for wkt, _attributes in data["challenges"][2]:
        if not wkt:
            answers.append(None)
            continue
        challenge = shapely_wkt.loads(wkt)
        answer = {}
        for category, geometries in resources.items():
            distances = [challenge.distance(g) for g in geometries]
            answer[category] = (
                sum(1 for d in distances if d <= DISTANCE),
                min(distances) if distances else None,
            )
        answers.append(answer)
    return answers


def measured(layers: dict, resources: list | None = None) -> tuple:
    fields, rows = challenge_context(
        layers["challenges"],
        resources or [layers["stops"], layers["lamps"], layers["ways"]],
        None,
        DISTANCE,
        QgsCoordinateReferenceSystem("EPSG:2154"),
    )
    names = fields.names()
    categories = [name[2:] for name in names if name.startswith("n_") and name != "n_actors"]
    results = []
    for attributes, _geometry in rows:
        row = dict(zip(names, attributes))
        if row[f"n_{categories[0]}"] is None:
            results.append(None)
            continue
        results.append({c: (row[f"n_{c}"], row[f"nearest_{c}_m"]) for c in categories})
    return categories, results


@pytest.fixture(scope="module")
def data():
    return scene()


def test_geopackage_layers_give_the_brute_force_answers(data, tmp_path, qgis_app):
    categories, results = measured(write_gpkg(str(tmp_path / "scene.gpkg"), data))
    expected = reference(data)
    assert set(categories) == {"bus_stop", "cycleway", "street_lamp", "car_park", "charging_station"}
    assert len(results) == len(expected)
    for got, want in zip(results, expected):
        if want is None:
            assert got is None
            continue
        for category, (count, nearest) in want.items():
            assert got[category][0] == count, category
            if nearest is None:
                assert got[category][1] is None
            else:
                assert got[category][1] == pytest.approx(nearest, abs=0.051), category
    first = results[0]
    assert first["bus_stop"][0] >= 1 and first["street_lamp"][0] >= 2  # at exactly the distance: counted
    assert results[-1]["bus_stop"][0] == 0 and results[-1]["bus_stop"][1] > 1000  # far from everything


def test_memory_layers_give_the_same_answers_as_geopackage_layers(data, tmp_path, qgis_app):
    files = write_gpkg(str(tmp_path / "scene.gpkg"), data)
    in_memory = memory_layers(data)
    assert len(in_memory["stops"]) > 2  # points, a Z point, an empty point and no geometry apart
    resources = [layer for name in ("stops", "lamps", "ways") for layer in in_memory[name]]
    assert measured(files) == measured(files, resources)


def test_sparse_and_dense_categories(tmp_path, qgis_app):
    """Nearest distances far beyond the distance, for a category of a handful of points among many challenges
    (all pairs at once) and for a dense one whose points some challenges are far from (rings of cells)."""
    rng = np.random.default_rng(3)
    challenges = [(f"POINT ({X0 + x:.1f} {Y0 + y:.1f})", {"title": "c"}) for x, y in rng.random((3000, 2)) * 30000]
    dense = [
        (f"POINT ({X0 + x:.1f} {Y0 + y:.1f})", {"category": "street_lamp"}) for x, y in rng.random((4000, 2)) * 3000
    ]
    sparse = [
        (f"POINT ({X0 + x:.1f} {Y0 + y:.1f})", {"category": "charging_station"}) for x, y in rng.random((5, 2)) * 30000
    ]
    data = {
        "challenges": (2154, ogr.wkbPoint, challenges),
        "stops": (2154, ogr.wkbPoint, dense + sparse),
    }
    layers = write_gpkg(str(tmp_path / "sparse.gpkg"), data)
    _categories, results = measured(layers, [layers["stops"]])
    points = {
        c: np.array([[float(v) for v in w[7:-1].split()] for w, a in dense + sparse if a["category"] == c])
        for c in ("street_lamp", "charging_station")
    }
    for (wkt, _a), got in zip(challenges, results):
        x, y = (float(v) for v in wkt[7:-1].split())
        for category, xy in points.items():
            distances = np.sqrt(((xy - [x, y]) ** 2).sum(axis=1))
            assert got[category][0] == int((distances <= DISTANCE).sum())
            assert got[category][1] == pytest.approx(float(distances.min()), abs=0.051)
    assert math.isfinite(max(r["charging_station"][1] for r in results))
