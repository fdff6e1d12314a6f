"""transport.data.gouv.fr's catalog: which datasets belong to a territory, and the entries they give."""

import pytest
from open_territory.plugin.compose.lookup import find_territory
from open_territory.plugin.compose.transport_catalog import (
    catalog_entries,
    dataset_entries,
    is_national,
    read_catalog,
    territory_aom,
    territory_datasets,
    why_matched,
)


@pytest.fixture()
def catalog(transport, services):
    return read_catalog(transport, services)


def matched(catalog, geo, transport, services, text, communes):
    territory = find_territory(text, geo)
    aom = territory_aom(transport, services, communes[0])
    return {d["slug"]: reason for d, reason in territory_datasets(catalog, territory, dict.fromkeys(communes, ""), aom)}


def test_the_catalog_is_one_bare_array(catalog):
    assert isinstance(catalog, list) and len(catalog) == 17
    assert {"covered_area", "resources", "type", "page_url"} <= set(catalog[0])


def test_an_epci_gets_its_own_and_its_communes_datasets(catalog, geo, transport, services):
    found = matched(catalog, geo, transport, services, "Rennes Métropole", ["35238", "35051"])
    assert set(found) == {
        "reseau-star",
        "le-velo-star-gbfs",
        "citiz-rennes",
        "trottinettes-rennes",
        "parcs-relais-star",
    }
    assert found["reseau-star"] == "its covered area is the territory (Rennes Métropole)"
    assert found["le-velo-star-gbfs"] == "its covered area is the commune Rennes (35238)"


def test_a_commune_gets_its_epci_s_network(catalog, geo, transport, services):
    found = matched(catalog, geo, transport, services, "Vitré", ["35360"])
    assert set(found) == {"reseau-vitre-bus", "velos-libre-service-vitre", "bornes-de-recharge-de-vitre"}
    assert found["reseau-vitre-bus"] == "its covered area is the commune's EPCI CA Vitré Communauté (200039022)"


def test_a_network_published_for_the_transport_authority(catalog, geo, transport, services):
    """The TIBUS network declares its department as covered area; its legal owner is Fégréac's AOM."""
    found = matched(catalog, geo, transport, services, "Fégréac", ["44058"])
    assert set(found) == {"reseau-tibus-redon"}
    assert "transport authority (AOM) CA Redon Agglomération" in found["reseau-tibus-redon"]


def test_regional_and_national_datasets_are_not_the_territory_s(catalog):
    from open_territory.plugin.compose.territory import Territory

    rennes = Territory("epci", "243500139", "Rennes Métropole", ["35"])
    for dataset in catalog:
        if dataset["slug"] in (
            "breizhgo-reseau-regional",
            "irve-operateur-bretagne",
            "base-nationale-des-lieux-de-covoiturage",
        ):
            assert why_matched(dataset, rennes, {"35238": "Rennes"}, None) == ""


def test_homonyms_do_not_share_datasets(catalog, geo, transport, services):
    assert set(matched(catalog, geo, transport, services, "Saint-Denis (974)", ["97411"])) == {"reseau-citalis"}
    assert matched(catalog, geo, transport, services, "Saint-Denis (93)", ["93066"]) == {}


def test_a_commune_without_an_aom(transport, services):
    assert territory_aom(transport, services, "93066") is None
    assert territory_aom(transport, services, "2A004")["siren"] == "242010056"


def test_entries_of_a_transit_network_and_of_shared_vehicles(catalog, services):
    by_slug = {d["slug"]: d for d in catalog}
    network = dataset_entries(by_slug["reseau-vitre-bus"], "why", services)
    assert [(e.category, e.entry["source"], e.entry["kind"]) for e in network] == [
        ("transit_stop", "gtfs", "network"),
        ("transit_route", "gtfs", "network"),  # a network's stops and routes: two layers of one feed
        ("public_vehicle", "gtfs", "vehicles"),
    ]  # NeTEx is left out: the plugin reads GTFS
    assert network[0].entry["feed"] == network[1].entry["feed"] and network[0].entry["feed"].endswith(
        "/files/gtfs/vitre-bus.zip"
    )
    assert network[0].entry["note"].startswith("transport.data.gouv.fr, « Réseau urbain Vitré Bus » (http")
    assert network[0].entry["note"].endswith(": why")
    cars = dataset_entries(by_slug["citiz-rennes"], "why", services)
    assert [(e.category, e.entry["kind"], e.entry["domain"]) for e in cars] == [
        ("car_sharing", "stations", "vehicules")
    ]
    scooters = dataset_entries(by_slug["trottinettes-rennes"], "why", services)
    assert [(e.category, e.entry["kind"]) for e in scooters] == [("bike_share_station", "vehicles")]
    bikes = dataset_entries(by_slug["le-velo-star-gbfs"], "why", services)
    assert [(e.category, e.entry["kind"], e.entry["domain"]) for e in bikes] == [
        ("bike_share_station", "stations", "velo")
    ]


def test_an_unavailable_feed_is_listed_to_tick(catalog, services):
    dataset = next(d for d in catalog if d["slug"] == "velos-libre-service-vitre")
    (item,) = dataset_entries(dataset, "why", services)
    assert item.entry["unconfirmed"] is True and "unavailable" in item.entry["note"]


def test_other_datasets_are_datagouv_entries_to_tick(catalog, services):
    dataset = next(d for d in catalog if d["slug"] == "parcs-relais-star")
    (item,) = dataset_entries(dataset, "why", services)
    assert item.category == "car_park"
    assert item.entry["source"] == "datagouv" and item.entry["dataset"] == "5b0f2c3a88ee3803c3c2b9a1"
    assert item.entry["unconfirmed"] is True and item.entry["server"] == services.datagouv


def test_a_feed_shared_by_two_datasets_is_listed_once(catalog, services):
    dataset = next(d for d in catalog if d["slug"] == "reseau-star")
    listed = catalog_entries([(dataset, "a"), (dataset, "b")], services)
    assert [item.category for item in listed] == ["transit_stop", "transit_route", "public_vehicle"]


def test_national_means_france():
    """The platform also knows Monaco and Switzerland as countries: their datasets are no national base."""
    assert is_national({"covered_area": [{"type": "pays", "insee": "FR", "nom": "France"}]})
    assert not is_national({"covered_area": [{"type": "pays", "insee": "MC", "nom": "Monaco"}]})
    assert not is_national({"covered_area": [{"type": "region", "insee": "53", "nom": "Bretagne"}]})


def test_the_catalog_down(transport, services, stand_ins):
    from open_territory.plugin.toolbelt.errors import ReplyError

    stand_ins.down.add("/transport/api/datasets")
    with pytest.raises(ReplyError) as caught:
        read_catalog(transport, services)
    assert caught.value.status == 503 and str(caught.value).startswith("transport.data.gouv.fr: ")
