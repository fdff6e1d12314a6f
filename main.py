"""The composition root: the plugin class QGIS instantiates (through `classFactory` in `__init__.py`). It wires
the core (`plugin/`) to what QGIS shows: the dock (`ui/`), the toolbar button, the menu, the options page and the
Processing provider (`processing/`). It is the only module that imports both `ui/` and `processing/`, and no module
imports it (tests/test_architecture.py).

Start-up stays cheap (tests/desktop/test_dock_desktop.py times it through QGIS's own loader): at start the plugin adds
its toolbar button, menu entries, options page, locator filter, Browser node and Processing provider, whose algorithms
import nothing heavy until they run (tests/processing/test_provider.py). The dock, its tabs, the sources, GDAL and
network code are built on first use: when the user opens the dock, or when the project gets a layer the plugin made
(its custom properties start with "open_territory/"), since the dock offers actions on such layers (refresh from
OpenStreetMap, live GBFS status, the register's lists).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTimer, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .plugin.toolbelt.i18n import qgis_locale, tr
from .plugin.toolbelt.logger import log
from .plugin.toolbelt.metadata import ICON_PATH, translation_file

if TYPE_CHECKING:  # names used in annotations only
    from .ui.dock import OpenTerritoryDock

# Every custom property the plugin sets on a layer starts with this (the OSM spec, the live GBFS feed, the
# register's tables): such a layer in the project is a reason to build the dock.
LAYER_PROPERTY_PREFIX = "open_territory/"


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
        from .ui.options import OpenTerritoryOptionsFactory

        self.initProcessing()
        self.action = QAction(QIcon(ICON_PATH), tr("Open Territory"), self.iface.mainWindow())
        self.action.setObjectName("OpenTerritoryShowDock")
        self.action.setToolTip(tr("Show the Open Territory panel"))
        self.action.setCheckable(True)
        self.action.toggled.connect(self.show_dock)
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
        self._add_place_locator()
        self._add_browser_node()
        project = QgsProject.instance()
        project.layersAdded.connect(self.on_layers_added)
        self.on_layers_added(project.mapLayers().values())

    def ensure_dock(self) -> OpenTerritoryDock | None:
        """The dock, built the first time it is needed (see the module's docstring); None once unloaded."""
        if self.dock is None and self.action is not None:
            from .ui.dock import OpenTerritoryDock

            self.dock = OpenTerritoryDock(self.iface, self.iface.mainWindow())
            self.dock.setObjectName("OpenTerritoryDock")
            self.iface.addDockWidget(Qt.RightDockWidgetArea, self.dock)
            self.dock.hide()
            self.dock.visibilityChanged.connect(self.action.setChecked)
        return self.dock

    def show_dock(self, visible: bool = True) -> None:
        dock = self.ensure_dock() if visible else self.dock
        if dock is not None:
            dock.setUserVisible(visible)

    def on_layers_added(self, layers) -> None:
        """Build the (hidden) dock once the project has a layer the plugin made: the dock's panels offer actions
        on it. Later, after the project's own loading."""
        if self.dock is not None:
            return
        for layer in layers:
            if any(key.startswith(LAYER_PROPERTY_PREFIX) for key in layer.customPropertyKeys()):
                QTimer.singleShot(0, self.ensure_dock)
                return

    def _add_place_locator(self) -> None:
        from .ui.place_locator import PlaceLocatorFilter

        self.locator_filter = PlaceLocatorFilter(self.iface, self.use_place_area)
        self.iface.registerLocatorFilter(self.locator_filter)

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

        if self.ensure_dock() is None:
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

        from .plugin.profiles.remembered import remembered_lists

        items, gui, drops = self.browser
        remembered_lists.changed.disconnect(gui.refresh_remembered)
        self.iface.unregisterCustomDropHandler(drops)
        QgsGui.dataItemGuiProviderRegistry().removeProvider(gui)
        QgsApplication.dataItemProviderRegistry().removeProvider(items)
        self.browser = None

    def unload(self) -> None:
        try:
            QgsProject.instance().layersAdded.disconnect(self.on_layers_added)
        except TypeError:  # initGui never ran
            pass
        if self.browser is not None:
            self._remove_browser_node()
        if self.locator_filter is not None:
            self.iface.deregisterLocatorFilter(self.locator_filter)
            self.locator_filter = None
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
