"""openterritory:council_map through Processing: parameters, outputs, atlas, extent, errors."""

from __future__ import annotations

import os
import re
import subprocess

import pytest
from open_territory.plugin.export.council_map import load_layout, output_for_format
from qgis.core import (
    QgsApplication,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
)
from qgis.PyQt.QtGui import QImage

from ..plugin.export.council_data import COMMUNES, SIDE, X0, Y0, make_territory


def run(parameters):
    import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return processing.run("openterritory:council_map", parameters, context=context, feedback=QgsProcessingFeedback())


def uri(gpkg, name):
    return f"{gpkg}|layername={name}"


def pdf_text(path) -> str:
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout.split())


def test_runs_in_the_main_thread(provider):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("openterritory:council_map")
    assert algorithm.flags() & QgsProcessingAlgorithm.FlagNoThreading


def test_pdf_from_layer_sources(provider, tmp_path):
    gpkg = make_territory(tmp_path)
    results = run(
        {
            "LAYERS": [uri(gpkg, "bicycle_parking_overpass"), uri(gpkg, "communes")],
            "TITLE": "Bicycle parking",
            "OUTPUT": str(tmp_path / "map.pdf"),
        }
    )
    assert results["OUTPUT"] == str(tmp_path / "map.pdf") and results["PAGES"] == 1
    text = pdf_text(results["OUTPUT"])
    assert "Bicycle parking" in text and "geo.api.gouv.fr" in text and "© OpenStreetMap contributors" in text
    assert "© OpenStreetMap contributors" in results["SOURCES"]


def test_atlas_pdf_and_png(provider, tmp_path):
    gpkg = make_territory(tmp_path)
    common = {"LAYERS": [uri(gpkg, "car_park_ods")], "TITLE": "Atlas", "COVERAGE": uri(gpkg, "communes")}
    results = run(dict(common, OUTPUT=str(tmp_path / "atlas.pdf")))
    assert results["PAGES"] == 3 and results["PAGE_NAMES"] == sorted(COMMUNES)
    info = subprocess.run(["pdfinfo", results["OUTPUT"]], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+3$", info, re.MULTILINE)
    # FORMAT decides: a .pdf output name becomes .png, one file per page named after it.
    results = run(dict(common, FORMAT=1, PAGE=1, ORIENTATION=1, OUTPUT=str(tmp_path / "png" / "atlas.pdf")))
    assert sorted(os.listdir(tmp_path / "png")) == [f"atlas_{name}.png" for name in sorted(COMMUNES)]
    assert results["OUTPUT"] == str(tmp_path / "png" / "atlas_Bourg-Nord.png")
    image = QImage(results["OUTPUT"])
    assert image.height() > image.width() > 1700  # A3 portrait at 150 dpi


def test_extent_decides_what_the_map_shows(provider, tmp_path):
    """The centre of the map is a point with the first extent, empty ground with the second."""
    gpkg = make_territory(tmp_path)
    layout = load_layout(QgsProject.instance())  # kept: its items die with it
    box = layout.itemById("map")

    def ink_at_map_centre(extent, name):
        output = tmp_path / f"{name}.png"
        run(
            {"LAYERS": [uri(gpkg, "car_park_ods")], "TITLE": name, "EXTENT": extent, "FORMAT": 1, "OUTPUT": str(output)}
        )
        image = QImage(str(output))
        px = image.width() / 297.0
        cx = int((box.pos().x() + box.rect().width() / 2) * px)
        cy = int((box.pos().y() + box.rect().height() / 2) * px)
        return sum(
            image.pixelColor(i, j).lightness() < 200 for i in range(cx - 6, cx + 6) for j in range(cy - 6, cy + 6)
        )

    on_point = f"{X0 + 500},{X0 + 1500},{Y0 + 500},{Y0 + 1500} [EPSG:2154]"
    beside = f"{X0 + SIDE * 0.85},{X0 + SIDE * 0.85 + 1000},{Y0 + 500},{Y0 + 1500} [EPSG:2154]"
    assert ink_at_map_centre(on_point, "on_point") > 10
    assert ink_at_map_centre(beside, "beside") == 0


def test_errors_are_processing_errors(provider, tmp_path):
    gpkg = make_territory(tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(QgsProcessingException, match="folder cannot be created"):
        run({"LAYERS": [uri(gpkg, "car_park_ods")], "TITLE": "x", "OUTPUT": str(blocker / "map.pdf")})
    with pytest.raises(QgsProcessingException):
        run({"LAYERS": [], "TITLE": "x", "OUTPUT": str(tmp_path / "map.pdf")})
    assert not (tmp_path / "map.pdf").exists()


def test_output_named_after_the_format():
    assert output_for_format("/a/map.pdf", "png") == "/a/map.png"
    assert output_for_format("/a/map.PNG", "png") == "/a/map.PNG"
    assert output_for_format("/a/map", "pdf") == "/a/map.pdf"
    assert output_for_format("/a/map.v2", "pdf") == "/a/map.v2.pdf"


def test_layers_loaded_from_a_path_get_their_title_and_style(tmp_path):
    """qgis_process loads `file.gpkg|layername=x` named after the file, with a random symbol: the algorithm
    names it from the sources table and draws it with the GeoPackage's default style."""
    from open_territory.processing.algorithms.council_map import prepare_file_layer
    from qgis.core import QgsVectorLayer
    from qgis.PyQt.QtGui import QColor

    gpkg = make_territory(tmp_path)
    styled = QgsVectorLayer(uri(gpkg, "car_park_ods"), "car_park_ods", "ogr")
    styled.renderer().symbol().setColor(QColor("#6a3d9a"))
    styled.saveStyleToDatabase("default", "", True, "")
    loaded = QgsVectorLayer(uri(gpkg, "car_park_ods"), "territory", "ogr", QgsVectorLayer.LayerOptions(False))
    loaded.renderer().symbol().setColor(QColor("#ff0000"))
    prepare_file_layer(loaded)
    assert loaded.name() == "Car parks"
    assert loaded.renderer().symbol().color().name() == "#6a3d9a"
    (tmp_path / "plain").mkdir()
    plain = make_territory(tmp_path / "plain", with_sources_table=False)
    layer = QgsVectorLayer(uri(plain, "communes"), "territory", "ogr")
    prepare_file_layer(layer)
    assert layer.name() == "communes"


def test_format_page_and_orientation_by_name_or_number(provider, tmp_path):
    """qgis_process and scripts give names (any case), models store indices: both are accepted."""
    gpkg = make_territory(tmp_path)
    common = {"LAYERS": [uri(gpkg, "car_park_ods")], "TITLE": "Formats"}
    results = run(dict(common, FORMAT="pdf", OUTPUT=str(tmp_path / "a.png")))
    assert results["OUTPUT"] == str(tmp_path / "a.pdf")
    with open(results["OUTPUT"], "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    for value, name in (("PNG", "b"), (1, "c"), ("1", "d")):
        results = run(dict(common, FORMAT=value, OUTPUT=str(tmp_path / f"{name}.pdf")))
        assert results["OUTPUT"] == str(tmp_path / f"{name}.png")
        assert not QImage(results["OUTPUT"]).isNull()
    # At 150 dpi: A3 portrait is 297 x 420 mm, 1754 x 2480 px; A4 landscape 297 x 210 mm, 1754 x 1240 px.
    results = run(dict(common, FORMAT="png", PAGE="a3", ORIENTATION="Portrait", OUTPUT=str(tmp_path / "e.png")))
    image = QImage(results["OUTPUT"])
    assert (image.width(), image.height()) == pytest.approx((1754, 2480), abs=2)
    results = run(dict(common, FORMAT=1, PAGE=0, ORIENTATION="landscape", OUTPUT=str(tmp_path / "f.png")))
    image = QImage(results["OUTPUT"])
    assert (image.width(), image.height()) == pytest.approx((1754, 1240), abs=2)


@pytest.mark.parametrize(
    ("name", "value", "accepted"),
    [
        ("FORMAT", "jpeg", "pdf / png"),
        ("FORMAT", 2, "pdf / png"),
        ("PAGE", "A5", "A4 / A3"),
        ("ORIENTATION", "diagonal", "landscape / portrait"),
    ],
)
def test_bad_choice_is_a_clear_error(provider, tmp_path, name, value, accepted):
    gpkg = make_territory(tmp_path)
    with pytest.raises(QgsProcessingException) as raised:
        run({"LAYERS": [uri(gpkg, "car_park_ods")], "TITLE": "x", name: value, "OUTPUT": str(tmp_path / "m.pdf")})
    message = str(raised.value)
    assert f"{name} '{value}'" in message and accepted in message, message
    assert not (tmp_path / "m.pdf").exists()


def test_keep_layout_leaves_the_atlas_in_the_project_with_its_layers(provider, tmp_path, qgis_new_project):
    project = QgsProject.instance()
    gpkg = make_territory(tmp_path)
    common = {
        "LAYERS": [uri(gpkg, "car_park_ods")],
        "TITLE": "Parking",
        "COVERAGE": uri(gpkg, "communes"),
        "OUTPUT": str(tmp_path / "atlas.pdf"),
    }
    results = run(dict(common, KEEP_LAYOUT=True))
    assert results["LAYOUT"] == "Parking"
    layout = project.layoutManager().layoutByName("Parking")
    assert layout is not None and layout.atlas().enabled() and layout.atlas().count() == 3
    shown = layout.itemById("map").layers()
    assert [layer.name() for layer in shown] == ["Car parks", "Communes of the test territory"]
    assert all(project.mapLayer(layer.id()) is layer for layer in shown), "the kept layout's layers are the project's"
    assert layout.atlas().coverageLayer() is project.mapLayer(layout.atlas().coverageLayer().id())
    # A second run keeps a second layout, numbered; without the option, nothing is kept.
    assert run(dict(common, KEEP_LAYOUT=True))["LAYOUT"] == "Parking (2)"
    assert run(common)["LAYOUT"] == ""
    assert len(project.layoutManager().printLayouts()) == 2
