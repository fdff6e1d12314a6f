"""A small JSON Schema validator for the keywords profile.schema.json uses (draft-07 subset).

QGIS ships no jsonschema package and the plugin manager installs none, so the profile schema is
checked here. Each problem names the JSON path (`$.resources.car_park[0].dataset`), what was
expected and what was found. A keyword outside the subset is refused, so the schema cannot drift
into rules that would silently not be checked.

What was expected is said in the user's language: the schema's `description`s are English notes for
profile writers, so the messages take their wording from a table of translated labels instead
(`profile_expectations`), keyed by where the rule sits in the schema: a definition (`url`), a property
(`crs`, `ods.dataset`, `register.actors`), a list's items (`boundary.communes[]`) or an object's keys
(`localized.keys`).
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


def profile_expectations() -> dict:
    """What each rule of profile.schema.json expects, in the user's language (called at each validation,
    so the translation in force is the one used)."""
    url = tr("an http or https URL")
    relative_file = tr("a file path, absolute or relative to the profile file")
    localized = tr('a text, or an object of language → text, such as {"fr": "…", "en": "…"}')
    return {
        "version": tr("the format version of the profile: 1"),
        "id": tr("a short lowercase key (letters, digits, - and _), such as rennes"),
        "name": tr("the territory's name"),
        "country": tr("a two-letter country code, such as FR"),
        "crs": tr("a CRS written EPSG:<code>, such as EPSG:2154"),
        "extent": tr("[xmin, ymin, xmax, ymax] in degrees (EPSG:4326)"),
        "boundary": tr("the territory's outline: epci (the SIREN of an EPCI), communes (INSEE codes) or file"),
        "resources": tr("the resources to load, per category"),
        "register.challenges": relative_file,
        "register.actors": relative_file,
        "offline_cache": tr("a folder of recorded replies, absolute or relative to the profile file"),
        "url": url,
        "text": localized,
        "localized": localized,
        "localized.*": tr("a non-empty text"),
        "localized.keys": tr("a two-letter language code, such as fr or en"),
        "boundary.epci": tr("the SIREN of the EPCI (9 digits)"),
        "boundary.communes": tr("a list of INSEE commune codes"),
        "boundary.communes[]": tr("an INSEE commune code (5 characters, such as 35238 or 2A004)"),
        "boundary.file": relative_file,
        "boundary.note": tr("a text saying where the outline comes from"),
        "notes": tr("a list of texts"),
        "notes[]": tr("a text"),
        "resource.source": tr("the source of the resource"),
        "resource.layer": tr("a layer name: a letter, then letters, digits or _"),
        **source_expectations(),
    }


def source_expectations() -> dict:
    """What each source's profile fields expect, as the sources declare it: `<source>.<field>` keys."""
    from ..sources import registry  # the sources are loaded when a profile is first validated

    return {
        f"{found.key}.{field}": text
        for found in registry.declarations()
        for field, text in found.expectations().items()
    }


def schema_keys(schema: dict | bool) -> dict:
    """id(schema node) -> its key in an expectations table (see the module's docstring)."""
    keys = {}

    def walk(node: dict, key: str) -> None:
        if not isinstance(node, dict):
            return
        if key:
            keys.setdefault(id(node), key)
        for sub, sub_key in _children(node, key):
            walk(sub, sub_key)

    walk(schema, "")
    return keys


def _children(node: dict, key: str) -> list:
    """(sub-schema, its key) of a schema node: definitions by name, properties as `<key>.<name>`, a list's
    items as `<key>[]`, other keys' values as `<key>.*`, their names as `<key>.keys`; the branches
    (anyOf, allOf, if, then, else) say the same thing as the node they belong to."""
    children = [(sub, name) for name, sub in node.get("definitions", {}).items()]
    children += [(sub, f"{key}.{name}" if key else name) for name, sub in node.get("properties", {}).items()]
    if "items" in node:
        children.append((node["items"], key + "[]"))
    if isinstance(node.get("additionalProperties"), dict):
        children.append((node["additionalProperties"], key + ".*"))
    if isinstance(node.get("propertyNames"), dict):
        children.append((node["propertyNames"], key + ".keys"))
    children += [(sub, key) for branch in ("anyOf", "allOf") for sub in node.get(branch, [])]
    children += [(node[branch], key) for branch in ("if", "then", "else") if branch in node]
    return children


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


def describe_value(value: object) -> str:
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


def is_type(value: object, name: str) -> bool:
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
    raise ValueError(f"unknown type {name}")


def child_path(path: str, key: str) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    if re.match(r"^[A-Za-z_$][A-Za-z0-9_$-]*$", key):
        return f"{path}.{key}"
    return f"{path}[{key!r}]"


class Validator:
    """labels: a callable returning {schema key: what is expected} (see profile_expectations)."""

    def __init__(self, schema: dict, labels=None):
        self.root = schema
        self.check_schema(schema)
        self.keys = schema_keys(schema)
        self.labels = labels
        self._labels = {}

    # -- the schema -----------------------------------------------------------------------------

    def check_schema(self, schema: dict | bool) -> None:
        if isinstance(schema, bool):
            return
        if not isinstance(schema, dict):
            raise ValueError(f"a schema must be an object or a boolean, not {schema!r}")
        unknown = set(schema) - KEYWORDS - ANNOTATIONS
        if unknown:
            raise ValueError(f"unsupported schema keywords: {sorted(unknown)}")
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

    def resolve(self, ref: str) -> dict | bool:
        if not ref.startswith("#/"):
            raise ValueError(f"only local references are supported: {ref}")
        node = self.root
        for part in ref[2:].split("/"):
            if not isinstance(node, dict) or part not in node:
                raise ValueError(f"unresolved reference {ref}")
            node = node[part]
        return node

    # -- the instance ---------------------------------------------------------------------------

    def validate(self, instance: object) -> list:
        self._labels = self.labels() if self.labels is not None else {}
        issues = []
        self._validate(instance, self.root, "$", issues)
        return issues

    def label(self, schema: dict | bool) -> str | None:
        """What `schema` expects in the user's words, or None."""
        if not isinstance(schema, dict):
            return None
        label = self._labels.get(self.keys.get(id(schema)))
        if label is None and "$ref" in schema:  # `"feed": {"$ref": url}` says what a `url` says
            label = self._labels.get(self.keys.get(id(self.resolve(schema["$ref"]))))
        return label

    def schema_types(self, schema: dict | bool) -> list:
        """The types a schema (or the one it refers to) allows, [] when it does not say."""
        if not isinstance(schema, dict):
            return []
        if "type" not in schema and "$ref" in schema:
            schema = self.resolve(schema["$ref"])
        names = schema.get("type", [])
        return names if isinstance(names, list) else [names]

    def is_valid(self, instance: object, schema: dict | bool) -> bool:
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
        hint = self.label(schema)
        mismatch = self._kind_mismatch(value, schema, path)
        if mismatch is not None:
            issues.append(mismatch)
            return
        if isinstance(value, str):
            self._validate_text(value, schema, path, issues, hint)
        if is_type(value, "number"):
            self._validate_number(value, schema, path, issues)
        if isinstance(value, list):
            self._validate_array(value, schema, path, issues, hint)
        if isinstance(value, dict):
            self._validate_object(value, schema, path, issues, hint)
        self._validate_branches(value, schema, path, issues, hint)

    def _validate_branches(self, value, schema, path, issues, hint):
        """allOf, anyOf and if/then/else."""
        for sub in schema.get("allOf", []):
            self._validate(value, sub, path, issues)
        if "anyOf" in schema:
            self._validate_any_of(value, schema, path, issues, hint)
        if "if" in schema:
            branch = "then" if self.is_valid(value, schema["if"]) else "else"
            if branch in schema:
                self._validate(value, schema[branch], path, issues)

    @staticmethod
    def _kind_mismatch(value, schema, path):
        """The issue when `value` is not of the schema's type, not its const or not one of its enum; a value
        that fails one of these is checked no further."""
        if "type" in schema:
            names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            if not any(is_type(value, name) for name in names):
                return Issue(path, tr(" or ").join(type_label(n) for n in names), describe_value(value))
        if "const" in schema and value != schema["const"]:
            return Issue(path, describe_value(schema["const"]), describe_value(value))
        if "enum" in schema and value not in schema["enum"]:
            expected = tr("one of") + " " + ", ".join(describe_value(v) for v in schema["enum"])
            return Issue(path, expected, describe_value(value))
        return None

    @staticmethod
    def _validate_text(value, schema, path, issues, hint):
        if "minLength" in schema and len(value) < schema["minLength"]:
            issues.append(Issue(path, hint or tr("a non-empty text"), describe_value(value)))
        elif "pattern" in schema and not re.search(schema["pattern"], value):
            issues.append(Issue(path, hint or tr("a text matching") + f" {schema['pattern']}", describe_value(value)))

    @staticmethod
    def _validate_number(value, schema, path, issues):
        if "minimum" in schema and value < schema["minimum"]:
            issues.append(Issue(path, tr("a number of at least") + f" {schema['minimum']}", describe_value(value)))
        if "maximum" in schema and value > schema["maximum"]:
            issues.append(Issue(path, tr("a number of at most") + f" {schema['maximum']}", describe_value(value)))

    def _validate_any_of(self, value, schema, path, issues, hint):
        branches = []
        for sub in schema["anyOf"]:
            found = []
            self._validate(value, sub, path, found)
            if not found:
                return
            # The branch whose type fits, with the fewest problems, is the one the user meant.
            types = self.schema_types(sub)
            wrong_type = bool(types) and not any(is_type(value, t) for t in types)
            branches.append(((wrong_type, len(found)), found, types))
        if all(wrong for (wrong, _count), _found, _types in branches):
            # No branch has the value's type: one message naming every type allowed.
            expected = hint or tr(" or ").join(type_label(t) for _k, _f, types in branches for t in types)
            issues.append(Issue(path, expected, describe_value(value)))
        else:
            issues.extend(min(branches, key=lambda b: b[0])[1])

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
                what = self.label(schema.get("properties", {}).get(key))
                issues.append(
                    Issue(child_path(path, key), (what or tr("a value")) + " " + tr("(required)"), tr("nothing"))
                )
        if "minProperties" in schema and len(value) < schema["minProperties"]:
            issues.append(Issue(path, hint or tr("at least one key"), tr("an empty object")))
        properties = schema.get("properties", {})
        names = schema.get("propertyNames")
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if names is not None and not self.is_valid(key, names):
                allowed = names.get("enum") if isinstance(names, dict) else None
                if allowed:
                    expected = tr("a key among") + " " + ", ".join(allowed)
                else:
                    expected = self.label(names) or tr("a valid key")
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
