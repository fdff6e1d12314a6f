"""Dock section: resources, one page per kind of source."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QToolBox, QVBoxLayout

from ..plugin.toolbelt.i18n import tr
from .database_destination import DatabaseDestination
from .resources.remembered_row import RememberedRow
from .sections import DockSection


def source_panel_classes() -> list:
    """Panels of the resources section, in display order. Each is a QWidget taking (iface, parent)
    with a `title()` method and a `shutdown()` method, in a module of ui/resources/."""
    from .resources.datagouv_panel import DatagouvPanel
    from .resources.gbfs_panel import GbfsPanel
    from .resources.gtfs_panel import GtfsPanel
    from .resources.ods_panel import OdsPanel
    from .resources.osm_panel import OsmPanel
    from .resources.rudi_panel import RudiPanel
    from .resources.sensors_panel import SensorsPanel

    return [OdsPanel, DatagouvPanel, RudiPanel, GbfsPanel, GtfsPanel, SensorsPanel, OsmPanel]


class ResourcesSection(DockSection):
    KEY = "resources"

    def __init__(self, iface, parent=None):
        super().__init__(iface, parent)
        layout = QVBoxLayout(self)
        self.add_intro(layout, tr("Search the open data portals and load their datasets as layers."))
        self.database = DatabaseDestination(self)  # where every panel writes, when ticked
        layout.addWidget(self.database)
        self.remembered = RememberedRow(iface, self)
        layout.addWidget(self.remembered)
        self.toolbox = QToolBox(self)
        self.panels = []
        for cls in source_panel_classes():
            panel = cls(iface, self.toolbox)
            panel.database = self.database
            self.panels.append(panel)
            self.toolbox.addItem(panel, panel.title())
        layout.addWidget(self.toolbox, 1)

    def title(self) -> str:
        return tr("Resources")

    def use_area(self, layer) -> None:
        """Make `layer` (a place's outline) the area of the panels that take an area layer."""
        for panel in self.panels:
            panel.use_area(layer)

    def shutdown(self) -> None:
        for panel in self.panels:
            panel.shutdown()
