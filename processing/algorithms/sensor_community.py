"""openterritory:sensor_community — citizen sensors of sensor.community with their latest readings."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingParameterExtent,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
)

from ...plugin.sources.sensor_community import (
    DEFAULT_SERVER,
    KNOWN_TYPES,
    SensorCommunitySource,
    apply_default_style,
)
from ...plugin.toolbelt.errors import Cancelled, OpenTerritoryError
from ...plugin.toolbelt.layer_writer import atomic_output
from ...plugin.toolbelt.network import Transport
from .base import OpenTerritoryAlgorithm
from .output_target import resolve_output


class SensorStyle(QgsProcessingLayerPostProcessorInterface):
    """Gives the loaded output the bundled PM2.5 style."""

    instance = None

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        apply_default_style(layer)

    @classmethod
    def create(cls):
        cls.instance = cls()  # Processing does not keep a Python reference
        return cls.instance


class SensorCommunityAlgorithm(OpenTerritoryAlgorithm):
    NAME = "sensor_community"
    GROUP = "sources"

    EXTENT = "EXTENT"
    SENSOR_TYPES = "SENSOR_TYPES"
    SERVER = "SERVER"
    OUTPUT = "OUTPUT"
    COUNT = "COUNT"

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
        self.addParameter(
            self.help_param(
                QgsProcessingParameterVectorDestination(self.OUTPUT, self.tr("Sensors")),
                self.tr("Where to write the points (a GeoPackage by default)"),
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, self.tr("Number of features")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
        extent = self.parameterAsExtent(parameters, self.EXTENT, context, wgs84)
        if extent.isNull() or extent.isEmpty():
            raise QgsProcessingException(self.tr("The extent is empty"))
        types = self.parameterAsString(parameters, self.SENSOR_TYPES, context)
        server = self.parameterAsString(parameters, self.SERVER, context) or DEFAULT_SERVER
        destination = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        target = resolve_output(destination, "sensor_community")
        spec = {
            "source": "sensor_community",
            "types": types,
            "server": server,
            "extent": [extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()],
        }
        source = SensorCommunitySource(Transport(feedback=feedback))
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
        feedback.pushInfo(f"{result.url}: {result.feature_count}")
        for warning in result.warnings:
            feedback.pushWarning(warning)
        if context.willLoadLayerOnCompletion(destination):
            context.layerToLoadOnCompletionDetails(destination).setPostProcessor(SensorStyle.create())
        return {self.OUTPUT: target.result_value(), self.COUNT: result.feature_count}
