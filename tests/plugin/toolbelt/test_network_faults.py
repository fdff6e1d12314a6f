"""The transport against a server failing in every way the fault server knows (tests/fault_server.py).

Each fault ends in one error of the right kind and reason, whose message names the server, in a time set
by the transport's own limits (short ones here), without leaving anything in the cache; a retry only for
what a retry can fix; QGIS's global network timeout never decides; cancel is answered within a tick.
"""

import json
import os
import re
import threading
import time

import pytest
from open_territory.plugin.toolbelt import host_slots
from open_territory.plugin.toolbelt.cache import cache_key
from open_territory.plugin.toolbelt.errors import Cancelled, NetworkError, OpenTerritoryError, ReplyError
from open_territory.plugin.toolbelt.network import MAX_REDIRECTS, Transport
from qgis.core import QgsNetworkAccessManager, QgsProcessingFeedback
from qgis.PyQt.QtCore import QEventLoop, QTimer, QUrl
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from ...qt_wait import cancel_later

BODY = json.dumps({"type": "FeatureCollection", "name": "Arceaux vélo", "features": []}).encode()
MIB = 1024 * 1024


class RecordingFeedback(QgsProcessingFeedback):
    """A Processing feedback that keeps the progress texts it is given, with their times."""

    def __init__(self):
        super().__init__(False)
        self.texts = []

    def setProgressText(self, text):  # noqa: N802 - QGIS's name
        self.texts.append((time.monotonic(), text))


@pytest.fixture()
def transport(tmp_path):
    made = Transport(cache_dir=str(tmp_path / "cache"), offline=False, timeout=2, stall_timeout=1, retries=2)
    made.max_bytes = MIB
    made.backoff = 0.05
    return made


# fault: (options, kind, reason, message pattern ({host} is the server's), tries, most seconds)
FAULT_CASES = {
    "never_answer": ({}, NetworkError, "stall", r"No answer from {host} in 2 s", 1, 4),
    "headers_then_stall": ({}, NetworkError, "stall", r"{host} stopped sending: almost nothing came in 1 s", 1, 3),
    "drip": ({"interval": 0.1}, NetworkError, "stall", r"{host} stopped sending", 1, 4),
    "html_200": ({}, ReplyError, "content", r"{host} answered with a web page", 1, 2),
    "busy": ({"retry_after": 0}, ReplyError, "http", r"HTTP 503: Server busy", 3, 3),
    "redirect_loop": (
        {},
        NetworkError,
        "redirect_loop",
        rf"Too many redirects from {{host}} \(more than {MAX_REDIRECTS}\)",
        1,
        3,
    ),
    "huge": (
        {},
        ReplyError,
        "too_large",
        r"from {host} is larger than the size limit of 1\.0\sMB \(it announces 5\.0\sGB\)",
        1,
        2,
    ),
    "huge_unannounced": (
        {},
        ReplyError,
        "too_large",
        r"{host} is larger than the size limit .*more than 1\.0\sMB received",
        1,
        3,
    ),
    "corrupt_gzip": ({}, ReplyError, "corrupt", r"The reply from {host} is damaged", 1, 2),
    "invalid_utf8": ({}, ReplyError, "encoding", r"The reply from {host} is not valid UTF-8 text \(byte \d+\)", 1, 2),
    "xml_bomb": ({}, ReplyError, "entities", r"The reply from {host} declares XML entities", 1, 2),
    "empty": ({}, ReplyError, "empty", r"{host} sent an empty reply", 1, 2),
    "reset": ({}, NetworkError, "incomplete", r"The reply from {host} was cut before its end", 3, 4),
    "cut_short": ({}, NetworkError, "incomplete", r"The reply from {host} was cut before its end", 3, 3),
}


@pytest.mark.parametrize("name", sorted(FAULT_CASES))
def test_each_fault_is_one_clear_error_naming_the_server(fault_server, transport, name):
    options, kind, reason, pattern, tries, most = FAULT_CASES[name]
    fault_server.route("/data.json", BODY)
    fault_server.arm("/data.json", name, **options)
    url = fault_server.url("/data.json?apiKey=SECRET")
    host = re.escape(fault_server.base.split("//")[1])
    start = time.monotonic()
    with pytest.raises(OpenTerritoryError) as raised:
        transport.get(url, expect="json")
    elapsed = time.monotonic() - start
    assert type(raised.value) is kind, raised.value
    assert raised.value.reason == reason, raised.value
    assert re.search(pattern.format(host=host), str(raised.value)), raised.value
    assert "SECRET" not in str(raised.value) and "Traceback" not in str(raised.value)
    assert elapsed < most, f"{name}: {elapsed:.1f} s"
    if name == "redirect_loop":  # a few hops, not Qt's 50 (Qt may send a hop again on a connection it lost)
        assert MAX_REDIRECTS <= fault_server.hits("/data.json") <= 2 * (MAX_REDIRECTS + 1)
    else:
        assert fault_server.hits("/data.json") == tries
    # Nothing kept for offline mode, nothing left half-written.
    assert transport.cache.get(cache_key("GET", url)) is None
    assert not [n for n in os.listdir(transport.cache.folder) if n.endswith(".part")]


def test_a_busy_server_that_recovers_is_waited_for(fault_server, transport):
    fault_server.route("/data.json", BODY)
    fault_server.arm("/data.json", "busy", times=1, retry_after=1)
    start = time.monotonic()
    assert transport.get(fault_server.url("/data.json"), expect="json").json()["name"] == "Arceaux vélo"
    assert 0.9 < time.monotonic() - start < 3 and fault_server.hits("/data.json") == 2


def test_a_retry_after_beyond_the_budget_is_reported_at_once(fault_server, transport):
    fault_server.route("/data.json", BODY)
    fault_server.arm("/data.json", "busy", retry_after=600)
    start = time.monotonic()
    with pytest.raises(ReplyError):
        transport.get(fault_server.url("/data.json"))
    assert time.monotonic() - start < 2 and fault_server.hits("/data.json") == 1


def test_a_slow_first_byte_then_a_fast_body_is_no_fault(fault_server, transport):
    fault_server.route("/data.json", BODY)
    fault_server.arm("/data.json", "slow_first_byte", delay=1.5)
    assert transport.get(fault_server.url("/data.json"), expect="json").content == BODY


@pytest.fixture()
def qgis_timeout_of_one_second():
    before = QgsNetworkAccessManager.timeout()
    QgsNetworkAccessManager.setTimeout(1000)
    yield
    QgsNetworkAccessManager.setTimeout(before)


def plain_qgis_request(url: str) -> tuple:
    """(Qt error, seconds) of a request sent through QGIS's network manager without the transport."""
    manager = QgsNetworkAccessManager.instance()
    start = time.monotonic()
    reply = manager.get(QNetworkRequest(QUrl(url)))
    loop = QEventLoop()
    reply.finished.connect(loop.quit)
    QTimer.singleShot(10000, loop.quit)
    loop.exec_()
    error = reply.error()
    reply.deleteLater()
    return error, time.monotonic() - start


def test_the_plugin_timeouts_apply_not_qgis_global_one(fault_server, transport, qgis_timeout_of_one_second):
    """QGIS's own timeout (the "Network/Timeout" setting) is 1 s here: a bare QGIS request to a server that
    answers after 2.5 s is aborted by it, while the transport, whose first-byte timeout is 5 s, gets the
    reply (an Overpass query longer than QGIS's timeout, with a TIMEOUT that allows it)."""
    fault_server.route("/interpreter", BODY)
    fault_server.arm("/interpreter", "slow_first_byte", delay=2.5)
    error, seconds = plain_qgis_request(fault_server.url("/interpreter"))
    assert error == QNetworkReply.OperationCanceledError and seconds < 2, (error, seconds)

    transport.timeout = 5
    start = time.monotonic()
    assert transport.post(fault_server.url("/interpreter"), data={"data": "[out:xml];"}).content == BODY
    assert 2.4 < time.monotonic() - start < 4


@pytest.mark.parametrize("name", ["never_answer", "headers_then_stall", "drip", "busy"])
def test_cancel_is_answered_within_a_tick_during_a_stall(fault_server, transport, name):
    fault_server.route("/data.json", BODY)
    fault_server.arm("/data.json", name, retry_after=30)
    transport.timeout = transport.stall_timeout = 30
    transport.feedback = QgsProcessingFeedback(False)
    cancelled_at = cancel_later(transport.feedback, 0.5)
    with pytest.raises(Cancelled):
        transport.get(fault_server.url("/data.json"))
    assert time.monotonic() - cancelled_at[0] < 0.3


def test_progress_names_the_server_and_the_bytes_a_few_times_a_second(fault_server, transport):
    body = b'{"rows": "' + b"x" * 300_000 + b'"}'
    fault_server.route("/big.json", body)
    fault_server.arm("/big.json", "slow_first_byte", delay=1.2)
    transport.feedback = RecordingFeedback()
    transport.get(fault_server.url("/big.json"))
    texts = [text for _when, text in transport.feedback.texts]
    host = fault_server.base.split("//")[1]
    assert any(re.fullmatch(re.escape(host) + r": waiting for an answer \(1 s\)", t) for t in texts), texts
    times = [when for when, _text in transport.feedback.texts]
    assert len(texts) <= 1.2 / 0.25 + 2 and all(b - a >= 0.2 for a, b in zip(times, times[1:])), times


def test_progress_shows_the_bytes_received(fault_server, transport):
    fault_server.route("/drip.json", b"[" + b"1," * 5000 + b"1]")
    fault_server.arm("/drip.json", "drip", interval=0.05)
    transport.stall_timeout = 30
    transport.feedback = RecordingFeedback()
    threading.Timer(1.2, transport.feedback.cancel).start()
    with pytest.raises(Cancelled):
        transport.get(fault_server.url("/drip.json"))
    host = fault_server.base.split("//")[1]
    assert any(re.fullmatch(re.escape(host) + r": \d+\sB", text) for _when, text in transport.feedback.texts)


def fetch_in_threads(urls: list, tmp_path) -> list:
    """Each URL fetched by its own transport in its own thread (as the territory load does); the errors."""
    errors = []

    def run(url, index):
        try:
            Transport(cache_dir=str(tmp_path / f"cache{index}"), timeout=10, retries=0).get(url)
        except Exception as error:  # noqa: BLE001 - collected for the assertion
            errors.append(error)

    threads = [threading.Thread(target=run, args=(url, i)) for i, url in enumerate(urls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return errors


def test_at_most_two_requests_at_once_per_server(fault_servers, tmp_path):
    busy, other = fault_servers(), fault_servers()
    for server in (busy, other):
        server.route("/slow.json", BODY)
        server.arm("/slow.json", "slow_first_byte", delay=0.6)
    start = time.monotonic()
    errors = fetch_in_threads([busy.url("/slow.json")] * 6 + [other.url("/slow.json")] * 2, tmp_path)
    elapsed = time.monotonic() - start
    assert errors == []
    assert busy.max_in_flight == 2 and other.max_in_flight == 2
    # Six requests two at a time: three rounds; the other server's two ran beside them.
    assert 1.7 < elapsed < 4, elapsed
    assert host_slots.busy(busy.base.split("//")[1]) == 0


def test_a_host_that_gave_no_answer_is_not_asked_again_in_the_same_load(fault_server, transport):
    fault_server.route("/a.json", BODY)
    fault_server.route("/b.json", BODY)
    fault_server.arm("*", "never_answer")
    transport.silent_hosts = set()
    with pytest.raises(NetworkError):
        transport.get(fault_server.url("/a.json"))
    start = time.monotonic()
    with pytest.raises(NetworkError, match="was not asked: it stopped answering an earlier request") as raised:
        transport.get(fault_server.url("/b.json"))
    assert raised.value.reason == "stall" and time.monotonic() - start < 0.5
    assert fault_server.hits("/b.json") == 0


def test_the_cache_keeps_no_secret(fault_server, transport):
    fault_server.route("/feed.json", BODY, **{"Set-Cookie": "session=SECRET3"})
    reply = transport.get(fault_server.url("/feed.json?apiKey=SECRET1&token=SECRET2&lang=fr"))
    assert reply.content == BODY
    for folder, _dirs, files in os.walk(transport.cache.folder):
        for name in files:
            if name.endswith(".json"):
                with open(os.path.join(folder, name), encoding="utf-8") as handle:
                    text = handle.read()
                assert "SECRET" not in text and "apiKey=***" in text and "lang=fr" in text
