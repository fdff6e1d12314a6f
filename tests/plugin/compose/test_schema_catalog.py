"""data.gouv.fr's catalog of Etalab schemas."""

from open_territory.plugin.compose.schema_catalog import (
    consolidation_dataset,
    find_schema,
    read_schema_catalog,
    schema_url,
)


def test_read_the_catalog_and_find_schemas(transport, services, root):
    catalog = read_schema_catalog(transport, services)
    irve = find_schema(catalog, "etalab/schema-irve-statique")
    assert schema_url(irve, "2.3.0") == f"{root}/schemas/etalab/schema-irve-statique/2.3.0/schema-statique.json"
    assert schema_url(irve, "9.9.9") == f"{root}/schemas/etalab/schema-irve-statique/latest/schema-statique.json"
    assert find_schema(catalog, "etalab/unknown") is None


def test_the_consolidation_dataset_of_a_schema_or_of_its_data_package(transport, services):
    catalog = read_schema_catalog(transport, services)
    assert consolidation_dataset(catalog, "etalab/schema-lieux-covoiturage") == "5d6eaffc8b4c417cdc452ac3"
    assert consolidation_dataset(catalog, "etalab/schema-irve-statique") == "5448d3e0c751df01f85d0572"
    assert consolidation_dataset(catalog, "etalab/schema-stationnement") == ""
