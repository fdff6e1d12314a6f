"""The BAN geocoder on its own, against a local stand-in serving BAN's real reply shapes."""

import json
import math
import os

import pytest
from open_territory.plugin.register import geocode
from open_territory.plugin.register.geocode import BanGeocoder
from open_territory.plugin.toolbelt.errors import Cancelled, InputError, ReplyError
from open_territory.plugin.toolbelt.network import Transport
from qgis.core import QgsFeedback

from ...benchmarks.ban_standin import BanStandIn, place_of


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


# -- many addresses: the BAN's CSV batch endpoint, against a stand-in that answers and fails like it ----------


@pytest.fixture
def standin():
    server = BanStandIn()
    yield server
    server.close()


def addresses(count, start=0):
    return [f"{number} rue de la Gare 35000 Rennes" for number in range(start + 1, start + count + 1)]


def test_many_addresses_are_asked_in_batches_and_fill_the_single_requests_cache(standin, monkeypatch):
    monkeypatch.setattr(geocode, "BATCH_ROWS", 100)
    wanted = addresses(230) + [
        "1 rue Introuvable",
        "3 rue Vague",
        "4 rue de Nulle Part",
        "1 rue de la Gare 35000 Rennes",
    ]
    geocoder = BanGeocoder(Transport(), standin.url)
    geocoder.geocode_many(wanted)
    assert (standin.batches, standin.batch_rows, standin.searches) == (3, 233, 0)  # distinct addresses, 3 batches
    assert (geocoder.requests, geocoder.cache_hits, geocoder.batch_requests) == (233, 0, 3)
    found = geocoder.geocode("7  rue de la Gare 35000 Rennes")
    expected = place_of("7 rue de la Gare 35000 Rennes")
    assert (found.lon, found.lat, found.score) == (
        pytest.approx(expected["lon"]),
        pytest.approx(expected["lat"]),
        pytest.approx(0.93),
    )
    with pytest.raises(ReplyError, match="Address not found") as raised:
        geocoder.geocode("1 rue Introuvable")
    assert raised.value.reason == "not_found"
    with pytest.raises(ReplyError, match="too little confidence"):
        geocoder.geocode("3 rue Vague")
    with pytest.raises(ReplyError, match="impossible coordinates"):  # NaN: never stored as POINT EMPTY
        geocoder.geocode("4 rue de Nulle Part")
    assert standin.searches == 0
    # Another import finds every answer in the cache, as if each address had been asked alone.
    again = BanGeocoder(Transport(), standin.url)
    again.geocode_many(wanted)
    assert again.geocode("7 rue de la Gare 35000 Rennes").from_cache
    with pytest.raises(ReplyError, match="Address not found"):
        again.geocode("1 rue Introuvable")
    assert (again.requests, again.cache_hits, standin.batches, standin.searches) == (233, 233, 3, 0)


def test_a_few_addresses_are_asked_one_by_one(standin):
    geocoder = BanGeocoder(Transport(), standin.url)
    geocoder.geocode_many(addresses(geocode.BATCH_THRESHOLD))
    assert standin.batches == 0
    for address in addresses(geocode.BATCH_THRESHOLD):
        geocoder.geocode(address)
    assert standin.searches == geocode.BATCH_THRESHOLD


def test_a_batch_refused_as_too_large_is_halved():
    standin = BanStandIn(max_upload=4000)  # about 110 addresses of the test
    try:
        geocoder = BanGeocoder(Transport(retries=0), standin.url)
        geocoder.geocode_many(addresses(400))
        assert standin.too_large == 3 and standin.batches == 4 and standin.batch_rows == 400  # 400, 200 twice
        assert standin.searches == 0 and geocoder.geocode("17 rue de la Gare 35000 Rennes").score > 0.9
    finally:
        standin.close()


def test_a_failing_batch_endpoint_falls_back_to_one_request_per_address():
    standin = BanStandIn(fail_batches=True)
    try:
        geocoder = BanGeocoder(Transport(retries=0), standin.url)
        geocoder.geocode_many(addresses(60))
        assert standin.batches == 0 and geocoder.memo == {}
        assert all(math.isfinite(geocoder.geocode(a).lon) for a in addresses(60))
        assert standin.searches == 60 and geocoder.requests == 60
    finally:
        standin.close()


def test_the_rate_limit_is_waited_for():
    standin = BanStandIn(throttle_first=2)  # 429 with Retry-After, as beyond the BAN's 50 requests a second
    try:
        geocoder = BanGeocoder(Transport(retries=3), standin.url)
        geocoder.geocode_many(addresses(80))
        for address in addresses(3, start=100):
            geocoder.geocode(address)
        assert standin.throttled == 2 and standin.batches == 1 and standin.searches == 3
    finally:
        standin.close()


def test_a_cancel_stops_the_batches(standin):
    feedback = QgsFeedback()
    feedback.cancel()
    with pytest.raises(Cancelled):
        BanGeocoder(Transport(feedback=feedback), standin.url).geocode_many(addresses(80), feedback)
    assert standin.batches == 0


@pytest.mark.parametrize(
    ("coordinates", "reason"), [([float("nan"), 48.1], "impossible"), ([-1.6, 95], "impossible"), (["x", 1], "no")]
)
def test_a_single_reply_with_impossible_coordinates_is_refused(coordinates, reason):
    payload = {"type": "FeatureCollection", "features": [{"geometry": {"coordinates": coordinates}, "properties": {}}]}
    with pytest.raises(ReplyError, match=f"{reason} coordinates"):
        geocode.parse_search_reply(payload, "1 rue X")
