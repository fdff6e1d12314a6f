"""Run by `qgis --code` (the SCRIPT of tests/desktop/register_screenshot.sh): the OpenStreetMap panel of the
dock, 360 px wide, loading the demo's bicycle parking as polygons and its cycleways from a local Overpass
stand-in (the demo's OSM data answered as Overpass prints it), then the user's own query typed, its query
and Overpass Turbo link shown; the main window and the dock saved as PNG.

Environment: OT_SHOT_DIR (output folder), OT_SHOT_SCRIPTS (the repository's scripts folder).

    tests/desktop/register_screenshot.sh OUT_DIR en_GB|fr_FR tests/desktop/osm_screenshot.py
"""

import json
import os
import sys
import threading
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import qgis.utils
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFillSymbol,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.utils import iface

OUT = os.environ["OT_SHOT_DIR"]
report = {"errors": []}


def overpass_stand_in(data_path: str, scripts: str) -> str:
    """A local Overpass interpreter answering from the demo's OSM data; returns its URL."""
    sys.path.insert(0, scripts)
    from overpass_replies import OsmData, reply

    with open(data_path, "rb") as handle:
        data = OsmData.from_xml(handle.read())

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8")
            content = reply(data, parse_qs(body).get("data", [""])[0])
            self.send_response(200)
            self.send_header("Content-Type", "application/osm3s+xml")
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/api/interpreter"


def setup():
    try:
        from open_territory.plugin.toolbelt.metadata import PLUGIN_DIR

        demo = os.path.join(PLUGIN_DIR, "resources", "demo", "data")
        scripts = os.environ["OT_SHOT_SCRIPTS"]  # the repository's scripts/ (not in the plugin's package)
        iface.mainWindow().showMaximized()
        communes = QgsVectorLayer(os.path.join(demo, "boundary", "communes.geojson"), "Communes", "ogr")
        communes.renderer().setSymbol(
            QgsFillSymbol.createSimple(
                {"color": "244,243,238,255", "outline_color": "140,140,140,255", "outline_width": "0.4"}
            )
        )
        QgsProject.instance().addMapLayer(communes)
        QgsProject.instance().setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
        iface.mapCanvas().setExtent(communes.extent())
        plugin = qgis.utils.plugins["open_territory"]
        plugin.action.setChecked(True)
        dock = plugin.ensure_dock()
        dock.setFixedWidth(360)  # the narrowest dock the panel must fit
        section = dock.section("resources")
        dock.tabs.setCurrentWidget(section)
        panel = next(p for p in section.panels if type(p).__name__ == "OsmPanel")
        section.toolbox.setCurrentWidget(panel)
        panel.server_combo.setCurrentText(overpass_stand_in(os.path.join(demo, "osm", "demo.osm"), scripts))
        for i in range(panel.category_list.count()):
            item = panel.category_list.item(i)
            item.setCheckState(Qt.Checked if item.data(Qt.UserRole) in ("bicycle_parking", "cycleway") else 0)
        panel.drawing_combo.setCurrentIndex(panel.drawing_combo.findData("polygons"))
        panel.load_button.click()
        QTimer.singleShot(4000, lambda: own_query(panel))
    except Exception:  # noqa: BLE001 - written to the report, then QGIS quits
        report["errors"].append(traceback.format_exc())
        finish()


def own_query(panel):
    try:
        layers = QgsProject.instance().mapLayers().values()
        report["layers"] = {
            layer.name(): [layer.featureCount(), layer.geometryType()] for layer in layers if layer.name() != "Communes"
        }
        report["status"] = panel.status.text()
        parking = next(layer for layer in layers if layer.name().endswith(("parking", "vélo")))
        iface.mapCanvas().setExtent(parking.extent().buffered(0.002))
        iface.mapCanvas().refresh()
        scroll = panel.parent()
        while scroll is not None and not hasattr(scroll, "verticalScrollBar"):
            scroll = scroll.parent()
        if scroll is not None:
            scroll.verticalScrollBar().setValue(0)
        qgis.utils.plugins["open_territory"].ensure_dock().grab().save(os.path.join(OUT, "dock_loaded.png"))
        panel.query_box.setCollapsed(False)
        panel.query_box.tags_edit.setText("amenity=bicycle_parking & covered=yes")
        report["query"] = panel.query_box.query_view.toPlainText()
        report["turbo"] = panel.query_box.turbo_link.text()
        QTimer.singleShot(800, finish)
    except Exception:  # noqa: BLE001
        report["errors"].append(traceback.format_exc())
        finish()


def finish():
    try:
        iface.mainWindow().grab().save(os.path.join(OUT, "qgis_window.png"))
        plugin = qgis.utils.plugins.get("open_territory")
        if plugin is not None and plugin.dock is not None:
            plugin.ensure_dock().grab().save(os.path.join(OUT, "dock.png"))
            report["dock_width"] = plugin.ensure_dock().width()
    except Exception:  # noqa: BLE001
        report["errors"].append(traceback.format_exc())
    with open(os.path.join(OUT, "report.json"), "w", encoding="utf-8") as handle:
        json.dump(report, handle, indent=1, ensure_ascii=False)
    QgsApplication.exit(0)


QTimer.singleShot(1500, setup)
