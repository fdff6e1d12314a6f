"""Where the dock writes the layers it loads.

A territory: one GeoPackage per territory, reused by each of its loads (the load replaces it whole, and its previous
layers in the project), in the saved project's folder, else in the territories folder of the settings (the user's
documents by default): `territory_output_path`. The Territory tab shows the path before the load and says it after.

A source panel's layer: beside the saved project, else in the cache folder, a new file name per call
(`dock_output_path`): the paths are chosen in the interface thread before the tasks that write them start, so two
loads or refreshes started within the same second must not share a file. The name keeps a readable time stamp, with
a counter after it when that name is taken.
"""

from __future__ import annotations

import datetime
import os
import threading

from qgis.core import QgsProject

from ...plugin.toolbelt.layer_writer import safe_name
from ...plugin.toolbelt.settings import load_settings

_handed_out = set()  # paths given in this session whose file may not exist yet
_lock = threading.Lock()


def dock_output_path(stem: str) -> str:
    home = QgsProject.instance().homePath()
    folder = (
        os.path.join(home, "open_territory") if home else os.path.join(load_settings().effective_cache_dir(), "layers")
    )
    os.makedirs(folder, exist_ok=True)
    safe = safe_name(stem, dots=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d_%H%M%S")
    with _lock:
        number = 1
        while True:
            name = f"{safe}_{stamp}.gpkg" if number == 1 else f"{safe}_{stamp}_{number}.gpkg"
            path = os.path.join(folder, name)
            if path not in _handed_out and not os.path.exists(path):
                _handed_out.add(path)
                return path
            number += 1


def territory_output_path(profile_id: str) -> str:
    """The one GeoPackage of a territory: `<project folder>/open_territory/<id>.gpkg`, else `<territories
    folder>/<id>.gpkg`. Not created here (the load creates it)."""
    home = QgsProject.instance().homePath()
    folder = os.path.join(home, "open_territory") if home else load_settings().effective_data_dir()
    return os.path.join(folder, safe_name(profile_id, "territory", dots=True) + ".gpkg")
