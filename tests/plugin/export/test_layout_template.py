"""The council map templates (resources/layouts/*.qpt): every item there, as their generator makes them."""

from __future__ import annotations

import os

from open_territory.plugin.export.layout_template import (
    ITEM_IDS,
    LAYOUTS_DIR,
    ORIENTATIONS,
    PAGES,
    latin_only,
    load_layout,
)


def test_templates_have_every_item(project):
    for page in PAGES:
        for orientation in ORIENTATIONS:
            layout = load_layout(project, page, orientation)
            width = layout.pageCollection().page(0).pageSize().width()
            height = layout.pageCollection().page(0).pageSize().height()
            assert (width > height) == (orientation == "landscape")
            for item_id in ITEM_IDS:
                item = layout.itemById(item_id)
                assert item.pos().x() >= 0 and item.pos().x() + item.rect().width() <= width + 0.01, item_id
                assert item.pos().y() >= 0 and item.pos().y() + item.rect().height() <= height + 0.01, item_id


def test_templates_match_their_generator(project):
    """resources/layouts/*.qpt are what scripts/make_layouts.py makes: run it again after changing either."""
    import importlib.util

    path = os.path.join(os.path.dirname(LAYOUTS_DIR), "..", "scripts", "make_layouts.py")
    spec = importlib.util.spec_from_file_location("make_layouts", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for page in PAGES:
        for orientation in ORIENTATIONS:
            made = module.build(project, page, orientation)
            stored = load_layout(project, page, orientation)
            for item_id in ITEM_IDS:
                a, b = made.itemById(item_id), stored.itemById(item_id)
                assert (round(a.pos().x(), 2), round(a.pos().y(), 2)) == (round(b.pos().x(), 2), round(b.pos().y(), 2))
                if item_id == "scalebar":
                    continue  # a scale bar sizes itself to its segments
                assert (round(a.rect().width(), 2), round(a.rect().height(), 2)) == (
                    round(b.rect().width(), 2),
                    round(b.rect().height(), 2),
                ), f"{page} {orientation} {item_id}"


def test_latin_only():
    """Ligatures are turned off only for scripts that need no shaping."""
    assert latin_only(["Démo — µg/m³ ©", None])
    assert not latin_only(["Démo", "خريطة المرور"])
