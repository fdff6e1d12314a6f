"""A territory's sources fetched in parallel, through the real Opendatasoft source and transport, against
local servers (tests/fault_server.py): slow portals answer in about the time of one, no server gets more
than two requests at once, the layers land in the profile's order, a cancel reaches every fetch at once,
the progress text names what runs, and a portal that gives no answer costs one timeout, not one per
dataset."""

import importlib.util
import json
import os
import time

import pytest
from open_territory.plugin.profiles.profile import load_profile
from open_territory.plugin.profiles.territory import load_territory
from open_territory.plugin.sources import registry
from open_territory.plugin.toolbelt.errors import Cancelled, NetworkError
from open_territory.plugin.toolbelt.settings import load_settings, save_settings
from osgeo import ogr
from qgis.core import QgsProcessingFeedback

from ...folder_digest import digest
from ...qt_wait import cancel_later
from .conftest import BOUNDARY

SOURCES_TESTS = os.path.join(os.path.dirname(os.path.dirname(__file__)), "sources")
_spec = importlib.util.spec_from_file_location(
    "ods_payloads", os.path.join(SOURCES_TESTS, "ods", "test_ods_payloads.py")
)
P = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(P)

DELAY = 1.5  # seconds each portal takes to start its export


class RecordingFeedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__(False)
        self.texts, self.warnings = [], []

    def setProgressText(self, text):  # noqa: N802 - QGIS's name
        self.texts.append(text)

    def pushWarning(self, warning):  # noqa: N802
        self.warnings.append(warning)


def serve_dataset(server, dataset: str, fault: str = "slow_first_byte", **options) -> None:
    server.route(f"{P.API}/catalog/datasets/{dataset}", json.dumps(P.dataset_entry(dataset, P.POINT_FIELDS)))
    export = f"{P.API}/catalog/datasets/{dataset}/exports/geojson"
    server.route(export, P.export_bytes(P.point_features(3, start=(-1.61, 47.80))), "application/geo+json")
    if fault:
        server.arm(export, fault, **options)


def territory(tmp_path, servers_and_datasets: list) -> str:
    """A profile whose entries are the given (server, dataset) pairs, in that order, with a boundary file."""
    (tmp_path / "communes.geojson").write_text(json.dumps(BOUNDARY), encoding="utf-8")
    portals, entries = {}, []
    for server, dataset in servers_and_datasets:
        key = f"p{server.httpd.server_address[1]}"
        portals[key] = {"url": server.base, "platform": "ods"}
        entries.append({"source": "ods", "portal": key, "dataset": dataset, "layer": dataset})
    data = {
        "version": 1,
        "id": "parallel",
        "name": "Parallel",
        "crs": "EPSG:2154",
        "boundary": {"file": "communes.geojson"},
        "portals": portals,
        "resources": {"car_park": entries},
    }
    path = tmp_path / "parallel.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


@pytest.fixture(autouse=True)
def short_limits():
    assert registry.source_class("ods").__name__ == "OdsSource"
    settings = load_settings()
    settings.network_retries, settings.network_timeout, settings.network_stall_timeout = 0, 10, 5
    save_settings(settings)


def layer_order(path: str) -> list:
    dataset = ogr.Open(path)
    names = [dataset.GetLayerByIndex(i).GetName() for i in range(dataset.GetLayerCount())]
    dataset = None
    return names


def test_slow_portals_load_in_about_the_time_of_one_in_the_profiles_order(tmp_path, fault_servers):
    servers = [fault_servers() for _ in range(4)]
    pairs = [(server, f"parkings{index}") for index, server in enumerate(servers)]
    for server, dataset in pairs:
        serve_dataset(server, dataset, delay=DELAY)
    feedback = RecordingFeedback()
    output = str(tmp_path / "territory.gpkg")
    start = time.monotonic()
    report = load_territory(load_profile(territory(tmp_path, pairs)), output, feedback=feedback)
    elapsed = time.monotonic() - start
    assert [o.status for o in report.outcomes] == ["ok"] * 5, report.summary()
    # One after the other would take 4 x 1.5 s; in parallel about one delay.
    assert elapsed < 2 * DELAY + 1, elapsed
    assert [o.layer for o in report.outcomes] == ["boundary", "parkings0", "parkings1", "parkings2", "parkings3"]
    assert layer_order(output)[:5] == ["boundary", "parkings0", "parkings1", "parkings2", "parkings3"]
    host = servers[0].base.split("//")[1]
    assert any(text.startswith("Sources fetched: 0 of 4\nparkings0 — ") for text in feedback.texts), feedback.texts[:5]
    assert any(f"parkings0 — {host}: waiting for an answer" in text for text in feedback.texts), feedback.texts
    assert not [name for name in os.listdir(tmp_path) if name.startswith(".")]  # no scratch left


def test_one_server_never_gets_more_than_two_requests_at_once(tmp_path, fault_server):
    pairs = [(fault_server, f"parkings{index}") for index in range(5)]
    for server, dataset in pairs:
        serve_dataset(server, dataset, delay=0.5)
    report = load_territory(load_profile(territory(tmp_path, pairs)), str(tmp_path / "territory.gpkg"))
    assert [o.status for o in report.outcomes] == ["ok"] * 6, report.summary()
    assert fault_server.max_in_flight == 2


def test_a_portal_that_gives_no_answer_costs_one_timeout_not_one_per_dataset(tmp_path, fault_server):
    settings = load_settings()
    settings.network_timeout = 1
    save_settings(settings)
    pairs = [(fault_server, f"parkings{index}") for index in range(6)]
    for server, dataset in pairs:
        serve_dataset(server, dataset, fault=None)
    fault_server.arm("*", "never_answer")
    start = time.monotonic()
    with pytest.raises(NetworkError, match="no server could be reached") as caught:
        load_territory(load_profile(territory(tmp_path, pairs)), str(tmp_path / "territory.gpkg"))
    assert time.monotonic() - start < 2.5  # the first two requests wait their second, the others are not sent
    report = caught.value.report  # every resource failed: an error, which carries what each one said
    assert not (tmp_path / "territory.gpkg").exists()
    failed = [o for o in report.outcomes if o.status == "failed"]
    assert len(failed) == 6 and fault_server.hits(f"{P.API}/catalog/datasets/parkings5") == 0
    host = fault_server.base.split("//")[1]
    assert all(host in o.message and "parkings" in o.message for o in failed), failed
    assert sum(f"No answer from {host} in 1 s" in o.message for o in failed) == 2, failed


def test_cancel_reaches_every_fetch_at_once_and_keeps_the_previous_file(tmp_path, fault_servers):
    servers = [fault_servers() for _ in range(4)]
    pairs = [(server, f"parkings{index}") for index, server in enumerate(servers)]
    for server, dataset in pairs:
        serve_dataset(server, dataset, fault="never_answer")
    profile = load_profile(territory(tmp_path, pairs))
    output = tmp_path / "out" / "territory.gpkg"
    output.parent.mkdir()
    output.write_bytes(b"the previous territory")
    before = digest(output.parent)
    feedback = QgsProcessingFeedback(False)
    cancelled_at = cancel_later(feedback, 1.0)
    with pytest.raises(Cancelled):
        load_territory(profile, str(output), feedback=feedback)
    assert time.monotonic() - cancelled_at[0] < 1.0
    # The four exports were all under way when the cancel came: it reached each of them.
    assert [server.hits(f"{P.API}/catalog/datasets/{d}/exports/geojson") for server, d in pairs] == [1] * 4
    assert digest(output.parent) == before
