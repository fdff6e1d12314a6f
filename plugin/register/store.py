"""Where a register lives, and how it is made, opened, upgraded and written.

A target is either a GeoPackage path or `postgres:<QGIS connection name>[/<schema>]`, the connection
being one of QGIS's saved PostgreSQL connections (so the team's host, database, SSL mode and
authentication configuration come from QGIS). Both are reached through GDAL/OGR, so the SQL, the
transactions and the writes are the same code on both.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator

from osgeo import gdal
from qgis.core import QgsProject, QgsWkbTypes

from ..toolbelt.errors import InputError, OpenTerritoryError
from ..toolbelt.gdal_errors import raising_gdal_exceptions, with_gdal_exceptions
from ..toolbelt.i18n import tr
from ..toolbelt.layer_writer import utc_now_iso
from ..toolbelt.logger import log
from ..toolbelt.postgres import (
    POSTGRES_PREFIX,
    checked_schema,
    clean_error,
    connect,
    describe_connection,
    is_postgres,
    postgres_dsn,
    split_destination,
    table_uri,
)
from .schema import (
    CHALLENGE_FAMILIES,
    DEFAULT_PG_SCHEMA,
    DOMAIN_TABLE,
    GEOMETRY_COLUMN,
    META_TABLE,
    SCHEMA_VERSION,
    SPATIAL_TABLES,
    SRID,
    TABLES,
    dialect_for,
    migration_statements,
)


def parse_target(target: str) -> tuple:
    """("gpkg", absolute path, None) or ("postgres", connection name, schema)."""
    if not target or not str(target).strip():
        raise InputError(tr("No register given: choose a GeoPackage file or a PostgreSQL connection"))
    target = str(target).strip()
    if not is_postgres(target):
        return "gpkg", os.path.abspath(os.path.expanduser(target)), None
    connection, names = split_destination(target, 1)
    return "postgres", connection, checked_schema(names[0] if names and names[0] else DEFAULT_PG_SCHEMA)


# -- the register ---------------------------------------------------------------------------------


class Register:
    """An open register: where it is, its schema version, and how to reach its tables."""

    def __init__(self, kind: str, location: str, schema: str = None, schema_version: int = SCHEMA_VERSION):
        self.kind = kind  # "gpkg" or "postgres"
        self.location = location  # GeoPackage path or QGIS connection name
        self.schema = schema
        self.schema_version = schema_version
        self.dialect = dialect_for(kind, schema)

    # identity

    @property
    def target(self) -> str:
        if self.kind == "gpkg":
            return self.location
        return f"{POSTGRES_PREFIX}{self.location}/{self.schema}"

    @property
    def is_postgres(self) -> bool:
        return self.kind == "postgres"

    def describe(self) -> str:
        """Where the register is, for messages and the dock."""
        if self.kind == "gpkg":
            return tr("GeoPackage") + f" {self.location}"
        return tr("PostgreSQL connection") + f" {describe_connection(self.location)}, {tr('schema')} {self.schema}"

    def __repr__(self):
        return f"Register({self.target!r}, v{self.schema_version})"

    # QGIS layers

    def layer_uri(self, table: str, family: str = None) -> tuple:
        """(uri, provider key) of one of the register's tables, for QgsVectorLayer.

        Challenges hold any geometry type and a QGIS layer holds one: `family` ("Point", "LineString",
        "Polygon", or "None" for the challenges without a location) picks the part; without it the
        whole table is given (as attributes only on PostGIS)."""
        if table not in TABLES and table not in (DOMAIN_TABLE, META_TABLE):
            raise InputError(tr("The register has no such table") + f": '{table}'")
        if family is not None and family not in CHALLENGE_FAMILIES:
            raise InputError(tr("Unknown geometry family") + f": '{family}'")
        geometry = GEOMETRY_COLUMN if table in SPATIAL_TABLES else None
        if self.kind == "gpkg":
            uri = f"{self.location}|layername={table}"
            if geometry and family == "None":
                uri += f'|subset="{GEOMETRY_COLUMN}" IS NULL'
            elif geometry and family:
                uri += f"|geometrytype={family}"
            return uri, "ogr"
        if geometry and family == "None":
            uri = table_uri(self.location, self.schema, table, None, f'"{GEOMETRY_COLUMN}" IS NULL')
        elif geometry and (family or table == "actors"):
            uri = table_uri(self.location, self.schema, table, geometry)
            uri.setSrid(str(SRID))
            uri.setWkbType(QgsWkbTypes.parseType(family or "MultiPolygon"))
        else:
            uri = table_uri(self.location, self.schema, table, None)
        return uri.uri(False), "postgres"

    @with_gdal_exceptions
    def add_to_project(self, project: QgsProject | None = None) -> dict:
        from .project_layers import add_register_to_project

        return add_register_to_project(self, project)

    # database access

    def connection_string(self) -> str:
        if self.kind == "gpkg":
            return self.location
        return postgres_dsn(self.location)

    @contextlib.contextmanager
    @raising_gdal_exceptions
    def open_dataset(self, update: bool = True) -> Iterator[gdal.Dataset]:
        dataset = open_dataset(self.kind, self.location, self.schema, update)
        try:
            yield dataset
        finally:
            dataset = None

    @with_gdal_exceptions
    def counts(self) -> dict:
        """{table: number of rows}."""
        with self.open_dataset(update=False) as dataset:
            return {table: _scalar(dataset, f"SELECT count(*) FROM {self.dialect.qualify(table)}") for table in TABLES}


@with_gdal_exceptions
def open_dataset(kind: str, location: str, schema: str = None, update: bool = True) -> gdal.Dataset:
    flags = gdal.OF_VECTOR | (gdal.OF_UPDATE if update else 0)
    if kind == "gpkg":
        try:
            return gdal.OpenEx(location, flags, allowed_drivers=["GPKG"])
        except RuntimeError as error:
            raise InputError(tr("Cannot open the GeoPackage") + f" {location}: {error}") from None
    return connect(location, update, schema)


def _execute(dataset, sql: str):
    result = dataset.ExecuteSQL(sql)
    if result is not None:
        dataset.ReleaseResultSet(result)


def _scalar(dataset, sql: str):
    result = dataset.ExecuteSQL(sql)
    try:
        if result is None:
            return None
        feature = result.GetNextFeature()
        return None if feature is None or feature.IsFieldNull(0) else feature.GetField(0)
    finally:
        if result is not None:
            dataset.ReleaseResultSet(result)


def _table_exists(dataset, kind: str, schema: str, table: str) -> bool:
    if kind == "gpkg":
        return bool(_scalar(dataset, f"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'"))
    return bool(
        _scalar(dataset, f"SELECT count(*) FROM pg_tables WHERE schemaname = '{schema}' AND tablename = '{table}'")
    )


def _read_version(dataset, kind: str, schema: str, where: str):
    """The schema version of the register in `dataset`, or None when there is no register."""
    if not _table_exists(dataset, kind, schema, META_TABLE):
        return None
    qualified = dialect_for(kind, schema).qualify(META_TABLE)
    value = _scalar(dataset, f"SELECT value FROM {qualified} WHERE key = 'schema_version'")
    try:
        return int(value)
    except (TypeError, ValueError):
        raise InputError(tr("The register has no valid schema version") + f": {where} ({value!r})") from None


def _migrate(dataset, kind: str, schema: str, start: int, where: str) -> None:
    """Run the migrations above `start` in one transaction, recording the new version."""
    dialect = dialect_for(kind, schema)
    meta = dialect.qualify(META_TABLE)
    statement = ""
    dataset.StartTransaction(force=True)
    try:
        if start > 0 and kind == "postgres":
            # A shared register: a colleague may be upgrading it at the same moment. The lock makes the
            # second upgrade wait, then find the register already up to date.
            _execute(dataset, f"LOCK TABLE {meta} IN EXCLUSIVE MODE")
            current = int(_scalar(dataset, f"SELECT value FROM {meta} WHERE key = 'schema_version'") or start)
            if current >= SCHEMA_VERSION:
                dataset.CommitTransaction()
                return
            start = current
        for version in range(start + 1, SCHEMA_VERSION + 1):
            for statement in migration_statements(version, dialect):
                _execute(dataset, statement)
            statement = ""
        now = utc_now_iso()
        _execute(dataset, f"DELETE FROM {meta} WHERE key IN ('schema_version', 'upgraded_at')")
        _execute(dataset, f"INSERT INTO {meta} (key, value) VALUES ('schema_version', '{SCHEMA_VERSION}')")
        key = "created_at" if start == 0 else "upgraded_at"
        _execute(dataset, f"INSERT INTO {meta} (key, value) VALUES ('{key}', '{now}')")
        dataset.CommitTransaction()
    except RuntimeError as error:
        dataset.RollbackTransaction()
        detail = clean_error(error)
        log(f"register migration failed on {where}: {detail} [{statement[:200]}]", "warning")
        raise InputError(tr("The register's schema could not be written") + f": {where}: {detail}") from None


@with_gdal_exceptions
def ensure_spatial_indexes(kind: str, location: str) -> None:
    """GeoPackage: GDAL's own R-tree (table and triggers) on the spatial tables that lack one. Run on a
    fresh connection, after the migration that made the tables, so GDAL knows them."""
    if kind != "gpkg":
        return  # PostGIS: GIST indexes are created with the tables
    dataset = open_dataset(kind, location)
    try:
        for table in SPATIAL_TABLES:
            if not _scalar(dataset, f"SELECT HasSpatialIndex('{table}', '{GEOMETRY_COLUMN}')"):
                _execute(dataset, f"SELECT CreateSpatialIndex('{table}', '{GEOMETRY_COLUMN}')")
    finally:
        dataset = None


def _ensure_postgis(dataset, connection: str) -> None:
    if _scalar(dataset, "SELECT count(*) FROM pg_extension WHERE extname = 'postgis'"):
        return
    try:
        _execute(dataset, "CREATE EXTENSION IF NOT EXISTS postgis")
    except RuntimeError as error:
        raise InputError(
            tr(
                "PostGIS is not installed in the database and could not be added; ask its "
                "administrator to run CREATE EXTENSION postgis"
            )
            + f": {describe_connection(connection)} "
            f"({clean_error(error)})"
        ) from None


def _conflicts(dataset, kind: str, schema: str) -> list:
    return [t for t in (META_TABLE, DOMAIN_TABLE) + TABLES if _table_exists(dataset, kind, schema, t)]


@with_gdal_exceptions
def create_register(target: str) -> Register:
    """Make a new, empty register at `target`; an existing register (or tables of the same names)
    is never overwritten."""
    kind, location, schema = parse_target(target)
    if kind == "gpkg":
        return _create_gpkg(location)
    where = describe_connection(location)
    dataset = open_dataset(kind, location, None)
    try:
        _ensure_postgis(dataset, location)
        clash = _conflicts(dataset, kind, schema)
        if META_TABLE in clash:
            raise InputError(
                tr("A register already exists there; open it instead of creating it")
                + f": {where}, {tr('schema')} {schema}"
            )
        if clash:
            raise InputError(
                tr("Tables of the same names already exist; choose another schema")
                + f": {where}, {tr('schema')} {schema} ({', '.join(clash)})"
            )
        schema_existed = bool(_scalar(dataset, f"SELECT count(*) FROM pg_namespace WHERE nspname = '{schema}'"))
        if not schema_existed:
            try:
                _execute(dataset, f'CREATE SCHEMA "{schema}"')
            except RuntimeError as error:
                raise InputError(
                    tr("Cannot create the schema") + f" {schema}: {where}: " + clean_error(error)
                ) from None
        try:
            _migrate(dataset, kind, schema, 0, where)
        except OpenTerritoryError:
            if not schema_existed:
                _execute(dataset, f'DROP SCHEMA IF EXISTS "{schema}"')
            raise
    finally:
        dataset = None
    log(f"register created: postgres {where} schema {schema}")
    return Register(kind, location, schema)


def _create_gpkg(path: str) -> Register:
    if os.path.isdir(path):
        raise InputError(tr("The register must be a file, not a folder") + f": {path}")
    if os.path.exists(path):
        dataset = open_dataset("gpkg", path, None)
        try:
            clash = _conflicts(dataset, "gpkg", None)
            if META_TABLE in clash:
                raise InputError(tr("A register already exists there; open it instead of creating it") + f": {path}")
            if clash:
                raise InputError(
                    tr("Tables of the same names already exist in the GeoPackage") + f": {path} ({', '.join(clash)})"
                )
            _migrate(dataset, "gpkg", None, 0, path)  # one transaction: all tables or none
        finally:
            dataset = None
        ensure_spatial_indexes("gpkg", path)
        return Register("gpkg", path)
    folder = os.path.dirname(path) or "."
    if not os.path.isdir(folder):
        raise InputError(tr("The folder of the register does not exist") + f": {folder}")
    # Built beside, then renamed: a failed creation leaves nothing at `path`.
    handle, tmp_path = tempfile.mkstemp(prefix=".register-", suffix=".gpkg", dir=folder)
    os.close(handle)
    os.remove(tmp_path)
    try:
        dataset = gdal.GetDriverByName("GPKG").Create(tmp_path, 0, 0, 0, gdal.GDT_Unknown)
        if dataset is None:
            raise InputError(tr("Cannot create the GeoPackage") + f": {path}")
        _migrate(dataset, "gpkg", None, 0, path)
        dataset = None
        ensure_spatial_indexes("gpkg", tmp_path)
        if os.path.exists(path):
            raise InputError(tr("A file appeared at the register's path meanwhile") + f": {path}")
        os.replace(tmp_path, path)
    except RuntimeError as error:
        raise InputError(tr("Cannot create the GeoPackage") + f": {path}: {error}") from None
    finally:
        dataset = None
        for leftover in (tmp_path, tmp_path + "-journal", tmp_path + "-wal", tmp_path + "-shm"):
            if os.path.exists(leftover):
                os.remove(leftover)
    log(f"register created: {path}")
    return Register("gpkg", path)


@with_gdal_exceptions
def open_register(target: str) -> Register:
    """Open the register at `target`, upgrading its schema in place when it is older than this plugin's."""
    kind, location, schema = parse_target(target)
    if kind == "gpkg" and not os.path.isfile(location):
        raise InputError(tr("No register at this path") + f": {location}")
    where = location if kind == "gpkg" else describe_connection(location) + f", {tr('schema')} {schema}"
    dataset = open_dataset(kind, location, schema if kind == "postgres" else None)
    try:
        version = _read_version(dataset, kind, schema, where)
        if version is None:
            raise InputError(tr("This is not an Open Territory register (no register_meta table)") + f": {where}")
        if version > SCHEMA_VERSION:
            raise InputError(
                tr("The register was made by a newer version of Open Territory; update the plugin to open it")
                + f": {where} ({tr('schema version')} {version} > {SCHEMA_VERSION})"
            )
        if version < SCHEMA_VERSION:
            _migrate(dataset, kind, schema, version, where)
            log(f"register upgraded from schema version {version} to {SCHEMA_VERSION}: {where}")
    finally:
        dataset = None
    ensure_spatial_indexes(kind, location)
    return Register(kind, location, schema, SCHEMA_VERSION)
