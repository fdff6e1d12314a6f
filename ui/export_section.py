"""Dock section: export the current map for a council meeting (plugin/export/council_map.py).

The map is what the canvas shows: its visible layers in their drawing order and its extent, in its CRS. The export
runs in a background task (plugin/export/background.py: the worker renders copies of the layers, never the project's
own), with a progress bar and a cancel button, so that QGIS's window stays responsive while the pages render.
"""

from __future__ import annotations

import os

from qgis.core import QgsMapLayerProxyModel, QgsProject, QgsReferencedRectangle, QgsTask
from qgis.gui import QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QDir, Qt, QUrl, pyqtSlot
from qgis.PyQt.QtGui import QDesktopServices, QShowEvent
from qgis.PyQt.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from ..plugin.toolbelt.errors import OpenTerritoryError
from ..plugin.toolbelt.i18n import colon, tr
from ..plugin.toolbelt.logger import clear_action, log, notify
from ..plugin.toolbelt.tasks import start_task
from .sections import DockSection

FORMAT_EXTENSIONS = ("pdf", "png")
ACTION = "export"  # the message bar's place for this tab's messages (toolbelt/logger.py)


class ExportSection(DockSection):
    KEY = "export"

    def __init__(self, iface, parent=None):
        super().__init__(iface, parent)
        self.busy = False
        self.task = None
        self.last_result = None
        layout = QVBoxLayout(self)
        self.add_intro(
            layout,
            tr(
                "Export the current map for a council meeting: the layers shown and the area in view, with "
                "title, legend, scale bar, north arrow, date and the sources and licences of every layer."
            ),
        )
        form = QFormLayout()
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("councilTitle")
        self.title_edit.setToolTip(tr("Empty: the project's title, else the territory's name"))
        form.addRow(tr("Title"), self.title_edit)
        self.subtitle_edit = QLineEdit(self)
        self.subtitle_edit.setPlaceholderText(tr("Optional"))
        form.addRow(tr("Subtitle"), self.subtitle_edit)
        page_row = QHBoxLayout()
        self.page_combo = QComboBox(self)
        self.page_combo.addItem("A4", "A4")
        self.page_combo.addItem("A3", "A3")
        self.orientation_combo = QComboBox(self)
        self.orientation_combo.addItem(tr("Landscape"), "landscape")
        self.orientation_combo.addItem(tr("Portrait"), "portrait")
        self.format_combo = QComboBox(self)
        self.format_combo.addItem("PDF", "pdf")
        self.format_combo.addItem("PNG", "png")
        self.format_combo.setToolTip(tr("Vector PDF, or PNG images at 150 dpi (one per page)"))
        self.format_combo.currentIndexChanged.connect(self.follow_format)
        for widget in (self.page_combo, self.orientation_combo, self.format_combo):
            page_row.addWidget(widget)
        form.addRow(tr("Page"), page_row)
        self.atlas_check = QCheckBox(tr("One page per feature of"), self)
        self.atlas_check.setToolTip(tr("An atlas: one page per commune or district, named after it"))
        self.coverage_combo = QgsMapLayerComboBox(self)
        self.coverage_combo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.coverage_combo.setEnabled(False)
        self.atlas_check.toggled.connect(self.coverage_combo.setEnabled)
        form.addRow(self.atlas_check, self.coverage_combo)
        self.logo_widget = QgsFileWidget(self)
        self.logo_widget.setStorageMode(QgsFileWidget.GetFile)
        self.logo_widget.setFilter(tr("Images") + " (*.svg *.png *.jpg *.jpeg)")
        self.logo_widget.setToolTip(tr("The territory's logo, top right; empty: no logo"))
        form.addRow(tr("Logo"), self.logo_widget)
        self.output_widget = QgsFileWidget(self)
        self.output_widget.setStorageMode(QgsFileWidget.SaveFile)
        self.output_widget.setConfirmOverwrite(True)
        self.output_widget.setFilter(tr("PDF") + " (*.pdf)")
        self.output_widget.setFilePath(self.default_output())
        form.addRow(tr("Output file"), self.output_widget)
        layout.addLayout(form)
        self.export_button = QPushButton(tr("Export for council"), self)
        self.export_button.setObjectName("councilExport")
        self.export_button.setToolTip(tr("The layers shown on the map and the area in view"))
        self.export_button.clicked.connect(self.export)
        self.designer_button = QPushButton(tr("Open in the layout designer"), self)
        self.designer_button.setObjectName("councilDesigner")
        self.designer_button.setToolTip(
            tr("The same map as a layout of the project, opened in QGIS's layout designer to finish it by hand")
        )
        self.designer_button.clicked.connect(self.open_in_designer)
        # One a row: side by side they clip at a 360 px dock in French.
        layout.addWidget(self.export_button)
        layout.addWidget(self.designer_button)
        self.add_progress_row(layout, self.cancel)
        layout.addStretch(1)
        self.refresh_title()

    def title(self) -> str:
        return tr("Export")

    # -- defaults ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        self.refresh_title()
        super().showEvent(event)

    def default_title(self) -> str:
        """The project's title, else the name of the territory picked in the dock, else a plain title."""
        project_title = QgsProject.instance().title()
        if project_title:
            return project_title
        profile = getattr(self.sibling("territory"), "profile", None)
        if profile is not None and getattr(profile, "name", ""):
            return profile.name
        return tr("Council map")

    def refresh_title(self) -> None:
        self.title_edit.setPlaceholderText(self.default_title())

    def default_output(self) -> str:
        folder = QgsProject.instance().homePath() or QDir.homePath()
        return os.path.join(folder, "council_map.pdf")

    def follow_format(self, *_args) -> None:
        """The output file's extension and the dialog's filter follow the format."""
        fmt = self.format_combo.currentData()
        self.output_widget.setFilter((tr("PDF") + " (*.pdf)") if fmt == "pdf" else (tr("PNG image") + " (*.png)"))
        path = self.output_widget.filePath()
        if path:
            stem, extension = os.path.splitext(path)
            if extension.lower().lstrip(".") in FORMAT_EXTENSIONS:
                self.output_widget.setFilePath(f"{stem}.{fmt}")

    # -- export --------------------------------------------------------------------------------

    def map_layers(self) -> list:
        """The layers the map canvas shows, first on top."""
        return list(self.iface.mapCanvas().layers())

    def map_extent(self) -> QgsReferencedRectangle | None:
        canvas = self.iface.mapCanvas()
        extent = canvas.extent()
        if extent.isNull() or extent.isEmpty() or not extent.isFinite():
            return None
        return QgsReferencedRectangle(extent, canvas.mapSettings().destinationCrs())

    def export(self) -> QgsTask | None:
        """Start exporting the current map in a background task (None when the inputs are refused, with a message);
        `last_result` holds the export's result once it has ended."""
        from ..plugin.export.background import CouncilMapJob
        from ..plugin.export.council_map import check_inputs, output_for_format

        if self.busy:
            return None
        layers = self.map_layers()
        if not layers:
            notify(tr("No layer is shown on the map: tick the layers to print"), "warning", self.iface, action=ACTION)
            return None
        output = self.output_widget.filePath().strip()
        if not output:
            notify(tr("Choose the output file"), "warning", self.iface, action=ACTION)
            return None
        fmt = self.format_combo.currentData()
        if output_for_format(output, fmt) != output:
            output = output_for_format(output, fmt)
            self.output_widget.setFilePath(output)
        coverage = self.coverage_combo.currentLayer() if self.atlas_check.isChecked() else None
        if self.atlas_check.isChecked() and coverage is None:
            notify(
                tr("Choose the communes or districts layer for one page per feature"),
                "warning",
                self.iface,
                action=ACTION,
            )
            return None
        page, orientation = self.page_combo.currentData(), self.orientation_combo.currentData()
        try:
            check_inputs(layers, output, fmt, page, orientation)
            job = CouncilMapJob(
                layers,
                output,
                self.title_edit.text().strip() or self.default_title(),
                coverage=coverage,
                extent=None if coverage is not None else self.map_extent(),
                fmt=fmt,
                page=page,
                orientation=orientation,
                subtitle=self.subtitle_edit.text().strip() or None,
                logo=self.logo_widget.filePath().strip() or None,
                crs=self.iface.mapCanvas().mapSettings().destinationCrs(),
            )
        except OpenTerritoryError as error:
            notify(tr("The council map was not exported") + colon() + str(error), "critical", self.iface, action=ACTION)
            return None
        clear_action(ACTION, self.iface)
        self.set_busy(True)
        self.last_result = None
        self.task = start_task(tr("Council map"), job.run, self.exported)
        self.task.progressChanged.connect(self.on_progress)
        return self.task

    @pyqtSlot(float)
    def on_progress(self, value: object) -> None:
        self.progress.setValue(int(value))

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def shutdown(self) -> None:
        self.cancel()

    def exported(self, result: dict | None, error: Exception | None) -> None:
        self.task = None
        self.set_busy(False)
        if error is not None:
            if not isinstance(error, OpenTerritoryError):  # an unexpected QGIS error: logged with its type
                log(f"Council map export: {error!r}", "critical")
            notify(tr("The council map was not exported") + colon() + str(error), "critical", self.iface, action=ACTION)
            return
        if result is None:
            notify(tr("Export cancelled"), "info", self.iface, action=ACTION)
            return
        self.progress.setValue(100)
        self.last_result = result
        self.show_done(result)

    def layout_arguments(self) -> dict | None:
        """What the map shows and how, as build_layout takes it; None (with a message) when it cannot be made."""
        layers = self.map_layers()
        if not layers:
            notify(tr("No layer is shown on the map: tick the layers to print"), "warning", self.iface)
            return None
        coverage = self.coverage_combo.currentLayer() if self.atlas_check.isChecked() else None
        if self.atlas_check.isChecked() and coverage is None:
            notify(tr("Choose the communes or districts layer for one page per feature"), "warning", self.iface)
            return None
        return {
            "layers": layers,
            "title": self.title_edit.text().strip() or self.default_title(),
            "extent": None if coverage is not None else self.map_extent(),
            "coverage": coverage,
            "page": self.page_combo.currentData(),
            "orientation": self.orientation_combo.currentData(),
            "subtitle": self.subtitle_edit.text().strip() or None,
            "logo": self.logo_widget.filePath().strip() or None,
            "project": QgsProject.instance(),
            "crs": self.iface.mapCanvas().mapSettings().destinationCrs(),
        }

    def open_in_designer(self):
        """Build the council map as a layout of the project and open it in QGIS's layout designer; returns the
        layout (None when it could not be made, with a message)."""
        from ..plugin.export.council_map import build_layout, keep_in_project

        arguments = self.layout_arguments()
        if arguments is None:
            return None
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            layout, _atlas, _text = build_layout(**arguments)
            name = keep_in_project(layout, arguments["project"])
        except OpenTerritoryError as error:
            notify(tr("The council map was not made") + f": {error}", "critical", self.iface)
            return None
        finally:
            QApplication.restoreOverrideCursor()
        log(tr("Council map added to the project's layouts") + f": {name}")
        self.iface.openLayoutDesigner(layout)
        return layout

    def show_done(self, result: dict) -> None:
        path = result["OUTPUT"]
        pages = result["PAGES"]
        text = tr("Council map exported") + colon() + path
        if len(result["FILES"]) > 1:
            text = tr("Council map exported, one file per page") + f" ({pages})" + colon() + os.path.dirname(path)
        elif pages > 1:
            text += f" ({pages} " + tr("pages") + ")"
        target = path if len(result["FILES"]) == 1 else os.path.dirname(path)
        notify(
            text,
            "success",
            self.iface,
            action=ACTION,
            button=(tr("Open"), lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(target))),
        )

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.export_button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setValue(0)
