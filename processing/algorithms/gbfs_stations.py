"""openterritory:gbfs_stations — the stations of a GBFS shared-vehicle system with their live status."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
)

from ...plugin.sources.gbfs import GbfsSource
from ...plugin.toolbelt.errors import Cancelled, OpenTerritoryError
from ...plugin.toolbelt.layer_writer import atomic_output
from ...plugin.toolbelt.network import Transport
from .base import OpenTerritoryAlgorithm
from .output_target import resolve_output


class GbfsStationsAlgorithm(OpenTerritoryAlgorithm):
    NAME = "gbfs_stations"
    GROUP = "sources"
    KIND = "stations"

    FEED = "FEED"
    OUTPUT = "OUTPUT"
    COUNT = "COUNT"

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
        self.addParameter(
            self.help_param(
                QgsProcessingParameterVectorDestination(self.OUTPUT, self.output_label()),
                self.tr("Where to write the points (a GeoPackage by default)"),
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, self.tr("Number of features")))

    def output_label(self):
        return self.tr("Stations")

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        feed = self.parameterAsString(parameters, self.FEED, context).strip()
        target = resolve_output(self.parameterAsOutputLayer(parameters, self.OUTPUT, context), f"gbfs_{self.KIND}")
        source = GbfsSource(Transport(feedback=feedback))
        spec = {"source": "gbfs", "feed": feed, "kind": self.KIND}
        try:
            if target.append or target.driver == "ESRI Shapefile":
                result = source.fetch(spec, target.path, target.layer, None, feedback, append=target.append)
            else:
                with atomic_output(target.path) as scratch:
                    result = source.fetch(spec, scratch, target.layer, None, feedback)
        except Cancelled:
            raise QgsProcessingException(self.tr("Cancelled")) from None
        except OpenTerritoryError as error:
            raise QgsProcessingException(str(error)) from None
        feedback.pushInfo(f"{result.source}: {result.feature_count} ({result.licence})")
        for warning in result.warnings:
            feedback.pushWarning(warning)
        return {self.OUTPUT: target.result_value(), self.COUNT: result.feature_count}
