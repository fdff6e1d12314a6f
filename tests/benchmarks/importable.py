"""Makes the repository importable as the `open_territory` package, as QGIS imports it, for every benchmark:
each one runs alone, from a fresh clone (whose folder can have any name), with or without `python -P`.

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # this folder, even under -P
    from importable import PACKAGE_PARENT, REPO, make_importable

make_importable() links build/importable/open_territory to the repository and puts build/importable (and
QGIS's Processing plugins, for the scripts that start Processing) on sys.path; it returns build/importable,
which a benchmark passes on to the child processes it starts.
"""

from __future__ import annotations

import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PACKAGE_PARENT = os.path.join(REPO, "build", "importable")
PROCESSING_PLUGINS = "/usr/share/qgis/python/plugins"


def make_importable() -> str:
    os.makedirs(PACKAGE_PARENT, exist_ok=True)
    link = os.path.join(PACKAGE_PARENT, "open_territory")
    if not os.path.lexists(link):
        os.symlink(REPO, link)
    if PACKAGE_PARENT not in sys.path:
        sys.path.insert(0, PACKAGE_PARENT)
    if PROCESSING_PLUGINS not in sys.path:
        sys.path.append(PROCESSING_PLUGINS)
    return PACKAGE_PARENT
