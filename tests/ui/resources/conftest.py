"""What the tests of the dock's source panels share: waiting for a background task, running the work
synchronously instead, and a project emptied after each test."""

import pytest
from qgis.core import QgsProcessingFeedback, QgsProject

from ... import qt_wait


def _sync_runner(description, function, on_done):
    try:
        result = function(QgsProcessingFeedback(False))
    except Exception as error:  # noqa: BLE001 - handed to the panel like FeedbackTask does
        on_done(None, error)
        return None
    on_done(result, None)
    return None


@pytest.fixture()
def wait_until():
    """`wait_until(condition, seconds=20)`: processes Qt events until `condition()` holds; returns it."""
    return qt_wait.wait_until


@pytest.fixture()
def sync_runner():
    """A panel runner that runs the work at once in the test's thread, reporting like FeedbackTask."""
    return _sync_runner


@pytest.fixture()
def project(qgis_new_project):
    yield QgsProject.instance()
    QgsProject.instance().removeAllMapLayers()
