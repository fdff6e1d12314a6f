"""Redirects and credentials: a request that carries an API key or an authcfg never hands it to another
origin (here the same host on another port), while anonymous requests still follow redirects anywhere."""

import pytest
from open_territory.plugin.toolbelt.errors import NetworkError
from open_territory.plugin.toolbelt.network import Transport
from pytest_httpserver import HTTPServer

from ...qgis_auth import store_auth_config


@pytest.fixture()
def transport(tmp_path):
    t = Transport(cache_dir=str(tmp_path / "cache"), offline=False, timeout=5, retries=1)
    t.backoff = 0.05
    return t


@pytest.fixture()
def other_origin(httpserver):
    """A second server on the same host as `httpserver` but another port: another origin."""
    server = HTTPServer(host=httpserver.host, port=0)
    server.start()
    assert server.port != httpserver.port
    yield server
    server.clear()
    server.stop()


def store_basic(username, password):
    return store_auth_config("Basic", {"username": username, "password": password}, "redirect-test")


def redirect_to(httpserver, path, target):
    httpserver.expect_request(path).respond_with_data("", status=302, headers={"Location": target})


def assert_refused(transport, httpserver, other_origin, secret):
    target = other_origin.url_for("/elsewhere")
    other_origin.expect_request("/elsewhere").respond_with_json({"stolen": True})
    redirect_to(httpserver, "/private", target)
    with pytest.raises(NetworkError) as info:
        transport.get(httpserver.url_for("/private"), expect="json")
    message = str(info.value)
    assert "redirect" in message.lower() and target in message and "/private" in message
    assert secret not in message
    # Nothing at all reached the other origin, so neither did the credentials.
    assert not other_origin.log
    assert len(httpserver.log) == 1  # a refused redirect is not retried


def test_apikey_never_follows_a_redirect_to_another_origin(httpserver, other_origin, transport):
    transport.authcfg, transport.auth_scheme = store_basic("apikey", "k3y-redirect-1"), "Apikey"
    assert_refused(transport, httpserver, other_origin, "k3y-redirect-1")


def test_raw_authorization_header_never_follows_a_redirect_to_another_origin(httpserver, other_origin, transport):
    target = other_origin.url_for("/elsewhere")
    other_origin.expect_request("/elsewhere").respond_with_json({"stolen": True})
    redirect_to(httpserver, "/private", target)
    with pytest.raises(NetworkError, match="Redirect to another site refused") as info:
        transport.get(httpserver.url_for("/private"), headers={"Authorization": "Apikey raw-key-2"})
    assert target in str(info.value) and "raw-key-2" not in str(info.value)
    assert not other_origin.log


def test_basic_authcfg_never_follows_a_redirect_to_another_origin(httpserver, other_origin, transport):
    transport.authcfg = store_basic("tech", "pw-redirect-3")
    assert_refused(transport, httpserver, other_origin, "pw-redirect-3")


def test_same_origin_redirect_keeps_the_key(httpserver, transport):
    transport.authcfg, transport.auth_scheme = store_basic("apikey", "k3y-same-4"), "Apikey"
    redirect_to(httpserver, "/old", httpserver.url_for("/new"))
    httpserver.expect_request("/new", headers={"Authorization": "Apikey k3y-same-4"}).respond_with_json({"ok": 1})
    assert transport.get(httpserver.url_for("/old"), expect="json").json() == {"ok": 1}


def test_anonymous_request_follows_a_redirect_to_another_origin(httpserver, other_origin, transport):
    other_origin.expect_request("/file.csv").respond_with_data("a;b\n1;2\n")
    redirect_to(httpserver, "/download", other_origin.url_for("/file.csv"))
    assert transport.get(httpserver.url_for("/download")).content == b"a;b\n1;2\n"
    request, _ = other_origin.log[0]
    assert "Authorization" not in request.headers
