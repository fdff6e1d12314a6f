"""Register fixtures: every test taking `target` runs against a GeoPackage and against PostGIS (the test
database of tests/conftest.py, `postgis`)."""

from __future__ import annotations

import os

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
UNREACHABLE = "open_territory_unreachable"
DATA = os.path.join(os.path.dirname(__file__), "data")
DEMO = os.path.join(REPO, "resources", "demo", "data", "register")


@pytest.fixture
def pg_connection(postgis):
    return postgis.CONNECTION


@pytest.fixture
def unreachable_connection(qgis_app, pg_tools):
    pg_tools.save_connection(UNREACHABLE, "host=127.0.0.1 port=9 dbname=nowhere user=nobody password=nothing")
    return UNREACHABLE


@pytest.fixture(params=["gpkg", "postgis"])
def target(request, tmp_path, qgis_app):
    """A register target that does not exist yet."""
    if request.param == "gpkg":
        yield str(tmp_path / "register.gpkg")
        return
    postgis = request.getfixturevalue("postgis")
    yield f"postgres:{postgis.CONNECTION}/{postgis.new_schema()}"


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


@pytest.fixture
def helpers(pg_tools):
    Helpers.pg_execute = staticmethod(pg_tools.execute)
    Helpers.dsn = staticmethod(pg_tools.dsn)
    return Helpers
