"""Resources near each challenge: per category, how many lie within a distance and how far the nearest one is.

Every resource layer is read once, in the working CRS (metres). Points (most resources: stops, lamps, car
parks, stations, sensors) become numpy arrays bucketed in a grid per category, and the counts and nearest
distances of all the point challenges are computed together, at C speed: no Python loop over resources nor
over pairs. Lines and areas (cycleways, car-park outlines) go into QGIS's spatial index with their geometries
and are measured with GEOS, as are the few challenges that are lines or areas. A layer GDAL reads (a GeoPackage,
a shapefile...) is read through GDAL's columnar interface (Arrow); any other layer through QGIS's iterator.

Distances are those of GEOS (`sqrt(dx² + dy²)` between points), a resource at exactly the distance counts, and
the nearest distance is not limited by the distance: the same answers as QGIS's spatial index and as PostGIS's
ST_DWithin and `<->` (plugin/planning/in_database.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from osgeo import gdal, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsDataSourceUri,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeedback,
    QgsGeometry,
    QgsPoint,
    QgsProviderRegistry,
    QgsRectangle,
    QgsSpatialIndex,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..definitions import CATEGORIES
from ..toolbelt.errors import InputError
from ..toolbelt.gdal_errors import with_gdal_exceptions
from ..toolbelt.i18n import tr
from ..toolbelt.postgres import layer_dsn

# A point's WKB: byte order, type, then x and y (a single-point multipoint: 9 more bytes before them).
POINT_TYPES = (1, 1001, 2001, 3001)
MULTIPOINT_TYPES = (4, 1004, 2004, 3004)
# The level of service near a challenge: stops of a GTFS network carry their departures between 7 and 9 h,
# which are added up within the distance (a weight on the stops; any other resource weighs nothing).
SERVICE_CATEGORY, SERVICE_FIELD = "transit_stop", "departures_7_9"
SERVICE_OUTPUT = "transit_departures_7_9"  # the column of the challenge context that gives their sum
BRUTE_FORCE_PAIRS = 4_000_000  # nearest by all pairs at once below this many challenge × point pairs
COARSE_CELLS = 2048  # cells of the grid the nearest points far beyond the distance are looked for in
CANDIDATES_PER_BLOCK = 4_000_000  # challenge × point pairs measured at once (about 100 MB of arrays)


def category_order(category: str) -> int:
    return CATEGORIES.index(category) if category in CATEGORIES else len(CATEGORIES)


# -- reading the resources ---------------------------------------------------------------------------------


@dataclass
class CategoryResources:
    """The resources of one category in the working CRS: points as coordinates, the others as geometries."""

    xs: list = field(default_factory=list)  # arrays of x, one per batch read
    ys: list = field(default_factory=list)
    ws: list = field(default_factory=list)  # arrays of the points' weights (departures), 0 without one
    geometries: list = field(default_factory=list)  # QgsGeometry of the lines, areas and multi-part points
    weights: list = field(default_factory=list)  # the geometries' weights
    service: bool = False  # read from a layer that gives the stops' departures


def read_resources(
    layers: list,
    crs: QgsCoordinateReferenceSystem,
    context: QgsCoordinateTransformContext,
    feedback: QgsFeedback | None = None,
) -> dict:
    """{category: Resources} of every resource layer (each must have a category field)."""
    found = {}
    for layer in layers:
        if layer.fields().indexOf("category") < 0:
            raise InputError(tr("A resource layer has no category field") + f": {layer.name()}")
        if not _read_with_gdal(layer, crs, found):
            _read_with_qgis(layer, crs, context, found, feedback)
        if feedback is not None and feedback.isCanceled():
            break
    return {category: Resources(category, parts) for category, parts in found.items()}


def _gdal_source(layer: QgsVectorLayer) -> tuple | None:
    """(GDAL data source, layer name or index, open options) when GDAL can read the layer itself: a file's
    layer, or a PostGIS table, without a subset."""
    if layer.subsetString():
        return None
    if layer.providerType() == "ogr":
        parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
        if not parts.get("path") or parts.get("subset") or parts.get("geometryType"):
            return None
        return parts["path"], parts.get("layerName") or parts.get("layerId") or 0, []
    if layer.providerType() == "postgres":
        uri = QgsDataSourceUri(layer.source())
        if not uri.table() or uri.table().startswith("(") or uri.wkbType() != QgsWkbTypes.Unknown:
            return None  # a query, or one geometry family of a table: QGIS filters it
        name = f"{uri.schema() or 'public'}.{uri.table()}"
        return "PG:" + layer_dsn(layer.source()), 0, [f"TABLES={name}({uri.geometryColumn()})"]
    return None


@with_gdal_exceptions
def _read_with_gdal(layer: QgsVectorLayer, crs: QgsCoordinateReferenceSystem, found: dict) -> bool:
    """Read the category and geometry columns in batches (GDAL's Arrow stream); False when GDAL cannot."""
    source = _gdal_source(layer)
    if source is None:
        return False
    path, name, options = source
    try:
        dataset = gdal.OpenEx(path, gdal.OF_VECTOR, open_options=options)
        table = dataset.GetLayerByName(name) if isinstance(name, str) else dataset.GetLayer(name)
    except RuntimeError:
        return False
    if table is None or not hasattr(table, "GetArrowStreamAsNumPy"):
        return False
    definition = table.GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    if "category" not in names:
        return False
    table.SetIgnoredFields([field for field in names if field not in ("category", SERVICE_FIELD)])
    transform = _numpy_transform(layer.crs(), crs)
    geometry_name = table.GetGeometryColumn() or "wkb_geometry"
    for batch in table.GetArrowStreamAsNumPy(options=["INCLUDE_FID=NO", "MAX_FEATURES_IN_BATCH=262144"]):
        columns = (batch["category"], batch.get(geometry_name), batch.get(SERVICE_FIELD))
        _add_batch(*columns, transform, layer.crs(), crs, found)
    dataset = None
    return True


def _numpy_transform(source: QgsCoordinateReferenceSystem, dest: QgsCoordinateReferenceSystem):
    """A function reprojecting arrays of x and y, or None when the CRSs are the same."""
    if source == dest or not source.isValid():
        return None
    from_srs, to_srs = osr.SpatialReference(), osr.SpatialReference()
    from_srs.ImportFromWkt(source.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED_GDAL))
    to_srs.ImportFromWkt(dest.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED_GDAL))
    for srs in (from_srs, to_srs):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    operation = osr.CoordinateTransformation(from_srs, to_srs)

    def transform(x: np.ndarray, y: np.ndarray) -> tuple:
        if not len(x):
            return x, y
        points = np.asarray(operation.TransformPoints(np.column_stack([x, y])))
        return points[:, 0], points[:, 1]

    return transform


def _add_batch(categories, geometries, weights, transform, source_crs, crs, found: dict) -> None:
    """Sort one batch's rows into points (x, y) and other geometries, per category, with the stops' departures
    (`weights`, None when the layer has none). A category is known even when none of its rows has a geometry
    (it gets its columns, without counts)."""
    categories = np.ma.asarray(categories)
    named = ~np.ma.getmaskarray(categories)
    for label in np.unique(np.asarray(categories.data)[named]):
        found.setdefault(_text(label), CategoryResources()).service |= weights is not None
    if geometries is None:
        return
    geometries = np.ma.asarray(geometries)
    keep = named & ~np.ma.getmaskarray(geometries)
    if not keep.any():
        return
    labels = np.asarray(categories.data)[keep]
    wkb = np.asarray(geometries.data)[keep]
    weight = np.zeros(len(wkb)) if weights is None else np.ma.asarray(weights).astype(float).filled(0)[keep]
    x, y, is_point = _point_coordinates(wkb)
    if transform is not None:
        x[is_point], y[is_point] = transform(x[is_point], y[is_point])
    valid = is_point & np.isfinite(x) & np.isfinite(y)  # an empty point is no place
    to_crs = None if source_crs == crs else QgsCoordinateTransform(source_crs, crs, QgsCoordinateTransformContext())
    for label in np.unique(labels):
        rows = labels == label
        parts = found[_text(label)]
        weighs = weights is not None and parts is found.get(SERVICE_CATEGORY)
        parts.xs.append(x[rows & valid])
        parts.ys.append(y[rows & valid])
        parts.ws.append(weight[rows & valid] if weighs else np.zeros(int((rows & valid).sum())))
        for blob, value in zip(wkb[rows & ~is_point], weight[rows & ~is_point]):
            geometry = QgsGeometry()
            geometry.fromWkb(bytes(blob))
            if geometry.isNull() or geometry.isEmpty():
                continue
            if to_crs is not None:
                geometry.transform(to_crs)
            parts.geometries.append(geometry)
            parts.weights.append(float(value) if weighs else 0.0)


def _text(label: object) -> str:
    return label.decode("utf-8") if isinstance(label, bytes) else str(label)


def _point_coordinates(wkb: np.ndarray) -> tuple:
    """(x, y, is point) of WKB geometries: points and single-point multipoints read in place, little-endian."""
    count = len(wkb)
    if wkb.dtype.kind == "V":  # every geometry the same size: one buffer
        size = wkb.dtype.itemsize
        raw = np.frombuffer(wkb.tobytes(), dtype=np.uint8).reshape(count, size)
    else:  # sizes differ: the first 30 bytes of each, enough for a point's header and coordinates
        size = 30
        raw = np.frombuffer(b"".join(bytes(b[:30]).ljust(30, b"\0") for b in wkb), dtype=np.uint8).reshape(count, 30)
    x, y = np.full(count, np.nan), np.full(count, np.nan)
    if size < 21:
        return x, y, np.zeros(count, dtype=bool)
    kind = raw[:, 1:5].copy().view("<u4")[:, 0]
    little = raw[:, 0] == 1
    is_point = little & np.isin(kind, POINT_TYPES)
    if size >= 30:
        parts = raw[:, 5:9].copy().view("<u4")[:, 0]
        single = little & np.isin(kind, MULTIPOINT_TYPES) & (parts == 1) & (raw[:, 9] == 1)
        single &= np.isin(raw[:, 10:14].copy().view("<u4")[:, 0], POINT_TYPES)
        x[single] = raw[single, 14:22].copy().view("<f8")[:, 0]
        y[single] = raw[single, 22:30].copy().view("<f8")[:, 0]
        is_point |= single
    points = little & np.isin(kind, POINT_TYPES)
    x[points] = raw[points, 5:13].copy().view("<f8")[:, 0]
    y[points] = raw[points, 13:21].copy().view("<f8")[:, 0]
    return x, y, is_point


def _read_with_qgis(layer, crs, context, found: dict, feedback) -> None:
    """Any other layer (memory, a database's, one with a subset): QGIS's iterator, reprojected by QGIS."""
    request = QgsFeatureRequest()
    request.setDestinationCrs(crs, context)
    service = layer.fields().indexOf(SERVICE_FIELD) >= 0
    request.setSubsetOfAttributes(["category", SERVICE_FIELD] if service else ["category"], layer.fields())
    points = {}
    for feature in layer.getFeatures(request):
        category = _value(feature["category"])
        if category is None:
            continue
        category = str(category)
        parts = found.setdefault(category, CategoryResources())
        parts.service |= service
        if not feature.hasGeometry() or feature.geometry().isEmpty():
            continue
        weight = float(_value(feature[SERVICE_FIELD]) or 0) if service and category == SERVICE_CATEGORY else 0.0
        part = feature.geometry().constGet()
        if isinstance(part, QgsPoint):
            points.setdefault(category, []).append((part.x(), part.y(), weight))
        else:
            parts.geometries.append(QgsGeometry(feature.geometry()))
            parts.weights.append(weight)
        if feedback is not None and feedback.isCanceled():
            return
    for category, coordinates in points.items():
        array = np.asarray(coordinates, dtype=float).reshape(-1, 3)
        found[category].xs.append(array[:, 0])
        found[category].ys.append(array[:, 1])
        found[category].ws.append(array[:, 2])


def _value(value: object) -> object:
    """None for NULL, which QGIS gives as a null QVariant."""
    return None if value is None or (hasattr(value, "isNull") and value.isNull()) else value


# -- measuring ---------------------------------------------------------------------------------------------


class PointGrid:
    """Points bucketed in square cells: cell keys sorted, so that a column of cells is one slice."""

    def __init__(self, x: np.ndarray, y: np.ndarray, cell: float, w: np.ndarray | None = None):
        self.cell = cell
        self.x0, self.y0 = (float(x.min()), float(y.min())) if len(x) else (0.0, 0.0)
        ix = np.floor((x - self.x0) / cell).astype(np.int64)
        iy = np.floor((y - self.y0) / cell).astype(np.int64)
        self.nx = int(ix.max()) + 1 if len(x) else 0
        self.ny = int(iy.max()) + 1 if len(x) else 0
        keys = ix * self.ny + iy
        order = np.argsort(keys, kind="stable")
        self.keys, self.x, self.y = keys[order], x[order], y[order]
        self.w = w[order] if w is not None else np.zeros(len(x))

    def cells_of(self, x: np.ndarray, y: np.ndarray) -> tuple:
        return (
            np.floor((x - self.x0) / self.cell).astype(np.int64),
            np.floor((y - self.y0) / self.cell).astype(np.int64),
        )

    def slices(self, ix: np.ndarray, iy0: np.ndarray, iy1: np.ndarray) -> tuple:
        """(start, length) of the points of cells (ix, iy0..iy1), clipped to the grid (length 0 outside)."""
        inside = (ix >= 0) & (ix < self.nx) & (iy1 >= 0) & (iy0 < self.ny)
        low = ix * self.ny + np.clip(iy0, 0, max(self.ny - 1, 0))
        high = ix * self.ny + np.clip(iy1, 0, max(self.ny - 1, 0))
        start = np.searchsorted(self.keys, low, "left")
        end = np.searchsorted(self.keys, high, "right")
        return start, np.where(inside, end - start, 0)

    def in_box(self, box: QgsRectangle) -> np.ndarray:
        """Indexes of the points of the cells that `box` touches."""
        (ix0, ix1), (iy0, iy1) = self.cells_of(np.array([box.xMinimum(), box.xMaximum()]), np.array([
            box.yMinimum(), box.yMaximum()]))  # fmt: skip
        columns = np.arange(max(ix0, 0), min(ix1, self.nx - 1) + 1)
        start, length = self.slices(columns, np.full(len(columns), iy0), np.full(len(columns), iy1))
        return expand(start, length)[1]


def expand(start: np.ndarray, length: np.ndarray) -> tuple:
    """(owner, index): the ranges [start, start + length) one after the other, with the range each came from."""
    total = int(length.sum())
    owner = np.repeat(np.arange(len(length)), length)
    offsets = np.arange(total) - np.repeat(np.cumsum(length) - length, length)
    return owner, np.repeat(start, length) + offsets


class Resources:
    """The resources of one category, ready to measure: a grid of the points, QGIS's spatial index (with the
    geometries) of the lines and areas."""

    def __init__(self, category: str, parts: CategoryResources):
        self.category = category
        x = np.concatenate(parts.xs) if parts.xs else np.zeros(0)
        y = np.concatenate(parts.ys) if parts.ys else np.zeros(0)
        self.points = len(x)
        self.x, self.y = x, y
        self.w = np.concatenate(parts.ws) if parts.ws else np.zeros(0)
        self.service = parts.service and category == SERVICE_CATEGORY  # departures added up near challenges
        self.grid = None
        self.geometries = parts.geometries
        self.weights = parts.weights
        self.index = None
        if parts.geometries:
            self.index = QgsSpatialIndex(QgsSpatialIndex.FlagStoreFeatureGeometries)
            for fid, geometry in enumerate(parts.geometries):
                feature = QgsFeature(fid)
                feature.setGeometry(geometry)
                self.index.addFeature(feature)
        self.stored = {}

    @property
    def empty(self) -> bool:
        return not self.points and not self.geometries

    def point_grid(self, distance: float) -> PointGrid:
        """The grid of the points, cells of distance / 3.5 (the disk of a query spans 4 cells each side, with
        half a cell to spare against rounding), or of the points' spacing when they are sparse."""
        if self.grid is None:
            spread = max(float(np.ptp(self.x)) * float(np.ptp(self.y)), 1.0) if self.points else 1.0
            spacing = math.sqrt(spread / max(self.points, 1))
            cell = max(distance / 3.5 if distance > 0 else spacing, spacing / 4, 1e-3)
            self.grid = PointGrid(self.x, self.y, cell, self.w)
        return self.grid

    # point challenges, all at once

    def around_points(self, cx: np.ndarray, cy: np.ndarray, distance: float) -> tuple:
        """(counts within `distance`, nearest distances, inf where there is no resource, the weights (departures)
        within `distance` added up) of the challenge points (cx, cy), against the points of this category (the
        lines and areas: around_geometry)."""
        counts = np.zeros(len(cx), dtype=np.int64)
        nearest = np.full(len(cx), np.inf)
        sums = np.zeros(len(cx))
        if self.points and len(cx):
            grid = self.point_grid(distance)
            counts, squared, sums = self._within(grid, cx, cy, distance)
            nearest = np.sqrt(squared)
            missing = nearest > distance  # the nearest is farther than the distance: look further
            if missing.any():
                nearest[missing] = self._nearest_beyond(grid, cx[missing], cy[missing])
        return counts, nearest, sums

    def _within(self, grid: PointGrid, cx, cy, distance: float) -> tuple:
        """(counts within the distance, smallest squared distance among the candidates, inf without any, weights
        within the distance added up). The
        candidates of a challenge are the points of the (2 reach + 1)² cells around its own: per column of
        cells, one slice of the sorted points. Challenges are taken in blocks of a few million candidates."""
        reach = int(math.ceil(distance / grid.cell)) if distance > 0 else 0
        width = 2 * reach + 1
        ix, iy = grid.cells_of(cx, cy)
        columns = (ix[:, None] + np.arange(-reach, reach + 1)[None, :]).ravel()
        start, length = grid.slices(columns, np.repeat(iy - reach, width), np.repeat(iy + reach, width))
        per_challenge = np.cumsum(length.reshape(len(cx), width).sum(axis=1))
        counts = np.zeros(len(cx), dtype=np.int64)
        squared = np.full(len(cx), np.inf)
        sums = np.zeros(len(cx))
        first = 0
        while first < len(cx):
            done = per_challenge[first - 1] if first else 0
            last = max(first + 1, int(np.searchsorted(per_challenge, done + CANDIDATES_PER_BLOCK, "right")))
            group, index = expand(start[first * width : last * width], length[first * width : last * width])
            owner = first + group // width  # the slices come challenge after challenge
            dx, dy = grid.x[index] - cx[owner], grid.y[index] - cy[owner]
            d2 = dx * dx + dy * dy
            hits = np.sqrt(d2) <= distance
            counts += np.bincount(owner[hits], minlength=len(cx))
            sums += np.bincount(owner[hits], weights=grid.w[index][hits], minlength=len(cx))
            if len(d2):
                starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
                squared[owner[starts]] = np.minimum.reduceat(d2, starts)
            first = last
        return counts, squared, sums

    def _nearest_beyond(self, grid: PointGrid, cx, cy) -> np.ndarray:
        """Nearest distances of the challenges with no point within the distance: all pairs at once when few;
        else through a coarse grid of at most a few thousand occupied cells (_nearest_by_cells)."""
        if len(cx) * self.points <= BRUTE_FORCE_PAIRS:
            return self._nearest_by_pairs(self.x, self.y, cx, cy)
        return self._nearest_by_cells(cx, cy)

    @staticmethod
    def _nearest_by_pairs(x, y, cx, cy) -> np.ndarray:
        best = np.full(len(cx), np.inf)
        block = max(1, BRUTE_FORCE_PAIRS // max(len(x), 1))
        for first in range(0, len(cx), block):
            dx = x[None, :] - cx[first : first + block, None]
            dy = y[None, :] - cy[first : first + block, None]
            best[first : first + block] = np.sqrt((dx * dx + dy * dy).min(axis=1))
        return best

    def _nearest_by_cells(self, cx, cy) -> np.ndarray:
        """Exact nearest distances through the occupied cells of a coarse grid: the distance to one point of
        each cell bounds the nearest from above, the distance to each cell's points' bounding box from below;
        only the points of the cells whose lower bound does not exceed the best upper bound are measured."""
        spread = max(float(np.ptp(self.x)) * float(np.ptp(self.y)), 1.0)
        coarse = PointGrid(self.x, self.y, max(math.sqrt(spread / COARSE_CELLS), 1e-3))
        starts = np.flatnonzero(np.r_[True, coarse.keys[1:] != coarse.keys[:-1]])
        lengths = np.diff(np.r_[starts, len(coarse.keys)])
        boxes = [
            reducer.reduceat(values, starts) for values in (coarse.x, coarse.y) for reducer in (np.minimum, np.maximum)
        ]
        x0, x1, y0, y1 = boxes
        best = np.full(len(cx), np.inf)
        block = max(1, BRUTE_FORCE_PAIRS // len(starts))
        for first in range(0, len(cx), block):
            px, py = cx[first : first + block, None], cy[first : first + block, None]
            upper = np.sqrt((coarse.x[starts][None, :] - px) ** 2 + (coarse.y[starts][None, :] - py) ** 2).min(axis=1)
            gap_x = np.maximum(np.maximum(x0[None, :] - px, px - x1[None, :]), 0)
            gap_y = np.maximum(np.maximum(y0[None, :] - py, py - y1[None, :]), 0)
            rows, cells = np.nonzero(np.sqrt(gap_x * gap_x + gap_y * gap_y) <= upper[:, None])
            pair, index = expand(starts[cells], lengths[cells])
            owner = first + rows[pair]
            d2 = (coarse.x[index] - cx[owner]) ** 2 + (coarse.y[index] - cy[owner]) ** 2
            groups = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])  # the pairs come challenge by challenge
            best[owner[groups]] = np.sqrt(np.minimum.reduceat(d2, groups))
        return best

    # any challenge, one at a time

    def around_geometry(self, geometry: QgsGeometry, distance: float, points: bool = True) -> tuple:
        """(count within `distance`, nearest distance or None, weights within `distance` added up) of one
        challenge: against the lines and areas, and, with `points`, against the points (for a challenge that is
        a line or an area)."""
        count, nearest, weight = 0, None, 0.0
        if self.index is not None:
            for fid in self.index.intersects(geometry.boundingBox().buffered(distance)):
                if self.geometries[fid].distance(geometry) <= distance:
                    count += 1
                    weight += self.weights[fid]
            for fid in self.index.nearestNeighbor(geometry, 1):
                nearest = self.geometries[fid].distance(geometry)
        if points and self.points:
            point_count, point_nearest, point_weight = self._points_around(geometry, distance)
            count += point_count
            weight += point_weight
            nearest = point_nearest if nearest is None else min(nearest, point_nearest)
        return count, nearest, weight

    def _points_around(self, geometry: QgsGeometry, distance: float) -> tuple:
        grid = self.point_grid(distance)
        engine = QgsGeometry.createGeometryEngine(geometry.constGet())
        engine.prepareGeometry()

        def distances(index):
            return np.array([engine.distance(QgsPoint(grid.x[i], grid.y[i])) for i in index])

        index = grid.in_box(geometry.boundingBox().buffered(distance))
        near = distances(index)
        within = near <= distance
        if within.any():
            return int(within.sum()), float(near.min()), float(grid.w[index][within].sum())
        radius = max(distance, grid.cell)
        while True:
            found = distances(grid.in_box(geometry.boundingBox().buffered(radius)))
            if len(found):
                best = float(found.min())
                # Every point nearer than `best` lies in the bounding box buffered by `best`.
                return 0, float(distances(grid.in_box(geometry.boundingBox().buffered(best))).min()), 0.0
            radius *= 2
