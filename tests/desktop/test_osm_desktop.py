"""The OpenStreetMap panel in the real QGIS desktop under Xvfb, in a 360 px dock, in English and French: the
demo's bicycle parking loaded as polygons and its cycleways from a local Overpass stand-in, then an own query
typed, shown with its Overpass Turbo link (tests/desktop/osm_screenshot.py)."""

import json
import os
import shutil
import subprocess

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))

pytestmark = [pytest.mark.desktop, pytest.mark.slow]


@pytest.mark.skipif(
    not shutil.which("xvfb-run") or not shutil.which("qgis") or not shutil.which("zip"),
    reason="needs qgis, xvfb-run and zip",
)
@pytest.mark.parametrize("locale, parking", [("en_GB", "OSM Bicycle parking"), ("fr_FR", "OSM Stationnement vélo")])
def test_osm_panel_polygons_and_own_query(tmp_path, locale, parking):
    subprocess.run(
        [os.path.join(HERE, "register_screenshot.sh"), str(tmp_path), locale, os.path.join(HERE, "osm_screenshot.py")],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["errors"] == []
    assert report["dock_width"] == 360
    # The closed way and the multipolygon of the map's extent as areas (2 = QgsWkbTypes.PolygonGeometry); the
    # parks mapped as nodes are said, not dropped in silence.
    assert report["layers"][parking] == [2, 2]
    assert len(report["layers"]) == 2 and [3, 1] in report["layers"].values()
    assert "2" in report["status"] and "OpenStreetMap" in report["status"]
    assert 'way["amenity"="bicycle_parking"]["covered"="yes"]' in report["query"]
    assert "https://overpass-turbo.eu/?Q=" in report["turbo"]
    assert (tmp_path / "dock.png").stat().st_size > 10000
