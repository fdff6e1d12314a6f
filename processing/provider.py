"""The `openterritory` Processing provider."""

from __future__ import annotations

import importlib

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..plugin.main import ICON_PATH

# (module under processing/algorithms, class name), imported when QGIS asks the provider for its
# algorithms (as the plugin starts: tests/benchmarks/bench_load_time.py keeps an eye on that cost).
ALGORITHMS = [
    ("ods_load", "OdsLoadAlgorithm"),
    ("ods_search", "OdsSearchAlgorithm"),
    ("load_territory", "LoadTerritoryAlgorithm"),
    ("gbfs_stations", "GbfsStationsAlgorithm"),
    ("gbfs_vehicles", "GbfsVehiclesAlgorithm"),
    ("sensor_community", "SensorCommunityAlgorithm"),
    ("datagouv_load", "DatagouvLoadAlgorithm"),
    ("rudi_load", "RudiLoadAlgorithm"),
    ("challenge_context", "ChallengeContextAlgorithm"),
    ("competence_matrix", "CompetenceMatrixAlgorithm"),
    ("gap_layer", "GapLayerAlgorithm"),
    ("osm_resources", "OsmResourcesAlgorithm"),
    ("register_import", "RegisterImportAlgorithm"),
    ("register_export", "RegisterExportAlgorithm"),
    ("council_map", "CouncilMapAlgorithm"),
    ("gtfs_load", "GtfsLoadAlgorithm"),
    ("gtfs_vehicles", "GtfsVehiclesAlgorithm"),
]


class OpenTerritoryProvider(QgsProcessingProvider):
    def id(self):
        return "openterritory"

    def name(self):
        return "Open Territory"

    def longName(self):  # noqa: N802
        return "Open Territory"

    def icon(self):
        return QIcon(ICON_PATH)

    def svgIconPath(self):  # noqa: N802
        return ICON_PATH

    def loadAlgorithms(self):  # noqa: N802
        for module_name, class_name in ALGORITHMS:
            module = importlib.import_module(f"{__package__}.algorithms.{module_name}")
            self.addAlgorithm(getattr(module, class_name)())
