"""Benchmark of a regional agency's load: 8 demo-sized territories into one PostGIS database, each in its schema,
through `qgis_process.bin run openterritory:load_territory` (the demo profile, offline from its recorded
replies), all at once in 8 processes, then one after the other. Prints both total times, and checks that every
schema holds every table and its styles.

The database is the local test one (scripts/start_postgis.sh; OPEN_TERRITORY_TEST_PG overrides
build/postgis/dsn); the schemas ot_region_1..8 are dropped at the end.

Run: .venv/bin/python -P tests/benchmarks/bench_regional.py [territories]
"""

import json
import os
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)  # tests/benchmarks, even under python -P
sys.path.insert(0, os.path.dirname(HERE))  # tests/, for the QGIS home of qgis_process
from importable import REPO, make_importable  # noqa: E402
from qgis_process_profile import qgis_process_home  # noqa: E402

make_importable()

from osgeo import gdal  # noqa: E402
from postgis_sql import dsn, sql  # noqa: E402

CONNECTION = "agence"


def command(schema: str) -> list:
    return [
        "qgis_process.bin",
        "run",
        "openterritory:load_territory",
        "--",
        "PROFILE=demo",
        "OFFLINE=true",
        f"OUTPUT=postgres:{CONNECTION}/{schema}",
    ]


def drop(schemas: list) -> None:
    for schema in schemas:
        sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        if sql("SELECT to_regclass('public.layer_styles') IS NOT NULL AS found")[0][0]:
            sql(f"DELETE FROM public.layer_styles WHERE f_table_schema = '{schema}'")


def demo_layers() -> int:
    """The demo's layers: its boundary and each resource entry (each has a geometry, hence a style)."""
    with open(os.path.join(REPO, "resources", "profiles", "demo.json"), encoding="utf-8") as handle:
        resources = json.load(handle)["resources"]
    return 1 + sum(len(entries) for entries in resources.values())


def check(schemas: list, layers: int) -> str:
    """'' when every schema holds the demo's layers, its sources table and a style per layer, else what is not."""
    problems = []
    for schema in schemas:
        tables = sql(f"SELECT count(*) AS n FROM pg_tables WHERE schemaname = '{schema}'")[0][0]
        styles = sql(f"SELECT count(*) AS n FROM public.layer_styles WHERE f_table_schema = '{schema}'")[0][0]
        if tables != layers + 1 or styles != layers:
            problems.append(f"{schema}: {tables} tables, {styles} styles")
    return "; ".join(problems)


def run(schemas: list, env: dict, parallel: bool) -> float:
    start = time.perf_counter()
    if parallel:
        processes = [
            subprocess.Popen(command(s), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for s in schemas
        ]
        outcomes = [(process.wait(), process) for process in processes]
    else:
        outcomes = []
        for schema in schemas:
            process = subprocess.Popen(command(schema), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            outcomes.append((process.wait(), process))
    elapsed = time.perf_counter() - start
    for code, process in outcomes:
        if code != 0:
            raise SystemExit(f"qgis_process failed ({code}): {process.stderr.read().decode()[-2000:]}")
    return elapsed


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    schemas = [f"ot_region_{number}" for number in range(1, count + 1)]
    env = qgis_process_home(tempfile.mkdtemp(prefix="bench_regional_home_"), {CONNECTION: dsn()})
    gdal.UseExceptions()
    drop(schemas)
    try:
        parallel = run(schemas, env, parallel=True)
        layers = demo_layers()
        problems = check(schemas, layers)
        drop(schemas)
        sequential = run(schemas, env, parallel=False)
        problems = problems or check(schemas, layers)
    finally:
        drop(schemas)
    print(f"load_territory of {count} demo territories into one PostGIS database, one schema each (qgis_process):")
    print(f"  {count} processes at once: {parallel:.1f} s")
    print(f"  one after the other: {sequential:.1f} s ({sequential / parallel:.2f} times the parallel time)")
    print(
        f"  every schema holds its {layers} layers, its sources table and {layers} styles: "
        + ("yes" if not problems else problems)
    )


if __name__ == "__main__":
    main()
