"""Dock panel: citizen sensors of sensor.community in the map extent, styled on PM2.5."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import QgsFeedback
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from ...plugin.profiles.remembered import RememberedDataset
from ...plugin.sources.sensor_community import (
    DEFAULT_SERVER,
    KNOWN_TYPES,
    SensorCommunitySource,
    prepare_sensor_layer,
)
from ...plugin.toolbelt.i18n import colon, tr
from ...plugin.toolbelt.layer_writer import file_target
from ...plugin.toolbelt.logger import notify
from ...plugin.toolbelt.network import Transport
from .layer_output import dock_output_path
from .source_panel import SourcePanel

if TYPE_CHECKING:  # names used in annotations only
    from ...plugin.sources.base import FetchResult
    from ...plugin.toolbelt.layer_writer import OutputTarget


class SensorsPanel(SourcePanel):
    def __init__(self, iface, parent=None, runner=None):
        super().__init__(iface, parent, runner)
        self.setObjectName("OpenTerritorySensorsPanel")
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Air-quality and noise sensors run by citizens (sensor.community, ODbL), in the "
                "current map extent, with their latest readings."
            ),
            self,
        )
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
        form.addRow(tr("Place"), self.make_place_field())
        layout.addLayout(form)

        self.add_load_controls(layout, tr("Load the sensors of the map extent"))
        layout.addStretch(1)

    def title(self) -> str:
        return tr("Citizen sensors (sensor.community)")

    def selected_types(self) -> list:
        return [
            self.types_list.item(i).text()
            for i in range(self.types_list.count())
            if self.types_list.item(i).checkState() == Qt.Checked
        ]

    def load(self) -> None:
        bbox = self.map_bbox()
        coverage = self.place.coverage() or ({"extent": bbox} if bbox is not None else {})
        if not coverage:
            self.status.setText(tr("Zoom the map to the area to cover first."))
            return
        spec = {
            "source": "sensor_community",
            "types": self.selected_types(),
            "server": self.server_edit.text().strip() or DEFAULT_SERVER,
            **coverage,
        }
        target = self.placed(file_target(dock_output_path("sensor_community"), "sensor_community"))
        if target is None:
            return

        def work(feedback: QgsFeedback | None):
            return SensorCommunitySource(Transport(feedback=feedback)).fetch(spec, target, None, feedback)

        self.run(
            tr("Citizen sensors (sensor.community)"),
            work,
            lambda result: self.on_loaded(result, target),
            status=tr("Downloading…"),
            remember=RememberedDataset(spec, "air_quality_sensor", tr("Citizen sensors")),
        )

    def on_loaded(self, result: FetchResult, target: OutputTarget) -> None:
        if self.add_layer(target, tr("Citizen sensors"), prepare_sensor_layer) is None:
            return
        message = tr("Citizen sensors") + colon() + f"{result.feature_count} " + tr("locations")
        message += f" ({result.licence})"
        for warning in result.warnings:
            message += f"\n{warning}"
        self.status.setText(message)
        notify(message, "success", self.iface, action=self.action)
