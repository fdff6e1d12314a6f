"""Dock section: planning overlays on the current project's layers, run in the background."""

from __future__ import annotations

import os
import tempfile

from qgis.core import (
    QgsApplication,
    QgsMapLayerProxyModel,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from ..plugin.toolbelt.i18n import tr
from ..plugin.toolbelt.logger import notify
from .sections import DockSection


class PlanningSection(DockSection):
    KEY = "planning"

    def __init__(self, iface, parent=None):
        super().__init__(iface, parent)
        self.task = None
        self.feedback = None
        layout = QVBoxLayout(self)
        self.add_intro(layout, tr("Overlay the register on the resources: what surrounds each challenge, who can act."))
        form = QFormLayout()
        self.challenges = QgsMapLayerComboBox(self)
        self.challenges.setFilters(QgsMapLayerProxyModel.VectorLayer)
        form.addRow(tr("Challenges"), self.challenges)
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
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.context_button = QPushButton(tr("Challenge context"), self)
        self.context_button.clicked.connect(lambda: self.run("challenge_context"))
        self.matrix_button = QPushButton(tr("Competence matrix"), self)
        self.matrix_button.clicked.connect(lambda: self.run("competence_matrix"))
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        for button in (self.context_button, self.matrix_button, self.cancel_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        project = QgsProject.instance()
        project.layersAdded.connect(self.refresh_resources)
        project.layersRemoved.connect(self.refresh_resources)
        self.refresh_resources()

    def title(self) -> str:
        return tr("Planning")

    def refresh_resources(self, *_args) -> None:
        ticked = {item.data(Qt.UserRole) for item in self._items() if item.checkState() == Qt.Checked}
        self.resources.clear()
        for layer in QgsProject.instance().mapLayers().values():
            if isinstance(layer, QgsVectorLayer) and layer.fields().indexOf("category") >= 0:
                item = QListWidgetItem(layer.name(), self.resources)
                item.setData(Qt.UserRole, layer.id())
                item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
                item.setCheckState(Qt.Checked if not ticked or layer.id() in ticked else Qt.Unchecked)

    def _items(self):
        return [self.resources.item(i) for i in range(self.resources.count())]

    def resource_layers(self):
        project = QgsProject.instance()
        return [project.mapLayer(item.data(Qt.UserRole)) for item in self._items() if item.checkState() == Qt.Checked]

    def run(self, name: str) -> None:
        challenges = self.challenges.currentLayer()
        if challenges is None:
            notify(tr("Choose a challenges layer first"), "warning", self.iface)
            return
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(f"openterritory:{name}")
        parameters = {"CHALLENGES": challenges, "RESOURCES": self.resource_layers(),
                      "ACTORS": self.actors.currentLayer(), "OUTPUT": "TEMPORARY_OUTPUT"}
        report = None
        if name == "challenge_context":
            parameters["DISTANCE"] = self.distance.value()
        else:
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
            layer.setName(tr("Challenge context") if name == "challenge_context" else tr("Competence matrix"))
            QgsProject.instance().addMapLayer(layer)
        if report and os.path.exists(report):
            QDesktopServices.openUrl(QUrl.fromLocalFile(report))
        self.progress.setValue(100)
        notify(tr("Overlay done"), "success", self.iface)

    def _busy(self, busy: bool) -> None:
        self.context_button.setEnabled(not busy)
        self.matrix_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
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
