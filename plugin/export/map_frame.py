"""The council map's map item: its CRS and extent, its scale bar, and the atlas that moves it page by page.

The CRS is the one asked, else the project's, else the first layer's; a geographic CRS becomes the UTM
zone of the map's centre (a council map needs metres). The extent is the one given (in any CRS), else
the layers' extent, grown to the map item's shape. With a coverage layer (communes, districts) the
layout is an atlas: one page per feature, the map following the feature, the page named by the
feature's name field (`nom`, `name`...), shown as the subtitle. On each page the page's feature is outlined
and the others are greyed: a style override of this map item only (driven by `@atlas_featureid`), so the
coverage layer's own style in the project stays as it is, and the layout keeps it when saved in the project.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..toolbelt.errors import InputError
from ..toolbelt.i18n import tr

if TYPE_CHECKING:
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsLayoutAtlas,
        QgsLayoutItemMap,
        QgsPrintLayout,
        QgsProject,
        QgsRectangle,
        QgsVectorLayer,
    )

PAGE_SYMBOL = {"color": "0,0,0,0", "outline_color": "35,35,35,255", "outline_width": "0.9"}
OTHERS_SYMBOL = {"color": "160,160,160,120", "outline_color": "150,150,150,255", "outline_width": "0.2"}
NAME_FIELDS = ("nom", "name", "nom_com", "nom_commune", "libelle", "libgeo", "nom_quartier", "quartier", "label")
ATLAS_MARGIN = 0.08


def name_field(layer: QgsVectorLayer) -> str | None:
    """The field naming a coverage feature (nom, name...), else the first text field, else None."""
    from qgis.PyQt.QtCore import QVariant

    names = {f.name().lower(): f.name() for f in layer.fields()}
    for candidate in NAME_FIELDS:
        if candidate in names:
            return names[candidate]
    for f in layer.fields():
        if f.type() == QVariant.String and f.name().lower() not in ("fid", "source", "licence", "category"):
            return f.name()
    return None


def map_crs(
    layers: list, project: QgsProject, crs: QgsCoordinateReferenceSystem | None = None
) -> QgsCoordinateReferenceSystem:
    """The map's CRS: the one asked, else the project's, else the first layer's (see `projected`)."""
    from qgis.core import QgsCoordinateReferenceSystem

    for candidate in (crs, project.crs() if project is not None else None):
        if candidate is not None and candidate.isValid():
            chosen = candidate
            break
    else:
        chosen = layers[0].crs()
    return chosen if chosen.isValid() else QgsCoordinateReferenceSystem("EPSG:3857")


def projected(crs: QgsCoordinateReferenceSystem, centre_wgs84: tuple) -> QgsCoordinateReferenceSystem:
    """A geographic CRS becomes the UTM zone of the map's centre: a council map needs metres (true shapes,
    a scale bar in metres or kilometres)."""
    from qgis.core import QgsCoordinateReferenceSystem

    if not crs.isGeographic():
        return crs
    lon, lat = centre_wgs84
    zone = min(60, max(1, int((lon + 180) // 6) + 1))
    return QgsCoordinateReferenceSystem(f"EPSG:{32600 + zone if lat >= 0 else 32700 + zone}")


def transformed_extent(
    rect: QgsRectangle,
    source_crs: QgsCoordinateReferenceSystem,
    dest_crs: QgsCoordinateReferenceSystem,
    project: QgsProject,
) -> QgsRectangle:
    from qgis.core import QgsCoordinateTransform, QgsCsException

    if not source_crs.isValid() or source_crs == dest_crs:
        return rect
    try:
        return QgsCoordinateTransform(source_crs, dest_crs, project).transformBoundingBox(rect)
    except QgsCsException as error:
        raise InputError(tr("The extent cannot be transformed to the map's coordinate system") + f": {error}") from None


def layers_extent(layers: list, crs: QgsCoordinateReferenceSystem, project: QgsProject) -> QgsRectangle:
    from qgis.core import QgsRectangle

    extent = QgsRectangle()
    extent.setMinimal()
    for layer in layers:
        rect = layer.extent()
        if rect.isNull() or not rect.isFinite():
            continue
        extent.combineExtentWith(transformed_extent(rect, layer.crs(), crs, project))
    if extent.isNull() or not extent.isFinite():
        raise InputError(tr("The layers have nothing to show: give an extent"))
    if extent.width() == 0 or extent.height() == 0:
        extent.grow(500 if not crs.isGeographic() else 0.005)
    extent.scale(1.05)
    return extent


def fit_aspect(extent: QgsRectangle, width: float, height: float) -> QgsRectangle:
    """`extent` grown around its centre to the map item's width/height ratio (the item shows all of it)."""
    from qgis.core import QgsRectangle

    ratio = width / height
    w, h = extent.width(), extent.height()
    if w / h < ratio:
        w = h * ratio
    else:
        h = w / ratio
    centre = extent.center()
    return QgsRectangle(centre.x() - w / 2, centre.y() - h / 2, centre.x() + w / 2, centre.y() + h / 2)


def frame_map(
    map_item: QgsLayoutItemMap,
    layers: list,
    project: QgsProject,
    extent: QgsRectangle | None = None,
    crs: QgsCoordinateReferenceSystem | None = None,
) -> None:
    """The map item shows `layers` (first on top) in the map's CRS (see `map_crs`, `projected`), over `extent`
    (QgsRectangle in the map CRS, or QgsReferencedRectangle; by default the layers' extent)."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsCsException,
        QgsRectangle,
        QgsReferencedRectangle,
    )

    chosen = map_crs(layers, project, crs)
    if extent is not None and not isinstance(extent, QgsRectangle):
        raise InputError(tr("The extent is not a rectangle"))
    extent_crs = extent.crs() if isinstance(extent, QgsReferencedRectangle) else chosen
    if not extent_crs.isValid():
        extent_crs = chosen
    if extent is not None and (extent.isNull() or extent.isEmpty()):
        extent = None
    if extent is None:
        extent, extent_crs = layers_extent(layers, chosen, project), chosen
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    try:
        centre = QgsCoordinateTransform(extent_crs, wgs84, project).transform(extent.center())
    except QgsCsException as error:
        raise InputError(tr("The extent cannot be transformed to the map's coordinate system") + f": {error}") from None
    final_crs = projected(chosen, (centre.x(), centre.y()))
    extent = transformed_extent(QgsRectangle(extent), extent_crs, final_crs, project)
    map_item.setCrs(final_crs)
    map_item.setLayers(list(layers))
    map_item.setKeepLayerSet(True)
    map_item.setExtent(fit_aspect(extent, map_item.rect().width(), map_item.rect().height()))


def fill_scalebar(layout: QgsPrintLayout) -> None:
    """Metres for a town, kilometres once the map is 5 km wide or more."""
    from qgis.core import QgsUnitTypes

    scalebar = layout.itemById("scalebar")
    units = scalebar.guessUnits()
    map_item = layout.itemById("map")
    if (
        units == QgsUnitTypes.DistanceMeters
        and map_item.crs().mapUnits() == QgsUnitTypes.DistanceMeters
        and map_item.extent().width() >= 5000
    ):
        units = QgsUnitTypes.DistanceKilometers
    scalebar.setUnits(units)
    scalebar.setUnitLabel(QgsUnitTypes.toAbbreviatedString(units))
    scalebar.update()


def highlight_page(map_item: QgsLayoutItemMap, coverage: QgsVectorLayer) -> None:
    """On every atlas page, the page's feature outlined and the other features greyed, through a rule-based
    style overriding the coverage layer's on this map only. The coverage is added under the layers shown when
    it is not among them."""
    from qgis.core import QgsFillSymbol, QgsMapLayerStyle, QgsRuleBasedRenderer

    layers = map_item.layers()
    if coverage.id() not in [layer.id() for layer in layers]:
        map_item.setLayers(layers + [coverage])
    root = QgsRuleBasedRenderer.Rule(None)
    for symbol, expression, label in (
        (OTHERS_SYMBOL, "$id <> @atlas_featureid", tr("Other areas")),
        (PAGE_SYMBOL, "$id = @atlas_featureid", tr("Area of this page")),
    ):
        root.appendChild(
            QgsRuleBasedRenderer.Rule(QgsFillSymbol.createSimple(symbol), filterExp=expression, label=label)
        )
    styled = coverage.clone()
    styled.setRenderer(QgsRuleBasedRenderer(root))
    style = QgsMapLayerStyle()
    style.readFromLayer(styled)
    map_item.setKeepLayerStyles(True)
    map_item.setLayerStyleOverrides({coverage.id(): style.xmlData()})


def setup_atlas(
    layout: QgsPrintLayout, coverage: QgsVectorLayer, map_item: QgsLayoutItemMap, subtitle: str
) -> QgsLayoutAtlas:
    """One page per coverage feature, sorted and named by its name field; returns the atlas."""
    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage)
    atlas.setEnabled(True)
    field = name_field(coverage)
    expression = f'"{field}"' if field else "@atlas_featureid"
    atlas.setPageNameExpression(expression)
    atlas.setSortFeatures(True)
    atlas.setSortExpression(expression)
    atlas.setHideCoverage(False)
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(map_item.Auto)
    map_item.setAtlasMargin(ATLAS_MARGIN)
    highlight_page(map_item, coverage)
    page_text = "[% @atlas_pagename %]"
    layout.itemById("subtitle").setText(f"{subtitle} — {page_text}" if subtitle else page_text)
    layout.itemById("subtitle").setVisibility(True)
    count = atlas.updateFeatures()
    if count == 0:
        raise InputError(tr("The coverage layer has no feature: no page to make") + f": {coverage.name()}")
    return atlas
