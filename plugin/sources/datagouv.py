"""data.gouv.fr (udata API 1): dataset search, resource list, and one resource loaded as a layer.

Spec keys (profiles, `load_territory`, the `openterritory:datagouv_load` algorithm):
    {"source": "datagouv",
     "dataset": "<dataset id or slug>",             a dataset page URL is accepted too
     "resource": "<resource id or title>",         optional: the best geographic resource otherwise
     "server": "<base URL>",                        optional, default https://www.data.gouv.fr
     "name_field": "<source field feeding name>"}   optional
The category comes from the caller (`fetch(category=...)`, "other" when none is given); the licence
from the dataset's `license`.

Resources load from GeoJSON, zipped shapefiles (extracted safely), GeoPackage, KML, CSV with
coordinates and JSON records; the declared `format` is free text, so the file's first bytes decide.
"""

from __future__ import annotations

import copy
import re
from urllib.parse import quote, unquote, urlsplit

from qgis.core import QgsFeedback

from ..toolbelt.errors import Cancelled, InputError, OpenTerritoryError, ReplyError
from ..toolbelt.i18n import tr
from ..toolbelt.layer_writer import OutputTarget, utc_now_iso
from ..toolbelt.logger import log
from ..toolbelt.network import base_url, cancelled_download, redact, server_message
from ..toolbelt.safe_json import array, obj, text
from ..toolbelt.settings import load_settings
from .base import FetchResult, Source, SourceDeclaration, large_download_warnings, load_download, restated, too_large

DEFAULT_SERVER = "https://www.data.gouv.fr"
API = "/api/1"
CATALOG_MAX_AGE = 3600  # seconds a catalog reply is reused without asking again

# Best first when no resource is named.
KIND_RANK = {"geojson": 0, "gpkg": 1, "shapefile": 2, "kml": 3, "zip": 4, "csv": 5, "json": 6}
GEOGRAPHIC_KINDS = tuple(KIND_RANK)

LICENCES = {
    "lov2": "Licence Ouverte / Open Licence version 2.0",
    "fr-lo": "Licence Ouverte / Open Licence",
    "odc-odbl": "Open Data Commons Open Database License (ODbL)",
    "odc-by": "Open Data Commons Attribution License",
    "odc-pddl": "Open Data Commons Public Domain Dedication and Licence (PDDL)",
    "cc-by": "Creative Commons Attribution",
    "cc-by-sa": "Creative Commons Attribution Share-Alike",
    "cc-zero": "Creative Commons CCZero",
    "notspecified": "License Not Specified",
    "other-at": "Other (Attribution)",
    "other-open": "Other (Open)",
    "other-pd": "Other (Public Domain)",
}


def normalize_server(url: str) -> str:
    """The udata portal's base URL ("/api/1/..." cut off), data.gouv.fr for a blank one."""
    return base_url(url) or DEFAULT_SERVER


def dataset_ref(value: str) -> str:
    """The dataset id or slug, also from a dataset page or API URL."""
    value = text(value).strip()
    match = re.search(r"/datasets/([^/?#]+)", value)
    if match and match.group(1) != "r":
        return unquote(match.group(1))
    return value.strip("/")


def licence_label(code: object) -> str:
    code = text(code)
    return LICENCES.get(code.lower(), code) if code else ""


def resource_kind(resource: dict) -> str:
    """What a resource's free-text format, URL and MIME type say about its content."""
    fmt = text(resource.get("format")).strip().lower()
    url = urlsplit(text(resource.get("url"))).path.lower()
    mime = text(resource.get("mime")).lower()
    if "geojson" in fmt or url.endswith(".geojson") or "geo+json" in mime:
        return "geojson"
    if "gpkg" in fmt or "geopackage" in fmt or url.endswith(".gpkg"):
        return "gpkg"
    if "shp" in fmt or "shapefile" in fmt:
        return "shapefile"
    if fmt in ("kml", "kmz") or url.endswith((".kml", ".kmz")):
        return "kml"
    if "zip" in fmt or url.endswith(".zip"):
        return "zip"
    if "csv" in fmt or fmt == "tsv" or url.endswith((".csv", ".tsv")) or "text/csv" in mime:
        return "csv"
    if "json" in fmt or url.endswith(".json"):
        return "json"
    return fmt or "other"


def resource_size(resource: dict) -> int | None:
    """Bytes the catalog declares for a resource (`filesize` is often null), or None."""
    for value in (resource.get("filesize"), obj(resource.get("extras")).get("analysis:content-length")):
        try:
            if value is not None and not isinstance(value, bool) and int(value) > 0:
                return int(value)
        except (TypeError, ValueError, OverflowError):
            pass
    return None


def resource_summary(resource: dict) -> dict:
    return {
        "id": text(resource.get("id")),
        "title": text(resource.get("title")) or text(resource.get("id")),
        "format": text(resource.get("format")),
        "kind": resource_kind(resource),
        "size": resource_size(resource),
        "type": text(resource.get("type")),
        "url": text(resource.get("url")) or text(resource.get("latest")),
        "last_modified": text(resource.get("last_modified")),
    }


def resources_of(dataset: dict) -> list:
    """The dataset's resources that are JSON objects (a catalog may list nulls)."""
    return [resource for resource in array(dataset.get("resources")) if isinstance(resource, dict)]


def choose_resource(dataset: dict, wanted: str = None) -> dict:
    """The resource named by id or title (InputError when there is none), or the best geographic one
    (ReplyError when the dataset has none)."""
    resources = resources_of(dataset)
    label = text(dataset.get("slug")) or text(dataset.get("id"))
    if wanted:
        wanted_clean = wanted.strip()
        for resource in resources:
            if text(resource.get("id")) == wanted_clean:
                return resource
        folded = wanted_clean.casefold()
        for resource in resources:
            if text(resource.get("title")).strip().casefold() == folded:
                return resource
        titles = ", ".join(f"'{text(r.get('title'))}'" for r in resources[:15]) or tr("none")
        raise InputError(
            tr("The data.gouv.fr dataset has no resource with this id or title")
            + f": '{wanted_clean}' ({label}). "
            + tr("Resources")
            + f": {titles}"
        )
    candidates = [r for r in resources if resource_kind(r) in GEOGRAPHIC_KINDS]
    if not candidates:
        formats = ", ".join(sorted({text(r.get("format")) or "?" for r in resources})) or tr("none")
        raise ReplyError(
            tr("The data.gouv.fr dataset has no geographic resource") + f" ({label}; " + tr("formats") + f": {formats})"
        )
    candidates.sort(key=lambda r: (text(r.get("type")) not in ("", "main"), KIND_RANK[resource_kind(r)]))
    return candidates[0]  # sorted() keeps the catalog's order among equals


def dataset_summary(dataset: dict) -> dict:
    owner = obj(dataset.get("owner"))
    resources = resources_of(dataset)
    return {
        "id": text(dataset.get("id")),
        "slug": text(dataset.get("slug")),
        "title": text(dataset.get("title")) or text(dataset.get("slug")) or text(dataset.get("id")),
        "organization": text(obj(dataset.get("organization")).get("name"))
        or " ".join(filter(None, (text(owner.get("first_name")), text(owner.get("last_name"))))),
        "licence": licence_label(dataset.get("license")),
        "last_update": text(dataset.get("last_update")) or text(dataset.get("last_modified")),
        "page": text(dataset.get("page")),
        "description": text(dataset.get("description")),
        "resources": [resource_summary(r) for r in resources],
        "geographic": any(resource_kind(r) in GEOGRAPHIC_KINDS for r in resources),
    }


class DatagouvSource(Source):
    DECLARATION = SourceDeclaration(
        key="datagouv",
        label=lambda: "data.gouv.fr",
        profile_fields={
            "dataset": {"type": "string", "minLength": 1, "pattern": r"^[^\s/]+$", "description": "dataset id or slug"},
            "resource": {"type": "string", "minLength": 1},
            "server": {"$ref": "#/definitions/url"},
            "name_field": {"type": "string"},
        },
        required=("dataset",),
        expectations=lambda: {
            "dataset": tr("the data.gouv.fr dataset's id or slug"),
            "resource": tr("the resource's id or title"),
        },
        algorithms=(("datagouv_load", "DatagouvLoadAlgorithm"),),
    )

    def __init__(self, transport, settings=None):
        super().__init__(transport)
        self.settings = settings or load_settings()

    # -- catalog ------------------------------------------------------------------------------

    def api_get(self, server: str, path: str, params: dict | None = None, what: str = "") -> object:
        url = f"{normalize_server(server)}{API}{path}"
        try:
            return self.transport.get(
                url,
                params=params,
                headers={"Accept": "application/json"},
                expect="json",
                max_age=CATALOG_MAX_AGE,
            ).json()
        except Cancelled:
            raise
        except OpenTerritoryError as error:
            if error.reason == "http":
                raise restated(error, self.http_message(error, server, what)) from None
            raise restated(error, f"data.gouv.fr ({normalize_server(server)}): {error}") from None

    @staticmethod
    def http_message(error: ReplyError, server: str, what: str) -> str:
        detail = server_message(error.payload)
        where = f"{what} ({normalize_server(server)})" if what else normalize_server(server)
        if error.status == 404:
            text = tr("data.gouv.fr does not know") + f" {where}"
        elif error.status == 410:
            text = tr("This was deleted from data.gouv.fr") + f": {where}"
        elif error.status == 400:
            text = tr("data.gouv.fr rejected the request for") + f" {where}"
        else:
            text = tr("data.gouv.fr answered with an error for") + f" {where}: HTTP {error.status}"
        return text + (f" ({detail})" if detail else "")

    def search(self, spec: dict, query: str, page_size: int = 20, page: int = 1) -> list:
        """Datasets matching every word of `query`, as dataset summaries (see `dataset_summary`)."""
        server = spec.get("server") or DEFAULT_SERVER
        params = {"q": query or "", "page_size": int(page_size), "page": int(page)}
        reply = self.api_get(server, "/datasets/", params, tr("the search") + f" '{query}'")
        items = reply.get("data") if isinstance(reply, dict) else None
        if not isinstance(items, list):
            raise ReplyError(tr("Unexpected reply from the data.gouv.fr search") + f" ({normalize_server(server)})")
        return [dataset_summary(item) for item in items if isinstance(item, dict)]

    def dataset(self, spec: dict) -> dict:
        ref = dataset_ref(spec.get("dataset") or "")
        if not ref:
            raise InputError(tr("No data.gouv.fr dataset given (id or slug)"))
        reply = self.api_get(
            spec.get("server") or DEFAULT_SERVER,
            f"/datasets/{quote(ref, safe='')}/",
            what=tr("the dataset") + f" '{ref}'",
        )
        if not isinstance(reply, dict) or "resources" not in reply:
            raise ReplyError(tr("Unexpected reply for the data.gouv.fr dataset") + f" '{ref}'")
        return reply

    def describe(self, spec: dict) -> dict:
        return dataset_summary(self.dataset(spec))

    def head_size(self, url: str) -> int | None:
        """Content-Length from a HEAD request, or None when the server does not say."""
        probe = copy.copy(self.transport)
        probe.retries = 0  # a size is a hint: not worth waiting for a busy server
        try:
            reply = probe.head(url, timeout=min(30, self.transport.timeout))
        except Cancelled:
            raise
        except OpenTerritoryError as error:
            log(f"HEAD {redact(url)}: {error}", "warning")
            return None
        length = reply.header("content-length")
        return int(length) if length.isdigit() and int(length) > 0 else None

    def resolve(self, spec: dict) -> tuple:
        """(dataset, resource, size in bytes or None): what `fetch` would download, for a caller
        that asks the user before a large download."""
        dataset = self.dataset(spec)
        resource = choose_resource(dataset, spec.get("resource"))
        size = resource_size(resource)
        if size is None and text(resource.get("url")):
            size = self.head_size(text(resource.get("url")))
        return dataset, resource, size

    def too_large(self, size: int | None) -> bool:
        return too_large(self.settings, size)

    # -- loading ------------------------------------------------------------------------------

    def fetch(
        self, spec: dict, target: OutputTarget, category: str = None, feedback: QgsFeedback | None = None
    ) -> FetchResult:
        server = normalize_server(spec.get("server") or DEFAULT_SERVER)
        dataset, resource, size = self.resolve(spec)
        ref = text(dataset.get("slug")) or text(dataset.get("id")) or dataset_ref(spec.get("dataset"))
        title = text(resource.get("title")) or text(resource.get("id"))
        warnings = large_download_warnings(self.settings, size, f"'{title}' ({ref})")
        url = text(resource.get("url")) or text(resource.get("latest"))
        if not url:
            raise ReplyError(tr("The resource has no download address") + f": '{title}' ({ref})")
        fetched_at = utc_now_iso()
        try:
            response = self.transport.get(url)
        except Cancelled:
            raise
        except OpenTerritoryError as error:
            if error.reason == "http" and error.status in (404, 410):
                message = (
                    tr("The file of this data.gouv.fr resource is no longer available")
                    + f": '{title}' ({ref}), HTTP {error.status} ({redact(url)})"
                )
            else:
                message = (
                    tr("The file of this data.gouv.fr resource could not be downloaded")
                    + f": '{title}' ({ref}): {error}"
                )
            raise restated(error, message) from None
        if feedback is not None and feedback.isCanceled():
            raise cancelled_download(url)
        result = FetchResult(
            layer_name=target.layer,
            feature_count=0,
            source=server,
            dataset=ref,
            licence=licence_label(dataset.get("license")),
            url=redact(url),
            fetched_at=fetched_at,
            warnings=warnings,
        )
        return load_download(
            response.path,
            target,
            result,
            f"data.gouv.fr '{title}' ({ref})",
            category,
            name_field=spec.get("name_field"),
            feedback=feedback,
            declared=resource_kind(resource),
        )
