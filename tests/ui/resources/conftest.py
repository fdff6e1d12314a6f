"""What the tests of the dock's source panels share: waiting for a background task and a project emptied after
each test (the synchronous runner is tests/ui/conftest.py's)."""

import pytest
from qgis.core import QgsProject

from ... import qt_wait


@pytest.fixture()
def wait_until():
    """`wait_until(condition, seconds=20)`: processes Qt events until `condition()` holds; returns it."""
    return qt_wait.wait_until


@pytest.fixture()
def project(qgis_new_project):
    yield QgsProject.instance()
    QgsProject.instance().removeAllMapLayers()
