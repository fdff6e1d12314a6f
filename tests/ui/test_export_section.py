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
    section.export_button.click()
    result = section.last_result
    assert result is not None and result["OUTPUT"] == str(tmp_path / "council.pdf")
    text = pdf_text(tmp_path / "council.pdf")
    assert "Mobility of the territory" in text and "Council of Thursday" in text
    assert "Bicycle parking" in text and "Car parks" in text and "data.example.fr" in text
    assert "Hidden layer" not in text and "hidden.example.fr" not in text
    assert "© OpenStreetMap contributors" in text
    assert section.progress.value() == 100 and section.export_button.isEnabled() and section.progress.isHidden()
    # The message bar offers to open the file.
    assert isinstance(section.open_button, QPushButton) and section.open_button.text() == "Open"
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
    result = section.export()
    assert result["PAGES"] == 2 and pdf_pages(tmp_path / "atlas.pdf") == 2
    assert result["PAGE_NAMES"] == ["Est", "Ouest"]
    # PNG: the output's extension follows the format.
    section.format_combo.setCurrentIndex(section.format_combo.findData("png"))
    assert section.output_widget.filePath() == str(tmp_path / "atlas.png")
    result = section.export()
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
