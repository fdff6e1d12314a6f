"""The territory's own organisation on data.gouv.fr and its geographic datasets."""

import pytest
from open_territory.plugin.compose.datagouv_org import (
    find_organization,
    guess_category,
    organization_datasets,
    organization_entries,
)
from open_territory.plugin.compose.territory import Territory


def territory(kind, code, name, siren):
    return Territory(kind, code, name, ["35"], siren=siren)


def test_an_organisation_holding_a_siret_found_by_name(transport, services):
    """Vitré Communauté's number is a SIRET: the exact filter on the SIREN finds nothing, the search by
    the name without its legal form does."""
    found = find_organization(transport, services, territory("epci", "200039022", "CA Vitré Communauté", "200039022"))
    assert found["slug"] == "vitre-communaute"


def test_a_homonym_organisation_is_not_the_territory_s(transport, services, stand_ins):
    found = find_organization(transport, services, territory("commune", "35360", "Vitré", "213503600"))
    assert found["slug"] == "ville-de-vitre"  # not Vitré Communauté, nor the tourist office


def test_an_organisation_holding_its_siren_alone(transport, services, stand_ins):
    found = find_organization(transport, services, territory("commune", "2A004", "Ajaccio", "212000046"))
    assert found["slug"] == "ville-dajaccio"
    assert any("business_number_id=212000046" in query for _m, _p, query in stand_ins.log)


def test_no_organisation(transport, services):
    assert find_organization(transport, services, territory("commune", "44058", "Fégréac", "214400582")) is None
    assert find_organization(transport, services, territory("commune", "44058", "Fégréac", "")) is None


def test_its_geographic_datasets_are_entries_to_tick(transport, services, monkeypatch):
    import open_territory.plugin.compose.datagouv_org as datagouv_org

    monkeypatch.setattr(datagouv_org, "PAGE_SIZE", 2)  # three pages of the stand-in's paging
    organization = find_organization(
        transport, services, territory("epci", "200039022", "CA Vitré Communauté", "200039022")
    )
    datasets = organization_datasets(transport, services, organization)
    assert len(datasets) == 5
    entries = organization_entries(datasets, organization, services)
    titles = {entry["title"]: category for category, entry in entries}
    assert titles == {
        "Zones d'activités de Vitré Communauté": "other",
        "Parkings de Vitré Communauté": "car_park",
        "Itinéraires cyclables de Vitré Communauté": "cycleway",
    }  # the report (a PDF) and the archived dataset are left out
    for _category, entry in entries:
        assert entry["source"] == "datagouv" and entry["unconfirmed"] is True
        assert entry["server"] == services.datagouv
        assert "Vitré Communauté" in entry["note"] and entry["note"].startswith("data.gouv.fr, « ")


@pytest.mark.parametrize(
    ("title", "tags", "category"),
    [
        ("Arrêtés de circulation de la ville", [], "other"),
        ("Arrêts de bus du réseau", [], "bus_stop"),
        ("Parkings vélos sur Rennes Métropole", [], "bicycle_parking"),
        ("Parkings de la ville", [], "car_park"),
        ("Aires de covoiturage", [], "carpool_area"),
        ("Bornes de recharge pour véhicules électriques", ["irve"], "charging_station"),
        ("Sites de comptage vélo et piétons", [], "traffic_counter"),
        ("Éclairage public", [], "street_lamp"),
        ("Données diverses", ["velo"], "cycleway"),
    ],
)
def test_guess_category(title, tags, category):
    assert guess_category({"title": title, "tags": tags})[0] == category
