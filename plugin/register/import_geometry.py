"""The geometry of an imported row, in EPSG:4326: a WKT (with or without `SRID=n;`) or GeoJSON
column, lat/lon or Lambert-93 x/y columns (decimal commas accepted), or one column holding both
numbers; bad or out-of-range coordinates are an invalid row error (import_report.invalid_row) naming
the column, the value and what was expected."""

from __future__ import annotations

import math
import re

from osgeo import ogr, osr

from ..formats.tabular import CsvLayout, lambert93_like, parse_pair
from ..toolbelt.gdal_errors import with_gdal_exceptions
from ..toolbelt.i18n import tr
from .import_report import invalid_row
from .schema import SRID


def _wgs84():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(SRID)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _transform_to_wgs84(geometry, epsg: int):
    source = osr.SpatialReference()
    source.ImportFromEPSG(epsg)
    source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    geometry.AssignSpatialReference(source)
    geometry.TransformTo(_wgs84())
    return geometry


def _shown(text: str, limit: int = 60) -> str:
    """A cell's value as quoted in a message: long geometries are cut."""
    return text if len(text) <= limit else text[:limit] + "…"


def _coordinate(value: float) -> str:
    return f"{value:.10g}"


def geometry_columns(layout: CsvLayout) -> str:
    """The column(s) a row's geometry is read from, as named in messages ("" when none)."""
    if layout.geometry:
        return layout.geometry
    if layout.lat and layout.lon:
        return f"{layout.lon}/{layout.lat}"
    return layout.combined or ""


def _number(text: str, column: str) -> float:
    try:
        number = float(text.replace(",", ".").replace(" ", ""))
    except ValueError:
        number = math.nan
    if not math.isfinite(number):  # "nan", "inf" and "1e999" are no coordinate either
        raise invalid_row(
            tr("Bad coordinates") + f": '{_shown(text)}' ({tr('column')} {column}; " + tr("expected a number") + ")"
        )
    return number


def _check_lonlat(geometry, column: str):
    minx, maxx, miny, maxy = geometry.GetEnvelope()
    if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):  # NaN fails every comparison
        c = _coordinate
        where = (
            f"{c(minx)}, {c(miny)}" if (minx, miny) == (maxx, maxy) else f"{c(minx)}..{c(maxx)}, {c(miny)}..{c(maxy)}"
        )
        raise invalid_row(
            tr("Bad coordinates: outside longitude -180..180 / latitude -90..90")
            + f" ({tr('column')} {column}: {where})"
        )
    return geometry


@with_gdal_exceptions
def row_geometry(cells: dict, layout: CsvLayout) -> ogr.Geometry | None:
    """The row's geometry in EPSG:4326, None when the row gives no coordinates."""
    if layout.geometry:
        return _geometry_cell(cells.get(layout.geometry, ""), layout.geometry)
    if layout.lat and layout.lon:
        return _lonlat_cells(cells.get(layout.lat, ""), cells.get(layout.lon, ""), layout)
    if layout.combined:
        return _combined_cell(cells.get(layout.combined, ""), layout)
    return None


def _geometry_cell(text: str, column: str) -> ogr.Geometry | None:
    """A WKT or GeoJSON cell, in Lambert-93 or longitude/latitude."""
    if not text:
        return None
    try:
        geometry = (
            ogr.CreateGeometryFromJson(text)
            if text.lstrip().startswith("{")
            else ogr.CreateGeometryFromWkt(re.sub(r"^\s*SRID=\d+;", "", text))
        )
    except RuntimeError:
        geometry = None
    if geometry is None or geometry.IsEmpty():
        raise invalid_row(
            tr("Bad coordinates: the geometry cannot be read") + f" ({tr('column')} {column}: "
            f"'{_shown(text)}'; " + tr("expected WKT or GeoJSON") + ")"
        )
    minx, maxx, miny, maxy = geometry.GetEnvelope()
    if lambert93_like([minx, maxx], [miny, maxy]):
        return _transform_to_wgs84(geometry, 2154)
    return _check_lonlat(geometry, column)


def _lonlat_cells(lat_text: str, lon_text: str, layout: CsvLayout) -> ogr.Geometry | None:
    """Two coordinate cells: longitude/latitude, or Lambert-93 x/y (by the layout's CRS or by their values)."""
    if not lat_text and not lon_text:
        return None
    if not lat_text or not lon_text:
        raise invalid_row(
            tr("Bad coordinates: one of the two is missing")
            + f" ({tr('column')} {layout.lon}/{layout.lat}: '{lon_text}', '{lat_text}')"
        )
    x, y = _number(lon_text, layout.lon), _number(lat_text, layout.lat)
    point = ogr.Geometry(ogr.wkbPoint)
    point.AddPoint_2D(x, y)
    if layout.crs == "EPSG:2154" or lambert93_like([x], [y]):
        if not lambert93_like([x], [y]):
            raise invalid_row(
                tr("Bad coordinates: outside Lambert-93 France")
                + f" ({tr('column')} {layout.lon}/{layout.lat}: {_coordinate(x)}, {_coordinate(y)})"
            )
        return _transform_to_wgs84(point, 2154)
    return _check_lonlat(point, f"{layout.lon}/{layout.lat}")


def _combined_cell(text: str, layout: CsvLayout) -> ogr.Geometry | None:
    """One cell holding both numbers, in the layout's order."""
    if not text:
        return None
    # The data.gouv.fr source's reading first ("48.1,-1.6", "48,1;-1,6"...), then any two numbers
    # apart ("-1.6 47.8").
    pair = parse_pair(text)
    numbers = re.findall(r"[-+]?\d+(?:\.\d+)?", text) if pair is None else None
    if pair is None and len(numbers) == 2:
        pair = float(numbers[0]), float(numbers[1])
    if pair is None:
        raise invalid_row(
            tr("Bad coordinates")
            + f": '{_shown(text)}' ({tr('column')} {layout.combined}; "
            + tr("expected two numbers")
            + ")"
        )
    a, b = pair
    x, y = (a, b) if layout.combined_order == "lonlat" else (b, a)
    point = ogr.Geometry(ogr.wkbPoint)
    point.AddPoint_2D(x, y)
    return _check_lonlat(point, layout.combined)


@with_gdal_exceptions
def actor_area(geometry: ogr.Geometry) -> ogr.Geometry:
    """An actor's geometry is its area of action: a polygon or multipolygon, returned as a multipolygon;
    any other geometry is an invalid row error."""
    if ogr.GT_Flatten(geometry.GetGeometryType()) not in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
        raise invalid_row(
            tr("An actor's geometry is its area of action: a polygon is expected") + f" ({geometry.GetGeometryName()})"
        )
    return ogr.ForceToMultiPolygon(geometry)
