"""Profile schema and loader: good profiles load, each kind of bad one is refused with a message
naming the file, the JSON path and what was expected."""

import copy
import json
import os

import pytest
from open_territory.plugin.definitions import CATEGORIES
from open_territory.plugin.profiles.profile import (
    SCHEMA_PATH,
    bundled_profile_ids,
    bundled_profile_names,
    load_profile,
    profile_path,
    save_profile,
)
from open_territory.plugin.toolbelt.errors import InputError

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
        "bike_share_station": [{"source": "gbfs", "feed": "http://gbfs.example/gbfs.json", "kind": "stations"}],
        "air_quality_sensor": [{"source": "sensor_community", "types": ["SDS011"]}],
        "charging_station": [{"source": "datagouv", "dataset": "5448d3e0c751df01f85d0572", "unconfirmed": True}],
        "other": [{"source": "rudi", "node": "https://rudi.example/", "resource": "abc"}],
    },
}


def write(tmp_path, data, name="p.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def errors(tmp_path, data):
    with pytest.raises(InputError) as caught:
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
    with pytest.raises(InputError) as caught:
        load_profile(str(path))
    assert str(path) in str(caught.value) and "line 2" in str(caught.value)


@pytest.mark.parametrize("depth", [1_000_000, 500])
def test_a_profile_nested_absurdly_deep_is_refused_in_one_sentence(tmp_path, depth):
    # A million levels broke Python's own parser (RecursionError); a few hundred broke the validator after it.
    path = tmp_path / "deep.json"
    path.write_text('{"version": 1, "id": "deep", "resources": ' + "[" * depth + "]" * depth + "}", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_profile(str(path))
    assert str(caught.value).startswith(f"{path}: $") and "nested too deeply" in str(caught.value)
    assert len(str(caught.value).splitlines()) == 1


def test_unknown_bundled_id_lists_bundled_ones():
    with pytest.raises(InputError) as caught:
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
    with pytest.raises(InputError):
        save_profile(bad, str(tmp_path / "bad.json"))
    assert not (tmp_path / "bad.json").exists()


@pytest.mark.parametrize(
    "boundary, found",
    [
        ({"title": "Somewhere"}, "only title"),
        ({"epci": "123456789", "communes": ["35238"]}, "epci, communes"),
        ({"communes": ["35238"], "file": "b.geojson"}, "communes, file"),
    ],
)
def test_boundary_needs_exactly_one_kind(tmp_path, boundary, found):
    (tmp_path / "b.geojson").write_text("{}", encoding="utf-8")
    data = dict(copy.deepcopy(GOOD), boundary=boundary)
    error = errors(tmp_path, data)
    assert [i.path for i in error.issues] == ["$.boundary"]
    assert found in error.issues[0].found
    assert all(i.path == "$.boundary" and "exactly one of epci" in i.expected for i in error.issues), str(error)


@pytest.mark.parametrize(
    "mutate, path, resolved",
    [
        (lambda d: d.update(boundary={"file": "shapes/communes.gpkg"}), "$.boundary.file", "shapes/communes.gpkg"),
        (lambda d: d.update(register={"actors": "../data/actors.csv"}), "$.register.actors", "../data/actors.csv"),
        (lambda d: d.update(offline_cache="cache"), "$.offline_cache", "cache"),
    ],
)
def test_files_the_profile_names_must_exist(tmp_path, mutate, path, resolved):
    folder = tmp_path / "profiles"
    folder.mkdir()
    data = copy.deepcopy(GOOD)
    mutate(data)
    with pytest.raises(InputError) as caught:
        load_profile(write(folder, data))
    issues = [i for i in caught.value.issues if i.path == path]
    assert len(issues) == 1, str(caught.value)
    # the message gives the path as written and where it was looked for
    full = os.path.normpath(os.path.join(str(folder), resolved))
    assert repr(resolved) in issues[0].found and full in issues[0].found
    # once the file or folder exists, the profile loads
    target = folder / resolved
    target.parent.mkdir(parents=True, exist_ok=True)
    target.mkdir() if path == "$.offline_cache" else target.write_text("x", encoding="utf-8")
    load_profile(write(folder, data))


def test_an_offline_cache_that_is_a_file_is_refused(tmp_path):
    (tmp_path / "cache").write_text("not a folder", encoding="utf-8")
    error = errors(tmp_path, dict(copy.deepcopy(GOOD), offline_cache="cache"))
    assert [i.path for i in error.issues] == ["$.offline_cache"]


LOCALIZED = dict(
    copy.deepcopy(GOOD),
    name={"fr": "Testville-la-Jolie", "en": "Testville the Pretty"},
    description={"en": "A test town", "fr": "Une ville de test"},
    boundary={"epci": "123456789", "title": {"en": "Communes of Testville", "fr": "Communes de Testville"}},
    resources={
        "car_park": [
            {"source": "ods", "portal": "tv", "dataset": "parkings", "title": {"fr": "Parkings", "en": "Car parks"}},
            {"source": "overpass", "title": {"de": "Parkplätze"}},
        ],
        "car_sharing": [
            {
                "source": "gbfs",
                "feed": "https://a.example/gbfs.json",
                "title": {"fr": "Autopartage A", "en": "Car share A"},
            },
            {"source": "gbfs", "feed": "https://b.example/gbfs.json", "title": "Citiz"},
        ],
    },
)


def test_localized_texts_in_the_users_language(tmp_path, french):
    profile = load_profile(write(tmp_path, LOCALIZED))
    assert profile.name == "Testville-la-Jolie" and profile.description == "Une ville de test"
    assert profile.boundary_title == "Communes de Testville"
    titles = {e.layer: e.title for e in profile.resources}
    assert titles["car_park_ods"] == "Parkings" and titles["car_park_overpass"] == "Parkplätze"
    # layer names do not change with the language: they come from the English title
    assert set(titles) == {
        "car_park_ods",
        "car_park_overpass",
        "car_sharing_gbfs_car_share_a",
        "car_sharing_gbfs_citiz",
    }
    # the profile's data keeps every language, for an export
    assert profile.data["name"] == LOCALIZED["name"]


def test_localized_texts_without_a_translation_are_english(tmp_path):
    profile = load_profile(write(tmp_path, LOCALIZED))
    assert profile.name == "Testville the Pretty" and profile.boundary_title == "Communes of Testville"
    titles = {e.layer: e.title for e in profile.resources}
    assert titles["car_park_ods"] == "Car parks" and titles["car_sharing_gbfs_car_share_a"] == "Car share A"


def test_localized_pick_order():
    from open_territory.plugin.profiles.profile import localized

    assert localized({"de": "Hallo", "fr": "Bonjour", "en": "Hello"}, "de") == "Hallo"
    assert localized({"en": "Hello", "fr": "Bonjour"}, "it") == "Bonjour"
    assert localized({"en": "Hello"}, "it") == "Hello"
    assert localized({"es": "Hola", "it": "Ciao"}, "de") == "Hola"
    assert localized("Text", "de") == "Text" and localized(None) == ""


@pytest.mark.parametrize(
    "value, expected",
    [({}, "text"), ({"french": "Parkings"}, "language code"), ({"fr": ""}, "non-empty"), (3, "text")],
)
def test_bad_localized_texts(tmp_path, value, expected):
    data = copy.deepcopy(GOOD)
    data["resources"]["car_park"][0]["title"] = value
    error = errors(tmp_path, data)
    found = [i for i in error.issues if i.path.startswith("$.resources.car_park[0].title")]
    assert any(expected in i.expected for i in found), str(error)


def test_bundled_french_territories_have_french_and_english_titles():
    # Names that read the same in both languages stay one text.
    same_in_both = {
        "Le Vélo par TBM (GBFS)",
        "LE vélo STAR (GBFS)",
        "Vélib' Métropole (GBFS)",
        "Vélhop (GBFS)",
        "VélôToulouse (GBFS)",
        "Citiz Gironde",
        "Citiz Nantes",
        "Citiz Rennes Métropole",
        "Citédia Services",
        "Citiz Grand Est",
        "Citiz Occitanie",
        "Paris (geo.api.gouv.fr)",
        "Arrondissements",
    }
    for profile_id in bundled_profile_ids():
        data = load_profile(profile_id).data
        texts = [data["boundary"].get("title"), data.get("description")] + [
            entry.get("title") for entries in data["resources"].values() for entry in entries
        ]
        for text in texts:
            if isinstance(text, dict):
                assert {"fr", "en"} <= set(text), (profile_id, text)
            else:
                assert text in same_in_both, (profile_id, text)
