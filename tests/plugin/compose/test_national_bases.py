"""The national bases found in transport.data.gouv.fr's catalog, or on data.gouv.fr when it is down."""

import copy

import pytest
from open_territory.plugin.compose.national_bases import BASES, base_entry, in_transport_catalog, on_datagouv
from open_territory.plugin.compose.schema_catalog import consolidation_dataset, read_schema_catalog
from open_territory.plugin.compose.transport_catalog import read_catalog

BY_KEY = {base.key: base for base in BASES}


@pytest.fixture()
def catalog(transport, services):
    return read_catalog(transport, services)


@pytest.fixture()
def schemas(transport, services):
    return read_schema_catalog(transport, services)


@pytest.mark.parametrize(
    ("key", "file"),
    [
        ("irve", "irve.csv"),
        ("bnlc", "bnlc.csv"),
        ("bnls", "bnls.csv"),
        ("cycle_facilities", "amenagements_cyclables.geojson"),
    ],
)
def test_every_base_is_found_in_the_catalog(catalog, schemas, key, file):
    base = BY_KEY[key]
    dataset, resource = in_transport_catalog(catalog, base, consolidation_dataset(schemas, base.schema))
    assert resource["url"].endswith(f"/files/{file}")
    assert dataset["covered_area"] == [{"insee": "FR", "nom": "France", "type": "pays"}]


def test_an_operator_s_file_of_the_same_schema_is_no_national_base(catalog):
    """The Breton operator's IRVE file follows the same schema but covers a region."""
    _dataset, resource = in_transport_catalog(catalog, BY_KEY["irve"])
    assert resource["url"].endswith("/files/irve.csv")


def test_the_consolidation_dataset_wins_over_a_newer_national_copy(catalog, schemas):
    copy_of_irve = copy.deepcopy(next(d for d in catalog if d["datagouv_id"] == "5448d3e0c751df01f85d0572"))
    copy_of_irve.update(datagouv_id="6a6a6a6a6a6a6a6a6a6a6a6a", id="6a6a6a6a6a6a6a6a6a6a6a6a")
    copy_of_irve["resources"][0].update(url="https://mirror.example/irve.csv", updated="2099-01-01T00:00:00Z")
    base = BY_KEY["irve"]
    _dataset, resource = in_transport_catalog(
        catalog + [copy_of_irve], base, consolidation_dataset(schemas, base.schema)
    )
    assert resource["url"].endswith("/files/irve.csv")
    _dataset, resource = in_transport_catalog(catalog + [copy_of_irve], base, "")
    assert resource["url"] == "https://mirror.example/irve.csv"  # without a consolidation id: the latest


def test_the_entry_of_a_base(catalog, schemas, root):
    base = BY_KEY["irve"]
    dataset, resource = in_transport_catalog(catalog, base, consolidation_dataset(schemas, base.schema))
    entry = base_entry(base, dataset, resource, ["35360", "35068"], schemas, "transport.data.gouv.fr")
    assert entry == {
        "source": "national_file",
        "url": f"{root}/files/irve.csv",
        "format": "csv",
        "insee_fields": ["code_insee_commune"],
        "communes": ["35360", "35068"],
        "title": "Base nationale des Infrastructures de Recharge pour Véhicules Électriques (IRVE)",
        "domain": "vehicules",
        "lon_field": "consolidated_longitude",
        "lat_field": "consolidated_latitude",
        "schema": f"{root}/schemas/etalab/schema-irve-statique/2.3.1/schema-statique.json",
        "licence": "Licence Ouverte / Open Licence version 2.0",
        "dataset": f"{root}/transport/datasets/fichier-consolide-des-bornes-de-recharge-pour-vehicules-electriques",
        "note": entry["note"],
    }
    assert "code_insee_commune" in entry["note"] and "etalab/schema-irve-statique" in entry["note"]


def test_a_geojson_base_is_not_typed_by_a_table_schema(catalog, schemas):
    base = BY_KEY["cycle_facilities"]
    dataset, resource = in_transport_catalog(catalog, base)
    entry = base_entry(base, dataset, resource, ["35360"], schemas, "transport.data.gouv.fr")
    assert "schema" not in entry and "lon_field" not in entry
    assert entry["insee_fields"] == ["code_com_d", "code_com_g"] and entry["format"] == "geojson"


def test_on_data_gouv_fr_when_the_catalog_is_down(transport, services, schemas, root):
    base = BY_KEY["bnlc"]
    dataset, resource = on_datagouv(transport, services, base, consolidation_dataset(schemas, base.schema))
    assert resource["url"] == f"{root}/files/bnlc.csv" and dataset["license"] == "odc-odbl"
    entry = base_entry(base, dataset, resource, ["35360"], schemas, "data.gouv.fr")
    assert entry["note"].startswith("data.gouv.fr, « Base nationale des lieux de covoiturage »")
    assert entry["schema"].endswith("/schema-lieux-covoiturage/0.3.0/schema.json")
    assert entry["licence"] == "Open Data Commons Open Database License (ODbL)"
    irve = BY_KEY["irve"]
    _dataset, resource = on_datagouv(transport, services, irve, consolidation_dataset(schemas, irve.schema))
    assert resource["url"].endswith("/files/irve.csv")  # the CSV, not the GeoJSON copy
    assert on_datagouv(transport, services, BY_KEY["bnls"], "") is None
    assert on_datagouv(transport, services, BY_KEY["bnls"], "000000000000000000000000") is None
