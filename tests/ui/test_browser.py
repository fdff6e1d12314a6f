"""The Browser panel's Open Territory node (ui/browser.py): its tree, a portal's datasets fetched lazily and cached,
drag and double-click loading through the same loader as the favourites, the star, and the provider's life."""

from __future__ import annotations

import pytest
from open_territory.plugin.profiles.remembered import RememberedDataset, favourite_datasets, recent_datasets
from open_territory.ui import browser
from qgis.core import QgsErrorItem, QgsProject
from qgis.PyQt.QtWidgets import QMenu

from ..qt_wait import wait_until


def children_by_name(item) -> dict:
    return {child.name(): child for child in item.createChildren()}


def catalog_entry(dataset_id: str, title: str, geo: bool = True) -> dict:
    """One dataset of an Explore v2.1 catalog reply, as the portals send it."""
    fields = [{"name": "nom", "label": "Nom", "type": "text", "description": None, "annotations": {}}]
    if geo:
        fields.append({"name": "geo_point_2d", "label": "Geo Point", "type": "geo_point_2d", "annotations": {}})
    return {
        "dataset_id": dataset_id,
        "dataset_uid": f"da_{dataset_id[:6]}",
        "attachments": [],
        "has_records": True,
        "data_visible": True,
        "fields": fields,
        "metas": {"default": {"title": title, "license": "Licence Ouverte v2.0 (Etalab)", "records_count": 12}},
        "features": ["geo", "analyze"] if geo else ["analyze"],
    }


def test_the_root_lists_territories_portals_favourites_and_recent():
    root = browser.OpenTerritoryItemProvider().createDataItem("", None)
    assert root.name() == "Open Territory" and root.path() == browser.ROOT_PATH
    assert list(children_by_name(root)) == ["Territories", "Portals", "Favourites", "Recent"]


def test_a_bundled_territory_lists_its_resources_as_loadable_datasets():
    territories = children_by_name(browser.RootItem())["Territories"]
    names = children_by_name(territories)
    assert "Démo-sur-Vilaine" in " ".join(names) and len(names) >= 7
    demo = next(item for name, item in names.items() if "Démo" in name)
    resources = demo.createChildren()
    assert resources and all(isinstance(item, browser.DatasetItem) for item in resources)
    parks = next(item for item in resources if item.dataset.category == "car_park")
    assert parks.dataset.source and parks.dataset.profile.endswith("demo.json")
    assert parks.hasDragEnabled()
    (uri,) = parks.mimeUris()
    assert (uri.layerType, uri.providerKey) == ("custom", "open_territory")
    assert RememberedDataset.from_line(uri.uri) == parks.dataset


def test_a_recent_profile_joins_the_territories(tmp_path):
    import json

    from open_territory.plugin.profiles.remembered import remember_profile

    mine, broken = tmp_path / "vitre.json", tmp_path / "broken.json"
    profile = {
        "version": 1,
        "id": "vitre",
        "name": "Vitré",
        "boundary": {"communes": ["35360"]},
        "resources": {"bus_stop": [{"source": "overpass"}]},
    }
    mine.write_text(json.dumps(profile), encoding="utf-8")
    broken.write_text("{", encoding="utf-8")
    remember_profile(str(broken))
    remember_profile(str(mine))
    territories = children_by_name(browser.RootItem())["Territories"].createChildren()
    assert [item.name() for item in territories if item.profile_path == str(mine)] == ["Vitré"]
    assert str(broken) not in [item.profile_path for item in territories]  # left out, the others listed


def test_a_portal_lists_its_geographic_datasets_once_then_from_the_cache(httpserver):
    from open_territory.plugin.toolbelt.settings import load_settings, save_settings

    portal = httpserver.url_for("/").rstrip("/")
    settings = load_settings()
    settings.ods_portals = [portal]
    save_settings(settings)
    httpserver.expect_request("/api/explore/v2.1/catalog/datasets").respond_with_json(
        {"total_count": 2, "results": [catalog_entry("arceaux-velo", "Arceaux vélo")]}
    )
    portals = children_by_name(browser.RootItem())["Portals"].createChildren()
    item = next(p for p in portals if p.url == portal)
    datasets = item.createChildren()
    assert [(d.name(), d.dataset.entry) for d in datasets] == [
        ("Arceaux vélo", {"source": "ods", "portal": portal, "dataset": "arceaux-velo"})
    ]
    assert "refine=features%3Ageo" in httpserver.log[0][0].url or "features:geo" in httpserver.log[0][0].url
    item.createChildren()
    assert len(httpserver.log) == 1  # the catalog reply comes from the cache the second time


def test_a_portal_that_fails_shows_why(httpserver):
    from open_territory.plugin.toolbelt.settings import load_settings, save_settings

    portal = httpserver.url_for("/down").rstrip("/")
    settings = load_settings()
    settings.ods_portals, settings.network_retries = [portal], 0
    save_settings(settings)
    httpserver.expect_request("/down/api/explore/v2.1/catalog/datasets").respond_with_data("busy", status=503)
    item = next(p for p in children_by_name(browser.RootItem())["Portals"].createChildren() if p.url == portal)
    (child,) = item.createChildren()
    assert isinstance(child, QgsErrorItem) and "503" in child.name()


@pytest.fixture()
def gui(qgis_iface):
    return browser.OpenTerritoryItemGuiProvider(qgis_iface)


def demo_dataset(category: str):
    territories = children_by_name(browser.RootItem())["Territories"]
    demo = next(item for name, item in children_by_name(territories).items() if "Démo" in name)
    return next(item for item in demo.createChildren() if item.dataset.category == category)


def test_double_click_loads_the_demo_resource_offline_and_remembers_it(gui, qgis_new_project):
    item = demo_dataset("car_park")
    assert gui.handleDoubleClick(item, None)
    project = QgsProject.instance()
    assert wait_until(lambda: len(project.mapLayers()) == 1, 60)
    (layer,) = project.mapLayers().values()
    assert layer.name() == item.dataset.title and layer.featureCount() > 0
    assert layer.renderer().type() != "singleSymbol" or layer.renderer().symbol().color().name() != "#000000"
    assert recent_datasets()[0] == item.dataset


def test_a_drop_on_the_map_loads_like_a_double_click(gui, qgis_iface, qgis_new_project):
    item = demo_dataset("bus_stop")
    handler = browser.OpenTerritoryDropHandler(qgis_iface, gui)
    assert handler.customUriProviderKey() == "open_territory"
    (uri,) = item.mimeUris()
    assert handler.canHandleCustomUriCanvasDrop(uri, qgis_iface.mapCanvas())
    assert handler.handleCustomUriCanvasDrop(uri, qgis_iface.mapCanvas())
    assert wait_until(lambda: len(QgsProject.instance().mapLayers()) == 1, 60)
    other = type(uri)()
    other.providerKey, other.uri = "ogr", "/tmp/x.gpkg"
    assert not handler.canHandleCustomUriCanvasDrop(other, qgis_iface.mapCanvas())


def test_the_star_in_the_context_menu(gui):
    item = demo_dataset("car_park")
    menu = QMenu()
    gui.populateContextMenu(item, menu, [item], None)
    texts = [action.text() for action in menu.actions()]
    assert texts == ["Load on the map", "Add to favourites"]
    menu.actions()[1].trigger()
    assert favourite_datasets() == [item.dataset]
    favourites = children_by_name(browser.RootItem())["Favourites"].createChildren()
    assert [child.dataset for child in favourites] == [item.dataset]
    menu = QMenu()
    gui.populateContextMenu(item, menu, [item], None)
    assert menu.actions()[1].text() == "Remove from favourites"
    menu.actions()[1].trigger()
    assert favourite_datasets() == []


def test_the_plugin_adds_and_removes_the_node(qgis_iface):
    from open_territory import classFactory
    from qgis.core import QgsApplication

    registry = QgsApplication.dataItemProviderRegistry()
    plugin = classFactory(qgis_iface)
    plugin.initGui()
    assert registry.provider("Open Territory") is not None
    qgis_iface.registerCustomDropHandler.assert_called_with(plugin.browser[2])
    plugin.unload()
    assert registry.provider("Open Territory") is None


def test_a_task_nobody_holds_still_ends(qgis_new_project):
    """The Browser and the locator start loads without keeping the task: start_task keeps it until it ends."""
    import gc

    from open_territory.plugin.toolbelt import tasks

    ended = []
    tasks.start_task("nobody holds me", lambda feedback: 42, lambda result, error: ended.append((result, error)))
    gc.collect()
    assert wait_until(lambda: ended, 20) and ended == [(42, None)]
    assert wait_until(lambda: not tasks._running, 5)


def test_a_portal_dataset_loads_through_its_source(gui, httpserver, qgis_new_project):
    """Not from a profile: fetched by the Opendatasoft source, written with the common fields, styled."""
    import json

    portal = httpserver.url_for("/").rstrip("/")
    entry = catalog_entry("arceaux-velo", "Arceaux vélo")
    httpserver.expect_request("/api/explore/v2.1/catalog/datasets/arceaux-velo").respond_with_json(entry)
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [-1.68 + i / 100, 48.11]},
            "properties": {"nom": f"Arceau {i}", "geo_point_2d": {"lon": -1.68 + i / 100, "lat": 48.11}},
        }
        for i in range(3)
    ]
    httpserver.expect_request("/api/explore/v2.1/catalog/datasets/arceaux-velo/exports/geojson").respond_with_data(
        json.dumps({"type": "FeatureCollection", "features": features}), content_type="application/geo+json"
    )
    dataset = RememberedDataset(
        {"source": "ods", "portal": portal, "dataset": "arceaux-velo"}, "bicycle_parking", "Arceaux vélo"
    )
    item = browser.DatasetItem(None, dataset, "/open_territory/test")
    assert gui.handleDoubleClick(item, None)
    project = QgsProject.instance()
    assert wait_until(lambda: len(project.mapLayers()) == 1, 60)
    (layer,) = project.mapLayers().values()
    assert layer.name() == "Arceaux vélo" and layer.featureCount() == 3
    feature = next(layer.getFeatures())
    assert feature["category"] == "bicycle_parking" and feature["source"] == portal
    import sqlite3

    path = layer.source().split("|")[0]
    styled = sqlite3.connect(path).execute("SELECT f_table_name, description FROM layer_styles").fetchall()
    assert styled == [("bicycle_parking_ods", "bicycle_parking")]  # the category's style, the layer's default
    assert recent_datasets()[0] == dataset
