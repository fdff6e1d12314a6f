"""The Overpass QL the source sends: the place (a bbox, or `poly:` filters from an area), the preset's tag
filters, the count, the output; and the link that opens a query in Overpass Turbo."""

from __future__ import annotations

from urllib.parse import quote

from osgeo import ogr

from ...toolbelt.errors import InputError
from ...toolbelt.gdal_errors import with_gdal_exceptions
from ...toolbelt.i18n import tr
from .presets import PRESETS, OsmPreset

DEFAULT_TIMEOUT = 180  # seconds, Overpass's own default
MAX_POLY_VERTICES = 500
TURBO = "https://overpass-turbo.eu/?Q="


def bbox_filter(extent: list | None) -> str:
    try:
        xmin, ymin, xmax, ymax = (float(v) for v in extent)
    except (TypeError, ValueError):
        raise InputError(
            tr("Overpass: the extent must be xmin, ymin, xmax, ymax in degrees (EPSG:4326)") + f": {extent}",
        ) from None
    if not (-180 <= xmin < xmax <= 180 and -90 <= ymin < ymax <= 90):
        raise InputError(
            tr("Overpass: the extent must be xmin, ymin, xmax, ymax in degrees (EPSG:4326)") + f": {extent}",
        )
    return f"({ymin:.7f},{xmin:.7f},{ymax:.7f},{xmax:.7f})"


def _ring_filter(ring) -> str:
    points = ring.GetPoints() or []
    if len(points) > 1 and points[0][:2] == points[-1][:2]:
        points = points[:-1]
    return '(poly:"' + " ".join(f"{p[1]:.7f} {p[0]:.7f}" for p in points) + '")'


@with_gdal_exceptions
def poly_filters(area_wkt: str) -> list:
    """One `(poly:"lat lon ...")` filter per polygon part (outer rings), simplified when large."""
    try:
        geometry = ogr.CreateGeometryFromWkt(area_wkt)
    except RuntimeError:
        geometry = None
    if geometry is None or geometry.IsEmpty():
        raise InputError(tr("Overpass: the area is not a valid polygon (WKT in EPSG:4326)"))
    geometry = ogr.ForceToMultiPolygon(geometry)
    if ogr.GT_Flatten(geometry.GetGeometryType()) != ogr.wkbMultiPolygon:
        raise InputError(tr("Overpass: the area is not a valid polygon (WKT in EPSG:4326)"))
    filters = []
    for index in range(geometry.GetGeometryCount()):
        polygon = geometry.GetGeometryRef(index).Clone()
        ring = polygon.GetGeometryRef(0)
        if ring is None or ring.GetPointCount() < 4:
            continue
        tolerance = 0.00001
        while ring.GetPointCount() > MAX_POLY_VERTICES and tolerance < 1:
            # A long poly filter slows the server down more than a slightly rounder border.
            simpler = polygon.SimplifyPreserveTopology(tolerance)
            if simpler is not None and not simpler.IsEmpty() and simpler.GetGeometryRef(0).GetPointCount() >= 4:
                polygon = simpler
                ring = polygon.GetGeometryRef(0)
            tolerance *= 2
        filters.append(_ring_filter(ring))
    if not filters:
        raise InputError(tr("Overpass: the area is not a valid polygon (WKT in EPSG:4326)"))
    return filters


def places(extent: list | None = None, area_wkt: str | None = None) -> list:
    """The Overpass place filters of an extent or an area (one per polygon part)."""
    if area_wkt:
        return poly_filters(area_wkt)
    if extent:
        return [bbox_filter(extent)]
    raise InputError(tr("Overpass: an extent or an area is needed"))


def build_query(
    preset: OsmPreset | str,
    extent: list | None = None,
    area_wkt: str | None = None,
    timeout: int = DEFAULT_TIMEOUT,
    count_only: bool = False,
) -> str:
    """The Overpass QL of a preset (or a preset category) over an extent or an area.

    `out count;` comes first: the server's own count of the targets, which the writer compares with what
    it could draw (an area or a line that loses its geometry is reported, never dropped in silence), and
    which alone answers a `count_only` query (the size of a download before it is made). Then the ways' nodes
    and the relations' members (`(._;>;);`: GDAL builds geometries from them), and one `out body qt;`:
    nodes, then ways, then relations, as GDAL's OSM driver reads them, each in quadtile order (the
    server's cheapest; the reader does not need ids in order, see translate.py)."""
    if isinstance(preset, str):
        if preset not in PRESETS:
            raise InputError(tr("Overpass: no OpenStreetMap preset for this category") + f": {preset}")
        preset = PRESETS[preset]
    statements = [
        f"  {element}{tags}{place};"
        for place in places(extent, area_wkt)
        for element in preset.elements
        for tags in preset.filters
    ]
    lines = [f"[out:xml][timeout:{int(timeout)}];", "(", *statements, ");", "out count;"]
    if count_only:
        return "\n".join(lines)
    if preset.elements != ("node",):
        lines.append("(._;>;);")
    lines.append("out body qt;")
    return "\n".join(lines)


def turbo_url(query: str) -> str:
    """The query opened in Overpass Turbo (https://overpass-turbo.eu), to see it on a map or edit it."""
    return TURBO + quote(query, safe="")
