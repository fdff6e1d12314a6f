"""What the algorithms loading one portal resource as a layer share: the name field, category and
output parameters, and the fetch with its errors turned into Processing messages."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
)

from ...plugin.definitions import CATEGORIES, category_label
from ...plugin.toolbelt.errors import Cancelled, OpenTerritoryError
from .base import OpenTerritoryAlgorithm
from .output_target import layer_name_for, resolve_output


class ResourceLoadAlgorithm(OpenTerritoryAlgorithm):
    NAME_FIELD = "NAME_FIELD"
    CATEGORY = "CATEGORY"
    OUTPUT = "OUTPUT"

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
        self.addParameter(
            self.help_param(
                QgsProcessingParameterVectorDestination(self.OUTPUT, output_description),
                self.tr(
                    "Where to write the layer (a GeoPackage by default); an existing file is replaced only "
                    "when the load succeeds"
                ),
            )
        )

    def load(self, source, spec: dict, layer_hint: str, parameters, context, feedback) -> dict:
        """Fetch `spec` through `source` into OUTPUT; `layer_hint` names the GeoPackage layer."""
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context).strip()
        if name_field:
            spec["name_field"] = name_field
        category = CATEGORIES[self.parameterAsEnum(parameters, self.CATEGORY, context)]
        destination = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        target = resolve_output(destination, layer_name_for(layer_hint, spec.get("source") or "layer"))
        try:
            result = source.fetch(spec, target.path, target.layer, category, feedback=feedback, append=target.append)
        except Cancelled:
            raise QgsProcessingException(self.tr("The load was cancelled")) from None
        except OpenTerritoryError as error:
            raise QgsProcessingException(str(error)) from None
        for warning in result.warnings:
            feedback.reportError(warning, False)
        feedback.pushInfo(self.tr("Features written") + f": {result.feature_count}")
        feedback.pushInfo(self.tr("Licence") + f": {result.licence or self.tr('not stated')}")
        if context.willLoadLayerOnCompletion(destination):
            context.layerToLoadOnCompletionDetails(destination).name = target.layer
        return {self.OUTPUT: target.result_value()}
