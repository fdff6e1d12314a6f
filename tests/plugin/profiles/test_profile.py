"""Profile schema and loader: good profiles load, each kind of bad one is refused with a message
naming the file, the JSON path and what was expected."""

import copy
import json

import pytest
from open_territory.plugin.definitions import CATEGORIES
from open_territory.plugin.profiles.profile import (
    SCHEMA_PATH,
    ProfileError,
    bundled_profile_ids,
    bundled_profile_names,
    load_profile,
    profile_path,
    save_profile,
)

GOOD = {
    "version": 1,
    "id": "testville",
    "name": "Testville",
    "crs": "EPSG:2154",
    "boundary": {"epci": "123456789"},
    "portals": {"tv": {"url": "https://data.testville.example", "title": "Testville data"}},
    "resources": {
        "car_park": [
            {"source": "ods", "portal": "tv", "dataset": "parkings"},
            {
                "source": "ods",
                "portal": "https://other.example/",
                "dataset": "parkings-2",
                "where": "places > 10",
            },
            {"source": "overpass"},
        ],
        "bike_share_station": [
            {"source": "gbfs", "feed": "http://gbfs.example/gbfs.json", "kind": "stations"}
        ],
        "air_quality_sensor": [{"source": "sensor_community", "types": ["SDS011"]}],
        "charging_station": [
            {"source": "datagouv", "dataset": "5448d3e0c751df01f85d0572", "unconfirmed": True}
        ],
        "other": [{"source": "rudi", "node": "https://rudi.example/", "resource": "abc"}],
    },
}


def write(tmp_path, data, name="p.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def errors(tmp_path, data):
    with pytest.raises(ProfileError) as caught:
        load_profile(write(tmp_path, data))
    return caught.value


def test_good_profile_loads_and_resolves_portals(tmp_path):
    profile = load_profile(write(tmp_path, GOOD))
    assert profile.id == "testville" and profile.crs == "EPSG:2154"
    entries = {e.layer: e for e in profile.resources}
    first = entries["car_park_ods_parkings"]
    assert first.spec["portal"] == "https://data.testville.example"  # key resolved to the portal URL
    assert first.spec["dataset"] == "parkings" and "source" not in first.spec
    assert entries["car_park_ods_parkings_2"].spec["portal"] == "https://other.example/"
    assert entries["car_park_overpass"].spec == {"category": "car_park"}
    assert entries["charging_station_datagouv"].unconfirmed
    assert len({e.layer for e in profile.resources}) == len(profile.resources) == 7


@pytest.mark.parametrize(
    "mutate, path, expected",
    [
        (lambda d: d["resources"].update(parking=[]), "$.resources.parking", "car_park"),
        (
            lambda d: d["resources"]["car_park"][0].pop("dataset"),
            "$.resources.car_park[0].dataset",
            "required",
        ),
        (
            lambda d: d["resources"]["car_park"][0].update(dataset=""),
            "$.resources.car_park[0].dataset",
            "dataset",
        ),
        (
            lambda d: d["resources"]["bike_share_station"][0].update(feed="gbfs.example/gbfs.json"),
            "$.resources.bike_share_station[0].feed",
            "http",
        ),
        (lambda d: d["portals"]["tv"].update(url="ftp://data.example"), "$.portals.tv.url", "http"),
        (lambda d: d.update(crs="2154"), "$.crs", "EPSG"),
        (lambda d: d.update(crs="EPSG:999999"), "$.crs", "CRS"),
        (lambda d: d.update(version=2), "$.version", "1"),
        (lambda d: d.pop("version"), "$.version", "required"),
        (lambda d: d.update(boundary={"epci": "12345"}), "$.boundary.epci", "SIREN"),
        (lambda d: d.update(boundary={}), "$.boundary", "EPCI"),
        (
            lambda d: d["resources"]["car_park"][0].update(portal="unknown"),
            "$.resources.car_park[0].portal",
            "tv",
        ),
        (
            lambda d: d["resources"]["car_park"][0].update(datset="x"),
            "$.resources.car_park[0].datset",
            "allowed keys",
        ),
        (
            lambda d: d["resources"]["car_park"][2].update(source="wfs"),
            "$.resources.car_park[2].source",
            "overpass",
        ),
        (
            lambda d: d["resources"]["bike_share_station"][0].update(kind="bikes"),
            "$.resources.bike_share_station[0].kind",
            "vehicles",
        ),
        (lambda d: d["resources"]["other"][0].pop("resource"), "$.resources.other[0].resource", "required"),
        (lambda d: d["resources"].update(car_park={"source": "ods"}), "$.resources.car_park", "list"),
        (lambda d: d.update(extent=[1, 2, 3]), "$.extent", "4"),
        (lambda d: d.update(extent=[3, 2, 1, 4]), "$.extent", "min before max"),
        (lambda d: d["resources"]["car_park"][0].update(layer="a"), None, None),  # valid, control case
        (
            lambda d: [e.update(layer="same") for e in d["resources"]["car_park"]],
            "$.resources.car_park[1].layer",
            "not used",
        ),
        (
            lambda d: d["resources"]["air_quality_sensor"][0].update(types={"a": 1}),
            "$.resources.air_quality_sensor[0].types",
            "list",
        ),
        (lambda d: d["resources"]["air_quality_sensor"][0].update(types="SDS011,BME280"), None, None),
    ],
)
def test_each_kind_of_bad_profile(tmp_path, mutate, path, expected):
    data = copy.deepcopy(GOOD)
    mutate(data)
    if path is None:
        load_profile(write(tmp_path, data))
        return
    error = errors(tmp_path, data)
    file = str(tmp_path / "p.json")
    matching = [str(i) for i in error.issues if i.path == path]
    assert matching, f"no issue at {path}: {error}"
    assert any(expected in m for m in matching), str(error)
    assert all(line.startswith(file + ": $") for line in str(error).splitlines())


def test_invalid_json_names_line(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"version": 1,\n "id": }', encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profile(str(path))
    assert str(path) in str(caught.value) and "line 2" in str(caught.value)


def test_unknown_bundled_id_lists_bundled_ones():
    with pytest.raises(ProfileError) as caught:
        profile_path("atlantis")
    assert "rennes" in str(caught.value)


def test_every_bundled_profile_validates():
    ids = bundled_profile_ids()
    for expected in ("rennes", "nantes", "toulouse", "bordeaux", "paris", "strasbourg", "demo"):
        assert expected in ids
    for profile_id in ids:
        profile = load_profile(profile_id)
        assert profile.id == profile_id
        assert profile.resources, profile_id
        assert {e.category for e in profile.resources} <= set(CATEGORIES)
    # The dock lists them by name without validating: the names it shows are the loaded ones.
    assert bundled_profile_names() == [(i, load_profile(i).name) for i in ids]


def test_schema_enumerates_the_design_categories():
    schema = json.load(open(SCHEMA_PATH, encoding="utf-8"))
    assert schema["properties"]["resources"]["propertyNames"]["enum"] == list(CATEGORIES)


def test_unconfirmed_ids_are_marked_and_not_loaded_by_default():
    from open_territory.plugin.profiles.territory import select_entries

    toulouse = load_profile("toulouse")
    unconfirmed = [e for e in toulouse.resources if e.unconfirmed]
    assert unconfirmed
    assert not set(map(id, unconfirmed)) & set(map(id, select_entries(toulouse)))
    assert set(map(id, unconfirmed)) <= set(map(id, select_entries(toulouse, include_unconfirmed=True)))


def test_save_profile_round_trip_and_refuses_bad(tmp_path):
    target = tmp_path / "out" / "copy.json"
    save_profile(copy.deepcopy(GOOD), str(target))
    assert load_profile(str(target)).name == "Testville"
    bad = copy.deepcopy(GOOD)
    bad["resources"]["car_park"][0].pop("dataset")
    with pytest.raises(ProfileError):
        save_profile(bad, str(tmp_path / "bad.json"))
    assert not (tmp_path / "bad.json").exists()
