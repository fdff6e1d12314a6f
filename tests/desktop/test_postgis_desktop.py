"""The demo loaded into PostGIS from the dock of the real QGIS desktop under Xvfb, in English and French, the dock
360 px wide (tests/desktop/postgis_probe.py); screenshots in build/screenshots/postgis_<language>_*.png."""

import json
import os
import shutil
import subprocess

import pytest
from qgis.core import QgsDataSourceUri

from .test_desktop import HERE, SCREENSHOTS, install_plugin

pytestmark = [pytest.mark.desktop, pytest.mark.slow]


def save_connection(profiles: str, name: str, dsn: str) -> None:
    """The team's connection in the profile's settings, as QGIS's Browser saves it."""
    uri = QgsDataSourceUri(dsn)
    lines = ["", "[PostgreSQL]"]
    for key, value in (
        ("host", uri.host()),
        ("port", uri.port() or "5432"),
        ("database", uri.database()),
        ("username", uri.username()),
        ("password", uri.password()),
        ("saveUsername", "true"),
        ("savePassword", "true"),
    ):
        lines.append(f"connections\\{name}\\{key}={value}")
    with open(os.path.join(profiles, "profiles", "default", "QGIS", "QGIS3.ini"), "a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


@pytest.mark.skipif(not shutil.which("xvfb-run") or not shutil.which("qgis"), reason="needs qgis and xvfb-run")
@pytest.mark.parametrize("locale", ["en_GB", "fr_FR"])
def test_the_demo_into_postgis_from_the_dock(tmp_path, locale, postgis):
    profiles = tmp_path / "qgis"
    install_plugin(str(profiles), locale)
    save_connection(str(profiles), "equipe", postgis.dsn())
    schema = postgis.new_schema("ot_desktop_")
    env = dict(
        os.environ,
        OT_SHOT_DIR=str(tmp_path),
        OT_PG_CONNECTION="equipe",
        OT_PG_SCHEMA=schema,
        OT_PROBE_ERRORS=str(tmp_path / "errors.log"),
        PYQGIS_STARTUP=os.path.join(HERE, "startup_probe.py"),
        QT_QPA_PLATFORM="xcb",
    )
    command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--profiles-path", str(profiles)]
    command += ["--nologo", "--noversioncheck", "--code", os.path.join(HERE, "postgis_probe.py")]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=240)
    report_path = tmp_path / "report.json"
    assert report_path.exists(), f"QGIS did not run the probe:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["errors"] == [], report["errors"]
    assert report["destination"] == f"postgres:equipe/{schema}"
    assert report["loaded"] and report["failed"] == []
    assert len(report["layers"]) == len(report["loaded"])
    for name, provider, valid, count, password in report["layers"]:
        assert provider == "postgres" and valid and count > 0 and not password, name
    log = (tmp_path / "errors.log").read_text() if (tmp_path / "errors.log").exists() else ""
    python_errors = [line for line in log.splitlines() if line.startswith("[Python")]
    assert python_errors == [], python_errors
    # The dock is as narrow as its widest tab lets it (the desktop stream's concern); the destination widget
    # itself needs less than 360 px.
    assert report["destination_minimum_width"] <= 360
    tables = postgis.execute(f"SELECT count(*) AS n FROM pg_tables WHERE schemaname = '{schema}'")
    assert tables == [[len(report["loaded"]) + 1]]
    os.makedirs(SCREENSHOTS, exist_ok=True)
    for name in ("dock.png", "qgis_window.png"):
        shutil.copy(tmp_path / name, os.path.join(SCREENSHOTS, f"postgis_{locale[:2]}_{name}"))
