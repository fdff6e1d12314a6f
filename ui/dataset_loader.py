"""Load one remembered dataset onto the map: the Browser's resources, the favourites and the recent datasets.

The dataset is fetched in a background task by its source (plugin/profiles/single_entry.py) into a GeoPackage
where the dock writes its layers (beside the saved project, else in the cache), stored with its category's style,
added to the project, and remembered as recently loaded.
"""

from __future__ import annotations

from qgis.core import QgsProject, QgsVectorLayer

from ..plugin.profiles.remembered import RememberedDataset, remember_dataset, remembered_lists
from ..plugin.profiles.single_entry import fetch_dataset
from ..plugin.toolbelt.errors import OpenTerritoryError
from ..plugin.toolbelt.i18n import tr
from ..plugin.toolbelt.logger import log, notify
from ..plugin.toolbelt.tasks import start_task
from .resources.layer_output import dock_output_path


def remember_loaded(dataset: RememberedDataset) -> None:
    """`dataset` was loaded: first of the recent datasets, wherever they are shown."""
    remember_dataset(dataset)
    remembered_lists.changed.emit()


def add_loaded_layer(dataset: RememberedDataset, path: str, result) -> QgsVectorLayer | None:
    """The written layer (its category's style is its default style) in the project; None (told) when it cannot
    be opened."""
    layer = QgsVectorLayer(f"{path}|layername={result.layer_name}", dataset.title or result.layer_name, "ogr")
    if not layer.isValid():
        notify(tr("The written layer cannot be opened") + f": {path}", "critical")
        return None
    QgsProject.instance().addMapLayer(layer)
    return layer


def load_dataset(dataset: RememberedDataset, iface=None, on_loaded=None, runner=start_task):
    """Fetch `dataset` in a task and add it to the map; `on_loaded(layer)` afterwards. Returns the task."""
    path = dock_output_path(dataset.title or dataset.source)

    def done(result, error):
        if error is not None:
            text = str(error) if isinstance(error, OpenTerritoryError) else f"{type(error).__name__}: {error}"
            if not isinstance(error, OpenTerritoryError):
                log(f"{dataset.title}: {error!r}", "critical")
            notify(f"{dataset.title or dataset.source}: {text}", "critical", iface)
            return
        if result is None:
            return  # cancelled
        layer = add_loaded_layer(dataset, path, result)
        if layer is None:
            return
        remember_loaded(dataset)
        notify(tr("Loaded") + f" {dataset.title}: {result.feature_count} " + tr("features"), "success", iface)
        for warning in result.warnings:
            notify(str(warning), "warning", iface)
        if on_loaded is not None:
            on_loaded(layer)

    return runner(
        tr("Loading") + f" {dataset.title or dataset.source}",
        lambda feedback: fetch_dataset(dataset, path, feedback),
        done,
    )
