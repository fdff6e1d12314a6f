"""Source key (as written in profiles) -> (module under plugin/sources, class name)."""

from __future__ import annotations

import importlib

SOURCES = {
    "ods": ("ods", "OdsSource"),
    "gbfs": ("gbfs", "GbfsSource"),
    "sensor_community": ("sensor_community", "SensorCommunitySource"),
    "datagouv": ("datagouv", "DatagouvSource"),
    "rudi": ("rudi", "RudiSource"),
    "overpass": ("overpass", "OverpassSource"),
    "gtfs": ("gtfs", "GtfsSource"),
}


def source_class(key: str):
    if key not in SOURCES:
        raise KeyError(key)
    module_name, class_name = SOURCES[key]
    module = importlib.import_module(f"{__package__}.{module_name}")
    return getattr(module, class_name)


def make_source(key: str, transport):
    return source_class(key)(transport)
