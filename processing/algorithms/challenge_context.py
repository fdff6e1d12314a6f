"""openterritory:challenge_context"""

from __future__ import annotations

from qgis.core import (
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingUtils,
    QgsProperty,
    QgsWkbTypes,
)

from ...plugin.planning.overlays import context_overlay, overlay_features
from ...plugin.toolbelt.errors import OpenTerritoryError
from .planning_inputs import PlanningAlgorithm


def file_instead_of_memory(value: object, context: QgsProcessingContext) -> object:
    """The OUTPUT value, with a temporary GeoPackage instead of a temporary (memory) layer: a memory
    layer holds one geometry type, a GeoPackage's generic geometry column holds points, lines and
    polygons together. Other destinations are kept."""
    definition = QgsProcessingOutputLayerDefinition(value if value is not None else QgsProcessing.TEMPORARY_OUTPUT)
    sink, _ok = definition.sink.valueAsString(context.expressionContext())
    if sink and sink != QgsProcessing.TEMPORARY_OUTPUT and not sink.startswith("memory:"):
        return value
    definition.sink = QgsProperty.fromValue(QgsProcessingUtils.generateTempFilename("challenge_context.gpkg"))
    return definition


class ChallengeContextAlgorithm(PlanningAlgorithm):
    NAME = "challenge_context"

    def displayName(self) -> str:
        return self.tr("Challenge context")

    def shortHelpString(self) -> str:
        return (
            self.tr(
                "For every challenge: per resource category, the number of resources within the distance and the "
                "distance to the nearest one (metres, computed in a projected CRS whatever the layers' CRSs); the "
                "competent actors: those whose competences include the challenge's domain and whose area of action "
                "covers the whole challenge (a challenge on the edge of the area counts, a line or an area that "
                "goes beyond it does not), and those who have no area of action (competent everywhere); and a "
                "short summary in the user's language. A challenge without a location gets no counts and no "
                "distances (empty values) and only the competent actors without an area. The output keeps each "
                "challenge's own geometry (points, lines and polygons together in a GeoPackage). Spatial indexes "
                "keep it fast on large layers."
            )
            + " "
            + self.tr(
                "When the stops of a GTFS network (category transit_stop, from gtfs_load or a territory load) are "
                "among the resources, transit_departures_7_9 adds up their departures between 7 and 9 h within "
                "the distance: the level of service near the challenge."
            )
        )

    def initAlgorithm(self, config: dict | None = None) -> None:
        self.add_register_inputs()
        self.addParameter(
            self.help_param(
                QgsProcessingParameterCrs("CRS", self.tr("Working CRS"), optional=True),
                self.tr("Projected CRS for distances; empty: EPSG:2154 in mainland France, else the UTM zone"),
                advanced=True,
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterFeatureSink("OUTPUT", self.tr("Challenge context")),
                self.tr("One feature per challenge with counts, nearest distances, competent actors and a summary"),
            )
        )

    def processAlgorithm(
        self, parameters: dict, context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict:
        challenges = self.parameterAsVectorLayer(parameters, "CHALLENGES", context)
        if challenges is None:
            raise QgsProcessingException(self.tr("The challenges layer cannot be read"))
        resources = self.parameterAsLayerList(parameters, "RESOURCES", context)
        actors = self.parameterAsVectorLayer(parameters, "ACTORS", context)
        distance = self.parameterAsDouble(parameters, "DISTANCE", context)
        crs = self.parameterAsCrs(parameters, "CRS", context)
        try:
            overlay = context_overlay(
                challenges,
                resources,
                actors,
                distance,
                crs if crs.isValid() else None,
                feedback,
                context.transformContext(),
            )
        except OpenTerritoryError as error:
            raise QgsProcessingException(str(error)) from None
        if overlay.wkb_type == QgsWkbTypes.Unknown:
            parameters = dict(parameters, OUTPUT=file_instead_of_memory(parameters.get("OUTPUT"), context))
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, overlay.fields, overlay.wkb_type, overlay.crs)
        self.mark_output(context, dest, overlay.made_from)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        for feature in overlay_features(overlay):
            if not sink.addFeature(feature, QgsFeatureSink.FastInsert):
                raise QgsProcessingException(
                    self.tr("The output cannot hold this challenge's geometry; choose a GeoPackage output")
                    + f": {QgsWkbTypes.displayString(feature.geometry().wkbType())} ({dest})"
                )
        return {"OUTPUT": dest}
