"""The benchmarks' way to the test database (`make postgis`): its connection string and plain SQL through
GDAL, for the benchmarks that generate PostGIS tables or check what a load wrote. Not a benchmark itself."""

from __future__ import annotations

import os

from importable import REPO
from osgeo import gdal


def dsn() -> str:
    """OPEN_TERRITORY_TEST_PG, else the server `make postgis` started (build/postgis/dsn), else the default."""
    if os.environ.get("OPEN_TERRITORY_TEST_PG"):
        return os.environ["OPEN_TERRITORY_TEST_PG"]
    path = os.path.join(REPO, "build", "postgis", "dsn")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as handle:
            return handle.read().strip()
    return "host=127.0.0.1 port=5432 dbname=open_territory_test user=open_territory_test password=open_territory_test"


def sql(statements: str) -> list:
    """Run `statements` on a connection of its own; the rows the last one returns."""
    dataset = gdal.OpenEx("PG:" + dsn(), gdal.OF_VECTOR | gdal.OF_UPDATE, allowed_drivers=["PostgreSQL"])
    result = dataset.ExecuteSQL(statements)
    rows = []
    if result is not None:
        rows = [[feature.GetField(i) for i in range(feature.GetFieldCount())] for feature in result]
        dataset.ReleaseResultSet(result)
    dataset = None
    return rows
