"""Prints the plugin's load time (import + initGui) in a fresh process, as QGIS would pay it: once
with the bytecode compiled (QGIS writes .pyc files beside the installed plugin, so every start but
the first after an install is like this) and once without any bytecode (the first start).

Run: .venv/bin/python tests/benchmarks/bench_load_time.py
"""

import os
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # tests/benchmarks, even under python -P
from importable import make_importable  # noqa: E402

CHILD = r"""
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, sys.argv[1])
from qgis.core import QgsApplication
app = QgsApplication([], True); app.initQgis()
from qgis.gui import QgsMapCanvas, QgsMessageBar
from qgis.PyQt.QtWidgets import QMainWindow, QMenu, QToolBar

class Iface:  # the part of QgisInterface the plugin touches
    def __init__(self):
        self.window = QMainWindow(); self.toolbar = QToolBar(); self.menu = QMenu(); self.bar = QgsMessageBar()
        self.canvas = QgsMapCanvas()
    def mapCanvas(self): return self.canvas
    def mainWindow(self): return self.window
    def messageBar(self): return self.bar
    def addDockWidget(self, area, dock): self.window.addDockWidget(area, dock)
    def removeDockWidget(self, dock): self.window.removeDockWidget(dock)
    def addToolBarIcon(self, action): self.toolbar.addAction(action)
    def removeToolBarIcon(self, action): self.toolbar.removeAction(action)
    def addPluginToMenu(self, name, action): self.menu.addAction(action)
    def removePluginMenu(self, name, action): self.menu.removeAction(action)
    def registerOptionsWidgetFactory(self, factory): pass
    def unregisterOptionsWidgetFactory(self, factory): pass

iface = Iface()
start = time.perf_counter()
import open_territory
plugin = open_territory.classFactory(iface)
plugin.initGui()
print(time.perf_counter() - start)
plugin.unload()
"""


def main():
    parent = make_importable()
    with tempfile.TemporaryDirectory(prefix="ot-pyc-") as pycache:
        warm_env = dict(os.environ, PYTHONPYCACHEPREFIX=pycache)
        warm_env.pop("PYTHONDONTWRITEBYTECODE", None)
        # No prefix: the standard library keeps its own .pyc files, the plugin has none (its
        # __pycache__ folders are not written with PYTHONDONTWRITEBYTECODE).
        cold_env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        cold_env.pop("PYTHONPYCACHEPREFIX", None)
        measure(parent, warm_env)  # writes the bytecode, as the first start after an install does
        for label, env in (("bytecode compiled", warm_env), ("first start, no bytecode", cold_env)):
            runs = measure(parent, env)
            print(
                f"plugin load (import + initGui), {label}, 5 fresh processes: median "
                f"{statistics.median(runs) * 1000:.0f} ms, max {max(runs) * 1000:.0f} ms (budget 200 ms)"
            )


def measure(parent: str, env: dict) -> list:
    runs = []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", CHILD, parent], capture_output=True, text=True, env=env)
        if out.returncode:
            sys.exit(out.stderr)
        runs.append(float(out.stdout.strip().splitlines()[-1]))
    return runs


if __name__ == "__main__":
    main()
