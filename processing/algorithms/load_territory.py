"""openterritory:load_territory — every resource a territory profile lists, into one GeoPackage."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ...plugin.profiles.profile import bundled_profile_ids, load_profile
from ...plugin.profiles.territory import load_territory
from ...plugin.toolbelt.errors import Cancelled, InputError
from ...plugin.toolbelt.postgres import is_postgres
from ...plugin.toolbelt.settings import load_settings
from .base import OpenTerritoryAlgorithm


class LoadTerritoryAlgorithm(OpenTerritoryAlgorithm):
    NAME = "load_territory"
    GROUP = "territory"

    PROFILE = "PROFILE"
    OUTPUT = "OUTPUT"
    OFFLINE = "OFFLINE"
    LOADED = "LOADED"
    FAILED = "FAILED"
    SUMMARY = "SUMMARY"

    def displayName(self):  # noqa: N802
        return self.tr("Load a territory")

    def shortHelpString(self):  # noqa: N802
        return (
            self.tr(
                "Loads every resource a territory profile lists (open data portals, OpenStreetMap, GBFS "
                "feeds, citizen sensors) and the territory's boundary into one GeoPackage: one layer per "
                "category and source with the common fields, a 'sources' table (source, dataset, licence, "
                "URL, date, feature count, status) and the layers' styles, so the file opens styled in any "
                "QGIS. A source that fails is reported and skipped; the others still load. Identifiers "
                "marked unconfirmed and entries "
                "disabled in the profile are skipped."
            )
            + "\n\n"
            + self.tr("Bundled profiles:")
            + " "
            + ", ".join(bundled_profile_ids())
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString(self.PROFILE, self.tr("Territory profile"), defaultValue="demo"),
                self.tr("A bundled profile id (such as rennes, nantes, demo) or the path of a profile JSON file"),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterBoolean(
                    self.OFFLINE, self.tr("Offline (answer from the cache only)"), defaultValue=False
                ),
                self.tr(
                    "Use only replies already in the cache; nothing is downloaded. The load is offline "
                    "whenever the offline mode of the plugin's settings is on, and a profile with its own "
                    "recorded replies (the demo) is always loaded offline"
                ),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterFileDestination(
                    self.OUTPUT, self.tr("Territory GeoPackage"), self.tr("GeoPackage (*.gpkg)")
                ),
                self.tr("The GeoPackage to write; an existing file is replaced only when the load succeeds")
                + ". "
                + self.tr(
                    "Or a schema of a PostGIS database, through a saved QGIS connection: postgres:<connection>/"
                    "<schema>; its tables of the same names are replaced in one transaction when the load "
                    "succeeds, its other tables stay"
                ),
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.LOADED, self.tr("Layers loaded")))
        self.addOutput(QgsProcessingOutputNumber(self.FAILED, self.tr("Sources that failed")))
        self.addOutput(QgsProcessingOutputString(self.SUMMARY, self.tr("Summary")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        reference = self.parameterAsString(parameters, self.PROFILE, context)
        # The settings' offline mode is the user's promise that nothing goes on the network.
        offline = self.parameterAsBoolean(parameters, self.OFFLINE, context) or load_settings().offline
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not is_postgres(output) and not output.lower().endswith(".gpkg"):
            output += ".gpkg"
        try:
            profile = load_profile(reference)
        except InputError as error:
            raise QgsProcessingException(self.tr("The territory profile is not valid") + ":\n" + str(error)) from None
        feedback.pushInfo(self.tr("Territory") + f": {profile.name} ({profile.path})")
        try:
            report = load_territory(profile, output, offline=offline, feedback=feedback)
        except Cancelled:
            raise QgsProcessingException(self.tr("The territory load was cancelled")) from None
        except Exception as error:  # noqa: BLE001 - the user gets the reason, not a traceback
            raise QgsProcessingException(self.tr("The territory could not be loaded") + f": {error}") from None
        for outcome in report.failed:
            feedback.reportError(f"{outcome.layer}: {outcome.message}", False)
        feedback.pushInfo(report.summary())
        if not report.loaded:
            raise QgsProcessingException(
                self.tr("No resource of the territory could be loaded") + "\n" + report.summary()
            )
        return {
            self.OUTPUT: output,
            self.LOADED: len(report.loaded),
            self.FAILED: len(report.failed),
            self.SUMMARY: report.summary(),
        }
