"""Dock panel: shared vehicles (GBFS), from the bundled French systems or any gbfs.json URL."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import QgsFeedback
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
)

from ...plugin.profiles.remembered import RememberedDataset
from ...plugin.sources.gbfs import GbfsSource, load_systems
from ...plugin.sources.gbfs import refresh as gbfs_refresh
from ...plugin.toolbelt.i18n import tr
from ...plugin.toolbelt.layer_writer import file_target
from ...plugin.toolbelt.logger import notify
from ...plugin.toolbelt.network import Transport, redact
from ...plugin.toolbelt.settings import load_settings, save_settings
from .layer_output import dock_output_path
from .source_panel import SourcePanel

if TYPE_CHECKING:  # names used in annotations only
    from ...plugin.sources.base import FetchResult
    from ...plugin.toolbelt.layer_writer import OutputTarget

DEFAULT_REFRESH = 60  # seconds offered when the live refresh is switched on


class GbfsPanel(SourcePanel):
    def __init__(self, iface, parent=None, runner=None):
        super().__init__(iface, parent, runner)
        self.systems = load_systems()
        self.setObjectName("OpenTerritoryGbfsPanel")
        layout = QVBoxLayout(self)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(tr("Filter the French systems (name, town)"))
        self.filter_edit.textChanged.connect(self.fill_systems)
        layout.addWidget(self.filter_edit)
        self.system_list = QListWidget(self)
        self.system_list.currentItemChanged.connect(self.on_system_chosen)
        layout.addWidget(self.system_list, 1)

        form = QFormLayout()
        self.feed_edit = QLineEdit(self)
        self.feed_edit.setPlaceholderText("https://…/gbfs.json")
        self.feed_edit.setToolTip(tr("Auto-discovery URL (gbfs.json) of any GBFS 1.x, 2.x or 3.0 system"))
        form.addRow(tr("Feed"), self.feed_edit)
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(tr("Stations with live status"), "stations")
        self.kind_combo.addItem(tr("Free-floating vehicles"), "vehicles")
        self.kind_combo.currentIndexChanged.connect(self.update_refresh_state)
        form.addRow(tr("Load"), self.kind_combo)

        refresh_row = QHBoxLayout()
        settings = load_settings()
        self.refresh_check = QCheckBox(tr("Refresh the status every"), self)
        self.refresh_check.setChecked(settings.gbfs_refresh_seconds > 0)
        self.refresh_spin = QSpinBox(self)
        self.refresh_spin.setRange(15, 3600)
        self.refresh_spin.setSuffix(tr(" s"))
        self.refresh_spin.setValue(settings.gbfs_refresh_seconds or DEFAULT_REFRESH)
        self.refresh_check.setToolTip(
            tr(
                "Updates the availability of the loaded stations in place, in the "
                "background, while the layer is in the project"
            )
        )
        refresh_row.addWidget(self.refresh_check)
        refresh_row.addWidget(self.refresh_spin)
        form.addRow(refresh_row)
        layout.addLayout(form)

        self.add_load_controls(layout, tr("Load"))

        self.fill_systems()
        self.update_refresh_state()

    def title(self) -> str:
        return tr("Shared vehicles (GBFS)")

    # -- systems --------------------------------------------------------------------------------

    def fill_systems(self, *_args) -> None:
        words = self.filter_edit.text().lower().split()
        self.system_list.clear()
        for system in self.systems:
            text = f"{system['name']} — {system['location']}"
            if words and not all(word in (text + " " + system["system_id"]).lower() for word in words):
                continue
            item = QListWidgetItem(text, self.system_list)
            item.setData(Qt.UserRole, system["url"])
            # the list shows the URL without its key; the feed field holds the real one
            item.setToolTip(f"{redact(system['url'])}\nGBFS {system['versions']}")

    def on_system_chosen(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        if current is not None:
            self.feed_edit.setText(current.data(Qt.UserRole))

    def update_refresh_state(self, *_args) -> None:
        stations = self.kind_combo.currentData() == "stations"
        self.refresh_check.setEnabled(stations)
        self.refresh_spin.setEnabled(stations)

    # -- loading --------------------------------------------------------------------------------

    def load(self) -> None:
        feed = self.feed_edit.text().strip()
        if not feed:
            self.status.setText(tr("Choose a system or type the URL of its gbfs.json."))
            return
        kind = self.kind_combo.currentData()
        item = self.system_list.currentItem()
        label = item.text().split(" — ")[0] if item is not None and item.data(Qt.UserRole) == feed else "gbfs"
        target = self.placed(file_target(dock_output_path(f"{label}_{kind}"), f"gbfs_{kind}"))
        if target is None:
            return
        spec = {"source": "gbfs", "feed": feed, "kind": kind}

        def work(feedback: QgsFeedback | None):
            return GbfsSource(Transport(feedback=feedback)).fetch(spec, target, None, feedback)

        self.run(
            tr("GBFS") + f" {label}",
            work,
            lambda result: self.on_loaded(result, feed, kind, target),
            status=tr("Downloading…"),
            # No category: the GBFS source gives each system's vehicles theirs, as here.
            remember=RememberedDataset(
                spec, "", f"{label} — {tr('stations') if kind == 'stations' else tr('vehicles')}"
            ),
        )

    def on_loaded(self, result: FetchResult, feed: str, kind: str, target: OutputTarget) -> None:
        name = f"{result.source} — {tr('stations') if kind == 'stations' else tr('vehicles')}"
        layer = self.add_layer(target, name)
        if layer is None:
            return
        message = f"{name}: {result.feature_count} " + tr("features") + f" ({result.licence})"
        if kind == "stations" and self.refresh_check.isChecked():
            seconds = self.refresh_spin.value()
            gbfs_refresh.watch_layer(layer, feed, seconds)
            self.remember_refresh(seconds)
            message += " — " + tr("live status every") + f" {seconds}" + tr(" s")
        elif kind == "stations":
            self.remember_refresh(0)
        for warning in result.warnings:
            message += f"\n{warning}"
        self.status.setText(message)
        notify(message, "success", self.iface, action=self.action)

    @staticmethod
    def remember_refresh(seconds: float) -> None:
        settings = load_settings()
        if settings.gbfs_refresh_seconds != seconds:
            settings.gbfs_refresh_seconds = seconds
            save_settings(settings)
