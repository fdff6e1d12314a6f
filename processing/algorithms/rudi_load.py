"""openterritory:rudi_load — one resource of a RUDI producer node (Rennes Urban Data Interface) as a layer."""

from __future__ import annotations

from qgis.core import QgsProcessingException, QgsProcessingParameterString

from ...plugin.sources.rudi import RudiSource
from ...plugin.toolbelt.network import Transport
from .resource_load import ResourceLoadAlgorithm


class RudiLoadAlgorithm(ResourceLoadAlgorithm):
    NAME = "rudi_load"
    GROUP = "sources"

    NODE = "NODE"
    RESOURCE = "RESOURCE"

    def displayName(self):  # noqa: N802
        return self.tr("Load a RUDI resource")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Loads one resource of a RUDI producer node (Rennes Urban Data Interface) as a layer. The node's "
            "metadata gives the files of the resource; the best file GDAL can read is taken (GeoJSON first, "
            "then GeoPackage, zipped shapefile, KML, JSON records or CSV with coordinates). The layer carries "
            "the common fields (category, name, source, source_dataset, licence, fetched_at) beside the "
            "file's own; the licence is the one the node states. Resources without a loadable file are "
            "reported with the formats they offer."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString(self.NODE, self.tr("Producer node (base URL)")),
                self.tr(
                    "Base URL of the RUDI producer node, for example https://<node>/ (the URL of its "
                    "/api/v1/resources listing works too)"
                ),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString(self.RESOURCE, self.tr("Resource (global_id)")),
                self.tr("The resource's global_id, as listed in the node's catalog (the RUDI panel shows it)"),
            )
        )
        self.add_load_parameters(
            self.tr("The resource field copied into the common 'name' field"), self.tr("Loaded resource")
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        node = self.parameterAsString(parameters, self.NODE, context).strip()
        resource = self.parameterAsString(parameters, self.RESOURCE, context).strip()
        if not node or not resource:
            raise QgsProcessingException(self.tr("Give the RUDI producer node and the resource's global_id"))
        spec = {"source": "rudi", "node": node, "resource": resource}
        source = RudiSource(Transport(feedback=feedback))
        return self.load_resource(source, spec, resource, parameters, context, feedback)
