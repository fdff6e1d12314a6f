"""openterritory:register_import"""

from __future__ import annotations

import csv

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ...plugin.register import ImportReport, Register, create_register, import_rows, open_register, rejected_report
from ...plugin.register.geocode import BAN_URL
from ...plugin.register.import_csv import IMPORT_TABLES
from ...plugin.toolbelt.errors import OpenTerritoryError
from ...plugin.toolbelt.i18n import tr
from ...plugin.toolbelt.layer_writer import atomic_output
from ...plugin.toolbelt.network import Transport
from .base import OpenTerritoryAlgorithm


def open_or_create(target: str, create: bool, feedback: QgsProcessingFeedback) -> Register:
    """The register at `target`; a failure becomes a QgsProcessingException with its message."""
    try:
        try:
            return open_register(target)
        except OpenTerritoryError:
            if not create:
                raise
            feedback.pushInfo(tr("No register there yet: a new one is created") + f": {target}")
            return create_register(target)
    except OpenTerritoryError as error:
        raise QgsProcessingException(str(error)) from None


class RegisterImportAlgorithm(OpenTerritoryAlgorithm):
    NAME = "register_import"
    GROUP = "territory"

    def displayName(self) -> str:
        return self.tr("Import challenges or actors into the register")

    def shortHelpString(self) -> str:
        return self.tr(
            "Adds the rows of a CSV, XLSX or ODS file to the register's challenges or actors. French column names "
            "and values are understood (titre, domaine, statut, priorité, nom, type, compétences, adresse...). "
            "Every row is checked first: if any row has an unknown domain, status, kind or priority, bad "
            "coordinates or geometry, or lacks a required value, nothing is imported and the error lists every "
            "invalid row (line, column, value, what was expected). Rows without coordinates are then located "
            "from their address by the Base Adresse Nationale: a row whose address cannot be found is left out "
            "and listed in the report, the other rows are imported. The rows are written together, or none of "
            "them. Rows already in the register are not added twice."
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
                QgsProcessingParameterEnum(
                    "TABLE", self.tr("Table"), options=[self.tr("Challenges"), self.tr("Actors")], defaultValue=0
                ),
                self.tr("Which table of the register receives the rows"),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterFile(
                    "INPUT", self.tr("File to import"), fileFilter=self.tr("Tables (*.csv *.txt *.xlsx *.ods)")
                ),
                self.tr("CSV (any separator, UTF-8 or cp1252), XLSX or ODS file with one row per challenge or actor"),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterBoolean("GEOCODE", self.tr("Locate addresses"), defaultValue=True),
                self.tr(
                    "Locate the challenges without coordinates from their address columns (adresse, code postal, "
                    "commune) through the Base Adresse Nationale"
                ),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString("GEOCODER", self.tr("Geocoder URL"), defaultValue=BAN_URL),
                self.tr("Base URL of a Base Adresse Nationale API (its /search/ endpoint is used)"),
                advanced=True,
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterBoolean(
                    "CREATE", self.tr("Create the register if it does not exist"), defaultValue=False
                ),
                self.tr("Make a new, empty register at the given place before importing"),
                advanced=True,
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterFileDestination(
                    "OUTPUT", self.tr("Report of the rows left out"), self.tr("CSV files (*.csv)"), optional=True
                ),
                self.tr(
                    "CSV file listing each row left out or already present, or each invalid row when nothing "
                    "was imported: line number and reason"
                ),
            )
        )
        for name, label in (
            ("IMPORTED", self.tr("Rows imported")),
            ("FAILED", self.tr("Rows left out")),
            ("GEOCODED", self.tr("Rows located from their address")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def processAlgorithm(
        self, parameters: dict, context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict:
        register = open_or_create(
            self.parameterAsString(parameters, "TARGET", context),
            self.parameterAsBool(parameters, "CREATE", context),
            feedback,
        )
        table = IMPORT_TABLES[self.parameterAsEnum(parameters, "TABLE", context)]
        path = self.parameterAsFile(parameters, "INPUT", context)
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        try:
            report = import_rows(
                register,
                table,
                path,
                geocode=self.parameterAsBool(parameters, "GEOCODE", context),
                feedback=feedback,
                transport=Transport(feedback=feedback),
                geocoder_url=self.parameterAsString(parameters, "GEOCODER", context) or None,
            )
        except OpenTerritoryError as error:
            rejected = rejected_report(error)
            if output and rejected is not None:
                write_report(output, rejected)  # the invalid rows, to fix the file
            raise QgsProcessingException(str(error)) from None
        feedback.pushInfo(report.summary())
        for line in report.lines():
            feedback.reportError(line, fatalError=False)
        results = {"IMPORTED": report.imported, "FAILED": len(report.failed), "GEOCODED": report.geocoded}
        if output:
            write_report(output, report)
            results["OUTPUT"] = output
        return results


def write_report(output: str, report: ImportReport) -> None:
    """The report CSV: line, outcome (invalid, left out, already present), reason."""
    with atomic_output(output) as tmp:
        with open(tmp, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["line", "outcome", "reason"])
            for outcome, rows in (
                ("invalid", report.rejected),
                ("left out", report.failed),
                ("already present", report.skipped),
            ):
                for line, reason in sorted(rows):
                    writer.writerow([line, outcome, reason])
