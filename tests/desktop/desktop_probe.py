"""Run by `qgis --code`: checks the plugin is loaded, shows its dock, saves screenshots, quits."""

import json
import os

import qgis.utils
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface

OUT = os.environ["OT_PROBE_DIR"]


def finish():
    report = {
        "active_plugins": list(qgis.utils.active_plugins),
        "loaded": "open_territory" in qgis.utils.plugins,
        "available": list(qgis.utils.available_plugins),
        "plugin_paths": list(qgis.utils.plugin_paths),
        "providers": [p.id() for p in QgsApplication.processingRegistry().providers()],
        "algorithms": sorted(
            a.id()
            for a in QgsApplication.processingRegistry().algorithms()
            if a.provider() and a.provider().id() == "openterritory"
        ),
    }
    plugin = qgis.utils.plugins.get("open_territory")
    if plugin is not None:
        report["dock_built_at_start"] = plugin.dock is not None  # built on first use: not at start
        plugin.action.setChecked(True)
        QgsApplication.processEvents()
        report["dock_visible"] = plugin.dock.isVisible()
        report["tabs"] = [plugin.dock.tabs.tabText(i) for i in range(plugin.dock.tabs.count())]
        plugin.dock.grab().save(os.path.join(OUT, "dock.png"))
    iface.mainWindow().grab().save(os.path.join(OUT, "qgis_window.png"))
    with open(os.path.join(OUT, "report.json"), "w", encoding="utf-8") as handle:
        json.dump(report, handle)
    QgsApplication.exit(0)


def show_then_finish():
    iface.mainWindow().showMaximized()
    QTimer.singleShot(1500, finish)


QTimer.singleShot(500, show_then_finish)
