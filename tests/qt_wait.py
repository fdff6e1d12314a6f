"""Waiting in a test for work that Qt's event loop finishes (tasks, timers, signals)."""

import time

from qgis.PyQt.QtCore import QCoreApplication


def wait_until(condition, seconds=20):
    """Process Qt events until `condition()` holds or `seconds` pass; return its last value."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        if condition():
            return True
        time.sleep(0.02)
    return condition()
