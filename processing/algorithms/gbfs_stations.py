"""openterritory:gbfs_stations — the stations of a GBFS shared-vehicle system with their live status."""

from __future__ import annotations

from qgis.core import QgsProcessingParameterString

from ...plugin.sources.gbfs import GbfsSource
from ...plugin.toolbelt.network import Transport
from .resource_load import SourceLoadAlgorithm


class GbfsStationsAlgorithm(SourceLoadAlgorithm):
    NAME = "gbfs_stations"
    KIND = "stations"

    FEED = "FEED"

    def displayName(self):  # noqa: N802
        return self.tr("GBFS shared-vehicle stations")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Loads the stations of a shared-vehicle system (bike share, car sharing...) published in GBFS "
            "1.x, 2.x or 3.0: station_information joined with station_status, so every station carries "
            "its available vehicles and docks, whether it is installed, renting and returning, and the "
            "time of its last report. The category is car_sharing when the system only has cars, "
            "bike_share_station otherwise; the licence comes from the system's information when it "
            "publishes one. The dock lists the French systems and can refresh the status periodically."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString(self.FEED, self.tr("GBFS feed (gbfs.json URL)")),
                self.tr(
                    "The URL of the system's auto-discovery file gbfs.json, for instance "
                    "https://velib-metropole-opendata.smovengo.cloud/opendata/Velib_Metropole/gbfs.json"
                ),
            )
        )
        self.add_output(self.output_label(), self.tr("Where to write the points (a GeoPackage by default)"))

    def output_label(self) -> str:
        return self.tr("Stations")

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        feed = self.parameterAsString(parameters, self.FEED, context).strip()
        spec = {"source": "gbfs", "feed": feed, "kind": self.KIND}
        source = GbfsSource(Transport(feedback=feedback))
        return self.load(source, spec, f"gbfs_{self.KIND}", None, parameters, context, feedback)
