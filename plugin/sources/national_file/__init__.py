"""The `national_file` source: one national file (CSV or GeoJSON) loaded for a territory only.

France publishes some bases for the whole country in one file (parkings, carpooling areas, charging
points, cycle facilities, road accidents); the profile composer (plugin/compose/) writes one entry per
base. Spec keys (profiles and `load_territory`):

    {"source": "national_file",
     "url": "<the file's stable download URL>",
     "format": "csv" | "geojson",                       optional: the file's first bytes decide
     "insee_fields": ["code_insee_commune"],            columns holding the INSEE code of the row's commune
     "communes": ["35238", ...],                        the territory's INSEE codes (a row matches on any field)
     "lon_field": "Xlong", "lat_field": "Ylat",          coordinate columns of a CSV (optional: found by name)
     "schema": "<URL of the Etalab Table Schema>",       optional: types the CSV's columns
     "licence": "...", "dataset": "<page URL>",          optional: written in the common fields
     "name_field": "nom_station"}                       optional: the column feeding `name`
Without `insee_fields`/`communes`, the territory's extent (the loader gives it) filters the file.

The file is kept in the reply cache for a week (NATIONAL_FILE_MAX_AGE: the bases change daily at most,
and a second territory must not download them again), copied once into an indexed GeoPackage
(indexed_copy.py), and each territory is one query on that copy through the layer writer: an attribute
filter on the INSEE columns, or a spatial one on the extent; never a Python loop over the rows. The
schema is kept a month; when it cannot be read, the columns stay text and the load says so. A download
larger than the options' warning size is said in the load's warnings.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from qgis.core import QgsFeedback

from ...formats.table_schema import table_fields
from ...toolbelt.errors import Cancelled, InputError, OpenTerritoryError
from ...toolbelt.i18n import tr
from ...toolbelt.layer_writer import OutputTarget, utc_now_iso
from ...toolbelt.logger import log
from ...toolbelt.network import cancelled_download, redact
from ...toolbelt.settings import load_settings
from ..base import EXTENT, FetchResult, Source, SourceDeclaration, large_download_warnings, restated
from .territory_rows import FileReading, TerritoryFilter, write_territory_rows

NATIONAL_FILE_MAX_AGE = 7 * 86400
SCHEMA_MAX_AGE = 30 * 86400
NAME_FIELDS = ("nom_station", "nom_lieu", "nom", "adr", "nom_loc", "num_iti")
INSEE = {"type": "string", "pattern": "^[0-9][0-9AB][0-9]{3}$"}


def file_label(spec: dict) -> str:
    """How messages name the file: the entry's title, else its host."""
    url = str(spec.get("url") or "")
    return str(spec.get("title") or urlsplit(url).netloc or url)


class NationalFileSource(Source):
    DECLARATION = SourceDeclaration(
        key="national_file",
        label=lambda: tr("National file"),
        profile_fields={
            "url": {"$ref": "#/definitions/url", "description": "the file's stable download URL"},
            "format": {"enum": ["csv", "geojson"]},
            "insee_fields": {
                "type": "array",
                "minItems": 1,
                "items": {"type": "string", "minLength": 1},
                "description": "columns holding the INSEE code of the row's commune",
            },
            "communes": {"type": "array", "minItems": 1, "items": INSEE, "description": "the territory's INSEE codes"},
            "lon_field": {"type": "string", "minLength": 1},
            "lat_field": {"type": "string", "minLength": 1},
            "schema": {"$ref": "#/definitions/url", "description": "URL of the file's Table Schema"},
            "licence": {"type": "string"},
            "dataset": {"type": "string", "description": "the dataset's page"},
            "name_field": {"type": "string"},
        },
        required=("url",),
        expectations=lambda: {
            "url": tr("the URL of the national file (CSV or GeoJSON)"),
            "format": tr("csv or geojson"),
            "insee_fields": tr("a list of the file's columns holding the INSEE code of the row's commune"),
            "insee_fields[]": tr("the name of a column of the file"),
            "lon_field": tr("the name of the file's longitude column"),
            "lat_field": tr("the name of the file's latitude column"),
            "communes": tr("a list of the territory's INSEE commune codes"),
            "communes[]": tr("an INSEE commune code (5 characters, such as 35238 or 2A004)"),
            "schema": tr("the URL of the file's Table Schema (schema.data.gouv.fr)"),
        },
        coverage=(EXTENT,),
    )

    def __init__(self, transport, settings=None):
        super().__init__(transport)
        self.settings = settings or load_settings()

    def schema_fields(self, spec: dict, warnings: list) -> tuple:
        """The fields of the entry's Table Schema; () with a warning when it cannot be read."""
        url = spec.get("schema")
        if not url:
            return ()
        try:
            reply = self.transport.get(url, expect="json", max_age=SCHEMA_MAX_AGE, progress=False)
            return tuple(table_fields(reply.json()))
        except Cancelled:
            raise
        except OpenTerritoryError as error:
            text = tr("The file's schema could not be read; its columns stay text") + f": {error}"
            log(text, "warning")
            warnings.append(text)
            return ()

    def download(self, url: str, what: str, warnings: list) -> str:
        """The file on disk, from the cache when it is younger than a week."""
        try:
            reply = self.transport.get(url, max_age=NATIONAL_FILE_MAX_AGE)
        except Cancelled:
            raise cancelled_download(redact(url)) from None
        except OpenTerritoryError as error:
            raise restated(error, f"{what}: {error}") from None
        if not reply.from_cache:
            warnings += large_download_warnings(self.settings, reply.size, what)
        return reply.path

    def fetch(
        self, spec: dict, target: OutputTarget, category: str = None, feedback: QgsFeedback | None = None
    ) -> FetchResult:
        url = str(spec.get("url") or "")
        if not url:
            raise InputError(tr("The national file entry has no url"), source="national_file")
        insee_fields, codes = list(spec.get("insee_fields") or ()), list(spec.get("communes") or ())
        extent = spec.get("extent")
        if not (insee_fields and codes) and not extent:
            raise InputError(
                tr("A national file is only loaded for a territory: give its INSEE codes or its extent"),
                source="national_file",
            )
        what, host = file_label(spec), urlsplit(url).netloc or url
        result = FetchResult(
            target.layer,
            0,
            host,
            spec.get("dataset") or redact(url),
            spec.get("licence", ""),
            redact(url),
            utc_now_iso(),
        )
        reading = FileReading(
            spec.get("format", ""),
            spec.get("lon_field", ""),
            spec.get("lat_field", ""),
            self.schema_fields(spec, result.warnings),
            what,
        )
        territory = TerritoryFilter(
            tuple(insee_fields),
            tuple(codes),
            tuple(extent or ()),
            (spec["name_field"],) if spec.get("name_field") else NAME_FIELDS,
        )
        path = self.download(url, what, result.warnings)
        common = result.common_fields(category)
        result.feature_count = write_territory_rows(path, target, common, reading, territory, feedback)
        log(f"{what}: {result.feature_count} features -> {target.layer} ({os.path.basename(target.path)})")
        return result
