"""Dock section: register."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QVBoxLayout

from ..plugin.toolbelt.i18n import tr
from .sections import DockSection


class RegisterSection(DockSection):
    KEY = "register"

    def __init__(self, iface, parent=None):
        super().__init__(iface, parent)
        layout = QVBoxLayout(self)
        self.add_intro(layout, tr("Keep the register of the territory's challenges and actors."))
        layout.addStretch(1)

    def title(self) -> str:
        return tr("Register")
