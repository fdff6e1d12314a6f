"""The plugin class QGIS instantiates: wires the dock, the toolbar, the menu, the options page and the provider."""

from __future__ import annotations

import os
import sys

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .toolbelt.i18n import qgis_locale, tr
from .toolbelt.logger import log

PLUGIN_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ICON_PATH = os.path.join(PLUGIN_DIR, "resources", "icons", "open_territory.svg")


def translation_file(locale: str) -> str:
    return os.path.join(PLUGIN_DIR, "i18n", f"open_territory_{locale}.qm")


class OpenTerritoryPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.translator = None
        self.provider = None
        self.dock = None
        self.action = None
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
    def initProcessing(self):  # noqa: N802
        if self.provider is not None:
            return
        from ..processing.provider import OpenTerritoryProvider

        self.provider = OpenTerritoryProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802
        from ..ui.dock import OpenTerritoryDock
        from ..ui.options import OpenTerritoryOptionsFactory

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

        self.options_factory = OpenTerritoryOptionsFactory()
        self.iface.registerOptionsWidgetFactory(self.options_factory)

    def unload(self):
        if self.options_factory is not None:
            self.iface.unregisterOptionsWidgetFactory(self.options_factory)
            self.options_factory = None
        if self.action is not None:
            self.iface.removePluginMenu(tr("Open Territory"), self.action)
            self.iface.removeToolBarIcon(self.action)
            self.action.deleteLater()
            self.action = None
        if self.dock is not None:
            self.dock.shutdown()
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        network = sys.modules.get(f"{__package__}.toolbelt.network")
        if network is not None:
            network.remove_request_preprocessor()
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
