"""Time the French CSV reader on a large cp1252 semicolon file with decimal commas.

.venv/bin/python tests/benchmarks/bench_tabular.py [rows]
"""

import os
import shutil
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # tests/benchmarks, even under python -P
from importable import make_importable  # noqa: E402

make_importable()

from qgis.core import QgsApplication  # noqa: E402

app = QgsApplication([], False)
app.initQgis()

from open_territory.plugin.formats.tabular import csv_to_layer  # noqa: E402
from open_territory.plugin.toolbelt.layer_writer import file_target  # noqa: E402


def main(rows: int) -> None:
    folder = tempfile.mkdtemp(prefix="bench-tabular-")
    path = os.path.join(folder, "arceaux.csv")
    with open(path, "w", encoding="cp1252", newline="") as out:
        out.write("id;nom;commune;latitude;longitude;capacité\r\n")
        for i in range(rows):
            out.write(
                f"{i};Arceau n°{i} rue de l'Été;Rennes;{48 + (i % 1000) / 1000:.5f}".replace(".", ",")
                + f";{-1.7 + (i % 997) / 1000:.5f}".replace(".", ",")
                + f";{i % 12}\r\n"
            )
    size = os.path.getsize(path) / 1024 / 1024
    start = time.perf_counter()
    count = csv_to_layer(
        path,
        file_target(os.path.join(folder, "out.gpkg"), "arceaux"),
        {"category": "bicycle_parking", "source": "bench", "source_dataset": "bench", "licence": "x"},
        work_dir=os.path.join(folder, "work"),
    )
    elapsed = time.perf_counter() - start
    print(f"{count} rows ({size:.0f} MB cp1252) -> GeoPackage in {elapsed:.1f} s ({count / elapsed:,.0f} rows/s)")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
