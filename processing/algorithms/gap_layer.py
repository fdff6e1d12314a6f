"""openterritory:gap_layer"""

from __future__ import annotations

from qgis.core import (
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterVectorLayer,
)

from ...plugin.planning.overlays import gap_overlay, overlay_features
from ...plugin.toolbelt.errors import OpenTerritoryError
from .planning_inputs import PlanningAlgorithm


class GapLayerAlgorithm(PlanningAlgorithm):
    NAME = "gap_layer"

    def displayName(self) -> str:
        return self.tr("Where help is missing")

    def shortHelpString(self) -> str:
        return self.tr(
            "Counts, per commune or district (ZONES) or per cell of a regular grid, the open challenges that have "
            "no competent actor or no resource of a related category within the distance. Ready for a heat map "
            "of where help is missing."
        )

    def initAlgorithm(self, config: dict | None = None) -> None:
        self.add_register_inputs()
        self.addParameter(
            self.help_param(
                QgsProcessingParameterVectorLayer(
                    "ZONES", self.tr("Zones"), [QgsProcessing.TypeVectorPolygon], optional=True
                ),
                self.tr("Communes or districts to count in; empty: a regular grid"),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterNumber(
                    "CELL_SIZE",
                    self.tr("Grid cell size (metres)"),
                    QgsProcessingParameterNumber.Double,
                    1000.0,
                    minValue=10.0,
                ),
                self.tr("Side of the grid cells when no zones are given"),
                advanced=True,
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterFeatureSink("OUTPUT", self.tr("Gaps"), QgsProcessing.TypeVectorPolygon),
                self.tr("Zones with the number of open challenges lacking an actor or a resource"),
            )
        )

    def processAlgorithm(
        self, parameters: dict, context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict:
        challenges = self.parameterAsVectorLayer(parameters, "CHALLENGES", context)
        try:
            overlay = gap_overlay(
                challenges,
                self.parameterAsLayerList(parameters, "RESOURCES", context),
                self.parameterAsVectorLayer(parameters, "ACTORS", context),
                self.parameterAsDouble(parameters, "DISTANCE", context),
                self.parameterAsVectorLayer(parameters, "ZONES", context),
                self.parameterAsDouble(parameters, "CELL_SIZE", context),
                None,
                feedback,
                context.transformContext(),
            )
        except OpenTerritoryError as error:
            raise QgsProcessingException(str(error)) from None
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, overlay.fields, overlay.wkb_type, overlay.crs)
        self.mark_output(context, dest, overlay.made_from)
        sink.addFeatures(overlay_features(overlay), QgsFeatureSink.FastInsert)
        return {"OUTPUT": dest}
