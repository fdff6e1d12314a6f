"""The register's schema (DESIGN.md "Register"), as a list of versioned migrations per database kind.

A new register is built by running every migration from an empty database, and an older register is
brought up to date by running the migrations above its recorded version: the upgrade path is the
creation path, so it is exercised every time a register is made. Each migration is a list of SQL
statements run in one transaction; `register_meta.schema_version` records where a register stands.

History
  1  register_meta, challenges, actors.
  2  resources_catalog, the link tables challenge_actors and challenge_resources, the domain lookup
     table register_domains (for the competences multi-select), created_at/updated_at kept by the database,
     link integrity, actor competences normalised to the "{a,b}" list the multi-select writes.
  3  row_version on challenges, actors and resources_catalog, kept by the database: several technicians
     editing one register (issue 14.7). Every write adds one. A QGIS layer of the register sends, with its
     edit of a row, the version it read, negated (forms.py); the database refuses the edit when the row has
     been changed since, instead of silently overwriting the colleague's edit.

GeoPackage and PostGIS get the same tables, columns, constraints and behaviour; only the spelling of
types, defaults and triggers differs.
"""

from __future__ import annotations

from ..definitions import ACTOR_KINDS, CATALOG_KINDS, CHALLENGE_STATUSES, DOMAINS, PRIORITIES
from ..toolbelt.i18n import tr

SCHEMA_VERSION = 3
SRID = 4326
META_TABLE = "register_meta"
DOMAIN_TABLE = "register_domains"
GEOMETRY_COLUMN = "geom"
DEFAULT_PG_SCHEMA = "open_territory"

# The register's tables in the order they are added to the project and exported.
TABLES = ("challenges", "actors", "resources_catalog", "challenge_actors", "challenge_resources")
SPATIAL_TABLES = ("challenges", "actors")
# Challenges take any geometry (a crossing, a street, a district); QGIS layers hold one geometry type,
# so the project shows them as one layer per family, plus the challenges without a location.
# Actors' geometry is their area of action (DESIGN.md): multipolygons, or none.
GEOMETRY_TYPES = {"challenges": "GEOMETRY", "actors": "MULTIPOLYGON"}
CHALLENGE_FAMILIES = ("Point", "LineString", "Polygon", "None")
LINK_TABLES = {
    # link table: ((column, referenced table), (column, referenced table))
    "challenge_actors": (("challenge_id", "challenges"), ("actor_id", "actors")),
    "challenge_resources": (("challenge_id", "challenges"), ("resource_id", "resources_catalog")),
}

# Editable columns of each table (beside fid, geom and the timestamps), in form order.
COLUMNS = {
    "challenges": ("title", "description", "domain", "status", "priority", "community"),
    "actors": ("name", "kind", "competences", "contact", "website"),
    "resources_catalog": ("kind", "title", "url", "domain", "owner", "licence"),
    "challenge_actors": ("challenge_id", "actor_id", "role"),
    "challenge_resources": ("challenge_id", "resource_id", "note"),
}
TIMESTAMPED = ("challenges", "actors", "resources_catalog")
ROW_VERSIONED = TIMESTAMPED  # the tables technicians edit in forms
ROW_VERSION = "row_version"
REQUIRED = {
    "challenges": ("title", "domain"),
    "actors": ("name",),
    "resources_catalog": ("kind", "title"),
    "challenge_actors": ("challenge_id", "actor_id"),
    "challenge_resources": ("challenge_id", "resource_id"),
}


def table_label(table: str) -> str:
    return {
        "challenges": tr("Challenges"),
        "actors": tr("Actors"),
        "resources_catalog": tr("Resources catalog"),
        "challenge_actors": tr("Challenge actors"),
        "challenge_resources": tr("Challenge resources"),
        DOMAIN_TABLE: tr("Mobility domains"),
    }[table]


def _in_list(column: str, values, nullable: bool) -> str:
    items = ", ".join(str(v) if isinstance(v, int) else "'" + v.replace("'", "''") + "'" for v in values)
    check = f"{column} IN ({items})"
    return f"CHECK ({column} IS NULL OR {check})" if nullable else f"CHECK ({check})"


class Dialect:
    """SQL spelling for one kind of database. `qualify` names a table (with the schema on PostGIS)."""

    name = ""
    text = "TEXT"
    integer = "INTEGER"
    datetime = "DATETIME"
    now = ""
    primary_key = ""

    def __init__(self, schema: str = None):
        self.schema = schema

    def qualify(self, table: str) -> str:
        return table

    def timestamps(self) -> str:
        # Nullable: QGIS writes an explicit NULL for a column its layer has no default for, so the
        # database fills them itself (stamp_triggers) whatever the client.
        return f"created_at {self.datetime} DEFAULT {self.now}, updated_at {self.datetime} DEFAULT {self.now}"

    def create_table(self, table: str, columns: str, geometry: str = None) -> list:
        raise NotImplementedError

    def stamp_triggers(self, table: str) -> list:
        raise NotImplementedError

    def link_integrity(self, link: str) -> list:
        raise NotImplementedError

    def row_version_triggers(self, table: str) -> list:
        raise NotImplementedError

    def foreign_key(self, column: str, table: str) -> str:
        return f"FOREIGN KEY ({column}) REFERENCES {self.qualify(table)} (fid) ON DELETE CASCADE"


class GpkgDialect(Dialect):
    name = "gpkg"
    integer = "MEDIUMINT"  # 32-bit, as PostgreSQL's integer (GDAL reads INTEGER and INT as 64-bit)
    now = "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"
    primary_key = "fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL"

    def create_table(self, table: str, columns: str, geometry: str | None = None) -> list:
        geom = f"{GEOMETRY_COLUMN} {geometry}, " if geometry else ""
        statements = [
            f"CREATE TABLE {table} ({self.primary_key}, {geom}{columns})",
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES "
            f"('{table}', '{'features' if geometry else 'attributes'}', '{table}', {SRID if geometry else 0})",
        ]
        if geometry:
            statements += [
                "INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) "
                f"VALUES ('{table}', '{GEOMETRY_COLUMN}', '{geometry}', {SRID}, 0, 0)",
            ]  # the spatial index is made by GDAL once the table is known to it (store.ensure_spatial_indexes)
        return statements

    def stamp_triggers(self, table: str) -> list:
        # created_at/updated_at filled on insert when the writer left them empty; updated_at set on
        # update unless the writer set it (QGIS does, through the layer's default value). SQLite
        # triggers do not fire themselves again, and the WHEN clauses stop any chain.
        return [
            f"CREATE TRIGGER {table}_stamp_insert AFTER INSERT ON {table} FOR EACH ROW "
            f"WHEN NEW.created_at IS NULL OR NEW.updated_at IS NULL BEGIN "
            f"UPDATE {table} SET created_at = coalesce(created_at, {self.now}), "
            f"updated_at = coalesce(updated_at, created_at, {self.now}) WHERE fid = NEW.fid; END",
            f"CREATE TRIGGER {table}_stamp_update AFTER UPDATE ON {table} FOR EACH ROW "
            f"WHEN NEW.updated_at IS OLD.updated_at BEGIN "
            f"UPDATE {table} SET updated_at = {self.now} WHERE fid = NEW.fid; END",
        ]

    def link_integrity(self, link: str) -> list:
        # SQLite enforces declared foreign keys only when a connection asks for it (QGIS and GDAL do
        # not): triggers give the GeoPackage the behaviour PostgreSQL's foreign keys give PostGIS.
        (col_a, table_a), (col_b, table_b) = LINK_TABLES[link]
        statements = []
        for event in ("INSERT", "UPDATE"):
            statements.append(
                f"CREATE TRIGGER {link}_check_{event.lower()} BEFORE {event} ON {link} FOR EACH ROW "
                f"WHEN (SELECT fid FROM {table_a} WHERE fid = NEW.{col_a}) IS NULL "
                f"OR (SELECT fid FROM {table_b} WHERE fid = NEW.{col_b}) IS NULL BEGIN "
                f"SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: {link}'); END"
            )
        for column, table in ((col_a, table_a), (col_b, table_b)):
            statements.append(
                f"CREATE TRIGGER {link}_cascade_{table} AFTER DELETE ON {table} FOR EACH ROW BEGIN "
                f"DELETE FROM {link} WHERE {column} = OLD.fid; END"
            )
        return statements

    def row_version_triggers(self, table: str) -> list:
        # An edit made from a version read before the row's last change is refused. Then one trigger per event
        # keeps both the timestamps (as version 2's did) and row_version: a new row is version 1, each update
        # adds one. GDAL turns SQLite's recursive triggers on, so a trigger's own UPDATE must not match the
        # WHEN clauses (the update trigger leaves alone a write of the version it expects, or of version 1 over
        # a row without a valid one, which is the insert trigger's).
        message = conflict_message().replace("'", "''")
        bumped = f"coalesce(abs(OLD.{ROW_VERSION}), 0) + 1"
        return [
            f"CREATE TRIGGER {table}_row_version_check BEFORE UPDATE ON {table} FOR EACH ROW "
            f"WHEN NEW.{ROW_VERSION} < 0 AND -NEW.{ROW_VERSION} IS NOT OLD.{ROW_VERSION} BEGIN "
            f"SELECT RAISE(ABORT, '{message}'); END",
            f"DROP TRIGGER IF EXISTS {table}_stamp_update",
            f"CREATE TRIGGER {table}_stamp_update AFTER UPDATE ON {table} FOR EACH ROW "
            f"WHEN NEW.{ROW_VERSION} IS NOT {bumped} "
            f"AND NOT (NEW.{ROW_VERSION} IS 1 AND coalesce(OLD.{ROW_VERSION}, 0) < 1) BEGIN "
            f"UPDATE {table} SET {ROW_VERSION} = {bumped}, updated_at = CASE WHEN NEW.updated_at IS OLD.updated_at "
            f"THEN {self.now} ELSE NEW.updated_at END WHERE fid = NEW.fid; END",
            f"DROP TRIGGER IF EXISTS {table}_stamp_insert",
            f"CREATE TRIGGER {table}_stamp_insert AFTER INSERT ON {table} FOR EACH ROW "
            f"WHEN NEW.created_at IS NULL OR NEW.updated_at IS NULL OR NEW.{ROW_VERSION} IS NOT 1 BEGIN "
            f"UPDATE {table} SET created_at = coalesce(created_at, {self.now}), "
            f"updated_at = coalesce(updated_at, created_at, {self.now}), {ROW_VERSION} = 1 WHERE fid = NEW.fid; END",
        ]


class PostgresDialect(Dialect):
    name = "postgres"
    text = "text"
    integer = "integer"
    datetime = "timestamptz"
    now = "now()"
    primary_key = "fid serial PRIMARY KEY"

    def qualify(self, table: str) -> str:
        return f'"{self.schema}".{table}' if self.schema else table

    def create_table(self, table: str, columns: str, geometry: str | None = None) -> list:
        pg_type = {"GEOMETRY": "Geometry", "MULTIPOLYGON": "MultiPolygon"}.get(geometry)
        geom = f"{GEOMETRY_COLUMN} geometry({pg_type}, {SRID}), " if geometry else ""
        statements = [f"CREATE TABLE {self.qualify(table)} ({self.primary_key}, {geom}{columns})"]
        if geometry:
            statements.append(
                f"CREATE INDEX {table}_{GEOMETRY_COLUMN}_idx ON {self.qualify(table)} USING gist ({GEOMETRY_COLUMN})"
            )
        return statements

    def stamp_triggers(self, table: str) -> list:
        function = self.qualify("ot_stamp")
        return [
            f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "IF TG_OP = 'INSERT' THEN NEW.created_at := coalesce(NEW.created_at, now()); "
            "NEW.updated_at := coalesce(NEW.updated_at, NEW.created_at); "
            "ELSIF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN NEW.updated_at := now(); END IF; "
            "RETURN NEW; END $$",
            f"CREATE TRIGGER {table}_stamp BEFORE INSERT OR UPDATE ON {self.qualify(table)} "
            f"FOR EACH ROW EXECUTE FUNCTION {function}()",
        ]

    def link_integrity(self, link: str) -> list:
        return []  # the foreign keys declared with the table do it

    def row_version_triggers(self, table: str) -> list:
        function = self.qualify("ot_row_version")
        message = conflict_message().replace("'", "''")
        return [
            f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP = 'INSERT' THEN NEW.{ROW_VERSION} := 1; RETURN NEW; END IF; "
            f"IF NEW.{ROW_VERSION} < 0 AND -NEW.{ROW_VERSION} IS DISTINCT FROM OLD.{ROW_VERSION} THEN "
            f"RAISE EXCEPTION USING ERRCODE = '40001', MESSAGE = format('{message} (%s %s: %s > %s)', "
            f"TG_TABLE_NAME, OLD.fid, OLD.{ROW_VERSION}, -NEW.{ROW_VERSION}); END IF; "
            f"NEW.{ROW_VERSION} := coalesce(OLD.{ROW_VERSION}, 0) + 1; RETURN NEW; END $$",
            f"CREATE TRIGGER {table}_row_version BEFORE INSERT OR UPDATE ON {self.qualify(table)} "
            f"FOR EACH ROW EXECUTE FUNCTION {function}()",
        ]


def dialect_for(kind: str, schema: str = None) -> Dialect:
    return GpkgDialect() if kind == "gpkg" else PostgresDialect(schema)


def _v1(d: Dialect) -> list:
    t, i = d.text, d.integer
    challenges = (
        f"title {t} NOT NULL CHECK (length(trim(title)) > 0), description {t}, "
        f"domain {t} NOT NULL {_in_list('domain', DOMAINS, False)}, "
        f"status {t} NOT NULL DEFAULT 'identified' {_in_list('status', CHALLENGE_STATUSES, False)}, "
        f"priority {i} {_in_list('priority', PRIORITIES, True)}, community {t}, {d.timestamps()}"
    )
    actors = (
        f"name {t} NOT NULL CHECK (length(trim(name)) > 0), kind {t} {_in_list('kind', ACTOR_KINDS, True)}, "
        f"competences {t}, contact {t}, website {t}, {d.timestamps()}"
    )
    return (
        (
            [f"CREATE TABLE {d.qualify(META_TABLE)} (key {t} PRIMARY KEY NOT NULL, value {t})"]
            if d.name == "postgres"
            else d.create_table(META_TABLE, f"key {t} UNIQUE NOT NULL, value {t}")
        )
        + d.create_table("challenges", challenges, "GEOMETRY")
        + d.create_table("actors", actors, "MULTIPOLYGON")
    )


def _v2(d: Dialect) -> list:
    t, i = d.text, d.integer
    catalog = (
        f"kind {t} NOT NULL {_in_list('kind', CATALOG_KINDS, False)}, "
        f"title {t} NOT NULL CHECK (length(trim(title)) > 0), url {t}, "
        f"domain {t} {_in_list('domain', DOMAINS, True)}, owner {t}, licence {t}, {d.timestamps()}"
    )
    statements = d.create_table("resources_catalog", catalog)
    for link, ((col_a, table_a), (col_b, table_b)) in LINK_TABLES.items():
        extra = "role" if link == "challenge_actors" else "note"
        columns = (
            f"{col_a} {i} NOT NULL, {col_b} {i} NOT NULL, {extra} {t}, UNIQUE ({col_a}, {col_b}), "
            f"{d.foreign_key(col_a, table_a)}, {d.foreign_key(col_b, table_b)}"
        )
        statements += d.create_table(link, columns)
        statements += d.link_integrity(link)
        statements.append(f"CREATE INDEX {link}_{col_b}_idx ON {d.qualify(link)} ({col_b})")
    statements += d.create_table(DOMAIN_TABLE, f"key {t} UNIQUE NOT NULL, position {i} NOT NULL")
    for position, key in enumerate(DOMAINS, 1):
        statements.append(f"INSERT INTO {d.qualify(DOMAIN_TABLE)} (key, position) VALUES ('{key}', {position})")
    for table in TIMESTAMPED:
        statements += d.stamp_triggers(table)
    # Competences written as "a;b" or "a, b" by hand or by version 1 imports: the list the multi-select
    # widget reads and writes ("{a,b}"), which plugin/planning/context.py parse_competences reads too.
    statements.append(
        f"UPDATE {d.qualify('actors')} SET competences = '{{' || replace(replace(replace(competences, ' ', ''), "
        f"';', ','), '|', ',') || '}}' WHERE competences IS NOT NULL AND length(trim(competences)) > 0 "
        "AND substr(trim(competences), 1, 1) NOT IN ('{', '[')"
    )
    return statements


def _v3(d: Dialect) -> list:
    statements = []
    for table in ROW_VERSIONED:
        # The rows there are version 1 (the default fills them without firing the update triggers). Nullable,
        # as the timestamps: QGIS writes a null for a new row, which the triggers make version 1.
        statements.append(f"ALTER TABLE {d.qualify(table)} ADD COLUMN {ROW_VERSION} {d.integer} DEFAULT 1")
        statements += d.row_version_triggers(table)
    return statements


def conflict_message() -> str:
    """What a technician reads when a colleague changed the row they edited (written into the register's
    triggers, in the language of whoever made or upgraded the register)."""
    return tr(
        "Open Territory: this row was changed by someone else since you read it; nothing was overwritten. "
        "Keep your edits aside, reload the layer and edit again"
    )


MIGRATIONS = {1: _v1, 2: _v2, 3: _v3}


def migration_statements(version: int, dialect: Dialect) -> list:
    """The SQL statements taking a register from `version - 1` to `version`."""
    return MIGRATIONS[version](dialect)
