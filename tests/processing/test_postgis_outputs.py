"""Processing's loads into PostGIS: `postgres:<connection>/<schema>[/<table>]` as OUTPUT, for a single
dataset (ods_load against a local Opendatasoft portal) and for a whole territory (load_territory, the demo)."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingUtils,
    QgsProject,
)

spec = importlib.util.spec_from_file_location(
    "ods_payloads", os.path.join(os.path.dirname(__file__), "..", "plugin", "sources", "ods", "test_ods_payloads.py")
)
P = importlib.util.module_from_spec(spec)
spec.loader.exec_module(P)


def run(algorithm_id: str, parameters: dict, context: QgsProcessingContext | None = None) -> dict:
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
    results, ok = algorithm.run(parameters, context or QgsProcessingContext(), QgsProcessingFeedback())
    if not ok:
        raise QgsProcessingException(f"{algorithm_id} failed")
    return results


def serve(httpserver, dataset_id, fields, features, **meta):
    httpserver.expect_request(f"{P.API}/catalog/datasets/{dataset_id}").respond_with_json(
        P.dataset_entry(dataset_id, fields, **meta)
    )
    httpserver.expect_request(f"{P.API}/catalog/datasets/{dataset_id}/exports/geojson").respond_with_data(
        P.export_bytes(features), content_type="application/geo+json"
    )
    return httpserver.url_for("/")


def test_a_dataset_into_a_postgis_table_and_opened_from_the_output(provider, postgis, httpserver):
    schema = postgis.new_schema()
    portal = serve(httpserver, "arceaux", P.POINT_FIELDS, P.point_features(40), licence="ODbL")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    destination = f"postgres:{postgis.CONNECTION}/{schema}/arceaux_velo"
    context.addLayerToLoadOnCompletion(
        destination, QgsProcessingContext.LayerDetails("Arceaux", QgsProject.instance(), "OUTPUT")
    )
    results = run(
        "openterritory:ods_load",
        {"PORTAL": portal, "DATASET": "arceaux", "CATEGORY": 1, "OUTPUT": destination},
        context,
    )
    assert results["COUNT"] == 40
    assert results["OUTPUT"].startswith("postgres://") and "password" not in results["OUTPUT"]
    assert postgis.execute(f"SELECT count(*) AS n, min(category) AS c FROM {schema}.arceaux_velo") == [
        [40, "bicycle_parking"]
    ]
    # What the toolbox opens once the algorithm ends, and what a model's next step reads.
    assert list(context.layersToLoadOnCompletion()) == [results["OUTPUT"]]
    layer = QgsProcessingUtils.mapLayerFromString(results["OUTPUT"], context)
    assert layer is not None and layer.isValid() and layer.featureCount() == 40
    assert layer.providerType() == "postgres"


def test_a_bad_postgis_output_is_one_sentence(provider, postgis, httpserver):
    portal = serve(httpserver, "arceaux", P.POINT_FIELDS, P.point_features(3))
    with pytest.raises(QgsProcessingException):
        run("openterritory:ods_load", {"PORTAL": portal, "DATASET": "arceaux", "OUTPUT": "postgres:nobody/s/t"})


def test_the_demo_territory_into_a_schema(provider, postgis):
    schema = postgis.new_schema()
    destination = f"postgres:{postgis.CONNECTION}/{schema}"
    results = run("openterritory:load_territory", {"PROFILE": "demo", "OFFLINE": True, "OUTPUT": destination})
    assert results["OUTPUT"] == destination and results["FAILED"] == 0
    tables = {row[0] for row in postgis.execute(f"SELECT tablename FROM pg_tables WHERE schemaname = '{schema}'")}
    assert len(tables) == results["LOADED"] + 1 and {"boundary", "sources"} <= tables


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("qgis_process.bin"), reason="needs qgis_process")
def test_qgis_process_loads_the_demo_into_a_schema(postgis, tmp_path):
    """From a shell: the connection saved in the technician's QGIS, the plugin installed in it."""
    from ..qgis_process_profile import qgis_process_home

    schema = postgis.new_schema()
    env = qgis_process_home(tmp_path / "home", {"team": postgis.dsn()})
    command = ["qgis_process.bin", "--json", "run", "openterritory:load_territory", "--", "PROFILE=demo"]
    command += ["OFFLINE=true", f"OUTPUT=postgres:team/{schema}"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    results = json.loads(result.stdout[result.stdout.index("{") :])["results"]
    assert results["FAILED"] == 0 and results["OUTPUT"] == f"postgres:team/{schema}"
    assert "password" not in result.stdout + result.stderr
    styles = postgis.execute(f"SELECT count(*) AS n FROM public.layer_styles WHERE f_table_schema = '{schema}'")
    assert styles == [[results["LOADED"]]]
