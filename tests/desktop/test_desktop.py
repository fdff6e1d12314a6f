"""Starts the real QGIS desktop under Xvfb with the plugin installed in a temporary profile."""

import functools
import json
import os
import shutil
import subprocess
import zipfile

import pytest
from open_territory.plugin.toolbelt.metadata import PLUGIN_DIR

from .dock_figures import install

HERE = os.path.dirname(os.path.abspath(__file__))
SCREENSHOTS = os.path.join(PLUGIN_DIR, "build", "screenshots")

pytestmark = [pytest.mark.desktop, pytest.mark.slow]


@functools.lru_cache(maxsize=1)
def package():
    subprocess.run(["make", "-s", "package"], cwd=PLUGIN_DIR, check=True, capture_output=True)
    return os.path.join(PLUGIN_DIR, "build", "open_territory.zip")


def test_package_layout():
    with zipfile.ZipFile(package()) as archive:
        names = archive.namelist()
    assert all(name.startswith("open_territory/") for name in names)
    for required in (
        "metadata.txt",
        "__init__.py",
        "LICENSE",
        "main.py",
        "processing/provider.py",
        "i18n/open_territory_fr.qm",
        "resources/icons/open_territory.svg",
    ):
        assert f"open_territory/{required}" in names, required
    assert not [n for n in names if "/tests/" in n or n.endswith((".ts", ".pyc")) or "__pycache__" in n]


def install_plugin(root, locale):
    """`qgis --profiles-path ROOT` reads its profiles from ROOT/profiles/<name>; installed from the package, as
    "Install from ZIP" does: what the zip lacks fails here."""
    install(package(), root, locale)


@pytest.mark.skipif(not shutil.which("xvfb-run") or not shutil.which("qgis"), reason="needs qgis and xvfb-run")
@pytest.mark.parametrize("locale,first_tab", [("en_GB", "Territory"), ("fr_FR", "Territoire")])
def test_desktop_loads_plugin_without_python_errors(tmp_path, locale, first_tab):
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
    result = subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1600x1000x24",
            "qgis",
            "--profiles-path",
            str(profiles),
            "--nologo",
            "--noversioncheck",
            "--code",
            os.path.join(HERE, "desktop_probe.py"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    report_path = tmp_path / "report.json"
    assert report_path.exists(), f"QGIS did not run the probe:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    report = json.loads(report_path.read_text())
    assert report["loaded"], json.dumps(report)
    assert "openterritory" in report["providers"]
    assert not report["dock_built_at_start"] and report["dock_visible"]
    assert report["tabs"][0] == first_tab
    python_errors = errors.read_text() if errors.exists() else ""
    assert python_errors == "", python_errors
    os.makedirs(SCREENSHOTS, exist_ok=True)
    for name in ("dock.png", "qgis_window.png"):
        shutil.copy(tmp_path / name, os.path.join(SCREENSHOTS, f"{locale[:2]}_{name}"))


@pytest.mark.skipif(not shutil.which("qgis_process.bin"), reason="needs qgis_process")
def test_qgis_process_sees_the_provider(tmp_path):
    """Batch users call the algorithms from qgis_process, which reads the default profile of $HOME."""
    import importlib

    from open_territory.processing.provider import algorithm_names

    install_plugin(str(tmp_path / ".local" / "share" / "QGIS" / "QGIS3"), "en_GB")
    env = dict(
        os.environ, HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / ".local" / "share")
    )
    env.pop("QGIS_CUSTOM_CONFIG_PATH", None)
    result = subprocess.run(["qgis_process.bin", "list"], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    listed = {line.split()[0] for line in result.stdout.splitlines() if line.strip().startswith("openterritory:")}
    expected = {
        "openterritory:"
        + getattr(importlib.import_module(f"open_territory.processing.algorithms.{module}"), cls)().name()
        for module, cls in algorithm_names()
    }
    assert expected <= listed, result.stdout[-2000:]
    assert "Open Territory" in result.stdout
