"""The overlays as the dock gets them: layers of the right kind holding every row of the core's result."""

import os

from open_territory.plugin.planning.overlays import context_overlay, gap_overlay, matrix_overlay, overlay_layer
from open_territory.plugin.register import create_register, import_rows
from osgeo import ogr
from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer, QgsWkbTypes

DEMO = os.path.join(os.path.dirname(__file__), "..", "..", "..", "resources", "demo", "data", "register")


def points(rows, fields="field=title:string&field=domain:string&field=status:string"):
    layer = QgsVectorLayer(f"Point?crs=EPSG:2154&{fields}", "points", "memory")
    features = []
    for wkt, attributes in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        for name, value in attributes.items():
            feature[name] = value
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_points_give_a_memory_point_layer(qgis_new_project):
    challenges = points([("POINT(350000 6790000)", {"title": "A", "domain": "velo", "status": "identified"})])
    resources = points([("POINT(350030 6790040)", {"category": "bicycle_parking"})], "field=category:string")
    layer = overlay_layer(context_overlay(challenges, [resources], None, 100), "Challenge context")
    assert layer.providerType() == "memory" and layer.wkbType() == QgsWkbTypes.Point
    assert layer.name() == "Challenge context" and layer.crs().authid() == "EPSG:2154"
    (feature,) = layer.getFeatures()
    assert feature["n_bicycle_parking"] == 1 and feature["nearest_bicycle_parking_m"] == 50.0


def test_mixed_register_challenges_give_a_geopackage_with_every_geometry(tmp_path, qgis_new_project):
    path = str(tmp_path / "register.gpkg")
    import_rows(create_register(path), "challenges", os.path.join(DEMO, "challenges.csv"), geocode=False)
    challenges = QgsVectorLayer(f"{path}|layername=challenges", "challenges", "ogr")
    overlay = context_overlay(challenges, [], None, 100)
    assert overlay.wkb_type == QgsWkbTypes.Unknown
    layer = overlay_layer(overlay, "Challenge context")
    assert layer.isValid() and layer.providerType() == "ogr" and layer.featureCount() == 6
    dataset = ogr.Open(layer.source().split("|")[0])
    written = {ogr.GT_Flatten(f.GetGeometryRef().GetGeometryType()) for f in dataset.GetLayer(0) if f.GetGeometryRef()}
    dataset = None
    assert written == {ogr.wkbPoint, ogr.wkbLineString, ogr.wkbPolygon}


def test_matrix_and_gaps_layers(qgis_new_project):
    challenges = points([("POINT(350000 6790000)", {"title": "A", "domain": "velo", "status": "identified"})])
    matrix = overlay_layer(matrix_overlay(challenges, [], None), "Competence matrix")
    assert matrix.wkbType() == QgsWkbTypes.NoGeometry and matrix.featureCount() == 11
    assert "<svg" in matrix_overlay(challenges, [], None).report
    gaps = overlay_layer(gap_overlay(challenges, [], None, 100, cell_size=500), "Gaps")
    (cell,) = gaps.getFeatures()
    assert gaps.wkbType() == QgsWkbTypes.MultiPolygon and cell["open_unserved"] == 1
    assert cell.geometry().intersects(QgsGeometry.fromWkt("POINT(350000 6790000)"))  # the grid starts there
