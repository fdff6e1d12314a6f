"""openterritory:ods_search — search an Opendatasoft portal's catalog into a table."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
)

from ...plugin.sources.ods import OdsSource
from ...plugin.sources.ods.catalog import load_portals
from ...plugin.sources.ods.search_table import search_catalog, write_search_table
from ...plugin.toolbelt.errors import Cancelled, OpenTerritoryError
from ...plugin.toolbelt.layer_writer import FILE, resolve_target
from ...plugin.toolbelt.network import Transport
from .base import OpenTerritoryAlgorithm


class OdsSearchAlgorithm(OpenTerritoryAlgorithm):
    NAME = "ods_search"
    GROUP = "sources"

    PORTAL = "PORTAL"
    QUERY = "QUERY"
    GEO_ONLY = "GEO_ONLY"
    THEME = "THEME"
    LIMIT = "LIMIT"
    AUTHCFG = "AUTHCFG"
    OUTPUT = "OUTPUT"
    COUNT = "COUNT"

    def displayName(self):  # noqa: N802
        return self.tr("Search an Opendatasoft portal")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Searches the catalog of an Opendatasoft portal and writes one row per dataset: id, title, "
            "description, themes, keywords, publisher, licence, modification date, record count, whether it "
            "is geographic and its geometry field, its fields and its page URL. Give a dataset_id of the "
            "table to 'Load an Opendatasoft dataset'."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        portals = load_portals()
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString(
                    self.PORTAL, self.tr("Portal (base URL)"), defaultValue=portals[0]["url"] if portals else ""
                ),
                self.tr("Base URL of the Opendatasoft portal, such as https://data.rennesmetropole.fr"),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString(self.QUERY, self.tr("Search text"), optional=True),
                self.tr(
                    "Words to look for in the datasets' titles, descriptions and keywords; empty: the whole catalog"
                ),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterBoolean(
                    self.GEO_ONLY, self.tr("Only datasets with a geometry"), defaultValue=True
                ),
                self.tr("Keep only datasets that have a geo_point_2d or geo_shape field (loadable as map layers)"),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString(self.THEME, self.tr("Theme"), optional=True),
                self.tr("Only datasets of this portal theme, written exactly as the portal does (such as Mobilité)"),
                advanced=True,
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterNumber(
                    self.LIMIT,
                    self.tr("Maximum number of datasets"),
                    QgsProcessingParameterNumber.Integer,
                    defaultValue=100,
                    minValue=1,
                    maxValue=1000,
                ),
                self.tr("How many datasets to list at most (fetched 100 at a time)"),
                advanced=True,
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterAuthConfig(
                    self.AUTHCFG, self.tr("API key (authentication configuration)"), optional=True
                ),
                self.tr("To see private datasets: an authentication configuration holding the portal's API key"),
                advanced=True,
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterVectorDestination(self.OUTPUT, self.tr("Datasets found")),
                self.tr(
                    "A table with one row per dataset found (a GeoPackage by default); an existing file is "
                    "replaced only when the search succeeds"
                ),
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, self.tr("Datasets listed")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        portal = self.parameterAsString(parameters, self.PORTAL, context).strip()
        query = self.parameterAsString(parameters, self.QUERY, context)
        geo_only = self.parameterAsBoolean(parameters, self.GEO_ONLY, context)
        theme = self.parameterAsString(parameters, self.THEME, context).strip()
        limit = self.parameterAsInt(parameters, self.LIMIT, context)
        authcfg = self.parameterAsString(parameters, self.AUTHCFG, context)
        destination = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        # Nothing is written before the whole search is in: a failure or a cancel keeps an existing file.
        try:
            target = resolve_target(destination, "ods_search")
            source = OdsSource(Transport(feedback=feedback))
            total, datasets = search_catalog(source, portal, query, theme, geo_only, limit, authcfg, feedback)
            written = write_search_table(datasets, target, feedback)
        except Cancelled:
            raise QgsProcessingException(self.tr("The search was cancelled")) from None
        except OpenTerritoryError as error:
            raise QgsProcessingException(str(error)) from None
        feedback.pushInfo(self.tr("Datasets found") + f": {total}; " + self.tr("listed") + f": {written}")
        return {self.OUTPUT: target.path if target.mode == FILE else target.uri(), self.COUNT: written}
