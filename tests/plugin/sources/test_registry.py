"""The sources' declarations are what the registry, the profile schema, the dock and Processing read."""

import importlib
import json

from open_territory.plugin.profiles.profile import SCHEMA_PATH
from open_territory.plugin.profiles.validator import profile_expectations
from open_territory.plugin.sources import registry
from open_territory.plugin.sources.base import ENTRY_KEYS, Source
from open_territory.processing.provider import algorithm_names


def schema():
    with open(SCHEMA_PATH, encoding="utf-8") as handle:
        return json.load(handle)


def test_every_listed_module_declares_one_source_with_its_key():
    assert list(registry.SOURCES) == [
        "ods",
        "datagouv",
        "rudi",
        "gbfs",
        "gtfs",
        "sensor_community",
        "overpass",
        "national_file",
    ]
    for key, cls in registry.SOURCES.items():
        assert issubclass(cls, Source) and cls.KEY == key == cls.DECLARATION.key
        assert registry.declaration(key) is cls.DECLARATION and registry.label(key)
    assert registry.label("netex") == "netex"  # a key no source declares is shown as it is


def test_the_profile_schema_file_is_the_declarations():
    """profile.schema.json stays a readable file for profile writers; it must say exactly what the sources
    declare: the source keys, one conditional branch per source, each source's entry definition."""
    document = schema()
    resource = document["definitions"]["resource"]
    assert set(resource["properties"]["source"]["enum"]) == set(registry.SOURCES)
    assert set(resource["properties"]) == set(ENTRY_KEYS)
    branches = {branch["if"]["properties"]["source"]["const"]: branch["then"]["$ref"] for branch in resource["allOf"]}
    assert branches == {key: f"#/definitions/{key}" for key in registry.SOURCES}
    for found in registry.declarations():
        assert document["definitions"][found.key] == found.profile_schema(), found.key


def test_expectations_of_the_declared_fields_reach_the_validator():
    labels = profile_expectations()
    for found in registry.declarations():
        for field in found.expectations():
            assert labels[f"{found.key}.{field}"]
            assert field.rstrip("[]") in found.profile_fields


def test_processing_offers_the_declared_algorithms():
    declared = registry.algorithms()
    assert declared and all(algorithm in algorithm_names() for algorithm in declared)
    for module_name, class_name in declared:
        module = importlib.import_module(f"open_territory.processing.algorithms.{module_name}")
        assert getattr(module, class_name)().name() == module_name


def test_layer_preparation_and_coverage_are_declared():
    prepared = {found.key for found in registry.declarations() if found.prepare_layer is not None}
    assert prepared == {"overpass", "sensor_community", "gtfs"}
    covering = {found.key for found in registry.declarations() if "extent" in found.coverage}
    assert covering == {"ods", "overpass", "sensor_community", "gtfs", "national_file"}
