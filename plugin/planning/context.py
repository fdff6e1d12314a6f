"""Challenge context: per challenge, the resources around it and the actors competent to act.

Every layer is read once, reprojected by QGIS's C++ feature iterator into one projected CRS (metres),
and indexed per resource category; each challenge then asks the indexes for its neighbours, so the
work grows with challenges × neighbours, never challenges × resources.
"""

from __future__ import annotations

import json

from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsFeedback,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsGeometryEngine,
    QgsProject,
    QgsSpatialIndex,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..definitions import CATEGORIES, DOMAINS, category_label, domain_label
from ..toolbelt.errors import InputError
from ..toolbelt.i18n import colon, tr
from .domain_categories import categories_for

DEFAULT_CRS = "EPSG:2154"
# The level of service near a challenge: stops of a GTFS network carry their departures between 7 and 9 h.
SERVICE_CATEGORY, SERVICE_FIELD = "transit_stop", "departures_7_9"
SERVICE_OUTPUT = "transit_departures_7_9"


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


class ResourceIndex:
    """One spatial index per category, geometries kept inside (in the working CRS); for the stops of a
    GTFS network, their departures between 7 and 9 h by feature id."""

    def __init__(self, layers, crs, context, feedback=None):
        self.indexes = {}
        self.departures = {}  # (layer id, category) -> {feature id: departures between 7 and 9 h}
        for layer in layers:
            position = layer.fields().indexOf("category")
            if position < 0:
                raise InputError(tr("A resource layer has no category field") + f": {layer.name()}")
            for category in sorted(str(v) for v in layer.uniqueValues(position) if v is not None):
                request = _request(crs, context, [])
                request.setFilterExpression(f"\"category\" = '{category.replace(chr(39), chr(39) * 2)}'")
                index = QgsSpatialIndex(
                    layer.getFeatures(request), feedback, QgsSpatialIndex.FlagStoreFeatureGeometries
                )
                key = (layer.id(), category)
                self.indexes[key] = (category, index)
                service = layer.fields().indexOf(SERVICE_FIELD)
                if category == SERVICE_CATEGORY and service >= 0:
                    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
                    request.setSubsetOfAttributes([service]).setFilterExpression(f"\"category\" = '{SERVICE_CATEGORY}'")
                    self.departures[key] = {
                        f.id(): int(f[service]) for f in layer.getFeatures(request) if f[service] not in (None, NULL)
                    }
                if feedback is not None and feedback.isCanceled():
                    return

    def has_service(self) -> bool:
        return bool(self.departures)

    def departures_near(self, geometry: QgsGeometry, distance: float) -> int:
        """Departures between 7 and 9 h at the network stops within `distance` of `geometry`."""
        total = 0
        box = geometry.boundingBox().buffered(distance)
        for key, by_feature in self.departures.items():
            index = self.indexes[key][1]
            for fid in index.intersects(box):
                if fid in by_feature and index.geometry(fid).distance(geometry) <= distance:
                    total += by_feature[fid]
        return total

    def categories(self) -> list:
        return sorted({category for category, _ in self.indexes.values()}, key=_category_order)

    def around(self, geometry: QgsGeometry, distance: float) -> dict:
        """{category: (count within distance, nearest distance or None)}."""
        result = {}
        box = geometry.boundingBox().buffered(distance)
        for category, index in self.indexes.values():
            count, nearest = result.get(category, (0, None))
            for fid in index.intersects(box):
                if index.geometry(fid).distance(geometry) <= distance:
                    count += 1
            for fid in index.nearestNeighbor(geometry, 1):
                d = index.geometry(fid).distance(geometry)
                nearest = d if nearest is None else min(nearest, d)
            result[category] = (count, nearest)
        return result


def _category_order(category):
    return CATEGORIES.index(category) if category in CATEGORIES else len(CATEGORIES)


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
        for feature in layer.getFeatures(_request(crs, context)):
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
    if distance < 0:
        raise InputError(tr("The distance must be zero or positive"))
    context = context or QgsProject.instance().transformContext()
    crs = crs if crs is not None and crs.isValid() else suitable_crs([challenges, actors, *resources])
    if crs.isGeographic():
        raise InputError(tr("Distances need a projected CRS, not") + f" {crs.authid()}")
    index = ResourceIndex(resources, crs, context, feedback)
    competent = Actors(actors, crs, context)
    categories = index.categories()
    service = index.has_service()
    fields = output_fields(challenges.fields(), categories, service)
    domain_position = challenges.fields().indexOf("domain")
    rows = []
    total = max(1, challenges.featureCount())
    transform = QgsCoordinateTransform(challenges.crs(), crs, context)
    for step, feature in enumerate(challenges.getFeatures()):
        if feedback is not None:
            if feedback.isCanceled():
                break
            feedback.setProgress(100.0 * step / total)
        domain = feature[domain_position] if domain_position >= 0 else None
        domain = str(domain).strip() if domain not in (None, "") and str(domain) != "NULL" else ""
        attributes = list(feature.attributes())
        if not feature.hasGeometry() or feature.geometry().isEmpty():
            # No location: no count, no distance (null, not 0); only the actors without an area apply.
            around, names, departures = None, competent.competent(domain, None), None
            attributes += [None, None] * len(categories) + ([None] if service else [])
        else:
            geometry = QgsGeometry(feature.geometry())
            geometry.transform(transform)
            around = index.around(geometry, distance)
            names = competent.competent(domain, geometry)
            for category in categories:
                count, nearest = around.get(category, (0, None))
                attributes += [count, round(nearest, 1) if nearest is not None else None]
            departures = index.departures_near(geometry, distance) if service else None
            if service:
                attributes.append(departures)
        attributes += [len(names), "; ".join(names), summary_text(domain, distance, around, names, departures)]
        rows.append((attributes, feature.geometry()))
    return fields, rows
