"""The French CSV reader on a large cp1252 semicolon file with decimal commas, beside ogr2ogr on the same file.

Ours: csv_to_layer, what a data.gouv.fr CSV goes through (encoding and layout found, the common fields added,
the name guessed, the layer checked, put in place). GDAL's own tool: `ogr2ogr -f GPKG` on the same file with
the same open options (the coordinate columns named; every column read as text, as ours reads them), the
layer in EPSG:4326. Both write a GeoPackage with a spatial index. Prints both times, the rows per second and
the ratio (ours / ogr2ogr), in wall-clock and in CPU seconds (steadier when other jobs share the machine); each
is the best of RUNS runs.

.venv/bin/python -P tests/benchmarks/bench_tabular.py [rows]
"""

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # tests/benchmarks, even under python -P
from importable import make_importable  # noqa: E402

make_importable()

from osgeo import ogr  # noqa: E402
from qgis.core import QgsApplication  # noqa: E402

app = QgsApplication([], False)
app.initQgis()

from open_territory.plugin.formats.tabular import csv_to_layer  # noqa: E402
from open_territory.plugin.toolbelt.layer_writer import file_target  # noqa: E402

RUNS = 3
COMMON = {"category": "bicycle_parking", "source": "bench", "source_dataset": "bench", "licence": "x"}


def write_file(path: str, rows: int) -> None:
    with open(path, "w", encoding="cp1252", newline="") as out:
        out.write("id;nom;commune;latitude;longitude;capacité\r\n")
        for i in range(rows):
            out.write(
                f"{i};Arceau n°{i} rue de l'Été;Rennes;{48 + (i % 1000) / 1000:.5f}".replace(".", ",")
                + f";{-1.7 + (i % 997) / 1000:.5f}".replace(".", ",")
                + f";{i % 12}\r\n"
            )


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def ours(path: str, folder: str) -> tuple:
    dest = os.path.join(folder, "ours.gpkg")
    started, cpu = time.perf_counter(), cpu_seconds(resource.RUSAGE_SELF)
    count = csv_to_layer(path, file_target(dest, "arceaux"), COMMON, work_dir=os.path.join(folder, "work"))
    return time.perf_counter() - started, cpu_seconds(resource.RUSAGE_SELF) - cpu, count


def ogr2ogr(path: str, folder: str) -> tuple:
    dest = os.path.join(folder, "ogr2ogr.gpkg")
    command = ["ogr2ogr", "-f", "GPKG", dest, path, "-nln", "arceaux", "-a_srs", "EPSG:4326"]
    command += ["-oo", "X_POSSIBLE_NAMES=longitude", "-oo", "Y_POSSIBLE_NAMES=latitude", "-oo", "KEEP_GEOM_COLUMNS=YES"]
    started, cpu = time.perf_counter(), cpu_seconds(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True, capture_output=True)
    elapsed, cpu = time.perf_counter() - started, cpu_seconds(resource.RUSAGE_CHILDREN) - cpu
    dataset = ogr.Open(dest)
    count = dataset.GetLayer(0).GetFeatureCount()
    dataset = None
    return elapsed, cpu, count


def best(function, path: str, folder: str) -> tuple:
    """(best wall time, best CPU time, feature count) of RUNS runs."""
    results = []
    for run in range(RUNS):
        work = os.path.join(folder, f"{function.__name__}{run}")
        os.makedirs(work)
        results.append(function(path, work))
        shutil.rmtree(work, ignore_errors=True)
    return min(r[0] for r in results), min(r[1] for r in results), results[0][2]


def main(rows: int) -> None:
    folder = tempfile.mkdtemp(prefix="bench-tabular-")
    path = os.path.join(folder, "arceaux.csv")
    write_file(path, rows)
    size = os.path.getsize(path) / 1024 / 1024
    mine, mine_cpu, count = best(ours, path, folder)
    gdal_time, gdal_cpu, gdal_count = best(ogr2ogr, path, folder)
    assert count == gdal_count == rows, (count, gdal_count)
    print(f"{rows:,} rows ({size:.0f} MB, cp1252, ';', decimal commas) -> GeoPackage, best of {RUNS}:")
    print(f"  ours    {mine:.2f} s ({count / mine:,.0f} rows/s), CPU {mine_cpu:.2f} s")
    print(f"  ogr2ogr {gdal_time:.2f} s ({gdal_count / gdal_time:,.0f} rows/s), CPU {gdal_cpu:.2f} s")
    print(f"  ratio   {mine / gdal_time:.2f} (CPU {mine_cpu / gdal_cpu:.2f})")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
