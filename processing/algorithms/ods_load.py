"""openterritory:ods_load — one Opendatasoft dataset as a layer."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterExtent,
    QgsProcessingParameterString,
)

from ...plugin.sources.ods import OdsSource
from ...plugin.sources.ods.catalog import load_portals
from ...plugin.toolbelt.network import Transport
from .resource_load import ResourceLoadAlgorithm


class OdsLoadAlgorithm(ResourceLoadAlgorithm):
    NAME = "ods_load"
    GROUP = "sources"

    PORTAL = "PORTAL"
    DATASET = "DATASET"
    WHERE = "WHERE"
    EXTENT = "EXTENT"
    AUTHCFG = "AUTHCFG"

    def displayName(self):  # noqa: N802
        return self.tr("Load an Opendatasoft dataset")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Loads one dataset of an Opendatasoft portal (Rennes, STAR, Nantes, Toulouse, Bordeaux, Paris, "
            "Strasbourg, Lille...) as a layer, through the portal's GeoJSON export: no 10,000-record limit. "
            "The geometry comes from the dataset's geo_shape or geo_point_2d field, whatever its name; a "
            "dataset without one loads as a table. The layer carries the common fields (category, name, "
            "source, source_dataset, licence, fetched_at) beside the dataset's own. An optional ODSQL filter "
            "and extent limit what is downloaded. A private dataset needs an authentication configuration "
            "holding the portal's API key (a Basic configuration whose password is the key)."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        portals = load_portals()
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString(
                    self.PORTAL, self.tr("Portal (base URL)"), defaultValue=portals[0]["url"] if portals else ""
                ),
                self.tr(
                    "Base URL of the Opendatasoft portal, such as https://data.rennesmetropole.fr (an API or "
                    "dataset page URL of the portal works too)"
                ),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString(self.DATASET, self.tr("Dataset id")),
                self.tr("The dataset identifier (dataset_id), as in the portal's URL /explore/dataset/<id>/"),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString(self.WHERE, self.tr("ODSQL filter"), optional=True),
                self.tr('Optional ODSQL where clause, such as capacite > 10 or commune = "Rennes"'),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterExtent(self.EXTENT, self.tr("Extent"), optional=True),
                self.tr("Optional extent: only records whose geometry lies in it are downloaded"),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterAuthConfig(
                    self.AUTHCFG, self.tr("API key (authentication configuration)"), optional=True
                ),
                self.tr(
                    "For private datasets: an authentication configuration holding the portal's API key, "
                    "sent as 'Authorization: Apikey <key>' (Basic method: the password is the key)"
                ),
            )
        )
        self.add_load_parameters(
            self.tr(
                "The dataset field copied into the common 'name' field; empty: guessed (nom, name, libelle, title...)"
            ),
            self.tr("Loaded dataset"),
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        portal = self.parameterAsString(parameters, self.PORTAL, context).strip()
        dataset = self.parameterAsString(parameters, self.DATASET, context).strip()
        if not portal or not dataset:
            raise QgsProcessingException(self.tr("Give the portal URL and the dataset id"))
        spec = {"source": "ods", "portal": portal, "dataset": dataset}
        where = self.parameterAsString(parameters, self.WHERE, context).strip()
        if where:
            spec["where"] = where
        authcfg = self.parameterAsString(parameters, self.AUTHCFG, context)
        if authcfg:
            spec["authcfg"] = authcfg
        extent = self.extent_wgs84(parameters, self.EXTENT, context)
        if extent:
            spec["extent"] = extent
        source = OdsSource(Transport(feedback=feedback))
        return self.load_resource(source, spec, dataset, parameters, context, feedback)
