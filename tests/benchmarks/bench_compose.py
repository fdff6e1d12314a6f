"""The composer's speed: the IRVE filter for one EPCI beside ogr2ogr, and a métropole composed from cached
catalogs.

QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_compose.py [irve_rows] [catalog_datasets]

1. An IRVE-sized national file (default 120,000 rows, the consolidated file's real columns) is filtered
   for the communes of one EPCI as the `national_file` source does it (national_file/territory_rows.py:
   typed by the Etalab schema, written into a GeoPackage with the common fields), beside
   `ogr2ogr -where "code_insee_commune IN (...)"` on the same file.
2. A métropole (the fixture's Rennes Métropole, 43 communes) is composed against the local stand-ins of
   the three APIs, with transport.data.gouv.fr's catalog inflated to a realistic size (default 2,000
   datasets): once to fill the cache, then again from the cached catalogs (the goal: under 5 s).
"""

import copy
import csv
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from resource import RUSAGE_CHILDREN, getrusage

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COMPOSE_TESTS = os.path.join(REPO, "tests", "plugin", "compose")
sys.path.insert(0, os.path.join(REPO, "build", "importable"))
sys.path.insert(0, COMPOSE_TESTS)  # the stand-ins
sys.path.insert(0, os.path.join(COMPOSE_TESTS, "data"))  # the fixture territories
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pytest_httpserver import HTTPServer  # noqa: E402
from qgis.core import QgsApplication  # noqa: E402


def irve_file(path: str, rows: int, epci_codes: list) -> int:
    """A national IRVE file of `rows` rows with the fixture's real header; one row in 300 lies in the EPCI."""
    random.seed(3)
    source = os.path.join(COMPOSE_TESTS, "data", "files", "irve.csv")
    with open(source, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        template = next(reader)
    insee = header.index("code_insee_commune")
    lon, lat = header.index("consolidated_longitude"), header.index("consolidated_latitude")
    xy, name = header.index("coordonneesXY"), header.index("nom_station")
    # ~35,000 other communes
    pool = [
        c for c in (f"{d:02d}{n:03d}" for d in range(1, 96) if d != 20 for n in range(1, 380)) if c not in epci_codes
    ]
    in_epci = 0
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for index in range(rows):
            row = list(template)
            if index % 300 == 0:
                row[insee] = random.choice(epci_codes)
                in_epci += 1
            else:
                row[insee] = random.choice(pool)
            x, y = -5 + random.random() * 13, 42 + random.random() * 9
            row[lon], row[lat], row[xy] = f"{x:.6f}", f"{y:.6f}", f"[{x:.6f}, {y:.6f}]"
            row[name] = f"Station {index}"
            writer.writerow(row)
    return in_epci


def bench_irve(folder: str, rows: int) -> None:
    from open_territory.plugin.formats.table_schema import table_fields
    from open_territory.plugin.sources.national_file.territory_rows import (
        FileReading,
        TerritoryFilter,
        codes_where,
        write_territory_rows,
    )
    from open_territory.plugin.toolbelt.layer_writer import file_target
    from territories import VITRE_COMMUNAUTE

    codes = [code for code, *_ in VITRE_COMMUNAUTE]
    path = os.path.join(folder, "irve.csv")
    expected = irve_file(path, rows, codes)
    size = os.path.getsize(path) / 1024 / 1024
    schema = os.path.join(
        COMPOSE_TESTS, "data", "schemas", "etalab", "schema-irve-statique", "2.3.1", "schema-statique.json"
    )
    with open(schema, encoding="utf-8") as handle:
        fields = tuple(table_fields(json.load(handle)))
    common = {"category": "charging_station", "source": "bench", "source_dataset": "irve", "licence": "lov2"}
    reading = FileReading("csv", "consolidated_longitude", "consolidated_latitude", fields, "IRVE")
    territory = TerritoryFilter(("code_insee_commune",), tuple(codes), (), ("nom_station",))
    start, cpu = time.perf_counter(), time.process_time()
    count = write_territory_rows(
        path, file_target(os.path.join(folder, "ours.gpkg"), "irve"), common, reading, territory
    )
    ours, ours_cpu = time.perf_counter() - start, time.process_time() - cpu
    assert count == expected, (count, expected)
    command = [
        "ogr2ogr", "-f", "GPKG", os.path.join(folder, "peer.gpkg"), f"CSV:{path}",
        "-oo", "X_POSSIBLE_NAMES=consolidated_longitude", "-oo", "Y_POSSIBLE_NAMES=consolidated_latitude",
        "-where", codes_where(["code_insee_commune"], codes), "-nln", "irve",
    ]  # fmt: skip
    before = getrusage(RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    peer = time.perf_counter() - start
    after = getrusage(RUSAGE_CHILDREN)
    peer_cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    # The wall clock stretches on a machine busy with other work; the CPU time much less.
    print(
        f"IRVE filter, one EPCI ({len(codes)} communes) out of {rows:,} rows ({size:.1f} MB): {count} stations in "
        f"{ours:.2f} s, {ours_cpu:.2f} s CPU (typed by the schema, booleans read from their words, common fields) "
        f"against {peer:.2f} s, {peer_cpu:.2f} s CPU for ogr2ogr -where (ratio {ours / peer:.2f}, CPU "
        f"{ours_cpu / peer_cpu:.2f})"
    )


def inflated_catalog(catalog: list, count: int) -> list:
    """transport.data.gouv.fr's catalog at a realistic size: the fixture's datasets and `count` others,
    each covering a commune or an EPCI elsewhere, with the GTFS metadata the real API carries."""
    random.seed(4)
    template = next(d for d in catalog if d["type"] == "public-transit")
    grown = list(catalog)
    for index in range(count):
        dataset = copy.deepcopy(template)
        code = f"{random.randint(1, 95):02d}{random.randint(1, 999):03d}"
        dataset.update(
            id=f"bench{index:019d}", datagouv_id=f"bench{index:019d}", slug=f"dataset-{index}", title=f"Réseau {index}",
            covered_area=[{"insee": code, "nom": f"Commune {code}", "type": "commune"}], legal_owners=[],
            type=random.choice(["public-transit", "vehicles-sharing", "road-data", "charging-stations"]),
        )  # fmt: skip
        for resource in dataset["resources"]:
            resource["url"] = f"https://example.org/{index}/{resource['id']}"
            resource["metadata"] = {
                "networks": [f"Réseau {index}"], "modes": ["bus"], "stop_points_count": 400,
                "start_date": "2026-01-01", "end_date": "2026-12-31", "issues_count": {"MissingCoordinates": 2},
                "lines_count": 18, "lines_with_custom_color_count": 18, "has_fares": True, "has_shapes": True,
            }  # fmt: skip
            resource["features"] = ["couleurs des lignes", "tracés de lignes"]
            resource["modes"] = ["bus"]
        grown.append(dataset)
    return grown


def bench_compose(folder: str, datasets: int) -> None:
    from open_territory.plugin.compose.assemble import compose_profile
    from open_territory.plugin.compose.services import Services
    from open_territory.plugin.toolbelt.network import Transport
    from standins import DATA, StandIns

    data = os.path.join(folder, "data")
    shutil.copytree(DATA, data)
    with open(os.path.join(data, "transport", "datasets.json"), encoding="utf-8") as handle:
        catalog = json.load(handle)
    with open(os.path.join(data, "transport", "datasets.json"), "w", encoding="utf-8") as handle:
        json.dump(inflated_catalog(catalog, datasets), handle, ensure_ascii=False)
    size = os.path.getsize(os.path.join(data, "transport", "datasets.json")) / 1024 / 1024
    server = HTTPServer()
    server.start()
    StandIns(data).register(server)
    root = server.url_for("/").rstrip("/")
    services = Services.from_urls(geo=f"{root}/geo", transport=f"{root}/transport", datagouv=f"{root}/datagouv")
    transport = Transport(cache_dir=os.path.join(folder, "cache"), offline=False, retries=0)
    start = time.perf_counter()
    first = compose_profile("Rennes Métropole", services, transport=transport)
    cold = time.perf_counter() - start
    asked = len(server.log)
    start = time.perf_counter()
    again = compose_profile("Rennes Métropole", services, transport=transport)
    cached = time.perf_counter() - start
    assert len(server.log) == asked and again.profile["resources"] == first.profile["resources"]
    server.stop()
    print(
        f"Compose a métropole ({len(first.outline.communes)} communes, {first.entry_count} entries; transport "
        f"catalog of {len(catalog) + datasets:,} datasets, {size:.1f} MB): {cold:.2f} s asking the local stand-ins "
        f"({asked} requests), {cached:.2f} s from the cached catalogs (goal: under 5 s)"
    )


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 120000
    datasets = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    app = QgsApplication([], False)
    app.initQgis()
    with tempfile.TemporaryDirectory() as folder:
        bench_irve(folder, rows)
        bench_compose(folder, datasets)
    app.exitQgis()


if __name__ == "__main__":
    main()
