"""challenge_context and competence_matrix through Processing, as a model or qgis_process runs them."""

import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsVectorLayer,
)


def memory(uri, rows):
    layer = QgsVectorLayer(uri, "t", "memory")
    feats = []
    for wkt, attrs in rows:
        f = QgsFeature(layer.fields())
        if wkt:
            f.setGeometry(QgsGeometry.fromWkt(wkt))
        for k, v in attrs.items():
            f[k] = v
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def run(provider, name, params):
    algorithm = provider.algorithm(name).create()
    context = QgsProcessingContext()
    feedback = QgsProcessingFeedback()
    ok_params, message = algorithm.checkParameterValues(params, context)
    assert ok_params, message
    results, ok = algorithm.run(params, context, feedback)
    assert ok
    return results, context


@pytest.fixture()
def layers():
    challenges = memory("Point?crs=EPSG:2154&field=title:string&field=domain:string&field=status:string", [
        ("POINT(350000 6790000)", {"title": "A", "domain": "velo", "status": "identified"}),
        ("POINT(351000 6790000)", {"title": "B", "domain": "velo", "status": "solved"}),
        ("POINT(352000 6790000)", {"title": "C", "domain": "qualite_air", "status": "in_progress"}),
    ])
    resources = memory("Point?crs=EPSG:2154&field=category:string", [
        ("POINT(350050 6790000)", {"category": "bicycle_parking"}),
        ("POINT(350000 6790400)", {"category": "cycleway"}),
    ])
    actors = memory("Polygon?crs=EPSG:2154&field=name:string&field=competences:string", [
        (None, {"name": "Club", "competences": '["velo"]'}),
    ])
    return challenges, resources, actors


def test_challenge_context(provider, layers, tmp_path):
    challenges, resources, actors = layers
    out = str(tmp_path / "context.gpkg")
    results, _ = run(provider, "challenge_context", {
        "CHALLENGES": challenges, "RESOURCES": [resources], "ACTORS": actors, "DISTANCE": 100, "OUTPUT": out})
    layer = QgsVectorLayer(results["OUTPUT"], "ctx", "ogr")
    rows = {f["title"]: f for f in layer.getFeatures()}
    assert rows["A"]["n_bicycle_parking"] == 1 and rows["A"]["n_cycleway"] == 0
    assert rows["A"]["nearest_cycleway_m"] == pytest.approx(400)
    assert rows["A"]["actors"] == "Club" and rows["C"]["actors"] == ""


def test_competence_matrix_with_report(provider, layers, tmp_path):
    challenges, resources, actors = layers
    report = str(tmp_path / "report.html")
    results, _ = run(provider, "competence_matrix", {
        "CHALLENGES": challenges, "RESOURCES": [resources], "ACTORS": actors,
        "OUTPUT": str(tmp_path / "matrix.gpkg"), "REPORT": report})
    table = QgsVectorLayer(results["OUTPUT"], "m", "ogr")
    rows = {f["domain"]: f for f in table.getFeatures()}
    assert len(rows) == 11
    assert (rows["velo"]["challenges_open"], rows["velo"]["challenges_solved"]) == (1, 1)
    assert rows["velo"]["actors_competent"] == 1 and rows["velo"]["resources_related"] == 2
    assert rows["velo"]["mark"] == "strong"
    assert rows["qualite_air"]["mark"] == "weak"  # an open challenge, nobody competent
    assert rows["logistique"]["mark"] == "balanced"
    page = open(report, encoding="utf-8").read()
    assert page.count("<svg") == 11 and "Cycling" in page and "@media print" in page


def test_gap_layer_by_zone_and_grid(provider, layers, tmp_path):
    challenges, resources, actors = layers
    zones = memory("Polygon?crs=EPSG:2154&field=nom:string", [
        ("POLYGON((349500 6789500, 351500 6789500, 351500 6790500, 349500 6790500, 349500 6789500))", {"nom": "Ouest"}),
        ("POLYGON((351500 6789500, 353500 6789500, 353500 6790500, 351500 6790500, 351500 6789500))", {"nom": "Est"}),
    ])
    results, _ = run(provider, "gap_layer", {
        "CHALLENGES": challenges, "RESOURCES": [resources], "ACTORS": actors, "DISTANCE": 100, "ZONES": zones,
        "OUTPUT": str(tmp_path / "gaps.gpkg")})
    by = {f["zone"]: f for f in QgsVectorLayer(results["OUTPUT"], "g", "ogr").getFeatures()}
    # A: velo, actor Club, a bicycle parking 50 m away -> served; B: solved; C: qualite_air, nobody, nothing.
    assert (by["Ouest"]["open_unserved"], by["Est"]["open_unserved"]) == (0, 1)
    assert by["Est"]["no_actor"] == 1 and by["Est"]["no_resource"] == 1
    results, _ = run(provider, "gap_layer", {
        "CHALLENGES": challenges, "RESOURCES": [resources], "ACTORS": actors, "DISTANCE": 100, "CELL_SIZE": 500,
        "OUTPUT": str(tmp_path / "grid.gpkg")})
    cells = list(QgsVectorLayer(results["OUTPUT"], "g", "ogr").getFeatures())
    assert len(cells) == 1 and cells[0]["open_unserved"] == 1
    assert cells[0].geometry().intersects(QgsGeometry.fromWkt("POINT(352000 6790000)"))
