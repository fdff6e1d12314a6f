"""What the source panels of the resources section share: the load button, background work with a
progress bar, a cancel button and a status line, the map extent, the category choice, where the layer
is written, the large-download question, adding the written layer to the project."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from qgis.core import (
    QgsCoordinateTransform,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import Qt, pyqtSlot
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from ...plugin.definitions import CATEGORIES, category_label
from ...plugin.profiles.remembered import RememberedDataset
from ...plugin.toolbelt.coverage import WGS84, extent_bbox
from ...plugin.toolbelt.download import human_size
from ...plugin.toolbelt.errors import InputError
from ...plugin.toolbelt.i18n import colon, tr
from ...plugin.toolbelt.layer_writer import OutputTarget, postgres_target, safe_name
from ...plugin.toolbelt.logger import clear_action, notify
from ...plugin.toolbelt.settings import load_settings
from ...plugin.toolbelt.tasks import start_task
from ..dataset_loader import remember_loaded

if TYPE_CHECKING:
    from typing import Callable

    from qgis.PyQt.QtWidgets import QBoxLayout

    from ...plugin.sources.base import FetchResult
    from .place_field import PlaceField  # names used in annotations only


class SourcePanel(QWidget):
    """Base of a source panel of the resources section.

    A panel lays out its load button, progress row and status line with `add_load_controls` (or
    `make_progress_row` and `self.status`), lists in `busy_widgets` what is disabled while work runs,
    and runs its work with `run`. `runner(description, function(feedback), on_done(result, error))`
    runs the work (a QgsTask by default; tests pass a synchronous one)."""

    database = None  # the Resources tab's DatabaseDestination, set by the tab

    def __init__(self, iface, parent=None, runner=None):
        super().__init__(parent)
        self.iface = iface
        self.runner = runner or start_task
        self.task = None
        self.place = None  # the place field of a panel that loads over an area (make_place_field)
        self.busy_widgets = []
        self.running_status = ""
        self.action = type(self).__name__  # the panel's place in the message bar (toolbelt/logger.py)

    # -- widgets shared by the panels ---------------------------------------------------------------

    def make_category_combo(self) -> QComboBox:
        combo = QComboBox(self)
        for key in CATEGORIES:
            combo.addItem(category_label(key), key)
        combo.setCurrentIndex(CATEGORIES.index("other"))
        combo.setToolTip(tr("Category written in the 'category' field of the loaded layer"))
        return combo

    def make_output_widget(self) -> QgsFileWidget:
        widget = QgsFileWidget(self)
        widget.setStorageMode(QgsFileWidget.SaveFile)
        widget.setFilter(tr("GeoPackage") + " (*.gpkg)")
        widget.setToolTip(tr("GeoPackage to write; empty: a file in the plugin's data folder"))
        return widget

    def add_output_options(self, layout: QBoxLayout) -> None:
        """The category combo (`self.category`) and the output file (`self.output`), as a form."""
        form = QFormLayout()
        self.category = self.make_category_combo()
        form.addRow(tr("Category"), self.category)
        self.output = self.make_output_widget()
        form.addRow(tr("Output"), self.output)
        layout.addLayout(form)

    def add_load_controls(self, layout: QBoxLayout, text: str, beside: QWidget | None = None) -> None:
        """The load button (`self.load_button`, calls `self.load`, disabled while busy), with `beside` on
        its left when given, then the progress row and the status line, at the end of `layout`."""
        self.load_button = QPushButton(text, self)
        self.load_button.clicked.connect(self.load)
        self.busy_widgets.append(self.load_button)
        if beside is None:
            layout.addWidget(self.load_button)
        else:
            row = QHBoxLayout()
            row.addWidget(beside, 1)
            row.addWidget(self.load_button)
            layout.addLayout(row)
        layout.addLayout(self.make_progress_row())
        layout.addWidget(self.status)

    def make_progress_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        return row

    # -- background work ----------------------------------------------------------------------------

    def set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        self.cancel_button.setVisible(busy)
        for widget in self.busy_widgets:
            widget.setEnabled(not busy)

    def run(
        self,
        description: str,
        function: Callable,
        on_result: Callable,
        status: str = "",
        cancelled: str = "",
        remember: RememberedDataset | None = None,
    ) -> None:
        """Run `function(feedback)` in the background: progress row shown, `busy_widgets` disabled,
        `status` (else the description) on the status line. Then `on_result(result)`; an error is
        reported instead, and a run that ends without result nor error (cancelled) leaves
        `cancelled` (else "Cancelled") on the status line. A load gives the dataset it loads as `remember`:
        once loaded, it is the first of the recent datasets (the Resources tab's list, the Browser)."""
        self.set_busy(True)
        self.running_status = status or description
        self.status.setText(self.running_status)

        def done(result, error) -> None:
            self.task = None
            self.set_busy(False)
            if error is not None:
                self.report_error(error)
            elif result is None:
                self.status.setText(cancelled or tr("Cancelled"))
            else:
                on_result(result)
                if remember is not None:
                    remember_loaded(remember)

        clear_action(self.action, self.iface)
        task = self.runner(description, function, done)
        if task is not None and hasattr(task, "progressChanged"):
            self.task = task
            task.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
            # What the source says it is doing (a server asked, a page read) under the status line as it goes.
            task.feedback.textChanged.connect(self.on_progress_text)

    @pyqtSlot(str)
    def on_progress_text(self, text: str) -> None:
        """What the running work is doing, under its status ("data.example.fr: 3.2 MB"); queued from the
        task's thread."""
        if self.task is not None:
            self.status.setText(f"{self.running_status}\n{text}" if self.running_status else text)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.status.setText(tr("Cancelled"))

    def shutdown(self) -> None:
        self.cancel()
        if self.place is not None:
            self.place.shutdown()

    def make_place_field(self) -> PlaceField:
        """The place field of a panel that loads over an area: a commune or EPCI whose outline is the area."""
        from .place_field import PlaceField

        self.place = PlaceField(self.iface, self, self.runner)
        return self.place

    def use_area(self, layer: QgsVectorLayer) -> None:
        """A place's outline chosen elsewhere (the locator bar) becomes this panel's area, when it takes one."""
        if self.place is not None:
            self.place.set_area(layer)

    def report_error(self, error: Exception | str) -> None:
        self.status.setText(str(error))
        notify(str(error), "critical", self.iface, action=self.action)

    # -- loading ------------------------------------------------------------------------------------

    def map_extent_wgs84(self) -> QgsRectangle:
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if canvas is None:
            return QgsRectangle()
        crs = canvas.mapSettings().destinationCrs()
        extent = canvas.extent()
        if crs.isValid() and crs != WGS84:
            extent = QgsCoordinateTransform(crs, WGS84, QgsProject.instance()).transformBoundingBox(extent)
        return extent

    def map_bbox(self) -> list | None:
        """[west, south, east, north] of the map extent in WGS 84, within the world; None without one."""
        return extent_bbox(self.map_extent_wgs84())

    def output_path(self, widget: QgsFileWidget, stem: str) -> str:
        path = widget.filePath().strip()
        if path:
            return path if path.lower().endswith(".gpkg") else path + ".gpkg"
        folder = os.path.join(load_settings().effective_cache_dir(), "layers")
        os.makedirs(folder, exist_ok=True)
        return os.path.join(folder, safe_name(stem) + ".gpkg")

    def placed(self, target: OutputTarget) -> OutputTarget | None:
        """`target`, or the table of the same name in the PostGIS schema the Resources tab writes into when its
        box is ticked; None, reported, when that destination cannot be used."""
        if self.database is None or not self.database.active():
            return target
        try:
            return postgres_target(self.database.destination(), target.layer)
        except InputError as error:
            self.report_error(error)
            return None

    def confirm_size(self, size: int | None, title: str) -> bool:
        limit = int(load_settings().download_warning_mb or 0)
        if not size or not limit or size <= limit * 1024 * 1024:
            return True
        answer = QMessageBox.question(
            self,
            tr("Large download"),
            tr("This resource is large") + f" ({human_size(size)}): {title}\n" + tr("Download it anyway?"),
            QMessageBox.Yes | QMessageBox.No,
            QMessageBox.No,
        )
        return answer == QMessageBox.Yes

    def add_layer(self, target: OutputTarget, title: str, prepare: Callable | None = None) -> QgsVectorLayer | None:
        """Open the written layer and add it to the project, after `prepare(layer)` (style,
        properties) when given; None, reported, when it cannot be opened."""
        layer = QgsVectorLayer(target.uri(), title, target.provider)
        if not layer.isValid():
            self.report_error(tr("The written layer cannot be opened") + colon() + target.describe())
            return None
        if prepare is not None:
            prepare(layer)
        QgsProject.instance().addMapLayer(layer)
        return layer

    def loaded(self, result: FetchResult, title: str, target: OutputTarget) -> None:
        layer = self.add_layer(target, title)
        if layer is None:
            return
        text = tr("Loaded") + f" {title}" + colon() + f"{result.feature_count} " + tr("features")
        text = "\n".join([text, *result.warnings])  # one message for the load, its warnings in it
        self.status.setText(text)
        notify(text, "warning" if result.warnings else "success", self.iface, action=self.action)
