"""openterritory:datagouv_load — one data.gouv.fr resource as a layer."""

from __future__ import annotations

from qgis.core import QgsProcessingException, QgsProcessingParameterString

from ...plugin.sources.datagouv import DEFAULT_SERVER, DatagouvSource, dataset_ref
from ...plugin.toolbelt.network import Transport
from .resource_load import ResourceLoadAlgorithm


class DatagouvLoadAlgorithm(ResourceLoadAlgorithm):
    NAME = "datagouv_load"
    GROUP = "sources"

    DATASET = "DATASET"
    RESOURCE = "RESOURCE"
    SERVER = "SERVER"

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
                self.tr("The resource's id or exact title; empty: the best geographic resource of the dataset"),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString(self.SERVER, self.tr("Server"), defaultValue=DEFAULT_SERVER),
                self.tr("Base URL of the udata portal (data.gouv.fr or another udata instance)"),
                advanced=True,
            )
        )
        self.add_load_parameters(
            self.tr("The resource field copied into the common 'name' field"), self.tr("Loaded resource")
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
        source = DatagouvSource(Transport(feedback=feedback))
        return self.load_resource(source, spec, dataset_ref(dataset), parameters, context, feedback)
