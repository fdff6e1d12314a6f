"""Live status of a loaded GBFS station layer: every N seconds, station_status is downloaded in a
background task and the availability columns of the layer are updated in place.

The feed URL stays in memory (it may carry an API key and must not be written into the project);
the refresh stops when the layer leaves the project, when the plugin unloads, or on `stop()`.
A cycle is skipped while the previous one still runs, while the user edits the layer, or while the
layer is hidden in the layers panel (no download for a map nobody sees); it runs again as soon as
the layer is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import QgsFeatureRequest, QgsFeedback, QgsProject
from qgis.PyQt.QtCore import QDateTime, QObject, Qt, QTimer

from ...toolbelt.i18n import tr
from ...toolbelt.layer_writer import utc_now_iso
from ...toolbelt.logger import log
from ...toolbelt.network import Transport, redact
from ...toolbelt.tasks import start_task
from . import GbfsSource
from .parse import STATUS_FIELDS

if TYPE_CHECKING:  # names used in annotations only
    from qgis.core import QgsVectorLayer

LIVE_PROPERTY = "open_territory/gbfs_live"  # redacted feed URL, for the layer's properties only

_refreshers = {}  # layer id -> StationStatusRefresher


def to_qt(value: object) -> object:
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and "T" in value:
        moment = QDateTime.fromString(value, Qt.ISODate)
        return moment if moment.isValid() else None
    return value


def apply_status(layer: QgsVectorLayer, statuses: dict) -> int:
    """Write `statuses` {station_id: {column: value}} into the matching features of `layer`, through
    its data provider (no edit session). Returns the number of features changed."""
    fields = layer.fields()
    id_index = fields.indexOf("station_id")
    if id_index < 0:
        return 0
    columns = [(name, fields.indexOf(name)) for name in (*STATUS_FIELDS, "fetched_at")]
    columns = [(name, index) for name, index in columns if index >= 0]
    now = utc_now_iso()
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry).setSubsetOfAttributes([id_index])
    changes = {}
    for feature in layer.getFeatures(request):
        status = statuses.get(str(feature[id_index]))
        if status is None:
            continue
        values = {}
        for name, index in columns:
            if name == "fetched_at":
                values[index] = now
            elif name == "last_reported":
                values[index] = to_qt(status.get(name))
            else:
                values[index] = status.get(name)
        changes[feature.id()] = values
    if changes and not layer.dataProvider().changeAttributeValues(changes):
        log(tr("The live status could not be written into the layer") + f" {layer.name()}", "warning")
        return 0
    if changes:
        layer.triggerRepaint()
    return len(changes)


class StationStatusRefresher(QObject):
    """Refreshes one layer every `seconds` while it is in the project."""

    def __init__(self, layer, feed_url: str, seconds: int, language: str = None, parent=None):
        super().__init__(parent)
        self.layer = layer
        self.layer_id = layer.id()
        self.feed_url = feed_url
        self.language = language
        self.system = None  # discovered once, reused by every cycle
        self.task = None
        self.cycles = 0
        self.skipped_hidden = 0  # cycles skipped while the layer was hidden
        self.last_error = None
        self.timer = QTimer(self)
        self.timer.setInterval(max(5, int(seconds)) * 1000)
        self.timer.timeout.connect(self.refresh_now)
        QgsProject.instance().layerWillBeRemoved[str].connect(self._on_layer_removed)
        QgsProject.instance().layerTreeRoot().visibilityChanged.connect(self._on_visibility_changed)
        layer.willBeDeleted.connect(self.stop)
        layer.setCustomProperty(LIVE_PROPERTY, redact(feed_url))

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
        if _refreshers.get(self.layer_id) is self:
            del _refreshers[self.layer_id]

    def _on_layer_removed(self, layer_id):
        if layer_id == self.layer_id:
            self.stop()

    def is_visible(self) -> bool:
        """The layer is checked in the layers panel, and so are its groups (a layer outside the tree
        counts as visible)."""
        node = QgsProject.instance().layerTreeRoot().findLayer(self.layer_id)
        return node is None or node.isVisible()

    def _on_visibility_changed(self, _node):
        # A group or the layer itself was checked or unchecked: a layer shown again gets its status at
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
        feed, language, system = self.feed_url, self.language, self.system

        def download(feedback: QgsFeedback | None):
            source = GbfsSource(Transport(feedback=feedback))
            found = system or source.discover(feed, language)
            return found, source.station_status(found)

        self.task = start_task(tr("Live GBFS status") + f" {self.layer.name()}", download, self._on_done)

    def _on_done(self, result, error):
        self.task = None
        if self.layer_id not in _refreshers or _refreshers[self.layer_id] is not self:
            return
        if error is not None:
            self.last_error = error
            log(tr("Live GBFS status not refreshed") + f": {error}", "warning")
            return
        if result is None:
            return
        self.system, statuses = result
        if QgsProject.instance().mapLayer(self.layer_id) is None or self.layer.isEditable():
            return
        changed = apply_status(self.layer, statuses)
        self.cycles += 1
        log(f"GBFS {self.layer.name()}: live status of {changed} stations refreshed")


def watch_layer(
    layer: QgsVectorLayer, feed_url: str, seconds: int, language: str = None
) -> StationStatusRefresher | None:
    """Start refreshing `layer` every `seconds` (replacing any refresh of the same layer); 0 stops it."""
    unwatch_layer(layer.id())
    if not seconds or seconds <= 0:
        return None
    refresher = StationStatusRefresher(layer, feed_url, seconds, language)
    _refreshers[layer.id()] = refresher
    refresher.start()
    return refresher


def unwatch_layer(layer_id: str) -> None:
    refresher = _refreshers.get(layer_id)
    if refresher is not None:
        refresher.stop()


def watched_layers() -> list:
    return list(_refreshers)


def stop_all() -> None:
    for layer_id in list(_refreshers):
        unwatch_layer(layer_id)
