"""Challenge context on hand-built layers, answers checked independently with shapely and pyproj."""

import re

import pytest
from open_territory.plugin.planning.context import (
    challenge_context,
    output_wkb_type,
    parse_competences,
)
from open_territory.plugin.toolbelt.errors import InputError
from open_territory.plugin.toolbelt.i18n import CONTEXT
from open_territory.plugin.toolbelt.metadata import translation_file
from pyproj import Transformer
from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsGeometry, QgsVectorLayer, QgsWkbTypes
from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from shapely import wkt as shapely_wkt
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
    challenges = layer(
        "Point?crs=EPSG:4326&field=title:string&field=domain:string",
        [
            (f"POINT({RENNES[0]} {RENNES[1]})", {"title": "Carrefour", "domain": "velo"}),
            (f"POINT({RENNES[0] + 0.05} {RENNES[1]})", {"title": "Loin", "domain": "qualite_air"}),
            (f"POINT({RENNES[0]} {RENNES[1] + 0.001})", {"title": "Sans domaine", "domain": None}),
            (None, {"title": "Sans géométrie", "domain": "velo"}),
        ],
    )
    # Resources in Lambert-93, at known offsets (metres) from the first challenge.
    parking = layer(
        "Point?crs=EPSG:2154&field=category:string",
        [
            (f"POINT({x0 + 100} {y0})", {"category": "bicycle_parking"}),
            (f"POINT({x0} {y0 + 300})", {"category": "bicycle_parking"}),
            (f"POINT({x0 + 900} {y0})", {"category": "bicycle_parking"}),
        ],
    )
    cycleways = layer(
        "LineString?crs=EPSG:4326&field=category:string",
        [
            (
                f"LINESTRING({RENNES[0] - 0.01} {RENNES[1] + 0.002}, {RENNES[0] + 0.01} {RENNES[1] + 0.002})",
                {"category": "cycleway"},
            )
        ],
    )
    corners = [(x0 - 1000, y0 - 1000), (x0 + 1000, y0 - 1000), (x0 + 1000, y0 + 1000), (x0 - 1000, y0 + 1000)]
    area = "POLYGON((" + ", ".join(f"{x} {y}" for x, y in corners + corners[:1]) + "))"
    actors = layer(
        "MultiPolygon?crs=EPSG:2154&field=name:string&field=competences:string",
        [
            (area, {"name": "Vélo Club", "competences": '["velo", "securite_routiere"]'}),
            (None, {"name": "Métropole", "competences": "voirie, velo"}),
            (area, {"name": "Air Breizh", "competences": "qualite_air"}),
        ],
    )
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


def test_a_challenge_without_location(layers):
    """Nothing is counted (null, not 0), nothing is said about distances, and the actors without an area
    (competent everywhere) are listed; those with an area cannot be judged."""
    challenges, resources, actors = layers
    fields, rows = challenge_context(challenges, resources, actors, 500)
    row = rows_by_title(fields, rows)["Sans géométrie"]
    for category in ("bicycle_parking", "cycleway"):
        assert row[f"n_{category}"] is None and row[f"nearest_{category}_m"] is None
    assert row["actors"] == "Métropole" and row["n_actors"] == 1
    summary = row["summary"]
    assert "no location" in summary and "Métropole" in summary
    assert not re.search(r"\d m\b", summary) and "within" not in summary and "missing nearby" not in summary


@pytest.fixture()
def french():
    translator = QTranslator()
    assert translator.load(translation_file("fr")), "run scripts/i18n.py update && scripts/i18n.py compile"
    QCoreApplication.installTranslator(translator)
    assert QCoreApplication.translate(CONTEXT, "Bicycle parking") != "Bicycle parking"
    yield
    QCoreApplication.removeTranslator(translator)


def test_summary_in_the_users_language(layers, french):
    challenges, resources, actors = layers
    fields, rows = challenge_context(challenges, resources, actors, 500)
    by = rows_by_title(fields, rows)
    label = {
        key: QCoreApplication.translate(CONTEXT, english)
        for key, english in (
            ("bicycle_parking", "Bicycle parking"),
            ("cycleway", "Cycleways"),
            ("bike_share_station", "Bike-share stations"),
            ("velo", "Cycling"),
        )
    }
    summary = by["Carrefour"]["summary"]
    assert summary.startswith(label["velo"] + "; ")
    assert f"{label['bicycle_parking']} (2)" in summary and f"{label['cycleway']} (1)" in summary
    assert label["bike_share_station"] in summary  # related to cycling, absent nearby
    for text in [summary] + [row["summary"] for row in by.values()]:
        assert not re.search(r"[a-z]+_[a-z_]+", text), text  # no category or domain key
        assert not re.search(r"\b(within|missing nearby|competent actors|no location)\b", text), text
    assert (
        QCoreApplication.translate(CONTEXT, "no location: resources nearby unknown") in by["Sans géométrie"]["summary"]
    )


def square(x0, y0, side):
    return f"POLYGON(({x0} {y0}, {x0 + side} {y0}, {x0 + side} {y0 + side}, {x0} {y0 + side}, {x0} {y0}))"


def test_an_actor_is_competent_when_its_area_covers_the_whole_challenge():
    """Checked against shapely's `covers`: on the edge counts, crossing the edge does not."""
    area = square(350000, 6790000, 1000)
    actors = layer(
        "Polygon?crs=EPSG:2154&field=name:string&field=competences:string",
        [(area, {"name": "Asso", "competences": "velo"})],
    )
    cases = {
        "inside": "POINT(350500 6790500)",
        "on the edge": "POINT(350000 6790500)",
        "outside": "POINT(349000 6790500)",
        "line inside": "LINESTRING(350100 6790100, 350900 6790900)",
        "line along the edge": "LINESTRING(350000 6790000, 351000 6790000)",
        "line crossing": "LINESTRING(350500 6790500, 351500 6790500)",
        "area inside": square(350100, 6790100, 200),
        "area crossing": square(350800, 6790800, 400),
        "area larger": square(349000, 6789000, 3000),
    }
    lines = layer("LineString?crs=EPSG:2154&field=title:string&field=domain:string", [])
    challenges = layer("Polygon?crs=EPSG:2154&field=title:string&field=domain:string", [])
    points = layer("Point?crs=EPSG:2154&field=title:string&field=domain:string", [])
    for title, wkt in cases.items():
        target = {"POINT": points, "LINESTRING": lines}.get(wkt.split("(")[0], challenges)
        feature = QgsFeature(target.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes([title, "velo"])
        target.dataProvider().addFeatures([feature])
    found = {}
    for target in (points, lines, challenges):
        fields, rows = challenge_context(target, [], actors, 100, crs=QgsCoordinateReferenceSystem("EPSG:2154"))
        found.update({title: names for title, names in ((r[0][0], r[0][fields.indexOf("actors")]) for r in rows)})
    expected = {
        title: "Asso" if shapely_wkt.loads(area).covers(shapely_wkt.loads(wkt)) else "" for title, wkt in cases.items()
    }
    assert found == expected
    assert expected["on the edge"] == "Asso" and expected["line crossing"] == expected["area crossing"] == ""


def test_output_type_fits_every_geometry():
    point, line = QgsGeometry.fromWkt("POINT(0 0)"), QgsGeometry.fromWkt("LINESTRING(0 0, 1 1)")
    multipoint = QgsGeometry.fromWkt("MULTIPOINT((0 0), (1 1))")
    assert output_wkb_type([point, point, QgsGeometry()], QgsWkbTypes.Unknown) == QgsWkbTypes.Point
    assert output_wkb_type([point, multipoint], QgsWkbTypes.Point) == QgsWkbTypes.MultiPoint
    assert output_wkb_type([point, line], QgsWkbTypes.Point) == QgsWkbTypes.Unknown
    assert output_wkb_type([QgsGeometry()], QgsWkbTypes.Polygon) == QgsWkbTypes.Polygon


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
    with pytest.raises(InputError, match="category"):
        challenge_context(challenges, [nocat], actors, 500)
    with pytest.raises(InputError, match="projected"):
        challenge_context(challenges, resources, actors, 500, crs=QgsCoordinateReferenceSystem("EPSG:4326"))


def test_parse_competences():
    assert parse_competences('["velo","voirie"]') == ["velo", "voirie"]
    assert parse_competences("Velo; voirie") == ["velo", "voirie"]
    assert parse_competences("{velo,marche}") == ["velo", "marche"]
    assert parse_competences(None) == [] and parse_competences(["donnees"]) == ["donnees"]
