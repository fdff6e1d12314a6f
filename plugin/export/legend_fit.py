"""The council map's legend: only the layers shown, filtered by what the map shows, fitted to its box.

The legend says what things are: layer names and category labels. Class ranges that a graduated style
makes by itself ("2 - 2", "0.5 - 1.75") say nothing to a council and are left out; a class the style names
("Good (0-10 µg/m³)") stays.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..toolbelt.i18n import tr

if TYPE_CHECKING:
    from qgis.core import QgsLayoutItemLegend, QgsPrintLayout

NUMBER = r"[-+−]?\d[\d\s\u00a0\u202f]*(?:[.,]\d+)?\s*%?"
# A class range with nothing but numbers: "2 - 2", "0,5 – 1,75", "10 to 20", "10 à 20", "< 5", "> 5".
BARE_RANGE = re.compile(rf"^\s*(?:{NUMBER}\s*(?:-|–|—|to|à)\s*{NUMBER}|[<>≤≥]=?\s*{NUMBER})\s*$", re.IGNORECASE)


def is_bare_range(label: str) -> bool:
    """True for a class label that is only a numeric range (what a graduated style writes by itself)."""
    return bool(BARE_RANGE.match(label or ""))


def drop_bare_ranges(legend: QgsLayoutItemLegend) -> None:
    """Leave out the legend entries whose labels are bare class ranges. A layer whose every class is one (an
    analysis layer's graded colours) keeps one line, its strongest class's symbol with the layer's name, as a
    single-symbol layer shows: a legend filtered by the map hides a layer left with no entry at all."""
    from qgis.core import QgsLayerTree, QgsLegendRenderer, QgsLegendStyle, QgsMapLayerLegendUtils
    from qgis.PyQt.QtCore import Qt

    model = legend.model()
    for node in model.rootGroup().findLayers():
        if not QgsLayerTree.isLayer(node):
            continue
        entries = model.layerOriginalLegendNodes(node)
        keep = [i for i, entry in enumerate(entries) if not is_bare_range(str(entry.data(Qt.DisplayRole) or ""))]
        if len(keep) == len(entries):
            continue
        if not keep:
            keep = [len(entries) - 1]
            QgsMapLayerLegendUtils.setLegendNodeUserLabel(node, keep[0], node.name())
            QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Hidden)
        QgsMapLayerLegendUtils.setLegendNodeOrder(node, keep)
        model.refreshLayerLegend(node)


def shrink(legend: QgsLayoutItemLegend) -> None:
    """Text, margins and symbols a tenth smaller (text no smaller than 4 points)."""
    from qgis.core import QgsLegendStyle

    styles = (QgsLegendStyle.Title, QgsLegendStyle.Group, QgsLegendStyle.Subgroup, QgsLegendStyle.SymbolLabel)
    for style in styles:
        font = legend.style(style).font()
        font.setPointSizeF(max(4.0, font.pointSizeF() * 0.9))
        legend.rstyle(style).setFont(font)
        legend.rstyle(style).setMargin(QgsLegendStyle.Top, legend.style(style).margin(QgsLegendStyle.Top) * 0.9)
    legend.setSymbolWidth(legend.symbolWidth() * 0.9)
    legend.setSymbolHeight(legend.symbolHeight() * 0.9)


def fill_legend(layout: QgsPrintLayout, layers: list) -> None:
    """Only the layers shown, in map order, entries filtered to what the map shows. When the entries do not
    fit the legend's box: more columns while they fit its width, else smaller text and symbols."""
    from qgis.core import QgsLayoutExporter, QgsLayoutSize, QgsUnitTypes
    from qgis.PyQt.QtCore import QSize

    legend = layout.itemById("legend")
    legend.setTitle(tr("Legend"))
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer in layers:
        root.addLayer(layer)
    drop_bare_ranges(legend)
    legend.setLegendFilterByMapEnabled(True)
    legend.updateFilterByMap(False)
    legend.setResizeToContents(False)
    width, height = legend.rect().width(), legend.rect().height()
    # The legend measures itself (and applies its filter by map content) only once painted: one small paint.
    QgsLayoutExporter(layout).renderPageToImage(0, QSize(120, 85))

    def needed():
        legend.setResizeToContents(True)
        legend.adjustBoxSize()
        rect = legend.rect()
        legend.setResizeToContents(False)
        legend.attemptResize(QgsLayoutSize(width, height, QgsUnitTypes.LayoutMillimeters))
        return rect.width(), rect.height()

    w, h = needed()
    legend.setSplitLayer(True)
    legend.setEqualColumnWidth(False)
    columns, steps = 1, 0
    # Another column while the entries are too tall and the columns still fit the box's width, else smaller
    # text and symbols: smaller text makes room for a column that did not fit before.
    while (h > height or w > width) and steps < 12:
        if h > height and columns < 4:
            legend.setColumnCount(columns + 1)
            w2, h2 = needed()
            if w2 <= width:
                columns, w, h = columns + 1, w2, h2
                continue
            legend.setColumnCount(columns)
        steps += 1
        shrink(legend)
        w, h = needed()
    legend.refresh()
