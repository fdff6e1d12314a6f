"""Prints the plugin's start time the way QGIS pays it: the real QGIS desktop under Xvfb, the plugin installed from its
package in a throw-away profile, timed around QGIS's own loader (`qgis.utils.loadPlugin` and `startPlugin`, see
tests/desktop/startup_probe.py): the first start (no bytecode yet, QGIS writes it) and later starts. Beside it, the
same measure for the plugins QGIS itself ships in that start (`qgis.utils.plugin_times`: CPU time of classFactory and
initGui, what QGIS's plugin manager shows), the peers on the same machine at the same moment.

Run: .venv/bin/python tests/benchmarks/bench_load_time.py [--starts N]   (budget: 100 ms)
"""

import argparse
import os
import statistics
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "desktop"))  # tests/desktop, even under python -P
from dock_figures import REPO, build_package, install, run_qgis, start_ms  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--locale", default="en_GB")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ot-bench-") as work:
        package = build_package(REPO, os.path.join(work, "package"))
        root = os.path.join(work, "qgis")
        install(package, root, args.locale)
        reports = [run_qgis(root, os.path.join(work, f"run{i}"), "") for i in range(args.starts)]
    first, later = reports[0], reports[1:]
    print(
        f"Open Territory through QGIS's loader, first start (no bytecode): {start_ms(first):.0f} ms wall, "
        f"{start_ms(first, '_cpu'):.0f} ms CPU"
    )
    if later:
        wall = [start_ms(r) for r in later]
        cpu = [start_ms(r, "_cpu") for r in later]
        print(
            f"Open Territory through QGIS's loader, later starts ({len(later)}): "
            f"median {statistics.median(wall):.0f} ms wall (min {min(wall):.0f}, max {max(wall):.0f}), "
            f"median {statistics.median(cpu):.0f} ms CPU (budget 100 ms)"
        )
    peers = {}
    for report in later or [first]:
        for name, seconds in report.get("plugin_times", {}).items():
            peers.setdefault(name, []).append(float(seconds.rstrip("s")) * 1000)
    print("QGIS's plugin manager, CPU time of classFactory + initGui, median of the same starts:")
    for name, values in sorted(peers.items(), key=lambda item: -statistics.median(item[1])):
        print(f"    {name:<20} {statistics.median(values):6.0f} ms")


if __name__ == "__main__":
    main()
