"""Dock section: territory."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QVBoxLayout

from ..plugin.toolbelt.i18n import tr
from .sections import DockSection


class TerritorySection(DockSection):
    KEY = "territory"

    def __init__(self, iface, parent=None):
        super().__init__(iface, parent)
        layout = QVBoxLayout(self)
        self.add_intro(layout, tr("Pick a territory profile to load its resources."))
        layout.addStretch(1)

    def title(self) -> str:
        return tr("Territory")
