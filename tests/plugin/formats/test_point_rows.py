"""Values of small JSON point feeds as real servers write them: times, booleans, places."""

import pytest
from open_territory.plugin.formats import point_rows


@pytest.mark.parametrize(
    "value, expected",
    [
        (1603741467, "2020-10-26T19:44:27Z"),
        ("1603741467", "2020-10-26T19:44:27Z"),
        (1603741467000, "2020-10-26T19:44:27Z"),
        ("2020-10-26T21:44:27+02:00", "2020-10-26T19:44:27Z"),
        ("2020-10-26T19:44:27.123456789Z", "2020-10-26T19:44:27Z"),
        ("2020-10-26 19:44:27", "2020-10-26T19:44:27Z"),
        ("yesterday", None),
        (None, None),
        (True, None),
    ],
)
def test_times(value, expected):
    assert point_rows.as_utc_iso(value) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        (True, True),
        (0, False),
        (1, True),
        ("true", True),
        ("False", False),
        ("1", True),
        ("0", False),
        (None, None),
        ("maybe", None),
    ],
)
def test_booleans(value, expected):
    assert point_rows.as_bool(value) is expected


@pytest.mark.parametrize(
    "value, expected",
    [(0, None), ("0", None), (-1, None), (0.0, None), (float("nan"), None), (1, "1970-01-01T00:00:01Z")],
)
def test_times_zero_or_negative_are_null(value, expected):
    assert point_rows.as_utc_iso(value) == expected


@pytest.mark.parametrize(
    "lon, lat, expected",
    [
        (-1.6, 48.1, (-1.6, 48.1)),
        ("-1,6", "48,1", (-1.6, 48.1)),
        (None, None, None),
        ("", None, None),
        (0, 0, point_rows.BAD_PLACE),
        ("0", "0.0", point_rows.BAD_PLACE),
        (0, 48.1, (0.0, 48.1)),
        (-1.6, 0, (-1.6, 0.0)),
        ("inf", 48.1, point_rows.BAD_PLACE),
        (-1.6, float("nan"), point_rows.BAD_PLACE),
        (180.5, 48.1, point_rows.BAD_PLACE),
        (-1.6, -90.1, point_rows.BAD_PLACE),
        (-1.6, None, point_rows.BAD_PLACE),
        (True, 48.1, point_rows.BAD_PLACE),
    ],
)
def test_place(lon, lat, expected):
    assert point_rows.place(lon, lat) == expected


@pytest.mark.parametrize(
    "value, expected",
    [(10**400, None), (str(10**400), None), (1e308, None), ("1e308", None), (float("inf"), None)],
)
def test_times_beyond_any_calendar_are_null_not_an_overflow(value, expected):
    # Fuzzing found an OverflowError here (issue 14, point 6): an integer above what a float holds.
    assert point_rows.as_utc_iso(value) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        (12, 12),
        ("12", 12),
        (" 7.0 ", 7),
        ("3,0", 3),
        ("inf", None),  # fuzzing found an OverflowError on `"capacity": "inf"` (issue 14, point 6)
        (float("-inf"), None),
        ("nan", None),
        (10**400, None),
        (2**40, None),  # beyond a 32-bit integer column: no count is that large
        ("douze", None),
        (True, None),
    ],
)
def test_integers(value, expected):
    assert point_rows.as_int(value) == expected
