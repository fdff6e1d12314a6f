"""Dock panel: citizen sensors of sensor.community in the map extent, styled on PM2.5."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...plugin.sources.sensor_community import (
    DEFAULT_SERVER,
    KNOWN_TYPES,
    SensorCommunitySource,
    apply_default_style,
)
from ...plugin.toolbelt.i18n import tr
from ...plugin.toolbelt.logger import notify
from ...plugin.toolbelt.network import Transport
from ...plugin.toolbelt.tasks import start_task
from .layer_output import dock_output_path

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


class SensorsPanel(QWidget):
    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.task = None
        self.setObjectName("OpenTerritorySensorsPanel")
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Air-quality and noise sensors run by citizens (sensor.community, ODbL), in the "
                          "current map extent, with their latest readings."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.types_list = QListWidget(self)
        self.types_list.setToolTip(tr("Tick the sensor types to keep; none ticked: every type"))
        for name in KNOWN_TYPES:
            item = QListWidgetItem(name, self.types_list)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked)
        self.types_list.setMaximumHeight(120)
        form.addRow(tr("Sensor types"), self.types_list)
        self.server_edit = QLineEdit(DEFAULT_SERVER, self)
        form.addRow(tr("Server"), self.server_edit)
        layout.addLayout(form)

        buttons = QHBoxLayout()
        self.load_button = QPushButton(tr("Load the sensors of the map extent"), self)
        self.load_button.clicked.connect(self.load)
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addWidget(self.load_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        layout.addStretch(1)

    def title(self) -> str:
        return tr("Citizen sensors (sensor.community)")

    def selected_types(self) -> list:
        return [self.types_list.item(i).text() for i in range(self.types_list.count())
                if self.types_list.item(i).checkState() == Qt.Checked]

    def map_extent_wgs84(self) -> QgsRectangle:
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if canvas is None:
            return QgsRectangle()
        crs = canvas.mapSettings().destinationCrs()
        extent = canvas.extent()
        if crs.isValid() and crs != WGS84:
            extent = QgsCoordinateTransform(crs, WGS84, QgsProject.instance()).transformBoundingBox(extent)
        return extent

    def load(self):
        extent = self.map_extent_wgs84()
        if extent.isNull() or extent.isEmpty():
            self.status_label.setText(tr("Zoom the map to the area to cover first."))
            return
        spec = {"source": "sensor_community", "types": self.selected_types(),
                "server": self.server_edit.text().strip() or DEFAULT_SERVER,
                "extent": [max(-180.0, extent.xMinimum()), max(-90.0, extent.yMinimum()),
                           min(180.0, extent.xMaximum()), min(90.0, extent.yMaximum())]}
        output = dock_output_path("sensor_community")

        def work(feedback):
            return SensorCommunitySource(Transport(feedback=feedback)).fetch(spec, output, "sensor_community",
                                                                               None, feedback)

        self.set_busy(True)
        self.status_label.setText(tr("Downloading…"))
        self.task = start_task(tr("Citizen sensors (sensor.community)"), work,
                               lambda result, error: self.on_loaded(result, error, output))
        self.task.progressChanged.connect(lambda value: self.progress.setValue(int(value)))

    def on_loaded(self, result, error, output):
        self.task = None
        self.set_busy(False)
        if error is not None:
            self.status_label.setText(str(error))
            notify(str(error), "critical", self.iface)
            return
        if result is None:
            self.status_label.setText(tr("Cancelled"))
            return
        layer = QgsVectorLayer(f"{output}|layername={result.layer_name}", tr("Citizen sensors"), "ogr")
        if not layer.isValid():
            self.status_label.setText(tr("The layer could not be opened") + f": {output}")
            return
        apply_default_style(layer)
        QgsProject.instance().addMapLayer(layer)
        message = tr("Citizen sensors") + f": {result.feature_count} " + tr("locations")
        message += f" ({result.licence})"
        self.status_label.setText(message)
        notify(message, "success", self.iface)

    def set_busy(self, busy: bool):
        self.load_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.progress.setVisible(busy)
        self.progress.setValue(0)

    def cancel(self):
        if self.task is not None:
            self.task.cancel()

    def shutdown(self) -> None:
        self.cancel()
