"""data.gouv.fr's catalog of Etalab schemas: where a schema's document is, and its national consolidation.

`GET /api/1/datasets/schemas/` lists the schemas of schema.data.gouv.fr, each
`{"name": "etalab/schema-lieux-covoiturage", "schema_type": "tableschema" | "datapackage" |
"jsonschema", "schema_url": <latest>, "versions": [{"version_name", "schema_url"}],
"consolidation_dataset_id": <the national consolidated dataset on data.gouv.fr, when there is one>}`.
A data package (the IRVE one) groups table schemas: its consolidation dataset also stands for its
members ("etalab/schema-irve" for "etalab/schema-irve-statique").

A `national_file` entry names the Table Schema of its CSV (`schema`), which types its columns when it is
loaded (plugin/formats/table_schema.py). JSON schemas (GeoJSON files) need none: GeoJSON carries its own
types.
"""

from __future__ import annotations

from ..toolbelt.errors import ReplyError
from ..toolbelt.i18n import tr
from .services import Services, get_json

SERVICE = "data.gouv.fr"
SCHEMAS_MAX_AGE = 7 * 86400


def read_schema_catalog(transport, services: Services) -> list:
    reply = get_json(transport, f"{services.datagouv}/api/1/datasets/schemas/", SERVICE, max_age=SCHEMAS_MAX_AGE)
    if isinstance(reply, dict):  # schema.data.gouv.fr's own file wraps the list
        reply = reply.get("schemas")
    if not isinstance(reply, list):
        raise ReplyError(tr("data.gouv.fr's catalog of schemas is not a list"), source=SERVICE)
    return [schema for schema in reply if isinstance(schema, dict) and schema.get("name")]


def find_schema(catalog: list, name: str):
    return next((schema for schema in catalog if schema.get("name") == name), None)


def schema_url(schema: dict, version: str = "") -> str:
    """The URL of the schema document of `version` (as a resource declares it), else the latest."""
    for item in schema.get("versions") or []:
        if version and isinstance(item, dict) and item.get("version_name") == version and item.get("schema_url"):
            return item["schema_url"]
    return schema.get("schema_url") or ""


def consolidation_dataset(catalog: list, name: str) -> str:
    """The data.gouv.fr id of the national dataset consolidating files of schema `name`, or ""."""
    schema = find_schema(catalog, name)
    if schema and schema.get("consolidation_dataset_id"):
        return str(schema["consolidation_dataset_id"])
    for package in catalog:
        package_name = package.get("name", "")
        if package.get("schema_type") == "datapackage" and name.startswith(package_name + "-"):
            if package.get("consolidation_dataset_id"):
                return str(package["consolidation_dataset_id"])
    return ""
