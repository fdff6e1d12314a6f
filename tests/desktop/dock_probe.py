"""Run by `qgis --code` (see tests/desktop/dock_figures.py): what a technician meets in the real desktop, measured.

Steps, one after the other, driven by timers so that QGIS's event loop runs between them:
1. the plugin's start time through QGIS's own loader (recorded by startup_probe.py);
2. the dock shown, every tab made current in turn: the tab page's and the dock's minimum width, and a
   screenshot of the tab with the dock at 360 px;
3. the demo territory loaded from the Territory tab into an empty, unsaved project, with a 20 ms timer
   measuring the longest gap between its ticks (the main thread's longest stall) until the load has
   ended and its layers are on the map; then the project's CRS, the layers, the message bar;
4. the same load again (OT_LOADS times in all), then the GeoPackages left in the profile and beside it;
5. a council map exported from the Export tab, with the same timer;
6. a project already in EPSG:3857 with a layer: one more load, then its CRS.
Everything goes to OT_PROBE_DIR/report.json; the screenshots beside it.
"""

import glob
import json
import os
import time
import traceback

import qgis.utils
from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QObject, Qt, QTimer
from qgis.utils import iface

OUT = os.environ["OT_PROBE_DIR"]
ROOT = os.environ.get("OT_PROFILE_ROOT", OUT)  # the throw-away QGIS profiles folder
LOADS = int(os.environ.get("OT_LOADS", "3"))
STEPS = os.environ.get("OT_STEPS", "widths,load,files,export,crs").split(",")
DOCK_WIDTH = 360
report = {"errors": [], "locale": QgsApplication.locale()}
_keep = []  # Python objects Qt must not collect while timers run


class StallMeter(QObject):
    """A 20 ms timer: the longest gap between two ticks is the longest time the main thread did not return to
    its event loop. Beside each gap, the CPU time the main thread itself used during it (time.thread_time): on a busy
    machine a gap also holds the time the thread waited for a core, which its CPU time does not. `until()` is polled
    at each tick; when it holds, `settle` seconds more are measured."""

    def __init__(self, label, until, then, settle=1.5, timeout=300):
        super().__init__()
        self.label, self.until, self.then, self.settle, self.timeout = label, until, then, settle, timeout
        self.gaps = []
        self.started = self.last = time.perf_counter()
        self.done_at = None
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.setTimerType(Qt.PreciseTimer)
        self.timer.timeout.connect(self.tick)
        _keep.append(self)

    def start(self):
        self.started = self.last = time.perf_counter()
        self.last_cpu = time.thread_time()
        self.timer.start()

    def tick(self):
        now, cpu = time.perf_counter(), time.thread_time()
        self.gaps.append((now - self.last, now - self.started, cpu - self.last_cpu))
        self.last, self.last_cpu = now, cpu
        try:
            finished = self.until()
        except Exception:  # noqa: BLE001 - recorded, the measure ends
            report["errors"].append(traceback.format_exc())
            finished = True
        if finished and self.done_at is None:
            self.done_at = now
        timed_out = now - self.started > self.timeout
        if (self.done_at is not None and now - self.done_at >= self.settle) or timed_out:
            self.timer.stop()
            longest = sorted(self.gaps, reverse=True)[:5]
            busiest = max(self.gaps, key=lambda gap: gap[2]) if self.gaps else (0, 0, 0)
            report[self.label] = {
                "longest_gap_ms": round(longest[0][0] * 1000, 1) if longest else None,
                "five_longest_ms_at_s_cpu": [
                    [round(g * 1000, 1), round(t, 2), round(c * 1000, 1)] for g, t, c in longest
                ],
                "longest_busy_ms": round(busiest[2] * 1000, 1),
                "seconds": round((self.done_at or now) - self.started, 2),
                "timed_out": timed_out,
            }
            QTimer.singleShot(0, self.then)


def plugin():
    return qgis.utils.plugins.get("open_territory")


def dock():
    return plugin().dock


def guarded(function):
    def run(*args):
        try:
            function(*args)
        except Exception:  # noqa: BLE001 - recorded; the probe goes on to the end
            report["errors"].append(f"{function.__name__}: {traceback.format_exc()}")
            next_step()

    run.__name__ = function.__name__
    return run


_queue = []


def next_step():
    if _queue:
        QTimer.singleShot(100, _queue.pop(0))
    else:
        QTimer.singleShot(100, finish)


@guarded
def start():
    iface.mainWindow().showMaximized()
    report["load_times_ms"] = {k: round(v * 1000, 1) for k, v in qgis.utils.open_territory_load_times.items()}
    report["plugin_times"] = dict(qgis.utils.plugin_times)
    report["loaded"] = "open_territory" in qgis.utils.plugins
    report["modules_after_start"] = sorted(m for m in __import__("sys").modules if m.startswith("open_territory"))
    plugin().action.setChecked(True)
    QgsApplication.processEvents()
    if "widths" in STEPS:
        _queue.append(widths)
    if "load" in STEPS:
        _queue.append(load_demo)
    if "files" in STEPS:
        _queue.append(more_loads)
    if "export" in STEPS:
        _queue.append(export)
    if "crs" in STEPS:
        _queue.append(crs_kept)
    QTimer.singleShot(500, next_step)


def tab_widget():
    return dock().tabs


def set_dock_width(width):
    iface.mainWindow().resizeDocks([dock()], [width], Qt.Horizontal)
    QgsApplication.processEvents()


@guarded
def widths():
    tabs = tab_widget()
    report["dock_width_shown"] = dock().width()
    figures = {}
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        QgsApplication.processEvents()
        page = tabs.widget(index)
        key = getattr(page, "KEY", str(index))
        set_dock_width(DOCK_WIDTH)
        QgsApplication.processEvents()
        figures[key] = {
            "title": tabs.tabText(index),
            "page_min": page.minimumSizeHint().width(),
            "dock_min": max(dock().minimumSizeHint().width(), dock().minimumWidth()),
            "dock_width_at_360": dock().width(),
        }
        dock().grab().save(os.path.join(OUT, f"tab_{key}.png"))
        toolbox = getattr(page, "toolbox", None)  # the Resources tab: one page per source
        for item in range(toolbox.count() if toolbox is not None else 0):
            toolbox.setCurrentIndex(item)
            QgsApplication.processEvents()
            panel = toolbox.widget(item)
            name = f"{key}.{type(panel).__name__}"
            figures[name] = {
                "title": toolbox.itemText(item),
                "page_min": panel.minimumSizeHint().width(),
                "dock_min": max(dock().minimumSizeHint().width(), dock().minimumWidth()),
                "dock_width_at_360": dock().width(),
            }
            dock().grab().save(os.path.join(OUT, f"tab_{name}.png"))
    report["tabs"] = figures
    tabs.setCurrentIndex(0)
    next_step()


def territory():
    return dock().section("territory")


def load_once(label, then):
    section = territory()
    tab_widget().setCurrentWidget(section)
    demo = section.profile_combo.findData("demo")
    if section.profile_combo.currentIndex() != demo:
        section.profile_combo.setCurrentIndex(demo)
    width_before = dock().width()

    def ended():
        return section.task is None

    def done():
        outcome = {
            "project_crs": QgsProject.instance().crs().authid(),
            "layers": len(QgsProject.instance().mapLayers()),
            "dock_width_before": width_before,
            "dock_width_after": dock().width(),
            "messages": message_bar_texts(),
        }
        report.setdefault("loads", []).append({label: outcome})
        then()

    meter = StallMeter(label, ended, guarded(done))
    meter.start()
    section.start_load(all_resources=True)


def message_bar_texts():
    texts = []
    for item in iface.messageBar().items():
        texts.append(f"{item.title()}: {item.text()}".strip())
    return texts


@guarded
def load_demo():
    QgsProject.instance().clear()
    report["project_crs_before_load"] = QgsProject.instance().crs().authid()
    set_dock_width(DOCK_WIDTH)
    # The machine's own noise first: the same meter while nothing happens.
    idle_until = time.perf_counter() + 3
    StallMeter(
        "idle", lambda: time.perf_counter() > idle_until, guarded(lambda: load_once("demo_load", after_demo_load)), 0
    ).start()


@guarded
def after_demo_load():
    iface.mapCanvas().refreshAllLayers()
    iface.mainWindow().grab().save(os.path.join(OUT, "qgis_window.png"))
    dock().grab().save(os.path.join(OUT, "dock_after_load.png"))
    next_step()


@guarded
def more_loads():
    remaining = [LOADS - 1]

    def again():
        if remaining[0] <= 0:
            count_files()
            next_step()
            return
        remaining[0] -= 1
        load_once(f"load_{LOADS - remaining[0]}", guarded(again))

    again()


def count_files():
    """The GeoPackages the loads left anywhere under the throw-away profiles folder (the plugin's cache, its
    territories folder), and what the message bar holds then."""
    found = sorted(
        path for path in glob.glob(os.path.join(ROOT, "**", "*.gpkg"), recursive=True) if "/python/plugins/" not in path
    )
    report["gpkg_files_after_loads"] = {"loads": LOADS, "count": len(found), "files": found}
    report["messages_after_loads"] = message_bar_texts()


@guarded
def export():
    section = dock().section("export")
    tab_widget().setCurrentWidget(section)
    iface.mapCanvas().zoomToFullExtent()
    QgsApplication.processEvents()
    output = os.path.join(OUT, "council_map.pdf")
    section.output_widget.setFilePath(output)
    started = {"result": None}

    def ended():
        return not section.busy and started["result"] is not None

    def run():
        started["result"] = "running"
        section.export()
        started["result"] = "called"

    def done():
        report["export_file"] = os.path.exists(output) and os.path.getsize(output)
        report["export_messages"] = message_bar_texts()
        next_step()

    meter = StallMeter("council_export", ended, guarded(done), settle=1.0)
    meter.start()
    QTimer.singleShot(100, guarded(run))


@guarded
def crs_kept():
    project = QgsProject.instance()
    project.clear()
    layer = QgsVectorLayer("Point?crs=EPSG:3857", "mine", "memory")
    project.addMapLayer(layer)
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    iface.messageBar().clearWidgets()

    def done():
        report["crs_kept"] = {"before": "EPSG:3857", "after": project.crs().authid(), "messages": message_bar_texts()}
        next_step()

    load_once("load_in_3857_project", guarded(done))


def finish():
    try:
        report["modules_at_end"] = len([m for m in __import__("sys").modules if m.startswith("open_territory")])
    except Exception:  # noqa: BLE001
        report["errors"].append(traceback.format_exc())
    with open(os.path.join(OUT, "report.json"), "w", encoding="utf-8") as handle:
        json.dump(report, handle, indent=1, ensure_ascii=False)
    QgsApplication.exit(0)


QTimer.singleShot(1000, start)
