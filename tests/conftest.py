"""Makes the repository importable as the `open_territory` package, as QGIS imports it.

The clone's folder can have any name, so a link named `open_territory` is made under build/.
"""

from __future__ import annotations

import os
import sys

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


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """Each test starts from the default settings, with a cache folder of its own."""
    from open_territory.plugin.toolbelt.settings import PluginSettings, reset_settings, save_settings

    reset_settings()
    save_settings(PluginSettings(cache_dir=str(tmp_path / "cache")))
    yield
    reset_settings()
