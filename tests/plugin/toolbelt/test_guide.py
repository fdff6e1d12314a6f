"""plugin/toolbelt/guide.py: the guide's pages as file:// URLs, in the user's language."""

import os

import pytest
from open_territory.plugin.toolbelt.guide import guide_path, guide_url
from open_territory.plugin.toolbelt.metadata import GUIDE_DIR
from qgis.PyQt.QtCore import QUrl


def test_url_of_a_section_in_each_language():
    for lang in ("en", "fr"):
        url = QUrl(guide_url("export", "council_map", lang))
        assert url.scheme() == "file" and url.fragment() == "council_map"
        assert url.toLocalFile() == os.path.join(GUIDE_DIR, lang, "export.html")
        assert os.path.isfile(url.toLocalFile())


def test_another_language_gets_the_english_pages():
    assert guide_path("index", "de") == os.path.join(GUIDE_DIR, "en", "index.html")


def test_the_language_follows_the_installed_translation():
    # No translation installed in the tests: the plugin's texts are English, so is the guide.
    assert guide_path("register") == os.path.join(GUIDE_DIR, "en", "register.html")


def test_unknown_page_is_a_programming_error():
    with pytest.raises(ValueError):
        guide_path("nowhere")
