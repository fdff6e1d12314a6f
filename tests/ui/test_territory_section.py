"""The dock's territory section: profiles, the resource table by category, export, background load."""

import functools
import json
import os

from open_territory.plugin.definitions import category_label
from open_territory.plugin.profiles.profile import bundled_profile_ids, load_profile
from open_territory.ui.territory_section import LAYER_ROLE, TerritorySection
from qgis.core import Qgis, QgsApplication, QgsCoordinateReferenceSystem, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt

from ..qt_wait import wait_until


def tree_rows(section):
    rows = {}
    for i in range(section.tree.topLevelItemCount()):
        group = section.tree.topLevelItem(i)
        rows[group.text(0)] = [
            (group.child(j).data(0, LAYER_ROLE), group.child(j).checkState(0)) for j in range(group.childCount())
        ]
    return rows


def test_lists_bundled_profiles_and_groups_resources_by_category(qgis_iface):
    section = TerritorySection(qgis_iface)
    ids = [section.profile_combo.itemData(i) for i in range(section.profile_combo.count())]
    assert ids == bundled_profile_ids()
    section.profile_combo.setCurrentIndex(ids.index("toulouse"))
    profile = load_profile("toulouse")
    rows = tree_rows(section)
    assert set(rows) == {category_label(c) for c in profile.categories()}
    flat = {layer: state for entries in rows.values() for layer, state in entries}
    assert set(flat) == {e.layer for e in profile.resources}
    for entry in profile.resources:
        expected = Qt.Checked if entry.enabled and not entry.unconfirmed else Qt.Unchecked
        assert flat[entry.layer] == expected, entry.layer


def test_open_profile_file_and_export_the_setup(qgis_iface, tmp_path):
    section = TerritorySection(qgis_iface)
    assert section.open_profile_file(load_profile("rennes").path)
    keep = section.checked_layers()[:3]
    section.set_checked(keep)
    target = tmp_path / "elsewhere" / "my_territory.json"
    assert section.export_profile(str(target))
    exported = load_profile(str(target))
    assert [e.layer for e in exported.resources if e.enabled] == keep
    assert len(exported.resources) == len(load_profile("rennes").resources)
    # the exported file opens in the section like any profile
    assert section.open_profile_file(str(target))
    assert section.profile.path == str(target)
    from open_territory.plugin.profiles.remembered import recent_profiles

    assert recent_profiles()[0] == str(target)  # listed among the Browser's territories


def test_bad_profile_file_is_refused(qgis_iface, tmp_path):
    section = TerritorySection(qgis_iface)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"version": 1}), encoding="utf-8")
    before = section.profile_combo.count()
    assert not section.open_profile_file(str(bad))
    assert section.profile_combo.count() == before
    from open_territory.plugin.profiles.remembered import recent_profiles

    assert str(bad) not in recent_profiles()


wait_for = functools.partial(wait_until, seconds=60)


def test_loads_ticked_demo_resources_in_the_background(qgis_iface, qgis_new_project, tmp_path):
    section = TerritorySection(qgis_iface)
    section.profile_combo.setCurrentIndex(section.profile_combo.findData("demo"))
    wanted = [layer for layer in section.checked_layers() if layer.endswith("_ods")]
    assert wanted
    section.set_checked(wanted)
    section.output.setFilePath(str(tmp_path / "demo.gpkg"))
    task = section.start_load()
    assert task is not None and section.cancel_button.isEnabled()
    assert wait_for(lambda: section.task is None), "the load did not finish"
    report = section.last_report
    assert report is not None and not report.failed, report and report.summary()
    assert sorted(report.layers) == sorted(["boundary"] + wanted)
    names = sorted(layer.source().split("layername=")[1] for layer in QgsProject.instance().mapLayers().values())
    assert names == sorted(["boundary"] + wanted)
    assert "boundary" in section.summary.toPlainText()
    shown = {
        section.tree.topLevelItem(i).child(j).data(0, LAYER_ROLE): section.tree.topLevelItem(i).child(j).text(3)
        for i in range(section.tree.topLevelItemCount())
        for j in range(section.tree.topLevelItem(i).childCount())
    }
    for outcome in report.loaded:
        if outcome.layer != "boundary":
            assert shown[outcome.layer] == f"✓ {outcome.feature_count}"
    assert QgsApplication.taskManager().countActiveTasks() == 0


def test_cancel_leaves_no_file(qgis_iface, qgis_new_project, tmp_path):
    section = TerritorySection(qgis_iface)
    section.profile_combo.setCurrentIndex(section.profile_combo.findData("demo"))
    output = tmp_path / "cancelled.gpkg"
    section.output.setFilePath(str(output))
    assert section.start_load(all_resources=True) is not None
    section.cancel()
    assert wait_for(lambda: section.task is None), "the cancelled load did not end"
    assert section.last_report is None and not output.exists()
    assert section.load_all_button.isEnabled()


def test_resource_titles_stay_readable_in_a_narrow_dock(qgis_iface):
    section = TerritorySection(qgis_iface)
    section.profile_combo.setCurrentIndex(section.profile_combo.findData("rennes"))  # long dataset ids
    section.resize(400, 600)
    section.show()
    try:
        QgsApplication.processEvents()
        assert section.width() <= 400, "the section must fit a 400 px dock"
        tree = section.tree
        width = tree.viewport().width()
        assert tree.columnWidth(0) >= 0.35 * width, [tree.columnWidth(i) for i in range(4)]
        shown = [i for i in range(4) if not tree.isColumnHidden(i)]
        assert sum(tree.columnWidth(i) for i in shown) <= width + 1  # no horizontal scrolling
        group = tree.topLevelItem(0)
        assert group.isFirstColumnSpanned() and group.childCount()
        # a dock as narrow as QGIS gives it on a laptop: the titles only before a load, the titles and the last
        # load after one (its header a tick), the source and dataset in the title's tooltip
        section.resize(290, 600)
        QgsApplication.processEvents()
        assert tree.isColumnHidden(1) and tree.isColumnHidden(2) and tree.isColumnHidden(3)
        section.last_report = object()  # a load happened
        section.fit_columns()
        assert not tree.isColumnHidden(3) and tree.headerItem().text(3) == "✓"
        assert tree.columnWidth(0) >= 0.75 * tree.viewport().width()
        child = group.child(0)
        assert child.text(2) in child.toolTip(0)
        section.resize(400, 600)
        QgsApplication.processEvents()
        # wider, the other columns get their contents' width and the titles the rest
        section.resize(1400, 600)
        QgsApplication.processEvents()
        assert tree.columnWidth(1) == max(tree.sizeHintForColumn(1), tree.header().sectionSizeHint(1))
        assert tree.columnWidth(0) > tree.columnWidth(1)
    finally:
        section.hide()


def rennes_section(iface) -> TerritorySection:
    section = TerritorySection(iface)
    section.profile_combo.setCurrentIndex(section.profile_combo.findData("rennes"))
    return section


def test_offline_box_starts_from_the_settings(qgis_iface):
    from open_territory.plugin.toolbelt.settings import load_settings, save_settings

    assert not rennes_section(qgis_iface).offline_check.isChecked()
    settings = load_settings()
    settings.offline = True
    save_settings(settings)
    section = rennes_section(qgis_iface)
    assert section.offline_check.isChecked()
    section.offline_check.setChecked(False)  # the user's choice stands while the setting is unchanged
    section.sync_offline_setting()
    assert not section.offline_check.isChecked()
    settings.offline = False
    save_settings(settings)
    section.offline_check.setChecked(True)
    section.sync_offline_setting()  # the setting changed (options page): the box follows
    assert not section.offline_check.isChecked()


def test_a_territory_with_recorded_replies_says_it_loads_offline(qgis_iface):
    """The demo comes with its replies: the box is ticked and cannot be unticked, and the description is for users."""
    section = rennes_section(qgis_iface)
    assert section.offline_check.isEnabled()
    section.profile_combo.setCurrentIndex(section.profile_combo.findData("demo"))
    assert section.offline_check.isChecked() and not section.offline_check.isEnabled()
    assert "offline" in section.offline_check.toolTip()
    assert "resources/demo" not in section.description.text() and ".example" not in section.description.text()
    section.profile_combo.setCurrentIndex(section.profile_combo.findData("rennes"))
    assert section.offline_check.isEnabled() and not section.offline_check.isChecked()


def test_exported_profile_loads_the_ticked_unconfirmed_entries(qgis_iface, tmp_path):
    section = TerritorySection(qgis_iface)
    section.profile_combo.setCurrentIndex(section.profile_combo.findData("toulouse"))
    unconfirmed = [e.layer for e in section.profile.resources if e.unconfirmed]
    assert unconfirmed
    section.set_checked(section.checked_layers() + unconfirmed[:1])
    target = tmp_path / "mine.json"
    assert section.export_profile(str(target))
    exported = load_profile(str(target))
    from open_territory.plugin.profiles.territory import select_entries

    assert unconfirmed[0] in [e.layer for e in select_entries(exported)]
    assert [e.layer for e in exported.resources if e.unconfirmed] == unconfirmed[1:]


def test_export_keeps_every_language_of_the_titles(qgis_iface, tmp_path):
    section = TerritorySection(qgis_iface)
    section.profile_combo.setCurrentIndex(section.profile_combo.findData("demo"))
    target = tmp_path / "demo_copy.json"
    assert section.export_profile(str(target))
    data = json.loads(target.read_text(encoding="utf-8"))
    original = load_profile("demo").data
    assert data["boundary"]["title"] == original["boundary"]["title"]
    assert data["resources"]["car_park"][0]["title"] == {"fr": "Parkings", "en": "Car parks"}
    assert data["description"] == original["description"]


def test_a_new_project_takes_the_territory_crs(qgis_iface, qgis_new_project, tmp_path):
    from open_territory.plugin.profiles.territory import load_territory

    section = TerritorySection(qgis_iface)
    section.profile_combo.setCurrentIndex(section.profile_combo.findData("demo"))
    QgsProject.instance().setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    report = load_territory(section.profile, str(tmp_path / "d.gpkg"), layers=["car_park_ods"])
    placer = section.add_to_project(report)
    assert wait_for(lambda: placer.done)
    assert QgsProject.instance().crs().authid() == "EPSG:2154" == section.profile.crs


def test_osm_layers_of_a_territory_can_be_refreshed(qgis_iface, qgis_new_project, tmp_path):
    """A territory's OSM layer carries the attribution and the query that "Refresh from OpenStreetMap" reruns."""
    from open_territory.plugin.profiles.territory import load_territory
    from open_territory.plugin.sources.overpass import SPEC_PROPERTY

    section = TerritorySection(qgis_iface)
    section.profile_combo.setCurrentIndex(section.profile_combo.findData("demo"))
    osm = [e.layer for e in section.profile.resources if e.source == "overpass"]
    ods = [e.layer for e in section.profile.resources if e.source == "ods"]
    report = load_territory(section.profile, str(tmp_path / "d.gpkg"), layers=osm[:1] + ods[:1])
    assert not report.failed, report.summary()
    placer = section.add_to_project(report)
    assert wait_for(lambda: placer.done)
    layers = {layer.source().split("layername=")[1]: layer for layer in QgsProject.instance().mapLayers().values()}
    spec = json.loads(layers[osm[0]].customProperty(SPEC_PROPERTY))
    entry = next(e for e in section.profile.resources if e.layer == osm[0])
    assert spec["category"] == entry.category and len(spec["extent"]) == 4
    assert "OpenStreetMap" in layers[osm[0]].attribution()
    assert layers[ods[0]].customProperty(SPEC_PROPERTY) is None


def plugin_messages(iface) -> list:
    """(level, text) of the plugin's messages in the message bar."""
    from open_territory.plugin.toolbelt.logger import message_title

    return [(item.level(), item.text()) for item in iface.messageBar().items() if item.title() == message_title()]


def load_demo(section) -> None:
    section.profile_combo.setCurrentIndex(section.profile_combo.findData("demo"))
    section.set_checked([e.layer for e in section.profile.resources if e.source == "ods"][:3])
    assert section.start_load() is not None
    assert wait_for(lambda: section.task is None), "the load did not finish"


def test_each_load_reuses_the_territory_file_and_replaces_its_layers(qgis_iface, qgis_new_project, tmp_path):
    """An unsaved project: the file is shown before the load, said after it, and the next load replaces it and its
    layers (one file, one group) instead of adding a new timestamped file each time."""
    qgis_iface.messageBar().clearWidgets()
    section = TerritorySection(qgis_iface)
    section.profile_combo.setCurrentIndex(section.profile_combo.findData("demo"))
    expected = str(tmp_path / "territories" / "demo.gpkg")
    assert section.output.lineEdit().placeholderText() == expected
    load_demo(section)
    first = {layer.name() for layer in QgsProject.instance().mapLayers().values()}
    load_demo(section)
    project = QgsProject.instance()
    assert {layer.name() for layer in project.mapLayers().values()} == first
    groups = [g for g in project.layerTreeRoot().children() if g.name() == section.profile.name]
    assert len(groups) == 1 and len(groups[0].findLayers()) == len(first)
    assert sorted(os.listdir(tmp_path / "territories")) == ["demo.gpkg"]
    messages = plugin_messages(qgis_iface)
    assert len(messages) == 1, messages  # one message for the load, not one per load
    level, text = messages[0]
    assert level == Qgis.Success and expected in text and "the previous load is replaced" in text
    assert section.status.text() == text


def test_a_project_with_layers_keeps_its_crs_and_is_told(qgis_iface, qgis_new_project):
    project = QgsProject.instance()
    project.addMapLayer(QgsVectorLayer("Point?crs=EPSG:3857", "mine", "memory"))
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    section = TerritorySection(qgis_iface)
    load_demo(section)
    assert project.crs().authid() == "EPSG:3857"
    assert "the map stays in EPSG:3857, the project's CRS" in section.status.text()


def test_a_load_where_everything_failed_leaves_nothing_and_says_why(
    qgis_iface, qgis_new_project, monkeypatch, tmp_path
):
    from open_territory.plugin.sources import registry

    qgis_iface.messageBar().clearWidgets()
    qgis_iface.messageBar().clear_messages()
    monkeypatch.setattr(registry, "source_class", lambda key: (_ for _ in ()).throw(KeyError(key)))
    section = TerritorySection(qgis_iface)
    load_demo(section)
    assert QgsProject.instance().mapLayers() == {} and QgsProject.instance().layerTreeRoot().children() == []
    assert not (tmp_path / "territories" / "demo.gpkg").exists()
    bar = qgis_iface.messageBar()  # pytest-qgis's: it records the messages pushed without a button
    errors = bar.get_messages(Qgis.Critical)
    assert len(errors) == 1 and "No resource of Démo-sur-Vilaine could be loaded (3 failed)" in errors[0], errors
    assert len(bar.items()) <= 1 and not bar.get_messages(Qgis.Success) + bar.get_messages(Qgis.Warning)
    assert section.load_all_button.isEnabled()
