"""openterritory:gtfs_vehicles — where the vehicles of a GTFS-RT VehiclePositions feed are now."""

from __future__ import annotations

from qgis.core import QgsProcessingParameterString

from ...plugin.sources.gtfs import GtfsSource
from ...plugin.toolbelt.network import Transport
from .resource_load import SourceLoadAlgorithm


class GtfsVehiclesAlgorithm(SourceLoadAlgorithm):
    NAME = "gtfs_vehicles"

    FEED = "FEED"

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
        self.add_output(self.tr("Vehicles"), self.tr("Where to write the points (a GeoPackage by default)"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        feed = self.parameterAsString(parameters, self.FEED, context).strip()
        spec = {"source": "gtfs", "feed": feed, "kind": "vehicles"}
        source = GtfsSource(Transport(feedback=feedback))
        return self.load(source, spec, "public_vehicles", None, parameters, context, feedback)
