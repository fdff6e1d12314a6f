"""What a technician meets first, in the real QGIS desktop under Xvfb, in English and in French (tests/desktop/
dock_figures.py starts QGIS with tests/desktop/dock_probe.py): the plugin's start time through QGIS's own loader, every
tab usable in a 360 px dock, no main-thread stall over 100 ms during a demo territory load or a council map export,
the project's CRS after a load, one GeoPackage for repeated loads, one message per action. The screenshots of every tab
at 360 px land in build/screenshots/ (and in docs/screenshots/ with `dock_figures.py --screenshots docs/screenshots`).

The stalls are measured by a 20 ms timer in the main thread. On a machine busy with other work a gap between its
ticks also holds the time the main thread waited for a processor, so the threshold holds for the main thread's own
CPU time within a gap; the wall-clock gaps are printed beside it (and the same meter's gaps while QGIS is idle). The
start time likewise: the threshold holds for the CPU time QGIS's loader spends on the plugin (what QGIS's plugin
manager shows), the wall time is printed beside it.
"""

import json
import os
import shutil
import statistics

import pytest

from .dock_figures import REPO, build_package, measure, summary

SCREENSHOTS = os.path.join(REPO, "build", "screenshots")
BUDGET_MS = 100
DOCK_CHROME = 12  # pixels the dock's frame and tab bar add around a tab's page

pytestmark = [
    pytest.mark.desktop,
    pytest.mark.slow,
    pytest.mark.skipif(not shutil.which("xvfb-run") or not shutil.which("qgis"), reason="needs qgis and xvfb-run"),
]


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    return build_package(REPO, str(tmp_path_factory.mktemp("package")))


@pytest.mark.parametrize(
    "locale,title", [("en_GB", "Open Territory"), ("fr_FR", "Territoire ouvert")], ids=["en", "fr"]
)
def test_the_dock_in_the_real_desktop(package, tmp_path, locale, title):
    report = measure(package, locale, str(tmp_path), starts=2, steps="widths,load,files,export,crs", loads=3)
    print("\n".join(summary(locale, report)))
    assert report["loaded"] and not report["errors"], json.dumps(report["errors"])
    assert report["python_errors"] == "", report["python_errors"]

    later = report["start_ms"]["later_cpu"]  # the wall times are printed; the CPU time is the plugin's own work
    assert statistics.median(later) < BUDGET_MS, f"start through QGIS's loader: {report['start_ms']} ms"

    for name, tab in report["tabs"].items():
        assert tab["dock_width_at_360"] <= 360, f"{name}: the dock cannot be 360 px wide"
        assert tab["page_min"] <= 360 - DOCK_CHROME, f"{name} needs {tab['page_min']} px"

    for label in ("demo_load", "council_export"):
        figure = report[label]
        assert not figure["timed_out"], label
        assert figure["longest_busy_ms"] < BUDGET_MS, f"{label}: {figure}"

    load = report["loads"][0]["demo_load"]
    assert report["project_crs_before_load"] in ("", "EPSG:4326") and load["project_crs"] == "EPSG:2154"
    assert load["dock_width_after"] == load["dock_width_before"] == 360  # the dock does not widen itself
    kept = report["crs_kept"]
    assert kept["after"] == "EPSG:3857" and any("EPSG:3857" in m for m in kept["messages"])

    files = report["gpkg_files_after_loads"]
    assert files["count"] == 1 and files["files"][0].endswith(os.path.join("territories", "demo.gpkg")), files
    ours = [m for m in report["messages_after_loads"] if m.startswith(title + ":")]
    assert len(ours) == 1, report["messages_after_loads"]  # one message for the loads, the last one's
    assert report["export_file"] and report["export_file"] > 10000

    os.makedirs(SCREENSHOTS, exist_ok=True)
    shots = [name for name in os.listdir(tmp_path) if name.endswith(".png")]
    assert {f"tab_{key}.png" for key in ("territory", "resources", "register", "planning", "export")} <= set(shots)
    for name in shots:
        shutil.copy(tmp_path / name, os.path.join(SCREENSHOTS, f"{name[:-4]}_{locale[:2]}.png"))
