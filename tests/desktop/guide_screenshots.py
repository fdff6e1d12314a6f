"""Run by `qgis --code` (see tests/desktop/guide_screenshots.sh): the user guide's screenshots in the real desktop,
in the language QGIS runs in, with the dock 360 px wide, and the desktop features checked on the way.

The demo territory is loaded (offline) with its register; then the dock's tabs, the main window, a council map
atlas page, the Export tab's "Open in the layout designer", the locator bar's "ter" places (geo.api.gouv.fr's
stand-in at OT_GEO_API) and the Browser panel's Open Territory node are shot into OT_SHOT_DIR as <lang>_<name>.png,
and what was seen goes to OT_SHOT_DIR/report.json.
"""

import json
import os
import time
import traceback

import qgis.utils
from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QModelIndex, Qt, QTimer
from qgis.PyQt.QtGui import QGuiApplication
from qgis.utils import iface

OUT = os.environ["OT_SHOT_DIR"]
DOCK_WIDTH = 360
report = {"errors": [], "shots": []}
state = {}


def plugin():
    return qgis.utils.plugins["open_territory"]


def lang() -> str:
    from open_territory.plugin.toolbelt.i18n import ui_language

    return ui_language()


def shot(widget, name: str) -> None:
    path = os.path.join(OUT, f"{lang()}_{name}.png")
    widget.grab().save(path)
    report["shots"].append(os.path.basename(path))


def screen_shot(name: str, x: int, y: int, width: int, height: int) -> None:
    """A part of the screen: popups (the locator's results) are windows of their own."""
    path = os.path.join(OUT, f"{lang()}_{name}.png")
    QGuiApplication.primaryScreen().grabWindow(0, x, y, width, height).save(path)
    report["shots"].append(os.path.basename(path))


def guarded(step):
    def run():
        try:
            step()
        except Exception:  # noqa: BLE001 - written to the report; the next steps still run
            report["errors"].append(f"{step.__name__}: {traceback.format_exc()}")

    run.__name__ = step.__name__
    return run


@guarded
def setup():
    from open_territory.plugin.export.sources_text import layer_title
    from open_territory.plugin.register import create_register, import_rows
    from open_territory.plugin.toolbelt.metadata import PLUGIN_DIR

    import processing

    iface.mainWindow().showMaximized()
    dock = plugin().ensure_dock()
    plugin().action.setChecked(True)
    # The narrow dock the plugin must work in (the desktop stream's target): fixed for the shots.
    dock.setFixedWidth(DOCK_WIDTH)
    gpkg = os.path.join(OUT, f"{lang()}_territory.gpkg")
    processing.run("openterritory:load_territory", {"PROFILE": "demo", "OFFLINE": True, "OUTPUT": gpkg})
    project = QgsProject.instance()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    from osgeo import ogr

    names = [layer.GetName() for layer in ogr.Open(gpkg)]
    layers = []
    for name in [n for n in names if n not in ("sources", "boundary")] + ["boundary"]:
        layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
        layer.setName(layer_title(layer) or name)  # as the Territory tab names them
        if layer.isValid() and layer.isSpatial():
            layer.loadDefaultStyle()
            layers.append(layer)
    project.addMapLayers(layers)
    state["boundary"] = layers[-1]
    demo = os.path.join(PLUGIN_DIR, "resources", "demo", "data", "register")
    register = create_register(os.path.join(OUT, f"{lang()}_register.gpkg"))
    for table in ("challenges", "actors"):
        import_rows(register, table, os.path.join(demo, f"{table}.csv"), geocode=False)
    register.add_to_project(project)
    iface.mapCanvas().setExtent(state["boundary"].extent())
    iface.mapCanvas().refresh()
    report["layers"] = len(project.mapLayers())
    if os.environ.get("OT_GEO_API"):
        plugin().locator_filter.base = os.environ["OT_GEO_API"]


@guarded
def tabs():
    dock = plugin().ensure_dock()
    report["dock_width"] = dock.width()
    for key in ("territory", "register", "planning"):
        dock.tabs.setCurrentWidget(dock.section(key))
        QgsApplication.processEvents()
        shot(dock, key)
    dock.tabs.setCurrentWidget(dock.section("territory"))
    QgsApplication.processEvents()
    shot(iface.mainWindow(), "window")


@guarded
def export_tab():
    dock = plugin().ensure_dock()
    section = dock.section("export")
    dock.tabs.setCurrentWidget(section)
    section.title_edit.setText("Démo-sur-Vilaine" if lang() == "fr" else "Demo territory")
    section.atlas_check.setChecked(True)
    section.coverage_combo.setLayer(state["boundary"])
    section.format_combo.setCurrentIndex(section.format_combo.findData("png"))
    section.output_widget.setFilePath(os.path.join(OUT, "council", "council.png"))
    QgsApplication.processEvents()
    shot(dock, "export")
    section.export()  # a background task since issue 15: wait for its end, the event loop turning
    deadline = time.monotonic() + 120
    while section.task is not None and time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.02)
    result = section.last_result
    report["council_pages"] = result["PAGE_NAMES"] if result else None
    if result:
        os.replace(result["FILES"][0], os.path.join(OUT, f"{lang()}_council_map.png"))
        report["shots"].append(f"{lang()}_council_map.png")
    layout = section.open_in_designer()
    QgsApplication.processEvents()
    designers = iface.openLayoutDesigners()
    report["designer"] = {
        "layout": layout.name() if layout is not None else None,
        "in_project": [lay.name() for lay in QgsProject.instance().layoutManager().printLayouts()],
        "designers_open": [d.layout().name() for d in designers],
        "atlas_pages": layout.atlas().count() if layout is not None else None,
    }
    for designer in designers:
        designer.close()


@guarded
def locator():
    from qgis.PyQt.QtWidgets import QApplication

    iface.locatorSearch("ter saint denis")
    found = [w for w in QApplication.allWidgets() if w.metaObject().className() == "QgsLocatorWidget"]
    state["locator"] = found[0]


@guarded
def locator_shot():
    from qgis.PyQt.QtWidgets import QTreeView

    widget = state["locator"]
    views = [v for v in widget.findChildren(QTreeView)]
    rows = []
    for view in views:
        model = view.model()
        if model is not None:
            rows += [str(model.index(r, 0, QModelIndex()).data()) for r in range(model.rowCount())]
    report["locator_rows"] = rows
    corner = widget.mapToGlobal(widget.rect().bottomLeft())
    screen = QGuiApplication.primaryScreen().geometry()
    top = max(0, corner.y() - 420)
    screen_shot("locator", max(0, corner.x() - 10), top, min(760, screen.width()), corner.y() - top + 30)
    widget.search("")
    from qgis.PyQt.QtWidgets import QApplication

    popups = [
        w for w in QApplication.topLevelWidgets() if w.isVisible() and w.metaObject().className() == "QgsFloatingWidget"
    ]
    for popup in popups:
        popup.hide()


@guarded
def browser_node():
    from open_territory.plugin.profiles.remembered import toggle_favourite
    from open_territory.ui import browser
    from qgis.core import QgsMimeDataUtils
    from qgis.PyQt.QtCore import QPointF
    from qgis.PyQt.QtGui import QDragEnterEvent, QDropEvent
    from qgis.PyQt.QtWidgets import QDockWidget, QTreeView

    dock = iface.mainWindow().findChild(QDockWidget, "Browser")
    dock.setUserVisible(True)
    dock.setFloating(True)  # a window of its own, large enough to show the node
    dock.resize(420, 620)
    dock.raise_()
    view = dock.findChild(QTreeView)
    model = iface.browserModel()
    root = model.findPath(browser.ROOT_PATH)
    report["browser_root"] = root.isValid()
    state["browser"] = (dock, view, model)
    # A favourite to show, starred as the context menu does.
    territory_items = browser.TerritoriesItem(None).createChildren()
    demo = next(item for item in territory_items if item.profile_path.endswith("demo.json"))
    datasets = demo.createChildren()
    parks = next(item for item in datasets if item.dataset.category == "car_park")
    toggle_favourite(parks.dataset)
    browser.refresh_remembered(model)
    for path in (browser.ROOT_PATH, f"{browser.ROOT_PATH}/territories", demo.path(), browser.FAVOURITES_PATH):
        index = model.findPath(path)
        if index.isValid():
            view.expand(view.model().mapFromSource(index))
    # Dropped on the map as from the Browser: QGIS's own drop path hands the custom URI to the plugin's handler.
    stops = next(item for item in datasets if item.dataset.category == "bus_stop")
    mime = QgsMimeDataUtils.encodeUriList(stops.mimeUris())
    state["layers_before_drop"] = set(QgsProject.instance().mapLayers())
    canvas = iface.mapCanvas()
    viewport = canvas.viewport()
    point = QPointF(viewport.width() / 2, viewport.height() / 2)
    enter = QDragEnterEvent(point.toPoint(), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QgsApplication.sendEvent(viewport, enter)
    event = QDropEvent(point, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QgsApplication.sendEvent(viewport, event)
    report["drop_accepted"] = event.isAccepted()


def browser_root_path() -> str:
    from open_territory.ui.browser import ROOT_PATH

    return ROOT_PATH


@guarded
def browser_shot():
    dock, view, model = state["browser"]
    layers = QgsProject.instance().mapLayers()
    report["dropped_layer"] = [layers[i].name() for i in set(layers) - state.get("layers_before_drop", set(layers))]
    root = model.findPath(browser_root_path())
    view.scrollTo(view.model().mapFromSource(root), view.PositionAtTop)
    QgsApplication.processEvents()
    shot(dock, "browser")


def osm_panel():
    resources = plugin().ensure_dock().section("resources")
    return resources, next(p for p in resources.panels if type(p).__name__ == "OsmPanel")


@guarded
def place_search():
    dock = plugin().ensure_dock()
    resources, osm = osm_panel()
    dock.tabs.setCurrentWidget(resources)
    resources.toolbox.setCurrentWidget(osm)
    osm.place.base = os.environ.get("OT_GEO_API", "")
    osm.place.edit.setText("vitre")
    osm.place.search()  # in a task, as when the user pauses typing


@guarded
def place_choose():
    _resources, osm = osm_panel()
    report["place_list"] = osm.place.model.stringList()
    osm.place.completer.popup().hide()
    osm.place.choose(report["place_list"][0])  # the outline loads in a task


@guarded
def place_shot():
    from open_territory.plugin.places.search import search_places
    from open_territory.plugin.toolbelt.network import Transport

    resources, osm = osm_panel()
    area = osm.area_combo.currentLayer()
    report["osm_area"] = area.name() if area is not None else None
    report["osm_coverage"] = sorted(osm.coverage())
    QgsApplication.processEvents()
    shot(plugin().ensure_dock(), "resources")
    # The locator's "Use as the area": a place made the area of every panel that takes one.
    place = search_places("35360", Transport(), os.environ.get("OT_GEO_API", ""))[0]
    plugin().use_place_area(place)


@guarded
def locator_area():
    resources, _osm = osm_panel()
    report["panels_area"] = {
        type(p).__name__: (p.place.area_layer().name() if p.place.area_layer() else None)
        for p in resources.panels
        if p.place is not None
    }


def finish():
    with open(os.path.join(OUT, "report.json"), "w", encoding="utf-8") as handle:
        json.dump(report, handle, indent=1, ensure_ascii=False)
    QgsApplication.exit(0)


STEPS = [
    (setup, 1500),
    (tabs, 1500),
    (export_tab, 1500),
    (locator, 2500),
    (locator_shot, 1000),
    (browser_node, 4000),
    (browser_shot, 500),
    (place_search, 2500),
    (place_choose, 2500),
    (place_shot, 2500),
    (locator_area, 500),
]


def run_steps(index=0):
    if index >= len(STEPS):
        finish()
        return
    step, wait = STEPS[index]
    step()
    QTimer.singleShot(wait, lambda: run_steps(index + 1))


QTimer.singleShot(1000, run_steps)
