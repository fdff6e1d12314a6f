"""A downloaded file of any kind catalogs serve (GeoJSON, zipped shapefile, GeoPackage, CSV with
coordinates, KML, JSON records) written as a resource layer with the common fields.

Shared by the catalog sources (data.gouv.fr, RUDI, through sources.base.load_download). The kind is
read from the file's first bytes, the declared format being only a hint: catalogs often label a zip
"csv" or a GeoJSON "json".
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import uuid

from osgeo import gdal
from qgis.core import QgsFeedback

from ..toolbelt import safe_json
from ..toolbelt.errors import ReplyError
from ..toolbelt.gdal_errors import with_gdal_exceptions
from ..toolbelt.i18n import tr
from ..toolbelt.layer_checks import ScratchCheck
from ..toolbelt.layer_writer import OutputTarget, write_resource_layer
from .names import guess_name_field, normalize_name
from .safe_zip import safe_extract
from .tabular import LAT_NAMES, LON_NAMES, prepare_csv

# In a zip, the first of these found is loaded (others are named in a warning).
MEMBER_PREFERENCE = (".gpkg", ".shp", ".geojson", ".json", ".kml", ".gml", ".csv", ".tsv", ".txt")
# JSON that is not GeoJSON (a list of records) is read by safe_json and converted record by record in
# Python: GDAL's JSON drivers read GeoJSON, ESRI JSON and TopoJSON but not a bare list of records.
# 50 MB of records take about 6 s and 600 MB of memory; four times that would stall or exhaust a laptop.
JSON_RECORDS_MAX_BYTES = 50 * 1024 * 1024


def sniff_kind(path: str, declared: str = "") -> str:
    """ "zip", "gpkg", "json", "kml", "gml", "csv", "gdal" or "html" from the first bytes (declared kind
    as a tie-break); "gdal" for binary formats GDAL recognizes by their extension (shapefile...)."""
    if os.path.splitext(path)[1].lower() in (".shp", ".gpkg", ".fgb", ".gml", ".kml", ".geojson"):
        return "gdal"
    with open(path, "rb") as handle:
        head = handle.read(4096)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(b"SQLite format 3\x00"):
        return "gpkg"
    if stripped[:1] in (b"{", b"["):
        return "json"
    lowered = stripped[:400].lower()
    if lowered.startswith(b"<!doctype html") or lowered.startswith(b"<html"):
        return "html"
    if lowered.startswith(b"<?xml") or lowered.startswith(b"<"):
        if b"<kml" in head.lower():
            return "kml"
        return "gml"
    return declared if declared in ("csv", "shapefile") else "csv"


@with_gdal_exceptions
def geometry_layer(path: str) -> tuple:
    """(layer name, other layer names) of the first layer with a geometry in a GDAL dataset."""
    try:
        dataset = gdal.OpenEx(path, gdal.OF_VECTOR)
    except RuntimeError as error:
        raise ReplyError(tr("GDAL cannot read the downloaded file") + f": {error}") from None
    names, spatial = [], []
    for index in range(dataset.GetLayerCount()):
        layer = dataset.GetLayer(index)
        names.append(layer.GetName())
        if layer.GetGeomType() != 0 or layer.GetGeometryColumn():
            spatial.append(layer.GetName())
    if not names:
        raise ReplyError(tr("The downloaded file has no layer") + f": {path}")
    chosen = spatial[0] if spatial else names[0]
    return chosen, [name for name in names if name != chosen]


def pick_member(paths: list) -> tuple:
    """The extracted file to load and the other loadable ones."""
    loadable = [
        p
        for p in paths
        if os.path.splitext(p)[1].lower() in MEMBER_PREFERENCE and not os.path.basename(p).startswith(".")
    ]
    if not loadable:
        names = ", ".join(sorted(os.path.basename(p) for p in paths)[:20])
        raise ReplyError(
            tr("The archive holds no geographic file (shapefile, GeoPackage, GeoJSON, CSV...)") + f": {names}"
        )
    loadable.sort(key=lambda p: (MEMBER_PREFERENCE.index(os.path.splitext(p)[1].lower()), p.count(os.sep), p))
    best = loadable[0]
    best_rank = MEMBER_PREFERENCE.index(os.path.splitext(best)[1].lower())
    others = [p for p in loadable[1:] if MEMBER_PREFERENCE.index(os.path.splitext(p)[1].lower()) == best_rank]
    return best, others


# -- JSON that GDAL does not read ------------------------------------------------------------------


def _flat(value):
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _number(value):
    try:
        return float(str(value).replace(",", "."))
    except (TypeError, ValueError):
        return None


def record_geometry(record: dict) -> dict | None:
    """A GeoJSON geometry for one JSON record: a `geometry` member, an Opendatasoft `geo_point_2d`,
    or latitude/longitude keys."""
    geometry = record.get("geometry")
    if isinstance(geometry, dict) and "type" in geometry:
        return geometry
    for key in ("geo_point_2d", "geo_point", "coordonnees", "coordinates"):
        value = record.get(key)
        if isinstance(value, list) and len(value) == 2:
            lat, lon = _number(value[0]), _number(value[1])
            if lat is not None and lon is not None:
                return {"type": "Point", "coordinates": [lon, lat]}
        if isinstance(value, dict) and "lat" in value and ("lon" in value or "lng" in value):
            lat, lon = _number(value.get("lat")), _number(value.get("lon", value.get("lng")))
            if lat is not None and lon is not None:
                return {"type": "Point", "coordinates": [lon, lat]}
    keys = {normalize_name(k): k for k in record}
    lat_key = next((keys[n] for n in LAT_NAMES if n in keys), None)
    lon_key = next((keys[n] for n in LON_NAMES if n in keys), None)
    if lat_key and lon_key:
        lat, lon = _number(record[lat_key]), _number(record[lon_key])
        if lat is not None and lon is not None:
            return {"type": "Point", "coordinates": [lon, lat]}
    return None


def json_records_to_geojson(path: str, dest: str) -> str:
    """Convert a JSON list of records (Opendatasoft v1 export, API listings) into GeoJSON."""
    size = os.path.getsize(path)
    if size > JSON_RECORDS_MAX_BYTES:
        raise ReplyError(
            tr("The JSON file is too large to convert; choose a GeoJSON or CSV resource")
            + f": {os.path.basename(path)} ({size / 1024 / 1024:.0f} MB > "
            + f"{JSON_RECORDS_MAX_BYTES // (1024 * 1024)} MB)"
        )
    document = safe_json.load_file(path, tr("The downloaded file"))
    records = document
    if isinstance(document, dict):
        records = next(
            (document[k] for k in ("records", "results", "items", "data") if isinstance(document.get(k), list)),
            None,
        )
    if not isinstance(records, list):
        raise ReplyError(tr("The JSON file is neither GeoJSON nor a list of records"))
    features = []
    for record in records:
        if not isinstance(record, dict):
            continue
        properties = record.get("fields") if isinstance(record.get("fields"), dict) else record
        geometry = record_geometry(record) or record_geometry(properties)
        features.append(
            {
                "type": "Feature",
                "geometry": geometry,
                "properties": {k: _flat(v) for k, v in properties.items() if k != "geometry"},
            }
        )
    if not any(feature["geometry"] for feature in features):
        raise ReplyError(tr("The JSON records carry no coordinates"))
    with open(dest, "w", encoding="utf-8") as handle:
        json.dump({"type": "FeatureCollection", "features": features}, handle, ensure_ascii=False)
    return dest


@with_gdal_exceptions
def is_geojson(path: str) -> bool:
    try:
        dataset = gdal.OpenEx(path, gdal.OF_VECTOR, allowed_drivers=["GeoJSON", "GeoJSONSeq", "ESRIJSON", "TopoJSON"])
    except RuntimeError:
        return False
    return dataset is not None and dataset.GetLayerCount() > 0


# -- writing ---------------------------------------------------------------------------------------


@with_gdal_exceptions
def load_file(
    path: str,
    target: OutputTarget,
    common: dict,
    name_field: str = None,
    feedback: QgsFeedback | None = None,
    declared: str = "",
    progress_range: tuple = (50.0, 100.0),
    check: ScratchCheck | None = None,
) -> tuple:
    """Write the downloaded file at `path` into `target` through the layer writer; returns (feature count,
    warnings). `name_field` feeds the common `name` (default: the guess of formats/names.py); `check` tells
    the writer where the features are expected (layer_checks.py), its warnings are returned with the file's."""
    warnings = []
    check = check if check is not None else ScratchCheck()
    work = tempfile.mkdtemp(prefix="ot-resource-", dir=os.path.dirname(os.path.abspath(target.path)) or None)
    try:
        source, src_layer = resolve_source(path, work, declared, warnings, feedback)
        options = dict(name_field=name_field or guess_name_field, src_layer=src_layer, progress_range=progress_range)
        return write_resource_layer(source, target, common, feedback, check, **options), warnings + check.warnings
    finally:
        shutil.rmtree(work, ignore_errors=True)


def resolve_source(path: str, work: str, declared: str, warnings: list, feedback: QgsFeedback | None = None) -> tuple:
    """(GDAL-readable path, layer name or None) for the downloaded file, extracting zips safely."""
    kind = sniff_kind(path, declared)
    if kind == "html":
        raise ReplyError(tr("The server sent a web page instead of the data file"))
    if kind == "zip":
        folder = os.path.join(work, "unzipped")
        extracted = safe_extract(path, folder, feedback=feedback)
        member, others = pick_member(extracted)
        if others:
            warnings.append(
                tr("The archive holds several files of this kind; loaded")
                + f" {os.path.relpath(member, folder)}, "
                + tr("not")
                + " "
                + ", ".join(os.path.relpath(o, folder) for o in others[:10])
            )
        extension = os.path.splitext(member)[1].lower()
        return resolve_source(
            member, work, {".csv": "csv", ".tsv": "csv", ".txt": "csv"}.get(extension, ""), warnings, feedback
        )
    if kind == "csv":
        vrt, layout = prepare_csv(path, os.path.join(work, f"csv-{uuid.uuid4().hex[:8]}"), feedback=feedback)
        warnings.extend(layout.warnings)
        return vrt, None
    if kind == "json" and not is_geojson(path):
        return json_records_to_geojson(path, os.path.join(work, "records.geojson")), None
    layer, others = geometry_layer(path)
    if others:
        warnings.append(
            tr("The file holds several layers; loaded") + f" {layer}, " + tr("not") + " " + ", ".join(others[:10])
        )
    return path, layer
