"""An Opendatasoft catalog search as a table: one row per dataset found, written through the layer writer.

`openterritory:ods_search` calls `search_catalog` for every page of the search, then `write_search_table`:
the table reaches the disk only once the search is complete, in the layer writer's one step, so a portal
that fails or a cancel half-way leaves the user's existing file as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from osgeo import ogr

from ...toolbelt.errors import Cancelled
from ...toolbelt.gdal_errors import with_gdal_exceptions
from ...toolbelt.layer_writer import OutputTarget, write_layer

if TYPE_CHECKING:  # names used in annotations only
    from qgis.core import QgsFeedback

    from . import OdsSource
    from .catalog import OdsDataset

PAGE = 100  # the API's own limit per page
COLUMNS = (
    ("dataset_id", ogr.OFTString),
    ("title", ogr.OFTString),
    ("description", ogr.OFTString),
    ("themes", ogr.OFTString),
    ("keywords", ogr.OFTString),
    ("publisher", ogr.OFTString),
    ("licence", ogr.OFTString),
    ("modified", ogr.OFTString),
    ("records_count", ogr.OFTInteger64),
    ("geographic", ogr.OFTInteger),  # a boolean (subtype below)
    ("geometry_field", ogr.OFTString),
    ("fields", ogr.OFTString),
    ("portal", ogr.OFTString),
    ("page_url", ogr.OFTString),
)


def dataset_row(info: OdsDataset) -> list:
    geometry = info.geometry_field
    return [
        info.dataset_id,
        info.title,
        info.description,
        "; ".join(info.themes),
        "; ".join(info.keywords),
        info.publisher,
        info.licence,
        info.modified,
        info.records_count,
        int(info.is_geographic),
        geometry.name if geometry else None,
        ", ".join(f.name for f in info.fields),
        info.portal,
        info.page_url,
    ]


def search_catalog(
    source: OdsSource,
    portal: str,
    query: str = "",
    theme: str = "",
    geo_only: bool = False,
    limit: int = PAGE,
    authcfg: str = "",
    feedback: QgsFeedback | None = None,
) -> tuple:
    """(total found, the first `limit` datasets) of a catalog search, page after page. Raises Cancelled
    when the feedback is cancelled between pages (the transport raises it within a page)."""
    found, total, offset = [], None, 0
    while len(found) < limit and (total is None or offset < total):
        if feedback is not None and feedback.isCanceled():
            raise Cancelled()
        page = min(PAGE, limit - len(found))
        total, datasets = source.search_datasets(portal, query, theme, geo_only, page, offset, authcfg, feedback)
        found.extend(datasets[: limit - len(found)])
        offset += page
        if feedback is not None:
            feedback.setProgress(100.0 * min(1.0, len(found) / max(1, min(limit, total or 1))))
    return total or 0, found


def write_search_table(datasets: list, target: OutputTarget, feedback: QgsFeedback | None = None) -> int:
    """The datasets as a table without geometry in `target`, through the layer writer; returns the count."""

    @with_gdal_exceptions
    def produce(scratch: str, layer: str, layer_options: list) -> None:
        dataset = ogr.GetDriverByName("GPKG").CreateDataSource(scratch)
        options = [option for option in layer_options if not option.startswith("SPATIAL_INDEX")]
        table = dataset.CreateLayer(layer, geom_type=ogr.wkbNone, options=options)
        for name, kind in COLUMNS:
            definition = ogr.FieldDefn(name, kind)
            if name == "geographic":
                definition.SetSubType(ogr.OFSTBoolean)
            table.CreateField(definition)
        table.StartTransaction()
        for info in datasets:
            feature = ogr.Feature(table.GetLayerDefn())
            for (name, _kind), value in zip(COLUMNS, dataset_row(info)):
                if value is not None:
                    feature.SetField(name, value)
            table.CreateFeature(feature)
        table.CommitTransaction()
        dataset = None

    return write_layer(target, produce, feedback)
