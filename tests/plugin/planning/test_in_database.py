"""Challenge context in the database against the in-process path, on the same data: the scene of test_nearby
(points, multipoints, lines, areas, a layer in EPSG:4326, resources at exactly the distance...) as tables of
one PostGIS database, with actors, measured by PostGIS, by QGIS on those tables, and by QGIS on a GeoPackage."""

from __future__ import annotations

import pytest
from open_territory.plugin.planning import context as context_module
from open_territory.plugin.planning.context import challenge_context
from open_territory.plugin.planning.in_database import same_database
from open_territory.plugin.toolbelt.layer_writer import put_layers_in_database
from open_territory.plugin.toolbelt.postgres import table_uri
from osgeo import ogr
from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingFeedback, QgsVectorLayer, QgsWkbTypes

from .test_nearby import DISTANCE, X0, Y0, scene, write_gpkg

FAMILIES = {"points": QgsWkbTypes.Point, "lines": QgsWkbTypes.LineString, "areas": QgsWkbTypes.Polygon}
L93 = QgsCoordinateReferenceSystem("EPSG:2154")


def with_actors(data: dict) -> dict:
    square = f"{X0 + 500} {Y0 + 500}, {X0 + 2500} {Y0 + 500}, {X0 + 2500} {Y0 + 2500}, {X0 + 500} {Y0 + 2500}"
    actors = [
        (f"MULTIPOLYGON ((({square}, {X0 + 500} {Y0 + 500})))", {"name": "Vélo Club", "competences": '["velo"]'}),
        (None, {"name": "Métropole", "competences": "voirie; velo"}),
        (f"MULTIPOLYGON ((({square}, {X0 + 500} {Y0 + 500})))", {"name": "Voirie Est", "competences": "{voirie}"}),
        (None, {"name": "Air Breizh", "competences": "qualite_air"}),
    ]
    # A QGIS layer on a PostGIS table holds one geometry family: the lines and the areas in tables of their own.
    epsg, _kind, ways = data.pop("ways")
    lines = [row for row in ways if row[0].startswith("LINESTRING")]
    areas = [row for row in ways if not row[0].startswith("LINESTRING")]
    return dict(
        data,
        ways=(epsg, ogr.wkbLineString, lines),
        car_parks=(epsg, ogr.wkbPolygon, areas),
        actors=(2154, ogr.wkbMultiPolygon, actors),
    )


class Said(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.infos = []

    def pushInfo(self, info):  # noqa: N802
        self.infos.append(info)


def computed(fields, rows) -> list:
    """The columns challenge_context adds, per challenge, in the challenges' title order."""
    names = fields.names()
    added = [n for n in names if n.startswith(("n_", "nearest_", "transit_")) or n in ("actors", "summary")]
    table = [dict(zip(names, attributes)) for attributes, _geometry in rows]
    return sorted(tuple((n, row[n]) for n in ["title", *added]) for row in table)


def run(challenges, resources, actors, feedback=None):
    return computed(*challenge_context(challenges, resources, actors, DISTANCE, L93, feedback))


@pytest.fixture(scope="module")
def data():
    return with_actors(scene(11))


@pytest.fixture
def stored(data, postgis, tmp_path):
    """(GeoPackage path, PostGIS schema) holding the data. Layers are made in the tests themselves: an OGR
    layer held by a fixture is destroyed after pytest-qgis's teardown, which crashes the interpreter."""
    path = str(tmp_path / "scene.gpkg")
    write_gpkg(path, data)
    schema = postgis.new_schema()
    put_layers_in_database(path, postgis.CONNECTION, schema, {name: name for name in data})
    return path, schema


def open_layers(path: str, connection: str, schema: str) -> dict:
    """{"gpkg": {name: layer}, "postgis": {name: layer}}, the challenges split by family on both."""
    found = {"gpkg": {}, "postgis": {}}
    for name in ("stops", "lamps", "ways", "car_parks", "actors"):
        found["gpkg"][name] = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
        found["postgis"][name] = QgsVectorLayer(table_uri(connection, schema, name).uri(False), name, "postgres")
    for family, kind in FAMILIES.items():
        found["gpkg"][family] = QgsVectorLayer(
            f"{path}|layername=challenges|geometrytype={QgsWkbTypes.displayString(kind)}", family, "ogr"
        )
        uri = table_uri(connection, schema, "challenges")
        uri.setWkbType(kind)
        uri.setSrid("2154")
        found["postgis"][family] = QgsVectorLayer(uri.uri(False), family, "postgres")
    for kind in found.values():
        assert all(layer.isValid() for layer in kind.values()), [n for n, layer in kind.items() if not layer.isValid()]
    return found


@pytest.mark.parametrize("family", list(FAMILIES))
def test_the_database_gives_the_in_process_answers(stored, postgis, family, monkeypatch):
    layers = open_layers(stored[0], postgis.CONNECTION, stored[1])
    db = layers["postgis"]
    resources = [db["stops"], db["lamps"], db["ways"], db["car_parks"]]
    assert same_database(db[family], resources, db["actors"], L93) is not None
    feedback = Said()
    in_database = run(db[family], resources, db["actors"], feedback)
    assert any("PostGIS" in info for info in feedback.infos)  # the database path was taken
    gpkg = layers["gpkg"]
    from_file = run(gpkg[family], [gpkg["stops"], gpkg["lamps"], gpkg["ways"], gpkg["car_parks"]], gpkg["actors"])
    monkeypatch.setattr(context_module, "same_database", lambda *args: None)
    in_process = run(db[family], resources, db["actors"])
    assert in_database == in_process == from_file
    assert len(in_database) >= 12
    counted = [value for row in in_database for name, value in row if name.startswith("n_") and value]
    assert counted  # something was found near the challenges
    if family == "points":
        actors = {value for row in in_database for name, value in row if name == "actors"}
        assert "Vélo Club; Métropole" in actors and "Métropole" in actors


def test_tables_of_another_database_or_a_file_stay_in_process(stored, postgis):
    layers = open_layers(stored[0], postgis.CONNECTION, stored[1])
    db, gpkg = layers["postgis"], layers["gpkg"]
    assert same_database(db["points"], [db["stops"], gpkg["lamps"]], None, L93) is None
    assert same_database(db["points"], [db["stops"]], gpkg["actors"], L93) is None
    assert same_database(db["points"], [db["stops"]], None, QgsCoordinateReferenceSystem("EPSG:4326")) is not None


def test_a_scarce_category_is_searched_in_a_table_of_its_own(stored, postgis, monkeypatch):
    """Street lamps are three rows among the bus stops' table: their nearest search gets a temporary indexed
    table rather than walking the bus stops (here forced on a small table), with the same answers."""
    from open_territory.plugin.planning import in_database

    layers = open_layers(stored[0], postgis.CONNECTION, stored[1])
    db = layers["postgis"]
    resources = [db["stops"], db["lamps"], db["ways"], db["car_parks"]]
    usual = run(db["points"], resources, db["actors"])
    made = []
    original = in_database.DatabaseContext.rare_table
    monkeypatch.setattr(in_database, "RARE_ROWS", 0)
    monkeypatch.setattr(
        in_database.DatabaseContext, "rare_table", lambda self, *a: made.append(a[1]) or original(self, *a)
    )
    assert run(db["points"], resources, db["actors"]) == usual
    assert "street_lamp" in made


def test_the_departures_of_a_networks_stops_in_the_database(postgis, tmp_path, monkeypatch):
    """A GTFS network's stops with their departures between 7 and 9 h: added up near each challenge by PostGIS
    as in QGIS (transit_departures_7_9 and the summary)."""
    from open_territory.plugin.planning.context import SERVICE_OUTPUT

    data = {
        "challenges": (
            2154,
            ogr.wkbPoint,
            [(f"POINT ({X0 + 100 * i} {Y0})", {"title": f"c{i}", "domain": "transport_collectif"}) for i in range(20)],
        ),
        "stops": (
            2154,
            ogr.wkbPoint,
            [
                (f"POINT ({X0 + 37 * i} {Y0 + 60})", {"category": "transit_stop", "departures_7_9": i % 7 or None})
                for i in range(60)
            ]
            + [(f"POINT ({X0 + 500} {Y0 - 90})", {"category": "bus_stop", "departures_7_9": 40})],
        ),
    }
    path = str(tmp_path / "transit.gpkg")
    write_gpkg(path, data)
    schema = postgis.new_schema()
    put_layers_in_database(path, postgis.CONNECTION, schema, {name: name for name in data})
    in_db = [QgsVectorLayer(table_uri(postgis.CONNECTION, schema, n).uri(False), n, "postgres") for n in data]
    in_file = [QgsVectorLayer(f"{path}|layername={n}", n, "ogr") for n in data]
    assert same_database(in_db[0], [in_db[1]], None, L93) is not None
    fields, rows = challenge_context(in_db[0], [in_db[1]], None, DISTANCE, L93)
    assert SERVICE_OUTPUT in fields.names()
    in_database = computed(fields, rows)
    assert in_database == computed(*challenge_context(in_file[0], [in_file[1]], None, DISTANCE, L93))
    departures = [dict(row)[SERVICE_OUTPUT] for row in in_database]
    assert max(departures) > 0 and "departures between 7 and 9 h" in dict(in_database[0])["summary"]
