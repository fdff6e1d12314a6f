"""A reply nested a million arrays deep, from every source that reads JSON in Python: one sentence naming the
service, a ReplyError, never a RecursionError (issue 14, point 5)."""

import pytest
from open_territory.plugin.register.geocode import BanGeocoder
from open_territory.plugin.sources.datagouv import DatagouvSource
from open_territory.plugin.sources.gbfs import GbfsSource
from open_territory.plugin.sources.ods import OdsSource
from open_territory.plugin.sources.rudi import RudiSource
from open_territory.plugin.sources.sensor_community import SensorCommunitySource
from open_territory.plugin.toolbelt.errors import ReplyError
from open_territory.plugin.toolbelt.layer_writer import file_target
from open_territory.plugin.toolbelt.network import Transport

DEEP = "[" * 1_000_000 + "]" * 1_000_000


def deep_reply(httpserver, path):
    httpserver.expect_request(path).respond_with_data(DEEP, content_type="application/json")
    return httpserver.url_for("").rstrip("/")


@pytest.fixture()
def transport(tmp_path):
    return Transport(cache_dir=str(tmp_path / "cache"), timeout=10, retries=0)


def ods_search(base, transport, tmp_path):
    OdsSource(transport).search_datasets(base, "velo")


def gbfs(base, transport, tmp_path):
    GbfsSource(transport).fetch({"feed": f"{base}/gbfs.json"}, file_target(str(tmp_path / "o.gpkg")))


def sensors(base, transport, tmp_path):
    spec = {"server": base, "extent": [-1.8, 48.0, -1.5, 48.2]}
    SensorCommunitySource(transport).fetch(spec, file_target(str(tmp_path / "o.gpkg")))


def datagouv(base, transport, tmp_path):
    DatagouvSource(transport).describe({"dataset": "arceaux-velo", "server": base})


def rudi(base, transport, tmp_path):
    RudiSource(transport).describe({"node": base, "resource": "28b84a7d"})


def ban(base, transport, tmp_path):
    BanGeocoder(transport, base).geocode("10 rue de la Gare 35000 Rennes")


@pytest.mark.parametrize(
    ("call", "path", "service"),
    [
        (ods_search, "/api/explore/v2.1/catalog/datasets", "Opendatasoft"),
        (gbfs, "/gbfs.json", "GBFS"),
        (sensors, "/airrohr/v1/filter/box=48.000000,-1.800000,48.200000,-1.500000", "sensor.community"),
        (datagouv, "/api/1/datasets/arceaux-velo/", "data.gouv.fr"),
        (rudi, "/api/v1/resources/28b84a7d", "RUDI"),
        (ban, "/search/", "Geocoding"),
    ],
)
def test_a_million_levels_deep_is_one_sentence_naming_the_service(httpserver, transport, tmp_path, call, path, service):
    base = deep_reply(httpserver, path)
    with pytest.raises(ReplyError) as raised:
        call(base, transport, tmp_path)
    message = str(raised.value)
    assert "nested too deeply" in message and service in message, message
    assert raised.value.reason == "json_depth"
    assert not (tmp_path / "o.gpkg").exists()
