"""The `national_file` source: one national file (CSV or GeoJSON) loaded for a territory only.

It belongs with the other sources (plugin/sources/, declared once, at the integration of the composer);
it lives here meanwhile so that the composer's profiles load in its tests.

Spec keys (what the composer writes; profiles, `load_territory`):
    {"source": "national_file",
     "url": "<the file's stable download URL>",
     "format": "csv" | "geojson",                       optional: the file's first bytes decide
     "insee_fields": ["code_insee_commune"],            columns holding the INSEE code of the row's commune
     "communes": ["35238", ...],                        the territory's INSEE codes (a row matches on any field)
     "lon_field": "Xlong", "lat_field": "Ylat",          coordinate columns of a CSV (optional: found by name)
     "schema": "<URL of the Etalab Table Schema>",       optional: types the CSV's columns
     "licence": "...", "dataset": "<page URL>",          optional: written in the common fields
     "name_field": "nom_station"}                       optional: the column feeding `name`
Without `insee_fields`/`communes`, the territory's extent (given by the loader) filters the file.

The file is kept in the cache for a week (NATIONAL_FILE_MAX_AGE): the national bases change daily at
most, and loading a second territory must not download them again. The schema is kept a month; when it
cannot be read, the columns stay text and the load says so.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..sources.base import FetchResult, Source
from ..toolbelt.errors import Cancelled, InputError, OpenTerritoryError
from ..toolbelt.i18n import tr
from ..toolbelt.layer_writer import OutputTarget, utc_now_iso
from ..toolbelt.logger import log
from ..toolbelt.network import redact
from .national_filter import filter_national_file
from .schema_catalog import table_fields
from .services import SCHEMA_MAX_AGE, get_json, get_reply

NATIONAL_FILE_MAX_AGE = 7 * 86400
NAME_FIELDS = ("nom_station", "nom_lieu", "nom", "adr", "nom_loc", "num_iti")


class NationalFileSource(Source):
    KEY = "national_file"

    def field_types(self, spec: dict, warnings: list) -> list:
        url = spec.get("schema")
        if not url:
            return []
        try:
            return table_fields(get_json(self.transport, url, "schema.data.gouv.fr", max_age=SCHEMA_MAX_AGE))
        except Cancelled:
            raise
        except OpenTerritoryError as error:
            text = tr("The file's schema could not be read; its columns stay text") + f": {error}"
            log(text, "warning")
            warnings.append(text)
            return []

    def fetch(self, spec: dict, target: OutputTarget, category: str = None, feedback=None) -> FetchResult:
        url = spec.get("url") or ""
        if not url:
            raise InputError(tr("The national file entry has no url"))
        host = urlsplit(url).netloc or url
        what = spec.get("title") or host
        warnings = []
        fetched_at = utc_now_iso()
        try:
            types = self.field_types(spec, warnings)
            reply = get_reply(self.transport, url, host, max_age=NATIONAL_FILE_MAX_AGE, expect=None, progress=True)
            common = {
                "category": category or "other",
                "source": host,
                "source_dataset": spec.get("dataset") or redact(url),
                "licence": spec.get("licence", ""),
                "fetched_at": fetched_at,
            }
            count = filter_national_file(
                reply.path,
                target,
                common,
                insee_fields=spec.get("insee_fields") or (),
                codes=spec.get("communes") or (),
                extent=spec.get("extent"),
                file_format=spec.get("format", ""),
                lon_field=spec.get("lon_field", ""),
                lat_field=spec.get("lat_field", ""),
                field_types=types,
                name_fields=[spec["name_field"]] if spec.get("name_field") else NAME_FIELDS,
                feedback=feedback,
                what=str(what),
            )
        except Cancelled:
            raise Cancelled(source=str(what), url=redact(url)) from None
        return FetchResult(
            target.layer,
            count,
            host,
            spec.get("dataset") or redact(url),
            spec.get("licence", ""),
            redact(url),
            fetched_at,
            warnings,
        )
