"""Property-based tests of the BAN reply readers: whatever the geocoder answers, a place on Earth or the plugin's
own errors, and a batch answer cached as a single reply reads back the same."""

import json
import math

from hypothesis import strategies as st
from open_territory.plugin.register import geocode
from open_territory.plugin.toolbelt import safe_json

from ...fuzzing import CSV_ALPHABET, NUMERIC_TEXT, fuzz, json_values, mutated, only_plugin_errors

KEYS = ("type", "features", "geometry", "coordinates", "properties", "label", "score", "query", "limit")
REAL = {
    "type": "FeatureCollection",
    "version": "draft",
    "features": [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [2.316754, 48.838411]},
            "properties": {"label": "10 Place des Cinq Martyrs du Lycée Buffon 75015 Paris", "score": 0.5198},
        }
    ],
    "attribution": "BAN",
    "licence": "ETALAB-2.0",
    "query": "10 PL 5 MARTYRS LYCEE BUFFON 75015",
    "limit": 1,
}
COLUMNS = ("id", "q", "latitude", "longitude", "result_label", "result_score", "result_type", "result_status")


def a_place(found):
    assert math.isfinite(found.lon) and math.isfinite(found.lat) and abs(found.lon) <= 180 and abs(found.lat) <= 90


@fuzz(json_values(KEYS))
def test_any_single_reply(payload):
    found = only_plugin_errors(geocode.parse_search_reply, payload, "1 rue X")
    if found is not None:
        a_place(found)


@fuzz(mutated(REAL, KEYS))
def test_real_shaped_single_replies_with_hostile_values(payload):
    found = only_plugin_errors(geocode.parse_search_reply, payload, "1 rue X")
    if found is not None:
        a_place(found)


@st.composite
def batch_answers(draw):
    rows = draw(st.lists(st.lists(st.one_of(NUMERIC_TEXT, st.text(alphabet=CSV_ALPHABET, max_size=10)), min_size=8,
                                  max_size=8), max_size=5))  # fmt: skip
    lines = [",".join(COLUMNS)] + [",".join(row) for row in rows]
    data = "\r\n".join(lines).encode("utf-8")
    return draw(st.one_of(st.just(data), st.binary(max_size=200), st.just(b"\xef\xbb\xbf" + data)))


@fuzz(batch_answers(), st.integers(min_value=0, max_value=6))
def test_any_batch_answer(content, asked):
    queries = [f"{i} rue de la Gare" for i in range(asked)]
    rows = only_plugin_errors(geocode.parse_batch_reply, content, queries)
    if rows is None:
        return
    assert len(rows) == asked
    for query, row in zip(queries, rows):
        if row is None:
            continue
        outcome = geocode.batch_outcome(row, query)
        cached = geocode.search_reply(query, row)  # what the single request's cache then holds
        again = only_plugin_errors(geocode.parse_search_reply, safe_json.loads(cached), query)
        if isinstance(outcome, geocode.Geocoded):
            a_place(outcome)
            assert (again.lon, again.lat, again.label) == (outcome.lon, outcome.lat, outcome.label)
        else:
            assert again is None  # refused alike, whichever way the address is asked
        json.loads(cached)
