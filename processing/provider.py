"""The `openterritory` Processing provider.

QGIS registers the provider's algorithms as it starts: from their descriptions when the package has them for the
user's language (processing/descriptions.py: nothing of the algorithms' modules is imported until one runs), else
from the algorithm classes themselves.
"""

from __future__ import annotations

import importlib

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..plugin.toolbelt.i18n import ui_language
from ..plugin.toolbelt.metadata import ICON_PATH
from .descriptions import DescribedAlgorithm, read_descriptions

# (module under processing/algorithms, class name) of the algorithms that are not a source's own; each source's own
# algorithms are the ones its declaration names (algorithm_names()).
OTHER_ALGORITHMS = [
    ("load_territory", "LoadTerritoryAlgorithm"),
    ("compose_profile", "ComposeProfileAlgorithm"),
    ("challenge_context", "ChallengeContextAlgorithm"),
    ("competence_matrix", "CompetenceMatrixAlgorithm"),
    ("gap_layer", "GapLayerAlgorithm"),
    ("register_import", "RegisterImportAlgorithm"),
    ("register_export", "RegisterExportAlgorithm"),
    ("council_map", "CouncilMapAlgorithm"),
]


def __getattr__(name: str) -> list:
    """`ALGORITHMS`, every (module, class) of the provider, as before the descriptions: computed when asked, since
    it imports the sources (which QGIS's start must not)."""
    if name == "ALGORITHMS":
        return algorithm_names()
    raise AttributeError(name)


def algorithm_names() -> list:
    """(module under processing/algorithms, class name) of every algorithm of the provider. Imports the sources."""
    from ..plugin.sources import registry

    return [*registry.algorithms(), *OTHER_ALGORITHMS]


def algorithm_classes() -> list:
    """The algorithm classes themselves, imported."""
    return [
        getattr(importlib.import_module(f"{__package__}.algorithms.{module_name}"), class_name)
        for module_name, class_name in algorithm_names()
    ]


class OpenTerritoryProvider(QgsProcessingProvider):
    def id(self) -> str:
        return "openterritory"

    def name(self) -> str:
        return "Open Territory"

    def longName(self) -> str:  # noqa: N802
        return "Open Territory"

    def icon(self) -> QIcon:
        return QIcon(ICON_PATH)

    def svgIconPath(self) -> str:  # noqa: N802
        return ICON_PATH

    def loadAlgorithms(self) -> None:  # noqa: N802
        descriptions = read_descriptions(ui_language())
        if descriptions:
            for description in descriptions:
                self.addAlgorithm(DescribedAlgorithm(description))
            return
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
