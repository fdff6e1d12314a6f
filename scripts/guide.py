"""Render the user guide: docs/guide/<lang>/<page>.md -> docs/guide/<lang>/<page>.html, beside its source.

    .venv/bin/python scripts/guide.py          render every page (make guide)
    .venv/bin/python scripts/guide.py --check  exit 1 when a rendered page differs from its source (tests)

The HTML is committed and shipped in the package (the Makefile's PACKAGE_FILES), so that `make package` needs
no Python package beyond Debian's and a plugin run from a clone has its help; the check keeps it in step with the
Markdown. Each page gets the same frame: the guide's style sheet, a contents bar, a link to the other language.
Headings keep explicit ids where the plugin links to them (`{#council_map}`), so that the plugin's help links
(plugin/toolbelt/guide.py) do not depend on the wording.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import sys

import markdown

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GUIDE = os.path.join(ROOT, "docs", "guide")
LANGUAGES = ("en", "fr")
# Page order in the contents bar; plugin/toolbelt/guide.py names the same pages.
PAGES = (
    "index",
    "territory",
    "resources",
    "search",
    "register",
    "planning",
    "export",
    "processing",
    "settings",
)
PAGE_LINK = re.compile(r'href="([a-z_]+)\.md(#[A-Za-z0-9_-]+)?"')
OTHER_LANGUAGE = {"en": ("fr", "Français"), "fr": ("en", "English")}
GUIDE_TITLE = {"en": "Open Territory — user guide", "fr": "Territoire ouvert — guide d'utilisation"}
CONTENTS = {"en": "Contents", "fr": "Sommaire"}

TEMPLATE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · {guide}</title>
<link rel="stylesheet" href="../guide.css">
</head>
<body>
<nav aria-label="{contents}">
<a class="guide" href="index.html">{guide}</a>
<ul>
{nav}
</ul>
<a class="language" href="../{other}/{page}.html" hreflang="{other}">{other_name}</a>
</nav>
<main>
{body}
</main>
</body>
</html>
"""


def first_heading(text: str) -> str:
    match = re.search(r"^#\s+(.+?)\s*(\{#[^}]*\})?\s*$", text, re.MULTILINE)
    return match.group(1).strip() if match else ""


def render_page(lang: str, page: str, titles: dict) -> str:
    with open(os.path.join(GUIDE, lang, f"{page}.md"), encoding="utf-8") as handle:
        text = handle.read()
    body = markdown.markdown(text, extensions=["tables", "attr_list", "fenced_code", "toc"], output_format="html")
    # The sources link to each other's .md (readable on a forge); the shipped pages to the .html beside them.
    body = PAGE_LINK.sub(lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', body)
    current = ' aria-current="page"'
    nav = "\n".join(
        f'<li><a href="{name}.html"{current if name == page else ""}>{html.escape(titles[name])}</a></li>'
        for name in PAGES
    )
    other, other_name = OTHER_LANGUAGE[lang]
    return TEMPLATE.format(
        lang=lang,
        title=html.escape(titles[page]),
        guide=html.escape(GUIDE_TITLE[lang]),
        contents=CONTENTS[lang],
        nav=nav,
        other=other,
        other_name=other_name,
        page=page,
        body=body,
    )


def rendered() -> dict:
    """path -> the HTML each page renders to."""
    out = {}
    for lang in LANGUAGES:
        titles = {}
        for page in PAGES:
            with open(os.path.join(GUIDE, lang, f"{page}.md"), encoding="utf-8") as handle:
                titles[page] = first_heading(handle.read()) or page
        for page in PAGES:
            out[os.path.join(GUIDE, lang, f"{page}.html")] = render_page(lang, page, titles)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when a rendered page is not up to date")
    args = parser.parse_args(argv)
    stale = []
    for path, text in rendered().items():
        current = None
        if os.path.exists(path):
            with open(path, encoding="utf-8") as handle:
                current = handle.read()
        if current == text:
            continue
        stale.append(os.path.relpath(path, ROOT))
        if not args.check:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
    if args.check and stale:
        print("The guide's HTML is not up to date (run `make guide`): " + ", ".join(stale), file=sys.stderr)
        return 1
    if not args.check:
        print(f"{len(stale)} page(s) rendered" if stale else "The guide is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
