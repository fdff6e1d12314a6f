"""Dock section: export."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QVBoxLayout

from ..plugin.toolbelt.i18n import tr
from .sections import DockSection


class ExportSection(DockSection):
    KEY = "export"

    def __init__(self, iface, parent=None):
        super().__init__(iface, parent)
        layout = QVBoxLayout(self)
        self.add_intro(layout, tr("Export the current map for a council meeting."))
        layout.addStretch(1)

    def title(self) -> str:
        return tr("Export")
