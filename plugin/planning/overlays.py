"""The three planning overlays (challenge context, competence matrix, gaps) as results ready to write, and
as layers: the one place both callers go through. The Planning tab runs an overlay in a background task
and adds `overlay_layer(...)` to the project; the Processing algorithms write the same rows into their
sinks. Bad input is an InputError (toolbelt/errors.py); a cancelled run returns what it had (callers look
at their feedback).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureSink,
    QgsFeedback,
    QgsFields,
    QgsMemoryProviderUtils,
    QgsProcessingUtils,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..toolbelt.errors import OpenTerritoryError
from ..toolbelt.i18n import tr
from .context import challenge_context, output_wkb_type
from .gaps import gap_zones
from .matrix import MATRIX_COLUMNS, competence_matrix, html_report, matrix_fields
from .provenance import input_names, mark_made_from


@dataclass
class Overlay:
    """An overlay's table: `rows` [(attributes in `fields` order, QgsGeometry or None)], the geometry type
    that holds every row (QgsWkbTypes.Unknown: points, lines and polygons together) and its CRS; `report`,
    the competence matrix's HTML page; `made_from`, the names of the layers it was made from (a map showing
    the overlay names them as its source)."""

    fields: QgsFields
    rows: list
    wkb_type: int
    crs: QgsCoordinateReferenceSystem
    report: str = ""
    made_from: list = field(default_factory=list)


def context_overlay(
    challenges: QgsVectorLayer,
    resources: list,
    actors: QgsVectorLayer | None,
    distance: float,
    crs: QgsCoordinateReferenceSystem | None = None,
    feedback: QgsFeedback | None = None,
    transform_context: QgsCoordinateTransformContext | None = None,
) -> Overlay:
    """Per challenge: resources within `distance` by category, nearest distances, competent actors, a summary
    (context.challenge_context); each challenge keeps its own geometry, in the challenges' CRS."""
    fields, rows = challenge_context(challenges, resources, actors, distance, crs, feedback, transform_context)
    # QGIS reports a generic geometry table (the register's challenges) as the type of its first feature:
    # the output's type comes from the geometries themselves.
    wkb_type = output_wkb_type([geometry for _, geometry in rows], challenges.wkbType())
    return Overlay(fields, rows, wkb_type, challenges.crs(), made_from=input_names(challenges, resources, actors))


def matrix_overlay(
    challenges: QgsVectorLayer | None,
    resources: list,
    actors: QgsVectorLayer | None,
    feedback: QgsFeedback | None = None,
) -> Overlay:
    """One row per mobility domain (matrix.competence_matrix), without geometry, with its HTML report."""
    table = competence_matrix(challenges, resources, actors, feedback)
    rows = [([row[name] for name, _kind in MATRIX_COLUMNS], None) for row in table]
    report = html_report(table, tr("Strengths and weaknesses by mobility domain"))
    inputs = input_names(challenges, resources, actors)
    return Overlay(matrix_fields(), rows, QgsWkbTypes.NoGeometry, QgsCoordinateReferenceSystem(), report, inputs)


def gap_overlay(
    challenges: QgsVectorLayer,
    resources: list,
    actors: QgsVectorLayer | None,
    distance: float,
    zones: QgsVectorLayer | None = None,
    cell_size: float = 1000.0,
    crs: QgsCoordinateReferenceSystem | None = None,
    feedback: QgsFeedback | None = None,
    transform_context: QgsCoordinateTransformContext | None = None,
) -> Overlay:
    """Per zone (`zones`, or a grid of `cell_size` metres): the open challenges lacking a competent actor or a
    related resource nearby (gaps.gap_zones), as multipolygons."""
    fields, rows, out_crs = gap_zones(
        challenges, resources, actors, distance, zones, cell_size, crs, feedback, transform_context
    )
    for _attributes, geometry in rows:
        geometry.convertToMultiType()
    inputs = input_names(challenges, resources, actors, zones)
    return Overlay(fields, rows, QgsWkbTypes.MultiPolygon, out_crs, made_from=inputs)


def overlay_features(overlay: Overlay) -> list:
    """The overlay's rows as features of its fields."""
    features = []
    for attributes, geometry in overlay.rows:
        feature = QgsFeature(overlay.fields)
        feature.setAttributes(attributes)
        if geometry is not None:
            feature.setGeometry(geometry)
        features.append(feature)
    return features


def overlay_layer(overlay: Overlay, name: str) -> QgsVectorLayer:
    """The overlay as a new layer named `name`: in memory, or in a temporary GeoPackage when its geometries
    mix points, lines and polygons (a memory layer holds one geometry type; a GeoPackage's generic geometry
    column holds them all). Build it in the main thread: the layer belongs to the thread that made it."""
    if overlay.wkb_type != QgsWkbTypes.Unknown:
        layer = QgsMemoryProviderUtils.createMemoryLayer(name, overlay.fields, overlay.wkb_type, overlay.crs)
        if not layer.dataProvider().addFeatures(overlay_features(overlay)):
            raise OpenTerritoryError(tr("The overlay could not be written") + f": {name}")
        layer.updateExtents()
        mark_made_from(layer, overlay.made_from)
        return layer
    path = QgsProcessingUtils.generateTempFilename("challenge_context.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    writer = QgsVectorFileWriter.create(
        path, overlay.fields, QgsWkbTypes.Unknown, overlay.crs, QgsProject.instance().transformContext(), options
    )
    try:
        if writer.hasError() != QgsVectorFileWriter.NoError:
            raise OpenTerritoryError(tr("The overlay could not be written") + f": {path}: {writer.errorMessage()}")
        if not writer.addFeatures(overlay_features(overlay), QgsFeatureSink.FastInsert):
            raise OpenTerritoryError(tr("The overlay could not be written") + f": {path}: {writer.errorMessage()}")
    finally:
        del writer  # closes the file
    layer = QgsVectorLayer(path, name, "ogr")
    mark_made_from(layer, overlay.made_from)
    return layer
