"""The sources the plugin has, read from their declarations (sources/base.SourceDeclaration).

A source's module (or package) under plugin/sources is named here once, in the order the dock lists
them; its key, label, profile fields, Processing algorithms and layer preparation come from its class's
DECLARATION. `SOURCES` maps each key (as profiles write it) to the Source class.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from .base import Source, SourceDeclaration

if TYPE_CHECKING:  # names used in annotations only
    from ..toolbelt.network import Transport

SOURCE_MODULES = ("ods", "datagouv", "rudi", "gbfs", "gtfs", "sensor_community", "overpass", "national_file")


def _declared_classes() -> dict:
    """key -> the Source subclass that declares it, in SOURCE_MODULES' order."""
    found = {}
    for module_name in SOURCE_MODULES:
        module = importlib.import_module(f"{__package__}.{module_name}")
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, Source) and value.__dict__.get("DECLARATION"):
                found[value.DECLARATION.key] = value
    return found


SOURCES = _declared_classes()


def source_class(key: str) -> type:
    """The Source class of a key; KeyError for a key no source declares."""
    if key not in SOURCES:
        raise KeyError(key)
    return SOURCES[key]


def make_source(key: str, transport: Transport) -> Source:
    return source_class(key)(transport)


def declarations() -> list:
    """Every source's SourceDeclaration, in the dock's order."""
    return [cls.DECLARATION for cls in SOURCES.values()]


def declaration(key: str) -> SourceDeclaration:
    """The declaration of a key; KeyError for a key no source declares."""
    if key not in SOURCES:
        raise KeyError(key)
    return SOURCES[key].DECLARATION


def label(key: str) -> str:
    """A source's name in the user's language; the key itself for a key no source declares."""
    return SOURCES[key].DECLARATION.label() if key in SOURCES else key


def algorithms() -> list:
    """(module under processing/algorithms, class name) of every source's own algorithms."""
    return [algorithm for found in declarations() for algorithm in found.algorithms]
