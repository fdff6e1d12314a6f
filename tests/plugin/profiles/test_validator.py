"""The small JSON Schema validator on its own."""

import pytest
from open_territory.plugin.profiles.validator import SchemaError, Validator


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
    with pytest.raises(SchemaError):
        Validator({"type": "object", "dependencies": {}})
    with pytest.raises(SchemaError):
        Validator({"$ref": "http://elsewhere/schema.json"})


def test_keys_with_odd_characters_are_quoted_in_paths():
    schema = {"additionalProperties": {"type": "string"}}
    assert paths(schema, {"a b": 1}) == [("$['a b']", "a text")]
