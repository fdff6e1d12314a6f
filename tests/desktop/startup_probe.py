"""PYQGIS_STARTUP script: records every Python error QGIS reports, from before plugins load."""

import os

from qgis.core import Qgis, QgsApplication

_LOG = os.environ["OT_PROBE_ERRORS"]


def _record(message, tag, level):
    # Qgis.Success ranks above Critical in QGIS's enum, but is no error.
    if tag in ("Python error", "Python warning") or (
        tag == "Open Territory" and level in (Qgis.Warning, Qgis.Critical)
    ):
        with open(_LOG, "a", encoding="utf-8") as handle:
            handle.write(f"[{tag}] {message}\n")


QgsApplication.messageLog().messageReceived.connect(_record)
