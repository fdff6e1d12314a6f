"""The register's challenges, split by geometry family in the project, as one planning input."""

import os

import pytest
from open_territory.plugin.planning.matrix import competence_matrix
from open_territory.plugin.planning.register_challenges import merged_challenges, register_challenge_layers
from open_territory.plugin.register import create_register, import_rows
from qgis.core import QgsProject, QgsWkbTypes

DEMO = os.path.join(os.path.dirname(__file__), "..", "..", "..", "resources", "demo", "data", "register")


@pytest.fixture()
def register_in_project(tmp_path, qgis_new_project):
    register = create_register(str(tmp_path / "register.gpkg"))
    report = import_rows(register, "challenges", os.path.join(DEMO, "challenges.csv"), geocode=False)
    assert report.imported == 6 and not report.failed
    register.add_to_project(QgsProject.instance())
    return register


def test_every_family_merged_into_points(register_in_project):
    layers = register_challenge_layers()
    assert [layer.customProperty("open_territory/register_geometry") for layer in layers] == [
        "Point",
        "LineString",
        "Polygon",
        "None",
    ]
    merged = merged_challenges(layers)
    assert merged.wkbType() == QgsWkbTypes.Point and merged.featureCount() == 6
    by_title = {f["title"]: f.geometry() for f in merged.getFeatures()}
    # The demo's line and area challenges are represented by a point on them.
    line = next(f for f in layers[1].getFeatures())
    assert line.geometry().buffer(1e-9, 4).contains(by_title[line["title"]])
    area = next(f for f in layers[2].getFeatures())
    assert area.geometry().contains(by_title[area["title"]])
    point = next(f for f in layers[0].getFeatures() if f["title"] == "Traversée piétonne du carrefour Mairie")
    assert by_title[point["title"]].asPoint() == point.geometry().asPoint()


def test_matrix_counts_every_register_challenge(register_in_project):
    rows = {row["domain"]: row for row in competence_matrix(merged_challenges(register_challenge_layers()), [], None)}
    assert sum(row["challenges_open"] + row["challenges_solved"] for row in rows.values()) == 6
    assert rows["stationnement"]["challenges_solved"] == 1 and rows["voirie"]["challenges_open"] == 1


def test_no_register_no_layers(qgis_new_project):
    assert register_challenge_layers() == []
    with pytest.raises(ValueError):
        merged_challenges([])
