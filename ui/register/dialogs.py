"""The register section's dialogs: where to create or open a register, what to import, where to export,
and the report of an import."""

from __future__ import annotations

import os

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import QRegularExpression, Qt
from qgis.PyQt.QtGui import QRegularExpressionValidator
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...plugin.register import DEFAULT_PG_SCHEMA, postgres_connections, table_label
from ...plugin.toolbelt.i18n import tr
from ...plugin.toolbelt.postgres import POSTGRES_PREFIX


class _Dialog(QDialog):
    """A dialog whose OK button is enabled only when `problem()` returns "", with the problem as tooltip."""

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.body = QVBoxLayout(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.body.addWidget(self.buttons)
        self.update_ok()

    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.Ok)

    def problem(self) -> str:
        return ""

    def update_ok(self, *_args) -> None:
        problem = self.problem()
        self.ok_button().setEnabled(not problem)
        self.ok_button().setToolTip(problem)

    def accept(self) -> None:
        if self.problem():
            return
        super().accept()


class RegisterTargetDialog(_Dialog):
    """Where a register is made ("create") or found ("open"): a GeoPackage file, or a schema in a
    database reached through one of QGIS's saved PostgreSQL connections."""

    def __init__(self, mode: str = "create", parent=None):
        title = tr("New register") if mode == "create" else tr("Open a register")
        super().__init__(title, parent)
        self.mode = mode
        intro = QLabel(
            tr("A GeoPackage file for one person, or a PostGIS schema the team shares.")
            if mode == "create"
            else tr("Open a register made with Open Territory."),
            self,
        )
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        self.kind_group = QButtonGroup(self)
        self.gpkg_radio = QRadioButton(tr("GeoPackage file"), self)
        self.postgres_radio = QRadioButton(tr("PostgreSQL database (PostGIS)"), self)
        self.kind_group.addButton(self.gpkg_radio)
        self.kind_group.addButton(self.postgres_radio)
        self.gpkg_radio.setChecked(True)

        self.file_widget = QgsFileWidget(self)
        self.file_widget.setObjectName("registerFile")
        self.file_widget.setFilter(tr("GeoPackage (*.gpkg)"))
        if mode == "create":
            self.file_widget.setStorageMode(QgsFileWidget.SaveFile)
            self.file_widget.setDialogTitle(tr("New register GeoPackage"))
        else:
            self.file_widget.setStorageMode(QgsFileWidget.GetFile)
            self.file_widget.setDialogTitle(tr("Register GeoPackage"))
        self.file_widget.fileChanged.connect(self.update_ok)

        self.connection_combo = QComboBox(self)
        self.connection_combo.setObjectName("registerConnection")
        self.connection_combo.addItems(postgres_connections())
        self.schema_edit = QLineEdit(DEFAULT_PG_SCHEMA, self)
        self.schema_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression("[A-Za-z_][A-Za-z0-9_]{0,62}"), self)
        )
        self.schema_edit.setToolTip(
            tr("Letters, digits and _; the schema is created when it does not exist")
            if mode == "create"
            else tr("The schema that holds the register")
        )
        self.schema_edit.textChanged.connect(self.update_ok)

        form = QFormLayout()
        form.addRow(self.gpkg_radio)
        form.addRow(tr("File"), self.file_widget)
        form.addRow(self.postgres_radio)
        form.addRow(tr("Connection"), self.connection_combo)
        form.addRow(tr("Schema"), self.schema_edit)
        self.body.addLayout(form)
        if self.connection_combo.count() == 0:
            why = tr("No saved PostgreSQL connection in QGIS: add one in the Data Source Manager first")
            for widget in (self.postgres_radio, self.connection_combo, self.schema_edit):
                widget.setEnabled(False)
                widget.setToolTip(why)
            note = QLabel(f"<i>{why}</i>", self)
            note.setWordWrap(True)
            self.body.addWidget(note)
        self.gpkg_radio.toggled.connect(self.update_kind)
        self.update_kind()
        self.finish_layout()

    def update_kind(self, *_args) -> None:
        gpkg = self.gpkg_radio.isChecked()
        self.file_widget.setEnabled(gpkg)
        has_connections = self.connection_combo.count() > 0
        self.connection_combo.setEnabled(not gpkg and has_connections)
        self.schema_edit.setEnabled(not gpkg and has_connections)
        self.update_ok()

    def gpkg_path(self) -> str:
        path = self.file_widget.filePath().strip()
        if path and self.mode == "create" and not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        return path

    def problem(self) -> str:
        if self.gpkg_radio.isChecked():
            path = self.gpkg_path()
            if not path:
                return tr("Choose the GeoPackage file first")
            if self.mode == "open" and not os.path.isfile(path):
                return tr("No file at this path")
            if self.mode == "create" and not os.path.isdir(os.path.dirname(os.path.abspath(path))):
                return tr("The folder of the register does not exist")
            return ""
        if not self.connection_combo.currentText():
            return tr("Choose a PostgreSQL connection first")
        if not self.schema_edit.hasAcceptableInput():
            return tr("Invalid PostgreSQL schema name (letters, digits and _ only)")
        return ""

    def target(self) -> str:
        """The target string of plugin/register: a GeoPackage path or "postgres:<connection>/<schema>"."""
        if self.gpkg_radio.isChecked():
            return os.path.abspath(os.path.expanduser(self.gpkg_path()))
        schema = self.schema_edit.text().strip() or DEFAULT_PG_SCHEMA
        return f"{POSTGRES_PREFIX}{self.connection_combo.currentText()}/{schema}"


class ImportDialog(_Dialog):
    """A CSV or spreadsheet file, the table it fills, and whether addresses are geocoded."""

    def __init__(self, offline: bool = False, table: str = "challenges", parent=None):
        super().__init__(tr("Import into the register"), parent)
        self.offline = offline
        intro = QLabel(
            tr(
                "Every row is checked first: if one has an unknown domain, status, kind or priority, "
                "bad coordinates or a missing title, domain or name, nothing is imported and every "
                "invalid row is listed. Rows whose address cannot be located are left out and listed "
                "after the import; the others are imported."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        form = QFormLayout()
        self.file_widget = QgsFileWidget(self)
        self.file_widget.setObjectName("importFile")
        self.file_widget.setStorageMode(QgsFileWidget.GetFile)
        self.file_widget.setFilter(tr("Tables (*.csv *.txt *.xlsx *.ods)") + ";;" + tr("All files (*)"))
        self.file_widget.setDialogTitle(tr("File to import"))
        self.file_widget.fileChanged.connect(self.update_ok)
        form.addRow(tr("File"), self.file_widget)
        self.table_combo = QComboBox(self)
        for key in ("challenges", "actors"):
            self.table_combo.addItem(table_label(key), key)
        self.table_combo.setCurrentIndex(max(0, self.table_combo.findData(table)))
        self.table_combo.currentIndexChanged.connect(self.update_geocode)
        form.addRow(tr("Into"), self.table_combo)
        self.geocode_check = QCheckBox(
            tr("Locate rows without coordinates from their address (Base Adresse Nationale)"), self
        )
        self.geocode_check.setChecked(not offline)
        form.addRow(self.geocode_check)
        self.body.addLayout(form)
        self.update_geocode()
        self.finish_layout()

    def table(self) -> str:
        return self.table_combo.currentData()

    def path(self) -> str:
        return self.file_widget.filePath().strip()

    def geocode(self) -> bool:
        return self.geocode_check.isEnabled() and self.geocode_check.isChecked()

    def update_geocode(self, *_args) -> None:
        if self.offline:
            why = tr("Offline mode is on (plugin options): addresses cannot be located")
        elif self.table() == "actors":
            why = tr("Actors are not located from an address: their location is an area of action")
        else:
            why = ""
        self.geocode_check.setEnabled(not why)
        self.geocode_check.setToolTip(
            why
            or tr("Each address is sent to the Base Adresse Nationale (api-adresse.data.gouv.fr); replies are cached")
        )

    def problem(self) -> str:
        if not self.path():
            return tr("Choose the file to import first")
        if not os.path.isfile(self.path()):
            return tr("No file at this path")
        return ""


class ExportDialog(_Dialog):
    """A format and a folder for the register's export (one file per table)."""

    def __init__(self, parent=None):
        super().__init__(tr("Export the register"), parent)
        intro = QLabel(tr("One file per table; files of a previous export in the folder are replaced."), self)
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        form = QFormLayout()
        self.format_combo = QComboBox(self)
        self.format_combo.addItem(tr("CSV (geometry as WKT)"), "csv")
        self.format_combo.addItem(tr("GeoJSON"), "geojson")
        form.addRow(tr("Format"), self.format_combo)
        self.folder_widget = QgsFileWidget(self)
        self.folder_widget.setObjectName("exportFolder")
        self.folder_widget.setStorageMode(QgsFileWidget.GetDirectory)
        self.folder_widget.setDialogTitle(tr("Export folder"))
        self.folder_widget.fileChanged.connect(self.update_ok)
        form.addRow(tr("Folder"), self.folder_widget)
        self.body.addLayout(form)
        self.finish_layout()

    def fmt(self) -> str:
        return self.format_combo.currentData()

    def folder(self) -> str:
        return self.folder_widget.filePath().strip()

    def problem(self) -> str:
        return "" if self.folder() else tr("Choose the export folder first")


class ImportReportDialog(QDialog):
    """What an import did: the counts, then every row invalid (the import was refused: the refusal's report,
    plugin/register/import_report.py), left out or skipped, with its line and the reason."""

    def __init__(self, report, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Import report"))
        self.setMinimumSize(560, 320)
        self.resize(720, 440)
        layout = QVBoxLayout(self)
        name = os.path.basename(getattr(report, "path", "") or "")
        summary = QLabel(f"<b>{name}</b><br>{report.summary()}", self)
        summary.setTextFormat(Qt.RichText)
        summary.setWordWrap(True)
        layout.addWidget(summary)
        rows = sorted(
            [(line, reason, tr("Invalid")) for line, reason in getattr(report, "rejected", [])]
            + [(line, reason, tr("Left out")) for line, reason in report.failed]
            + [(line, reason, tr("Skipped")) for line, reason in getattr(report, "skipped", [])],
            key=lambda item: (item[0] if isinstance(item[0], int) else 0, str(item[1])),
        )
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels([tr("Line"), tr("What"), tr("Reason")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        for index, (line, reason, what) in enumerate(rows):
            for column, value in enumerate((str(line), what, str(reason))):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(index, column, item)
        self.table.setVisible(bool(rows))
        layout.addWidget(self.table, 1)
        if not rows:
            layout.addWidget(QLabel(tr("Every row was imported."), self))
            layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
