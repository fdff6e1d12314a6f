"""What the layer writer checks in every scratch layer before putting it in place, whatever wrote it.

One shared check (not one per source), in SQL on the scratch GeoPackage, so that GDAL-written layers (ODS
exports, data.gouv.fr and RUDI files, CSVs) and Python-built ones (GBFS, sensors) are held to the same rules:

- **impossible coordinates** (not finite, or beyond longitude ±180 / latitude ±90 in a geographic CRS; not
  finite in a projected one) are refused feature by feature: the features are deleted from the scratch and
  counted in a warning. The common case costs nothing: the extent GDAL keeps in `gpkg_contents` covers every
  geometry, so a finite extent within bounds means there is nothing to refuse, and only another one is
  scanned;
- **swapped latitude/longitude**: when most points of a sample fall outside the expected area (the extent
  given, the territory's or the panel's; France's mainland and overseas territories otherwise) but inside it
  once swapped, a warning says so (the features are kept as they are: the source must be fixed);
- **a geometry column that yields nothing**: a layer whose features all lack a geometry, though it has a
  geometry column, gets a warning rather than loading silently as points that are nowhere.

    check = ScratchCheck(extent=spec.get("extent"), what="data.gouv.fr 'Arceaux'")
    count = write_layer(target, produce, feedback, check)      # check.warnings, check.refused
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from osgeo import gdal

from .gdal_errors import with_gdal_exceptions
from .i18n import tr
from .logger import log

# Where French open data lies: mainland France and Corsica, then the overseas territories
# (xmin, ymin, xmax, ymax in degrees).
FRANCE_AREAS = (
    (-5.5, 41.0, 10.0, 52.0),  # mainland and Corsica
    (-61.9, 15.8, -60.9, 16.6),  # Guadeloupe
    (-61.3, 14.3, -60.7, 14.95),  # Martinique
    (-54.7, 2.0, -51.5, 6.0),  # Guyane
    (55.1, -21.5, 55.9, -20.8),  # La Réunion
    (44.9, -13.1, 45.4, -12.5),  # Mayotte
    (-56.5, 46.7, -56.1, 47.2),  # Saint-Pierre-et-Miquelon
    (-63.2, 17.8, -62.7, 18.2),  # Saint-Martin, Saint-Barthélemy
    (163.5, -22.9, 168.2, -19.5),  # Nouvelle-Calédonie
    (-154.8, -27.7, -134.4, -7.8),  # Polynésie française
    (-178.3, -14.4, -176.1, -13.1),  # Wallis-et-Futuna
)
SWAP_SAMPLE = 2000  # points looked at for the swapped-coordinates test
EXTENT_MARGIN = 0.05  # of the given extent's size, on each side: points on its edge are inside
# Beyond these, a projected coordinate is no place (infinity, 1e308...): metres for every CRS we meet.
PROJECTED_LIMIT = 1e12


@dataclass
class ScratchCheck:
    """The writer's check of one layer: `extent` ([xmin, ymin, xmax, ymax] in EPSG:4326) is where its features
    are expected (None: France); after the write, `refused` counts the features left out for impossible
    coordinates and `warnings` says what was found, each also logged naming `what` (the resource: the user
    who loaded it knows which it is, and a message bar has little room)."""

    extent: list | None = None
    what: str = ""
    refused: int = 0
    warnings: list = field(default_factory=list)

    def warn(self, text: str) -> None:
        log(f"{self.what}: {text}" if self.what else text, "warning")
        self.warnings.append(text)


@with_gdal_exceptions
def check_scratch(path: str, layer_name: str, check: ScratchCheck) -> None:
    """Run the checks of the module's docstring on layer `layer_name` of the GeoPackage `path`, in place."""
    dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    layer = dataset.GetLayerByName(layer_name)
    column = layer.GetGeometryColumn() if layer is not None else ""
    if not column:
        return
    srs = layer.GetSpatialRef()
    literal = layer_name.replace("'", "''")
    srs_id = _scalar(dataset, f"SELECT srs_id FROM gpkg_geometry_columns WHERE lower(table_name) = lower('{literal}')")
    # No CRS (a CSV in a projected system nobody could tell; GeoPackage's "undefined" systems 0 and -1): only
    # infinities are known to be impossible.
    geographic = srs is not None and bool(srs.IsGeographic()) and srs_id not in (0, -1)
    table, geometry = _identifier(layer_name), _identifier(column)
    refused = _refuse_impossible(dataset, table, geometry, layer_name, geographic)
    if refused:
        check.refused += refused
        check.warn(
            tr("Features left out for impossible coordinates (not finite, or beyond longitude ±180 / latitude ±90)")
            + f": {refused}"
        )
    if not _has_geometry(dataset, table, geometry):
        if layer.GetFeatureCount() > 0:
            check.warn(tr("No feature has a geometry: the coordinate column(s) held nothing GDAL could read"))
    elif geographic:
        _warn_if_swapped(dataset, table, geometry, check)
    dataset = None


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _scalar(dataset, sql: str):
    result = dataset.ExecuteSQL(sql, dialect="SQLITE")
    try:
        feature = result.GetNextFeature() if result is not None else None
        return feature.GetField(0) if feature is not None else None
    finally:
        if result is not None:
            dataset.ReleaseResultSet(result)


def _bounds_sql(geometry: str, geographic: bool) -> str:
    """True for a geometry whose every coordinate is finite and within bounds (NULL for NaN, hence coalesce)."""
    xmin, ymin, xmax, ymax = (-180, -90, 180, 90) if geographic else (-PROJECTED_LIMIT,) * 2 + (PROJECTED_LIMIT,) * 2
    return (
        f"coalesce(ST_MinX({geometry}) >= {xmin} AND ST_MaxX({geometry}) <= {xmax} "
        f"AND ST_MinY({geometry}) >= {ymin} AND ST_MaxY({geometry}) <= {ymax}, 0)"
    )


def _extent_is_sound(dataset, layer_name: str, geographic: bool) -> bool:
    """Whether the extent GDAL recorded covers only possible coordinates (then no feature can be impossible).
    GDAL cannot record an infinite extent: the columns stay NULL, and the features are scanned."""
    literal = layer_name.replace("'", "''")
    result = dataset.ExecuteSQL(
        f"SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE lower(table_name) = lower('{literal}')",
        dialect="SQLITE",
    )
    try:
        feature = result.GetNextFeature() if result is not None else None
        values = [feature.GetField(i) for i in range(4)] if feature is not None else []
    finally:
        if result is not None:
            dataset.ReleaseResultSet(result)
    if len(values) != 4 or any(v is None or not math.isfinite(v) for v in values):
        return False
    xmin, ymin, xmax, ymax = values
    if geographic:
        return -180 <= xmin and xmax <= 180 and -90 <= ymin and ymax <= 90
    return max(abs(v) for v in values) <= PROJECTED_LIMIT


def _refuse_impossible(dataset, table: str, geometry: str, layer_name: str, geographic: bool) -> int:
    """Delete the features with impossible coordinates; returns how many."""
    if _extent_is_sound(dataset, layer_name, geographic):
        return 0
    bad = f"{geometry} IS NOT NULL AND ST_IsEmpty({geometry}) = 0 AND NOT {_bounds_sql(geometry, geographic)}"
    count = _scalar(dataset, f"SELECT count(*) FROM {table} WHERE {bad}") or 0
    if count:
        dataset.ExecuteSQL(f"DELETE FROM {table} WHERE {bad}", dialect="SQLITE")
    # The extent GDAL could not record (an infinity) or that covered the refused features, made right (GDAL's
    # own statement takes the layer's name as it is, unquoted).
    dataset.ExecuteSQL(f"RECOMPUTE EXTENT ON {layer_name}")
    return int(count)


def _has_geometry(dataset, table: str, geometry: str) -> bool:
    return bool(_scalar(dataset, f"SELECT EXISTS (SELECT 1 FROM {table} WHERE {geometry} IS NOT NULL)"))


def _inside(x: float, y: float, areas) -> bool:
    return any(xmin <= x <= xmax and ymin <= y <= ymax for xmin, ymin, xmax, ymax in areas)


def _expected_areas(extent: list | None) -> tuple:
    if not extent:
        return FRANCE_AREAS
    xmin, ymin, xmax, ymax = (float(v) for v in extent)
    dx, dy = (xmax - xmin) * EXTENT_MARGIN, (ymax - ymin) * EXTENT_MARGIN
    return ((xmin - dx, ymin - dy, xmax + dx, ymax + dy),)


def _warn_if_swapped(dataset, table: str, geometry: str, check: ScratchCheck) -> None:
    """Most sampled points outside the expected area but inside it once latitude and longitude are swapped."""
    result = dataset.ExecuteSQL(
        f"SELECT (ST_MinX({geometry}) + ST_MaxX({geometry})) / 2, (ST_MinY({geometry}) + ST_MaxY({geometry})) / 2 "
        f"FROM {table} WHERE {geometry} IS NOT NULL AND ST_IsEmpty({geometry}) = 0 LIMIT {SWAP_SAMPLE}",
        dialect="SQLITE",
    )
    try:
        points = [(f.GetField(0), f.GetField(1)) for f in result] if result is not None else []
    finally:
        if result is not None:
            dataset.ReleaseResultSet(result)
    points = [(x, y) for x, y in points if x is not None and y is not None]
    areas = _expected_areas(check.extent)
    inside = sum(1 for x, y in points if _inside(x, y, areas))
    swapped = sum(1 for x, y in points if _inside(y, x, areas))
    if points and swapped > len(points) / 2 and inside < swapped / 10:
        where = tr("the expected extent") if check.extent else tr("France")
        check.warn(
            tr("Latitude and longitude look swapped: most points fall outside")
            + f" {where} "
            + tr("but inside it once swapped")
            + f" ({swapped}/{len(points)})"
        )
