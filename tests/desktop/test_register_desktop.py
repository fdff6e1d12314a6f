"""The register tab in the real QGIS desktop under Xvfb: a demo register listed, and "Add on map" through
the real map canvas click and the layer's real attribute form (tests/desktop/register_screenshot.py)."""

import json
import os
import shutil
import subprocess

import pytest
from pyproj import Transformer

HERE = os.path.dirname(os.path.abspath(__file__))

pytestmark = [pytest.mark.desktop, pytest.mark.slow]


@pytest.mark.skipif(
    not shutil.which("xvfb-run") or not shutil.which("qgis") or not shutil.which("zip"),
    reason="needs qgis, xvfb-run and zip",
)
def test_register_tab_adds_a_challenge_with_the_real_form(tmp_path):
    env = dict(os.environ, OT_SHOT_ADD="1")
    subprocess.run(
        [os.path.join(HERE, "register_screenshot.sh"), str(tmp_path), "en_GB"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["errors"] == []
    assert report["rows"] == 6 and report["actors"] == 6
    assert report["buttons"]["import"][0] and report["buttons"]["zoom"][0]
    assert report["tool_during"] == "PickPointTool"
    assert report["form"] == "QgsAttributeDialog"
    x, y, crs = report["click_map_point"]
    assert crs == "EPSG:2154"
    lon, lat = Transformer.from_crs(crs, "EPSG:4326", always_xy=True).transform(x, y)
    assert len(report["added"]) == 1 and report["added_status"] == ["identified"]
    added = report["added"][0]  # stored in the register's CRS, WGS 84
    assert added[0] == pytest.approx(lon, abs=1e-7) and added[1] == pytest.approx(lat, abs=1e-7)
    assert report["layer_editable_after"] is False  # saved to the register
    assert report["tool_after"] == report["tool_before"]
    assert report["listed"]
    assert (tmp_path / "qgis_window.png").stat().st_size > 10000
