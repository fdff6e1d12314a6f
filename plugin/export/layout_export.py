"""The filled layout written out: PDF and PNG export settings, QGIS's result checked, a PNG atlas as one
file per page.

PDFs are vector (forced vector output, text kept as text). A PNG atlas is one file per page,
`<output stem>_<page name>.png` beside the output path, all moved in once every page is made.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qgis.core import (
        QgsFeedback,
        QgsLayoutAtlas,
        QgsLayoutExporter,
    )

from ..toolbelt.errors import Cancelled, OpenTerritoryError
from ..toolbelt.i18n import tr

PDF_DPI = 300
PNG_DPI = 150


def check_export_result(result: QgsLayoutExporter.ExportResult, error: str, path: str) -> None:
    from qgis.core import QgsLayoutExporter

    if result == QgsLayoutExporter.Canceled:
        raise Cancelled(tr("Export cancelled"))
    if result != QgsLayoutExporter.Success:
        messages = {
            QgsLayoutExporter.FileError: tr("the file cannot be written"),
            QgsLayoutExporter.PrintError: tr("the PDF cannot be made"),
            QgsLayoutExporter.MemoryError: tr("not enough memory for the page at this resolution"),
            QgsLayoutExporter.SvgLayerError: tr("a layer cannot be exported"),
            QgsLayoutExporter.IteratorError: tr("the atlas cannot be prepared"),
        }
        detail = messages.get(result, str(result))
        # QGIS's own failure (a file it cannot write, memory, the atlas): neither the user's input nor a server.
        raise OpenTerritoryError(tr("QGIS could not export the map") + f" ({detail}): {error or path}", source=path)


def pdf_settings() -> QgsLayoutExporter.PdfExportSettings:
    from qgis.core import QgsLayoutExporter, QgsRenderContext

    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = PDF_DPI
    settings.forceVectorOutput = True
    settings.rasterizeWholeImage = False
    settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
    settings.exportMetadata = True
    settings.appendGeoreference = True
    settings.simplifyGeometries = True
    return settings


def png_settings() -> QgsLayoutExporter.ImageExportSettings:
    from qgis.core import QgsLayoutExporter

    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = PNG_DPI
    settings.generateWorldFile = False
    settings.exportMetadata = True
    return settings


def atlas_page_names(atlas: QgsLayoutAtlas) -> list:
    return [atlas.nameForPage(i) for i in range(atlas.count())]


def export_png_atlas(
    exporter: QgsLayoutExporter, atlas: QgsLayoutAtlas, output: str, feedback: QgsFeedback | None = None
) -> tuple:
    """One PNG per page, `<stem>_<page name>.png` beside `output`, all moved in once every page is made."""
    folder = os.path.dirname(os.path.abspath(output))
    stem = os.path.splitext(os.path.basename(output))[0]
    work = tempfile.mkdtemp(prefix=f".{stem}-", dir=folder)
    try:
        names, files, used = [], [], set()
        if not atlas.beginRender():
            raise OpenTerritoryError(tr("QGIS could not export the map") + ": " + tr("the atlas cannot be prepared"))
        count = atlas.count()
        for index in range(count):
            if feedback is not None:
                if feedback.isCanceled():
                    raise Cancelled(tr("Export cancelled"))
                feedback.setProgress(100.0 * index / count)
            atlas.seekTo(index)
            name = atlas.nameForPage(index)
            part = safe_file_part(name)
            file_name, n = f"{stem}_{part}.png", 2
            while file_name.lower() in used:
                file_name, n = f"{stem}_{part}_{n}.png", n + 1
            used.add(file_name.lower())
            check_export_result(exporter.exportToImage(os.path.join(work, file_name), png_settings()), "", file_name)
            names.append(name)
            files.append(os.path.join(folder, file_name))
        atlas.endRender()
        for path in files:
            os.replace(os.path.join(work, os.path.basename(path)), path)
        return files, names
    finally:
        shutil.rmtree(work, ignore_errors=True)


def safe_file_part(text: str) -> str:
    """A page name as a file name part: letters (accents kept), digits, - and _."""
    return re.sub(r"[^\w-]+", "_", str(text), flags=re.UNICODE).strip("_") or "page"
