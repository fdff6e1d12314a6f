"""The algorithms' descriptions (processing/descriptions.py): a described algorithm shows exactly what its class
shows, QGIS runs the class itself, and a provider registered from descriptions imports none of the algorithms'
modules (which is what keeps QGIS's start cheap)."""

import json
import os
import subprocess
import sys

import open_territory
import pytest
from open_territory.processing import descriptions
from open_territory.processing.descriptions import DescribedAlgorithm, describe, read_descriptions, write_descriptions
from open_territory.processing.provider import algorithm_classes, algorithm_names
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback


def described_pairs() -> list:
    pairs = []
    for (module, class_name), cls in zip(algorithm_names(), algorithm_classes()):
        algorithm = cls()
        algorithm.initAlgorithm()
        stand_in = DescribedAlgorithm(json.loads(json.dumps(describe(algorithm, module, class_name))))
        stand_in.initAlgorithm()
        pairs.append((algorithm, stand_in))
    return pairs


def test_a_described_algorithm_shows_what_its_class_shows(qgis_app):
    pairs = described_pairs()
    assert len(pairs) == len(algorithm_names()) >= 16
    for algorithm, stand_in in pairs:
        for method in ("name", "displayName", "group", "groupId", "shortHelpString", "tags", "helpUrl"):
            assert getattr(stand_in, method)() == getattr(algorithm, method)(), (algorithm.name(), method)
        assert int(stand_in.flags()) == int(algorithm.flags()), algorithm.name()
        assert [p.toVariantMap() for p in stand_in.parameterDefinitions()] == [
            p.toVariantMap() for p in algorithm.parameterDefinitions()
        ], algorithm.name()
        assert [(o.name(), o.type(), o.description()) for o in stand_in.outputDefinitions()] == [
            (o.name(), o.type(), o.description()) for o in algorithm.outputDefinitions()
        ], algorithm.name()
        assert type(stand_in.createInstance()) is type(algorithm)


def test_descriptions_are_read_for_this_version_only(tmp_path, monkeypatch):
    monkeypatch.setattr(descriptions, "DESCRIPTIONS_DIR", str(tmp_path))
    assert read_descriptions("en") is None
    write_descriptions(str(tmp_path / "en.json"), [{"name": "x"}])
    assert read_descriptions("en") == [{"name": "x"}]
    data = json.loads((tmp_path / "en.json").read_text(encoding="utf-8"))
    (tmp_path / "en.json").write_text(json.dumps(dict(data, version="0.0.1")), encoding="utf-8")
    assert read_descriptions("en") is None  # an older package's file
    (tmp_path / "en.json").write_text("{not json", encoding="utf-8")
    assert read_descriptions("en") is None


@pytest.fixture()
def described_provider(provider, tmp_path, monkeypatch):
    """The provider registered from descriptions, as a package's is."""
    algorithms = [algorithm for algorithm, _stand_in in described_pairs()]
    monkeypatch.setattr(descriptions, "DESCRIPTIONS_DIR", str(tmp_path))
    write_descriptions(
        str(tmp_path / "en.json"),
        [describe(a, module, cls) for a, (module, cls) in zip(algorithms, algorithm_names())],
    )
    provider.refreshAlgorithms()
    yield provider
    monkeypatch.undo()
    provider.refreshAlgorithms()


def test_qgis_runs_the_algorithms_own_class(described_provider, tmp_path):
    registry = QgsApplication.processingRegistry()
    registered = registry.algorithmById("openterritory:register_export")
    assert isinstance(registered, DescribedAlgorithm)
    created = registry.createAlgorithmById("openterritory:register_export")
    assert type(created).__name__ == "RegisterExportAlgorithm"
    assert created.provider() is not None and created.provider().id() == "openterritory"
    # A caller running the registered stand-in itself gets the same run, through the algorithm's own class.
    from open_territory.plugin.register import create_register

    register = create_register(str(tmp_path / "register.gpkg"))
    results, ok = registered.run(
        {"TARGET": register.target, "FORMAT": 0, "OUTPUT": str(tmp_path / "export")},
        QgsProcessingContext(),
        QgsProcessingFeedback(),
    )
    assert ok and results["FILES"] and all(os.path.exists(path) for path in results["FILES"])


START = r"""
import json, os, sys
sys.path.insert(0, sys.argv[1])
from qgis.core import QgsApplication
app = QgsApplication([], False); app.initQgis()
from open_territory.processing import descriptions
descriptions.DESCRIPTIONS_DIR = sys.argv[2]
before = set(sys.modules)
from open_territory.processing.provider import OpenTerritoryProvider
provider = OpenTerritoryProvider()
QgsApplication.processingRegistry().addProvider(provider)
print(json.dumps({
    "algorithms": len(provider.algorithms()),
    "imported": sorted(m for m in set(sys.modules) - before if m.startswith("open_territory")),
}))
"""


def test_registering_from_descriptions_imports_no_algorithm_module(tmp_path):
    """What QGIS's start pays: the provider, its descriptions and the few toolbelt modules they need; not one
    algorithm module, source, the register, GDAL work or the network code."""
    algorithms = [algorithm for algorithm, _stand_in in described_pairs()]
    write_descriptions(
        str(tmp_path / "en.json"), [describe(a, m, c) for a, (m, c) in zip(algorithms, algorithm_names())]
    )
    parent = os.path.dirname(os.path.dirname(open_territory.__file__))  # where the tests import the package from
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-P", "-c", START, parent, str(tmp_path)], capture_output=True, text=True, env=env, check=True
    )
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["algorithms"] == len(algorithm_names())
    imported = set(report["imported"])
    assert not [m for m in imported if ".processing.algorithms" in m or ".plugin.sources" in m], imported
    allowed = {"processing", "processing.provider", "processing.descriptions"}
    allowed |= {f"plugin.toolbelt.{name}" for name in ("i18n", "metadata")} | {"plugin", "plugin.toolbelt"}
    assert imported <= {f"open_territory.{name}" for name in allowed}, imported - allowed
