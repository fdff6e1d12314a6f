"""Run by `qgis --code` (tests/desktop/test_compose_desktop.py): in the real desktop, the dock 360 px wide, the
Territory tab's composer typed into like a user ("Vitré", key by key), the suggestion chosen in the completion
list, "Compose" clicked, then "Load ticked"; screenshots at each stage, a report, then QGIS quits.

Environment: OT_PROBE_DIR (output folder), OT_PROBE_TEXT (what to type), OT_PROBE_PICK (the suggestion to
choose, as listed)."""

import json
import os
import time
import traceback

import qgis.utils
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QEvent, QPoint, QRect, Qt, QTimer
from qgis.PyQt.QtGui import QKeyEvent
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication
from qgis.utils import iface

OUT = os.environ["OT_PROBE_DIR"]
TEXT = os.environ.get("OT_PROBE_TEXT", "Vitré")
PICK = os.environ.get("OT_PROBE_PICK", "")
DOCK_WIDTH = 360
report = {"errors": [], "stages": []}


def shoot(name: str) -> None:
    """The screen as the user sees it (the completion list is a window of its own), and the dock's part of it."""
    dock = qgis.utils.plugins["open_territory"].ensure_dock()
    screen = QApplication.primaryScreen().grabWindow(0)
    screen.save(os.path.join(OUT, f"window_{name}.png"))
    screen.copy(QRect(dock.mapToGlobal(QPoint(0, 0)), dock.size())).save(os.path.join(OUT, f"dock_{name}.png"))
    report["stages"].append(name)


def when(condition, then, seconds: float = 120, step_ms: int = 200) -> None:
    """Call `then()` once `condition()` holds (the event loop runs meanwhile); finish on a timeout."""
    deadline = time.monotonic() + seconds

    def poll():
        try:
            if condition():
                then()
            elif time.monotonic() > deadline:
                report["errors"].append(f"timed out waiting for {getattr(then, '__name__', then)}")
                finish()
            else:
                QTimer.singleShot(step_ms, poll)
        except Exception:  # noqa: BLE001 - written to the report, then QGIS quits
            report["errors"].append(traceback.format_exc())
            finish()

    QTimer.singleShot(step_ms, poll)


def section():
    return qgis.utils.plugins["open_territory"].ensure_dock().section("territory")


def setup():
    try:
        # Xvfb has no window manager to maximize the window, or to activate the one a user would be typing in.
        iface.mainWindow().showMaximized()
        iface.mainWindow().setGeometry(QApplication.primaryScreen().availableGeometry())
        QApplication.setActiveWindow(iface.mainWindow())
        plugin = qgis.utils.plugins["open_territory"]
        plugin.action.setChecked(True)
        dock = plugin.ensure_dock()
        iface.mainWindow().resizeDocks([dock], [DOCK_WIDTH], Qt.Horizontal)
        dock.tabs.setCurrentWidget(section())
        QTimer.singleShot(800, type_name)
    except Exception:  # noqa: BLE001
        report["errors"].append(traceback.format_exc())
        finish()


def type_text(widget, text: str, then, delay_ms: int = 80) -> None:
    """Key presses carrying each character, as a keyboard sends them (QTest.keyClicks refuses "é"), one every
    `delay_ms`: the completion waits for a pause in the typing."""

    def press(index: int) -> None:
        if index == len(text):
            then()
            return
        char = text[index]
        key = ord(char.upper()) if char.isascii() else 0
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.NoModifier, char))
        QTimer.singleShot(delay_ms, lambda: press(index + 1))

    press(0)


def type_name():
    box = section().compose_box
    dock = qgis.utils.plugins["open_territory"].ensure_dock()
    # The narrowest the dock can be is its widest tab's minimum: the Territory tab's own is reported apart.
    report["dock_width"], report["dock_min_width"] = dock.width(), dock.minimumSizeHint().width()
    report["territory_min_width"] = section().minimumSizeHint().width()
    box.field.setFocus()
    report["field_focus"] = box.field.hasFocus()
    type_text(
        box.field,
        TEXT,
        lambda: when(
            lambda: box.completer.popup().isVisible() and box.model.rowCount() > 0, suggestions_shown, seconds=40
        ),
    )


def suggestions_shown():
    box = section().compose_box
    report["suggestions"] = box.model.stringList()
    shoot("suggestions")
    popup = box.completer.popup()
    labels = box.model.stringList()
    row = labels.index(PICK) if PICK in labels else 0
    popup.setCurrentIndex(box.completer.completionModel().index(row, 0))
    QTest.keyClick(popup, Qt.Key_Return)
    QTimer.singleShot(300, compose)


def compose():
    box = section().compose_box
    report["chosen"] = box.chosen.label() if box.chosen is not None else None
    report["field"] = box.field.text()
    QTest.mouseClick(box.compose_button, Qt.LeftButton)
    report["busy_button"] = box.compose_button.text()
    when(lambda: box.compose_task is None, composed)


def composed():
    tab = section()
    profile = tab.profile
    report["status"] = tab.compose_box.status.text()
    report["profile"] = {"name": profile.name, "path": profile.path, "entries": len(profile.resources)}
    report["ticked"] = tab.checked_layers()
    shoot("composed")
    tab.output.setFilePath(os.path.join(OUT, "territory.gpkg"))
    QTest.mouseClick(tab.load_selected_button, Qt.LeftButton)
    when(lambda: tab.task is None and tab.last_report is not None, loaded, seconds=300)


def loaded():
    tab = section()
    result = tab.last_report
    report["loaded"] = sorted(result.layers)
    report["failed"] = {o.layer: o.message for o in result.failed}
    report["project_layers"] = sorted(layer.name() for layer in QgsProject.instance().mapLayers().values())
    report["crs"] = QgsProject.instance().crs().authid()
    iface.mapCanvas().setExtent(iface.mapCanvas().fullExtent())
    iface.mapCanvas().refresh()
    QTimer.singleShot(2500, lambda: (shoot("loaded"), finish()))


def finish():
    try:
        box = section().compose_box
        report["last"] = {"field": box.field.text(), "status": box.status.text(), "offered": box.model.stringList()}
    except Exception:  # noqa: BLE001
        report["errors"].append(traceback.format_exc())
    with open(os.path.join(OUT, "report.json"), "w", encoding="utf-8") as handle:
        json.dump(report, handle, indent=1, ensure_ascii=False)
    QgsApplication.exit(0)


QTimer.singleShot(1500, setup)
