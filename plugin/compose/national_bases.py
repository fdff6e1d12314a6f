"""The national bases transport.data.gouv.fr publishes, found in its catalog and cut to the territory.

A national base is a dataset whose covered area is the whole country ("pays") with a resource following
the base's Etalab schema (`schema_name`): the base nationale des lieux de stationnement (BNLS), des
lieux de covoiturage (BNLC), the consolidated file of charging points (IRVE) and the cycle facilities
(aménagements cyclables). Several national datasets may follow one schema (an operator's own IRVE file
covering the country): the consolidation dataset that data.gouv.fr's schema catalog names wins, then
the most recently updated.

When transport.data.gouv.fr's catalog is down, the consolidation dataset is asked from data.gouv.fr
directly (bases without one are then reported in the notes).

Each base becomes one `national_file` entry: the file's URL, the columns holding the INSEE code of the
row's commune, the territory's codes, the coordinate columns of a CSV and the URL of the Table Schema
typing its fields. The file is downloaded and filtered when the profile is loaded (sources/national_file).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from ..sources.datagouv import licence_label
from ..toolbelt.i18n import tr
from .schema_catalog import find_schema, schema_url
from .services import CATALOG_MAX_AGE, Services, get_json
from .transport_catalog import is_national

TABLE_SCHEMA_TYPES = ("tableschema", "datapackage")


@dataclass(frozen=True)
class NationalBase:
    key: str
    schema: str  # Etalab schema name, as resources declare it in `schema_name`
    category: str
    domain: str
    insee_fields: tuple  # columns holding the INSEE code of the row's commune (a row matches on any)
    file_format: str = "csv"  # "csv" or "geojson"
    lon_field: str = ""  # coordinate columns of a CSV
    lat_field: str = ""

    def label(self) -> str:
        return {
            "bnls": tr("national base of parking places (BNLS)"),
            "bnlc": tr("national base of carpooling places (BNLC)"),
            "irve": tr("consolidated national file of charging points (IRVE)"),
            "cycle_facilities": tr("national base of cycle facilities"),
        }[self.key]


BASES = (
    NationalBase(
        "bnls", "etalab/schema-stationnement", "car_park", "stationnement", ("insee",), "csv", "Xlong", "Ylat"
    ),
    NationalBase(
        "bnlc", "etalab/schema-lieux-covoiturage", "carpool_area", "vehicules", ("insee",), "csv", "Xlong", "Ylat"
    ),
    NationalBase(
        "irve",
        "etalab/schema-irve-statique",
        "charging_station",
        "vehicules",
        ("code_insee_commune",),
        "csv",
        "consolidated_longitude",
        "consolidated_latitude",
    ),
    NationalBase(
        "cycle_facilities",
        "etalab/schema-amenagements-cyclables",
        "cycleway",
        "velo",
        ("code_com_d", "code_com_g"),
        "geojson",
    ),
)


def resource_format(resource: dict) -> str:
    fmt = str(resource.get("format") or "").lower()
    path = urlsplit(str(resource.get("url") or "")).path.lower()
    if "geojson" in fmt or path.endswith(".geojson"):
        return "geojson"
    if "csv" in fmt or path.endswith(".csv"):
        return "csv"
    return fmt


def resource_schema(resource: dict) -> tuple:
    """(name, version) of the schema a resource declares: transport.data.gouv.fr's `schema_name` /
    `schema_version`, or data.gouv.fr's `schema` object."""
    if resource.get("schema_name"):
        return str(resource["schema_name"]), str(resource.get("schema_version") or "")
    schema = resource.get("schema")
    if isinstance(schema, dict) and schema.get("name"):
        return str(schema["name"]), str(schema.get("version") or "")
    return "", ""


def pick(candidates: list, consolidation_id: str):
    """The (dataset, resource) to use: the consolidation dataset's first, then a main resource, then the
    most recently updated (ISO dates compare as text)."""

    def rank(pair):
        dataset, resource = pair
        ident = str(dataset.get("datagouv_id") or dataset.get("id") or "")
        updated = str(resource.get("updated") or resource.get("last_modified") or "")
        return (bool(consolidation_id) and ident == consolidation_id, resource.get("type") in (None, "main"), updated)

    return max(candidates, key=rank) if candidates else None


def in_transport_catalog(catalog: list, base: NationalBase, consolidation_id: str = ""):
    candidates = []
    for dataset in catalog:
        if not is_national(dataset):
            continue
        for resource in dataset.get("resources") or []:
            if not isinstance(resource, dict) or not resource.get("url"):
                continue
            if resource_schema(resource)[0] == base.schema and resource_format(resource) == base.file_format:
                candidates.append((dataset, resource))
    return pick(candidates, consolidation_id)


def on_datagouv(transport, services: Services, base: NationalBase, consolidation_id: str):
    """(dataset, resource) of the consolidation dataset asked from data.gouv.fr, or None."""
    if not consolidation_id:
        return None
    dataset = get_json(
        transport,
        f"{services.datagouv}/api/1/datasets/{consolidation_id}/",
        "data.gouv.fr",
        max_age=CATALOG_MAX_AGE,
        if_missing=None,
    )
    if not isinstance(dataset, dict):
        return None
    resources = [r for r in dataset.get("resources") or [] if isinstance(r, dict) and r.get("url")]
    declared = [r for r in resources if resource_schema(r)[0] == base.schema]
    candidates = [(dataset, r) for r in (declared or resources) if resource_format(r) == base.file_format]
    return pick(candidates, consolidation_id)


def base_entry(base: NationalBase, dataset: dict, resource: dict, codes: list, schemas: list, found_on: str) -> dict:
    """The `national_file` entry of a base, with where it was found and how it is filtered."""
    title = dataset.get("title") or base.label()
    page = dataset.get("page_url") or dataset.get("page") or ""
    columns = ", ".join(base.insee_fields)
    note = (
        f"{found_on}, « {title} »"
        + (f" ({page})" if page else "")
        + ": "
        + base.label()
        + "; "
        + tr("filtered when loaded to the territory's communes by their INSEE code, column")
        + f" {columns}"
    )
    entry = {
        "source": "national_file",
        "url": resource["url"],
        "format": base.file_format,
        "insee_fields": list(base.insee_fields),
        "communes": list(codes),
        "title": title,
        "domain": base.domain,
    }
    if base.lon_field and base.lat_field:
        entry.update(lon_field=base.lon_field, lat_field=base.lat_field)
    name, version = resource_schema(resource)
    schema = find_schema(schemas, name) if name else None
    if schema and schema.get("schema_type") in TABLE_SCHEMA_TYPES and schema_url(schema, version):
        entry["schema"] = schema_url(schema, version)
        note += "; " + tr("fields typed by the Etalab schema") + f" {name}"
    licence = licence_label(dataset.get("licence") or dataset.get("license"))
    if licence:
        entry["licence"] = licence
    if page:
        entry["dataset"] = page
    entry["note"] = note
    return entry
