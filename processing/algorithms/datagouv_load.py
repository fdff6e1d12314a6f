"""openterritory:datagouv_load — one data.gouv.fr resource as a layer."""

from __future__ import annotations

import os
import re

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
)

from ...plugin.definitions import CATEGORIES, category_label
from ...plugin.sources.base import SourceError
from ...plugin.sources.datagouv import DEFAULT_SERVER, DatagouvSource, dataset_ref
from ...plugin.toolbelt.layer_writer import WriteCancelled
from ...plugin.toolbelt.network import CancelledError, Transport
from .base import OpenTerritoryAlgorithm

OGR_URI = re.compile(r"^ogr:dbname='(?P<path>(?:[^']|'')+)'\s+table=\"(?P<table>(?:[^\"]|\"\")+)\"")


def layer_name_for(text: str) -> str:
    name = re.sub(r"[^\w-]+", "_", text or "", flags=re.UNICODE).strip("_")[:60]
    return name or "datagouv"


def output_target(destination: str, default_layer: str) -> tuple:
    """(path, layer name, append, OUTPUT value) for a Processing destination: a path (TEMPORARY_OUTPUT
    included: it gets .gpkg), another extension, or an `ogr:dbname='...' table="..."` GeoPackage layer."""
    match = OGR_URI.match(destination or "")
    if match:
        path = match.group("path").replace("''", "'")
        table = match.group("table").replace('""', '"')
        return path, table, os.path.exists(path), f"{path}|layername={table}"
    path = destination
    extension = os.path.splitext(path)[1].lower()
    if not extension:
        path += ".gpkg"
        extension = ".gpkg"
    layer = default_layer if extension == ".gpkg" else os.path.splitext(os.path.basename(path))[0]
    return path, layer, False, path


class DatagouvLoadAlgorithm(OpenTerritoryAlgorithm):
    NAME = "datagouv_load"
    GROUP = "sources"

    DATASET = "DATASET"
    RESOURCE = "RESOURCE"
    SERVER = "SERVER"
    NAME_FIELD = "NAME_FIELD"
    CATEGORY = "CATEGORY"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return self.tr("Load a data.gouv.fr resource")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Loads one resource of a data.gouv.fr dataset as a layer: GeoJSON, zipped shapefile (extracted "
            "safely), GeoPackage, KML or CSV with coordinates. French CSVs are read as they come: ';' or ',' "
            "separators, UTF-8 with or without BOM or Windows-1252, decimal commas, coordinates in lat/lon "
            "columns or in one 'lat,lon' column. Without a resource, the dataset's best geographic resource "
            "is taken (GeoJSON first). The layer carries the common fields (category, name, source, "
            "source_dataset, licence, fetched_at) beside the resource's own; the licence is the dataset's. "
            "A download larger than the size set in the plugin options is reported as a warning."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString(self.DATASET, self.tr("Dataset (id or slug)")),
                self.tr(
                    "The dataset's id or slug, as in https://www.data.gouv.fr/fr/datasets/<slug>/ (the page "
                    "URL works too)"
                ),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString(self.RESOURCE, self.tr("Resource (id or title)"), optional=True),
                self.tr(
                    "The resource's id or exact title; empty: the best geographic resource of the dataset"
                ),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString(self.SERVER, self.tr("Server"), defaultValue=DEFAULT_SERVER),
                self.tr("Base URL of the udata portal (data.gouv.fr or another udata instance)"),
                advanced=True,
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString(self.NAME_FIELD, self.tr("Name field"), optional=True),
                self.tr("The resource field copied into the common 'name' field"),
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
                QgsProcessingParameterVectorDestination(self.OUTPUT, self.tr("Loaded resource")),
                self.tr(
                    "Where to write the layer (a GeoPackage by default); an existing file is replaced only "
                    "when the load succeeds"
                ),
            )
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        dataset = self.parameterAsString(parameters, self.DATASET, context).strip()
        if not dataset:
            raise QgsProcessingException(self.tr("Give the data.gouv.fr dataset (id or slug)"))
        spec = {"source": "datagouv", "dataset": dataset}
        resource = self.parameterAsString(parameters, self.RESOURCE, context).strip()
        if resource:
            spec["resource"] = resource
        server = self.parameterAsString(parameters, self.SERVER, context).strip()
        if server:
            spec["server"] = server
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context).strip()
        if name_field:
            spec["name_field"] = name_field
        category = CATEGORIES[self.parameterAsEnum(parameters, self.CATEGORY, context)]
        destination = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        path, layer_name, append, output = output_target(destination, layer_name_for(dataset_ref(dataset)))

        source = DatagouvSource(Transport(feedback=feedback))
        try:
            result = source.fetch(spec, path, layer_name, category, feedback=feedback, append=append)
        except (CancelledError, WriteCancelled):
            raise QgsProcessingException(self.tr("The load was cancelled")) from None
        except SourceError as error:
            raise QgsProcessingException(str(error)) from None
        for warning in result.warnings:
            feedback.reportError(warning, False)
        feedback.pushInfo(self.tr("Features written") + f": {result.feature_count}")
        feedback.pushInfo(self.tr("Licence") + f": {result.licence or self.tr('not stated')}")
        if context.willLoadLayerOnCompletion(destination):
            context.layerToLoadOnCompletionDetails(destination).name = layer_name
        return {self.OUTPUT: output}
