"""PYQGIS_STARTUP script, run by QGIS before it loads any plugin:
- records every Python error QGIS reports (when OT_PROBE_ERRORS names a file);
- times the plugin the way QGIS loads it: QGIS's C++ side calls `qgis.utils.loadPlugin` (the import), then
  `qgis.utils.startPlugin` (classFactory, initGui, and through it initProcessing and the provider's
  algorithms), both by name at call time, so wrapping them here measures exactly what a user's start pays.
  The wall times go to `qgis.utils.open_territory_load_times` (seconds per step), with the process's CPU time
  beside them (`<step>_cpu`, the figure QGIS's plugin manager shows), which a busy machine inflates less."""

import os
import time

import qgis.utils
from qgis.core import Qgis, QgsApplication

_LOG = os.environ.get("OT_PROBE_ERRORS")
_PLUGIN = "open_territory"


def _record(message, tag, level):
    # Qgis.Success ranks above Critical in QGIS's enum, but is no error.
    if tag in ("Python error", "Python warning") or (
        tag == "Open Territory" and level in (Qgis.Warning, Qgis.Critical)
    ):
        with open(_LOG, "a", encoding="utf-8") as handle:
            handle.write(f"[{tag}] {message}\n")


if _LOG:
    QgsApplication.messageLog().messageReceived.connect(_record)

qgis.utils.open_territory_load_times = {}


def _timed(name, function):
    def wrapper(package_name, *args, **kwargs):
        if package_name != _PLUGIN:
            return function(package_name, *args, **kwargs)
        start, cpu = time.perf_counter(), time.process_time()
        try:
            return function(package_name, *args, **kwargs)
        finally:
            times = qgis.utils.open_territory_load_times
            times[name] = times.get(name, 0.0) + time.perf_counter() - start
            times[f"{name}_cpu"] = times.get(f"{name}_cpu", 0.0) + time.process_time() - cpu

    return wrapper


for _name in ("loadPlugin", "startPlugin", "startProcessingPlugin"):
    setattr(qgis.utils, _name, _timed(_name, getattr(qgis.utils, _name)))
