"""Route lines from shapes.txt: the points of the shapes wanted, ordered by shape_pt_sequence.

shapes.txt can hold millions of points. Only the shapes the routes use are kept: the rows are filtered
in C while streaming (`itertools.compress` over the shape_id column) into a scratch SQLite table, which
then gives each shape's points in sequence order; a shape becomes WKT without a Python call per point.
Points whose coordinates are unreadable, out of range or 0,0 are dropped; a shape left with fewer
than two points gives no line (the route falls back to its stops).
"""

from __future__ import annotations

import sqlite3
from itertools import compress, groupby, tee
from operator import itemgetter

from .archive import GtfsArchive

POINT = "%.7f %.7f"
VALID = (
    "typeof(lat) IN ('real', 'integer') AND typeof(lon) IN ('real', 'integer') AND lat BETWEEN -90 AND 90 "
    "AND lon BETWEEN -180 AND 180 AND NOT (lat = 0 AND lon = 0) AND typeof(seq) = 'integer'"
)


def shape_lines(archive: GtfsArchive, needed: set, database_path: str):
    """Yield (shape_id, WKT LINESTRING) for each shape of `needed` found in shapes.txt with two valid
    points or more, in shape_id order."""
    columns, rows = archive.table("shapes.txt")
    names = ("shape_id", "shape_pt_lat", "shape_pt_lon", "shape_pt_sequence")
    if not needed or any(name not in columns for name in names):
        return
    indexes = [columns[name] for name in names]
    database = sqlite3.connect(database_path)
    try:
        database.execute("PRAGMA journal_mode = OFF")
        database.execute("PRAGMA synchronous = OFF")
        # Column affinities turn the CSV's text into numbers; what does not convert stays text and
        # is dropped by VALID.
        database.execute("CREATE TABLE points (shape_id TEXT, lat REAL, lon REAL, seq INTEGER)")
        insert = "INSERT INTO points VALUES (?, ?, ?, ?)"

        def load():
            wanted, picked = tee(rows)
            keep = map(needed.__contains__, map(itemgetter(indexes[0]), wanted))
            try:
                database.executemany(insert, compress(map(itemgetter(*indexes), picked), keep))
            except IndexError:  # a row shorter than the header: read again, row by row
                database.execute("DELETE FROM points")
                _columns, again = archive.table("shapes.txt")
                database.executemany(insert, padded(again))

        def padded(again):
            for row in again:
                if indexes[0] < len(row) and row[indexes[0]] in needed:
                    yield [row[i] if i < len(row) else None for i in indexes]

        with archive.reading("shapes.txt"):
            load()
        database.commit()
        cursor = database.execute(f"SELECT shape_id, lon, lat FROM points WHERE {VALID} ORDER BY shape_id, seq")
        lon_lat = itemgetter(1, 2)
        for shape_id, points in groupby(cursor, itemgetter(0)):
            coordinates = list(map(POINT.__mod__, map(lon_lat, points)))
            if len(coordinates) >= 2:
                yield shape_id, "LINESTRING (" + ",".join(coordinates) + ")"
    finally:
        database.close()
