"""Dock section: territory. Pick a territory profile (bundled or a file), see its resources grouped
by category as the seed's "tableau des ressources", load all or some of them into one GeoPackage
in the background, export the set-up as a profile file for another territory."""

from __future__ import annotations

import copy
import os
from typing import TYPE_CHECKING

from qgis.core import QgsCoordinateReferenceSystem, QgsFeedback, QgsProject, QgsVectorLayer
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import QEvent, Qt, pyqtSlot
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ..plugin.definitions import CATEGORIES, category_label
from ..plugin.profiles.profile import bundled_profile_names, load_profile, save_profile
from ..plugin.profiles.territory import entry_spec, load_territory
from ..plugin.sources import registry
from ..plugin.toolbelt.errors import Cancelled, InputError
from ..plugin.toolbelt.i18n import tr
from ..plugin.toolbelt.logger import notify
from ..plugin.toolbelt.settings import load_settings
from .database_destination import DatabaseDestination, safe_schema
from .resources.layer_output import dock_output_path
from .sections import DockSection

if TYPE_CHECKING:  # names used in annotations only
    from qgis.core import QgsTask

    from ..plugin.profiles.profile import Profile, ResourceEntry
    from ..plugin.profiles.territory import TerritoryReport

LAYER_ROLE = Qt.UserRole + 1
# Most of the tree's width each column after the resource's title may take: a long dataset identifier
# (ResizeToContents alone) squeezed the titles to nothing in a narrow dock.
COLUMN_SHARES = {1: 0.2, 2: 0.22, 3: 0.16}
NARROW_TREE = 420  # pixels: below this the tree shows the titles and the last load only


class TerritorySection(DockSection):
    KEY = "territory"

    def __init__(self, iface, parent=None):
        super().__init__(iface, parent)
        self.profile = None
        self.task = None
        self.last_report = None
        layout = QVBoxLayout(self)
        self.add_intro(layout, tr("Pick a territory profile to load its resources."))

        row = QHBoxLayout()
        self.profile_combo = QComboBox(self)
        self.profile_combo.setObjectName("territoryProfile")
        # Long profile names must not set the dock's minimum width.
        self.profile_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.profile_combo.setMinimumContentsLength(12)
        self.profile_combo.setToolTip(tr("Bundled territories and the profile files opened in this session"))
        row.addWidget(self.profile_combo, 1)
        self.open_button = QPushButton(tr("Open…"), self)
        self.open_button.setToolTip(tr("Open a territory profile file (JSON)"))
        self.open_button.clicked.connect(self.choose_profile_file)
        row.addWidget(self.open_button)
        layout.addLayout(row)

        self.description = QLabel(self)
        self.description.setWordWrap(True)
        layout.addWidget(self.description)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("territoryResources")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([tr("Resource"), tr("Source"), tr("Dataset"), tr("Last load")])
        # The resource's title takes the room the dock has; the other columns fit their contents up to
        # a share of the width (fit_columns), shortened in the middle beyond it (in full in the tooltips).
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for column in COLUMN_SHARES:
            header.setSectionResizeMode(column, QHeaderView.Interactive)
        self.tree.setTextElideMode(Qt.ElideMiddle)
        self.tree.viewport().installEventFilter(self)
        self.tree.setToolTip(tr("Tick the resources to load; unconfirmed identifiers are left unticked"))
        layout.addWidget(self.tree, 1)

        self.output = QgsFileWidget(self)
        self.output.setStorageMode(QgsFileWidget.SaveFile)
        self.output.setFilter(tr("GeoPackage (*.gpkg)"))
        self.output.setDialogTitle(tr("Territory GeoPackage"))
        self.output.lineEdit().setPlaceholderText(tr("[GeoPackage beside the project]"))
        layout.addWidget(self.output)
        self.database = DatabaseDestination(self)
        layout.addWidget(self.database)
        self.offline_check = QCheckBox(tr("Offline (cached replies only)"), self)
        self.offline_check.setToolTip(
            tr(
                "Answer from the replies already in the cache, without the network. "
                "Ticked at first when the offline mode of the plugin's settings is on"
            )
        )
        self.offline_setting = None
        self.sync_offline_setting()
        layout.addWidget(self.offline_check)

        # Two buttons a row, so that the French labels fit a narrow dock; the cancel button beside the
        # progress of the load it stops.
        buttons = QHBoxLayout()
        self.load_selected_button = QPushButton(tr("Load ticked"), self)
        self.load_selected_button.clicked.connect(lambda: self.start_load(all_resources=False))
        self.load_all_button = QPushButton(tr("Load all"), self)
        self.load_all_button.clicked.connect(lambda: self.start_load(all_resources=True))
        buttons.addWidget(self.load_selected_button)
        buttons.addWidget(self.load_all_button)
        layout.addLayout(buttons)
        running = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        running.addWidget(self.progress, 1)
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        running.addWidget(self.cancel_button)
        layout.addLayout(running)

        self.export_button = QPushButton(tr("Export as a profile file…"), self)
        self.export_button.setToolTip(
            tr("Save this territory's set-up (with the ticked resources) as a profile another territory can adapt")
        )
        self.export_button.clicked.connect(self.choose_export_file)
        layout.addWidget(self.export_button)

        self.summary = QPlainTextEdit(self)
        self.summary.setReadOnly(True)
        self.summary.setMaximumHeight(110)
        self.summary.setVisible(False)
        layout.addWidget(self.summary)

        for profile_id, name in bundled_profile_names():
            self.profile_combo.addItem(f"{name} ({profile_id})", profile_id)
        self.profile_combo.currentIndexChanged.connect(self.on_profile_chosen)
        if self.profile_combo.count():
            demo = self.profile_combo.findData("demo")
            self.profile_combo.setCurrentIndex(max(demo, 0))
            self.on_profile_chosen()

    def title(self) -> str:
        return tr("Territory")

    def sync_offline_setting(self) -> None:
        """The offline box follows the settings' offline mode whenever that changes (the options page
        may have changed it since); in between, the user's own tick stands."""
        offline = load_settings().offline
        if offline != self.offline_setting:
            self.offline_setting = offline
            self.offline_check.setChecked(offline)

    def showEvent(self, event):  # noqa: N802
        self.sync_offline_setting()
        super().showEvent(event)

    def eventFilter(self, watched, event):  # noqa: N802
        if watched is self.tree.viewport() and event.type() == QEvent.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    def fit_columns(self) -> None:
        """Source, dataset and last load as wide as their contents, within their share of the width. In a
        narrow dock the source and dataset columns hide (the titles' tooltips give them), so the titles
        stay readable."""
        width = self.tree.viewport().width()
        narrow = width < NARROW_TREE
        for column in (1, 2):
            self.tree.setColumnHidden(column, narrow)
        header = self.tree.header()
        for column, share in COLUMN_SHARES.items():
            if narrow and column in (1, 2):
                continue
            if narrow:  # the last load as wide as its values ("✓ 12"), its header shortened
                wanted, share = self.tree.sizeHintForColumn(column), 0.3
            else:
                wanted = max(self.tree.sizeHintForColumn(column), header.sectionSizeHint(column))
            header.resizeSection(column, max(min(wanted, int(width * share)), header.minimumSectionSize()))

    # -- profile ------------------------------------------------------------------------------

    def on_profile_chosen(self, *_args) -> None:
        reference = self.profile_combo.currentData()
        if not reference:
            return
        try:
            self.show_profile(load_profile(reference))
        except InputError as error:
            notify(tr("The territory profile is not valid") + f":\n{error}", "critical", self.iface)

    def choose_profile_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Open a territory profile"), "", tr("Profiles (*.json)"))
        if path:
            self.open_profile_file(path)

    def open_profile_file(self, path: str) -> bool:
        try:
            profile = load_profile(path)
        except InputError as error:
            notify(tr("The territory profile is not valid") + f":\n{error}", "critical", self.iface)
            return False
        index = self.profile_combo.findData(path)
        if index < 0:
            self.profile_combo.addItem(f"{profile.name} — {os.path.basename(path)}", path)
            index = self.profile_combo.count() - 1
        self.profile_combo.blockSignals(True)
        self.profile_combo.setCurrentIndex(index)
        self.profile_combo.blockSignals(False)
        self.show_profile(profile)
        return True

    def show_profile(self, profile: Profile) -> None:
        self.profile = profile
        self.database.set_schema(safe_schema(profile.id))
        text = profile.description or profile.name
        if profile.offline_cache:
            text += " " + tr("(recorded replies: loads offline)")
        self.description.setText(text)
        self.tree.blockSignals(True)
        self.tree.clear()
        groups = {}
        for category in CATEGORIES:
            entries = [e for e in profile.resources if e.category == category]
            if not entries:
                continue
            group = QTreeWidgetItem(self.tree, [category_label(category)])
            group.setFlags(group.flags() | Qt.ItemIsUserCheckable | Qt.ItemIsAutoTristate)
            group.setFirstColumnSpanned(True)
            groups[category] = group
            for entry in entries:
                title = entry.title or entry.dataset
                if entry.unconfirmed:
                    title += " " + tr("(unconfirmed)")
                item = QTreeWidgetItem(group, [title, registry.label(entry.source), entry.dataset])
                item.setToolTip(1, registry.label(entry.source))
                item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
                item.setCheckState(0, Qt.Checked if entry.enabled and not entry.unconfirmed else Qt.Unchecked)
                item.setData(0, LAYER_ROLE, entry.layer)
                # The source and dataset columns hide in a narrow dock: the title's tooltip says them.
                tip = f"{title}\n{registry.label(entry.source)} — {entry.dataset}"
                if entry.note:
                    tip += f"\n{entry.note}"
                item.setToolTip(0, tip)
                item.setToolTip(2, entry.dataset)
            group.setExpanded(True)
        self.tree.blockSignals(False)
        self.fit_columns()

    def checked_layers(self) -> list:
        layers = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                item = group.child(j)
                if item.checkState(0) == Qt.Checked:
                    layers.append(item.data(0, LAYER_ROLE))
        return layers

    def set_checked(self, layers: list) -> None:
        wanted = set(layers)
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                item = group.child(j)
                item.setCheckState(0, Qt.Checked if item.data(0, LAYER_ROLE) in wanted else Qt.Unchecked)

    # -- export -------------------------------------------------------------------------------

    def current_profile_data(self) -> dict:
        """The profile as shown: the ticked resources enabled (and confirmed: the user chose them), the
        others disabled. Texts keep all their languages."""
        data = copy.deepcopy(self.profile.data)
        checked = set(self.checked_layers())
        by_path = {e.path: e for e in self.profile.resources}
        for category, entries in data.get("resources", {}).items():
            for index, entry in enumerate(entries):
                resource = by_path[f"$.resources.{category}[{index}]"]
                if resource.layer in checked:
                    entry.pop("enabled", None)
                    entry.pop("unconfirmed", None)
                else:
                    entry["enabled"] = False
        # Paths of the original profile stay valid from the new file's folder only if made absolute.
        for key in ("offline_cache",):
            if data.get(key):
                data[key] = self.profile.relative(data[key])
        if data.get("boundary", {}).get("file"):
            data["boundary"]["file"] = self.profile.relative(data["boundary"]["file"])
        if data.get("register"):
            data["register"] = {k: self.profile.relative(v) for k, v in data["register"].items()}
        data.pop("$schema", None)
        return data

    def choose_export_file(self) -> None:
        if self.profile is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Export the territory profile"), f"{self.profile.id}.json", tr("Profiles (*.json)")
        )
        if path:
            self.export_profile(path)

    def export_profile(self, path: str) -> bool:
        if not path.lower().endswith(".json"):
            path += ".json"
        try:
            save_profile(self.current_profile_data(), path)
        except (InputError, OSError) as error:
            notify(tr("The profile could not be written") + f": {error}", "critical", self.iface)
            return False
        notify(tr("Territory profile written") + f": {path}", "success", self.iface)
        return True

    # -- load ---------------------------------------------------------------------------------

    def output_path(self) -> str:
        """The GeoPackage to write, or the schema of the PostGIS database when the box is ticked."""
        if self.database.active():
            return self.database.destination()
        path = self.output.filePath().strip()
        if path:
            return path if path.lower().endswith(".gpkg") else path + ".gpkg"
        return dock_output_path(f"territory_{self.profile.id}")

    def start_load(self, all_resources: bool = False) -> QgsTask | None:
        if self.profile is None or self.task is not None:
            return None
        layers = None if all_resources else self.checked_layers()
        if layers is not None and not layers:
            notify(tr("Tick at least one resource to load"), "warning", self.iface)
            return None
        profile, output, offline = self.profile, self.output_path(), self.offline_check.isChecked()

        def work(feedback: QgsFeedback | None):
            return load_territory(profile, output, offline=offline, feedback=feedback, layers=layers)

        from ..plugin.toolbelt.tasks import start_task

        self.set_busy(True)
        self.task = start_task(tr("Loading the territory") + f" {profile.name}", work, self.on_loaded)
        self.task.progressChanged.connect(self.on_progress)
        return self.task

    @pyqtSlot(float)
    def on_progress(self, value: object) -> None:
        # A decorated slot: the task reports from its worker thread, Qt queues the call to this one.
        self.progress.setValue(int(value))

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        self.cancel_button.setEnabled(busy)
        self.cancel_button.setVisible(busy)
        for widget in (
            self.load_selected_button,
            self.load_all_button,
            self.profile_combo,
            self.open_button,
            self.export_button,
        ):
            widget.setEnabled(not busy)

    def on_loaded(self, report: TerritoryReport | None, error: Exception | None) -> None:
        self.task = None
        self.set_busy(False)
        if error is not None and not isinstance(error, Cancelled):
            notify(tr("The territory could not be loaded") + f": {error}", "critical", self.iface)
            return
        if report is None:
            notify(tr("The territory load was cancelled"), "warning", self.iface)
            return
        self.last_report = report
        self.add_to_project(report)
        self.show_outcomes(report)
        self.summary.setPlainText(report.summary())
        self.summary.setVisible(True)
        level = "warning" if report.failed else "success"
        notify(
            tr("Territory loaded")
            + f": {report.profile.name} — {len(report.loaded)} "
            + tr("layers")
            + (f", {len(report.failed)} " + tr("failed") if report.failed else ""),
            level,
            self.iface,
        )

    def show_outcomes(self, report: TerritoryReport) -> None:
        """The last load's result beside each resource: feature count, or why it failed."""
        outcomes = {o.layer: o for o in report.outcomes}
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                item = group.child(j)
                outcome = outcomes.get(item.data(0, LAYER_ROLE))
                if outcome is None:
                    continue
                if outcome.status == "ok":
                    item.setText(3, f"✓ {outcome.feature_count}")
                elif outcome.status == "failed":
                    item.setText(3, "✗ " + tr("failed"))
                else:
                    item.setText(3, "–")
                item.setToolTip(3, outcome.message or outcome.url)
        self.fit_columns()

    def add_to_project(self, report: TerritoryReport) -> None:
        project = QgsProject.instance()
        if not project.mapLayers():
            # A new project takes the territory's CRS (Lambert-93 in mainland France) rather than the
            # CRS of the first layer, the sources' EPSG:4326.
            crs = QgsCoordinateReferenceSystem(report.profile.crs)
            if crs.isValid():
                project.setCrs(crs)
        group = project.layerTreeRoot().insertGroup(0, report.profile.name)
        # Resources above the boundary: the outline stays under everything.
        names = [n for n in report.layers if n != "boundary"] + [n for n in report.layers if n == "boundary"]
        entries = {e.layer: e for e in report.profile.resources}
        for name in names:
            source, provider = report.layer_source(name)
            layer = QgsVectorLayer(source, self.layer_title(report, name), provider)
            if layer.isValid():
                if name in entries:
                    self.prepare_layer(layer, entries[name], report.extent or report.profile.extent)
                project.addMapLayer(layer, False)
                group.addLayer(layer)

    @staticmethod
    def prepare_layer(layer: QgsVectorLayer, entry: ResourceEntry, extent: list | None) -> None:
        """The source's own preparation of a layer it wrote (the attribution, the query that "Refresh from
        OpenStreetMap" reruns...); its style is in the GeoPackage already."""
        if entry.source not in registry.SOURCES:
            return
        prepare = registry.declaration(entry.source).prepare_layer
        if prepare is not None:
            prepare(layer, entry_spec(entry, extent), style=False)

    @staticmethod
    def layer_title(report: TerritoryReport, name: str) -> str:
        for outcome in report.outcomes:
            if outcome.layer == name and outcome.title:
                return outcome.title
        return name

    def shutdown(self) -> None:
        self.cancel()
