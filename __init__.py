"""Open Territory QGIS plugin entry point: QGIS calls `classFactory`, which builds the composition root
(main.py). Nothing else is imported here, so that QGIS's start-up pays only for what it asks."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qgis.gui import QgisInterface

    from .main import OpenTerritoryPlugin


def classFactory(iface: QgisInterface) -> OpenTerritoryPlugin:  # noqa: N802 - name imposed by QGIS
    from .main import OpenTerritoryPlugin

    return OpenTerritoryPlugin(iface)
