"""RUDI producer nodes (Rennes Urban Data Interface): catalog listing and loading of geographic resources.

Spec keys (profiles, `load_territory`, the dock):
    {"source": "rudi",
     "node": "<producer node base URL>",            e.g. https://<node>; "/api/v1/..." is stripped
     "resource": "<global_id>",
     "name_field": "<source field feeding name>"}   optional
The category comes from the caller (`fetch(category=...)`, "other" when none is given); the licence
from the resource's `access_condition.licence`.

API: `GET <node>/api/v1/resources?limit=&offset=` -> {"total", "items"}, `GET <node>/api/v1/resources/<id>`;
errors {"statusCode", "error", "message"}. A resource's `available_formats` lists media (entries may be
null); FILE media carry `file_type` (a MIME type), `file_size` (a string) and `connector.url`.
"""

from __future__ import annotations

import os
import unicodedata
from urllib.parse import quote, urlsplit

from qgis.core import QgsFeedback

from ..toolbelt.errors import Cancelled, InputError, OpenTerritoryError, ReplyError
from ..toolbelt.i18n import qgis_locale, tr
from ..toolbelt.layer_writer import OutputTarget, utc_now_iso
from ..toolbelt.network import base_url, cancelled_download, redact, server_message
from ..toolbelt.safe_json import array, obj, text
from ..toolbelt.settings import load_settings
from .base import FetchResult, Source, SourceDeclaration, large_download_warnings, load_download, restated, too_large

API = "/api/v1"
PAGE_SIZE = 500  # the node's maximum `limit`
MAX_ITEMS = 20000
CATALOG_MAX_AGE = 3600

# Media kinds loadable as layers, best first.
KIND_RANK = {"geojson": 0, "gpkg": 1, "zip": 2, "kml": 3, "json": 4, "csv": 5}
GEOGRAPHIC_KINDS = ("geojson", "gpkg", "zip", "kml")
MIME_KINDS = (
    ("geo+json", "geojson"),
    ("geojson", "geojson"),
    ("geopackage", "gpkg"),
    ("zip", "zip"),
    ("kml", "kml"),
    ("json", "json"),
    ("csv", "csv"),
)


def normalize_node(url: str) -> str:
    """The producer node's base URL ("/api/v1/..." cut off)."""
    return base_url(url)


def user_language() -> str:
    """The language the plugin's interface is in (QGIS's override only when it is switched on)."""
    return qgis_locale().lower()


def localized(texts: object, language: str = None) -> str:
    """The text of a RUDI [{lang, text}] list in the user's language, else French, English, the first."""
    if isinstance(texts, str):
        return texts
    entries = [entry for entry in array(texts) if text(obj(entry).get("text"))]
    if not entries:
        return ""
    language = language or user_language()
    for wanted in (language, "fr", "en"):
        for entry in entries:
            if text(entry.get("lang")).lower().replace("_", "-").split("-")[0] == wanted:
                return text(entry["text"])
    return text(entries[0]["text"])


def media_url(media: dict) -> str:
    return text(obj(media.get("connector")).get("url"))


def media_kind(media: dict) -> str:
    file_type = text(media.get("file_type")).lower()
    for marker, kind in MIME_KINDS:
        if marker in file_type:
            return kind
    name = text(media.get("media_name")) + " " + urlsplit(media_url(media)).path
    extension = os.path.splitext(name.strip().lower())[1]
    return {
        ".geojson": "geojson",
        ".gpkg": "gpkg",
        ".zip": "zip",
        ".kml": "kml",
        ".json": "json",
        ".csv": "csv",
    }.get(extension, file_type or "other")


def media_size(media: dict) -> int | None:
    try:
        size = int(text(media.get("file_size")).strip())
    except ValueError:
        return None
    return size if size > 0 else None


def file_media(item: dict) -> list:
    """The downloadable media of a resource (null entries and services skipped)."""
    result = []
    for media in array(item.get("available_formats")):
        if not isinstance(media, dict):
            continue
        if (text(media.get("media_type")) or "FILE").upper() != "FILE":
            continue
        if not media_url(media):
            continue
        result.append(media)
    return result


def choose_media(item: dict) -> dict | None:
    loadable = [m for m in file_media(item) if media_kind(m) in KIND_RANK]
    if not loadable:
        return None
    return min(loadable, key=lambda m: KIND_RANK[media_kind(m)])


def licence_of(item: dict, language: str = None) -> str:
    licence = obj(obj(item.get("access_condition")).get("licence"))
    if text(licence.get("licence_label")):
        return text(licence["licence_label"])
    custom = " ".join(localized(licence.get("custom_licence_label"), language).split())
    uri = text(licence.get("custom_licence_uri"))
    return f"{custom} ({uri})" if custom and uri else custom or uri


def item_summary(item: dict, language: str = None) -> dict:
    media = file_media(item)
    kinds = [media_kind(m) for m in media]
    chosen = choose_media(item)
    return {
        "global_id": text(item.get("global_id")),
        "title": text(item.get("resource_title")) or text(item.get("global_id")),
        "synopsis": localized(item.get("synopsis") or item.get("summary"), language),
        "theme": text(item.get("theme")),
        "keywords": [k for k in array(item.get("keywords")) if isinstance(k, str)],
        "producer": text(obj(item.get("producer")).get("organization_name")),
        "formats": sorted(set(kinds)),
        "size": media_size(chosen) if chosen else None,
        "licence": licence_of(item, language),
        "loadable": chosen is not None,
        "geographic": any(k in GEOGRAPHIC_KINDS for k in kinds) or (bool(item.get("geography")) and chosen is not None),
        "updated": text(obj(item.get("dataset_dates")).get("updated")),
    }


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").casefold()


def matches(summary: dict, query: str) -> bool:
    """Every word of `query` appears in the title, synopsis, theme, keywords or producer (accents ignored)."""
    haystack = _fold(
        " ".join(
            [
                summary["title"],
                summary["synopsis"],
                summary["theme"],
                summary["producer"],
                " ".join(summary["keywords"]),
            ]
        )
    )
    return all(word in haystack for word in _fold(query or "").split())


class RudiSource(Source):
    DECLARATION = SourceDeclaration(
        key="rudi",
        label=lambda: "RUDI",
        profile_fields={"node": {"$ref": "#/definitions/url"}, "resource": {"type": "string", "minLength": 1}},
        required=("node", "resource"),
        expectations=lambda: {"node": tr("the URL of the RUDI node"), "resource": tr("the RUDI resource's id")},
        algorithms=(("rudi_load", "RudiLoadAlgorithm"),),
    )

    def __init__(self, transport, settings=None):
        super().__init__(transport)
        self.settings = settings or load_settings()

    def api_get(self, node: str, path: str, params: dict | None = None, what: str = "") -> object:
        base = normalize_node(node)
        if not base:
            raise InputError(tr("No RUDI producer node given (base URL)"))
        url = f"{base}{API}{path}"
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
            if error.reason != "http":
                raise restated(error, f"RUDI ({base}): {error}") from None
            detail = server_message(error.payload)
            where = f"{what} ({base})" if what else base
            if error.status == 404:
                text = tr("The RUDI node does not know") + f" {where}"
            elif error.status == 400:
                text = tr("The RUDI node rejected the request for") + f" {where}"
            else:
                text = tr("The RUDI node answered with an error for") + f" {where}: HTTP {error.status}"
            raise restated(error, text + (f" ({detail})" if detail else "")) from None

    def list_page(self, node: str, limit: int = 100, offset: int = 0) -> tuple:
        """(total, items) of one page of the node's catalog."""
        reply = self.api_get(node, "/resources", {"limit": int(limit), "offset": int(offset)}, tr("the catalog"))
        if not isinstance(reply, dict) or not isinstance(reply.get("items"), list):
            raise ReplyError(tr("Unexpected reply from the RUDI catalog") + f" ({normalize_node(node)})")
        items = [item for item in reply["items"] if isinstance(item, dict)]
        try:
            total = int(reply.get("total", len(items)))
        except (TypeError, ValueError):
            total = len(items)
        return total, items

    def catalog(self, node: str, feedback: QgsFeedback | None = None) -> list:
        """Every resource of the node, page after page."""
        items, offset = [], 0
        while offset < MAX_ITEMS:
            if feedback is not None and feedback.isCanceled():
                raise cancelled_download(normalize_node(node))
            total, page = self.list_page(node, PAGE_SIZE, offset)
            items.extend(page)
            offset += PAGE_SIZE
            if feedback is not None and total:
                feedback.setProgress(min(100.0, 100.0 * len(items) / total))
            if not page or len(items) >= total:
                break
        return items

    def search(self, spec: dict, query: str, feedback: QgsFeedback | None = None) -> list:
        language = user_language()
        summaries = [item_summary(item, language) for item in self.catalog(spec.get("node"), feedback)]
        return [s for s in summaries if matches(s, query)]

    def item(self, spec: dict) -> dict:
        resource = (spec.get("resource") or "").strip()
        if not resource:
            raise InputError(tr("No RUDI resource given (global_id)"))
        reply = self.api_get(
            spec.get("node"),
            f"/resources/{quote(resource, safe='')}",
            what=tr("the resource") + f" '{resource}'",
        )
        if isinstance(reply, dict) and isinstance(reply.get("items"), list) and reply["items"]:
            reply = reply["items"][0]
        if not isinstance(reply, dict) or "global_id" not in reply:
            raise ReplyError(tr("Unexpected reply for the RUDI resource") + f" '{resource}'")
        return reply

    def describe(self, spec: dict) -> dict:
        return item_summary(self.item(spec))

    def too_large(self, size: int | None) -> bool:
        return too_large(self.settings, size)

    def fetch(
        self, spec: dict, target: OutputTarget, category: str = None, feedback: QgsFeedback | None = None
    ) -> FetchResult:
        node = normalize_node(spec.get("node"))
        item = self.item(spec)
        global_id = text(item.get("global_id"))
        title = text(item.get("resource_title")) or global_id
        media = choose_media(item)
        if media is None:
            kinds = ", ".join(sorted({media_kind(m) for m in file_media(item)})) or tr("none")
            raise ReplyError(
                tr("The RUDI resource has no file GDAL can load")
                + f": '{title}' ({global_id}; "
                + tr("formats")
                + f": {kinds})"
            )
        size = media_size(media)
        warnings = large_download_warnings(self.settings, size, f"'{title}' ({global_id})")
        url = media_url(media)
        fetched_at = utc_now_iso()
        try:
            response = self.transport.get(url)
        except Cancelled:
            raise
        except OpenTerritoryError as error:
            raise restated(
                error,
                tr("The file of this RUDI resource could not be downloaded") + f": '{title}' ({global_id}): {error}",
            ) from None
        result = FetchResult(
            layer_name=target.layer,
            feature_count=0,
            source=node,
            dataset=global_id,
            licence=licence_of(item),
            url=redact(url),
            fetched_at=fetched_at,
            warnings=warnings,
        )
        return load_download(
            response.path,
            target,
            result,
            f"RUDI '{title}' ({global_id})",
            category,
            name_field=spec.get("name_field"),
            feedback=feedback,
            declared=media_kind(media),
        )
