"""Live GTFS-RT vehicle positions: every N seconds the VehiclePositions feed is downloaded and decoded in
a background task, and the vehicles of the loaded layer are replaced by the new ones.

The mechanics (timer, background task, pauses while editing or hidden, end when the layer goes) are the
live layers' common ones (toolbelt/live_refresh.py). Vehicles come and go between two messages, so a
cycle does not update features by id: it adds the new vehicles, then deletes the previous ones (if the
addition fails, the previous positions stay), through the data provider without an edit session.
"""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeedback,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from ...toolbelt.i18n import tr
from ...toolbelt.layer_writer import utc_now_iso
from ...toolbelt.live_refresh import LiveLayerRefresher, LiveLayers, to_qt
from ...toolbelt.logger import log
from ...toolbelt.network import Transport, redact
from . import VEHICLES_CATEGORY, GtfsSource, vehicles_source

LIVE_PROPERTY = "open_territory/gtfs_rt_live"  # redacted feed URL, for the layer's properties only
COMMON_KEPT = ("category", "source", "source_dataset", "licence")

_live = LiveLayers()


def replace_vehicles(layer: QgsVectorLayer, rows: list, feed_url: str = "") -> int:
    """Replace the features of `layer` by `rows` [(lon, lat, {field: value})] (EPSG:4326 positions).
    The common fields keep the values the layer was written with. Returns the number of vehicles."""
    fields = layer.fields()
    previous = {}
    ids = []
    for feature in layer.getFeatures(QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)):
        ids.append(feature.id())
        if not previous:
            previous = {name: feature[name] for name in COMMON_KEPT if fields.indexOf(name) >= 0}
    common = {
        "category": VEHICLES_CATEGORY,
        "source": vehicles_source(feed_url),
        "source_dataset": redact(feed_url),
        "licence": "",
    }
    common.update({name: value for name, value in previous.items() if value not in (None, "")})
    common["fetched_at"] = utc_now_iso()
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    transform = None
    if layer.crs() != wgs84:
        transform = QgsCoordinateTransform(wgs84, layer.crs(), QgsProject.instance().transformContext())
    # (index, name, is a date-time field): ISO strings become QDateTime for DateTime fields only
    positions = [(i, fields.at(i).name(), fields.at(i).type() == QVariant.DateTime) for i in range(fields.count())]
    features = []
    for lon, lat, values in rows:
        feature = QgsFeature(fields)
        merged = dict(common, name=values.get("label"), **values)
        for index, name, moment in positions:
            if name in merged:
                feature.setAttribute(index, to_qt(merged[name]) if moment else merged[name])
        geometry = QgsGeometry.fromPointXY(QgsPointXY(lon, lat))
        if transform is not None:
            geometry.transform(transform)
        feature.setGeometry(geometry)
        features.append(feature)
    provider = layer.dataProvider()
    if features and not provider.addFeatures(features)[0]:
        log(tr("The vehicle positions could not be written into the layer") + f" {layer.name()}", "warning")
        return 0
    if ids:
        provider.deleteFeatures(ids)
    layer.updateExtents()
    layer.triggerRepaint()
    return len(features)


class VehiclePositionsRefresher(LiveLayerRefresher):
    """Replaces one layer's vehicles every `seconds` while it is in the project."""

    LIVE_PROPERTY = LIVE_PROPERTY

    def task_label(self) -> str:
        return tr("Live vehicle positions") + f" {self.layer.name()}"

    def download(self, feedback: QgsFeedback | None) -> list:
        rows, _header, _bad = GtfsSource(Transport(feedback=feedback)).vehicle_rows(
            {"feed": self.feed_url, "kind": "vehicles"}
        )
        return rows

    def apply(self, rows: list) -> int:
        return replace_vehicles(self.layer, rows, self.feed_url)


def watch_layer(layer: QgsVectorLayer, feed_url: str, seconds: int) -> VehiclePositionsRefresher | None:
    """Start refreshing `layer` every `seconds` (replacing any refresh of the same layer); 0 stops it."""
    return _live.watch(VehiclePositionsRefresher, layer, seconds, feed_url)


def unwatch_layer(layer_id: str) -> None:
    _live.unwatch(layer_id)


def watched_layers() -> list:
    return _live.layer_ids()


def stop_all() -> None:
    _live.stop_all()
