"""Opendatasoft portals (Explore API v2.1): catalog search, dataset metadata, bulk load of a dataset.

Spec keys (profiles and `load_territory`):
    {"source": "ods", "portal": "<base URL>", "dataset": "<dataset_id>"}
    optional: "where" (ODSQL filter, as in the portal's API), "name_field" (the dataset field that
    feeds the common `name`; default: the one guess of formats/names.py, on the names and values of the
    export's text fields), "authcfg" (id of a QGIS authentication
    configuration holding the portal's API key: a Basic configuration whose password is the key,
    or an API-header configuration; sent as `Authorization: Apikey <key>`), and the interface's
    "extent" ([xmin, ymin, xmax, ymax] in EPSG:4326) and "area_wkt" (polygon WKT in EPSG:4326).
`portal` accepts a bare host, an API URL or a dataset page URL: only the base is kept.

Loading goes through `catalog/datasets/{id}/exports/geojson` (no 10,000-record limit), streamed to
disk by the transport and written by GDAL with the common fields. The geometry is the dataset's
geo_shape field when it has one (promoted to multi-geometries: shapes mix Polygon and
MultiPolygon), else its geo_point_2d field, both found through `fields[].type`. The extent becomes
`in_bbox(<that field>, lat1, lon1, lat2, lon2)`, latitude first. A dataset with no geo field is
loaded from the same GeoJSON export (every geometry null) as a table without geometry: GeoJSON
keeps numbers and booleans typed, while the CSV export (`;`, BOM) would come back as text.
Licence: `metas.default.license`. The output is replaced only when the whole load succeeds.
"""

from __future__ import annotations

import copy
import dataclasses
import os
from typing import TYPE_CHECKING, Callable

from osgeo import gdal
from qgis.core import QgsFeedback

from ...formats.names import guess_name_field
from ...toolbelt.errors import Cancelled, InputError, OpenTerritoryError, ReplyError
from ...toolbelt.gdal_errors import with_gdal_exceptions
from ...toolbelt.i18n import tr
from ...toolbelt.layer_checks import ScratchCheck
from ...toolbelt.layer_writer import OutputTarget, copy_with_common_fields, utc_now_iso, write_layer
from ...toolbelt.logger import log
from ...toolbelt.network import redact, server_message
from ...toolbelt.tasks import steps_feedback
from ..base import AREA, EXTENT, FetchResult, Source, SourceDeclaration, restated
from .catalog import (
    OdsDataset,
    api_url,
    combine_where,
    in_bbox,
    intersects,
    normalize_portal,
    odsql_string,
    parse_dataset,
)

if TYPE_CHECKING:  # names used in annotations only
    from ...toolbelt.network import Response, Transport

SEARCH_PAGE_MAX = 100  # the API's own limit per page


def describe_failure(error: OpenTerritoryError, portal: str, dataset: str = "") -> OpenTerritoryError:
    """The transport's or the writer's error told again, naming the portal, the dataset and what went wrong."""
    where = f"Opendatasoft {portal}" + (", " + tr("dataset") + f" {dataset}" if dataset else "")
    if error.reason == "http":
        payload = error.payload if isinstance(error.payload, dict) else {}
        detail = server_message(payload) or f"HTTP {error.status}"
        if error.status == 400 and payload.get("error_code") == "ODSQLError":
            what = tr("the ODSQL filter was rejected")
        elif error.status == 400:
            what = tr("the portal rejected the request")
        elif error.status in (401, 403):
            what = tr(
                "access denied: the dataset is private or the API key was refused; give an "
                "authentication configuration holding the portal's API key"
            )
        elif error.status == 404:
            what = tr(
                "not found on this portal: check the dataset id and the portal URL (a private "
                "dataset also needs an API key)"
            )
        elif error.status == 429:
            what = tr("the portal's API quota is used up")
        else:
            what = tr("the portal answered with an error")
        return restated(error, f"{where}: {what} (HTTP {error.status}: {detail}) [{error.url}]")
    if error.reason == "content":
        what = tr(
            "the portal answered with a web page instead of data: check that the URL is an "
            "Opendatasoft portal (it may also be under maintenance)"
        )
        return restated(error, f"{where}: {what} [{error.url}]")
    if error.reason == "incomplete":
        what = tr("the download was cut before its end; nothing was written, try again")
        return restated(error, f"{where}: {what} ({error})")
    if error.reason in ("unreachable", "broken", "dropped"):
        what = tr("the portal could not be reached or the connection broke; nothing was written")
        return restated(error, f"{where}: {what} ({error})")
    if error.reason == "offline":
        what = tr("offline mode is on and this reply is not in the cache")
        return restated(error, f"{where}: {what} [{error.url}]")
    if error.reason == "write":
        what = tr(
            "the downloaded export could not be read or written (incomplete or invalid GeoJSON); nothing was written"
        )
        return restated(error, f"{where}: {what} ({error})")
    return restated(error, f"{where}: {error}")


def geometry_type_of(info: OdsDataset) -> str | None:
    """The -nlt of a dataset's layer: none without a geo field, multi-geometries for a geo_shape (shapes
    mix Polygon and MultiPolygon), the points' own type for a geo_point_2d."""
    geometry = info.geometry_field
    if geometry is None:
        return "NONE"
    return "PROMOTE_TO_MULTI" if geometry.type == "geo_shape" else None


def name_field_of(info: OdsDataset, spec: dict) -> str | Callable:
    """The field feeding the common `name`: the spec's, else the one guess of formats/names.py (made on the
    export's values as it is written); a spec's field the dataset lacks is logged (the name stays empty)."""
    wanted = spec.get("name_field")
    if wanted and wanted not in info.field_names():
        log(
            f"Opendatasoft {info.portal}, {info.dataset_id}: name_field {wanted} is not a field of the dataset",
            "warning",
        )
    return wanted or guess_name_field


def forget_cached_reply(response: Response) -> None:
    """Drop a cached reply GDAL could not read, so offline mode never serves it."""
    if not response.path.endswith(".body"):
        return
    for path in (response.path, response.path[: -len(".body")] + ".json"):
        if os.path.exists(path):
            os.remove(path)


class OdsSource(Source):
    DECLARATION = SourceDeclaration(
        key="ods",
        label=lambda: tr("Opendatasoft portal"),
        profile_fields={
            "portal": {
                "type": "string",
                "pattern": r"^(https?://[^\s/?#]+[^\s]*|[a-z0-9_-]+)$",
                "description": "the portal's base URL, or the key of one of the profile's portals",
            },
            "dataset": {"type": "string", "minLength": 1, "pattern": r"^[^\s/]+$", "description": "the dataset_id"},
            "where": {"type": "string"},
            "name_field": {"type": "string"},
            "authcfg": {"type": "string"},
        },
        required=("portal", "dataset"),
        expectations=lambda: {
            "portal": tr("the portal's base URL, or the key of one of the profile's portals"),
            "dataset": tr("the dataset's identifier (dataset_id), without spaces or /"),
        },
        algorithms=(("ods_load", "OdsLoadAlgorithm"), ("ods_search", "OdsSearchAlgorithm")),
        coverage=(EXTENT, AREA),
    )

    # -- transport ------------------------------------------------------------------------------

    def transport_for(self, spec: dict, feedback: QgsFeedback | None = None) -> Transport:
        """A copy of the shared transport with this spec's API key and the job's feedback."""
        transport = copy.copy(self.transport)
        if spec.get("authcfg"):
            transport.authcfg = str(spec["authcfg"])
        if transport.authcfg:
            transport.auth_scheme = "Apikey"
        if feedback is not None:
            transport.feedback = feedback
        return transport

    def get_json(self, transport: Transport, url: str, params: dict, portal: str, dataset: str = "") -> object:
        try:
            # Small JSON replies: the job's progress bar is left to the export download.
            reply = transport.get(
                url, params=params, headers={"Accept": "application/json"}, expect="json", progress=False
            )
            return reply.json()
        except Cancelled:
            raise
        except OpenTerritoryError as error:
            raise describe_failure(error, portal, dataset) from error

    # -- catalog --------------------------------------------------------------------------------

    def dataset_info(
        self, portal: str, dataset: str, authcfg: str = "", feedback: QgsFeedback | None = None
    ) -> OdsDataset:
        portal = normalize_portal(portal)
        transport = self.transport_for({"authcfg": authcfg}, feedback)
        url = api_url(portal, "catalog", "datasets", dataset)
        payload = self.get_json(transport, url, None, portal, dataset)
        try:
            return parse_dataset(portal, payload)
        except ReplyError:
            raise ReplyError(
                f"Opendatasoft {portal}, "
                + tr("dataset")
                + f" {dataset}: "
                + tr("the reply is not a dataset description"),
                source=portal,
            ) from None

    def search_datasets(
        self,
        portal: str,
        query: str = "",
        theme: str = "",
        geo_only: bool = False,
        limit: int = SEARCH_PAGE_MAX,
        offset: int = 0,
        authcfg: str = "",
        feedback: QgsFeedback | None = None,
    ) -> tuple:
        """(total_count, [OdsDataset]) of the portal's catalog matching `query` (full-text search),
        `theme` (exact theme) and, with `geo_only`, only datasets that have a geo field."""
        portal = normalize_portal(portal)
        if not portal:
            raise InputError(tr("Opendatasoft: no portal URL given"))
        params = {"limit": max(1, min(int(limit), SEARCH_PAGE_MAX)), "offset": max(0, int(offset))}
        query = (query or "").strip()
        if query:
            params["where"] = f"search({odsql_string(query)})"
        refine = []
        if theme:
            refine.append(f"theme:{theme}")
        if geo_only:
            refine.append("features:geo")
        if refine:
            params["refine"] = refine
        transport = self.transport_for({"authcfg": authcfg}, feedback)
        payload = self.get_json(transport, api_url(portal, "catalog", "datasets"), params, portal)
        if not isinstance(payload, dict) or not isinstance(payload.get("results"), list):
            raise ReplyError(f"Opendatasoft {portal}: " + tr("the catalog reply has no results list"), source=portal)
        datasets = []
        for item in payload["results"]:
            try:
                datasets.append(parse_dataset(portal, item))
            except ReplyError:
                log(f"Opendatasoft {portal}: catalog entry without dataset_id skipped", "warning")
        if geo_only:  # the refine is what the server filters on; this guards portals that ignore it
            datasets = [d for d in datasets if d.is_geographic]
        return int(payload.get("total_count") or len(datasets)), datasets

    def describe(self, spec: dict) -> dict:
        portal, dataset = self.check_spec(spec)
        info = self.dataset_info(portal, dataset, spec.get("authcfg", ""))
        described = dataclasses.asdict(info)
        geometry = info.geometry_field
        described["geometry_field"] = geometry.name if geometry else None
        described["geometry_type"] = geometry.type if geometry else None
        described["page_url"] = info.page_url
        return described

    def search(self, spec: dict, query: str, theme: str = "", geo_only: bool = False) -> list:
        _total, datasets = self.search_datasets(
            spec.get("portal", ""), query, theme, geo_only, authcfg=spec.get("authcfg", "")
        )
        return datasets

    # -- load -----------------------------------------------------------------------------------

    @staticmethod
    def check_spec(spec: dict) -> tuple:
        portal = normalize_portal(str(spec.get("portal") or ""))
        dataset = str(spec.get("dataset") or "").strip()
        if not portal:
            raise InputError(
                tr("Opendatasoft: the 'portal' key (base URL of the portal) is missing")
                + (f" ({tr('dataset')} {dataset})" if dataset else "")
            )
        if not dataset:
            raise InputError(f"Opendatasoft {portal}: " + tr("the 'dataset' key (dataset id) is missing"))
        return portal, dataset

    @staticmethod
    def export_where(info: OdsDataset, spec: dict) -> str:
        geometry = info.geometry_field
        spatial = []
        if spec.get("extent") or spec.get("area_wkt"):
            if geometry is None:
                raise InputError(
                    f"Opendatasoft {info.portal}, "
                    + tr("dataset")
                    + f" {info.dataset_id}: "
                    + tr("an extent was given but the dataset has no geographic field")
                )
            if spec.get("extent"):
                spatial.append(in_bbox(geometry.name, spec["extent"]))
            if spec.get("area_wkt"):
                spatial.append(intersects(geometry.name, spec["area_wkt"]))
        return combine_where(spec.get("where") or "", *spatial)

    def fetch(
        self, spec: dict, target: OutputTarget, category: str = None, feedback: QgsFeedback | None = None
    ) -> FetchResult:
        portal, dataset = self.check_spec(spec)
        # Two steps of the job's progress: the download, then GDAL's write.
        steps = steps_feedback(feedback, 2)
        info = self.dataset_info(portal, dataset, spec.get("authcfg", ""), steps)
        where = self.export_where(info, spec)
        response = self.download_export(spec, info, where, steps)
        if steps is not None:
            steps.setCurrentStep(1)
        fetched_at = utc_now_iso()
        common = {
            "category": category,
            "source": portal,
            "source_dataset": dataset,
            "licence": info.licence or None,
            "fetched_at": fetched_at,
        }
        check = ScratchCheck(extent=spec.get("extent"), what=f"Opendatasoft {portal}, {dataset}")
        try:
            count = self.write(
                response.path, target, common, name_field_of(info, spec), geometry_type_of(info), steps, check
            )
        except Cancelled:
            raise
        except OpenTerritoryError as error:
            if error.reason == "write":  # a reply GDAL cannot read is not kept for offline mode
                forget_cached_reply(response)
            raise describe_failure(error, portal, dataset) from error
        warnings = list(check.warnings)
        if not where and info.records_count is not None and count + check.refused != info.records_count:
            warnings.append(
                f"Opendatasoft {portal}, {dataset}: "
                + tr("records written")
                + f" {count}, "
                + tr("records announced by the catalog")
                + f" {info.records_count}"
            )
            log(warnings[-1], "warning")
        log(f"Opendatasoft {portal}, {dataset}: {count} records into {target.layer}")
        return FetchResult(
            layer_name=target.layer,
            feature_count=count,
            source=portal,
            dataset=dataset,
            licence=info.licence,
            url=redact(response.url),
            fetched_at=fetched_at,
            warnings=warnings,
        )

    def download_export(
        self, spec: dict, info: OdsDataset, where: str, feedback: QgsFeedback | None = None
    ) -> Response:
        """The dataset's GeoJSON export (filtered by `where`), streamed to disk by the transport."""
        params = {"where": where} if where else {}
        url = api_url(info.portal, "catalog", "datasets", info.dataset_id, "exports", "geojson")
        transport = self.transport_for(spec, feedback)
        if feedback is not None:
            feedback.pushInfo(tr("Downloading") + f" {redact(transport.full_url(url, params))}")
        try:
            return transport.get(url, params=params, headers={"Accept": "application/geo+json"}, expect="json")
        except Cancelled:
            raise
        except OpenTerritoryError as error:
            raise describe_failure(error, info.portal, info.dataset_id) from error

    @staticmethod
    def write(
        src_path: str,
        target: OutputTarget,
        common: dict,
        name_field: str | Callable | None,
        geometry_type: str | None,
        feedback: QgsFeedback | None = None,
        check: ScratchCheck | None = None,
    ) -> int:
        """GDAL writes the export into `target` through the layer writer (which checks it with `check`):
        nothing changes on disk unless the whole layer is written."""

        def produce(scratch: str, layer: str, layer_options: list) -> None:
            copy_with_common_fields(
                src_path,
                scratch,
                layer,
                common,
                layer_options=layer_options,
                name_field=name_field,
                geometry_type=geometry_type,
                feedback=feedback,
            )
            if geometry_type == "PROMOTE_TO_MULTI":
                settle_geometry_type(scratch, layer)

        # Lists (multivalued fields, coordinate pairs) kept as JSON text rather than "(2:a,b)".
        gdal.SetThreadLocalConfigOption("OGR_GEOJSON_ARRAY_AS_STRING", "YES")
        try:
            return write_layer(target, produce, feedback, check)
        finally:
            gdal.SetThreadLocalConfigOption("OGR_GEOJSON_ARRAY_AS_STRING", None)


@with_gdal_exceptions
def settle_geometry_type(path: str, layer_name: str) -> None:
    """Shapes mix Polygon and MultiPolygon, so GDAL declares the layer "any geometry" even once every
    shape is promoted to multi. When one type remains, declare it in the GeoPackage (one SQL scan in
    SQLite), so QGIS opens a MultiPolygon layer rather than asking which geometry type to show."""
    dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    layer = dataset.GetLayerByName(layer_name)
    column = layer.GetGeometryColumn() if layer is not None else ""
    if not column:
        return
    quoted_table = '"' + layer_name.replace('"', '""') + '"'
    quoted_column = '"' + column.replace('"', '""') + '"'
    result = dataset.ExecuteSQL(
        f"SELECT DISTINCT ST_GeometryType({quoted_column}) AS t FROM {quoted_table} WHERE {quoted_column} IS NOT NULL"
    )
    types = {feature.GetField(0) for feature in result} if result is not None else set()
    dataset.ReleaseResultSet(result)
    if len(types) == 1:
        (kind,) = types
        if kind and kind.isalpha():
            literal = layer_name.replace("'", "''")
            dataset.ExecuteSQL(
                f"UPDATE gpkg_geometry_columns SET geometry_type_name = '{kind.upper()}' "
                f"WHERE lower(table_name) = lower('{literal}')"
            )
    dataset = None
