"""What a load covers, as the sources take it: an extent [xmin, ymin, xmax, ymax] or the WKT of an area,
both in EPSG:4326. The dock (map canvas, area layer) and Processing (EXTENT, AREA) give them alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsGeometry,
    QgsRectangle,
)

if TYPE_CHECKING:  # names used in annotations only
    from qgis.core import QgsVectorLayer

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


def extent_bbox(extent: QgsRectangle) -> list:
    """[west, south, east, north] of a rectangle already in EPSG:4326, within the world; None when empty."""
    if extent is None or extent.isNull() or extent.isEmpty():
        return None
    return [
        max(-180.0, extent.xMinimum()),
        max(-90.0, extent.yMinimum()),
        min(180.0, extent.xMaximum()),
        min(90.0, extent.yMaximum()),
    ]


def area_wkt(layer: QgsVectorLayer, transform_context: QgsCoordinateTransformContext = None) -> str:
    """The union of a polygon layer's features (a territory boundary: a few features, not bulk data),
    reprojected to EPSG:4326, as WKT with 7 decimals; "" when the layer has no polygon."""
    transform = QgsCoordinateTransform(layer.crs(), WGS84, transform_context or QgsCoordinateTransformContext())
    parts = []
    for feature in layer.getFeatures():
        geometry = QgsGeometry(feature.geometry())
        if geometry.isEmpty():
            continue
        geometry.transform(transform)
        parts.append(geometry)
    return QgsGeometry.unaryUnion(parts).asWkt(7) if parts else ""
