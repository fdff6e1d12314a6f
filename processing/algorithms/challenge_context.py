"""openterritory:challenge_context"""

from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsProcessingException,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
)

from ...plugin.planning.context import PlanningError, challenge_context
from .planning_inputs import PlanningAlgorithm


class ChallengeContextAlgorithm(PlanningAlgorithm):
    NAME = "challenge_context"

    def displayName(self):
        return self.tr("Challenge context")

    def shortHelpString(self):
        return self.tr(
            "For every challenge: per resource category, the number of resources within the distance and the "
            "distance to the nearest one (metres, computed in a projected CRS whatever the layers' CRSs); the "
            "actors whose competences include the challenge's domain and whose area of action contains the "
            "challenge (or who have no area); and a short summary. Spatial indexes keep it fast on large layers.")

    def initAlgorithm(self, config=None):
        self.add_register_inputs()
        self.addParameter(self.help_param(QgsProcessingParameterCrs(
            "CRS", self.tr("Working CRS"), optional=True),
            self.tr("Projected CRS for distances; empty: EPSG:2154 in mainland France, else the UTM zone"),
            advanced=True))
        self.addParameter(self.help_param(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Challenge context")),
            self.tr("One feature per challenge with counts, nearest distances, competent actors and a summary")))

    def processAlgorithm(self, parameters, context, feedback):
        challenges = self.parameterAsVectorLayer(parameters, "CHALLENGES", context)
        if challenges is None:
            raise QgsProcessingException(self.tr("The challenges layer cannot be read"))
        resources = self.parameterAsLayerList(parameters, "RESOURCES", context)
        actors = self.parameterAsVectorLayer(parameters, "ACTORS", context)
        distance = self.parameterAsDouble(parameters, "DISTANCE", context)
        crs = self.parameterAsCrs(parameters, "CRS", context)
        try:
            fields, rows = challenge_context(challenges, resources, actors, distance,
                                             crs if crs.isValid() else None, feedback,
                                             context.transformContext())
        except PlanningError as error:
            raise QgsProcessingException(str(error)) from None
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields, challenges.wkbType(),
                                          challenges.crs())
        for attributes, geometry in rows:
            feature = QgsFeature(fields)
            feature.setAttributes(attributes)
            feature.setGeometry(geometry)
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return {"OUTPUT": dest}
