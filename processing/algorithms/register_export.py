"""openterritory:register_export"""

from __future__ import annotations

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)

from ...plugin.register import export_register, open_register
from ...plugin.toolbelt.errors import OpenTerritoryError
from .base import OpenTerritoryAlgorithm

FORMATS = ("csv", "geojson")


class RegisterExportAlgorithm(OpenTerritoryAlgorithm):
    NAME = "register_export"
    GROUP = "territory"

    def displayName(self) -> str:
        return self.tr("Export the register")

    def shortHelpString(self) -> str:
        return self.tr(
            "Writes every table of the register (challenges, actors, resources catalog and the links between "
            "them) into a folder, one CSV file (geometry as WKT) or one GeoJSON file per table. Files of a "
            "previous export are replaced only once every new file is written."
        )

    def initAlgorithm(self, config: dict | None = None) -> None:
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString("TARGET", self.tr("Register")),
                self.tr("GeoPackage path, or postgres:<QGIS connection name>[/<schema>] for a shared PostGIS register"),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterEnum("FORMAT", self.tr("Format"), options=["CSV", "GeoJSON"], defaultValue=0),
                self.tr("CSV with a WKT geometry column, or GeoJSON (RFC 7946, WGS 84)"),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterFolderDestination("OUTPUT", self.tr("Export folder")),
                self.tr("Folder receiving one file per table"),
            )
        )
        self.addOutput(QgsProcessingOutputMultipleLayers("FILES", self.tr("Files written")))

    def processAlgorithm(
        self, parameters: dict, context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict:
        folder = self.parameterAsString(parameters, "OUTPUT", context)
        try:
            register = open_register(self.parameterAsString(parameters, "TARGET", context))
            paths = export_register(
                register, folder, FORMATS[self.parameterAsEnum(parameters, "FORMAT", context)], feedback=feedback
            )
        except OpenTerritoryError as error:
            raise QgsProcessingException(str(error)) from None
        for path in paths:
            feedback.pushInfo(path)
        return {"OUTPUT": folder, "FILES": paths}
