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
from ...plugin.sources.overpass import DEFAULT_TIMEOUT, OverpassSource, layer_name
from ...plugin.sources.overpass.presets import GEOMETRIES, preset_categories
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
    GEOMETRY = "GEOMETRY"
    TAGS = "TAGS"

    def displayName(self):  # noqa: N802
        return self.tr("OpenStreetMap resources (Overpass)")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Loads the OpenStreetMap resources of one category (traffic signals, bicycle parking, charging "
            "stations, bus stops, car parks, cycleways, street lamps...) through the Overpass API, for an "
            "extent or the polygons of an area layer (the territory boundary), or of your own tag conditions "
            "(advanced: amenity=parking, key=*, key~expression, joined by &). Signals, lamps, stops and "
            "sensors are points; cycleways are lines; car parks are polygons; bicycle parking, charging "
            "stations, bike-share stations and car sharing are points, areas being drawn as a point inside "
            "them; the advanced Geometry parameter chooses points or polygons for them. Lines and areas the "
            "server found but that could not be drawn are counted in a warning. Useful tags are columns, the "
            "others are kept in other_tags. Server errors (timeout, memory, rate limit, busy server) stop the "
            "algorithm with a clear message; a partial reply is never written. Data © OpenStreetMap "
            "contributors, ODbL."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.categories = preset_categories()
        self.addParameter(
            self.help_param(
                QgsProcessingParameterEnum(
                    self.CATEGORY,
                    self.tr("Category"),
                    options=[category_label(c) for c in self.categories],
                    optional=True,
                ),
                self.tr("The kind of resource; the values in order are:")
                + " "
                + ", ".join(self.categories)
                + ". "
                + self.tr("With tag conditions, the category the layer is written under (other when not chosen)"),
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
                QgsProcessingParameterEnum(
                    self.GEOMETRY,
                    self.tr("Geometry"),
                    options=[self.tr("Points"), self.tr("Polygons"), self.tr("Lines")],
                    optional=True,
                ),
                self.tr(
                    "How the features are drawn: points (areas as a point inside them), polygons (the areas; "
                    "what is mapped as a point is left out and counted) or lines; empty: the category's own "
                    "(car parks as polygons, the others as points). Signals, lamps, stops and sensors stay "
                    "points, cycleways lines. The values in order are:"
                )
                + " "
                + ", ".join(GEOMETRIES),
                advanced=True,
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString(self.TAGS, self.tr("Own tag conditions"), optional=True, defaultValue=""),
                self.tr(
                    "Instead of the category's preset: key=value, key=*, key!=value or key~expression, "
                    "several joined by & (all must hold), for instance amenity=parking & fee=no"
                ),
                advanced=True,
            )
        )
        self.add_output(
            self.tr("OpenStreetMap resources"), self.tr("Where to write the layer (a GeoPackage by default)")
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        tags = self.parameterAsString(parameters, self.TAGS, context).strip()
        category = self.chosen(parameters, self.CATEGORY, preset_categories(), context)
        if category is None and not tags:
            raise QgsProcessingException(self.tr("Choose a category or give tag conditions"))
        spec = {
            "source": "overpass",
            "category": category or "other",
            "server": self.parameterAsString(parameters, self.SERVER, context).strip()
            or load_settings().overpass_server,
            "timeout": self.parameterAsInt(parameters, self.TIMEOUT, context) or DEFAULT_TIMEOUT,
            **self.coverage(parameters, context),
        }
        geometry = self.chosen(parameters, self.GEOMETRY, GEOMETRIES, context)
        if geometry:
            spec["geometry"] = geometry
        if tags:
            spec["tags"] = tags
        feedback.pushInfo(self.tr("Asking") + f" {spec['server']}")
        source = OverpassSource(Transport(feedback=feedback))
        return self.load(source, spec, layer_name(spec), spec["category"], parameters, context, feedback)

    def chosen(self, parameters: dict, name: str, values: list, context: QgsProcessingContext) -> str | None:
        """The value of an optional enum parameter, None when it was not given."""
        if parameters.get(name) is None:
            return None
        index = self.parameterAsEnum(parameters, name, context)
        if not 0 <= index < len(values):
            raise QgsProcessingException(self.tr("Unknown value") + f" {name}: {index}")
        return values[index]

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
