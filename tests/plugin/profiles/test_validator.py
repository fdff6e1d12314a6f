"""The small JSON Schema validator on its own."""

import pytest
from open_territory.plugin.profiles.validator import Validator


def paths(schema, value):
    return [(i.path, i.expected) for i in Validator(schema).validate(value)]


def test_types_enum_const_and_nesting():
    schema = {
        "type": "object",
        "properties": {
            "a": {"type": "integer"},
            "b": {"enum": ["x", "y"]},
            "c": {"const": 1},
            "d": {"type": "array", "items": {"type": "string", "minLength": 1}},
        },
    }
    assert paths(schema, {"a": 1, "b": "x", "c": 1, "d": ["q"]}) == []
    found = paths(schema, {"a": True, "b": "z", "c": 2, "d": ["q", ""]})
    assert [p for p, _ in found] == ["$.a", "$.b", "$.c", "$.d[1]"]


def test_if_then_refs_and_boolean_schemas():
    schema = {
        "definitions": {
            "k": {
                "required": ["k"],
                "additionalProperties": False,
                "properties": {"kind": True, "k": {"type": "string"}},
            }
        },
        "if": {"required": ["kind"], "properties": {"kind": {"const": "a"}}},
        "then": {"$ref": "#/definitions/k"},
    }
    assert paths(schema, {"kind": "b"}) == []
    assert [p for p, _ in paths(schema, {"kind": "a", "x": 1})] == ["$.k", "$.x"]


def test_any_of_reports_the_closest_branch():
    schema = {"anyOf": [{"type": "string"}, {"type": "object", "required": ["a", "b"]}]}
    assert paths(schema, "s") == []
    assert [p for p, _ in paths(schema, {"a": 1})] == ["$.b"]


def test_numbers_and_lengths():
    schema = {
        "type": "array",
        "minItems": 2,
        "maxItems": 3,
        "items": {"type": "number", "minimum": 0, "maximum": 5},
    }
    assert paths(schema, [1, 2.5]) == []
    assert [p for p, _ in paths(schema, [-1, 6])] == ["$[0]", "$[1]"]
    assert [p for p, _ in paths(schema, [1])] == ["$"]


def test_unsupported_keywords_are_refused():
    with pytest.raises(ValueError, match="unsupported schema keywords"):
        Validator({"type": "object", "dependencies": {}})
    with pytest.raises(ValueError, match="only local references"):
        Validator({"$ref": "http://elsewhere/schema.json"})


def test_keys_with_odd_characters_are_quoted_in_paths():
    schema = {"additionalProperties": {"type": "string"}}
    assert paths(schema, {"a b": 1}) == [("$['a b']", "a text")]


def test_every_rule_of_the_profile_schema_has_a_label_and_every_label_a_rule():
    """Messages take what is expected from the translated labels, never from the English descriptions:
    each rule whose message uses a label needs one, and a label no rule uses is a leftover."""
    import json

    from open_territory.plugin.profiles.profile import SCHEMA_PATH
    from open_territory.plugin.profiles.validator import profile_expectations, schema_keys

    schema = json.load(open(SCHEMA_PATH, encoding="utf-8"))
    labels = profile_expectations()
    keyed = {}

    def walk(node):
        if isinstance(node, dict):
            keyed[id(node)] = node
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    keys = schema_keys(schema)
    rules = ("minLength", "pattern", "minItems", "maxItems", "minProperties", "anyOf")
    needed = {keys[i] for i, node in keyed.items() if i in keys and any(r in node for r in rules)}
    for node in keyed.values():  # a required property that is missing is named by its label
        for name in node.get("required", []):
            sub = node.get("properties", {}).get(name)
            if isinstance(sub, dict) and "$ref" in sub:  # `{"$ref": url}` is named by the url's label
                sub = schema["definitions"][sub["$ref"].split("/")[-1]]
            if isinstance(sub, dict):
                needed.add(keys[id(sub)])
    needed -= {"$schema"}
    assert sorted(needed - set(labels)) == []
    assert sorted(set(labels) - set(keys.values())) == []


def test_profile_messages_are_in_the_users_language(tmp_path, french):
    from open_territory.plugin.profiles.profile import validate_data

    data = {
        "version": 1,
        "id": "x",
        "name": "X",
        "boundary": {"epci": "123"},
        "resources": {"bus_stop": [{"source": "ods", "portal": "https://p.example"}]},
    }
    messages = [str(issue) for issue in validate_data(data, str(tmp_path / "x.json"))]
    assert messages == [
        "$.boundary.epci: attendu : le SIREN de l'EPCI (9 chiffres) — trouvé : '123'",
        "$.resources.bus_stop[0].dataset: attendu : l'identifiant du jeu de données (dataset_id), sans espace ni / "
        "(obligatoire) — trouvé : rien",
    ]


def test_a_value_of_no_allowed_type_gets_one_message():
    schema = {"anyOf": [{"type": "string"}, {"$ref": "#/definitions/o"}], "definitions": {"o": {"type": "object"}}}
    assert paths(schema, 3) == [("$", "a text or an object")]
    assert paths(schema, {}) == [] and paths(schema, "s") == []
