"""openterritory:compose_profile through Processing and through qgis_process, against the local stand-ins."""

import json
import os
import shutil
import sqlite3
import subprocess

import pytest
from open_territory.plugin.profiles.profile import validate_data
from open_territory.plugin.sources import registry
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

from ..plugin.compose.conftest import root, stand_ins  # noqa: F401 - fixtures

GTFS_LOADS = "gtfs" in registry.SOURCES
VITRE_ENTRIES = 20 + (3 if GTFS_LOADS else 0)  # the network's stops and routes, and its vehicles
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Feedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.errors, self.warnings = [], []

    def reportError(self, error, fatalError=False):  # noqa: N802, N803
        self.errors.append(error)

    def pushWarning(self, warning):  # noqa: N802
        self.warnings.append(warning)


def run(parameters, feedback=None):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("openterritory:compose_profile")
    assert algorithm is not None
    feedback = feedback or Feedback()
    results, ok = algorithm.run(parameters, QgsProcessingContext(), feedback)
    if not ok:
        raise QgsProcessingException("\n".join(feedback.errors))
    return results


def apis(root):  # noqa: F811 - the fixture's value
    """Every service on the stand-ins: nothing goes beyond 127.0.0.1, the loads included."""
    return {
        "GEO_API": f"{root}/geo",
        "TRANSPORT_API": f"{root}/transport",
        "DATAGOUV_API": f"{root}/datagouv",
        "OVERPASS_API": f"{root}/overpass/api/interpreter",
        "SENSOR_API": f"{root}/sensors",
    }


def test_compose_vitre_and_load_it(provider, stand_ins, root, tmp_path):  # noqa: F811
    output = str(tmp_path / "vitre.json")
    results = run(dict(apis(root), TERRITORY="Vitré", OUTPUT=output, LOAD=True))
    profile = json.load(open(output, encoding="utf-8"))
    assert profile["id"] == "vitre_35360" and validate_data(profile) == []
    assert results["OUTPUT"] == output and results["ENTRIES"] == VITRE_ENTRIES
    # GTFS entries are said in the notes while the plugin has no GTFS source
    assert results["NOTES"].count("no source 'gtfs'") == (0 if GTFS_LOADS else 3)
    assert results["LOAD_OUTPUT"] == str(tmp_path / "vitre.gpkg")
    with sqlite3.connect(results["LOAD_OUTPUT"]) as db:
        status = dict(db.execute("SELECT layer, status FROM sources"))
    assert (
        status["boundary"] == status["charging_station_national_file"] == status["road_accident_national_file"] == "ok"
    )
    assert results["LOADED"] == sum(1 for s in status.values() if s == "ok") >= 18


def test_compose_only(provider, stand_ins, root, tmp_path):  # noqa: F811
    results = run(dict(apis(root), TERRITORY="200039022", OUTPUT=str(tmp_path / "vc")))
    assert results["OUTPUT"] == str(tmp_path / "vc.json") and results["LOADED"] == 0
    assert not (tmp_path / "vc.gpkg").exists()
    assert "no organisation" not in results["SUMMARY"]


def test_an_ambiguous_name_fails_listing_the_candidates_with_their_codes(provider, stand_ins, root, tmp_path):  # noqa: F811
    with pytest.raises(QgsProcessingException) as caught:
        run(dict(apis(root), TERRITORY="Saint-Denis", OUTPUT=str(tmp_path / "sd.json")))
    message = str(caught.value)
    for line in (
        "Saint-Denis (974) — commune 97411",
        "Saint-Denis (93) — commune 93066",
        "Saint-Denis (11) — commune 11339",
    ):
        assert line in message
    assert not (tmp_path / "sd.json").exists()


def test_an_unknown_name_gets_the_closest(provider, stand_ins, root, tmp_path):  # noqa: F811
    with pytest.raises(QgsProcessingException) as caught:
        run(dict(apis(root), TERRITORY="Ajacio", OUTPUT=str(tmp_path / "a.json")))
    assert "Ajaccio (2A) — commune 2A004" in str(caught.value)


def test_a_base_url_that_is_none(provider, tmp_path):
    with pytest.raises(QgsProcessingException) as caught:
        run({"TERRITORY": "Vitré", "OUTPUT": str(tmp_path / "v.json"), "GEO_API": "geo.api.gouv.fr"})
    assert "GEO_API" in str(caught.value)


def test_a_catalog_down_is_a_warning_and_a_note(provider, stand_ins, root, tmp_path):  # noqa: F811
    stand_ins.down.add("/transport/")
    feedback = Feedback()
    results = run(dict(apis(root), TERRITORY="Vitré", OUTPUT=str(tmp_path / "v.json")), feedback)
    assert any(w.startswith("transport.data.gouv.fr: ") for w in feedback.warnings)
    assert "transport.data.gouv.fr: " in results["NOTES"]


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("qgis_process.bin"), reason="needs qgis_process")
def test_qgis_process(stand_ins, root, tmp_path):  # noqa: F811
    """The same from a shell: the plugin installed in a fresh QGIS profile, the APIs on the stand-ins."""
    plugins = tmp_path / "home" / ".local" / "share" / "QGIS" / "QGIS3" / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    os.symlink(REPO, plugins / "open_territory")
    settings = plugins.parent.parent / "QGIS"
    settings.mkdir()
    (settings / "QGIS3.ini").write_text("[PythonPlugins]\nopen_territory=true\n", encoding="utf-8")
    env = dict(os.environ, HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    env["XDG_DATA_HOME"] = str(tmp_path / "home" / ".local" / "share")
    env.pop("QGIS_CUSTOM_CONFIG_PATH", None)
    output = tmp_path / "vitre.json"
    command = ["qgis_process.bin", "--json", "run", "openterritory:compose_profile", "--", "TERRITORY=Vitré"]
    command += [f"OUTPUT={output}", "LOAD=true"] + [f"{k}={v}" for k, v in apis(root).items()]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    results = json.loads(result.stdout[result.stdout.index("{") :])["results"]
    assert results["OUTPUT"] == str(output) and results["ENTRIES"] == VITRE_ENTRIES
    assert json.load(open(output, encoding="utf-8"))["boundary"]["communes"] == ["35360"]
    with sqlite3.connect(results["LOAD_OUTPUT"]) as db:
        status = dict(db.execute("SELECT layer, status FROM sources"))
    assert status["boundary"] == status["traffic_signals_overpass"] == status["carpool_area_national_file"] == "ok"
    assert {value for value in status.values()} == {"ok", "skipped"}  # skipped: the entries to tick
    assert results["LOADED"] == sum(1 for value in status.values() if value == "ok") >= 18
