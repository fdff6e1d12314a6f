"""openterritory:osm_resources — OpenStreetMap resources of one category through Overpass."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ...plugin.definitions import category_label
from ...plugin.sources.overpass import DEFAULT_TIMEOUT, OverpassSource
from ...plugin.sources.overpass.presets import preset_categories
from ...plugin.toolbelt.coverage import area_wkt
from ...plugin.toolbelt.i18n import tr
from ...plugin.toolbelt.network import Transport
from ...plugin.toolbelt.settings import load_settings
from .resource_load import SourceLoadAlgorithm

if TYPE_CHECKING:  # names used in annotations only
    from qgis.core import QgsProcessingContext


class OsmResourcesAlgorithm(SourceLoadAlgorithm):
    NAME = "osm_resources"

    CATEGORY = "CATEGORY"
    EXTENT = "EXTENT"
    AREA = "AREA"
    SERVER = "SERVER"
    TIMEOUT = "TIMEOUT"

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
        self.add_output(
            self.tr("OpenStreetMap resources"), self.tr("Where to write the layer (a GeoPackage by default)")
        )

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
            **self.coverage(parameters, context),
        }
        feedback.pushInfo(self.tr("Asking") + f" {spec['server']}")
        source = OverpassSource(Transport(feedback=feedback))
        return self.load(source, spec, f"osm_{category}", category, parameters, context, feedback)

    def coverage(self, parameters: dict, context: QgsProcessingContext) -> dict:
        """{"area_wkt": ...} from the area layer, else {"extent": ...}."""
        area = self.parameterAsVectorLayer(parameters, self.AREA, context)
        if area is not None:
            wkt = area_wkt(area, context.transformContext())
            if not wkt:
                raise QgsProcessingException(tr("The area layer has no polygon") + f": {area.name()}")
            return {"area_wkt": wkt}
        extent = self.extent_wgs84(parameters, self.EXTENT, context)
        if not extent:
            raise QgsProcessingException(self.tr("Give an extent or an area layer"))
        return {"extent": extent}
