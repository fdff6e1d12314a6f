"""openterritory:ods_load — one Opendatasoft dataset as a layer."""

from __future__ import annotations

import os
import re

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
)

from ...plugin.definitions import CATEGORIES, category_label
from ...plugin.sources.ods import OdsError, OdsSource
from ...plugin.sources.ods_catalog import load_portals
from ...plugin.toolbelt.layer_writer import WriteCancelled
from ...plugin.toolbelt.network import CancelledError, Transport
from .base import OpenTerritoryAlgorithm

OGR_URI = re.compile(r"^ogr:dbname='(?P<path>(?:[^']|'')*)'\s+table=\"(?P<table>(?:[^\"]|\"\")*)\"")


def layer_name_for(dataset: str) -> str:
    name = re.sub(r"[^\w-]+", "_", dataset, flags=re.UNICODE).strip("_")
    return name or "ods"


def resolve_output(destination: str, dataset: str):
    """(file path, layer name, append, value to return as OUTPUT) for a Processing destination:
    a file path, a TEMPORARY_OUTPUT path or an `ogr:dbname='...' table="..."` GeoPackage layer."""
    match = OGR_URI.match(destination)
    if match:
        path = match.group("path").replace("''", "'")
        table = match.group("table").replace('""', '"')
        return path, table, True, f"{path}|layername={table}"
    path = destination
    if not os.path.splitext(path)[1]:
        path += ".gpkg"
    return path, layer_name_for(dataset), False, path


class OdsLoadAlgorithm(OpenTerritoryAlgorithm):
    NAME = "ods_load"
    GROUP = "sources"

    PORTAL = "PORTAL"
    DATASET = "DATASET"
    WHERE = "WHERE"
    EXTENT = "EXTENT"
    AUTHCFG = "AUTHCFG"
    NAME_FIELD = "NAME_FIELD"
    CATEGORY = "CATEGORY"
    OUTPUT = "OUTPUT"

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
            "holding the portal's API key (a Basic configuration whose password is the key).")

    def initAlgorithm(self, config=None):  # noqa: N802
        portals = load_portals()
        self.addParameter(self.help_param(
            QgsProcessingParameterString(self.PORTAL, self.tr("Portal (base URL)"),
                                         defaultValue=portals[0]["url"] if portals else ""),
            self.tr("Base URL of the Opendatasoft portal, such as https://data.rennesmetropole.fr (an API or "
                    "dataset page URL of the portal works too)")))
        self.addParameter(self.help_param(
            QgsProcessingParameterString(self.DATASET, self.tr("Dataset id")),
            self.tr("The dataset identifier (dataset_id), as in the portal's URL /explore/dataset/<id>/")))
        self.addParameter(self.help_param(
            QgsProcessingParameterString(self.WHERE, self.tr("ODSQL filter"), optional=True),
            self.tr("Optional ODSQL where clause, such as capacite > 10 or commune = \"Rennes\"")))
        self.addParameter(self.help_param(
            QgsProcessingParameterExtent(self.EXTENT, self.tr("Extent"), optional=True),
            self.tr("Optional extent: only records whose geometry lies in it are downloaded")))
        self.addParameter(self.help_param(
            QgsProcessingParameterAuthConfig(self.AUTHCFG, self.tr("API key (authentication configuration)"),
                                             optional=True),
            self.tr("For private datasets: an authentication configuration holding the portal's API key, "
                    "sent as 'Authorization: Apikey <key>' (Basic method: the password is the key)")))
        self.addParameter(self.help_param(
            QgsProcessingParameterString(self.NAME_FIELD, self.tr("Name field"), optional=True),
            self.tr("The dataset field copied into the common 'name' field; empty: guessed (nom, name, "
                    "libelle, title...)"), advanced=True))
        self.addParameter(self.help_param(
            QgsProcessingParameterEnum(self.CATEGORY, self.tr("Category"),
                                       options=[category_label(key) for key in CATEGORIES],
                                       defaultValue=CATEGORIES.index("other")),
            self.tr("Resource category written in the 'category' field"), advanced=True))
        self.addParameter(self.help_param(
            QgsProcessingParameterVectorDestination(self.OUTPUT, self.tr("Loaded dataset")),
            self.tr("Where to write the layer (a GeoPackage by default); an existing file is replaced only "
                    "when the load succeeds")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        portal = self.parameterAsString(parameters, self.PORTAL, context).strip()
        dataset = self.parameterAsString(parameters, self.DATASET, context).strip()
        if not portal or not dataset:
            raise QgsProcessingException(self.tr("Give the portal URL and the dataset id"))
        spec = {"source": "ods", "portal": portal, "dataset": dataset}
        where = self.parameterAsString(parameters, self.WHERE, context).strip()
        if where:
            spec["where"] = where
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context).strip()
        if name_field:
            spec["name_field"] = name_field
        authcfg = self.parameterAsString(parameters, self.AUTHCFG, context)
        if authcfg:
            spec["authcfg"] = authcfg
        if parameters.get(self.EXTENT) is not None:
            extent = self.parameterAsExtent(parameters, self.EXTENT, context,
                                            QgsCoordinateReferenceSystem("EPSG:4326"))
            if not extent.isNull() and not extent.isEmpty():
                spec["extent"] = [extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()]
        category = CATEGORIES[self.parameterAsEnum(parameters, self.CATEGORY, context)]
        destination = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        path, layer_name, append, output = resolve_output(destination, dataset)

        source = OdsSource(Transport(feedback=feedback))
        try:
            result = source.fetch(spec, path, layer_name, category, feedback=feedback, append=append)
        except (CancelledError, WriteCancelled):
            raise QgsProcessingException(self.tr("The load was cancelled")) from None
        except OdsError as error:
            raise QgsProcessingException(str(error)) from None
        for warning in result.warnings:
            feedback.reportError(warning, False)
        feedback.pushInfo(self.tr("Records written") + f": {result.feature_count}")
        feedback.pushInfo(self.tr("Licence") + f": {result.licence or self.tr('not stated')}")
        if context.willLoadLayerOnCompletion(destination):
            context.layerToLoadOnCompletionDetails(destination).name = layer_name
        return {self.OUTPUT: output}
