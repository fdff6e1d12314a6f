"""The Open Territory dock: one tab per section (territory, resources, register, planning, export).

The plugin class imports this module in initGui only, so the sections' modules are paid for when the dock is
built, not when QGIS imports the plugin."""

from __future__ import annotations

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ..plugin.toolbelt.i18n import tr
from .export_section import ExportSection
from .help import help_button
from .narrow import fit_narrow
from .planning_section import PlanningSection
from .register_section import RegisterSection
from .resources_section import ResourcesSection
from .sections import DockSection
from .territory_section import TerritorySection


def section_classes() -> list:
    """The dock's tabs, in display order."""
    return [TerritorySection, ResourcesSection, RegisterSection, PlanningSection, ExportSection]


class OpenTerritoryDock(QgsDockWidget):
    def __init__(self, iface, parent: QWidget | None = None) -> None:
        super().__init__(tr("Open Territory"), parent)
        self.iface = iface
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.tabs = QTabWidget(body)
        self.tabs.setObjectName("OpenTerritoryTabs")
        layout.addWidget(self.tabs)
        self.help_button = help_button(self.tabs, lambda: self.tabs.currentWidget().KEY)
        self.tabs.setCornerWidget(self.help_button, Qt.TopRightCorner)
        self.setWidget(body)
        self.sections = []
        for cls in section_classes():
            section = cls(iface, self.tabs)
            fit_narrow(section)
            self.sections.append(section)
            self.tabs.addTab(section, section.title())

    def section(self, key: str) -> DockSection:
        for section in self.sections:
            if section.KEY == key:
                return section
        raise KeyError(key)

    def shutdown(self) -> None:
        """Cancel what the sections still run, before the plugin unloads."""
        for section in self.sections:
            section.shutdown()
