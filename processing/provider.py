"""The `openterritory` Processing provider."""

from __future__ import annotations

import importlib

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..plugin.sources import registry
from ..plugin.toolbelt.metadata import ICON_PATH

# (module under processing/algorithms, class name), imported when QGIS asks the provider for its
# algorithms (as the plugin starts: tests/benchmarks/bench_load_time.py keeps an eye on that cost).
# Each source's own algorithms are the ones its declaration names.
ALGORITHMS = [
    *registry.algorithms(),
    ("load_territory", "LoadTerritoryAlgorithm"),
    ("compose_profile", "ComposeProfileAlgorithm"),
    ("challenge_context", "ChallengeContextAlgorithm"),
    ("competence_matrix", "CompetenceMatrixAlgorithm"),
    ("gap_layer", "GapLayerAlgorithm"),
    ("register_import", "RegisterImportAlgorithm"),
    ("register_export", "RegisterExportAlgorithm"),
    ("council_map", "CouncilMapAlgorithm"),
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
        for module_name, class_name in ALGORITHMS:
            module = importlib.import_module(f"{__package__}.algorithms.{module_name}")
            self.addAlgorithm(getattr(module, class_name)())
