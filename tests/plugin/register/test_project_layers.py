"""The register in the QGIS project: group, layers, forms, relations, editing through the layers."""

import hashlib
import os
import time

import pytest
from open_territory.plugin.definitions import DOMAINS, domain_label, status_label
from open_territory.plugin.planning.context import parse_competences
from open_territory.plugin.register import create_register, import_rows
from open_territory.plugin.register.project_layers import LAYER_PROPERTY, TABLE_PROPERTY, TARGET_PROPERTY
from qgis.core import (
    QgsDefaultValue,
    QgsEditFormConfig,
    QgsFieldConstraints,
    QgsGeometry,
    QgsProject,
    QgsVectorLayerUtils,
)


@pytest.fixture
def project(qgis_app):
    """The current project, as in QGIS (form relation elements are resolved in it), emptied around the test."""
    project = QgsProject.instance()
    project.clear()
    yield project
    project.clear()


def widget(layer, name):
    setup = layer.editorWidgetSetup(layer.fields().indexOf(name))
    return setup.type(), setup.config()


def test_layers_in_a_register_group_with_their_properties(target, project):
    register = create_register(target)
    layers = register.add_to_project(project)
    group = project.layerTreeRoot().findGroup("Register")
    assert group is not None
    names = [node.name() for node in group.findLayers()]
    assert names[:5] == [
        "Challenges (points)",
        "Challenges (lines)",
        "Challenges (areas)",
        "Challenges without location",
        "Actors",
    ]
    assert "Challenge actors" in names and "Mobility domains" in names
    for key, layer in layers.items():
        assert layer.isValid(), key
        assert layer.customProperty(TARGET_PROPERTY) == register.target
        assert layer.customProperty(TABLE_PROPERTY) in (
            "challenges",
            "actors",
            "resources_catalog",
            "challenge_actors",
            "challenge_resources",
            "register_domains",
        )
    assert layers["challenges"] is layers["challenges_points"]
    assert layers["challenges_lines"].customProperty(LAYER_PROPERTY) == "challenges_lines"
    count = len(project.mapLayers())
    again = register.add_to_project(project)  # no duplicates
    assert len(project.mapLayers()) == count == 9
    assert {k: v.id() for k, v in again.items()} == {k: v.id() for k, v in layers.items()}
    assert len(group.findLayers()) == 9


def test_forms_widgets_constraints_and_defaults(target, project):
    register = create_register(target)
    layers = register.add_to_project(project)
    challenges, actors = layers["challenges_points"], layers["actors"]
    kind, config = widget(challenges, "domain")
    assert kind == "ValueMap"
    assert [list(entry.values())[0] for entry in config["map"]] == list(DOMAINS)
    assert list(config["map"][4].keys())[0] == domain_label("velo")
    kind, config = widget(challenges, "status")
    assert kind == "ValueMap" and {status_label("solved"): "solved"} in config["map"]
    assert widget(challenges, "priority")[0] == "ValueMap"
    assert widget(actors, "kind")[0] == "ValueMap"
    kind, config = widget(actors, "competences")
    assert kind == "ValueRelation" and config["AllowMulti"] is True
    assert config["Layer"] == layers["register_domains"].id() and config["Key"] == "key"
    assert widget(challenges, "fid")[0] == "Hidden"

    fields = challenges.fields()
    title = fields.field("title").constraints()
    assert title.constraints() & QgsFieldConstraints.ConstraintNotNull
    assert title.constraintStrength(QgsFieldConstraints.ConstraintNotNull) == QgsFieldConstraints.ConstraintStrengthHard
    domain = fields.field("domain").constraints()
    assert domain.constraints() & QgsFieldConstraints.ConstraintExpression
    assert "'velo'" in domain.constraintExpression()

    created = challenges.defaultValueDefinition(fields.indexOf("created_at"))
    updated = challenges.defaultValueDefinition(fields.indexOf("updated_at"))
    assert isinstance(created, QgsDefaultValue) and created.expression() == "now()" and not created.applyOnUpdate()
    assert updated.expression() == "now()" and updated.applyOnUpdate()
    assert challenges.editFormConfig().readOnly(fields.indexOf("created_at"))

    # The domain lookup gives translated labels to the competences multi-select.
    labels = {f["key"]: f["label"] for f in layers["register_domains"].getFeatures()}
    assert labels["qualite_air"] == domain_label("qualite_air")
    assert layers["register_domains"].readOnly()


def test_relations_show_a_challenges_actors_and_resources(target, project):
    register = create_register(target)
    layers = register.add_to_project(project)
    manager = project.relationManager()
    relations = list(manager.relations().values())
    assert relations and all(relation.isValid() for relation in relations)
    for key in ("challenges_points", "challenges_lines", "challenges_polygons", "challenges_unlocated"):
        layer = layers[key]
        config = layer.editFormConfig()
        assert config.layout() == QgsEditFormConfig.TabLayout
        tabs = {tab.name(): tab for tab in config.tabs()}
        assert set(tabs) == {"Challenge", "Actors", "Resources"}
        # Real tabs (3.22 draws containers as stacked group boxes unless told) with the relation editor
        # named (an empty widget type is logged as a failure on every form opening).
        assert not any(tab.isGroupBox() for tab in tabs.values())
        element = tabs["Actors"].children()[0]
        assert element.relationWidgetTypeId() == "relation_editor"
        relation = manager.relation(element.relation().id())  # resolved in this project
        assert relation.referencedLayer() is layer and relation.referencingLayer() is layers["challenge_actors"]
        nm = manager.relation(element.nmRelationId())
        assert nm.isValid() and nm.referencedLayer() is layers["actors"]
        nm = manager.relation(tabs["Resources"].children()[0].nmRelationId())
        assert nm.referencedLayer() is layers["resources_catalog"]

    # Link an actor to a challenge and read it back through the relation.
    points, actors, links = layers["challenges_points"], layers["actors"], layers["challenge_actors"]
    for layer, attributes, geometry in (
        (points, {"title": "Gare", "domain": "velo"}, QgsGeometry.fromWkt("POINT(-1.59 47.81)")),
        (actors, {"name": "Vilaine à Vélo"}, QgsGeometry()),
    ):
        layer.startEditing()
        values = {layer.fields().indexOf(k): v for k, v in attributes.items()}
        feature = QgsVectorLayerUtils.createFeature(layer, geometry, values, layer.createExpressionContext())
        assert layer.addFeature(feature)
        assert layer.commitChanges(), layer.commitErrors()
    challenge = next(points.getFeatures())
    actor = next(actors.getFeatures())
    links.startEditing()
    link = QgsVectorLayerUtils.createFeature(
        links,
        QgsGeometry(),
        {links.fields().indexOf("challenge_id"): challenge.id(), links.fields().indexOf("actor_id"): actor.id()},
    )
    assert links.addFeature(link)
    assert links.commitChanges(), links.commitErrors()
    relation = manager.relation(points.editFormConfig().tabs()[1].children()[0].relation().id())
    related = list(relation.getRelatedFeatures(challenge))
    assert [f["actor_id"] for f in related] == [actor.id()]


def test_editing_through_the_layers_fills_created_and_updated(target, project):
    register = create_register(target)
    layers = register.add_to_project(project)
    layer = layers["challenges_polygons"]
    fields = layer.fields()
    layer.startEditing()
    feature = QgsVectorLayerUtils.createFeature(
        layer,
        QgsGeometry.fromWkt("POLYGON((-1.575 47.81,-1.57 47.81,-1.57 47.817,-1.575 47.81))"),
        {fields.indexOf("title"): "Desserte", fields.indexOf("domain"): "transport_collectif"},
        layer.createExpressionContext(),
    )
    assert feature["status"] == "identified"  # default of the form
    assert layer.addFeature(feature)
    assert layer.commitChanges(), layer.commitErrors()
    saved = next(layer.getFeatures())
    created, updated = saved["created_at"], saved["updated_at"]
    assert created and updated and not created.isNull()
    time.sleep(1.1)
    layer.startEditing()
    assert layer.changeAttributeValue(saved.id(), fields.indexOf("title"), "Desserte du bourg")
    assert layer.commitChanges(), layer.commitErrors()
    again = next(layer.getFeatures())
    assert again["title"] == "Desserte du bourg"
    assert again["created_at"] == created
    assert again["updated_at"] > updated

    # A competences value as the multi-select writes it is what planning reads.
    actors = layers["actors"]
    actors.startEditing()
    actor = QgsVectorLayerUtils.createFeature(
        actors,
        QgsGeometry(),
        {actors.fields().indexOf("name"): "Atelier", actors.fields().indexOf("competences"): "{velo,donnees}"},
    )
    assert actors.addFeature(actor) and actors.commitChanges()
    assert parse_competences(next(actors.getFeatures())["competences"]) == ["velo", "donnees"]


def test_each_geometry_family_shows_its_challenges(target, project, helpers):
    register = create_register(target)
    import_rows(register, "challenges", os.path.join(helpers.DEMO, "challenges.csv"), geocode=False)
    layers = register.add_to_project(project)
    counts = {
        key: layers[key].featureCount()
        for key in ("challenges_points", "challenges_lines", "challenges_polygons", "challenges_unlocated")
    }
    assert counts == {
        "challenges_points": 4,
        "challenges_lines": 1,
        "challenges_polygons": 1,
        "challenges_unlocated": 0,
    }


def test_adding_to_the_project_never_writes_to_the_register(tmp_path, project, helpers):
    register = create_register(str(tmp_path / "register.gpkg"))
    import_rows(register, "actors", os.path.join(helpers.DEMO, "actors.csv"), geocode=False)

    def digest():
        with open(register.location, "rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()

    before = digest()
    layers = register.add_to_project(project)
    for layer in layers.values():
        list(layer.getFeatures())
    register.add_to_project(project)
    project.clear()
    assert digest() == before


def test_the_register_survives_a_project_save_and_reload(target, project, tmp_path):
    register = create_register(target)
    layers = register.add_to_project(project)
    path = str(tmp_path / "territory.qgz")
    assert project.write(path)
    project.clear()
    assert project.read(path)
    reloaded = {layer.customProperty(LAYER_PROPERTY): layer for layer in project.mapLayers().values()}
    assert set(reloaded) == set(layers) - {"challenges"}
    assert all(layer.isValid() for layer in reloaded.values())
    assert all(relation.isValid() for relation in project.relationManager().relations().values())
    kind, config = widget(reloaded["actors"], "competences")
    assert kind == "ValueRelation" and config["Layer"] == reloaded["register_domains"].id()
    assert {f["key"]: f["label"] for f in reloaded["register_domains"].getFeatures()}["velo"] == domain_label("velo")
    again = register.add_to_project(project)  # still no duplicates after a reload
    assert len(project.mapLayers()) == 9 and again["actors"].id() == reloaded["actors"].id()


def test_default_symbols_read_over_the_resources(target, project):
    from qgis.core import QgsWkbTypes

    layers = create_register(target).add_to_project(project)
    actors = layers["actors"].renderer().symbol()
    assert actors.symbolLayer(0).brushStyle() == 0  # Qt.NoBrush: the map stays visible under an area
    assert layers["challenges_points"].renderer().symbol().symbolLayer(0).shape() is not None
    colours = {
        layers[key].renderer().symbol().color().name()
        for key in ("challenges_points", "challenges_lines", "challenges_polygons")
    }
    assert colours == {"#d62728"}
    assert QgsWkbTypes.geometryType(layers["actors"].wkbType()) == QgsWkbTypes.PolygonGeometry
