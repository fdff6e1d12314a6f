"""What issue 14's content checks show a user, in the real QGIS desktop under Xvfb, in English and French, with the
dock at 360 px (tests/desktop/content_screenshot.py): a data.gouv.fr CSV with swapped coordinates and an impossible
row, loaded from the dock, says both; 120 addresses imported through the dock are located by one batch request and
the report window lists the two left out. Screenshots land in build/screenshots/<language>_content_*.png."""

import json
import os
import shutil
import subprocess

import pytest
from open_territory.plugin.toolbelt.metadata import PLUGIN_DIR

from .test_desktop import SCREENSHOTS, install_plugin

HERE = os.path.dirname(os.path.abspath(__file__))

pytestmark = [pytest.mark.desktop, pytest.mark.slow]
WORDS = {
    "en_GB": ("swapped", "impossible coordinates", "impossible coordinates", "Address not found"),
    "fr_FR": ("inversées", "coordonnées impossibles", "coordonnées impossibles", "Adresse introuvable"),
}


@pytest.mark.skipif(not shutil.which("xvfb-run") or not shutil.which("qgis"), reason="needs qgis and xvfb-run")
@pytest.mark.parametrize("locale", ["en_GB", "fr_FR"])
def test_content_warnings_and_the_batch_import_in_the_dock(tmp_path, locale):
    profiles = tmp_path / "qgis"
    install_plugin(str(profiles), locale)
    env = dict(os.environ, OT_SHOT_DIR=str(tmp_path), OT_REPO=PLUGIN_DIR, QT_QPA_PLATFORM="xcb")
    command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--profiles-path", str(profiles)]
    command += ["--nologo", "--noversioncheck", "--code", os.path.join(HERE, "content_screenshot.py")]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    report_path = tmp_path / "report.json"
    assert report_path.exists(), f"QGIS did not run the script:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["errors"] == [], report["errors"]
    swapped, refused, reason_far, reason_lost = WORDS[locale]
    said = " ".join(report["messages"])
    assert swapped in said and refused in said, report["messages"]
    imported = report["import"]
    assert (imported["imported"], imported["geocoded"], imported["batches"], imported["searches"]) == (120, 120, 1, 0)
    assert reason_far in imported["failed"][0] and reason_lost in imported["failed"][1]
    assert imported["rows_shown"] == 2
    os.makedirs(SCREENSHOTS, exist_ok=True)
    for name in ("load_window.png", "load_dock.png", "import_report.png", "import_dock.png"):
        shutil.copy(tmp_path / name, os.path.join(SCREENSHOTS, f"{locale[:2]}_content_{name}"))
