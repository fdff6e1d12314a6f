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


def cancel_later(feedback, seconds: float) -> list:
    """Cancel `feedback` from another thread in `seconds`, as a user's click would come; the returned list
    then holds the time.monotonic() of the cancel (to measure how soon the work answered it)."""
    import threading

    cancelled_at = []

    def cancel():
        cancelled_at.append(time.monotonic())
        feedback.cancel()

    threading.Timer(seconds, cancel).start()
    return cancelled_at
