#!/usr/bin/env python3
"""Writes the council map templates resources/layouts/council_<A4|A3>_<portrait|landscape>.qpt.

The templates are ordinary QGIS print layout templates: a user can open one in the layout designer,
move things and save it back. This script is how they were made (one geometry, scaled to the page),
so that the four stay consistent; run it again after changing the geometry:

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_layouts.py

Items carry the ids the export fills in (plugin/export/layout_template.py ITEM_IDS): title, subtitle,
date, map, legend, scalebar, north_arrow, logo, sources. Everything is black on white, so the map
reads in black-and-white print; the texts are placeholders replaced at export time.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from headless import REPO, start_qgis  # noqa: E402

LAYOUTS = os.path.join(REPO, "resources", "layouts")
PAGES = {"A4": (210.0, 297.0), "A3": (297.0, 420.0)}
FONT = "Arial"  # fontconfig substitutes Liberation Sans or DejaVu Sans where Arial is missing


def geometry(width: float, height: float, landscape: bool, k: float) -> dict:
    """Rectangles (x, y, w, h) in mm of each item, for a page of `width` x `height`."""
    m = 10 * k
    header = 24 * k
    logo_w, logo_h = 36 * k, 18 * k
    boxes = {
        "logo": (width - m - logo_w, m - 2 * k, logo_w, logo_h),
        "title": (m, m - 2 * k, width - 2 * m - logo_w - 4 * k, 12 * k),
        "subtitle": (m, m + 10.5 * k, width - 2 * m - logo_w - 4 * k, 8 * k),
    }
    top = m + header - 2 * k
    if landscape:
        column = 64 * k
        gap = 5 * k
        sources_h = 22 * k
        map_w = width - 2 * m - column - gap
        map_h = height - top - m - sources_h - 3 * k
        col_x = m + map_w + gap
        map_bottom = top + map_h
        arrow_w, arrow_h = 10 * k, 16 * k
        boxes.update(
            {
                "map": (m, top, map_w, map_h),
                "legend": (col_x, top, column, map_h - arrow_h - 6 * k),
                "north_arrow": (col_x, map_bottom - arrow_h, arrow_w, arrow_h),
                "scalebar": (col_x + arrow_w + 5 * k, map_bottom - 11 * k, column - arrow_w - 5 * k, 11 * k),
                "sources": (m, map_bottom + 3 * k, map_w, sources_h),
                "date": (col_x, map_bottom + 3 * k, column, 12 * k),
            }
        )
    else:
        sources_h = 24 * k
        map_w = width - 2 * m
        map_h = (height - top - m) * 0.66
        map_bottom = top + map_h
        below = height - m - sources_h - 3 * k - (map_bottom + 4 * k)
        side = 58 * k
        arrow_w, arrow_h = 10 * k, 16 * k
        boxes.update(
            {
                "map": (m, top, map_w, map_h),
                "legend": (m, map_bottom + 4 * k, map_w - side - 5 * k, below),
                "north_arrow": (width - m - arrow_w, map_bottom + 4 * k, arrow_w, arrow_h),
                "scalebar": (width - m - side, map_bottom + 4 * k + arrow_h + 3 * k, side, 11 * k),
                "date": (width - m - side, map_bottom + 4 * k + arrow_h + 16 * k, side, 12 * k),
                "sources": (m, height - m - sources_h, map_w, sources_h),
            }
        )
    return boxes


def build(project, page: str, orientation: str):
    from qgis.core import (
        QgsLayoutItemLabel,
        QgsLayoutItemLegend,
        QgsLayoutItemMap,
        QgsLayoutItemPage,
        QgsLayoutItemPicture,
        QgsLayoutItemScaleBar,
        QgsLayoutMeasurement,
        QgsLayoutPoint,
        QgsLayoutSize,
        QgsLegendStyle,
        QgsPrintLayout,
        QgsRectangle,
        QgsScaleBarSettings,
        QgsTextFormat,
        QgsUnitTypes,
    )
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QColor, QFont

    short, long = PAGES[page]
    landscape = orientation == "landscape"
    width, height = (long, short) if landscape else (short, long)
    k = width / 297.0 if landscape else width / 210.0
    text_k = 1.0 if page == "A4" else 1.25
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(f"Open Territory council map {page} {orientation}")
    layout.pageCollection().page(0).setPageSize(
        page, QgsLayoutItemPage.Landscape if landscape else QgsLayoutItemPage.Portrait
    )
    boxes = geometry(width, height, landscape, k)
    black = QColor(0, 0, 0)

    def place(item, key):
        x, y, w, h = boxes[key]
        item.setId(key)
        layout.addLayoutItem(item)
        item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
        item.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutMillimeters))
        return item

    def label(key, text, size, bold=False, halign=Qt.AlignLeft, valign=Qt.AlignTop):
        item = QgsLayoutItemLabel(layout)
        item.setText(text)
        font = QFont(FONT)
        font.setPointSizeF(size * text_k)
        font.setBold(bold)
        item.setFont(font)
        item.setFontColor(black)
        item.setHAlign(halign)
        item.setVAlign(valign)
        item.setMargin(0)
        return place(item, key)

    label("title", "Title", 20, bold=True, valign=Qt.AlignBottom)
    label("subtitle", "Subtitle", 12)
    label("date", "Date", 8, halign=Qt.AlignRight)
    label("sources", "Sources", 7)

    map_item = QgsLayoutItemMap(layout)
    map_item.setFrameEnabled(True)
    map_item.setFrameStrokeColor(black)
    map_item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3 * k, QgsUnitTypes.LayoutMillimeters))
    map_item.setBackgroundColor(QColor(255, 255, 255))
    place(map_item, "map")
    # A valid extent of the item's shape, so that the layout designer and zoomToExtent work from the template.
    map_item.setExtent(QgsRectangle(0, 0, boxes["map"][2] * 100, boxes["map"][3] * 100))

    legend = QgsLayoutItemLegend(layout)
    legend.setTitle("Legend")
    legend.setLinkedMap(map_item)
    legend.setResizeToContents(False)
    legend.setFrameEnabled(False)
    legend.setBackgroundEnabled(False)
    legend.setSymbolWidth(6 * k)
    legend.setSymbolHeight(4 * k)
    for style, size, bold in (
        (QgsLegendStyle.Title, 11, True),
        (QgsLegendStyle.Group, 9, True),
        (QgsLegendStyle.Subgroup, 9, True),
        (QgsLegendStyle.SymbolLabel, 8, False),
    ):
        font = QFont(FONT)
        font.setPointSizeF(size * text_k)
        font.setBold(bold)
        legend.rstyle(style).setFont(font)
    legend.setFontColor(black)
    place(legend, "legend")

    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setStyle("Single Box")
    scalebar.setLinkedMap(map_item)
    scalebar.setUnits(QgsUnitTypes.DistanceKilometers)
    scalebar.setUnitLabel("km")
    scalebar.setNumberOfSegments(2)
    scalebar.setNumberOfSegmentsLeft(0)
    scalebar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
    x, y, w, h = boxes["scalebar"]
    scalebar.setMinimumBarWidth(w * 0.45)
    scalebar.setMaximumBarWidth(w * 0.85)
    scalebar.setHeight(2.5 * k)
    font = QFont(FONT)
    font.setPointSizeF(7 * text_k)
    text_format = QgsTextFormat.fromQFont(font)
    text_format.setColor(black)
    scalebar.setTextFormat(text_format)
    place(scalebar, "scalebar")

    arrow = QgsLayoutItemPicture(layout)
    arrow.setPicturePath(os.path.join(LAYOUTS, "north_arrow.svg"))
    arrow.setLinkedMap(map_item)
    arrow.setResizeMode(QgsLayoutItemPicture.Zoom)
    place(arrow, "north_arrow")

    logo = QgsLayoutItemPicture(layout)
    logo.setResizeMode(QgsLayoutItemPicture.Zoom)
    logo.setPictureAnchor(QgsLayoutItemPicture.UpperRight)
    place(logo, "logo")
    return layout


def main() -> int:
    app = start_qgis(processing=False)
    try:
        from qgis.core import QgsProject, QgsReadWriteContext

        project = QgsProject()
        os.makedirs(LAYOUTS, exist_ok=True)
        for page in PAGES:
            for orientation in ("landscape", "portrait"):
                layout = build(project, page, orientation)
                path = os.path.join(LAYOUTS, f"council_{page}_{orientation}.qpt")
                if not layout.saveAsTemplate(path, QgsReadWriteContext()):
                    print(f"make_layouts: could not write {path}", file=sys.stderr)
                    return 1
                # The north arrow is found beside the template at export time, not at this checkout's path.
                with open(path, encoding="utf-8") as handle:
                    text = handle.read()
                text = text.replace(os.path.join(LAYOUTS, "north_arrow.svg"), "north_arrow.svg")
                with open(path, "w", encoding="utf-8") as handle:
                    handle.write(text)
                print(path)
        return 0
    finally:
        app.exitQgis()


if __name__ == "__main__":
    sys.exit(main())
