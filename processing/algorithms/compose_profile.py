"""openterritory:compose_profile — a territory's profile composed from the national bases, and loaded."""

from __future__ import annotations

import os

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ...plugin.compose.assemble import compose_profile
from ...plugin.compose.services import DATAGOUV_API, GEO_API, TRANSPORT_API, Services
from ...plugin.profiles.profile import load_profile, save_profile
from ...plugin.profiles.territory import load_territory
from ...plugin.toolbelt.errors import Cancelled, OpenTerritoryError
from .base import OpenTerritoryAlgorithm


class ComposeProfileAlgorithm(OpenTerritoryAlgorithm):
    NAME = "compose_profile"
    GROUP = "territory"

    TERRITORY = "TERRITORY"
    OUTPUT = "OUTPUT"
    LOAD = "LOAD"
    LOAD_OUTPUT = "LOAD_OUTPUT"
    GEO_API = "GEO_API"
    TRANSPORT_API = "TRANSPORT_API"
    DATAGOUV_API = "DATAGOUV_API"
    OVERPASS_API = "OVERPASS_API"
    SENSOR_API = "SENSOR_API"
    ENTRIES = "ENTRIES"
    NOTES = "NOTES"
    LOADED = "LOADED"
    SUMMARY = "SUMMARY"

    def displayName(self):  # noqa: N802
        return self.tr("Compose a territory profile")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Composes the profile of any French commune or EPCI from the national open data, with no file to "
            "write: the communes' outlines (geo.api.gouv.fr), the OpenStreetMap presets of every category, "
            "the GBFS feeds and public-transport networks transport.data.gouv.fr lists for the territory, its "
            "communes or its transport authority, the national bases (parkings, carpooling places, charging "
            "points, cycle facilities) and the latest road accidents filtered to its communes, its own "
            "organisation's datasets on data.gouv.fr (to be ticked) and sensor.community. Every entry says "
            "where it came from and why; a catalog that is down is reported in the profile's notes. The "
            "profile is an ordinary file: read it, edit it, share it, load it with load_territory. A name "
            "shared by several territories fails, listing them with their codes: give a code (INSEE, SIREN) "
            "or the name followed by its department in brackets."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString(self.TERRITORY, self.tr("Territory (name or code)")),
                self.tr(
                    "A commune or an EPCI: its name (accents optional; 'Name (department)' for homonyms), its "
                    "INSEE code or its SIREN"
                ),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("Profile"), self.tr("Profile (*.json)")),
                self.tr("The profile JSON file to write; an existing file is replaced only once the new one is whole"),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterBoolean(self.LOAD, self.tr("Also load the territory"), defaultValue=False),
                self.tr("Load every confirmed entry of the composed profile into a GeoPackage, as load_territory does"),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterFileDestination(
                    self.LOAD_OUTPUT,
                    self.tr("Territory GeoPackage"),
                    self.tr("GeoPackage (*.gpkg)"),
                    optional=True,
                    createByDefault=False,
                ),
                self.tr("Where LOAD writes the territory (default: the profile's path with .gpkg)"),
            )
        )
        for name, label, default in (
            (self.GEO_API, self.tr("geo.api.gouv.fr base URL"), GEO_API),
            (self.TRANSPORT_API, self.tr("transport.data.gouv.fr base URL"), TRANSPORT_API),
            (self.DATAGOUV_API, self.tr("data.gouv.fr base URL"), DATAGOUV_API),
        ):
            self.addParameter(
                self.help_param(
                    QgsProcessingParameterString(name, label, defaultValue=default),
                    self.tr("Base URL of the service (a mirror, or a local stand-in for tests)"),
                    advanced=True,
                )
            )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString(
                    self.OVERPASS_API, self.tr("Overpass server written in the profile"), optional=True
                ),
                self.tr(
                    "Written in the profile's OpenStreetMap entries, for a mirror (or a local stand-in); empty: the "
                    "entries follow the Overpass server of the plugin's settings when they are loaded"
                ),
                advanced=True,
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString(
                    self.SENSOR_API, self.tr("sensor.community server written in the profile"), optional=True
                ),
                self.tr(
                    "Written in the profile's citizen sensors entry, for a mirror (or a local stand-in); empty: "
                    "https://data.sensor.community"
                ),
                advanced=True,
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.ENTRIES, self.tr("Entries in the profile")))
        self.addOutput(QgsProcessingOutputString(self.NOTES, self.tr("Notes")))
        self.addOutput(QgsProcessingOutputNumber(self.LOADED, self.tr("Layers loaded")))
        self.addOutput(QgsProcessingOutputString(self.SUMMARY, self.tr("Summary")))

    def services(self, parameters, context) -> Services:
        return Services.from_urls(
            geo=self.parameterAsString(parameters, self.GEO_API, context),
            transport=self.parameterAsString(parameters, self.TRANSPORT_API, context),
            datagouv=self.parameterAsString(parameters, self.DATAGOUV_API, context),
            overpass=self.parameterAsString(parameters, self.OVERPASS_API, context),
            sensor_community=self.parameterAsString(parameters, self.SENSOR_API, context),
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        territory = self.parameterAsString(parameters, self.TERRITORY, context)
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not output.lower().endswith(".json"):
            output += ".json"
        try:
            composition = compose_profile(territory, self.services(parameters, context), feedback=feedback)
            save_profile(composition.profile, output)
        except Cancelled:
            raise QgsProcessingException(self.tr("The composition was cancelled")) from None
        except (OpenTerritoryError, OSError) as error:
            raise QgsProcessingException(str(error)) from None
        for note in composition.notes:
            feedback.pushWarning(note)
        feedback.pushInfo(composition.summary())
        results = {
            self.OUTPUT: output,
            self.ENTRIES: composition.entry_count,
            self.NOTES: "\n".join(composition.notes),
            self.LOADED: 0,
            self.SUMMARY: composition.summary(),
        }
        if self.parameterAsBoolean(parameters, self.LOAD, context):
            target, report = self.load(output, parameters, context, feedback)
            results.update({self.LOAD_OUTPUT: target, self.LOADED: len(report.loaded)})
            results[self.SUMMARY] += "\n" + report.summary()
        return results

    def load(self, profile_path: str, parameters, context, feedback) -> tuple:
        """(GeoPackage, TerritoryReport): the profile just written loaded as load_territory loads one."""
        target = self.parameterAsFileOutput(parameters, self.LOAD_OUTPUT, context) or os.path.splitext(profile_path)[0]
        if not target.lower().endswith(".gpkg"):
            target += ".gpkg"
        try:
            report = load_territory(load_profile(profile_path), target, feedback=feedback)
        except Cancelled:
            raise QgsProcessingException(self.tr("The territory load was cancelled")) from None
        except Exception as error:  # noqa: BLE001 - the user gets the reason, not a traceback
            raise QgsProcessingException(self.tr("The territory could not be loaded") + f": {error}") from None
        for outcome in report.failed:
            feedback.reportError(f"{outcome.layer}: {outcome.message}", False)
        feedback.pushInfo(report.summary())
        return target, report
