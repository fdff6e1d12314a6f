"""The composer in the real QGIS desktop under Xvfb, in English and French, the dock 360 px wide: "Vitré" typed in
the Territory tab against the local stand-ins of geo.api.gouv.fr, transport.data.gouv.fr and data.gouv.fr (set as
mirrors in the plugin's settings), the suggestion chosen, the profile composed, opened and loaded
(tests/desktop/compose_probe.py). Screenshots land in build/screenshots/<lang>_compose_*.png."""

import json
import os
import shutil
import subprocess

import pytest

from ..plugin.compose.conftest import root, stand_ins  # noqa: F401 - fixtures
from .test_desktop import HERE, SCREENSHOTS, install_plugin

pytestmark = [pytest.mark.desktop, pytest.mark.slow]


def settings_for(root: str, cache: str) -> str:  # noqa: F811 - the fixture's value
    """The plugin's settings, as the options page writes them, pointing the composer and Overpass at the
    stand-ins."""
    return (
        "\n[open_territory]\n"
        f"compose_geo_api={root}/geo\n"
        f"compose_transport_api={root}/transport\n"
        f"compose_datagouv_api={root}/datagouv\n"
        f"compose_sensor_api={root}/sensors\n"
        f"overpass_server={root}/overpass/api/interpreter\n"
        f"cache_dir={cache}\n"
    )


@pytest.mark.skipif(not shutil.which("xvfb-run") or not shutil.which("qgis"), reason="needs qgis and xvfb-run")
@pytest.mark.parametrize(
    "locale,pick,words",
    [
        ("en_GB", "Vitré (35) — commune 35360", ("Compose", "Profile composed for Vitré")),
        ("fr_FR", "Vitré (35) — commune 35360", ("Composer", "Profil composé pour Vitré")),
    ],
)
def test_compose_vitre_from_the_dock_and_load_it(tmp_path, stand_ins, root, locale, pick, words):  # noqa: F811
    profiles = tmp_path / "qgis"
    install_plugin(str(profiles), locale)
    with open(profiles / "profiles" / "default" / "QGIS" / "QGIS3.ini", "a", encoding="utf-8") as handle:
        handle.write(settings_for(root, str(tmp_path / "cache")))
    errors = tmp_path / "errors.log"
    env = dict(
        os.environ,
        OT_PROBE_DIR=str(tmp_path),
        OT_PROBE_ERRORS=str(errors),
        OT_PROBE_TEXT="Vitré",
        OT_PROBE_PICK=pick,
        PYQGIS_STARTUP=os.path.join(HERE, "startup_probe.py"),
        QT_QPA_PLATFORM="xcb",
    )
    command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--profiles-path", str(profiles)]
    command += ["--nologo", "--noversioncheck", "--code", os.path.join(HERE, "compose_probe.py")]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    report_path = tmp_path / "report.json"
    assert report_path.exists(), f"QGIS did not run the probe:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["errors"] == [], (
        report,
        (tmp_path / "errors.log").read_text() if (tmp_path / "errors.log").exists() else "",
    )
    # 360 px asked; the dock cannot be narrower than its widest tab (the Territory tab fits in 360 px)
    assert report["territory_min_width"] <= 340 and report["dock_width"] <= max(380, report["dock_min_width"] + 20)
    # Typed key by key: geo.api.gouv.fr asked once the typing paused, the commune before the EPCIs that share
    # its name's start.
    assert report["suggestions"][0] == pick and "CA Vitré Communauté (35) — EPCI 200039022" in report["suggestions"]
    assert sum(1 for _m, path, _q in stand_ins.log if path == "/geo/communes" and "nom=" in _q) <= 3
    assert report["chosen"] == pick and report["busy_button"] == ("Annuler" if locale == "fr_FR" else "Cancel")
    assert report["status"].startswith(words[1])
    assert report["profile"]["name"] == "Vitré" and report["profile"]["path"].endswith("vitre_35360.json")
    assert report["failed"] == {} and report["loaded"] == sorted(report["ticked"] + ["boundary"])
    assert {"charging_station_national_file", "carpool_area_national_file"} <= set(report["loaded"])
    assert len(report["project_layers"]) == len(report["loaded"])
    python_errors = errors.read_text(encoding="utf-8") if errors.exists() else ""
    assert python_errors == "", python_errors
    os.makedirs(SCREENSHOTS, exist_ok=True)
    for stage in report["stages"]:
        for kind in ("dock", "window"):
            shutil.copy(
                tmp_path / f"{kind}_{stage}.png", os.path.join(SCREENSHOTS, f"{locale[:2]}_compose_{kind}_{stage}.png")
            )
