"""QGIS's saved PostgreSQL connections, and the one way the plugin reaches a PostGIS database through them.

A database destination is written `postgres:<QGIS connection name>[/<schema>[/<table>]]`, for the register
(`postgres:team/open_territory`), a territory (`postgres:team/rennes`) or one layer
(`postgres:team/rennes/bus_stops`). The connection's host, database, SSL mode and credentials come from
QGIS: a password saved in the connection, or its authentication configuration (`authcfg`), expanded here
only into the libpq string GDAL opens (`postgres_dsn`), never into a message, a log or a layer source.
Layers added to a project get `layer_uri`: the connection without its password, which QGIS asks its
credentials store for (filled in memory for the session, see `remember_credentials`).

Thread safety: the dock opens registers and loads layers in background tasks while the main thread reads
the same settings. QGIS's `providerMetadata("postgres").connections()` rebuilds one shared map of
connection objects on every call and frees the previous ones, so two threads calling it at once crash
QGIS (a freed object's `uri()`). The plugin never calls it: the names are read from QGIS's settings, and
each lookup makes a connection object of its own (`createConnection(name)`).
"""

from __future__ import annotations

import contextlib
import re
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from osgeo import gdal
from qgis.core import QgsCredentials, QgsDataSourceUri, QgsProviderRegistry, QgsSettings

from .errors import InputError, NetworkError, ReplyError
from .gdal_errors import raising_gdal_exceptions, with_gdal_exceptions
from .i18n import tr

if TYPE_CHECKING:  # names used in annotations only
    from typing import Iterator

POSTGRES_PREFIX = "postgres:"
CONNECT_TIMEOUT = 10  # seconds: an unreachable server is reported, not waited for
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
SETTINGS_GROUP = "PostgreSQL/connections"  # where QGIS keeps its saved connections
GEOMETRY_COLUMN = "geom"  # of the tables the plugin writes, as in its GeoPackages
REGISTER_META = "register_meta"  # the table that makes a schema a register (register/schema.py)


def is_postgres(destination: object) -> bool:
    return str(destination or "").strip().lower().startswith(POSTGRES_PREFIX)


# -- QGIS's saved connections ----------------------------------------------------------------------


def postgres_connections() -> list:
    """Names of QGIS's saved PostgreSQL connections, sorted, for the UI's combos. Safe in any thread."""
    settings = QgsSettings()
    settings.beginGroup(SETTINGS_GROUP)
    names = settings.childGroups()
    settings.endGroup()
    return sorted(names, key=str.lower)


def connection_uri(name: str) -> QgsDataSourceUri:
    """The saved connection `name` as a data source URI (its password or authcfg as QGIS saved them);
    InputError naming the saved connections when there is none of that name. Safe in any thread."""
    names = postgres_connections()
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    if metadata is None or name not in names:
        known = ", ".join(names) or tr("none")
        raise InputError(
            tr("No saved PostgreSQL connection of this name in QGIS") + f": '{name}' "
            f"({tr('saved connections')}: {known})"
        )
    return QgsDataSourceUri(metadata.createConnection(name).uri())


def postgres_dsn(connection: str) -> str:
    """The libpq connection string of a saved QGIS connection (authentication configurations expanded,
    never logged), with a connection timeout."""
    return _with_timeout(connection_uri(connection).connectionInfo(True))


def layer_dsn(source: str) -> str:
    """The libpq connection string of a PostGIS layer's data source, with its credentials: its own (a password,
    an authcfg expanded, a service), else those of the saved QGIS connection to the same server, database and
    user (the plugin's layers keep no password, see table_uri)."""
    uri = QgsDataSourceUri(source)
    if not uri.password() and not uri.authConfigId() and not uri.service():
        wanted = (uri.host(), uri.port() or "5432", uri.database(), uri.username())
        for name in postgres_connections():
            saved = connection_uri(name)
            if (saved.host(), saved.port() or "5432", saved.database(), saved.username()) == wanted:
                return postgres_dsn(name)
    return _with_timeout(uri.connectionInfo(True))


def database_of(source: str) -> tuple:
    """(GDAL data source of the layer's schema, the layer's table) of a PostGIS layer's data source."""
    uri = QgsDataSourceUri(source)
    return f"PG:{layer_dsn(source)} schemas={uri.schema() or 'public'}", uri.table()


def _with_timeout(info: str) -> str:
    return info if "connect_timeout" in info else info + f" connect_timeout={CONNECT_TIMEOUT}"


def describe_connection(connection: str) -> str:
    """`'name' (host:port/database)`, for messages: no user, no password."""
    uri = connection_uri(connection)
    return f"'{connection}' ({uri.host() or 'localhost'}:{uri.port() or 5432}/{uri.database()})"


def clean_error(error: object) -> str:
    """A PostgreSQL or GDAL error on one line, any password in it masked."""
    text = re.sub(r"password=\S+", "password=***", str(error))
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


# -- destinations ----------------------------------------------------------------------------------


def split_destination(destination: str, parts: int) -> tuple:
    """(connection, [up to `parts` names]) of `postgres:<connection>/<name>/...`. A connection whose name
    holds "/" is recognised when QGIS knows it; otherwise the connection ends at the first "/"."""
    rest = str(destination).strip()[len(POSTGRES_PREFIX) :].strip()
    known = [name for name in postgres_connections() if rest == name or rest.startswith(name + "/")]
    if known:
        connection = max(known, key=len)
        tail = rest[len(connection) + 1 :]
    else:
        connection, _, tail = rest.partition("/")
    names = [name.strip() for name in tail.split("/")] if tail.strip() else []
    if not connection.strip():
        raise InputError(tr("No PostgreSQL connection named in the destination") + f": '{destination}'")
    if len(names) > parts:
        raise InputError(
            tr("Too many parts in the PostgreSQL destination (postgres:<connection>/<schema>/<table>)")
            + f": '{destination}'"
        )
    return connection.strip(), names


def checked_schema(schema: str) -> str:
    """A schema name the plugin writes unquoted in SQL: letters, digits and _, lower case."""
    if not IDENTIFIER.match(schema or ""):
        raise InputError(tr("Invalid PostgreSQL schema name (letters, digits and _ only)") + f": '{schema}'")
    return schema.lower()


@dataclass(frozen=True)
class PostgresTable:
    """A table of a schema, reached through a saved QGIS connection."""

    connection: str
    schema: str
    table: str

    @property
    def destination(self) -> str:
        return f"{POSTGRES_PREFIX}{self.connection}/{self.schema}/{self.table}"

    @property
    def qualified(self) -> str:
        return f"{quote(self.schema)}.{quote(self.table)}"

    def describe(self) -> str:
        return f"{describe_connection(self.connection)}, {self.schema}.{self.table}"


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def literal(value: object) -> str:
    return "NULL" if value is None else "'" + str(value).replace("'", "''") + "'"


# -- layers in a project ---------------------------------------------------------------------------


def table_uri(
    connection: str, schema: str, table: str, geometry: str | None = "geom", subset: str = "", key: str = "fid"
) -> QgsDataSourceUri:
    """A table's data source for QGIS's "postgres" provider (`.uri(False)` gives the layer's source), without
    the password: a project saved with the layer holds the connection's host, database, user or authcfg,
    never a secret. The password a connection saves goes to QGIS's credentials store for this session
    (`remember_credentials`), where the provider finds it."""
    uri = connection_uri(connection)
    uri.setDataSource(schema, table, geometry, subset, key)
    remember_credentials(uri)
    uri.setPassword("")
    return uri


def remember_credentials(uri: QgsDataSourceUri) -> None:
    """Give QGIS's credentials store (in memory, never saved) the password of `uri`, under the name QGIS
    looks it up by when a layer without the password connects: its connection string without it."""
    if not uri.password() or uri.authConfigId():
        return
    bare = QgsDataSourceUri(uri.uri(False))
    bare.setPassword("")
    QgsCredentials.instance().put(bare.connectionInfo(False), uri.username(), uri.password())


# -- SQL through GDAL --------------------------------------------------------------------------------


def connect(connection: str, update: bool = True, schema: str | None = None) -> gdal.Dataset:
    """A GDAL dataset on the connection's database (with `schema`, its tables only, and `schema` first in
    the search path); NetworkError, naming the connection, when it cannot be reached."""
    return connect_dsn(postgres_dsn(connection), describe_connection(connection), update, schema)


@with_gdal_exceptions
def connect_dsn(dsn: str, where: str, update: bool = True, schema: str | None = None) -> gdal.Dataset:
    """`connect` with a libpq connection string; `where` names the database in messages."""
    flags = gdal.OF_VECTOR | (gdal.OF_UPDATE if update else 0)
    options = [f"SCHEMAS={schema}"] if schema else []
    try:
        return gdal.OpenEx("PG:" + dsn, flags, allowed_drivers=["PostgreSQL"], open_options=options)
    except RuntimeError as error:
        message = tr("Cannot connect to the PostgreSQL database") + f" {where}: " + clean_error(error)
        raise NetworkError(message) from None


@contextlib.contextmanager
@raising_gdal_exceptions
def open_database(connection: str, update: bool = True, schema: str | None = None) -> Iterator[gdal.Dataset]:
    """`connect`, closed at the end of the block."""
    dataset = connect(connection, update, schema)
    try:
        yield dataset
    finally:
        dataset = None


def execute(dataset: gdal.Dataset, sql: str) -> None:
    result = dataset.ExecuteSQL(sql)
    if result is not None:
        dataset.ReleaseResultSet(result)


def rows(dataset: gdal.Dataset, sql: str) -> list:
    """The rows of a query, each a list of its values."""
    result = dataset.ExecuteSQL(sql)
    if result is None:
        return []
    try:
        count = result.GetLayerDefn().GetFieldCount()
        return [[None if f.IsFieldNull(i) else f.GetField(i) for i in range(count)] for f in result]
    finally:
        dataset.ReleaseResultSet(result)


def scalar(dataset: gdal.Dataset, sql: str) -> object:
    found = rows(dataset, sql)
    return found[0][0] if found and found[0] else None


# -- replacing tables ------------------------------------------------------------------------------


def staging_name(table: str) -> str:
    """A table name of its own for the copy that will replace `table`; short enough that the names of its
    indexes stay under PostgreSQL's 63 characters."""
    return f"{table[:30]}__stg_{uuid.uuid4().hex[:8]}"


def ensure_schema(dataset: gdal.Dataset, connection: str, schema: str) -> None:
    """Make `schema` when it is missing (PostGIS must be installed); refuse a register's schema."""
    where = f"{describe_connection(connection)}, {tr('schema')} {schema}"
    if not scalar(dataset, "SELECT count(*) FROM pg_extension WHERE extname = 'postgis'"):
        raise InputError(
            tr("PostGIS is not installed in the database; ask its administrator to run CREATE EXTENSION postgis")
            + f": {where}",
            reason="output",
        )
    if scalar(dataset, f"SELECT to_regclass({literal(quote(schema) + '.' + REGISTER_META)}) IS NOT NULL"):
        raise InputError(
            tr("This schema holds the register of challenges and actors; resources are never written into it")
            + f": {where}",
            reason="register",
        )
    try:
        execute(dataset, f"CREATE SCHEMA IF NOT EXISTS {quote(schema)}")
    except RuntimeError as error:
        # Two loads making the schema at once: one of them is told it exists already, and it does.
        if not scalar(dataset, f"SELECT count(*) FROM pg_namespace WHERE nspname = {literal(schema)}"):
            raise InputError(tr("Cannot create the schema") + f": {where}: {clean_error(error)}") from None


def cluster(dataset: gdal.Dataset, schema: str, table: str) -> None:
    """Store the rows of a new table in the order of its spatial index, then gather its statistics: a spatial
    query then reads a few pages instead of one per row (the challenge context in the database, 5,000
    challenges over 10,000,000 points: 12 s rather than 31), and QGIS draws it faster."""
    qualified = literal(f"{quote(schema)}.{quote(table)}")
    index = scalar(
        dataset,
        "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am m ON m.oid = c.relam "
        f"WHERE i.indrelid = {qualified}::regclass AND m.amname = 'gist' LIMIT 1",
    )
    if index:
        execute(dataset, f"CLUSTER {quote(schema)}.{quote(table)} USING {quote(index)}")
    execute(dataset, f"ANALYZE {quote(schema)}.{quote(table)}")


def swap_tables(dataset: gdal.Dataset, connection: str, schema: str, staged: dict) -> None:
    """In one transaction, each table of `staged` ({table: its staging table}) replaced by its staging table,
    which takes its name, its indexes' and sequence's names, its owner and its grants. Loads of the same
    table are serialised here (an advisory lock per table): the later one waits, then replaces the table
    the earlier one made. Nothing is changed when any of them fails."""
    try:
        dataset.StartTransaction(force=True)
        for table, staging in staged.items():
            execute(dataset, _swap_sql(schema, table, staging))
        dataset.CommitTransaction()
    except RuntimeError as error:
        dataset.RollbackTransaction()
        raise ReplyError(
            tr("The tables could not be replaced in the database")
            + f" ({describe_connection(connection)}, {schema}: {', '.join(staged)}): {clean_error(error)}",
            reason="write",
        ) from None


def _swap_sql(schema: str, table: str, staging: str) -> str:
    """One PL/pgSQL block: lock, keep the old table's owner and grants, drop it, rename the staging table and
    its indexes and sequence after the table, give back the owner and the grants."""
    s, t, g = literal(schema), literal(table), literal(staging)
    qualified = literal(f"{quote(schema)}.{quote(table)}")
    return f"""DO $swap$
DECLARE
    old oid;
    old_owner oid;
    old_acl aclitem[];
    item record;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext({literal(schema + "." + table)}));
    old := to_regclass({qualified});
    IF old IS NOT NULL THEN
        SELECT relowner, relacl INTO old_owner, old_acl FROM pg_class WHERE oid = old;
        EXECUTE format('DROP TABLE %I.%I', {s}, {t});
    END IF;
    EXECUTE format('ALTER TABLE %I.%I RENAME TO %I', {s}, {g}, {t});
    FOR item IN
        SELECT c.relname, c.relkind FROM pg_class c
        WHERE c.relnamespace = {s}::regnamespace AND c.relname LIKE {g} || '%'
          AND (c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = {qualified}::regclass)
               OR c.oid IN (SELECT objid FROM pg_depend WHERE refobjid = {qualified}::regclass AND deptype = 'a'))
    LOOP
        EXECUTE format('ALTER %s %I.%I RENAME TO %I', CASE WHEN item.relkind = 'S' THEN 'SEQUENCE' ELSE 'INDEX' END,
                       {s}, item.relname, left({t} || substr(item.relname, length({g}) + 1), 63));
    END LOOP;
    IF old_owner IS NOT NULL AND old_owner <> (SELECT relowner FROM pg_class WHERE oid = {qualified}::regclass) THEN
        EXECUTE format('ALTER TABLE %I.%I OWNER TO %s', {s}, {t}, old_owner::regrole::text);
    END IF;
    FOR item IN SELECT grantee, privilege_type, is_grantable FROM aclexplode(old_acl) WHERE grantee <> old_owner
    LOOP
        EXECUTE format('GRANT %s ON %I.%I TO %s%s', item.privilege_type, {s}, {t},
                       CASE WHEN item.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(item.grantee::regrole::text) END,
                       CASE WHEN item.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END);
    END LOOP;
END
$swap$"""


def drop_tables(dataset: gdal.Dataset, schema: str, tables: list) -> None:
    """Drop what is left of `tables` (staging tables of a failed load); a failure here is not the user's."""
    for table in tables:
        try:
            execute(dataset, f"DROP TABLE IF EXISTS {quote(schema)}.{quote(table)}")
        except RuntimeError:
            pass
