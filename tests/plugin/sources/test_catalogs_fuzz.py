"""Property-based tests of the data.gouv.fr and RUDI catalog readers: whatever the catalog answers, summaries and a
resource choice, or the plugin's own errors."""

import json

from open_territory.plugin.sources import datagouv, rudi

from ...fuzzing import fuzz, json_values, mutated, only_plugin_errors

DATAGOUV_KEYS = (
    "id", "slug", "title", "organization", "owner", "first_name", "last_name", "name", "license", "last_update",
    "last_modified", "page", "description", "resources", "format", "url", "latest", "mime", "filesize", "extras",
    "analysis:content-length", "type",
)  # fmt: skip
RUDI_KEYS = (
    "global_id", "resource_title", "synopsis", "summary", "lang", "text", "theme", "keywords", "producer",
    "organization_name", "available_formats", "media_type", "media_name", "connector", "url", "file_type",
    "file_size", "access_condition", "licence", "licence_label", "custom_licence_label", "custom_licence_uri",
    "geography", "dataset_dates", "updated",
)  # fmt: skip
DATASET = {
    "id": "5b1ab6b1c751df1b0b3e7a74",
    "slug": "arceaux-velos-rennes",
    "title": "Arceaux vélos",
    "organization": {"name": "Rennes Métropole"},
    "license": "lov2",
    "last_update": "2024-03-01T10:00:00",
    "resources": [
        {"id": "r1", "title": "arceaux.csv", "format": "csv", "url": "https://x.fr/arceaux.csv", "filesize": 12345},
        {"id": "r2", "title": "arceaux.geojson", "format": "geojson", "url": "https://x.fr/a.geojson", "type": "main"},
    ],
}
ITEM = {
    "global_id": "28b84a7d-876a-461a-9418-335ecac5ab34",
    "resource_title": "Stationnements vélos",
    "synopsis": [{"lang": "fr", "text": "Les arceaux"}],
    "theme": "Mobilité",
    "keywords": ["vélo"],
    "producer": {"organization_name": "Rennes Métropole"},
    "available_formats": [
        None,
        {"media_type": "FILE", "media_name": "a.geojson", "file_type": "application/geo+json", "file_size": "2048",
         "connector": {"url": "https://rudi.example.org/media/a.geojson"}},
    ],
    "access_condition": {"licence": {"licence_label": "odbl-1.0"}},
}  # fmt: skip


def read_datagouv(dataset):
    summary = only_plugin_errors(datagouv.dataset_summary, dataset if isinstance(dataset, dict) else {})
    if summary is not None:
        json.dumps(summary)  # plain values, as the dock shows them
    if isinstance(dataset, dict):
        only_plugin_errors(datagouv.choose_resource, dataset)
        only_plugin_errors(datagouv.choose_resource, dataset, "r1")
    only_plugin_errors(datagouv.dataset_ref, dataset if isinstance(dataset, str) else json.dumps(dataset))


def read_rudi(item):
    if isinstance(item, dict):
        summary = only_plugin_errors(rudi.item_summary, item, "fr")
        if summary is not None:
            json.dumps(summary)
            rudi.matches(summary, "vélo arceaux")
        only_plugin_errors(rudi.choose_media, item)
    only_plugin_errors(rudi.localized, item, "fr")


@fuzz(json_values(DATAGOUV_KEYS))
def test_any_data_gouv_reply(dataset):
    read_datagouv(dataset)


@fuzz(mutated(DATASET, DATAGOUV_KEYS))
def test_real_shaped_data_gouv_datasets_with_hostile_values(dataset):
    read_datagouv(dataset)


@fuzz(json_values(RUDI_KEYS))
def test_any_rudi_reply(item):
    read_rudi(item)


@fuzz(mutated(ITEM, RUDI_KEYS))
def test_real_shaped_rudi_items_with_hostile_values(item):
    read_rudi(item)
