"""What a planner needs on a council map: the page's commune outlined and the others greyed on atlas pages,
a legend without bare class ranges, and the layout kept in the project for the layout designer."""

from __future__ import annotations

from open_territory.plugin.export.council_map import build_layout, export_council_map
from open_territory.plugin.export.legend_fit import is_bare_range
from qgis.core import (
    QgsClassificationRange,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsLayoutExporter,
    QgsPointXY,
    QgsRendererRange,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from .council_data import COMMUNES, SIDE, X0, Y0, load_layers


def pdf_text_lines(path) -> list:
    import subprocess

    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.splitlines()


DPI = 40


def pixel(image, layout, x, y):
    """The colour of the page image at map coordinates (x, y) of the layout's map item."""
    map_item = layout.itemById("map")
    extent = map_item.extent()
    position = map_item.pagePos()
    mm_x = position.x() + (x - extent.xMinimum()) / extent.width() * map_item.rect().width()
    mm_y = position.y() + (extent.yMaximum() - y) / extent.height() * map_item.rect().height()
    return QColor(image.pixel(int(mm_x * DPI / 25.4), int(mm_y * DPI / 25.4)))


def grey(colour) -> bool:
    return abs(colour.red() - colour.green()) < 12 and abs(colour.green() - colour.blue()) < 12 and colour.red() < 235


def test_atlas_page_outlines_its_commune_and_greys_the_others(territory, project):
    communes = load_layers(territory, ["communes"], project)[0]
    communes.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({"color": "255,0,0,255"})))
    points = load_layers(territory, ["car_park_ods"], project)
    layout, atlas, _text = build_layout(points, "Atlas", coverage=communes, project=project)
    assert atlas.count() == 3
    atlas.beginRender()
    ordered = sorted(COMMUNES)  # pages are sorted by name; communes lie west to east in COMMUNES' order
    for page, name in enumerate(ordered):
        atlas.seekTo(page)
        layout.itemById("map").refresh()
        image = QgsLayoutExporter(layout).renderPageToImage(0, dpi=DPI)
        for index, commune in enumerate(COMMUNES):
            x, y = X0 + index * SIDE + 0.8 * SIDE, Y0 + 0.2 * SIDE  # off the points' diagonal
            map_extent = layout.itemById("map").extent()
            if not map_extent.contains(QgsPointXY(x, y)):
                continue
            colour = pixel(image, layout, x, y)
            if commune == name:
                assert colour.lightness() > 245, f"page {name}: its commune should be clear, got {colour.name()}"
            else:
                assert grey(colour), f"page {name}: {commune} should be greyed, got {colour.name()}"
    atlas.endRender()
    # The project's layer keeps its own style: the highlight is the map item's override only.
    assert isinstance(communes.renderer(), QgsSingleSymbolRenderer)
    map_item = layout.itemById("map")
    assert map_item.keepLayerStyles() and communes.id() in map_item.layerStyleOverrides()
    assert communes.id() in [layer.id() for layer in map_item.layers()]


def test_bare_range_labels():
    for label in ("2 - 2", "0.5 - 1.75", "0,5 – 1,75", "10 to 20", "1 000 - 2 000", "< 5", "−3 - 4"):
        assert is_bare_range(label), label
    for label in ("Good (0-10 µg/m³)", "2 open challenges", "Bus stop", "A1 - A2", ""):
        assert not is_bare_range(label), label


def graduated_gaps(project):
    layer = QgsVectorLayer("Polygon?crs=EPSG:2154&field=open_unserved:integer", "Gap zones", "memory")
    features = []
    for index, value in enumerate((1, 2, 2)):
        feature = QgsFeature(layer.fields())
        x = X0 + index * SIDE
        feature.setGeometry(QgsGeometry.fromRect(_rect(x)))
        feature.setAttributes([value])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    ranges = []
    for lower, upper, label, colour in ((0.0, 1.0, "0 - 1", "#fee5d9"), (1.0, 2.0, "2 - 2", "#a50f15")):
        symbol = QgsFillSymbol.createSimple({"color": colour})
        ranges.append(QgsRendererRange(QgsClassificationRange(label, lower, upper), symbol))
    layer.setRenderer(QgsGraduatedSymbolRenderer("open_unserved", ranges))
    project.addMapLayer(layer)
    return layer


def _rect(x):
    from qgis.core import QgsRectangle

    return QgsRectangle(x, Y0, x + SIDE, Y0 + SIDE)


def named_classes(project):
    layer = QgsVectorLayer("Polygon?crs=EPSG:2154&field=level:integer", "Air quality", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromRect(_rect(X0)))
    feature.setAttributes([5])
    layer.dataProvider().addFeatures([feature])
    symbol = QgsFillSymbol.createSimple({"color": "#3a9"})
    layer.setRenderer(
        QgsGraduatedSymbolRenderer(
            "level", [QgsRendererRange(QgsClassificationRange("Good (0-10 µg/m³)", 0.0, 10.0), symbol)]
        )
    )
    project.addMapLayer(layer)
    return layer


def test_the_legend_keeps_names_and_labels_not_bare_ranges(project, tmp_path):
    gaps = graduated_gaps(project)
    air = named_classes(project)
    output = tmp_path / "map.pdf"
    export_council_map([gaps, air], str(output), "Gaps", project=project)
    # One legend entry a line; pdftotext drops the spaces around a dash ("2 - 2" reads "2-2").
    lines = [" ".join(line.split()) for line in pdf_text_lines(output)]
    assert "Gap zones" in lines and "Air quality" in lines
    assert "Good (0-10 µg/m³)" in lines
    assert not [line for line in lines if is_bare_range(line.replace("-", " - "))], lines
    # The project's layers keep their legend: the filter is the council map's legend only.
    assert [r.label() for r in gaps.renderer().ranges()] == ["0 - 1", "2 - 2"]


def test_the_atlas_legend_fits_its_box_on_every_page(project, tmp_path):
    """The demo territory with its register: a full legend, and each page adds the outline of its commune (a rule
    matching the atlas feature, in the legend too). Measured without a page, it overflowed its box by that line."""
    from open_territory.plugin.profiles.profile import load_profile
    from open_territory.plugin.profiles.territory import load_territory
    from open_territory.plugin.register import create_register, import_rows
    from open_territory.plugin.toolbelt.metadata import DEMO_DIR
    from osgeo import ogr
    from qgis.core import QgsVectorLayer

    gpkg = str(tmp_path / "demo.gpkg")
    load_territory(load_profile("demo"), gpkg, offline=True)
    names = [layer.GetName() for layer in ogr.Open(gpkg) if layer.GetName() != "sources"]
    layers = [QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr") for name in names]
    for layer in layers:
        layer.loadDefaultStyle()
    register = create_register(str(tmp_path / "register.gpkg"))
    for table in ("challenges", "actors"):
        import_rows(register, table, f"{DEMO_DIR}/data/register/{table}.csv", geocode=False)
    shown = list(register.add_to_project(project).values()) + [layer for layer in layers if layer.isSpatial()]
    project.addMapLayers(layers)
    boundary = next(layer for layer in layers if layer.name() == "boundary")
    layout, atlas, _text = build_layout(shown, "Demo", coverage=boundary, project=project)
    legend = layout.itemById("legend")
    box = legend.rect().height()
    atlas.beginRender()
    for page in range(atlas.count()):
        atlas.seekTo(page)
        legend.updateFilterByMap(False)
        QgsLayoutExporter(layout).renderPageToImage(0, dpi=20)
        legend.setResizeToContents(True)
        legend.adjustBoxSize()
        needed = legend.rect().height()
        legend.setResizeToContents(False)
        assert needed <= box + 0.5, f"page {page}: the legend needs {needed:.1f} mm, its box is {box:.1f} mm"
    atlas.endRender()
