"""The planning section runs the overlays of plugin/planning in a background task and adds the result, without
Processing (no provider registered here)."""

import time

from open_territory.ui.planning_section import PlanningSection
from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt

from ..qt_wait import wait_until


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


def wait_for(section):
    assert wait_until(lambda: section.task is None, 30), "the task did not finish"


def test_context_from_the_dock(qgis_iface, qgis_new_project):
    challenges = memory(
        "Point?crs=EPSG:2154&field=title:string&field=domain:string",
        "challenges",
        [("POINT(350000 6790000)", {"title": "A", "domain": "velo"})],
    )
    resources = memory(
        "Point?crs=EPSG:2154&field=category:string",
        "parkings",
        [("POINT(350010 6790000)", {"category": "bicycle_parking"})],
    )
    QgsProject.instance().addMapLayers([challenges, resources])
    section = PlanningSection(qgis_iface)
    assert [section.resources.item(i).text() for i in range(section.resources.count())] == ["parkings"]
    assert section.resources.item(0).checkState() == Qt.Checked
    section.challenges.setLayer(challenges)
    section.distance.setValue(50)
    section.run("challenge_context")
    assert not section.context_button.isEnabled()
    wait_for(section)
    results = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.name() == "Challenge context"]
    assert len(results) == 1, section.last_error
    feature = next(results[0].getFeatures())
    assert feature["n_bicycle_parking"] == 1
    assert section.context_button.isEnabled()
    section.shutdown()


def test_gap_layer_from_the_dock_per_zone(qgis_iface, qgis_new_project):
    challenges = memory(
        "Point?crs=EPSG:2154&field=title:string&field=domain:string&field=status:string",
        "register challenges",
        [
            ("POINT(350000 6790000)", {"title": "A", "domain": "velo", "status": "identified"}),
            ("POINT(360000 6790000)", {"title": "B", "domain": "velo", "status": "identified"}),
            ("POINT(360100 6790000)", {"title": "C", "domain": "velo", "status": "solved"}),
        ],
    )
    resources = memory(
        "Point?crs=EPSG:2154&field=category:string",
        "parkings",
        [("POINT(350010 6790000)", {"category": "bicycle_parking"})],
    )
    zones = memory(
        "Polygon?crs=EPSG:2154&field=nom:string",
        "communes",
        [
            ("POLYGON((345000 6785000,355000 6785000,355000 6795000,345000 6795000,345000 6785000))", {"nom": "Ouest"}),
            ("POLYGON((355000 6785000,365000 6785000,365000 6795000,355000 6795000,355000 6785000))", {"nom": "Est"}),
        ],
    )
    challenges.setCustomProperty("open_territory/register_table", "challenges")
    section = PlanningSection(qgis_iface)
    QgsProject.instance().addMapLayers([zones, resources, challenges])
    # The register's challenges layer is picked without the user choosing it.
    assert section.challenges.currentLayer() is challenges
    section.zones.setLayer(zones)
    section.distance.setValue(100)
    section.run("gap_layer")
    assert not section.gap_button.isEnabled()
    wait_for(section)
    gaps = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.name().startswith("Gaps")]
    assert len(gaps) == 1, section.last_error
    counts = {f["zone"]: f["open_unserved"] for f in gaps[0].getFeatures()}
    # West: A has a parking 10 m away but no actor; East: B lacks both; C is solved, so not counted.
    assert counts == {"Ouest": 1, "Est": 1}
    assert gaps[0].renderer().type() == "graduatedSymbol" and gaps[0].renderer().classAttribute() == "open_unserved"
    assert section.gap_button.isEnabled()
    section.shutdown()


def test_every_register_challenge_in_the_matrix(qgis_iface, qgis_new_project, tmp_path):
    import os

    from open_territory.plugin.register import create_register, import_rows

    demo = os.path.join(os.path.dirname(__file__), "..", "..", "resources", "demo", "data", "register")
    register = create_register(str(tmp_path / "register.gpkg"))
    import_rows(register, "challenges", os.path.join(demo, "challenges.csv"), geocode=False)
    section = PlanningSection(qgis_iface)
    assert section.all_challenges.isHidden()
    register.add_to_project(QgsProject.instance())
    assert not section.all_challenges.isHidden() and section.all_challenges.isChecked()
    assert not section.challenges.isEnabled()
    section.run("competence_matrix")
    wait_for(section)
    matrix = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.name() == "Competence matrix"]
    assert len(matrix) == 1, section.last_error
    total = sum(f["challenges_open"] + f["challenges_solved"] for f in matrix[0].getFeatures())
    assert total == 6  # points, the line and the area of the demo register together
    section.all_challenges.setChecked(False)
    assert section.challenges.isEnabled()
    section.shutdown()


def test_resource_list_and_layer_choices(qgis_iface, qgis_new_project, tmp_path):
    from osgeo import ogr, osr

    section = PlanningSection(qgis_iface)
    parkings = memory("Point?crs=EPSG:2154&field=category:string", "parkings", [])
    QgsProject.instance().addMapLayer(parkings)
    assert section.resources.item(0).checkState() == Qt.Checked
    section.resources.item(0).setCheckState(Qt.Unchecked)
    lamps = memory("Point?crs=EPSG:2154&field=category:string", "lamps", [])
    QgsProject.instance().addMapLayer(lamps)
    states = {
        section.resources.item(i).text(): section.resources.item(i).checkState()
        for i in range(section.resources.count())
    }
    # A layer added later comes ticked; the one the user unticked stays unticked.
    assert states == {"parkings": Qt.Unchecked, "lamps": Qt.Checked}

    # load_territory's communes outline carries a category but frames the map: not a resource.
    path = str(tmp_path / "territory.gpkg")
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    boundary = dataset.CreateLayer("boundary", srs, ogr.wkbPolygon)
    boundary.CreateField(ogr.FieldDefn("category", ogr.OFTString))
    dataset = None
    QgsProject.instance().addMapLayer(QgsVectorLayer(f"{path}|layername=boundary", "communes", "ogr"))
    assert "communes" not in [section.resources.item(i).text() for i in range(section.resources.count())]

    # The challenge and actor choices offer only layers that can be challenges (domain) or actors.
    challenges = memory("Point?crs=EPSG:2154&field=title:string&field=domain:string", "defis", [])
    actors = memory("Polygon?crs=EPSG:2154&field=name:string&field=competences:string", "acteurs", [])
    QgsProject.instance().addMapLayers([challenges, actors])
    assert section.challenges.currentLayer() is challenges
    assert lamps in section.challenges.exceptedLayerList() and actors in section.challenges.exceptedLayerList()
    assert challenges in section.actors.exceptedLayerList() and actors not in section.actors.exceptedLayerList()
    assert section.progress.isHidden()
    section.shutdown()


def test_a_running_overlay_is_cancelled_from_the_dock(qgis_iface, qgis_new_project, monkeypatch):
    """The section's cancel reaches the core function's feedback; nothing is added, the buttons come back."""
    from qgis.core import Qgis

    challenges = memory("Point?crs=EPSG:2154&field=title:string&field=domain:string", "challenges", [])
    QgsProject.instance().addMapLayer(challenges)
    section = PlanningSection(qgis_iface)
    section.challenges.setLayer(challenges)
    started = []

    def until_cancelled(feedback):
        started.append(True)
        while not feedback.isCanceled():
            time.sleep(0.01)
        return None

    monkeypatch.setattr(section, "overlay_work", lambda name, layer: until_cancelled)
    qgis_iface.messageBar().clear_messages()
    section.run("challenge_context")
    assert wait_until(lambda: started, 30)
    assert section.cancel_button.isEnabled() and not section.context_button.isEnabled()
    section.cancel()
    wait_for(section)
    assert section.context_button.isEnabled() and not section.cancel_button.isEnabled()
    assert any(m.endswith("Cancelled") for m in qgis_iface.messageBar().get_messages(Qgis.Info))
    assert [lyr.name() for lyr in QgsProject.instance().mapLayers().values()] == ["challenges"]
    section.shutdown()


def test_bad_input_is_told_in_one_sentence(qgis_iface, qgis_new_project):
    """A failure of the core (an InputError) is what the user reads, in one sentence; the buttons come back."""
    from open_territory.plugin.toolbelt.errors import InputError
    from qgis.core import Qgis

    challenges = memory("Point?crs=EPSG:2154&field=title:string&field=domain:string", "challenges", [])
    QgsProject.instance().addMapLayer(challenges)
    section = PlanningSection(qgis_iface)
    section.challenges.setLayer(challenges)

    def refused(feedback):
        raise InputError("The distance must be zero or positive")

    section.overlay_work = lambda name, layer: refused
    qgis_iface.messageBar().clear_messages()
    section.run("gap_layer")
    wait_for(section)
    assert section.last_error == "The overlay failed: The distance must be zero or positive"
    assert any(m.endswith(section.last_error) for m in qgis_iface.messageBar().get_messages(Qgis.Critical))
    assert section.gap_button.isEnabled()
    section.shutdown()


def test_gap_classes_are_named_by_their_counts():
    from open_territory.ui.planning_section import style_gaps
    from qgis.core import QgsFeature, QgsGeometry, QgsRectangle, QgsVectorLayer

    layer = QgsVectorLayer("Polygon?crs=EPSG:2154&field=open_unserved:integer", "Gaps", "memory")
    features = []
    for index, value in enumerate((0, 1, 2, 2, 3, 5, 8)):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(index, 0, index + 1, 1)))
        feature.setAttributes([value])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    style_gaps(layer)
    labels = [item.label() for item in layer.renderer().ranges()]
    assert labels and all("open challenge" in label for label in labels), labels
    assert labels[0].startswith("0 ") and labels[-1].endswith("open challenges lacking help")
    assert "1 open challenge lacking help" in labels or any(label.startswith("1 to") for label in labels), labels
