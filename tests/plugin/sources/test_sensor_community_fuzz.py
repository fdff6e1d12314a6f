"""Property-based tests of the sensor.community reader: whatever the /filter reply holds, rows or the plugin's
own errors. Found by this search before issue 14 was fixed: a TypeError on `"sensordatavalues": true`, and an
OverflowError on a timestamp above what a float holds."""

from open_territory.plugin.sources.sensor_community import location_rows

from ...fuzzing import fuzz, json_values, mutated, only_plugin_errors

KEYS = (
    "id", "timestamp", "location", "latitude", "longitude", "altitude", "country", "indoor", "sensor",
    "sensor_type", "name", "sensordatavalues", "value", "value_type", "P1", "P2", "temperature",
)  # fmt: skip
REAL = [
    {
        "id": 3441681013,
        "sampling_rate": None,
        "timestamp": "2019-04-25 01:51:12",
        "location": {"id": 1071, "latitude": "48.103", "longitude": "-1.672", "altitude": "38.7", "country": "FR",
                     "exact_location": 0, "indoor": 0},
        "sensor": {"id": 2129, "pin": "1", "sensor_type": {"id": 14, "name": "SDS011", "manufacturer": "Nova Fitness"}},
        "sensordatavalues": [{"id": 7421889, "value": "19.13", "value_type": "P1"},
                             {"id": 7421890, "value": "16.23", "value_type": "P2"}],
    },
    {
        "id": 3441681014,
        "timestamp": "2019-04-25 01:51:13",
        "location": {"id": 1071, "latitude": "48.103", "longitude": "-1.672", "altitude": "", "country": "FR"},
        "sensor": {"id": 2130, "pin": "7", "sensor_type": {"id": 9, "name": "DHT22", "manufacturer": "various"}},
        "sensordatavalues": [{"value": "nan", "value_type": "temperature"},
                             {"value": "76.70", "value_type": "humidity"}],
    },
]  # fmt: skip


def read(items):
    rows = only_plugin_errors(location_rows, items) or ([], 0)
    for lon, lat, columns in rows[0]:
        assert -180 <= lon <= 180 and -90 <= lat <= 90 and (lon, lat) != (0, 0)
        assert isinstance(columns["location_id"], str)


@fuzz(json_values(KEYS))
def test_any_reply(items):
    read(items)


@fuzz(mutated(REAL, KEYS))
def test_real_shaped_readings_with_hostile_values(items):
    read(items)


def test_sensordatavalues_that_is_not_a_list():
    rows, bad = location_rows([dict(REAL[0], sensordatavalues=True), dict(REAL[1], sensordatavalues={"P1": 3})])
    assert (rows, bad) == ([], 0)  # no measure read: no point that would only say a sensor exists
