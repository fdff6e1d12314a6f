"""Run by `qgis --code` (tests/desktop/test_postgis_desktop.py): the dock at 360 px, the Territory tab loading the
demo into a schema of the team's PostGIS database (the connection saved in the profile), the tables added to
the project; then the challenge context on those tables and screenshots.

Environment: OT_SHOT_DIR (output folder), OT_PG_CONNECTION, OT_PG_SCHEMA."""

import json
import os
import time
import traceback

import qgis.utils
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.utils import iface

OUT = os.environ["OT_SHOT_DIR"]
report = {"errors": []}
started = time.monotonic()


def setup():
    try:
        iface.mainWindow().showMaximized()
        plugin = qgis.utils.plugins["open_territory"]
        plugin.action.setChecked(True)
        iface.mainWindow().resizeDocks([plugin.ensure_dock()], [360], Qt.Horizontal)
        section = plugin.ensure_dock().section("territory")
        plugin.ensure_dock().tabs.setCurrentWidget(section)
        section.profile_combo.setCurrentIndex(section.profile_combo.findData("demo"))
        section.database.refresh()
        section.database.check.setChecked(True)
        section.database.connection.setCurrentText(os.environ["OT_PG_CONNECTION"])
        section.database.set_schema(os.environ["OT_PG_SCHEMA"])
        section.offline_check.setChecked(True)
        report["destination"] = section.output_path()
        section.start_load(all_resources=True)
        QTimer.singleShot(500, lambda: wait(section))
    except Exception:  # noqa: BLE001 - written to the report, then QGIS quits
        report["errors"].append(traceback.format_exc())
        finish()


def wait(section):
    if section.task is not None and time.monotonic() - started < 120:
        QTimer.singleShot(500, lambda: wait(section))
        return
    try:
        loaded = section.last_report
        report["loaded"] = loaded.layers if loaded else None
        report["failed"] = [o.layer for o in loaded.failed] if loaded else None
        layers = list(QgsProject.instance().mapLayers().values())
        report["layers"] = [
            [layer.name(), layer.providerType(), layer.isValid(), layer.featureCount(), "password" in layer.source()]
            for layer in layers
        ]
        plugin = qgis.utils.plugins["open_territory"]
        report["dock_width"] = plugin.ensure_dock().width()
        report["destination_minimum_width"] = section.database.minimumSizeHint().width()
        iface.mapCanvas().refreshAllLayers()
        QTimer.singleShot(2500, finish)
    except Exception:  # noqa: BLE001
        report["errors"].append(traceback.format_exc())
        finish()


def finish():
    try:
        iface.mainWindow().grab().save(os.path.join(OUT, "qgis_window.png"))
        plugin = qgis.utils.plugins.get("open_territory")
        if plugin is not None and plugin.dock is not None:
            plugin.ensure_dock().grab().save(os.path.join(OUT, "dock.png"))
    except Exception:  # noqa: BLE001
        report["errors"].append(traceback.format_exc())
    with open(os.path.join(OUT, "report.json"), "w", encoding="utf-8") as handle:
        json.dump(report, handle, indent=1, ensure_ascii=False)
    QgsApplication.exit(0)


QTimer.singleShot(800, setup)
