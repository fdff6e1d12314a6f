"""The Territory tab's composer row against the local stand-ins of the national APIs: suggestions while the user
types, homonyms to choose from, and a territory composed, opened and loaded from the dock."""

import functools

import pytest
from open_territory.plugin.compose.territory import Territory
from open_territory.plugin.toolbelt.settings import load_settings, save_settings
from open_territory.ui import compose_box
from open_territory.ui.compose_box import ComposeBox
from open_territory.ui.territory_section import TerritorySection
from qgis.core import QgsProject

from ..plugin.compose.conftest import root, stand_ins  # noqa: F401 - fixtures
from ..qt_wait import wait_until

wait_for = functools.partial(wait_until, seconds=90)


@pytest.fixture()
def stand_in_services(stand_ins, root, tmp_path, monkeypatch):  # noqa: F811 - the fixtures' values
    """The composer's settings point at the stand-ins, as a mirror would be set in the options page."""
    settings = load_settings()
    settings.compose_geo_api = f"{root}/geo"
    settings.compose_transport_api = f"{root}/transport"
    settings.compose_datagouv_api = f"{root}/datagouv"
    settings.compose_sensor_api = f"{root}/sensors"
    settings.overpass_server = f"{root}/overpass/api/interpreter"
    save_settings(settings)
    monkeypatch.setattr(compose_box, "composed_profiles_folder", lambda: str(tmp_path / "profiles"))
    return stand_ins


def offered(box):
    return box.model.stringList()


def test_suggestions_while_typing(qgis_iface, stand_in_services):
    box = ComposeBox(qgis_iface)
    box.field.setText("Saint-Den")
    box.on_text_edited("Saint-Den")
    assert box.timer.isActive()  # the request waits for the typing to pause
    assert box.search() is not None
    assert wait_for(lambda: box.search_task is None)
    labels = offered(box)
    for homonym in ("Saint-Denis (974) — commune 97411", "Saint-Denis (93) — commune 93066"):
        assert homonym in labels
    box.field.setText("Saint-Denis (93) — commune 93066")  # picked from the list
    assert isinstance(box.chosen, Territory) and box.chosen.code == "93066"


def test_an_answer_to_older_text_is_dropped(qgis_iface, stand_in_services):
    box = ComposeBox(qgis_iface)
    box.field.setText("Vitré")
    assert box.search() is not None
    box.field.setText("Rennes")  # typed on before the answer came
    assert wait_for(lambda: box.search_task is None)
    assert offered(box) == []


def test_short_text_asks_nothing(qgis_iface, stand_in_services):
    box = ComposeBox(qgis_iface)
    box.field.setText("V")
    box.on_text_edited("V")
    assert not box.timer.isActive() and box.search() is None
    assert stand_in_services.log == []


def test_an_ambiguous_name_offers_its_homonyms(qgis_iface, stand_in_services):
    box = ComposeBox(qgis_iface)
    written = []
    box.composed.connect(written.append)
    box.field.setText("Saint-Denis")
    assert box.compose() is not None and box.compose_button.text() == "Cancel"
    assert wait_for(lambda: box.compose_task is None)
    assert written == [] and len(offered(box)) == 3
    assert box.status.text().startswith("Several territories match 'Saint-Denis'")
    box.field.setText("Saint-Denis (974) — commune 97411")  # picked from the list
    searches = [query for _m, _path, query in stand_in_services.log if "nom=" in query]
    box.compose()
    assert wait_for(lambda: box.compose_task is None)
    assert len(written) == 1 and written[0].endswith("saint_denis_97411.json")
    assert [query for _m, _path, query in stand_in_services.log if "nom=" in query] == searches  # not looked up again


def test_compose_vitre_open_it_and_load_it_from_the_territory_tab(
    qgis_iface, qgis_new_project, stand_in_services, tmp_path
):
    section = TerritorySection(qgis_iface)
    section.compose_box.field.setText("Vitré")
    assert section.compose_box.compose() is not None
    assert wait_for(lambda: section.compose_box.compose_task is None), "the composition did not end"
    profile = section.profile
    assert profile.name == "Vitré" and profile.path == str(tmp_path / "profiles" / "vitre_35360.json")
    assert section.profile_combo.currentData() == profile.path
    assert section.compose_box.status.text().startswith("Profile composed for Vitré (35) — commune 35360")
    ticked = section.checked_layers()
    to_tick = {entry.layer for entry in profile.resources if entry.unconfirmed}
    assert "charging_station_national_file" in ticked and to_tick and not to_tick & set(ticked)
    section.output.setFilePath(str(tmp_path / "vitre.gpkg"))
    assert section.start_load() is not None
    assert wait_for(lambda: section.task is None), "the load did not finish"
    report = section.last_report
    assert report is not None and report.failed == [], report.summary()
    assert {"boundary", "charging_station_national_file", "road_accident_national_file"} <= set(report.layers)
    assert len(QgsProject.instance().mapLayers()) == len(report.layers)
