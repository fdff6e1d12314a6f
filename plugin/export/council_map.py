"""Maps for council meetings: a print layout from a bundled template, filled and exported to PDF or PNG.

This is the orchestration: the inputs checked, the layout built from its parts and exported.
- layout_template.py: the templates (resources/layouts/council_<A4|A3>_<landscape|portrait>.qpt), their
  items found by id (ITEM_IDS) and filled: title, subtitle, date (in the user's language), north arrow,
  the territory's logo when given; the sources box's text comes from sources_text.py.
- map_frame.py: the map with the given layers, its CRS (UTM for a geographic one) and extent, the scale
  bar, and the atlas with a coverage layer (communes, districts): one page per feature, the map following
  the feature, the page named by the feature's name field (`nom`, `name`...), shown as the subtitle.
- legend_fit.py: a legend of those layers only (and of what the map shows), fitted to its box.
- layout_export.py: PDF (vector, text kept as text) or PNG; a PDF atlas is one file, a PNG atlas one
  file per page, `<output stem>_<page name>.png` beside the output path.

Layouts are not thread safe (QGIS's own layout export algorithms are no-threading), so this runs in the
main thread. The output is written beside its final path and moved in at the end: a failed or cancelled
export leaves what was there.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsFeedback,
        QgsPrintLayout,
        QgsProject,
        QgsRectangle,
        QgsVectorLayer,
    )

from ..toolbelt.errors import Cancelled, InputError, OpenTerritoryError
from ..toolbelt.gdal_errors import with_gdal_exceptions
from ..toolbelt.i18n import tr
from ..toolbelt.layer_writer import atomic_output
from ..toolbelt.logger import log
from .layout_export import atlas_page_names, check_export_result, export_png_atlas, pdf_settings, png_settings
from .layout_template import (
    ORIENTATIONS,
    PAGES,
    fill_pictures,
    latin_only,
    load_layout,
    local_date,
    no_ligatures,
    set_label,
    template_path,
)
from .legend_fit import fill_legend
from .map_frame import fill_scalebar, frame_map, setup_atlas
from .sources_text import collect_sources, sources_text

__all__ = [
    "FORMATS",
    "ORIENTATIONS",
    "PAGES",
    "build_layout",
    "export_council_map",
    "keep_in_project",
    "load_layout",
    "output_for_format",
]

FORMATS = ("pdf", "png")


def output_for_format(path: str, fmt: str) -> str:
    """The output path with the format's extension (FORMAT decides, the extension follows)."""
    stem, extension = os.path.splitext(path)
    if extension.lower() == f".{fmt}":
        return path
    if extension.lower() in tuple(f".{f}" for f in FORMATS):
        return f"{stem}.{fmt}"
    return f"{path}.{fmt}"


def check_inputs(layers: list, output: str, fmt: str, page: str, orientation: str) -> None:
    from qgis.core import QgsMapLayer

    if not layers:
        raise InputError(tr("Choose at least one layer to show on the map"))
    for layer in layers:
        if not isinstance(layer, QgsMapLayer):
            raise InputError(tr("Not a map layer") + f": {layer!r}")
        if not layer.isValid():
            raise InputError(tr("A layer to show is not valid") + f": {layer.name()}")
    if fmt not in FORMATS:
        raise InputError(tr("Unknown output format") + f" {fmt!r} ({', '.join(FORMATS)})")
    template_path(page, orientation)
    if not output:
        raise InputError(tr("Choose the output file"))
    folder = os.path.dirname(os.path.abspath(output))
    if os.path.isdir(output):
        raise InputError(tr("The output is a folder, not a file") + f": {output}")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:
        raise InputError(tr("The output folder cannot be created") + f": {folder} ({error.strerror})") from None
    if not os.access(folder, os.W_OK):
        raise InputError(tr("The output folder is not writable") + f": {folder}")


@with_gdal_exceptions
def build_layout(
    layers: list,
    title: str,
    extent: QgsRectangle | None = None,
    coverage: QgsVectorLayer | None = None,
    page: str = "A4",
    orientation: str = "landscape",
    subtitle: str | None = None,
    logo: str | None = None,
    project: QgsProject | None = None,
    crs: QgsCoordinateReferenceSystem | None = None,
) -> tuple:
    """The filled layout (not exported), and the sources text it shows."""
    from qgis.core import QgsProject

    project = project or QgsProject.instance()
    layout = load_layout(project, page, orientation)
    layout.setName(title or tr("Council map"))
    map_item = layout.itemById("map")
    frame_map(map_item, layers, project, extent, crs)

    subtitle = subtitle or ""
    set_label(layout, "title", title or "", fit="line")
    set_label(layout, "subtitle", subtitle, fit="line")
    set_label(layout, "date", tr("Map made on") + " " + local_date() + "\n" + tr("with QGIS and Open Territory"))
    text = sources_text(layers)
    set_label(layout, "sources", text, fit="box")
    fill_pictures(layout, logo)
    atlas = setup_atlas(layout, coverage, map_item, subtitle) if coverage is not None else None
    fill_scalebar(layout)
    if atlas is not None:
        # The legend is measured on a page: each page outlines its feature (map_frame.highlight_page), a rule
        # that matches nothing before the atlas has a page, and would then be left out of the measure.
        atlas.beginRender()
        atlas.first()
    fill_legend(layout, layers)
    if atlas is not None:
        atlas.endRender()
    if latin_only([title, subtitle, text] + [layer.name() for layer in layers]):
        no_ligatures(layout)
    return layout, atlas, text


def keep_in_project(layout: QgsPrintLayout, project: QgsProject) -> str:
    """Add the filled layout to the project's layouts, under its title (numbered when the title is taken), so that
    the user finishes it in QGIS's layout designer and the project saves it. Returns the name it got."""
    manager = project.layoutManager()
    base = layout.name() or tr("Council map")
    name, number = base, 2
    while manager.layoutByName(name) is not None:
        name, number = f"{base} ({number})", number + 1
    layout.setName(name)
    if not manager.addLayout(layout):
        raise OpenTerritoryError(tr("The layout could not be added to the project") + f": {name}")
    return name


@with_gdal_exceptions
def export_council_map(
    layers: list,
    output: str,
    title: str,
    extent: QgsRectangle | None = None,
    coverage: QgsVectorLayer | None = None,
    fmt: str = "pdf",
    page: str = "A4",
    orientation: str = "landscape",
    subtitle: str | None = None,
    logo: str | None = None,
    project: QgsProject | None = None,
    feedback: QgsFeedback | None = None,
    crs: QgsCoordinateReferenceSystem | None = None,
    keep_layout: bool = False,
) -> dict:
    """Export a council map of `layers` (first on top) into `output` (.pdf or .png).

    `extent` (QgsRectangle in the map CRS, or QgsReferencedRectangle) defaults to the layers' extent;
    `coverage` (polygon layer) makes an atlas, one page per feature. Returns OUTPUT (the file; for a PNG
    atlas the first page), FILES (every file written), PAGES, PAGE_NAMES, SOURCES (one line per source)
    and SOURCES_TEXT (the sources box); with `keep_layout`, the layout also stays in the project's layouts once
    exported, named LAYOUT (keep_in_project). Raises an InputError with a clear message on bad input,
    Cancelled when `feedback` is cancelled (toolbelt/errors.py)."""
    from qgis.core import QgsLayoutExporter, QgsProject

    layers = [layer for layer in (layers or []) if layer is not None]
    fmt = (fmt or "pdf").lower().lstrip(".")
    check_inputs(layers, output, fmt, page, orientation)
    if feedback is not None and feedback.isCanceled():
        raise Cancelled(tr("Export cancelled"))
    layout, atlas, text = build_layout(layers, title, extent, coverage, page, orientation, subtitle, logo, project, crs)
    entries, _unsourced = collect_sources(layers)
    result = {
        "SOURCES": [f"{e.source} — {e.licence}" if e.licence else e.source for e in entries],
        "SOURCES_TEXT": text,
    }
    exporter = QgsLayoutExporter(layout)
    if fmt == "pdf":
        with atomic_output(output) as tmp:
            if atlas is not None:
                code, error = QgsLayoutExporter.exportToPdf(atlas, tmp, pdf_settings(), feedback)
            else:
                code, error = exporter.exportToPdf(tmp, pdf_settings()), ""
            check_export_result(code, error, output)
            if feedback is not None and feedback.isCanceled():
                raise Cancelled(tr("Export cancelled"))
        names = atlas_page_names(atlas) if atlas is not None else []
        result.update(OUTPUT=output, FILES=[output], PAGES=len(names) or 1, PAGE_NAMES=names)
    elif atlas is None:
        with atomic_output(output) as tmp:
            check_export_result(exporter.exportToImage(tmp, png_settings()), "", output)
        result.update(OUTPUT=output, FILES=[output], PAGES=1, PAGE_NAMES=[])
    else:
        files, names = export_png_atlas(exporter, atlas, output, feedback)
        result.update(OUTPUT=files[0], FILES=files, PAGES=len(files), PAGE_NAMES=names)
    if keep_layout:
        result["LAYOUT"] = keep_in_project(layout, project or QgsProject.instance())
    if feedback is not None:
        feedback.setProgress(100)
    log(f"Council map: {result['OUTPUT']} ({result['PAGES']} page(s))")
    return result
