"""Run by `qgis --code` (tests/desktop/test_gtfs_desktop.py): the dock at 360 px, the Resources tab's public
transport panel loading the demo's GTFS network, then its recorded GTFS-RT vehicles with the live refresh on;
screenshots of the dock and the window after each, a report, then QGIS quits.

Environment: OT_PROBE_DIR (output folder), OT_PROBE_ERRORS (the startup probe's error log)."""

import json
import os
import traceback

import qgis.utils
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, Qt, QTimer
from qgis.utils import iface

OUT = os.environ["OT_PROBE_DIR"]
WIDTH = 360
report = {"errors": [], "steps": []}
state = {}


def save(name: str) -> None:
    state["plugin"].ensure_dock().grab().save(os.path.join(OUT, f"{name}_dock.png"))
    iface.mainWindow().grab().save(os.path.join(OUT, f"{name}_window.png"))


def guarded(step):
    def run():
        try:
            step()
        except Exception:  # noqa: BLE001 - written to the report, then QGIS quits
            report["errors"].append(traceback.format_exc())
            finish()

    return run


def wait_for(condition, then, seconds: float = 60.0) -> None:
    """Call `then` once `condition()` holds (polled every 200 ms), or finish with an error after `seconds`."""
    left = [int(seconds * 5)]

    def poll():
        if condition():
            guarded(then)()
        elif left[0] <= 0:
            report["errors"].append(f"timed out waiting before {then.__name__}")
            finish()
        else:
            left[0] -= 1
            QTimer.singleShot(200, poll)

    QTimer.singleShot(200, poll)


def setup():
    from open_territory.plugin.toolbelt.metadata import PLUGIN_DIR

    iface.mainWindow().showMaximized()
    QgsProject.instance().setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    demo = os.path.join(PLUGIN_DIR, "resources", "demo", "data")
    communes = QgsVectorLayer(os.path.join(demo, "boundary", "communes.geojson"), "Communes", "ogr")
    QgsProject.instance().addMapLayer(communes)
    plugin = qgis.utils.plugins["open_territory"]
    state["plugin"] = plugin
    state["demo"] = demo
    plugin.action.setChecked(True)
    iface.mainWindow().resizeDocks([plugin.ensure_dock()], [WIDTH], Qt.Horizontal)
    section = plugin.ensure_dock().section("resources")
    plugin.ensure_dock().tabs.setCurrentWidget(section)
    panel = next(p for p in section.panels if type(p).__name__ == "GtfsPanel")
    section.toolbox.setCurrentWidget(panel)
    state["panel"], state["section"] = panel, section
    QTimer.singleShot(1000, guarded(load_network))


def load_network():
    panel = state["panel"]
    report["dock_width"] = state["plugin"].ensure_dock().width()
    report["panel_minimum_width"] = panel.minimumSizeHint().width()
    report["minimum_widths"] = {
        type(widget).__name__: widget.minimumSizeHint().width()
        for widget in state["plugin"].ensure_dock().sections + state["section"].panels
    }
    toolbox = state["section"].toolbox
    report["panel_title"] = toolbox.itemText(toolbox.currentIndex())
    panel.feed_widget.setFilePath(os.path.join(state["demo"], "gtfs", "network.zip"))
    panel.auto_day_check.setChecked(False)
    panel.day_edit.setDate(QDate(2026, 11, 24))
    panel.licence_edit.setText("Licence Ouverte v2.0")
    save("gtfs_form")
    panel.load_button.click()
    wait_for(lambda: len(QgsProject.instance().mapLayers()) == 3 and panel.load_button.isEnabled(), network_loaded)


def network_loaded():
    panel = state["panel"]
    state.setdefault("statuses", []).append(panel.status.text())
    layers = [layer for layer in QgsProject.instance().mapLayers().values() if layer.name() != "Communes"]
    report["steps"].append(
        {
            "layers": sorted((layer.name(), layer.featureCount(), layer.renderer().type()) for layer in layers),
            "status": panel.status.text(),
        }
    )
    project = QgsProject.instance()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))  # the map in Lambert-93, as a French technician's
    extent = QgsCoordinateTransform(layers[0].crs(), project.crs(), project).transformBoundingBox(layers[0].extent())
    canvas = iface.mapCanvas()
    canvas.setExtent(extent.buffered(600))
    canvas.refreshAllLayers()
    QTimer.singleShot(1500, guarded(shoot_network))


def shoot_network():
    save("gtfs_network")
    panel = state["panel"]
    panel.kind_combo.setCurrentIndex(1)
    panel.feed_widget.setFilePath(os.path.join(state["demo"], "gtfs", "vehicle_positions.pb"))
    panel.refresh_check.setChecked(True)
    panel.refresh_spin.setValue(30)
    panel.load_button.click()
    wait_for(lambda: len(QgsProject.instance().mapLayers()) == 4 and panel.load_button.isEnabled(), vehicles_loaded)


def vehicles_loaded():
    from open_territory.plugin.sources.gtfs import refresh

    panel = state["panel"]
    state["statuses"].append(panel.status.text())
    vehicles = [layer for layer in QgsProject.instance().mapLayers().values() if layer.geometryType() == 0]
    report["steps"].append(
        {
            "layers": sorted((layer.name(), layer.featureCount()) for layer in vehicles),
            "status": panel.status.text(),
            "watched": len(refresh.watched_layers()),
        }
    )
    iface.mapCanvas().refreshAllLayers()
    QTimer.singleShot(1500, guarded(shoot_vehicles))


def shoot_vehicles():
    save("gtfs_vehicles")
    standalone_panels()
    finish()


def standalone_panels():
    """The panel alone, 360 px wide, for each kind: what a 360 px dock shows of it, whatever the other tabs ask."""
    from open_territory.ui.resources.gtfs_panel import GtfsPanel

    for index, name in ((0, "network"), (1, "vehicles")):
        panel = GtfsPanel(iface)
        panel.kind_combo.setCurrentIndex(index)
        panel.feed_widget.setFilePath(
            os.path.join(state["demo"], "gtfs", ("network.zip", "vehicle_positions.pb")[index])
        )
        panel.status.setText(state["statuses"][index])
        panel.show()
        panel.setFixedSize(WIDTH, max(panel.sizeHint().height(), panel.layout().totalHeightForWidth(WIDTH)))
        QgsApplication.processEvents()
        report.setdefault("standalone_widths", []).append(panel.width())
        panel.grab().save(os.path.join(OUT, f"gtfs_{name}_360.png"))
        panel.close()
        panel.deleteLater()


def finish():
    with open(os.path.join(OUT, "report.json"), "w", encoding="utf-8") as handle:
        json.dump(report, handle, ensure_ascii=False)
    QgsApplication.exit(0)


QTimer.singleShot(800, guarded(setup))
