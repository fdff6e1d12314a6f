"""Challenge context with a GTFS network's stops overlaid: the level of service near each challenge
(stops counted like any category, plus their departures between 7 and 9 h within the distance)."""

import pytest
from open_territory.plugin.planning.context import SERVICE_OUTPUT, challenge_context
from pyproj import Transformer
from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

TO_L93 = Transformer.from_crs("EPSG:4326", "EPSG:2154", always_xy=True)
GARE = (-1.5941, 47.8112)


def layer(uri, rows):
    lyr = QgsVectorLayer(uri, "t", "memory")
    features = []
    for wkt, attrs in rows:
        feature = QgsFeature(lyr.fields())
        if wkt:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        for key, value in attrs.items():
            feature[key] = value
        features.append(feature)
    lyr.dataProvider().addFeatures(features)
    lyr.updateExtents()
    return lyr


@pytest.fixture()
def overlay():
    x0, y0 = TO_L93.transform(*GARE)
    challenges = layer(
        "Point?crs=EPSG:2154&field=title:string&field=domain:string",
        [
            (f"POINT({x0} {y0})", {"title": "Gare", "domain": "transport_collectif"}),
            (f"POINT({x0 + 2000} {y0})", {"title": "Zone d'activités", "domain": "transport_collectif"}),
            (None, {"title": "Quelque part", "domain": "transport_collectif"}),
        ],
    )
    # Stops at 100 m, 250 m and 450 m from the station, and one with no morning service.
    stops = layer(
        "Point?crs=EPSG:2154&field=category:string&field=stop_name:string&field=departures_7_9:integer",
        [
            (f"POINT({x0 + 100} {y0})", {"category": "transit_stop", "stop_name": "A", "departures_7_9": 11}),
            (f"POINT({x0} {y0 - 250})", {"category": "transit_stop", "stop_name": "B", "departures_7_9": 3}),
            (f"POINT({x0 - 450} {y0})", {"category": "transit_stop", "stop_name": "C", "departures_7_9": 9}),
            (f"POINT({x0 + 2050} {y0})", {"category": "transit_stop", "stop_name": "D", "departures_7_9": 0}),
        ],
    )
    parking = layer("Point?crs=EPSG:2154&field=category:string", [(f"POINT({x0 + 10} {y0})", {"category": "car_park"})])
    return challenges, stops, parking


def by_title(fields, rows):
    names = fields.names()
    return {values[0]: dict(zip(names, values)) for values, _geometry in rows}


@pytest.mark.parametrize("distance, stops, departures", [(300, 2, 14), (500, 3, 23), (50, 0, 0)])
def test_departures_near_each_challenge(overlay, distance, stops, departures):
    challenges, stop_layer, parking = overlay
    fields, rows = challenge_context(challenges, [stop_layer, parking], None, distance)
    station = by_title(fields, rows)["Gare"]
    assert station["n_transit_stop"] == stops and station[SERVICE_OUTPUT] == departures
    assert f"public transport departures between 7 and 9 h: {departures}" in station["summary"]


def test_no_service_and_no_location(overlay):
    challenges, stop_layer, parking = overlay
    fields, rows = challenge_context(challenges, [stop_layer, parking], None, 300)
    rows = by_title(fields, rows)
    assert rows["Zone d'activités"]["n_transit_stop"] == 1 and rows["Zone d'activités"][SERVICE_OUTPUT] == 0
    assert rows["Quelque part"][SERVICE_OUTPUT] is None
    assert "departures between" not in rows["Quelque part"]["summary"]


def test_without_a_network_nothing_changes(overlay):
    challenges, _stops, parking = overlay
    fields, rows = challenge_context(challenges, [parking], None, 300)
    assert SERVICE_OUTPUT not in fields.names()
    assert "departures" not in by_title(fields, rows)["Gare"]["summary"]
