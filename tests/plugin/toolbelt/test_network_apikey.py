"""Transport additions for Opendatasoft: `Authorization: Apikey` from an authcfg, quota replies."""

import datetime

import pytest
from open_territory.plugin.toolbelt import network
from open_territory.plugin.toolbelt.errors import InputError, ReplyError
from open_territory.plugin.toolbelt.network import (
    Transport,
    authorization_from_authcfg,
    quota_reset_seconds,
    server_message,
)

from ...qgis_auth import store_auth_config


@pytest.fixture()
def transport(tmp_path):
    t = Transport(cache_dir=str(tmp_path / "cache"), offline=False, timeout=5, retries=2)
    t.backoff = 0.05
    return t


def store_config(method, values, name="ods"):
    return store_auth_config(method, values, name)


def test_apikey_header_from_basic_authcfg_never_logged(httpserver, transport, monkeypatch):
    authcfg = store_config("Basic", {"username": "apikey", "password": "k3y-s3cret-123"})
    logged = []
    monkeypatch.setattr(network, "log", lambda message, *_: logged.append(message))
    httpserver.expect_request("/private", headers={"Authorization": "Apikey k3y-s3cret-123"}).respond_with_json(
        {"ok": True}
    )
    transport.authcfg, transport.auth_scheme = authcfg, "Apikey"
    assert transport.get(httpserver.url_for("/private"), expect="json").json() == {"ok": True}
    assert logged and not any("k3y" in message for message in logged)


def test_apikey_without_scheme_keeps_basic_signing(httpserver, transport):
    authcfg = store_config("Basic", {"username": "tech", "password": "pw"})
    httpserver.expect_request("/basic", headers={"Authorization": "Basic dGVjaDpwdw=="}).respond_with_data("ok")
    transport.authcfg = authcfg
    assert transport.get(httpserver.url_for("/basic")).content == b"ok"


def test_authcfg_errors_name_the_config(httpserver, transport):
    with pytest.raises(InputError, match="could not be read: nope123"):
        authorization_from_authcfg("nope123", "Apikey")
    empty = store_config("Basic", {"username": "x", "password": ""}, name="empty")
    with pytest.raises(InputError, match="no API key"):
        authorization_from_authcfg(empty, "Apikey")
    transport.authcfg, transport.auth_scheme = "nope123", "Apikey"
    with pytest.raises(InputError, match="nope123") as info:
        transport.get(httpserver.url_for("/private"))
    assert "/private" in str(info.value) and not httpserver.log


def test_quota_message_names_limit_and_reset(httpserver, transport):
    transport.retries = 0
    httpserver.expect_request("/q").respond_with_json(
        {
            "errorcode": 10002,
            "reset_time": "2031-01-26T00:00:00Z",
            "limit_time_unit": "day",
            "call_limit": 10000,
            "error": "Too many requests on the domain.",
        },
        status=429,
    )
    with pytest.raises(ReplyError) as info:
        transport.get(httpserver.url_for("/q"))
    assert info.value.reason == "http"
    text = str(info.value)
    assert "HTTP 429" in text and "10000/day" in text and "Too many" in text
    assert "2031-01-26T00:00:00Z" in text


def test_quota_resetting_soon_is_waited_for(httpserver, transport):
    soon = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=1)
    soon = soon.strftime("%Y-%m-%dT%H:%M:%SZ")
    httpserver.expect_ordered_request("/soon").respond_with_json(
        {"errorcode": 10002, "reset_time": soon, "call_limit": 5, "error": "Too many requests"}, status=429
    )
    httpserver.expect_ordered_request("/soon").respond_with_json({"ok": 1})
    transport.backoff = 0  # without the reset time the retry would be immediate
    start = datetime.datetime.now(datetime.timezone.utc)
    assert transport.get(httpserver.url_for("/soon")).json() == {"ok": 1}
    waited = (datetime.datetime.now(datetime.timezone.utc) - start).total_seconds()
    assert waited >= 0.9 and len(httpserver.log) == 2


def test_quota_helpers():
    assert quota_reset_seconds({"reset_time": "not a date"}) is None
    assert quota_reset_seconds({"message": "x"}) is None
    assert quota_reset_seconds({"reset_time": "2000-01-01T00:00:00Z"}) <= 1
    assert (
        server_message({"message": "ODSQL query is malformed", "error_code": "ODSQLError"})
        == "ODSQL query is malformed"
    )
