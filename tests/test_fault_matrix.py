"""Every source against every fault (issue 14.5): a server that never answers, stalls, drips, sends a web
page, is busy, loops, sends gigabytes, damaged or empty bodies, cuts or resets the connection.

Each source is run as its callers run it (its `fetch` with a transport made from the settings, as the
Processing algorithm and the dock panel do; the search's core functions; the register import; the territory
load) against the fault server (tests/fault_server.py), the fault armed on the source's data request. Each
case must end in one sentence naming the source and the cause (an OpenTerritoryError, no traceback), with
the user's existing output unchanged byte for byte, in a few seconds (the test's limits are short: one
second to answer, one second of stall, 1 MB at most). During a stall, a cancel must be answered within a
second.

A new source joins the matrix by adding its scenario to SCENARIOS in tests/plugin/sources/
test_reload_failures.py (the GTFS source, when it lands, goes there) and its name to SOURCE_NAMES below.
"""

from __future__ import annotations

import json
import os
import re
import time
from dataclasses import dataclass
from typing import Callable

import pytest
from open_territory.plugin.profiles.profile import load_profile
from open_territory.plugin.profiles.territory import load_territory
from open_territory.plugin.register import create_register, import_rows
from open_territory.plugin.sources.ods import OdsSource
from open_territory.plugin.sources.ods.search_table import search_catalog, write_search_table
from open_territory.plugin.toolbelt.errors import Cancelled, OpenTerritoryError
from open_territory.plugin.toolbelt.layer_writer import file_target
from open_territory.plugin.toolbelt.network import Transport
from open_territory.plugin.toolbelt.settings import load_settings, save_settings
from qgis.core import QgsProcessingFeedback

from .folder_digest import digest
from .plugin.sources.test_reload_failures import SCENARIOS, previous_output
from .qt_wait import cancel_later

HERE = os.path.dirname(os.path.abspath(__file__))
ODS_API = "/api/explore/v2.1"

# fault -> what the message must say of the cause (with the test's limits: 1 s, 1 s, 1 MB)
CAUSES = {
    # A stalled host is not asked again in the same run (the register import's second address).
    "never_answer": (
        r"Overpass: the server did not answer in time|No answer from 127\.0\.0\.1:\d+ in 1 s"
        r"|127\.0\.0\.1:\d+ was not asked: it stopped answering"
    ),
    "headers_then_stall": r"127\.0\.0\.1:\d+ (stopped sending|was not asked: it stopped answering)",
    "drip": r"127\.0\.0\.1:\d+ (stopped sending|was not asked: it stopped answering)",
    "html_200": r"web page|\[Maintenance Service temporarily unavailable",  # Overpass: its error page's words
    "busy": r"HTTP 503|busy",
    "redirect_loop": r"Too many redirects from 127\.0\.0\.1:\d+",
    "huge": r"larger than the size limit of 1\.0\sMB \(it announces 5\.0\sGB\)",
    "huge_unannounced": r"larger than the size limit of 1\.0\sMB \(more than 1\.0\sMB received\)",
    "corrupt_gzip": r"damaged: its compressed data \(gzip\) cannot be read",
    "invalid_utf8": r"not valid UTF-8",
    "xml_bomb": r"declares XML entities",
    "empty": r"sent an empty reply",
    "reset": r"cut before its end|connection .* broke",
    "cut_short": r"cut before its end",
}
# source -> how its messages name it
SOURCE_NAMES = {
    "ods": r"Opendatasoft http://127\.0\.0\.1:\d+, dataset festivals-finistere",
    "ods_search": r"Opendatasoft http://127\.0\.0\.1:\d+",
    "overpass": r"Overpass",
    "datagouv": r"data\.gouv\.fr",
    "rudi": r"RUDI",
    "gbfs_stations": r"GBFS station_information",
    "gbfs_vehicles": r"GBFS (free_bike_status|vehicle_status)",
    "sensor_community": r"sensor\.community",
    "ban": r"Geocoding failed",
    "territory": r"Opendatasoft http://127\.0\.0\.1:\d+, dataset parkings",
}
STALLS = ("never_answer", "headers_then_stall", "drip")


@pytest.fixture(autouse=True)
def short_limits(monkeypatch):
    from open_territory.plugin.sources import overpass

    monkeypatch.setattr(overpass, "NETWORK_MARGIN", 0)
    settings = load_settings()
    settings.network_timeout, settings.network_stall_timeout = 1, 1
    settings.max_download_mb, settings.network_retries = 1, 1
    save_settings(settings)


@dataclass
class Case:
    """One source as its callers run it: `run(feedback)` raises the failure (or returns the messages of a
    run that reports failures instead of raising: the register import, the territory load); `output` is
    the folder whose bytes must not change (None when the run replaces its output by design)."""

    run: Callable
    output: object
    payload: str  # the path of the data request the fault is armed on


def source_case(key: str, server, tmp_path) -> Case:
    source_class, spec, routes, payload = SCENARIOS[key](server.base)
    if key == "overpass":
        spec["timeout"] = 1  # the query's own timeout, which the request waits for (plus a margin, 0 here)
    for path, (body, content_type) in routes.items():
        server.route(path, body, content_type)
    folder = tmp_path / "output"
    folder.mkdir()
    target = previous_output("geopackage", folder)
    source_class(Transport(cache_dir=str(tmp_path / "first"))).fetch(dict(spec), target, "other")

    def run(feedback):
        return source_class(Transport(feedback=feedback)).fetch(dict(spec), target, "other", feedback)

    return Case(run, folder, payload)


def ods_search_case(server, tmp_path) -> Case:
    from .plugin.sources.ods.test_ods_payloads import POINT_FIELDS, dataset_entry

    results = [dataset_entry(f"velos-{i}", POINT_FIELDS, title=f"Vélos {i}") for i in range(3)]
    path = f"{ODS_API}/catalog/datasets"
    server.route(path, json.dumps({"total_count": 3, "results": results}))
    folder = tmp_path / "output"
    folder.mkdir()
    target = file_target(str(folder / "found.gpkg"))

    def run(feedback):
        source = OdsSource(Transport(feedback=feedback))
        total, datasets = search_catalog(source, server.base, "vélo", geo_only=True, limit=10, feedback=feedback)
        return write_search_table(datasets, target, feedback)

    assert run(None) == 3
    return Case(run, folder, path)


def ban_case(server, tmp_path) -> Case:
    with open(os.path.join(HERE, "plugin", "register", "data", "ban_search_housenumber.json"), "rb") as handle:
        server.route("/search/", handle.read())
    folder = tmp_path / "output"
    folder.mkdir()
    register = create_register(str(folder / "register.gpkg"))
    table = tmp_path / "enjeux.csv"
    table.write_text(
        "titre;domaine;adresse;commune\nGare;velo;1 place de la Gare;Rennes\nMairie;velo;2 place de la Mairie;Rennes\n",
        encoding="utf-8",
    )

    def run(feedback):
        report = import_rows(register, "challenges", str(table), geocoder_url=server.base, feedback=feedback)
        assert report.imported == 0 and len(report.failed) == 2, report.failed
        return [message for _line, message in report.failed]

    return Case(run, folder, "/search/")


def territory_case(server, tmp_path) -> Case:
    from .plugin.profiles.conftest import BOUNDARY
    from .plugin.sources.ods.test_ods_payloads import POINT_FIELDS, dataset_entry, export_bytes, point_features

    for dataset in ("parkings", "feux"):
        server.route(f"{ODS_API}/catalog/datasets/{dataset}", json.dumps(dataset_entry(dataset, POINT_FIELDS)))
        export = export_bytes(point_features(3, start=(-1.61, 47.80)))
        server.route(f"{ODS_API}/catalog/datasets/{dataset}/exports/geojson", export, "application/geo+json")
    (tmp_path / "communes.geojson").write_text(json.dumps(BOUNDARY), encoding="utf-8")
    entries = [{"source": "ods", "portal": "local", "dataset": d, "layer": d} for d in ("parkings", "feux")]
    data = {
        "version": 1,
        "id": "faults",
        "name": "Faults",
        "crs": "EPSG:2154",
        "boundary": {"file": "communes.geojson"},
        "portals": {"local": {"url": server.base, "platform": "ods"}},
        "resources": {"car_park": entries},
    }
    (tmp_path / "faults.json").write_text(json.dumps(data), encoding="utf-8")
    profile = load_profile(str(tmp_path / "faults.json"))
    folder = tmp_path / "output"
    folder.mkdir()
    output = str(folder / "territory.gpkg")

    def run(feedback):
        report = load_territory(profile, output, feedback=feedback)
        statuses = {o.layer: o.status for o in report.outcomes}
        assert statuses == {"boundary": "ok", "parkings": "failed", "feux": "ok"}, report.summary()
        return [o.message for o in report.failed]

    return Case(run, None, f"{ODS_API}/catalog/datasets/parkings/exports/geojson")


def make_case(key: str, server, tmp_path) -> Case:
    if key in SCENARIOS:
        return source_case(key, server, tmp_path)
    return {"ods_search": ods_search_case, "ban": ban_case, "territory": territory_case}[key](server, tmp_path)


def messages_of(case: Case, feedback) -> list:
    """The messages the user reads: the error raised, or those a run reports."""
    try:
        reported = case.run(feedback)
    except OpenTerritoryError as error:
        return [str(error)]
    assert isinstance(reported, list), f"the run did not fail: {reported!r}"
    return reported


SOURCES = sorted(set(SCENARIOS) | {"ods_search", "ban", "territory"})


def problems_of(key: str, fault: str, messages: list) -> list:
    """What is wrong with the messages of a case: [] when each is one sentence naming the source and cause."""
    if key not in SOURCE_NAMES:
        return [f"a new source: say in SOURCE_NAMES how its messages name it ({key})"]
    found = []
    for message in messages:
        if "\n" in message or "Traceback" in message:
            found.append(f"not one sentence: {message}")
        if not re.search(SOURCE_NAMES[key], message):
            found.append(f"the source is not named: {message}")
        if not re.search(CAUSES[fault], message):
            found.append(f"the cause is not said: {message}")
    return found if messages else ["no message"]


def record(key: str, fault: str, messages: list, intact, seconds: float, passed: bool) -> None:
    """One line of the fault-by-source table (tests/benchmarks/bench_faults.py --table), when asked for."""
    path = os.environ.get("OPEN_TERRITORY_FAULT_TABLE")
    if path:
        line = {"source": key, "fault": fault, "message": " | ".join(messages), "intact": intact}
        line.update(seconds=round(seconds, 2), passed=passed)
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")


@pytest.mark.slow
@pytest.mark.parametrize("fault", sorted(CAUSES))
@pytest.mark.parametrize("key", SOURCES)
def test_every_fault_is_one_sentence_naming_the_source_and_the_cause(fault_server, tmp_path, key, fault):
    case = make_case(key, fault_server, tmp_path)
    before = digest(case.output) if case.output is not None else None
    fault_server.arm(case.payload, fault, retry_after=0)
    start = time.monotonic()
    messages = messages_of(case, QgsProcessingFeedback(False))
    elapsed = time.monotonic() - start
    intact = None if before is None else digest(case.output) == before
    problems = problems_of(key, fault, messages)
    record(key, fault, messages, intact, elapsed, not problems and intact is not False and elapsed < 10)
    assert not problems, problems
    assert elapsed < 10, elapsed
    assert intact is not False, "the existing output changed"


@pytest.mark.parametrize("key", SOURCES)
def test_cancel_during_a_stall_is_answered_within_a_second(fault_server, tmp_path, key):
    settings = load_settings()
    settings.network_timeout = 30
    save_settings(settings)
    case = make_case(key, fault_server, tmp_path)
    before = digest(case.output) if case.output is not None else None
    fault_server.arm(case.payload, "never_answer")
    feedback = QgsProcessingFeedback(False)
    cancelled_at = cancel_later(feedback, 0.8)
    with pytest.raises(Cancelled):
        case.run(feedback)
    assert time.monotonic() - cancelled_at[0] < 1.0
    assert fault_server.hits(case.payload) >= 1  # the cancel came during the data request
    if before is not None:
        assert digest(case.output) == before
