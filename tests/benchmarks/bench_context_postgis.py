"""Benchmark of openterritory:challenge_context on PostGIS tables.

1. At a size both paths run (5,000 challenges x 500,000 resources in three categories over 20 km, 40 actors,
   as bench_context.py): measured in the database (the challenges, resources and actors are tables of one
   PostGIS database), in process on the same tables (read through GDAL), and in process on a GeoPackage copy.
2. 5,000 challenges x 10,000,000 resources (the same density, over 89 km), in the database (goal: under 30 s
   on 2 cores).

The tables are generated with SQL (generate_series, a fixed seed) in the local test database
(scripts/start_postgis.sh; OPEN_TERRITORY_TEST_PG overrides build/postgis/dsn) in the schema ot_bench, and kept
there for the next runs (generating the 10,000,000 rows and their index takes a few minutes; the time is
printed). The rows are stored in the order of their spatial index, as the plugin's loads store them
(toolbelt/postgres.py, cluster). Drop the schema to start again: DROP SCHEMA ot_bench CASCADE.

Run: .venv/bin/python -P tests/benchmarks/bench_context_postgis.py [large_resources]
"""

import gc
import os
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The QGIS connection the benchmark saves goes into settings of its own, not the user's.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="bench_context_postgis_settings_")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # tests/benchmarks, even under python -P
from importable import make_importable  # noqa: E402

make_importable()

from osgeo import gdal  # noqa: E402
from postgis_sql import dsn, sql  # noqa: E402
from qgis.core import QgsApplication, QgsDataSourceUri, QgsProviderRegistry, QgsVectorLayer  # noqa: E402

CONNECTION = "open_territory_bench"
SCHEMA = "ot_bench"
CATEGORIES = ("bicycle_parking", "bus_stop", "street_lamp")
X0, Y0 = 345000, 6780000
DENSITY = 500_000 / 20_000**2  # resources per square metre, as bench_context.py
REPEAT = 3


def ensure_tables(suffix: str, resources: int, challenges: int) -> None:
    """resources_<suffix>, challenges_<suffix> and actors_<suffix> in ot_bench, made once."""
    side = (resources / DENSITY) ** 0.5
    found = sql(
        f"SELECT count(*) AS n FROM pg_tables WHERE schemaname = '{SCHEMA}' AND tablename IN "
        f"('resources_{suffix}', 'challenges_{suffix}', 'actors_{suffix}')"
    )[0][0]
    if found == 3 and sql(f"SELECT count(*) AS n FROM {SCHEMA}.resources_{suffix}")[0][0] == resources:
        return
    start = time.perf_counter()
    categories = ", ".join(f"'{c}'" for c in CATEGORIES)
    point = f"ST_SetSRID(ST_MakePoint({X0} + random() * {side}, {Y0} + random() * {side}), 2154)"
    sql(
        f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}; SET maintenance_work_mem = '512MB'; SELECT setseed(0.42); "
        f"DROP TABLE IF EXISTS {SCHEMA}.resources_{suffix}, {SCHEMA}.challenges_{suffix}, {SCHEMA}.actors_{suffix}; "
        f"CREATE TABLE {SCHEMA}.resources_{suffix} AS SELECT i AS fid, "
        f"(ARRAY[{categories}])[1 + floor(random() * {len(CATEGORIES)})::int] AS category, "
        f"{point}::geometry(Point, 2154) AS geom FROM generate_series(1, {resources}) AS i; "
        f"ALTER TABLE {SCHEMA}.resources_{suffix} ADD PRIMARY KEY (fid); "
        f"CREATE INDEX resources_{suffix}_geom_idx ON {SCHEMA}.resources_{suffix} USING gist (geom); "
        f"CLUSTER {SCHEMA}.resources_{suffix} USING resources_{suffix}_geom_idx; "
        f"CREATE TABLE {SCHEMA}.challenges_{suffix} AS SELECT i AS fid, 'c' || i AS title, "
        f"(ARRAY['velo', 'transport_collectif', 'voirie', 'qualite_air'])[1 + floor(random() * 4)::int] AS domain, "
        f"'identified' AS status, {point}::geometry(Point, 2154) AS geom FROM generate_series(1, {challenges}) AS i; "
        f"ALTER TABLE {SCHEMA}.challenges_{suffix} ADD PRIMARY KEY (fid); "
        f"CREATE TABLE {SCHEMA}.actors_{suffix} AS SELECT i AS fid, 'actor ' || i AS name, "
        f"'{{' || (ARRAY['velo', 'voirie'])[1 + i % 2] || ',' || (ARRAY['qualite_air', 'transport_collectif'])"
        f"[1 + i % 2] || '}}' AS competences, CASE WHEN i % 8 = 0 THEN NULL ELSE ST_Multi(ST_Expand({point}, "
        f"1000 + random() * 2000))::geometry(MultiPolygon, 2154) END AS geom FROM generate_series(1, 40) AS i; "
        f"ALTER TABLE {SCHEMA}.actors_{suffix} ADD PRIMARY KEY (fid); "
        f"ANALYZE {SCHEMA}.resources_{suffix}; ANALYZE {SCHEMA}.challenges_{suffix}; ANALYZE {SCHEMA}.actors_{suffix}"
    )
    print(
        f"(generated {resources} resources, their index, {challenges} challenges: {time.perf_counter() - start:.1f} s)"
    )


def layers(suffix: str) -> tuple:
    from open_territory.plugin.toolbelt.postgres import table_uri

    found = []
    for name in ("challenges", "resources", "actors"):
        uri = table_uri(CONNECTION, SCHEMA, f"{name}_{suffix}").uri(False)
        layer = QgsVectorLayer(uri, name, "postgres")
        assert layer.isValid(), name
        found.append(layer)
    return tuple(found)


def geopackage_copy(suffix: str, folder: str) -> tuple:
    path = os.path.join(folder, f"{suffix}.gpkg")
    for name in ("challenges", "resources", "actors"):
        gdal.VectorTranslate(
            path,
            "PG:" + dsn(),
            format="GPKG",
            accessMode="append" if os.path.exists(path) else None,
            SQLStatement=f"SELECT * FROM {SCHEMA}.{name}_{suffix}",
            layerName=name,
        )
    return tuple(
        QgsVectorLayer(f"{path}|layername={name}", name, "ogr") for name in ("challenges", "resources", "actors")
    )


def run(challenges, resources, actors, output: str) -> float:
    import processing

    start = time.perf_counter()
    processing.run(
        "openterritory:challenge_context",
        {"CHALLENGES": challenges, "RESOURCES": [resources], "ACTORS": actors, "DISTANCE": 300, "OUTPUT": output},
    )
    return time.perf_counter() - start


def measure(large: int) -> None:
    from open_territory.plugin.planning import context

    work = tempfile.mkdtemp(prefix="bench_context_postgis_")
    ensure_tables("500k", 500_000, 5000)
    ensure_tables("large", large, 5000)
    in_db = layers("500k")
    from_file = geopackage_copy("500k", work)
    in_database = run(*in_db, os.path.join(work, "a.gpkg"))  # a first run opens the connections
    same_database = context.same_database
    times = {"database": [], "process_postgis": [], "process_gpkg": []}
    for _ in range(REPEAT):
        times["database"].append(run(*in_db, os.path.join(work, "a.gpkg")))
        context.same_database = lambda *args: None  # the in-process path on the same tables
        times["process_postgis"].append(run(*in_db, os.path.join(work, "b.gpkg")))
        context.same_database = same_database
        times["process_gpkg"].append(run(*from_file, os.path.join(work, "c.gpkg")))
    best = {key: min(values) for key, values in times.items()}
    print("challenge_context, 5000 challenges x 500000 resources (3 categories, 300 m, 40 actors):")
    print(f"  in the database (PostGIS): {best['database']:.2f} s")
    print(f"  in process, reading the same PostGIS tables: {best['process_postgis']:.2f} s")
    print(f"  in process, reading a GeoPackage copy: {best['process_gpkg']:.2f} s")
    in_database = min(run(*layers("large"), os.path.join(work, "d.gpkg")) for _ in range(2))
    print(f"challenge_context, 5000 challenges x {large} resources in the database: {in_database:.2f} s (goal: < 30 s)")
    print(f"(best of {REPEAT} runs at 500,000, of 2 at {large})")


def main() -> None:
    large = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from open_territory.processing.provider import OpenTerritoryProvider

    provider = OpenTerritoryProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    saved = metadata.createConnection(QgsDataSourceUri(dsn()).uri(False), {"saveUsername": True, "savePassword": True})
    metadata.saveConnection(saved, CONNECTION)
    gdal.UseExceptions()
    measure(large)
    gc.collect()
    app.exitQgis()


if __name__ == "__main__":
    main()
