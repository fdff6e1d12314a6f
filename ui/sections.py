"""The dock's sections, in display order. Each is a `DockSection` in its own module."""

from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QLabel, QVBoxLayout, QWidget


class DockSection(QWidget):
    """Base of a dock tab: a key, a translated title, and a hook to stop background work."""

    KEY = ""

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.setObjectName(f"OpenTerritorySection_{self.KEY}")

    def title(self) -> str:
        raise NotImplementedError

    def shutdown(self) -> None:
        """Cancel running tasks; called when the plugin unloads."""

    def add_intro(self, layout: QVBoxLayout, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextBrowserInteraction)
        label.setOpenExternalLinks(True)
        layout.addWidget(label)
        return label


def section_classes():
    # Imported here so the dock pays for a section only when it is built.
    from .export_section import ExportSection
    from .planning_section import PlanningSection
    from .register_section import RegisterSection
    from .resources_section import ResourcesSection
    from .territory_section import TerritorySection

    return [TerritorySection, ResourcesSection, RegisterSection, PlanningSection, ExportSection]
