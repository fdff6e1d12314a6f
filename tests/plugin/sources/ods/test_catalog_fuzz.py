"""Property-based tests of the Opendatasoft catalog readers: whatever a portal answers, an OdsDataset or the
plugin's own errors."""

from open_territory.plugin.sources.ods.catalog import parse_dataset, plain_text

from ....fuzzing import fuzz, json_values, mutated, only_plugin_errors

KEYS = (
    "dataset_id", "metas", "default", "title", "description", "license", "license_url", "modified",
    "records_count", "publisher", "theme", "keyword", "fields", "name", "type", "label", "features",
)  # fmt: skip
REAL = {
    "dataset_id": "arceaux-velos",
    "has_records": True,
    "features": ["geo", "analyze"],
    "metas": {
        "default": {
            "title": "Arceaux vélos",
            "description": "<p>Les arceaux&nbsp;de la ville</p>",
            "license": "Licence Ouverte v2.0 (Etalab)",
            "modified": "2024-03-01T10:00:00+00:00",
            "records_count": 1234,
            "publisher": "Rennes Métropole",
            "theme": ["Mobilité"],
            "keyword": ["vélo", "stationnement"],
        }
    },
    "fields": [
        {"name": "nom", "label": "Nom", "type": "text", "description": None},
        {"name": "geo_point_2d", "label": "Position", "type": "geo_point_2d"},
    ],
}


def read(payload):
    dataset = only_plugin_errors(parse_dataset, "https://data.example.org/", payload)
    if dataset is not None:
        assert dataset.dataset_id and isinstance(dataset.title, str)
        assert dataset.records_count is None or isinstance(dataset.records_count, int)
        dataset.geometry_field  # noqa: B018 - reading it must not raise


@fuzz(json_values(KEYS))
def test_any_entry(payload):
    read(payload)


@fuzz(mutated(REAL, KEYS))
def test_real_shaped_entries_with_hostile_values(payload):
    read(payload)


@fuzz(json_values())
def test_any_description(value):
    assert isinstance(plain_text(value), str)


def test_the_cases_fuzzing_found():
    infinite = {"dataset_id": "d", "metas": {"default": {"records_count": float("inf")}}}
    assert parse_dataset("https://x.fr", infinite).records_count is None  # was an OverflowError
    assert parse_dataset("https://x.fr", {"dataset_id": "d", "metas": [], "fields": True}).fields == []
