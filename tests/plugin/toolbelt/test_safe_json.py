"""The one JSON reader: absurd nesting refused before Python's recursion, at C speed, with the plugin's errors."""

import json

import pytest
from open_territory.plugin.toolbelt import safe_json
from open_territory.plugin.toolbelt.errors import InputError, ReplyError

DEPTH = safe_json.MAX_DEPTH


@pytest.mark.parametrize(
    ("text", "deeper"),
    [
        ("[" * DEPTH + "]" * DEPTH, False),
        ("[" * (DEPTH + 1) + "]" * (DEPTH + 1), True),
        ('{"a":' * (DEPTH + 1) + "1" + "}" * (DEPTH + 1), True),
        ('[{"a":' * (DEPTH // 2) + "1" + "}]" * (DEPTH // 2), False),  # arrays and objects count alike
        ('[{"a":' * (DEPTH // 2 + 1) + "1" + "}]" * (DEPTH // 2 + 1), True),
        ('["' + "[" * 500 + '"]', False),  # brackets inside a string are text
        ('["\\"' + "[" * 500 + '"]', False),  # ... after an escaped quote too
        ('["\\\\"' + ", " + "[" * 500 + "]" * 500 + "]", True),  # an escaped backslash ends the string
        ("[" + "[1], " * 5000 + "[]]", False),  # many brackets, two levels
    ],
)
def test_depth_is_measured_exactly(text, deeper):
    assert safe_json.nesting_exceeds(text) is deeper
    assert safe_json.nesting_exceeds(text.encode()) is deeper


@pytest.mark.parametrize(
    "text",
    [
        "[" * 1_000_000 + "]" * 1_000_000,
        '{"a":' * 1_000_000 + "1" + "}" * 1_000_000,
        "[" * 1_000_000,  # cut short as well
        "[{" * 500_000,
    ],
)
def test_a_million_levels_are_refused_with_the_plugins_error_at_once(text):
    with pytest.raises(ReplyError, match="nested too deeply") as raised:
        safe_json.loads(text, "data.example.org", url="https://data.example.org/x")
    assert raised.value.reason == "json_depth" and raised.value.url == "https://data.example.org/x"
    assert str(raised.value).startswith("data.example.org: ")


def test_within_the_limit_python_reads_it_as_json_does():
    document = {"type": "FeatureCollection", "features": [{"geometry": {"coordinates": [[[[1, 2]]]]}}] * 3}
    text = json.dumps(document)
    assert safe_json.loads(text) == document
    assert safe_json.loads(("\ufeff" + text).encode("utf-8")) == document  # bytes with a BOM


def test_not_json_and_the_kind_asked_for(tmp_path):
    with pytest.raises(InputError, match="not valid JSON") as raised:
        safe_json.loads("{'single': quotes}", "profile.json", kind=InputError)
    assert raised.value.reason == "json"
    path = tmp_path / "deep.json"
    path.write_text("[" * 5000 + "]" * 5000)
    with pytest.raises(InputError, match="nested too deeply") as raised:
        safe_json.load_file(str(path), kind=InputError)
    assert str(path) in str(raised.value)
    path.write_bytes(b'{"nom": "\xe9t\xe9"}')  # cp1252, not UTF-8
    with pytest.raises(ReplyError, match="not UTF-8"):
        safe_json.load_file(str(path), "download")
