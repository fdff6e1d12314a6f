"""The council map's map item: CRS (UTM for a geographic one), extent in any CRS, atlas naming field."""

from __future__ import annotations

from open_territory.plugin.export.layout_template import load_layout
from open_territory.plugin.export.map_frame import fill_scalebar, frame_map, name_field
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsReferencedRectangle,
    QgsVectorLayer,
)

from .council_data import SIDE, X0, Y0, load_layers


def framed_layout(layers, project, extent=None):
    layout = load_layout(project)
    frame_map(layout.itemById("map"), layers, project, extent)
    fill_scalebar(layout)
    return layout


def test_geographic_project_gets_a_metric_map(territory, qgis_new_project):
    """A project in WGS 84 is drawn in the UTM zone of the map (undistorted shapes, a scale bar in metres)."""
    project = QgsProject.instance()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    layers = load_layers(territory, ["communes"], project)
    layout = framed_layout(layers, project)
    map_item = layout.itemById("map")
    assert map_item.crs().authid() == "EPSG:32630"  # western France
    assert layout.itemById("scalebar").units() in (0, 1)  # metres or kilometres (QgsUnitTypes.Distance*)


def test_extent_in_another_crs_is_transformed(territory, project):
    layers = load_layers(territory, ["car_park_ods"], project)
    lambert, wgs84 = QgsCoordinateReferenceSystem("EPSG:2154"), QgsCoordinateReferenceSystem("EPSG:4326")
    first_commune = QgsRectangle(X0, Y0, X0 + SIDE, Y0 + SIDE)
    in_degrees = QgsCoordinateTransform(lambert, wgs84, project).transformBoundingBox(first_commune)
    layout = framed_layout(layers, project, extent=QgsReferencedRectangle(in_degrees, wgs84))
    shown = layout.itemById("map").extent()
    assert layout.itemById("map").crs() == lambert
    assert shown.contains(QgsPointXY(X0 + SIDE / 2, Y0 + SIDE / 2))
    assert not shown.contains(QgsPointXY(X0 + 2.5 * SIDE, Y0 + SIDE / 2))
    assert shown.height() < 1.2 * SIDE  # the commune fills the map's height, give or take the transform


def test_name_field():
    fields = "Polygon?crs=EPSG:2154&field=code:string&field=NOM:string"
    assert name_field(QgsVectorLayer(fields, "c", "memory")) == "NOM"
    assert name_field(QgsVectorLayer("Polygon?field=code:integer&field=label2:string", "c", "memory")) == "label2"
    assert name_field(QgsVectorLayer("Polygon?field=code:integer", "c", "memory")) is None
