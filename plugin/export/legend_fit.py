"""The council map's legend: only the layers shown, filtered by what the map shows, fitted to its box."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..toolbelt.i18n import tr

if TYPE_CHECKING:
    from qgis.core import QgsPrintLayout


def fill_legend(layout: QgsPrintLayout, layers: list) -> None:
    """Only the layers shown, in map order, entries filtered to what the map shows. When the entries do not
    fit the legend's box: more columns while they fit its width, then smaller text and symbols."""
    from qgis.core import QgsLayoutExporter, QgsLayoutSize, QgsLegendStyle, QgsUnitTypes
    from qgis.PyQt.QtCore import QSize

    legend = layout.itemById("legend")
    legend.setTitle(tr("Legend"))
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer in layers:
        root.addLayer(layer)
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
    columns = 1
    while h > height and columns < 4:
        legend.setColumnCount(columns + 1)
        w2, h2 = needed()
        if w2 > width:
            legend.setColumnCount(columns)
            break
        columns, w, h = columns + 1, w2, h2
    styles = (QgsLegendStyle.Title, QgsLegendStyle.Group, QgsLegendStyle.Subgroup, QgsLegendStyle.SymbolLabel)
    steps = 0
    while (h > height or w > width) and steps < 10:
        steps += 1
        for style in styles:
            font = legend.style(style).font()
            font.setPointSizeF(max(4.0, font.pointSizeF() * 0.9))
            legend.rstyle(style).setFont(font)
            legend.rstyle(style).setMargin(QgsLegendStyle.Top, legend.style(style).margin(QgsLegendStyle.Top) * 0.9)
        legend.setSymbolWidth(legend.symbolWidth() * 0.9)
        legend.setSymbolHeight(legend.symbolHeight() * 0.9)
        w, h = needed()
    legend.refresh()
