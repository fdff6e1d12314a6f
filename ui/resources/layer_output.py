"""Where the dock writes the layers it loads: beside the saved project, else in the cache folder."""

from __future__ import annotations

import datetime
import os
import re

from qgis.core import QgsProject

from ...plugin.toolbelt.settings import load_settings


def dock_output_path(stem: str) -> str:
    home = QgsProject.instance().homePath()
    folder = os.path.join(home, "open_territory") if home else \
        os.path.join(load_settings().effective_cache_dir(), "layers")
    os.makedirs(folder, exist_ok=True)
    safe = re.sub(r"[^\w.-]+", "_", stem, flags=re.UNICODE).strip("_") or "layer"
    stamp = datetime.datetime.now().strftime("%Y%m%d_%H%M%S")
    return os.path.join(folder, f"{safe}_{stamp}.gpkg")
