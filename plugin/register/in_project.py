"""The registers present in the current project, found by the custom properties their layers carry
(so layers restored from a saved project count too)."""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import QgsProject, QgsVectorLayer

from .project_layers import FAMILY_PROPERTY, LAYER_PROPERTY, TABLE_PROPERTY, TARGET_PROPERTY

# Challenge layers in list order: points, lines, areas, then those without a location.
FAMILY_ORDER = ("Point", "LineString", "Polygon", "None")
LISTED_TABLES = ("challenges", "actors")


@dataclass
class RegisterLayers:
    """The layer ids of one register in the project (ids, never layer objects: a layer can be removed
    at any time and the section must not keep a deleted one)."""

    target: str
    challenges: dict = field(default_factory=dict)  # geometry family -> layer id
    actors: str = ""
    others: list = field(default_factory=list)  # ids of the catalog, links and lists

    def layer_ids(self, table: str) -> list:
        if table == "actors":
            return [self.actors] if self.actors else []
        return [self.challenges[family] for family in FAMILY_ORDER if family in self.challenges]

    def all_ids(self) -> list:
        return self.layer_ids("challenges") + self.layer_ids("actors") + list(self.others)

    def layers(self, table: str, project: QgsProject | None = None) -> list:
        project = project or QgsProject.instance()
        found = [project.mapLayer(layer_id) for layer_id in self.layer_ids(table)]
        return [layer for layer in found if isinstance(layer, QgsVectorLayer) and layer.isValid()]

    def challenge_layer(self, family: str, project: QgsProject | None = None) -> QgsVectorLayer | None:
        project = project or QgsProject.instance()
        layer_id = self.challenges.get(family)
        layer = project.mapLayer(layer_id) if layer_id else None
        return layer if isinstance(layer, QgsVectorLayer) and layer.isValid() else None

    def actors_layer(self, project: QgsProject | None = None) -> QgsVectorLayer | None:
        found = self.layers("actors", project)
        return found[0] if found else None


def _family(layer) -> str:
    family = layer.customProperty(FAMILY_PROPERTY)
    if family:
        return str(family)
    key = str(layer.customProperty(LAYER_PROPERTY) or "")
    return {
        "challenges_points": "Point",
        "challenges_lines": "LineString",
        "challenges_polygons": "Polygon",
        "challenges_unlocated": "None",
    }.get(key, "Point")


def registers_in_project(project: QgsProject | None = None) -> list:
    """[RegisterLayers] of every register with layers in `project`, in the order first met."""
    project = project or QgsProject.instance()
    found = {}
    for layer in project.mapLayers().values():
        if not isinstance(layer, QgsVectorLayer):
            continue
        table = layer.customProperty(TABLE_PROPERTY)
        target = layer.customProperty(TARGET_PROPERTY)
        if not table or not target:
            continue
        entry = found.setdefault(str(target), RegisterLayers(str(target)))
        if table == "challenges":
            entry.challenges.setdefault(_family(layer), layer.id())
        elif table == "actors":
            entry.actors = entry.actors or layer.id()
        else:
            entry.others.append(layer.id())
    return [entry for entry in found.values() if entry.challenges or entry.actors]


def target_label(target: str) -> str:
    """A short name for a register target, for the register combo."""
    import os

    if target.lower().startswith("postgres:"):
        return "PostgreSQL " + target[len("postgres:") :]
    return os.path.basename(target) or target
