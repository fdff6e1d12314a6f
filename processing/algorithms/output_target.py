"""Where a source algorithm writes its OUTPUT: a file path, the GDAL driver for it, the layer name.

Processing hands over a plain path (TEMPORARY_OUTPUT resolves to a .gpkg), a path with another
extension the user picked (.geojson, .shp, .fgb...), or an `ogr:dbname='...' table="..."` URI when
the user saves into a layer of an existing GeoPackage.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from qgis.core import QgsProcessingException, QgsVectorFileWriter

from ...plugin.toolbelt.i18n import tr


def layer_name_for(text: str, fallback: str) -> str:
    """A GeoPackage layer name from a dataset id, slug or title: word characters and dashes only."""
    name = re.sub(r"[^\w-]+", "_", text or "", flags=re.UNICODE).strip("_")[:60]
    return name or fallback


OGR_URI = re.compile(r"^ogr:dbname='(?P<path>(?:[^']|'')+)'\s+table=\"(?P<table>(?:[^\"]|\"\")+)\"")


@dataclass
class OutputTarget:
    path: str
    layer: str
    driver: str
    append: bool  # write a new layer into an existing GeoPackage

    def result_value(self) -> str:
        """What the algorithm returns for OUTPUT, so that QGIS loads the right layer."""
        return f"{self.path}|layername={self.layer}" if self.append else self.path


def resolve_output(destination: str, default_layer: str) -> OutputTarget:
    match = OGR_URI.match(destination or "")
    if match:
        path = match.group("path").replace("''", "'")
        layer = match.group("table").replace('""', '"')
        return OutputTarget(path, layer, "GPKG", os.path.exists(path))
    path = destination
    extension = os.path.splitext(path)[1].lower().lstrip(".")
    if extension in ("", "gpkg"):
        if not extension:
            path += ".gpkg"
        return OutputTarget(path, default_layer, "GPKG", False)
    driver = QgsVectorFileWriter.driverForExtension(extension)
    if not driver:
        raise QgsProcessingException(tr("No GDAL driver writes this file extension") + f": .{extension} ({path})")
    layer = default_layer if driver in ("SQLite",) else os.path.splitext(os.path.basename(path))[0]
    return OutputTarget(path, layer, driver, False)
