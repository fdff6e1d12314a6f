"""The council map exported in a background task, so that QGIS's window stays responsive while the map renders (an A4
page held the main thread 1.3 to 2.6 s, an atlas longer).

Print layouts and map layers are not thread safe: a layout rendered in a worker thread must not touch the project's
layers, which the main thread keeps drawing and editing. So the main thread takes a copy of what each layer is, as
plain values (`LayerCopy`: its source, provider, style, metadata; a memory layer's features through QGIS's thread-safe
feature source), and the worker builds its own layers from them, in a project of its own, and exports the same council
map from those (`CouncilMapJob.run`, a `work(feedback)` for `toolbelt/tasks.start_task`). Everything the worker built
is released in the worker before the task ends.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsFeedback,
    QgsLayerMetadata,
    QgsMapLayer,
    QgsMapLayerType,
    QgsProject,
    QgsRasterLayer,
    QgsReadWriteContext,
    QgsVectorLayer,
    QgsVectorLayerFeatureSource,
)
from qgis.PyQt.QtXml import QDomDocument

from ..toolbelt.errors import Cancelled, InputError
from ..toolbelt.i18n import tr
from .council_map import export_council_map


@dataclass
class LayerCopy:
    """What a layer is, as values the worker thread may read: enough to build the same layer again there."""

    kind: QgsMapLayerType
    source: str
    provider: str
    name: str
    crs: QgsCoordinateReferenceSystem
    style: str  # the layer's QML (symbols, labels, opacity, custom properties...)
    metadata: QgsLayerMetadata
    attribution: str
    subset: str = ""
    features: QgsVectorLayerFeatureSource | None = None  # a memory layer's: its data live only in the project's layer
    custom: dict = field(default_factory=dict)

    @classmethod
    def of(cls, layer: QgsMapLayer) -> LayerCopy:
        """Taken in the main thread, where the layer lives."""
        document = QDomDocument("qgis")
        layer.exportNamedStyle(document, QgsReadWriteContext(), QgsMapLayer.AllStyleCategories)
        vector = isinstance(layer, QgsVectorLayer)
        return cls(
            kind=layer.type(),
            source=layer.source(),
            provider=layer.providerType(),
            name=layer.name(),
            crs=layer.crs(),
            style=document.toString(),
            metadata=layer.metadata(),
            attribution=layer.attribution(),
            subset=layer.subsetString() if vector else "",
            features=QgsVectorLayerFeatureSource(layer) if vector and layer.providerType() == "memory" else None,
            custom={key: layer.customProperty(key) for key in layer.customPropertyKeys()},
        )

    def build(self) -> QgsMapLayer:
        """The same layer, made in the calling (worker) thread."""
        if self.kind == QgsMapLayerType.RasterLayer:
            layer = QgsRasterLayer(self.source, self.name, self.provider)
        else:
            layer = QgsVectorLayer(self.source, self.name, self.provider)
        if not layer.isValid():
            raise InputError(tr("A layer to show cannot be read for the export") + f": {self.name}")
        if self.features is not None:
            features = list(self.features.getFeatures(QgsFeatureRequest()))
            layer.dataProvider().addFeatures(features)
            layer.updateExtents()
        if self.subset:
            layer.setSubsetString(self.subset)
        layer.setCrs(self.crs)
        document = QDomDocument("qgis")
        document.setContent(self.style)
        layer.importNamedStyle(document, QgsMapLayer.AllStyleCategories)
        layer.setMetadata(self.metadata)
        layer.setAttribution(self.attribution)
        for key, value in self.custom.items():
            layer.setCustomProperty(key, value)
        return layer


class CouncilMapJob:
    """One council map export: made in the main thread from the layers shown (copied then), run in a task."""

    def __init__(self, layers: list, output: str, title: str, coverage: QgsMapLayer | None = None, **options):
        if not layers:
            raise InputError(tr("Choose at least one layer to show on the map"))
        self.copies = [LayerCopy.of(layer) for layer in layers]
        self.coverage = LayerCopy.of(coverage) if coverage is not None else None
        self.output, self.title, self.options = output, title, options
        project = QgsProject.instance()
        self.project_crs = project.crs()
        self.transform_context = project.transformContext()
        self.ellipsoid = project.ellipsoid()

    def run(self, feedback: QgsFeedback | None = None) -> dict:
        """In the worker thread: its own project and layers, the export, then all of it released here."""
        project = QgsProject()
        try:
            project.setCrs(self.project_crs)
            project.setTransformContext(self.transform_context)
            project.setEllipsoid(self.ellipsoid)
            layers = [self.built(copy, project, feedback) for copy in self.copies]
            coverage = self.built(self.coverage, project, feedback) if self.coverage is not None else None
            return export_council_map(
                layers, self.output, self.title, coverage=coverage, project=project, feedback=feedback, **self.options
            )
        finally:
            layers = coverage = None
            project.clear()

    @staticmethod
    def built(copy: LayerCopy, project: QgsProject, feedback: QgsFeedback | None) -> QgsMapLayer:
        if feedback is not None and feedback.isCanceled():
            raise Cancelled(tr("Export cancelled"))
        layer = copy.build()
        project.addMapLayer(layer)
        return layer
