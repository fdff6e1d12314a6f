"""Challenge context in the database: when the challenges, the resources (and the actors) are tables of one
PostGIS database, PostGIS measures them where they are, in one SQL query, instead of QGIS reading every
resource: per challenge and category, `ST_DWithin` counts the resources within the distance and a KNN search
(`ORDER BY geom <-> challenge LIMIT 1`) finds the nearest, both on the tables' GiST indexes, and `ST_Covers`
finds the competent actors. The answers are those of the in-process path (nearby.py, context.py): the same
distances in the same working CRS, the same rules.

A resource table in another CRS than the working one (the sources' EPSG:4326) is searched in its own CRS with
its index and measured in the working CRS: the candidates within the distance through the working box
reprojected into the table's CRS; the nearest through a first KNN candidate, whose distance in the working CRS
bounds the search box of the exact one.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass

from osgeo import gdal
from qgis.core import QgsCoordinateReferenceSystem, QgsDataSourceUri, QgsFeedback, QgsVectorLayer, QgsWkbTypes

from ..toolbelt.errors import OpenTerritoryError, ReplyError
from ..toolbelt.gdal_errors import gdal_exceptions, with_gdal_exceptions
from ..toolbelt.i18n import tr
from ..toolbelt.postgres import clean_error, connect_dsn, execute, layer_dsn, literal, quote, rows
from .nearby import SERVICE_CATEGORY, SERVICE_FIELD, SERVICE_OUTPUT, category_order

SEPARATOR = "\x1f"  # between the names of the competent actors in one text
CHUNK = 500  # challenges per query
MAX_CONNECTIONS = 4  # queries at once
RARE_ROWS, RARE_SHARE = 10_000, 0.2  # a category under this share of a table of more rows is searched alone
FAMILIES = {
    QgsWkbTypes.PointGeometry: ("POINT", "MULTIPOINT"),
    QgsWkbTypes.LineGeometry: ("LINESTRING", "MULTILINESTRING", "CIRCULARSTRING", "COMPOUNDCURVE", "MULTICURVE"),
    QgsWkbTypes.PolygonGeometry: ("POLYGON", "MULTIPOLYGON", "CURVEPOLYGON", "MULTISURFACE"),
}


@dataclass
class Table:
    """A layer that is a PostGIS table: where it is, its key, geometry column and CRS, and its filter."""

    layer: QgsVectorLayer
    schema: str
    table: str
    key: str
    geometry: str
    srid: int
    where: str  # SQL on the table's columns, "true" without a filter
    server: tuple  # (host, port, database, service): tables of one database share it

    def column(self, name: str) -> bool:
        return self.layer.fields().indexOf(name) >= 0

    @property
    def qualified(self) -> str:
        return f"{quote(self.schema)}.{quote(self.table)}"


def postgis_table(layer: QgsVectorLayer | None) -> Table | None:
    """The table behind `layer` when it is a PostGIS table with a single-column key and a geometry column
    PostGIS can index (not a query layer); None otherwise."""
    if layer is None or layer.providerType() != "postgres" or not layer.isValid():
        return None
    uri = QgsDataSourceUri(layer.source())
    keys = [layer.fields().at(i).name() for i in layer.dataProvider().pkAttributeIndexes()]
    key = uri.keyColumn().strip('"') or (keys[0] if len(keys) == 1 else "")
    if not uri.table() or uri.table().startswith("(") or not uri.geometryColumn() or not key or "," in key:
        return None
    srid = layer.crs().postgisSrid()
    if not srid:
        return None
    where = f"({layer.subsetString()})" if layer.subsetString().strip() else "true"
    family = FAMILIES.get(QgsWkbTypes.geometryType(uri.wkbType())) if uri.wkbType() != QgsWkbTypes.Unknown else None
    if family:  # as QGIS shows one geometry family of a table that mixes them
        names = ", ".join(literal(name) for name in family)
        where += f" AND upper(GeometryType({quote(uri.geometryColumn())})) IN ({names})"
    server = (uri.host(), uri.port() or "5432", uri.database(), uri.service())
    return Table(layer, uri.schema() or "public", uri.table(), key, uri.geometryColumn(), srid, where, server)


def same_database(challenges, resources: list, actors, crs: QgsCoordinateReferenceSystem) -> tuple | None:
    """(challenges, [resources], actors or None) as Tables when they all are tables of one PostGIS database and
    the working CRS is one PostGIS knows by its code; None otherwise (the in-process path then)."""
    tables = [postgis_table(layer) for layer in [challenges, *resources]]
    actor_table = postgis_table(actors) if actors is not None else None
    if not crs.postgisSrid() or any(t is None for t in tables) or (actors is not None and actor_table is None):
        return None
    servers = {t.server for t in tables + ([actor_table] if actor_table else [])}
    if len(servers) != 1 or any(not t.column("category") for t in tables[1:]):
        return None
    if actor_table is not None and not actor_table.column("competences"):
        return None
    return tables[0], tables[1:], actor_table


class DatabaseContext:
    """The challenge context of tables of one database, measured by PostGIS (see the module's docstring)."""

    def __init__(self, challenges: Table, resources: list, actors: Table | None, crs, distance: float):
        self.challenges, self.resources, self.actors = challenges, resources, actors
        self.srid = crs.postgisSrid()
        self.distance = float(distance)
        self.dataset = None
        self.failure = None  # what went wrong in another connection
        self.rare = {}  # (table number, category) -> the temporary table of a category scarce in its table
        self.service_tables = []  # the tables of network stops with their departures between 7 and 9 h

    @with_gdal_exceptions
    def measure(self, features: list, feedback: QgsFeedback | None = None) -> tuple:
        """(categories, measures, names): the categories in output order; per feature, {category: (count,
        nearest or None)} (None for a feature without a location) and the competent actors' names. The
        challenges go to the database CHUNK at a time, on as many connections as the machine has cores (at most
        four), so that the server's cores share the work, progress shows and a cancel is heard."""
        self.dataset = self.connect()
        try:
            per_table = self.categories()
            keys = [feature[self.challenges.key] for feature in features]
            chunks = [keys[first : first + CHUNK] for first in range(0, len(keys), CHUNK)]
            answers = self.ask(chunks, per_table, feedback)
        finally:
            self.dataset = None
        categories = sorted({c for _t, found in per_table for c in found}, key=lambda c: (category_order(c), c))
        measures, names = [], []
        for feature, key in zip(features, keys):
            answer = answers.get(str(value(key)))
            names.append([name for name in (answer[-1] or "").split(SEPARATOR) if name] if answer else [])
            located = feature.hasGeometry() and not feature.geometry().isEmpty()
            measures.append(self.merged(answer, per_table) if located and answer is not None else None)
        return categories, measures, names

    def connect(self) -> gdal.Dataset:
        """A connection of its own to the challenges' database, without JIT compilation (it costs seconds on
        this query's many expressions, more than it saves)."""
        host, port, database, _service = self.challenges.server
        dataset = connect_dsn(layer_dsn(self.challenges.layer.source()), f"{host}:{port}/{database}")
        execute(dataset, "SET jit = off")
        return dataset

    def ask(self, chunks: list, per_table: list, feedback: QgsFeedback | None) -> dict:
        """{challenge key: its row} of every chunk. The first connection (which holds the temporary tables)
        asks its share; the others, made here, theirs."""
        answers = {}
        done = []
        lock = threading.Lock()
        rare = bool(self.rare)  # temporary tables live in the first connection only

        def work(dataset: gdal.Dataset, share: list) -> None:
            for chunk in share:
                if feedback is not None and feedback.isCanceled():
                    return
                found = rows_of(dataset, self.context_sql(chunk, per_table))
                with lock:
                    answers.update((str(row[0]), row[1:]) for row in found)
                    done.append(len(chunk))
                    if feedback is not None:
                        feedback.setProgress(100.0 * len(done) / len(chunks))

        workers = 1 if rare else max(1, min(MAX_CONNECTIONS, os.cpu_count() or 1, len(chunks)))
        shares = [chunks[number::workers] for number in range(workers)]
        threads = [threading.Thread(target=self.in_connection, args=(work, share)) for share in shares[1:]]
        for thread in threads:
            thread.start()
        try:
            work(self.dataset, shares[0] if shares else [])
        finally:
            for thread in threads:
                thread.join()
        if self.failure is not None:
            raise self.failure
        return answers

    def in_connection(self, work, share: list) -> None:
        """Run `work(dataset, share)` on a connection of its own (in a thread); a failure is kept for ask()."""
        with gdal_exceptions():
            try:
                dataset = self.connect()
                work(dataset, share)
            except (RuntimeError, OpenTerritoryError) as error:
                self.failure = error if isinstance(error, OpenTerritoryError) else self.failed(error)
            finally:
                dataset = None

    def sql(self, sql: str) -> list:
        return rows_of(self.dataset, sql)

    @staticmethod
    def failed(error: Exception) -> ReplyError:
        return ReplyError(
            tr("The database could not measure the challenge context") + f": {clean_error(error)}",
            reason="database",
        )

    def categories(self) -> list:
        """[(table, [its categories])], every category of the resources' tables (their filters applied). A
        category that is a small share of a large table gets a temporary table of its own, indexed, so that
        its nearest search does not walk the other categories' rows (rare_table)."""
        found = []
        for number, table in enumerate(self.resources):
            counts = self.sql(
                f'SELECT "category"::text AS category, count(*) AS n FROM {table.qualified} WHERE {table.where} '
                f'AND "category" IS NOT NULL GROUP BY 1'
            )
            total = sum(int(n) for _c, n in counts)
            for position, (category, n) in enumerate(counts):
                if total > RARE_ROWS and int(n) < RARE_SHARE * total:
                    self.rare[(number, category)] = self.rare_table(table, category, f"ot_rare_{number}_{position}")
            found.append((table, sorted((c for c, _n in counts), key=lambda c: (category_order(c), c))))
            if table.column(SERVICE_FIELD) and any(c == SERVICE_CATEGORY for c, _n in counts):
                self.service_tables.append(table)
        return found

    @property
    def service(self) -> bool:
        """A network's stops with their departures are among the resources (context.SERVICE_OUTPUT)."""
        return bool(self.service_tables)

    def rare_table(self, table: Table, category: str, name: str) -> Table:
        """The rows of one category as a temporary table (gone with the connection), in the working CRS, with
        a GiST index."""
        geometry = f"r.{quote(table.geometry)}"
        self.sql(
            f"CREATE TEMPORARY TABLE {name} AS SELECT ST_Transform({geometry}, {self.srid}) AS geom, "
            f"{literal(category)}::text AS category FROM {table.qualified} r WHERE {self._filter(table, category)}"
        )
        self.sql(f"CREATE INDEX ON {name} USING gist (geom)")
        self.sql(f"ANALYZE {name}")
        return Table(table.layer, "pg_temp", name, "", "geom", self.srid, "true", table.server)

    def merged(self, answer: list, per_table: list) -> dict:
        """{category: (count, nearest)} of one challenge, the tables of one category added up, and the
        departures near it (context.SERVICE_OUTPUT) when network stops are among the resources."""
        measured, column = {}, 0
        for _table, found in per_table:
            for category in found:
                count, nearest = int(answer[column] or 0), answer[column + 1]
                column += 2
                before_count, before_nearest = measured.get(category, (0, None))
                if nearest is not None and before_nearest is not None:
                    nearest = min(float(nearest), before_nearest)
                measured[category] = (before_count + count, before_nearest if nearest is None else float(nearest))
        if self.service_tables:
            departures = answer[column : column + len(self.service_tables)]
            measured[SERVICE_OUTPUT] = int(sum(float(value or 0) for value in departures))
        return measured

    # the SQL

    def context_sql(self, keys: list, per_table: list) -> str:
        """One query: per challenge of `keys`, per table and category its count (one LATERAL index search per
        table counts all its categories) and its nearest distance (a KNN search each), then the competent
        actors' names."""
        c = self.challenges
        domain = 'btrim(t."domain"::text)' if c.column("domain") else "''"
        key_list = ", ".join(literal(k) for k in keys)
        groups = {}  # searched table -> (alias, [categories counted there])
        columns = []
        for number, (table, found) in enumerate(per_table):
            for category in found:
                searched = self.rare.get((number, category), table)
                alias, counted = groups.setdefault(id(searched), (f"n{len(groups)}", []))
                counted.append((searched, category))
                columns += [f"{alias}.k{len(counted) - 1}", self.nearest_sql(searched, category)]
        joins = [
            f"LEFT JOIN LATERAL {self.counts_sql(counted)} AS {alias} ON true" for alias, counted in groups.values()
        ]
        for number, table in enumerate(self.service_tables):
            joins.append(f"LEFT JOIN LATERAL {self.departures_sql(table)} AS s{number} ON true")
            columns.append(f"s{number}.departures")
        columns.append(self.actors_sql())
        joins = " ".join(joins)
        named = ", ".join(f"{column} AS m{position}" for position, column in enumerate(columns))
        actors = f", {self.actors_cte()}" if self.actors is not None else ""
        return (
            f"WITH c AS MATERIALIZED (SELECT t.{quote(c.key)}::text AS key, "
            f"CASE WHEN ST_IsEmpty(t.{quote(c.geometry)}) THEN NULL "
            f"ELSE {self.working(c, 't')} END AS g, {domain} AS domain "
            f"FROM {c.qualified} t WHERE t.{quote(c.key)}::text IN ({key_list})){actors} "
            f"SELECT c.key, {named} FROM c {joins}"
        )

    def working(self, table: Table, alias: str) -> str:
        """The table's geometry in the working CRS."""
        geometry = f"{alias}.{quote(table.geometry)}"
        return geometry if table.srid == self.srid else f"ST_Transform({geometry}, {self.srid})"

    def _filter(self, table: Table, category: str | None = None) -> str:
        geometry = f"r.{quote(table.geometry)}"
        kind = f'r."category"::text = {literal(category)} AND ' if category is not None else ""
        return f"{kind}{table.where} AND {geometry} IS NOT NULL AND NOT ST_IsEmpty({geometry})"

    def _box(self, table: Table, reach: str) -> str:
        """The working box of c.g grown by `reach`, in the table's CRS (its edges cut in pieces first, so that
        the reprojected box holds every point the working one does)."""
        return (
            f"ST_Transform(ST_Segmentize(ST_Expand(c.g, ({reach}) * 1.001 + 1), greatest(({reach}) / 8, 1)), "
            f"{table.srid})"
        )

    def departures_sql(self, table: Table) -> str:
        """The departures between 7 and 9 h of the table's network stops within the distance of c.g."""
        return (
            f"(SELECT coalesce(sum(r.{quote(SERVICE_FIELD)}), 0) AS departures FROM {table.qualified} r "
            f"WHERE c.g IS NOT NULL AND {self._filter(table, SERVICE_CATEGORY)} AND {self._near(table)})"
        )

    def _near(self, table: Table) -> str:
        """The condition that a row of `table` lies within the distance of c.g (on the table's index)."""
        r = f"r.{quote(table.geometry)}"
        if table.srid == self.srid:
            return f"ST_DWithin({r}, c.g, {self.distance!r})"
        return (
            f"{r} && {self._box(table, repr(self.distance))} "
            f"AND ST_DWithin(ST_Transform({r}, {self.srid}), c.g, {self.distance!r})"
        )

    def counts_sql(self, counted: list) -> str:
        """The resources of one table within the distance of c.g, counted per category."""
        table = counted[0][0]
        near = self._near(table)
        counts = ", ".join(
            f'count(*) FILTER (WHERE r."category"::text = {literal(category)}) AS k{position}'
            for position, (_table, category) in enumerate(counted)
        )
        return f"(SELECT {counts} FROM {table.qualified} r WHERE c.g IS NOT NULL AND {self._filter(table)} AND {near})"

    def nearest_sql(self, table: Table, category: str) -> str:
        r = f"r.{quote(table.geometry)}"
        condition = self._filter(table, category)
        if table.srid == self.srid:
            return (
                f"(SELECT ST_Distance({r}, c.g) FROM {table.qualified} r WHERE c.g IS NOT NULL AND {condition} "
                f"ORDER BY {r} <-> c.g LIMIT 1)"
            )
        working = f"ST_Transform({r}, {self.srid})"
        first = (
            f"(SELECT ST_Distance({working}, c.g) FROM {table.qualified} r WHERE {condition} "
            f"ORDER BY {r} <-> ST_Transform(c.g, {table.srid}) LIMIT 1)"
        )
        return (
            f"(SELECT min(ST_Distance({working}, c.g)) FROM {table.qualified} r "
            f"WHERE c.g IS NOT NULL AND {condition} AND {r} && {self._box(table, first)})"
        )

    def actors_cte(self) -> str:
        """The actors once, in the working CRS, with their competences as parse_competences reads them (a JSON
        array, "{a,b}", or "a; b" / "a, b")."""
        a = self.actors
        name = "coalesce(a.\"name\"::text, 'NULL')" if a.column("name") else f"a.{quote(a.key)}::text"
        area = f"a.{quote(a.geometry)}"
        competences = (
            "ARRAY(SELECT lower(btrim(btrim(item), '\"')) FROM regexp_split_to_table("
            "btrim(btrim(a.\"competences\"::text), '{}[]'), '[,;]') AS item WHERE btrim(item) <> '')"
        )
        return (
            f"a AS MATERIALIZED (SELECT a.{quote(a.key)} AS key, {name} AS name, {competences} AS competences, "
            f"CASE WHEN {area} IS NULL OR ST_IsEmpty({area}) THEN NULL ELSE ST_Transform({area}, {self.srid}) END "
            f"AS area FROM {a.qualified} a WHERE {a.where})"
        )

    def actors_sql(self) -> str:
        if self.actors is None:
            return "NULL::text"
        return (
            "(SELECT string_agg(a.name, E'\\x1f' ORDER BY a.key) FROM a WHERE c.domain <> '' "
            "AND c.domain = ANY(a.competences) AND (a.area IS NULL OR (c.g IS NOT NULL AND ST_Covers(a.area, c.g))))"
        )


def rows_of(dataset: gdal.Dataset, sql: str) -> list:
    """The rows of a query; its failure one sentence (ReplyError)."""
    try:
        return rows(dataset, sql)
    except RuntimeError as error:
        raise DatabaseContext.failed(error) from None


def value(item: object) -> object:
    """A value of QGIS's SQL results: None for NULL (a null QVariant)."""
    if item is None or (hasattr(item, "isNull") and item.isNull()):
        return None
    return item
