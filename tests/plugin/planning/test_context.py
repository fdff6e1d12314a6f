"""Challenge context on hand-built layers, answers checked independently with shapely and pyproj."""

import pytest
from open_territory.plugin.planning.context import PlanningError, challenge_context, parse_competences
from pyproj import Transformer
from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsGeometry, QgsVectorLayer
from shapely.geometry import Point

TO_L93 = Transformer.from_crs("EPSG:4326", "EPSG:2154", always_xy=True)
RENNES = (-1.6778, 48.1173)


def layer(uri, rows):
    lyr = QgsVectorLayer(uri, "t", "memory")
    features = []
    for wkt, attrs in rows:
        f = QgsFeature(lyr.fields())
        if wkt:
            f.setGeometry(QgsGeometry.fromWkt(wkt))
        for k, v in attrs.items():
            f[k] = v
        features.append(f)
    lyr.dataProvider().addFeatures(features)
    lyr.updateExtents()
    return lyr


def l93(lon, lat):
    return TO_L93.transform(lon, lat)


@pytest.fixture()
def layers():
    x0, y0 = l93(*RENNES)
    challenges = layer("Point?crs=EPSG:4326&field=title:string&field=domain:string",
                       [(f"POINT({RENNES[0]} {RENNES[1]})", {"title": "Carrefour", "domain": "velo"}),
                        (f"POINT({RENNES[0] + 0.05} {RENNES[1]})", {"title": "Loin", "domain": "qualite_air"}),
                        (f"POINT({RENNES[0]} {RENNES[1] + 0.001})", {"title": "Sans domaine", "domain": None}),
                        (None, {"title": "Sans géométrie", "domain": "velo"})])
    # Resources in Lambert-93, at known offsets (metres) from the first challenge.
    parking = layer("Point?crs=EPSG:2154&field=category:string",
                    [(f"POINT({x0 + 100} {y0})", {"category": "bicycle_parking"}),
                     (f"POINT({x0} {y0 + 300})", {"category": "bicycle_parking"}),
                     (f"POINT({x0 + 900} {y0})", {"category": "bicycle_parking"})])
    cycleways = layer("LineString?crs=EPSG:4326&field=category:string",
                      [(f"LINESTRING({RENNES[0] - 0.01} {RENNES[1] + 0.002}, {RENNES[0] + 0.01} {RENNES[1] + 0.002})",
                        {"category": "cycleway"})])
    corners = [(x0 - 1000, y0 - 1000), (x0 + 1000, y0 - 1000), (x0 + 1000, y0 + 1000), (x0 - 1000, y0 + 1000)]
    area = "POLYGON((" + ", ".join(f"{x} {y}" for x, y in corners + corners[:1]) + "))"
    actors = layer("MultiPolygon?crs=EPSG:2154&field=name:string&field=competences:string",
                   [(area, {"name": "Vélo Club", "competences": '["velo", "securite_routiere"]'}),
                    (None, {"name": "Métropole", "competences": "voirie, velo"}),
                    (area, {"name": "Air Breizh", "competences": "qualite_air"})])
    return challenges, [parking, cycleways], actors


def rows_by_title(fields, rows):
    names = fields.names()
    return {r[0][0]: dict(zip(names, r[0])) for r in rows}


def test_counts_nearest_and_actors(layers):
    challenges, resources, actors = layers
    fields, rows = challenge_context(challenges, resources, actors, 500)
    by = rows_by_title(fields, rows)
    first = by["Carrefour"]
    assert first["n_bicycle_parking"] == 2
    assert first["nearest_bicycle_parking_m"] == pytest.approx(100, abs=0.2)
    # Independent check of the cycleway distance in Lambert-93 with shapely.
    cx, cy = l93(*RENNES)
    from shapely.geometry import LineString
    line = LineString([l93(RENNES[0] - 0.01, RENNES[1] + 0.002), l93(RENNES[0] + 0.01, RENNES[1] + 0.002)])
    assert first["nearest_cycleway_m"] == pytest.approx(Point(cx, cy).distance(line), abs=0.5)
    assert first["n_cycleway"] == 1
    assert first["actors"] == "Vélo Club; Métropole" and first["n_actors"] == 2
    assert "Cycling" in first["summary"] and "Vélo Club" in first["summary"]
    far = by["Loin"]
    assert far["n_bicycle_parking"] == 0
    expected = Point(l93(RENNES[0] + 0.05, RENNES[1])).distance(Point(cx + 900, cy))
    assert far["nearest_bicycle_parking_m"] == pytest.approx(expected, abs=0.5)
    assert far["actors"] == ""  # Air Breizh's area does not reach it
    assert by["Sans domaine"]["n_actors"] == 0 and by["Sans domaine"]["n_bicycle_parking"] == 2
    assert by["Sans géométrie"]["n_bicycle_parking"] == 0 and by["Sans géométrie"]["nearest_bicycle_parking_m"] is None


def test_empty_inputs(layers):
    challenges, resources, actors = layers
    empty = layer("Point?crs=EPSG:4326&field=category:string", [])
    fields, rows = challenge_context(challenges, [empty], None, 500)
    assert len(rows) == 4 and "n_actors" in fields.names()
    no_challenges = layer("Point?crs=EPSG:4326&field=title:string&field=domain:string", [])
    assert challenge_context(no_challenges, resources, actors, 500)[1] == []


def test_errors(layers):
    challenges, resources, actors = layers
    nocat = layer("Point?crs=EPSG:4326&field=kind:string", [("POINT(0 0)", {"kind": "x"})])
    with pytest.raises(PlanningError, match="category"):
        challenge_context(challenges, [nocat], actors, 500)
    with pytest.raises(PlanningError, match="projected"):
        challenge_context(challenges, resources, actors, 500, crs=QgsCoordinateReferenceSystem("EPSG:4326"))


def test_parse_competences():
    assert parse_competences('["velo","voirie"]') == ["velo", "voirie"]
    assert parse_competences("Velo; voirie") == ["velo", "voirie"]
    assert parse_competences("{velo,marche}") == ["velo", "marche"]
    assert parse_competences(None) == [] and parse_competences(["donnees"]) == ["donnees"]
