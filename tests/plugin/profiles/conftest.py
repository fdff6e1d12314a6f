"""Fake sources registered only inside these tests, and small territory files written by hand."""

import json
import os

import pytest
from open_territory.plugin.sources import registry
from open_territory.plugin.sources.base import FetchResult, Source
from open_territory.plugin.toolbelt.errors import InputError, ReplyError
from open_territory.plugin.toolbelt.layer_writer import utc_now_iso, write_resource_layer

# dataset id -> list of (lon, lat, name) the fake portal "serves"
FAKE_DATASETS = {
    "parkings": [(-1.60, 47.81, "P Mairie"), (-1.59, 47.82, "P Gare"), (-1.58, 47.80, "P Halles")],
    "feux": [(-1.61, 47.815, "F1"), (-1.605, 47.816, None)],
    "velos": [(-1.60, 47.812, "Station Vilaine")],
}


class FakePortal(Source):
    KEY = "ods"
    calls = []

    def fetch(self, spec, target, category=None, feedback=None):
        FakePortal.calls.append((spec, target.layer, category, target.mode))
        dataset = spec["dataset"]
        if dataset not in FAKE_DATASETS:
            raise InputError(f"Fake portal: no dataset {dataset}")
        features = [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [x, y]},
                "properties": {"nom": name, "ident": i},
            }
            for i, (x, y, name) in enumerate(FAKE_DATASETS[dataset])
        ]
        path = os.path.join(os.path.dirname(target.path), f"{target.layer}.fake.geojson")
        with open(path, "w", encoding="utf-8") as handle:
            json.dump({"type": "FeatureCollection", "features": features}, handle)
        fetched = utc_now_iso()
        common = {
            "category": category,
            "source": spec["portal"],
            "source_dataset": dataset,
            "licence": "ODbL",
            "fetched_at": fetched,
        }
        count = write_resource_layer(path, target, common, name_field="nom")
        os.remove(path)
        return FetchResult(
            target.layer,
            count,
            spec["portal"],
            dataset,
            "ODbL",
            f"{spec['portal']}/api/explore/v2.1/catalog/datasets/{dataset}/exports/geojson",
            fetched,
        )


class BrokenService(Source):
    KEY = "gbfs"

    def fetch(self, spec, target, category=None, feedback=None):
        raise ReplyError(f"Fake GBFS: the feed {spec['feed']} answered HTTP 503", status=503)


@pytest.fixture()
def french():
    """The plugin's compiled French translation installed for the test (`make translations`)."""
    from open_territory.plugin.toolbelt.metadata import translation_file
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(translation_file("fr")), "run `make translations` first"
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


@pytest.fixture()
def fake_sources(monkeypatch):
    FakePortal.calls = []
    table = {"ods": FakePortal, "gbfs": BrokenService}

    def lookup(key):
        if key not in table:
            raise KeyError(key)
        return table[key]

    monkeypatch.setattr(registry, "source_class", lookup)
    return FakePortal


BOUNDARY = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"nom": "Alpha", "code": "99001"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[-1.62, 47.79], [-1.59, 47.79], [-1.59, 47.83], [-1.62, 47.83], [-1.62, 47.79]]],
            },
        },
        {
            "type": "Feature",
            "properties": {"nom": "Beta", "code": "99002"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[-1.59, 47.79], [-1.56, 47.79], [-1.56, 47.83], [-1.59, 47.83], [-1.59, 47.79]]],
            },
        },
    ],
}


@pytest.fixture()
def territory_file(tmp_path):
    """A second territory written by hand, with its boundary as a file beside it."""
    (tmp_path / "boundary.geojson").write_text(json.dumps(BOUNDARY), encoding="utf-8")
    data = {
        "version": 1,
        "id": "handmade",
        "name": "Handmade Territory",
        "crs": "EPSG:2154",
        "boundary": {"file": "boundary.geojson"},
        "portals": {"hm": {"url": "https://data.handmade.example"}},
        "resources": {
            "car_park": [{"source": "ods", "portal": "hm", "dataset": "parkings", "title": "Car parks"}],
            "traffic_signals": [{"source": "ods", "portal": "hm", "dataset": "feux"}],
            "bike_share_station": [
                {"source": "gbfs", "feed": "https://gbfs.handmade.example/gbfs.json"},
                {"source": "ods", "portal": "hm", "dataset": "velos"},
            ],
            "road_works": [{"source": "ods", "portal": "hm", "dataset": "chantiers", "unconfirmed": True}],
            "other": [{"source": "ods", "portal": "hm", "dataset": "missing-on-portal"}],
        },
    }
    path = tmp_path / "handmade.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)
