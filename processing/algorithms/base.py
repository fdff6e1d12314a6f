"""Base class of the plugin's Processing algorithms."""

from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm, QgsProcessingParameterDefinition
from qgis.PyQt.QtGui import QIcon

from ...plugin.toolbelt.gdal_errors import wrap_own_methods
from ...plugin.toolbelt.guide import guide_url
from ...plugin.toolbelt.i18n import tr
from ...plugin.toolbelt.metadata import ICON_PATH


def group_name(key: str) -> str:
    return {
        "sources": tr("Resources from open portals"),
        "territory": tr("Territory"),
        "planning": tr("Planning"),
        "export": tr("Export"),
    }[key]


class OpenTerritoryAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set NAME, GROUP (a key of group_name) and implement displayName, shortHelpString,
    initAlgorithm and processAlgorithm. Every parameter gets a help text through `help_param`."""

    NAME = ""
    GROUP = "sources"

    def __init_subclass__(cls, **kwargs):
        # The plugin's GDAL calls raise while an algorithm runs, and only then (toolbelt/gdal_errors.py).
        super().__init_subclass__(**kwargs)
        wrap_own_methods(cls, "prepareAlgorithm", "processAlgorithm", "postProcessAlgorithm")

    def name(self) -> str:
        return self.NAME

    def group(self) -> str:
        return group_name(self.GROUP)

    def groupId(self) -> str:  # noqa: N802
        return self.GROUP

    def icon(self) -> QIcon:
        return QIcon(ICON_PATH)

    def helpUrl(self) -> str:  # noqa: N802
        """The algorithm's section of the shipped user guide (its id is the section's anchor): offline."""
        return guide_url("processing", self.NAME)

    def createInstance(self) -> OpenTerritoryAlgorithm:  # noqa: N802
        return type(self)()

    def tr(self, message: str) -> str:
        return tr(message)

    @staticmethod
    def help_param(
        parameter: QgsProcessingParameterDefinition, text: str, advanced: bool = False
    ) -> QgsProcessingParameterDefinition:
        """Attach the help text shown in the dialog and in `qgis_process help`."""
        parameter.setHelp(text)
        if advanced:
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        return parameter
