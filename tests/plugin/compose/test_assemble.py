"""Whole compositions against the stand-ins: what each territory gets, what a service down costs, and the
profile's validity against the shipped schema."""

import ast
import json
import os
import re

import pytest
from open_territory.plugin.compose.assemble import compose_profile
from open_territory.plugin.profiles.profile import load_profile, save_profile, validate_data
from open_territory.plugin.sources import registry
from open_territory.plugin.toolbelt.errors import Cancelled, InputError

from .data.territories import EPCIS, LONE_COMMUNES

GTFS_LOADS = "gtfs" in registry.SOURCES  # the GTFS source lands with its own issue


def sources(profile):
    return [(category, e["source"]) for category, entries in profile["resources"].items() for e in entries]


def entries(profile, source):
    return [e for entries in profile["resources"].values() for e in entries if e["source"] == source]


@pytest.mark.parametrize(
    "text",
    ["Vitré", "Vitré Communauté", "Rennes Métropole", "Fégréac", "Ajaccio", "Ouessant", "Saint-Denis (974)", "Paris"],
)
def test_every_composed_profile_is_valid_and_says_where_each_entry_comes_from(services, transport, text):
    composition = compose_profile(text, services, transport=transport)
    profile = composition.profile
    assert validate_data(profile) == [], [str(i) for i in validate_data(profile)]
    for entries_of_category in profile["resources"].values():
        for entry in entries_of_category:
            assert entry["note"] and entry.get("domain"), entry
    assert profile["boundary"]["note"].startswith(services.geo)
    assert len(sources(profile)) == composition.entry_count


def test_a_commune_of_an_epci(services, transport):
    profile = compose_profile("Vitré", services, transport=transport).profile
    assert profile["id"] == "vitre_35360" and profile["name"] == "Vitré" and profile["crs"] == "EPSG:2154"
    assert profile["boundary"] == {
        "communes": ["35360"],
        "server": services.geo,
        "title": "Vitré",
        "note": profile["boundary"]["note"],
    }
    assert profile["extent"] == [-1.31, 48.045, -1.26, 48.095]
    kinds = sources(profile)
    network = [("transit_stop", "gtfs"), ("transit_route", "gtfs"), ("public_vehicle", "gtfs")]
    if GTFS_LOADS:
        assert [kind for kind in kinds if kind[1] == "gtfs"] == network and "notes" not in profile
    else:  # said, not written: the profile must load with this version of the plugin
        left = [note for note in profile["notes"] if "no source 'gtfs'" in note]
        assert len(left) == 3 and "/gtfs/" in left[0] and not [kind for kind in kinds if kind[1] == "gtfs"]
    for category in ("charging_station", "car_park", "cycleway", "carpool_area", "road_accident"):
        assert (category, "national_file") in kinds
    assert all(e["communes"] == ["35360"] for e in entries(profile, "national_file"))
    overpass = {c for c, s in kinds if s == "overpass"}
    assert len(overpass) == 11 and ("air_quality_sensor", "sensor_community") in kinds
    (org_dataset,) = [e for e in entries(profile, "datagouv") if "ville de Vitré" in e["title"]]
    assert org_dataset["unconfirmed"] is True


def test_a_metropole(services, transport):
    composition = compose_profile("Rennes Métropole", services, transport=transport)
    profile = composition.profile
    assert profile["boundary"]["epci"] == "243500139" and len(composition.outline.communes) == 43
    assert composition.outline.communes[0]["code"] == "35238"  # the largest first
    national = entries(profile, "national_file")
    assert {len(e["communes"]) for e in national} == {43}
    feeds = {e["title"]: (e["kind"]) for e in entries(profile, "gbfs")}
    assert feeds == {
        "LE vélo STAR — GBFS": "stations",
        "Citiz - autopartage Rennes Métropole — GBFS Citiz": "stations",
        "Trottinettes en free-floating - Rennes — GBFS": "vehicles",
    }
    to_tick = [e["title"] for e in entries(profile, "datagouv")]
    assert "Parcs relais du réseau STAR" in to_tick and "Budget primitif de Rennes Métropole" not in to_tick
    assert f"{services.transport}/api/datasets" in profile["references"]


def test_an_overseas_territory_in_its_own_crs(services, transport):
    profile = compose_profile("97411", services, transport=transport).profile
    assert profile["crs"] == "EPSG:2975" and profile["extent"][1] < 0


def test_a_city_with_arrondissements_keeps_their_rows(services, transport):
    profile = compose_profile("Paris", services, transport=transport).profile
    codes = entries(profile, "national_file")[0]["communes"]
    assert codes[0] == "75056" and "75118" in codes and len(codes) == 21


def test_a_territory_with_no_transport_dataset_still_gets_osm_sensors_and_national_bases(services, transport):
    composition = compose_profile("Ajaccio", services, transport=transport)
    kinds = sources(composition.profile)
    assert not [k for k in kinds if k[1] in ("gtfs", "gbfs")]
    assert ("air_quality_sensor", "sensor_community") in kinds and ("traffic_signals", "overpass") in kinds
    assert len(entries(composition.profile, "national_file")) == 5
    assert composition.notes == [
        "transport.data.gouv.fr lists no transport dataset for the territory, its communes or its AOM"
    ]
    assert composition.profile["notes"] == composition.notes


def test_the_transport_catalog_down(services, transport, stand_ins):
    """The national bases that data.gouv.fr consolidates (IRVE, BNLC) come from there; the others are noted."""
    stand_ins.down.add("/transport/")
    composition = compose_profile("Vitré Communauté", services, transport=transport)
    profile = composition.profile
    assert not entries(profile, "gtfs") and not entries(profile, "gbfs")
    national = {e["url"].rsplit("/", 1)[1]: e for e in entries(profile, "national_file")}
    assert set(national) == {"irve.csv", "bnlc.csv", "caracteristiques-2023.csv"}
    assert national["irve.csv"]["note"].startswith("data.gouv.fr, « Fichier consolidé")
    notes = "\n".join(profile["notes"])
    assert "transport.data.gouv.fr: " in notes and "HTTP 503" in notes
    assert "national base of parking places (BNLS)" in notes and "national base of cycle facilities" in notes
    assert validate_data(profile) == []


def test_data_gouv_fr_down(services, transport, stand_ins):
    stand_ins.down.add("/datagouv/")
    profile = compose_profile("Vitré", services, transport=transport).profile
    # Only the dataset to tick that transport.data.gouv.fr's catalog gave is left.
    assert [e["title"] for e in entries(profile, "datagouv")] == ["Bornes de recharge de Vitré"]
    assert not [e for e in entries(profile, "national_file") if e["title"].startswith("Road accidents")]
    notes = "\n".join(profile["notes"])
    assert "Catalog of Etalab schemas" in notes and "Road accidents" in notes and "organisation" in notes
    assert not [e for e in entries(profile, "national_file") if "schema" in e]  # nothing typed without the catalog


def test_an_unknown_or_ambiguous_territory_composes_nothing(services, transport, tmp_path):
    with pytest.raises(InputError) as caught:
        compose_profile("Saint-Denis", services, transport=transport)
    assert caught.value.reason == "ambiguous"
    with pytest.raises(InputError) as caught:
        compose_profile("Vitrée", services, transport=transport)
    assert caught.value.reason == "unknown" and caught.value.payload


def test_cancelled(services, transport):
    from qgis.core import QgsFeedback

    feedback = QgsFeedback()
    feedback.cancel()
    with pytest.raises(Cancelled):
        compose_profile("Vitré", services, transport=transport, feedback=feedback)


def test_progress_reaches_the_end(services, transport):
    from qgis.core import QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    seen = []
    feedback.progressChanged.connect(seen.append)
    compose_profile("Vitré", services, transport=transport, feedback=feedback)
    assert seen == sorted(seen) and seen[-1] == 100.0 and len(seen) >= 8


def test_saved_as_an_ordinary_profile_readable_and_loadable(services, transport, tmp_path):
    profile = compose_profile("Vitré", services, transport=transport).profile
    (tmp_path / "out").mkdir()
    path = tmp_path / "out" / "vitre.json"
    path.write_text("previous", encoding="utf-8")
    save_profile(profile, str(path))
    assert json.loads(path.read_text(encoding="utf-8")) == profile
    assert "Vitré" in path.read_text(encoding="utf-8")  # written as text, not \\u escapes
    assert os.listdir(tmp_path / "out") == ["vitre.json"]
    loaded = load_profile(str(path))
    assert loaded.name == "Vitré" and len(loaded.resources) == sum(len(e) for e in profile["resources"].values())
    assert {e.note for e in loaded.resources if e.source == "national_file"} != {""}


def code_strings(path: str) -> str:
    """Every string literal of a module but its docstrings (documentation may show examples)."""
    with open(path, encoding="utf-8") as handle:
        tree = ast.parse(handle.read())
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return "\n".join(
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    )


def test_no_territory_name_code_or_url_in_the_composer_s_code():
    """The composer knows no territory: every name, code and address comes from the services."""
    folder = os.path.join(os.path.dirname(__file__), "..", "..", "..", "plugin", "compose")
    code = "\n".join(code_strings(os.path.join(folder, name)) for name in os.listdir(folder) if name.endswith(".py"))
    assert "geo.api.gouv.fr" in code  # the strings were read
    known = {siren for siren, *_ in EPCIS} | {name for _s, name, *_ in EPCIS}
    for members in [e[3] for e in EPCIS] + [m for m, *_ in LONE_COMMUNES]:
        known |= {code for code, *_ in members} | {name for _c, name, *_ in members if len(name) > 5}
    found = sorted(word for word in known if re.search(rf"\b{re.escape(word)}\b", code))
    assert found == []
    urls = set(re.findall(r"https?://[^\s\"')]+", code))
    assert urls == {"https://geo.api.gouv.fr", "https://transport.data.gouv.fr", "https://www.data.gouv.fr"}
