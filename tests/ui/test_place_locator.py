"""The "ter" locator filter through QGIS's own QgsLocator (its worker thread), against the geo.api.gouv.fr
stand-in: places listed with their department, Enter zooms there, "Use as the area" loads the outline."""

from __future__ import annotations

import pytest
from open_territory.plugin.places.search import place_from_dict
from open_territory.ui.place_area import load_place_area
from open_territory.ui.place_locator import USE_AS_AREA, PlaceLocatorFilter
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsLocator,
    QgsLocatorContext,
    QgsLocatorResult,
    QgsProject,
    QgsVectorLayer,
)

from ..plugin.compose.standins import StandIns
from ..qt_wait import wait_until


@pytest.fixture()
def geo(httpserver):
    stand_ins = StandIns().register(httpserver)
    return stand_ins, httpserver.url_for("/geo").rstrip("/")


def locate(locator_filter, text):
    """What QGIS's locator lists for `text` typed in the bar."""
    locator = QgsLocator()
    locator.registerFilter(locator_filter)
    results, done = [], []
    # The locator emits temporaries: copied while they live.
    locator.foundResult.connect(lambda result: results.append(QgsLocatorResult(result)))
    locator.finished.connect(lambda: done.append(True))
    locator.fetchResults(text, QgsLocatorContext())
    assert wait_until(lambda: done, 30)
    locator.deregisterFilter(locator_filter)
    return results


def test_ot_prefix_lists_homonyms_with_their_department(geo, qgis_iface):
    _stand_ins, base = geo
    results = locate(PlaceLocatorFilter(qgis_iface, base=base), "ter saint denis")
    labels = [r.displayString for r in results]
    assert len([label for label in labels if label.startswith("Saint-Denis (")]) == 3, labels
    assert all(r.actions and r.actions[0].id == USE_AS_AREA for r in results)
    # Without the prefix the filter stays silent: it does not answer every search of the bar.
    assert locate(PlaceLocatorFilter(qgis_iface, base=base), "saint denis") == []


def test_enter_zooms_to_the_place(geo, qgis_iface, qgis_new_project):
    _stand_ins, base = geo
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    result = locate(PlaceLocatorFilter(qgis_iface, base=base), "ter vitré")[0]
    assert result.displayString == "Vitré (35) — commune 35360"
    locator_filter = PlaceLocatorFilter(qgis_iface, base=base)
    locator_filter.triggerResult(result)
    centre = canvas.extent().center()
    # Vitré's centre in Lambert-93 (the fixture's centre at -1.2, 48.12)
    place = place_from_dict(result.getUserData())
    from qgis.core import QgsCoordinateTransform, QgsPointXY

    expected = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"), canvas.mapSettings().destinationCrs(), QgsProject.instance()
    ).transform(QgsPointXY(*place.centre["coordinates"][:2]))
    assert abs(centre.x() - expected.x()) < 2000 and abs(centre.y() - expected.y()) < 2000
    assert canvas.extent().width() < 30000  # a town, not France


def test_use_as_the_area_loads_the_outline_once(geo, qgis_iface, qgis_new_project, sync_runner):
    stand_ins, base = geo
    result = locate(PlaceLocatorFilter(qgis_iface, base=base), "ter 35360")[0]
    used = []

    def use_area(place):
        load_place_area(place, used.append, qgis_iface, base, runner=sync_runner)

    PlaceLocatorFilter(qgis_iface, use_area, base).triggerResultFromAction(result, USE_AS_AREA)
    assert len(used) == 1 and isinstance(used[0], QgsVectorLayer)
    assert QgsProject.instance().mapLayer(used[0].id()) is used[0] and used[0].name() == "Vitré (35)"
    asked = len(stand_ins.log)
    PlaceLocatorFilter(qgis_iface, use_area, base).triggerResultFromAction(result, USE_AS_AREA)
    assert used[1] is used[0] and len(stand_ins.log) == asked  # the outline already in the project


def test_a_service_down_is_one_line_not_an_error(geo, qgis_iface):
    stand_ins, base = geo
    stand_ins.down.add("/geo/")
    results = locate(PlaceLocatorFilter(qgis_iface, base=base), "ter rennes")
    assert len(results) == 1 and "geo.api.gouv.fr" in results[0].displayString and not results[0].getUserData()


def test_the_outline_failing_is_told(geo, qgis_iface, qgis_new_project, sync_runner):
    stand_ins, base = geo
    place = place_from_dict({"kind": "commune", "code": "35360", "name": "Vitré", "departments": ["35"]})
    stand_ins.down.add("/geo/")
    bar = qgis_iface.messageBar()
    bar.clear_messages()
    used = []
    load_place_area(place, used.append, qgis_iface, base, runner=sync_runner)
    assert used == [] and QgsProject.instance().mapLayers() == {}
    from qgis.core import Qgis

    assert any("geo.api.gouv.fr" in m for m in bar.get_messages(Qgis.Critical))
