"""Dock section: territory. Pick a territory profile (bundled or a file), see its resources grouped
by category as the seed's "tableau des ressources", load all or some of them into one GeoPackage
in the background, export the set-up as a profile file for another territory."""

from __future__ import annotations

import copy
import os
from typing import TYPE_CHECKING

from qgis.core import QgsFeedback, QgsProject
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import QEvent, Qt, QUrl, pyqtSlot
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ..plugin.definitions import CATEGORIES, category_label
from ..plugin.profiles.profile import bundled_profile_names, load_profile, save_profile
from ..plugin.profiles.remembered import remember_profile
from ..plugin.profiles.territory import load_territory
from ..plugin.sources import registry
from ..plugin.toolbelt.errors import Cancelled, InputError
from ..plugin.toolbelt.i18n import colon, tr
from ..plugin.toolbelt.logger import clear_action, notify
from ..plugin.toolbelt.postgres import is_postgres
from ..plugin.toolbelt.settings import load_settings
from ..plugin.toolbelt.tasks import start_task
from .compose_box import ComposeBox
from .database_destination import DatabaseDestination, safe_schema
from .resources.layer_output import territory_output_path
from .sections import DockSection
from .territory_layers import TerritoryPlacer, open_layers

if TYPE_CHECKING:  # names used in annotations only
    from qgis.core import QgsTask

    from ..plugin.profiles.profile import Profile
    from ..plugin.profiles.territory import TerritoryReport

LAYER_ROLE = Qt.UserRole + 1
# Most of the tree's width each column after the resource's title may take: a long dataset identifier
# (ResizeToContents alone) squeezed the titles to nothing in a narrow dock.
COLUMN_SHARES = {1: 0.2, 2: 0.22, 3: 0.16}
NARROW_TREE = 420  # pixels: below this the tree shows the titles and the last load only
ACTION = "territory"  # the message bar's place for this tab's messages (toolbelt/logger.py)


class TerritorySection(DockSection):
    KEY = "territory"

    def __init__(self, iface, parent=None):
        super().__init__(iface, parent)
        self.profile = None
        self.task = None
        self.placer = None
        self.last_report = None
        layout = QVBoxLayout(self)
        self.add_intro(layout, tr("Compose any French territory's profile, or pick one, to load its resources."))
        self.compose_box = ComposeBox(iface, self)
        self.compose_box.composed.connect(self.open_profile_file)
        layout.addWidget(self.compose_box)

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
        # The resource's title takes the room the dock has, on two lines when it must (never cut in the middle of a
        # word: "Bicycle...g (OSM)"); the other columns fit their contents up to a share of the width (fit_columns),
        # shortened at their end beyond it (in full in the tooltips).
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for column in COLUMN_SHARES:
            header.setSectionResizeMode(column, QHeaderView.Interactive)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.ElideRight)
        self.tree.viewport().installEventFilter(self)
        self.tree.setToolTip(tr("Tick the resources to load; unconfirmed identifiers are left unticked"))
        layout.addWidget(self.tree, 1)

        self.output = QgsFileWidget(self)
        self.output.setStorageMode(QgsFileWidget.SaveFile)
        self.output.setFilter(tr("GeoPackage (*.gpkg)"))
        self.output.setDialogTitle(tr("Territory GeoPackage"))
        # Empty: one file per territory, reused by each load (show_output_place says where).
        layout.addWidget(self.output)
        QgsProject.instance().homePathChanged.connect(self.show_output_place)
        self.database = DatabaseDestination(self)
        layout.addWidget(self.database)
        self.offline_check = QCheckBox(tr("Offline (cached replies only)"), self)
        self.offline_tip = tr(
            "Answer from the replies already in the cache, without the network. "
            "Ticked at first when the offline mode of the plugin's settings is on"
        )
        self.offline_check.setToolTip(self.offline_tip)
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
        self.add_progress_row(layout, self.cancel)
        self.cancel_button.setEnabled(False)
        # What the load is doing (the sources' progress text), then how it ended.
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.status.setVisible(False)
        layout.addWidget(self.status)

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

    def show_offline_state(self) -> None:
        """A profile with its own recorded replies (the demo) always loads from them: the box says so."""
        recorded = self.profile is not None and bool(self.profile.offline_cache)
        self.offline_check.setEnabled(not recorded)
        if recorded:
            self.offline_check.setChecked(True)
            self.offline_check.setToolTip(tr("This territory loads offline, from the replies it comes with"))
        else:
            self.offline_setting = None
            self.sync_offline_setting()
            self.offline_check.setToolTip(self.offline_tip)

    def show_output_place(self, *_args) -> None:
        """The empty output box shows the file the load will write (one per territory, reused)."""
        if self.profile is None:
            return
        place = territory_output_path(self.profile.id)
        self.output.lineEdit().setPlaceholderText(place)
        self.output.setToolTip(tr("The territory's GeoPackage; empty: the file shown, replaced by each load"))

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
        # The last load's column says nothing before a load: in a narrow dock its cut header would be all it shows;
        # after one, its header is a tick, like its values ("✓ 12").
        self.tree.setColumnHidden(3, narrow and self.last_report is None)
        self.tree.headerItem().setText(3, "✓" if narrow else tr("Last load"))
        self.tree.headerItem().setToolTip(3, tr("Last load"))
        header = self.tree.header()
        for column, share in COLUMN_SHARES.items():
            if narrow and (column in (1, 2) or self.tree.isColumnHidden(column)):
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
            self.refuse_profile(error)

    def refuse_profile(self, error: InputError) -> None:
        notify(
            tr("The territory profile is not valid") + colon().rstrip() + f"\n{error}",
            "critical",
            self.iface,
            action=ACTION,
        )

    def choose_profile_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Open a territory profile"), "", tr("Profiles (*.json)"))
        if path:
            self.open_profile_file(path)

    def open_profile_file(self, path: str) -> bool:
        try:
            profile = load_profile(path)
        except InputError as error:
            self.refuse_profile(error)
            return False
        index = self.profile_combo.findData(path)
        if index < 0:
            self.profile_combo.addItem(f"{profile.name} — {os.path.basename(path)}", path)
            index = self.profile_combo.count() - 1
        self.profile_combo.blockSignals(True)
        self.profile_combo.setCurrentIndex(index)
        self.profile_combo.blockSignals(False)
        self.show_profile(profile)
        remember_profile(path)  # the Browser's Open Territory node lists it among the territories
        return True

    def show_profile(self, profile: Profile) -> None:
        self.profile = profile
        self.database.set_schema(safe_schema(profile.id))
        self.description.setText(profile.description or profile.name)
        notes = [str(note) for note in profile.data.get("notes") or []]
        if notes:  # what a composition could not do: a catalog down, a base not found
            self.description.setText(
                self.description.text()
                + "\n⚠ "
                + tr("Notes of the profile (hover to read them)")
                + colon()
                + str(len(notes))
            )
        self.description.setToolTip("\n".join(notes))
        self.show_offline_state()
        self.show_output_place()
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
            notify(tr("The profile could not be written") + colon() + f"{error}", "critical", self.iface, action=ACTION)
            return False
        notify(tr("Territory profile written") + colon() + f"{path}", "success", self.iface, action=ACTION)
        return True

    # -- load ---------------------------------------------------------------------------------

    def output_path(self) -> str:
        """The GeoPackage to write, or the schema of the PostGIS database when the box is ticked."""
        if self.database.active():
            return self.database.destination()
        path = self.output.filePath().strip()
        if path:
            return path if path.lower().endswith(".gpkg") else path + ".gpkg"
        return territory_output_path(self.profile.id)

    def start_load(self, all_resources: bool = False) -> QgsTask | None:
        """Load the ticked (or all) resources in a background task: the sources, then the layers opened with their
        styles, still in the task; back in the main thread they join the project one at a time (territory_layers).
        The section is busy (`task` set) until the last one is in."""
        if self.profile is None or self.task is not None:
            return None
        layers = None if all_resources else self.checked_layers()
        if layers is not None and not layers:
            notify(tr("Tick at least one resource to load"), "warning", self.iface, action=ACTION)
            return None
        profile, output, offline = self.profile, self.output_path(), self.offline_check.isChecked()

        def work(feedback: QgsFeedback | None):
            report = load_territory(profile, output, offline=offline, feedback=feedback, layers=layers)
            feedback.setProgressText(tr("Opening the layers…"))
            return report, open_layers(report)

        clear_action(ACTION, self.iface)
        self.set_busy(True)
        self.show_status(tr("Loading the territory") + f" {profile.name}…")
        self.task = start_task(tr("Loading the territory") + f" {profile.name}", work, self.on_loaded)
        self.task.progressChanged.connect(self.on_progress)
        self.task.feedback.textChanged.connect(self.on_progress_text)
        return self.task

    @pyqtSlot(float)
    def on_progress(self, value: object) -> None:
        # A decorated slot: the task reports from its worker thread, Qt queues the call to this one.
        self.progress.setValue(int(value))

    @pyqtSlot(str)
    def on_progress_text(self, text: str) -> None:
        """What the load is fetching ("parkings — data.example.fr: 3.2 MB"), under the bar; queued from the task."""
        if self.task is not None and text:
            self.show_status(text)

    def cancel(self) -> None:
        if self.task is not None and hasattr(self.task, "cancel"):
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

    def show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def on_loaded(self, result: tuple | None, error: Exception | None) -> None:
        if error is not None and not isinstance(error, Cancelled):
            self.end_load()
            if getattr(error, "report", None) is not None:  # every resource failed: say why beside each one
                self.show_outcomes(error.report)
            text = tr("The territory could not be loaded") + colon() + str(error)
            self.show_status(text)
            notify(text, "critical", self.iface, action=ACTION)
            return
        if result is None:
            self.end_load()
            self.show_status(tr("The territory load was cancelled"))
            notify(tr("The territory load was cancelled"), "info", self.iface, action=ACTION)
            return
        report, layers = result
        self.last_report = report
        self.show_outcomes(report)
        self.summary.setPlainText(report.summary())
        self.summary.setVisible(True)
        self.show_status(tr("Adding the layers to the map…"))
        self.cancel_button.setEnabled(False)  # what is on disk is complete; the layers join the project
        self.placer = self.add_to_project(report, layers)

    def add_to_project(self, report: TerritoryReport, layers: list | None = None) -> TerritoryPlacer:
        """Put the loaded layers (opened already, else opened here) into the project, one per turn of the event
        loop; `loaded_message` when the last is in."""
        placer = TerritoryPlacer(report, open_layers(report) if layers is None else layers, self)
        placer.finished.connect(lambda: self.placed(placer))
        placer.start()
        return placer

    def placed(self, placer: TerritoryPlacer) -> None:
        self.end_load()
        text = self.loaded_message(placer)
        self.show_status(text)
        button = None
        if not is_postgres(placer.report.output):  # a schema of the database has no folder to open
            folder = os.path.dirname(os.path.abspath(placer.report.output))
            button = (tr("Open the folder"), lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(folder)))
        notify(text, "warning" if placer.report.failed else "success", self.iface, action=ACTION, button=button)

    def end_load(self) -> None:
        self.task = None
        self.set_busy(False)

    @staticmethod
    def loaded_message(placer: TerritoryPlacer) -> str:
        """One sentence: what loaded, what failed, where it went, and the CRS when the project kept its own."""
        report = placer.report
        text = tr("{name}: {count} layers in {path}").format(
            name=report.profile.name, count=len(report.loaded), path=report.output
        )
        if report.failed:
            text += " — " + tr("{count} failed (see the Territory tab)").format(count=len(report.failed))
        if placer.replaced:
            text += " — " + tr("the previous load is replaced")
        if placer.crs_kept is not None:
            text += " — " + tr("the map stays in {crs}, the project's CRS").format(crs=placer.crs_kept.authid())
        return text

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

    def shutdown(self) -> None:
        self.cancel()
        self.compose_box.cancel()
        try:
            QgsProject.instance().homePathChanged.disconnect(self.show_output_place)
        except TypeError:
            pass
