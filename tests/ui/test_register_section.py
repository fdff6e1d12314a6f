"""The register section of the dock: registers found in the project, lists filtered by domain, status,
kind and text, zoom, add on the map, create/open/import/export through the section."""

import functools
import os
import time

import pytest
from open_territory.plugin.register import create_register, import_rows
from open_territory.plugin.register.project_layers import LAYER_PROPERTY
from open_territory.ui.register import list_panel
from open_territory.ui.register.dialogs import ImportDialog, ImportReportDialog, RegisterTargetDialog
from open_territory.ui.register.list_model import filter_expression
from open_territory.ui.register_section import RegisterSection
from pyproj import Transformer
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
)
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QEvent, QPoint, Qt
from qgis.PyQt.QtGui import QKeyEvent
from qgis.PyQt.QtWidgets import QDialogButtonBox

from .. import qt_wait

DEMO = os.path.join(os.path.dirname(__file__), "..", "..", "resources", "demo", "data", "register")
OPEN_FIRST = "Open or create a register first"
TO_L93 = Transformer.from_crs("EPSG:4326", "EPSG:2154", always_xy=True)
TO_WGS84 = Transformer.from_crs("EPSG:2154", "EPSG:4326", always_xy=True)


wait_until = functools.partial(qt_wait.wait_until, seconds=30)


@pytest.fixture()
def project(qgis_iface, qgis_new_project):
    project = QgsProject.instance()
    yield project
    project.clear()


@pytest.fixture()
def section(qgis_iface, project):
    qgis_iface.messageBar().clear_messages()
    section = RegisterSection(qgis_iface)
    yield section
    section.shutdown()


@pytest.fixture()
def register(tmp_path):
    register = create_register(str(tmp_path / "register.gpkg"))
    import_rows(register, "challenges", os.path.join(DEMO, "challenges.csv"), geocode=False)
    import_rows(register, "actors", os.path.join(DEMO, "actors.csv"), geocode=False)
    return register


def settle():
    """Let the section rebuild its lists (deferred to the next pass of the event loop after layers come)."""
    for _ in range(3):
        QgsApplication.processEvents()


@pytest.fixture()
def layers(register, project):
    layers = register.add_to_project(project)
    settle()
    return layers


def messages(iface, level):
    prefix = "Open Territory:"
    return [m[len(prefix) :] if m.startswith(prefix) else m for m in iface.messageBar().get_messages(level)]


def titles(panel):
    return sorted(panel.displayed(0))


def select_title(panel, title):
    for row in panel.model.rows:
        if row.values.get("title", row.values.get("name")) == title:
            assert panel.select(row.layer_id, row.fid)
            return row
    raise AssertionError(f"{title} not listed: {panel.displayed(0)}")


# -- without a register ---------------------------------------------------------------------------


def test_buttons_disabled_with_reason_without_register(section):
    assert section.current() is None
    assert section.register_combo.currentText() == "No register in this project"
    for button in (section.import_button, section.export_button):
        assert not button.isEnabled() and button.toolTip() == OPEN_FIRST
    assert section.new_button.isEnabled() and section.open_button.isEnabled()
    for panel in section.panels():
        assert panel.row_count() == 0
        for button in (panel.add_button, panel.zoom_button, panel.edit_button):
            assert not button.isEnabled() and button.toolTip() == OPEN_FIRST
        assert not panel.domain_combo.isEnabled() and not panel.search_edit.isEnabled()
    section.import_file()  # does nothing, raises nothing
    section.export()


def test_register_found_by_the_layers_properties(section, layers, register):
    assert section.current_target() == register.target
    assert section.import_button.isEnabled() and section.export_button.isEnabled()
    challenges, actors = section.challenges_panel, section.actors_panel
    # points, the line and the area of the demo register, in one list
    assert challenges.row_count() == 6 and challenges.count_label.text() == "6 challenges"
    assert "Continuité cyclable avenue de Vilaine" in challenges.displayed(0)  # the line
    assert actors.row_count() == 6
    assert "Association" in actors.displayed(1)
    # labels, not keys
    assert set(challenges.displayed(2)) <= {"Identified", "In progress", "Solved"}
    assert "Cycling" in challenges.displayed(1)
    assert challenges.add_button.isEnabled() and not challenges.zoom_button.isEnabled()
    assert challenges.zoom_button.toolTip() == "Select a row in the list first"


def test_layers_restored_from_a_saved_project(section, layers, register, project, tmp_path):
    path = str(tmp_path / "project.qgz")
    assert project.write(path)
    project.clear()
    assert section.current() is None and section.challenges_panel.row_count() == 0
    assert project.read(path)
    settle()
    assert section.current_target() == register.target
    assert section.challenges_panel.row_count() == 6


# -- filters ----------------------------------------------------------------------------------------


def test_filter_by_domain_status_and_text(section, layers):
    panel = section.challenges_panel
    everything = titles(panel)
    panel.domain_combo.setCurrentIndex(panel.domain_combo.findData("velo"))
    assert titles(panel) == ["Stationnement vélo saturé à la gare"]
    assert panel.count_label.text() == "1 of 6"
    panel.domain_combo.setCurrentIndex(0)
    panel.state_combo.setCurrentIndex(panel.state_combo.findData("in_progress"))
    in_progress = titles(panel)
    assert "Continuité cyclable avenue de Vilaine" in in_progress and len(in_progress) < len(everything)
    assert all(label == "In progress" for label in panel.displayed(2))
    panel.state_combo.setCurrentIndex(0)
    panel.search_edit.setText("GARE")  # case-insensitive, in title, description or community
    assert wait_until(lambda: panel.row_count() < 6)
    found = titles(panel)
    assert "Stationnement vélo saturé à la gare" in found and "Particules fines près de la gare routière" in found
    assert "Continuité cyclable avenue de Vilaine" not in found
    panel.search_edit.setText("l'école")  # a quote in the text is a value, not SQL
    panel.refresh()
    assert titles(panel) == []
    panel.search_edit.setText("côté école")
    panel.refresh()
    assert titles(panel) == ["Traversée piétonne du carrefour Mairie"]
    panel.search_edit.clear()
    panel.refresh()
    assert titles(panel) == everything
    # the layers themselves are not filtered
    assert all(not layer.subsetString() for key, layer in layers.items() if key != "challenges_unlocated")


def test_actor_filters_by_competence_kind_and_text(section, layers):
    panel = section.actors_panel
    panel.domain_combo.setCurrentIndex(panel.domain_combo.findData("velo"))
    assert titles(panel) == ["Atelier Fab'Vilaine", "Vilaine à Vélo"]
    panel.state_combo.setCurrentIndex(panel.state_combo.findData("association"))
    assert titles(panel) == ["Vilaine à Vélo"]
    panel.state_combo.setCurrentIndex(0)
    panel.domain_combo.setCurrentIndex(panel.domain_combo.findData("qualite_air"))
    assert titles(panel) == ["Collectif Air Vilaine"]
    panel.domain_combo.setCurrentIndex(0)
    panel.search_edit.setText("fabvilaine.example")
    panel.refresh()
    assert titles(panel) == ["Atelier Fab'Vilaine"]


def test_filter_expression_quotes_values():
    expression = filter_expression("challenges", "velo", "solved", "it's 100%")
    assert "\"domain\" = 'velo'" in expression and "\"status\" = 'solved'" in expression
    assert "'it''s 100%'" in expression
    assert filter_expression("actors") == ""


# -- zoom -------------------------------------------------------------------------------------------


def test_zoom_to_a_point_and_to_a_line(section, layers, qgis_iface, monkeypatch):
    canvas = qgis_iface.mapCanvas()
    canvas.resize(600, 400)
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    canvas.setExtent(QgsRectangle(0, 6000000, 1200000, 7000000))
    flashed = []
    monkeypatch.setattr(
        canvas, "flashFeatureIds", lambda layer, ids, *args: flashed.append((layer.id(), ids)), raising=False
    )
    panel = section.challenges_panel
    row = select_title(panel, "Stationnement vélo saturé à la gare")
    assert panel.zoom_button.isEnabled()
    panel.zoom_button.click()
    x, y = TO_L93.transform(-1.5945, 47.8113)
    extent = canvas.extent()
    assert extent.contains(QgsPointXY(x, y))
    assert abs(extent.center().x() - x) < 1 and abs(extent.center().y() - y) < 1
    assert canvas.scale() == pytest.approx(2500, rel=0.01)
    assert flashed == [(row.layer_id, [row.fid])]

    select_title(panel, "Continuité cyclable avenue de Vilaine")
    panel.zoom_to_selected()
    extent = canvas.extent()
    for lon, lat in ((-1.6050, 47.8150), (-1.5950, 47.8180)):
        assert extent.contains(QgsPointXY(*TO_L93.transform(lon, lat)))
    assert extent.width() < 2000  # around the line, not the whole country
    assert len(flashed) == 2


def test_zoom_disabled_for_a_challenge_without_location(section, layers):
    unlocated = layers["challenges_unlocated"]
    unlocated.startEditing()
    from qgis.core import QgsFeature

    feature = QgsFeature(unlocated.fields())
    feature["title"], feature["domain"], feature["status"] = "Données de comptage manquantes", "donnees", "identified"
    assert unlocated.addFeature(feature) and unlocated.commitChanges()
    panel = section.challenges_panel
    assert wait_until(lambda: panel.row_count() == 7)
    select_title(panel, "Données de comptage manquantes")
    assert not panel.zoom_button.isEnabled()
    assert panel.zoom_button.toolTip() == "This challenge has no location"
    assert panel.edit_button.isEnabled()


# -- adding on the map ------------------------------------------------------------------------------


def accept_form(values):
    """Stands in for the layer's form: the user types `values` and presses OK, which adds the feature."""
    seen = []

    def fake(iface, layer, feature, adding):
        seen.append(
            (layer.id(), adding, feature.geometry().asWkt(), dict(zip(layer.fields().names(), feature.attributes())))
        )
        assert layer.isEditable()
        for name, value in values.items():
            feature[name] = value
        return layer.addFeature(feature) if adding else True

    fake.seen = seen
    return fake


def test_add_on_map_creates_the_challenge_at_the_clicked_point(section, layers, qgis_iface, monkeypatch):
    canvas = qgis_iface.mapCanvas()
    canvas.resize(600, 400)
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    canvas.setExtent(QgsRectangle(349000, 6789000, 351000, 6791000))
    from qgis.gui import QgsMapToolPan

    pan = QgsMapToolPan(canvas)
    canvas.setMapTool(pan)
    form = accept_form({"title": "Banc manquant à l'arrêt"})
    monkeypatch.setattr(list_panel, "show_feature_form", form)
    panel = section.challenges_panel
    panel.domain_combo.setCurrentIndex(panel.domain_combo.findData("marche"))
    panel.add_button.click()
    assert canvas.mapTool() is panel.pick_tool
    event = QgsMapMouseEvent(canvas, QEvent.MouseButtonRelease, QPoint(300, 200), Qt.LeftButton)
    clicked = event.mapPoint()  # canvas CRS
    panel.pick_tool.canvasReleaseEvent(event)
    assert canvas.mapTool() is pan  # the tool in place before comes back
    points = layers["challenges_points"]
    assert not points.isEditable()  # saved to the register at once
    added = [f for f in points.getFeatures() if f["title"] == "Banc manquant à l'arrêt"]
    assert len(added) == 1
    lon, lat = TO_WGS84.transform(clicked.x(), clicked.y())
    point = added[0].geometry().asPoint()
    assert point.x() == pytest.approx(lon, abs=1e-7) and point.y() == pytest.approx(lat, abs=1e-7)
    assert added[0]["domain"] == "marche" and added[0]["status"] == "identified"  # filter, then default
    assert form.seen[0][1] is True
    assert wait_until(lambda: "Banc manquant à l'arrêt" in panel.displayed(0))


def test_add_on_map_cancelled_by_the_form_or_escape(section, layers, qgis_iface, monkeypatch):
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    monkeypatch.setattr(list_panel, "show_feature_form", lambda *args: False)
    panel = section.challenges_panel
    points = layers["challenges_points"]

    def count():
        return len(list(points.getFeatures()))

    before = count()
    assert panel.add_at(QgsPointXY(-1.6, 47.81)) is False
    assert count() == before == 4 and not points.isEditable()
    panel.start_add("Point")
    assert canvas.mapTool() is panel.pick_tool
    panel.pick_tool.keyPressEvent(QKeyEvent(QEvent.KeyPress, Qt.Key_Escape, Qt.NoModifier))
    assert canvas.mapTool() is not panel.pick_tool
    assert count() == before


def test_add_an_actor_without_area_and_edit_it(section, layers, monkeypatch):
    form = accept_form({"name": "Garage solidaire"})
    monkeypatch.setattr(list_panel, "show_feature_form", form)
    panel = section.actors_panel
    panel.state_combo.setCurrentIndex(panel.state_combo.findData("company"))
    panel.add_button.click()  # actors: the form of an actor without an area
    actors = layers["actors"]
    added = [f for f in actors.getFeatures() if f["name"] == "Garage solidaire"]
    assert len(added) == 1 and not added[0].hasGeometry() and added[0]["kind"] == "company"
    assert wait_until(lambda: titles(panel) == ["Garage solidaire", "Transports Vilaine Express"])
    select_title(panel, "Garage solidaire")
    assert not panel.zoom_button.isEnabled() and panel.zoom_button.toolTip() == "This actor has no area of action"
    # the stand-in for the form writes through the edit buffer, as the real one does on OK
    monkeypatch.setattr(
        list_panel,
        "show_feature_form",
        lambda iface, layer, feature, adding: layer.changeAttributeValue(
            feature.id(), layer.fields().indexOf("contact"), "garage@example.org"
        ),
    )
    assert panel.edit_selected()
    assert not actors.isEditable()
    assert next(actors.getFeatures("\"name\" = 'Garage solidaire'"))["contact"] == "garage@example.org"


def test_the_real_form_adds_the_feature_when_accepted(section, layers, qgis_iface):
    from qgis.core import QgsGeometry, QgsVectorLayerUtils
    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtWidgets import QApplication

    points = layers["challenges_points"]
    points.startEditing()
    feature = QgsVectorLayerUtils.createFeature(
        points,
        QgsGeometry.fromWkt("POINT(-1.6 47.81)"),
        {points.fields().indexOf("title"): "Form test", points.fields().indexOf("domain"): "velo"},
        points.createExpressionContext(),
    )
    pressed = []

    def press_ok():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, press_ok)
            return
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()
        pressed.append(True)

    QTimer.singleShot(20, press_ok)
    assert list_panel.show_feature_form(qgis_iface, points, feature, True)
    assert pressed
    assert [f["title"] for f in points.getFeatures() if f["title"] == "Form test"] == ["Form test"]
    points.rollBack()


def test_lines_and_areas_use_qgis_digitizing(section, layers, qgis_iface):
    qgis_iface.actionAddFeature.reset_mock()
    section.challenges_panel.start_add("Polygon")
    polygons = layers["challenges_polygons"]
    assert polygons.isEditable()
    assert qgis_iface.activeLayer() is polygons
    qgis_iface.actionAddFeature.return_value.trigger.assert_called_once()
    polygons.rollBack()


# -- layers removed -----------------------------------------------------------------------------------


def test_survives_layers_being_removed(section, layers, project):
    panel = section.challenges_panel
    select_title(panel, "Stationnement vélo saturé à la gare")
    project.removeMapLayer(layers["challenges_points"].id())
    settle()
    assert panel.row_count() == 2  # the line and the area are still there
    assert not panel.add_actions["Point"].isEnabled()
    assert "not in the project" in panel.add_actions["Point"].toolTip()
    assert panel.add_button.isEnabled()  # lines and areas can still be drawn
    assert panel.add_at(QgsPointXY(0, 0)) is False
    project.removeAllMapLayers()
    assert section.current() is None
    assert panel.row_count() == 0 and section.actors_panel.row_count() == 0
    assert not section.import_button.isEnabled() and section.import_button.toolTip() == OPEN_FIRST
    panel.refresh()
    section.refresh_lists()


def test_the_list_follows_edits(section, layers):
    points = layers["challenges_points"]
    feature = next(points.getFeatures("\"title\" = 'Stationnement vélo saturé à la gare'"))
    points.startEditing()
    points.changeAttributeValue(feature.id(), points.fields().indexOf("title"), "Parc vélo de la gare saturé")
    panel = section.challenges_panel
    assert wait_until(lambda: "Parc vélo de la gare saturé" in panel.displayed(0))
    points.rollBack()
    assert wait_until(lambda: "Stationnement vélo saturé à la gare" in panel.displayed(0))


# -- create, open, import, export ------------------------------------------------------------------------


def test_create_import_and_list_through_the_section(section, qgis_iface, tmp_path, monkeypatch):
    path = str(tmp_path / "nouveau.gpkg")
    monkeypatch.setattr(section, "ask_target", lambda mode: path if mode == "create" else "")
    section.new_button.click()
    assert section.busy() or section.current() is not None
    assert wait_until(lambda: not section.busy())
    assert os.path.isfile(path)
    assert section.current_target() == path
    group = QgsProject.instance().layerTreeRoot().findGroup("Register")
    assert group is not None and len(group.findLayers()) == 9
    assert section.challenges_panel.row_count() == 0
    assert any("Register created" in m for m in messages(qgis_iface, Qgis.Success))

    reports = []
    monkeypatch.setattr(section, "show_import_report", reports.append)
    monkeypatch.setattr(section, "ask_import", lambda: (os.path.join(DEMO, "challenges.csv"), "challenges", False))
    section.import_button.click()
    assert wait_until(lambda: not section.busy())
    assert len(reports) == 1 and reports[0].imported == 6 and not reports[0].failed
    assert section.challenges_panel.row_count() == 6
    assert "Stationnement vélo saturé à la gare" in section.challenges_panel.displayed(0)
    points = [
        layer
        for layer in QgsProject.instance().mapLayers().values()
        if layer.customProperty(LAYER_PROPERTY) == "challenges_points"
    ][0]
    assert points.featureCount() == 4  # the layer was reloaded, not only the list

    bad = tmp_path / "bad.csv"
    bad.write_text(
        "titre;domaine;statut\nTrottoir étroit;marche;identifié\nSans domaine;;\nX;licornes;\n", encoding="utf-8"
    )
    monkeypatch.setattr(section, "ask_import", lambda: (str(bad), "challenges", False))
    section.import_file()
    assert wait_until(lambda: not section.busy())
    # refused: the report window lists every invalid row, the message bar says nothing was imported
    assert len(reports) == 2 and reports[1].imported == 0 and reports[1].path == str(bad)
    lines = reports[1].lines()
    assert "line 3: The mobility domain is empty (column domaine)" in lines
    assert any(line.startswith("line 4: column domaine: Unknown mobility domain 'licornes'") for line in lines)
    warning = messages(qgis_iface, Qgis.Warning)[-1]
    assert warning.startswith("Nothing was imported") and "Traceback" not in warning
    assert not any("Traceback" in m for m in messages(qgis_iface, Qgis.Critical))
    assert section.challenges_panel.row_count() == 6  # "Trottoir étroit", valid, was not imported either


def test_import_report_dialog_lists_invalid_left_out_and_skipped_rows(tmp_path):
    from open_territory.plugin.register.import_csv import ImportReport

    report = ImportReport(path=str(tmp_path / "enjeux.csv"), rejected=[(4, "column domaine: Unknown"), (2, "x")])
    dialog = ImportReportDialog(report)
    assert dialog.table.rowCount() == 2
    assert [dialog.table.item(i, 0).text() for i in range(2)] == ["2", "4"]
    assert dialog.table.item(1, 1).text() == "Invalid" and dialog.table.item(1, 2).text() == "column domaine: Unknown"
    mixed = ImportReport(imported=3, failed=[(5, "Address not found")], skipped=[(3, "Already in the register")])
    dialog = ImportReportDialog(mixed)
    assert [(dialog.table.item(i, 0).text(), dialog.table.item(i, 1).text()) for i in range(2)] == [
        ("3", "Skipped"),
        ("5", "Left out"),
    ]


def test_open_a_register_and_errors_shown_as_is(section, register, qgis_iface, tmp_path, monkeypatch):
    not_a_register = tmp_path / "other.gpkg"
    from osgeo import gdal

    gdal.GetDriverByName("GPKG").Create(str(not_a_register), 0, 0, 0, gdal.GDT_Unknown)
    monkeypatch.setattr(section, "ask_target", lambda mode: str(not_a_register))
    section.open_button.click()
    assert wait_until(lambda: not section.busy())
    critical = messages(qgis_iface, Qgis.Critical)
    assert critical and critical[-1].startswith("This is not an Open Territory register")
    assert "Traceback" not in critical[-1]
    assert section.current() is None

    monkeypatch.setattr(section, "ask_target", lambda mode: register.target)
    section.open_existing()
    assert wait_until(lambda: not section.busy())
    settle()
    assert section.current_target() == register.target
    assert section.challenges_panel.row_count() == 6 and section.actors_panel.row_count() == 6


def test_export_through_the_section(section, layers, tmp_path, monkeypatch):
    folder = tmp_path / "export"
    monkeypatch.setattr(section, "ask_export", lambda: (str(folder), "geojson"))
    section.export_button.click()
    assert wait_until(lambda: not section.busy())
    assert sorted(os.listdir(folder)) == sorted(
        f"{t}.geojson" for t in ("challenges", "actors", "resources_catalog", "challenge_actors", "challenge_resources")
    )
    assert section.last_export and all(os.path.isfile(p) for p in section.last_export)


def test_import_refused_while_the_layers_have_unsaved_edits(section, layers, qgis_iface, monkeypatch):
    asked = []
    monkeypatch.setattr(section, "ask_import", lambda: asked.append(True))
    points = layers["challenges_points"]
    points.startEditing()
    feature = next(points.getFeatures())
    points.changeAttributeValue(feature.id(), points.fields().indexOf("community"), "x")
    section.import_file()
    assert not asked
    assert "Save or discard the edits" in messages(qgis_iface, Qgis.Warning)[-1]
    points.rollBack()


def test_cancel_a_running_operation(section, layers, qgis_iface):
    def slow(feedback):
        while not feedback.isCanceled():
            time.sleep(0.01)
        return None

    section.run("slow work", slow, lambda result: None)
    assert section.busy() and section.cancel_button.isVisibleTo(section)
    assert not section.import_button.isEnabled() and "Wait" in section.import_button.toolTip()
    section.cancel_button.click()
    assert wait_until(lambda: not section.busy())
    assert any(m.startswith("Cancelled") for m in messages(qgis_iface, Qgis.Info))
    assert section.import_button.isEnabled()


# -- dialogs -----------------------------------------------------------------------------------------------


def test_target_dialog(tmp_path):
    dialog = RegisterTargetDialog("create")
    ok = dialog.buttons.button(QDialogButtonBox.Ok)
    assert not ok.isEnabled() and ok.toolTip() == "Choose the GeoPackage file first"
    dialog.file_widget.setFilePath(str(tmp_path / "registre"))
    assert ok.isEnabled()
    assert dialog.target() == str(tmp_path / "registre.gpkg")
    dialog.file_widget.setFilePath(str(tmp_path / "missing" / "r.gpkg"))
    assert not ok.isEnabled() and "folder" in ok.toolTip()
    if dialog.connection_combo.count() == 0:
        assert not dialog.postgres_radio.isEnabled() and "Data Source Manager" in dialog.postgres_radio.toolTip()
    opening = RegisterTargetDialog("open")
    opening.file_widget.setFilePath(str(tmp_path / "nothing.gpkg"))
    assert not opening.buttons.button(QDialogButtonBox.Ok).isEnabled()


def test_import_dialog_geocoding_switch(tmp_path):
    data = tmp_path / "data.csv"
    data.write_text("titre,domaine\nA,velo\n", encoding="utf-8")
    dialog = ImportDialog(offline=False)
    dialog.file_widget.setFilePath(str(data))
    assert dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()
    assert dialog.geocode() and dialog.table() == "challenges"
    dialog.table_combo.setCurrentIndex(dialog.table_combo.findData("actors"))
    assert not dialog.geocode_check.isEnabled() and not dialog.geocode()
    offline = ImportDialog(offline=True)
    assert not offline.geocode_check.isEnabled() and "Offline" in offline.geocode_check.toolTip()
    from qgis.PyQt.QtWidgets import QLabel

    intro = dialog.findChildren(QLabel)[0].text()
    assert "nothing is imported" in intro and "address cannot be located are left out" in intro


# -- PostGIS: a team register through the section ------------------------------------------------------


@pytest.fixture()
def pg_connection(postgis):
    """A saved QGIS PostgreSQL connection to the test database (tests/conftest.py) and a schema name dropped
    afterwards."""
    postgis.save_connection("open_territory_dock_test", postgis.dsn())
    return "open_territory_dock_test", postgis.new_schema("ot_dock_"), postgis.dsn()


@pytest.mark.postgis
def test_postgis_register_created_imported_and_edited_through_the_section(
    section, pg_connection, qgis_iface, monkeypatch
):
    from osgeo import gdal

    name, schema, dsn = pg_connection
    dialog = RegisterTargetDialog("create")
    assert dialog.postgres_radio.isEnabled()
    dialog.postgres_radio.setChecked(True)
    dialog.connection_combo.setCurrentIndex(dialog.connection_combo.findText(name))
    dialog.schema_edit.setText(schema)
    assert dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()
    target = dialog.target()
    assert target == f"postgres:{name}/{schema}"
    monkeypatch.setattr(section, "ask_target", lambda mode: target)
    section.create()
    assert wait_until(lambda: not section.busy())
    assert section.current_target() == target, messages(qgis_iface, Qgis.Critical)
    layers = section.current().layers("challenges")
    assert layers and all(layer.providerType() == "postgres" for layer in layers)

    monkeypatch.setattr(section, "show_import_report", lambda report: None)
    monkeypatch.setattr(section, "ask_import", lambda: (os.path.join(DEMO, "challenges.csv"), "challenges", False))
    section.import_file()
    assert wait_until(lambda: not section.busy())
    assert section.challenges_panel.row_count() == 6

    monkeypatch.setattr(
        list_panel, "show_feature_form", accept_form({"title": "Arceaux vélo place du marché", "domain": "velo"})
    )
    assert section.challenges_panel.add_at(QgsPointXY(-1.5991, 47.8140))  # canvas in WGS 84 here
    assert wait_until(lambda: "Arceaux vélo place du marché" in section.challenges_panel.displayed(0))
    dataset = gdal.OpenEx("PG:" + dsn, gdal.OF_VECTOR, allowed_drivers=["PostgreSQL"])
    try:
        result = dataset.ExecuteSQL(
            f'SELECT status, ST_X(geom) AS x, ST_Y(geom) AS y FROM "{schema}".challenges '
            "WHERE title = 'Arceaux vélo place du marché'"
        )
        rows = [(f.GetField(0), round(f.GetField(1), 7), round(f.GetField(2), 7)) for f in result]
        dataset.ReleaseResultSet(result)
    finally:
        dataset = None
    assert rows == [("identified", -1.5991, 47.814)]


def test_two_registers_in_the_project(section, layers, register, tmp_path, project):
    from qgis.core import QgsVectorLayer

    other = create_register(str(tmp_path / "other.gpkg"))
    import_rows(other, "actors", os.path.join(DEMO, "actors.csv"), geocode=False)
    other.add_to_project(project)
    settle()
    assert section.register_combo.count() == 2 and section.register_combo.isEnabled()
    assert section.current_target() == register.target  # the one shown stays
    assert section.challenges_panel.row_count() == 6
    section.register_combo.setCurrentIndex(section.register_combo.findData(other.target))
    assert section.challenges_panel.row_count() == 0 and section.actors_panel.row_count() == 6
    project.addMapLayer(QgsVectorLayer("Point?crs=EPSG:4326", "unrelated", "memory"))
    assert section.current_target() == other.target
    assert section.register_combo.toolTip() == other.target


def test_the_lists_are_built_once_when_a_register_comes(section, register, project, monkeypatch):
    fills = []
    original = section.challenges_panel.model.fill
    monkeypatch.setattr(section.challenges_panel.model, "fill", lambda *args: (fills.append(1), original(*args)))
    register.add_to_project(project)  # nine layers, one by one
    assert section.current_target() == register.target  # buttons follow at once
    assert section.import_button.isEnabled()
    settle()
    assert len(fills) == 1 and section.challenges_panel.row_count() == 6


def test_header_sorts_and_keeps_the_selection(section, layers):
    panel = section.challenges_panel
    priorities = panel.displayed(3)
    assert priorities == sorted(priorities)  # by priority at first, high first
    row = select_title(panel, "Traversée piétonne du carrefour Mairie")
    panel.view.sortByColumn(0, Qt.DescendingOrder)
    assert panel.displayed(0) == sorted(panel.displayed(0), key=str.lower, reverse=True)
    assert panel.selected() == (row.layer_id, row.fid)
    panel.refresh()  # a rebuilt list keeps the order and the selection
    assert panel.displayed(0) == sorted(panel.displayed(0), key=str.lower, reverse=True)
    assert panel.selected() == (row.layer_id, row.fid)


def test_read_only_layers_disable_adding_and_editing(section, layers):
    panel = section.actors_panel
    layers["actors"].setReadOnly(True)
    panel.refresh()
    assert not panel.add_button.isEnabled() and panel.add_button.toolTip() == "The register's layer is read-only"
    select_title(panel, "Vilaine à Vélo")
    assert panel.zoom_button.isEnabled()
    assert not panel.edit_button.isEnabled() and panel.edit_button.toolTip() == "The register's layer is read-only"
    layers["actors"].setReadOnly(False)
