"""The Open Territory dock: one tab per section (territory, resources, register, export)."""

from __future__ import annotations

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ..plugin.toolbelt.i18n import tr
from .sections import section_classes


class OpenTerritoryDock(QgsDockWidget):
    def __init__(self, iface, parent=None):
        super().__init__(tr("Open Territory"), parent)
        self.iface = iface
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.tabs = QTabWidget(body)
        self.tabs.setObjectName("OpenTerritoryTabs")
        layout.addWidget(self.tabs)
        self.setWidget(body)
        self.sections = []
        for cls in section_classes():
            section = cls(iface, self.tabs)
            self.sections.append(section)
            self.tabs.addTab(section, section.title())

    def section(self, key: str):
        for section in self.sections:
            if section.KEY == key:
                return section
        raise KeyError(key)

    def shutdown(self) -> None:
        """Cancel what the sections still run, before the plugin unloads."""
        for section in self.sections:
            section.shutdown()
