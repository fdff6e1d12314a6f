"""The transport against a local server: retries, errors, cache, offline, cancel, cut streams."""

import configparser
import datetime
import os
import re
import socket
import threading
import time

import pytest
from open_territory.plugin.toolbelt import network
from open_territory.plugin.toolbelt.errors import Cancelled, NetworkError, ReplyError
from open_territory.plugin.toolbelt.network import (
    Transport,
    redact,
    retry_after_seconds,
)
from open_territory.plugin.toolbelt.settings import PluginSettings, save_settings
from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsFeedback
from werkzeug import Response


@pytest.fixture()
def transport(tmp_path):
    t = Transport(cache_dir=str(tmp_path / "cache"), offline=False, timeout=5, retries=3)
    t.backoff = 0.05
    return t


def test_get_json_with_params_and_user_agent(httpserver, transport):
    httpserver.expect_request(
        "/api", query_string="q=v%C3%A9lo&limit=5", headers={"Accept": "application/json"}
    ).respond_with_json({"ok": "é"})
    reply = transport.get(
        httpserver.url_for("/api"),
        params={"q": "vélo", "limit": 5},
        headers={"Accept": "application/json"},
        expect="json",
    )
    assert reply.status == 200 and reply.json() == {"ok": "é"} and not reply.from_cache
    request, _ = httpserver.log[0]
    # Read independently of the plugin's metadata module: the name (a product token has no space)
    # and the full version of metadata.txt.
    meta = configparser.ConfigParser(interpolation=None)
    meta.read(os.path.join(os.path.dirname(__file__), "..", "..", "..", "metadata.txt"), encoding="utf-8")
    product = meta["general"]["name"].replace(" ", "") + "/" + meta["general"]["version"]
    assert re.search(
        r"(^| )"
        + re.escape(product)
        + r" \(QGIS plugin"
        + (r"; \+" + re.escape(meta["general"]["homepage"]) if meta["general"].get("homepage") else "")
        + r"\)",
        request.headers["User-Agent"],
    ), request.headers["User-Agent"]


def test_post_form(httpserver, transport):
    httpserver.expect_request("/interpreter", method="POST", data="data=node%5Bx%3Dy%5D%3Bout%3B").respond_with_data(
        "ok"
    )
    assert transport.post(httpserver.url_for("/interpreter"), data={"data": "node[x=y];out;"}).content == b"ok"


def test_retry_after_429_then_success(httpserver, transport):
    httpserver.expect_ordered_request("/busy").respond_with_data("slow down", status=429, headers={"Retry-After": "0"})
    httpserver.expect_ordered_request("/busy").respond_with_data("", status=503)
    httpserver.expect_ordered_request("/busy").respond_with_data("fine")
    assert transport.get(httpserver.url_for("/busy")).content == b"fine"
    assert len(httpserver.log) == 3


def test_gives_up_after_retries_with_server_message(httpserver, transport):
    transport.retries = 1
    httpserver.expect_request("/busy").respond_with_json({"message": "Server overloaded"}, status=503)
    with pytest.raises(ReplyError, match="Server overloaded") as info:
        transport.get(httpserver.url_for("/busy"))
    assert info.value.reason == "http"
    assert info.value.status == 503 and "/busy" in str(info.value)
    assert len(httpserver.log) == 2


def test_far_quota_reset_is_reported_at_once(httpserver, transport):
    reset = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=5)).strftime(
        "%Y-%m-%dT%H:%M:%S+00:00"
    )
    httpserver.expect_request("/quota").respond_with_json(
        {"errorcode": 10002, "reset_time": reset, "call_limit": 10000, "error": "Too many requests on the domain."},
        status=429,
    )
    with pytest.raises(ReplyError) as info:
        transport.get(httpserver.url_for("/quota"))
    assert info.value.reason == "http"
    assert info.value.status == 429 and info.value.payload["errorcode"] == 10002
    assert "Too many requests" in str(info.value) and reset[:16] in str(info.value)
    assert len(httpserver.log) == 1


def test_head_reports_size_without_body(httpserver, transport):
    httpserver.expect_request("/big.zip", method="HEAD").respond_with_data(b"z" * 5000)
    reply = transport.head(httpserver.url_for("/big.zip"))
    assert reply.header("content-length") == "5000" and reply.size == 0


def test_answer_changing_from_ok_to_error_is_seen_at_once(httpserver, transport, tmp_path):
    httpserver.expect_ordered_request("/flip").respond_with_json({"n": 1})
    httpserver.expect_ordered_request("/flip").respond_with_json({"message": "gone"}, status=500)
    transport.get(httpserver.url_for("/flip"))
    transport.retries = 0
    start = time.monotonic()
    with pytest.raises(ReplyError, match="gone") as raised:
        other = Transport(cache_dir=str(tmp_path / "other"), offline=False, timeout=5, retries=0)
        other.get(httpserver.url_for("/flip"))
    assert raised.value.reason == "http"
    assert time.monotonic() - start < 2


def test_long_retry_after_is_not_waited_for(httpserver, transport):
    httpserver.expect_request("/later").respond_with_data("", status=503, headers={"Retry-After": "3600"})
    start = time.monotonic()
    with pytest.raises(ReplyError) as raised:
        transport.get(httpserver.url_for("/later"))
    assert raised.value.reason == "http"
    assert time.monotonic() - start < 2 and len(httpserver.log) == 1


def test_404_not_retried_and_json_message(httpserver, transport):
    httpserver.expect_request("/missing").respond_with_json({"message": "Dataset not found", "status": 404}, status=404)
    with pytest.raises(ReplyError, match="Dataset not found") as raised:
        transport.get(httpserver.url_for("/missing"))
    assert raised.value.reason == "http"
    assert len(httpserver.log) == 1


def test_html_instead_of_json(httpserver, transport):
    httpserver.expect_request("/html").respond_with_data(
        "<!DOCTYPE html><html><body>Maintenance</body></html>", content_type="text/html"
    )
    with pytest.raises(ReplyError) as raised:
        transport.get(httpserver.url_for("/html"), expect="json")
    assert raised.value.reason == "content"


def test_cache_then_offline(httpserver, transport, tmp_path):
    httpserver.expect_request("/data").respond_with_json({"n": 1})
    url = httpserver.url_for("/data")
    transport.get(url, params={"a": 1})
    offline = Transport(cache_dir=transport.cache.folder, offline=True)
    assert offline.get(url, params={"a": 1}).json() == {"n": 1}
    assert offline.get(url, params={"a": 1}).from_cache
    with pytest.raises(NetworkError, match="not in the cache") as raised:
        offline.get(url, params={"a": 2})
    assert raised.value.reason == "offline"
    assert len(httpserver.log) == 1


def test_max_age_serves_cache(httpserver, transport):
    httpserver.expect_request("/d").respond_with_json({"n": 1})
    url = httpserver.url_for("/d")
    transport.get(url)
    assert transport.get(url, max_age=60).from_cache
    assert not transport.get(url).from_cache
    assert len(httpserver.log) == 2


def test_timeout(httpserver, transport):
    def slow(_request):
        time.sleep(2)
        return Response("late")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    transport.timeout = 1
    with pytest.raises(NetworkError, match=r"No answer from localhost:\d+ in 1 s") as raised:
        transport.get(httpserver.url_for("/slow"))
    assert raised.value.reason == "stall"


def test_cancel(httpserver, transport):
    def slow(_request):
        time.sleep(1.5)
        return Response("late")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    feedback = QgsFeedback()
    transport.feedback = feedback
    threading.Timer(0.3, feedback.cancel).start()
    start = time.monotonic()
    with pytest.raises(Cancelled):
        transport.get(httpserver.url_for("/slow"))
    assert time.monotonic() - start < 1.2


def test_a_full_disk_stops_the_download_with_a_message_not_a_crash(httpserver, transport, monkeypatch):
    """A write error inside the reply's slot would make PyQt abort QGIS: it becomes a clear error."""
    import errno

    from open_territory.plugin.toolbelt.cache import cache_key

    class FullDisk:
        def __init__(self, handle):
            self.real = os.fdopen(handle, "wb")

        def write(self, data):
            if data:
                raise OSError(errno.ENOSPC, "No space left on device")

        def close(self):
            self.real.close()

    monkeypatch.setattr(Transport, "_open_part", staticmethod(FullDisk))
    httpserver.expect_request("/big").respond_with_data(b"x" * 200_000)
    with pytest.raises(NetworkError, match="No space left on device") as raised:
        transport.get(httpserver.url_for("/big"))
    assert raised.value.reason == "disk"
    assert transport.cache.folder in str(raised.value)
    assert [name for name in os.listdir(transport.cache.folder) if name.endswith(".part")] == []
    assert transport.cache.get(cache_key("GET", httpserver.url_for("/big"))) is None


def test_timeout_and_retries_come_from_the_settings(httpserver, tmp_path):
    # One Transport() read right after the save: the QgsSettings store is the user's, shared with any
    # other QGIS process running at the same time.
    save_settings(
        PluginSettings(
            cache_dir=str(tmp_path / "c"),
            network_timeout=1,
            network_stall_timeout=3,
            max_download_mb=5,
            network_retries=2,
        )
    )
    transport = Transport()
    assert (transport.timeout, transport.stall_timeout, transport.retries) == (1, 3, 2)
    assert transport.max_bytes == 5 * 1024 * 1024
    assert (Transport(timeout=9, retries=0).timeout, Transport(timeout=9, retries=0).retries) == (9, 0)
    transport.backoff = 0.05
    httpserver.expect_request("/busy").respond_with_data("", status=503)
    with pytest.raises(ReplyError) as raised:
        transport.get(httpserver.url_for("/busy"))
    assert raised.value.reason == "http"
    # The first try and the settings' two retries (a slow request of an earlier test may be logged too).
    assert sum(request.path == "/busy" for request, _ in httpserver.log) == 3

    # A server of its own that accepts and never answers (the shared one may still be busy with the
    # slow handlers of earlier tests).
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        transport.retries = 0
        start = time.monotonic()
        with pytest.raises(NetworkError, match=r"in 1 s") as raised:
            transport.get(f"http://127.0.0.1:{silent.getsockname()[1]}/silent")
        assert raised.value.reason == "stall"
        assert 0.9 < time.monotonic() - start < 3


def test_connection_refused(transport):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(NetworkError, match="Could not reach") as raised:
        transport.get(f"http://127.0.0.1:{port}/x")
    assert raised.value.reason == "unreachable"
    assert "the server refused the connection" in str(raised.value)


def test_network_errors_are_said_in_the_users_language(transport):
    """Qt's own error strings stay in English in a French QGIS: the common ones are the plugin's sentences."""
    from open_territory.plugin.toolbelt.metadata import translation_file
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    translator = QTranslator()
    assert translator.load(translation_file("fr"))
    QCoreApplication.installTranslator(translator)
    try:
        with pytest.raises(NetworkError) as raised:
            transport.get(f"http://127.0.0.1:{port}/x")
    finally:
        QCoreApplication.removeTranslator(translator)
    assert "le serveur a refusé la connexion" in str(raised.value) and "refused" not in str(raised.value)


def serve_cut_stream(times):
    """A raw server that announces 1000 bytes and closes after 100."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)

    def run():
        for _ in range(times):
            conn, _ = server.accept()
            conn.recv(65536)
            head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
            conn.sendall(head + b"[" * 100)
            conn.close()
        server.close()

    threading.Thread(target=run, daemon=True).start()
    return f"http://127.0.0.1:{server.getsockname()[1]}/export"


def test_cut_stream_is_an_error_and_not_cached(transport):
    transport.retries = 1
    url = serve_cut_stream(2)
    with pytest.raises(NetworkError) as raised:
        transport.get(url)
    assert raised.value.reason == "incomplete"
    with pytest.raises(NetworkError) as raised:
        Transport(cache_dir=transport.cache.folder, offline=True).get(url)
    assert raised.value.reason == "offline"


def test_authcfg_basic_applied_and_not_logged(httpserver, transport):
    manager = QgsApplication.authManager()
    manager.setMasterPassword("test-master", True) if not manager.masterPasswordIsSet() else None
    config = QgsAuthMethodConfig("Basic")
    config.setName("portal")
    config.setConfig("username", "tech")
    config.setConfig("password", "s3cret")
    assert manager.storeAuthenticationConfig(config)[0]
    httpserver.expect_request("/private", headers={"Authorization": "Basic dGVjaDpzM2NyZXQ="}).respond_with_data("ok")
    transport.authcfg = config.id()
    assert transport.get(httpserver.url_for("/private")).content == b"ok"


def test_redact_and_retry_after():
    assert redact("https://x/gbfs.json?apiKey=abc&lang=fr") == "https://x/gbfs.json?apiKey=***&lang=fr"
    assert retry_after_seconds("12") == 12
    assert retry_after_seconds("") is None
    assert 0 <= retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") <= 1
    assert network.looks_like_html(b"  <!DOCTYPE html>", "")


def test_hundreds_of_downloads_in_a_background_task(httpserver, tmp_path):
    """A task that downloads a lot (a register import locating 2,000 addresses, a territory load): Qt
    puts new replies at the addresses of deleted ones, and PyQt's late notice that an old reply was
    destroyed used to mark a live one as deleted, failing the task or aborting QGIS about once in a
    hundred downloads. Errors are kept with their tracebacks, as a task keeps its error."""
    from open_territory.plugin.toolbelt.tasks import start_task

    from ...qt_wait import wait_until

    httpserver.expect_request("/missing").respond_with_data("no", status=404)
    httpserver.expect_request("/ok").respond_with_data("yes")
    kept, done = [], []

    def work(feedback):
        transport = Transport(feedback=feedback, cache_dir=str(tmp_path / "cache"), retries=0)
        for _ in range(150):
            try:
                transport.get(httpserver.url_for("/missing"))
            except ReplyError as error:
                kept.append(error)  # with its traceback, hence the frame that held the reply
            with open(transport.get(httpserver.url_for("/ok")).path, "rb") as handle:
                assert handle.read() == b"yes"
        return len(kept)

    task = start_task("downloads", work, lambda result, error: done.append((result, error)))  # noqa: F841 - kept alive
    assert wait_until(lambda: done, 60)
    assert done == [(150, None)]


def test_base_url_from_what_a_user_pastes():
    assert network.base_url("data.example.fr/") == "https://data.example.fr"
    assert network.base_url("http://node.example/rudi/api/v1/resources?limit=5") == "http://node.example/rudi"
    assert network.base_url("https://p.example/explore/dataset/x/", ("/api/", "/explore/")) == "https://p.example"
    assert network.base_url("  ") == ""
