"""The place field of the panels that load over an area (ui/resources/place_field.py), against the stand-ins of
geo.api.gouv.fr and sensor.community (tests/plugin/compose/standins.py): search, choose, zoom, outline as the area
of the OpenStreetMap, citizen sensors and Opendatasoft panels, and a place chosen in the locator."""

from __future__ import annotations

import pytest
from open_territory.ui.resources.place_field import PlaceField
from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry

from ...plugin.compose.standins import StandIns
from ..test_browser import catalog_entry


@pytest.fixture()
def stand_ins(httpserver):
    return StandIns().register(httpserver), httpserver.url_for("/").rstrip("/")


def chosen(field: PlaceField, text: str, label: str) -> None:
    """Type `text`, let the search run (the timer's job), choose `label` in the list."""
    field.edit.setText(text)
    field.search()
    assert label in field.model.stringList(), field.model.stringList()
    field.choose(label)


def test_typing_lists_places_and_choosing_one_makes_its_outline_the_area(stand_ins, qgis_iface, project, sync_runner):
    _stand_ins, root = stand_ins
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    field = PlaceField(qgis_iface, runner=sync_runner, base=f"{root}/geo")
    areas = []
    field.areaChanged.connect(areas.append)
    field.edit.setText("saint denis")
    field.search()
    labels = field.model.stringList()
    assert len([label for label in labels if label.startswith("Saint-Denis (")]) == 3
    chosen(field, "vitre", "Vitré (35) — commune 35360")
    (layer,) = areas
    assert layer is not None and project.mapLayer(layer.id()) is layer and layer.name() == "Vitré (35)"
    assert field.edit.text() == "Vitré (35)" and field.area_layer() is layer
    area = QgsGeometry.fromWkt(field.coverage()["area_wkt"])
    outline = next(layer.getFeatures()).geometry()  # EPSG:4326 already, as geo.api.gouv.fr sends it
    assert area.equals(outline) or area.difference(outline).area() < 1e-12
    assert canvas.extent().width() < 30000  # the map zoomed to the town
    field.edit.clearValue()
    assert areas[-1] is None and field.coverage() == {}


def test_the_osm_panel_covers_the_place(stand_ins, qgis_iface, project, sync_runner):
    from open_territory.ui.resources.osm_panel import OsmPanel

    _stand_ins, root = stand_ins
    panel = OsmPanel(qgis_iface, runner=sync_runner)
    panel.place.base = f"{root}/geo"
    chosen(panel.place, "35360", "Vitré (35) — commune 35360")
    assert panel.area_combo.currentLayer() is panel.place.area_layer()
    assert "area_wkt" in panel.coverage() and "extent" not in panel.coverage()
    panel.shutdown()


def test_the_sensors_panel_loads_within_the_place(stand_ins, qgis_iface, project, sync_runner):
    from open_territory.ui.resources.sensors_panel import SensorsPanel

    stand_ins_, root = stand_ins
    panel = SensorsPanel(qgis_iface, runner=sync_runner)
    panel.place.base = f"{root}/geo"
    panel.server_edit.setText(f"{root}/sensors")
    chosen(panel.place, "Rennes", "Rennes (35) — commune 35238")
    panel.load_button.click()
    asked = [path for _method, path, _query in stand_ins_.log if path.startswith("/sensors/")]
    # The box asked is the place's, not the map's: Rennes' outline in the fixtures is the square 47.9875..48.0225.
    assert asked and "box=47.987500,-1.802500,48.022500,-1.767500" in asked[-1], asked
    sensors = [layer for layer in project.mapLayers().values() if layer.name() == "Citizen sensors"]
    assert len(sensors) == 1
    panel.shutdown()


def test_the_ods_panel_filters_on_the_place(qgis_iface, project, httpserver, sync_runner, wait_until):
    """The dataset's records intersecting the place's outline, asked of the portal in ODSQL."""
    import json

    from open_territory.ui.resources.ods_panel import OdsPanel

    api = "/api/explore/v2.1/catalog/datasets"
    entry = catalog_entry("arceaux", "Arceaux vélo")
    httpserver.expect_request(api).respond_with_json({"total_count": 1, "results": [entry]})
    httpserver.expect_request(f"{api}/arceaux").respond_with_json(entry)
    point = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-1.2, 48.12]}, "properties": {}}
    httpserver.expect_request(f"{api}/arceaux/exports/geojson").respond_with_data(
        json.dumps({"type": "FeatureCollection", "features": [point]}), content_type="application/geo+json"
    )
    stand_ins = StandIns().register(httpserver)  # after the portal's replies: it answers the rest (geo)
    panel = OdsPanel(qgis_iface, runner=sync_runner)
    panel.place.base = httpserver.url_for("/geo").rstrip("/")
    panel.add_portal(httpserver.url_for("/"))
    panel.search()
    panel.results.setCurrentRow(0)
    chosen(panel.place, "35360", "Vitré (35) — commune 35360")
    panel.load()
    exports = [r for r, _ in httpserver.log if r.path.endswith("/exports/geojson")]
    assert exports and "intersects(" in exports[-1].args.get("where", ""), [r.args for r in exports]
    assert [layer.name() for layer in project.mapLayers().values() if layer.name() == "Arceaux vélo"]
    assert stand_ins.log  # the place was asked of geo.api.gouv.fr's stand-in
    from open_territory.plugin.profiles.remembered import recent_datasets

    remembered = recent_datasets()[0]  # as loaded: the same place's area loads it again
    assert remembered.entry["dataset"] == "arceaux" and "area_wkt" in remembered.entry
    panel.shutdown()


def test_a_place_from_the_locator_becomes_the_area_of_every_panel(stand_ins, qgis_iface, project, sync_runner):
    from open_territory.ui.resources_section import ResourcesSection

    _stand_ins, root = stand_ins
    section = ResourcesSection(qgis_iface)
    probe = PlaceField(qgis_iface, runner=sync_runner, base=f"{root}/geo")
    areas = []
    probe.areaChanged.connect(areas.append)
    chosen(probe, "35360", "Vitré (35) — commune 35360")
    section.use_area(areas[-1])
    taking = [panel for panel in section.panels if panel.place is not None]
    assert {type(panel).__name__ for panel in taking} == {"OsmPanel", "SensorsPanel", "OdsPanel"}
    assert all(panel.place.area_layer() is areas[-1] for panel in taking)
    section.shutdown()
