"""A small JSON Schema validator for the keywords profile.schema.json uses (draft-07 subset).

QGIS ships no jsonschema package and the plugin manager installs none, so the profile schema is
checked here. Each problem names the JSON path (`$.resources.car_park[0].dataset`), what was
expected and what was found. A keyword outside the subset is refused, so the schema cannot drift
into rules that would silently not be checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..toolbelt.i18n import tr

ANNOTATIONS = {
    "$schema",
    "$id",
    "title",
    "description",
    "default",
    "examples",
    "format",
    "$comment",
    "definitions",
}
KEYWORDS = {
    "$ref",
    "type",
    "enum",
    "const",
    "required",
    "properties",
    "additionalProperties",
    "propertyNames",
    "minProperties",
    "items",
    "minItems",
    "maxItems",
    "minLength",
    "pattern",
    "minimum",
    "maximum",
    "allOf",
    "anyOf",
    "if",
    "then",
    "else",
}


class SchemaError(Exception):
    """The schema itself uses something this validator does not implement."""


@dataclass
class Issue:
    path: str
    expected: str
    found: str = ""

    def __str__(self):
        text = f"{self.path}: " + tr("expected") + f" {self.expected}"
        if self.found:
            text += " — " + tr("found") + f" {self.found}"
        return text


def describe_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (dict, list)):
        return type_label("object" if isinstance(value, dict) else "array")
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def type_label(name: str) -> str:
    return {
        "object": tr("an object"),
        "array": tr("a list"),
        "string": tr("a text"),
        "number": tr("a number"),
        "integer": tr("a whole number"),
        "boolean": tr("true or false"),
        "null": "null",
    }[name]


def is_type(value, name: str) -> bool:
    if name == "object":
        return isinstance(value, dict)
    if name == "array":
        return isinstance(value, list)
    if name == "string":
        return isinstance(value, str)
    if name == "boolean":
        return isinstance(value, bool)
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if name == "null":
        return value is None
    raise SchemaError(f"unknown type {name}")


def child_path(path: str, key) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    if re.match(r"^[A-Za-z_$][A-Za-z0-9_$-]*$", key):
        return f"{path}.{key}"
    return f"{path}[{key!r}]"


class Validator:
    def __init__(self, schema: dict):
        self.root = schema
        self.check_schema(schema)

    # -- the schema -----------------------------------------------------------------------------

    def check_schema(self, schema):
        if isinstance(schema, bool):
            return
        if not isinstance(schema, dict):
            raise SchemaError(f"a schema must be an object or a boolean, not {schema!r}")
        unknown = set(schema) - KEYWORDS - ANNOTATIONS
        if unknown:
            raise SchemaError(f"unsupported schema keywords: {sorted(unknown)}")
        for key in ("properties", "definitions"):
            for sub in schema.get(key, {}).values():
                self.check_schema(sub)
        for key in ("additionalProperties", "propertyNames", "items", "if", "then", "else"):
            if key in schema:
                self.check_schema(schema[key])
        for key in ("allOf", "anyOf"):
            for sub in schema.get(key, []):
                self.check_schema(sub)
        if "$ref" in schema:
            self.resolve(schema["$ref"])

    def resolve(self, ref: str):
        if not ref.startswith("#/"):
            raise SchemaError(f"only local references are supported: {ref}")
        node = self.root
        for part in ref[2:].split("/"):
            if not isinstance(node, dict) or part not in node:
                raise SchemaError(f"unresolved reference {ref}")
            node = node[part]
        return node

    # -- the instance ---------------------------------------------------------------------------

    def validate(self, instance) -> list:
        issues = []
        self._validate(instance, self.root, "$", issues)
        return issues

    def is_valid(self, instance, schema) -> bool:
        issues = []
        self._validate(instance, schema, "$", issues)
        return not issues

    def _validate(self, value, schema, path, issues):
        if schema is True:
            return
        if schema is False:
            issues.append(Issue(path, tr("no such key here"), describe_value(value)))
            return
        if "$ref" in schema:
            self._validate(value, self.resolve(schema["$ref"]), path, issues)
        hint = schema.get("description")

        if "type" in schema:
            names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            if not any(is_type(value, name) for name in names):
                issues.append(
                    Issue(path, tr(" or ").join(type_label(n) for n in names), describe_value(value))
                )
                return
        if "const" in schema and value != schema["const"]:
            issues.append(Issue(path, describe_value(schema["const"]), describe_value(value)))
            return
        if "enum" in schema and value not in schema["enum"]:
            issues.append(
                Issue(
                    path,
                    tr("one of") + " " + ", ".join(describe_value(v) for v in schema["enum"]),
                    describe_value(value),
                )
            )
            return

        if isinstance(value, str):
            if "minLength" in schema and len(value) < schema["minLength"]:
                issues.append(Issue(path, hint or tr("a non-empty text"), describe_value(value)))
            elif "pattern" in schema and not re.search(schema["pattern"], value):
                issues.append(
                    Issue(
                        path, hint or tr("a text matching") + f" {schema['pattern']}", describe_value(value)
                    )
                )
        if is_type(value, "number"):
            if "minimum" in schema and value < schema["minimum"]:
                issues.append(
                    Issue(path, tr("a number of at least") + f" {schema['minimum']}", describe_value(value))
                )
            if "maximum" in schema and value > schema["maximum"]:
                issues.append(
                    Issue(path, tr("a number of at most") + f" {schema['maximum']}", describe_value(value))
                )
        if isinstance(value, list):
            self._validate_array(value, schema, path, issues, hint)
        if isinstance(value, dict):
            self._validate_object(value, schema, path, issues, hint)

        for sub in schema.get("allOf", []):
            self._validate(value, sub, path, issues)
        if "anyOf" in schema:
            branches = []
            for sub in schema["anyOf"]:
                found = []
                self._validate(value, sub, path, found)
                if not found:
                    break
                # The branch whose type fits, with the fewest problems, is the one the user meant.
                wrong_type = (
                    isinstance(sub, dict)
                    and "type" in sub
                    and not any(
                        is_type(value, t)
                        for t in (sub["type"] if isinstance(sub["type"], list) else [sub["type"]])
                    )
                )
                branches.append(((wrong_type, len(found)), found))
            else:
                issues.extend(min(branches, key=lambda b: b[0])[1])
        if "if" in schema:
            branch = "then" if self.is_valid(value, schema["if"]) else "else"
            if branch in schema:
                self._validate(value, schema[branch], path, issues)

    def _validate_array(self, value, schema, path, issues, hint):
        count = len(value)
        if "minItems" in schema and count < schema["minItems"]:
            issues.append(
                Issue(
                    path,
                    hint or tr("a list of at least") + f" {schema['minItems']}",
                    tr("a list of") + f" {count}",
                )
            )
        if "maxItems" in schema and count > schema["maxItems"]:
            issues.append(
                Issue(
                    path,
                    hint or tr("a list of at most") + f" {schema['maxItems']}",
                    tr("a list of") + f" {count}",
                )
            )
        if "items" in schema:
            for index, item in enumerate(value):
                self._validate(item, schema["items"], child_path(path, index), issues)

    def _validate_object(self, value, schema, path, issues, hint):
        for key in schema.get("required", []):
            if key not in value:
                sub = schema.get("properties", {}).get(key)
                what = sub.get("description") if isinstance(sub, dict) else None
                issues.append(
                    Issue(
                        child_path(path, key), (what or tr("a value")) + " " + tr("(required)"), tr("nothing")
                    )
                )
        if "minProperties" in schema and len(value) < schema["minProperties"]:
            issues.append(Issue(path, hint or tr("at least one key"), tr("an empty object")))
        properties = schema.get("properties", {})
        names = schema.get("propertyNames")
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if names is not None and not self.is_valid(key, names):
                allowed = names.get("enum") if isinstance(names, dict) else None
                expected = (tr("a key among") + " " + ", ".join(allowed)) if allowed else tr("a valid key")
                issues.append(Issue(child_path(path, key), expected, describe_value(key)))
                continue
            if key in properties:
                self._validate(item, properties[key], child_path(path, key), issues)
            elif extra is False:
                allowed = ", ".join(k for k in properties if properties[k] is not False)
                issues.append(
                    Issue(
                        child_path(path, key),
                        tr("no such key here; allowed keys:") + " " + allowed,
                        describe_value(key),
                    )
                )
            elif isinstance(extra, dict):
                self._validate(item, extra, child_path(path, key), issues)
