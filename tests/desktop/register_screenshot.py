"""Run by `qgis --code` (see tests/desktop/register_screenshot.sh): a demo register in the project, the dock's
register tab shown with a challenge selected and zoomed to, then the main window saved as PNG.

Environment: OT_SHOT_DIR (output folder, also holds the register), OT_SHOT_FILTER (optional domain key)."""

import json
import os
import traceback

import qgis.utils
from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsFillSymbol, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface

OUT = os.environ["OT_SHOT_DIR"]
report = {"errors": []}


def setup():
    try:
        from open_territory.plugin.register import create_register, import_rows
        from open_territory.plugin.toolbelt.metadata import PLUGIN_DIR

        demo = os.path.join(PLUGIN_DIR, "resources", "demo", "data")
        iface.mainWindow().showMaximized()
        communes = QgsVectorLayer(os.path.join(demo, "boundary", "communes.geojson"), "Communes", "ogr")
        if communes.isValid():
            communes.renderer().setSymbol(
                QgsFillSymbol.createSimple(
                    {"color": "244,243,238,255", "outline_color": "140,140,140,255", "outline_width": "0.4"}
                )
            )
            QgsProject.instance().addMapLayer(communes)
        register = create_register(os.path.join(OUT, "register.gpkg"))
        for table in ("challenges", "actors"):
            import_rows(register, table, os.path.join(demo, "register", f"{table}.csv"), geocode=False)
        plugin = qgis.utils.plugins["open_territory"]
        plugin.action.setChecked(True)
        section = plugin.ensure_dock().section("register")
        plugin.ensure_dock().tabs.setCurrentWidget(section)
        layers = register.add_to_project(QgsProject.instance())
        # Areas of action as outlines, so the challenges stay visible (the register leaves QGIS's default fill).
        layers["actors"].renderer().setSymbol(
            QgsFillSymbol.createSimple(
                {"color": "0,0,0,0", "outline_color": "90,110,160,255", "outline_width": "0.6", "outline_style": "dash"}
            )
        )
        QTimer.singleShot(1000, lambda: select(section))
    except Exception:  # noqa: BLE001 - written to the report, then QGIS quits
        report["errors"].append(traceback.format_exc())
        finish()


def select(section):
    try:
        QgsProject.instance().setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))  # the map in Lambert-93
        report["rows"] = section.challenges_panel.row_count()
        report["actors"] = section.actors_panel.row_count()
        report["target"] = section.current_target()
        panel = section.challenges_panel
        wanted = os.environ.get("OT_SHOT_FILTER")
        if wanted:
            panel.domain_combo.setCurrentIndex(panel.domain_combo.findData(wanted))
        for row in panel.model.rows:
            if row.values.get("title") == "Continuité cyclable avenue de Vilaine":
                panel.select(row.layer_id, row.fid)
        panel.zoom_to_selected()
        iface.mapCanvas().zoomScale(float(os.environ.get("OT_SHOT_SCALE", "12000")))
        tab = os.environ.get("OT_SHOT_TAB")
        if tab == "actors":
            section.tabs.setCurrentWidget(section.actors_panel)
        report["buttons"] = {
            name: [button.isEnabled(), button.toolTip()]
            for name, button in (
                ("import", section.import_button),
                ("export", section.export_button),
                ("add", panel.add_button),
                ("zoom", panel.zoom_button),
                ("edit", panel.edit_button),
            )
        }
        QTimer.singleShot(1500, lambda: add_on_map(section) if os.environ.get("OT_SHOT_ADD") else finish())
    except Exception:  # noqa: BLE001
        report["errors"].append(traceback.format_exc())
        finish()


def add_on_map(section):
    """The whole "Add on map" path in the real desktop: the tool, a click on the canvas, the layer's real
    form (saved as form.png), filled and accepted."""
    from qgis.PyQt.QtCore import QPoint, Qt
    from qgis.PyQt.QtTest import QTest
    from qgis.PyQt.QtWidgets import QApplication

    panel = section.challenges_panel
    canvas = iface.mapCanvas()
    report["tool_before"] = type(canvas.mapTool()).__name__ if canvas.mapTool() else None

    def fill_form():
        try:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(200, fill_form)
                return
            report["form"] = type(dialog).__name__
            form = dialog.attributeForm()
            form.changeAttribute("title", "Banc manquant à l'arrêt")
            form.changeAttribute("domain", "marche")
            QApplication.processEvents()
            dialog.grab().save(os.path.join(OUT, "form.png"))
            dialog.accept()
        except Exception:  # noqa: BLE001
            report["errors"].append(traceback.format_exc())

    def after():
        layer = section.current().challenge_layer("Point")
        added = [f for f in layer.getFeatures() if f["title"] == "Banc manquant à l'arrêt"]
        report["added"] = [[f.geometry().asPoint().x(), f.geometry().asPoint().y()] for f in added]
        report["added_status"] = [f["status"] for f in added]
        report["layer_editable_after"] = layer.isEditable()
        report["tool_after"] = type(canvas.mapTool()).__name__ if canvas.mapTool() else None
        report["listed"] = "Banc manquant à l'arrêt" in panel.displayed(0)
        finish()

    panel.add_button.click()
    report["tool_during"] = type(canvas.mapTool()).__name__
    QTimer.singleShot(300, fill_form)
    center = QPoint(canvas.viewport().width() // 2, canvas.viewport().height() // 2)
    point = canvas.getCoordinateTransform().toMapCoordinates(center)
    report["click_map_point"] = [point.x(), point.y(), canvas.mapSettings().destinationCrs().authid()]
    QTest.mouseClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier, center)
    QTimer.singleShot(800, after)


def finish():
    try:
        iface.mainWindow().grab().save(os.path.join(OUT, "qgis_window.png"))
        plugin = qgis.utils.plugins.get("open_territory")
        if plugin is not None and plugin.dock is not None:
            plugin.ensure_dock().grab().save(os.path.join(OUT, "dock.png"))
    except Exception:  # noqa: BLE001
        report["errors"].append(traceback.format_exc())
    with open(os.path.join(OUT, "report.json"), "w", encoding="utf-8") as handle:
        json.dump(report, handle, indent=1, ensure_ascii=False)
    QgsApplication.exit(0)


QTimer.singleShot(800, setup)
