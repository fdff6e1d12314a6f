"""The Resources tab's recent and favourite datasets (ui/resources/remembered_row.py): it follows the lists, stars,
and loads a dataset again through the same loader as the Browser's node."""

from __future__ import annotations

from open_territory.plugin.profiles.remembered import RememberedDataset, favourite_datasets, recent_datasets
from open_territory.ui.dataset_loader import load_dataset, remember_loaded
from open_territory.ui.resources.remembered_row import STAR, RememberedRow

PARKS = RememberedDataset({"source": "ods", "portal": "https://p.example", "dataset": "parks"}, "car_park", "Parks")
STOPS = RememberedDataset({"source": "gbfs", "feed": "https://f.example/gbfs.json", "kind": "stations"}, "", "Bikes")


def labels(row: RememberedRow) -> list:
    return [row.combo.itemText(i) for i in range(row.combo.count())]


def test_empty_then_following_the_loads_and_the_stars(qgis_iface):
    row = RememberedRow(qgis_iface)
    assert labels(row) == ["Recent datasets: none loaded yet"]
    assert not row.star_button.isEnabled() and not row.load_button.isEnabled()
    remember_loaded(PARKS)
    remember_loaded(STOPS)
    assert labels(row) == ["Bikes", "Parks"]
    row.combo.setCurrentIndex(1)
    row.star_button.click()
    assert favourite_datasets() == [PARKS]
    assert labels(row) == [f"{STAR} Parks", "Bikes"] and row.current() == PARKS  # the starred first, still chosen
    assert row.star_button.toolTip() == "Remove from favourites"
    row.star_button.click()
    assert favourite_datasets() == [] and labels(row) == ["Bikes", "Parks"]


def test_a_star_in_the_browser_shows_here(qgis_iface):
    from open_territory.ui.browser import OpenTerritoryItemGuiProvider

    row = RememberedRow(qgis_iface)
    OpenTerritoryItemGuiProvider(qgis_iface).star(PARKS)
    assert labels(row) == [f"{STAR} Parks"]


def test_load_again_through_the_browsers_loader(qgis_iface, project, sync_runner):
    """A demo resource remembered from its profile loads offline, and moves first in the recent list."""
    from open_territory.ui import browser

    territories = {item.name(): item for item in browser.RootItem().createChildren()}["Territories"]
    demo = next(item for item in territories.createChildren() if item.profile_path.endswith("demo.json"))
    lamps = next(item.dataset for item in demo.createChildren() if item.dataset.category == "street_lamp")
    remember_loaded(lamps)
    remember_loaded(PARKS)
    row = RememberedRow(qgis_iface, loader=lambda dataset, iface: load_dataset(dataset, iface, runner=sync_runner))
    row.combo.setCurrentIndex(1)
    assert row.current() == lamps
    row.load_button.click()
    (layer,) = project.mapLayers().values()
    assert layer.name() == lamps.title and layer.featureCount() > 0
    assert recent_datasets()[0] == lamps
