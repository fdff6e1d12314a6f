"""Live layers: a layer refreshed every N seconds from its feed, the download in a background task and
the change applied in the main thread.

What every live layer shares lives here (the GBFS station status, the GTFS-RT vehicle positions): the
timer, one download at a time, no write under the user's edits, no download for a hidden layer (a
layer hidden in the layers panel, or in a hidden group, is skipped and refreshed at once when shown
again), and the end of the refresh when the layer leaves the project, is deleted, or on `stop()`.
A subclass says what to download (`download(feedback)`, run in a worker thread) and how to apply it
(`apply(result)`, in the main thread, returning the number of features changed).

Feed URLs stay in memory (they may carry an API key): the layer's custom property holds the redacted
URL only. Each kind of live layer keeps its refreshers in its own `LiveLayers` registry; `stop_all()` stops
every live layer of every kind (the plugin's unload).
"""

from __future__ import annotations

from qgis.core import QgsFeedback, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QDateTime, QObject, Qt, QTimer

from .i18n import tr
from .logger import log
from .network import redact
from .tasks import start_task

MIN_SECONDS = 5
REGISTRIES = []  # every LiveLayers made, for stop_all


def to_qt(value: object) -> object:
    """A QDateTime for an ISO-8601 date-time string (what a DateTime field takes), other values as they are."""
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and "T" in value:
        moment = QDateTime.fromString(value, Qt.ISODate)
        return moment if moment.isValid() else None
    return value


class LiveLayers:
    """The refreshers of one kind of live layer, by layer id."""

    def __init__(self) -> None:
        self.refreshers = {}
        REGISTRIES.append(self)

    def watch(
        self, refresher_class: type, layer: QgsVectorLayer, seconds: int, *args, **kwargs
    ) -> LiveLayerRefresher | None:
        """Start refreshing `layer` every `seconds` (replacing any refresh of the same layer); 0 stops it.
        Returns the refresher, or None when stopped."""
        self.unwatch(layer.id())
        if not seconds or seconds <= 0:
            return None
        refresher = refresher_class(layer, seconds, *args, registry=self, **kwargs)
        self.refreshers[layer.id()] = refresher
        refresher.start()
        return refresher

    def unwatch(self, layer_id: str) -> None:
        refresher = self.refreshers.get(layer_id)
        if refresher is not None:
            refresher.stop()

    def layer_ids(self) -> list:
        return list(self.refreshers)

    def stop_all(self) -> None:
        for layer_id in list(self.refreshers):
            self.unwatch(layer_id)

    def is_current(self, refresher: LiveLayerRefresher) -> bool:
        return self.refreshers.get(refresher.layer_id) is refresher

    def forget(self, refresher: LiveLayerRefresher) -> None:
        if self.is_current(refresher):
            del self.refreshers[refresher.layer_id]


class LiveLayerRefresher(QObject):
    """Refreshes one layer every `seconds` while it is in the project. Subclasses set LIVE_PROPERTY and
    TASK_LABEL and implement `download` and `apply`."""

    LIVE_PROPERTY = ""  # custom property holding the redacted feed URL
    TASK_LABEL = ""  # the task's description, before the layer's name (translated by the subclass)

    def __init__(
        self, layer: QgsVectorLayer, seconds: int, feed_url: str, registry: LiveLayers = None, parent=None
    ) -> None:
        super().__init__(parent)
        self.layer = layer
        self.layer_id = layer.id()
        self.feed_url = feed_url
        self.registry = registry
        self.task = None
        self.cycles = 0
        self.skipped_hidden = 0  # cycles skipped while the layer was hidden
        self.last_error = None
        self.timer = QTimer(self)
        self.timer.setInterval(max(MIN_SECONDS, int(seconds)) * 1000)
        self.timer.timeout.connect(self.refresh_now)
        QgsProject.instance().layerWillBeRemoved[str].connect(self._on_layer_removed)
        QgsProject.instance().layerTreeRoot().visibilityChanged.connect(self._on_visibility_changed)
        layer.willBeDeleted.connect(self.stop)
        if self.LIVE_PROPERTY:
            layer.setCustomProperty(self.LIVE_PROPERTY, redact(feed_url))

    # -- what a kind of live layer says -------------------------------------------------------------

    def download(self, feedback: QgsFeedback | None) -> object:
        """The new state of the layer, fetched in a worker thread (no access to the layer here)."""
        raise NotImplementedError

    def apply(self, result: object) -> int:
        """Write `result` into the layer (main thread); the number of features changed."""
        raise NotImplementedError

    def task_label(self) -> str:
        return f"{self.TASK_LABEL} {self.layer.name()}"

    # -- the mechanics ------------------------------------------------------------------------------

    def start(self) -> None:
        self.timer.start()

    def is_active(self) -> bool:
        return self.timer.isActive()

    def stop(self) -> None:
        self.timer.stop()
        if self.task is not None:
            try:
                self.task.cancel()
            except RuntimeError:  # the task manager already deleted it
                pass
            self.task = None
        for signal, slot in (
            (QgsProject.instance().layerWillBeRemoved[str], self._on_layer_removed),
            (QgsProject.instance().layerTreeRoot().visibilityChanged, self._on_visibility_changed),
        ):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        if self.registry is not None:
            self.registry.forget(self)

    def _on_layer_removed(self, layer_id):
        if layer_id == self.layer_id:
            self.stop()

    def is_visible(self) -> bool:
        """The layer is checked in the layers panel, and so are its groups (a layer outside the tree
        counts as visible)."""
        node = QgsProject.instance().layerTreeRoot().findLayer(self.layer_id)
        return node is None or node.isVisible()

    def _on_visibility_changed(self, _node):
        # A group or the layer itself was checked or unchecked: a layer shown again is refreshed at
        # once instead of at the next tick.
        if self.skipped_hidden and self.timer.isActive() and self.is_visible():
            self.skipped_hidden = 0
            self.refresh_now()

    def refresh_now(self) -> None:
        if self.task is not None:
            return  # the previous cycle is still downloading
        if self.layer is None or self.layer.isEditable():
            return  # never write under the user's edits
        if not self.is_visible():
            self.skipped_hidden += 1
            return
        self.task = start_task(self.task_label(), self.download, self._on_done)

    def _on_done(self, result, error):
        self.task = None
        if self.registry is not None and not self.registry.is_current(self):
            return
        if error is not None:
            self.last_error = error
            log(self.task_label() + " – " + tr("not refreshed") + f": {error}", "warning")
            return
        if result is None:
            return
        if QgsProject.instance().mapLayer(self.layer_id) is None or self.layer.isEditable():
            return
        changed = self.apply(result)
        self.cycles += 1
        log(f"{self.task_label()}: {changed} features refreshed")


def stop_all() -> None:
    """Stop the refresh of every live layer, whatever its kind (GBFS status, GTFS-RT vehicles...)."""
    for registry in REGISTRIES:
        registry.stop_all()
