"""Register fixtures: every test taking `target` runs against a GeoPackage and against PostGIS.

The PostGIS connection string comes from OPEN_TERRITORY_TEST_PG, else from build/postgis/dsn
(written by scripts/start_postgis.sh, which `make test` runs), else the default below. When the
server cannot be reached the PostGIS cases FAIL under CI (CI=true) and wherever start_postgis.sh has
prepared the database (build/postgis/dsn exists), so that they can never silently vanish; they are
skipped only on a workstation that never set PostGIS up.
"""

from __future__ import annotations

import os
import uuid

import pytest
from osgeo import gdal

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
DSN_FILE = os.path.join(REPO, "build", "postgis", "dsn")
DEFAULT_DSN = (
    "host=127.0.0.1 port=5432 dbname=open_territory_test user=open_territory_test password=open_territory_test"
)
CONNECTION = "open_territory_test"
UNREACHABLE = "open_territory_unreachable"
DATA = os.path.join(os.path.dirname(__file__), "data")
DEMO = os.path.join(REPO, "resources", "demo", "data", "register")


def test_dsn() -> str:
    if os.environ.get("OPEN_TERRITORY_TEST_PG"):
        return os.environ["OPEN_TERRITORY_TEST_PG"]
    if os.path.exists(DSN_FILE):
        with open(DSN_FILE, encoding="utf-8") as handle:
            return handle.read().strip()
    return DEFAULT_DSN


test_dsn.__test__ = False


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


_reachable = None


def postgis_reachable():
    """(True, "") or (False, why)."""
    global _reachable
    if _reachable is None:
        try:
            dataset = gdal.OpenEx(
                "PG:" + test_dsn() + " connect_timeout=5", gdal.OF_VECTOR, allowed_drivers=["PostgreSQL"]
            )
            result = dataset.ExecuteSQL("SELECT count(*) FROM pg_extension WHERE extname = 'postgis'")
            has_postgis = result.GetNextFeature().GetField(0) > 0
            dataset.ReleaseResultSet(result)
            _reachable = (True, "") if has_postgis else (False, "the test database has no postgis extension")
        except RuntimeError as error:
            _reachable = (False, str(error).strip())
    return _reachable


def require_postgis():
    ok, why = postgis_reachable()
    if ok:
        return
    message = f"PostgreSQL/PostGIS test database unreachable ({why}); run scripts/start_postgis.sh"
    if in_ci() or os.path.exists(DSN_FILE):
        pytest.fail(message)
    pytest.skip(message)


def save_connection(name: str, dsn: str) -> None:
    """A saved QGIS PostgreSQL connection, in the test session's own QGIS settings (pytest-qgis)."""
    from qgis.core import QgsDataSourceUri, QgsProviderRegistry

    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    uri = QgsDataSourceUri(dsn)
    connection = metadata.createConnection(uri.uri(False), {"saveUsername": True, "savePassword": True})
    metadata.saveConnection(connection, name)


def pg_execute(sql: str):
    dataset = gdal.OpenEx("PG:" + test_dsn(), gdal.OF_VECTOR | gdal.OF_UPDATE, allowed_drivers=["PostgreSQL"])
    result = dataset.ExecuteSQL(sql)
    rows = []
    if result is not None:
        rows = [[feature.GetField(i) for i in range(feature.GetFieldCount())] for feature in result]
        dataset.ReleaseResultSet(result)
    dataset = None
    return rows


@pytest.fixture
def pg_connection(qgis_app):
    require_postgis()
    save_connection(CONNECTION, test_dsn())
    return CONNECTION


@pytest.fixture
def unreachable_connection(qgis_app):
    save_connection(UNREACHABLE, "host=127.0.0.1 port=9 dbname=nowhere user=nobody password=nothing")
    return UNREACHABLE


@pytest.fixture(params=["gpkg", "postgis"])
def target(request, tmp_path, qgis_app):
    """A register target that does not exist yet."""
    if request.param == "gpkg":
        yield str(tmp_path / "register.gpkg")
        return
    require_postgis()
    save_connection(CONNECTION, test_dsn())
    schema = "ot_test_" + uuid.uuid4().hex[:10]
    yield f"postgres:{CONNECTION}/{schema}"
    pg_execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def backend(target: str) -> str:
    return "postgis" if target.startswith("postgres:") else "gpkg"


def run_sql(register, sql: str):
    """Run SQL on the register's database (qualify table names with register.dialect.qualify)."""
    with register.open_dataset(update=True) as dataset:
        result = dataset.ExecuteSQL(sql)
        rows = []
        if result is not None:
            rows = [[feature.GetField(i) for i in range(feature.GetFieldCount())] for feature in result]
            dataset.ReleaseResultSet(result)
    return rows


class Helpers:
    """Helpers for the test modules (with --import-mode=importlib they cannot import this conftest)."""

    DATA = DATA
    DEMO = DEMO
    backend = staticmethod(backend)
    run_sql = staticmethod(run_sql)
    pg_execute = staticmethod(pg_execute)


@pytest.fixture
def helpers():
    return Helpers
