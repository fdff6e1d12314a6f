"""The territory's outline: the communes of an EPCI, a list of communes, or a file.

Commune outlines come from geo.api.gouv.fr (`/communes?codeEpci=<siren>&format=geojson&geometry=contour`)
through the plugin's Transport, so the proxy settings, the disk cache and offline mode apply. Outlines
change once a year at most: a cached reply younger than BOUNDARY_MAX_AGE is used without asking.
"""

from __future__ import annotations

import json
import os
import tempfile
from typing import TYPE_CHECKING

from osgeo import ogr
from qgis.core import QgsFeedback

from ..sources.base import FetchResult
from ..toolbelt.errors import InputError, ReplyError
from ..toolbelt.gdal_errors import with_gdal_exceptions
from ..toolbelt.i18n import tr
from ..toolbelt.layer_writer import OutputTarget, utc_now_iso, write_resource_layer

if TYPE_CHECKING:  # names used in annotations only
    from ..toolbelt.network import Transport

GEO_API = "https://geo.api.gouv.fr"
GEO_API_LICENCE = "Licence Ouverte / Open Licence 2.0"
BOUNDARY_MAX_AGE = 30 * 86400
BOUNDARY_LAYER = "boundary"
LIST_AS_TEXT = ["-mapFieldType", "StringList=String,IntegerList=String"]  # codesPostaux is a list


def boundary_requests(spec: dict) -> list:
    """(url, params) of the geo.api.gouv.fr calls the boundary needs (none for a file)."""
    server = (spec.get("server") or GEO_API).rstrip("/")
    if spec.get("epci"):
        return [(f"{server}/communes", {"codeEpci": spec["epci"], "format": "geojson", "geometry": "contour"})]
    return [
        (f"{server}/communes/{code}", {"format": "geojson", "geometry": "contour"}) for code in spec.get("communes", [])
    ]


def boundary_dataset(spec: dict) -> str:
    if spec.get("epci"):
        return f"epci:{spec['epci']}"
    if spec.get("communes"):
        return "communes:" + ",".join(spec["communes"])
    return os.path.basename(spec.get("file", ""))


def _features(payload) -> list:
    if isinstance(payload, dict) and payload.get("type") == "FeatureCollection":
        return payload.get("features") or []
    if isinstance(payload, dict) and payload.get("type") == "Feature":
        return [payload]
    if isinstance(payload, list):  # plain JSON list of communes with a `contour` member
        return [
            {
                "type": "Feature",
                "geometry": item.get("contour"),
                "properties": {k: v for k, v in item.items() if k != "contour"},
            }
            for item in payload
            if isinstance(item, dict) and item.get("contour")
        ]
    return []


@with_gdal_exceptions
def fetch_boundary(
    spec: dict, transport: Transport, target: OutputTarget, base_dir: str = "", feedback: QgsFeedback | None = None
) -> FetchResult:
    """Write the territory's communes into `target` (its layer: BOUNDARY_LAYER in a territory), with the
    common fields, through the layer writer."""
    fetched_at = utc_now_iso()
    common = {"category": "other", "fetched_at": fetched_at}
    if spec.get("file"):
        path = spec["file"] if os.path.isabs(spec["file"]) else os.path.join(base_dir, spec["file"])
        if not os.path.exists(path):
            raise InputError(tr("The boundary file does not exist") + f": {path}")
        common.update(source="file", source_dataset=os.path.basename(path), licence=spec.get("licence", ""))
        options = dict(geometry_type="PROMOTE_TO_MULTI", extra_options=["-t_srs", "EPSG:4326"])
        count = write_resource_layer(path, target, common, feedback, name_field="nom", **options)
        return FetchResult(target.layer, count, "file", os.path.basename(path), "", path, fetched_at)

    requests = boundary_requests(spec)
    if not requests:
        raise InputError(tr("The profile's boundary names no EPCI, commune or file"))
    features, replies = [], []
    for url, params in requests:
        reply = transport.get(url, params=params, expect="json", max_age=BOUNDARY_MAX_AGE)
        replies.append(reply)
        found = _features(reply.json())
        if not found:
            raise ReplyError(tr("geo.api.gouv.fr returned no commune outline") + f": {reply.url}")
        features.extend(found)
    server = (spec.get("server") or GEO_API).rstrip("/")
    common.update(source=server, source_dataset=boundary_dataset(spec), licence=GEO_API_LICENCE)
    options = dict(name_field="nom", geometry_type="MULTIPOLYGON", extra_options=LIST_AS_TEXT)
    if len(requests) == 1:
        count = write_resource_layer(replies[0].path, target, common, feedback, **options)
    else:
        # Several small replies of one Feature each: one collection for one GDAL write.
        handle, path = tempfile.mkstemp(suffix=".geojson")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({"type": "FeatureCollection", "features": features}, out)
        try:
            count = write_resource_layer(path, target, common, feedback, **options)
        finally:
            os.remove(path)
    return FetchResult(target.layer, count, server, boundary_dataset(spec), GEO_API_LICENCE, replies[0].url, fetched_at)


@with_gdal_exceptions
def layer_extent(path: str, layer_name: str = BOUNDARY_LAYER) -> list | None:
    """[xmin, ymin, xmax, ymax] of a layer in EPSG:4326 (the boundary is written in 4326), or None."""
    dataset = ogr.Open(path)
    if dataset is None:
        return None
    layer = dataset.GetLayerByName(layer_name)
    if layer is None or layer.GetFeatureCount() == 0:
        return None
    xmin, xmax, ymin, ymax = layer.GetExtent()
    return [round(xmin, 6), round(ymin, 6), round(xmax, 6), round(ymax, 6)]
