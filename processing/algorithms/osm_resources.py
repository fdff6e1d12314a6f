"""openterritory:osm_resources — OpenStreetMap resources of one category through Overpass."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
    QgsProcessingParameterVectorLayer,
)

from ...plugin.definitions import category_label
from ...plugin.sources.osm_presets import preset_categories
from ...plugin.sources.overpass import DEFAULT_TIMEOUT, OverpassSource, prepare_osm_layer
from ...plugin.toolbelt.errors import Cancelled, OpenTerritoryError
from ...plugin.toolbelt.i18n import tr
from ...plugin.toolbelt.layer_writer import atomic_output
from ...plugin.toolbelt.network import Transport
from ...plugin.toolbelt.settings import load_settings
from .base import OpenTerritoryAlgorithm
from .output_target import resolve_output


class CategoryStyle(QgsProcessingLayerPostProcessorInterface):
    """Prepares the loaded output as the dock does (`prepare_osm_layer`): the category's bundled style,
    the licence and attribution, and the query spec that offers "Refresh from OpenStreetMap"."""

    instances = []

    def __init__(self, spec):
        super().__init__()
        self.spec = spec

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        prepare_osm_layer(layer, self.spec)
        layer.triggerRepaint()

    @classmethod
    def create(cls, spec):
        instance = cls(spec)
        cls.instances.append(instance)  # Processing does not keep a Python reference
        return instance


def area_wkt_4326(layer, context) -> str:
    """The union of an area layer's polygons, reprojected to EPSG:4326, as WKT."""
    transform = QgsCoordinateTransform(
        layer.crs(), QgsCoordinateReferenceSystem("EPSG:4326"), context.transformContext()
    )
    parts = []
    for feature in layer.getFeatures():  # a territory boundary: a few features, not bulk data
        geometry = QgsGeometry(feature.geometry())
        if geometry.isEmpty():
            continue
        geometry.transform(transform)
        parts.append(geometry)
    if not parts:
        raise QgsProcessingException(tr("The area layer has no polygon") + f": {layer.name()}")
    return QgsGeometry.unaryUnion(parts).asWkt(7)


class OsmResourcesAlgorithm(OpenTerritoryAlgorithm):
    NAME = "osm_resources"
    GROUP = "sources"

    CATEGORY = "CATEGORY"
    EXTENT = "EXTENT"
    AREA = "AREA"
    SERVER = "SERVER"
    TIMEOUT = "TIMEOUT"
    OUTPUT = "OUTPUT"
    COUNT = "COUNT"

    def displayName(self):  # noqa: N802
        return self.tr("OpenStreetMap resources (Overpass)")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Loads the OpenStreetMap resources of one category (traffic signals, bicycle parking, charging "
            "stations, bus stops, car parks, cycleways, street lamps...) through the Overpass API, for an "
            "extent or the polygons of an area layer (the territory boundary). Signals, lamps, stops and "
            "sensors are points; cycleways are lines; car parks, bicycle parking, charging stations, "
            "bike-share stations and car sharing are points, areas being drawn as a point inside them. "
            "Useful tags are columns, the others are kept in other_tags. Server errors (timeout, memory, "
            "rate limit, busy server) stop the algorithm with a clear message; a partial reply is never "
            "written. Data © OpenStreetMap contributors, ODbL."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.categories = preset_categories()
        self.addParameter(
            self.help_param(
                QgsProcessingParameterEnum(
                    self.CATEGORY,
                    self.tr("Category"),
                    options=[category_label(c) for c in self.categories],
                    defaultValue=0,
                ),
                self.tr("The kind of resource; the values in order are:") + " " + ", ".join(self.categories),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterExtent(self.EXTENT, self.tr("Extent"), optional=True),
                self.tr(
                    "The area to cover, in any CRS (sent to the server in WGS 84); used when no area layer is given"
                ),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterVectorLayer(
                    self.AREA, self.tr("Area layer"), [QgsProcessing.TypeVectorPolygon], optional=True
                ),
                self.tr("Polygons to cover (for instance the territory boundary), in any CRS; replaces the extent"),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString(self.SERVER, self.tr("Overpass server"), optional=True, defaultValue=""),
                self.tr("Overpass interpreter URL (http or https); empty: the server chosen in the settings"),
                advanced=True,
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterNumber(
                    self.TIMEOUT,
                    self.tr("Timeout (seconds)"),
                    QgsProcessingParameterNumber.Integer,
                    DEFAULT_TIMEOUT,
                    minValue=1,
                    maxValue=3600,
                ),
                self.tr("Seconds the server may spend on the query; the request waits 30 s longer"),
                advanced=True,
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterVectorDestination(self.OUTPUT, self.tr("OpenStreetMap resources")),
                self.tr("Where to write the layer (a GeoPackage by default)"),
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, self.tr("Number of features")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        categories = preset_categories()
        index = self.parameterAsEnum(parameters, self.CATEGORY, context)
        if not 0 <= index < len(categories):
            raise QgsProcessingException(self.tr("Unknown category") + f": {index}")
        category = categories[index]
        spec = {
            "source": "overpass",
            "category": category,
            "server": self.parameterAsString(parameters, self.SERVER, context).strip()
            or load_settings().overpass_server,
            "timeout": self.parameterAsInt(parameters, self.TIMEOUT, context) or DEFAULT_TIMEOUT,
        }
        area = self.parameterAsVectorLayer(parameters, self.AREA, context)
        if area is not None:
            spec["area_wkt"] = area_wkt_4326(area, context)
        else:
            wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
            extent = self.parameterAsExtent(parameters, self.EXTENT, context, wgs84)
            if extent.isNull() or extent.isEmpty():
                raise QgsProcessingException(self.tr("Give an extent or an area layer"))
            spec["extent"] = [extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()]
        destination = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        target = resolve_output(destination, f"osm_{category}")
        source = OverpassSource(Transport(feedback=feedback))
        feedback.pushInfo(self.tr("Asking") + f" {spec['server']}")
        try:
            # A table of an existing GeoPackage replaces only that layer; a file output replaces the whole
            # file, as QGIS's own algorithms do (the source itself never leaves a half-written layer).
            if target.append or target.driver == "ESRI Shapefile":
                result = source.fetch(spec, target.path, target.layer, category, feedback, append=target.append)
            else:
                with atomic_output(target.path) as scratch:
                    result = source.fetch(spec, scratch, target.layer, category, feedback)
        except Cancelled:
            raise QgsProcessingException(self.tr("Cancelled")) from None
        except OpenTerritoryError as error:
            raise QgsProcessingException(str(error)) from None
        for warning in result.warnings:
            feedback.pushWarning(warning)
        feedback.pushInfo(f"{category}: {result.feature_count}")
        if context.willLoadLayerOnCompletion(destination):
            context.layerToLoadOnCompletionDetails(destination).setPostProcessor(CategoryStyle.create(spec))
        return {self.OUTPUT: target.result_value(), self.COUNT: result.feature_count}
