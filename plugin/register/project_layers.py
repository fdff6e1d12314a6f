"""The register in the QGIS project: a "Register" group with its layers, forms and relations.

Challenges take any geometry type and a QGIS layer holds one, so they come as one layer per family
(points, lines, areas) plus the challenges without a location, as QGIS itself splits such tables.
Adding the same register twice reuses its layers (found by their custom properties).
"""

from __future__ import annotations

import hashlib

from qgis.core import QgsProject, QgsRelation, QgsRelationContext, QgsVectorLayer

from ..toolbelt.errors import InputError
from ..toolbelt.i18n import tr
from ..toolbelt.logger import log
from .forms import setup_domain_layer, setup_fields, tabbed_form
from .schema import DOMAIN_TABLE, table_label
from .styles import style_register_layer

TABLE_PROPERTY = "open_territory/register_table"
TARGET_PROPERTY = "open_territory/register_target"
LAYER_PROPERTY = "open_territory/register_layer"
FAMILY_PROPERTY = "open_territory/register_geometry"
GROUP_PROPERTY = "open_territory/register_group"

# (layer key, table, geometry family), in the group's order. The first challenges layer is also
# returned under the key "challenges".
LAYERS = (
    ("challenges_points", "challenges", "Point"),
    ("challenges_lines", "challenges", "LineString"),
    ("challenges_polygons", "challenges", "Polygon"),
    ("challenges_unlocated", "challenges", "None"),
    ("actors", "actors", None),
    ("resources_catalog", "resources_catalog", None),
    ("challenge_actors", "challenge_actors", None),
    ("challenge_resources", "challenge_resources", None),
    (DOMAIN_TABLE, DOMAIN_TABLE, None),
)
LIST_TABLES = ("challenge_actors", "challenge_resources", DOMAIN_TABLE)


def layer_name(key: str) -> str:
    return {
        "challenges_points": tr("Challenges (points)"),
        "challenges_lines": tr("Challenges (lines)"),
        "challenges_polygons": tr("Challenges (areas)"),
        "challenges_unlocated": tr("Challenges without location"),
    }.get(key) or table_label(key)


def _target_id(target: str) -> str:
    return hashlib.sha1(target.encode("utf-8")).hexdigest()[:10]


def find_register_layers(register, project: QgsProject) -> dict:
    found = {}
    for layer in project.mapLayers().values():
        if layer.customProperty(TARGET_PROPERTY) == register.target and layer.customProperty(LAYER_PROPERTY):
            found[layer.customProperty(LAYER_PROPERTY)] = layer
    return found


def _group(project, register):
    root = project.layerTreeRoot()
    for group in root.findGroups():
        if group.customProperty(GROUP_PROPERTY) == register.target:
            return group
    group = root.insertGroup(0, tr("Register"))
    group.setCustomProperty(GROUP_PROPERTY, register.target)
    return group


def _subgroup(group, register):
    for child in group.findGroups():
        if child.customProperty(GROUP_PROPERTY) == register.target + "#lists":
            return child
    child = group.addGroup(tr("Links and lists"))
    child.setCustomProperty(GROUP_PROPERTY, register.target + "#lists")
    child.setExpanded(False)
    return child


def _relation(project, register, relation_id: str, name: str, referencing, column: str, referenced) -> QgsRelation:
    manager = project.relationManager()
    existing = manager.relation(relation_id)
    if existing.isValid():
        return existing
    relation = QgsRelation(QgsRelationContext(project))
    relation.setId(relation_id)
    relation.setName(name)
    relation.setReferencingLayer(referencing.id())
    relation.setReferencedLayer(referenced.id())
    relation.addFieldPair(column, "fid")
    relation.setStrength(QgsRelation.Association)
    if not relation.isValid():
        raise InputError(
            tr("The relation between register layers is not valid") + f": {name} "
            f"({referencing.name()}.{column} → {referenced.name()})"
        )
    manager.addRelation(relation)
    return relation


def add_register_to_project(register, project: QgsProject | None = None) -> dict:
    """Add the register's layers to `project` (the current one by default) and return them by key:
    "challenges_points", "challenges_lines", "challenges_polygons", "challenges_unlocated", "actors",
    "resources_catalog", "challenge_actors", "challenge_resources", "register_domains", and
    "challenges" for the points layer."""
    project = project or QgsProject.instance()
    layers = find_register_layers(register, project)
    group = None
    for key, table, family in LAYERS:
        if key in layers:
            continue
        uri, provider = register.layer_uri(table, family)
        layer = QgsVectorLayer(uri, layer_name(key), provider)
        if not layer.isValid():
            raise InputError(
                tr("The register's layer could not be opened") + f": {layer_name(key)} ({register.describe()})"
            )
        layer.setCustomProperty(TABLE_PROPERTY, table)
        layer.setCustomProperty(TARGET_PROPERTY, register.target)
        layer.setCustomProperty(LAYER_PROPERTY, key)
        if family is not None:
            layer.setCustomProperty(FAMILY_PROPERTY, family)
        style_register_layer(layer, table)
        project.addMapLayer(layer, False)
        group = group or _group(project, register)
        (_subgroup(group, register) if table in LIST_TABLES else group).addLayer(layer)
        layers[key] = layer
    configure(register, project, layers)
    result = dict(layers)
    result["challenges"] = layers["challenges_points"]
    log(f"register layers in the project: {register.target}")
    return result


def configure(register, project: QgsProject, layers: dict) -> None:
    """Relations and forms (idempotent: the same ids are reused)."""
    uid = _target_id(register.target)
    domains, actors, catalog = layers[DOMAIN_TABLE], layers["actors"], layers["resources_catalog"]
    links = {"challenge_actors": layers["challenge_actors"], "challenge_resources": layers["challenge_resources"]}
    setup_domain_layer(domains)
    to_actor = _relation(
        project,
        register,
        f"ot_register_{uid}_challenge_actors_actor",
        tr("Challenge actors"),
        links["challenge_actors"],
        "actor_id",
        actors,
    )
    to_resource = _relation(
        project,
        register,
        f"ot_register_{uid}_challenge_resources_resource",
        tr("Challenge resources"),
        links["challenge_resources"],
        "resource_id",
        catalog,
    )
    for key, table, _family in LAYERS:
        layer = layers[key]
        setup_fields(layer, table, domain_layer=domains, actors_layer=actors, catalog_layer=catalog)
        if table == "challenges":
            actor_link = _relation(
                project,
                register,
                f"ot_register_{uid}_challenge_actors_{key}",
                tr("Actors of the challenge"),
                links["challenge_actors"],
                "challenge_id",
                layer,
            )
            resource_link = _relation(
                project,
                register,
                f"ot_register_{uid}_challenge_resources_{key}",
                tr("Resources of the challenge"),
                links["challenge_resources"],
                "challenge_id",
                layer,
            )
            tabbed_form(
                layer, table, [(tr("Actors"), actor_link, to_actor), (tr("Resources"), resource_link, to_resource)]
            )
        elif table == "actors":
            tabbed_form(layer, table, [(tr("Challenges"), to_actor, None)])
        elif table == "resources_catalog":
            tabbed_form(layer, table, [(tr("Challenges"), to_resource, None)])
