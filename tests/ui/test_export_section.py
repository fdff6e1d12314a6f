"""The dock's export section: 'Export for council' prints what the canvas shows, where it shows it."""

from __future__ import annotations

import subprocess

from open_territory.ui.export_section import ExportSection
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtWidgets import QPushButton

from ..qt_wait import wait_until


def resource_layer(name, source, x, y):
    layer = QgsVectorLayer(
        "Point?crs=EPSG:2154&field=source:string&field=licence:string&field=name:string", name, "memory"
    )
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
    feature["source"] = source
    feature["licence"] = "ODbL" if source == "openstreetmap" else "lov2"
    layer.dataProvider().addFeatures([feature])
    layer.updateExtents()
    return layer


def communes_layer():
    layer = QgsVectorLayer("Polygon?crs=EPSG:2154&field=nom:string", "Communes", "memory")
    features = []
    for i, name in enumerate(("Ouest", "Est")):
        feature = QgsFeature(layer.fields())
        x = 350000 + i * 2000
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x, 6790000, x + 2000, 6792000)))
        feature["nom"] = name
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def pdf_text(path):
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout.split())


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def exported(section):
    """Start the export (a background task) and wait for its end; its result, or None."""
    task = section.export()
    if task is None:
        return None
    assert section.busy and section.cancel_button.isVisible() is section.isVisible()
    assert wait_until(lambda: not section.busy, seconds=120), "the export did not end"
    return section.last_result


def message_buttons(iface) -> list:
    return [b.text() for item in iface.messageBar().items() for b in item.findChildren(QPushButton)]


def setup_map(qgis_iface, layers):
    project = QgsProject.instance()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    project.addMapLayers(layers)
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(project.crs())
    canvas.setLayers(layers)
    return canvas


def test_exports_the_layers_shown(qgis_iface, qgis_new_project, tmp_path):
    osm = resource_layer("Bicycle parking", "openstreetmap", 350500, 6791000)
    portal = resource_layer("Car parks", "https://data.example.fr", 352500, 6791000)
    hidden = resource_layer("Hidden layer", "https://hidden.example.fr", 351000, 6791000)
    QgsProject.instance().addMapLayer(hidden)
    canvas = setup_map(qgis_iface, [osm, portal])
    section = ExportSection(qgis_iface)
    QgsProject.instance().setTitle("Mobility of the territory")
    section.refresh_title()
    assert section.title_edit.placeholderText() == "Mobility of the territory"
    section.output_widget.setFilePath(str(tmp_path / "council.pdf"))
    section.subtitle_edit.setText("Council of Thursday")
    assert section.export_button.isEnabled()
    qgis_iface.messageBar().clearWidgets()
    section.export_button.click()
    assert section.busy and not section.export_button.isEnabled()
    assert wait_until(lambda: not section.busy, seconds=120), "the export did not end"
    result = section.last_result
    assert result is not None and result["OUTPUT"] == str(tmp_path / "council.pdf")
    text = pdf_text(tmp_path / "council.pdf")
    assert "Mobility of the territory" in text and "Council of Thursday" in text
    assert "Bicycle parking" in text and "Car parks" in text and "data.example.fr" in text
    assert "Hidden layer" not in text and "hidden.example.fr" not in text
    assert "© OpenStreetMap contributors" in text
    assert section.progress.value() == 100 and section.export_button.isEnabled() and section.progress.isHidden()
    # One message, which offers to open the file.
    assert message_buttons(qgis_iface) == ["Open"] and len(qgis_iface.messageBar().items()) == 1
    assert canvas.layers() == [osm, portal]


def test_atlas_and_png_from_the_dock(qgis_iface, qgis_new_project, tmp_path):
    communes = communes_layer()
    portal = resource_layer("Car parks", "https://data.example.fr", 350500, 6791000)
    setup_map(qgis_iface, [portal, communes])
    section = ExportSection(qgis_iface)
    section.output_widget.setFilePath(str(tmp_path / "atlas.pdf"))
    section.atlas_check.setChecked(True)
    assert section.coverage_combo.isEnabled()
    section.coverage_combo.setLayer(communes)
    section.title_edit.setText("Per commune")
    result = exported(section)
    assert result["PAGES"] == 2 and pdf_pages(tmp_path / "atlas.pdf") == 2
    assert result["PAGE_NAMES"] == ["Est", "Ouest"]
    # PNG: the output's extension follows the format.
    section.format_combo.setCurrentIndex(section.format_combo.findData("png"))
    assert section.output_widget.filePath() == str(tmp_path / "atlas.png")
    result = exported(section)
    assert [p.rsplit("/", 1)[-1] for p in result["FILES"]] == ["atlas_Est.png", "atlas_Ouest.png"]


def test_problems_are_told_not_raised(qgis_iface, qgis_new_project, tmp_path):
    section = ExportSection(qgis_iface)
    bar = qgis_iface.messageBar()
    bar.clear_messages()
    qgis_iface.mapCanvas().setLayers([])
    section.output_widget.setFilePath(str(tmp_path / "x.pdf"))
    assert section.export() is None
    assert any("No layer is shown" in m for m in bar.get_messages(Qgis.Warning))
    portal = resource_layer("Car parks", "https://data.example.fr", 350500, 6791000)
    setup_map(qgis_iface, [portal])
    blocker = tmp_path / "file"
    blocker.write_text("x")
    section.output_widget.setFilePath(str(blocker / "x.pdf"))
    assert section.export() is None
    assert any("folder cannot be created" in m for m in bar.get_messages(Qgis.Critical))
    section.output_widget.setFilePath(str(tmp_path / "x.pdf"))
    section.atlas_check.setChecked(True)
    section.coverage_combo.setLayer(None)
    assert section.export() is None
    assert any("communes or districts" in m for m in bar.get_messages(Qgis.Warning))
    assert not (tmp_path / "x.pdf").exists()
    assert section.export_button.isEnabled()


def test_an_export_can_be_cancelled_and_leaves_nothing(qgis_iface, qgis_new_project, tmp_path):
    communes = communes_layer()
    setup_map(qgis_iface, [resource_layer("Car parks", "https://data.example.fr", 350500, 6791000), communes])
    section = ExportSection(qgis_iface)
    section.output_widget.setFilePath(str(tmp_path / "atlas.pdf"))
    section.atlas_check.setChecked(True)
    section.coverage_combo.setLayer(communes)
    qgis_iface.messageBar().clear_messages()
    assert section.export() is not None
    section.cancel_button.click()
    assert wait_until(lambda: not section.busy, seconds=120)
    assert section.last_result is None and list(tmp_path.iterdir()) == []
    assert any(m.endswith("Export cancelled") for m in qgis_iface.messageBar().get_messages(Qgis.Info))
    assert section.export_button.isEnabled() and not section.cancel_button.isVisible()


def test_the_export_renders_copies_of_the_layers_not_the_projects(qgis_iface, qgis_new_project, tmp_path):
    """The worker thread builds its own layers (plugin/export/background.py): a memory layer's features, its style
    and its name travel; the project's layers are never handed to the worker."""
    from open_territory.plugin.export.background import CouncilMapJob

    portal = resource_layer("Car parks", "https://data.example.fr", 350500, 6791000)
    setup_map(qgis_iface, [portal])
    job = CouncilMapJob([portal], str(tmp_path / "c.pdf"), "Copies")
    copy = job.copies[0].build()
    assert copy is not portal and copy.name() == "Car parks" and copy.featureCount() == 1
    assert copy.renderer().symbol().color() == portal.renderer().symbol().color()
    assert [f["source"] for f in copy.getFeatures()] == ["https://data.example.fr"]


def test_title_defaults_to_the_territory(qgis_iface, qgis_new_project):
    from open_territory.ui.dock import OpenTerritoryDock

    QgsProject.instance().setTitle("")
    dock = OpenTerritoryDock(qgis_iface)
    section = dock.section("export")
    territory = dock.section("territory")
    section.refresh_title()
    assert territory.profile is not None
    assert section.title_edit.placeholderText() == territory.profile.name
    dock.shutdown()


def test_open_in_the_layout_designer_keeps_the_atlas_in_the_project(qgis_iface, qgis_new_project):
    communes = communes_layer()
    portal = resource_layer("Car parks", "https://data.example.fr", 350500, 6791000)
    setup_map(qgis_iface, [portal, communes])
    section = ExportSection(qgis_iface)
    section.title_edit.setText("Per commune")
    section.atlas_check.setChecked(True)
    section.coverage_combo.setLayer(communes)
    section.designer_button.click()
    project = QgsProject.instance()
    layout = project.layoutManager().layoutByName("Per commune")
    assert layout is not None and layout.atlas().enabled() and layout.atlas().count() == 2
    assert [layer.name() for layer in layout.itemById("map").layers()] == ["Car parks", "Communes"]
    qgis_iface.openLayoutDesigner.assert_called_with(layout)
    # Nothing shown: told, no layout added.
    qgis_iface.mapCanvas().setLayers([])
    assert section.open_in_designer() is None
    assert len(project.layoutManager().printLayouts()) == 1
