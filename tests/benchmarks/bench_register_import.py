"""Benchmark of the register import and export.

A French association file of N challenges (cp1252, `;`, decimal commas, lat/lon, French values), one row in
EVERY located from its address through a local stand-in for the Base Adresse Nationale (ban_standin.py:
/search/ and the /search/csv/ batch endpoint, answering like the real service and throttling like it at
RATE requests a second, 0 for none), each address distinct, imported twice: prints the time and rows per
second into a GeoPackage (and into PostGIS when the test database of scripts/start_postgis.sh answers), the
geocoder's lookups, cache hits and the requests the stand-in received, and the CSV/GeoJSON export times.

Run: .venv/bin/python -P tests/benchmarks/bench_register_import.py [n_rows] [every] [rate]
     (defaults 20000 10 50: 2,000 addresses; `20000 1` locates all 20,000 from their address)
"""

import os
import sys
import tempfile
import time
import uuid

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # tests/benchmarks, even under python -P
from ban_standin import BanStandIn  # noqa: E402
from importable import REPO, make_importable  # noqa: E402

make_importable()

from osgeo import gdal  # noqa: E402
from qgis.core import QgsApplication, QgsDataSourceUri, QgsProviderRegistry, QgsSettings  # noqa: E402
from qgis.PyQt.QtCore import QCoreApplication, QSettings  # noqa: E402

DOMAINS = ("Vélo", "voirie", "Stationnement", "Sécurité routière", "transport_collectif", "Qualité de l'air")


def write_file(path, n, every):
    with open(path, "w", encoding="cp1252", newline="") as handle:
        handle.write("Titre;Domaine;Statut;Priorité;Latitude;Longitude;Adresse;Commune\r\n")
        for i in range(n):
            if i % every == 0:
                handle.write(f"Enjeu {i};{DOMAINS[i % 6]};en cours;{1 + i % 3};;;{i} rue de la Gare;Démo\r\n")
            else:
                lat, lon = f"{47.8 + i * 1e-6:.6f}".replace(".", ","), f"{-1.6 - i * 1e-6:.6f}".replace(".", ",")
                handle.write(f"Enjeu {i};{DOMAINS[i % 6]};;;{lat};{lon};;\r\n")


def run(target, path, url, n, work):
    from open_territory.plugin.register import create_register, export_register, import_rows, open_register

    register = create_register(target)
    started = time.perf_counter()
    first = import_rows(register, "challenges", path, geocoder_url=url)
    first_time = time.perf_counter() - started
    # Second run into an emptied register: every address comes from the transport's cache.
    with register.open_dataset() as dataset:
        dataset.ExecuteSQL(f"DELETE FROM {register.dialect.qualify('challenges')}")
    started = time.perf_counter()
    second = import_rows(register, "challenges", path, geocoder_url=url)
    second_time = time.perf_counter() - started
    assert first.imported == second.imported == n, (first.summary(), first.lines()[:5])
    times = {}
    for fmt in ("csv", "geojson"):
        started = time.perf_counter()
        export_register(open_register(target), os.path.join(work, fmt + uuid.uuid4().hex[:6]), fmt)
        times[fmt] = time.perf_counter() - started
    return first, first_time, second, second_time, times


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    every = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    rate = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    work = tempfile.mkdtemp(prefix="ot-bench-register-")
    # Settings of its own (as pytest-qgis does): the saved connection never reaches the user's QGIS profile.
    QCoreApplication.setOrganizationName(QgsApplication.QGIS_ORGANIZATION_NAME)
    QCoreApplication.setOrganizationDomain(QgsApplication.QGIS_ORGANIZATION_DOMAIN)
    QCoreApplication.setApplicationName(QgsApplication.QGIS_APPLICATION_NAME)
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, os.path.join(work, "profiles", "default"))
    app = QgsApplication([], False, work)
    app.initQgis()
    assert QgsSettings().fileName().startswith(work), QgsSettings().fileName()
    from open_territory.plugin.toolbelt.settings import PluginSettings, save_settings

    standin = BanStandIn(rate_limit=rate)
    url = standin.url
    path = os.path.join(work, "enjeux.csv")
    write_file(path, n, every)
    targets = [("GeoPackage", os.path.join(work, "register.gpkg"))]
    dsn_file = os.path.join(REPO, "build", "postgis", "dsn")
    if os.path.exists(dsn_file):
        with open(dsn_file) as handle:
            dsn = handle.read().strip()
        try:
            gdal.OpenEx("PG:" + dsn + " connect_timeout=3", gdal.OF_VECTOR)
            metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
            metadata.saveConnection(
                metadata.createConnection(
                    QgsDataSourceUri(dsn).uri(False), {"saveUsername": True, "savePassword": True}
                ),
                "bench",
            )
            targets.append(("PostGIS", "postgres:bench/ot_bench_" + uuid.uuid4().hex[:8]))
        except RuntimeError:
            pass
    located = len(range(0, n, every))
    limit = f"{rate} requests/s" if rate else "no rate limit"
    print(f"register import of {n} challenges ({located} located from their address), cp1252 ';' file; BAN {limit}")
    for label, target in targets:
        save_settings(PluginSettings(cache_dir=os.path.join(work, "cache-" + label)))  # each starts cold
        asked = (standin.searches, standin.batches, standin.throttled)
        first, t1, second, t2, exports = run(target, path, url, n, work)
        searches, batches, throttled = (
            a - b for a, b in zip((standin.searches, standin.batches, standin.throttled), asked)
        )
        print(
            f"  {label}: first run {t1:.2f} s ({n / t1:,.0f} rows/s; {first.geocoder_requests} addresses looked up, "
            f"{first.geocoder_cache_hits} from the cache); second run {t2:.2f} s ({n / t2:,.0f} rows/s, "
            f"{second.geocoder_cache_hits}/{second.geocoder_requests} from the cache); the BAN got {searches} "
            f"single and {batches} batch requests ({throttled} answered 429); "
            f"export csv {exports['csv']:.2f} s, geojson {exports['geojson']:.2f} s"
        )
        if target.startswith("postgres:"):
            from open_territory.plugin.register.store import open_dataset

            dataset = open_dataset("postgres", "bench")
            dataset.ExecuteSQL(f'DROP SCHEMA "{target.rsplit("/", 1)[1]}" CASCADE')
            dataset = None
    standin.close()
    app.exitQgis()


if __name__ == "__main__":
    main()
