"""Dock section: resources."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QVBoxLayout

from ..plugin.toolbelt.i18n import tr
from .sections import DockSection


class ResourcesSection(DockSection):
    KEY = "resources"

    def __init__(self, iface, parent=None):
        super().__init__(iface, parent)
        layout = QVBoxLayout(self)
        self.add_intro(layout, tr("Search the open data portals and load their datasets as layers."))
        layout.addStretch(1)

    def title(self) -> str:
        return tr("Resources")
