"""The register's challenges as one planning input.

The register shows its challenges table as one layer per geometry family (points, lines, areas,
no location) because a QGIS layer holds one geometry type. The planning overlays want every
challenge at once: they get a point layer where lines and areas are represented by a point on their
surface and challenges without a location keep no geometry (counted by the competence matrix, left
out of the distance searches).
"""

from __future__ import annotations

from qgis.core import QgsCoordinateTransform, QgsFeature, QgsProject, QgsVectorLayer, QgsWkbTypes

from ..register.in_project import registers_in_project
from ..toolbelt.i18n import tr


def register_challenge_layers(project: QgsProject | None = None) -> list:
    """The challenges layers of the first register in the project, points first."""
    registers = registers_in_project(project)
    return registers[0].layers("challenges", project) if registers else []


def merged_challenges(layers: list) -> QgsVectorLayer:
    """One in-memory point layer holding the features of `layers` (register sizes: thousands)."""
    if not layers:
        raise ValueError("no challenges layer")
    first = layers[0]
    crs = next((layer.crs() for layer in layers if layer.crs().isValid()), first.crs())
    merged = QgsVectorLayer(f"Point?crs={crs.authid()}", tr("Every challenge of the register"), "memory")
    provider = merged.dataProvider()
    provider.addAttributes(first.fields().toList())
    merged.updateFields()
    names = merged.fields().names()
    features = []
    for layer in layers:
        positions = [layer.fields().indexOf(name) for name in names]
        transform = None
        if layer.crs().isValid() and layer.crs() != crs:
            transform = QgsCoordinateTransform(layer.crs(), crs, QgsProject.instance().transformContext())
        for feature in layer.getFeatures():
            copy = QgsFeature(merged.fields())
            copy.setAttributes([feature.attribute(p) if p >= 0 else None for p in positions])
            geometry = feature.geometry()
            if geometry is not None and not geometry.isEmpty():
                point = QgsWkbTypes.geometryType(geometry.wkbType()) == QgsWkbTypes.PointGeometry
                if not point or geometry.isMultipart():
                    geometry = geometry.pointOnSurface()
                if transform is not None:
                    geometry.transform(transform)
                copy.setGeometry(geometry)
            features.append(copy)
    provider.addFeatures(features)
    merged.updateExtents()
    return merged
