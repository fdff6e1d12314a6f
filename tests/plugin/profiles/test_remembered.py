"""plugin/profiles/remembered.py: recent and favourite datasets and recent profiles, in the plugin's settings."""

from open_territory.plugin.profiles.remembered import (
    MAX_RECENT,
    RememberedDataset,
    favourite_datasets,
    forget_recent_datasets,
    is_favourite,
    recent_datasets,
    recent_profiles,
    remember_dataset,
    remember_profile,
    toggle_favourite,
)
from open_territory.plugin.toolbelt.settings import PREFIX, load_settings
from qgis.core import QgsSettings

PARKS = RememberedDataset(
    {"source": "ods", "portal": "https://data.rennesmetropole.fr", "dataset": "parkings"}, "car_park", "Car parks"
)
STOPS = RememberedDataset({"source": "ods", "portal": "https://data.explore.star.fr", "dataset": "arrets"}, "bus_stop")


def test_recent_newest_first_once_each_and_capped():
    remember_dataset(PARKS)
    remember_dataset(STOPS)
    remember_dataset(RememberedDataset(dict(PARKS.entry), "car_park", "Parkings (renamed)"))
    assert recent_datasets() == [PARKS, STOPS]
    assert recent_datasets()[0].title == "Parkings (renamed)"
    for number in range(MAX_RECENT + 5):
        remember_dataset(RememberedDataset({"source": "datagouv", "resource": f"r{number}"}))
    assert len(recent_datasets()) == MAX_RECENT
    assert recent_datasets()[0].entry == {"source": "datagouv", "resource": f"r{MAX_RECENT + 4}"}
    forget_recent_datasets()
    assert recent_datasets() == []


def test_the_star_toggles_and_survives_in_the_settings():
    assert not is_favourite(PARKS)
    assert toggle_favourite(PARKS) is True and toggle_favourite(STOPS) is True
    assert favourite_datasets() == [STOPS, PARKS] and is_favourite(PARKS)
    stored = QgsSettings().value(f"{PREFIX}/favourite_datasets")
    assert "parkings" in str(stored)  # in the user's QGIS profile, under the plugin's key
    assert toggle_favourite(PARKS) is False
    assert favourite_datasets() == [STOPS]
    assert load_settings().favourite_datasets == [STOPS.to_line()]


def test_an_unreadable_line_is_skipped():
    settings = QgsSettings()
    settings.setValue(f"{PREFIX}/recent_datasets", "\n".join(["{not json", '{"entry": {}}', PARKS.to_line()]))
    assert recent_datasets() == [PARKS]


def test_recent_profiles_that_still_exist(tmp_path):
    first, second = tmp_path / "vitre.json", tmp_path / "redon.json"
    for path in (first, second):
        path.write_text("{}", encoding="utf-8")
    remember_profile(str(first))
    remember_profile(str(second))
    remember_profile(str(first))
    assert recent_profiles() == [str(first), str(second)]
    second.unlink()
    assert recent_profiles() == [str(first)]
