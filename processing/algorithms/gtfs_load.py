"""openterritory:gtfs_load — a GTFS network: its stops with their level of service, and its routes."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ...plugin.profiles.styles import save_styles
from ...plugin.sources.gtfs import NETWORK_CATEGORIES, NETWORK_LAYERS, GtfsSource
from ...plugin.toolbelt.errors import Cancelled, OpenTerritoryError
from ...plugin.toolbelt.network import Transport
from .resource_load import SourceLoadAlgorithm


class GtfsLoadAlgorithm(SourceLoadAlgorithm):
    NAME = "gtfs_load"

    FEED = "FEED"
    EXTENT = "EXTENT"
    DATE = "DATE"
    LICENCE = "LICENCE"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return self.tr("GTFS public transport network")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Loads a GTFS network (the zip every French network publishes on transport.data.gouv.fr) for one "
            "service day into a GeoPackage with two layers. Stops: every stop with its parent station, "
            "wheelchair boarding, the routes stopping there, its departures that day, its departures "
            "between 7 and 9 h and the mean time between them (120 minutes divided by those departures). "
            "Routes: one line per route and direction running that day, drawn from shapes.txt (the shape "
            "most of its trips use) or through the stops of its most frequent trip, with its type, names, "
            "colours and trips that day. Times past 24:00:00 belong to the service day of their trip; "
            "frequencies.txt is expanded; a feed given by calendar_dates.txt alone is read as well. The "
            "feed is read in one streaming pass, so a network the size of Île-de-France's loads in seconds "
            "and in bounded memory. Rows that cannot be used (stops without coordinates, stop times naming "
            "unknown stops or trips) are left out and reported."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString(self.FEED, self.tr("GTFS feed (URL or path of the zip)")),
                self.tr(
                    "The URL of the network's GTFS zip (its transport.data.gouv.fr resource, for instance) or the "
                    "path of a GTFS zip on disk"
                ),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterExtent(self.EXTENT, self.tr("Extent"), optional=True),
                self.tr("Keep the stops inside this extent and the routes crossing it (default: the whole network)"),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterDateTime(
                    self.DATE, self.tr("Service day"), QgsProcessingParameterDateTime.Date, optional=True
                ),
                self.tr(
                    "The day whose service is counted; empty: the next weekday (today included) with service "
                    "within the feed's validity"
                ),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString(self.LICENCE, self.tr("Licence of the dataset"), optional=True),
                self.tr(
                    "The licence the dataset's catalog states (ODbL, Licence Ouverte...), written in the "
                    "'licence' field; empty: the feed's own statement, if any"
                ),
                advanced=True,
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterFileDestination(
                    self.OUTPUT, self.tr("Network GeoPackage"), self.tr("GeoPackage (*.gpkg)")
                ),
                self.tr(
                    "The GeoPackage to write (layers transit_stops and transit_routes, styled); an existing "
                    "file is replaced only when the load succeeds"
                ),
            )
        )
        self.addOutput(QgsProcessingOutputVectorLayer("STOPS", self.tr("Stops")))
        self.addOutput(QgsProcessingOutputVectorLayer("ROUTES", self.tr("Routes")))
        self.addOutput(QgsProcessingOutputString("SERVICE_DATE", self.tr("Service day")))
        self.addOutput(QgsProcessingOutputNumber("STOP_COUNT", self.tr("Number of stops")))
        self.addOutput(QgsProcessingOutputNumber("ROUTE_COUNT", self.tr("Number of routes (per direction)")))

    def network_spec(self, parameters: dict, context: QgsProcessingContext) -> dict:
        """The gtfs source's spec of the parameters (the spec a profile entry writes)."""
        spec = {"source": "gtfs", "feed": self.parameterAsString(parameters, self.FEED, context).strip()}
        extent = self.extent_wgs84(parameters, self.EXTENT, context)
        if extent:
            spec["extent"] = extent
        day = self.parameterAsDateTime(parameters, self.DATE, context)
        if parameters.get(self.DATE) not in (None, "") and day.isValid():
            spec["date"] = day.date().toString("yyyy-MM-dd")
        licence = self.parameterAsString(parameters, self.LICENCE, context).strip()
        if licence:
            spec["licence"] = licence
        return spec

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        spec = self.network_spec(parameters, context)
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not output.lower().endswith(".gpkg"):
            output += ".gpkg"
        source = GtfsSource(Transport(feedback=feedback))
        try:
            # The styles are saved in the GeoPackage, so that it opens styled anywhere.
            stops, routes, network = source.write_network_file(
                spec, output, feedback, lambda path: save_styles(path, NETWORK_CATEGORIES)
            )
        except Cancelled:
            raise QgsProcessingException(self.tr("The load was cancelled")) from None
        except OpenTerritoryError as error:
            raise QgsProcessingException(str(error)) from None
        self.report(stops, feedback)
        feedback.pushInfo(self.tr("Routes (per direction)") + f": {routes.feature_count}")
        layers = {}
        for key, layer_name in zip(("STOPS", "ROUTES"), NETWORK_LAYERS):
            layers[key] = f"{output}|layername={layer_name}"
            context.addLayerToLoadOnCompletion(
                layers[key], QgsProcessingContext.LayerDetails(layer_name, context.project(), key)
            )
        return {
            self.OUTPUT: output,
            "STOPS": layers["STOPS"],
            "ROUTES": layers["ROUTES"],
            "SERVICE_DATE": network.service_date.isoformat(),
            "STOP_COUNT": stops.feature_count,
            "ROUTE_COUNT": routes.feature_count,
        }
