"""The layer writer's PostGIS target: a staging table swapped in one transaction, seen from other connections."""

from __future__ import annotations

import json
import threading
import time

import pytest
from open_territory.plugin.toolbelt.errors import Cancelled, InputError, ReplyError
from open_territory.plugin.toolbelt.layer_writer import (
    POSTGRES,
    postgres_target,
    resolve_target,
    write_layer,
    write_resource_layer,
)
from osgeo import gdal
from qgis.core import QgsFeedback, QgsVectorLayer

COMMON = {
    "category": "bus_stop",
    "source": "https://portal.example",
    "source_dataset": "arrets",
    "licence": "Licence Ouverte v2.0",
    "fetched_at": "2026-11-22T10:00:00Z",
}


def stops(tmp_path, count: int, name: str = "in") -> str:
    """A GeoJSON of `count` bus stops around Rennes, as a portal's export gives them."""
    features = [
        {
            "type": "Feature",
            "properties": {"nom": f"Arrêt {name} {i}", "Code-Arret": i, "mobilier": "abri" if i % 2 else None},
            "geometry": {"type": "Point", "coordinates": [-1.68 + i * 1e-4, 48.11 + i * 1e-4]},
        }
        for i in range(count)
    ]
    path = tmp_path / f"{name}.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return str(path)


def load(tmp_path, target, count: int, name: str = "in", feedback=None) -> int:
    return write_resource_layer(stops(tmp_path, count, name), target, COMMON, name_field="nom", feedback=feedback)


def names_in(postgis, schema: str) -> set:
    return {
        row[0] for row in postgis.execute(f"SELECT relname FROM pg_class WHERE relnamespace = '{schema}'::regnamespace")
    }


def table_names(postgis, schema: str) -> set:
    return {row[0] for row in postgis.execute(f"SELECT tablename FROM pg_tables WHERE schemaname = '{schema}'")}


class Reader:
    """A colleague's connection holding a transaction open on a table (as a long query would)."""

    def __init__(self, dsn: str):
        self.dataset = gdal.OpenEx("PG:" + dsn, gdal.OF_VECTOR | gdal.OF_UPDATE, allowed_drivers=["PostgreSQL"])

    def sql(self, sql: str) -> list:
        result = self.dataset.ExecuteSQL(sql)
        rows = []
        if result is not None:
            rows = [[feature.GetField(i) for i in range(feature.GetFieldCount())] for feature in result]
            self.dataset.ReleaseResultSet(result)
        return rows

    def close(self) -> None:
        self.dataset = None


# -- destinations ------------------------------------------------------------------------------------------


def test_a_postgres_destination_names_a_table_of_a_schema(postgis):
    target = resolve_target(f"postgres:{postgis.CONNECTION}/Rennes/bus_stops", "ignored")
    assert (target.mode, target.layer, target.provider) == (POSTGRES, "bus_stops", "postgres")
    assert (target.database.connection, target.database.schema, target.database.table) == (
        postgis.CONNECTION,
        "rennes",
        "bus_stops",
    )
    assert postgres_target(f"postgres:{postgis.CONNECTION}/rennes", "ods_arrets").layer == "ods_arrets"
    uri = target.uri()
    assert 'table="rennes"."bus_stops" (geom)' in uri and "password" not in uri


@pytest.mark.parametrize(
    "destination, words",
    [
        ("postgres:{c}", "schema"),
        ("postgres:{c}/bad schema/t", "schema name"),
        ("postgres:{c}/s/bad;table", "table name"),
        ("postgres:{c}/s/t/extra", "Too many parts"),
        ("postgres:nobody/s/t", "No saved PostgreSQL connection"),
    ],
)
def test_a_bad_postgres_destination_is_one_sentence(postgis, destination, words):
    with pytest.raises(InputError, match=words):
        postgres_target(destination.format(c=postgis.CONNECTION), "layer").uri()


# -- writing -----------------------------------------------------------------------------------------------


def test_a_layer_becomes_a_table_with_its_indexes_named_after_it(postgis, tmp_path):
    schema = postgis.new_schema()
    target = postgres_target(f"postgres:{postgis.CONNECTION}/{schema}/bus_stops", "x")
    assert load(tmp_path, target, 25) == 25
    assert table_names(postgis, schema) == {"bus_stops"}
    assert not [name for name in names_in(postgis, schema) if "__stg_" in name]
    assert postgis.execute(f'SELECT count(*), min(name), max("Code-Arret") FROM {schema}.bus_stops') == [
        [25, "Arrêt in 0", 24]
    ]
    indexes = {row[0] for row in postgis.execute(f"SELECT indexname FROM pg_indexes WHERE schemaname = '{schema}'")}
    assert indexes == {"bus_stops_pkey", "bus_stops_geom_geom_idx"}
    assert postgis.execute(f"SELECT pg_get_serial_sequence('{schema}.bus_stops', 'fid')") == [
        [f"{schema}.bus_stops_fid_seq"]
    ]
    layer = QgsVectorLayer(target.uri(), "stops", target.provider)  # the password comes from QGIS's store
    assert layer.isValid() and layer.featureCount() == 25
    assert "password" not in layer.source()
    assert layer.fields().names()[:3] == ["fid", "category", "name"] and layer.crs().authid() == "EPSG:4326"


def test_a_reload_is_seen_whole_by_a_colleague_only_once_committed(postgis, tmp_path):
    """A colleague's transaction reading the table keeps it: the reload copies its staging table, then waits at
    the swap; the colleague sees the old rows meanwhile, and the new ones once the reload has swapped."""
    schema = postgis.new_schema()
    target = postgres_target(f"postgres:{postgis.CONNECTION}/{schema}/bus_stops", "x")
    load(tmp_path, target, 10, "old")
    reader = Reader(postgis.dsn())
    reader.dataset.StartTransaction()
    assert reader.sql(f"SELECT count(*) FROM {schema}.bus_stops") == [[10]]
    outcome = []
    writer = threading.Thread(target=lambda: outcome.append(load(tmp_path, target, 40, "new")))
    writer.start()
    deadline = time.monotonic() + 60
    while not [n for n in names_in(postgis, schema) if "__stg_" in n and "idx" in n]:  # staged, indexed
        assert time.monotonic() < deadline, "the staging table never appeared"
        time.sleep(0.05)
    while not postgis.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'DO $swap$%'"
    )[0][0]:
        assert time.monotonic() < deadline and writer.is_alive(), "the swap never waited for the reader"
        time.sleep(0.05)
    assert reader.sql(f"SELECT count(*), min(name) FROM {schema}.bus_stops") == [[10, "Arrêt old 0"]]
    reader.dataset.CommitTransaction()
    writer.join(60)
    reader.close()
    assert outcome == [40]
    assert postgis.execute(f"SELECT count(*), min(name) FROM {schema}.bus_stops") == [[40, "Arrêt new 0"]]
    assert table_names(postgis, schema) == {"bus_stops"}


def test_a_failed_or_cancelled_reload_leaves_the_table_whole(postgis, tmp_path):
    schema = postgis.new_schema()
    target = postgres_target(f"postgres:{postgis.CONNECTION}/{schema}/bus_stops", "x")
    load(tmp_path, target, 10)

    def broken(scratch, layer, options):
        raise ReplyError("the portal sent half a file")

    with pytest.raises(ReplyError, match="half a file"):
        write_layer(target, broken)
    feedback = QgsFeedback()
    feedback.cancel()
    with pytest.raises(Cancelled):
        load(tmp_path, target, 30, "cancelled", feedback)
    assert postgis.execute(f"SELECT count(*) FROM {schema}.bus_stops") == [[10]]
    assert table_names(postgis, schema) == {"bus_stops"}


def test_a_swap_that_fails_in_the_database_changes_nothing(postgis, tmp_path):
    """A colleague's view on the table: PostgreSQL refuses to drop it; one sentence, the table as it was, the
    staging table gone."""
    schema = postgis.new_schema()
    target = postgres_target(f"postgres:{postgis.CONNECTION}/{schema}/bus_stops", "x")
    load(tmp_path, target, 10)
    postgis.execute(f"CREATE VIEW {schema}.shelters AS SELECT * FROM {schema}.bus_stops WHERE mobilier = 'abri'")
    with pytest.raises(ReplyError) as caught:
        load(tmp_path, target, 30, "new")
    message = str(caught.value)
    assert "bus_stops" in message and "shelters" in message and "password" not in message
    assert "\n" not in message
    assert postgis.execute(f"SELECT count(*) FROM {schema}.bus_stops") == [[10]]
    assert table_names(postgis, schema) == {"bus_stops"}


def test_the_old_tables_owner_and_grants_stay(postgis, tmp_path):
    schema = postgis.new_schema()
    target = postgres_target(f"postgres:{postgis.CONNECTION}/{schema}/bus_stops", "x")
    load(tmp_path, target, 5)
    postgis.execute(f"GRANT SELECT ON {schema}.bus_stops TO PUBLIC")
    load(tmp_path, target, 6, "new")
    grants = postgis.execute(
        "SELECT grantee, privilege_type FROM information_schema.role_table_grants "
        f"WHERE table_schema = '{schema}' AND table_name = 'bus_stops' AND grantee = 'PUBLIC'"
    )
    assert grants == [["PUBLIC", "SELECT"]]


def test_two_loads_at_once_into_one_schema(postgis, tmp_path):
    """Two technicians loading at the same moment: distinct tables both land; the same table ends as one of the
    two loads, whole, never a mix, and no staging table is left."""
    schema = postgis.new_schema()
    destination = f"postgres:{postgis.CONNECTION}/{schema}"
    jobs = [
        (postgres_target(destination + "/stops_a", "x"), 30, "a"),
        (postgres_target(destination + "/stops_b", "x"), 40, "b"),
        (postgres_target(destination + "/shared", "x"), 50, "c"),
        (postgres_target(destination + "/shared", "x"), 60, "d"),
    ]
    counts, errors = [], []

    def run(target, count, name):
        try:
            counts.append(load(tmp_path, target, count, name))
        except Exception as error:  # noqa: BLE001 - the test reports it
            errors.append(error)

    threads = [threading.Thread(target=run, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert errors == [] and sorted(counts) == [30, 40, 50, 60]
    assert table_names(postgis, schema) == {"stops_a", "stops_b", "shared"}
    assert postgis.execute(f"SELECT count(*) FROM {schema}.stops_a") == [[30]]
    assert postgis.execute(f"SELECT count(*) FROM {schema}.stops_b") == [[40]]
    shared = postgis.execute(
        f"SELECT count(*) AS n, count(DISTINCT split_part(name, ' ', 2)) AS loads FROM {schema}.shared"
    )
    assert shared in ([[50, 1]], [[60, 1]])


def test_a_register_schema_is_never_written_into(postgis, tmp_path):
    from open_territory.plugin.register import create_register

    schema = postgis.new_schema()
    create_register(f"postgres:{postgis.CONNECTION}/{schema}")
    target = postgres_target(f"postgres:{postgis.CONNECTION}/{schema}/bus_stops", "x")
    with pytest.raises(InputError, match="register"):
        load(tmp_path, target, 5)
    assert "bus_stops" not in table_names(postgis, schema)
