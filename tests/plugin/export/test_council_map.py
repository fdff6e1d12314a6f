"""Council map export: real PDFs and PNGs checked with poppler (pdfinfo, pdftotext, pdfimages, pdftoppm)."""

from __future__ import annotations

import os
import subprocess

import pytest
from open_territory.plugin.export import council_map
from open_territory.plugin.export.council_map import export_council_map
from open_territory.plugin.export.layout_template import LAYOUTS_DIR
from open_territory.plugin.toolbelt.errors import Cancelled, InputError, OpenTerritoryError
from qgis.core import QgsFeature, QgsFeedback, QgsGeometry, QgsPointXY, QgsRectangle, QgsVectorLayer
from qgis.PyQt.QtGui import QImage

from .council_data import COMMUNES, LAYERS, SIDE, X0, Y0, load_layers


def pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_page_size(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    line = next(line for line in info.splitlines() if line.startswith("Page size:"))
    parts = line.split()
    return float(parts[2]), float(parts[4])


def pdf_text(path, page=None) -> str:
    command = ["pdftotext"]
    if page is not None:
        command += ["-f", str(page), "-l", str(page)]
    text = subprocess.run(command + [str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())  # one space between words, whatever the wrapping


def pdf_images(path) -> list:
    listing = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    return listing.splitlines()[2:]


def test_single_page_pdf_is_vector_with_every_element(territory, project, tmp_path):
    layers = load_layers(territory, project=project)
    other = QgsVectorLayer("Point?crs=EPSG:2154&field=name:string", "Layer not shown", "memory")
    project.addMapLayer(other)
    output = tmp_path / "out" / "map.pdf"
    result = export_council_map(
        layers, str(output), "Mobility resources", subtitle="Council of 12 December", project=project
    )
    assert result["OUTPUT"] == str(output) and result["FILES"] == [str(output)]
    assert result["PAGES"] == 1 and pdf_pages(output) == 1
    width, height = pdf_page_size(output)
    assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points
    assert pdf_images(output) == [], "the PDF should hold no raster image: map, legend and text are vector"
    text = pdf_text(output)
    for expected in ("Mobility resources", "Council of 12 December", "Legend"):
        assert expected in text
    for meta in LAYERS.values():
        assert meta["title"] in text, f"legend or sources lack {meta['title']}"
    assert "Layer not shown" not in text, "the legend lists only the layers passed"
    # Sources: every source shown, licences by their names, the OSM attribution.
    for source in ("geo.api.gouv.fr", "OpenStreetMap", "data.example-metropole.fr", "data.sensor.community"):
        assert source in text
    assert "Licence Ouverte / Open Licence 2.0 (Etalab)" in text
    assert "Open Database License (ODbL) 1.0" in text
    assert "© OpenStreetMap contributors" in text
    assert len(result["SOURCES"]) == 4
    assert os.listdir(output.parent) == ["map.pdf"], "no temporary file left beside the output"


def test_no_osm_attribution_without_osm_data(territory, project, tmp_path):
    layers = load_layers(territory, ["car_park_ods", "air_quality_sensor_sensor_community"], project)
    output = tmp_path / "map.pdf"
    result = export_council_map(layers, str(output), "Parking and air", project=project)
    text = pdf_text(output)
    assert "data.example-metropole.fr" in text and "data.sensor.community" in text
    assert "ODbL" in text  # sensor.community's licence is ODbL...
    assert "OpenStreetMap" not in text  # ...but its data are not OpenStreetMap's
    assert "OpenStreetMap" not in result["SOURCES_TEXT"]


def test_rendering_of_a_page(territory, project, tmp_path):
    """The page as an image: the map draws the features where they are, the legend, scale bar, north arrow
    and sources boxes have ink, the margins are blank."""
    layers = load_layers(territory, project=project)
    output = tmp_path / "map.pdf"
    extent = QgsRectangle(X0, Y0, X0 + 3 * SIDE, Y0 + SIDE)
    export_council_map(layers, str(output), "Rendering", extent=extent, project=project)
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-singlefile", str(output), str(tmp_path / "page")], check=True)
    image = QImage(str(tmp_path / "page.png"))
    assert image.width() == 585 and abs(image.height() - 413) <= 1  # A4 landscape at 50 dpi
    layout = council_map.load_layout(project)
    px = image.width() / 297.0

    def box(item_id):
        item = layout.itemById(item_id)
        return (
            int(item.pos().x() * px),
            int(item.pos().y() * px),
            int(item.rect().width() * px),
            int(item.rect().height() * px),
        )

    def ink(x, y, w, h, margin=2):
        count = 0
        for j in range(y + margin, y + h - margin):
            for i in range(x + margin, x + w - margin):
                colour = image.pixelColor(i, j)
                if colour.red() + colour.green() + colour.blue() < 600:
                    count += 1
        return count

    for item_id in ("title", "legend", "scalebar", "north_arrow", "sources", "date"):
        assert ink(*box(item_id)) > 20, f"nothing drawn in the {item_id} box"
    assert ink(0, 0, image.width(), 8, margin=0) == 0, "the top margin is blank"
    assert ink(*box("logo")) == 0, "no logo given: its place stays blank"
    # The map: the features fill its middle (the extent is the three communes), drawn inside the frame.
    x, y, w, h = box("map")
    assert ink(x, y, w, h, margin=3) > 200
    # The map's width is the three communes (the extent asked), centred on them: the centre point of commune i
    # is at ((i + 0.5) / 3, 1/2) of the map; above the communes, the map is blank.
    for i in range(3):
        cx, cy = int(x + (i + 0.5) / 3 * w), int(y + h / 2)
        assert ink(cx - 4, cy - 4, 8, 8, margin=0) > 5, f"the point of commune {i} is not drawn"
        assert ink(cx - 4, int(y + 0.1 * h) - 4, 8, 8, margin=0) == 0, "something drawn outside the communes"


def test_atlas_pdf_one_page_per_commune(territory, project, tmp_path):
    layers = load_layers(territory, ["bicycle_parking_overpass", "car_park_ods"], project)
    coverage = load_layers(territory, ["communes"])[0]
    output = tmp_path / "atlas.pdf"
    result = export_council_map(layers, str(output), "Atlas", coverage=coverage, project=project, subtitle="Resources")
    assert pdf_pages(output) == 3 == result["PAGES"]
    assert result["PAGE_NAMES"] == sorted(COMMUNES)
    for page, name in enumerate(sorted(COMMUNES), start=1):
        text = pdf_text(output, page)
        assert f"Resources — {name}" in text
        assert "Atlas" in text and "© OpenStreetMap contributors" in text
    # The coverage layer is not one of the layers shown: neither in the legend nor in the sources.
    assert "geo.api.gouv.fr" not in pdf_text(output)


def test_png_single_page(territory, project, tmp_path):
    layers = load_layers(territory, project=project)
    output = tmp_path / "map.png"
    result = export_council_map(
        layers, str(output), "PNG", fmt="png", page="A3", orientation="portrait", project=project
    )
    image = QImage(str(output))
    assert not image.isNull()
    assert abs(image.width() - round(297 / 25.4 * 150)) <= 1 and abs(image.height() - round(420 / 25.4 * 150)) <= 1
    assert result["FILES"] == [str(output)]
    assert sorted(os.listdir(tmp_path)) == ["map.png", "territory.gpkg"]


def test_png_atlas_one_file_per_page_named_after_it(territory, project, tmp_path):
    layers = load_layers(territory, ["car_park_ods"], project)
    coverage = load_layers(territory, ["communes"])[0]
    out = tmp_path / "png"
    result = export_council_map(
        layers, str(out / "council.png"), "PNG atlas", coverage=coverage, fmt="png", project=project
    )
    expected = ["council_Bourg-Nord.png", "council_Centre.png", "council_Saint-Médard.png"]
    assert sorted(os.listdir(out)) == expected
    assert result["FILES"] == [str(out / name) for name in expected]
    assert result["OUTPUT"] == result["FILES"][0] and result["PAGES"] == 3
    assert all(not QImage(path).isNull() for path in result["FILES"])


def test_pdf_portrait_a3(territory, project, tmp_path):
    layers = load_layers(territory, project=project)
    output = tmp_path / "a3.pdf"
    export_council_map(layers, str(output), "A3 portrait", page="A3", orientation="portrait", project=project)
    width, height = pdf_page_size(output)
    assert (round(width), round(height)) == (842, 1191)


def test_logo_is_drawn(territory, project, tmp_path):
    layers = load_layers(territory, ["car_park_ods"], project)
    logo = os.path.join(os.path.dirname(LAYOUTS_DIR), "icons", "open_territory.svg")
    output = tmp_path / "logo.pdf"
    layout, _atlas, _text = council_map.build_layout(layers, "Logo", logo=logo, project=project)
    assert layout.itemById("logo").isVisible() and layout.itemById("logo").picturePath() == logo
    export_council_map(layers, str(output), "Logo", logo=logo, project=project)
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-singlefile", str(output), str(tmp_path / "page")], check=True)
    image = QImage(str(tmp_path / "page.png"))
    item = layout.itemById("logo")
    px = image.width() / 297.0
    x0, y0 = int(item.pos().x() * px), int(item.pos().y() * px)
    coloured = sum(
        1
        for j in range(y0, y0 + int(item.rect().height() * px))
        for i in range(x0, x0 + int(item.rect().width() * px))
        if image.pixelColor(i, j).lightness() < 240
    )
    assert coloured > 20
    with pytest.raises(InputError, match="logo"):
        export_council_map(layers, str(output), "Logo", logo=str(tmp_path / "missing.svg"), project=project)


class CancelAfterFirstPage(QgsFeedback):
    def __init__(self):
        super().__init__()
        self.progressChanged.connect(lambda value: value > 0 and self.cancel())


def test_failed_export_leaves_the_existing_file(territory, project, tmp_path):
    layers = load_layers(territory, ["car_park_ods"], project)
    coverage = load_layers(territory, ["communes"])[0]
    output = tmp_path / "out" / "atlas.pdf"
    output.parent.mkdir()
    output.write_bytes(b"previous map")
    with pytest.raises(Cancelled):
        export_council_map(
            layers, str(output), "Cancelled", coverage=coverage, project=project, feedback=CancelAfterFirstPage()
        )
    assert output.read_bytes() == b"previous map"
    assert os.listdir(output.parent) == ["atlas.pdf"]
    # The same for a PNG atlas (several files, moved in together)
    with pytest.raises(Cancelled):
        export_council_map(
            layers,
            str(output.parent / "atlas.png"),
            "Cancelled",
            coverage=coverage,
            fmt="png",
            project=project,
            feedback=CancelAfterFirstPage(),
        )
    assert os.listdir(output.parent) == ["atlas.pdf"]


def test_exporter_failure_leaves_the_existing_file(territory, project, tmp_path, monkeypatch):
    from qgis.core import QgsLayoutExporter

    layers = load_layers(territory, ["car_park_ods"], project)
    output = tmp_path / "map.pdf"
    output.write_bytes(b"previous map")

    def failing(self, path, settings):
        with open(path, "wb") as handle:
            handle.write(b"half a PDF")
        return QgsLayoutExporter.FileError

    monkeypatch.setattr(QgsLayoutExporter, "exportToPdf", failing)
    with pytest.raises(OpenTerritoryError, match="could not export"):
        export_council_map(layers, str(output), "Failing", project=project)
    assert output.read_bytes() == b"previous map"
    assert sorted(os.listdir(tmp_path)) == ["map.pdf", "territory.gpkg"]


def test_bad_input_is_named(territory, project, tmp_path):
    layers = load_layers(territory, ["car_park_ods"], project)
    with pytest.raises(InputError, match="at least one layer"):
        export_council_map([], str(tmp_path / "x.pdf"), "No layer", project=project)
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    with pytest.raises(InputError, match="folder cannot be created") as error:
        export_council_map(layers, str(blocker / "sub" / "x.pdf"), "Bad folder", project=project)
    assert str(blocker) in str(error.value)
    with pytest.raises(InputError, match="page size"):
        export_council_map(layers, str(tmp_path / "x.pdf"), "Bad page", page="A5", project=project)
    with pytest.raises(InputError, match="output format"):
        export_council_map(layers, str(tmp_path / "x.pdf"), "Bad format", fmt="svg", project=project)
    with pytest.raises(InputError, match="is a folder"):
        export_council_map(layers, str(tmp_path), "Folder", project=project)
    invalid = QgsVectorLayer(str(tmp_path / "missing.gpkg"), "Missing layer", "ogr")
    with pytest.raises(InputError, match="Missing layer"):
        export_council_map([invalid], str(tmp_path / "x.pdf"), "Invalid", project=project)
    empty = QgsVectorLayer("Polygon?crs=EPSG:2154&field=nom:string", "empty communes", "memory")
    with pytest.raises(InputError, match="no feature"):
        export_council_map(layers, str(tmp_path / "x.pdf"), "Empty atlas", coverage=empty, project=project)
    assert not (tmp_path / "x.pdf").exists()


def test_long_legend_fits_its_box(project, tmp_path):
    """Twenty layers in the portrait page's legend box: more columns, then smaller text, never cut."""
    layers = []
    for i in range(20):
        layer = QgsVectorLayer("Point?crs=EPSG:2154&field=source:string", f"Resource layer number {i}", "memory")
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(X0 + i * 100, Y0 + i * 100)))
        feature["source"] = f"https://portal{i}.example.fr"
        layer.dataProvider().addFeatures([feature])
        layer.updateExtents()
        layers.append(layer)
    project.addMapLayers(layers)
    layout, _atlas, text = council_map.build_layout(layers, "Long legend", orientation="portrait", project=project)
    legend = layout.itemById("legend")
    box = legend.rect()
    assert legend.columnCount() > 1
    legend.setResizeToContents(True)
    legend.adjustBoxSize()
    assert legend.rect().height() <= box.height() + 0.5 and legend.rect().width() <= box.width() + 0.5
    assert all(f"portal{i}.example.fr" in text for i in range(20))
    output = tmp_path / "long.pdf"
    export_council_map(layers, str(output), "Long legend", orientation="portrait", project=project)
    extracted = pdf_text(output)
    assert all(f"Resource layer number {i}" in extracted for i in range(20))


def test_pdf_text_reads_back_as_typed(territory, project, tmp_path):
    """No ligature in the PDF's text: "Traffic" is found by a search, not "Traﬃc"."""
    layers = load_layers(territory, ["car_park_ods"], project)
    layers[0].setName("Traffic office")
    output = tmp_path / "map.pdf"
    export_council_map(layers, str(output), "Official traffic map", project=project)
    text = pdf_text(output)
    assert "Official traffic map" in text and "Traffic office" in text
    assert "\ufb03" not in text and "\ufb01" not in text
