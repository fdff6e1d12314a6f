"""The council map's print layout: a bundled template, its items found by id and filled.

The templates are resources/layouts/council_<A4|A3>_<landscape|portrait>.qpt (made by
scripts/make_layouts.py, editable in QGIS's layout designer), each with every item of ITEM_IDS.
Here: loading a template, the text items (title, subtitle, date in the user's language, sources box)
with their font fitted to their box, the north arrow and the territory's logo, and text drawn without
ligatures so that the PDF's text reads back as typed.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qgis.core import (
        QgsPrintLayout,
        QgsProject,
    )
    from qgis.PyQt.QtGui import QFont

from ..toolbelt.errors import InputError, OpenTerritoryError
from ..toolbelt.i18n import tr, ui_language
from ..toolbelt.metadata import LAYOUTS_DIR

NORTH_ARROW = os.path.join(LAYOUTS_DIR, "north_arrow.svg")
ITEM_IDS = ("title", "subtitle", "date", "map", "legend", "scalebar", "north_arrow", "logo", "sources")
PAGES = ("A4", "A3")
ORIENTATIONS = ("landscape", "portrait")


def template_path(page: str = "A4", orientation: str = "landscape") -> str:
    if page not in PAGES:
        raise InputError(tr("Unknown page size") + f" {page!r} ({', '.join(PAGES)})")
    if orientation not in ORIENTATIONS:
        raise InputError(tr("Unknown page orientation") + f" {orientation!r} ({', '.join(ORIENTATIONS)})")
    return os.path.join(LAYOUTS_DIR, f"council_{page}_{orientation}.qpt")


def load_layout(project: QgsProject, page: str = "A4", orientation: str = "landscape") -> QgsPrintLayout:
    """A print layout from the bundled template, with every item of ITEM_IDS. A template that cannot be used is
    a damaged installation, neither the user's input nor a server's reply: the root error kind."""
    from qgis.core import QgsPrintLayout, QgsReadWriteContext
    from qgis.PyQt.QtXml import QDomDocument

    path = template_path(page, orientation)
    document = QDomDocument()
    with open(path, encoding="utf-8") as handle:
        if not document.setContent(handle.read()):
            raise OpenTerritoryError(tr("The layout template cannot be read") + f": {path}", source=path)
    layout = QgsPrintLayout(project)
    _items, ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not ok:
        raise OpenTerritoryError(tr("The layout template cannot be read") + f": {path}", source=path)
    missing = [key for key in ITEM_IDS if layout.itemById(key) is None]
    if missing:
        raise OpenTerritoryError(
            tr("The layout template lacks the items") + f" {', '.join(missing)}: {path}", source=path
        )
    return layout


def local_date() -> str:
    """Today in the map's language (the plugin's translation), whatever the system's locale says."""
    from qgis.PyQt.QtCore import QDate, QLocale

    return QLocale(ui_language()).toString(QDate.currentDate(), "d MMMM yyyy")


def fit_font_size(font: QFont, text: str, width_mm: float, height_mm: float, minimum: float = 4.5) -> QFont:
    """Shrink `font` until `text`, wrapped at word boundaries in `width_mm`, fits `height_mm`."""
    from qgis.core import QgsLayoutUtils

    size = font.pointSizeF()
    while True:
        font.setPointSizeF(size)
        line = QgsLayoutUtils.fontHeightMM(font) * 1.15
        lines = 0
        for paragraph in text.split("\n"):
            lines, current = lines + 1, ""
            for word in paragraph.split():
                candidate = f"{current} {word}".strip()
                if current and QgsLayoutUtils.textWidthMM(font, candidate) > width_mm:
                    lines += 1
                    current = word
                else:
                    current = candidate
        if lines * line <= height_mm or size <= minimum:
            return font
        size = max(minimum, size - 0.5)


def fit_one_line(font: QFont, text: str, width_mm: float, minimum: float = 8.0) -> QFont:
    from qgis.core import QgsLayoutUtils

    size = font.pointSizeF()
    while size > minimum:
        font.setPointSizeF(size)
        if QgsLayoutUtils.textWidthMM(font, text) <= width_mm:
            break
        size -= 0.5
    font.setPointSizeF(max(size, minimum))
    return font


def set_label(layout: QgsPrintLayout, key: str, text: str, fit: str | None = None) -> None:
    item = layout.itemById(key)
    item.setText(text)
    if fit:
        width = item.rect().width()
        height = item.rect().height()
        font = item.font()
        font = fit_one_line(font, text, width) if fit == "line" else fit_font_size(font, text, width, height)
        item.setFont(font)
    item.setVisibility(bool(text))


def fill_pictures(layout: QgsPrintLayout, logo: str | None) -> None:
    arrow = layout.itemById("north_arrow")
    arrow.setPicturePath(NORTH_ARROW)
    picture = layout.itemById("logo")
    if logo:
        if not os.path.isfile(logo):
            raise InputError(tr("The logo file does not exist") + f": {logo}")
        picture.setPicturePath(logo)
        picture.setVisibility(True)
    else:
        picture.setPicturePath("")
        picture.setVisibility(False)


COMPLEX_SCRIPTS = ((0x0590, 0x08FF), (0x0900, 0x109F), (0x1780, 0x18AF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))


def latin_only(texts: list) -> bool:
    """True when no text needs complex shaping (Hebrew, Arabic, Indic, South-East Asian scripts...)."""
    return not any(
        low <= ord(character) <= high
        for text in texts
        if text
        for character in str(text)
        for low, high in COMPLEX_SCRIPTS
    )


def no_ligatures(layout: QgsPrintLayout) -> None:
    """Text drawn without ligatures, so that the PDF's text reads back as typed ("Traffic", not "Traﬃc"):
    searching and copying from the PDF find the words. Only for scripts that need no shaping."""
    from qgis.core import QgsLegendStyle
    from qgis.PyQt.QtGui import QFont

    def plain(font):
        font.setStyleStrategy(QFont.PreferNoShaping)
        return font

    for key in ("title", "subtitle", "date", "sources"):
        item = layout.itemById(key)
        item.setFont(plain(item.font()))
    legend = layout.itemById("legend")
    for style in (QgsLegendStyle.Title, QgsLegendStyle.Group, QgsLegendStyle.Subgroup, QgsLegendStyle.SymbolLabel):
        legend.rstyle(style).setFont(plain(legend.style(style).font()))
    scalebar = layout.itemById("scalebar")
    text_format = scalebar.textFormat()
    text_format.setFont(plain(text_format.font()))
    scalebar.setTextFormat(text_format)
