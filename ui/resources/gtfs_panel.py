"""Dock panel: a public transport network (GTFS) with its level of service, or its live vehicles (GTFS-RT).

A network is loaded from the URL of its GTFS zip (its transport.data.gouv.fr resource) or a zip on disk, for a
service day (by default the next weekday with service), optionally in the map extent only; its stops and routes
land in one GeoPackage, styled. Vehicles come from a GTFS-RT VehiclePositions URL (or a recorded reply) and can
be refreshed live, like the GBFS stations.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from qgis.core import QgsFeedback
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...plugin.profiles.styles import save_styles
from ...plugin.sources.gtfs import NETWORK_CATEGORIES, NETWORK_LAYERS, GtfsSource, feed_label, prepare_gtfs_layer
from ...plugin.sources.gtfs import refresh as gtfs_rt_refresh
from ...plugin.toolbelt.i18n import tr
from ...plugin.toolbelt.layer_writer import file_target, layer_target
from ...plugin.toolbelt.logger import notify
from ...plugin.toolbelt.network import Transport
from ...plugin.toolbelt.settings import load_settings, save_settings
from .layer_output import dock_output_path
from .source_panel import SourcePanel

if TYPE_CHECKING:  # names used in annotations only
    from ...plugin.sources.base import FetchResult
    from ...plugin.toolbelt.layer_writer import OutputTarget

DEFAULT_REFRESH = 30  # seconds offered when the live refresh is switched on
NETWORK, VEHICLES = "network", "vehicles"


class GtfsPanel(SourcePanel):
    def __init__(self, iface, parent=None, runner=None):
        super().__init__(iface, parent, runner)
        self.setObjectName("OpenTerritoryGtfsPanel")
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "A public transport network's stops, with their departures and the time between buses at the "
                "morning peak, and its routes, from its GTFS zip (every French network publishes one on "
                "transport.data.gouv.fr); or where its vehicles are now, from its GTFS-RT feed."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(tr("Network: stops and routes"), NETWORK)
        self.kind_combo.addItem(tr("Live vehicles (GTFS-RT)"), VEHICLES)
        self.kind_combo.currentIndexChanged.connect(self.update_kind)
        # Its longest item must not widen the dock.
        self.kind_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.kind_combo.setMinimumContentsLength(12)
        form.addRow(tr("Load"), self.kind_combo)
        self.feed_widget = QgsFileWidget(self)
        self.feed_widget.setStorageMode(QgsFileWidget.GetFile)
        self.feed_widget.setFilter(tr("GTFS zip or GTFS-RT reply") + " (*.zip *.pb *.bin);;" + tr("All files") + " (*)")
        self.feed_widget.lineEdit().setPlaceholderText(tr("URL, or a file on disk"))
        self.feed_widget.setToolTip(
            tr("The URL of the network's GTFS zip or GTFS-RT VehiclePositions feed, or such a file on disk")
        )
        form.addRow(tr("Feed"), self.feed_widget)
        layout.addLayout(form)

        # What only a network takes, and what only live vehicles take: shown by the kind chosen.
        self.network_box = self.make_network_box()
        layout.addWidget(self.network_box)
        self.refresh_box = self.make_refresh_box()
        layout.addWidget(self.refresh_box)

        self.add_load_controls(layout, tr("Load"))
        layout.addStretch(1)
        self.update_kind()

    def make_network_box(self) -> QWidget:
        box = QWidget(self)
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        # One control per row: the panel fits a narrow dock in either language.
        self.auto_day_check = QCheckBox(tr("Next weekday with service"), self)
        self.auto_day_check.setChecked(True)
        self.auto_day_check.setToolTip(
            tr("Count the service of the next weekday (today included) on which the network runs, within its validity")
        )
        self.day_edit = QDateEdit(QDate.currentDate(), self)
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.setEnabled(False)
        self.auto_day_check.toggled.connect(lambda automatic: self.day_edit.setEnabled(not automatic))
        form.addRow(self.auto_day_check)
        form.addRow(tr("Service day"), self.day_edit)
        self.extent_check = QCheckBox(tr("Map extent only"), self)
        self.extent_check.setToolTip(tr("Keep the stops inside the map extent and the routes crossing it"))
        form.addRow(self.extent_check)
        self.licence_edit = QLineEdit(self)
        self.licence_edit.setPlaceholderText(tr("optional, such as ODbL"))
        self.licence_edit.setToolTip(tr("The licence the dataset's catalog states, written in the 'licence' field"))
        form.addRow(tr("Licence"), self.licence_edit)
        return box

    def make_refresh_box(self) -> QWidget:
        box = QWidget(self)
        row = QVBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        seconds = load_settings().gtfs_rt_refresh_seconds
        self.refresh_check = QCheckBox(tr("Refresh the positions every"), self)
        self.refresh_check.setChecked(seconds > 0)
        self.refresh_check.setToolTip(
            tr(
                "Replaces the loaded vehicles by their new positions, in the background, while the layer is in "
                "the project"
            )
        )
        self.refresh_spin = QSpinBox(self)
        self.refresh_spin.setRange(10, 3600)
        self.refresh_spin.setSuffix(tr(" s"))
        self.refresh_spin.setValue(seconds or DEFAULT_REFRESH)
        row.addWidget(self.refresh_check)
        row.addWidget(self.refresh_spin, 0, Qt.AlignRight)
        return box

    def title(self) -> str:
        return tr("Public transport (GTFS)")

    def update_kind(self, *_args) -> None:
        network = self.kind_combo.currentData() == NETWORK
        self.network_box.setVisible(network)
        self.refresh_box.setVisible(not network)

    # -- loading --------------------------------------------------------------------------------

    def spec(self) -> dict | None:
        """The gtfs spec of the panel's choices; None (said on the status line) without a feed or an extent."""
        feed = self.feed_widget.filePath().strip()
        if not feed:
            self.status.setText(tr("Type the URL of the feed or choose a file."))
            return None
        kind = self.kind_combo.currentData()
        spec = {"source": "gtfs", "feed": feed, "kind": kind}
        if kind == VEHICLES:
            return spec
        if not self.auto_day_check.isChecked():
            spec["date"] = self.day_edit.date().toString("yyyy-MM-dd")
        if self.licence_edit.text().strip():
            spec["licence"] = self.licence_edit.text().strip()
        if self.extent_check.isChecked():
            bbox = self.map_bbox()
            if bbox is None:
                self.status.setText(tr("Zoom the map to the area to cover first."))
                return None
            spec["extent"] = bbox
        return spec

    def load(self) -> None:
        spec = self.spec()
        if spec is None:
            return
        if spec["kind"] == VEHICLES:
            self.load_vehicles(spec)
        else:
            self.load_network(spec)

    def load_network(self, spec: dict) -> None:
        name = os.path.splitext(feed_label(spec["feed"]).split("?")[0].rstrip("/").rsplit("/", 1)[-1])[0]
        path = dock_output_path(f"gtfs_{name}")

        def work(feedback: QgsFeedback | None):
            source = GtfsSource(Transport(feedback=feedback))
            return source.write_network_file(
                spec, path, feedback, lambda scratch: save_styles(scratch, NETWORK_CATEGORIES)
            )

        self.run(
            tr("GTFS network"),
            work,
            lambda result: self.on_network_loaded(result, path),
            status=tr("Reading the network…"),
        )

    def on_network_loaded(self, result: tuple, path: str) -> None:
        stops, routes, network = result
        name = stops.source
        # The routes under the stops; their styles are the ones saved in the GeoPackage.
        for layer_name, what in zip(reversed(NETWORK_LAYERS), (tr("routes"), tr("stops"))):
            if self.add_layer(layer_target(path, layer_name), f"{name} — {what}") is None:
                return
        message = (
            f"{name}: {stops.feature_count} "
            + tr("stops")
            + f", {routes.feature_count} "
            + tr("routes (per direction)")
            + f" ({stops.licence or tr('licence not stated')})"
        )
        for warning in stops.warnings:
            message += f"\n{warning}"
        self.status.setText(message)
        notify(
            message.split("\n")[0] + " — " + tr("Service day") + f": {network.service_date.isoformat()}",
            "success",
            self.iface,
        )

    def load_vehicles(self, spec: dict) -> None:
        target = file_target(dock_output_path("gtfs_rt_vehicles"), "public_vehicles")

        def work(feedback: QgsFeedback | None):
            return GtfsSource(Transport(feedback=feedback)).fetch(spec, target, None, feedback)

        self.run(
            tr("GTFS-RT vehicles"),
            work,
            lambda result: self.on_vehicles_loaded(result, spec, target),
            status=tr("Downloading…"),
        )

    def on_vehicles_loaded(self, result: FetchResult, spec: dict, target: OutputTarget) -> None:
        name = f"{result.source} — " + tr("vehicles")
        layer = self.add_layer(target, name, lambda layer: prepare_gtfs_layer(layer, spec))
        if layer is None:
            return
        message = f"{name}: {result.feature_count} " + tr("vehicles")
        if self.refresh_check.isChecked():
            seconds = self.refresh_spin.value()
            gtfs_rt_refresh.watch_layer(layer, spec["feed"], seconds)
            self.remember_refresh(seconds)
            message += " — " + tr("positions every") + f" {seconds}" + tr(" s")
        else:
            self.remember_refresh(0)
        for warning in result.warnings:
            message += f"\n{warning}"
        self.status.setText(message)
        notify(message.split("\n")[0], "success", self.iface)

    @staticmethod
    def remember_refresh(seconds: int) -> None:
        settings = load_settings()
        if settings.gtfs_rt_refresh_seconds != seconds:
            settings.gtfs_rt_refresh_seconds = seconds
            save_settings(settings)
