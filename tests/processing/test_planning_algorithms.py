"""challenge_context and competence_matrix through Processing, as a model or qgis_process runs them."""

import pytest
from qgis.core import (
    NULL,
    QgsFeature,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsVectorLayer,
    QgsWkbTypes,
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
    challenges = memory(
        "Point?crs=EPSG:2154&field=title:string&field=domain:string&field=status:string",
        [
            ("POINT(350000 6790000)", {"title": "A", "domain": "velo", "status": "identified"}),
            ("POINT(351000 6790000)", {"title": "B", "domain": "velo", "status": "solved"}),
            ("POINT(352000 6790000)", {"title": "C", "domain": "qualite_air", "status": "in_progress"}),
        ],
    )
    resources = memory(
        "Point?crs=EPSG:2154&field=category:string",
        [
            ("POINT(350050 6790000)", {"category": "bicycle_parking"}),
            ("POINT(350000 6790400)", {"category": "cycleway"}),
        ],
    )
    actors = memory(
        "Polygon?crs=EPSG:2154&field=name:string&field=competences:string",
        [
            (None, {"name": "Club", "competences": '["velo"]'}),
        ],
    )
    return challenges, resources, actors


def test_challenge_context(provider, layers, tmp_path):
    challenges, resources, actors = layers
    out = str(tmp_path / "context.gpkg")
    results, _ = run(
        provider,
        "challenge_context",
        {"CHALLENGES": challenges, "RESOURCES": [resources], "ACTORS": actors, "DISTANCE": 100, "OUTPUT": out},
    )
    layer = QgsVectorLayer(results["OUTPUT"], "ctx", "ogr")
    rows = {f["title"]: f for f in layer.getFeatures()}
    assert rows["A"]["n_bicycle_parking"] == 1 and rows["A"]["n_cycleway"] == 0
    assert rows["A"]["nearest_cycleway_m"] == pytest.approx(400)
    assert rows["A"]["actors"] == "Club" and rows["C"]["actors"] == ""


def test_competence_matrix_with_report(provider, layers, tmp_path):
    challenges, resources, actors = layers
    report = str(tmp_path / "report.html")
    results, _ = run(
        provider,
        "competence_matrix",
        {
            "CHALLENGES": challenges,
            "RESOURCES": [resources],
            "ACTORS": actors,
            "OUTPUT": str(tmp_path / "matrix.gpkg"),
            "REPORT": report,
        },
    )
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
    zones = memory(
        "Polygon?crs=EPSG:2154&field=nom:string",
        [
            (
                "POLYGON((349500 6789500, 351500 6789500, 351500 6790500, 349500 6790500, 349500 6789500))",
                {"nom": "Ouest"},
            ),
            (
                "POLYGON((351500 6789500, 353500 6789500, 353500 6790500, 351500 6790500, 351500 6789500))",
                {"nom": "Est"},
            ),
        ],
    )
    results, _ = run(
        provider,
        "gap_layer",
        {
            "CHALLENGES": challenges,
            "RESOURCES": [resources],
            "ACTORS": actors,
            "DISTANCE": 100,
            "ZONES": zones,
            "OUTPUT": str(tmp_path / "gaps.gpkg"),
        },
    )
    by = {f["zone"]: f for f in QgsVectorLayer(results["OUTPUT"], "g", "ogr").getFeatures()}
    # A: velo, actor Club, a bicycle parking 50 m away -> served; B: solved; C: qualite_air, nobody, nothing.
    assert (by["Ouest"]["open_unserved"], by["Est"]["open_unserved"]) == (0, 1)
    assert by["Est"]["no_actor"] == 1 and by["Est"]["no_resource"] == 1
    results, _ = run(
        provider,
        "gap_layer",
        {
            "CHALLENGES": challenges,
            "RESOURCES": [resources],
            "ACTORS": actors,
            "DISTANCE": 100,
            "CELL_SIZE": 500,
            "OUTPUT": str(tmp_path / "grid.gpkg"),
        },
    )
    cells = list(QgsVectorLayer(results["OUTPUT"], "g", "ogr").getFeatures())
    assert len(cells) == 1 and cells[0]["open_unserved"] == 1
    assert cells[0].geometry().intersects(QgsGeometry.fromWkt("POINT(352000 6790000)"))


def test_challenge_context_keeps_the_registers_points_lines_and_polygons(provider, tmp_path):
    """The register's challenges table has a generic geometry column, which QGIS reports as the type of
    its first feature (a point): every challenge must come out with its own geometry."""
    import os

    from open_territory.plugin.register import create_register, import_rows
    from osgeo import ogr
    from shapely import wkt as shapely_wkt

    demo = os.path.join(
        os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
        "resources",
        "demo",
        "data",
        "register",
        "challenges.csv",
    )
    register_path = str(tmp_path / "register.gpkg")
    register = create_register(register_path)
    import_rows(register, "challenges", demo, geocode=False)
    no_location = tmp_path / "sans_lieu.csv"
    no_location.write_text("titre,domaine\nSans lieu,velo\n", encoding="utf-8")
    import_rows(register, "challenges", str(no_location), geocode=False)
    dataset = ogr.Open(register_path)
    expected = {
        f.GetField("title"): f.GetGeometryRef().ExportToWkt() if f.GetGeometryRef() else None
        for f in dataset.GetLayerByName("challenges")
    }
    dataset = None
    assert {shapely_wkt.loads(w).geom_type for w in expected.values() if w} == {"Point", "LineString", "Polygon"}
    uri = f"{register_path}|layername=challenges"
    assert QgsVectorLayer(uri, "c", "ogr").wkbType() == QgsWkbTypes.Point  # what QGIS reports

    for output in (str(tmp_path / "context.gpkg"), "TEMPORARY_OUTPUT"):
        results, _ = run(
            provider, "challenge_context", {"CHALLENGES": uri, "RESOURCES": [], "DISTANCE": 100, "OUTPUT": output}
        )
        written = ogr.Open(results["OUTPUT"].split("|")[0])
        layer = written.GetLayer(0)
        assert layer.GetGeomType() == ogr.wkbUnknown  # a generic geometry column, not a point one
        found = {f.GetField("title"): f.GetGeometryRef().ExportToWkt() if f.GetGeometryRef() else None for f in layer}
        written = None
        assert set(found) == set(expected)
        for title, wkt in expected.items():
            if wkt is None:
                assert found[title] is None
            else:
                assert shapely_wkt.loads(found[title]).equals_exact(shapely_wkt.loads(wkt), 1e-9), title


def test_challenge_context_of_points_stays_a_point_layer(provider, layers):
    challenges, resources, actors = layers
    results, context = run(
        provider,
        "challenge_context",
        {"CHALLENGES": challenges, "RESOURCES": [resources], "DISTANCE": 100, "OUTPUT": "TEMPORARY_OUTPUT"},
    )
    layer = context.getMapLayer(results["OUTPUT"])
    assert layer.wkbType() == QgsWkbTypes.Point and layer.featureCount() == 3


def test_competence_matrix_counts_related_resources_by_category(provider, tmp_path):
    from open_territory.plugin.planning.domain_categories import DOMAIN_CATEGORIES

    resources = memory(
        "Point?crs=EPSG:2154&field=category:string",
        [
            (f"POINT({350000 + i} 6790000)", {"category": category})
            for i, category in enumerate(["bicycle_parking"] * 3 + ["cycleway"] * 2 + ["bus_stop"] + ["other"])
        ],
    )
    report = str(tmp_path / "report.html")
    challenges = memory("Point?crs=EPSG:2154&field=title:string&field=domain:string", [])
    results, _ = run(
        provider,
        "competence_matrix",
        {"CHALLENGES": challenges, "RESOURCES": [resources], "OUTPUT": str(tmp_path / "matrix.gpkg"), "REPORT": report},
    )
    table = QgsVectorLayer(results["OUTPUT"], "m", "ogr")
    names = table.fields().names()
    columns = sorted(name for name in names if name.startswith("res_"))
    assert columns == sorted(f"res_{c}" for c in {c for related in DOMAIN_CATEGORIES.values() for c in related})
    assert {
        "domain",
        "label",
        "challenges_open",
        "challenges_solved",
        "actors_competent",
        "resources_related",
        "mark",
    } <= set(names)  # the columns models rely on are kept
    counts = {"bicycle_parking": 3, "cycleway": 2, "bus_stop": 1}
    rows = {f["domain"]: f for f in table.getFeatures()}
    for domain, related in DOMAIN_CATEGORIES.items():
        row = rows[domain]
        for column in columns:
            category = column[len("res_") :]
            value = row[column]
            if category in related:
                assert value == counts.get(category, 0), (domain, column)
            else:
                assert value is None or value == NULL, (domain, column)  # not related to the domain
        assert row["resources_related"] == sum(counts.get(c, 0) for c in related)
    page = open(report, encoding="utf-8").read()
    velo = page[page.index("<h2>Cycling") : page.index("</section>", page.index("<h2>Cycling"))]
    assert "<th>Bicycle parking</th><td>3</td>" in velo and "<th>Cycleways</th><td>2</td>" in velo
    assert "<th>Bike-share stations</th><td>0</td>" in velo and "Bus stops" not in velo
