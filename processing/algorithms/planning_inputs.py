"""The inputs the planning algorithms share: the register's challenges and actors, the resource layers
and the search distance, with the same names and help everywhere."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterDistance,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterVectorLayer,
)

from .base import OpenTerritoryAlgorithm


class PlanningAlgorithm(OpenTerritoryAlgorithm):
    GROUP = "planning"

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
