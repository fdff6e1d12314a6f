"""A loaded territory's layers put into the project without stalling QGIS's window.

Opening a layer reads its GeoPackage and its style, and adding it to the project wakes the layer tree, the map and
every panel listening to the project: a dozen layers at once held the main thread for half a second at the end of a
load. So the layers are opened in the load's own task (`open_layers`, in the worker thread, then handed to the main
thread), and `TerritoryPlacer` adds them one per turn of the event loop. It also replaces the group a previous load of
the same file left, and gives an empty project the territory's CRS (Lambert-93 in mainland France) rather than the
sources' EPSG:4326; a project that has layers keeps its CRS, and says so.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsProviderRegistry,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from ..plugin.profiles.territory import entry_spec
from ..plugin.sources import registry
from ..plugin.toolbelt.postgres import is_postgres

if TYPE_CHECKING:  # names used in annotations only
    from ..plugin.profiles.territory import TerritoryReport

TERRITORY_PROPERTY = "open_territory/territory_file"  # on the layer tree group a load made: its GeoPackage
BOUNDARY = "boundary"


def open_layers(report: TerritoryReport) -> list:
    """The loaded layers as QgsVectorLayers with their styles (read from the GeoPackage), resources first and the
    boundary last (under everything), handed to the main thread. Runs in the load's task."""
    names = [n for n in report.layers if n != BOUNDARY] + [n for n in report.layers if n == BOUNDARY]
    titles = {o.layer: o.title for o in report.outcomes if o.title}
    main_thread = QgsApplication.instance().thread()
    layers = []
    for name in names:
        source, provider = report.layer_source(name)  # a layer of the GeoPackage, or a table of the PostGIS schema
        layer = QgsVectorLayer(source, titles.get(name) or name, provider)
        if layer.isValid():
            layer.moveToThread(main_thread)
            layers.append((name, layer))
    return layers


def output_key(output: str) -> str:
    """How a territory's destination is compared: a GeoPackage by its absolute path, a PostGIS schema
    (postgres:<connection>/<schema>) as it is written."""
    if is_postgres(output):
        return output
    return os.path.normcase(os.path.abspath(output))


def layer_path(layer) -> str:
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    return os.path.normcase(os.path.abspath(parts.get("path") or ""))


class TerritoryPlacer(QObject):
    """Adds a loaded territory's layers to the project, one per turn of the event loop, then sets the CRS and the
    view; `finished` when done. Build it, then call `start()`."""

    finished = pyqtSignal()

    def __init__(self, report: TerritoryReport, layers: list, parent: QObject | None = None):
        super().__init__(parent)
        self.report = report
        self.pending = list(layers)
        self.project = QgsProject.instance()
        self.was_empty = False  # set by start(), once the previous load of the same file is gone
        self.previous_crs = self.project.crs()
        self.group = None
        self.replaced = False
        self.crs_kept = None  # the project's CRS when it was kept (a project with layers)
        self.bridge_setup = None  # QGIS's "set up the map on the first layer", as it was before
        self.done = False

    def start(self) -> None:
        self.replaced = self.remove_previous_load()
        self.was_empty = not self.project.mapLayers()
        crs = QgsCoordinateReferenceSystem(self.report.profile.crs)
        if self.was_empty and crs.isValid():
            # The territory's CRS before its first layer, and QGIS told not to take the first layer's (EPSG:4326):
            # changing the CRS of a project full of layers held the main thread for a third of a second.
            self.bridge_setup = first_layer_setup(False)
            self.project.setCrs(crs)
        self.group = self.project.layerTreeRoot().insertGroup(0, self.report.profile.name)
        self.group.setCustomProperty(TERRITORY_PROPERTY, output_key(self.report.output))
        QTimer.singleShot(0, self.add_next)

    def remove_previous_load(self) -> bool:
        """The group and layers a previous load of the same GeoPackage (or PostGIS schema) left: replaced by this
        load's."""
        key = output_key(self.report.output)
        root = self.project.layerTreeRoot()
        groups = [g for g in root.findGroups(True) if g.customProperty(TERRITORY_PROPERTY)]
        groups = [g for g in groups if output_key(g.customProperty(TERRITORY_PROPERTY)) == key]
        layers = {layer.id() for layer in self.project.mapLayers().values() if layer_path(layer) == key}
        layers |= {node.layerId() for group in groups for node in group.findLayers()}
        if layers:
            self.project.removeMapLayers(list(layers))
        for group in groups:
            group.parent().removeChildNode(group)
        return bool(layers or groups)

    def add_next(self) -> None:
        if not self.pending:
            QTimer.singleShot(0, self.finish)  # after the map bridge has seen the layers (it sets up on the first)
            return
        name, layer = self.pending.pop(0)
        entry = {e.layer: e for e in self.report.profile.resources}.get(name)
        if entry is not None:
            prepare_layer(layer, entry, self.report.extent or self.report.profile.extent)
        self.project.addMapLayer(layer, False)
        self.group.addLayer(layer)
        QTimer.singleShot(0, self.add_next)

    def finish(self) -> None:
        crs = QgsCoordinateReferenceSystem(self.report.profile.crs)
        if self.was_empty and crs.isValid():
            first_layer_setup(self.bridge_setup)
            if self.project.crs() != crs:  # a QGIS that set the first layer's CRS all the same
                self.project.setCrs(crs)
            self.zoom_to_territory(crs)
        elif not self.was_empty:
            if self.project.crs() != self.previous_crs:  # QGIS's "CRS of the first layer" must not change it
                self.project.setCrs(self.previous_crs)
            if crs.isValid() and self.previous_crs != crs:
                self.crs_kept = self.previous_crs
        self.done = True
        self.finished.emit()

    def zoom_to_territory(self, crs: QgsCoordinateReferenceSystem) -> None:
        from qgis.utils import iface

        extent = self.report.extent or self.report.profile.extent
        if iface is None or not extent:
            return
        rectangle = QgsRectangle(*extent)
        wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
        try:
            rectangle = QgsCoordinateTransform(wgs84, crs, self.project).transformBoundingBox(rectangle)
        except Exception:  # noqa: BLE001 - QgsCsException: the extent stays where QGIS put it
            return
        rectangle.scale(1.05)
        iface.mapCanvas().setExtent(rectangle)
        iface.mapCanvas().refresh()


def first_layer_setup(enabled: bool | None) -> bool | None:
    """Set whether QGIS's map bridge sets the project up (CRS, extent) from the first layer added to an empty
    project; returns the previous setting (None outside the desktop, or when `enabled` is None)."""
    from qgis.utils import iface

    bridge = getattr(iface, "layerTreeCanvasBridge", lambda: None)() if iface is not None else None
    if bridge is None or enabled is None:
        return None
    previous = bridge.autoSetupOnFirstLayer()
    bridge.setAutoSetupOnFirstLayer(enabled)
    return previous


def prepare_layer(layer: QgsVectorLayer, entry, extent: list | None) -> None:
    """The source's own preparation of a layer it wrote (the attribution, the query that "Refresh from OpenStreetMap"
    reruns...); its style is in the GeoPackage already."""
    if entry.source not in registry.SOURCES:
        return
    prepare = registry.declaration(entry.source).prepare_layer
    if prepare is not None:
        prepare(layer, entry_spec(entry, extent), style=False)
