"""openterritory:sensor_community — citizen sensors of sensor.community with their latest readings."""

from __future__ import annotations

from qgis.core import QgsProcessingException, QgsProcessingParameterExtent, QgsProcessingParameterString

from ...plugin.sources.sensor_community import (
    DEFAULT_SERVER,
    KNOWN_TYPES,
    SensorCommunitySource,
)
from ...plugin.toolbelt.network import Transport
from .resource_load import SourceLoadAlgorithm


class SensorCommunityAlgorithm(SourceLoadAlgorithm):
    NAME = "sensor_community"

    EXTENT = "EXTENT"
    SENSOR_TYPES = "SENSOR_TYPES"
    SERVER = "SERVER"

    def displayName(self):  # noqa: N802
        return self.tr("sensor.community citizen sensors")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Loads the citizen air-quality and noise sensors of sensor.community in an extent, one point "
            "per location with the latest value of each measure (PM10, PM2.5, temperature, humidity, "
            "pressure, noise), indoor sensors flagged. The readings of the last five minutes are asked; "
            "a sensor that reported several times keeps its latest reading. Data: sensor.community, "
            "ODbL. The layer is styled on PM2.5 with the European Air Quality Index bands."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            self.help_param(
                QgsProcessingParameterExtent(self.EXTENT, self.tr("Extent")),
                self.tr("The area to cover, in any CRS (it is sent to the server in WGS 84 as a box)"),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString(self.SENSOR_TYPES, self.tr("Sensor types"), optional=True),
                self.tr(
                    "Comma-separated sensor types to keep, for instance SDS011,BME280; empty: every type. Common types:"
                )
                + " "
                + ", ".join(KNOWN_TYPES),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString(self.SERVER, self.tr("Server"), defaultValue=DEFAULT_SERVER),
                self.tr("Base URL of the sensor.community data API (http or https)"),
                advanced=True,
            )
        )
        self.add_output(self.tr("Sensors"), self.tr("Where to write the points (a GeoPackage by default)"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        extent = self.extent_wgs84(parameters, self.EXTENT, context)
        if not extent:
            raise QgsProcessingException(self.tr("The extent is empty"))
        spec = {
            "source": "sensor_community",
            "types": self.parameterAsString(parameters, self.SENSOR_TYPES, context),
            "server": self.parameterAsString(parameters, self.SERVER, context) or DEFAULT_SERVER,
            "extent": extent,
        }
        source = SensorCommunitySource(Transport(feedback=feedback))
        return self.load(source, spec, "sensor_community", None, parameters, context, feedback)
