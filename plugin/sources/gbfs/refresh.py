"""Live status of a loaded GBFS station layer: every N seconds, station_status is downloaded in a
background task and the availability columns of the layer are updated in place.

The timer, the background task, the pauses (previous cycle running, the user editing, the layer hidden)
and the end of the refresh are the live layers' common mechanics (toolbelt/live_refresh.py); this module
says what a GBFS cycle downloads (station_status, after discovering the system once) and how it is
applied (attribute changes by station_id, no edit session).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import QgsFeatureRequest, QgsFeedback

from ...toolbelt.i18n import tr
from ...toolbelt.layer_writer import utc_now_iso
from ...toolbelt.live_refresh import LiveLayerRefresher, LiveLayers, to_qt
from ...toolbelt.logger import log
from ...toolbelt.network import Transport
from . import GbfsSource
from .parse import STATUS_FIELDS

if TYPE_CHECKING:  # names used in annotations only
    from qgis.core import QgsVectorLayer

LIVE_PROPERTY = "open_territory/gbfs_live"  # redacted feed URL, for the layer's properties only

_live = LiveLayers()


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


class StationStatusRefresher(LiveLayerRefresher):
    """Refreshes one station layer every `seconds` while it is in the project."""

    LIVE_PROPERTY = LIVE_PROPERTY

    def __init__(
        self, layer: QgsVectorLayer, seconds: int, feed_url: str, language: str = None, registry=None, parent=None
    ) -> None:
        super().__init__(layer, seconds, feed_url, registry, parent)
        self.language = language
        self.system = None  # discovered once, reused by every cycle

    def task_label(self) -> str:
        return tr("Live GBFS status") + f" {self.layer.name()}"

    def download(self, feedback: QgsFeedback | None) -> tuple:
        feed, language, system = self.feed_url, self.language, self.system
        source = GbfsSource(Transport(feedback=feedback))
        found = system or source.discover(feed, language)
        return found, source.station_status(found)

    def apply(self, result: tuple) -> int:
        self.system, statuses = result
        return apply_status(self.layer, statuses)


def watch_layer(
    layer: QgsVectorLayer, feed_url: str, seconds: int, language: str = None
) -> StationStatusRefresher | None:
    """Start refreshing `layer` every `seconds` (replacing any refresh of the same layer); 0 stops it."""
    return _live.watch(StationStatusRefresher, layer, seconds, feed_url, language)


def unwatch_layer(layer_id: str) -> None:
    _live.unwatch(layer_id)


def watched_layers() -> list:
    return _live.layer_ids()


def stop_all() -> None:
    _live.stop_all()
