"""Dock panel: OpenStreetMap resources by category through Overpass, for the map extent or an area layer, how
the areas are drawn (each category's own, points or polygons), the user's own tag conditions (osm_query_box.py:
the query shown, an Overpass Turbo link, a count and a question before a large download), and the
layer-tree action "Refresh from OpenStreetMap".

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
    QgsVectorLayer,
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
from ...plugin.profiles.remembered import RememberedDataset
from ...plugin.sources.overpass import (
    DEFAULT_TIMEOUT,
    SPEC_PROPERTY,
    OverpassSource,
    estimated_bytes,
    layer_name,
    prepare_osm_layer,
    spec_dataset,
)
from ...plugin.sources.overpass.presets import POINTS, POLYGONS, preset_categories
from ...plugin.toolbelt.coverage import area_wkt
from ...plugin.toolbelt.errors import InputError
from ...plugin.toolbelt.i18n import colon, tr
from ...plugin.toolbelt.layer_writer import layer_target
from ...plugin.toolbelt.logger import notify
from ...plugin.toolbelt.network import Transport
from ...plugin.toolbelt.settings import load_settings
from ...plugin.toolbelt.tasks import steps_feedback
from ..dataset_loader import remember_loaded
from .layer_output import dock_output_path
from .osm_query_box import OsmQueryBox, narrow
from .source_panel import SourcePanel, human_size

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


def layer_title(spec: dict) -> str:
    """The name of a loaded layer in the layer tree."""
    return tr("OSM") + " " + (spec_dataset(spec) if spec.get("tags") else category_label(spec["category"]))


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
        target = layer_target(output, layer_name(spec))
        target = placed(target) if placed is not None else target
        result = OverpassSource(Transport(feedback=steps)).fetch(spec, target, spec["category"], steps)
        results.append((spec, target, result))
    feedback.setProgress(100)
    return results


def count_query(spec: dict, feedback: QgsFeedback | None) -> dict:
    """The server's count of what `spec` would load (an `out count;` query), before the download."""
    return OverpassSource(Transport(feedback=feedback)).count(spec, spec.get("category"))


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
        self.make_place_field().areaChanged.connect(self.on_place_area)
        form.addRow(tr("Place"), self.place)
        form.addRow(tr("Area"), self.area_combo)
        settings = load_settings()
        self.server_combo = QComboBox(self)
        self.server_combo.setEditable(True)
        servers = list(settings.overpass_servers)
        if settings.overpass_server not in servers:
            servers.insert(0, settings.overpass_server)
        self.server_combo.addItems(servers)
        self.server_combo.setCurrentText(settings.overpass_server)
        narrow(self.server_combo)
        form.addRow(tr("Overpass server"), self.server_combo)
        self.timeout_spin = QSpinBox(self)
        self.timeout_spin.setRange(10, 3600)
        self.timeout_spin.setValue(DEFAULT_TIMEOUT)
        self.timeout_spin.setSuffix(" s")
        self.timeout_spin.setToolTip(tr("Seconds the server may spend on each query"))
        form.addRow(tr("Timeout"), self.timeout_spin)
        self.drawing_combo = QComboBox(self)
        self.drawing_combo.addItem(tr("Each category's own"), None)
        self.drawing_combo.addItem(tr("Points"), POINTS)
        self.drawing_combo.addItem(tr("Polygons"), POLYGONS)
        self.drawing_combo.setToolTip(
            tr(
                "Car parks are drawn as polygons and the other areas (bicycle parking, charging stations...) as "
                "a point inside them, unless you choose here; what is mapped as a point stays a point"
            )
        )
        narrow(self.drawing_combo)
        form.addRow(tr("Areas as"), self.drawing_combo)
        layout.addLayout(form)

        self.add_load_controls(layout, tr("Load the ticked categories"))
        self.query_box = OsmQueryBox(self.coverage, self.spec_base, self)
        self.query_box.load_button.clicked.connect(self.load_query)
        self.busy_widgets.append(self.query_box.load_button)
        self.area_combo.layerChanged.connect(self.query_box.refresh)
        if self.iface is not None and self.iface.mapCanvas() is not None:
            self.iface.mapCanvas().extentsChanged.connect(self.query_box.refresh)
        layout.addWidget(self.query_box)
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

    def on_place_area(self, layer: QgsVectorLayer | None) -> None:
        """A place's outline is the area: the area layer the load covers."""
        if layer is not None:
            self.area_combo.setLayer(layer)

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
        drawing = self.drawing_combo.currentData()
        specs = [
            {**self.spec_base(), "category": c, **({"geometry": drawing} if drawing else {}), **coverage}
            for c in categories
        ]
        self.start_load(specs)

    def spec_base(self) -> dict:
        """The keys every spec of the panel shares: the source, the server and the timeout."""
        server = self.server_combo.currentText().strip() or load_settings().overpass_server
        return {"source": "overpass", "server": server, "timeout": self.timeout_spin.value()}

    def start_load(self, specs: list) -> None:
        output = dock_output_path("osm_resources")
        # Where each layer goes, chosen here once (the PostGIS schema of the Resources tab when it is ticked).
        targets = {layer_name(spec): self.placed(layer_target(output, layer_name(spec))) for spec in specs}
        if None in targets.values():
            return
        self.run(
            tr("OpenStreetMap resources"),
            lambda feedback: fetch_categories(specs, output, feedback, lambda t: targets[t.layer]),
            self.on_loaded,
            status=tr("Asking the Overpass server…"),
        )

    def load_query(self) -> None:
        """The user's own query: the server counts first; a large download is asked about, then loaded."""
        try:
            spec = self.query_box.spec()
        except InputError as error:
            self.status.setText(str(error))
            return
        if not spec.get("extent") and not spec.get("area_wkt"):
            self.status.setText(tr("Zoom the map to the area to cover, or choose an area layer."))
            return
        self.run(
            tr("OpenStreetMap count"),
            lambda feedback: count_query(spec, feedback),
            lambda counts: self.on_counted(spec, counts),
            status=tr("Asking the Overpass server how many features match…"),
        )

    def on_counted(self, spec: dict, counts: dict) -> None:
        total = sum(counts.values())
        size = estimated_bytes(counts)
        found = tr("Features found") + f": {total} ({tr('nodes')} {counts['node']}, {tr('ways')} {counts['way']}, "
        found += f"{tr('relations')} {counts['relation']}), " + tr("about") + f" {human_size(size) or '0 B'}"
        self.status.setText(found)
        if not total or not self.confirm_size(size, layer_title(spec)):
            return
        self.start_load([spec])

    def on_loaded(self, results: list) -> None:
        lines = []
        for spec, target, result in results:
            name = layer_title(spec)
            if self.add_layer(target, name, lambda layer, s=spec: prepare_osm_layer(layer, s)) is None:
                continue
            lines.append(f"{name}: {result.feature_count}")
            lines += result.warnings
            remember_loaded(RememberedDataset(spec, spec["category"], name))
        if not lines:
            return  # nothing could be opened: the error stays on the status line
        message = "\n".join(lines) + f"\n{OSM_ATTRIBUTION}, ODbL"
        self.status.setText(message)
        notify(
            tr("OpenStreetMap resources loaded") + colon() + ", ".join(lines), "success", self.iface, action=self.action
        )

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
            notify(
                tr("This layer was not loaded from OpenStreetMap by Open Territory"),
                "warning",
                self.iface,
                action=self.action,
            )
            return None
        layer_id = layer.id()
        if layer_id in self.refresh_tasks:
            return self.refresh_tasks[layer_id]
        output = dock_output_path(layer_name(spec))

        def done(results, error) -> None:
            self.refresh_tasks.pop(layer_id, None)
            target = QgsProject.instance().mapLayer(layer_id)
            if error is None and results and target is not None:
                _spec, written, result = results[0]
                target.setDataSource(written.uri(), target.name(), "ogr")
                target.triggerRepaint()
                notify(
                    target.name() + colon() + tr("refreshed from OpenStreetMap") + f" ({result.feature_count})",
                    "success",
                    self.iface,
                    action=self.action,
                )
            elif error is not None:
                notify(str(error), "critical", self.iface, action=self.action)
            if on_done is not None:
                on_done(results, error)

        task = self.runner(
            tr("Refresh from OpenStreetMap") + colon() + f"{layer.name()}",
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
            if self.iface is not None and self.iface.mapCanvas() is not None:
                self.iface.mapCanvas().extentsChanged.disconnect(self.query_box.refresh)
        except (TypeError, RuntimeError):
            pass
        if self.action_installed:
            self.iface.removeCustomActionForLayerType(self.refresh_action)
            self.action_installed = False
