import configparser
import os
import re

from open_territory.plugin.toolbelt.metadata import PLUGIN_DIR

REQUIRED = [
    "name",
    "qgisMinimumVersion",
    "description",
    "about",
    "version",
    "author",
    "email",
    "category",
    "tags",
    "icon",
    "changelog",
    "hasProcessingProvider",
]


def read_metadata():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    with open(os.path.join(PLUGIN_DIR, "metadata.txt"), encoding="utf-8") as handle:
        parser.read_file(handle)
    return parser["general"]


def test_required_fields_present_and_not_empty():
    meta = read_metadata()
    for key in REQUIRED:
        assert meta.get(key, "").strip(), f"metadata.txt: {key} is missing or empty"


def test_values_are_valid():
    meta = read_metadata()
    assert meta["name"] == "Open Territory"
    assert meta["qgisMinimumVersion"] == "3.22"
    assert meta["hasProcessingProvider"] == "yes"
    assert re.fullmatch(r"\d+\.\d+\.\d+", meta["version"])
    assert meta["category"] in ("Web", "Vector", "Raster", "Database", "Mesh", "Analysis")
    assert os.path.isfile(os.path.join(PLUGIN_DIR, meta["icon"]))
    assert "description[fr]" in meta and "about[fr]" in meta
    assert meta["version"] in meta["changelog"]
    # No public site exists yet: no invented link. QGIS's plugin manager shows these as links when present and
    # needs none of them for a plugin installed from a ZIP; the help is the guide shipped in the package.
    for key in ("homepage", "tracker", "repository"):
        value = meta.get(key, "")
        assert not value or (value.startswith("https://") and ".invalid" not in value), key


def test_about_points_to_the_shipped_guide():
    meta = read_metadata()
    assert "Help" in meta["about"] and "Aide" in meta["about[fr]"]
