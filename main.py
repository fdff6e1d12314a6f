"""The composition root: the plugin class QGIS instantiates (through `classFactory` in `__init__.py`). It wires
the core (`plugin/`) to what QGIS shows: the dock (`ui/`), the toolbar button, the menu, the options page and the
Processing provider (`processing/`). It is the only module that imports both `ui/` and `processing/`, and no module
imports it (tests/test_architecture.py).

Start-up stays cheap: the dock, the options page and the provider are imported in initGui/initProcessing, when QGIS
asks for them, not when this module is imported.
"""

from __future__ import annotations

import os
import sys

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .plugin.toolbelt.i18n import qgis_locale, tr
from .plugin.toolbelt.logger import log
from .plugin.toolbelt.metadata import ICON_PATH, translation_file


class OpenTerritoryPlugin:
    """What QGIS loads and unloads: everything added to QGIS's interface here is removed in `unload`."""

    def __init__(self, iface) -> None:
        self.iface = iface
        self.translator = None
        self.provider = None
        self.dock = None
        self.action = None
        self.help_action = None
        self.locator_filter = None
        self.browser = None  # (item provider, item GUI provider, drop handler) of the Browser's node
        self.options_factory = None
        self._install_translator()

    def _install_translator(self) -> None:
        path = translation_file(qgis_locale())
        if not os.path.exists(path):
            return
        translator = QTranslator()
        if translator.load(path):
            QCoreApplication.installTranslator(translator)
            self.translator = translator
        else:
            log(f"Could not load the translation {path}", "warning")

    # QGIS calls this once the provider registry exists, before initGui.
    def initProcessing(self) -> None:  # noqa: N802
        if self.provider is not None:
            return
        from .processing.provider import OpenTerritoryProvider

        self.provider = OpenTerritoryProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:  # noqa: N802
        from .ui.dock import OpenTerritoryDock
        from .ui.options import OpenTerritoryOptionsFactory

        self.initProcessing()
        self.dock = OpenTerritoryDock(self.iface, self.iface.mainWindow())
        self.dock.setObjectName("OpenTerritoryDock")
        self.iface.addDockWidget(Qt.RightDockWidgetArea, self.dock)
        self.dock.hide()

        self.action = QAction(QIcon(ICON_PATH), tr("Open Territory"), self.iface.mainWindow())
        self.action.setObjectName("OpenTerritoryShowDock")
        self.action.setToolTip(tr("Show the Open Territory panel"))
        self.action.setCheckable(True)
        self.action.toggled.connect(self.dock.setUserVisible)
        self.dock.visibilityChanged.connect(self.action.setChecked)
        self.iface.addToolBarIcon(self.action)
        self.iface.addPluginToMenu(tr("Open Territory"), self.action)
        self.help_action = QAction(
            QgsApplication.getThemeIcon("/mActionHelpContents.svg"), tr("Help"), self.iface.mainWindow()
        )
        self.help_action.setObjectName("OpenTerritoryHelp")
        self.help_action.setToolTip(tr("The user guide, shipped with the plugin"))
        self.help_action.triggered.connect(self.open_help)
        self.iface.addPluginToMenu(tr("Open Territory"), self.help_action)

        self.options_factory = OpenTerritoryOptionsFactory()
        self.iface.registerOptionsWidgetFactory(self.options_factory)

        from .ui.place_locator import PlaceLocatorFilter

        self.locator_filter = PlaceLocatorFilter(self.iface, self.use_place_area)
        self.iface.registerLocatorFilter(self.locator_filter)
        self._add_browser_node()

    def _add_browser_node(self) -> None:
        from qgis.gui import QgsGui

        from .ui.browser import OpenTerritoryDropHandler, OpenTerritoryItemGuiProvider, OpenTerritoryItemProvider

        items, gui = OpenTerritoryItemProvider(), OpenTerritoryItemGuiProvider(self.iface)
        drops = OpenTerritoryDropHandler(self.iface, gui)
        QgsApplication.dataItemProviderRegistry().addProvider(items)
        QgsGui.dataItemGuiProviderRegistry().addProvider(gui)
        self.iface.registerCustomDropHandler(drops)
        self.browser = (items, gui, drops)

    def use_place_area(self, place) -> None:
        """A place chosen in the locator becomes the area of the Resources panels (its outline, loaded)."""
        from .ui.place_area import load_place_area

        if self.dock is None:
            return
        resources = self.dock.section("resources")

        def use(layer):
            self.dock.setUserVisible(True)
            self.dock.tabs.setCurrentWidget(resources)
            resources.use_area(layer)

        load_place_area(place, use, self.iface)

    def open_help(self) -> None:
        from .ui.help import open_guide

        open_guide("index")

    def _remove_browser_node(self) -> None:
        from qgis.gui import QgsGui

        from .ui.dataset_loader import remembered_lists

        items, gui, drops = self.browser
        remembered_lists.changed.disconnect(gui.refresh_remembered)
        self.iface.unregisterCustomDropHandler(drops)
        QgsGui.dataItemGuiProviderRegistry().removeProvider(gui)
        QgsApplication.dataItemProviderRegistry().removeProvider(items)
        self.browser = None

    def unload(self) -> None:
        if self.browser is not None:
            self._remove_browser_node()
        if self.locator_filter is not None:
            self.iface.deregisterLocatorFilter(self.locator_filter)
            self.locator_filter = None
        self.browser = None  # (item provider, item GUI provider, drop handler) of the Browser's node
        if self.options_factory is not None:
            self.iface.unregisterOptionsWidgetFactory(self.options_factory)
            self.options_factory = None
        if self.action is not None:
            self.iface.removePluginMenu(tr("Open Territory"), self.action)
            self.iface.removeToolBarIcon(self.action)
            self.action.deleteLater()
            self.action = None
        if self.help_action is not None:
            self.iface.removePluginMenu(tr("Open Territory"), self.help_action)
            self.help_action.deleteLater()
            self.help_action = None
        self.locator_filter = None
        self.browser = None  # (item provider, item GUI provider, drop handler) of the Browser's node
        if self.dock is not None:
            self.dock.shutdown()
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        # Live layers (GBFS status, GTFS-RT vehicles) stop refreshing: their timers belong to this plugin.
        live_refresh = sys.modules.get(f"{__package__}.plugin.toolbelt.live_refresh")
        if live_refresh is not None:
            live_refresh.stop_all()
        network = sys.modules.get(f"{__package__}.plugin.toolbelt.network")
        if network is not None:
            network.remove_request_preprocessor()
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
