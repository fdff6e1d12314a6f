"""Creating, opening and upgrading a register, on a GeoPackage and on PostGIS."""

import json
import os
import subprocess
import sys
import time

import pytest
from open_territory.plugin.register import (
    SCHEMA_VERSION,
    TABLES,
    create_register,
    open_register,
    postgres_connections,
)
from open_territory.plugin.register.schema import DOMAIN_TABLE, META_TABLE, dialect_for, migration_statements
from open_territory.plugin.register.store import open_dataset, parse_target
from open_territory.plugin.toolbelt.errors import InputError, NetworkError
from open_territory.plugin.toolbelt.layer_writer import file_target, layer_target


def table_names(register, helpers):
    if register.kind == "gpkg":
        rows = helpers.run_sql(register, "SELECT name FROM sqlite_master WHERE type = 'table'")
    else:
        rows = helpers.run_sql(register, f"SELECT tablename FROM pg_tables WHERE schemaname = '{register.schema}'")
    return {row[0] for row in rows}


def meta(register, helpers, key):
    rows = helpers.run_sql(register, f"SELECT value FROM {register.dialect.qualify(META_TABLE)} WHERE key = '{key}'")
    return rows[0][0] if rows else None


def test_create_makes_every_table_and_records_the_schema_version(target, helpers):
    register = create_register(target)
    assert register.schema_version == SCHEMA_VERSION
    assert set(TABLES) | {META_TABLE, DOMAIN_TABLE} <= table_names(register, helpers)
    assert meta(register, helpers, "schema_version") == str(SCHEMA_VERSION)
    assert meta(register, helpers, "created_at")
    assert register.counts() == {table: 0 for table in TABLES}
    domains = helpers.run_sql(register, f"SELECT key FROM {register.dialect.qualify(DOMAIN_TABLE)} ORDER BY position")
    assert [row[0] for row in domains][:3] == ["voirie", "stationnement", "vehicules"]
    assert open_register(target).target == register.target


def test_create_refuses_to_overwrite_a_register(target, helpers):
    register = create_register(target)
    helpers.run_sql(
        register, f"INSERT INTO {register.dialect.qualify('challenges')} (title, domain) VALUES ('Kept', 'velo')"
    )
    with pytest.raises(InputError, match="already exists"):
        create_register(target)
    assert register.counts()["challenges"] == 1


def _v1_register(target, helpers):
    """A register as version 1 of the schema left it, made by hand, with data in it."""
    kind, location, schema = parse_target(target)
    dialect = dialect_for(kind, schema)
    if kind == "gpkg":
        from osgeo import gdal

        dataset = gdal.GetDriverByName("GPKG").Create(location, 0, 0, 0, gdal.GDT_Unknown)
    else:
        helpers.pg_execute(f'CREATE SCHEMA "{schema}"')
        dataset = open_dataset(kind, location, None)
    for statement in migration_statements(1, dialect):
        result = dataset.ExecuteSQL(statement)
        if result is not None:
            dataset.ReleaseResultSet(result)
    for statement in (
        f"INSERT INTO {dialect.qualify(META_TABLE)} (key, value) VALUES ('schema_version', '1')",
        f"INSERT INTO {dialect.qualify('challenges')} (title, domain, status, priority) "
        "VALUES ('Old challenge', 'velo', 'in_progress', 2)",
        f"INSERT INTO {dialect.qualify('actors')} (name, kind, competences) "
        "VALUES ('Old actor', 'association', 'velo; donnees')",
    ):
        result = dataset.ExecuteSQL(statement)
        if result is not None:
            dataset.ReleaseResultSet(result)
    dataset = None


def test_open_upgrades_an_older_register_in_place_keeping_its_data(target, helpers):
    _v1_register(target, helpers)
    register = open_register(target)
    assert register.schema_version == SCHEMA_VERSION
    assert meta(register, helpers, "schema_version") == str(SCHEMA_VERSION)
    assert meta(register, helpers, "upgraded_at")
    assert {"resources_catalog", "challenge_actors", "challenge_resources", DOMAIN_TABLE} <= table_names(
        register, helpers
    )
    challenges = helpers.run_sql(
        register, f"SELECT title, domain, status, priority FROM {register.dialect.qualify('challenges')}"
    )
    assert challenges == [["Old challenge", "velo", "in_progress", 2]]
    actors = helpers.run_sql(register, f"SELECT name, competences FROM {register.dialect.qualify('actors')}")
    assert actors == [["Old actor", "{velo,donnees}"]]  # the list the multi-select reads
    # The upgraded register behaves like a new one: links can be made, timestamps are kept.
    helpers.run_sql(
        register, f"INSERT INTO {register.dialect.qualify('challenge_actors')} (challenge_id, actor_id) VALUES (1, 1)"
    )
    assert register.counts()["challenge_actors"] == 1
    assert open_register(target).schema_version == SCHEMA_VERSION  # a second open changes nothing


def test_open_refuses_a_register_of_a_newer_version(target, helpers):
    register = create_register(target)
    helpers.run_sql(
        register, f"UPDATE {register.dialect.qualify(META_TABLE)} SET value = '99' WHERE key = 'schema_version'"
    )
    with pytest.raises(InputError, match="newer version"):
        open_register(target)
    assert meta(register, helpers, "schema_version") == "99"


def test_open_refuses_what_is_not_a_register(tmp_path, qgis_app):
    with pytest.raises(InputError, match="No register at this path"):
        open_register(str(tmp_path / "missing.gpkg"))
    from osgeo import gdal

    other = str(tmp_path / "other.gpkg")
    gdal.GetDriverByName("GPKG").Create(other, 0, 0, 0, gdal.GDT_Unknown)
    with pytest.raises(InputError, match="not an Open Territory register"):
        open_register(other)


def test_database_constraints_are_the_same_on_both(target, helpers):
    register = create_register(target)
    q = register.dialect.qualify
    for bad in (
        f"INSERT INTO {q('challenges')} (title, domain) VALUES ('X', 'teleportation')",
        f"INSERT INTO {q('challenges')} (title, domain) VALUES ('  ', 'velo')",
        f"INSERT INTO {q('challenges')} (title, domain, priority) VALUES ('X', 'velo', 7)",
        f"INSERT INTO {q('actors')} (name, kind) VALUES ('X', 'wizard')",
        f"INSERT INTO {q('challenge_actors')} (challenge_id, actor_id) VALUES (41, 42)",
    ):
        with pytest.raises(RuntimeError):
            helpers.run_sql(register, bad)
    assert register.counts() == {table: 0 for table in TABLES}
    helpers.run_sql(register, f"INSERT INTO {q('challenges')} (title, domain) VALUES ('C', 'velo')")
    helpers.run_sql(register, f"INSERT INTO {q('actors')} (name) VALUES ('A')")
    helpers.run_sql(
        register,
        f"INSERT INTO {q('challenge_actors')} (challenge_id, actor_id) "
        f"SELECT c.fid, a.fid FROM {q('challenges')} c, {q('actors')} a",
    )
    assert register.counts()["challenge_actors"] == 1
    created, updated = helpers.run_sql(register, f"SELECT created_at, updated_at FROM {q('challenges')}")[0]
    assert created and updated
    time.sleep(1.1)
    helpers.run_sql(register, f"UPDATE {q('challenges')} SET title = 'C2'")
    created2, updated2 = helpers.run_sql(register, f"SELECT created_at, updated_at FROM {q('challenges')}")[0]
    assert created2 == created and updated2 > updated  # updated_at kept by the database
    helpers.run_sql(register, f"DELETE FROM {q('challenges')}")
    assert register.counts()["challenge_actors"] == 0  # links go with their challenge


def test_unreachable_database_gets_a_clear_message_and_nothing_is_made(unreachable_connection, tmp_path):
    for action in (create_register, open_register):
        with pytest.raises(NetworkError) as error:
            action(f"postgres:{unreachable_connection}")
        message = str(error.value)
        assert "Cannot connect to the PostgreSQL database" in message
        assert unreachable_connection in message and "127.0.0.1:9/nowhere" in message
        assert "nothing" not in message.split("nowhere", 1)[1]  # the password is never shown


def test_unknown_connection_lists_the_saved_ones(pg_connection):
    with pytest.raises(InputError, match="No saved PostgreSQL connection") as error:
        open_register("postgres:no such connection")
    assert pg_connection in str(error.value)
    assert pg_connection in postgres_connections()


def test_targets(qgis_app, tmp_path):
    assert parse_target(str(tmp_path / "r.gpkg")) == ("gpkg", str(tmp_path / "r.gpkg"), None)
    assert parse_target("postgres:team") == ("postgres", "team", "open_territory")
    assert parse_target("postgres:team/Mobility_2026") == ("postgres", "team", "mobility_2026")
    with pytest.raises(InputError, match="schema name"):
        parse_target("postgres:team/drop table;")
    with pytest.raises(InputError):
        parse_target("  ")


def test_a_failed_creation_leaves_no_file(tmp_path, qgis_app):
    with pytest.raises(InputError, match="folder"):
        create_register(str(tmp_path / "no" / "such" / "folder" / "r.gpkg"))
    assert not os.path.exists(tmp_path / "no")
    create_register(str(tmp_path / "r.gpkg"))
    assert sorted(os.listdir(tmp_path)) == ["r.gpkg"]  # no temporary file left beside


def test_resource_writers_never_write_into_the_register(tmp_path, qgis_app, helpers):
    import hashlib

    from open_territory.plugin.toolbelt.errors import InputError
    from open_territory.plugin.toolbelt.layer_writer import atomic_output, write_resource_layer

    path = str(tmp_path / "register.gpkg")
    register = create_register(path)
    source = tmp_path / "points.geojson"
    source.write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"n": 1}, '
        '"geometry": {"type": "Point", "coordinates": [-1.6, 47.8]}}]}',
        encoding="utf-8",
    )

    def digest():
        with open(path, "rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()

    before = digest()
    with pytest.raises(InputError, match="register"):
        write_resource_layer(str(source), layer_target(path, "bus_stop"), {"category": "bus_stop"})
    with pytest.raises(InputError, match="register"):
        with atomic_output(path):
            pass
    assert digest() == before and register.counts()["challenges"] == 0
    other = str(tmp_path / "resources.gpkg")
    assert write_resource_layer(str(source), file_target(other, "bus_stop"), {"category": "bus_stop"}) == 1
    assert write_resource_layer(str(source), layer_target(other, "car_park"), {"category": "car_park"}) == 1


def test_a_failed_upgrade_changes_nothing(target, helpers):
    """The upgrade runs in one transaction: when a step fails the register stays as it was."""
    _v1_register(target, helpers)
    kind, location, schema = parse_target(target)
    dialect = dialect_for(kind, schema)
    dataset = open_dataset(kind, location, None)
    dataset.ExecuteSQL(f"CREATE TABLE {dialect.qualify('challenge_resources')} (x integer)")  # in the way
    dataset = None
    with pytest.raises(InputError, match="schema could not be written"):
        open_register(target)
    dataset = open_dataset(kind, location, None)
    result = dataset.ExecuteSQL(f"SELECT value FROM {dialect.qualify(META_TABLE)} WHERE key = 'schema_version'")
    assert result.GetNextFeature().GetField(0) == "1"
    dataset.ReleaseResultSet(result)
    result = dataset.ExecuteSQL(f"SELECT competences FROM {dialect.qualify('actors')}")
    assert result.GetNextFeature().GetField(0) == "velo; donnees"  # the data migration was rolled back too
    dataset.ReleaseResultSet(result)
    dataset = None


def test_same_schema_on_geopackage_and_postgis(tmp_path, pg_connection, helpers):
    import uuid

    from osgeo import ogr

    schema = "ot_test_" + uuid.uuid4().hex[:10]
    registers = [create_register(str(tmp_path / "r.gpkg")), create_register(f"postgres:{pg_connection}/{schema}")]
    try:
        described = []
        for register in registers:
            tables = {}
            with register.open_dataset(update=False) as dataset:
                for table in TABLES + (DOMAIN_TABLE,):
                    definition = dataset.GetLayerByName(table).GetLayerDefn()
                    fields = []
                    for i in range(definition.GetFieldCount()):
                        field = definition.GetFieldDefn(i)
                        fields.append((field.GetName(), ogr.GetFieldTypeName(field.GetType()), field.IsNullable()))
                    geometry = [
                        ogr.GeometryTypeToName(definition.GetGeomFieldDefn(i).GetType())
                        for i in range(definition.GetGeomFieldCount())
                    ]
                    tables[table] = (fields, geometry)
            described.append(tables)
        assert described[0] == described[1]
        assert described[0]["actors"][1] == ["Multi Polygon"]
        assert ("title", "String", False) in described[0]["challenges"][0]
    finally:
        helpers.pg_execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


COLLEAGUE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "colleague.py")


def colleague(tmp_path, name: str, *arguments: str) -> subprocess.Popen:
    """A colleague's QGIS in a process of its own, its settings in a folder of its own (colleague.py)."""
    settings = tmp_path / f"settings_{name}"
    settings.mkdir()
    environment = dict(os.environ, XDG_CONFIG_HOME=str(settings), QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, "-P", COLLEAGUE, *arguments],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )


def last_json(process: subprocess.Popen, timeout: float = 120) -> dict:
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, f"the colleague's QGIS ended with {process.returncode}: {err[-2000:]}"
    return json.loads(out.strip().splitlines()[-1])


def test_two_colleagues_opening_an_older_shared_register_at_once(postgis, helpers, tmp_path):
    """Two QGIS processes open a version 1 register at the same moment: both upgrades start; the second
    waits for the first (the migration's lock) and finds the register up to date."""
    target = f"postgres:{postgis.CONNECTION}/{postgis.new_schema()}"
    _v1_register(target, helpers)
    colleagues = [colleague(tmp_path, name, "open", postgis.CONNECTION, postgis.dsn(), target) for name in "ab"]
    for process in colleagues:
        assert process.stdout.readline().strip() == "ready", process.stderr.read()[-2000:]
    for process in colleagues:  # both go at once
        process.stdin.write("go\n")
        process.stdin.flush()
    assert [last_json(process) for process in colleagues] == [{"version": SCHEMA_VERSION}] * 2
    register = open_register(target)
    rows = helpers.run_sql(register, f"SELECT name, competences FROM {register.dialect.qualify('actors')}")
    assert rows == [["Old actor", "{velo,donnees}"]]  # the data migration ran once
    meta_table = register.dialect.qualify(META_TABLE)
    assert helpers.run_sql(register, f"SELECT count(*) FROM {meta_table} WHERE key = 'upgraded_at'") == [[1]]


def test_the_dock_opening_the_register_in_a_task_while_the_main_thread_lists_connections(postgis, tmp_path):
    """What one QGIS does: the register opened in background tasks while the register dialog, in the main
    thread, lists the saved connections. Both read QGIS's connections; done through QGIS's shared map of
    connection objects, this crashed QGIS. Run in a process of its own, so that a crash is a failure."""
    target = f"postgres:{postgis.CONNECTION}/{postgis.new_schema()}"
    create_register(target)
    process = colleague(tmp_path, "dock", "dock", postgis.CONNECTION, postgis.dsn(), target, "25")
    assert last_json(process, timeout=600) == {"opened": 25, "errors": []}
