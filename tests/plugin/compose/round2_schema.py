"""profile.schema.json as it must become for the composed profiles (the integration adds exactly this):

- resource categories: transit_stop, transit_route, public_vehicle, carpool_area, road_accident;
- sources: `gtfs` ({"feed", "kind": "network" | "vehicles"}) and `national_file` (see
  plugin/compose/national_file_source.py);
- the profile's `notes` (a list of texts: what the composition could not do) and the boundary's `note`.

The tests validate composed profiles against this copy, with the plugin's own validator.
"""

import copy
import json

from open_territory.plugin.profiles.profile import SCHEMA_PATH
from open_territory.plugin.profiles.validator import Validator

ROUND2_CATEGORIES = ["transit_stop", "transit_route", "public_vehicle", "carpool_area", "road_accident"]
ENTRY_KEYS = {key: True for key in ("source", "title", "layer", "domain", "enabled", "unconfirmed", "note")}
INSEE = {"type": "string", "pattern": "^[0-9][0-9AB][0-9]{3}$"}


def round2_schema() -> dict:
    with open(SCHEMA_PATH, encoding="utf-8") as handle:
        schema = copy.deepcopy(json.load(handle))
    categories = schema["properties"]["resources"]["propertyNames"]["enum"]
    categories[categories.index("other") : categories.index("other")] = ROUND2_CATEGORIES
    schema["properties"]["notes"] = {
        "type": "array",
        "items": {"type": "string"},
        "description": "What the composition of the profile could not do (a catalog down, a base not found).",
    }
    schema["definitions"]["boundary"]["properties"]["note"] = {"type": "string"}
    resource = schema["definitions"]["resource"]
    resource["properties"]["source"]["enum"] += ["gtfs", "national_file"]
    for key in ("gtfs", "national_file"):
        resource["allOf"].append(
            {
                "if": {"required": ["source"], "properties": {"source": {"const": key}}},
                "then": {"$ref": f"#/definitions/{key}"},
            }
        )
    schema["definitions"]["gtfs"] = {
        "required": ["feed"],
        "additionalProperties": False,
        "properties": dict(ENTRY_KEYS, feed={"$ref": "#/definitions/url"}, kind={"enum": ["network", "vehicles"]}),
    }
    schema["definitions"]["national_file"] = {
        "required": ["url"],
        "additionalProperties": False,
        "properties": dict(
            ENTRY_KEYS,
            url={"$ref": "#/definitions/url"},
            format={"enum": ["csv", "geojson"]},
            insee_fields={"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
            communes={"type": "array", "minItems": 1, "items": INSEE},
            lon_field={"type": "string", "minLength": 1},
            lat_field={"type": "string", "minLength": 1},
            schema={"$ref": "#/definitions/url"},
            licence={"type": "string"},
            dataset={"type": "string"},
            name_field={"type": "string"},
        ),
    }
    return schema


def round2_issues(data: dict) -> list:
    """Schema problems of a composed profile, then those the schema cannot say (plugin/profiles/profile.py)."""
    from open_territory.plugin.profiles.profile import semantic_issues

    issues = Validator(round2_schema()).validate(data)
    return issues or semantic_issues(data)
