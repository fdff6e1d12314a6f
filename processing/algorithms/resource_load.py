"""What every algorithm loading a source's resource as a layer shares: the OUTPUT and COUNT it declares,
the extent parameter read in EPSG:4326, and one ending: the fetch through the layer writer, its errors
turned into Processing messages, its warnings, count and licence in the log, the loaded layer named and
prepared as its source declares (style, attribution), as the dock prepares it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import (
    QgsFeedback,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
)

from ...plugin.definitions import CATEGORIES, category_label
from ...plugin.sources.base import FetchResult
from ...plugin.toolbelt.coverage import WGS84, extent_bbox
from ...plugin.toolbelt.errors import Cancelled, OpenTerritoryError
from ...plugin.toolbelt.layer_writer import FILE, POSTGRES, OutputTarget, resolve_target, safe_name
from .base import OpenTerritoryAlgorithm

if TYPE_CHECKING:  # names used in annotations only
    from typing import Callable

    from qgis.core import QgsProcessingContext

    from ...plugin.sources.base import Source


class PreparedLayer(QgsProcessingLayerPostProcessorInterface):
    """Prepares the loaded output as the dock does: `prepare(layer, spec)`, the source's declared preparation."""

    instances = []  # Processing does not keep a Python reference

    def __init__(self, prepare, spec: dict):
        super().__init__()
        self.prepare, self.spec = prepare, spec

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        self.prepare(layer, self.spec)
        layer.triggerRepaint()

    @classmethod
    def create(cls, prepare: Callable, spec: dict) -> PreparedLayer:
        instance = cls(prepare, spec)
        cls.instances.append(instance)
        return instance


def output_value(target: OutputTarget) -> str:
    """What OUTPUT returns, as QGIS's own algorithms do: a whole file as the file, a layer of a GeoPackage as its
    URI, a PostGIS table as `postgres://<data source>`, which Processing opens with QGIS's "postgres" provider."""
    if target.mode == POSTGRES:
        return f"postgres://{target.uri()}"
    return target.path if target.mode == FILE else target.uri()


class SourceLoadAlgorithm(OpenTerritoryAlgorithm):
    """Subclasses add their parameters, then `add_output`, and end processAlgorithm with `load`."""

    OUTPUT = "OUTPUT"
    COUNT = "COUNT"
    GROUP = "sources"

    def add_output(self, description: str, help_text: str) -> None:
        """OUTPUT (any file QGIS writes, a layer of a GeoPackage, or a PostGIS table) and COUNT."""
        help_text += ". " + self.tr(
            "Or a table of a PostGIS database, through a saved QGIS connection: "
            "postgres:<connection>/<schema>/<table>, replaced in one transaction when the load succeeds"
        )
        self.addParameter(self.help_param(QgsProcessingParameterVectorDestination(self.OUTPUT, description), help_text))
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, self.tr("Number of features")))

    def extent_wgs84(self, parameters: dict, name: str, context: QgsProcessingContext) -> list:
        """[xmin, ymin, xmax, ymax] in EPSG:4326 of an extent parameter, None when it is not given or empty."""
        if parameters.get(name) is None:
            return None
        return extent_bbox(self.parameterAsExtent(parameters, name, context, WGS84))

    def load(
        self,
        source: Source,
        spec: dict,
        layer_hint: str,
        category: str | None,
        parameters: dict,
        context: QgsProcessingContext,
        feedback: QgsFeedback | None,
    ) -> dict:
        """Fetch `spec` through `source` into OUTPUT (a GeoPackage's layer named after `layer_hint`), and end
        the algorithm: Cancelled gives the cancelled message, any other failure its own sentence."""
        destination = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        try:
            target = resolve_target(destination, safe_name(layer_hint, spec.get("source") or "layer"))
            result = source.fetch(spec, target, category, feedback)
        except Cancelled:
            raise QgsProcessingException(self.tr("The load was cancelled")) from None
        except OpenTerritoryError as error:
            raise QgsProcessingException(str(error)) from None
        self.report(result, feedback)
        value = output_value(target)
        if context.willLoadLayerOnCompletion(destination):
            layers = context.layersToLoadOnCompletion()
            details = layers.pop(destination)
            details.name = target.layer
            prepare = source.DECLARATION.prepare_layer
            if prepare is not None:
                details.setPostProcessor(PreparedLayer.create(prepare, spec))
            layers[value] = details  # a PostGIS table is loaded from its data source, not from `postgres:...`
            context.setLayersToLoadOnCompletion(layers)
        return {self.OUTPUT: value, self.COUNT: result.feature_count}

    def report(self, result: FetchResult, feedback: QgsFeedback | None) -> None:
        for warning in result.warnings:
            feedback.pushWarning(warning)
        feedback.pushInfo(self.tr("Features written") + f": {result.feature_count}")
        feedback.pushInfo(self.tr("Licence") + f": {result.licence or self.tr('not stated')}")


class ResourceLoadAlgorithm(SourceLoadAlgorithm):
    """The catalog sources' algorithms (Opendatasoft, data.gouv.fr, RUDI): a name field and a category."""

    NAME_FIELD = "NAME_FIELD"
    CATEGORY = "CATEGORY"

    def add_load_parameters(self, name_field_help: str, output_description: str) -> None:
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString(self.NAME_FIELD, self.tr("Name field"), optional=True),
                name_field_help,
                advanced=True,
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterEnum(
                    self.CATEGORY,
                    self.tr("Category"),
                    options=[category_label(key) for key in CATEGORIES],
                    defaultValue=CATEGORIES.index("other"),
                ),
                self.tr("Resource category written in the 'category' field"),
                advanced=True,
            )
        )
        self.add_output(
            output_description,
            self.tr(
                "Where to write the layer (a GeoPackage by default); an existing file is replaced only "
                "when the load succeeds"
            ),
        )

    def load_resource(
        self,
        source: Source,
        spec: dict,
        layer_hint: str,
        parameters: dict,
        context: QgsProcessingContext,
        feedback: QgsFeedback | None,
    ) -> dict:
        """`load` with the name field and the category chosen in the parameters."""
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context).strip()
        if name_field:
            spec["name_field"] = name_field
        category = CATEGORIES[self.parameterAsEnum(parameters, self.CATEGORY, context)]
        return self.load(source, spec, layer_hint, category, parameters, context, feedback)
