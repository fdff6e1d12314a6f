"""The desktop features in the real QGIS under Xvfb, in English and French, with the dock 360 px wide
(tests/desktop/guide_screenshots.sh): the council map's atlas and the layout designer, the locator's places, the
Browser's node and a drop on the map, a place as the panels' area. The screenshots land in build/screenshots/."""

import json
import os
import shutil
import subprocess

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
SCREENSHOTS = os.path.join(os.path.dirname(os.path.dirname(HERE)), "build", "screenshots")

pytestmark = [pytest.mark.desktop, pytest.mark.slow]


@pytest.mark.skipif(
    not shutil.which("xvfb-run") or not shutil.which("qgis") or not shutil.which("zip"),
    reason="needs qgis, xvfb-run and zip",
)
@pytest.mark.parametrize("locale", ["en_GB", "fr_FR"])
def test_guide_features_in_the_real_desktop(tmp_path, locale):
    subprocess.run(
        [os.path.join(HERE, "guide_screenshots.sh"), str(tmp_path), locale],
        capture_output=True,
        text=True,
        timeout=400,
        check=True,
    )
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    lang = locale[:2]
    assert report["errors"] == []
    assert report["dock_width"] == 360
    assert len(report["council_pages"]) == 3
    designer = report["designer"]
    assert designer["designers_open"] == [designer["layout"]] and designer["atlas_pages"] == 3
    assert designer["layout"] in designer["in_project"]
    assert report["browser_root"] and report["drop_accepted"] and len(report["dropped_layer"]) == 1
    assert report["place_list"][0] == "Vitré (35) — commune 35360"
    assert report["osm_area"] == "Vitré (35)" and report["osm_coverage"] == ["area_wkt"]
    assert set(report["panels_area"].values()) == {"Vitré (35)"} and len(report["panels_area"]) == 3
    expected = {
        "window",
        "territory",
        "resources",
        "register",
        "planning",
        "export",
        "council_map",
        "locator",
        "browser",
    }
    assert {name[3:-4] for name in report["shots"]} == expected
    os.makedirs(SCREENSHOTS, exist_ok=True)
    for name in report["shots"]:
        assert (tmp_path / name).stat().st_size > 5000, name
        assert name.startswith(f"{lang}_")
        shutil.copy(tmp_path / name, os.path.join(SCREENSHOTS, f"guide_{name}"))
