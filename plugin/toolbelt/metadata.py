"""Where the plugin's files are, and its metadata.txt read once: the one place that knows the plugin's root."""

from __future__ import annotations

import configparser
import functools
import os

PLUGIN_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RESOURCES_DIR = os.path.join(PLUGIN_DIR, "resources")
STYLES_DIR = os.path.join(RESOURCES_DIR, "styles")
PROFILES_DIR = os.path.join(RESOURCES_DIR, "profiles")
LAYOUTS_DIR = os.path.join(RESOURCES_DIR, "layouts")
DEMO_DIR = os.path.join(RESOURCES_DIR, "demo")
ICON_PATH = os.path.join(RESOURCES_DIR, "icons", "open_territory.svg")
I18N_DIR = os.path.join(PLUGIN_DIR, "i18n")
GUIDE_DIR = os.path.join(PLUGIN_DIR, "docs", "guide")  # the user guide, rendered to HTML (scripts/guide.py)


def resource_path(*parts: str) -> str:
    """A file shipped under resources/."""
    return os.path.join(RESOURCES_DIR, *parts)


def translation_file(locale: str) -> str:
    """The compiled French (or other) translation for a two-letter locale."""
    return os.path.join(I18N_DIR, f"open_territory_{locale}.qm")


@functools.lru_cache(maxsize=1)
def metadata() -> dict:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    with open(os.path.join(PLUGIN_DIR, "metadata.txt"), encoding="utf-8") as handle:
        parser.read_file(handle)
    return dict(parser["general"])


def plugin_version() -> str:
    return metadata()["version"]
