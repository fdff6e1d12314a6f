"""Where help is missing: open challenges with no competent actor or no related resource nearby,
counted per zone (the communes of the territory, or a regular grid)."""

from __future__ import annotations

from collections.abc import Iterator

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeedback,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsSpatialIndex,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from ..toolbelt.errors import InputError
from ..toolbelt.i18n import tr
from .context import challenge_context
from .domain_categories import categories_for

OPEN_STATUSES = ("", "identified", "in_progress")


def unserved(fields: QgsFields, rows: list) -> list:
    """(geometry, no_actor, no_resource) for every open challenge missing an actor or a resource."""
    names = fields.names()
    result = []
    for attributes, geometry in rows:
        row = dict(zip(names, attributes))
        status = str(row.get("status") or "")
        if status not in OPEN_STATUSES or geometry is None or geometry.isEmpty():
            continue
        no_actor = not row.get("n_actors")
        related = categories_for(str(row.get("domain") or ""))
        no_resource = bool(related) and not any(row.get(f"n_{c}") for c in related)
        if no_actor or no_resource:
            result.append((geometry, no_actor, no_resource))
    return result


def grid(extent: QgsRectangle, size: float) -> Iterator[tuple]:
    if size <= 0:
        raise InputError(tr("The grid cell size must be positive"))
    columns = int(extent.width() // size) + 1
    rows = int(extent.height() // size) + 1
    if columns * rows > 1_000_000:
        raise InputError(tr("The grid would have more than a million cells: choose a larger cell size"))
    for i in range(columns):
        for j in range(rows):
            x, y = extent.xMinimum() + i * size, extent.yMinimum() + j * size
            yield f"{i}_{j}", QgsGeometry.fromRect(QgsRectangle(x, y, x + size, y + size))


def gap_zones(
    challenges: QgsVectorLayer,
    resources: list,
    actors: QgsVectorLayer | None,
    distance: float,
    zones: QgsVectorLayer | None = None,
    cell_size: float = 1000.0,
    crs: QgsCoordinateReferenceSystem | None = None,
    feedback: QgsFeedback | None = None,
    context: QgsCoordinateTransformContext | None = None,
) -> tuple:
    """(fields, [(attributes, geometry)]) with per zone: open_unserved, no_actor, no_resource.

    Zones come from `zones` (a polygon layer, kept in its CRS) or a grid of `cell_size` metres in the
    working CRS over the challenges."""
    context = context or QgsProject.instance().transformContext()
    fields, rows = challenge_context(challenges, resources, actors, distance, crs, feedback, context)
    missing = unserved(fields, rows)
    fields_out = QgsFields()
    fields_out.append(QgsField("zone", QVariant.String))
    for name in ("open_unserved", "no_actor", "no_resource"):
        fields_out.append(QgsField(name, QVariant.Int))
    if zones is not None:
        to_challenges_crs = QgsCoordinateTransform(zones.crs(), challenges.crs(), context)
        name_field = next((f for f in ("nom", "name", "libelle") if zones.fields().indexOf(f) >= 0), None)
        zone_list = [(str(z[name_field]) if name_field else str(z.id()), z.geometry()) for z in zones.getFeatures()]
        out_crs = zones.crs()
    else:
        extent = QgsRectangle()
        extent.setMinimal()
        for geometry, _, _ in missing:
            extent.combineExtentWith(geometry.boundingBox())
        from .context import suitable_crs

        work_crs = crs if crs is not None and crs.isValid() else suitable_crs([challenges])
        forward = QgsCoordinateTransform(challenges.crs(), work_crs, context)
        to_challenges_crs = QgsCoordinateTransform(work_crs, challenges.crs(), context)
        zone_list = list(grid(forward.transformBoundingBox(extent), cell_size)) if missing else []
        out_crs = work_crs
    index = QgsSpatialIndex()
    local = []
    for position, (_name, geometry) in enumerate(zone_list):
        g = QgsGeometry(geometry)
        g.transform(to_challenges_crs)
        local.append(g)
        feature = QgsFeature(position)
        feature.setGeometry(g)
        index.addFeature(feature)
    counts = {}
    for geometry, no_actor, no_resource in missing:
        point = geometry.pointOnSurface()
        for position in index.intersects(point.boundingBox()):
            if local[position].intersects(point):
                c = counts.setdefault(position, [0, 0, 0])
                c[0] += 1
                c[1] += int(no_actor)
                c[2] += int(no_resource)
                break
    result = []
    for position, (name, geometry) in enumerate(zone_list):
        c = counts.get(position)
        if c is None and zones is None:
            continue  # a grid keeps only the cells where help is missing
        c = c or [0, 0, 0]
        result.append(([name, *c], geometry))
    return fields_out, result, out_crs
