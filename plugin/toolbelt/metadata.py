"""The plugin's metadata.txt, read once."""

from __future__ import annotations

import configparser
import functools
import os

PLUGIN_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@functools.lru_cache(maxsize=1)
def metadata() -> dict:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    with open(os.path.join(PLUGIN_DIR, "metadata.txt"), encoding="utf-8") as handle:
        parser.read_file(handle)
    return dict(parser["general"])


def plugin_version() -> str:
    return metadata()["version"]
