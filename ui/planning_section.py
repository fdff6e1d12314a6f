"""Dock section: planning overlays on the current project's layers, run in the background."""

from __future__ import annotations

import os
import tempfile

from qgis.core import (
    QgsApplication,
    QgsClassificationJenks,
    QgsGradientColorRamp,
    QgsGraduatedSymbolRenderer,
    QgsMapLayerProxyModel,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
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
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from ..plugin.planning.register_challenges import merged_challenges, register_challenge_layers
from ..plugin.register.in_project import registers_in_project
from ..plugin.register.project_layers import TABLE_PROPERTY
from ..plugin.toolbelt.i18n import tr
from ..plugin.toolbelt.logger import notify
from .sections import DockSection


class PlanningSection(DockSection):
    KEY = "planning"

    def __init__(self, iface, parent=None):
        super().__init__(iface, parent)
        self.task = None
        self.feedback = None
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
        buttons = QHBoxLayout()
        self.context_button = QPushButton(tr("Challenge context"), self)
        self.context_button.clicked.connect(lambda: self.run("challenge_context"))
        self.matrix_button = QPushButton(tr("Competence matrix"), self)
        self.matrix_button.clicked.connect(lambda: self.run("competence_matrix"))
        self.gap_button = QPushButton(tr("Gap layer"), self)
        self.gap_button.setToolTip(tr("Where open challenges lack a competent actor or a resource nearby"))
        self.gap_button.clicked.connect(lambda: self.run("gap_layer"))
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        for button in (self.context_button, self.matrix_button, self.gap_button, self.cancel_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setVisible(False)  # shown while an overlay runs
        layout.addWidget(self.progress)
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

    def resource_layers(self):
        project = QgsProject.instance()
        return [project.mapLayer(item.data(Qt.UserRole)) for item in self._items() if item.checkState() == Qt.Checked]

    def chosen_challenges(self):
        if not self.all_challenges.isHidden() and self.all_challenges.isChecked():
            layers = register_challenge_layers()
            if layers:
                # Kept on the section: the background task reads it after run() returns.
                self.merged = merged_challenges(layers)
                return self.merged
        return self.challenges.currentLayer()

    def run(self, name: str) -> None:
        challenges = self.chosen_challenges()
        if challenges is None:
            notify(tr("Choose a challenges layer first"), "warning", self.iface)
            return
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(f"openterritory:{name}")
        parameters = {
            "CHALLENGES": challenges,
            "RESOURCES": self.resource_layers(),
            "ACTORS": self.actors.currentLayer(),
            "OUTPUT": "TEMPORARY_OUTPUT",
        }
        report = None
        if name in ("challenge_context", "gap_layer"):
            parameters["DISTANCE"] = self.distance.value()
        if name == "gap_layer":
            parameters["ZONES"] = self.zones.currentLayer()
        elif name == "competence_matrix":
            report = os.path.join(tempfile.mkdtemp(prefix="open_territory_"), "competence_matrix.html")
            parameters["REPORT"] = report
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = QgsProcessingFeedback()
        self.feedback.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        self.task = QgsProcessingAlgRunnerTask(algorithm, parameters, self.context, self.feedback)
        self.task.executed.connect(lambda ok, results: self.finished(name, ok, results, report))
        self._busy(True)
        QgsApplication.taskManager().addTask(self.task)

    def finished(self, name, ok, results, report) -> None:
        self._busy(False)
        self.task = None
        if not ok:
            if self.feedback is not None and self.feedback.isCanceled():
                notify(tr("Cancelled"), "info", self.iface)
            else:
                notify(tr("The overlay failed: see the Processing log"), "critical", self.iface)
            return
        layer = self.context.takeResultLayer(results["OUTPUT"])
        if layer is not None:
            names = {
                "challenge_context": tr("Challenge context"),
                "competence_matrix": tr("Competence matrix"),
                "gap_layer": tr("Gaps: open challenges without help"),
            }
            layer.setName(names[name])
            if name == "gap_layer":
                style_gaps(layer)
            QgsProject.instance().addMapLayer(layer)
        if report and os.path.exists(report):
            QDesktopServices.openUrl(QUrl.fromLocalFile(report))
        self.progress.setValue(100)
        notify(tr("Overlay done"), "success", self.iface)

    def _busy(self, busy: bool) -> None:
        self.context_button.setEnabled(not busy)
        self.matrix_button.setEnabled(not busy)
        self.gap_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
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


def is_territory_boundary(layer) -> bool:
    """The communes outline load_territory writes as its `boundary` layer: a frame, not a resource."""
    return "layername=boundary" in layer.source()


def style_gaps(layer) -> None:
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
    layer.setOpacity(0.75)
    layer.setRenderer(renderer)
