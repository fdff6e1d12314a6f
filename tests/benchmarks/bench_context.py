"""Benchmark of openterritory:challenge_context.

5,000 challenges and 500,000 resources (three categories) in Lambert-93, then twice the resources:
prints both run times, their ratio (should stay near 2 or below: no all-pairs loop), and the time of
QGIS's own native:joinbynearest (nearest resource per challenge) on the same data as a reference, and
the ratio of the two (goal: at most 1.0, challenge_context doing more: per category, within the distance,
with the competent actors). Each figure is the best of REPEAT runs, the runs of both alternating, so that
other work on the machine weighs on both alike.

Run: .venv/bin/python -P tests/benchmarks/bench_context.py [n_challenges n_resources]
"""

import gc
import os
import sys
import tempfile
import time

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # tests/benchmarks, even under python -P
from importable import make_importable  # noqa: E402

make_importable()

from osgeo import gdal  # noqa: E402
from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsRectangle, QgsVectorLayer  # noqa: E402

gdal.UseExceptions()
# A GTFS network's stops among them, with their departures between 7 and 9 h: the level of service near each
# challenge is measured too (since issue 17).
CATEGORIES = ("bicycle_parking", "transit_stop", "street_lamp")
REPEAT = 3


def make_points(path, layer, n, seed, with_domain=False):
    """Random points over a 20 km square around Rennes, through a CSV and one ogr2ogr call."""
    rng = np.random.default_rng(seed)
    x = 345000 + rng.random(n) * 20000
    y = 6780000 + rng.random(n) * 20000
    csv = path + f".{layer}.csv"
    with open(csv, "w") as handle:
        if with_domain:
            handle.write("x,y,title,domain,status\n")
            domains = np.array(["velo", "transport_collectif", "voirie", "qualite_air"])[rng.integers(0, 4, n)]
            for i in range(n):
                handle.write(f"{x[i]:.1f},{y[i]:.1f},c{i},{domains[i]},identified\n")
        else:
            handle.write("x,y,category,departures_7_9\n")
            cats = np.array(CATEGORIES)[rng.integers(0, len(CATEGORIES), n)]
            departures = np.where(cats == "transit_stop", rng.integers(0, 30, n).astype(str), "")
            np.savetxt(handle, np.column_stack([x.round(1), y.round(1), cats, departures]), fmt="%s", delimiter=",")
    gdal.VectorTranslate(
        path,
        csv,
        format="GPKG",
        layerName=layer,
        accessMode="append" if os.path.exists(path) else None,
        srcSRS="EPSG:2154",
        dstSRS="EPSG:2154",
        options=[
            "-oo",
            "X_POSSIBLE_NAMES=x",
            "-oo",
            "Y_POSSIBLE_NAMES=y",
            "-oo",
            "KEEP_GEOM_COLUMNS=NO",
            "-oo",
            "AUTODETECT_TYPE=YES",
            "-lco",
            "SPATIAL_INDEX=YES",
        ],
    )
    os.remove(csv)
    return QgsVectorLayer(f"{path}|layername={layer}", layer, "ogr")


def make_actors(n: int) -> QgsVectorLayer:
    """Actors with an area of action (squares of 2 to 6 km over the territory) and competences, and a few
    competent everywhere (no area)."""
    rng = np.random.default_rng(4)
    domains = ["velo", "transport_collectif", "voirie", "qualite_air"]
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:2154&field=name:string&field=competences:string", "actors", "memory")
    features = []
    for i in range(n):
        feature = QgsFeature(layer.fields())
        feature["name"] = f"actor {i}"
        feature["competences"] = "{" + ",".join(rng.choice(domains, 2, replace=False)) + "}"
        if i % 8:
            x, y, size = 345000 + rng.random() * 16000, 6780000 + rng.random() * 16000, 2000 + rng.random() * 4000
            feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x, y, x + size, y + size)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def main():
    n_challenges = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    n_resources = int(sys.argv[2]) if len(sys.argv) > 2 else 500000
    app = QgsApplication([], False)
    app.initQgis()
    measure(n_challenges, n_resources)
    # The layers of measure() must be gone before exitQgis(): destroyed after it, they crash the
    # interpreter on its way out.
    gc.collect()
    app.exitQgis()


def measure(n_challenges: int, n_resources: int):
    from processing.core.Processing import Processing

    Processing.initialize()
    from open_territory.processing.provider import OpenTerritoryProvider

    import processing

    provider = OpenTerritoryProvider()  # kept referenced: the registry does not own Python providers
    QgsApplication.processingRegistry().addProvider(provider)
    work = tempfile.mkdtemp(prefix="bench_context_")
    data = os.path.join(work, "data.gpkg")
    challenges = make_points(data, "challenges", n_challenges, 1, with_domain=True)
    small = make_points(data, "resources", n_resources, 2)
    large = make_points(data, "resources_x2", 2 * n_resources, 3)
    actors = make_actors(40)

    def timed(resources):
        start = time.perf_counter()
        processing.run(
            "openterritory:challenge_context",
            {
                "CHALLENGES": challenges,
                "RESOURCES": [resources],
                "ACTORS": actors,
                "DISTANCE": 300,
                "OUTPUT": os.path.join(work, f"out_{resources.name()}.gpkg"),
            },
        )
        return time.perf_counter() - start

    def nearest():
        start = time.perf_counter()
        processing.run(
            "native:joinbynearest",
            {"INPUT": challenges, "INPUT_2": small, "NEIGHBORS": 1, "OUTPUT": os.path.join(work, "nearest.gpkg")},
        )
        return time.perf_counter() - start

    runs = [(timed(small), nearest(), timed(large)) for _ in range(REPEAT)]
    t1, t_native, t2 = (min(column) for column in zip(*runs))
    print(f"challenge_context, {n_challenges} challenges x {n_resources} resources: {t1:.2f} s")
    print(f"challenge_context, {n_challenges} challenges x {2 * n_resources} resources: {t2:.2f} s")
    print(f"ratio for twice the resources: {t2 / t1:.2f} (target: near 2 or below)")
    print(
        f"native:joinbynearest on the first data (nearest only, one category): {t_native:.2f} s; "
        f"challenge_context / joinbynearest = {t1 / t_native:.2f} (goal: at most 1.0)"
    )
    print(f"(best of {REPEAT} runs each)")


if __name__ == "__main__":
    main()
