"""The planning section runs challenge_context in a background task and adds the result."""

import time

import pytest
from open_territory.processing.provider import OpenTerritoryProvider
from open_territory.ui.planning_section import PlanningSection
from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt


@pytest.fixture()
def provider():
    provider = OpenTerritoryProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    yield provider
    QgsApplication.processingRegistry().removeProvider(provider)


def memory(uri, name, rows):
    layer = QgsVectorLayer(uri, name, "memory")
    feats = []
    for wkt, attrs in rows:
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        for k, v in attrs.items():
            f[k] = v
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def test_context_from_the_dock(qgis_iface, qgis_new_project, provider):
    challenges = memory("Point?crs=EPSG:2154&field=title:string&field=domain:string", "challenges",
                        [("POINT(350000 6790000)", {"title": "A", "domain": "velo"})])
    resources = memory("Point?crs=EPSG:2154&field=category:string", "parkings",
                       [("POINT(350010 6790000)", {"category": "bicycle_parking"})])
    QgsProject.instance().addMapLayers([challenges, resources])
    section = PlanningSection(qgis_iface)
    assert [section.resources.item(i).text() for i in range(section.resources.count())] == ["parkings"]
    assert section.resources.item(0).checkState() == Qt.Checked
    section.challenges.setLayer(challenges)
    section.distance.setValue(50)
    section.run("challenge_context")
    assert not section.context_button.isEnabled()
    deadline = time.monotonic() + 30
    while section.task is not None and time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)
    assert section.task is None, "the task did not finish"
    results = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.name() == "Challenge context"]
    assert len(results) == 1, section.feedback.textLog()
    feature = next(results[0].getFeatures())
    assert feature["n_bicycle_parking"] == 1
    assert section.context_button.isEnabled()
    section.shutdown()
