"""The public transport panel in the real QGIS desktop under Xvfb, in English and French, with the dock 360 px
wide: the demo's GTFS network and its recorded GTFS-RT vehicles loaded through the panel
(tests/desktop/gtfs_panel_probe.py); screenshots land in build/screenshots/."""

import json
import os
import shutil
import subprocess

import pytest

from .test_desktop import SCREENSHOTS, install_plugin

HERE = os.path.dirname(os.path.abspath(__file__))

pytestmark = [pytest.mark.desktop, pytest.mark.slow]


@pytest.mark.skipif(not shutil.which("xvfb-run") or not shutil.which("qgis"), reason="needs qgis and xvfb-run")
@pytest.mark.parametrize(
    "locale,title,stops,vehicles",
    [
        ("en_GB", "Public transport (GTFS)", "10 stops, 5 routes (per direction)", "3 vehicles"),
        ("fr_FR", "Transport collectif (GTFS)", "10 arrêts, 5 lignes (par sens)", "3 véhicules"),
    ],
)
def test_the_public_transport_panel_in_the_desktop(tmp_path, locale, title, stops, vehicles):
    profiles = tmp_path / "qgis"
    install_plugin(str(profiles), locale)
    errors = tmp_path / "errors.log"
    env = dict(
        os.environ,
        OT_PROBE_DIR=str(tmp_path),
        OT_PROBE_ERRORS=str(errors),
        PYQGIS_STARTUP=os.path.join(HERE, "startup_probe.py"),
        QT_QPA_PLATFORM="xcb",
    )
    command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--profiles-path", str(profiles)]
    command += ["--nologo", "--noversioncheck", "--code", os.path.join(HERE, "gtfs_panel_probe.py")]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=240)
    report_path = tmp_path / "report.json"
    assert report_path.exists(), f"QGIS did not run the probe:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["errors"] == [], report["errors"]
    logged = errors.read_text(encoding="utf-8").splitlines() if errors.exists() else []
    # No Python error or warning; the plugin's own messages are the loads' results and the depot bus left out.
    assert [line for line in logged if not line.startswith("[Open Territory]")] == []
    assert len(logged) <= 6 and not [line for line in logged if "rror" in line or "rreur" in line]
    assert report["panel_title"] == title
    # The panel fits a 360 px dock: none of its rows needs more.
    # (The dock's own width is the widest tab's: the panel alone is also shown 360 px wide.)
    assert report["panel_minimum_width"] <= 360 and report["standalone_widths"] == [360, 360]
    network, live = report["steps"]
    assert [count for _name, count, _renderer in network["layers"]] in ([10, 5], [5, 10])
    assert {renderer for _name, _count, renderer in network["layers"]} == {"RuleRenderer", "singleSymbol"}
    assert stops in network["status"]
    assert live["layers"][-1][1] == 3 and vehicles in live["status"] and live["watched"] == 1
    os.makedirs(SCREENSHOTS, exist_ok=True)
    shots = ("gtfs_form_dock", "gtfs_network_dock", "gtfs_network_window", "gtfs_vehicles_dock", "gtfs_vehicles_window")
    for name in shots + ("gtfs_network_360", "gtfs_vehicles_360"):
        shutil.copy(tmp_path / f"{name}.png", os.path.join(SCREENSHOTS, f"{locale[:2]}_{name}.png"))
