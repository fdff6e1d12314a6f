"""Run by `qgis --code` (tests/desktop/test_content_desktop.py): what issue 14's content checks show a user, in the
real desktop with the dock at 360 px.

1. Resources › data.gouv.fr, against a local stand-in of the udata API: a CSV whose latitude and longitude are
   swapped and one of whose rows has impossible coordinates is searched for and loaded; the message bar says so
   (saved as load_window.png and load_dock.png).
2. Register: a file of 120 challenges located from their address, imported through the dock's own import with
   the BAN stand-in (tests/benchmarks/ban_standin.py: the batch endpoint); the import report window lists the
   addresses left out (saved as import_report.png).

Environment: OT_SHOT_DIR (output folder), OT_REPO (the repository, for the BAN stand-in)."""

import json
import os
import sys
import threading
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import qgis.utils
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.utils import iface

OUT = os.environ["OT_SHOT_DIR"]
sys.path.insert(0, os.path.join(os.environ["OT_REPO"], "tests", "benchmarks"))
from ban_standin import BanStandIn  # noqa: E402

report = {"errors": [], "messages": []}
CSV = (
    "nom_du_site;latitude;longitude;capacite\n"  # latitude and longitude swapped by the publisher
    "Gare Sud;-1,6722;48,1036;12\n"
    "Hôtel de Ville;-1,6794;48,111;8\n"
    "Champs Libres;-1,6747;48,1058;6\n"
    "Sainte-Anne;-1,6800;48,1147;10\n"
    "Hors du monde;1e308;95;4\n"
)


def udata_standin() -> str:
    """data.gouv.fr's API as far as the panel asks it: the search, the dataset, its CSV."""
    server = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            base = server["url"]
            resource = {"id": "0a1b2c3d-arceaux", "title": "arceaux.csv", "format": "csv", "filesize": len(CSV),
                        "url": f"{base}/files/arceaux.csv", "type": "main"}  # fmt: skip
            dataset = {"id": "5b1a", "slug": "arceaux-velos-rennes", "title": "Arceaux vélos",
                       "organization": {"name": "Ville de Démo"}, "license": "lov2", "resources": [resource],
                       "description": "Arceaux de stationnement vélo"}  # fmt: skip
            path = self.path.split("?")[0]
            if path == "/api/1/datasets/":
                body, kind = json.dumps({"data": [dataset], "page": 1, "page_size": 50, "total": 1}), "application/json"
            elif path.startswith("/api/1/datasets/"):
                body, kind = json.dumps(dataset), "application/json"
            else:
                body, kind = CSV, "text/csv; charset=utf-8"
            data = body.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    server["url"] = f"http://127.0.0.1:{httpd.server_port}"
    return server["url"]


def messages() -> list:
    return [item.text() for item in iface.messageBar().items()]


def later(milliseconds, function):
    def guarded():
        try:
            function()
        except Exception:  # noqa: BLE001 - written to the report, then QGIS quits
            report["errors"].append(traceback.format_exc())
            finish()

    QTimer.singleShot(milliseconds, guarded)


def wait(condition, then, tries=150):
    if condition():
        later(300, then)
    elif tries <= 0:
        report["errors"].append(f"timed out waiting before {then.__name__}")
        finish()
    else:
        later(200, lambda: wait(condition, then, tries - 1))


def setup():
    iface.mainWindow().showMaximized()
    plugin = qgis.utils.plugins["open_territory"]
    plugin.action.setChecked(True)
    iface.mainWindow().resizeDocks([plugin.ensure_dock()], [360], Qt.Horizontal)
    section = plugin.ensure_dock().section("resources")
    plugin.ensure_dock().tabs.setCurrentWidget(section)
    panel = next(p for p in section.panels if type(p).__name__ == "DatagouvPanel")
    section.toolbox.setCurrentWidget(panel)
    panel.server.setText(udata_standin())
    panel.query.setText("arceaux")
    panel.search_button.click()
    wait(lambda: panel.datasets.topLevelItemCount() > 0, lambda: load(plugin, panel))


def load(plugin, panel):
    panel.datasets.setCurrentItem(panel.datasets.topLevelItem(0))
    panel.load_button.click()
    wait(lambda: panel.task is None and panel.load_button.isEnabled(), lambda: loaded(plugin, panel))


def loaded(plugin, panel):
    from qgis.PyQt.QtWidgets import QScrollArea

    widget = panel.status
    while widget is not None and not isinstance(widget, QScrollArea):
        widget = widget.parentWidget()
    if widget is not None:
        widget.ensureWidgetVisible(panel.status)  # the status line, under the lists
    report["dock_width"] = plugin.ensure_dock().width()
    report["load_status"] = panel.status.text()
    report["messages"] = messages()
    iface.mainWindow().grab().save(os.path.join(OUT, "load_window.png"))
    plugin.ensure_dock().grab().save(os.path.join(OUT, "load_dock.png"))
    iface.messageBar().clearWidgets()
    later(500, lambda: import_addresses(plugin))


def import_addresses(plugin):
    from open_territory.plugin.register import geocode

    standin = BanStandIn(rate_limit=50)
    report["standin"] = standin
    geocode.BAN_URL = standin.url  # the dock asks the BAN: here its stand-in
    path = os.path.join(OUT, "enjeux.csv")
    with open(path, "w", encoding="cp1252", newline="") as handle:
        handle.write("Titre;Domaine;Adresse;Commune\r\n")
        for number in range(1, 121):
            handle.write(f"Arceaux {number};vélo;{number} rue de la Gare;Rennes\r\n")
        handle.write("Nulle part;voirie;4 rue de Nulle Part;Rennes\r\nPerdu;voirie;1 rue Introuvable;Rennes\r\n")
    target = os.path.join(OUT, "register.gpkg")
    section = plugin.ensure_dock().section("register")
    plugin.ensure_dock().tabs.setCurrentWidget(section)
    section.ask_target = lambda _mode: target  # the register dialog's answer
    section.ask_import = lambda: (path, "challenges", True)  # the import dialog's answer
    section.create()

    def start():
        later(300, lambda: watch_report(plugin, section))
        section.import_file()

    wait(lambda: section.current_target() == target and section.import_button.isEnabled(), start)


def watch_report(plugin, section, tries=150):
    dialog = QApplication.activeModalWidget()
    if dialog is None or type(dialog).__name__ != "ImportReportDialog":
        if tries <= 0:
            report["errors"].append("no import report window")
            finish()
            return
        later(200, lambda: watch_report(plugin, section, tries - 1))
        return
    last = section.last_report
    standin = report.pop("standin")
    report["import"] = {
        "imported": last.imported,
        "geocoded": last.geocoded,
        "failed": [reason for _line, reason in last.failed],
        "batches": standin.batches,
        "searches": standin.searches,
        "rows_shown": dialog.table.rowCount(),
    }
    dialog.grab().save(os.path.join(OUT, "import_report.png"))
    plugin.ensure_dock().grab().save(os.path.join(OUT, "import_dock.png"))
    standin.close()
    dialog.accept()
    later(300, finish)


def finish():
    report.pop("standin", None)
    with open(os.path.join(OUT, "report.json"), "w", encoding="utf-8") as handle:
        json.dump(report, handle, indent=1, ensure_ascii=False)
    QgsApplication.exit(0)


later(800, setup)
