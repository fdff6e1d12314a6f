"""Dock section: planning overlays."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QVBoxLayout

from ..plugin.toolbelt.i18n import tr
from .sections import DockSection


class PlanningSection(DockSection):
    KEY = "planning"

    def __init__(self, iface, parent=None):
        super().__init__(iface, parent)
        layout = QVBoxLayout(self)
        self.add_intro(layout, tr("Overlay the register on the resources: what surrounds each challenge, who can act."))
        layout.addStretch(1)

    def title(self) -> str:
        return tr("Planning")
