"""openterritory:gtfs_vehicles — where the vehicles of a GTFS-RT VehiclePositions feed are now."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
)

from ...plugin.sources.gtfs import GtfsSource
from ...plugin.toolbelt.errors import Cancelled, OpenTerritoryError
from ...plugin.toolbelt.layer_writer import LayerWriteError, atomic_output
from ...plugin.toolbelt.network import Transport
from .base import OpenTerritoryAlgorithm
from .output_target import resolve_output


class GtfsVehiclesAlgorithm(OpenTerritoryAlgorithm):
    NAME = "gtfs_vehicles"
    GROUP = "sources"

    FEED = "FEED"
    OUTPUT = "OUTPUT"
    COUNT = "COUNT"

    def displayName(self):  # noqa: N802
        return self.tr("GTFS-RT vehicle positions")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Loads where the vehicles of a public transport network are now, from its GTFS-RT VehiclePositions "
            "feed (a protobuf message, often published beside the GTFS on transport.data.gouv.fr): one point "
            "per vehicle with its id and label, the trip and route it serves, the stop it is at or heading "
            "to, its bearing, its speed (m/s and km/h) and the time of its position. Vehicles without a "
            "usable position are left out and counted. The Resources panel can refresh such a layer "
            "periodically."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString(self.FEED, self.tr("GTFS-RT feed (VehiclePositions URL)")),
                self.tr("The URL of the network's GTFS-RT VehiclePositions feed, or the path of a recorded reply"),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterVectorDestination(self.OUTPUT, self.tr("Vehicles")),
                self.tr("Where to write the points (a GeoPackage by default)"),
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, self.tr("Number of features")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        feed = self.parameterAsString(parameters, self.FEED, context).strip()
        target = resolve_output(self.parameterAsOutputLayer(parameters, self.OUTPUT, context), "public_vehicles")
        source = GtfsSource(Transport(feedback=feedback))
        spec = {"source": "gtfs", "feed": feed, "kind": "vehicles"}
        try:
            if target.append or target.driver == "ESRI Shapefile":
                result = source.fetch(spec, target.path, target.layer, None, feedback, append=target.append)
            else:
                with atomic_output(target.path) as scratch:
                    result = source.fetch(spec, scratch, target.layer, None, feedback)
        except Cancelled:
            raise QgsProcessingException(self.tr("Cancelled")) from None
        except (OpenTerritoryError, LayerWriteError) as error:
            raise QgsProcessingException(str(error)) from None
        feedback.pushInfo(f"{result.source} {result.dataset}: {result.feature_count}")
        for warning in result.warnings:
            feedback.pushWarning(warning)
        return {self.OUTPUT: target.result_value(), self.COUNT: result.feature_count}
