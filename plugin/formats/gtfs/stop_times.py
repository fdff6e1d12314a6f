"""One streaming pass over stop_times.txt: the service day's stop events counted per stop and route,
and the stop patterns of its trips, in bounded memory.

stop_times.txt is the big table (10 million rows, 500 MB for Île-de-France). It is read once, straight
from the zip through `csv`, one trip at a time (`itertools.groupby` on trip_id: producers write each
trip's rows together), and never kept: what stays is a Counter of (stop, route, in the morning peak,
boarding allowed) -> stop events, and a Counter of (route and direction, stops in order) -> trips. Both
grow with the network (stops × routes, patterns), not with the rows. The per-row work happens in C
(`map`, `itemgetter`, `zip`, `Counter.update`); Python runs once per trip. A file whose trips are not
grouped is sorted once through a scratch SQLite table and read again the same way.

Rules (GTFS reference, "Service day" and stop_times.txt):
- A stop event of a trip running on the service day counts once, at the time of its departure
  (arrival when the departure is empty). Times past 24:00:00 belong to the trip's own service day:
  a 25:10:00 departure counts on the day the trip runs, and never in that day's 7-9 h window
  (it is 01:10 the next morning).
- The morning peak is [07:00:00, 09:00:00) on the service day's clock.
- Boarding: a row with pickup_type 1 (no pickup) is a stop event but not a departure for riders.
- A stop without time (timepoint 0, both times empty) gets a time interpolated linearly by its
  position between the timed stops around it; stops before the first or after the last timed stop of a
  trip take the nearest time.
- Trips listed in frequencies.txt are templates: each period [start_time, end_time) with headway_secs
  runs ceil((end - start) / headway) trips, whose times are the template's offsets from its first stop
  added to each start (exact_times 0 and 1 expand alike: only the number and the times matter here).
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from itertools import compress, count, groupby, islice, repeat
from operator import itemgetter, le, not_

from ...toolbelt.errors import Cancelled

PEAK_START, PEAK_END = 7 * 3600, 9 * 3600
# The first two characters of a departure in the peak window: "07:..", "08:..", or "7:..", "8:.."
# (H:MM:SS is valid GTFS). Any other hour, 24:00:00 and later included, is outside it.
PEAK_PREFIXES = frozenset(("07", "08", "7:", "8:"))
_first_two = itemgetter(slice(0, 2))
NO_PICKUP = "1"
PROGRESS_EVERY = 4096  # trips between two progress reports and cancel checks


def seconds_of(text: str):
    """Seconds since noon minus 12 h of a GTFS time (H:MM:SS or HH:MM:SS, past 24:00:00 allowed)."""
    parts = text.split(":")
    if len(parts) != 3:
        return None
    try:
        hours, minutes, seconds = int(parts[0]), int(parts[1]), int(parts[2])
    except ValueError:
        return None
    if hours < 0 or not 0 <= minutes < 60 or not 0 <= seconds < 61:
        return None
    return hours * 3600 + minutes * 60 + seconds


def interpolate(times: list) -> list:
    """Seconds for every stop of a trip from its time strings: stops without a readable time get one
    by linear interpolation on their position between the timed stops around them (the nearest
    timed stop at either end). All None when no stop of the trip has a time."""
    seconds = [seconds_of(text) if text else None for text in times]
    known = [index for index, value in enumerate(seconds) if value is not None]
    if not known or len(known) == len(seconds):
        return seconds
    first, last = known[0], known[-1]
    for index in range(first):
        seconds[index] = seconds[first]
    for index in range(last + 1, len(seconds)):
        seconds[index] = seconds[last]
    for left, right in zip(known, known[1:]):
        if right - left > 1:
            start, end = seconds[left], seconds[right]
            for index in range(left + 1, right):
                seconds[index] = round(start + (end - start) * (index - left) / (right - left))
    return seconds


def blank_seconds(times: list, blanks: list) -> dict:
    """{index: seconds or None} for the stops without time at `blanks` (ascending): linear interpolation
    on their position between the timed stops around each run of blanks, the nearest timed stop at
    either end of the trip, None when the trip has no readable time."""
    placed = {}
    size, position = len(times), 0
    while position < len(blanks):
        last = position
        while last + 1 < len(blanks) and blanks[last + 1] == blanks[last] + 1:
            last += 1
        left, right = blanks[position] - 1, blanks[last] + 1
        start = seconds_of(times[left]) if left >= 0 else None
        end = seconds_of(times[right]) if right < size else None
        for index in blanks[position : last + 1]:
            if start is not None and end is not None:
                placed[index] = round(start + (end - start) * (index - left) / (right - left))
            else:
                placed[index] = start if start is not None else end
        position = last + 1
    return placed


def runs_in(start: int, end: int, headway: int) -> int:
    """Trips a frequencies.txt period runs: starts at start, start + headway, ... before end."""
    return max(0, -(-(end - start) // headway))


def peak_runs(start: int, runs: int, headway: int, offset: int) -> int:
    """How many of the `runs` departures start + k * headway + offset fall in the morning peak."""
    low = -(-(PEAK_START - start - offset) // headway)
    high = -(-(PEAK_END - start - offset) // headway)
    return max(0, min(runs, high) - max(0, low))


class StopTimesScan:
    """Counts of one pass. `active` maps the service day's trip ids to (route index, direction index,
    frequency periods [(start, end, headway)] or None); `known` holds every trip id of trips.txt."""

    def __init__(self, columns: dict, active: dict, known, feedback=None, trip_total: int = 0, span=(0.0, 100.0)):
        self.trip = columns["trip_id"]
        self.stop = columns["stop_id"]
        self.sequence = columns["stop_sequence"]
        self.departure = columns.get("departure_time", columns.get("arrival_time"))
        self.arrival = columns.get("arrival_time") if "departure_time" in columns else None
        self.pickup = columns.get("pickup_type")
        self.width = max(columns.values()) + 1
        self.active = active
        self.known = known
        self.feedback = feedback
        self.trip_total = max(1, trip_total)
        self.span = span
        self.events = Counter()  # (stop_id, route index, in peak, boarding) -> stop events
        self.patterns = Counter()  # (direction index, stop ids in order) -> trips
        self.peak_starts = Counter()  # direction index -> trips leaving their first stop in the peak
        self.unknown_trip_rows = 0
        self.unknown_trips = []  # a few examples
        self.bad_sequence_trips = 0  # trips left out: a stop_sequence is not an integer
        self.bad_sequence_examples = []
        self.untimed_trips = 0  # trips with no time at all: counted, not placed in the peak
        self.trips_seen = 0
        self._getters()

    def _getters(self):
        self.get_stop = itemgetter(self.stop)
        self.get_sequence = itemgetter(self.sequence)
        self.get_time = itemgetter(self.departure) if self.departure is not None else None
        self.get_arrival = itemgetter(self.arrival) if self.arrival is not None else None
        self.get_pickup = itemgetter(self.pickup) if self.pickup is not None else None

    def run(self, rows) -> bool:
        """Consume `rows` (lists or tuples in the columns given). True when every trip's rows came together;
        False at the first trip met twice (its rows are split in the file: the counts are then incomplete
        and the caller sorts the file and scans it again). Cancelled when the feedback is."""
        if self.trip == 0:
            trip_of = itemgetter(0)
        else:
            index = self.trip

            def trip_of(row):
                return row[index] if index < len(row) else ""

        pending = set(self.known)  # trips not met yet
        strays = set()  # ids of stop_times.txt unknown to trips.txt
        active, add = self.active, self.add_trip
        for trip_id, group in groupby(rows, trip_of):
            self.trips_seen += 1
            if self.trips_seen % PROGRESS_EVERY == 0:
                self._progress()
            if trip_id in pending:
                pending.discard(trip_id)
                info = active.get(trip_id)
                if info is not None:
                    add(info, list(group))
            elif trip_id in self.known:
                return False
            else:
                self.unknown_trip_rows += len(list(group))
                if trip_id not in strays and len(self.unknown_trips) < 5:
                    self.unknown_trips.append(trip_id)
                strays.add(trip_id)
        return True

    def _progress(self):
        if self.feedback is None:
            return
        if self.feedback.isCanceled():
            raise Cancelled()
        low, high = self.span
        self.feedback.setProgress(low + (high - low) * min(1.0, self.trips_seen / self.trip_total))

    def add_trip(self, info: tuple, rows: list) -> None:
        route, direction, periods = info
        read = self._read_trip(rows)
        if read is None:
            return
        stops, times, boards, blanks = read
        boarding = boards if boards is not None else repeat(True)
        if periods is not None:
            self.add_frequency_trip(route, direction, periods, stops, times, boarding)
            return
        # The common case, in C: one Counter key per row, the peak read from the time's first two characters.
        peaks = list(map(PEAK_PREFIXES.__contains__, map(_first_two, times)))
        if blanks:
            placed = blank_seconds(times, blanks)
            if len(blanks) == len(times) or all(value is None for value in placed.values()):
                self.untimed_trips += 1
            for index, value in placed.items():
                peaks[index] = value is not None and PEAK_START <= value < PEAK_END
        self.events.update(zip(stops, repeat(route), peaks, boarding))
        self.patterns[(direction, tuple(stops))] += 1
        if peaks and peaks[0]:
            self.peak_starts[direction] += 1

    def _read_trip(self, rows: list):
        """(stop ids, time texts, boarding flags or None, positions of the stops still without time) of one
        trip's rows in stop_sequence order, a departure left empty taking the arrival; None for a trip left
        out (a stop_sequence that is not a whole number, counted)."""
        try:
            sequences = list(map(int, map(self.get_sequence, rows)))
            if not all(map(le, sequences, islice(sequences, 1, None))):
                rows = [row for _sequence, _position, row in sorted(zip(sequences, count(), rows))]
            stops = list(map(self.get_stop, rows))
            times = list(map(self.get_time, rows)) if self.get_time else [""] * len(rows)
            boards = list(map(NO_PICKUP.__ne__, map(self.get_pickup, rows))) if self.get_pickup else None
        except IndexError:  # a row shorter than the header: its missing cells are empty
            width = self.width
            return self._read_trip([list(row) + [""] * (width - len(row)) for row in rows])
        except ValueError:
            self.bad_sequence_trips += 1
            if len(self.bad_sequence_examples) < 5:
                self.bad_sequence_examples.append(rows[0][self.trip] if self.trip < len(rows[0]) else "")
            return None
        blanks = []
        if "" in times:
            blanks = list(compress(range(len(times)), map(not_, times)))
            if self.get_arrival is not None:
                for index in blanks:
                    times[index] = self.get_arrival(rows[index])
                blanks = [index for index in blanks if not times[index]]
        return stops, times, boards, blanks

    def add_frequency_trip(self, route, direction, periods, stops, times, boarding) -> None:
        """A frequencies.txt template: its stop times are offsets from its first stop, run from each
        period's start every headway."""
        seconds = interpolate(times)
        events = self.events
        total = sum(runs_in(*period) for period in periods)
        if all(value is None for value in seconds):
            self.untimed_trips += 1
            for key in zip(stops, repeat(route), repeat(False), boarding):
                events[key] += total
        else:
            first = seconds[0]
            for stop, value, board in zip(stops, seconds, boarding):
                for start, end, headway in periods:
                    runs = runs_in(start, end, headway)
                    in_peak = peak_runs(start, runs, headway, value - first)
                    events[(stop, route, True, board)] += in_peak
                    events[(stop, route, False, board)] += runs - in_peak
        for start, end, headway in periods:
            self.peak_starts[direction] += peak_runs(start, runs_in(start, end, headway), headway, 0)
        self.patterns[(direction, tuple(stops))] += total


def sorted_rows(columns: dict, rows, path: str):
    """The rows of stop_times.txt through a scratch SQLite table, each trip's rows together, as tuples
    (trip_id, stop_id, stop_sequence, departure, arrival, pickup_type); and the columns of those tuples.
    For the rare file whose trips are not grouped."""
    names = ("trip_id", "stop_id", "stop_sequence", "departure_time", "arrival_time", "pickup_type")
    indexes = [columns.get(name) for name in names]

    def picked():
        for row in rows:
            yield tuple(row[i] if i is not None and i < len(row) else "" for i in indexes)

    database = sqlite3.connect(path)
    database.execute("PRAGMA journal_mode = OFF")
    database.execute("PRAGMA synchronous = OFF")
    database.execute("CREATE TABLE stop_times (trip_id, stop_id, stop_sequence, departure, arrival, pickup)")
    database.executemany("INSERT INTO stop_times VALUES (?, ?, ?, ?, ?, ?)", picked())
    database.commit()
    sorted_columns = {name: index for index, name in enumerate(names)}
    if "departure_time" not in columns:
        del sorted_columns["departure_time"]
    if "pickup_type" not in columns:
        del sorted_columns["pickup_type"]
    if "arrival_time" not in columns:
        del sorted_columns["arrival_time"]
    cursor = database.execute("SELECT * FROM stop_times ORDER BY trip_id, rowid")
    return sorted_columns, cursor, database
