"""Challenge context: per challenge, the resources around it and the actors competent to act.

Every layer is read once into one projected CRS (metres) and the resources are measured per category
(nearby.py: the point challenges against the points all at once, on numpy grids; the rest with QGIS's spatial
index), so the work grows with challenges × neighbours, never challenges × resources. When the challenges and
the resources are tables of one PostGIS database, in_database.py answers the same in one SQL query.
"""

from __future__ import annotations

import json
import math

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsFeedback,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsGeometryEngine,
    QgsPoint,
    QgsProject,
    QgsSpatialIndex,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..definitions import CATEGORIES, DOMAINS, category_label, domain_label
from ..toolbelt.errors import InputError
from ..toolbelt.i18n import colon, tr
from ..toolbelt.tasks import steps_feedback
from .domain_categories import categories_for
from .in_database import DatabaseContext, same_database
from .nearby import SERVICE_OUTPUT, category_order, read_resources

DEFAULT_CRS = "EPSG:2154"


def parse_competences(value: object) -> list:
    """Domain keys from a JSON array text, a comma/semicolon separated text, or a list."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        items = value
    else:
        text = str(value).strip()
        if not text or text.upper() == "NULL":
            return []
        items = None
        if text.startswith("["):
            try:
                items = json.loads(text)
            except ValueError:
                items = None
        if items is None:
            items = text.strip("{}").replace(";", ",").split(",")
    return [str(item).strip().strip('"').lower() for item in items if str(item).strip()]


def suitable_crs(layers: list) -> QgsCoordinateReferenceSystem:
    """EPSG:2154 in mainland France, else the UTM zone of the data's centre."""
    from qgis.core import QgsRectangle

    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    extent = QgsRectangle()
    extent.setMinimal()
    for layer in layers:
        if layer is None or layer.extent().isEmpty():
            continue
        transform = QgsCoordinateTransform(layer.crs(), wgs84, QgsProject.instance().transformContext())
        extent.combineExtentWith(transform.transformBoundingBox(layer.extent()))
    if extent.isEmpty() or extent.isNull():
        return QgsCoordinateReferenceSystem(DEFAULT_CRS)
    lon, lat = extent.center().x(), extent.center().y()
    if -5.5 <= lon <= 10 and 41 <= lat <= 51.5:
        return QgsCoordinateReferenceSystem(DEFAULT_CRS)
    zone = int((lon + 180) // 6) + 1
    return QgsCoordinateReferenceSystem(f"EPSG:{32600 + zone if lat >= 0 else 32700 + zone}")


def _request(crs, context, fields=None):
    request = QgsFeatureRequest()
    request.setDestinationCrs(crs, context)
    if fields is not None:
        request.setSubsetOfAttributes(fields)
    return request


def covers(area: QgsGeometry, geometry: QgsGeometry, engine: QgsGeometryEngine | None = None) -> bool:
    """True when no point of `geometry` lies outside `area`: GEOS "covers", so a challenge on the edge of
    the area counts, and a line or polygon that crosses the edge does not."""
    engine = engine or QgsGeometry.createGeometryEngine(area.constGet())
    # DE-9IM of (area, geometry): the area's exterior meets neither the interior nor the boundary of
    # the geometry. (A prepared engine answers relate() with nothing, so the engine is not prepared.)
    return engine.relatePattern(geometry.constGet(), "******FF*")


class Actors:
    """The actors and their areas of action, in the working CRS. An actor is competent for a challenge
    when its competences include the challenge's domain and its area of action covers the whole
    challenge (a challenge on the area's edge counts), or when it has no area (competent everywhere)."""

    def __init__(self, layer, crs, context):
        self.actors = []  # (name, competences, geometry or None)
        self.without_area = []
        self.engines = {}
        self.index = QgsSpatialIndex()
        if layer is None:
            return
        fields = layer.fields()
        if fields.indexOf("competences") < 0:
            raise InputError(tr("The actors layer has no competences field") + f": {layer.name()}")
        # In the order of their ids, whatever order the data source gives them in: the names are listed so.
        features = sorted(layer.getFeatures(_request(crs, context)), key=lambda feature: feature.id())
        for feature in features:
            geometry = feature.geometry() if feature.hasGeometry() else None
            if geometry is not None and geometry.isEmpty():
                geometry = None
            name = feature["name"] if fields.indexOf("name") >= 0 else str(feature.id())
            self.actors.append((str(name), parse_competences(feature["competences"]), geometry))
            if geometry is None:
                self.without_area.append(len(self.actors) - 1)
            else:
                self.index.addFeature(len(self.actors) - 1, geometry.boundingBox())

    def _covers(self, position: int, area: QgsGeometry, geometry: QgsGeometry) -> bool:
        """`covers`, with a prepared area answering the common cases (inside, or apart) quickly."""
        if position not in self.engines:
            prepared = QgsGeometry.createGeometryEngine(area.constGet())
            prepared.prepareGeometry()
            self.engines[position] = (prepared, QgsGeometry.createGeometryEngine(area.constGet()))
        prepared, plain = self.engines[position]
        if prepared.contains(geometry.constGet()):
            return True
        if not prepared.intersects(geometry.constGet()):
            return False
        return covers(area, geometry, plain)  # on the edge, or across it

    def competent(self, domain: str, geometry: QgsGeometry | None) -> list:
        """Actors competent in `domain` whose area covers `geometry`, and those with no area. A challenge
        without a location (`geometry` None) gets only the actors with no area: where it lies is unknown."""
        if not domain:
            return []
        candidates = set(self.index.intersects(geometry.boundingBox())) if geometry is not None else set()
        candidates.update(self.without_area)
        names = []
        for position in sorted(candidates):
            name, competences, area = self.actors[position]
            if domain not in competences:
                continue
            if area is None or (geometry is not None and self._covers(position, area, geometry)):
                names.append(name)
        return names


def output_fields(challenge_fields: QgsFields, categories: list, service: bool = False) -> QgsFields:
    fields = QgsFields(challenge_fields)
    for category in categories:
        fields.append(QgsField(f"n_{category}", QVariant.Int))
        fields.append(QgsField(f"nearest_{category}_m", QVariant.Double))
    if service:
        fields.append(QgsField(SERVICE_OUTPUT, QVariant.Int))
    fields.append(QgsField("n_actors", QVariant.Int))
    fields.append(QgsField("actors", QVariant.String))
    fields.append(QgsField("summary", QVariant.String))
    return fields


def _category_text(category: str) -> str:
    """A category's label in the user's language (a key outside DESIGN.md's list is shown as is)."""
    return category_label(category) if category in CATEGORIES else category


def summary_text(domain: str, distance: float, around: dict | None, actors: list, departures: int | None = None) -> str:
    """One line in the user's language: the domain, the resources within `distance` by category, the
    morning-peak departures of the transit stops among them (when a network's stops are overlaid), the
    related categories absent nearby, the competent actors. `around` None: the challenge has no
    location, so nothing is said about distances."""
    parts = [domain_label(domain) if domain in DOMAINS else tr("No domain")]
    if around is None:
        parts.append(tr("no location: resources nearby unknown"))
    else:
        nearby = [f"{_category_text(category)} ({count})" for category, (count, _) in around.items() if count]
        if nearby:
            parts.append(tr("within") + f" {distance:g} m" + colon() + ", ".join(nearby))
        else:
            parts.append(tr("no resource within") + f" {distance:g} m")
        if departures is not None:
            parts.append(tr("public transport departures between 7 and 9 h") + colon() + str(departures))
        missing = [_category_text(c) for c in categories_for(domain) if not around.get(c, (0, None))[0]]
        if missing and domain:
            parts.append(tr("missing nearby") + colon() + ", ".join(missing))
    parts.append((tr("competent actors") + colon() + ", ".join(actors)) if actors else tr("no competent actor"))
    return "; ".join(parts)


def output_wkb_type(geometries: list, fallback: QgsWkbTypes.Type) -> QgsWkbTypes.Type:
    """A geometry type that holds every geometry of `geometries`: theirs when they share one, the multi
    type when they mix single and multi parts of one family, else Unknown (a generic geometry column).
    `fallback` when none has a geometry."""
    types = {geometry.wkbType() for geometry in geometries if geometry is not None and not geometry.isNull()}
    if not types:
        return fallback
    if len(types) == 1:
        return types.pop()
    families = {QgsWkbTypes.geometryType(kind) for kind in types}
    if len(families) > 1:
        return QgsWkbTypes.Unknown
    kind = QgsWkbTypes.multiType(QgsWkbTypes.flatType(next(iter(types))))
    if any(QgsWkbTypes.hasZ(t) for t in types):
        kind = QgsWkbTypes.addZ(kind)
    if any(QgsWkbTypes.hasM(t) for t in types):
        kind = QgsWkbTypes.addM(kind)
    return kind


def challenge_context(
    challenges: QgsVectorLayer,
    resources: list,
    actors: QgsVectorLayer | None,
    distance: float,
    crs: QgsCoordinateReferenceSystem | None = None,
    feedback: QgsFeedback | None = None,
    context: QgsCoordinateTransformContext | None = None,
) -> tuple:
    """(output fields, [(attributes, geometry in the challenges' CRS)]) for every challenge; an InputError for
    a negative distance, a geographic working CRS or a resource layer without a category field."""
    crs = working_crs(challenges, resources, actors, distance, crs)
    context = context or QgsProject.instance().transformContext()
    features = list(challenges.getFeatures())
    database = same_database(challenges, resources, actors, crs)
    if database is not None:
        say(feedback, tr("The challenges and the resources are tables of one PostGIS database: measured there"))
        measured = DatabaseContext(*database, crs, distance)
        categories, measures, names = measured.measure(features, feedback)
        if feedback is not None and feedback.isCanceled():
            return output_fields(challenges.fields(), categories, measured.service), []
        return context_rows(challenges, features, measures, categories, names, distance, feedback, measured.service)
    steps = steps_feedback(feedback, 3)  # the resources read, the challenges measured, the rows made
    if steps is not None:
        steps.setCurrentStep(0)
    found = read_resources(resources, crs, context, steps)
    categories = sorted(found, key=lambda category: (category_order(category), category))
    if steps is not None:
        steps.setCurrentStep(1)
    geometries = working_geometries(features, challenges.crs(), crs, context)
    measures = measure(geometries, found, categories, distance, steps)
    if steps is not None:
        steps.setCurrentStep(2)
    competent = Actors(actors, crs, context)
    domains = [challenge_domain(challenges, feature) for feature in features]
    names = [competent.competent(domain, geometry) for domain, geometry in zip(domains, geometries)]
    service = any(resources.service for resources in found.values())
    return context_rows(challenges, features, measures, categories, names, distance, steps, service)


def say(feedback: QgsFeedback | None, message: str) -> None:
    """A line in Processing's log (a dock's task feedback shows nothing)."""
    if feedback is not None and hasattr(feedback, "pushInfo"):
        feedback.pushInfo(message)


def working_crs(challenges, resources, actors, distance, crs) -> QgsCoordinateReferenceSystem:
    """The projected CRS the distances are measured in: `crs`, else suitable_crs; InputError for a negative
    distance or a geographic CRS."""
    if distance < 0:
        raise InputError(tr("The distance must be zero or positive"))
    crs = crs if crs is not None and crs.isValid() else suitable_crs([challenges, actors, *resources])
    if crs.isGeographic():
        raise InputError(tr("Distances need a projected CRS, not") + f" {crs.authid()}")
    return crs


def working_geometries(features, challenges_crs, crs, context) -> list:
    """The challenges' geometries in the working CRS, None for a challenge without a location."""
    transform = QgsCoordinateTransform(challenges_crs, crs, context)
    geometries = []
    for feature in features:
        geometry = None
        if feature.hasGeometry() and not feature.geometry().isEmpty():
            geometry = QgsGeometry(feature.geometry())
            geometry.transform(transform)
        geometries.append(geometry)
    return geometries


def challenge_domain(challenges: QgsVectorLayer, feature) -> str:
    """The challenge's domain key, "" when it has none."""
    position = challenges.fields().indexOf("domain")
    domain = feature[position] if position >= 0 else None
    return str(domain).strip() if domain not in (None, "") and str(domain) != "NULL" else ""


def measure(geometries, found, categories, distance, feedback=None) -> list:
    """Per challenge (its geometry in the working CRS): {category: (count within `distance`, nearest distance or
    None)}, and under SERVICE_OUTPUT the departures between 7 and 9 h of the network stops within `distance`
    when a network's stops are overlaid; None for a challenge without a location. The point challenges are
    measured all at once against each category's points; lines and areas, and the resources that are lines
    and areas, one by one (nearby.Resources)."""
    points = [i for i, g in enumerate(geometries) if g is not None and isinstance(g.constGet(), QgsPoint)]
    others = [i for i, g in enumerate(geometries) if g is not None and not isinstance(g.constGet(), QgsPoint)]
    cx = np.array([geometries[i].constGet().x() for i in points], dtype=float)
    cy = np.array([geometries[i].constGet().y() for i in points], dtype=float)
    measures = [None if g is None else {} for g in geometries]
    for step, category in enumerate(categories):
        if feedback is not None:
            if feedback.isCanceled():
                break
            feedback.setProgress(100.0 * step / max(1, len(categories)))
        resources = found[category]
        counts, nearest, sums = resources.around_points(cx, cy, distance)
        for position, i in enumerate(points):
            count, near, weight = int(counts[position]), float(nearest[position]), float(sums[position])
            if resources.index is not None:
                line_count, line_near, line_weight = resources.around_geometry(geometries[i], distance, points=False)
                count, weight = count + line_count, weight + line_weight
                near = near if line_near is None else min(near, line_near)
            measures[i][category] = (count, None if math.isinf(near) else near)
            if resources.service:
                measures[i][SERVICE_OUTPUT] = int(round(weight))
        for i in others:
            count, near, weight = resources.around_geometry(geometries[i], distance)
            measures[i][category] = (count, near)
            if resources.service:
                measures[i][SERVICE_OUTPUT] = int(round(weight))
    return measures


def context_rows(challenges, features, measures, categories, names, distance, feedback=None, service=False) -> tuple:
    """(output fields, rows) from the measures and the competent actors' `names` of each challenge: per
    challenge its attributes, then per category the count and the nearest distance (0.1 m), with `service` the
    departures between 7 and 9 h near it, the competent actors and the summary; its own geometry."""
    fields = output_fields(challenges.fields(), categories, service)
    rows = []
    for step, (feature, around, competent) in enumerate(zip(features, measures, names)):
        if feedback is not None:
            if feedback.isCanceled():
                break
            feedback.setProgress(100.0 * step / max(1, len(features)))
        attributes = list(feature.attributes())
        departures = None
        if around is None:
            # No location: no count, no distance (null, not 0); only the actors without an area apply.
            attributes += [None, None] * len(categories)
            shown = None
        else:
            shown = {category: around.get(category, (0, None)) for category in categories}
            for count, nearest in shown.values():
                attributes += [count, round(nearest, 1) if nearest is not None else None]
            departures = around.get(SERVICE_OUTPUT, 0) if service else None
        if service:
            attributes.append(departures)
        domain = challenge_domain(challenges, feature)
        summary = summary_text(domain, distance, shown, competent, departures)
        attributes += [len(competent), "; ".join(competent), summary]
        rows.append((attributes, feature.geometry()))
    return fields, rows
