"""Start QGIS without a display for the repository's scripts (demo, demo cache): the package is made
importable as `open_territory` (as QGIS imports it), then QgsApplication and Processing start."""

from __future__ import annotations

import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE_PARENT = os.path.join(REPO, "build", "importable")
PROCESSING_PLUGINS = "/usr/share/qgis/python/plugins"


def make_importable():
    os.makedirs(PACKAGE_PARENT, exist_ok=True)
    link = os.path.join(PACKAGE_PARENT, "open_territory")
    if not os.path.islink(link) and not os.path.exists(link):
        os.symlink(REPO, link)
    for path in (PACKAGE_PARENT, PROCESSING_PLUGINS):
        if path not in sys.path:
            sys.path.insert(0 if path == PACKAGE_PARENT else len(sys.path), path)


def start_qgis(processing: bool = True):
    """The running QgsApplication (kept referenced by the caller until the end)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    make_importable()
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    if processing:
        from processing.core.Processing import Processing

        Processing.initialize()
        from open_territory.processing.provider import OpenTerritoryProvider

        provider = OpenTerritoryProvider()
        QgsApplication.processingRegistry().addProvider(provider)
        app._open_territory_provider = provider  # keep it alive with the application
    return app
