"""openterritory:ods_search — search an Opendatasoft portal's catalog into a table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...plugin.sources.ods import SEARCH_PAGE_MAX, OdsSource
from ...plugin.sources.ods.catalog import load_portals
from ...plugin.toolbelt.errors import Cancelled, OpenTerritoryError
from ...plugin.toolbelt.network import Transport
from .base import OpenTerritoryAlgorithm

if TYPE_CHECKING:  # names used in annotations only
    from ...plugin.sources.ods.catalog import OdsDataset

COLUMNS = (
    ("dataset_id", QVariant.String),
    ("title", QVariant.String),
    ("description", QVariant.String),
    ("themes", QVariant.String),
    ("keywords", QVariant.String),
    ("publisher", QVariant.String),
    ("licence", QVariant.String),
    ("modified", QVariant.String),
    ("records_count", QVariant.LongLong),
    ("geographic", QVariant.Bool),
    ("geometry_field", QVariant.String),
    ("fields", QVariant.String),
    ("portal", QVariant.String),
    ("page_url", QVariant.String),
)


def search_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in COLUMNS:
        fields.append(QgsField(name, kind))
    return fields


def dataset_row(info: OdsDataset) -> list:
    geometry = info.geometry_field
    return [
        info.dataset_id,
        info.title,
        info.description,
        "; ".join(info.themes),
        "; ".join(info.keywords),
        info.publisher,
        info.licence,
        info.modified,
        info.records_count,
        info.is_geographic,
        geometry.name if geometry else None,
        ", ".join(f.name for f in info.fields),
        info.portal,
        info.page_url,
    ]


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
                QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Datasets found"), QgsProcessing.TypeVector),
                self.tr("A table with one row per dataset found"),
            )
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        portal = self.parameterAsString(parameters, self.PORTAL, context).strip()
        query = self.parameterAsString(parameters, self.QUERY, context)
        geo_only = self.parameterAsBoolean(parameters, self.GEO_ONLY, context)
        theme = self.parameterAsString(parameters, self.THEME, context).strip()
        limit = self.parameterAsInt(parameters, self.LIMIT, context)
        authcfg = self.parameterAsString(parameters, self.AUTHCFG, context)
        sink, destination = self.parameterAsSink(
            parameters, self.OUTPUT, context, search_fields(), QgsWkbTypes.NoGeometry, QgsCoordinateReferenceSystem()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        source = OdsSource(Transport(feedback=feedback))
        written, offset, total = 0, 0, None
        try:
            while written < limit and (total is None or offset < total):
                if feedback.isCanceled():
                    break
                page = min(SEARCH_PAGE_MAX, limit - written)
                total, datasets = source.search_datasets(portal, query, theme, geo_only, page, offset, authcfg)
                for info in datasets[: limit - written]:
                    feature = QgsFeature(search_fields())
                    feature.setAttributes(dataset_row(info))
                    sink.addFeature(feature, QgsFeatureSink.FastInsert)
                    written += 1
                offset += page
                feedback.setProgress(100.0 * min(1.0, written / max(1, min(limit, total or 1))))
        except Cancelled:
            raise QgsProcessingException(self.tr("The search was cancelled")) from None
        except OpenTerritoryError as error:
            raise QgsProcessingException(str(error)) from None
        feedback.pushInfo(self.tr("Datasets found") + f": {total or 0}; " + self.tr("listed") + f": {written}")
        return {self.OUTPUT: destination}
