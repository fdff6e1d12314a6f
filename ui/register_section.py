"""Dock section: the commons register. Create or open a register (GeoPackage or PostGIS), import
challenges and actors from a CSV or spreadsheet file, export it, and browse its challenges and actors:
filter them by domain, status or kind and text, add one on the map, zoom to one, edit its form.

The register's layers are found in the project by their custom properties, so a register restored
with a saved project shows up as well. Long work (creating, opening, importing, exporting) runs in a
QgsTask with a progress bar and a cancel button.
"""

from __future__ import annotations

from collections.abc import Callable

from qgis.core import QgsProject
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
)

from ..plugin.register import (
    ImportReport,
    Register,
    create_register,
    export_register,
    import_rows,
    open_register,
    rejected_report,
)
from ..plugin.register.in_project import RegisterLayers, registers_in_project, target_label
from ..plugin.toolbelt.errors import OpenTerritoryError
from ..plugin.toolbelt.i18n import colon, tr
from ..plugin.toolbelt.logger import log, notify
from ..plugin.toolbelt.settings import load_settings
from ..plugin.toolbelt.tasks import start_task
from .narrow import button_grid
from .register.dialogs import ExportDialog, ImportDialog, ImportReportDialog, RegisterTargetDialog
from .register.list_panel import RegisterListPanel
from .sections import DockSection

REFRESH_DELAY_MS = 200  # edits arrive in bursts (a paste, a commit): the lists are rebuilt once


def error_text(error: BaseException) -> str:
    """What the user reads about a failure: the plugin's own message, else the error in one line."""
    if isinstance(error, OpenTerritoryError):
        return error.message
    return " ".join(str(error).split()) or type(error).__name__


class RegisterSection(DockSection):
    KEY = "register"

    def __init__(self, iface, parent=None):
        super().__init__(iface, parent)
        self.runner = start_task  # tests run the work synchronously instead
        self.task = None
        self.job = 0
        self.finished_job = 0
        self.registers = []  # in_project.RegisterLayers present in the project
        self.preferred_target = None  # the register last created or opened here
        self.watched = {}  # layer id -> layer whose edit signals refresh the lists
        self.last_report = None
        self.last_export = None

        layout = QVBoxLayout(self)
        self.add_intro(layout, tr("Keep the register of the territory's challenges and actors."))

        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Register"), self))
        self.register_combo = QComboBox(self)
        self.register_combo.setObjectName("registerTarget")
        self.register_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.register_combo.setMinimumContentsLength(12)
        self.register_combo.currentIndexChanged.connect(self.register_chosen)
        row.addWidget(self.register_combo, 1)
        layout.addLayout(row)

        self.new_button = QPushButton(tr("New…"), self)
        self.new_button.clicked.connect(self.create)
        self.open_button = QPushButton(tr("Open…"), self)
        self.open_button.clicked.connect(self.open_existing)
        self.import_button = QPushButton(tr("Import…"), self)
        self.import_button.clicked.connect(self.import_file)
        self.export_button = QPushButton(tr("Export…"), self)
        self.export_button.clicked.connect(self.export)
        # Two buttons a row: four in one do not fit a narrow dock in French.
        layout.addLayout(button_grid([self.new_button, self.open_button, self.import_button, self.export_button]))

        self.add_progress_row(layout, self.cancel)
        self.cancel_button.setToolTip(tr("Stop the running operation; nothing is half-written"))

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("registerTabs")
        self.challenges_panel = RegisterListPanel(iface, "challenges", self.tabs)
        self.actors_panel = RegisterListPanel(iface, "actors", self.tabs)
        self.tabs.addTab(self.challenges_panel, tr("Challenges"))
        self.tabs.addTab(self.actors_panel, tr("Actors"))
        layout.addWidget(self.tabs, 1)

        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_DELAY_MS)
        self.refresh_timer.timeout.connect(self.refresh_lists)
        # Layers arrive one by one (a register adds nine, a project many): the lists are rebuilt once after.
        self.rescan_timer = QTimer(self)
        self.rescan_timer.setSingleShot(True)
        self.rescan_timer.setInterval(0)
        self.rescan_timer.timeout.connect(self.refresh_lists)

        project = QgsProject.instance()
        self.project_signals = [project.layersAdded, project.layersRemoved, project.readProject, project.cleared]
        for signal in self.project_signals:
            signal.connect(self.rescan)
        self.rescan()

    def title(self) -> str:
        return tr("Register")

    def panels(self) -> list:
        return [self.challenges_panel, self.actors_panel]

    # the registers in the project

    def current(self) -> RegisterLayers | None:
        """The RegisterLayers chosen in the combo, or None."""
        target = self.register_combo.currentData()
        return next((entry for entry in self.registers if entry.target == target), None)

    def current_target(self) -> str:
        current = self.current()
        return current.target if current is not None else ""

    def rescan(self, *_args) -> None:
        """Find the registers in the project again (layers added, removed, a project read or cleared)."""
        previous = self.register_combo.currentData()
        registers = registers_in_project()
        if registers == self.registers and previous in [entry.target for entry in registers]:
            self.watch_layers()  # another layer came or went: the lists stand as they are
            return
        self.registers = registers
        targets = [entry.target for entry in self.registers]
        wanted = next((t for t in (self.preferred_target, previous) if t in targets), targets[0] if targets else None)
        self.register_combo.blockSignals(True)
        self.register_combo.clear()
        for entry in self.registers:
            self.register_combo.addItem(target_label(entry.target), entry.target)
            self.register_combo.setItemData(self.register_combo.count() - 1, entry.target, Qt.ToolTipRole)
        if not targets:
            self.register_combo.addItem(tr("No register in this project"), None)
        self.register_combo.setCurrentIndex(max(0, self.register_combo.findData(wanted)) if wanted else 0)
        self.register_combo.setEnabled(bool(targets))
        self.register_combo.blockSignals(False)
        self.watch_layers()
        self.register_chosen(deferred=True)

    def register_chosen(self, *_args, deferred: bool = False) -> None:
        current = self.current()
        if current is not None:
            self.preferred_target = current.target  # kept when other layers come and go
        self.register_combo.setToolTip(
            current.target
            if current is not None
            else tr('Create a register or open one: its layers come in the "Register" group')
        )
        for panel in self.panels():
            panel.set_register(current, tr("Open or create a register first"), refresh=not deferred)
        if deferred and current is not None:
            self.rescan_timer.start()
        self.update_buttons()

    def watch_layers(self) -> None:
        """Rebuild the lists when the register's features change (edits, commits, reloads)."""
        project = QgsProject.instance()
        wanted = {
            layer_id
            for entry in self.registers
            for layer_id in entry.layer_ids("challenges") + entry.layer_ids("actors")
        }
        for layer_id in list(self.watched):
            if layer_id not in wanted or sip.isdeleted(self.watched[layer_id]):
                del self.watched[layer_id]
        for layer_id in wanted:
            layer = project.mapLayer(layer_id)
            if layer is None or self.watched.get(layer_id) is layer:
                continue
            for signal in (
                layer.featureAdded,
                layer.featuresDeleted,
                layer.attributeValueChanged,
                layer.geometryChanged,
                layer.afterCommitChanges,
                layer.afterRollBack,
                layer.dataChanged,
            ):
                signal.connect(self.schedule_refresh)
            self.watched[layer_id] = layer

    def schedule_refresh(self, *_args) -> None:
        self.refresh_timer.start()

    def refresh_lists(self) -> None:
        self.refresh_timer.stop()
        self.rescan_timer.stop()
        for panel in self.panels():
            panel.refresh()

    # buttons

    def busy(self) -> bool:
        return self.task is not None

    def update_buttons(self) -> None:
        busy = self.busy()
        wait = tr("Wait for the current operation to finish, or cancel it")
        has_register = self.current() is not None
        self.new_button.setEnabled(not busy)
        self.new_button.setToolTip(
            wait if busy else tr("Create an empty register: a GeoPackage file or a schema in a PostgreSQL database")
        )
        self.open_button.setEnabled(not busy)
        self.open_button.setToolTip(
            wait if busy else tr('Add an existing register\'s layers to the project ("Register" group)')
        )
        for button, tip in (
            (self.import_button, tr("Import challenges or actors from a CSV or spreadsheet file")),
            (self.export_button, tr("Write every table of the register as CSV or GeoJSON files")),
        ):
            why = wait if busy else "" if has_register else tr("Open or create a register first")
            button.setEnabled(not why)
            button.setToolTip(why or tip)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)

    # background work

    def run(self, description: str, function: Callable, on_done: Callable, on_error: Callable | None = None) -> None:
        """Run `function(feedback)` through the runner; `on_done(result)` on success; errors reported,
        unless `on_error(error)` returns True (it has shown the error its own way)."""
        self.job += 1
        job = self.job

        def finished(result, error):
            if sip.isdeleted(self):
                return  # the plugin was unloaded meanwhile
            self.finished_job = job
            self.task = None
            self.progress.setValue(100)
            self.update_buttons()
            if error is not None:
                if on_error is not None and on_error(error):
                    return
                notify(error_text(error), "critical", self.iface, action=self.KEY)
                if not isinstance(error, OpenTerritoryError):
                    log(f"{description}: {type(error).__name__}: {error}", "critical")
                return
            if result is None:
                notify(tr("Cancelled") + colon() + f"{description}", "info", self.iface, action=self.KEY)
                return
            try:
                on_done(result)
            except OpenTerritoryError as failure:
                notify(failure.message, "critical", self.iface, action=self.KEY)

        self.progress.setValue(0)
        self.task = True  # busy until `finished` runs (a synchronous runner finishes before returning)
        self.update_buttons()
        task = self.runner(description, function, finished)
        if self.finished_job == job:
            return
        self.task = task
        if task is not None and hasattr(task, "progressChanged"):
            task.progressChanged.connect(lambda value: self.progress.setValue(int(value)))

    def cancel(self) -> None:
        if self.task not in (None, True):
            self.task.cancel()

    # create, open

    def ask_target(self, mode: str) -> str:
        """The target chosen by the user in RegisterTargetDialog ("" when cancelled)."""
        dialog = RegisterTargetDialog(mode, self)
        return dialog.target() if dialog.exec_() == QDialog.Accepted else ""

    def create(self) -> None:
        target = self.ask_target("create")
        if target:
            self.run(
                tr("Creating the register"),
                lambda _feedback: create_register(target),
                lambda register: self.show_register(register, tr("Register created")),
            )

    def open_existing(self) -> None:
        target = self.ask_target("open")
        if target:
            self.run(
                tr("Opening the register"),
                lambda _feedback: open_register(target),
                lambda register: self.show_register(register, tr("Register opened")),
            )

    def show_register(self, register: Register, message: str) -> None:
        """Add the register's layers to the project and show its lists."""
        self.preferred_target = register.target
        register.add_to_project(QgsProject.instance())
        self.rescan()
        notify(f"{message}: {register.describe()}", "success", self.iface, action=self.KEY)

    # import, export

    def modified_layers(self) -> list:
        current = self.current()
        if current is None:
            return []
        project = QgsProject.instance()
        layers = [project.mapLayer(layer_id) for layer_id in current.all_ids()]
        return [layer for layer in layers if layer is not None and layer.isEditable() and layer.isModified()]

    def ask_import(self) -> tuple | None:
        """(path, table, geocode) chosen in ImportDialog, or None."""
        table = "actors" if self.tabs.currentWidget() is self.actors_panel else "challenges"
        dialog = ImportDialog(load_settings().offline, table, self)
        if dialog.exec_() != QDialog.Accepted:
            return None
        return dialog.path(), dialog.table(), dialog.geocode()

    def import_file(self) -> None:
        target = self.current_target()
        if not target:
            return
        modified = self.modified_layers()
        if modified:
            notify(
                tr("Save or discard the edits of the register's layers first")
                + colon()
                + ", ".join(layer.name() for layer in modified),
                "warning",
                self.iface,
                action=self.KEY,
            )
            return
        choice = self.ask_import()
        if not choice:
            return
        path, table, geocode = choice

        def work(feedback):
            register = open_register(target)
            return import_rows(register, table, path, geocode=geocode, feedback=feedback)

        self.run(
            tr("Importing into the register"), work, lambda report: self.imported(target, report), self.import_refused
        )

    def import_refused(self, error: BaseException) -> bool:
        """Invalid rows: nothing was written; the report window lists them, line by line."""
        report = rejected_report(error)
        if report is None:
            return False
        self.last_report = report
        notify(
            tr("Nothing was imported: rows of the file are invalid") + f" ({len(report.rejected)})",
            "warning",
            self.iface,
            action=self.KEY,
        )
        for line in report.lines():
            log(f"{report.path}: {line}", "warning")
        self.show_import_report(report)
        return True

    def imported(self, target: str, report: ImportReport) -> None:
        self.last_report = report
        self.reload_layers(target)
        level = "success" if not report.failed else "warning"
        notify(report.summary(), level, self.iface, action=self.KEY)
        for line in report.lines():
            log(f"{report.path}: {line}", "warning")
        self.show_import_report(report)

    def show_import_report(self, report: ImportReport) -> None:
        ImportReportDialog(report, self).exec_()

    def reload_layers(self, target: str) -> None:
        """The register was written outside the layers: read it again."""
        entry = next((entry for entry in self.registers if entry.target == target), None)
        if entry is None:
            return
        project = QgsProject.instance()
        for layer_id in entry.all_ids():
            layer = project.mapLayer(layer_id)
            if layer is not None:
                layer.reload()
                layer.updateExtents()
                layer.triggerRepaint()
        self.refresh_lists()

    def ask_export(self) -> tuple | None:
        """(folder, format) chosen in ExportDialog, or None."""
        dialog = ExportDialog(self)
        if dialog.exec_() != QDialog.Accepted:
            return None
        return dialog.folder(), dialog.fmt()

    def export(self) -> None:
        target = self.current_target()
        if not target:
            return
        if self.modified_layers():
            notify(
                tr("The register's layers have unsaved edits: the export holds what is saved"),
                "warning",
                self.iface,
                action=self.KEY,
            )
        choice = self.ask_export()
        if not choice:
            return
        folder, fmt = choice

        def work(feedback):
            return export_register(open_register(target), folder, fmt, feedback=feedback)

        self.run(tr("Exporting the register"), work, lambda paths: self.exported(folder, paths))

    def exported(self, folder: str, paths: list) -> None:
        self.last_export = paths
        notify(
            tr("Register exported") + colon() + f"{len(paths)} " + tr("files in") + f" {folder}",
            "success",
            self.iface,
            action=self.KEY,
        )

    # unloading

    def shutdown(self) -> None:
        self.cancel()
        self.refresh_timer.stop()
        self.rescan_timer.stop()
        for panel in self.panels():
            panel.shutdown()
        for signal in self.project_signals:
            try:
                signal.disconnect(self.rescan)
            except TypeError:
                pass
        for layer in self.watched.values():
            if sip.isdeleted(layer):
                continue
            for signal in (
                layer.featureAdded,
                layer.featuresDeleted,
                layer.attributeValueChanged,
                layer.geometryChanged,
                layer.afterCommitChanges,
                layer.afterRollBack,
                layer.dataChanged,
            ):
                try:
                    signal.disconnect(self.schedule_refresh)
                except TypeError:
                    pass
        self.watched = {}
