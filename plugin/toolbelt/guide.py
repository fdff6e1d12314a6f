"""Where the user guide's pages are: the shipped HTML (docs/guide/<lang>/<page>.html), as file:// URLs.

The guide is rendered from Markdown by scripts/guide.py and shipped in the package, so every help link
works offline. Its pages are in English and French; another language gets the English pages. The plugin
links to pages by name and to sections by the explicit ids the Markdown gives them (an algorithm's section
is its id: `processing.html#council_map`). Which pages exist, and in which order they are listed, is the guide's
own business (scripts/guide.py renders them); the plugin asks for a page by name and checks it is there.
"""

from __future__ import annotations

import os

from .i18n import ui_language
from .metadata import GUIDE_DIR

LANGUAGES = ("en", "fr")


def has_page(page: str) -> bool:
    """The guide has this page (every page is in English; scripts/guide.py renders the French beside it)."""
    return bool(page) and os.path.isfile(os.path.join(GUIDE_DIR, "en", f"{page}.html"))


def guide_path(page: str = "index", language: str | None = None) -> str:
    """The HTML file of a page in the user's language (English when the guide has no such language)."""
    if not has_page(page):
        raise ValueError(f"no such page in the user guide: {page}")
    language = language or ui_language()
    if language not in LANGUAGES:
        language = "en"
    return os.path.join(GUIDE_DIR, language, f"{page}.html")


def guide_url(page: str = "index", anchor: str = "", language: str | None = None) -> str:
    """The file:// URL of a page, and of a section of it when `anchor` is given."""
    from qgis.PyQt.QtCore import QUrl

    url = QUrl.fromLocalFile(guide_path(page, language))
    if anchor:
        url.setFragment(anchor)
    return url.toString()
