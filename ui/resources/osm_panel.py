"""Dock panel: OpenStreetMap resources by category through Overpass, for the map extent or an area layer,
and the layer-tree action "Refresh from OpenStreetMap".

Each loaded layer keeps its Overpass spec (category, server, timeout, extent or area) in the custom
property `open_territory/overpass_spec` (set by overpass.prepare_osm_layer, for the dock's layers as for
Processing's), so the refresh action reruns the same query. The action is offered to a layer added with
the property, or given it later (Processing prepares its outputs once they are in the project). A refresh writes a
new GeoPackage and then points the layer at it (`setDataSource`): the old data stays on screen until
the new data is complete, and style, name and position in the layer tree are kept.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from qgis.core import (
    QgsFeedback,
    QgsMapLayerProxyModel,
    QgsMapLayerType,
    QgsProject,
)
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAction,
    QComboBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
)

from ...plugin.definitions import OSM_ATTRIBUTION, category_label
from ...plugin.sources.overpass import DEFAULT_TIMEOUT, SPEC_PROPERTY, OverpassSource, prepare_osm_layer
from ...plugin.sources.overpass.presets import preset_categories
from ...plugin.toolbelt.coverage import area_wkt
from ...plugin.toolbelt.i18n import tr
from ...plugin.toolbelt.layer_writer import layer_target
from ...plugin.toolbelt.logger import notify
from ...plugin.toolbelt.network import Transport
from ...plugin.toolbelt.settings import load_settings
from ...plugin.toolbelt.tasks import steps_feedback
from .layer_output import dock_output_path
from .source_panel import SourcePanel

if TYPE_CHECKING:  # names used in annotations only
    from typing import Callable

    from qgis.core import QgsMapLayer, QgsTask


def layer_spec(layer: QgsMapLayer | None) -> dict | None:
    """The Overpass spec a layer was loaded with, or None for other layers."""
    if layer is None:
        return None
    text = layer.customProperty(SPEC_PROPERTY, "")
    if not text:
        return None
    try:
        spec = json.loads(text)
    except ValueError:
        return None
    return spec if isinstance(spec, dict) and spec.get("category") else None


def fetch_categories(
    specs: list, output: str, feedback: QgsFeedback | None, placed: Callable | None = None
) -> list | None:
    """Fetch each spec into its own layer of the GeoPackage `output` (or where `placed(target)` puts it: the
    PostGIS schema the Resources tab writes into); progress is shared between them. Returns [(spec, target,
    FetchResult)]; a failure stops the whole load (nothing partial is presented)."""
    results = []
    steps = steps_feedback(feedback, len(specs))
    for index, spec in enumerate(specs):
        if feedback.isCanceled():
            return None
        steps.setCurrentStep(index)
        target = layer_target(output, f"osm_{spec['category']}")
        target = placed(target) if placed is not None else target
        result = OverpassSource(Transport(feedback=steps)).fetch(spec, target, spec["category"], steps)
        results.append((spec, target, result))
    feedback.setProgress(100)
    return results


class OsmPanel(SourcePanel):
    def __init__(self, iface, parent=None, runner=None):
        super().__init__(iface, parent, runner)
        self.refresh_tasks = {}
        self.setObjectName("OpenTerritoryOsmPanel")
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Resources mapped in OpenStreetMap (© OpenStreetMap contributors, ODbL), loaded "
                "through an Overpass server for the map extent or an area layer."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.category_list = QListWidget(self)
        for category in preset_categories():
            item = QListWidgetItem(category_label(category), self.category_list)
            item.setData(Qt.UserRole, category)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked)
        layout.addWidget(self.category_list)

        form = QFormLayout()
        self.area_combo = QgsMapLayerComboBox(self)
        self.area_combo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.area_combo.setAllowEmptyLayer(True)
        self.area_combo.setLayer(None)
        self.area_combo.setToolTip(tr("Polygons to cover (the territory boundary); empty: the map extent"))
        form.addRow(tr("Area"), self.area_combo)
        settings = load_settings()
        self.server_combo = QComboBox(self)
        self.server_combo.setEditable(True)
        servers = list(settings.overpass_servers)
        if settings.overpass_server not in servers:
            servers.insert(0, settings.overpass_server)
        self.server_combo.addItems(servers)
        self.server_combo.setCurrentText(settings.overpass_server)
        form.addRow(tr("Overpass server"), self.server_combo)
        self.timeout_spin = QSpinBox(self)
        self.timeout_spin.setRange(10, 3600)
        self.timeout_spin.setValue(DEFAULT_TIMEOUT)
        self.timeout_spin.setSuffix(" s")
        self.timeout_spin.setToolTip(tr("Seconds the server may spend on each query"))
        form.addRow(tr("Timeout"), self.timeout_spin)
        layout.addLayout(form)

        self.add_load_controls(layout, tr("Load the ticked categories"))
        layout.addStretch(1)

        self.refresh_action = QAction(tr("Refresh from OpenStreetMap"), self)
        self.refresh_action.triggered.connect(self.refresh_active_layer)
        self.action_installed = False
        if self.iface is not None:
            try:
                self.iface.addCustomActionForLayerType(self.refresh_action, "", QgsMapLayerType.VectorLayer, False)
                self.action_installed = True
            except (AttributeError, TypeError):
                pass
        QgsProject.instance().layersAdded.connect(self.offer_refresh)
        self.offer_refresh(QgsProject.instance().mapLayers().values())

    def title(self) -> str:
        return tr("OpenStreetMap (Overpass)")

    # -- load -----------------------------------------------------------------------------------

    def ticked_categories(self) -> list:
        return [
            self.category_list.item(i).data(Qt.UserRole)
            for i in range(self.category_list.count())
            if self.category_list.item(i).checkState() == Qt.Checked
        ]

    def coverage(self) -> dict:
        """{"area_wkt": ...} from the area layer, or {"extent": ...} from the map; {} when neither."""
        area = self.area_combo.currentLayer()
        if area is not None:
            wkt = area_wkt(area, QgsProject.instance().transformContext())
            return {"area_wkt": wkt} if wkt else {}
        bbox = self.map_bbox()
        return {"extent": bbox} if bbox is not None else {}

    def load(self) -> None:
        categories = self.ticked_categories()
        if not categories:
            self.status.setText(tr("Tick at least one category."))
            return
        coverage = self.coverage()
        if not coverage:
            self.status.setText(tr("Zoom the map to the area to cover, or choose an area layer."))
            return
        server = self.server_combo.currentText().strip() or load_settings().overpass_server
        specs = [
            {"source": "overpass", "category": c, "server": server, "timeout": self.timeout_spin.value(), **coverage}
            for c in categories
        ]
        output = dock_output_path("osm_resources")
        targets = {c: self.placed(layer_target(output, f"osm_{c}")) for c in categories}  # chosen here, once
        if None in targets.values():
            return
        self.run(
            tr("OpenStreetMap resources"),
            lambda feedback: fetch_categories(specs, output, feedback, lambda t: targets[t.layer[len("osm_") :]]),
            self.on_loaded,
            status=tr("Asking the Overpass server…"),
        )

    def on_loaded(self, results: list) -> None:
        lines = []
        for spec, target, result in results:
            name = tr("OSM") + " " + category_label(spec["category"])
            if self.add_layer(target, name, lambda layer, s=spec: prepare_osm_layer(layer, s)) is None:
                continue
            lines.append(f"{category_label(spec['category'])}: {result.feature_count}")
            lines += result.warnings
        if not lines:
            return  # nothing could be opened: the error stays on the status line
        message = "\n".join(lines) + f"\n{OSM_ATTRIBUTION}, ODbL"
        self.status.setText(message)
        notify(tr("OpenStreetMap resources loaded") + ": " + ", ".join(lines), "success", self.iface)

    # -- refresh --------------------------------------------------------------------------------

    def offer_refresh(self, layers: list) -> None:
        if not self.action_installed:
            return
        for layer in layers:
            if layer_spec(layer) is not None:
                self.iface.addCustomActionForLayer(self.refresh_action, layer)
            elif hasattr(layer, "customPropertyChanged"):
                layer.customPropertyChanged.connect(self.on_property_changed)

    def on_property_changed(self, key: str) -> None:
        layer = self.sender()
        if key == SPEC_PROPERTY and layer_spec(layer) is not None:
            layer.customPropertyChanged.disconnect(self.on_property_changed)
            self.iface.addCustomActionForLayer(self.refresh_action, layer)

    def refresh_active_layer(self) -> None:
        layer = self.iface.activeLayer() if self.iface is not None else None
        self.refresh_layer(layer)

    def refresh_layer(self, layer: QgsMapLayer | None, on_done: Callable | None = None) -> QgsTask | None:
        """Rerun the layer's query in a background task; the layer switches to the new data only once it
        is completely written. Returns the task, or None when the layer has no Overpass spec."""
        spec = layer_spec(layer)
        if spec is None:
            notify(tr("This layer was not loaded from OpenStreetMap by Open Territory"), "warning", self.iface)
            return None
        layer_id = layer.id()
        if layer_id in self.refresh_tasks:
            return self.refresh_tasks[layer_id]
        output = dock_output_path(f"osm_{spec['category']}")

        def done(results, error) -> None:
            self.refresh_tasks.pop(layer_id, None)
            target = QgsProject.instance().mapLayer(layer_id)
            if error is None and results and target is not None:
                _spec, written, result = results[0]
                target.setDataSource(written.uri(), target.name(), "ogr")
                target.triggerRepaint()
                notify(
                    target.name() + ": " + tr("refreshed from OpenStreetMap") + f" ({result.feature_count})",
                    "success",
                    self.iface,
                )
            elif error is not None:
                notify(str(error), "critical", self.iface)
            if on_done is not None:
                on_done(results, error)

        task = self.runner(
            tr("Refresh from OpenStreetMap") + f": {layer.name()}",
            lambda feedback: fetch_categories([spec], output, feedback),
            done,
        )
        if task is not None:  # a synchronous runner has finished already
            self.refresh_tasks[layer_id] = task
        return task

    def shutdown(self) -> None:
        super().shutdown()
        for task in list(self.refresh_tasks.values()):
            task.cancel()
        try:
            QgsProject.instance().layersAdded.disconnect(self.offer_refresh)
        except (TypeError, RuntimeError):
            pass
        if self.action_installed:
            self.iface.removeCustomActionForLayerType(self.refresh_action)
            self.action_installed = False
