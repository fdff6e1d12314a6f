"""Dock section: planning overlays on the current project's layers (plugin/planning/overlays.py), run in a
background task with progress and cancel, as the other tabs run their core functions. The result becomes a
layer in the main thread."""

from __future__ import annotations

import math
import os
import tempfile
from collections.abc import Callable

from qgis.core import (
    QgsClassificationJenks,
    QgsGradientColorRamp,
    QgsGraduatedSymbolRenderer,
    QgsMapLayer,
    QgsMapLayerProxyModel,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QColor, QDesktopServices
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from ..plugin.planning.overlays import Overlay, context_overlay, gap_overlay, matrix_overlay, overlay_layer
from ..plugin.planning.register_challenges import merged_challenges, register_challenge_layers
from ..plugin.register.in_project import registers_in_project
from ..plugin.register.project_layers import TABLE_PROPERTY
from ..plugin.toolbelt.errors import OpenTerritoryError
from ..plugin.toolbelt.i18n import colon, tr
from ..plugin.toolbelt.logger import log, notify
from ..plugin.toolbelt.tasks import start_task
from .narrow import button_grid
from .sections import DockSection


def overlay_names() -> dict:
    """The overlays the buttons run: the result layer's name by overlay."""
    return {
        "challenge_context": tr("Challenge context"),
        "competence_matrix": tr("Competence matrix"),
        "gap_layer": tr("Gaps: open challenges without help"),
    }


class PlanningSection(DockSection):
    KEY = "planning"

    def __init__(self, iface, parent=None):
        super().__init__(iface, parent)
        self.task = None
        self.feedback = None
        self.last_error = ""  # the last overlay's failure, as told to the user
        self.merged = None
        self.unticked = set()
        layout = QVBoxLayout(self)
        self.add_intro(layout, tr("Overlay the register on the resources: what surrounds each challenge, who can act."))
        form = QFormLayout()
        self.challenges = QgsMapLayerComboBox(self)
        self.challenges.setFilters(QgsMapLayerProxyModel.VectorLayer)
        form.addRow(tr("Challenges"), self.challenges)
        self.all_challenges = QCheckBox(tr("Every challenge of the register"), self)
        self.all_challenges.setToolTip(
            tr(
                "Points, lines and areas together (lines and areas by a point inside them, which also decides "
                "whether an actor's area of action covers them); challenges without a location get no distances, "
                "only the competent actors without an area of action"
            )
        )
        self.all_challenges.setChecked(True)
        self.all_challenges.toggled.connect(lambda checked: self.challenges.setEnabled(not checked))
        form.addRow("", self.all_challenges)
        self.actors = QgsMapLayerComboBox(self)
        self.actors.setFilters(QgsMapLayerProxyModel.VectorLayer)
        self.actors.setAllowEmptyLayer(True)
        self.actors.setLayer(None)
        form.addRow(tr("Actors"), self.actors)
        self.resources = QListWidget(self)
        self.resources.setToolTip(tr("Ticked layers with a category field are the resources"))
        form.addRow(tr("Resource layers"), self.resources)
        self.distance = QDoubleSpinBox(self)
        self.distance.setRange(0, 100000)
        self.distance.setValue(500)
        self.distance.setSuffix(" m")
        form.addRow(tr("Distance (metres)"), self.distance)
        self.zones = QgsMapLayerComboBox(self)
        self.zones.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.zones.setAllowEmptyLayer(True)
        self.zones.setLayer(None)
        self.zones.setToolTip(tr("Communes or districts for the gap layer; empty: a regular grid"))
        form.addRow(tr("Zones (gap layer)"), self.zones)
        layout.addLayout(form)
        self.context_button = QPushButton(tr("Challenge context"), self)
        self.context_button.clicked.connect(lambda: self.run("challenge_context"))
        self.matrix_button = QPushButton(tr("Competence matrix"), self)
        self.matrix_button.clicked.connect(lambda: self.run("competence_matrix"))
        self.gap_button = QPushButton(tr("Gap layer"), self)
        self.gap_button.setToolTip(tr("Where open challenges lack a competent actor or a resource nearby"))
        self.gap_button.clicked.connect(lambda: self.run("gap_layer"))
        # One button a row, so that the French labels fit a narrow dock; the cancel button beside the progress
        # of the overlay it stops, both shown while one runs.
        layout.addLayout(button_grid([self.context_button, self.matrix_button, self.gap_button], columns=1))
        self.add_progress_row(layout, self.cancel)
        self.cancel_button.setEnabled(False)
        layout.addStretch(1)
        project = QgsProject.instance()
        project.layersAdded.connect(self.refresh_resources)
        project.layersRemoved.connect(self.refresh_resources)
        self.refresh_resources()

    def title(self) -> str:
        return tr("Planning")

    def refresh_resources(self, *_args) -> None:
        # New resource layers come ticked; the ones the user unticked stay so.
        self.unticked |= {item.data(Qt.UserRole) for item in self._items() if item.checkState() != Qt.Checked}
        self.resources.clear()
        self.pick_register_layers()
        vector_layers = [
            layer for layer in QgsProject.instance().mapLayers().values() if isinstance(layer, QgsVectorLayer)
        ]
        self.challenges.setExceptedLayerList([lyr for lyr in vector_layers if lyr.fields().indexOf("domain") < 0])
        self.actors.setExceptedLayerList([lyr for lyr in vector_layers if lyr.fields().indexOf("competences") < 0])
        for layer in vector_layers:
            if layer.fields().indexOf("category") < 0 or is_territory_boundary(layer):
                continue
            item = QListWidgetItem(layer.name(), self.resources)
            item.setData(Qt.UserRole, layer.id())
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked if layer.id() in self.unticked else Qt.Checked)

    def pick_register_layers(self) -> None:
        """Point the challenge and actor combos at the register's layers once it is in the project."""
        registers = registers_in_project()
        self.all_challenges.setVisible(bool(registers))
        self.challenges.setEnabled(not (registers and self.all_challenges.isChecked()))
        if not registers:
            return
        for combo, table in ((self.challenges, "challenges"), (self.actors, "actors")):
            layers = registers[0].layers(table)
            current = combo.currentLayer()
            if layers and (current is None or current.customProperty(TABLE_PROPERTY) != table):
                combo.setLayer(layers[0])

    def _items(self):
        return [self.resources.item(i) for i in range(self.resources.count())]

    def resource_layers(self) -> list:
        project = QgsProject.instance()
        return [project.mapLayer(item.data(Qt.UserRole)) for item in self._items() if item.checkState() == Qt.Checked]

    def chosen_challenges(self) -> QgsVectorLayer | None:
        if not self.all_challenges.isHidden() and self.all_challenges.isChecked():
            layers = register_challenge_layers()
            if layers:
                # Kept on the section: the background task reads it after run() returns.
                self.merged = merged_challenges(layers)
                return self.merged
        return self.challenges.currentLayer()

    def overlay_work(self, name: str, challenges: QgsVectorLayer) -> Callable:
        """The core function of overlay `name` on the section's choices, as `work(feedback) -> (Overlay, HTML
        report file or "")` for a background task. The choices are read here, in the main thread."""
        resources = self.resource_layers()
        actors = self.actors.currentLayer()
        distance = self.distance.value()
        zones = self.zones.currentLayer()
        transform_context = QgsProject.instance().transformContext()
        if name == "challenge_context":
            return lambda feedback: (
                context_overlay(
                    challenges, resources, actors, distance, feedback=feedback, transform_context=transform_context
                ),
                "",
            )
        if name == "gap_layer":
            return lambda feedback: (
                gap_overlay(
                    challenges,
                    resources,
                    actors,
                    distance,
                    zones,
                    feedback=feedback,
                    transform_context=transform_context,
                ),
                "",
            )
        return lambda feedback: with_report(matrix_overlay(challenges, resources, actors, feedback))

    def run(self, name: str) -> None:
        challenges = self.chosen_challenges()
        if challenges is None:
            notify(tr("Choose a challenges layer first"), "warning", self.iface, action=self.KEY)
            return
        work = self.overlay_work(name, challenges)
        self._busy(True)
        self.last_error = ""
        self.task = start_task(overlay_names()[name], work, lambda result, error: self.finished(name, result, error))
        self.feedback = self.task.feedback
        self.task.progressChanged.connect(lambda value: self.progress.setValue(int(value)))

    def finished(self, name: str, result: tuple | None, error: BaseException | None) -> None:
        """The task's end, in the main thread: `result` is (Overlay, report file or ""), None when cancelled."""
        self._busy(False)
        cancelled = self.task is not None and self.task.cancelled
        self.task = None
        if error is not None:
            if not isinstance(error, OpenTerritoryError):
                log(f"{overlay_names()[name]}: {type(error).__name__}: {error}", "critical")
            self.last_error = tr("The overlay failed") + colon() + f"{error}"
            notify(self.last_error, "critical", self.iface, action=self.KEY)
            return
        if result is None:
            if cancelled:
                notify(tr("Cancelled"), "info", self.iface, action=self.KEY)
            return
        overlay, report = result
        try:
            layer = overlay_layer(overlay, overlay_names()[name])
        except OpenTerritoryError as failure:
            self.last_error = failure.message
            notify(self.last_error, "critical", self.iface, action=self.KEY)
            return
        if name == "gap_layer":
            style_gaps(layer)
        QgsProject.instance().addMapLayer(layer)
        if report:
            QDesktopServices.openUrl(QUrl.fromLocalFile(report))
        self.progress.setValue(100)
        notify(tr("Overlay done"), "success", self.iface, action=self.KEY)

    def _busy(self, busy: bool) -> None:
        self.context_button.setEnabled(not busy)
        self.matrix_button.setEnabled(not busy)
        self.gap_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.cancel_button.setVisible(busy)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setValue(0)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def shutdown(self) -> None:
        self.cancel()
        project = QgsProject.instance()
        for signal in (project.layersAdded, project.layersRemoved):
            try:
                signal.disconnect(self.refresh_resources)
            except TypeError:
                pass


def with_report(overlay: Overlay) -> tuple:
    """(overlay, the competence matrix's HTML page written to a temporary file, for the browser)."""
    path = os.path.join(tempfile.mkdtemp(prefix="open_territory_"), "competence_matrix.html")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(overlay.report)
    return overlay, path


def is_territory_boundary(layer: QgsMapLayer) -> bool:
    """The communes outline load_territory writes as its `boundary` layer: a frame, not a resource."""
    return "layername=boundary" in layer.source()


def style_gaps(layer: QgsVectorLayer) -> None:
    """A heat map of open_unserved: light where help is missing rarely, dark red where often."""
    index = layer.fields().indexOf("open_unserved")
    if index < 0:
        return
    maximum = layer.maximumValue(index)
    if not maximum:
        return
    renderer = QgsGraduatedSymbolRenderer("open_unserved")
    renderer.setSourceColorRamp(QgsGradientColorRamp(QColor("#fff5f0"), QColor("#a50f15")))
    renderer.setClassificationMethod(QgsClassificationJenks())
    renderer.updateClasses(layer, min(5, int(maximum) + 1))
    name_gap_classes(renderer)
    layer.setOpacity(0.75)
    layer.setRenderer(renderer)


def name_gap_classes(renderer: QgsGraduatedSymbolRenderer) -> None:
    """Classes named by the counts they hold ("2 to 3 open challenges lacking help"), not by bare ranges: the
    counts are whole numbers, and a class holds those above its lower bound (the first, from its bound)."""
    for index, item in enumerate(renderer.ranges()):
        low = math.ceil(item.lowerValue()) if index == 0 else math.floor(item.lowerValue()) + 1
        high = math.floor(item.upperValue())
        if high < low:
            continue
        if low == high:
            label = f"{low} " + (tr("open challenge lacking help") if low == 1 else tr("open challenges lacking help"))
        else:
            label = f"{low} " + tr("to") + f" {high} " + tr("open challenges lacking help")
        renderer.updateRangeLabel(index, label)
