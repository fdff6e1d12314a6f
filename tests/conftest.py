"""Makes the repository importable as the `open_territory` package, as QGIS imports it.

The clone's folder can have any name, so a link named `open_territory` is made under build/.
"""

from __future__ import annotations

import gc
import os
import sys
import time

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE_PARENT = os.path.join(REPO, "build", "importable")
LINK = os.path.join(PACKAGE_PARENT, "open_territory")

os.makedirs(PACKAGE_PARENT, exist_ok=True)
if not os.path.islink(LINK):
    os.symlink(REPO, LINK)
if PACKAGE_PARENT not in sys.path:
    sys.path.insert(0, PACKAGE_PARENT)
PROCESSING_PLUGINS = "/usr/share/qgis/python/plugins"
if PROCESSING_PLUGINS not in sys.path:
    sys.path.append(PROCESSING_PLUGINS)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True, scope="session")
def collect_before_qgis_exits(qgis_app):
    """Frees the session's leftover layers and tasks while QGIS still runs.

    pytest-qgis calls exitQgis() when the session ends, and pytest then garbage-collects: a layer
    wrapper caught in a reference cycle and destroyed after exitQgis() frees memory that QGIS has
    already released, which aborted CI runs with "double free or corruption" after every test had
    passed. This fixture is torn down before qgis_app, so the collection happens first.
    """
    yield
    from qgis.core import QgsApplication, QgsProject

    manager = QgsApplication.taskManager()
    manager.cancelAll()
    deadline = time.monotonic() + 30
    while manager.countActiveTasks() and time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)
    QgsProject.instance().clear()
    for _ in range(3):
        QgsApplication.processEvents()
        gc.collect()


@pytest.fixture(autouse=True)
def gdal_switch_left_as_found():
    """The plugin turns GDAL's exceptions on for its own work only (plugin/toolbelt/gdal_errors.py)."""
    from osgeo import gdal, ogr, osr

    yield
    left_on = [m.__name__ for m in (gdal, ogr, osr) if m.GetUseExceptions()]
    assert not left_on, f"GDAL exceptions left on after the test: {left_on}"


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """Each test starts from the default settings, with a cache folder and a territories folder of its own."""
    from open_territory.plugin.toolbelt.settings import PluginSettings, reset_settings, save_settings

    reset_settings()
    save_settings(PluginSettings(cache_dir=str(tmp_path / "cache"), data_dir=str(tmp_path / "territories")))
    yield
    reset_settings()


@pytest.fixture()
def provider(qgis_processing):
    """The `openterritory` Processing provider, registered in QGIS's registry for the test."""
    from open_territory.processing.provider import OpenTerritoryProvider
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    added = registry.providerById("openterritory") is None
    if added:
        registry.addProvider(OpenTerritoryProvider())
    yield registry.providerById("openterritory")
    if added:
        registry.removeProvider("openterritory")
