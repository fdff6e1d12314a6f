"""The BAN geocoder on its own, against a local stand-in serving BAN's real reply shapes."""

import json
import os

import pytest
from open_territory.plugin.register.geocode import BanGeocoder
from open_territory.plugin.toolbelt.errors import InputError, ReplyError
from open_territory.plugin.toolbelt.network import Transport


def payload(helpers, name):
    with open(os.path.join(helpers.DATA, name), encoding="utf-8") as handle:
        return json.load(handle)


def test_best_match_and_memory_of_the_run(httpserver, helpers):
    httpserver.expect_request(
        "/search/", query_string={"q": "10 PL 5 MARTYRS LYCEE BUFFON 75015", "limit": "1"}
    ).respond_with_json(payload(helpers, "ban_search_housenumber.json"))
    geocoder = BanGeocoder(Transport(), httpserver.url_for(""))
    found = geocoder.geocode("10 PL 5 MARTYRS   LYCEE BUFFON 75015")  # spaces are normalised
    assert (found.lon, found.lat) == (2.316754, 48.838411)
    assert found.label.startswith("10 Place des Cinq Martyrs") and found.score == pytest.approx(0.5198, abs=1e-4)
    assert geocoder.geocode("10 pl 5 martyrs lycee buffon 75015").label == found.label  # same address, no request
    assert len(httpserver.log) == 1 and geocoder.requests == 1


def test_failures_say_why(httpserver, helpers):
    httpserver.expect_request("/search/", query_string={"q": "10 PL 5 ANATOLE 75010", "limit": "1"}).respond_with_json(
        payload(helpers, "ban_search_noresult.json")
    )
    httpserver.expect_request("/search/", query_string={"q": "???", "limit": "1"}).respond_with_json(
        payload(helpers, "ban_error_400.json"), status=400
    )
    httpserver.expect_request("/search/", query_string={"q": "une page", "limit": "1"}).respond_with_data(
        "<html><body>maintenance</body></html>", content_type="text/html"
    )
    geocoder = BanGeocoder(Transport(retries=0), httpserver.url_for(""))
    with pytest.raises(ReplyError, match="Address not found"):
        geocoder.geocode("10 PL 5 ANATOLE 75010")
    with pytest.raises(ReplyError, match="HTTP 400: Failed parsing query"):
        geocoder.geocode("???")
    with pytest.raises(ReplyError, match="web page"):
        geocoder.geocode("une page")
    with pytest.raises(InputError, match="too short"):
        geocoder.geocode(" a ")
    assert len(httpserver.log) == 3
