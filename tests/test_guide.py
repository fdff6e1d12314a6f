"""The user guide (docs/guide): rendered HTML in step with its Markdown, both languages with the same pages and
sections, every link and image of the shipped pages found on disk, and one section per Processing algorithm."""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from open_territory.plugin.toolbelt.guide import LANGUAGES
from open_territory.plugin.toolbelt.metadata import GUIDE_DIR, PLUGIN_DIR

# The pages the plugin links to: the dock's tabs (their keys), the algorithms' page, the first page.
LINKED = ("index", "territory", "resources", "register", "planning", "export", "processing")


class Links(HTMLParser):
    """Every href and src of a page, and every id."""

    def __init__(self):
        super().__init__()
        self.targets, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name):
                self.targets.append(attrs[name])


def parsed(lang: str, page: str) -> Links:
    links = Links()
    with open(os.path.join(GUIDE_DIR, lang, f"{page}.html"), encoding="utf-8") as handle:
        links.feed(handle.read())
    return links


def test_the_rendered_html_is_up_to_date():
    result = subprocess.run(
        [sys.executable, os.path.join(PLUGIN_DIR, "scripts", "guide.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def pages(lang: str) -> set:
    return {name[:-3] for name in os.listdir(os.path.join(GUIDE_DIR, lang)) if name.endswith(".md")}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_exists_and_its_links_and_images_are_on_disk(lang):
    assert pages(lang) == pages("en") and set(LINKED) <= pages(lang)
    for page in pages(lang):
        links = parsed(lang, page)
        for target in links.targets:
            parts = urlsplit(target)
            if parts.scheme:
                continue  # no external link is needed to read the guide offline
            path = os.path.normpath(os.path.join(GUIDE_DIR, lang, parts.path)) if parts.path else ""
            if path:
                assert os.path.isfile(path), f"{lang}/{page}.html links to a missing {target}"
            if parts.fragment:
                other = os.path.splitext(os.path.basename(path))[0] if path else page
                assert parts.fragment in parsed(lang, other).ids, f"{lang}/{page}.html: no section {target}"


def test_both_languages_have_the_same_sections():
    for page in pages("en"):
        explicit = [
            set(re.findall(r"\{#([\w-]+)\}", open(os.path.join(GUIDE_DIR, lang, f"{page}.md")).read()))
            for lang in LANGUAGES
        ]
        assert explicit[0] == explicit[1], page


def test_every_algorithm_has_its_section_and_its_help_url(provider):
    from open_territory.processing.provider import ALGORITHMS
    from qgis.PyQt.QtCore import QUrl

    for lang in LANGUAGES:
        ids = parsed(lang, "processing").ids
        for module, cls in ALGORITHMS:
            name = getattr(importlib.import_module(f"open_territory.processing.algorithms.{module}"), cls)().name()
            assert name in ids, f"{lang}/processing.md has no section {{#{name}}}"
    for algorithm in provider.algorithms():
        url = QUrl(algorithm.helpUrl())
        assert url.isLocalFile() and os.path.isfile(url.toLocalFile()), algorithm.id()
        assert url.fragment() == algorithm.name()
        assert url.fragment() in parsed(os.path.basename(os.path.dirname(url.toLocalFile())), "processing").ids
