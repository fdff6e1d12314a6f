"""The inputs the planning algorithms share: the register's challenges and actors, the resource layers
and the search distance, with the same names and help everywhere."""

from __future__ import annotations

from qgis.core import (
    QgsMapLayer,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingParameterDistance,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterVectorLayer,
)

from ...plugin.planning.provenance import mark_made_from
from .base import OpenTerritoryAlgorithm


class MadeFrom(QgsProcessingLayerPostProcessorInterface):
    """Marks an output, once loaded into the project, as made by the planning overlays from its inputs."""

    # QGIS keeps a plain pointer to a post-processor: the Python object must outlive the algorithm's run.
    kept = []

    def __init__(self, inputs: list) -> None:
        super().__init__()
        self.inputs = list(inputs)
        MadeFrom.kept = MadeFrom.kept[-20:] + [self]

    def postProcessLayer(  # noqa: N802
        self, layer: QgsMapLayer, context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> None:
        mark_made_from(layer, self.inputs)


class PlanningAlgorithm(OpenTerritoryAlgorithm):
    GROUP = "planning"

    @staticmethod
    def mark_output(context: QgsProcessingContext, dest: str, inputs: list) -> None:
        """The output loaded into the project says where it comes from (plugin/planning/provenance.py)."""
        if context.willLoadLayerOnCompletion(dest):
            context.layerToLoadOnCompletionDetails(dest).setPostProcessor(MadeFrom(inputs))

    def add_register_inputs(self, resources_optional: bool = False, distance: bool = True) -> None:
        self.addParameter(
            self.help_param(
                QgsProcessingParameterVectorLayer(
                    "CHALLENGES", self.tr("Challenges"), [QgsProcessing.TypeVectorAnyGeometry]
                ),
                self.tr("Challenges layer of the register (fields title, domain, status...)"),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterMultipleLayers(
                    "RESOURCES",
                    self.tr("Resource layers"),
                    QgsProcessing.TypeVectorAnyGeometry,
                    optional=resources_optional,
                ),
                self.tr("Resource layers, each with a category field"),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterVectorLayer(
                    "ACTORS", self.tr("Actors"), [QgsProcessing.TypeVectorAnyGeometry], optional=True
                ),
                self.tr("Actors layer (fields name, competences; geometry: area of action, optional)"),
            )
        )
        if distance:
            self.addParameter(
                self.help_param(
                    QgsProcessingParameterDistance("DISTANCE", self.tr("Distance (metres)"), 500.0, minValue=0.0),
                    self.tr("Radius around each challenge within which resources are counted, in metres"),
                )
            )
